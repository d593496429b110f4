/* model: what a parsed feed is.  Produced by feed_parse(), consumed by the
 * store and by `kiji parse --json`.  All strings are valid UTF-8 (or NULL);
 * the document owns everything it points to (see feed_doc_free()). */
#ifndef KIJI_MODEL_H
#define KIJI_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

enum content_type {
	CONTENT_TEXT = 0,	/* plain text */
	CONTENT_HTML,		/* HTML markup (also xhtml, serialised) */
};

struct enclosure {
	char		*url;		/* absolute */
	char		*type;		/* MIME type or NULL */
	long long	 length;	/* bytes, -1 when unknown */
};

struct item {
	char		*guid;		/* guid/id as the feed gives it, or NULL */
	char		*key;		/* identity: guid, else link, else hash */
	char		*title;
	enum content_type title_type;	/* HTML: markup kept (Atom html/xhtml,
					   RSS text that looks like HTML) */
	char		*link;		/* absolute (resolved against base) */
	char		*author;
	char		*summary;
	enum content_type summary_type;
	char		*content;	/* full content (content:encoded, atom:content) */
	enum content_type content_type;
	char		*base;		/* base URL for resolving links in content */
	char		*published_raw;
	char		*updated_raw;
	time_t		 published;	/* UTC epoch; 0 when absent/unparseable */
	time_t		 updated;
	char		**categories;
	size_t		 ncategories;
	struct enclosure *enclosures;
	size_t		 nenclosures;
};

struct feed_doc {
	char		*version;	/* feedparser names: rss20, rss10, atom10, ... */
	char		*encoding;	/* charset the bytes were decoded with */
	bool		 bozo;		/* the document was not well-formed */
	char		*bozo_message;	/* first problem, translated; or NULL */
	char		*title;
	enum content_type title_type;	/* as an item's */
	char		*link;
	char		*subtitle;
	char		*id;
	char		*language;
	char		*rights;
	char		*author;
	char		*updated_raw;
	time_t		 updated;
	struct item	*items;
	size_t		 nitems;
};

#endif
