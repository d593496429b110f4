/* Unit tests for the store: migrations, applying feeds, search, flags,
 * expiry, removal and concurrent connections. */
#include "config.h"

#include <ftw.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store-int.h"
#include "xalloc.h"
#include "tap.h"

#define T0	1700000000	/* the first fetch */

static char *dir;

/* nftw() callback removing the temporary directory. */
static int
rm_one(const char *path, const struct stat *sb, int type, struct FTW *ftw)
{
	(void)sb;
	(void)type;
	(void)ftw;
	remove(path);
	return 0;
}

/* A temporary database path. */
static char *
db_path(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

/* One integer from a SQL query (white-box checks). */
static long long
sql_int(struct store *st, const char *sql)
{
	sqlite3_stmt	*s;
	long long	 v = -1;

	if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK &&
	    sqlite3_step(s) == SQLITE_ROW) {
		v = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return v;
}

static void
mkitem(struct item *it, const char *key, const char *title,
    const char *summary, time_t published, time_t updated)
{
	memset(it, 0, sizeof *it);
	it->key = (char *)key;
	it->guid = (char *)key;
	it->title = (char *)title;
	it->link = xasprintf("https://example.org/%s", key);
	it->summary = (char *)summary;
	it->summary_type = CONTENT_TEXT;
	it->published = published;
	it->updated = updated;
}

static void
freeitems(struct feed_doc *doc)
{
	size_t	i;

	for (i = 0; i < doc->nitems; i++) {
		free(doc->items[i].link);
	}
	free(doc->items);
}

/* Run a search; the number of hits (-1 on error). */
static int
hits(struct store *st, const char *search)
{
	struct store_query	 q = { .search = search };
	struct store_item	*items;
	size_t			 n;
	char			*cause = NULL;

	if (!store_items_query(st, &q, &items, &n, &cause)) {
		diag("%s", cause);
		free(cause);
		return -1;
	}
	store_items_free(items, n);
	return (int)n;
}

/* The id of the item with key in feed url's items (0 when absent). */
static int64_t
item_id(struct store *st, const char *key)
{
	sqlite3_stmt	*s;
	int64_t		 id = 0;

	sqlite3_prepare_v2(st->db, "SELECT id FROM items WHERE key = ?1", -1,
	    &s, NULL);
	sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(s) == SQLITE_ROW) {
		id = sqlite3_column_int64(s, 0);
	}
	sqlite3_finalize(s);
	return id;
}

static bool
apply(struct store *st, const char *url, struct feed_doc *doc, time_t when,
    const char *etag, int *new_items)
{
	struct store_fetch	 f = { .fetched_at = when, .http_status = 200,
	    .etag = etag, .last_modified = "Tue, 14 Nov 2023 22:13:20 GMT" };
	char			*cause = NULL;
	bool			 ok;

	ok = store_feed_apply(st, url, doc, &f, new_items, &cause);
	if (!ok) {
		diag("apply: %s", cause);
		free(cause);
	}
	return ok;
}

/* Opening creates the schema; reopening migrates nothing. */
static void
test_open(void)
{
	struct store	*st;
	char		*path = db_path("open.db"), *cause = NULL;

	st = store_open(path, &cause);
	ok(st != NULL, "open 0: a new database opens");
	is_int(sql_int(st, "PRAGMA user_version"), store_migration_count,
	    "open 1: every migration ran");
	is_int(sql_int(st, "PRAGMA foreign_keys"), 1, "open 2: foreign keys on");
	is_int(sql_int(st, "SELECT count(*) FROM sqlite_master WHERE name IN"
	    " ('feeds', 'items', 'enclosures', 'items_fts', 'memo_entries')"),
	    5, "open 3: tables exist");
	store_close(st);
	st = store_open(path, &cause);
	ok(st != NULL, "open 4: an existing database reopens");
	is_str(st != NULL ? (const char *)sqlite3_db_filename(st->db, "main") :
	    NULL, path, "open 5: at the path given");
	is_int(sql_int(st, "SELECT count(*) FROM pragma_journal_mode"
	    " WHERE journal_mode = 'wal'"), 1, "open 6: WAL");
	store_close(st);
	free(path);
}

