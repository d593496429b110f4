/* Unit tests for layout: small golden cases, conformance with
 * LineBreakTest.txt and properties over a corpus at every width 4-120. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "html.h"
#include "layout.h"
#include "utf8.h"
#include "xalloc.h"
#include "tap.h"

/* The measured LineBreakTest pass rate must stay at or above this. */
#define LINEBREAK_MIN_RATE	0.99

struct wrap_case {
	const char	*html;	/* NULL: text is one paragraph */
	const char	*text;
	int		 type;	/* for text: HTML_BLOCK_PARA or _PRE */
	int		 width;
	int		 amb;
	const char	*lines;	/* joined by "|" */
};

static const struct wrap_case wraps[] = {
	{ NULL, "これは、テストです。", HTML_BLOCK_PARA, 6, 1,
	  "これ|は、テ|ストで|す。" },
	{ NULL, "あいう「えお」", HTML_BLOCK_PARA, 8, 1, "あいう|「えお」" },
	{ NULL, "彼は「はい」と言った。", HTML_BLOCK_PARA, 10, 1,
	  "彼は「は|い」と言っ|た。" },
	{ NULL, "チェック", HTML_BLOCK_PARA, 4, 1, "チェ|ック" },
	{ NULL, "コンピューター", HTML_BLOCK_PARA, 6, 1, "コン|ピュー|ター" },
	{ NULL, "The quick brown fox jumps", HTML_BLOCK_PARA, 10, 1,
	  "The quick|brown fox|jumps" },
	{ NULL, "well-known issue", HTML_BLOCK_PARA, 6, 1, "well-|known|issue" },
	{ NULL, "see https://e.com/path now", HTML_BLOCK_PARA, 18, 1,
	  "see|https://e.com/path|now" },
	{ NULL, "see https://example.com/a/b/c ok", HTML_BLOCK_PARA, 20, 1,
	  "see|https://example.com/|a/b/c ok" },
	{ NULL, "supercalifragilistic", HTML_BLOCK_PARA, 8, 1,
	  "supercal|ifragili|stic" },
	{ NULL, "ab\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	  "\xf0\x9f\x91\xa7" "cd", HTML_BLOCK_PARA, 3, 1,
	  "ab|\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	  "\xf0\x9f\x91\xa7|cd" },
	{ NULL, "e\xcc\x81\xcc\x81" "e\xcc\x81" "e", HTML_BLOCK_PARA, 2, 1,
	  "e\xcc\x81\xcc\x81" "e\xcc\x81|e" },
	{ NULL, "a\tb\tc", HTML_BLOCK_PARA, 20, 1, "a       b       c" },
	{ NULL, "abcdefghij", HTML_BLOCK_PRE, 4, 1, "abcd|efgh|ij" },
	{ NULL, "  x  y\n\tz", HTML_BLOCK_PRE, 20, 1, "  x  y|        z" },
	{ NULL, "日本語のテキスト", HTML_BLOCK_PRE, 5, 1, "日本|語の|テキ|スト" },
	{ NULL, "○○○○", HTML_BLOCK_PARA, 4, 2, "○○|○○" },
	{ NULL, "○○○○", HTML_BLOCK_PARA, 4, 1, "○○○○" },
	{ NULL, "one\n\ntwo", HTML_BLOCK_PARA, 10, 1, "one||two" },
	{ NULL, "a  b", HTML_BLOCK_PARA, 1, 1, "a|b" },
	{ "<blockquote><p>ab cd ef</p></blockquote>", NULL, 0, 7, 1,
	  "│ ab cd|│ ef" },
	{ "<ul><li>one two three</li><li>x<ol><li>y</li></ol></li></ul>", NULL,
	  0, 10, 1, "・one two|  three|・x|  1. y" },
	{ "<blockquote><blockquote><blockquote><p>漢字</p></blockquote>"
	  "</blockquote></blockquote>", NULL, 0, 4, 1, "│ 漢|│ 字" },
	{ "<h2>見出しです</h2><p>本文</p>", NULL, 0, 8, 1,
	  "■ 見出し|  です||本文" },
	{ "<p>a</p><hr><p>b</p>", NULL, 0, 5, 1, "a||─────||b" },
	{ "<p>a</p><hr>", NULL, 0, 5, 2, "a||──" },
	{ "<blockquote><p>a</p><p>b</p></blockquote>", NULL, 0, 5, 1,
	  "│ a|│|│ b" },
	{ "<p>Click <a href=\"/x\">here</a>.</p>", NULL, 0, 9, 1,
	  "Click|here[1]." },
	{ "<p>あいう<a href=\"/x\">えお</a></p>", NULL, 0, 10, 1,
	  "あいうえ|お[1]" },
};

/* Lay out one case and join its lines with "|". */
static char *
wrap_lines(const struct wrap_case *c)
{
	struct layout_opts	 opts;
	struct html_doc		*doc;
	struct layout		*l;
	struct buf		 b = BUF_INIT;
	size_t			 i;

	opts.width = c->width;
	opts.ambiguous = c->amb;
	if (c->html != NULL) {
		doc = html_parse(c->html, strlen(c->html), NULL);
	} else {
		doc = html_doc_new();
		html_doc_add(doc, (enum html_block_type)c->type, c->text, 0);
	}
	l = layout_blocks(doc->blocks, doc->nblocks, &opts);
	for (i = 0; i < l->nlines; i++) {
		buf_printf(&b, "%s%s", i > 0 ? "|" : "", l->lines[i].text);
	}
	layout_free(l);
	html_doc_free(doc);
	return buf_detach(&b);
}

static void
test_wraps(void)
{
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof wraps / sizeof wraps[0]; i++) {
		s = wrap_lines(&wraps[i]);
		is_str(s, wraps[i].lines, "wrap %zu at %d", i, wraps[i].width);
		free(s);
	}
}

