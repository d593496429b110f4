/* utf8: decoding, validation and repair of UTF-8 text; grapheme clusters,
 * column widths, sanitizing and fitting to a width. */
#include "config.h"
#include "utf8.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "buf.h"

/*
 * Decode one code point from s (len > 0 bytes available).  Returns the number
 * of bytes consumed (at least 1) and stores the code point, or UTF8_INVALID for
 * a malformed, overlong, surrogate or out-of-range sequence (one byte consumed).
 */
size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char	*s = (const unsigned char *)str;
	uint32_t		 c, min;
	size_t			 n, i;

	if (len == 0) {
		*cp = UTF8_INVALID;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xe0) == 0xc0) {
		n = 2, c &= 0x1f, min = 0x80;
	} else if ((c & 0xf0) == 0xe0) {
		n = 3, c &= 0x0f, min = 0x800;
	} else if ((c & 0xf8) == 0xf0) {
		n = 4, c &= 0x07, min = 0x10000;
	} else {
		*cp = UTF8_INVALID;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_INVALID;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xc0) != 0x80) {
			*cp = UTF8_INVALID;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff)) {
		*cp = UTF8_INVALID;
		return 1;
	}
	*cp = c;
	return n;
}

/* Encode cp into out; returns the byte count (invalid input encodes U+FFFD). */
size_t
utf8_encode(uint32_t cp, char out[4])
{
	unsigned char	*o = (unsigned char *)out;

	if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
		cp = UTF8_REPLACEMENT;
	}
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xc0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xe0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
		o[2] = (unsigned char)(0x80 | (cp & 0x3f));
		return 3;
	}
	o[0] = (unsigned char)(0xf0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3f));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3f));
	o[3] = (unsigned char)(0x80 | (cp & 0x3f));
	return 4;
}

bool
utf8_valid(const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	cp;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			return false;
		}
	}
	return true;
}

/* A NUL-free, valid UTF-8 copy of s: bad bytes become U+FFFD, NULs are dropped.
 * The caller frees the result. */
char *
utf8_repair(const char *s, size_t len)
{
	struct buf	b = BUF_INIT;
	size_t		i = 0, n;
	uint32_t	cp;
	char		enc[4];

	buf_reserve(&b, len);
	buf_add(&b, "", 0);	/* buf_reserve() leaves no NUL */
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		} else if (cp != 0) {
			buf_add(&b, s + i, n);
		}
		i += n;
	}
	return buf_detach(&b);
}

/* ---- grapheme clusters and widths ---- */

static int	utf8_amb_width = 1;

/* Set the process-wide width of East Asian Ambiguous characters (1 or 2). */
void
utf8_set_ambiguous_width(int w)
{
	utf8_amb_width = w == 2 ? 2 : 1;
}

int
utf8_ambiguous_width(void)
{
	return utf8_amb_width;
}

/* Columns of one code point, following glibc's wcwidth() rules. */
int
utf8_cp_width(uint32_t cp, int ambiguous)
{
	int	t, ea;

	if (cp >= 0x20 && cp < 0x7f) {
		return 1;
	}
	if (cp < 0xa0 || cp == UTF8_INVALID) {
		return cp == UTF8_INVALID ? 1 : 0;
	}
	if (cp == 0xad) {
		return 1;
	}
	if ((cp >= 0x1160 && cp <= 0x11ff) || (cp >= 0xd7b0 && cp <= 0xd7ff) ||
	    cp == 0x200b) {
		return 0;
	}
	t = u_charType((UChar32)cp);
	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
	    t == U_FORMAT_CHAR || t == U_CONTROL_CHAR) {
		return 0;
	}
	ea = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH) {
		return 2;
	}
	if (ea == U_EA_AMBIGUOUS) {
		return ambiguous == 2 ? 2 : 1;
	}
	return 1;
}

/* The Grapheme_Cluster_Break value of cp; invalid bytes count as controls. */
static int
utf8_gcb(uint32_t cp)
{
	if (cp == UTF8_INVALID) {
		return U_GCB_CONTROL;
	}
	if (cp >= 0x20 && cp < 0x7f) {
		return U_GCB_OTHER;
	}
	return u_getIntPropertyValue((UChar32)cp, UCHAR_GRAPHEME_CLUSTER_BREAK);
}

static bool
utf8_is_pict(uint32_t cp)
{
	return cp >= 0xa9 && cp != UTF8_INVALID &&
	    u_hasBinaryProperty((UChar32)cp, UCHAR_EXTENDED_PICTOGRAPHIC);
}

