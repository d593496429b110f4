/* feed: parse RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with libxml2. */
#ifndef KIJI_FEED_H
#define KIJI_FEED_H

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
struct feed_doc	*feed_parse(const char *data, size_t len, const char *base_url,
		     const char *charset, char **cause);
void		 feed_doc_free(struct feed_doc *);

#endif
