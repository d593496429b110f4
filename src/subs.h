/* subs: the subscription list, a plain text file users may edit by hand.
 *
 *     # comment (kept when kiji rewrites the file)
 *     [Section name]
 *     https://example.org/feed.xml  Optional title
 *
 * One URL per line, an optional title after white space, "[...]" lines open a
 * section that lasts until the next one.  Comments and blank lines are kept. */
#ifndef KIJI_SUBS_H
#define KIJI_SUBS_H

#include <stdbool.h>
#include <stddef.h>

struct sub {
	char	*url;
	char	*title;		/* NULL when the file gives none */
	char	*section;	/* NULL outside any section */
	int	 line;		/* line number in the file, for messages */
};

struct subs;

struct subs	*subs_load(const char *path, char **cause); /* missing file: empty */
size_t		 subs_count(const struct subs *);
const struct sub *subs_get(const struct subs *, size_t);
const struct sub *subs_find(const struct subs *, const char *url);
bool		 subs_add(struct subs *, const char *url, const char *title,
		     const char *section, char **cause);
bool		 subs_remove(struct subs *, const char *url);
bool		 subs_save(struct subs *, const char *path, char **cause); /* atomic */
void		 subs_free(struct subs *);

#endif
