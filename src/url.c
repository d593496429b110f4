/* url: resolve relative references and judge URL schemes. */
#include "config.h"

#include "url.h"

#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
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

/* The five components of a URI reference (RFC 3986, 3). */
struct url_parts {
	const char	*scheme, *auth, *path, *query, *frag;
	size_t		 scheme_len, auth_len, path_len, query_len, frag_len;
	bool		 has_scheme, has_auth, has_query, has_frag;
};

/* Split s into its components (pointers into s). */
static void
url_split(const char *s, struct url_parts *u)
{
	size_t	n;

	memset(u, 0, sizeof *u);
	n = url_scheme_len(s);
	if (n > 0) {
		u->has_scheme = true;
		u->scheme = s;
		u->scheme_len = n;
		s += n + 1;
	}
	if (s[0] == '/' && s[1] == '/') {
		u->has_auth = true;
		u->auth = s + 2;
		u->auth_len = strcspn(u->auth, "/?#");
		s = u->auth + u->auth_len;
	}
	u->path = s;
	u->path_len = strcspn(s, "?#");
	s += u->path_len;
	if (*s == '?') {
		u->has_query = true;
		u->query = s + 1;
		u->query_len = strcspn(u->query, "#");
		s = u->query + u->query_len;
	}
	if (*s == '#') {
		u->has_frag = true;
		u->frag = s + 1;
		u->frag_len = strlen(u->frag);
	}
}

/* Drop the last segment (and its '/') from out. */
static void
url_pop_segment(struct buf *out)
{
	while (out->len > 0 && out->data[out->len - 1] != '/') {
		out->len--;
	}
	if (out->len > 0) {
		out->len--;
	}
	if (out->data != NULL) {
		out->data[out->len] = '\0';
	}
}

/* Append path without its "." and ".." segments (RFC 3986, 5.2.4). */
static void
url_remove_dots(struct buf *out, const char *in)
{
	size_t	n;

	while (*in != '\0') {
		if (strncmp(in, "../", 3) == 0) {
			in += 3;
		} else if (strncmp(in, "./", 2) == 0 || strncmp(in, "/./", 3) ==
		    0) {
			in += 2;
		} else if (strcmp(in, "/.") == 0) {
			buf_putc(out, '/');
			break;
		} else if (strncmp(in, "/../", 4) == 0) {
			in += 3;
			url_pop_segment(out);
		} else if (strcmp(in, "/..") == 0) {
			url_pop_segment(out);
			buf_putc(out, '/');
			break;
		} else if (strcmp(in, ".") == 0 || strcmp(in, "..") == 0) {
			break;
		} else {
			n = 1 + strcspn(in + 1, "/");
			buf_add(out, in, n);
			in += n;
		}
	}
}

/* The path of the target: ref's path merged with base's (5.2.2, 5.2.3). */
static void
url_target_path(const struct url_parts *b, const struct url_parts *r,
    struct buf *out)
{
	struct buf	 merged = BUF_INIT;
	size_t		 keep;

	if (r->path_len > 0 && r->path[0] == '/') {
		buf_add(&merged, r->path, r->path_len);
	} else if (b->has_auth && b->path_len == 0) {
		buf_putc(&merged, '/');
		buf_add(&merged, r->path, r->path_len);
	} else {
		for (keep = b->path_len; keep > 0 && b->path[keep - 1] != '/';
		    keep--) {
			continue;
		}
		buf_add(&merged, b->path, keep);
		buf_add(&merged, r->path, r->path_len);
	}
	url_remove_dots(out, merged.data != NULL ? merged.data : "");
	buf_free(&merged);
}

/* Resolve ref against base; see url.h. */
char *
url_resolve(const char *base, const char *ref)
{
	struct url_parts	 b, r;
	struct buf		 out = BUF_INIT, path = BUF_INIT;
	char			*rs, *bs;

	rs = url_trim(ref != NULL ? ref : "");
	bs = base != NULL ? url_trim(base) : NULL;
	if (bs == NULL || url_is_absolute(rs) || !url_is_absolute(bs)) {
		free(bs);
		return rs;
	}
	url_split(bs, &b);
	url_split(rs, &r);
	buf_add(&out, b.scheme, b.scheme_len);
	buf_putc(&out, ':');
	if (r.has_auth || b.has_auth) {
		buf_puts(&out, "//");
		buf_add(&out, r.has_auth ? r.auth : b.auth, r.has_auth ?
		    r.auth_len : b.auth_len);
	}
	if (r.has_auth) {
		rs[(size_t)(r.path - rs) + r.path_len] = '\0';
		url_remove_dots(&path, r.path);
	} else if (r.path_len == 0) {
		buf_add(&path, b.path, b.path_len);
	} else {
		url_target_path(&b, &r, &path);
	}
	buf_add(&out, path.data != NULL ? path.data : "", path.len);
	if (r.has_query || (!r.has_auth && r.path_len == 0 && b.has_query)) {
		buf_putc(&out, '?');
		buf_add(&out, r.has_query ? r.query : b.query, r.has_query ?
		    r.query_len : b.query_len);
	}
	if (r.has_frag) {
		buf_putc(&out, '#');
		buf_add(&out, r.frag, r.frag_len);
	}
	buf_free(&path);
	free(rs);
	free(bs);
	return buf_detach(&out);
}

bool
url_openable(const char *url)
{
	static const char *const schemes[] = { "http://", "https://", "file:" };
	size_t	i;

	if (url == NULL) {
		return false;
	}
	for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0) {
			return strpbrk(url, "\r\n") == NULL;
		}
	}
	return false;
}