/* Whether UAX #29 (rules GB3 to GB13) forbids a break between a code point
 * of class prev and one of class next; *ri counts regional indicators in a
 * row and *emoji tracks "ExtPict Extend* ZWJ" for GB11. */
static bool
utf8_gcb_joins(int prev, int next, uint32_t cp, int *ri, int *emoji)
{
	if (prev == U_GCB_CR && next == U_GCB_LF) {
		return true;
	}
	if (prev == U_GCB_CONTROL || prev == U_GCB_CR || prev == U_GCB_LF ||
	    next == U_GCB_CONTROL || next == U_GCB_CR || next == U_GCB_LF) {
		return false;
	}
	if (prev == U_GCB_L && (next == U_GCB_L || next == U_GCB_V ||
	    next == U_GCB_LV || next == U_GCB_LVT)) {
		return true;
	}
	if ((prev == U_GCB_LV || prev == U_GCB_V) &&
	    (next == U_GCB_V || next == U_GCB_T)) {
		return true;
	}
	if ((prev == U_GCB_LVT || prev == U_GCB_T) && next == U_GCB_T) {
		return true;
	}
	if (next == U_GCB_EXTEND || next == U_GCB_ZWJ ||
	    next == U_GCB_SPACING_MARK || prev == U_GCB_PREPEND) {
		return true;
	}
	if (prev == U_GCB_ZWJ && *emoji == 2 && utf8_is_pict(cp)) {
		return true;
	}
	if (prev == U_GCB_REGIONAL_INDICATOR &&
	    next == U_GCB_REGIONAL_INDICATOR && *ri % 2 == 1) {
		return true;
	}
	return false;
}

/* Advance the GB11 state: 1 after ExtPict Extend*, 2 after its ZWJ. */
static int
utf8_emoji_state(int state, int gcb, uint32_t cp)
{
	if (utf8_is_pict(cp)) {
		return 1;
	}
	if (state == 1 && gcb == U_GCB_EXTEND) {
		return 1;
	}
	if (state == 1 && gcb == U_GCB_ZWJ) {
		return 2;
	}
	return 0;
}

/* Byte length of the grapheme cluster at the start of s. */
size_t
utf8_cluster_next(const char *s, size_t len)
{
	size_t		i, n;
	uint32_t	cp;
	int		prev, next, ri, emoji;

	if (len == 0) {
		return 0;
	}
	i = utf8_decode(s, len, &cp);
	if (cp < 0x7f && cp >= 0x20 && (i == len || (unsigned char)s[i] < 0x7f)) {
		return 1;	/* ASCII followed by ASCII: the common case */
	}
	prev = utf8_gcb(cp);
	ri = prev == U_GCB_REGIONAL_INDICATOR;
	emoji = utf8_emoji_state(0, prev, cp);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		next = utf8_gcb(cp);
		if (!utf8_gcb_joins(prev, next, cp, &ri, &emoji)) {
			break;
		}
		ri = next == U_GCB_REGIONAL_INDICATOR ? ri + 1 : 0;
		emoji = utf8_emoji_state(emoji, next, cp);
		prev = next;
		i += n;
	}
	return i;
}

/* Whether the cluster is drawn as one emoji glyph two columns wide. */
static bool
utf8_cluster_emoji(const char *s, size_t len, uint32_t base)
{
	size_t		i, n;
	uint32_t	cp;
	int		ri = 0;

	if (base < 0xa9 && base != '#' && base != '*' &&
	    !(base >= '0' && base <= '9')) {
		return false;
	}
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp >= 0x1f1e6 && cp <= 0x1f1ff && ++ri == 2) {
			return true;
		}
		if (i == 0) {
			continue;
		}
		if (cp == 0xfe0f && u_hasBinaryProperty((UChar32)base, UCHAR_EMOJI)) {
			return true;
		}
		if (cp == 0x200d && utf8_is_pict(base)) {
			return true;
		}
		if (u_hasBinaryProperty((UChar32)cp, UCHAR_EMOJI_MODIFIER) &&
		    u_hasBinaryProperty((UChar32)base, UCHAR_EMOJI_MODIFIER_BASE)) {
			return true;
		}
	}
	return false;
}

/* Columns the cluster s[0..len) takes. */
int
utf8_cluster_width(const char *s, size_t len, int ambiguous)
{
	size_t		i, n;
	uint32_t	cp, base;
	int		w = 0;

	if (len == 0) {
		return 0;
	}
	n = utf8_decode(s, len, &base);
	if (n == len) {
		return utf8_cp_width(base, ambiguous);
	}
	if (utf8_cluster_emoji(s, len, base)) {
		return 2;
	}
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		w += utf8_cp_width(cp, ambiguous);
	}
	return w;
}

