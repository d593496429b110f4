/* Unit tests for opml: OPML 1.0/2.0, nesting, hostile entries, urls files,
 * and writing OPML that reads back the same. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "opml.h"
#include "tap.h"

struct want {
	const char	*url;
	const char	*title;
	const char	*section;
};

struct opml_case {
	const char	*name;
	const char	*input;
	bool		 ok;		/* opml_read succeeds */
	bool		 is_opml;
	struct want	 want[6];	/* until url == NULL */
	size_t		 nnotes;
	const char	*note_has;	/* a word every note must contain */
};

static const struct opml_case cases[] = {
	{ "opml 1.0 flat",
	  "<?xml version=\"1.0\"?><opml version=\"1.0\"><head><title>x</title></head>"
	  "<body><outline text=\"A\" type=\"rss\" xmlUrl=\"http://a.example/feed\"/>"
	  "<outline text=\"B\" xmlurl=\"https://b.example/atom\"/></body></opml>",
	  true, true,
	  { { "http://a.example/feed", "A", NULL },
	    { "https://b.example/atom", "B", NULL } }, 0, NULL },
	{ "opml 2.0 nested sections joined with /",
	  "<opml version=\"2.0\"><body>"
	  "<outline text=\"Security\"><outline text=\"Japan\">"
	  "<outline title=\"JPCERT\" text=\"ignored\" xmlUrl=\"https://jp.example/rss\"/>"
	  "</outline><outline text=\"Top\" xmlUrl=\"http://t.example/\"/></outline>"
	  "<outline text=\"Loose\" xmlUrl=\"file:///tmp/feed.xml\"/>"
	  "</body></opml>",
	  true, true,
	  { { "https://jp.example/rss", "JPCERT", "Security/Japan" },
	    { "http://t.example/", "Top", "Security" },
	    { "file:///tmp/feed.xml", "Loose", NULL } }, 0, NULL },
	{ "opml escaped attributes and UTF-8",
	  "<opml version=\"2.0\"><body><outline text=\"R&amp;D &lt;日本&gt;\" "
	  "xmlUrl=\"http://x.example/?a=1&amp;b=2\"/></body></opml>",
	  true, true,
	  { { "http://x.example/?a=1&b=2", "R&D <日本>", NULL } }, 0, NULL },
	{ "opml hostile schemes refused",
	  "<opml version=\"2.0\"><body>"
	  "<outline text=\"e\" xmlUrl=\"exec:rm -rf ~\"/>"
	  "<outline text=\"j\" xmlUrl=\"javascript:alert(1)\"/>"
	  "<outline text=\"f\" xmlUrl=\"ftp://x.example/feed\"/>"
	  "<outline text=\"s\" xmlUrl=\"http://x.example/a b\"/>"
	  "<outline text=\"ok\" xmlUrl=\"https://ok.example/\"/></body></opml>",
	  true, true,
	  { { "https://ok.example/", "ok", NULL } }, 4, "skipped" },
	{ "opml external entity never loaded",
	  "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
	  "<opml version=\"2.0\"><head><title>&x;</title></head><body><outline text=\"e\" "
	  "xmlUrl=\"http://e.example/\"/></body></opml>",
	  true, true,
	  { { "http://e.example/", "e", NULL } }, 0, NULL },
	{ "opml entity expansion bomb refused",
	  "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY a \"aaaaaaaaaa\">"
	  "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	  "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	  "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">]>"
	  "<opml version=\"2.0\"><body><outline text=\"&d;&d;&d;\" "
	  "xmlUrl=\"http://bomb.example/\"/></body></opml>",
	  false, false, { { NULL, NULL, NULL } }, 0, NULL },
	{ "opml not well-formed",
	  "<opml><body><outline", false, false, { { NULL, NULL, NULL } }, 0, NULL },
	{ "xml but not opml",
	  "<rss version=\"2.0\"><channel/></rss>", false, false,
	  { { NULL, NULL, NULL } }, 0, NULL },
	{ "urls file with tags and titles",
	  "# my feeds\n"
	  "http://a.example/rss security \"~Alpha feed\"\n"
	  "\n"
	  "  https://b.example/atom \"news and more\" other\n"
	  "file:///tmp/x.xml\n",
	  true, false,
	  { { "http://a.example/rss", "Alpha feed", "security" },
	    { "https://b.example/atom", NULL, "news and more" },
	    { "file:///tmp/x.xml", NULL, NULL } }, 0, NULL },
	{ "urls file commands refused, never run",
	  "exec:~/bin/make-feed.sh\n"
	  "filter:~/bin/f.sh:http://f.example/rss\n"
	  "|curl http://x.example/\n"
	  "$(touch /tmp/kiji-pwned)\n"
	  "http://ok.example/feed tag\n",
	  true, false,
	  { { "http://ok.example/feed", NULL, "tag" } }, 4, "never run" },
	{ "urls file query lines skipped",
	  "\"query:Unread:unread = \\\"yes\\\"\"\nhttps://q.example/\n",
	  true, false,
	  { { "https://q.example/", NULL, NULL } }, 1, "query" },
	{ "urls file with BOM and CRLF",
	  "\xef\xbb\xbfhttp://crlf.example/\r\nhttps://two.example/ t\r\n",
	  true, false,
	  { { "http://crlf.example/", NULL, NULL },
	    { "https://two.example/", NULL, "t" } }, 0, NULL },
};

