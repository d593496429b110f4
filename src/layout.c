/* layout: blocks of styled text laid out at a width as terminal lines. */
#include "config.h"
#include "layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

#define LAYOUT_TAB	8
/* How far an emergency break backs off to avoid a kinsoku violation. */
#define LAYOUT_BACKOFF	8

/* One grapheme cluster of a segment being wrapped. */
struct layout_cluster {
	size_t	pos;
	int	width;
	bool	space;
	bool	brk;	/* a line may start here */
	bool	soft;	/* a break kept for when no other fits */
};

/* The state of one layout: options, the ICU iterator and the output. */
struct layout_ctx {
	struct layout	*out;
	int		 width;
	int		 amb;
	UBreakIterator	*bi;
	struct buf	 line;		/* the line being built */
	struct buf	 style;		/* its style, one byte per byte */
	int		 col;
};

/* The prefix of a block's lines: quote bars, indentation, marker. */
struct layout_prefix {
	struct buf	first;
	struct buf	first_style;
	struct buf	rest;
	struct buf	rest_style;
	int		first_width;
	int		rest_width;
	char		*marker_alone;	/* a marker too wide for its line */
};

/* ---- output lines ---- */

static void
layout_put(struct layout_ctx *c, const char *s, size_t len, unsigned style)
{
	size_t	i;

	buf_add(&c->line, s, len);
	for (i = 0; i < len; i++) {
		buf_putc(&c->style, (char)style);
	}
}

/* Room for element n of an array grown only by this function (capacity:
 * the next power of two). */
static void *
layout_grow(void *array, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0) {
		return xreallocarray(array, n == 0 ? 1 : 2 * n, size);
	}
	return array;
}

/* Finish the line being built into the output. */
static void
layout_emit(struct layout_ctx *c)
{
	struct layout_line	*l;
	size_t			 i, start;

	c->out->lines = layout_grow(c->out->lines, c->out->nlines,
	    sizeof *c->out->lines);
	l = &c->out->lines[c->out->nlines++];
	memset(l, 0, sizeof *l);
	l->len = c->line.len;
	l->text = c->line.len > 0 ? buf_detach(&c->line) : xstrdup("");
	l->width = utf8_width_amb(l->text, l->len, c->amb);
	for (start = 0, i = 1; i <= l->len; i++) {
		if (i < l->len && c->style.data[i] == c->style.data[start]) {
			continue;
		}
		l->runs = layout_grow(l->runs, l->nruns, sizeof *l->runs);
		l->runs[l->nruns].start = start;
		l->runs[l->nruns].len = i - start;
		l->runs[l->nruns].style = (unsigned char)c->style.data[start];
		l->nruns++;
		start = i;
	}
	buf_reset(&c->line);
	buf_reset(&c->style);
}

void
layout_free(struct layout *l)
{
	size_t	i;

	if (l == NULL) {
		return;
	}
	for (i = 0; i < l->nlines; i++) {
		free(l->lines[i].text);
		free(l->lines[i].runs);
	}
	free(l->lines);
	free(l);
}

/* ---- break opportunities ---- */

/* Convert s to UTF-16 for ICU; map[k] is the byte offset of unit k. */
static UChar *
layout_utf16(const char *s, size_t len, size_t **map, int32_t *n16)
{
	UChar		*u;
	size_t		 i, n, k = 0;
	uint32_t	 cp;

	u = xreallocarray(NULL, 2 * len + 1, sizeof *u);
	*map = xreallocarray(NULL, 2 * len + 1, sizeof **map);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			cp = UTF8_REPLACEMENT;
		}
		(*map)[k] = i;
		if (cp >= 0x10000) {
			u[k++] = (UChar)(0xd800 + ((cp - 0x10000) >> 10));
			(*map)[k] = i;
			u[k++] = (UChar)(0xdc00 + ((cp - 0x10000) & 0x3ff));
		} else {
			u[k++] = (UChar)cp;
		}
	}
	(*map)[k] = len;
	*n16 = (int32_t)k;
	return u;
}

/* Mark in brk the break opportunities ICU finds in s. */
static bool
layout_icu_breaks(UBreakIterator *bi, const char *s, size_t len, bool *brk)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UChar		*u;
	size_t		*map;
	int32_t		 n16, pos;

	u = layout_utf16(s, len, &map, &n16);
	ubrk_setText(bi, u, n16, &err);
	if (U_FAILURE(err)) {
		free(u);
		free(map);
		return false;
	}
	for (pos = ubrk_first(bi); pos != UBRK_DONE; pos = ubrk_next(bi)) {
		if (pos > 0 && pos < n16) {
			brk[map[pos]] = true;
		}
	}
	ubrk_setText(bi, NULL, 0, &err);
	free(u);
	free(map);
	return true;
}

