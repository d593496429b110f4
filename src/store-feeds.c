/* store-feeds: recording fetches and their items; the feed list. */
#include "config.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "i18n.h"
#include "store-int.h"
#include "xalloc.h"

bool
store_feed_validators(struct store *st, const char *url, char **etag,
    char **last_modified, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*etag = *last_modified = NULL;
	if ((s = store_stmt(st, STMT_FEED_VALIDATORS, cause)) == NULL) {
		return false;
	}
	store_bind_text(s, 1, url);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		*etag = store_column_dup(s, 0);
		*last_modified = store_column_dup(s, 1);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return store_fail(st, cause, _("cannot read a feed"));
	}
	return true;
}

/* The id of url's row, created if need be. */
static bool
store_feed_id(struct store *st, const char *url, bool create, int64_t *id,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (create) {
		if ((s = store_stmt(st, STMT_FEED_ENSURE, cause)) == NULL) {
			return false;
		}
		store_bind_text(s, 1, url);
		if (!store_step_done(st, s, cause)) {
			return false;
		}
	}
	if ((s = store_stmt(st, STMT_FEED_ID, cause)) == NULL) {
		return false;
	}
	store_bind_text(s, 1, url);
	rc = sqlite3_step(s);
	*id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_reset(s);
	if (rc == SQLITE_DONE) {
		*cause = xasprintf(_("no such feed: %s"), url);
		return false;
	}
	if (rc != SQLITE_ROW) {
		return store_fail(st, cause, _("cannot read a feed"));
	}
	return true;
}

bool
store_feed_ensure(struct store *st, const char *url, char **cause)
{
	int64_t	id;

	return store_feed_id(st, url, true, &id, cause);
}

/* A title as the store keeps it, plain text: an HTML title's markup
 * stripped and entities decoded.  A new string, or NULL when title is
 * plain already. */
static char *
store_feed_plain_title(const char *title, enum content_type type)
{
	if (title == NULL || type != CONTENT_HTML ||
	    strpbrk(title, "<&") == NULL) {
		return NULL;
	}
	return html_to_plain(title, strlen(title));
}

/* Record what the fetch came to on the feed's row. */
static bool
store_feed_fetched(struct store *st, int64_t id, const struct feed_doc *doc,
    const struct store_fetch *f, time_t now, char **cause)
{
	sqlite3_stmt	*s;
	char		*title;
	bool		 ok;

	if ((s = store_stmt(st, STMT_FEED_FETCHED, cause)) == NULL) {
		return false;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
	sqlite3_bind_int64(s, 3, f->http_status);
	store_bind_text(s, 4, f->error);
	store_bind_text(s, 5, f->etag);
	store_bind_text(s, 6, f->last_modified);
	store_bind_text(s, 7, f->redirect_url);
	sqlite3_bind_int(s, 8, doc == NULL && !f->not_modified);
	sqlite3_bind_int(s, 9, f->not_modified);
	if (!store_step_done(st, s, cause)) {
		return false;
	}
	if (doc == NULL || f->not_modified) {
		return true;
	}
	if ((s = store_stmt(st, STMT_FEED_DOC, cause)) == NULL) {
		return false;
	}
	title = store_feed_plain_title(doc->title, doc->title_type);
	sqlite3_bind_int64(s, 1, id);
	store_bind_text(s, 2, title != NULL ? title : doc->title);
	store_bind_text(s, 3, doc->link);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)now);
	ok = store_step_done(st, s, cause);
	free(title);
	return ok;
}

/* Bind an item's fields to the shared parameters of the item statements. */
static void
store_feed_bind_item(sqlite3_stmt *s, int64_t feed_id, const struct item *it,
    time_t now)
{
	sqlite3_bind_int64(s, 1, feed_id);
	store_bind_text(s, 2, it->key);
	store_bind_text(s, 3, it->title);
	store_bind_text(s, 4, it->link);
	store_bind_text(s, 5, it->author);
	store_bind_text(s, 6, it->summary);
	sqlite3_bind_int(s, 7, (int)it->summary_type);
	store_bind_text(s, 8, it->content);
	sqlite3_bind_int(s, 9, (int)it->content_type);
	store_bind_text(s, 10, it->base);
	store_bind_time(s, 11, it->published);
	store_bind_time(s, 12, it->updated);
	store_bind_text(s, 13, it->guid);
	sqlite3_bind_int64(s, 14, (sqlite3_int64)it->nenclosures);
	sqlite3_bind_int64(s, 15, (sqlite3_int64)now);
}