/* Style runs survive wrapping: a bold word and a link reference. */
static void
test_runs(void)
{
	static const char	 html[] = "<p>aa <b>bold</b> <a href=\"u\">l</a></p>";
	struct layout_opts	 opts = { 6, 1 };
	struct html_doc		*doc;
	struct layout		*l;

	doc = html_parse(html, strlen(html), NULL);
	l = layout_blocks(doc->blocks, doc->nblocks, &opts);
	ok(l->nlines == 3, "runs: three lines");
	if (l->nlines == 3) {
		is_str(l->lines[1].text, "bold", "runs: line 2");
		ok(l->lines[1].nruns == 1 &&
		    l->lines[1].runs[0].style == HTML_STYLE_BOLD,
		    "runs: bold word is one bold run");
		ok(l->lines[2].nruns == 2 && l->lines[2].runs[1].start == 1 &&
		    l->lines[2].runs[1].len == 3 &&
		    l->lines[2].runs[1].style == HTML_STYLE_LINK,
		    "runs: link reference run");
	}
	layout_free(l);
	html_doc_free(doc);
}

/* ---- LineBreakTest.txt ---- */

/* Parse one test line into text and the wanted break flags per byte. */
static bool
linebreak_parse(char *line, struct buf *text, bool *want, size_t max)
{
	char		*tok, *save;
	unsigned long	 cp;
	char		 enc[4];

	buf_reset(text);
	for (tok = strtok_r(line, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save)) {
		if (strcmp(tok, "÷") == 0 || strcmp(tok, "×") == 0) {
			if (text->len <= max) {
				want[text->len] = strcmp(tok, "÷") == 0;
			}
			continue;
		}
		cp = strtoul(tok, NULL, 16);
		if ((cp >= 0xd800 && cp <= 0xdfff) || text->len + 4 > max) {
			return false;
		}
		buf_add(text, enc, utf8_encode((uint32_t)cp, enc));
		want[text->len] = false;
	}
	return text->len > 0;
}

