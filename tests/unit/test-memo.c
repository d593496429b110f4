/* test-memo: the issue tree, templates, rendering, escaping, identifiers. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "buf.h"
#include "cfg.h"
#include "memo-cfg.h"
#include "memo.h"
#include "tap.h"
#include "utf8.h"
#include "xalloc.h"

#define T_0329_1530Z	((time_t)1680103800)	/* 3/30 00:30 in Tokyo */
#define T_0330_0100Z	((time_t)1680138000)
#define T_1231_2000Z	((time_t)1704052800)	/* 1/1 05:00 in Tokyo */

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

static struct memo_entry *
add(struct memo_story *story, const char *title, const char *link,
    const char *feed, time_t date, const char *quote)
{
	return memo_story_add_entry(story, title, link, feed, date, quote);
}

/* The issue of the example in doc/memo.md, with Japanese sections. */
static struct memo_issue *
issue_japanese(void)
{
	static const char *const names[] = {
		"事件、事故", "攻撃、脅威", "脆弱性", "その他",
	};
	struct memo_issue	*issue = memo_issue_new(113);
	struct memo_story	*story;
	size_t			 i;

	for (i = 0; i < 4; i++) {
		memo_issue_add_section(issue, names[i]);
	}
	story = memo_section_add_story(&issue->sections[0],
	    "3CX DesktopApp のインストーラにマルウェアが混入して配布");
	add(story, "3CX Security Alert for Electron Windows App", "https://www.3cx.com/blog/news/desktopapp-security-alert/",
	    "3CX Blog", T_0329_1530Z,
	    "We regret to inform our partners and customers that our Electron Windows App has been compromised.");
	add(story, "Supply Chain Attack Against 3CXDesktopApp", "https://www.cisa.gov/news-events/alerts/2023/03/30/supply-chain-attack-against-3cxdesktopapp",
	    "CISA Alerts", T_0330_0100Z, NULL);
	story = memo_section_add_story(&issue->sections[2], NULL);
	add(story, "Apache の脆弱性 (CVE-2023-27522) について", "https://jvn.jp/vu/JVNVU91234567/",
	    "JVN", T_0330_0100Z, "複数行の\n引用です。");
	return issue;
}

static const char golden_japanese[] =
"# 今週の気になるセキュリティニュース - Issue #113\n"
"\n"
"## 事件、事故\n"
"\n"
"### 3CX DesktopApp のインストーラにマルウェアが混入して配布\n"
"\n"
"- (3/30) [3CX Security Alert for Electron Windows App | 3CX Blog](https://www.3cx.com/blog/news/desktopapp-security-alert/)\n"
"\n"
"  > We regret to inform our partners and customers that our Electron Windows App has been compromised.\n"
"\n"
"- (3/30) [Supply Chain Attack Against 3CXDesktopApp | CISA Alerts](https://www.cisa.gov/news-events/alerts/2023/03/30/supply-chain-attack-against-3cxdesktopapp)\n"
"\n"
"## 脆弱性\n"
"\n"
"### Apache の脆弱性 (CVE-2023-27522) について\n"
"\n"
"- (3/30) [Apache の脆弱性 (CVE-2023-27522) について | JVN](https://jvn.jp/vu/JVNVU91234567/)\n"
"\n"
"  > 複数行の\n"
"  > 引用です。\n";

static void
test_golden_japanese(void)
{
	struct memo_issue	*issue = issue_japanese();
	struct memo_style	 style;
	char			*md;

	set_tz("Asia/Tokyo");
	memo_style_default(&style);
	style.title = "今週の気になるセキュリティニュース - Issue #%n";
	md = memo_render(issue, &style, MEMO_MARKDOWN);
	is_str(md, golden_japanese, "golden 0: Japanese issue, Tokyo time");
	free(md);
	memo_issue_free(issue);
}

