/* feed-html: keep a feed's HTML as HTML, but safe: relative href/src made
 * absolute, scripts, event handlers and javascript: URLs removed.  Works on
 * XHTML nodes (serialised) and on HTML strings (rewritten tag by tag). */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/entities.h>

#include "buf.h"
#include "feed-int.h"
#include "url.h"
#include "xalloc.h"

/* Elements dropped together with everything inside them. */
static const char *const feed_html_dropped[] = {
	"script", "style", "object", "applet", "iframe", "noframes",
	"noembed", "noscript", "template", "xml", "head", "title", "frameset",
};

/* Elements whose tags alone are dropped. */
static const char *const feed_html_stripped[] = {
	"embed", "frame", "meta", "link", "base", "param", "html", "body",
};

/* Elements that have no end tag. */
static const char *const feed_html_void[] = {
	"area", "br", "col", "hr", "img", "input", "source", "track", "wbr",
	"basefont", "isindex", "keygen",
};

/* Attributes holding a URL. */
static const char *const feed_html_url_attrs[] = {
	"href", "src", "action", "background", "cite", "codebase", "data",
	"longdesc", "poster", "usemap", "profile", "formaction", "lowsrc",
	"dynsrc",
};

static bool
feed_html_in(const char *name, size_t len, const char *const *list,
    size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strlen(list[i]) == len && strncasecmp(name, list[i], len) ==
		    0) {
			return true;
		}
	}
	return false;
}

#define FEED_HTML_IN(name, len, list) \
	feed_html_in((name), (len), (list), sizeof (list) / sizeof (list)[0])

/* Escape s for HTML text or a double-quoted attribute (caller frees). */
char *
feed_html_escape(const char *s)
{
	struct buf	b = BUF_INIT;

	for (; *s != '\0'; s++) {
		switch (*s) {
		case '&':
			buf_puts(&b, "&amp;");
			break;
		case '<':
			buf_puts(&b, "&lt;");
			break;
		case '>':
			buf_puts(&b, "&gt;");
			break;
		case '"':
			buf_puts(&b, "&quot;");
			break;
		default:
			buf_putc(&b, *s);
			break;
		}
	}
	return buf_detach(&b);
}

/* Write one attribute, or nothing if it is unsafe. */
static void
feed_html_attr(struct buf *out, const char *name, size_t nlen,
    const char *value, const char *base)
{
	char	*resolved, *esc;

	if (nlen > 2 && strncasecmp(name, "on", 2) == 0) {
		return;
	}
	if (nlen == 5 && strncasecmp(name, "style", 5) == 0) {
		return;
	}
	if (FEED_HTML_IN(name, nlen, feed_html_url_attrs)) {
		if (value == NULL || !url_scheme_ok(value)) {
			return;
		}
		resolved = url_resolve(base, value);
		esc = feed_html_escape(resolved);
		free(resolved);
	} else {
		esc = feed_html_escape(value != NULL ? value : "");
	}
	buf_putc(out, ' ');
	for (; nlen > 0; nlen--, name++) {
		buf_putc(out, (char)tolower((unsigned char)*name));
	}
	buf_printf(out, "=\"%s\"", esc);
	free(esc);
}

