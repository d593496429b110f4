/* feed-decode: find a feed's charset, decode it to UTF-8 and make the text
 * safe for libxml2 (HTML entities, stray '&', control characters). */
#include "config.h"

#include "feed-int.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

#define FEED_DECODE_MAX_CANDIDATES	12
#define FEED_DECODE_MAX_DECLARED	64

/* The charsets worth trying, best first. */
struct feed_decode_plan {
	const char	*names[FEED_DECODE_MAX_CANDIDATES];
	const char	*family[FEED_DECODE_MAX_CANDIDATES];	/* its label */
	bool		 guess[FEED_DECODE_MAX_CANDIDATES];	/* needs kana */
	size_t		 count;
	const char	*label;		/* label being added, or NULL */
	const char	*expected;	/* what the document said, or NULL */
	size_t		 skip;		/* BOM bytes */
	char		 declared[64];
	char		 http[64];
};

/* Entity names declared in the internal subset. */
struct feed_decode_names {
	char	*names[FEED_DECODE_MAX_DECLARED];
	size_t	 count;
};

static void
feed_decode_plan_add(struct feed_decode_plan *plan, const char *name)
{
	size_t	i;

	if (name == NULL || name[0] == '\0' ||
	    plan->count == FEED_DECODE_MAX_CANDIDATES) {
		return;
	}
	for (i = 0; i < plan->count; i++) {
		if (strcasecmp(plan->names[i], name) == 0) {
			return;
		}
	}
	plan->family[plan->count] = plan->label;
	plan->guess[plan->count] = false;
	plan->names[plan->count++] = name;
}

/* Add a guess that only counts when the text comes out Japanese. */
static void
feed_decode_plan_guess(struct feed_decode_plan *plan, const char *name)
{
	size_t	n = plan->count;

	feed_decode_plan_add(plan, name);
	if (plan->count > n) {
		plan->guess[n] = true;
	}
}

/* The encoding a byte order mark or the first bytes of "<?xml" announce. */
static const char *
feed_decode_sniff(const unsigned char *p, size_t len, size_t *skip)
{
	*skip = 0;
	if (len >= 4 && memcmp(p, "\x00\x00\xfe\xff", 4) == 0) {
		*skip = 4;
		return "UTF-32BE";
	}
	if (len >= 4 && memcmp(p, "\xff\xfe\x00\x00", 4) == 0) {
		*skip = 4;
		return "UTF-32LE";
	}
	if (len >= 2 && (memcmp(p, "\xfe\xff", 2) == 0 ||
	    memcmp(p, "\xff\xfe", 2) == 0)) {
		*skip = 2;
		return p[0] == 0xfe ? "UTF-16BE" : "UTF-16LE";
	}
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		*skip = 3;
		return "UTF-8";
	}
	if (len >= 4 && memcmp(p, "\x00\x00\x00\x3c", 4) == 0) {
		return "UTF-32BE";
	}
	if (len >= 4 && memcmp(p, "\x3c\x00\x00\x00", 4) == 0) {
		return "UTF-32LE";
	}
	if (len >= 4 && p[0] == 0 && p[1] == '<' && p[2] == 0) {
		return "UTF-16BE";
	}
	if (len >= 4 && p[0] == '<' && p[1] == 0 && p[3] == 0) {
		return "UTF-16LE";
	}
	return NULL;
}

/* Copy the encoding="..." of an ASCII-compatible XML declaration. */
static void
feed_decode_declared(const char *p, size_t len, char out[64])
{
	const char	*end, *e;
	size_t		 n;
	char		 q;

	out[0] = '\0';
	if (len < 6 || strncmp(p, "<?xml", 5) != 0) {
		return;
	}
	end = memchr(p, '>', len < 512 ? len : 512);
	if (end == NULL) {
		return;
	}
	for (e = p; e + 8 < end; e++) {
		if (strncmp(e, "encoding", 8) == 0) {
			break;
		}
	}
	if (e + 8 >= end) {
		return;
	}
	e += 8;
	while (e < end && (*e == ' ' || *e == '=' || *e == '\t')) {
		e++;
	}
	if (e >= end || (*e != '"' && *e != '\'')) {
		return;
	}
	q = *e++;
	for (n = 0; e + n < end && e[n] != q && n < 63; n++) {
		if (!isalnum((unsigned char)e[n]) && strchr("-_.:", e[n]) == NULL) {
			return;
		}
	}
	memcpy(out, e, n);
	out[n] = '\0';
}

