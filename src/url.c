/* url: resolve relative references and judge URL schemes. */
#include "config.h"

#include "url.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/uri.h>
#include <libxml/xmlmemory.h>

#include "xalloc.h"

static const char *const url_safe_schemes[] = {
	"http", "https", "ftp", "ftps", "sftp", "mailto", "news", "nntp",
	"gopher", "gemini", "feed", "magnet", "tel", "irc", "ircs", "xmpp",
	"urn", "tag", "aim", "webcal", "rtsp", "mms", "git", "ssh", "svn",
};

/* Length of the scheme at the start of url, 0 when there is none. */
static size_t
url_scheme_len(const char *url)
{
	size_t	i;

	if (!isalpha((unsigned char)url[0])) {
		return 0;
	}
	for (i = 1; url[i] != '\0'; i++) {
		if (url[i] == ':') {
			return i;
		}
		if (!isalnum((unsigned char)url[i]) && url[i] != '+' &&
		    url[i] != '-' && url[i] != '.') {
			return 0;
		}
	}
	return 0;
}

/* True when url starts with a scheme. */
bool
url_is_absolute(const char *url)
{
	return url != NULL && url_scheme_len(url) > 0;
}

/* True when url is relative or has a scheme from the safe list. */
bool
url_scheme_ok(const char *url)
{
	size_t	i, n;

	while (isspace((unsigned char)*url)) {
		url++;
	}
	n = url_scheme_len(url);
	if (n == 0) {
		return strchr(url, ':') == NULL ||
		    strcspn(url, ":") > strcspn(url, "/?#");
	}
	for (i = 0; i < sizeof url_safe_schemes / sizeof url_safe_schemes[0];
	    i++) {
		if (strlen(url_safe_schemes[i]) == n &&
		    strncasecmp(url, url_safe_schemes[i], n) == 0) {
			return true;
		}
	}
	return false;
}

/* A copy of s without surrounding whitespace. */
static char *
url_trim(const char *s)
{
	size_t	len;

	while (isspace((unsigned char)*s)) {
		s++;
	}
	len = strlen(s);
	while (len > 0 && isspace((unsigned char)s[len - 1])) {
		len--;
	}
	return xstrndup(s, len);
}

/* Resolve ref against base; see url.h. */
char *
url_resolve(const char *base, const char *ref)
{
	char	*r, *b, *out;
	xmlChar	*built;

	r = url_trim(ref != NULL ? ref : "");
	if (base == NULL || url_is_absolute(r)) {
		return r;
	}
	b = url_trim(base);
	if (!url_is_absolute(b)) {
		free(b);
		return r;
	}
	if (r[0] == '\0') {
		free(r);
		return b;
	}
	built = xmlBuildURI((const xmlChar *)r, (const xmlChar *)b);
	if (built == NULL) {
		free(b);
		return r;
	}
	out = xstrdup((const char *)built);
	xmlFree(built);
	free(b);
	free(r);
	return out;
}