/* A database from a newer kiji is refused with a clear error. */
static void
test_newer(void)
{
	struct store	*st;
	char		*path = db_path("newer.db"), *cause = NULL;

	st = store_open(path, &cause);
	sqlite3_exec(st->db, "PRAGMA user_version = 99", NULL, NULL, NULL);
	store_close(st);
	st = store_open(path, &cause);
	ok(st == NULL, "newer 0: refused");
	ok(cause != NULL && strstr(cause, "99") != NULL &&
	    strstr(cause, "newer") != NULL, "newer 1: cause says why: %s",
	    cause != NULL ? cause : "(none)");
	free(cause);
	store_close(st);
	free(path);
}

/* Apply a feed twice: the second time updates in place, keeps the flags
 * and counts only the new item. */
static void
test_apply(struct store *st)
{
	static const char	*url = "https://example.org/feed.xml";
	struct enclosure	 encl[2] = {
		{ (char *)"https://example.org/a.mp3", (char *)"audio/mpeg", 42 },
		{ (char *)"https://example.org/b.pdf", NULL, -1 },
	}, *got;
	struct feed_doc		 doc;
	struct store_item	 it;
	struct store_feed	 f;
	size_t			 ngot;
	char			*cause = NULL, *etag, *lm;
	int64_t			 id1, id2;
	int			 n = -1;

	memset(&doc, 0, sizeof doc);
	doc.title = (char *)"Example feed";
	doc.link = (char *)"https://example.org/";
	doc.nitems = 3;
	doc.items = xcalloc(4, sizeof *doc.items);
	mkitem(&doc.items[0], "a", "Alpha", "first", T0 - 300, T0 - 100);
	mkitem(&doc.items[1], "b", "Beta", "second", 0, T0 - 200);
	mkitem(&doc.items[2], "c", "Gamma", "third", 0, 0);
	doc.items[2].enclosures = encl;
	doc.items[2].nenclosures = 2;
	ok(apply(st, url, &doc, T0, "\"v1\"", &n), "apply 0: first fetch");
	is_int(n, 3, "apply 1: three new items");
	id1 = item_id(st, "a");
	id2 = item_id(st, "b");
	ok(store_item_get(st, id1, &it, &cause), "apply 2: item a loads");
	is_int(it.date, T0 - 300, "apply 3: date is published");
	is_str(it.feed_title, "Example feed", "apply 4: feed title from doc");
	is_str(it.summary, "first", "apply 5: summary stored");
	ok(!it.read && !it.starred, "apply 6: new items are unread");
	store_item_clear(&it);
	store_item_get(st, id2, &it, &cause);
	is_int(it.date, T0 - 200, "apply 7: else updated");
	store_item_clear(&it);
	store_item_get(st, item_id(st, "c"), &it, &cause);
	is_int(it.date, T0, "apply 8: else first seen");
	is_int(it.first_seen, T0, "apply 9: first_seen is the fetch time");
	store_item_clear(&it);

	ok(store_item_set_read(st, id1, true, &cause), "apply 10: mark read");
	ok(store_item_set_starred(st, id2, true, &cause), "apply 11: star");
	doc.items[0].title = (char *)"Alpha, revised";
	doc.nitems = 4;
	mkitem(&doc.items[3], "d", "Delta", "fourth", T0 + 50, 0);
	ok(apply(st, url, &doc, T0 + 3600, "\"v2\"", &n), "apply 12: again");
	is_int(n, 1, "apply 13: one new item");
	is_int(sql_int(st, "SELECT count(*) FROM items"), 4,
	    "apply 14: four items, none doubled");
	ok(store_item_get(st, id1, &it, &cause), "apply 15: same id kept");
	is_str(it.title, "Alpha, revised", "apply 16: updated in place");
	ok(it.read, "apply 17: still read");
	is_int(it.first_seen, T0, "apply 18: first_seen kept");
	store_item_clear(&it);
	store_item_get(st, id2, &it, &cause);
	ok(it.starred, "apply 19: still starred");
	store_item_clear(&it);
	ok(hits(st, "revised") == 1 && hits(st, "alpha") == 1,
	    "apply 20: the index follows the update");

	ok(store_feed_validators(st, url, &etag, &lm, &cause),
	    "apply 21: validators");
	is_str(etag, "\"v2\"", "apply 22: the latest etag");
	is_str(lm, "Tue, 14 Nov 2023 22:13:20 GMT", "apply 23: last-modified");
	free(etag);
	free(lm);
	ok(store_feed_get(st, url, &f, &cause), "apply 24: feed row");
	is_int(f.unread, 3, "apply 25: three unread");
	is_int(f.total, 4, "apply 26: four in all");
	is_int(f.last_fetch, T0 + 3600, "apply 27: last fetch");
	is_str(f.link, "https://example.org/", "apply 28: feed link");
	store_feed_clear(&f);
	ok(store_item_enclosures(st, item_id(st, "c"), &got, &ngot, &cause),
	    "apply 29: enclosures");
	ok(ngot == 2 && strcmp(got[0].url, encl[0].url) == 0 &&
	    strcmp(got[0].type, "audio/mpeg") == 0 && got[0].length == 42 &&
	    strcmp(got[1].url, encl[1].url) == 0 && got[1].type == NULL &&
	    got[1].length == -1, "apply 30: both, in order, as given");
	store_enclosures_free(got, ngot);
	freeitems(&doc);
}