static bool
layout_url_char(unsigned char ch)
{
	return ch > 0x20 && ch < 0x7f && strchr("<>\"{}|\\^`", ch) == NULL;
}

static bool
layout_scheme_char(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	    (ch >= '0' && ch <= '9') || ch == '+' || ch == '.' || ch == '-';
}

/* Remove the break opportunities inside URLs ("scheme://...") of s. */
static void
layout_protect_urls(const char *s, size_t len, bool *brk)
{
	const char	*p;
	size_t		 at = 0, start, end, i;

	while (at < len && (p = memmem(s + at, len - at, "://", 3)) != NULL) {
		start = (size_t)(p - s);
		while (start > 0 && layout_scheme_char((unsigned char)s[start - 1])) {
			start--;
		}
		end = (size_t)(p - s) + 3;
		while (end < len && layout_url_char((unsigned char)s[end])) {
			end++;
		}
		for (i = start + 1; i < end; i++) {
			brk[i] = false;
		}
		at = end;
	}
}

/* Keep a link reference "[n]" on the line of the word before it: the break
 * before it becomes soft (used only when no other break fits). */
static void
layout_glue_refs(const char *s, size_t len, const unsigned char *style,
    bool *brk, bool *soft)
{
	size_t	i;

	for (i = 1; i < len; i++) {
		if (s[i] == '[' && (style[i] & HTML_STYLE_LINK) &&
		    !(style[i - 1] & (HTML_STYLE_LINK | HTML_STYLE_IMAGE)) &&
		    s[i - 1] != ' ' && brk[i]) {
			brk[i] = false;
			soft[i] = true;
		}
	}
}

/* Break opportunities of text under ja@lb=strict (see layout.h). */
bool *
layout_breaks(const char *text, size_t len)
{
	UErrorCode	 err = U_ZERO_ERROR;
	UBreakIterator	*bi;
	bool		*brk;

	bi = ubrk_open(UBRK_LINE, "ja@lb=strict", NULL, 0, &err);
	if (U_FAILURE(err)) {
		return NULL;
	}
	brk = xcalloc(len + 1, sizeof *brk);
	if (!layout_icu_breaks(bi, text, len, brk)) {
		free(brk);
		brk = NULL;
	}
	ubrk_close(bi);
	return brk;
}

/* ---- kinsoku ---- */

static uint32_t
layout_first_cp(const char *s, size_t len)
{
	uint32_t	cp;

	utf8_decode(s, len, &cp);
	return cp;
}

/* Whether a line may not start with cp (closing brackets, 。、・ー, small
 * kana and other non-starters). */
static bool
layout_no_start(uint32_t cp)
{
	int	lb;

	if (cp == UTF8_INVALID) {
		return false;
	}
	lb = u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK);
	return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
	    lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC ||
	    lb == U_LB_NONSTARTER || lb == U_LB_CONDITIONAL_JAPANESE_STARTER;
}

/* Whether a line may not end with cp (opening brackets). */
static bool
layout_no_end(uint32_t cp)
{
	if (cp == UTF8_INVALID) {
		return false;
	}
	return u_getIntPropertyValue((UChar32)cp, UCHAR_LINE_BREAK) ==
	    U_LB_OPEN_PUNCTUATION;
}

/* Where to cut a run of clusters with no break opportunity that fits: as
 * late as possible (before cluster over) without breaking kinsoku nearby. */
static size_t
layout_emergency(const char *s, size_t len, const struct layout_cluster *cl,
    size_t start, size_t over)
{
	size_t	end, k;

	for (k = 0, end = over; k < LAYOUT_BACKOFF && end > start + 1; k++) {
		if (!layout_no_start(layout_first_cp(s + cl[end].pos,
		    len - cl[end].pos)) &&
		    !layout_no_end(layout_first_cp(s + cl[end - 1].pos,
		    len - cl[end - 1].pos))) {
			return end;
		}
		end--;
	}
	return over;
}

/* ---- wrapping ---- */