/* True when name belongs to the Shift_JIS family. */
static bool
feed_decode_is_sjis(const char *name)
{
	return strcasecmp(name, "shift_jis") == 0 ||
	    strcasecmp(name, "shift-jis") == 0 || strcasecmp(name, "sjis") == 0 ||
	    strcasecmp(name, "x-sjis") == 0 || strcasecmp(name, "ms_kanji") == 0 ||
	    strcasecmp(name, "csshiftjis") == 0 || strcasecmp(name, "cp932") == 0 ||
	    strcasecmp(name, "windows-31j") == 0 || strcasecmp(name, "ms932") == 0;
}

/* Add name and the superset iconv should try when name fails. */
/* The name iconv knows for a label it does not (x-sjis, x-euc-jp, ...). */
static const char *
feed_decode_alias(const char *name)
{
	static const char *const	aliases[][2] = {
		{ "x-sjis", "SHIFT_JIS" }, { "x-euc-jp", "EUC-JP" },
		{ "euc_jp", "EUC-JP" }, { "x-euc", "EUC-JP" },
		{ "x-gbk", "GBK" }, { "ks_c_5601-1987", "CP949" },
		{ "x-mac-roman", "MACINTOSH" }, { "x-mac-japanese", "SHIFT_JIS" },
		{ "windows-874", "CP874" }, { "x-cp1252", "WINDOWS-1252" },
	};
	size_t				i;

	for (i = 0; i < sizeof aliases / sizeof aliases[0]; i++) {
		if (strcasecmp(name, aliases[i][0]) == 0) {
			return aliases[i][1];
		}
	}
	return name;
}

static void
feed_decode_plan_label(struct feed_decode_plan *plan, const char *label)
{
	const char	*name = feed_decode_alias(label);

	plan->label = label;
	if (feed_decode_is_sjis(name)) {
		feed_decode_plan_add(plan, name);
		feed_decode_plan_add(plan, "CP932");
	} else if (strcasecmp(name, "euc-jp") == 0 ||
	    strcasecmp(name, "x-euc-jp") == 0 || strcasecmp(name, "eucjp") == 0) {
		feed_decode_plan_add(plan, name);
		feed_decode_plan_add(plan, "EUC-JP-MS");
	} else if (strncasecmp(name, "iso-2022-jp", 11) == 0) {
		feed_decode_plan_add(plan, name);
		feed_decode_plan_add(plan, "ISO-2022-JP-2");
		feed_decode_plan_add(plan, "ISO-2022-JP-3");
	} else if (strcasecmp(name, "gb2312") == 0) {
		feed_decode_plan_add(plan, name);
		feed_decode_plan_add(plan, "GB18030");
	} else if (strcasecmp(name, "iso-8859-1") == 0 ||
	    strcasecmp(name, "latin1") == 0 || strcasecmp(name, "us-ascii") == 0) {
		feed_decode_plan_add(plan, name);
		feed_decode_plan_add(plan, "WINDOWS-1252");
	} else {
		feed_decode_plan_add(plan, name);
	}
	plan->label = NULL;
}

