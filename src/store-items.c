/* store-items: reading items, searching them, flags and expiry. */
#include "config.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "json.h"
#include "store-int.h"
#include "xalloc.h"

void
store_item_row(sqlite3_stmt *s, struct store_item *out)
{
	memset(out, 0, sizeof *out);
	out->id = sqlite3_column_int64(s, 0);
	out->feed_id = sqlite3_column_int64(s, 1);
	out->feed_url = store_column_dup(s, 2);
	out->feed_title = store_column_dup(s, 3);
	out->guid = store_column_dup(s, 4);
	out->key = store_column_dup(s, 5);
	out->title = store_column_dup(s, 6);
	out->link = store_column_dup(s, 7);
	out->author = store_column_dup(s, 8);
	out->summary = store_column_dup(s, 9);
	out->summary_type = sqlite3_column_int(s, 10);
	out->content = store_column_dup(s, 11);
	out->content_type = sqlite3_column_int(s, 12);
	out->base = store_column_dup(s, 13);
	out->published = (time_t)sqlite3_column_int64(s, 14);
	out->updated = (time_t)sqlite3_column_int64(s, 15);
	out->first_seen = (time_t)sqlite3_column_int64(s, 16);
	out->date = (time_t)sqlite3_column_int64(s, 17);
	out->read = sqlite3_column_int(s, 18) != 0;
	out->starred = sqlite3_column_int(s, 19) != 0;
}

bool
store_item_get(struct store *st, int64_t id, struct store_item *out,
    char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((s = store_stmt(st, STMT_ITEM_GET, cause)) == NULL) {
		return false;
	}
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		store_item_row(s, out);
	} else if (rc == SQLITE_DONE) {
		*cause = xasprintf(_("no item with id %lld"), (long long)id);
	} else {
		store_fail(st, cause, _("cannot read an item"));
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW;
}

void
store_item_clear(struct store_item *it)
{
	free(it->feed_url);
	free(it->feed_title);
	free(it->guid);
	free(it->key);
	free(it->title);
	free(it->link);
	free(it->author);
	free(it->summary);
	free(it->content);
	free(it->base);
	memset(it, 0, sizeof *it);
}

void
store_items_free(struct store_item *items, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		store_item_clear(&items[i]);
	}
	free(items);
}

/* A query under construction: SQL text and the strings bound in order. */
struct store_sql {
	struct buf	  sql;
	char		**args;
	size_t		  nargs;
};

static void
store_sql_arg(struct store_sql *q, char *arg)
{
	q->args = xreallocarray(q->args, q->nargs + 1, sizeof *q->args);
	q->args[q->nargs++] = arg;
}

/* True when word can be a GLOB pattern served by the trigram index: three
 * characters or more, none of them a wildcard.  (SQLite 3.40's trigram
 * code mishandles shorter non-ASCII runs, so those never reach it.) */
static bool
store_items_indexable(const char *word)
{
	size_t	chars = 0;

	if (strpbrk(word, "*?[") != NULL) {
		return false;
	}
	for (; *word != '\0'; word++) {
		chars += ((unsigned char)*word & 0xC0) != 0x80;
	}
	return chars >= 3;
}

/* Add the condition that the folded text holds word: a GLOB the index
 * serves, else a LIKE (with ESCAPE, which SQLite evaluates itself). */
static void
store_items_word(struct store_sql *q, const char *word)
{
	struct buf	pattern = BUF_INIT;
	bool		glob = store_items_indexable(word);

	buf_putc(&pattern, glob ? '*' : '%');
	for (; *word != '\0'; word++) {
		if (!glob && (*word == '%' || *word == '_' || *word == '\\')) {
			buf_putc(&pattern, '\\');
		}
		buf_putc(&pattern, *word);
	}
	buf_putc(&pattern, glob ? '*' : '%');
	buf_puts(&q->sql, glob ? " AND text GLOB ?" :
	    " AND text LIKE ? ESCAPE '\\'");
	store_sql_arg(q, buf_detach(&pattern));
}

/* Restrict the query to items whose folded text holds every word. */
static void
store_items_search(struct store_sql *q, const char *search)
{
	struct buf	 folded = BUF_INIT;
	char		*word, *save = NULL;

	store_fold(&folded, search, strlen(search));
	buf_puts(&q->sql, " AND i.id IN (SELECT rowid FROM items_fts WHERE 1");
	for (word = folded.len > 0 ? strtok_r(folded.data, " \t\r\n", &save) :
	    NULL; word != NULL; word = strtok_r(NULL, " \t\r\n", &save)) {
		store_items_word(q, word);
	}
	buf_puts(&q->sql, ")");
	buf_free(&folded);
}

/* Restrict the query to the feeds of urls: one JSON array bound as one
 * parameter, so that any number of feeds fits in one statement. */
