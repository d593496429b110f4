/* test-store-memo: the memo's issues in the database, through the store. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "memo.h"
#include "model.h"
#include "store-memo.h"
#include "store.h"
#include "tap.h"
#include "xalloc.h"

#define FEED_A	"https://a.example/feed.xml"
#define FEED_B	"https://b.example/rss"

struct seed_item {
	const char	*key;
	const char	*title;
	const char	*summary;
};

static const struct seed_item items_a[] = {
	{ "a1", "Alpha one", "Fixes CVE-2023-1111 in the parser." },
	{ "a2", "Alpha two", "Nothing to see." },
	{ "a3", "Alpha three", "JVNVU#12345678 published." },
	{ "a4", "Alpha four", "" },
	{ "a5", "Alpha five", "" },
};
static const struct seed_item items_b[] = {
	{ "b1", "Bravo one", "" },
	{ "b2", "Bravo two about cve-2023-1111", "" },
};

static struct store	*st;

/* Apply a feed document built from items (titles may be given a suffix). */
static void
seed(const char *url, const char *title, const struct seed_item *items,
    size_t n, const char *suffix)
{
	struct store_fetch	 fetch;
	struct feed_doc		 doc;
	char			*cause = NULL;
	size_t			 i;

	memset(&doc, 0, sizeof doc);
	memset(&fetch, 0, sizeof fetch);
	fetch.fetched_at = 1680138000;
	fetch.http_status = 200;
	doc.title = (char *)title;
	doc.items = xcalloc(n, sizeof *doc.items);
	doc.nitems = n;
	for (i = 0; i < n; i++) {
		doc.items[i].key = (char *)items[i].key;
		doc.items[i].guid = (char *)items[i].key;
		doc.items[i].title = xasprintf("%s%s", items[i].title, suffix);
		doc.items[i].link = xasprintf("%s/%s", url, items[i].key);
		doc.items[i].summary = (char *)items[i].summary;
		doc.items[i].published = 1680103800 + (time_t)i * 3600;
	}
	if (!store_feed_apply(st, url, &doc, &fetch, NULL, &cause)) {
		diag("seed %s: %s", url, cause);
		exit(1);
	}
	for (i = 0; i < n; i++) {
		free(doc.items[i].title);
		free(doc.items[i].link);
	}
	free(doc.items);
}

/* The id of the item whose key is key. */
static int64_t
item(const char *key)
{
	struct store_query	 q;
	struct store_item	*list;
	size_t			 n, i;
	int64_t			 id = 0;
	char			*cause = NULL;

	memset(&q, 0, sizeof q);
	if (!store_items_query(st, &q, &list, &n, &cause)) {
		diag("query: %s", cause);
		exit(1);
	}
	for (i = 0; i < n; i++) {
		if (strcmp(list[i].key, key) == 0) {
			id = list[i].id;
		}
	}
	store_items_free(list, n);
	return id;
}

static bool
starred(const char *key)
{
	struct store_item	 it;
	char			*cause = NULL;
	bool			 s;

	memset(&it, 0, sizeof it);
	if (!store_item_get(st, item(key), &it, &cause)) {
		diag("get %s: %s", key, cause);
		free(cause);
		return false;
	}
	s = it.starred;
	store_item_clear(&it);
	return s;
}

/* The open issue (or number) as a compact string: sections as "[name]",
 * stories as "{headline}" then entry keys (the link's last part). */
static char *
shape(long number)
{
	struct memo_issue	*issue;
	struct buf		 b = BUF_INIT;
	struct memo_story	*s;
	char			*cause = NULL;
	const char		*key;
	size_t			 i, j, k;

	if ((issue = store_memo_load(st, number, &cause)) == NULL) {
		diag("load: %s", cause);
		free(cause);
		return xstrdup("(none)");
	}
	buf_printf(&b, "#%ld", issue->number);
	for (i = 0; i < issue->nsections; i++) {
		buf_printf(&b, " [%s]", issue->sections[i].name);
		for (j = 0; j < issue->sections[i].nstories; j++) {
			s = &issue->sections[i].stories[j];
			buf_puts(&b, s->headline != NULL ? " {" : " {");
			buf_puts(&b, s->headline != NULL ? s->headline : "");
			buf_puts(&b, "}");
			for (k = 0; k < s->nentries; k++) {
				key = strrchr(s->entries[k].link != NULL ?
				    s->entries[k].link : "/?", '/') + 1;
				buf_printf(&b, "%s%s%s", k > 0 ? "," : "", key,
				    s->entries[k].quote != NULL ? "+q" : "");
			}
		}
	}
	memo_issue_free(issue);
	return buf_detach(&b);
}

