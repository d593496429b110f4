/* store: opening the database, migrations, cached statements, transactions. */
#include "config.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-int.h"
#include "xalloc.h"

#define STORE_BUSY_MS	5000

/* Parameters shared by the item statements (see store-feeds.c):
 * ?1 feed, ?2 key, ?3 title, ?4 link, ?5 author, ?6 summary, ?7 its type,
 * ?8 content, ?9 its type, ?10 base, ?11 published, ?12 updated, ?13 guid,
 * ?14 enclosure count, ?15 now, ?16 date, ?17 item id. */
static const char *const store_sql[STMT_COUNT] = {
	[STMT_FEED_ID] = "SELECT id FROM feeds WHERE url = ?1",
	[STMT_FEED_ENSURE] = "INSERT INTO feeds (url) VALUES (?1)"
	    " ON CONFLICT (url) DO NOTHING",
	[STMT_FEED_VALIDATORS] = "SELECT etag, last_modified FROM feeds"
	    " WHERE url = ?1",
	/* ?8: the fetch failed (keep validators), ?9: 304 */
	[STMT_FEED_FETCHED] = "UPDATE feeds SET last_fetch = ?2,"
	    " http_status = ?3, error = ?4,"
	    " last_success = CASE WHEN ?8 THEN last_success ELSE ?2 END,"
	    " etag = CASE WHEN ?8 OR (?9 AND ?5 IS NULL) THEN etag ELSE ?5 END,"
	    " last_modified = CASE WHEN ?8 OR (?9 AND ?6 IS NULL)"
	    "  THEN last_modified ELSE ?6 END,"
	    " redirect_url = CASE WHEN ?8 THEN redirect_url ELSE ?7 END"
	    " WHERE id = ?1",
	[STMT_FEED_DOC] = "UPDATE feeds SET title = coalesce(?2, title),"
	    " link = coalesce(?3, link), last_doc = ?4 WHERE id = ?1",
	[STMT_ITEM_FIND] = "SELECT id, first_seen, title IS ?3 AND link IS ?4"
	    " AND author IS ?5 AND summary IS ?6 AND summary_type = ?7"
	    " AND content IS ?8 AND content_type = ?9 AND base IS ?10"
	    " AND published IS ?11 AND updated IS ?12 AND guid IS ?13"
	    " AND (SELECT count(*) FROM enclosures WHERE item_id = items.id)"
	    "  = ?14"
	    " FROM items WHERE feed_id = ?1 AND key = ?2",
	[STMT_ITEM_INSERT] = "INSERT INTO items (feed_id, key, title, link,"
	    " author, summary, summary_type, content, content_type, base,"
	    " published, updated, guid, first_seen, date, last_seen)"
	    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	    " ?15, ?16, ?15)",
	[STMT_ITEM_UPDATE] = "UPDATE items SET title = ?3, link = ?4,"
	    " author = ?5, summary = ?6, summary_type = ?7, content = ?8,"
	    " content_type = ?9, base = ?10, published = ?11, updated = ?12,"
	    " guid = ?13, date = ?16, last_seen = ?15 WHERE id = ?17",
	[STMT_ITEM_SEEN] = "UPDATE items SET last_seen = ?2 WHERE id = ?1",
	[STMT_ENCL_DELETE] = "DELETE FROM enclosures WHERE item_id = ?1",
	[STMT_ENCL_INSERT] = "INSERT INTO enclosures (item_id, position, url,"
	    " type, length) VALUES (?1, ?2, ?3, ?4, ?5)",
	[STMT_FTS_DELETE] = "DELETE FROM items_fts WHERE rowid = ?1",
	[STMT_FTS_INSERT] = "INSERT INTO items_fts (rowid, text)"
	    " VALUES (?1, ?2)",
	[STMT_FTS_PENDING_ADD] = "INSERT INTO fts_pending (item_id)"
	    " VALUES (?1) ON CONFLICT (item_id) DO NOTHING",
	[STMT_FTS_PENDING_BATCH] = "SELECT p.item_id, i.id IS NOT NULL,"
	    " i.title, i.summary, i.summary_type, i.content, i.content_type"
	    " FROM fts_pending p LEFT JOIN items i ON i.id = p.item_id"
	    " ORDER BY p.item_id LIMIT ?1",
	[STMT_FTS_PENDING_DONE] = "DELETE FROM fts_pending WHERE item_id = ?1",
	[STMT_ITEM_GET] = "SELECT "
	    STORE_ITEM_COLUMNS("i.summary", "i.content")
	    " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?1",
	[STMT_ITEM_ENCLOSURES] = "SELECT url, type, length FROM enclosures"
	    " WHERE item_id = ?1 ORDER BY position",
	[STMT_ITEM_SET_READ] = "UPDATE items SET read = ?2 WHERE id = ?1",
	[STMT_ITEM_SET_STARRED] = "UPDATE items SET starred = ?2 WHERE id = ?1",
};