int
utf8_width_amb(const char *s, size_t len, int ambiguous)
{
	size_t	i = 0, n;
	int	w = 0;

	while (i < len) {
		n = utf8_cluster_next(s + i, len - i);
		w += utf8_cluster_width(s + i, n, ambiguous);
		i += n;
	}
	return w;
}

int
utf8_width(const char *s, size_t len)
{
	return utf8_width_amb(s, len, utf8_amb_width);
}

/* Whether cp is CJK for white-space collapsing (East Asian Wide, Fullwidth
 * or Halfwidth, not Hangul): a source newline between two of these makes no
 * space (CSS Text 3 segment breaks). */
bool
utf8_is_cjk(uint32_t cp)
{
	int		ea;
	UErrorCode	err = U_ZERO_ERROR;

	if (cp < 0x1100 || cp == UTF8_INVALID) {
		return false;
	}
	ea = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
	if (ea != U_EA_WIDE && ea != U_EA_FULLWIDTH && ea != U_EA_HALFWIDTH) {
		return false;
	}
	return uscript_getScript((UChar32)cp, &err) != USCRIPT_HANGUL;
}

/* ---- sanitizing ---- */

/* Characters that end an escape sequence early in markup mode. */
static bool
utf8_is_markup(unsigned char ch)
{
	return ch == '<' || ch == '>' || ch == '"' || ch == '\'' || ch == '&';
}

/* Index just past the ST (ESC \, C1 ST) or BEL ending a control string that
 * starts at s[i]; len when it never ends. */
static size_t
utf8_skip_string(const unsigned char *s, size_t len, size_t i, unsigned allow)
{
	for (; i < len; i++) {
		if ((allow & UTF8_MARKUP) && utf8_is_markup(s[i])) {
			return i;
		}
		if (s[i] == 0x07 || s[i] == 0x9c) {
			return i + 1;
		}
		if (s[i] == 0x1b && i + 1 < len && s[i + 1] == '\\') {
			return i + 2;
		}
		if (s[i] == 0xc2 && i + 1 < len && s[i + 1] == 0x9c) {
			return i + 2;
		}
	}
	return len;
}

/* Index just past a CSI's parameters, intermediates and final byte. */
static size_t
utf8_skip_csi(const unsigned char *s, size_t len, size_t i, unsigned allow)
{
	while (i < len && s[i] >= 0x20 && s[i] <= 0x3f &&
	    !((allow & UTF8_MARKUP) && utf8_is_markup(s[i]))) {
		i++;
	}
	while (i < len && s[i] >= 0x20 && s[i] <= 0x2f) {
		i++;
	}
	if (i < len && s[i] >= 0x40 && s[i] <= 0x7e) {
		i++;
	}
	return i;
}

/* Index just past the escape sequence whose ESC is at s[i - 1]. */
static size_t
utf8_skip_escape(const unsigned char *s, size_t len, size_t i, unsigned allow)
{
	size_t	j;

	if (i >= len) {
		return i;
	}
	switch (s[i]) {
	case '[':
		return utf8_skip_csi(s, len, i + 1, allow);
	case ']':
	case 'P':
	case '_':
	case '^':
	case 'X':
		return utf8_skip_string(s, len, i + 1, allow);
	default:
		break;
	}
	for (j = i; j < len && s[j] >= 0x20 && s[j] <= 0x2f; j++) {
		continue;
	}
	if (j < len && s[j] >= 0x30 && s[j] <= 0x7e) {
		return j + 1;
	}
	return i;
}

/* Index past the C1 control cp (encoded in n bytes at s[i]), with the string
 * or parameters it introduces. */
static size_t
utf8_skip_c1(const unsigned char *s, size_t len, size_t i, size_t n,
    uint32_t cp, unsigned allow)
{
	switch (cp) {
	case 0x9b:
		return utf8_skip_csi(s, len, i + n, allow);
	case 0x90:
	case 0x98:
	case 0x9d:
	case 0x9e:
	case 0x9f:
		return utf8_skip_string(s, len, i + n, allow);
	default:
		return i + n;
	}
}