/* The clusters of s with their widths and break opportunities. */
static struct layout_cluster *
layout_clusters(struct layout_ctx *c, const char *s, size_t len,
    const unsigned char *style, bool wrap, size_t *ncl)
{
	struct layout_cluster	*cl;
	bool			*brk, *soft;
	size_t			 i, n, k = 0;
	uint32_t		 cp;

	brk = xcalloc(len + 1, sizeof *brk);
	soft = xcalloc(len + 1, sizeof *soft);
	if (wrap && c->bi != NULL && layout_icu_breaks(c->bi, s, len, brk)) {
		layout_protect_urls(s, len, brk);
		layout_glue_refs(s, len, style, brk, soft);
	}
	cl = xreallocarray(NULL, len + 1, sizeof *cl);
	for (i = 0; i < len; i += n) {
		n = utf8_cluster_next(s + i, len - i);
		cl[k].pos = i;
		cl[k].width = utf8_cluster_width(s + i, n, c->amb);
		if (cl[k].width > 2) {
			/* Not one glyph (a base with stray emoji modifiers):
			 * lay it out a code point at a time. */
			n = utf8_decode(s + i, len - i, &cp);
			cl[k].width = utf8_cp_width(cp, c->amb);
		}
		cl[k].space = n == 1 && s[i] == ' ';
		cl[k].brk = brk[i];
		cl[k].soft = soft[i];
		k++;
	}
	cl[k].pos = len;
	cl[k].width = 0;
	cl[k].space = false;
	cl[k].brk = true;
	cl[k].soft = false;
	*ncl = k;
	free(brk);
	free(soft);
	return cl;
}

/* Start a line of a block: its prefix, with the prefix's styles. */
static void
layout_start_line(struct layout_ctx *c, struct layout_prefix *p, bool first)
{
	const struct buf	*text = first ? &p->first : &p->rest;
	const struct buf	*style = first ? &p->first_style : &p->rest_style;
	size_t			 i;

	for (i = 0; i < text->len; i++) {
		layout_put(c, text->data + i, 1, (unsigned char)style->data[i]);
	}
}

/* Emit clusters [from, to) of s as one line, trailing spaces dropped. */
static void
layout_line_out(struct layout_ctx *c, struct layout_prefix *p, bool *first,
    const char *s, const unsigned char *style, const struct layout_cluster *cl,
    size_t from, size_t to, int hang)
{
	size_t	a, b, i;

	while (to > from && cl[to - 1].space) {
		to--;
	}
	layout_start_line(c, p, *first);
	*first = false;
	for (; hang > 0; hang--) {
		layout_put(c, " ", 1, 0);
	}
	a = cl[from].pos;
	b = cl[to].pos;
	for (i = a; i < b; i++) {
		layout_put(c, s + i, 1, style[i]);
	}
	layout_emit(c);
}

/* Find where the line starting at cluster start ends, for avail columns. */
static size_t
layout_fit(const char *s, size_t len, const struct layout_cluster *cl,
    size_t ncl, size_t start, int avail, bool wrap)
{
	size_t	i, best = 0, soft = 0;
	int	col = 0;

	for (i = start; i < ncl; i++) {
		if (i > start && cl[i].brk) {
			best = i;
		} else if (i > start && cl[i].soft) {
			soft = i;
		}
		if (col + cl[i].width > avail && (!cl[i].space || !wrap)) {
			break;
		}
		col += cl[i].width;
	}
	if (i == ncl) {
		return ncl;
	}
	if (i == start) {
		return start + 1;	/* a cluster wider than the line */
	}
	if (wrap && (best > start || soft > start)) {
		return best > start ? best : soft;
	}
	return wrap ? layout_emergency(s, len, cl, start, i) : i;
}

/* Wrap (or, for verbatim text, fold) one \n-free segment.  A wrapped
 * segment that starts with blanks keeps them as a hanging indent. */
static void
layout_segment(struct layout_ctx *c, struct layout_prefix *p, bool *first,
    const char *s, size_t len, const unsigned char *style, bool wrap)
{
	struct layout_cluster	*cl;
	size_t			 ncl, start = 0, end, lead = 0;
	int			 avail, hang = 0;

	cl = layout_clusters(c, s, len, style, wrap, &ncl);
	if (ncl == 0) {
		layout_line_out(c, p, first, s, style, cl, 0, 0, 0);
	}
	while (wrap && lead < ncl && cl[lead].space) {
		lead++;
	}
	while (start < ncl) {
		avail = c->width - (*first ? p->first_width : p->rest_width);
		if (start > 0 && wrap && (int)lead <= avail / 2) {
			hang = (int)lead;
		}
		end = layout_fit(s, len, cl, ncl, start, avail - hang, wrap);
		layout_line_out(c, p, first, s, style, cl, start, end, hang);
		start = end;
		while (wrap && start < ncl && cl[start].space) {
			start++;
		}
	}
	free(cl);
}