static void
check_list(size_t ci, const struct opml_case *c, const struct opml_list *l)
{
	size_t	i, n = 0;

	while (n < 6 && c->want[n].url != NULL) {
		n++;
	}
	is_int(l->n, n, "%zu %s: entry count", ci, c->name);
	for (i = 0; i < n && i < l->n; i++) {
		is_str(l->entries[i].url, c->want[i].url, "%zu.%zu: url", ci, i);
		is_str(l->entries[i].title, c->want[i].title, "%zu.%zu: title",
		    ci, i);
		is_str(l->entries[i].section, c->want[i].section,
		    "%zu.%zu: section", ci, i);
	}
	is_int(l->nnotes, c->nnotes, "%zu %s: notes", ci, c->name);
	for (i = 0; i < l->nnotes && c->note_has != NULL; i++) {
		ok(strstr(l->notes[i], c->note_has) != NULL,
		    "%zu.%zu: note says '%s': %s", ci, i, c->note_has, l->notes[i]);
	}
}

static void
test_read(void)
{
	struct opml_list	 l;
	char			*cause;
	size_t			 i;
	bool			 r;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cause = NULL;
		r = opml_read(cases[i].input, strlen(cases[i].input), &l, &cause);
		ok(r == cases[i].ok, "%zu %s: read %s", i, cases[i].name,
		    cases[i].ok ? "succeeds" : "fails");
		if (r) {
			ok(l.is_opml == cases[i].is_opml, "%zu: format sniffed", i);
			check_list(i, &cases[i], &l);
		} else {
			ok(cause != NULL, "%zu: failure has a cause", i);
		}
		free(cause);
		opml_list_free(&l);
	}
}

/* What opml_write produces reads back as the same entries. */
static void
test_round_trip(void)
{
	static const struct opml_entry in[] = {
		{ (char *)"http://a.example/?x=1&y=2", (char *)"A \"quoted\" <b>",
		  NULL },
		{ (char *)"https://b.example/", (char *)"日本語", (char *)"Sec & Co" },
		{ (char *)"https://c.example/", NULL, (char *)"Other" },
		{ (char *)"https://d.example/", (char *)"D", (char *)"Sec & Co" },
	};
	struct opml_list	 l;
	char			*doc, *cause = NULL;
	size_t			 i, k;

	doc = opml_write(in, 4, "kiji <test>");
	ok(opml_read(doc, strlen(doc), &l, &cause) && l.is_opml,
	    "write 0: output is OPML");
	ok(strstr(doc, "<opml version=\"2.0\">") != NULL, "write 1: version 2.0");
	is_int(l.n, 4, "write 2: every entry written");
	for (i = 0; i < 4; i++) {
		for (k = 0; k < l.n; k++) {
			if (strcmp(l.entries[k].url, in[i].url) == 0) {
				break;
			}
		}
		ok(k < l.n, "write 3.%zu: url %s kept", i, in[i].url);
		if (k < l.n) {
			is_str(l.entries[k].title,
			    in[i].title != NULL ? in[i].title : in[i].url,
			    "write 4.%zu: title", i);
			is_str(l.entries[k].section, in[i].section,
			    "write 5.%zu: section", i);
		}
	}
	free(doc);
	free(cause);
	opml_list_free(&l);
}

int
main(void)
{
	test_read();
	test_round_trip();
	return done_testing();
}
