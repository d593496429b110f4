/* store-newsboat: newsboat's cache.db, read-only, into kiji's store.
 *
 * newsboat's schema (src/cache.cpp in newsboat's source) grew by ALTER
 * TABLE over the years: rss_item(id, guid, title, author, url, feedurl,
 * pubDate, content, unread) came first, then enclosure_url, enclosure_type,
 * enqueued, flags, deleted, base (2.10), content_mime_type (2.22) and the
 * enclosure descriptions (2.33).  Only guid, feedurl and unread are needed
 * here; a missing column reads as NULL. */
#include "config.h"
#include "store-newsboat.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "feed-newsboat.h"
#include "i18n.h"
#include "store-int.h"
#include "store-memo.h"
#include "url.h"
#include "utf8.h"
#include "xalloc.h"

#define STORE_NEWSBOAT_BUSY_MS	5000

/* The rss_item columns read, in the order of the SELECT's results. */
enum store_newsboat_col {
	NB_GUID,
	NB_URL,
	NB_TITLE,
	NB_AUTHOR,
	NB_PUBDATE,
	NB_CONTENT,
	NB_MIME,
	NB_UNREAD,
	NB_FLAGS,
	NB_ENCL_URL,
	NB_ENCL_TYPE,
	NB_BASE,
	NB_DELETED,	/* in the WHERE clause only */
	NB_FEEDURL,	/* idem */
	NB_COLS
};

static const char *const store_newsboat_names[NB_COLS] = {
	"guid", "url", "title", "author", "pubDate", "content",
	"content_mime_type", "unread", "flags", "enclosure_url",
	"enclosure_type", "base", "deleted", "feedurl",
};

struct store_newsboat {
	sqlite3	*db;
	char	*path;
	bool	 has[NB_COLS];		/* rss_item has the column */
	bool	 has_feeds;		/* rss_feed(rssurl, title) is there */
};

/* One item read from the cache, with its newsboat state. */
struct store_newsboat_item {
	struct item	 it;
	bool		 read;
	bool		 flagged;
};

/* Set *cause from db's last error; always returns false. */
static bool
store_newsboat_fail(struct store_newsboat *nb, char **cause, const char *what)
{
	*cause = xasprintf(_("newsboat cache %s: %s: %s"), nb->path, what,
	    sqlite3_errmsg(nb->db));
	return false;
}

/* A "file:" URI opening path read-only: bytes other than unreserved ones
 * and "/" are %-escaped so that "?", "#" and "%" stay part of the name. */
static char *
store_newsboat_uri(const char *path)
{
	static const char	 hex[] = "0123456789ABCDEF";
	struct buf		 b = BUF_INIT;
	const unsigned char	*p;
	char			*uri;

	buf_puts(&b, path[0] == '/' ? "file://" : "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (isalnum(*p) || strchr("/-._~", *p) != NULL) {
			buf_putc(&b, (char)*p);
		} else {
			buf_putc(&b, '%');
			buf_putc(&b, hex[*p >> 4]);
			buf_putc(&b, hex[*p & 15]);
		}
	}
	buf_puts(&b, "?mode=ro");
	uri = xstrdup(buf_str(&b));
	buf_free(&b);
	return uri;
}

/* Note which of the columns we read table has; *any tells whether the
 * table exists at all. */
