/* test-feed: feed_parse() on the fixtures in tests/data/parse. */
#include "config.h"

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "date.h"
#include "feed.h"
#include "file.h"
#include "tap.h"
#include "xalloc.h"

enum check_op {
	EQ,		/* field equals want (want NULL: field absent) */
	HAS,		/* field contains want */
	LACKS,		/* field does not contain want */
};

struct feed_case {
	const char	*file;
	const char	*base;		/* "@" means file://<the fixture> */
	const char	*charset;
	int		 item;		/* -1: the feed itself */
	const char	*field;
	enum check_op	 op;
	const char	*want;
};

#define F(file, field, want)		{ file, NULL, NULL, -1, field, EQ, want }
#define I(file, n, field, want)		{ file, NULL, NULL, n, field, EQ, want }
#define IB(file, base, n, field, want)	{ file, base, NULL, n, field, EQ, want }
#define IC(file, cs, n, field, want)	{ file, NULL, cs, n, field, EQ, want }
#define HAS_(file, n, field, want)	{ file, NULL, NULL, n, field, HAS, want }
#define LACKS_(file, n, field, want)	{ file, "@", NULL, n, field, LACKS, want }

static const struct feed_case cases[] = {
	/* RSS 0.91, ISO-8859-1, HTML entity, Netscape DTD */
	F("rss091.xml", "version", "rss091n"),
	F("rss091.xml", "encoding", "iso-8859-1"),
	F("rss091.xml", "bozo", "false"),
	F("rss091.xml", "title", "Caf\xc3\xa9 News"),
	F("rss091.xml", "link", "http://example.org/"),
	F("rss091.xml", "subtitle", "News &amp; views"),
	F("rss091.xml", "language", "fr"),
	F("rss091.xml", "rights", "Copyright 2004"),
	F("rss091.xml", "author", "editor@example.org (The Editor)"),
	F("rss091.xml", "nitems", "1"),
	I("rss091.xml", 0, "title", "Premier \xc3\xa9l\xc3\xa9ment"),
	I("rss091.xml", 0, "link", "http://example.org/articles/1.html"),
	I("rss091.xml", 0, "summary",
	    "Un <b>texte</b> \xe2\x80\x94 voil\xc3\xa0"),
	I("rss091.xml", 0, "summary_type", "html"),
	I("rss091.xml", 0, "key", "http://example.org/articles/1.html"),
	/* RSS 1.0 / RDF with dc: and content:encoded */
	F("rss10.rdf", "version", "rss10"),
	F("rss10.rdf", "title", "JVNDB RSS"),
	F("rss10.rdf", "subtitle", "\xe8\x84\x86\xe5\xbc\xb1\xe6\x80\xa7"
	    "\xe5\xaf\xbe\xe7\xad\x96\xe6\x83\x85\xe5\xa0\xb1"),
	F("rss10.rdf", "language", "ja"),
	F("rss10.rdf", "updated", "2025-04-11T14:52:00Z"),
	I("rss10.rdf", 0, "guid",
	    "https://jvndb.jvn.jp/ja/contents/2025/JVNDB-2025-000001.html"),
	I("rss10.rdf", 0, "author", "IPA"),
	I("rss10.rdf", 0, "ncat", "2"),
	I("rss10.rdf", 0, "cat1", "XSS"),
	I("rss10.rdf", 0, "published", "2025-04-11T14:52:00Z"),
	I("rss10.rdf", 0, "published_raw", "2025-04-11T23:52:00+09:00"),
	I("rss10.rdf", 0, "content", "<p>\xe8\xa9\xb3\xe7\xb4\xb0 <a href=\""
	    "https://jvndb.jvn.jp/ja/x.html\">\xe3\x83\xaa\xe3\x83\xb3\xe3\x82"
	    "\xaf</a></p>"),
	/* RSS 2.0: relative links, enclosures, sanitising, identity */
	F("rss20.xml", "version", "rss20"),
	F("rss20.xml", "updated", "2025-09-06T00:00:00Z"),
	F("rss20.xml", "nitems", "4"),
	I("rss20.xml", 0, "link", "https://news.example.com/2025/09/patch.html"),
	I("rss20.xml", 0, "guid", "urn:uuid:1111"),
	I("rss20.xml", 0, "key", "urn:uuid:1111"),
	I("rss20.xml", 0, "author", "sec@example.com (Sec Team)"),
	I("rss20.xml", 0, "cat0", "patch"),
	I("rss20.xml", 0, "published", "2025-09-09T17:00:00Z"),
	I("rss20.xml", 0, "summary", "<p>See <a href=\"https://news.example."
	    "com/details.html\">details</a></p>"),
	I("rss20.xml", 0, "content", "<p>Full <img src=\"https://news.example."
	    "com/img/p.png\" /> text <a href=\"\">x</a></p>"),
	I("rss20.xml", 0, "nenc", "2"),
	I("rss20.xml", 0, "enc0.url", "https://news.example.com/audio/ep1.mp3"),
	I("rss20.xml", 0, "enc0.type", "audio/mpeg"),
	I("rss20.xml", 0, "enc0.length", "12345"),
	I("rss20.xml", 0, "enc1.url", "https://cdn.example.com/v.mp4"),
	I("rss20.xml", 0, "enc1.length", "999"),
	I("rss20.xml", 1, "guid", NULL),
	I("rss20.xml", 1, "key", "https://news.example.com/2025/09/second.html"),
	I("rss20.xml", 1, "published", "2025-09-09T23:00:00Z"),
	I("rss20.xml", 2, "link", NULL),
	I("rss20.xml", 2, "key", "hash:"),
	I("rss20.xml", 3, "link", "https://news.example.com/permalink/4"),
	IB("rss20.xml", "https://mirror.example.net/feeds/x.xml", 0, "link",
	    "https://mirror.example.net/2025/09/patch.html"),
	/* Atom 0.3 */
	F("atom03.xml", "version", "atom03"),
	F("atom03.xml", "language", "ja"),
	F("atom03.xml", "subtitle", "\xe3\x81\xb2\xe3\x81\xa8\xe3\x81\x93"
	    "\xe3\x81\xa8"),
	F("atom03.xml", "updated", "2006-08-09T00:14:52Z"),
	I("atom03.xml", 0, "author", "\xe5\xa4\x8f\xe7\x9b\xae"),
	I("atom03.xml", 0, "published", "2006-08-09T00:14:52Z"),
	I("atom03.xml", 0, "updated", "2006-08-10T00:00:00Z"),
	I("atom03.xml", 0, "content_type", "html"),
	I("atom03.xml", 0, "summary_type", "text"),
	HAS_("atom03.xml", 0, "content", "<p>\xe5\x90\x8d\xe5\x89\x8d"),
	/* Atom 1.0: xml:base (nested), xhtml, alternate link preference */
	F("atom10.xml", "version", "atom10"),
	F("atom10.xml", "title", "Example & Atom"),
	F("atom10.xml", "link", "http://example.com/blog/index.html"),
	F("atom10.xml", "subtitle", "<em>sub</em>"),
	F("atom10.xml", "author", "Feed Author (feed@example.com)"),
	F("atom10.xml", "id", "urn:uuid:feed"),
	F("atom10.xml", "rights", "CC-BY"),
	F("atom10.xml", "language", "en"),
	I("atom10.xml", 0, "title", "An <b>xhtml</b> title"),
	I("atom10.xml", 0, "link", "http://example.com/blog/posts/first.html"),
	I("atom10.xml", 0, "content", "<p>Read <a href=\"http://example.com/"
	    "blog/posts/inner/more.html\">more</a> <img alt=\"a &lt; b\" "
	    "src=\"http://example.com/blog/posts/inner/pic.png\" /></p>"),
	I("atom10.xml", 0, "summary", "Plain <summary>"),
	I("atom10.xml", 0, "summary_type", "text"),
	I("atom10.xml", 0, "author", "Feed Author (feed@example.com)"),
	I("atom10.xml", 0, "published", "2008-12-30T09:00:00Z"),
	I("atom10.xml", 0, "updated", "2008-12-31T00:00:00Z"),
	I("atom10.xml", 0, "cat1", "tests"),
	I("atom10.xml", 0, "enc0.url", "http://example.com/media/first.ogg"),
	I("atom10.xml", 0, "enc0.length", "42"),
	I("atom10.xml", 0, "base", "http://example.com/blog/posts/"),
	I("atom10.xml", 1, "link", "http://other.example.net/second"),
	I("atom10.xml", 1, "author", "Entry Author"),
	I("atom10.xml", 1, "updated", "2008-12-30T17:00:00Z"),
	I("atom10.xml", 1, "content", "<p>Hello <a href=\"http://example.com/"
	    "up.html\">up</a></p>"),
	/* Japanese charsets */
	F("sjis.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81"
	    "\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	F("sjis.xml", "bozo", "false"),
	I("sjis.xml", 0, "summary", "\xe2\x91\xa0\xe4\xb8\xb8\xe6\x95\xb0\xe5"
	    "\xad\x97\xe3\x81\xa8\xef\xbd\x9e\xe6\xb3\xa2\xe3\x83\x80\xe3\x83"
	    "\x83\xe3\x82\xb7\xe3\x83\xa5"),
	F("eucjp.xml", "encoding", "EUC-JP"),
	F("eucjp.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81"
	    "\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	F("iso2022jp.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3"
	    "\x81\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	I("iso2022jp.xml", 0, "summary", "\xe3\x81\xb2\xe3\x82\x89\xe3\x81\x8c"
	    "\xe3\x81\xaa\xe3\x81\xa8\xe3\x82\xab\xe3\x82\xbf\xe3\x82\xab\xe3"
	    "\x83\x8a\xe3\x80\x81\xe6\xbc\xa2\xe5\xad\x97\xe3\x80\x82"),
	F("utf16le-bom.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
	    "\xe3\x81\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	F("utf16be.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3"
	    "\x81\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	F("utf16be.xml", "bozo", "false"),
	/* mislabelled: declared UTF-8, really Shift_JIS */
	F("mislabel.xml", "bozo", "true"),
	F("mislabel.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3"
	    "\x81\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	/* declared Shift_JIS, really UTF-8: no silent mojibake */
	F("sjis-but-utf8.xml", "title", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e"
	    "\xe3\x81\xae\xe3\x82\xbf\xe3\x82\xa4\xe3\x83\x88\xe3\x83\xab"),
	F("sjis-but-utf8.xml", "bozo", "true"),
	F("sjis-but-utf8.xml", "encoding", "UTF-8"),
	/* the HTTP charset wins over the declaration */
	{ "http-charset.xml", NULL, "utf-8", -1, "title", EQ,
	    "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xae\xe3\x82\xbf\xe3"
	    "\x82\xa4\xe3\x83\x88\xe3\x83\xab" },
	IC("http-charset.xml", "utf-8", -1, "bozo", "false"),
	/* broken: what can be read is kept, bozo says so */
	F("broken.xml", "bozo", "true"),
	F("broken.xml", "title", "Broken"),
	I("broken.xml", 0, "link", "http://example.com/kept"),
	HAS_("broken.xml", 1, "title", "AT&T & friends"),
	/* hostile: external entities are never read, entities never explode */
	LACKS_("xxe.xml", -1, "*", "TOP-SECRET"),
	LACKS_("xxe.xml", -1, "*", "root:"),
	LACKS_("xxe.xml", -1, "title", "xxe"),
	LACKS_("xxe.xml", 0, "summary", "SECRET"),
	{ "xxe.xml", "@", NULL, 0, "title", EQ, "Item fine" },
	{ "billion-laughs.xml", NULL, NULL, -1, "title", EQ, "Laughs" },
	{ "billion-laughs.xml", NULL, NULL, -1, "bozo", EQ, "true" },
	{ "billion-laughs.xml", NULL, NULL, 0, "title", EQ, "Before" },
	{ "billion-laughs.xml", NULL, NULL, -1, "size<", EQ, "65536" },
};

/* String fields a test can name, and where they live. */
struct str_field {
	const char	*name;
	size_t		 offset;
};

static const struct str_field item_strs[] = {
	{ "guid", offsetof(struct item, guid) },
	{ "key", offsetof(struct item, key) },
	{ "title", offsetof(struct item, title) },
	{ "link", offsetof(struct item, link) },
	{ "author", offsetof(struct item, author) },
	{ "summary", offsetof(struct item, summary) },
	{ "content", offsetof(struct item, content) },
	{ "base", offsetof(struct item, base) },
	{ "published_raw", offsetof(struct item, published_raw) },
	{ NULL, 0 },
};

static const struct str_field doc_strs[] = {
	{ "version", offsetof(struct feed_doc, version) },
	{ "encoding", offsetof(struct feed_doc, encoding) },
	{ "title", offsetof(struct feed_doc, title) },
	{ "link", offsetof(struct feed_doc, link) },
	{ "subtitle", offsetof(struct feed_doc, subtitle) },
	{ "language", offsetof(struct feed_doc, language) },
	{ "rights", offsetof(struct feed_doc, rights) },
	{ "author", offsetof(struct feed_doc, author) },
	{ "id", offsetof(struct feed_doc, id) },
	{ NULL, 0 },
};

/* Append the string field f of the struct at base; false if f is not one. */
static bool
str_field(const struct str_field *table, const void *base, const char *f,
    struct buf *b)
{
	const char	*v;

	for (; table->name != NULL; table++) {
		if (strcmp(table->name, f) == 0) {
			v = *(char *const *)(const void *)((const char *)base +
			    table->offset);
			if (v != NULL) {
				buf_puts(b, v);
			}
			return true;
		}
	}
	return false;
}

static void
date_field(time_t t, struct buf *b)
{
	char	iso[32];

	if (t != 0) {
		date_format_iso(t, iso);
		buf_puts(b, iso);
	}
}

/* One enclosure's field ("enc0.url", "enc1.length", ...). */
static void
enclosure_field(const struct item *it, const char *f, struct buf *b)
{
	size_t			 n = (size_t)atoi(f + 3);
	const struct enclosure	*e;

	if (n >= it->nenclosures) {
		return;
	}
	e = &it->enclosures[n];
	if (strstr(f, ".url") != NULL) {
		buf_puts(b, e->url);
	} else if (strstr(f, ".type") != NULL && e->type != NULL) {
		buf_puts(b, e->type);
	} else if (strstr(f, ".length") != NULL) {
		buf_printf(b, "%lld", e->length);
	}
}

/* What a test looks at in an item, as text. */
static void
item_field(const struct item *it, const char *f, struct buf *b)
{
	size_t	n;

	if (str_field(item_strs, it, f, b)) {
		return;
	}
	if (strcmp(f, "summary_type") == 0 || strcmp(f, "content_type") == 0) {
		buf_puts(b, (f[0] == 's' ? it->summary_type : it->content_type) ==
		    CONTENT_HTML ? "html" : "text");
	} else if (strcmp(f, "published") == 0) {
		date_field(it->published, b);
	} else if (strcmp(f, "updated") == 0) {
		date_field(it->updated, b);
	} else if (strcmp(f, "ncat") == 0) {
		buf_printf(b, "%zu", it->ncategories);
	} else if (strncmp(f, "cat", 3) == 0) {
		n = (size_t)atoi(f + 3);
		if (n < it->ncategories) {
			buf_puts(b, it->categories[n]);
		}
	} else if (strcmp(f, "nenc") == 0) {
		buf_printf(b, "%zu", it->nenclosures);
	} else if (strncmp(f, "enc", 3) == 0) {
		enclosure_field(it, f, b);
	}
}

/* Every string of the document, for "*" checks. */
static void
all_strings(const struct feed_doc *d, struct buf *b)
{
	static const char *const fields[] = { "title", "link", "author",
		"summary", "content", "guid", "base", NULL };
	size_t	i, j;

	buf_printf(b, "%s|%s|%s|%s|%s|%s|%s|", d->title ? d->title : "",
	    d->link ? d->link : "", d->subtitle ? d->subtitle : "",
	    d->id ? d->id : "", d->author ? d->author : "",
	    d->rights ? d->rights : "", d->bozo_message ? d->bozo_message : "");
	for (i = 0; i < d->nitems; i++) {
		for (j = 0; fields[j] != NULL; j++) {
			item_field(&d->items[i], fields[j], b);
			buf_putc(b, '|');
		}
	}
}

static void
doc_field(const struct feed_doc *d, const char *f, struct buf *b)
{
	if (str_field(doc_strs, d, f, b)) {
		return;
	}
	if (strcmp(f, "bozo") == 0) {
		buf_puts(b, d->bozo ? "true" : "false");
	} else if (strcmp(f, "nitems") == 0) {
		buf_printf(b, "%zu", d->nitems);
	} else if (strcmp(f, "updated") == 0) {
		date_field(d->updated, b);
	} else if (strcmp(f, "*") == 0) {
		all_strings(d, b);
	}
}

/* Parse a fixture; base "@" stands for the fixture's own file: URL. */
static struct feed_doc *
parse_fixture(const char *dir, const struct feed_case *c, char **cause)
{
	struct feed_doc	*d;
	char		*path, *data, *base = NULL;
	size_t		 len;

	path = xasprintf("%s/%s", dir, c->file);
	data = file_read(path, &len, cause);
	if (data == NULL) {
		free(path);
		return NULL;
	}
	if (c->base != NULL) {
		base = strcmp(c->base, "@") == 0 ? xasprintf("file://%s", path) :
		    xstrdup(c->base);
	}
	d = feed_parse(data, len, base, c->charset, cause);
	free(base);
	free(data);
	free(path);
	return d;
}

/* Run one check; returns nothing, prints TAP. */
static void
run_case(const char *dir, size_t idx, const struct feed_case *c)
{
	struct feed_doc	*d;
	struct buf	 got = BUF_INIT;
	char		*cause = NULL;
	const char	*g;
	bool		 present;

	d = parse_fixture(dir, c, &cause);
	if (d == NULL) {
		ok(0, "case %zu: %s parses (%s)", idx, c->file, cause);
		free(cause);
		return;
	}
	if (strcmp(c->field, "size<") == 0) {
		all_strings(d, &got);
		ok(got.len < (size_t)atoi(c->want), "case %zu: %s stays small "
		    "(%zu bytes)", idx, c->file, got.len);
	} else if (c->item >= 0 && (size_t)c->item >= d->nitems) {
		ok(0, "case %zu: %s has item %d", idx, c->file, c->item);
	} else {
		if (c->item >= 0) {
			item_field(&d->items[c->item], c->field, &got);
		} else {
			doc_field(d, c->field, &got);
		}
		present = got.len > 0 || (c->want != NULL && c->want[0] == '\0');
		g = present ? buf_str(&got) : NULL;
		if (c->op == EQ && c->want != NULL &&
		    strcmp(c->want, "hash:") == 0) {
			ok(g != NULL && strncmp(g, "hash:", 5) == 0 &&
			    strlen(g) == 21, "case %zu: %s[%d].%s is a hash",
			    idx, c->file, c->item, c->field);
		} else if (c->op == EQ) {
			is_str(g, c->want, "case %zu: %s[%d].%s", idx, c->file,
			    c->item, c->field);
		} else {
			ok(c->op == HAS ? g != NULL && strstr(g, c->want) !=
			    NULL : g == NULL || strstr(g, c->want) == NULL, "case %zu: %s[%d].%s %s '%s'", idx,
			    c->file, c->item, c->field, c->op == HAS ?
			    "has" : "lacks", c->want);
		}
	}
	buf_free(&got);
	feed_doc_free(d);
}

struct ct_case {
	const char	*value;
	const char	*charset;
	int		 is_xml;
};

static const struct ct_case ct_cases[] = {
	{ "application/rss+xml; charset=Shift_JIS", "Shift_JIS", 1 },
	{ "text/xml", "us-ascii", 1 },
	{ "text/xml; charset=\"EUC-JP\"", "EUC-JP", 1 },
	{ "application/xml", NULL, 1 },
	{ "text/plain; charset=utf-8", "utf-8", 0 },
	{ "text/html", NULL, 0 },
	{ "application/atom+xml;charset=utf-8", "utf-8", 1 },
	{ "text/xml; charset:iso-8859-1", "us-ascii", 1 },
};

/* Parse every fixture from several threads at once: results must agree. */
static void *
thread_main(void *arg)
{
	const char	*dir = arg;
	size_t		 i, round;
	long		 bad = 0;
	struct feed_doc	*d;
	char		*cause;

	for (round = 0; round < 5; round++) {
		for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
			cause = NULL;
			d = parse_fixture(dir, &cases[i], &cause);
			if (d == NULL || d->title == NULL) {
				bad++;
			}
			free(cause);
			feed_doc_free(d);
		}
	}
	return (void *)bad;
}

/* Documents small enough to write inline. */
static void
check_inline(void)
{
	static const char	 b64[] = "<feed xmlns=\"http://www.w3.org/2005/"
	    "Atom\"><entry><title type=\"application/octet-stream\">AP8AQUJD"
	    "</title></entry></feed>";
	static const char	 nul[] = "<rss><channel><title>a\0b</title>"
	    "</channel></rss>";
	static const char	 amp[] = "<rss><channel><title>AT&T &nbsp;"
	    "&bogus; x < y</title></channel></rss>";
	struct feed_doc		*d;

	d = feed_parse(b64, sizeof b64 - 1, NULL, NULL, NULL);
	is_str(d != NULL && d->nitems == 1 ? d->items[0].title : NULL,
	    "\xef\xbf\xbd" "ABC", "inline 0: base64 title made valid UTF-8");
	feed_doc_free(d);
	d = feed_parse(nul, sizeof nul - 1, NULL, NULL, NULL);
	is_str(d != NULL ? d->title : NULL, "ab", "inline 1: NUL dropped");
	ok(d != NULL && d->bozo, "inline 1: NUL makes bozo");
	feed_doc_free(d);
	d = feed_parse(amp, sizeof amp - 1, NULL, NULL, NULL);
	is_str(d != NULL ? d->title : NULL, "AT&T \xc2\xa0&bogus; x < y",
	    "inline 2: stray &, HTML entity, unknown entity, stray <");
	feed_doc_free(d);
}

/* Whether a title is HTML: Atom says so, RSS looks like it (feedparser). */
static const struct {
	const char	*doc;
	const char	*title;
	enum content_type type;
} title_types[] = {
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type="
	  "\"html\">AT&amp;amp;T &lt;b&gt;x&lt;/b&gt;</title></entry></feed>",
	  "AT&amp;T <b>x</b>", CONTENT_HTML },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title type="
	  "\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">a <em>b"
	  "</em></div></title></entry></feed>", "a <em>b</em>", CONTENT_HTML },
	{ "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><title>a &lt;/b"
	  "&gt; &amp;amp;</title></entry></feed>", "a </b> &amp;", CONTENT_TEXT },
	{ "<rss><channel><item><title>AT&amp;T &lt;b&gt;news&lt;/b&gt;</title>"
	  "</item></channel></rss>", "AT&T <b>news</b>", CONTENT_HTML },
	{ "<rss><channel><item><title>R&amp;amp;D</title></item></channel>"
	  "</rss>", "R&amp;D", CONTENT_HTML },
	{ "<rss><channel><item><title>a &lt; b &amp; c</title></item>"
	  "</channel></rss>", "a < b & c", CONTENT_TEXT },
	{ "<rss><channel><item><title>Use &lt;script&gt; &lt;/script&gt;"
	  "</title></item></channel></rss>", "Use <script> </script>",
	  CONTENT_TEXT },
	{ "<rss><channel><item><title>x &lt;br&gt; y</title></item></channel>"
	  "</rss>", "x <br> y", CONTENT_TEXT },
};

