/* Unit tests for store-newsboat: newsboat's guids mapped to kiji's keys,
 * and an import followed by a refresh of the same feed through kiji's
 * parser updating the imported rows instead of adding copies. */
#include "config.h"

#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "feed.h"
#include "store-int.h"
#include "store-newsboat.h"
#include "xalloc.h"
#include "tap.h"

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

static const struct {
	const char	*guid;
	const char	*link;
	const char	*key;
	bool		 is_guid;
} key_cases[] = {
	/* the feed's own guid */
	{ "tag:example.org,2024:1", "https://example.org/1",
	    "tag:example.org,2024:1", true },
	/* newsboat's link + pubDate fallback: kiji keys by the link */
	{ "https://example.org/2Mon, 01 Jan 2024 10:00:00 +0000",
	    "https://example.org/2", "https://example.org/2", false },
	{ "https://example.org/3 2024-01-01T10:00:00Z",
	    "https://example.org/3", "https://example.org/3", false },
	/* the link fallback, or a guid equal to the link */
	{ "https://example.org/4", "https://example.org/4",
	    "https://example.org/4", false },
	/* a real guid that starts with the link but is no date */
	{ "https://example.org/5#comments", "https://example.org/5",
	    "https://example.org/5#comments", true },
	{ "https://example.org/6/2024", "https://example.org/6/",
	    "https://example.org/6/2024", true },
	/* white space around, as the parser trims it */
	{ "  tag:x  ", "https://example.org/7", "tag:x", true },
	/* no guid: the link; neither: no key */
	{ "", "https://example.org/8", "https://example.org/8", false },
	{ NULL, "https://example.org/9", "https://example.org/9", false },
	{ "", "", NULL, false },
	{ NULL, NULL, NULL, false },
	/* a title used as guid (no guid, no link) stays as it is */
	{ "Some title", "", "Some title", true },
};

static void
test_keys(void)
{
	char	*key;
	bool	 is_guid;
	size_t	 i;

	for (i = 0; i < sizeof key_cases / sizeof key_cases[0]; i++) {
		key = store_newsboat_key(key_cases[i].guid, key_cases[i].link,
		    &is_guid);
		is_str(key, key_cases[i].key, "key %zu: key", i);
		is_int(is_guid, key_cases[i].is_guid, "key %zu: is_guid", i);
		free(key);
	}
}

/* newsboat's schema (src/cache.cpp, schema patches 2.10 to 2.33), then the
 * rows newsboat would have written for FEED_XML below. */
static const char newsboat_sql[] =
"CREATE TABLE rss_feed ( rssurl VARCHAR(1024) PRIMARY KEY NOT NULL,"
" url VARCHAR(1024) NOT NULL, title VARCHAR(1024) NOT NULL );"
"CREATE TABLE rss_item ( id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL,"
" guid VARCHAR(64) NOT NULL, title VARCHAR(1024) NOT NULL,"
" author VARCHAR(1024) NOT NULL, url VARCHAR(1024) NOT NULL,"
" feedurl VARCHAR(1024) NOT NULL, pubDate INTEGER NOT NULL,"
" content VARCHAR(65535) NOT NULL, unread INTEGER(1) NOT NULL );"
"ALTER TABLE rss_item ADD enclosure_url VARCHAR(1024);"
"ALTER TABLE rss_item ADD enclosure_type VARCHAR(1024);"
"ALTER TABLE rss_item ADD enqueued INTEGER(1) NOT NULL DEFAULT 0;"
"ALTER TABLE rss_item ADD flags VARCHAR(52);"
"ALTER TABLE rss_feed ADD lastmodified INTEGER(11) NOT NULL DEFAULT 0;"
"ALTER TABLE rss_item ADD deleted INTEGER(1) NOT NULL DEFAULT 0;"
"ALTER TABLE rss_feed ADD is_rtl INTEGER(1) NOT NULL DEFAULT 0;"
"ALTER TABLE rss_feed ADD etag VARCHAR(128) NOT NULL DEFAULT '';"
"ALTER TABLE rss_item ADD base VARCHAR(128) NOT NULL DEFAULT '';"
"CREATE TABLE metadata ( db_schema_version_major INTEGER NOT NULL,"
" db_schema_version_minor INTEGER NOT NULL );"
"INSERT INTO metadata VALUES ( 2, 33 );"
"ALTER TABLE rss_item ADD COLUMN content_mime_type VARCHAR(255)"
" NOT NULL DEFAULT '';"
"INSERT INTO rss_feed (rssurl, url, title, etag, lastmodified) VALUES"
" ('https://example.org/feed.xml', 'https://example.org/', 'Example',"
" '\"abc\"', 1700000000);"
"INSERT INTO rss_item (guid, title, author, url, feedurl, pubDate, content,"
" unread, flags, enclosure_url, enclosure_type, content_mime_type) VALUES"
" ('tag:a', 'A', '', 'https://example.org/a',"
"  'https://example.org/feed.xml', 1704103200, '<p>a</p>', 0, '', NULL,"
"  NULL, 'text/html'),"
" ('https://example.org/bMon, 01 Jan 2024 10:00:00 +0000', 'B', '',"
"  'https://example.org/b', 'https://example.org/feed.xml', 1704103200,"
"  '<p>b</p>', 1, 's', 'https://example.org/b.mp3', 'audio/mpeg', ''),"
" ('https://example.org/c', 'C', '', 'https://example.org/c',"
"  'https://example.org/feed.xml', 1704103200, 'c', 0, 'x', '', '',"
"  'text/plain'),"
" ('https://example.org/d', 'D', '', 'https://example.org/d',"
"  'https://example.org/feed.xml', 1704103200, '', 1, NULL, '', '', ''),"
/* hostile rows: script, handler, javascript: links, invalid UTF-8 */
" ('tag:h1', 'H1', '', 'javascript:alert(1)',"
"  'https://example.org/hostile.xml', 1704103200,"
"  '<p onclick=\"x()\">hi<script>alert(1)</script>"
"<a href=\"javascript:alert(2)\">l</a><img src=\"/i.png\"></p>', 0, '',"
"  'data:text/html,x', 'text/html', 'text/html'),"
" ('tag:h2', CAST(X'41FF42' AS TEXT), '', 'https://example.org/h2',"
"  'https://example.org/hostile.xml', 1704103200, 'x', 1, '', '', '',"
"  'text/plain');";