static bool
store_newsboat_columns(struct store_newsboat *nb, const char *table,
    bool *any, char **cause)
{
	sqlite3_stmt	*s;
	char		*sql = xasprintf("PRAGMA table_info(%s)", table);
	const char	*name;
	int		 rc, i;

	*any = false;
	rc = sqlite3_prepare_v2(nb->db, sql, -1, &s, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		return store_newsboat_fail(nb, cause, _("cannot read"));
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		*any = true;
		name = (const char *)sqlite3_column_text(s, 1);
		for (i = 0; name != NULL && i < NB_COLS &&
		    strcmp(table, "rss_item") == 0; i++) {
			if (strcmp(name, store_newsboat_names[i]) == 0) {
				nb->has[i] = true;
			}
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		return store_newsboat_fail(nb, cause, _("cannot read"));
	}
	return true;
}

/* Check that the open database is a newsboat cache. */
static bool
store_newsboat_check(struct store_newsboat *nb, char **cause)
{
	bool	items;

	if (!store_newsboat_columns(nb, "rss_feed", &nb->has_feeds, cause) ||
	    !store_newsboat_columns(nb, "rss_item", &items, cause)) {
		return false;
	}
	if (!items || !nb->has[NB_GUID] || !nb->has[NB_FEEDURL] ||
	    !nb->has[NB_UNREAD]) {
		*cause = xasprintf(_("%s is not a newsboat cache (no rss_item "
		    "table with guid, feedurl and unread)"), nb->path);
		return false;
	}
	return true;
}

struct store_newsboat *
store_newsboat_open(const char *path, char **cause)
{
	struct store_newsboat	*nb = xcalloc(1, sizeof *nb);
	char			*uri = store_newsboat_uri(path);
	int			 rc;

	nb->path = xstrdup(path);
	rc = sqlite3_open_v2(uri, &nb->db, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_URI, NULL);
	free(uri);
	if (rc != SQLITE_OK) {
		if (nb->db != NULL) {
			store_newsboat_fail(nb, cause, _("cannot open"));
		} else {
			*cause = xasprintf(_("newsboat cache %s: cannot open"),
			    path);
		}
		store_newsboat_close(nb);
		return NULL;
	}
	sqlite3_busy_timeout(nb->db, STORE_NEWSBOAT_BUSY_MS);
	if (sqlite3_exec(nb->db, "PRAGMA query_only = 1;"
	    " PRAGMA trusted_schema = 0", NULL, NULL, NULL) != SQLITE_OK) {
		store_newsboat_fail(nb, cause, _("cannot open"));
		store_newsboat_close(nb);
		return NULL;
	}
	if (!store_newsboat_check(nb, cause)) {
		store_newsboat_close(nb);
		return NULL;
	}
	return nb;
}

void
store_newsboat_close(struct store_newsboat *nb)
{
	if (nb == NULL) {
		return;
	}
	sqlite3_close(nb->db);
	free(nb->path);
	free(nb);
}

bool
store_newsboat_urls(struct store_newsboat *nb, char ***urls, size_t *n,
    char **cause)
{
	sqlite3_stmt	*s;
	size_t		 cap = 0;
	int		 rc;

	*urls = NULL;
	*n = 0;
	if (sqlite3_prepare_v2(nb->db, nb->has_feeds ?
	    "SELECT rssurl FROM rss_feed UNION SELECT feedurl FROM rss_item"
	    " ORDER BY 1" : "SELECT DISTINCT feedurl FROM rss_item ORDER BY 1",
	    -1, &s, NULL) != SQLITE_OK) {
		return store_newsboat_fail(nb, cause, _("cannot list feeds"));
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		if (sqlite3_column_text(s, 0) == NULL) {
			continue;
		}
		if (*n == cap) {
			cap = cap == 0 ? 16 : cap * 2;
			*urls = xreallocarray(*urls, cap, sizeof **urls);
		}
		(*urls)[(*n)++] = store_column_dup(s, 0);
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_newsboat_urls_free(*urls, *n);
		*urls = NULL;
		*n = 0;
		return store_newsboat_fail(nb, cause, _("cannot list feeds"));
	}
	return true;
}

void
store_newsboat_urls_free(char **urls, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(urls[i]);
	}
	free(urls);
}

/* A copy of s without the white space around it (NULL for NULL). */
static char *
store_newsboat_trim(const char *s)
{
	size_t	len;

	if (s == NULL) {
		return NULL;
	}
	while (isspace((unsigned char)*s)) {
		s++;
	}
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1])) {
		len--;
	}
	return xstrndup(s, len);
}

/* newsboat's guid is the feed's guid, else link + the date as the feed
 * wrote it, else the link, else the title; kiji's parser keys an item by
 * guid, else link.  A date after the link is recognised by parsing it (at
 * least ten characters, so that a bare year in a real guid is not taken). */
