/* Unit tests for utf8: widths, clusters, sanitizing, fitting; conformance
 * with GraphemeBreakTest.txt. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "tap.h"

struct width_case {
	const char	*s;
	int		 w1;	/* ambiguous = 1 */
	int		 w2;	/* ambiguous = 2 */
	int		 clusters;
};

static const struct width_case widths[] = {
	{ "a", 1, 1, 1 },
	{ "abc", 3, 3, 3 },
	{ "漢", 2, 2, 1 },
	{ "漢字かなカナ", 12, 12, 6 },
	{ "ｱｲｳ", 3, 3, 3 },			/* halfwidth katakana */
	{ "ｶﾞ", 2, 2, 1 },			/* halfwidth + voiced mark */
	{ "ＡＢ", 4, 4, 2 },			/* fullwidth Latin */
	{ "e\xcc\x81", 1, 1, 1 },		/* e + combining acute */
	{ "\xcc\x81", 0, 0, 1 },		/* lone combining acute */
	{ "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	  "\xf0\x9f\x91\xa7", 2, 2, 1 },	/* family: ZWJ sequence */
	{ "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 2, 2, 1 },	/* flag JP */
	{ "\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5\xf0\x9f\x87\xba\xf0\x9f\x87\xb8",
	  4, 4, 2 },				/* two flags */
	{ "\xe2\x9d\xa4", 1, 1, 1 },		/* heart, text style */
	{ "\xe2\x9d\xa4\xef\xb8\x8f", 2, 2, 1 },	/* heart + VS16 */
	{ "1\xef\xb8\x8f\xe2\x83\xa3", 2, 2, 1 },	/* keycap one */
	{ "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd", 2, 2, 1 },	/* thumbs + tone */
	{ "\xf0\x9f\x98\x80", 2, 2, 1 },	/* grinning face */
	{ "…", 1, 2, 1 },			/* ambiguous */
	{ "○α", 2, 4, 2 },			/* ambiguous */
	{ "한국", 4, 4, 2 },
	{ "\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 2, 2, 1 },	/* jamo LVT */
	{ "a\xe2\x80\x8b" "b", 2, 2, 3 },	/* zero width space */
	{ "\r\n", 0, 0, 1 },
	{ "abc漢字", 7, 7, 5 },
	{ "", 0, 0, 0 },
};

struct sanitize_case {
	const char	*in;
	size_t		 len;	/* 0: strlen */
	unsigned	 allow;
	const char	*out;
};

static const struct sanitize_case sanitizes[] = {
	{ "plain 日本語", 0, 0, "plain 日本語" },
	{ "a\x1b[31mb\x1b[0m", 0, 0, "ab" },			/* CSI SGR */
	{ "a\x1b[2J\x1b[1;1Hb", 0, 0, "ab" },			/* CSI clear */
	{ "a\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\b", 0, 0, "alinkb" },
	{ "a\x1b]8;;http://evil/\x07link\x1b]8;;\x07" "b", 0, 0, "alinkb" },
	{ "\x1b]52;c;ZWNobyBwd25lZA==\x07ok", 0, 0, "ok" },	/* OSC 52 */
	{ "\x1b]0;title\x1b\\t", 0, 0, "t" },			/* OSC + ST */
	{ "a\x1b]0;unterminated", 0, 0, "a" },
	{ "\x1bPq#0;2;0;0;0\x1b\\z", 0, 0, "z" },		/* DCS sixel */
	{ "\x1b_Gf=100;AAAA\x1b\\z", 0, 0, "z" },		/* APC */
	{ "\x1b^pm\x1b\\z", 0, 0, "z" },			/* PM */
	{ "\x1bXsos\x1b\\z", 0, 0, "z" },			/* SOS */
	{ "\x1b(Bx\x1b" "7y\x1b" "c", 0, 0, "xy" },		/* ESC seqs */
	{ "a\x07" "b\x08" "c", 0, 0, "abc" },			/* BEL, BS */
	{ "a\x7f" "b", 0, 0, "ab" },				/* DEL */
	{ "\xc2\x9b" "31mX", 0, 0, "X" },			/* C1 CSI */
	{ "\xc2\x9d" "0;t\xc2\x9cX", 0, 0, "X" },		/* C1 OSC/ST */
	{ "a\xc2\x85" "b", 0, 0, "ab" },			/* C1 NEL */
	{ "\xe2\x80\xae" "abc\xe2\x80\xac", 0, 0, "abc" },	/* RLO/PDF */
	{ "\xe2\x81\xa6x\xe2\x81\xa9\xe2\x80\xaa", 0, 0, "x" },	/* isolates */
	{ "a\xff" "b", 0, 0, "a\xef\xbf\xbd" "b" },		/* invalid */
	{ "\xe6\x97", 0, 0, "\xef\xbf\xbd\xef\xbf\xbd" },	/* truncated */
	{ "\xc0\xaf", 0, 0, "\xef\xbf\xbd\xef\xbf\xbd" },	/* overlong */
	{ "a\0b", 3, 0, "ab" },					/* NUL */
	{ "a\nb\tc", 0, 0, "a b c" },
	{ "a\nb\tc", 0, UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB, "a\nb\tc" },
	{ "a\r\nb\rc", 0, UTF8_ALLOW_NEWLINE, "a\nb\nc" },
	{ "a\xe2\x80\xa8" "b", 0, UTF8_ALLOW_NEWLINE, "a\nb" },	/* U+2028 */
	{ "\xef\xbb\xbf" "bom", 0, 0, "bom" },
	{ "e\xcc\x81\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5", 0, 0,
	  "e\xcc\x81\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5" },
};

struct fit_case {
	const char	*s;
	int		 width;
	int		 amb;
	const char	*out;
};

static const struct fit_case fits[] = {
	{ "abc", 5, 1, "abc  " },
	{ "abc", 3, 1, "abc" },
	{ "abcdef", 4, 1, "abc…" },
	{ "abcdef", 4, 2, "ab…" },
	{ "漢字かな", 5, 1, "漢字…" },
	{ "漢字かな", 4, 1, "漢… " },
	{ "漢字", 4, 1, "漢字" },
	{ "漢字", 3, 1, "漢…" },
	{ "a漢", 2, 1, "a…" },
	{ "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d"
	  "\xf0\x9f\x91\xa7x", 2, 1, "… " },
	{ "e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, 1, "e\xcc\x81…" },
	{ "a\nb", 4, 1, "a b " },
	{ "abc", 0, 1, "" },
	{ "漢字", 1, 1, "…" },
	{ "漢字", 1, 2, " " },
};

static void
test_widths(void)
{
	size_t	i, n, off;
	int	count;

	for (i = 0; i < sizeof widths / sizeof widths[0]; i++) {
		const struct width_case *c = &widths[i];

		is_int(utf8_width_amb(c->s, strlen(c->s), 1), c->w1,
		    "width %zu, ambiguous 1", i);
		is_int(utf8_width_amb(c->s, strlen(c->s), 2), c->w2,
		    "width %zu, ambiguous 2", i);
		for (count = 0, off = 0; off < strlen(c->s); off += n) {
			n = utf8_cluster_next(c->s + off, strlen(c->s) - off);
			count++;
		}
		is_int(count, c->clusters, "clusters %zu", i);
	}
	utf8_set_ambiguous_width(2);
	is_int(utf8_width("…○", strlen("…○")), 4, "global ambiguous 2");
	utf8_set_ambiguous_width(1);
	is_int(utf8_width("…○", strlen("…○")), 2, "global ambiguous 1");
}

struct cjk_case {
	uint32_t	cp;
	bool		cjk;
};

static const struct cjk_case cjks[] = {
	{ 0x6f22, true },	/* 漢 */
	{ 0x304b, true },	/* か */
	{ 0xff71, true },	/* ｱ halfwidth */
	{ 0x3002, true },	/* 。 */
	{ 0xff21, true },	/* Ａ */
	{ 0xd55c, false },	/* 한 */
	{ 'A', false },
	{ 0xe9, false },	/* é */
	{ 0x2026, false },	/* … ambiguous */
};

static void
test_cjk(void)
{
	size_t	i;

	for (i = 0; i < sizeof cjks / sizeof cjks[0]; i++) {
		ok(utf8_is_cjk(cjks[i].cp) == cjks[i].cjk, "cjk %zu", i);
	}
}

static void
test_sanitize(void)
{
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof sanitizes / sizeof sanitizes[0]; i++) {
		const struct sanitize_case *c = &sanitizes[i];

		s = utf8_sanitize(c->in, c->len ? c->len : strlen(c->in),
		    c->allow);
		is_str(s, c->out, "sanitize %zu", i);
		free(s);
	}
}

static void
test_fit(void)
{
	size_t	i;
	char	*s;

	for (i = 0; i < sizeof fits / sizeof fits[0]; i++) {
		const struct fit_case *c = &fits[i];

		s = utf8_fit_amb(c->s, strlen(c->s), c->width, c->amb);
		is_str(s, c->out, "fit %zu", i);
		is_int(utf8_width_amb(s, strlen(s), c->amb), c->width,
		    "fit %zu is exactly %d columns", i, c->width);
		free(s);
	}
}

/* Check one GraphemeBreakTest line; false when our clusters differ. */
static bool
grapheme_line(char *line, bool *skipped)
{
	char		 text[256], *tok, *save;
	bool		 want[256], got[256];
	size_t		 len = 0, off, n;
	unsigned long	 cp;

	memset(want, 0, sizeof want);
	memset(got, 0, sizeof got);
	*skipped = false;
	for (tok = strtok_r(line, " \t", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "÷") == 0) {
			want[len] = true;
		} else if (strcmp(tok, "×") != 0) {
			cp = strtoul(tok, NULL, 16);
			if ((cp >= 0xd800 && cp <= 0xdfff) || len + 4 >= sizeof text) {
				*skipped = true;
				return true;
			}
			len += utf8_encode((uint32_t)cp, text + len);
		}
	}
	for (off = 0; off < len; off += n) {
		got[off] = true;
		n = utf8_cluster_next(text + off, len - off);
	}
	got[len] = true;
	for (off = 0; off <= len; off++) {
		if ((want[off] && !got[off]) || (got[off] && !want[off] &&
		    (off == len || ((unsigned char)text[off] & 0xc0) != 0x80))) {
			return false;
		}
	}
	return true;
}

static void
test_grapheme_break(void)
{
	FILE	*f;
	char	 line[4096], *hash;
	int	 total = 0, pass = 0, skipped = 0;
	bool	 skip;

	f = fopen("/usr/share/unicode/auxiliary/GraphemeBreakTest.txt", "r");
	if (f == NULL) {
		printf("ok %d # SKIP GraphemeBreakTest.txt not installed "
		    "(unicode-data)\n", ++tap_count);
		return;
	}
	while (fgets(line, sizeof line, f) != NULL) {
		if ((hash = strchr(line, '#')) != NULL) {
			*hash = '\0';
		}
		if (strchr(line, '\xf7') == NULL && strstr(line, "÷") == NULL) {
			continue;
		}
		if (grapheme_line(line, &skip)) {
			pass += !skip;
		}
		skipped += skip;
		total += !skip;
	}
	fclose(f);
	diag("GraphemeBreakTest: %d of %d pass (%d skipped)", pass, total,
	    skipped);
	ok(total > 500 && pass == total, "GraphemeBreakTest: every case passes");
}

int
main(void)
{
	test_widths();
	test_cjk();
	test_sanitize();
	test_fit();
	test_grapheme_break();
	return done_testing();
}