/* Work out which charsets to try, in order. */
static void
feed_decode_plan(struct feed_decode_plan *plan, const char *data, size_t len,
    const char *charset)
{
	const char	*sniffed;
	bool		 wide;

	memset(plan, 0, sizeof *plan);
	sniffed = feed_decode_sniff((const unsigned char *)data, len, &plan->skip);
	wide = sniffed != NULL && strncmp(sniffed, "UTF-8", 5) != 0;
	if (!wide) {
		feed_decode_declared(data + plan->skip, len - plan->skip,
		    plan->declared);
	}
	if (charset != NULL) {
		snprintf(plan->http, sizeof plan->http, "%s", charset);
	}
	if (plan->skip > 0) {
		feed_decode_plan_add(plan, sniffed);
	}
	if (plan->http[0] != '\0' && !(wide && plan->skip == 0 &&
	    strncasecmp(plan->http, "utf-16", 6) != 0 &&
	    strncasecmp(plan->http, "utf-32", 6) != 0)) {
		feed_decode_plan_label(plan, plan->http);
	}
	if (plan->declared[0] != '\0' && !(strncasecmp(plan->declared,
	    "utf-16", 6) == 0 && !wide)) {
		feed_decode_plan_label(plan, plan->declared);
	}
	plan->expected = plan->count > 0 ? plan->family[0] : NULL;
	feed_decode_plan_add(plan, sniffed);
	feed_decode_plan_add(plan, "UTF-8");
	if (memchr(data, 0x1b, len) != NULL) {
		feed_decode_plan_guess(plan, "ISO-2022-JP");
	}
	feed_decode_plan_guess(plan, "EUC-JP");
	feed_decode_plan_guess(plan, "CP932");
	feed_decode_plan_add(plan, "WINDOWS-1252");
}

/* Convert with iconv.  strict: fail on the first bad byte; otherwise
 * replace bad bytes with U+FFFD.  Returns false when cd cannot be opened
 * or (strict) the input is not valid in that charset. */
static bool
feed_decode_iconv(const char *from, const char *in, size_t len, bool strict,
    struct buf *out)
{
	iconv_t		 cd;
	char		 chunk[8192], *ip = (char *)(uintptr_t)in, *op;
	size_t		 il = len, ol, r;
	bool		 good = true;

	cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1) {
		return false;
	}
	while (il > 0) {
		op = chunk;
		ol = sizeof chunk;
		r = iconv(cd, &ip, &il, &op, &ol);
		buf_add(out, chunk, sizeof chunk - ol);
		if (r != (size_t)-1 || errno == E2BIG) {
			continue;
		}
		good = false;
		if (strict) {
			break;
		}
		buf_add(out, "\xef\xbf\xbd", 3);
		ip++;
		il--;
	}
	op = chunk;
	ol = sizeof chunk;
	iconv(cd, NULL, NULL, &op, &ol);
	buf_add(out, chunk, sizeof chunk - ol);
	iconv_close(cd);
	return good;
}

/* Decode with one charset: strictly, or leniently as the last resort. */
static bool
feed_decode_with(const char *name, const char *in, size_t len, bool strict,
    struct buf *out)
{
	char	*fixed;

	buf_reset(out);
	if (strcasecmp(name, "utf-8") == 0 || strcasecmp(name, "utf8") == 0) {
		if (utf8_valid(in, len)) {
			buf_add(out, in, len);
			return true;
		}
		if (strict) {
			return false;
		}
		fixed = utf8_repair(in, len);
		buf_puts(out, fixed);
		free(fixed);
		return false;
	}
	return feed_decode_iconv(name, in, len, strict, out);
}

/* Note the first problem. */
static void
feed_decode_problem(struct feed_decoded *d, char *message)
{
	d->bozo = true;
	if (d->message == NULL) {
		d->message = message;
	} else {
		free(message);
	}
}

/* True when the UTF-8 text holds hiragana or katakana, which any real
 * Japanese text does: the test for a guessed Japanese charset. */
static bool
feed_decode_has_kana(const struct buf *text)
{
	const unsigned char	*p = (const unsigned char *)text->data;
	size_t			 i;

	for (i = 0; i + 2 < text->len; i++) {
		if (p[i] == 0xe3 && (p[i + 1] == 0x81 || p[i + 1] == 0x82 ||
		    p[i + 1] == 0x83)) {
			return true;
		}
	}
	return false;
}

/* True for the multi-byte East Asian charsets, in which real text is
 * (practically) never also valid UTF-8. */
static bool
feed_decode_is_cjk(const char *name)
{
	static const char *const	cjk[] = { "euc-jp", "eucjp", "x-euc-jp",
		"gb2312", "gbk", "gb18030", "x-gbk", "big5", "big5-hkscs",
		"euc-kr", "cp949", "ks_c_5601-1987", "cp936", "cp950",
	};
	size_t				i;

	if (feed_decode_is_sjis(name)) {
		return true;
	}
	for (i = 0; i < sizeof cjk / sizeof cjk[0]; i++) {
		if (strcasecmp(name, cjk[i]) == 0) {
			return true;
		}
	}
	return false;
}

