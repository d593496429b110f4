/* ui-text: terminal-safe text for the reader (see ui-text.h). */
#include "config.h"
#include "ui-text.h"

#include <string.h>

#include "utf8.h"
#include "xalloc.h"

char *
ui_text_clean(const char *s)
{
	if (s == NULL) {
		return xstrdup("");
	}
	return utf8_sanitize(s, strlen(s), 0);
}

int
ui_text_width(const char *s)
{
	return utf8_width(s, strlen(s));
}

int
ui_text_width_n(const char *s, size_t len)
{
	return utf8_width(s, len);
}

char *
ui_text_fit(const char *s, int width)
{
	return utf8_fit(s, strlen(s), width);
}

size_t
ui_text_prefix(const char *s, size_t len, int width, int *used)
{
	return utf8_prefix(s, len, width, utf8_ambiguous_width(), used);
}

size_t
ui_text_next(const char *s, size_t len, size_t pos)
{
	if (pos >= len) {
		return len;
	}
	return pos + utf8_cluster_next(s + pos, len - pos);
}

size_t
ui_text_prev(const char *s, size_t pos)
{
	size_t	i = 0, n;

	while (i < pos) {
		n = utf8_cluster_next(s + i, pos - i);
		if (i + n >= pos) {
			break;
		}
		i += n;
	}
	return i;
}
