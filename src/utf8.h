/* utf8: decoding, validation and repair of UTF-8 text; grapheme clusters,
 * terminal column widths, sanitizing and width-exact truncation. */
#ifndef KIJI_UTF8_H
#define KIJI_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID	0xFFFFFFFFu
#define UTF8_REPLACEMENT 0xFFFDu

size_t	 utf8_decode(const char *, size_t, uint32_t *);
size_t	 utf8_encode(uint32_t, char out[4]);
bool	 utf8_valid(const char *, size_t);
char	*utf8_repair(const char *, size_t);

/*
 * East Asian Ambiguous characters (e.g. "…", "○", Greek and Cyrillic letters)
 * are 1 column wide on most terminals and 2 on CJK-configured ones.  The
 * process-wide setting (default 1) is used by the functions without an
 * explicit "ambiguous" argument; set it once at start-up.
 */
void	 utf8_set_ambiguous_width(int);
int	 utf8_ambiguous_width(void);

/* Columns one code point takes (0, 1 or 2), the way wcwidth() counts; control
 * characters count 0.  ambiguous is 1 or 2. */
int	 utf8_cp_width(uint32_t, int ambiguous);

/* Length in bytes of the extended grapheme cluster (UAX #29) that starts at
 * s; 0 only when len is 0.  Invalid bytes form one-byte clusters. */
size_t	 utf8_cluster_next(const char *s, size_t len);

/* Columns the cluster s[0..len) takes on the terminal: East Asian Wide and
 * Fullwidth 2, combining marks 0, emoji presentation, ZWJ sequences, flags
 * and VS16 sequences 2, ambiguous as given. */
int	 utf8_cluster_width(const char *s, size_t len, int ambiguous);

/* Columns of the whole string, cluster by cluster (global ambiguous width,
 * or the explicit one with _amb). */
int	 utf8_width(const char *, size_t);
int	 utf8_width_amb(const char *, size_t, int ambiguous);

/* Whether cp is a CJK character (East Asian Wide, Fullwidth or Halfwidth,
 * not Hangul), between two of which a source line break makes no space. */
bool	 utf8_is_cjk(uint32_t);

/* Control characters utf8_sanitize() may keep. */
#define UTF8_ALLOW_NEWLINE	0x01u	/* \n kept; \r\n and \r become \n */
#define UTF8_ALLOW_TAB		0x02u	/* \t kept */
#define UTF8_MARKUP		0x04u	/* escape sequences end at < > " ' &,
					   to clean markup before parsing */

/*
 * A copy of s safe to put on a terminal: C0 controls (except the allowed
 * ones; \n, \r\n and \t otherwise become a space), DEL and C1 controls
 * dropped; escape sequences dropped whole (CSI,
 * OSC up to BEL or ST, DCS/APC/PM/SOS strings up to ST, other ESC
 * sequences; an unterminated string runs to the end); bidi embeddings,
 * overrides and isolates (U+202A-202E, U+2066-2069) and U+FEFF dropped;
 * U+2028/2029 become \n (or a space); invalid UTF-8 becomes U+FFFD.
 * The caller frees the result.
 */
char	*utf8_sanitize(const char *s, size_t len, unsigned allow);

/*
 * s fitted to exactly width columns: cut on a cluster boundary with a
 * trailing "…" when it is too wide, padded with spaces when it is narrower
 * (also when a wide character does not fit).  Newlines and tabs count as
 * spaces; s should be sanitized already.  The caller frees the result.
 */
char	*utf8_fit(const char *s, size_t len, int width);
char	*utf8_fit_amb(const char *s, size_t len, int width, int ambiguous);

/* Byte length of the longest prefix of s (on a cluster boundary) at most
 * width columns wide; *used gets its width when not NULL. */
size_t	 utf8_prefix(const char *s, size_t len, int width, int ambiguous,
	    int *used);

#endif