#define is_shape(number, want, ...) do {				\
	char *got_ = shape(number);					\
	is_str(got_, want, __VA_ARGS__);				\
	free(got_);							\
} while (0)

/* Story id of story number n (1-based) in the open issue. */
static int64_t
story(size_t n)
{
	struct memo_issue	*issue = store_memo_load(st, -1, NULL);
	struct memo_story	*s = memo_issue_story(issue, n, NULL);
	int64_t			 id = s != NULL ? s->id : 0;

	memo_issue_free(issue);
	return id;
}

/* Entry id of item key in the open issue. */
static int64_t
entry(const char *key)
{
	struct memo_issue	*issue = store_memo_load(st, -1, NULL);
	struct memo_entry	*e = memo_issue_find_item(issue, item(key), NULL);
	int64_t			 id = e != NULL ? e->id : 0;

	memo_issue_free(issue);
	return id;
}

#define E	"[Incidents] [Attacks and threats] [Vulnerabilities] [Other]"

static void
test_star(void)
{
	struct store_memo_add	 req;
	char			*cause = NULL;

	is_shape(-1, "#1 " E, "star 0: a fresh open issue, number 1");
	ok(store_memo_star(st, item("a1"), -1, NULL), "star 1: star a1");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " [Other] {}a1", "star 2: into the default section");
	ok(starred("a1"), "star 3: item a1 is starred");
	ok(store_memo_star(st, item("a2"), 0, NULL), "star 4: a2 to section 0");
	ok(store_memo_star(st, item("a1"), 2, NULL), "star 5: a1 again, to 2");
	is_shape(-1, "#1 [Incidents] {}a2 [Attacks and threats]"
	    " [Vulnerabilities] {}a1 [Other]", "star 6: a1 moved, not doubled");
	memset(&req, 0, sizeof req);
	req.item_id = item("a3");
	req.section = -1;
	req.story_id = story(1);
	req.quote = "Quoted";
	ok(store_memo_add(st, &req, NULL), "star 7: a3 joins story 1");
	ok(store_memo_star(st, item("a3"), -1, NULL), "star 8: a3 starred again");
	is_shape(-1, "#1 [Incidents] {}a2,a3+q [Attacks and threats]"
	    " [Vulnerabilities] {}a1 [Other]", "star 9: one entry per item");
	ok(!store_memo_star(st, 999999, -1, &cause) && cause != NULL,
	    "star 10: an unknown item fails");
	free(cause);
	cause = NULL;
	ok(!store_memo_star(st, item("a4"), 9, &cause) && cause != NULL,
	    "star 11: an unknown section fails");
	free(cause);
	is_shape(-1, "#1 [Incidents] {}a2,a3+q [Attacks and threats]"
	    " [Vulnerabilities] {}a1 [Other]", "star 12: failures left nothing");
	ok(!starred("a4"), "star 13: a failed star does not star");
	ok(store_memo_unstar(st, item("a2"), NULL), "star 14: unstar a2");
	ok(!starred("a2"), "star 15: a2 no longer starred");
	ok(store_memo_unstar(st, item("a3"), NULL), "star 16: unstar a3");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 [Other]", "star 17: the emptied story went");
	ok(store_memo_unstar(st, item("a5"), NULL),
	    "star 18: unstarring an item not in the memo is fine");
	ok(store_begin(st, NULL) && store_memo_star(st, item("a5"), -1, NULL),
	    "star 19: star inside a caller's transaction");
	store_rollback(st);
	ok(!starred("a5"), "star 20: the caller's rollback unstars");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 [Other]", "star 21: and takes the entry out again");
}

static void
test_order(void)
{
	ok(store_memo_star(st, item("a4"), -1, NULL) &&
	    store_memo_star(st, item("a5"), -1, NULL) &&
	    store_memo_star(st, item("b1"), -1, NULL), "order 0: three stars");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 [Other] {}a4 {}a5 {}b1", "order 1: appended in order");
	ok(store_memo_story_move(st, story(4), -1, NULL), "order 2: b1 up");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 [Other] {}a4 {}b1 {}a5", "order 3: b1 above a5");
	ok(store_memo_story_move(st, story(2), -1, NULL), "order 4: a4 up");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 {}a4 [Other] {}b1 {}a5",
	    "order 5: past the top, into the section above");
	ok(store_memo_story_move(st, story(2), 1, NULL), "order 6: a4 down");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 [Other] {}a4 {}b1 {}a5",
	    "order 7: past the bottom, to the top of the section below");
	ok(store_memo_story_move(st, story(4), 1, NULL), "order 8: last down");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] [Vulnerabilities]"
	    " {}a1 [Other] {}a4 {}b1 {}a5", "order 9: nothing below the last");
	ok(store_memo_story_to_section(st, story(3), 1, NULL),
	    "order 10: b1 to section 1");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {}b1"
	    " [Vulnerabilities] {}a1 [Other] {}a4 {}a5", "order 11: moved");
}