/* Write the item's enclosures (after deleting the old ones). */
static bool
store_feed_enclosures(struct store *st, int64_t item_id, const struct item *it,
    bool replace, char **cause)
{
	sqlite3_stmt	*s;
	size_t		 i;

	if (replace) {
		if ((s = store_stmt(st, STMT_ENCL_DELETE, cause)) == NULL) {
			return false;
		}
		sqlite3_bind_int64(s, 1, item_id);
		if (!store_step_done(st, s, cause)) {
			return false;
		}
	}
	for (i = 0; i < it->nenclosures; i++) {
		if (it->enclosures[i].url == NULL) {
			continue;
		}
		if ((s = store_stmt(st, STMT_ENCL_INSERT, cause)) == NULL) {
			return false;
		}
		sqlite3_bind_int64(s, 1, item_id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)i);
		store_bind_text(s, 3, it->enclosures[i].url);
		store_bind_text(s, 4, it->enclosures[i].type);
		if (it->enclosures[i].length >= 0) {
			sqlite3_bind_int64(s, 5, it->enclosures[i].length);
		}
		if (!store_step_done(st, s, cause)) {
			return false;
		}
	}
	return true;
}

/* An item's date: published, else updated, else when first seen. */
static time_t
store_feed_item_date(const struct item *it, time_t first_seen)
{
	if (it->published != 0) {
		return it->published;
	}
	return it->updated != 0 ? it->updated : first_seen;
}

/* Insert a new item with its enclosures and index row. */
static bool
store_feed_insert_item(struct store *st, int64_t feed_id, const struct item *it,
    time_t now, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 id;

	if ((s = store_stmt(st, STMT_ITEM_INSERT, cause)) == NULL) {
		return false;
	}
	store_feed_bind_item(s, feed_id, it, now);
	sqlite3_bind_int64(s, 16, (sqlite3_int64)store_feed_item_date(it, now));
	if (!store_step_done(st, s, cause)) {
		return false;
	}
	id = sqlite3_last_insert_rowid(st->db);
	return store_feed_enclosures(st, id, it, false, cause) &&
	    store_fts_pending(st, id, false, cause);
}

/* Update a known item in place (read and starred stay as they are); when
 * nothing changed, only note that the document still carries it. */
static bool
store_feed_update_item(struct store *st, int64_t feed_id, int64_t id,
    time_t first_seen, bool same, const struct item *it, time_t now,
    char **cause)
{
	sqlite3_stmt	*s;

	if (same) {
		if ((s = store_stmt(st, STMT_ITEM_SEEN, cause)) == NULL) {
			return false;
		}
		sqlite3_bind_int64(s, 1, id);
		sqlite3_bind_int64(s, 2, (sqlite3_int64)now);
		return store_step_done(st, s, cause);
	}
	if ((s = store_stmt(st, STMT_ITEM_UPDATE, cause)) == NULL) {
		return false;
	}
	store_feed_bind_item(s, feed_id, it, now);
	sqlite3_bind_int64(s, 16,
	    (sqlite3_int64)store_feed_item_date(it, first_seen));
	sqlite3_bind_int64(s, 17, id);
	if (!store_step_done(st, s, cause)) {
		return false;
	}
	return store_feed_enclosures(st, id, it, true, cause) &&
	    store_fts_pending(st, id, true, cause);
}

static bool	store_feed_apply_plain(struct store *, int64_t,
		    const struct item *, time_t, bool *, char **);

/* Insert or update one item, its title made plain text; *is_new tells
 * which. */
static bool
store_feed_apply_item(struct store *st, int64_t feed_id, const struct item *it,
    time_t now, bool *is_new, char **cause)
{
	struct item	 copy;
	char		*title;
	bool		 ok;

	if ((title = store_feed_plain_title(it->title, it->title_type)) ==
	    NULL) {
		return store_feed_apply_plain(st, feed_id, it, now, is_new,
		    cause);
	}
	copy = *it;
	copy.title = title;
	copy.title_type = CONTENT_TEXT;
	ok = store_feed_apply_plain(st, feed_id, &copy, now, is_new, cause);
	free(title);
	return ok;
}

/* Insert or update one item; *is_new tells which. */
static bool
store_feed_apply_plain(struct store *st, int64_t feed_id, const struct item *it,
    time_t now, bool *is_new, char **cause)
{
	sqlite3_stmt	*s;
	int64_t		 id;
	time_t		 first_seen;
	bool		 same;
	int		 rc;

	*is_new = false;
	if ((s = store_stmt(st, STMT_ITEM_FIND, cause)) == NULL) {
		return false;
	}
	store_feed_bind_item(s, feed_id, it, now);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		if (rc != SQLITE_DONE) {
			return store_fail(st, cause, _("cannot read an item"));
		}
		*is_new = true;
		return store_feed_insert_item(st, feed_id, it, now, cause);
	}
	id = sqlite3_column_int64(s, 0);
	first_seen = (time_t)sqlite3_column_int64(s, 1);
	same = sqlite3_column_int(s, 2) != 0;
	sqlite3_reset(s);
	return store_feed_update_item(st, feed_id, id, first_seen, same, it, now,
	    cause);
}