static const char golden_english[] =
"# Security news of the week - Issue #7\n"
"\n"
"Hello, listeners.\n"
"Second line of the intro.\n"
"\n"
"## Other\n"
"\n"
"### Edited \\*headline\\*\n"
"\n"
"- (3/29) [Title \\[1\\] \\| with \\_stuff\\_ | Feed \\<b\\>](https://example.org/a%20b%28c%29) 100%\n"
"\n"
"- (12/31) [No link | Feed]() 100%\n"
"\n"
"  > Quoted \\# text\n"
"  >\n"
"  > \\- not a list\n";

static void
test_golden_english(void)
{
	struct memo_issue	*issue = memo_issue_new(7);
	struct memo_story	*story;
	struct memo_style	 style;
	char			*md;

	set_tz("UTC");
	memo_issue_add_section(issue, "Incidents");
	memo_issue_add_section(issue, "Other");
	story = memo_section_add_story(&issue->sections[1], "Edited *headline*");
	add(story, "Title [1] | with _stuff_", "https://example.org/a b(c)",
	    "Feed <b>", T_0329_1530Z, NULL);
	add(story, "No link", "javascript:alert(1)", "Feed", T_1231_2000Z,
	    "Quoted # text\n\n   - not a list\n");
	memo_style_default(&style);
	style.title = "Security news of the week - Issue #%n";
	style.intro = "Hello, listeners.\nSecond line of the intro.\n";
	style.entry = "(%m/%d) [%t | %f](%u) 100%%";
	md = memo_render(issue, &style, MEMO_MARKDOWN);
	is_str(md, golden_english, "golden 1: English issue, UTC, escaping");
	free(md);
	memo_issue_free(issue);
}

static const char golden_text[] =
"Issue 113\n"
"\n"
"[事件、事故]\n"
"\n"
"* 3CX DesktopApp のインストーラにマルウェアが混入して配布\n"
"  - (3/30) 3CX Security Alert for Electron Windows App | 3CX Blog <https://www.3cx.com/blog/news/desktopapp-security-alert/>\n"
"    > We regret to inform our partners and customers that our Electron Windows App has been compromised.\n"
"  - (3/30) Supply Chain Attack Against 3CXDesktopApp | CISA Alerts <https://www.cisa.gov/news-events/alerts/2023/03/30/supply-chain-attack-against-3cxdesktopapp>\n"
"\n"
"[脆弱性]\n"
"\n"
"* Apache の脆弱性 (CVE-2023-27522) について\n"
"  - (3/30) Apache の脆弱性 (CVE-2023-27522) について | JVN <https://jvn.jp/vu/JVNVU91234567/>\n"
"    > 複数行の\n"
"    > 引用です。\n";

static void
test_golden_text(void)
{
	struct memo_issue	*issue = issue_japanese();
	struct memo_style	 style;
	char			*txt;

	set_tz("JST-9");
	memo_style_default(&style);
	style.title = "Issue %n";
	txt = memo_render(issue, &style, MEMO_TEXT);
	is_str(txt, golden_text, "golden 2: plain text");
	free(txt);
	memo_issue_free(issue);
}

/* Templates: one entry rendered with each template. */
static void
test_templates(void)
{
	static const struct {
		const char	*title;
		const char	*entry;
		const char	*want;
	} cases[] = {
		{ "T%n", "%t", "# T42\n\n## S\n\n### A\n\n- A\n" },
		{ "100%% #%n", "%%%t%%", "# 100% #42\n\n## S\n\n### A\n\n- %A%\n" },
		{ "%x %n%", "%q %t %", "# %x 42%\n\n## S\n\n### A\n\n- %q A %\n" },
		{ "%t %u", "%n %y-%m-%d", "# %t %u\n\n## S\n\n### A\n\n- %n 2023-3-29\n" },
		{ "", "", "#\n\n## S\n\n### A\n\n-\n" },
		{ "a\x1b[31mb\tc", "x\ny", "# a[31mb c\n\n## S\n\n### A\n\n- x y\n" },
	};
	struct memo_issue	*issue = memo_issue_new(42);
	struct memo_style	 style;
	char			*md;
	size_t			 i;

	set_tz("UTC");
	memo_issue_add_section(issue, "S");
	add(memo_section_add_story(&issue->sections[0], NULL), "A",
	    "https://a.example/", "F", T_0329_1530Z, NULL);
	memo_style_default(&style);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		style.title = cases[i].title;
		style.entry = cases[i].entry;
		md = memo_render(issue, &style, MEMO_MARKDOWN);
		is_str(md, cases[i].want, "template %zu", i);
		free(md);
	}
	memo_issue_free(issue);
}