char *
store_newsboat_key(const char *guid, const char *link, bool *is_guid)
{
	char	*g = store_newsboat_trim(guid != NULL ? guid : "");
	char	*l = store_newsboat_trim(link != NULL ? link : "");
	size_t	 n = strlen(l);
	time_t	 t;

	*is_guid = false;
	if (g[0] == '\0' || (n > 0 && strncmp(g, l, n) == 0 &&
	    (g[n] == '\0' || (strlen(g + n) >= 10 && date_parse(g + n, &t))))) {
		free(g);
		if (n == 0) {
			free(l);
			return NULL;
		}
		return l;
	}
	free(l);
	*is_guid = true;
	return g;
}

/* A column's text as valid UTF-8, or NULL when NULL or empty. */
static char *
store_newsboat_text(sqlite3_stmt *s, int col)
{
	const char	*t = (const char *)sqlite3_column_text(s, col);

	if (t == NULL || t[0] == '\0') {
		return NULL;
	}
	if (!utf8_valid(t, strlen(t))) {
		return utf8_repair(t, strlen(t));
	}
	return xstrdup(t);
}

/* A URL column, or NULL when empty or of a scheme the parser drops. */
static char *
store_newsboat_url(sqlite3_stmt *s, int col)
{
	char	*url = store_newsboat_text(s, col);

	if (url != NULL && !url_scheme_ok(url)) {
		free(url);
		return NULL;
	}
	return url;
}

/* The item's body: HTML cleaned as the parser cleans it (relative URLs
 * resolved against the item's base, else the feed's URL), or plain text. */
static void
store_newsboat_body(sqlite3_stmt *s, struct item *it, const char *feed_url)
{
	const char	*mime = (const char *)sqlite3_column_text(s, NB_MIME);
	char		*text = store_newsboat_text(s, NB_CONTENT);

	if (mime != NULL && strcmp(mime, "text/plain") == 0) {
		it->content_type = CONTENT_TEXT;
		it->content = text;
		return;
	}
	it->content_type = CONTENT_HTML;
	it->content = feed_newsboat_html(text, it->base != NULL ? it->base :
	    feed_url);
	free(text);
}

/* Fill out from a row of the item query for feed_url; false when it has
 * no key. */
static bool
store_newsboat_row(sqlite3_stmt *s, const char *feed_url,
    struct store_newsboat_item *out)
{
	struct item	*it = &out->it;
	const char	*flags;
	char		*link = store_newsboat_text(s, NB_URL);
	bool		 is_guid;

	memset(out, 0, sizeof *out);
	it->key = store_newsboat_key((const char *)sqlite3_column_text(s,
	    NB_GUID), link, &is_guid);
	free(link);
	if (it->key == NULL) {
		return false;
	}
	it->guid = is_guid ? xstrdup(it->key) : NULL;
	it->link = store_newsboat_url(s, NB_URL);
	it->title = store_newsboat_text(s, NB_TITLE);
	it->author = store_newsboat_text(s, NB_AUTHOR);
	it->base = store_newsboat_url(s, NB_BASE);
	store_newsboat_body(s, it, feed_url);
	it->published = (time_t)sqlite3_column_int64(s, NB_PUBDATE);
	out->read = sqlite3_column_int(s, NB_UNREAD) == 0;
	flags = (const char *)sqlite3_column_text(s, NB_FLAGS);
	out->flagged = flags != NULL && flags[strspn(flags, " \t")] != '\0';
	if ((link = store_newsboat_url(s, NB_ENCL_URL)) != NULL) {
		it->enclosures = xcalloc(1, sizeof *it->enclosures);
		it->nenclosures = 1;
		it->enclosures[0].url = link;
		it->enclosures[0].type = store_newsboat_text(s, NB_ENCL_TYPE);
		it->enclosures[0].length = -1;
	}
	return true;
}

/* The item query for this cache's columns (caller frees). */
static char *
store_newsboat_sql(const struct store_newsboat *nb)
{
	struct buf	 b = BUF_INIT;
	char		*sql;
	int		 i;

	buf_puts(&b, "SELECT ");
	for (i = 0; i <= NB_BASE; i++) {
		buf_puts(&b, i > 0 ? ", " : "");
		buf_puts(&b, nb->has[i] ? store_newsboat_names[i] : "NULL");
	}
	buf_puts(&b, " FROM rss_item WHERE feedurl = ?1");
	if (nb->has[NB_DELETED]) {
		buf_puts(&b, " AND deleted = 0");
	}
	buf_puts(&b, nb->has[NB_PUBDATE] ? " ORDER BY pubDate, rowid" :
	    " ORDER BY rowid");
	sql = xstrdup(buf_str(&b));
	buf_free(&b);
	return sql;
}

