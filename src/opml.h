/* opml: read subscription lists (OPML 1.0/2.0, newsboat's urls file) and
 * write OPML 2.0.
 *
 * Nested outlines become sections: the titles of the outlines that enclose a
 * feed, joined with "/" ("Security/Japan").  In a urls file, a feed's first
 * plain tag is its section and a "~Title" tag its title.  Only http, https
 * and file URLs are accepted; anything else (newsboat's exec:, filter:,
 * "query:" lines, |command and $(command) entries included) is skipped with
 * a note and never run. */
#ifndef KIJI_OPML_H
#define KIJI_OPML_H

#include <stdbool.h>
#include <stddef.h>

struct opml_entry {
	char	*url;
	char	*title;		/* NULL when none is given */
	char	*section;	/* NULL outside any section */
};

struct opml_list {
	struct opml_entry	*entries;
	size_t			 n;
	char			**notes;	/* translated, one per skipped entry */
	size_t			 nnotes;
	bool			 is_opml;	/* which format was read */
};

/* Read data (OPML or a urls file, told apart by its first characters) into
 * *out (zeroed first; free it with opml_list_free() even on failure).  False
 * with *cause when the document is not usable at all. */
bool	 opml_read(const char *data, size_t len, struct opml_list *out,
	     char **cause);
bool	 opml_read_opml(const char *data, size_t len, struct opml_list *out,
	     char **cause);
void	 opml_read_urls(const char *data, size_t len, struct opml_list *out);
void	 opml_list_free(struct opml_list *);

/* Whether url may be subscribed to (http, https or file, no white space or
 * control characters). */
bool	 opml_url_ok(const char *url);

/* An OPML 2.0 document for n entries (sections become enclosing outlines,
 * in order of first appearance).  The caller frees the result. */
char	*opml_write(const struct opml_entry *, size_t n, const char *title);

#endif
