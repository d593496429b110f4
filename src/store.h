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

/* ---- transactions: group several calls (they nest in any store call) ---- */

bool	store_begin(struct store *, char **cause);
bool	store_commit(struct store *, char **cause);
void	store_rollback(struct store *);

/* ---- feeds: listing and housekeeping ---- */

struct store_feed {
	int64_t		 id;
	char		*url;
	char		*title;		/* from the feed document, or NULL */
	char		*link;
	time_t		 last_fetch;	/* 0: never fetched */
	time_t		 last_success;
	long		 http_status;
	char		*error;		/* the last fetch's error, or NULL */
	char		*redirect_url;	/* a permanent redirect's target, or NULL */
	int		 unread;
	int		 total;
};

/* All feeds, ordered by URL, into a new array the caller frees with
 * store_feed_list_free(). */
bool	store_feed_list(struct store *, struct store_feed **out, size_t *n,
	    char **cause);
void	store_feed_list_free(struct store_feed *, size_t);
/* Look up one feed (with its counts); false with *cause when unknown. */
bool	store_feed_get(struct store *, const char *url, struct store_feed *out,
	    char **cause);
void	store_feed_clear(struct store_feed *);
/* Make sure url has a row (a subscription not fetched yet). */
bool	store_feed_ensure(struct store *, const char *url, char **cause);
/* Remove url and its items; memo entries keep their copied text.
 * *found (may be NULL) tells whether the feed was there. */
bool	store_feed_remove(struct store *, const char *url, bool *found,
	    char **cause);
/* Mark every item of url read (url NULL: of every feed). */
bool	store_feed_mark_read(struct store *, const char *url, int *changed,
	    char **cause);

/* ---- items: queries and flags ---- */

struct store_query {
	const char	*feed_url;	/* NULL: every feed */
	const char *const *feed_urls;	/* with nfeed_urls > 0: only these */
	size_t		 nfeed_urls;
	bool		 unread_only;
	bool		 starred_only;
	const char	*search;	/* NULL or "": no search; words AND-ed */
	bool		 full;		/* also load summary and content */
	int		 limit;		/* 0: no limit */
	int		 offset;
};

/* Items matching q, newest first, into a new array the caller frees with
 * store_items_free().  Without q->full, summary and content are NULL. */
bool	store_items_query(struct store *, const struct store_query *q,
	    struct store_item **out, size_t *n, char **cause);
void	store_items_free(struct store_item *, size_t);
/* How many items match q (its limit and offset aside). */
bool	store_items_count(struct store *, const struct store_query *q,
	    size_t *count, char **cause);
/* Item id's enclosures, in document order, into a new array the caller
 * frees with store_enclosures_free(). */
bool	store_item_enclosures(struct store *, int64_t id,
	    struct enclosure **out, size_t *n, char **cause);
void	store_enclosures_free(struct enclosure *, size_t);

enum store_flag {
	STORE_FLAG_READ,
	STORE_FLAG_STARRED,
};

bool	store_item_set_read(struct store *, int64_t id, bool, char **cause);
bool	store_item_set_starred(struct store *, int64_t id, bool, char **cause);
/* Set flag on all n items or on none: an unknown id fails the whole call. */
bool	store_items_set_flag(struct store *, const int64_t *ids, size_t n,
	    enum store_flag, bool value, char **cause);

/* Delete read items dated before older_than, except starred ones, those a
 * memo refers to and those the feed's latest document still carries (they
 * would come back as new).  *removed (may be NULL) gets the count. */
bool	store_expire(struct store *, time_t older_than, int *removed,
	    char **cause);
/* The full-text index is built lazily: refreshes note new and changed
 * items as pending, and searches index them first.  Index up to max
 * pending items (max <= 0: all of them), each batch in a transaction of
 * its own, so that an interruption loses no more than one batch's work
 * and leaves every item either indexed or pending.  *left (may be NULL)
 * gets how many are still pending.  Call it when idle to keep searches
 * quick. */
/* How many stored items are not yet in the search index. */
bool	store_fts_left(struct store *, size_t *left, char **cause);
bool	store_fts_catch_up(struct store *, int max, size_t *left,
	    char **cause);
/* Let SQLite refresh its statistics; cheap, call before closing. */
bool	store_optimize(struct store *, char **cause);

#endif