/* Empty and blank intros, empty issue, empty sections. */
static void
test_shapes(void)
{
	struct memo_issue	*issue = memo_issue_new(1);
	struct memo_style	 style;
	char			*md;

	memo_style_default(&style);
	style.title = "T";
	style.intro = " \n\t\n";
	memo_issue_add_section(issue, "Empty");
	md = memo_render(issue, &style, MEMO_MARKDOWN);
	is_str(md, "# T\n", "shape 0: empty issue, blank intro, no section");
	free(md);
	md = memo_render(issue, &style, MEMO_TEXT);
	is_str(md, "T\n", "shape 1: empty issue as text");
	free(md);
	style.intro = "Intro *kept* as written\x07.";
	md = memo_render(issue, &style, MEMO_MARKDOWN);
	is_str(md, "# T\n\nIntro *kept* as written.\n", "shape 2: intro");
	free(md);
	memo_issue_free(issue);
}

static void
test_escape(void)
{
	static const struct {
		const char	*in;
		const char	*want;
	} cases[] = {
		{ "plain 日本語", "plain 日本語" },
		{ "a\\b`c*d_e", "a\\\\b\\`c\\*d\\_e" },
		{ "[x](y) <z> #1 |&~", "\\[x\\](y) \\<z\\> \\#1 \\|\\&\\~" },
		{ "- item", "\\- item" },
		{ "+ item", "\\+ item" },
		{ "1. item", "1\\. item" },
		{ "2023) item", "2023\\) item" },
		{ "2023 item", "2023 item" },
		{ "# heading", "\\# heading" },
		{ "> quote", "\\> quote" },
		{ "===", "\\===" },
		{ "a - b 1. c", "a - b 1. c" },
		{ "  spaced   out  ", "spaced out" },
		{ "", "" },
		{ NULL, "" },
	};
	char	*got;
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = memo_markdown_escape(cases[i].in);
		is_str(got, cases[i].want, "escape %zu", i);
		free(got);
	}
}

static void
test_clean(void)
{
	static const struct {
		const char	*in;
		bool		 multiline;
		const char	*want;
	} cases[] = {
		{ "a\x1b]0;title\x07z", false, "a]0;titlez" },
		{ "a\xc2\x9b" "31mb", false, "a31mb" },			/* C1 CSI */
		{ "a\xe2\x80\xae" "cba\xe2\x80\xac", false, "acba" },	/* RLO, PDF */
		{ "a\xe2\x81\xa6x\xe2\x81\xa9", false, "ax" },		/* LRI, PDI */
		{ "\xe2\x80\x8f" "rlm", false, "rlm" },
		{ "del\x7f!", false, "del!" },
		{ "bad\xff" "byte", false, "bad\xef\xbf\xbd" "byte" },
		{ "line1\r\nline2\n", false, "line1 line2" },
		{ "line1\r\n  line2\n\n", true, "line1\n  line2" },
		{ "\n\nx  \ny\t", true, "x\ny" },
		{ "tab\there", false, "tab here" },
		{ "全角　スペース", false, "全角　スペース" },
		{ "a\xc2\x85" "b\xe2\x80\xa8" "c\xe2\x80\xa9", false, "a b c" },
		{ "a\xe2\x80\xa8" "b", true, "a\nb" },
	};
	char	*got;
	size_t	 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = memo_clean(cases[i].in, cases[i].multiline);
		is_str(got, cases[i].want, "clean %zu", i);
		free(got);
	}
}