/* Free n items read by store_newsboat_read(). */
static void
store_newsboat_items_free(struct store_newsboat_item *items, size_t n)
{
	struct item	*it;
	size_t		 i;

	for (i = 0; i < n; i++) {
		it = &items[i].it;
		free(it->guid);
		free(it->key);
		free(it->title);
		free(it->link);
		free(it->author);
		free(it->content);
		free(it->base);
		if (it->nenclosures > 0) {
			free(it->enclosures[0].url);
			free(it->enclosures[0].type);
		}
		free(it->enclosures);
	}
	free(items);
}

/* Read newsboat's items of url into a new array (*items, *n). */
static bool
store_newsboat_read(struct store_newsboat *nb, const char *url,
    struct store_newsboat_item **items, size_t *n,
    struct store_newsboat_stats *stats, char **cause)
{
	sqlite3_stmt	*s;
	char		*sql = store_newsboat_sql(nb);
	size_t		 cap = 0;
	int		 rc;

	*items = NULL;
	*n = 0;
	rc = sqlite3_prepare_v2(nb->db, sql, -1, &s, NULL);
	free(sql);
	if (rc != SQLITE_OK) {
		return store_newsboat_fail(nb, cause, _("cannot read items"));
	}
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		stats->items++;
		if (*n == cap) {
			cap = cap == 0 ? 64 : cap * 2;
			*items = xreallocarray(*items, cap, sizeof **items);
		}
		if (store_newsboat_row(s, url, &(*items)[*n])) {
			(*n)++;
		} else {
			stats->skipped++;
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_DONE) {
		store_newsboat_items_free(*items, *n);
		*items = NULL;
		*n = 0;
		return store_newsboat_fail(nb, cause, _("cannot read items"));
	}
	return true;
}

/* newsboat's title and link of url's feed into doc, if it has them. */
static bool
store_newsboat_feed(struct store_newsboat *nb, const char *url,
    struct feed_doc *doc, char **cause)
{
	sqlite3_stmt	*s;
	const char	*name;
	int		 rc, i;

	if (!nb->has_feeds) {
		return true;
	}
	if (sqlite3_prepare_v2(nb->db, "SELECT * FROM rss_feed"
	    " WHERE rssurl = ?1", -1, &s, NULL) != SQLITE_OK) {
		return store_newsboat_fail(nb, cause, _("cannot read a feed"));
	}
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(s); i++) {
			name = sqlite3_column_name(s, i);
			if (strcmp(name, "title") == 0) {
				doc->title = store_newsboat_text(s, i);
			} else if (strcmp(name, "url") == 0) {
				doc->link = store_newsboat_text(s, i);
			}
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return store_newsboat_fail(nb, cause, _("cannot read a feed"));
	}
	return true;
}

/* ---- writing into kiji's store ---- */

/* The feed's columns an import must leave as they were (title and link
 * only filled in when kiji has none). */
#define NB_SNAP_COLS	10
#define NB_SNAP_SELECT	"SELECT last_fetch, last_success, last_doc,"	\
	" http_status, error, etag, last_modified, redirect_url, title, link"	\
	" FROM feeds WHERE id = ?1"
#define NB_SNAP_RESTORE	"UPDATE feeds SET last_fetch = ?1,"		\
	" last_success = ?2, last_doc = ?3, http_status = ?4, error = ?5,"	\
	" etag = ?6, last_modified = ?7, redirect_url = ?8,"		\
	" title = coalesce(?9, title), link = coalesce(?10, link)"	\
	" WHERE id = ?11"

/* Statements of one feed's import. */
struct store_newsboat_tx {
	struct store	*st;
	int64_t		 feed_id;
	sqlite3_stmt	*exists;
	sqlite3_stmt	*read;
	sqlite3_stmt	*star;
	sqlite3_value	*snap[NB_SNAP_COLS];
};