/* Whether our break opportunities match the line's; NULL-safe. */
static bool
linebreak_check(const struct buf *text, const bool *want)
{
	bool	*got;
	size_t	 i;
	bool	 same = true;

	got = layout_breaks(text->data, text->len);
	if (got == NULL) {
		return false;
	}
	for (i = 1; i < text->len; i++) {
		if (((unsigned char)text->data[i] & 0xc0) != 0x80 &&
		    got[i] != want[i]) {
			same = false;
		}
	}
	free(got);
	return same;
}

static void
test_linebreak(void)
{
	FILE		*f;
	char		 line[8192], *hash;
	bool		 want[1024];
	struct buf	 text = BUF_INIT;
	int		 total = 0, pass = 0;
	double		 rate;

	f = fopen("/usr/share/unicode/auxiliary/LineBreakTest.txt", "r");
	if (f == NULL) {
		printf("ok %d # SKIP LineBreakTest.txt not installed "
		    "(unicode-data)\n", ++tap_count);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if ((hash = strchr(line, '#')) != NULL) {
			*hash = '\0';
		}
		memset(want, 0, sizeof want);
		if (!linebreak_parse(line, &text, want, sizeof want - 1)) {
			continue;
		}
		total++;
		pass += linebreak_check(&text, want);
	}
	fclose(f);
	buf_free(&text);
	rate = total > 0 ? (double)pass / total : 0;
	diag("LineBreakTest (ICU, ja@lb=strict): %d of %d pass (%.2f%%)", pass,
	    total, 100 * rate);
	ok(total > 5000 && rate >= LINEBREAK_MIN_RATE,
	    "LineBreakTest pass rate at least %.0f%%", 100 * LINEBREAK_MIN_RATE);
}

/* ---- properties over the corpus ---- */

#define MIN_WIDTH	4
#define MAX_WIDTH	120

static const char no_start[] = "、。，．・：；？！゛゜ヽヾゝゞ々ー‐–〜"
    "）］｝」』】〕〉》〙〗〟’”｠"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ"
    "ㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ)]},.:;?!";
static const char no_end[] = "（［｛「『【〔〈《〘〖〝‘“｟([{";

/* Whether the character cp is in the UTF-8 list set. */
static bool
in_set(const char *set, uint32_t cp)
{
	size_t		i = 0, n, len = strlen(set);
	uint32_t	c;

	while (i < len) {
		n = utf8_decode(set + i, len - i, &c);
		if (c == cp) {
			return true;
		}
		i += n;
	}
	return false;
}

static uint32_t
last_cp(const char *s, size_t len)
{
	uint32_t	cp = 0;
	size_t		i = len;

	while (i > 0 && ((unsigned char)s[i - 1] & 0xc0) == 0x80) {
		i--;
	}
	if (i > 0) {
		utf8_decode(s + i - 1, len - i + 1, &cp);
	}
	return cp;
}

/* Whether the line holds a control character (C0, DEL, C1). */
static bool
has_control(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7f ||
		    ((unsigned char)s[i] == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)) {
			return true;
		}
	}
	return false;
}

/* Whether a kinsoku violation at byte pos of p is excused: no legal break
 * exists there because the unbreakable chunk around pos is too wide. */
static bool
excused(const char *p, size_t len, const bool *brk, size_t pos, int width,
    int amb)
{
	size_t	a = pos, b = pos;

	if (brk[pos]) {
		return false;
	}
	while (a > 0 && !brk[a]) {
		a--;
	}
	while (b < len && !brk[b]) {
		b++;
	}
	while (b > a && p[b - 1] == ' ') {
		b--;
	}
	return utf8_width_amb(p + a, b - a, amb) > width;
}

struct prop_result {
	char	*wide;		/* first failure of each property, or NULL */
	char	*lost;
	char	*kinsoku;
	char	*control;
};