static void
store_items_feeds(struct store_sql *q, const char *const *urls, size_t n)
{
	struct buf	json = BUF_INIT;
	size_t		i;

	buf_putc(&json, '[');
	for (i = 0; i < n; i++) {
		if (i > 0) {
			buf_putc(&json, ',');
		}
		json_escape(&json, urls[i]);
	}
	buf_putc(&json, ']');
	buf_puts(&q->sql, " AND f.url IN (SELECT value FROM json_each(?))");
	store_sql_arg(q, buf_detach(&json));
}

/* The SQL text and arguments of query qy (of its item count with count),
 * prepared into *s; false with *cause on failure. */
static bool
store_items_prepare(struct store *st, const struct store_query *qy,
    bool count, sqlite3_stmt **s, char **cause)
{
	struct store_sql	q;
	size_t			i;
	bool			ok;

	memset(&q, 0, sizeof q);
	buf_puts(&q.sql, "SELECT ");
	buf_puts(&q.sql, count ? "count(*)" : qy->full ?
	    STORE_ITEM_COLUMNS("i.summary", "i.content") :
	    STORE_ITEM_COLUMNS("NULL", "NULL"));
	buf_puts(&q.sql, " FROM items i JOIN feeds f ON f.id = i.feed_id"
	    " WHERE 1");
	if (qy->feed_url != NULL) {
		buf_puts(&q.sql, " AND f.url = ?");
		store_sql_arg(&q, xstrdup(qy->feed_url));
	}
	if (qy->nfeed_urls > 0) {
		store_items_feeds(&q, qy->feed_urls, qy->nfeed_urls);
	}
	if (qy->unread_only) {
		buf_puts(&q.sql, " AND i.read = 0");
	}
	if (qy->starred_only) {
		buf_puts(&q.sql, " AND i.starred = 1");
	}
	if (qy->search != NULL && qy->search[0] != '\0') {
		store_items_search(&q, qy->search);
	}
	if (!count) {
		buf_printf(&q.sql, " ORDER BY i.date DESC, i.id DESC"
		    " LIMIT %d OFFSET %d", qy->limit > 0 ? qy->limit : -1,
		    qy->offset > 0 ? qy->offset : 0);
	}
	ok = sqlite3_prepare_v2(st->db, buf_str(&q.sql), -1, s, NULL) ==
	    SQLITE_OK;
	for (i = 0; i < q.nargs; i++) {
		if (ok) {
			sqlite3_bind_text(*s, (int)i + 1, q.args[i], -1,
			    SQLITE_TRANSIENT);
		}
		free(q.args[i]);
	}
	free(q.args);
	buf_free(&q.sql);
	return ok || store_fail(st, cause, _("cannot query items"));
}

/* Whether any item waits for the index into *any. */
static bool
store_items_pending(struct store *st, bool *any, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(st->db, "SELECT EXISTS (SELECT 1 FROM"
	    " fts_pending)", -1, &s, NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot query items"));
	}
	rc = sqlite3_step(s);
	*any = rc == SQLITE_ROW && sqlite3_column_int(s, 0) != 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || store_fail(st, cause,
	    _("cannot query items"));
}

/* Open the transaction a search runs in, one that sees no pending item:
 * a read transaction when nothing is pending, else a write transaction
 * that indexes the pending items first (so that no writer can slip a new
 * item in between).  Without a search, *tx is false and nothing opens. */
static bool
store_items_begin(struct store *st, const struct store_query *qy, bool *tx,
    char **cause)
{
	bool	any;

	*tx = false;
	if (qy->search == NULL || qy->search[0] == '\0') {
		return true;
	}
	if (st->tx_depth == 0) {
		if (!store_exec(st, "BEGIN", cause)) {
			return false;
		}
		st->tx_depth = 1;
		if (!store_items_pending(st, &any, cause)) {
			store_tx_rollback(st);
			return false;
		}
		if (!any) {
			*tx = true;
			return true;
		}
		store_tx_rollback(st);
	}
	if (!store_tx_begin(st, cause)) {
		return false;
	}
	if (!store_fts_catch_up(st, 0, NULL, cause)) {
		store_tx_rollback(st);
		return false;
	}
	*tx = true;
	return true;
}

/* End the search's transaction (ok: commit what store_items_begin()
 * indexed; else roll back). */
static bool
store_items_end(struct store *st, bool tx, bool ok, char **cause)
{
	if (!tx) {
		return ok;
	}
	if (!ok) {
		store_tx_rollback(st);
		return false;
	}
	return store_tx_commit(st, cause);
}

/* Step s to the end, collecting its rows into *out. */
static int
store_items_collect(sqlite3_stmt *s, struct store_item **out, size_t *n)
{
	size_t	cap = 0;
	int	rc;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap == 0 ? 32 : cap * 2;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		store_item_row(s, &(*out)[(*n)++]);
	}
	return rc;
}