/* Prepare sql into *s; false with *cause. */
static bool
store_newsboat_prepare(struct store *st, const char *sql, sqlite3_stmt **s,
    char **cause)
{
	if (sqlite3_prepare_v2(st->db, sql, -1, s, NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot prepare a statement"));
	}
	return true;
}

/* Make sure url has a feed row, find its id and prepare the statements. */
static bool
store_newsboat_tx_init(struct store_newsboat_tx *tx, struct store *st,
    const char *url, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	memset(tx, 0, sizeof *tx);
	tx->st = st;
	if (!store_feed_ensure(st, url, cause) ||
	    !store_newsboat_prepare(st, "SELECT id FROM feeds WHERE url = ?1",
	    &s, cause)) {
		return false;
	}
	sqlite3_bind_text(s, 1, url, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	tx->feed_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW) {
		return store_fail(st, cause, _("cannot read a feed"));
	}
	return store_newsboat_prepare(st, "SELECT 1 FROM items"
	    " WHERE feed_id = ?1 AND key = ?2", &tx->exists, cause) &&
	    store_newsboat_prepare(st, "UPDATE items SET read = 1"
	    " WHERE feed_id = ?1 AND key = ?2 AND read = 0", &tx->read,
	    cause) &&
	    store_newsboat_prepare(st, "SELECT id FROM items"
	    " WHERE feed_id = ?1 AND key = ?2 AND starred = 0", &tx->star,
	    cause);
}

static void
store_newsboat_tx_free(struct store_newsboat_tx *tx)
{
	int	i;

	sqlite3_finalize(tx->exists);
	sqlite3_finalize(tx->read);
	sqlite3_finalize(tx->star);
	for (i = 0; i < NB_SNAP_COLS; i++) {
		sqlite3_value_free(tx->snap[i]);
	}
}

/* Keep a copy of the feed's fetch state (store_feed_apply() records a
 * fetch; an import is none). */
static bool
store_newsboat_snapshot(struct store_newsboat_tx *tx, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc, i;

	if (!store_newsboat_prepare(tx->st, NB_SNAP_SELECT, &s, cause)) {
		return false;
	}
	sqlite3_bind_int64(s, 1, tx->feed_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (i = 0; i < NB_SNAP_COLS; i++) {
			tx->snap[i] = sqlite3_value_dup(sqlite3_column_value(s,
			    i));
		}
	}
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW) {
		return store_fail(tx->st, cause, _("cannot read a feed"));
	}
	return true;
}

/* Put the feed's fetch state back as the snapshot had it. */
static bool
store_newsboat_restore(struct store_newsboat_tx *tx, char **cause)
{
	sqlite3_stmt	*s;
	int		 i;

	if (!store_newsboat_prepare(tx->st, NB_SNAP_RESTORE, &s, cause)) {
		return false;
	}
	for (i = 0; i < NB_SNAP_COLS; i++) {
		if (tx->snap[i] != NULL) {
			sqlite3_bind_value(s, i + 1, tx->snap[i]);
		}
	}
	sqlite3_bind_int64(s, NB_SNAP_COLS + 1, tx->feed_id);
	if (!store_step_done(tx->st, s, cause)) {
		sqlite3_finalize(s);
		return false;
	}
	sqlite3_finalize(s);
	return true;
}

/* Run s (bound to the feed and key) to its end; *changed gets the count of
 * rows it changed, *row whether it returned one. */
static bool
store_newsboat_run(struct store_newsboat_tx *tx, sqlite3_stmt *s,
    const char *key, bool *row, int *changed, char **cause)
{
	int	rc;

	sqlite3_reset(s);
	sqlite3_bind_int64(s, 1, tx->feed_id);
	sqlite3_bind_text(s, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return store_fail(tx->st, cause, _("cannot write"));
	}
	*row = rc == SQLITE_ROW;
	*changed += sqlite3_changes(tx->st->db);
	return true;
}

/* The items kiji does not have yet, as a document pointing into items
 * (its items array is the caller's to free, not their contents). */