/* Hostile text in every field of a rendered memo. */
static void
test_hostile_render(void)
{
	struct memo_issue	*issue = memo_issue_new(1);
	struct memo_story	*story;
	struct memo_style	 style;
	char			*md, *p;
	int			 bad = 0;

	memo_issue_add_section(issue, "Sec\x1b[2J");
	story = memo_section_add_story(&issue->sections[0], "H\xc2\x9b" "1m\n# x");
	add(story, "\x1b[31mred\xe2\x80\xae", "https://x.example/\x1b[0m",
	    "F\x07", 0, "q\x1b[1m\r\n\x00");
	memo_style_default(&style);
	md = memo_render(issue, &style, MEMO_MARKDOWN);
	for (p = md; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 && *p != '\n') {
			bad++;
		}
	}
	ok(bad == 0 && strstr(md, "\xe2\x80\xae") == NULL &&
	    strstr(md, "\xc2\x9b") == NULL, "hostile 0: no control character");
	ok(strstr(md, "### H1m \\# x\n") != NULL, "hostile 1: headline one line");
	free(md);
	memo_issue_free(issue);
}

/* Month and day in local time, without padding. */
static void
test_dates(void)
{
	static const struct {
		const char	*tz;
		time_t		 t;
		const char	*want;
	} cases[] = {
		{ "UTC", T_0329_1530Z, "3/29 2023" },
		{ "Asia/Tokyo", T_0329_1530Z, "3/30 2023" },
		{ "JST-9", T_0329_1530Z, "3/30 2023" },
		{ "UTC", T_1231_2000Z, "12/31 2023" },
		{ "Asia/Tokyo", T_1231_2000Z, "1/1 2024" },
		{ "UTC", (time_t)1675209600, "2/1 2023" },
	};
	struct memo_issue	*issue = memo_issue_new(1);
	struct memo_entry	*e;
	struct memo_style	 style;
	char			*md, *want;
	size_t			 i;

	memo_issue_add_section(issue, "S");
	e = add(memo_section_add_story(&issue->sections[0], "H"), "t", NULL,
	    NULL, 0, NULL);
	memo_style_default(&style);
	style.title = "T";
	style.entry = "%m/%d %y";
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		set_tz(cases[i].tz);
		e->date = cases[i].t;
		md = memo_render(issue, &style, MEMO_MARKDOWN);
		want = xasprintf("# T\n\n## S\n\n### H\n\n- %s\n", cases[i].want);
		is_str(md, want, "date %zu (%s)", i, cases[i].tz);
		free(want);
		free(md);
	}
	memo_issue_free(issue);
}

static void
test_ids(void)
{
	static const struct {
		const char	*text;
		const char	*want;	/* joined with spaces */
	} cases[] = {
		{ "CVE-2023-1234 and cve-2023-123456.", "CVE-2023-1234 CVE-2023-123456" },
		{ "CVE-2023-123 too short, XCVE-2023-1234 glued", "" },
		{ "JVN#12345678 JVNVU#99887766 JVNTA#12345678", "JVN#12345678 JVNTA#12345678 JVNVU#99887766" },
		{ "JVNDB-2023-000123; JVNDB-2023-12", "JVNDB-2023-000123" },
		{ "CVE-2023-1234 CVE-2023-1234 CVE-2022-0001", "CVE-2022-0001 CVE-2023-1234" },
		{ "（CVE-2024-3094）の件", "CVE-2024-3094" },
		{ NULL, "" },
	};
	struct buf	 joined = BUF_INIT;
	char		**ids;
	size_t		 i, j, n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		ids = memo_ids_extract(cases[i].text, &n);
		buf_reset(&joined);
		buf_puts(&joined, "");
		for (j = 0; j < n; j++) {
			buf_printf(&joined, "%s%s", j > 0 ? " " : "", ids[j]);
		}
		is_str(buf_str(&joined), cases[i].want, "ids %zu", i);
		memo_names_free(ids, n);
	}
	buf_free(&joined);
}

