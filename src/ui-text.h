/* ui-text: the reader's text helpers: every string bound for the terminal
 * is cleaned here (controls, escape sequences and bidi overrides dropped,
 * invalid UTF-8 replaced) and measured or fitted in terminal columns on
 * grapheme-cluster boundaries.  No curses. */
#ifndef KIJI_UI_TEXT_H
#define KIJI_UI_TEXT_H

#include <stddef.h>

/* A one-line, terminal-safe copy of s (NULL gives ""); caller frees. */
char	*ui_text_clean(const char *s);
/* Columns s takes (s clean). */
int	 ui_text_width(const char *s);
int	 ui_text_width_n(const char *s, size_t len);
/* s cut (with "…") or padded to exactly width columns; caller frees. */
char	*ui_text_fit(const char *s, int width);
/* Bytes of the longest prefix of s[0..len) at most width columns wide;
 * *used (may be NULL) gets its width. */
size_t	 ui_text_prefix(const char *s, size_t len, int width, int *used);
/* Byte offsets of the grapheme cluster boundary after / before pos. */
size_t	 ui_text_next(const char *s, size_t len, size_t pos);
size_t	 ui_text_prev(const char *s, size_t pos);

#endif