/* s with tabs expanded to the next multiple of 8 columns; *style follows. */
static char *
layout_expand_tabs(struct layout_ctx *c, const char *s, size_t len,
    const unsigned char *style, unsigned char **ostyle, size_t *olen)
{
	struct buf	out = BUF_INIT, st = BUF_INIT;
	size_t		i, n, k;
	int		col = 0;

	for (i = 0; i < len; i += n) {
		n = utf8_cluster_next(s + i, len - i);
		if (n == 1 && s[i] == '\t') {
			do {
				buf_putc(&out, ' ');
				buf_putc(&st, (char)style[i]);
			} while (++col % LAYOUT_TAB != 0);
			continue;
		}
		buf_add(&out, s + i, n);
		for (k = 0; k < n; k++) {
			buf_putc(&st, (char)style[i + k]);
		}
		col += utf8_cluster_width(s + i, n, c->amb);
	}
	*olen = out.len;
	*ostyle = (unsigned char *)buf_detach(&st);
	return buf_detach(&out);
}

/* Append text to a prefix part in one style. */
static void
layout_prefix_put(struct buf *b, struct buf *st, const char *s, unsigned style)
{
	size_t	i, len = strlen(s);

	buf_add(b, s, len);
	for (i = 0; i < len; i++) {
		buf_putc(st, (char)style);
	}
}

/* Cut a prefix part to at most max columns; returns its width. */
static int
layout_prefix_cut(struct buf *b, struct buf *st, int max, int amb)
{
	size_t	n;
	int	used;

	n = utf8_prefix(b->data != NULL ? b->data : "", b->len, max, amb, &used);
	b->len = n;
	st->len = n;
	if (b->data != NULL) {
		b->data[n] = '\0';
	}
	return used;
}

/*
 * Build one prefix part: quote bars, spaces, then the marker (may be NULL).
 * When it is wider than the line allows (all but 2 columns), indentation
 * goes first, then quote bars, then the marker's trailing blank; only then
 * is it cut.  Returns its width.
 */
static int
layout_prefix_part(struct layout_ctx *c, struct buf *b, struct buf *st,
    int quote, int spaces, const char *marker, unsigned mstyle)
{
	char	*m = xstrdup(marker != NULL ? marker : "");
	size_t	 mlen = strlen(m);
	int	 i, max = c->width - 2, mw, bw;

	bw = utf8_width_amb("│ ", strlen("│ "), c->amb);
	mw = utf8_width_amb(m, mlen, c->amb);
	while (spaces > 0 && quote * bw + spaces + mw > max) {
		spaces--;
	}
	while (quote > 0 && quote * bw + spaces + mw > max) {
		quote--;
	}
	while (mlen > 0 && m[mlen - 1] == ' ' && quote * bw + spaces + mw > max) {
		m[--mlen] = '\0';
		mw--;
	}
	if (quote * bw + spaces + mw > max) {
		free(m);
		return -1;
	}
	for (i = 0; i < quote; i++) {
		layout_prefix_put(b, st, "│ ", HTML_STYLE_QUOTE);
	}
	for (i = 0; i < spaces; i++) {
		layout_prefix_put(b, st, " ", 0);
	}
	layout_prefix_put(b, st, m, mstyle);
	free(m);
	return layout_prefix_cut(b, st, max, c->amb);
}

/* The prefixes of a block's first and following lines. */
static void
layout_prefix_init(struct layout_ctx *c, struct layout_prefix *p,
    const struct html_block *blk)
{
	const char	*marker = blk->marker;
	unsigned	 mstyle = 0;
	int		 mw = 0, indent = blk->indent < c->width ? blk->indent :
			    c->width;
	int		 quote = blk->quote < c->width ? blk->quote : c->width;

	memset(p, 0, sizeof *p);
	if (marker == NULL && blk->type == HTML_BLOCK_HEADING) {
		marker = "■ ";
		mstyle = HTML_STYLE_HEADING | HTML_STYLE_BOLD;
		mw = utf8_width_amb(marker, strlen(marker), c->amb);
		indent += mw;
	} else if (marker != NULL) {
		mw = utf8_width_amb(marker, strlen(marker), c->amb);
	}
	p->rest_width = layout_prefix_part(c, &p->rest, &p->rest_style,
	    quote, indent, NULL, 0);
	p->first_width = layout_prefix_part(c, &p->first, &p->first_style,
	    quote, indent > mw ? indent - mw : 0, marker, mstyle);
	if (p->first_width < 0) {
		/* The marker goes on lines of its own, the text below it. */
		p->marker_alone = xstrdup(marker);
		buf_reset(&p->first);
		buf_reset(&p->first_style);
		p->first_width = layout_prefix_part(c, &p->first,
		    &p->first_style, quote, indent, NULL, 0);
	}
}