/* A 304 and a failed fetch only touch the feed's fetch state. */
static void
test_not_modified(struct store *st)
{
	static const char	*url = "https://example.org/feed.xml";
	struct store_fetch	 f = { .fetched_at = T0 + 7200,
	    .http_status = 304, .not_modified = true };
	struct store_feed	 feed;
	char			*cause = NULL, *etag, *lm;
	int			 n = -1;

	ok(store_feed_apply(st, url, NULL, &f, &n, &cause), "304 0: applied");
	is_int(n, 0, "304 1: nothing new");
	store_feed_get(st, url, &feed, &cause);
	is_int(feed.last_fetch, T0 + 7200, "304 2: fetch time updated");
	is_int(feed.http_status, 304, "304 3: status recorded");
	is_int(feed.total, 4, "304 4: items kept");
	store_feed_clear(&feed);
	store_feed_validators(st, url, &etag, &lm, &cause);
	is_str(etag, "\"v2\"", "304 5: validators kept");
	free(etag);
	free(lm);

	memset(&f, 0, sizeof f);
	f.fetched_at = T0 + 9000;
	f.error = "Could not resolve host";
	ok(store_feed_apply(st, url, NULL, &f, &n, &cause), "304 6: failure");
	store_feed_get(st, url, &feed, &cause);
	is_str(feed.error, "Could not resolve host", "304 7: error kept");
	is_int(feed.last_success, T0 + 7200, "304 8: last success unchanged");
	is_int(feed.total, 4, "304 9: items kept");
	store_feed_clear(&feed);
	store_feed_validators(st, url, &etag, &lm, &cause);
	is_str(etag, "\"v2\"", "304 10: validators survive a failure");
	free(etag);
	free(lm);
	ok(store_feed_validators(st, "https://unknown.example/", &etag, &lm,
	    &cause) && etag == NULL && lm == NULL,
	    "304 11: an unknown feed has no validators");
}

static const struct {
	const char	*query;
	int		 want;
} searches[] = {
	{ "cve", 1 },			/* full-width title, ASCII query */
	{ "ＣＶＥ-2025", 1 },		/* full-width query */
	{ "CvE", 1 },
	{ "脆弱性", 2 },		/* Japanese, title and body */
	{ "の", 2 },			/* one character: LIKE fallback */
	{ "ｶﾀｶﾅ", 1 },			/* half-width kana folds to full */
	{ "overflow", 1 },		/* inline tags do not split words */
	{ "heap overflow", 1 },		/* words AND-ed */
	{ "heap nothing", 0 },
	{ "alert", 0 },			/* script contents are not text */
	{ "&amp;", 0 },			/* entities decoded */
	{ "r&d", 1 },
	{ "\"", 0 },			/* quotes do not break the query */
	{ "%", 0 },
	{ "*", 0 },			/* GLOB wildcards are literal */
	{ "?", 0 },
	{ "[a-z]", 0 },
	{ "[x]", 1 },
	{ "x]", 1 },
	{ "の脆", 2 },			/* two characters, LIKE */
	{ "ヒー", 1 },
	{ "ﾋｰﾌﾟ", 1 },			/* half-width, three characters */
	{ "2025-1234", 1 },
	{ "a\"b\"c", 0 },
	{ "", 7 },			/* no search: everything */
	{ "  ", 7 },
};