/* Set *cause from the connection's last error; always returns false. */
bool
store_fail(struct store *st, char **cause, const char *what)
{
	if (cause != NULL) {
		*cause = xasprintf(_("database %s: %s: %s"), st->path, what,
		    sqlite3_errmsg(st->db));
	}
	return false;
}

bool
store_exec(struct store *st, const char *sql, char **cause)
{
	if (sqlite3_exec(st->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		return store_fail(st, cause, sql);
	}
	return true;
}

/* The cached statement id, reset and with its bindings cleared. */
sqlite3_stmt *
store_stmt(struct store *st, enum store_stmt_id id, char **cause)
{
	sqlite3_stmt	*s = st->stmts[id];

	if (s != NULL) {
		sqlite3_reset(s);
		sqlite3_clear_bindings(s);
		return s;
	}
	if (sqlite3_prepare_v3(st->db, store_sql[id], -1,
	    SQLITE_PREPARE_PERSISTENT, &st->stmts[id], NULL) != SQLITE_OK) {
		store_fail(st, cause, _("cannot prepare a statement"));
		return NULL;
	}
	return st->stmts[id];
}

/* Step a statement that returns no rows, then reset it. */
bool
store_step_done(struct store *st, sqlite3_stmt *s, char **cause)
{
	int	rc = sqlite3_step(s);

	sqlite3_reset(s);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		return store_fail(st, cause, _("cannot write"));
	}
	return true;
}

/* Run the prepared statement s in a transaction of its own and finalize
 * it; *changed (may be NULL) gets the number of rows it changed. */
bool
store_write(struct store *st, sqlite3_stmt *s, int *changed, char **cause)
{
	int	n;

	if (!store_tx_begin(st, cause)) {
		sqlite3_finalize(s);
		return false;
	}
	if (!store_step_done(st, s, cause)) {
		sqlite3_finalize(s);
		store_tx_rollback(st);
		return false;
	}
	sqlite3_finalize(s);
	n = sqlite3_changes(st->db);
	if (!store_tx_commit(st, cause)) {
		return false;
	}
	if (changed != NULL) {
		*changed = n;
	}
	return true;
}

void
store_bind_text(sqlite3_stmt *s, int i, const char *text)
{
	if (text == NULL) {
		sqlite3_bind_null(s, i);
	} else {
		sqlite3_bind_text(s, i, text, -1, SQLITE_STATIC);
	}
}

/* Times are stored as integers; 0 (unknown) as NULL. */
void
store_bind_time(sqlite3_stmt *s, int i, time_t t)
{
	if (t == 0) {
		sqlite3_bind_null(s, i);
	} else {
		sqlite3_bind_int64(s, i, (sqlite3_int64)t);
	}
}

/* A copy of a text column, or NULL. */
char *
store_column_dup(sqlite3_stmt *s, int i)
{
	const unsigned char	*t = sqlite3_column_text(s, i);

	return t == NULL ? NULL : xstrdup((const char *)t);
}

/* Start a transaction, or a savepoint inside one already open.  Writers
 * take the lock up front (IMMEDIATE) so that the busy timeout applies. */
bool
store_tx_begin(struct store *st, char **cause)
{
	if (!store_exec(st, st->tx_depth == 0 ? "BEGIN IMMEDIATE" :
	    "SAVEPOINT kiji", cause)) {
		return false;
	}
	st->tx_depth++;
	return true;
}

bool
store_tx_commit(struct store *st, char **cause)
{
	if (st->tx_depth > 1) {
		st->tx_depth--;
		return store_exec(st, "RELEASE kiji", cause);
	}
	if (!store_exec(st, "COMMIT", cause)) {
		store_tx_rollback(st);
		return false;
	}
	st->tx_depth = 0;
	return true;
}

