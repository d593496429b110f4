/* feed-int: what the feed parser's files share (private to feed*.c). */
#ifndef KIJI_FEED_INT_H
#define KIJI_FEED_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "buf.h"
#include "model.h"

/* The namespaces the parser recognises. */
enum feed_ns {
	FEED_NS_NONE = 0,	/* no namespace */
	FEED_NS_RSS,		/* RSS 0.90, 1.0, userland 2.0 */
	FEED_NS_ATOM10,
	FEED_NS_ATOM03,
	FEED_NS_DC,
	FEED_NS_DCTERMS,
	FEED_NS_CONTENT,
	FEED_NS_MEDIA,
	FEED_NS_RDF,
	FEED_NS_XHTML,
	FEED_NS_OTHER,
};

/* Bytes decoded to UTF-8 and made ready for libxml2. */
struct feed_decoded {
	char	*data;		/* UTF-8, no NULs, entities fixed */
	size_t	 len;
	char	*encoding;	/* name of the charset used */
	bool	 bozo;
	char	*message;	/* first problem, or NULL */
};

/* One parse in progress. */
struct feed_ctx {
	xmlDoc		*xml;
	struct feed_doc	*doc;
	const char	*base_url;	/* the caller's base, or NULL */
	char		*fallback_base;	/* RSS: the channel's link */
	size_t		 entity_budget;	/* bytes internal entities may add */
	char		*guid_link;	/* RSS: a permalink guid, per item */
	bool		 rss_summary;	/* RSS: the item's summary came from
					   a <summary> element */
};

/* feed-decode.c */
void		 feed_decode(const char *, size_t, const char *charset,
		     struct feed_decoded *);
void		 feed_decode_free(struct feed_decoded *);
unsigned long	 feed_decode_c1(unsigned long);

/* feed.c: node helpers shared by the format parsers */
enum feed_ns	 feed_ns_of(const xmlNode *);
bool		 feed_is(const xmlNode *, enum feed_ns, const char *);
bool		 feed_is_atom(const xmlNode *, const char *);
char		*feed_node_text(struct feed_ctx *, const xmlNode *);
void		 feed_node_entity(struct feed_ctx *, const xmlNode *,
		     struct buf *);
char		*feed_node_attr(const xmlNode *, const char *);
char		*feed_node_base(struct feed_ctx *, const xmlNode *);
char		*feed_node_url(struct feed_ctx *, const xmlNode *,
		     const char *);
void		 feed_take(char **, char *);
void		 feed_replace(char **, char *);
struct item	*feed_item_new(struct feed_doc *);
void		 feed_item_category(struct item *, char *);
void		 feed_item_enclosure(struct item *, char *, const char *,
		     const char *);
void		 feed_media_fallback(struct feed_ctx *, struct item *,
		     const xmlNode *);
void		 feed_set_date(char **, time_t *, char *);

/* feed-html.c */
char		*feed_html_children(struct feed_ctx *, const xmlNode *,
		     const char *base);
char		*feed_html_clean(const char *, const char *base);
char		*feed_html_escape(const char *);

/* feed-rss.c and feed-atom.c */
void		 feed_rss_parse(struct feed_ctx *, xmlNode *);
void		 feed_atom_parse(struct feed_ctx *, xmlNode *);
char		*feed_atom_text(struct feed_ctx *, const xmlNode *,
		     enum content_type *);

#endif
