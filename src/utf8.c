/* utf8: decoding, validation and repair of UTF-8 text. */
#include "config.h"
#include "utf8.h"

#include <string.h>

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
