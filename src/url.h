/* url: resolve relative references and judge URL schemes. */
#ifndef KIJI_URL_H
#define KIJI_URL_H

#include <stdbool.h>

/*
 * Resolve ref against base (RFC 3986).  base may be NULL or relative, in
 * which case ref comes back unchanged (trimmed of surrounding whitespace).
 * Returns a string the caller frees; never NULL.
 */
char	*url_resolve(const char *base, const char *ref);

/* True when url starts with a scheme ("http:", "mailto:"). */
bool	 url_is_absolute(const char *url);

/*
 * True when url is relative or its scheme is one a reader may follow or show
 * (http, https, ftp, mailto, ...); false for javascript:, data:, vbscript:
 * and unknown schemes.
 */
bool	 url_scheme_ok(const char *url);
/* Whether url may be handed to a browser: http, https or file, one line. */
bool	 url_openable(const char *url);

#endif