static void
check_title_types(void)
{
	struct feed_doc	*d;
	size_t		 i;

	for (i = 0; i < sizeof title_types / sizeof title_types[0]; i++) {
		d = feed_parse(title_types[i].doc, strlen(title_types[i].doc),
		    NULL, NULL, NULL);
		is_str(d != NULL && d->nitems == 1 ? d->items[0].title : NULL,
		    title_types[i].title, "title type %zu: the text", i);
		ok(d != NULL && d->nitems == 1 && d->items[0].title_type ==
		    title_types[i].type, "title type %zu: %s", i,
		    title_types[i].type == CONTENT_HTML ? "html" : "text");
		feed_doc_free(d);
	}
}

/* Hostile HTML shapes that a careless scanner handles in quadratic time;
 * each must take well under a second (alarm() turns a hang into a fail). */
static void
check_linear(void)
{
	static const char *const	 units[] = { "<a x=\"y", "<!x ",
		"<a x='y", "<script>", "&#x", "<?x ", "<!DOCTYPE ",
	};
	struct feed_doc			*d;
	struct buf			 b = BUF_INIT;
	size_t				 i, j;

	for (i = 0; i < sizeof units / sizeof units[0]; i++) {
		buf_reset(&b);
		buf_puts(&b, "<rss><channel><item><description><![CDATA[");
		for (j = 0; j < 200000; j++) {
			buf_puts(&b, units[i]);
		}
		buf_puts(&b, "]]></description></item></channel></rss>");
		alarm(20);
		d = feed_parse(b.data, b.len, "http://example.com/", NULL, NULL);
		alarm(0);
		ok(d != NULL && d->nitems == 1, "linear %zu: 200000 x '%s'", i,
		    units[i]);
		feed_doc_free(d);
	}
	buf_free(&b);
}