static void
test_related(void)
{
	static const char *const stories[] = {
		"Apache CVE-2023-27522",
		"3CX supply chain",
		"JVNVU#91234567 and cve-2023-27522",
		"",
	};
	size_t	out[4], n;

	n = memo_related_story("Patch for CVE-2023-27522 released", stories, 4, out);
	is_int(n, 2, "related 0: two stories share the CVE");
	ok(n == 2 && out[0] == 0 && out[1] == 2, "related 1: the right ones");
	n = memo_related_story("JVNVU#91234567", stories, 4, out);
	ok(n == 1 && out[0] == 2, "related 2: JVN identifier");
	n = memo_related_story("nothing here", stories, 4, out);
	is_int(n, 0, "related 3: no identifier, no candidates");
	n = memo_related_story("CVE-2099-0001", stories, 4, out);
	is_int(n, 0, "related 4: unknown identifier");
}

static void
test_sections(void)
{
	static const struct {
		const char	*spec;
		const char	*want;	/* joined with | */
	} cases[] = {
		{ "A, B ,C", "A|B|C" },
		{ "事件、事故,攻撃、脅威, 脆弱性 , その他", "事件、事故|攻撃、脅威|脆弱性|その他" },
		{ " , Only,, ", "Only" },
		{ "", "Incidents|Attacks and threats|Vulnerabilities|Other" },
		{ " , ", "Incidents|Attacks and threats|Vulnerabilities|Other" },
		{ NULL, "Incidents|Attacks and threats|Vulnerabilities|Other" },
	};
	struct buf	 joined = BUF_INIT;
	char		**names;
	size_t		 i, j, n;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		names = memo_sections_parse(cases[i].spec, &n);
		buf_reset(&joined);
		buf_puts(&joined, "");
		for (j = 0; j < n; j++) {
			buf_printf(&joined, "%s%s", j > 0 ? "|" : "", names[j]);
		}
		is_str(buf_str(&joined), cases[i].want, "sections %zu", i);
		memo_names_free(names, n);
	}
	buf_free(&joined);
}

static void
test_tree(void)
{
	struct memo_issue	*issue = issue_japanese();
	struct memo_story	*story;
	size_t			 section = 99, number = 0;

	issue->sections[2].stories[0].entries[0].item_id = 77;
	is_int(memo_issue_story_count(issue), 2, "tree 0: story count");
	is_int(memo_issue_entry_count(issue), 3, "tree 1: entry count");
	story = memo_issue_story(issue, 2, &section);
	ok(story == &issue->sections[2].stories[0] && section == 2,
	    "tree 2: story 2 is in section 3");
	ok(memo_issue_story(issue, 3, NULL) == NULL &&
	    memo_issue_story(issue, 0, NULL) == NULL, "tree 3: out of range");
	ok(memo_issue_find_item(issue, 77, &number) != NULL && number == 2,
	    "tree 4: find item");
	ok(memo_issue_find_item(issue, 78, NULL) == NULL, "tree 5: unknown item");
	is_str(memo_story_headline(story), "Apache の脆弱性 (CVE-2023-27522) について",
	    "tree 6: headline defaults to the first title");
	is_int(memo_issue_section_find(issue, "脆弱性"), 2, "tree 7: section by name");
	is_int(memo_issue_section_find(issue, "4"), 3, "tree 8: section by number");
	is_int(memo_issue_section_find(issue, "5"), -1, "tree 9: no section 5");
	is_int(memo_issue_section_find(issue, "nope"), -1, "tree 10: no such name");
	memo_issue_free(issue);
}

static void
test_formats(void)
{
	enum memo_format	f = MEMO_TEXT;

	ok(memo_format_parse("md", &f) && f == MEMO_MARKDOWN, "format 0: md");
	ok(memo_format_parse("txt", &f) && f == MEMO_TEXT, "format 1: txt");
	ok(memo_format_parse("markdown", &f) && f == MEMO_MARKDOWN, "format 2");
	ok(memo_format_parse("text", &f) && f == MEMO_TEXT, "format 3");
	ok(!memo_format_parse("html", &f), "format 4: unknown");
}