static bool
utf8_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Handle a C0 control at s[i]: append what stays; returns the next index. */
static size_t
utf8_sanitize_c0(struct buf *b, const unsigned char *s, size_t len, size_t i,
    unsigned allow)
{
	if (s[i] == 0x1b) {
		return utf8_skip_escape(s, len, i + 1, allow);
	}
	if (s[i] == '\n' && (allow & UTF8_ALLOW_NEWLINE)) {
		buf_putc(b, '\n');
	} else if (s[i] == '\r' && (allow & UTF8_ALLOW_NEWLINE)) {
		if (i + 1 < len && s[i + 1] == '\n') {
			i++;
		}
		buf_putc(b, '\n');
	} else if (s[i] == '\t' && (allow & UTF8_ALLOW_TAB)) {
		buf_putc(b, '\t');
	} else if (s[i] == '\n' || s[i] == '\t') {
		buf_putc(b, ' ');
	} else if (s[i] == '\r') {
		if (i + 1 < len && s[i + 1] == '\n') {
			i++;
		}
		buf_putc(b, ' ');
	}
	return i + 1;
}

/* A terminal-safe copy of s (see utf8.h); the caller frees it. */
char *
utf8_sanitize(const char *str, size_t len, unsigned allow)
{
	const unsigned char	*s = (const unsigned char *)str;
	struct buf		 b = BUF_INIT;
	size_t			 i = 0, n;
	uint32_t		 cp;
	char			 enc[4];

	buf_reserve(&b, len);
	buf_add(&b, "", 0);	/* buf_reserve() leaves no NUL */
	while (i < len) {
		if (s[i] < 0x20) {
			i = utf8_sanitize_c0(&b, s, len, i, allow);
			continue;
		}
		n = utf8_decode(str + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		} else if (cp >= 0x80 && cp <= 0x9f) {
			i = utf8_skip_c1(s, len, i, n, cp, allow);
			continue;
		} else if (cp == 0x2028 || cp == 0x2029) {
			buf_putc(&b, (allow & UTF8_ALLOW_NEWLINE) ? '\n' : ' ');
		} else if (cp != 0x7f && cp != 0xfeff && !utf8_is_bidi_control(cp)) {
			buf_add(&b, str + i, n);
		}
		i += n;
	}
	return buf_detach(&b);
}

/* ---- fitting to a width ---- */

/* Byte length of the longest prefix of s no wider than width columns. */
size_t
utf8_prefix(const char *s, size_t len, int width, int ambiguous, int *used)
{
	size_t	i = 0, n;
	int	w = 0, cw;

	while (i < len) {
		n = utf8_cluster_next(s + i, len - i);
		cw = utf8_cluster_width(s + i, n, ambiguous);
		if (w + cw > width) {
			break;
		}
		w += cw;
		i += n;
	}
	if (used != NULL) {
		*used = w;
	}
	return i;
}

/* Append s[0..len) to b with newlines and tabs turned into spaces. */
static void
utf8_add_flat(struct buf *b, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		buf_putc(b, s[i] == '\n' || s[i] == '\t' || s[i] == '\r' ?
		    ' ' : s[i]);
	}
}

/* Width of s with newlines and tabs counted as one column each. */
static int
utf8_flat_width(const char *s, size_t len, int ambiguous)
{
	size_t	i;
	int	w;

	w = utf8_width_amb(s, len, ambiguous);
	for (i = 0; i < len; i++) {
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
			w++;
		}
	}
	return w;
}

/* s cut or padded to exactly width columns (see utf8.h); caller frees. */
char *
utf8_fit_amb(const char *s, size_t len, int width, int ambiguous)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, n, cut = 0;
	int		 w = 0, cw, ell;

	if (width < 0) {
		width = 0;
	}
	ell = utf8_cp_width(0x2026, ambiguous);
	if (utf8_flat_width(s, len, ambiguous) <= width) {
		utf8_add_flat(&b, s, len);
		w = utf8_flat_width(s, len, ambiguous);
	} else {
		for (i = 0; i < len; i += n) {
			n = utf8_cluster_next(s + i, len - i);
			cw = utf8_flat_width(s + i, n, ambiguous);
			if (w + cw + ell > width) {
				break;
			}
			w += cw;
			cut = i + n;
		}
		utf8_add_flat(&b, s, cut);
		if (w + ell <= width) {
			buf_puts(&b, "\xe2\x80\xa6");
			w += ell;
		}
	}
	for (; w < width; w++) {
		buf_putc(&b, ' ');
	}
	return buf_detach(&b);
}

char *
utf8_fit(const char *s, size_t len, int width)
{
	return utf8_fit_amb(s, len, width, utf8_amb_width);
}