void
store_tx_rollback(struct store *st)
{
	if (st->tx_depth > 1) {
		sqlite3_exec(st->db, "ROLLBACK TO kiji; RELEASE kiji", NULL,
		    NULL, NULL);
		st->tx_depth--;
		return;
	}
	if (!sqlite3_get_autocommit(st->db)) {
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	}
	st->tx_depth = 0;
}

bool
store_begin(struct store *st, char **cause)
{
	return store_tx_begin(st, cause);
}

bool
store_commit(struct store *st, char **cause)
{
	return store_tx_commit(st, cause);
}

void
store_rollback(struct store *st)
{
	store_tx_rollback(st);
}

/* PRAGMA user_version into *version. */
static bool
store_version(struct store *st, int *version, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(st->db, "PRAGMA user_version", -1, &s,
	    NULL) != SQLITE_OK) {
		return store_fail(st, cause, "PRAGMA user_version");
	}
	rc = sqlite3_step(s);
	*version = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW) {
		return store_fail(st, cause, "PRAGMA user_version");
	}
	return true;
}

/* Run migration i in its own transaction, unless another connection did. */
static bool
store_migrate_one(struct store *st, int i, char **cause)
{
	char	*sql;
	int	 version;

	if (!store_tx_begin(st, cause)) {
		return false;
	}
	if (!store_version(st, &version, cause)) {
		store_tx_rollback(st);
		return false;
	}
	if (version > i) {
		store_tx_rollback(st);
		return true;
	}
	if (sqlite3_exec(st->db, store_migrations[i].sql, NULL, NULL,
	    NULL) != SQLITE_OK) {
		store_fail(st, cause, store_migrations[i].name);
		store_tx_rollback(st);
		return false;
	}
	sql = xasprintf("PRAGMA user_version = %d", i + 1);
	if (!store_exec(st, sql, cause)) {
		free(sql);
		store_tx_rollback(st);
		return false;
	}
	free(sql);
	return store_tx_commit(st, cause);
}

/* Bring the schema up to date; refuse a database from a newer kiji. */
static bool
store_migrate(struct store *st, char **cause)
{
	int	version, i;

	if (!store_version(st, &version, cause)) {
		return false;
	}
	if (version > store_migration_count) {
		*cause = xasprintf(_("database %s has schema version %d but this "
		    "kiji knows only up to %d; use a newer kiji"), st->path,
		    version, store_migration_count);
		return false;
	}
	for (i = version; i < store_migration_count; i++) {
		if (!store_migrate_one(st, i, cause)) {
			return false;
		}
	}
	return true;
}

/* Connection settings: WAL (one writer, many readers), a busy timeout,
 * foreign keys, and NORMAL sync, which WAL keeps crash-safe. */
static bool
store_configure(struct store *st, char **cause)
{
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	return store_exec(st, "PRAGMA foreign_keys = ON", cause) &&
	    store_exec(st, "PRAGMA journal_mode = WAL", cause) &&
	    store_exec(st, "PRAGMA synchronous = NORMAL", cause) &&
	    store_exec(st, "PRAGMA temp_store = MEMORY", cause);
}

struct store *
store_open(const char *path, char **cause)
{
	struct store	*st;
	int		 rc;

	st = xcalloc(1, sizeof *st);
	st->path = xstrdup(path);
	rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		if (st->db != NULL) {
			store_fail(st, cause, _("cannot open"));
		} else {
			*cause = xasprintf(_("database %s: cannot open: %s"),
			    path, sqlite3_errstr(rc));
		}
		store_close(st);
		return NULL;
	}
	sqlite3_extended_result_codes(st->db, 1);
	if (!store_configure(st, cause) || !store_migrate(st, cause)) {
		store_close(st);
		return NULL;
	}
	return st;
}

void
store_close(struct store *st)
{
	int	i;

	if (st == NULL) {
		return;
	}
	for (i = 0; i < STMT_COUNT; i++) {
		sqlite3_finalize(st->stmts[i]);
	}
	if (st->db != NULL) {
		if (!sqlite3_get_autocommit(st->db)) {
			sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
		}
		sqlite3_close_v2(st->db);
	}
	buf_free(&st->scratch);
	free(st->path);
	free(st);
}

/* SQLite's advice: run PRAGMA optimize before closing a connection that
 * has done work; it analyses only the tables that need it. */
bool
store_optimize(struct store *st, char **cause)
{
	return store_exec(st, "PRAGMA optimize", cause);
}