/* True when the bytes are valid UTF-8 with at least one non-ASCII
 * character: then a legacy CJK label is wrong. */
static bool
feed_decode_looks_utf8(const char *data, size_t len)
{
	size_t	i;

	for (i = 0; i < len && (unsigned char)data[i] < 0x80; i++) {
		continue;
	}
	return i < len && utf8_valid(data, len);
}

/* Index of the first candidate that decodes the bytes cleanly, or
 * plan->count; unknown labels are reported on d. */
static size_t
feed_decode_try(struct feed_decode_plan *plan, const char *data, size_t len,
    struct feed_decoded *d, struct buf *text)
{
	size_t	i;
	iconv_t	cd;

	for (i = 0; i < plan->count; i++) {
		if (feed_decode_with(plan->names[i], data, len, true, text) &&
		    (!plan->guess[i] || feed_decode_has_kana(text))) {
			return i;
		}
		if (plan->family[i] != NULL && (i == 0 ||
		    plan->family[i - 1] != plan->family[i]) &&
		    strcasecmp(plan->names[i], "utf-8") != 0) {
			cd = iconv_open("UTF-8", plan->names[i]);
			if (cd == (iconv_t)-1) {
				feed_decode_problem(d, xasprintf(
				    _("unknown character set '%s'"),
				    plan->names[i]));
				continue;
			}
			iconv_close(cd);
		}
	}
	return plan->count;
}

/* Decode the raw bytes into text (not yet entity-fixed). */
static void
feed_decode_bytes(const char *data, size_t len, const char *charset,
    struct feed_decoded *d, struct buf *text)
{
	struct feed_decode_plan	 plan;
	size_t			 i;

	feed_decode_plan(&plan, data, len, charset);
	data += plan.skip;
	len -= plan.skip;
	if (plan.expected != NULL && feed_decode_is_cjk(plan.expected) &&
	    feed_decode_looks_utf8(data, len)) {
		buf_reset(text);
		buf_add(text, data, len);
		feed_decode_problem(d, xasprintf(_("document declared as '%s' "
		    "but decoded as '%s'"), plan.expected, "UTF-8"));
		d->encoding = xstrdup("UTF-8");
		return;
	}
	i = feed_decode_try(&plan, data, len, d, text);
	if (i == plan.count) {
		for (i = 0; i < plan.count && plan.guess[i]; i++) {
			continue;
		}
		i = i < plan.count ? i : 0;
		feed_decode_with(plan.names[i], data, len, false, text);
		feed_decode_problem(d, xasprintf(_("invalid byte sequence for "
		    "character set '%s'"), plan.names[i]));
	} else if (plan.expected != NULL && plan.family[i] != plan.expected) {
		feed_decode_problem(d, xasprintf(_("document declared as '%s' "
		    "but decoded as '%s'"), plan.expected, plan.names[i]));
	} else if (plan.expected == NULL && plan.skip == 0 && i > 0 &&
	    strcasecmp(plan.names[i], "utf-8") != 0) {
		feed_decode_problem(d, xasprintf(_("no character set declared; "
		    "guessed '%s'"), plan.names[i]));
	}
	d->encoding = xstrdup(plan.names[i]);
}

/* Remember the names of <!ENTITY name ...> declarations in [start, end). */
static void
feed_decode_collect(const char *s, size_t len, struct feed_decode_names *dn)
{
	const char	*p = s, *end = s + len, *name;

	while (p < end && (p = memmem(p, (size_t)(end - p), "<!ENTITY", 8))
	    != NULL) {
		p += 8;
		while (p < end && isspace((unsigned char)*p)) {
			p++;
		}
		if (p >= end || *p == '%') {
			continue;
		}
		name = p;
		while (p < end && !isspace((unsigned char)*p)) {
			p++;
		}
		if (dn->count < FEED_DECODE_MAX_DECLARED && p > name) {
			dn->names[dn->count++] = xstrndup(name,
			    (size_t)(p - name));
		}
	}
}

/* Length of a construct starting at s that must be copied untouched:
 * comment, CDATA section, processing instruction or DOCTYPE; 0 if none. */