#define FEED_XML \
"<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Example</title>" \
"<link>https://example.org/</link>" \
"<item><title>A</title><guid isPermaLink=\"false\">tag:a</guid>" \
"<link>https://example.org/a</link></item>" \
"<item><title>B</title><link>https://example.org/b</link>" \
"<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate>" \
"<enclosure url=\"https://example.org/b.mp3\" type=\"audio/mpeg\"" \
" length=\"10\"/></item>" \
"<item><title>C</title><guid>https://example.org/c</guid></item>" \
"<item><title>D</title><link>https://example.org/d</link></item>" \
"</channel></rss>"

/* One integer from a SQL query on the kiji database. */
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

/* Write newsboat's cache for the test feed at path. */
static bool
make_cache(const char *path)
{
	sqlite3	*db;
	bool	 ok;

	if (sqlite3_open(path, &db) != SQLITE_OK) {
		sqlite3_close(db);
		return false;
	}
	ok = sqlite3_exec(db, newsboat_sql, NULL, NULL, NULL) == SQLITE_OK;
	if (!ok) {
		diag("%s", sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return ok;
}

static const struct {
	const char	*key;
	int		 read;
	int		 starred;
	int		 content_type;
	int		 enclosures;
} import_cases[] = {
	{ "tag:a", 1, 0, CONTENT_HTML, 0 },
	{ "https://example.org/b", 0, 1, CONTENT_HTML, 1 },
	{ "https://example.org/c", 1, 1, CONTENT_TEXT, 0 },
	{ "https://example.org/d", 0, 0, CONTENT_HTML, 0 },
};

/* Check every imported item's flags and (unless refreshed since, which
 * replaces the text) its content type. */
static void
check_items(struct store *st, const char *when, bool type)
{
	char	*sql;
	size_t	 i;

	for (i = 0; i < sizeof import_cases / sizeof import_cases[0]; i++) {
		sql = xasprintf("SELECT read * 100 + starred * 10 + %s"
		    " FROM items WHERE key = '%s'", type ? "content_type" : "0",
		    import_cases[i].key);
		is_int(sql_int(st, sql), import_cases[i].read * 100 +
		    import_cases[i].starred * 10 +
		    (type ? import_cases[i].content_type : 0),
		    "%s %zu: read, starred%s", when, i,
		    type ? ", content type" : "");
		free(sql);
		sql = xasprintf("SELECT count(*) FROM enclosures e JOIN items i"
		    " ON i.id = e.item_id WHERE i.key = '%s'",
		    import_cases[i].key);
		is_int(sql_int(st, sql), import_cases[i].enclosures,
		    "%s %zu: enclosures", when, i);
		free(sql);
	}
}

/* Import, import again, then refresh through the parser. */
static void
test_import(void)
{
	struct store_newsboat_stats	 stats;
	struct store_newsboat		*nb;
	struct store_fetch		 fetch;
	struct feed_doc			*doc;
	struct store			*st;
	char				*cache = xasprintf("%s/cache.db", dir);
	char				*kiji = xasprintf("%s/kiji.db", dir);
	char				*cause = NULL;
	int				 added = -1;

	ok(make_cache(cache), "import: build newsboat's cache");
	nb = store_newsboat_open(cache, &cause);
	ok(nb != NULL, "import: open the cache (%s)", cause ? cause : "");
	st = store_open(kiji, &cause);
	ok(st != NULL, "import: open the store");
	if (nb == NULL || st == NULL) {
		return;
	}
	ok(store_newsboat_import(st, nb, "https://example.org/feed.xml", true,
	    &stats, &cause), "import: first import");
	is_int(stats.items * 1000 + stats.added * 100 + stats.read * 10 +
	    stats.starred, 4422, "import: 4 items, 4 added, 2 read, 2 starred");
	check_items(st, "first", true);
	is_int(sql_int(st, "SELECT count(*) FROM feeds WHERE etag IS NULL"
	    " AND last_fetch IS NULL AND title = 'Example'"), 1,
	    "import: the feed is unfetched, without validators");
	is_int(sql_int(st, "SELECT count(*) FROM memo_entries e JOIN items i"
	    " ON i.id = e.item_id WHERE i.starred"), 2,
	    "import: the starred items are in the memo");
	ok(store_newsboat_import(st, nb, "https://example.org/feed.xml", true,
	    &stats, &cause), "import: second import");
	is_int(stats.added * 100 + stats.read * 10 + stats.starred, 0,
	    "import: the second import changes nothing");
	is_int(sql_int(st, "SELECT count(*) FROM memo_entries"), 2,
	    "import: the memo is unchanged");

	doc = feed_parse(FEED_XML, strlen(FEED_XML),
	    "https://example.org/feed.xml", NULL, &cause);
	ok(doc != NULL, "refresh: parse the feed");
	memset(&fetch, 0, sizeof fetch);
	fetch.http_status = 200;
	ok(doc != NULL && store_feed_apply(st, "https://example.org/feed.xml",
	    doc, &fetch, &added, &cause), "refresh: apply the feed");
	is_int(added, 0, "refresh: no item is new");
	is_int(sql_int(st, "SELECT count(*) FROM items"), 4,
	    "refresh: still four items");
	check_items(st, "refreshed", false);
	feed_doc_free(doc);
	store_close(st);
	store_newsboat_close(nb);
	free(cache);
	free(kiji);
}

static const struct {
	const char	*sql;
	long long	 want;
	const char	*what;
} hostile_cases[] = {
	{ "SELECT count(*) FROM items", 2, "both items imported" },
	{ "SELECT count(*) FROM items WHERE key = 'tag:h1' AND link IS NULL",
	    1, "a javascript: link is dropped" },
	{ "SELECT count(*) FROM items WHERE key = 'tag:h1' AND"
	    " content LIKE '%hi%' AND content NOT LIKE '%script%' AND"
	    " content NOT LIKE '%onclick%' AND content NOT LIKE '%javascript%'",
	    1, "the HTML is cleaned as the parser cleans it" },
	{ "SELECT count(*) FROM items WHERE key = 'tag:h1' AND"
	    " content LIKE '%https://example.org/i.png%'", 1,
	    "relative URLs are resolved" },
	{ "SELECT count(*) FROM enclosures", 0,
	    "a data: enclosure is dropped" },
	{ "SELECT count(*) FROM items WHERE key = 'tag:h2' AND"
	    " title = 'A' || char(65533) || 'B'", 1,
	    "invalid UTF-8 is repaired" },
};

/* Hostile text in the cache reaches the store as the parser would leave
 * it. */
static void
test_hostile(void)
{
	struct store_newsboat_stats	 stats;
	struct store_newsboat		*nb;
	struct store			*st;
	char				*cache = xasprintf("%s/cache.db", dir);
	char				*kiji = xasprintf("%s/hostile.db", dir);
	char				*cause = NULL;
	size_t				 i;

	nb = store_newsboat_open(cache, &cause);
	st = store_open(kiji, &cause);
	ok(nb != NULL && st != NULL && store_newsboat_import(st, nb,
	    "https://example.org/hostile.xml", true, &stats, &cause),
	    "hostile: import");
	for (i = 0; st != NULL &&
	    i < sizeof hostile_cases / sizeof hostile_cases[0]; i++) {
		is_int(sql_int(st, hostile_cases[i].sql), hostile_cases[i].want,
		    "hostile %zu: %s", i, hostile_cases[i].what);
	}
	store_close(st);
	store_newsboat_close(nb);
	free(cache);
	free(kiji);
}

/* Files that are not newsboat caches are refused. */
static void
test_not_cache(void)
{
	struct store_newsboat	*nb;
	char			*path = xasprintf("%s/other.db", dir);
	char			*missing = xasprintf("%s/missing.db", dir);
	char			*cause = NULL;
	FILE			*f;

	f = fopen(path, "w");
	if (f != NULL) {
		fputs("CREATE TABLE nothing;\n", f);
		fclose(f);
	}
	nb = store_newsboat_open(path, &cause);
	ok(nb == NULL && cause != NULL, "not-cache 0: a text file is refused");
	free(cause);
	cause = NULL;
	nb = store_newsboat_open(missing, &cause);
	ok(nb == NULL && cause != NULL, "not-cache 1: a missing file fails");
	ok(access(missing, F_OK) != 0, "not-cache 1: and is not created");
	free(cause);
	free(path);
	free(missing);
}

int
main(void)
{
	char	tmpl[] = "/tmp/kiji-newsboat.XXXXXX";

	if ((dir = mkdtemp(tmpl)) == NULL) {
		ok(0, "temporary directory");
		return done_testing();
	}
	feed_init();
	test_keys();
	test_import();
	test_hostile();
	test_not_cache();
	nftw(dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return done_testing();
}
