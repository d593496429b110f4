/* store-fold: the text the full-text index holds.  Search is case- and
 * width-insensitive because both the index and the query are NFKC
 * case-folded ("ＣＶＥ" finds "cve"); HTML is reduced to its text. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "store-int.h"
#include "utf8.h"
#include "xalloc.h"

/* Append text folded with ICU; on an ICU failure, the text unchanged. */
void
store_fold(struct buf *out, const char *text, size_t len)
{
	const UNormalizer2	*norm;
	UErrorCode		 err = U_ZERO_ERROR;
	UChar			*src, *dst;
	int32_t			 srclen, dstlen, n;
	char			*utf8;

	if (len == 0) {
		return;
	}
	norm = unorm2_getNFKCCasefoldInstance(&err);
	src = xreallocarray(NULL, len + 1, sizeof *src);
	u_strFromUTF8WithSub(src, (int32_t)len + 1, &srclen, text, (int32_t)len,
	    0xFFFD, NULL, &err);
	dstlen = srclen * 2 + 16;
	dst = xreallocarray(NULL, (size_t)dstlen, sizeof *dst);
	n = U_SUCCESS(err) ? unorm2_normalize(norm, src, srclen, dst, dstlen,
	    &err) : 0;
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		dstlen = n + 1;
		dst = xreallocarray(dst, (size_t)dstlen, sizeof *dst);
		n = unorm2_normalize(norm, src, srclen, dst, dstlen, &err);
	}
	if (U_FAILURE(err)) {
		buf_add(out, text, len);
	} else {
		utf8 = xmalloc((size_t)n * 3 + 1);
		err = U_ZERO_ERROR;
		u_strToUTF8WithSub(utf8, n * 3 + 1, &srclen, dst, n, 0xFFFD,
		    NULL, &err);
		buf_add(out, utf8, U_SUCCESS(err) ? (size_t)srclen : 0);
		free(utf8);
	}
	free(dst);
	free(src);
}

/* Tags that break a line, so their text is not glued to the next word.
 * Inline ones (b, a, span...) vanish: "日本<b>語</b>" stays one word. */
static bool
store_fold_block_tag(const char *tag, size_t len)
{
	static const char *const blocks[] = { "p", "br", "div", "li", "ul",
	    "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
	    "table", "blockquote", "pre", "hr", "dt", "dd", "dl", "img",
	    "section", "article", "figure", "figcaption", "header", "footer" };
	size_t	i;

	for (i = 0; i < sizeof blocks / sizeof blocks[0]; i++) {
		if (strlen(blocks[i]) == len &&
		    strncasecmp(blocks[i], tag, len) == 0) {
			return true;
		}
	}
	return false;
}

/* Skip the tag (or comment) at s[0] == '<'; returns the byte after it and
 * tells whether it separates words. */
static const char *
store_fold_skip_tag(const char *s, const char *end, bool *space)
{
	const char	*name, *close;
	size_t		 len;

	if (end - s >= 4 && memcmp(s, "<!--", 4) == 0) {
		close = memmem(s + 4, (size_t)(end - s - 4), "-->", 3);
		*space = true;
		return close == NULL ? end : close + 3;
	}
	name = s + 1 + (s + 1 < end && s[1] == '/');
	for (len = 0; name + len < end && (name[len] == '-' ||
	    (name[len] >= 'a' && name[len] <= 'z') ||
	    (name[len] >= 'A' && name[len] <= 'Z') ||
	    (name[len] >= '0' && name[len] <= '9')); len++) {
		continue;
	}
	*space = store_fold_block_tag(name, len);
	close = memchr(s, '>', (size_t)(end - s));
	if (close == NULL) {
		return end;
	}
	if (name == s + 1 && (len == 6 || len == 5) &&
	    (strncasecmp(name, "script", len) == 0 ||
	    strncasecmp(name, "style", len) == 0)) {
		/* Their contents are not text: skip to the end tag. */
		close = memmem(close, (size_t)(end - close), "</", 2);
		while (close != NULL && strncasecmp(close + 2, name, len) != 0) {
			close = memmem(close + 2, (size_t)(end - close - 2),
			    "</", 2);
		}
		return close == NULL ? end : store_fold_skip_tag(close, end,
		    space);
	}
	return close + 1;
}

/* Decode the character reference at s[0] == '&' into out; returns the byte
 * after it (just past '&' when it is not one we know). */
static const char *
store_fold_entity(struct buf *out, const char *s, const char *end)
{
	static const struct {
		const char	*name;
		const char	*text;
	} names[] = { { "amp;", "&" }, { "lt;", "<" }, { "gt;", ">" },
	    { "quot;", "\"" }, { "apos;", "'" }, { "nbsp;", " " } };
	char		 enc[4], *stop;
	unsigned long	 cp;
	size_t		 i, n;

	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		n = strlen(names[i].name);
		if ((size_t)(end - s - 1) >= n &&
		    memcmp(s + 1, names[i].name, n) == 0) {
			buf_puts(out, names[i].text);
			return s + 1 + n;
		}
	}
	if (end - s > 3 && s[1] == '#') {
		cp = s[2] == 'x' || s[2] == 'X' ? strtoul(s + 3, &stop, 16) :
		    strtoul(s + 2, &stop, 10);
		if (stop < end && *stop == ';' && cp > 0 && cp <= 0x10FFFF &&
		    (cp < 0xD800 || cp > 0xDFFF)) {
			buf_add(out, enc, utf8_encode((uint32_t)cp, enc));
			return stop + 1;
		}
	}
	buf_putc(out, '&');
	return s + 1;
}

/* Append the text of len bytes of HTML (or plain text) to out, with white
 * space collapsed, until out has grown by limit bytes. */
static void
store_fold_plain(struct buf *out, const char *s, size_t len, bool html,
    size_t limit)
{
	const char	*end = s + len;
	size_t		 start = out->len;
	bool		 space;

	while (s < end && out->len - start < limit) {
		if (html && *s == '<') {
			s = store_fold_skip_tag(s, end, &space);
			if (space) {
				buf_putc(out, ' ');
			}
		} else if (html && *s == '&') {
			s = store_fold_entity(out, s, end);
		} else if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			if (out->len > start && out->data[out->len - 1] != ' ') {
				buf_putc(out, ' ');
			}
			s++;
		} else {
			buf_putc(out, *s++);
		}
	}
}

/* Append the folded text of a summary or content of the given content
 * type, at most about limit bytes of it. */
void
store_fold_body(struct buf *out, const char *text, int type, size_t limit)
{
	struct buf	plain = BUF_INIT;
	size_t		len;

	if (text == NULL || *text == '\0') {
		return;
	}
	store_fold_plain(&plain, text, strlen(text), type == CONTENT_HTML,
	    limit);
	len = plain.len < limit ? plain.len : limit;
	while (len > 0 && len < plain.len &&
	    ((unsigned char)plain.data[len] & 0xC0) == 0x80) {
		len--;
	}
	if (len > 0) {
		if (out->len > 0) {
			buf_putc(out, ' ');
		}
		store_fold(out, plain.data, len);
	}
	buf_free(&plain);
}

void
store_fold_item(struct buf *out, const char *title, const char *summary,
    int summary_type, const char *content, int content_type)
{
	size_t	start;

	if (title != NULL) {
		store_fold(out, title, strlen(title));
	}
	start = out->len;
	store_fold_body(out, summary, summary_type, STORE_FTS_BODY_MAX);
	if (out->len - start < STORE_FTS_BODY_MAX) {
		store_fold_body(out, content, content_type,
		    STORE_FTS_BODY_MAX - (out->len - start));
	}
}