static size_t
feed_decode_opaque(const char *s, size_t len, struct feed_decode_names *dn)
{
	const char	*e, *close;
	size_t		 i;

	if (len >= 4 && memcmp(s, "<!--", 4) == 0) {
		e = memmem(s + 4, len - 4, "-->", 3);
		return e != NULL ? (size_t)(e - s) + 3 : len;
	}
	if (len >= 9 && memcmp(s, "<![CDATA[", 9) == 0) {
		e = memmem(s + 9, len - 9, "]]>", 3);
		return e != NULL ? (size_t)(e - s) + 3 : len;
	}
	if (len >= 2 && memcmp(s, "<?", 2) == 0) {
		e = memmem(s + 2, len - 2, "?>", 2);
		return e != NULL ? (size_t)(e - s) + 2 : len;
	}
	if (len < 9 || memcmp(s, "<!DOCTYPE", 9) != 0) {
		return 0;
	}
	for (i = 9; i < len && s[i] != '>' && s[i] != '['; i++) {
		continue;
	}
	if (i < len && s[i] == '[') {
		close = memmem(s + i, len - i, "]>", 2);
		e = close != NULL ? close : s + len;
		feed_decode_collect(s + i, (size_t)(e - s) - i, dn);
		i = close != NULL ? (size_t)(close - s) + 1 : len;
		while (i < len && s[i] != '>') {
			i++;
		}
	}
	return i < len ? i + 1 : len;
}

/* True when cp may appear in an XML document. */
static bool
feed_decode_xml_char(unsigned long cp)
{
	return cp == 0x9 || cp == 0xA || cp == 0xD ||
	    (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
	    (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* Windows-1252's meaning of the C1 range, as browsers read &#128;-&#159;. */
unsigned long
feed_decode_c1(unsigned long cp)
{
	static const unsigned short	cp1252[32] = {
		0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
		0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
	};

	return cp >= 0x80 && cp <= 0x9F ? cp1252[cp - 0x80] : cp;
}

/* Handle a numeric character reference "&#...;" at s; returns bytes used
 * or 0 when it is not one. */
static size_t
feed_decode_charref(const char *s, size_t len, struct buf *out)
{
	size_t		 i = 2;
	unsigned long	 cp = 0;
	int		 base = 10;

	if (len < 4 || s[1] != '#') {
		return 0;
	}
	if (s[2] == 'x' || s[2] == 'X') {
		base = 16;
		i = 3;
	}
	if (i >= len || !isxdigit((unsigned char)s[i])) {
		return 0;
	}
	while (i < len && i < 12 && (base == 16 ?
	    isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i]))) {
		cp = cp * (unsigned long)base + (unsigned long)(isdigit(
		    (unsigned char)s[i]) ? s[i] - '0' :
		    (tolower((unsigned char)s[i]) - 'a' + 10));
		i++;
	}
	if (i >= len || s[i] != ';') {
		return 0;
	}
	cp = feed_decode_c1(cp);
	if (feed_decode_xml_char(cp)) {
		buf_printf(out, "&#%lu;", cp);
	} else {
		buf_add(out, "\xef\xbf\xbd", 3);
	}
	return i + 1;
}

/* Handle "&name;" at s: keep XML's and declared entities, turn HTML ones
 * into character references; returns bytes used or 0 when it is not one. */
static size_t
feed_decode_entity(const char *s, size_t len, struct feed_decode_names *dn,
    struct buf *out)
{
	static const char *const	 predefined[] = {
		"amp", "lt", "gt", "quot", "apos",
	};
	const htmlEntityDesc		*ent;
	char				 name[40];
	size_t				 i = 1, n;

	while (i < len && i < sizeof name && (isalnum((unsigned char)s[i]) ||
	    s[i] == '_' || s[i] == '.' || s[i] == '-' || s[i] == ':')) {
		i++;
	}
	if (i == 1 || i >= len || s[i] != ';' || i >= sizeof name ||
	    !(isalpha((unsigned char)s[1]) || s[1] == '_')) {
		return 0;
	}
	n = i - 1;
	memcpy(name, s + 1, n);
	name[n] = '\0';
	for (i = 0; i < 5; i++) {
		if (strcmp(name, predefined[i]) == 0) {
			buf_add(out, s, n + 2);
			return n + 2;
		}
	}
	for (i = 0; i < dn->count; i++) {
		if (strcmp(name, dn->names[i]) == 0) {
			buf_add(out, s, n + 2);
			return n + 2;
		}
	}
	ent = htmlEntityLookup((const xmlChar *)name);
	if (ent == NULL) {
		return 0;
	}
	buf_printf(out, "&#%u;", ent->value);
	return n + 2;
}

/* True when the text after a '<' can start markup (a name, '/', '!' or
 * '?'); a '<' before anything else is a stray one, as in "x < y". */
static bool
feed_decode_starts_markup(const char *s, size_t len)
{
	unsigned char	c;

	if (len == 0) {
		return true;
	}
	c = (unsigned char)s[0];
	return isalpha(c) || c == '_' || c == ':' || c == '/' || c == '!' ||
	    c == '?' || c >= 0x80;
}

/* Length of the run at s that needs no fixing: no markup, references,
 * control characters, C1 controls or U+FFFE/U+FFFF. */
static size_t
feed_decode_plain(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if (p[i] == '<' || p[i] == '&' || (p[i] < 0x20 && p[i] != '\t' &&
		    p[i] != '\n' && p[i] != '\r')) {
			break;
		}
		if (p[i] == 0xef && i + 2 < len && p[i + 1] == 0xbf &&
		    p[i + 2] >= 0xbe) {
			break;
		}
		if (p[i] == 0xc2 && i + 1 < len && p[i + 1] < 0xa0) {
			break;
		}
	}
	return i;
}

