/* store-newsboat: carry newsboat's history (its cache.db) into the store.
 *
 * newsboat's cache is opened read-only and never written: the user's file
 * stays byte for byte what it was, and newsboat may keep running.  For one
 * feed URL, every item newsboat has not deleted becomes a kiji item under
 * the key kiji's parser would give it (the feed's guid, else its link), so
 * that the next refresh updates these rows instead of adding copies.
 * Read and flagged (any newsboat flag letter) carry over as read and
 * starred (a star being an entry of the memo's open issue), only ever from
 * unread to read and unstarred to starred: an item kiji already has keeps
 * its text, and importing twice changes nothing.  The feed's fetch state
 * (validators included) is left as it was, so the first refresh fetches
 * everything. */
#ifndef KIJI_STORE_NEWSBOAT_H
#define KIJI_STORE_NEWSBOAT_H

#include <stdbool.h>
#include <stddef.h>

#include "store.h"

struct store_newsboat;

/* What importing one feed did. */
struct store_newsboat_stats {
	int	items;		/* newsboat's items for the feed (not deleted) */
	int	added;		/* new kiji items */
	int	read;		/* items this import marked read */
	int	starred;	/* items this import starred */
	int	skipped;	/* items with neither guid nor link */
};

/* Open newsboat's cache at path read-only, checking that it is one. */
struct store_newsboat *store_newsboat_open(const char *path, char **cause);
void	store_newsboat_close(struct store_newsboat *);

/* The feed URLs the cache holds items or a feed row for, sorted, into a new
 * array of strings the caller frees with store_newsboat_urls_free(). */
bool	store_newsboat_urls(struct store_newsboat *, char ***urls, size_t *n,
	    char **cause);
void	store_newsboat_urls_free(char **, size_t);

/* Import newsboat's items of url into st's feed url (created if need be),
 * in one transaction.  With star, flagged items are starred, which puts
 * them into the memo's open issue (store_memo_star(), default section).
 * *stats (zeroed first) says what happened. */
bool	store_newsboat_import(struct store *st, struct store_newsboat *,
	    const char *url, bool star, struct store_newsboat_stats *stats,
	    char **cause);

/* The key kiji's parser gives the item newsboat stored with this guid and
 * link (newsboat's guid falls back to link + date, kiji's to the link), or
 * NULL when there is none.  *is_guid tells whether guid is the feed's own.
 * The caller frees the result. */
char	*store_newsboat_key(const char *guid, const char *link, bool *is_guid);

#endif