/* Search is NFKC case-folded trigram FTS, with LIKE for short words. */
static void
test_fts(struct store *st)
{
	struct feed_doc	doc;
	size_t		i;

	memset(&doc, 0, sizeof doc);
	doc.nitems = 3;
	doc.items = xcalloc(3, sizeof *doc.items);
	mkitem(&doc.items[0], "j1", "ＣＶＥ-2025-1234 の脆弱性", "詳細は後日",
	    T0, 0);
	mkitem(&doc.items[1], "j2", "お知らせ", "<p>ヒープの<b>脆弱</b>性と"
	    "heap <i>over</i>flow</p><script>alert(1)</script>R&amp;D", T0, 0);
	doc.items[1].summary_type = CONTENT_HTML;
	mkitem(&doc.items[2], "j3", "ｶﾀｶﾅ", "see [x]", T0, 0);
	ok(apply(st, "https://jp.example/rss", &doc, T0, NULL, NULL),
	    "fts 0: Japanese feed applied");
	for (i = 0; i < sizeof searches / sizeof searches[0]; i++) {
		is_int(hits(st, searches[i].query), searches[i].want,
		    "fts %zu: search \"%s\"", i + 1, searches[i].query);
	}
	freeitems(&doc);
}

/* A set of feeds (a section): only their items, newest first, searchable;
 * URLs with quotes are data, not SQL. */
static void
test_query_feeds(struct store *st)
{
	static const char *const two[] = { "https://example.org/feed.xml",
		"https://jp.example/rss", "https://none.example/" };
	static const char *const odd[] = { "https://x.example/'); DROP",
		"\"]" };
	struct store_query	 q;
	struct store_item	*items;
	size_t			 n, i;
	char			*cause = NULL;
	bool			 sorted = true, only = true;

	memset(&q, 0, sizeof q);
	q.feed_urls = two;
	q.nfeed_urls = 3;
	ok(store_items_query(st, &q, &items, &n, &cause), "feeds 0: query");
	is_int(n, 7, "feeds 1: the items of both feeds");
	for (i = 0; i < n; i++) {
		sorted = sorted && (i == 0 || items[i - 1].date >= items[i].date);
		only = only && (strcmp(items[i].feed_url, two[0]) == 0 ||
		    strcmp(items[i].feed_url, two[1]) == 0);
	}
	ok(sorted, "feeds 2: newest first");
	ok(only, "feeds 3: of those feeds only");
	store_items_free(items, n);
	q.nfeed_urls = 1;
	ok(store_items_count(st, &q, &n, &cause) && n == 4,
	    "feeds 4: one feed of the set");
	q.nfeed_urls = 3;
	q.search = "お知らせ";
	ok(store_items_count(st, &q, &n, &cause) && n == 1,
	    "feeds 5: searched inside the set");
	q.search = NULL;
	q.feed_urls = odd;
	q.nfeed_urls = 2;
	ok(store_items_count(st, &q, &n, &cause) && n == 0,
	    "feeds 6: quotes in URLs match nothing");
	is_int(sql_int(st, "SELECT count(*) FROM feeds WHERE url = "
	    "'https://example.org/feed.xml'"), 1, "feeds 7: and harm nothing");
}

/* Titles are stored as plain text: an HTML title's markup is stripped and
 * its entities decoded; a text title is kept as written. */
static void
test_titles(struct store *st)
{
	static const char	*url = "https://titles.example/atom";
	static const struct {
		const char		*key, *title, *want;
		enum content_type	 type;
	} t[] = {
		{ "t0", "AT&amp;T <b>news</b> &lt;x&gt;", "AT&T news <x>",
		  CONTENT_HTML },
		{ "t1", "a <b> &amp; c", "a <b> &amp; c", CONTENT_TEXT },
		{ "t2", "  <p>two\nlines</p> ", "two lines", CONTENT_HTML },
	};
	struct feed_doc		 doc;
	struct store_item	 it;
	struct store_feed	 feed;
	char			*cause = NULL;
	size_t			 i;

	memset(&doc, 0, sizeof doc);
	doc.title = "Vendor <i>News</i>";
	doc.title_type = CONTENT_HTML;
	doc.nitems = sizeof t / sizeof t[0];
	doc.items = xcalloc(doc.nitems, sizeof *doc.items);
	for (i = 0; i < doc.nitems; i++) {
		mkitem(&doc.items[i], t[i].key, t[i].title, "s", T0, 0);
		doc.items[i].title_type = t[i].type;
	}
	ok(apply(st, url, &doc, T0, NULL, NULL), "titles 0: applied");
	for (i = 0; i < doc.nitems; i++) {
		store_item_get(st, item_id(st, t[i].key), &it, &cause);
		is_str(it.title, t[i].want, "titles %zu: %s", i + 1, t[i].key);
		store_item_clear(&it);
	}
	ok(store_feed_get(st, url, &feed, &cause) && feed.title != NULL &&
	    strcmp(feed.title, "Vendor News") == 0, "titles 4: the feed's");
	store_feed_clear(&feed);
	is_int(hits(st, "</b>"), 0, "titles 5: the markup is not searched");
	ok(store_feed_remove(st, url, NULL, &cause), "titles 6: removed");
	freeitems(&doc);
}