/* Run the prepared query s into *out. */
static bool
store_items_run(struct store *st, sqlite3_stmt *s, struct store_item **out,
    size_t *n, char **cause)
{
	int	rc;

	rc = store_items_collect(s, out, n);
	if (rc != SQLITE_DONE) {
		store_fail(st, cause, _("cannot query items"));
		store_items_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	sqlite3_finalize(s);
	return rc == SQLITE_DONE;
}

bool
store_items_query(struct store *st, const struct store_query *qy,
    struct store_item **out, size_t *n, char **cause)
{
	sqlite3_stmt	*s;
	bool		 tx, ok;

	*out = NULL;
	*n = 0;
	if (!store_items_begin(st, qy, &tx, cause)) {
		return false;
	}
	ok = store_items_prepare(st, qy, false, &s, cause) &&
	    store_items_run(st, s, out, n, cause);
	if (!store_items_end(st, tx, ok, ok ? cause : NULL)) {
		if (ok) {
			store_items_free(*out, *n);
			*out = NULL;
			*n = 0;
		}
		return false;
	}
	return true;
}

bool
store_items_count(struct store *st, const struct store_query *qy,
    size_t *count, char **cause)
{
	sqlite3_stmt	*s;
	bool		 tx, ok;
	int		 rc = SQLITE_ERROR;

	*count = 0;
	if (!store_items_begin(st, qy, &tx, cause)) {
		return false;
	}
	ok = store_items_prepare(st, qy, true, &s, cause);
	if (ok) {
		rc = sqlite3_step(s);
		if (rc == SQLITE_ROW) {
			*count = (size_t)sqlite3_column_int64(s, 0);
		} else {
			ok = store_fail(st, cause, _("cannot query items"));
		}
		sqlite3_finalize(s);
	}
	return store_items_end(st, tx, ok, ok ? cause : NULL);
}

/* The enclosures of item id into a new array the caller frees with
 * store_enclosures_free(). */
bool
store_item_enclosures(struct store *st, int64_t id, struct enclosure **out,
    size_t *n, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((s = store_stmt(st, STMT_ITEM_ENCLOSURES, cause)) == NULL) {
		return false;
	}
	sqlite3_bind_int64(s, 1, id);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].url = store_column_dup(s, 0);
		(*out)[*n].type = store_column_dup(s, 1);
		(*out)[(*n)++].length = sqlite3_column_type(s, 2) == SQLITE_NULL ?
		    -1 : sqlite3_column_int64(s, 2);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE) {
		store_enclosures_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(st, cause, _("cannot read an item"));
	}
	return true;
}

void
store_enclosures_free(struct enclosure *e, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(e[i].url);
		free(e[i].type);
	}
	free(e);
}

/* Set one flag of one item; false with *cause when there is no such item. */
static bool
store_items_set_one(struct store *st, int64_t id, enum store_flag flag,
    bool value, char **cause)
{
	sqlite3_stmt	*s;

	s = store_stmt(st, flag == STORE_FLAG_READ ? STMT_ITEM_SET_READ :
	    STMT_ITEM_SET_STARRED, cause);
	if (s == NULL) {
		return false;
	}
	sqlite3_bind_int64(s, 1, id);
	sqlite3_bind_int(s, 2, value);
	if (!store_step_done(st, s, cause)) {
		return false;
	}
	if (sqlite3_changes(st->db) == 0) {
		*cause = xasprintf(_("no item with id %lld"), (long long)id);
		return false;
	}
	return true;
}

bool
store_items_set_flag(struct store *st, const int64_t *ids, size_t n,
    enum store_flag flag, bool value, char **cause)
{
	size_t	i;

	if (!store_tx_begin(st, cause)) {
		return false;
	}
	for (i = 0; i < n; i++) {
		if (!store_items_set_one(st, ids[i], flag, value, cause)) {
			store_tx_rollback(st);
			return false;
		}
	}
	return store_tx_commit(st, cause);
}

bool
store_item_set_read(struct store *st, int64_t id, bool value, char **cause)
{
	return store_items_set_flag(st, &id, 1, STORE_FLAG_READ, value, cause);
}

bool
store_item_set_starred(struct store *st, int64_t id, bool value, char **cause)
{
	return store_items_set_flag(st, &id, 1, STORE_FLAG_STARRED, value,
	    cause);
}

bool
store_expire(struct store *st, time_t older_than, int *removed, char **cause)
{
	sqlite3_stmt	*s;

	if (removed != NULL) {
		*removed = 0;
	}
	if (sqlite3_prepare_v2(st->db, "DELETE FROM items WHERE read = 1"
	    " AND starred = 0 AND date < ?1"
	    " AND id NOT IN (SELECT item_id FROM memo_entries"
	    "  WHERE item_id IS NOT NULL)"
	    " AND last_seen < coalesce((SELECT last_doc FROM feeds"
	    "  WHERE feeds.id = items.feed_id), last_seen + 1)", -1, &s,
	    NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot expire items"));
	}
	sqlite3_bind_int64(s, 1, (sqlite3_int64)older_than);
	return store_write(st, s, removed, cause);
}
