/* ui-compat: stand-ins for the text module's utf8 functions (wcwidth). */
#include "config.h"
#include "ui-compat.h"

#include <stdint.h>
#include <string.h>
#include <wchar.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

int
utf8_ambiguous_width(void)
{
	return 1;
}

static int
compat_cp_width(uint32_t cp)
{
	int	w;

	if (cp == UTF8_INVALID) {
		return 1;
	}
	if ((cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0xa4cf) ||
	    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) ||
	    (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) ||
	    (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1faff) ||
	    (cp >= 0x20000 && cp <= 0x3fffd)) {
		return 2;
	}
	w = wcwidth((wchar_t)cp);
	return w < 0 ? 1 : w;
}

size_t
utf8_cluster_next(const char *s, size_t len)
{
	size_t		i, n;
	uint32_t	cp;

	if (len == 0) {
		return 0;
	}
	i = utf8_decode(s, len, &cp);
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (!((cp >= 0x300 && cp < 0x370) || cp == 0x200d ||
		    (cp >= 0xfe00 && cp <= 0xfe0f) || cp == 0x3099 ||
		    cp == 0x309a)) {
			break;
		}
		i += n;
	}
	return i;
}

int
utf8_width(const char *s, size_t len)
{
	size_t		i = 0;
	uint32_t	cp;
	int		w = 0;

	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		w += compat_cp_width(cp);
	}
	return w;
}

char *
utf8_sanitize(const char *s, size_t len, unsigned allow)
{
	struct buf	b = BUF_INIT;
	size_t		i = 0, n;
	uint32_t	cp;
	char		enc[4];

	(void)allow;
	buf_puts(&b, "");
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp == 0x1b && i + 1 < len && s[i + 1] == '[') {
			for (i += 2; i < len && (s[i] < 0x40 || s[i] > 0x7e); i++) {
				continue;
			}
			i++;
			continue;
		}
		if (cp == UTF8_INVALID) {
			buf_add(&b, enc, utf8_encode(UTF8_REPLACEMENT, enc));
		} else if (cp == '\n' || cp == '\t') {
			buf_putc(&b, ' ');
		} else if (cp >= 0x20 && cp != 0x7f && !(cp >= 0x80 && cp < 0xa0) &&
		    !(cp >= 0x202a && cp <= 0x202e) &&
		    !(cp >= 0x2066 && cp <= 0x2069)) {
			buf_add(&b, s + i, n);
		}
		i += n;
	}
	return buf_detach(&b);
}

size_t
utf8_prefix(const char *s, size_t len, int width, int ambiguous, int *used)
{
	size_t	i = 0, n;
	int	w = 0, cw;

	(void)ambiguous;
	while (i < len) {
		n = utf8_cluster_next(s + i, len - i);
		cw = utf8_width(s + i, n);
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

char *
utf8_fit(const char *s, size_t len, int width)
{
	struct buf	b = BUF_INIT;
	size_t		cut;
	int		w;

	buf_puts(&b, "");
	if (width <= 0) {
		return buf_detach(&b);
	}
	if (utf8_width(s, len) <= width) {
		buf_add(&b, s, len);
		w = utf8_width(s, len);
	} else {
		cut = utf8_prefix(s, len, width - 1, 1, &w);
		buf_add(&b, s, cut);
		buf_puts(&b, "\xe2\x80\xa6");
		w++;
	}
	for (; w < width; w++) {
		buf_putc(&b, ' ');
	}
	return buf_detach(&b);
}