/* Filters, order and paging; flags are all-or-nothing. */
static void
test_query(struct store *st)
{
	struct store_query	 q;
	struct store_item	*items;
	size_t			 n;
	char			*cause = NULL;
	int64_t			 ids[2];
	int			 changed;

	memset(&q, 0, sizeof q);
	q.feed_url = "https://example.org/feed.xml";
	ok(store_items_query(st, &q, &items, &n, &cause), "query 0: by feed");
	is_int(n, 4, "query 1: four items");
	ok(n == 4 && items[0].date >= items[1].date &&
	    items[1].date >= items[2].date && items[2].date >= items[3].date,
	    "query 2: newest first");
	ok(n == 4 && items[0].summary == NULL, "query 3: no bodies unless full");
	store_items_free(items, n);
	q.unread_only = true;
	store_items_query(st, &q, &items, &n, &cause);
	is_int(n, 3, "query 4: unread only");
	store_items_free(items, n);
	ok(store_items_count(st, &q, &n, &cause) && n == 3,
	    "query 4a: counted alike");
	q.search = "alpha";
	ok(store_items_count(st, &q, &n, &cause) && n == 0,
	    "query 4b: counts a search (alpha is read)");
	q.search = NULL;
	q.unread_only = false;
	q.starred_only = true;
	store_items_query(st, &q, &items, &n, &cause);
	ok(n == 1 && strcmp(items[0].key, "b") == 0, "query 5: starred only");
	store_items_free(items, n);
	memset(&q, 0, sizeof q);
	q.limit = 2;
	q.offset = 1;
	q.full = true;
	store_items_query(st, &q, &items, &n, &cause);
	is_int(n, 2, "query 6: limit");
	ok(n == 2 && (items[0].summary != NULL || items[1].summary != NULL),
	    "query 7: full loads bodies");
	store_items_free(items, n);

	test_query_feeds(st);

	ids[0] = item_id(st, "c");
	ids[1] = 999999;
	ok(!store_items_set_flag(st, ids, 2, STORE_FLAG_READ, true, &cause),
	    "query 8: an unknown id fails");
	ok(cause != NULL && strstr(cause, "999999") != NULL,
	    "query 9: and is named");
	free(cause);
	cause = NULL;
	is_int(sql_int(st, "SELECT read FROM items WHERE key = 'c'"), 0,
	    "query 10: the known one was left alone");
	ok(store_feed_mark_read(st, "https://jp.example/rss", &changed, &cause),
	    "query 11: mark a feed read");
	is_int(changed, 3, "query 12: its three items");
	ok(!store_feed_mark_read(st, "https://none.example/", NULL, &cause),
	    "query 13: an unknown feed fails");
	free(cause);
}

/* Expiry removes old read items, except starred ones, those the memo
 * refers to and those the latest document still carries. */
