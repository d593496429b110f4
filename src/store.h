/* store: kiji's SQLite database (feeds' fetch state, items, memo).
 * One struct store per thread; WAL and a busy timeout let several coexist. */
#ifndef KIJI_STORE_H
#define KIJI_STORE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "model.h"

struct store;

/* Open (creating and migrating as needed) the database at path. */
struct store	*store_open(const char *path, char **cause);
void		 store_close(struct store *);

/* ---- feeds: fetch state, keyed by URL ---- */

/* What one fetch of a feed came to; strings may be NULL. */
struct store_fetch {
	time_t		 fetched_at;
	long		 http_status;	/* 0 for file:// or no response */
	const char	*error;		/* NULL on success; curl or parse error text */
	const char	*etag;		/* from the response, for the next request */
	const char	*last_modified;
	const char	*redirect_url;	/* a permanent redirect's target, offered */
	bool		 not_modified;	/* 304: keep items, update fetch time */
};

/* The validators to send with the next request; *etag and *last_modified
 * are NULL or owned by the caller. */
bool	store_feed_validators(struct store *, const char *url, char **etag,
	    char **last_modified, char **cause);

/* Record one fetch of url and, with doc != NULL, upsert its items in one
 * transaction: new items are inserted, known ones (same feed, same key)
 * updated in place keeping read/starred state.  *new_items gets the count. */
bool	store_feed_apply(struct store *, const char *url, const struct feed_doc *doc,
	    const struct store_fetch *, int *new_items, char **cause);

/* ---- items ---- */

struct store_item {
	int64_t		 id;
	int64_t		 feed_id;
	char		*feed_url;
	char		*feed_title;
	char		*guid;
	char		*key;
	char		*title;
	char		*link;
	char		*author;
	char		*summary;
	int		 summary_type;	/* enum content_type */
	char		*content;
	int		 content_type;
	char		*base;
	time_t		 published;
	time_t		 updated;
	time_t		 first_seen;
	time_t		 date;		/* published, else updated, else first_seen */
	bool		 read;
	bool		 starred;
};

/* Load item id into *out (cleared first); false with *cause when absent. */
bool	store_item_get(struct store *, int64_t id, struct store_item *out,
	    char **cause);
void	store_item_clear(struct store_item *);

#endif