/* Whether rendered text is valid UTF-8 without any control character
 * (newlines aside) nor bidi control. */
static bool
clean_output(const char *s)
{
	size_t		 i = 0, len = strlen(s);
	uint32_t	 cp;

	if (!utf8_valid(s, len)) {
		return false;
	}
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f) ||
		    (cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			return false;
		}
	}
	return true;
}

/* Random bytes (biased towards the interesting ones) in every field. */
static void
test_random(void)
{
	static const char pool[] = "\x1b\x07\x7f\n\r\t[]()<>*_#|&~\\`-+1. a"
	    "\xc2\x9b\xe2\x80\xae\xe6\x97\xa5\xff\xc3";
	struct memo_issue	*issue;
	struct memo_story	*story;
	struct memo_style	 style;
	char			 text[6][40], *out;
	unsigned		 seed = 12345;
	int			 round, i, j, bad = 0;

	memo_style_default(&style);
	for (round = 0; round < 500; round++) {
		for (i = 0; i < 6; i++) {
			for (j = 0; j < 39; j++) {
				seed = seed * 1103515245u + 12345u;
				text[i][j] = pool[(seed >> 16) % (sizeof pool - 1)];
			}
			text[i][39] = '\0';
		}
		issue = memo_issue_new(round);
		story = memo_section_add_story(memo_issue_add_section(issue,
		    text[0]), round % 2 ? text[1] : NULL);
		add(story, text[2], text[3], text[4], (time_t)seed, text[5]);
		out = memo_render(issue, &style, round % 3 ? MEMO_MARKDOWN :
		    MEMO_TEXT);
		bad += !clean_output(out);
		free(out);
		memo_issue_free(issue);
	}
	is_int(bad, 0, "random 0: 500 hostile issues render clean");
}

/* The memo-* options. */
static void
test_cfg(void)
{
	static const struct {
		const char	*sections;
		const char	*def;
		int		 want_def;
		size_t		 want_n;
	} cases[] = {
		{ "", "", -1, 4 },
		{ "", "Incidents", 0, 4 },
		{ "", "vulnerabilities", 2, 4 },
		{ "A, B", "2", 1, 2 },
		{ "A, B", "3", -1, 2 },
		{ "A, B", "C", -1, 2 },
		{ "A, 2", "2", 1, 2 },
	};
	struct memo_style	 style;
	struct cfg		*cfg;
	char			**names;
	size_t			 i, n;
	int			 def;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		cfg = cfg_new();
		cfg_set(cfg, "memo-sections", cases[i].sections, NULL);
		cfg_set(cfg, "memo-default-section", cases[i].def, NULL);
		names = memo_cfg_sections(cfg, &n, &def);
		ok(n == cases[i].want_n && def == cases[i].want_def,
		    "cfg %zu: %zu sections, default %d", i, n, def);
		memo_names_free(names, n);
		cfg_free(cfg);
	}
	cfg = cfg_new();
	memo_cfg_style(cfg, &style);
	is_str(style.title, "Security news of the week - Issue #%n",
	    "cfg title: the default");
	is_str(style.entry, "(%m/%d) [%t | %f](%u)", "cfg entry: the default");
	cfg_set(cfg, "memo-title", "T %n", NULL);
	cfg_set(cfg, "memo-intro", "I", NULL);
	memo_cfg_style(cfg, &style);
	ok(strcmp(style.title, "T %n") == 0 && strcmp(style.intro, "I") == 0,
	    "cfg title and intro: set");
	cfg_free(cfg);
}

int
main(void)
{
	test_golden_japanese();
	test_golden_english();
	test_golden_text();
	test_templates();
	test_shapes();
	test_escape();
	test_clean();
	test_hostile_render();
	test_dates();
	test_ids();
	test_related();
	test_sections();
	test_tree();
	test_formats();
	test_cfg();
	test_random();
	return done_testing();
}
