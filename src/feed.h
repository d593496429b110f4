/* feed: parse RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with libxml2. */
#ifndef KIJI_FEED_H
#define KIJI_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"

/*
 * Parse len bytes of a feed.  base_url (may be NULL) resolves relative links;
 * charset (may be NULL) is the HTTP Content-Type charset, which wins over the
 * XML declaration.  Never loads entities, DTDs or the network.  Returns a
 * document the caller frees with feed_doc_free(), or NULL with *cause set
 * (caller frees) when nothing feed-like could be read.  A broken but readable
 * document is returned with bozo set.
 */
/*
 * Initialise libxml2.  Call once from the main thread before any thread
 * calls feed_parse(); feed_parse() itself keeps no global state.
 */
void		 feed_init(void);

struct feed_doc	*feed_parse(const char *data, size_t len, const char *base_url,
		     const char *charset, char **cause);
void		 feed_doc_free(struct feed_doc *);

/* Mark doc as ill-formed, keeping the first message (copied). */
void		 feed_doc_bozo(struct feed_doc *, const char *message);

/*
 * The charset a Content-Type header value implies, or NULL (caller frees).
 * Follows RFC 3023 as feedparser does: a text/ XML type without a charset
 * parameter means us-ascii.  *is_xml (may be NULL) says whether the media
 * type is an XML or feed type; a feed served as text/plain or text/html is
 * worth a bozo flag.
 */
char		*feed_content_type_charset(const char *content_type,
		     bool *is_xml);

#endif