static void
test_join(void)
{
	char	*cause = NULL;

	ok(store_memo_entry_join(st, entry("a1"), 0, NULL),
	    "join 0: a1 into the story above");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {}b1,a1"
	    " [Vulnerabilities] [Other] {}a4 {}a5", "join 1: joined across sections");
	ok(store_memo_entry_move(st, entry("a1"), -1, NULL),
	    "join 2: a1 first in its story");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {}a1,b1"
	    " [Vulnerabilities] [Other] {}a4 {}a5", "join 3: entries reordered");
	ok(store_memo_entry_join(st, entry("a4"), story(1), NULL),
	    "join 4: a4 into story 1");
	ok(store_memo_entry_join(st, entry("a5"), story(1), NULL),
	    "join 5: a5 into story 1");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {}a1,b1,a4,a5"
	    " [Vulnerabilities] [Other]", "join 6: all in one story");
	ok(store_memo_entry_split(st, entry("b1"), NULL), "join 7: split b1");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {}a1,a4,a5 {}b1"
	    " [Vulnerabilities] [Other]", "join 8: b1 right after its story");
	ok(store_memo_entry_split(st, entry("b1"), NULL),
	    "join 9: splitting a lone entry does nothing");
	ok(!store_memo_entry_join(st, entry("a1"), 0, &cause) && cause != NULL,
	    "join 10: no story above the first");
	free(cause);
	ok(store_memo_story_set_headline(st, story(1), "Two alphas", NULL) &&
	    store_memo_entry_set_quote(st, entry("a4"), "Q", NULL),
	    "join 11: headline and quote");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {Two alphas}a1,a4+q,a5"
	    " {}b1 [Vulnerabilities] [Other]", "join 12: set");
	ok(store_memo_story_set_headline(st, story(1), "", NULL) &&
	    store_memo_entry_set_quote(st, entry("a4"), NULL, NULL),
	    "join 13: cleared");
	is_shape(-1, "#1 [Incidents] [Attacks and threats] {}a1,a4,a5"
	    " {}b1 [Vulnerabilities] [Other]", "join 14: back to the defaults");
}

static void
test_related(void)
{
	int64_t	*ids;
	size_t	 n;

	ok(store_memo_related(st, item("b2"), &ids, &n, NULL) && n == 1 &&
	    ids[0] == story(1), "related 0: b2 shares a CVE with story 1");
	free(ids);
	ok(store_memo_related(st, item("a1"), &ids, &n, NULL) && n == 0,
	    "related 1: not its own story");
	free(ids);
	ok(store_memo_related(st, item("a2"), &ids, &n, NULL) && n == 0,
	    "related 2: no identifier");
	free(ids);
}

/* Feed titles the subscription list would give. */
static const char *
feed_title(const char *url, void *arg)
{
	(void)arg;
	return strcmp(url, FEED_B) == 0 ? "Bravo (mine)" : NULL;
}

static void
test_refresh(void)
{
	struct memo_issue	*issue;
	struct memo_entry	*e;

	seed(FEED_A, "Feed A renamed", items_a, 5, " (updated)");
	ok(store_memo_refresh(st, feed_title, NULL, NULL), "refresh 0");
	issue = store_memo_load(st, -1, NULL);
	e = memo_issue_find_item(issue, item("a1"), NULL);
	ok(e != NULL && strcmp(e->title, "Alpha one (updated)") == 0 &&
	    strcmp(e->feed_title, "Feed A renamed") == 0,
	    "refresh 1: the copy follows the item");
	e = memo_issue_find_item(issue, item("b1"), NULL);
	ok(e != NULL && strcmp(e->feed_title, "Bravo (mine)") == 0,
	    "refresh 2: a feed title given by the caller");
	memo_issue_free(issue);
}