static bool
store_newsboat_new_items(struct store_newsboat_tx *tx,
    const struct store_newsboat_item *items, size_t n, struct feed_doc *doc,
    char **cause)
{
	size_t	i;
	bool	found;
	int	ignored = 0;

	doc->items = xcalloc(n + 1, sizeof *doc->items);
	doc->nitems = 0;
	for (i = 0; i < n; i++) {
		if (!store_newsboat_run(tx, tx->exists, items[i].it.key, &found,
		    &ignored, cause)) {
			return false;
		}
		if (!found) {
			doc->items[doc->nitems++] = items[i].it;
		}
	}
	return true;
}

/* Star the item of key unless it is starred already: through the memo,
 * since a star is an entry of its open issue. */
static bool
store_newsboat_star(struct store_newsboat_tx *tx, const char *key,
    int *starred, char **cause)
{
	int64_t	id;
	int	rc;

	sqlite3_reset(tx->star);
	sqlite3_bind_int64(tx->star, 1, tx->feed_id);
	sqlite3_bind_text(tx->star, 2, key, -1, SQLITE_STATIC);
	rc = sqlite3_step(tx->star);
	id = rc == SQLITE_ROW ? sqlite3_column_int64(tx->star, 0) : 0;
	sqlite3_reset(tx->star);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		return store_fail(tx->st, cause, _("cannot read an item"));
	}
	if (rc == SQLITE_DONE) {
		return true;
	}
	(*starred)++;
	return store_memo_star(tx->st, id, -1, cause);
}

/* Carry read and (with star) flagged over, only ever setting kiji's
 * flags. */
static bool
store_newsboat_flags(struct store_newsboat_tx *tx,
    const struct store_newsboat_item *items, size_t n, bool star,
    struct store_newsboat_stats *stats, char **cause)
{
	size_t	i;
	bool	row;

	for (i = 0; i < n; i++) {
		if (items[i].read && !store_newsboat_run(tx, tx->read,
		    items[i].it.key, &row, &stats->read, cause)) {
			return false;
		}
		if (star && items[i].flagged && !store_newsboat_star(tx,
		    items[i].it.key, &stats->starred, cause)) {
			return false;
		}
	}
	return true;
}

/* Insert the new items through store_feed_apply() (which keeps the index
 * and enclosures in step) with the feed's fetch state kept as it was. */
static bool
store_newsboat_apply(struct store_newsboat_tx *tx, const char *url,
    const struct feed_doc *doc, struct store_newsboat_stats *stats,
    char **cause)
{
	struct store_fetch	fetch;

	if (doc->nitems == 0) {
		return true;
	}
	memset(&fetch, 0, sizeof fetch);
	fetch.fetched_at = time(NULL);
	return store_newsboat_snapshot(tx, cause) &&
	    store_feed_apply(tx->st, url, doc, &fetch, &stats->added,
	    cause) && store_newsboat_restore(tx, cause);
}

bool
store_newsboat_import(struct store *st, struct store_newsboat *nb,
    const char *url, bool star, struct store_newsboat_stats *stats,
    char **cause)
{
	struct store_newsboat_item	*items = NULL;
	struct store_newsboat_tx	 tx;
	struct feed_doc			 doc;
	size_t				 n = 0;
	bool				 ok;

	memset(stats, 0, sizeof *stats);
	memset(&doc, 0, sizeof doc);
	memset(&tx, 0, sizeof tx);
	if (!store_newsboat_read(nb, url, &items, &n, stats, cause) ||
	    !store_newsboat_feed(nb, url, &doc, cause)) {
		ok = false;
	} else if (!store_begin(st, cause)) {
		ok = false;
	} else {
		ok = store_newsboat_tx_init(&tx, st, url, cause) &&
		    store_newsboat_new_items(&tx, items, n, &doc, cause) &&
		    store_newsboat_apply(&tx, url, &doc, stats, cause) &&
		    store_newsboat_flags(&tx, items, n, star, stats,
		    cause);
		store_newsboat_tx_free(&tx);
		if (!ok) {
			store_rollback(st);
		} else {
			ok = store_commit(st, cause);
		}
	}
	free(doc.items);
	free(doc.title);
	free(doc.link);
	store_newsboat_items_free(items, n);
	if (!ok) {
		stats->added = stats->read = stats->starred = 0;
	}
	return ok;
}
