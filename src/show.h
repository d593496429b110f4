/* show: an item laid out as the reading pane shows it (header, body, link
 * list); shared by `kiji show`, `kiji render` and the TUI's reader. */
#ifndef KIJI_SHOW_H
#define KIJI_SHOW_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

#include "html.h"
#include "layout.h"

/* What to show; any string may be NULL (its header line is left out). */
struct show_item {
	const char	*title;
	const char	*feed_title;
	const char	*author;
	const char	*link;
	time_t		 date;		/* 0: no date line */
	const char	*body;		/* HTML or plain text */
	size_t		 body_len;
	bool		 body_html;
	const char	*base;		/* for the body's relative links */
};

/* Lay out item at opts' width; the caller frees with layout_free(). */
struct layout	*show_render(const struct show_item *,
		    const struct layout_opts *);

/* The same in two steps, for a reader that lays out again on resize and
 * opens links by number: parse the body once (links are body->links[n - 1];
 * free with html_doc_free()), then lay out header, body and link list. */
struct html_doc	*show_parse_body(const struct show_item *);
struct layout	*show_layout(const struct show_item *, const struct html_doc *,
		    const struct layout_opts *);

/* Print lines on f, with SGR colours for the styles when color is set.
 * Returns false when writing fails. */
bool		 show_print(FILE *, const struct layout *, bool color);

/* Parse a decimal integer in [min, max] (for --width, --ambiguous). */
bool		 show_parse_int(const char *, int min, int max, int *out);

/* The width to lay out at for stdout: the terminal's, else 80. */
int		 show_default_width(void);

/* Take an option `kiji show` and `kiji render` share, as getopt_long gives
 * it: 'w' (--width N), 'a' (--ambiguous N) or 'C' (--color), into opts or
 * *color. Returns 1 when taken, 0 when c is none of them, -1 with *cause
 * when arg is invalid. */
int		 show_option(int c, const char *arg, struct layout_opts *,
		    bool *color, char **cause);

/* Lay out item and print it on stdout, with colours when color is set and
 * stdout is a terminal. Returns false when writing fails. */
bool		 show_stdout(const struct show_item *, const struct layout_opts *,
		    bool color);

#endif