static void
test_expire(struct store *st)
{
	char	*cause = NULL;
	int	 removed = -1;

	/* example.org's latest document (T0 + 3600) held a, b, c, d; make a
	 * and c look dropped from it, all of them read and old. */
	sqlite3_exec(st->db, "UPDATE items SET read = 1, date = 1000;"
	    "UPDATE items SET last_seen = 5 WHERE key IN ('a', 'b', 'c', 'j1');"
	    "INSERT INTO memo_issues (number, created) VALUES (1, 0);"
	    "INSERT INTO memo_sections (issue_id, position, name)"
	    " VALUES (1, 0, 'x');"
	    "INSERT INTO memo_stories (section_id, position) VALUES (1, 0);"
	    "INSERT INTO memo_entries (story_id, issue_id, position, item_id,"
	    " title) SELECT 1, 1, 0, id, title FROM items WHERE key = 'c';",
	    NULL, NULL, NULL);
	ok(store_expire(st, 2000, &removed, &cause), "expire 0: runs");
	/* a and j1 go; b is starred; c is in the memo; d, j2, j3 are in
	 * their feeds' latest documents. */
	is_int(removed, 2, "expire 1: two removed");
	is_int(sql_int(st, "SELECT count(*) FROM items WHERE key IN"
	    " ('b', 'c', 'd', 'j2', 'j3')"), 5, "expire 2: the rest kept");
	is_int(sql_int(st, "SELECT count(*) FROM items_fts"), 5,
	    "expire 3: index rows go with them");
	ok(store_expire(st, 500, &removed, &cause) && removed == 0,
	    "expire 4: nothing older than that");
}

/* Removing a feed removes its items but not the memo's copy. */
static void
test_remove(struct store *st)
{
	static const char	*url = "https://example.org/feed.xml";
	struct store_feed	*feeds;
	size_t			 n;
	char			*cause = NULL;
	bool			 found = false;

	ok(store_feed_ensure(st, "https://new.example/", &cause),
	    "remove 0: ensure a row");
	ok(store_feed_list(st, &feeds, &n, &cause) && n == 3,
	    "remove 1: three feeds listed");
	ok(n == 3 && strcmp(feeds[2].url, "https://new.example/") == 0 &&
	    feeds[2].last_fetch == 0 && feeds[2].total == 0,
	    "remove 2: the new one never fetched");
	store_feed_list_free(feeds, n);
	ok(store_feed_remove(st, url, &found, &cause) && found,
	    "remove 3: removed");
	is_int(sql_int(st, "SELECT count(*) FROM items"), 2,
	    "remove 4: its items are gone");
	is_int(sql_int(st, "SELECT count(*) FROM items_fts"), 2,
	    "remove 5: and their index rows");
	is_int(sql_int(st, "SELECT count(*) FROM memo_entries WHERE"
	    " item_id IS NULL AND title = 'Gamma'"), 1,
	    "remove 6: the memo keeps its copy");
	ok(store_feed_remove(st, url, &found, &cause) && !found,
	    "remove 7: removing again finds nothing");
}

/* Every item is either in the index or pending, never both nor neither. */
static void
check_fts_invariant(struct store *st, const char *name, int i)
{
	is_int(sql_int(st, "SELECT count(*) FROM items WHERE"
	    " (id IN (SELECT rowid FROM items_fts)) ="
	    " (id IN (SELECT item_id FROM fts_pending))"), 0,
	    "%s %d: every item indexed or pending, not both", name, i);
	is_int(sql_int(st, "SELECT (SELECT count(*) FROM items_fts) +"
	    " (SELECT count(*) FROM fts_pending) - (SELECT count(*) FROM items)"),
	    0, "%s %d: no index or pending row without its item", name, i + 1);
}

/* A document of n items "p<i>" titled "Lazy <i> 脆弱性", dated T0. */
static void
mkdoc(struct feed_doc *doc, size_t n, char **keys, char **titles)
{
	size_t	i;

	memset(doc, 0, sizeof *doc);
	doc->nitems = n;
	doc->items = xcalloc(n, sizeof *doc->items);
	for (i = 0; i < n; i++) {
		keys[i] = xasprintf("p%zu", i);
		titles[i] = xasprintf("Lazy %zu 脆弱性", i);
		mkitem(&doc->items[i], keys[i], titles[i], "ｂｏｄｙ text",
		    T0 + (time_t)i, 0);
	}
}

static void
freedoc(struct feed_doc *doc, char **keys, char **titles)
{
	size_t	i;

	for (i = 0; i < doc->nitems; i++) {
		free(keys[i]);
		free(titles[i]);
	}
	freeitems(doc);
}

/* Count matches of a search with store_items_count(). */
static long long
count_hits(struct store *st, const char *search)
{
	struct store_query	 q = { .search = search };
	size_t			 n;
	char			*cause = NULL;

	if (!store_items_count(st, &q, &n, &cause)) {
		diag("%s", cause);
		free(cause);
		return -1;
	}
	return (long long)n;
}

