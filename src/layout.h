/* layout: blocks of styled text laid out at a width as terminal lines, with
 * UAX #14 line breaking, Japanese strict kinsoku and grapheme-cluster widths.
 * Pure and thread-safe: no curses, no global state but the utf8 ambiguous
 * width default. */
#ifndef KIJI_LAYOUT_H
#define KIJI_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "html.h"

struct layout_opts {
	int	width;		/* columns; values under 2 count as 2 */
	int	ambiguous;	/* East Asian Ambiguous width 1 or 2; 0: global */
};

/* A run of bytes of a line in one style (HTML_STYLE_* mask). */
struct layout_run {
	size_t		start;
	size_t		len;
	unsigned	style;
};

struct layout_line {
	char		*text;		/* sanitized UTF-8, NUL-terminated */
	size_t		 len;
	int		 width;		/* columns, never over the layout width */
	struct layout_run *runs;	/* consecutive, covering text */
	size_t		 nruns;
};

struct layout {
	struct layout_line *lines;
	size_t		 nlines;
};

/* Lay out n blocks; the caller frees the result with layout_free(). */
struct layout	*layout_blocks(const struct html_block *, size_t n,
		    const struct layout_opts *);
void		 layout_free(struct layout *);

/* The break opportunities of text under ja@lb=strict, as a byte-indexed
 * array of len + 1 flags (true: a line may start at that byte), or NULL
 * when ICU fails.  The caller frees it. */
bool		*layout_breaks(const char *text, size_t len);

#endif