static void
fail(char **slot, char *msg)
{
	if (*slot == NULL) {
		*slot = msg;
	} else {
		free(msg);
	}
}

/* Check one layout of paragraph p at width w. */
static void
check_layout(const char *p, const bool *brk, const struct layout *l, int w,
    int amb, struct prop_result *r)
{
	size_t		 k, pos = 0, len = strlen(p);
	const char	*t;
	uint32_t	 a, b;

	for (k = 0; k < l->nlines; k++) {
		t = l->lines[k].text;
		if (utf8_width_amb(t, l->lines[k].len, amb) > w) {
			fail(&r->wide, xasprintf("width %d: line '%s'", w, t));
		}
		if (has_control(t, l->lines[k].len)) {
			fail(&r->control, xasprintf("width %d: line %zu", w, k));
		}
		if (pos + l->lines[k].len > len ||
		    memcmp(p + pos, t, l->lines[k].len) != 0) {
			fail(&r->lost, xasprintf("width %d: line '%s' at %zu", w,
			    t, pos));
			return;
		}
		pos += l->lines[k].len;
		if (k + 1 < l->nlines) {
			a = last_cp(t, l->lines[k].len);
			utf8_decode(l->lines[k + 1].text, l->lines[k + 1].len, &b);
			if ((in_set(no_end, a) || in_set(no_start, b)) &&
			    !excused(p, len, brk, pos, w, amb)) {
				fail(&r->kinsoku, xasprintf("width %d: '%s' / '%s'",
				    w, t, l->lines[k + 1].text));
			}
		}
		while (pos < len && p[pos] == ' ') {
			pos++;
		}
	}
	if (pos != len) {
		fail(&r->lost, xasprintf("width %d: stopped at %zu of %zu", w,
		    pos, len));
	}
}

static void
report(char *msg, const char *what, size_t n, int amb)
{
	ok(msg == NULL, "corpus %zu, ambiguous %d: %s", n, amb, what);
	if (msg != NULL) {
		diag("%s", msg);
	}
	free(msg);
}

/* Every property of paragraph n at every width, for one ambiguous width. */
static void
check_paragraph(const char *p, size_t n, int amb)
{
	struct prop_result	 r = { NULL, NULL, NULL, NULL };
	struct html_doc		*doc;
	struct layout_opts	 opts;
	struct layout		*l;
	bool			*brk;

	doc = html_doc_new();
	html_doc_add(doc, HTML_BLOCK_PARA, p, 0);
	brk = layout_breaks(p, strlen(p));
	for (opts.width = MIN_WIDTH; opts.width <= MAX_WIDTH; opts.width++) {
		opts.ambiguous = amb;
		l = layout_blocks(doc->blocks, doc->nblocks, &opts);
		check_layout(p, brk, l, opts.width, amb, &r);
		layout_free(l);
	}
	report(r.wide, "no line wider than the width", n, amb);
	report(r.lost, "text preserved", n, amb);
	report(r.kinsoku, "no kinsoku violation", n, amb);
	report(r.control, "no control character", n, amb);
	free(brk);
	html_doc_free(doc);
}

static void
test_properties(void)
{
	const char	*dir = getenv("KIJI_SRCDIR");
	char		*path, line[8192];
	FILE		*f;
	size_t		 n = 0;

	path = xasprintf("%s/tests/data/text/corpus.txt", dir ? dir : ".");
	f = fopen(path, "r");
	ok(f != NULL, "corpus %s opened", path);
	free(path);
	if (f == NULL) {
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0') {
			continue;
		}
		check_paragraph(line, n, 1);
		check_paragraph(line, n, 2);
		n++;
	}
	fclose(f);
	ok(n >= 20, "corpus has %zu paragraphs", n);
}

int
main(void)
{
	test_wraps();
	test_runs();
	test_linebreak();
	test_properties();
	return done_testing();
}
