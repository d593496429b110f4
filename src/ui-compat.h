/* ui-compat: a minimal stand-in for the utf8 width and sanitizing functions
 * until the text module lands on main (then this file goes away). */
#ifndef KIJI_UI_COMPAT_H
#define KIJI_UI_COMPAT_H

#include <stddef.h>

int	 utf8_ambiguous_width(void);
size_t	 utf8_cluster_next(const char *s, size_t len);
int	 utf8_width(const char *, size_t);
char	*utf8_sanitize(const char *s, size_t len, unsigned allow);
char	*utf8_fit(const char *s, size_t len, int width);
size_t	 utf8_prefix(const char *s, size_t len, int width, int ambiguous,
	    int *used);

#endif