/* Copy text to out, fixing what libxml2 would choke on.  Returns true when
 * something had to be fixed. */
static bool
feed_decode_fix(const char *s, size_t len, struct buf *out)
{
	struct feed_decode_names	 dn;
	size_t				 i = 0, run, n;
	bool				 fixed = false;
	unsigned char			 c;

	memset(&dn, 0, sizeof dn);
	buf_reserve(out, len + len / 16 + 64);
	while (i < len) {
		run = feed_decode_plain(s + i, len - i);
		buf_add(out, s + i, run);
		i += run;
		if (i >= len) {
			break;
		}
		c = (unsigned char)s[i];
		if (c == '<' && !feed_decode_starts_markup(s + i + 1, len - i - 1)) {
			buf_puts(out, "&lt;");
			fixed = true;
			n = 1;
		} else if (c == '<') {
			n = feed_decode_opaque(s + i, len - i, &dn);
			n = n > 0 ? n : 1;
			buf_add(out, s + i, n);
		} else if (c == '&') {
			n = feed_decode_charref(s + i, len - i, out);
			if (n == 0 && (i + 1 >= len || s[i + 1] != '#')) {
				n = feed_decode_entity(s + i, len - i, &dn, out);
			}
			if (n == 0) {
				buf_puts(out, "&amp;");
				fixed = true;
				n = 1;
			}
		} else if (c == 0xc2) {
			buf_printf(out, "&#%lu;", feed_decode_c1(
			    (unsigned char)s[i + 1]));
			n = 2;
		} else {
			n = c == 0xef ? 3 : 1;
			fixed = true;
		}
		i += n;
	}
	for (i = 0; i < dn.count; i++) {
		free(dn.names[i]);
	}
	return fixed;
}

/* Decode len bytes of data; see feed-int.h. */
void
feed_decode(const char *data, size_t len, const char *charset,
    struct feed_decoded *d)
{
	struct buf	text = BUF_INIT, fixed = BUF_INIT;

	memset(d, 0, sizeof *d);
	feed_decode_bytes(data, len, charset, d, &text);
	if (feed_decode_fix(text.data != NULL ? text.data : "", text.len,
	    &fixed)) {
		feed_decode_problem(d, xstrdup(_("stray '&' or '<', undefined entity "
		    "or control character repaired")));
	}
	buf_free(&text);
	d->len = fixed.len;
	d->data = fixed.data != NULL ? buf_detach(&fixed) : xstrdup("");
}

/* Free what feed_decode() filled in. */
void
feed_decode_free(struct feed_decoded *d)
{
	free(d->data);
	free(d->encoding);
	free(d->message);
	memset(d, 0, sizeof *d);
}