#define LAZY_N	1203	/* more than two batches */

/* A refresh only marks items pending; a search indexes them first. */
static void
test_lazy(void)
{
	struct feed_doc	 doc;
	struct store	*st;
	char		*keys[LAZY_N], *titles[LAZY_N], *cause = NULL;
	char		*path = db_path("lazy.db");
	size_t		 left = 99;

	st = store_open(path, &cause);
	ok(st != NULL, "lazy 0: open");
	mkdoc(&doc, LAZY_N, keys, titles);
	ok(apply(st, "https://lazy.example/", &doc, T0, NULL, NULL),
	    "lazy 1: applied");
	is_int(sql_int(st, "SELECT count(*) FROM fts_pending"), LAZY_N,
	    "lazy 2: every new item is pending");
	is_int(sql_int(st, "SELECT count(*) FROM items_fts"), 0,
	    "lazy 3: none indexed by the refresh");
	check_fts_invariant(st, "lazy", 4);
	ok(store_fts_catch_up(st, 10, &left, &cause),
	    "lazy 6: catching up 10");
	is_int(left, LAZY_N - 10, "lazy 7: leaves the rest pending");
	is_int(sql_int(st, "SELECT count(*) FROM items_fts"), 10,
	    "lazy 8: ten indexed");
	is_int(count_hits(st, "脆弱性"), LAZY_N,
	    "lazy 9: a count indexes the rest first and finds all");
	is_int(sql_int(st, "SELECT count(*) FROM fts_pending"), 0,
	    "lazy 10: nothing pending after the search");
	check_fts_invariant(st, "lazy", 11);
	is_int(hits(st, "BODY"), LAZY_N, "lazy 13: folded bodies found");
	doc.items[5].title = "Changed ＣＶＥ-2026-0001";
	ok(apply(st, "https://lazy.example/", &doc, T0 + 60, NULL, NULL),
	    "lazy 14: one item changed");
	is_int(sql_int(st, "SELECT count(*) FROM fts_pending"), 1,
	    "lazy 15: only the changed item is pending");
	check_fts_invariant(st, "lazy", 16);
	is_int(hits(st, "cve-2026-0001"), 1, "lazy 18: its new title found");
	is_int(hits(st, "脆弱性"), LAZY_N - 1, "lazy 19: its old one gone");
	doc.items[5].title = titles[5];
	ok(store_begin(st, &cause), "lazy 20: a caller's transaction");
	ok(apply(st, "https://lazy.example/", &doc, T0 + 120, NULL, NULL),
	    "lazy 21: changed back inside it");
	is_int(hits(st, "脆弱性"), LAZY_N,
	    "lazy 22: a search inside the transaction sees the change");
	ok(store_commit(st, &cause), "lazy 23: committed");
	ok(apply(st, "https://lazy.example/", &doc, T0 + 180, NULL, NULL) &&
	    store_feed_remove(st, "https://lazy.example/", NULL, &cause),
	    "lazy 24: the feed removed");
	is_int(sql_int(st, "SELECT count(*) FROM fts_pending") +
	    sql_int(st, "SELECT count(*) FROM items_fts"), 0,
	    "lazy 25: no index or pending row left");
	freedoc(&doc, keys, titles);
	store_close(st);
	free(path);
}

/* In a child: index 500 items (committed), then start indexing the rest
 * and die before the transaction ends, as a crash would. */
static void
crash_child(const char *path)
{
	struct store	*st;
	char		*cause = NULL;

	if ((st = store_open(path, &cause)) == NULL ||
	    !store_fts_catch_up(st, 500, NULL, &cause) ||
	    !store_begin(st, &cause) ||
	    !store_fts_catch_up(st, 0, NULL, &cause)) {
		_exit(1);
	}
	_exit(0);
}