/* Serialise an XHTML node and its children as HTML. */
static void
feed_html_node(struct feed_ctx *ctx, const xmlNode *n, const char *base,
    struct buf *out)
{
	const xmlNode	*c;
	const xmlAttr	*a;
	xmlChar		*v;
	char		*esc;
	const char	*name;
	size_t		 len;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		esc = feed_html_escape(n->content != NULL ?
		    (const char *)n->content : "");
		buf_puts(out, esc);
		free(esc);
		return;
	case XML_ENTITY_REF_NODE:
		esc = feed_node_text(ctx, n);
		buf_puts(out, esc);
		free(esc);
		return;
	case XML_ELEMENT_NODE:
		break;
	default:
		return;
	}
	name = (const char *)n->name;
	len = strlen(name);
	if (FEED_HTML_IN(name, len, feed_html_dropped)) {
		return;
	}
	if (FEED_HTML_IN(name, len, feed_html_stripped)) {
		for (c = n->children; c != NULL; c = c->next) {
			feed_html_node(ctx, c, base, out);
		}
		return;
	}
	buf_printf(out, "<%s", name);
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL && a->ns->prefix != NULL) {
			continue;
		}
		v = xmlNodeListGetString(n->doc, a->children, 1);
		feed_html_attr(out, (const char *)a->name,
		    strlen((const char *)a->name), (const char *)v, base);
		xmlFree(v);
	}
	if (FEED_HTML_IN(name, len, feed_html_void)) {
		buf_puts(out, " />");
		return;
	}
	buf_putc(out, '>');
	for (c = n->children; c != NULL; c = c->next) {
		feed_html_node(ctx, c, base, out);
	}
	buf_printf(out, "</%s>", name);
}

/* The children of node serialised as HTML (caller frees). */
char *
feed_html_children(struct feed_ctx *ctx, const xmlNode *node,
    const char *base)
{
	struct buf	 b = BUF_INIT;
	const xmlNode	*c;
	char		*s;
	size_t		 start, end;

	for (c = node->children; c != NULL; c = c->next) {
		feed_html_node(ctx, c, base, &b);
	}
	s = buf_detach(&b);
	for (start = 0; isspace((unsigned char)s[start]); start++) {
		continue;
	}
	end = strlen(s);
	while (end > start && isspace((unsigned char)s[end - 1])) {
		end--;
	}
	memmove(s, s + start, end - start);
	s[end - start] = '\0';
	return s;
}

/* Length of the tag at s ('<' included, '>' included), honouring quotes;
 * 0 when it does not end. */
static size_t
feed_html_tag_len(const char *s)
{
	size_t	i;
	char	q = 0;

	for (i = 1; s[i] != '\0'; i++) {
		if (q != 0) {
			q = s[i] == q ? 0 : q;
		} else if (s[i] == '"' || s[i] == '\'') {
			q = s[i];
		} else if (s[i] == '>') {
			return i + 1;
		} else if (s[i] == '<') {
			return 0;
		}
	}
	return 0;
}

/* Decode the character references of an attribute value (caller frees). */
static char *
feed_html_unescape(const char *s, size_t len)
{
	struct buf	 b = BUF_INIT;
	size_t		 i, j;
	char		 name[16];
	const xmlChar	*pre;

	for (i = 0; i < len; i++) {
		if (s[i] != '&') {
			buf_putc(&b, s[i]);
			continue;
		}
		for (j = i + 1; j < len && j - i < sizeof name &&
		    isalpha((unsigned char)s[j]); j++) {
			continue;
		}
		if (j < len && s[j] == ';' && j - i - 1 < sizeof name &&
		    j > i + 1) {
			memcpy(name, s + i + 1, j - i - 1);
			name[j - i - 1] = '\0';
			pre = NULL;
			if (strcmp(name, "amp") == 0 || strcmp(name, "quot") == 0 ||
			    strcmp(name, "lt") == 0 || strcmp(name, "gt") == 0 ||
			    strcmp(name, "apos") == 0) {
				pre = xmlGetPredefinedEntity((const xmlChar *)
				    name)->content;
			}
			if (pre != NULL) {
				buf_puts(&b, (const char *)pre);
				i = j;
				continue;
			}
		}
		buf_putc(&b, '&');
	}
	return buf_detach(&b);
}

/* Rewrite the attributes of the tag body p (after the name) into out. */
static void
feed_html_attrs(const char *p, const char *end, const char *base,
    struct buf *out)
{
	const char	*name, *vs;
	size_t		 nlen, vlen;
	char		*value, q;