static void
layout_prefix_free(struct layout_prefix *p)
{
	free(p->marker_alone);
	buf_free(&p->first);
	buf_free(&p->first_style);
	buf_free(&p->rest);
	buf_free(&p->rest_style);
}

/* A horizontal rule filling the line after the prefix. */
static void
layout_rule(struct layout_ctx *c, struct layout_prefix *p)
{
	int	w, cw;

	cw = utf8_cp_width(0x2500, c->amb);
	layout_start_line(c, p, true);
	for (w = p->first_width; w + cw <= c->width; w += cw) {
		layout_put(c, "─", strlen("─"), 0);
	}
	layout_emit(c);
}

/* Lay out the text of one block, segment by segment. */
static void
layout_text(struct layout_ctx *c, struct layout_prefix *p,
    const struct html_block *blk, const char *s, size_t len,
    const unsigned char *style)
{
	size_t		 start = 0, end, elen;
	unsigned char	*estyle;
	char		*exp;
	bool		 first = true;

	for (;;) {
		for (end = start; end < len && s[end] != '\n'; end++) {
			continue;
		}
		exp = layout_expand_tabs(c, s + start, end - start, style + start,
		    &estyle, &elen);
		layout_segment(c, p, &first, exp, elen, estyle,
		    blk->type != HTML_BLOCK_PRE);
		free(exp);
		free(estyle);
		if (end >= len) {
			break;
		}
		start = end + 1;
	}
}

/* Lay out one block (its text sanitized again: blocks are public). */
static void
layout_block(struct layout_ctx *c, const struct html_block *blk)
{
	struct layout_prefix	 p;
	unsigned char		*style, *mstyle;
	char			*s;
	size_t			 len;
	bool			 first;

	layout_prefix_init(c, &p, blk);
	if (blk->type == HTML_BLOCK_RULE) {
		layout_rule(c, &p);
		layout_prefix_free(&p);
		return;
	}
	s = utf8_sanitize(blk->text != NULL ? blk->text : "",
	    blk->text != NULL ? blk->len : 0, UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB);
	len = strlen(s);
	if (len == blk->len && blk->style != NULL &&
	    memcmp(s, blk->text, len) == 0) {
		style = xmalloc(len + 1);
		memcpy(style, blk->style, len);
	} else {
		style = xcalloc(len + 1, 1);
	}
	if (p.marker_alone != NULL) {
		mstyle = xcalloc(strlen(p.marker_alone) + 1, 1);
		first = true;
		layout_segment(c, &p, &first, p.marker_alone,
		    strlen(p.marker_alone), mstyle, false);
		free(mstyle);
	}
	layout_text(c, &p, blk, s, len, style);
	free(style);
	free(s);
	layout_prefix_free(&p);
}

/* The blank line before a block: the quote bars both sides share. */
static void
layout_gap(struct layout_ctx *c, int quote)
{
	int	i;

	for (i = 0; i < quote && 2 * i + 1 <= c->width; i++) {
		layout_put(c, i == 0 ? "│" : " │", strlen(i == 0 ? "│" : " │"),
		    HTML_STYLE_QUOTE);
	}
	layout_emit(c);
}

/* Lay out blocks at a width; the caller frees the result. */
struct layout *
layout_blocks(const struct html_block *blocks, size_t n,
    const struct layout_opts *opts)
{
	struct layout_ctx	c;
	UErrorCode		err = U_ZERO_ERROR;
	size_t			i;
	int			prev_quote = 0;

	memset(&c, 0, sizeof c);
	c.out = xcalloc(1, sizeof *c.out);
	c.width = opts->width < 2 ? 2 : opts->width;
	c.amb = opts->ambiguous == 1 || opts->ambiguous == 2 ?
	    opts->ambiguous : utf8_ambiguous_width();
	c.bi = ubrk_open(UBRK_LINE, "ja@lb=strict", NULL, 0, &err);
	if (U_FAILURE(err)) {
		c.bi = NULL;
	}
	buf_init(&c.line);
	buf_init(&c.style);
	for (i = 0; i < n; i++) {
		if (blocks[i].gap && c.out->nlines > 0) {
			layout_gap(&c, blocks[i].quote < prev_quote ?
			    blocks[i].quote : prev_quote);
		}
		layout_block(&c, &blocks[i]);
		prev_quote = blocks[i].quote;
	}
	if (c.bi != NULL) {
		ubrk_close(c.bi);
	}
	buf_free(&c.line);
	buf_free(&c.style);
	return c.out;
}