int
main(void)
{
	const char	*src = getenv("KIJI_SRCDIR");
	char		*dir, *cause = NULL, *cs;
	size_t		 i;
	pthread_t	 th[4];
	void		*res;
	long		 bad = 0;
	bool		 is_xml;

	feed_init();
	dir = xasprintf("%s/tests/data/parse", src != NULL ? src : ".");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		run_case(dir, i, &cases[i]);
	}
	ok(feed_parse("", 0, NULL, NULL, &cause) == NULL && cause != NULL,
	    "empty input rejected with a cause");
	free(cause);
	cause = NULL;
	ok(feed_parse("<html><body/></html>", 20, NULL, NULL, &cause) == NULL &&
	    cause != NULL, "HTML rejected with a cause");
	free(cause);
	cause = NULL;
	ok(feed_parse("\0\0\0\xff\xfe garbage \x01", 13, NULL, NULL, &cause) ==
	    NULL, "binary junk rejected");
	free(cause);
	check_inline();
	check_title_types();
	check_linear();
	for (i = 0; i < sizeof ct_cases / sizeof ct_cases[0]; i++) {
		cs = feed_content_type_charset(ct_cases[i].value, &is_xml);
		is_str(cs, ct_cases[i].charset, "content-type %zu: %s", i,
		    ct_cases[i].value);
		is_int(is_xml, ct_cases[i].is_xml, "content-type %zu: xml", i);
		free(cs);
	}
	for (i = 0; i < 4; i++) {
		pthread_create(&th[i], NULL, thread_main, dir);
	}
	for (i = 0; i < 4; i++) {
		pthread_join(th[i], &res);
		bad += (long)res;
	}
	is_int(bad, 0, "4 threads parse every fixture 5 times");
	free(dir);
	return done_testing();
}