	while (p < end) {
		while (p < end && (isspace((unsigned char)*p) || *p == '/')) {
			p++;
		}
		name = p;
		while (p < end && !isspace((unsigned char)*p) && *p != '=' &&
		    *p != '/' && *p != '"' && *p != '\'') {
			p++;
		}
		nlen = (size_t)(p - name);
		while (p < end && isspace((unsigned char)*p)) {
			p++;
		}
		value = NULL;
		if (p < end && *p == '=') {
			p++;
			while (p < end && isspace((unsigned char)*p)) {
				p++;
			}
			q = p < end && (*p == '"' || *p == '\'') ? *p++ : 0;
			vs = p;
			while (p < end && (q != 0 ? *p != q :
			    !isspace((unsigned char)*p))) {
				p++;
			}
			vlen = (size_t)(p - vs);
			p += q != 0 && p < end ? 1 : 0;
			value = feed_html_unescape(vs, vlen);
		}
		if (nlen > 0) {
			feed_html_attr(out, name, nlen, value != NULL ? value :
			    (FEED_HTML_IN(name, nlen, feed_html_url_attrs) ?
			    NULL : ""), base);
		} else if (p < end && value == NULL) {
			p++;
		}
		free(value);
	}
}

/* Skip past the end tag of a dropped element (or to the end). */
static const char *
feed_html_skip_element(const char *s, const char *name, size_t nlen)
{
	const char	*p = s;

	while ((p = strchr(p, '<')) != NULL) {
		if (p[1] == '/' && strncasecmp(p + 2, name, nlen) == 0 &&
		    !isalnum((unsigned char)p[2 + nlen])) {
			p = strchr(p, '>');
			return p != NULL ? p + 1 : s + strlen(s);
		}
		p++;
	}
	return s + strlen(s);
}

/* Rewrite one tag starting at s (of length len) into out; returns the
 * position after what was consumed. */
static const char *
feed_html_tag(const char *s, size_t len, const char *base, struct buf *out)
{
	const char	*name = s + 1, *end = s + len - 1;
	size_t		 nlen = 0, i;
	bool		 closing = false, selfclose;

	if (*name == '/') {
		closing = true;
		name++;
	}
	while (isalnum((unsigned char)name[nlen]) || name[nlen] == ':' ||
	    name[nlen] == '-') {
		nlen++;
	}
	selfclose = end > name + nlen && end[-1] == '/';
	if (FEED_HTML_IN(name, nlen, feed_html_dropped) && !closing &&
	    !selfclose) {
		return feed_html_skip_element(s + len, name, nlen);
	}
	if (FEED_HTML_IN(name, nlen, feed_html_dropped) ||
	    FEED_HTML_IN(name, nlen, feed_html_stripped)) {
		return s + len;
	}
	buf_putc(out, '<');
	if (closing) {
		buf_putc(out, '/');
	}
	for (i = 0; i < nlen; i++) {
		buf_putc(out, (char)tolower((unsigned char)name[i]));
	}
	if (!closing) {
		feed_html_attrs(name + nlen, selfclose ? end - 1 : end, base,
		    out);
	}
	if (!closing && (selfclose || FEED_HTML_IN(name, nlen,
	    feed_html_void))) {
		buf_puts(out, " />");
	} else {
		buf_putc(out, '>');
	}
	return s + len;
}

/* The HTML string html made safe and absolute (caller frees). */
char *
feed_html_clean(const char *html, const char *base)
{
	struct buf	 b = BUF_INIT;
	const char	*p = html, *lt, *e;
	size_t		 len;

	if (html == NULL) {
		return NULL;
	}
	while ((lt = strchr(p, '<')) != NULL) {
		buf_add(&b, p, (size_t)(lt - p));
		if (strncmp(lt, "<!--", 4) == 0) {
			e = strstr(lt + 4, "-->");
			p = e != NULL ? e + 3 : lt + strlen(lt);
			continue;
		}
		len = 0;
		if (isalpha((unsigned char)lt[1]) || (lt[1] == '/' &&
		    isalpha((unsigned char)lt[2]))) {
			len = feed_html_tag_len(lt);
		}
		if (len == 0) {
			buf_putc(&b, '<');
			p = lt + 1;
			continue;
		}
		p = feed_html_tag(lt, len, base, &b);
	}
	buf_puts(&b, p);
	return buf_detach(&b);
}