/* A catch-up killed half-way leaves each item indexed or pending. */
static void
test_lazy_crash(void)
{
	struct feed_doc	 doc;
	struct store	*st;
	char		*keys[LAZY_N], *titles[LAZY_N], *cause = NULL;
	char		*path = db_path("crash.db");
	pid_t		 pid;
	int		 status = -1;

	st = store_open(path, &cause);
	mkdoc(&doc, LAZY_N, keys, titles);
	ok(st != NULL && apply(st, "https://crash.example/", &doc, T0, NULL,
	    NULL), "crash 0: applied");
	store_close(st);
	fflush(stdout);
	if ((pid = fork()) == 0) {
		crash_child(path);
	}
	waitpid(pid, &status, 0);
	ok(WIFEXITED(status) && WEXITSTATUS(status) == 0,
	    "crash 1: the child indexed and died mid-transaction");
	st = store_open(path, &cause);
	ok(st != NULL, "crash 2: reopened");
	is_int(sql_int(st, "SELECT count(*) FROM items_fts"), 500,
	    "crash 3: the committed batch is indexed");
	is_int(sql_int(st, "SELECT count(*) FROM fts_pending"), LAZY_N - 500,
	    "crash 4: the rest is still pending");
	check_fts_invariant(st, "crash", 5);
	is_int(hits(st, "lazy"), LAZY_N, "crash 7: a search finds all");
	check_fts_invariant(st, "crash", 8);
	freedoc(&doc, keys, titles);
	store_close(st);
	free(path);
}

struct writer {
	char	*path;
	int	 base;
	bool	 ok;
};

/* A thread with its own connection writing feeds. */
static void *
writer_run(void *arg)
{
	struct writer	*w = arg;
	struct store	*st;
	struct feed_doc	 doc;
	char		*cause = NULL, *url, key[32];
	int		 i, j;

	w->ok = (st = store_open(w->path, &cause)) != NULL;
	memset(&doc, 0, sizeof doc);
	doc.nitems = 20;
	doc.items = xcalloc(doc.nitems, sizeof *doc.items);
	for (i = 0; w->ok && i < 10; i++) {
		for (j = 0; j < 20; j++) {
			snprintf(key, sizeof key, "k%d-%d-%d", w->base, i, j);
			free(doc.items[j].link);
			mkitem(&doc.items[j], xstrdup(key), "t", "s", T0, 0);
		}
		url = xasprintf("https://w%d.example/%d", w->base, i);
		w->ok = apply(st, url, &doc, T0, NULL, NULL);
		free(url);
		for (j = 0; j < 20; j++) {
			free(doc.items[j].key);
		}
	}
	freeitems(&doc);
	free(cause);
	store_close(st);
	return NULL;
}

/* Two connections at once: one writes while the other reads and writes. */
static void
test_concurrent(void)
{
	struct writer	 w[2];
	pthread_t	 t[2];
	struct store	*a, *b;
	char		*path = db_path("two.db"), *cause = NULL;
	int		 i;

	a = store_open(path, &cause);
	b = store_open(path, &cause);
	ok(a != NULL && b != NULL, "two 0: two connections open");
	ok(store_feed_ensure(a, "https://one.example/", &cause),
	    "two 1: the first writes");
	is_int(sql_int(b, "SELECT count(*) FROM feeds"), 1,
	    "two 2: the second sees it");
	ok(store_feed_ensure(b, "https://two.example/", &cause),
	    "two 3: the second writes");
	is_int(sql_int(a, "SELECT count(*) FROM feeds"), 2,
	    "two 4: the first sees that");
	store_close(b);
	for (i = 0; i < 2; i++) {
		w[i].path = path;
		w[i].base = i;
		pthread_create(&t[i], NULL, writer_run, &w[i]);
	}
	for (i = 0; i < 2; i++) {
		pthread_join(t[i], NULL);
	}
	ok(w[0].ok && w[1].ok, "two 5: two threads wrote side by side");
	is_int(sql_int(a, "SELECT count(*) FROM items"), 400,
	    "two 6: every item arrived");
	store_close(a);
	free(path);
}

int
main(void)
{
	struct store	*st;
	char		*path, *cause = NULL, tmpl[] = "/tmp/kiji-store.XXXXXX";

	if ((dir = mkdtemp(tmpl)) == NULL) {
		ok(0, "temporary directory");
		return done_testing();
	}
	test_open();
	test_newer();
	path = db_path("main.db");
	st = store_open(path, &cause);
	ok(st != NULL, "main: open");
	test_apply(st);
	test_not_modified(st);
	test_fts(st);
	test_titles(st);
	test_query(st);
	test_expire(st);
	test_remove(st);
	store_close(st);
	free(path);
	test_concurrent();
	test_lazy();
	test_lazy_crash();
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return done_testing();
}