bool
store_feed_apply(struct store *st, const char *url, const struct feed_doc *doc,
    const struct store_fetch *f, int *new_items, char **cause)
{
	time_t	now = f->fetched_at != 0 ? f->fetched_at : time(NULL);
	int64_t	id;
	size_t	i;
	bool	is_new;
	int	count = 0;

	if (new_items != NULL) {
		*new_items = 0;
	}
	if (!store_tx_begin(st, cause)) {
		return false;
	}
	if (!store_feed_id(st, url, true, &id, cause) ||
	    !store_feed_fetched(st, id, doc, f, now, cause)) {
		store_tx_rollback(st);
		return false;
	}
	for (i = 0; doc != NULL && !f->not_modified && i < doc->nitems; i++) {
		if (doc->items[i].key == NULL) {
			continue;
		}
		if (!store_feed_apply_item(st, id, &doc->items[i], now, &is_new,
		    cause)) {
			store_tx_rollback(st);
			return false;
		}
		count += is_new;
	}
	if (!store_tx_commit(st, cause)) {
		return false;
	}
	if (new_items != NULL) {
		*new_items = count;
	}
	return true;
}

#define STORE_FEED_SELECT						\
	"SELECT f.id, f.url, f.title, f.link, f.last_fetch, f.last_success,"	\
	" f.http_status, f.error, f.redirect_url,"			\
	" (SELECT count(*) FROM items WHERE feed_id = f.id AND read = 0),"	\
	" (SELECT count(*) FROM items WHERE feed_id = f.id) FROM feeds f"

/* Fill *out from a row of STORE_FEED_SELECT. */
static void
store_feed_row(sqlite3_stmt *s, struct store_feed *out)
{
	out->id = sqlite3_column_int64(s, 0);
	out->url = store_column_dup(s, 1);
	out->title = store_column_dup(s, 2);
	out->link = store_column_dup(s, 3);
	out->last_fetch = (time_t)sqlite3_column_int64(s, 4);
	out->last_success = (time_t)sqlite3_column_int64(s, 5);
	out->http_status = (long)sqlite3_column_int64(s, 6);
	out->error = store_column_dup(s, 7);
	out->redirect_url = store_column_dup(s, 8);
	out->unread = sqlite3_column_int(s, 9);
	out->total = sqlite3_column_int(s, 10);
}

bool
store_feed_list(struct store *st, struct store_feed **out, size_t *n,
    char **cause)
{
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(st->db, STORE_FEED_SELECT " ORDER BY f.url", -1,
	    &s, NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot list feeds"));
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		memset(&(*out)[*n], 0, sizeof **out);
		store_feed_row(s, &(*out)[(*n)++]);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_feed_list_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(st, cause, _("cannot list feeds"));
	}
	return true;
}

void
store_feed_clear(struct store_feed *f)
{
	free(f->url);
	free(f->title);
	free(f->link);
	free(f->error);
	free(f->redirect_url);
	memset(f, 0, sizeof *f);
}

void
store_feed_list_free(struct store_feed *feeds, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		store_feed_clear(&feeds[i]);
	}
	free(feeds);
}

bool
store_feed_get(struct store *st, const char *url, struct store_feed *out,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(out, 0, sizeof *out);
	if (sqlite3_prepare_v2(st->db, STORE_FEED_SELECT " WHERE f.url = ?1",
	    -1, &s, NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot read a feed"));
	}
	store_bind_text(s, 1, url);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_feed_row(s, out);
	} else if (rc == SQLITE_DONE) {
		*cause = xasprintf(_("no such feed: %s"), url);
	} else {
		store_fail(st, cause, _("cannot read a feed"));
	}
	sqlite3_finalize(s);
	return rc == SQLITE_ROW;
}

/* Run sql (one statement, ?1 bound to text) in a transaction of its own;
 * *changed (may be NULL) gets the number of rows it changed. */
static bool
store_feed_write(struct store *st, const char *sql, const char *text,
    int *changed, char **cause)
{
	sqlite3_stmt	*s;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot prepare a statement"));
	}
	store_bind_text(s, 1, text);
	return store_write(st, s, changed, cause);
}

bool
store_feed_remove(struct store *st, const char *url, bool *found,
    char **cause)
{
	int	changed;

	/* Items, enclosures and index rows go with the feed (ON DELETE
	 * CASCADE and a trigger); memo entries lose only their item_id. */
	if (!store_feed_write(st, "DELETE FROM feeds WHERE url = ?1", url,
	    &changed, cause)) {
		return false;
	}
	if (found != NULL) {
		*found = changed > 0;
	}
	return true;
}

bool
store_feed_mark_read(struct store *st, const char *url, int *changed,
    char **cause)
{
	struct store_feed	f;

	if (url == NULL) {
		return store_feed_write(st, "UPDATE items SET read = 1"
		    " WHERE read = 0", NULL, changed, cause);
	}
	if (!store_feed_get(st, url, &f, cause)) {
		return false;
	}
	store_feed_clear(&f);
	return store_feed_write(st, "UPDATE items SET read = 1 WHERE read = 0"
	    " AND feed_id = (SELECT id FROM feeds WHERE url = ?1)", url,
	    changed, cause);
}