static void
test_close(void)
{
	struct store_memo_issue	*list;
	struct memo_issue	*issue;
	size_t			 n;
	long			 closed = 0;
	char			*cause = NULL;
	int64_t			 old;

	ok(store_memo_set_number(st, 113, NULL), "close 0: number 113");
	old = story(1);
	ok(store_memo_close(st, &closed, NULL) && closed == 113,
	    "close 1: closed 113");
	is_shape(-1, "#114 " E, "close 2: 114 is open, same sections, empty");
	ok(!starred("a1") && !starred("b1"), "close 3: items unstarred");
	is_shape(113, "#113 [Incidents] [Attacks and threats] {}a1,a4,a5"
	    " {}b1 [Vulnerabilities] [Other]", "close 4: 113 archived");
	ok(!store_memo_story_set_headline(st, old, "x", &cause) &&
	    cause != NULL, "close 5: an archived story does not change");
	free(cause);
	cause = NULL;
	ok(store_memo_star(st, item("a1"), -1, NULL), "close 6: star a1 again");
	ok(starred("a1"), "close 7: starred in the new issue");
	ok(!store_memo_set_number(st, 113, &cause) && cause != NULL,
	    "close 8: 113 is taken");
	free(cause);
	ok(store_memo_issues(st, &list, &n, NULL) && n == 2 &&
	    list[0].number == 113 && list[0].closed && list[0].stories == 2 &&
	    list[0].entries == 4 && list[1].number == 114 && !list[1].closed &&
	    list[1].entries == 1, "close 9: the list of issues");
	free(list);
	ok(store_feed_remove(st, FEED_A, NULL, NULL), "close 10: remove feed A");
	issue = store_memo_load(st, 113, NULL);
	ok(issue != NULL && memo_issue_entry_count(issue) == 4 &&
	    strcmp(issue->sections[1].stories[0].entries[0].title,
	    "Alpha one (updated)") == 0, "close 11: the archive keeps its copy");
	memo_issue_free(issue);
	cause = NULL;
	ok(store_memo_load(st, 7, &cause) == NULL && cause != NULL,
	    "close 12: no issue 7");
	free(cause);
}

static void
test_configure(void)
{
	char	*names[] = { "News", "Other", "Later" };

	seed(FEED_A, "Feed A", items_a, 5, "");
	ok(store_memo_star(st, item("a2"), 2, NULL), "configure 0: a2 to 2");
	ok(store_memo_configure(st, names, 3, 2, NULL), "configure 1");
	is_shape(-1, "#114 [News] [Other] {}a1 [Later] [Vulnerabilities] {}a2",
	    "configure 2: matched by name, kept while not empty");
	ok(store_memo_star(st, item("a3"), -1, NULL), "configure 3: star a3");
	is_shape(-1, "#114 [News] [Other] {}a1 [Later] {}a3 [Vulnerabilities]"
	    " {}a2", "configure 4: the default section is Later");
	ok(store_memo_configure(st, names, 3, -1, NULL) &&
	    store_memo_unstar(st, item("a2"), NULL) &&
	    store_memo_configure(st, names, 3, -1, NULL), "configure 5");
	is_shape(-1, "#114 [News] [Other] {}a1 [Later] {}a3",
	    "configure 6: an empty leftover goes");
	ok(store_item_set_starred(st, item("a4"), true, NULL) &&
	    store_memo_refresh(st, NULL, NULL, NULL),
	    "configure 7: a4 starred behind the memo's back, refresh");
	is_shape(-1, "#114 [News] [Other] {}a1 [Later] {}a3 {}a4",
	    "configure 8: refresh adopts it into the default section");
}

/* Remove the database and its WAL files, then the directory. */
static void
cleanup(const char *dir)
{
	static const char *const names[] = {
		"kiji.db", "kiji.db-wal", "kiji.db-shm", "kiji.db-journal",
	};
	char	*p;
	size_t	 i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		p = xasprintf("%s/%s", dir, names[i]);
		unlink(p);
		free(p);
	}
	rmdir(dir);
}

int
main(void)
{
	char	*dir, *path, *cause = NULL;

	setenv("LC_ALL", "C", 1);
	dir = xstrdup("/tmp/kiji-test-store-memo.XXXXXX");
	if (mkdtemp(dir) == NULL) {
		return 1;
	}
	path = xasprintf("%s/kiji.db", dir);
	if ((st = store_open(path, &cause)) == NULL) {
		diag("open: %s", cause);
		return 1;
	}
	seed(FEED_A, "Feed A", items_a, 5, "");
	seed(FEED_B, "Feed B", items_b, 2, "");
	test_star();
	test_order();
	test_join();
	test_related();
	test_refresh();
	test_close();
	test_configure();
	store_close(st);
	cleanup(dir);
	free(path);
	free(dir);
	return done_testing();
}
