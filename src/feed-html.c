/* feed-html: keep a feed's HTML as HTML, but safe: relative href/src made
 * absolute, scripts, event handlers and javascript: URLs removed.  Works on
 * XHTML nodes (serialised) and on HTML strings (rewritten tag by tag). */
#include "config.h"

#include "feed-int.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>

#include "buf.h"
#include "url.h"
#include "utf8.h"
#include "xalloc.h"

/* Elements dropped together with everything inside them. */
static const char *const feed_html_dropped[] = {
	"script", "style", "template", "xml", "head",
};

/* Elements whose tags are dropped (what they enclose is kept). */
static const char *const feed_html_stripped[] = {
	"object", "applet", "iframe", "noframes", "noembed", "noscript",
	"frameset", "embed", "frame", "meta", "link", "base", "param", "html",
	"body", "blink", "marquee",
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
		if (tolower((unsigned char)name[0]) == list[i][0] &&
		    strncasecmp(name, list[i], len) == 0 && list[i][len] == '\0') {
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

/* Length of the character or entity reference at s, 0 if there is none. */
static size_t
feed_html_ref_len(const char *s)
{
	size_t	i = 1, start;
	bool	hex;

	if (s[1] == '#') {
		hex = s[2] == 'x' || s[2] == 'X';
		start = i = hex ? 3 : 2;
		while (i < 12 && (hex ? isxdigit((unsigned char)s[i]) :
		    isdigit((unsigned char)s[i]))) {
			i++;
		}
		return s[i] == ';' && i > start ? i + 1 : 0;
	}
	while (i < 40 && isalnum((unsigned char)s[i])) {
		i++;
	}
	return s[i] == ';' && i > 1 && isalpha((unsigned char)s[1]) ? i + 1 : 0;
}

/* Append the reference at s (n bytes) the way feedparser writes it:
 * lower-case hex marker, Windows-1252 code points as what they mean. */
static void
feed_html_ref(struct buf *out, const char *s, size_t n)
{
	unsigned long	cp;
	bool		hex = s[2] == 'x' || s[2] == 'X';

	if (s[1] != '#') {
		buf_add(out, s, n);
		return;
	}
	cp = strtoul(s + (hex ? 3 : 2), NULL, hex ? 16 : 10);
	if (cp >= 0x80 && cp <= 0x9f) {
		buf_printf(out, "&#x%lx;", feed_decode_c1(cp));
	} else if (hex) {
		buf_puts(out, "&#x");
		buf_add(out, s + 3, n - 3);
	} else {
		buf_add(out, s, n);
	}
}

/* Escape an attribute value still in source form: keep its references,
 * escape everything else that needs it (caller frees). */
static char *
feed_html_escape_raw(const char *s)
{
	struct buf	b = BUF_INIT;
	size_t		n;

	buf_puts(&b, "");
	for (; *s != '\0'; s++) {
		if (*s == '&' && (n = feed_html_ref_len(s)) > 0) {
			buf_add(&b, s, n);
			s += n - 1;
		} else if (*s == '&') {
			buf_puts(&b, "&amp;");
		} else if (*s == '<') {
			buf_puts(&b, "&lt;");
		} else if (*s == '>') {
			buf_puts(&b, "&gt;");
		} else if (*s == '"') {
			buf_puts(&b, "&quot;");
		} else {
			buf_putc(&b, *s);
		}
	}
	return buf_detach(&b);
}

/* Attributes of one tag, collected so they can be written sorted. */
struct feed_html_attrs {
	char	*items[64];	/* name="value", owned */
	size_t	 count;
};

/* Add one attribute unless it is unsafe or repeated.  raw: value is in
 * source form (references kept); otherwise it is plain text. */
static void
feed_html_attrs_add(struct feed_html_attrs *at, const char *name,
    size_t nlen, const char *value, bool raw, const char *base)
{
	char	*resolved, *esc, *lname;
	size_t	 i;

	if ((nlen > 2 && strncasecmp(name, "on", 2) == 0) || (nlen == 5 &&
	    strncasecmp(name, "style", 5) == 0) || at->count == 64) {
		return;
	}
	for (i = 0; i < nlen; i++) {
		if (!isalnum((unsigned char)name[i]) && strchr("_:.-", name[i]) ==
		    NULL) {
			return;	/* not an attribute name */
		}
	}
	lname = xstrndup(name, nlen);
	if (FEED_HTML_IN(name, nlen, feed_html_url_attrs) || (nlen > 5 &&
	    strncasecmp(name + nlen - 5, ":href", 5) == 0)) {
		if (value == NULL) {
			free(lname);
			return;
		}
		resolved = url_scheme_ok(value) ? url_resolve(base, value) :
		    xstrdup("");	/* javascript: and the like */
		esc = feed_html_escape(resolved);
		free(resolved);
	} else {
		esc = raw ? feed_html_escape_raw(value != NULL ? value : "") :
		    feed_html_escape(value != NULL ? value : "");
	}
	for (i = 0; i < at->count; i++) {
		if (strncmp(at->items[i], lname, nlen) == 0 &&
		    at->items[i][nlen] == '=') {
			free(lname);
			free(esc);
			return;
		}
	}
	at->items[at->count++] = xasprintf("%s=\"%s\"", lname, esc);
	free(lname);
	free(esc);
}

/* Order name="value" strings by name, then value. */
static int
feed_html_attrs_cmp(const void *a, const void *b)
{
	const char	*x = *(char *const *)a, *y = *(char *const *)b;

	while (*x == *y && *x != '=' && *x != '\0') {
		x++;
		y++;
	}
	if (*x == '=' && *y != '=') {
		return -1;
	}
	if (*y == '=' && *x != '=') {
		return 1;
	}
	return strcmp(x, y);
}

/* Write the attributes sorted by name, as feedparser does, and free them. */
static void
feed_html_attrs_flush(struct feed_html_attrs *at, struct buf *out)
{
	size_t	i;

	qsort(at->items, at->count, sizeof at->items[0], feed_html_attrs_cmp);
	for (i = 0; i < at->count; i++) {
		buf_putc(out, ' ');
		buf_puts(out, at->items[i]);
		free(at->items[i]);
	}
	at->count = 0;
}

static bool
feed_html_same_ns(const xmlNs *a, const xmlNs *b)
{
	return a != NULL && b != NULL && a->href != NULL && b->href != NULL &&
	    strcmp((const char *)a->href, (const char *)b->href) == 0;
}

/* Collect an element's attributes and the namespace declarations a
 * non-XHTML element (SVG, MathML) needs. */
static void
feed_html_node_attrs(const xmlNode *n, const char *base,
    struct feed_html_attrs *at)
{
	const xmlAttr	*a;
	xmlChar		*v;
	char		*qname;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL && a->ns->prefix != NULL && strcmp(
		    (const char *)a->ns->prefix, "xml") == 0) {
			continue;
		}
		qname = a->ns != NULL && a->ns->prefix != NULL ? xasprintf(
		    "%s:%s", a->ns->prefix, a->name) : xstrdup((const char *)
		    a->name);
		v = xmlNodeListGetString(n->doc, a->children, 1);
		feed_html_attrs_add(at, qname, strlen(qname), (const char *)v,
		    false, base);
		xmlFree(v);
		free(qname);
	}
	if (n->ns != NULL && feed_ns_of(n) != FEED_NS_XHTML &&
	    (n->parent == NULL ||
	    !feed_html_same_ns(n->ns, n->parent->ns))) {
		feed_html_attrs_add(at, "xmlns", 5, (const char *)n->ns->href,
		    false, base);
	}
	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns != NULL && a->ns->prefix != NULL && strcmp(
		    (const char *)a->ns->prefix, "xml") != 0) {
			qname = xasprintf("xmlns:%s", a->ns->prefix);
			feed_html_attrs_add(at, qname, strlen(qname),
			    (const char *)a->ns->href, false, base);
			free(qname);
		}
	}
}

static void feed_html_node(struct feed_ctx *, const xmlNode *, const char *,
    struct buf *);

/* Serialise an XHTML element and its children as HTML. */
static void
feed_html_element(struct feed_ctx *ctx, const xmlNode *n, const char *base,
    struct buf *out)
{
	struct feed_html_attrs	 at;
	const xmlNode		*c;
	const char		*name = (const char *)n->name;
	size_t			 len = strlen(name);

	if (FEED_HTML_IN(name, len, feed_html_dropped)) {
		return;
	}
	if (!FEED_HTML_IN(name, len, feed_html_stripped)) {
		at.count = 0;
		feed_html_node_attrs(n, base, &at);
		buf_printf(out, "<%s", name);
		feed_html_attrs_flush(&at, out);
		if (FEED_HTML_IN(name, len, feed_html_void)) {
			buf_puts(out, " />");
			return;
		}
		buf_putc(out, '>');
	}
	for (c = n->children; c != NULL; c = c->next) {
		feed_html_node(ctx, c, base, out);
	}
	if (!FEED_HTML_IN(name, len, feed_html_stripped)) {
		buf_printf(out, "</%s>", name);
	}
}

/* Serialise an XHTML node and its children as HTML. */
static void
feed_html_node(struct feed_ctx *ctx, const xmlNode *n, const char *base,
    struct buf *out)
{
	struct buf	 text = BUF_INIT;
	char		*esc;

	switch (n->type) {
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		esc = feed_html_escape(n->content != NULL ?
		    (const char *)n->content : "");
		buf_puts(out, esc);
		free(esc);
		break;
	case XML_ENTITY_REF_NODE:
		feed_node_entity(ctx, n, &text);
		esc = feed_html_escape(text.data != NULL ? text.data : "");
		buf_puts(out, esc);
		free(esc);
		buf_free(&text);
		break;
	case XML_ELEMENT_NODE:
		feed_html_element(ctx, n, base, out);
		break;
	default:
		break;
	}
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

/* Where a quoted attribute value was seen to run to the end of the text:
 * a later quote of the same kind cannot close either, so the scan can stop
 * at once (which keeps many unclosed quotes from costing quadratic time). */
struct feed_html_scan {
	const char	*open_dq;	/* '"' never closed after this, or NULL */
	const char	*open_sq;	/* same for '\'' */
	const char	*gt_from;	/* the first '>' at or after gt_from */
	const char	*gt;		/* is gt (NULL: there is none) */
};

/* The first '>' at or after from, remembering the last answer so that
 * repeated searches over the same stretch stay linear. */
static const char *
feed_html_next_gt(struct feed_html_scan *scan, const char *from)
{
	if (scan->gt_from != NULL && from >= scan->gt_from &&
	    (scan->gt == NULL || from <= scan->gt)) {
		return scan->gt;
	}
	scan->gt_from = from;
	scan->gt = strchr(from, '>');
	return scan->gt;
}

/* Length of the tag at s ('<' included, '>' included), honouring quoted
 * attribute values; 0 when it does not end. */
static size_t
feed_html_tag_len(const char *s, struct feed_html_scan *scan)
{
	const char	*open = NULL, **seen;
	size_t		 i;
	char		 q = 0, prev = 0;

	for (i = 1; s[i] != '\0'; i++) {
		if (q != 0) {
			q = s[i] == q ? 0 : q;
		} else if ((s[i] == '"' || s[i] == '\'') && prev == '=') {
			q = s[i];
			open = s + i;
			seen = q == '"' ? &scan->open_dq : &scan->open_sq;
			if (*seen != NULL && open > *seen) {
				return 0;
			}
		} else if (s[i] == '>') {
			return i + 1;
		} else if (s[i] == '<') {
			return 0;
		}
		if (!isspace((unsigned char)s[i])) {
			prev = s[i];
		}
	}
	if (q != 0) {
		*(q == '"' ? &scan->open_dq : &scan->open_sq) = open;
	}
	return 0;
}

/* Decode the character references of an attribute value (caller frees). */
static char *
feed_html_unescape(const char *s, size_t len)
{
	struct buf		 b = BUF_INIT;
	const htmlEntityDesc	*ent;
	char			 name[40], enc[4];
	unsigned long		 cp;
	size_t			 i, n;

	buf_puts(&b, "");
	for (i = 0; i < len; i++) {
		n = s[i] == '&' ? feed_html_ref_len(s + i) : 0;
		if (n == 0 || i + n > len || n - 2 >= sizeof name) {
			buf_putc(&b, s[i]);
			continue;
		}
		memcpy(name, s + i + 1, n - 2);
		name[n - 2] = '\0';
		if (name[0] == '#') {
			cp = (name[1] == 'x' || name[1] == 'X') ?
			    strtoul(name + 2, NULL, 16) : strtoul(name + 1, NULL, 10);
			cp = feed_decode_c1(cp);
		} else {
			ent = strcmp(name, "apos") == 0 ? NULL :
			    htmlEntityLookup((const xmlChar *)name);
			cp = strcmp(name, "apos") == 0 ? '\'' :
			    (ent != NULL ? ent->value : 0);
		}
		if (cp == 0 || cp > 0x10ffff || (cp >= 0xd800 && cp < 0xe000)) {
			buf_add(&b, s + i, n);
		} else {
			buf_add(&b, enc, utf8_encode((uint32_t)cp, enc));
		}
		i += n - 1;
	}
	return buf_detach(&b);
}

/* Collect the attributes of the tag body p (after the name) into at. */
static void
feed_html_parse_attrs(const char *p, const char *end, const char *base,
    struct feed_html_attrs *at)
{
	const char	*name, *vs;
	size_t		 nlen, vlen;
	char		*value, q;
	bool		 is_url;

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
		is_url = FEED_HTML_IN(name, nlen, feed_html_url_attrs);
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
			value = is_url ? feed_html_unescape(vs, vlen) :
			    xstrndup(vs, vlen);
		}
		if (nlen > 0) {
			feed_html_attrs_add(at, name, nlen, value != NULL ?
			    value : (is_url ? NULL : ""), !is_url, base);
		} else if (p < end && value == NULL) {
			p++;
		}
		free(value);
	}
}

/* SVG and MathML in HTML: declare the namespaces as feedparser does. */
static void
feed_html_foreign_ns(const char *name, size_t nlen,
    struct feed_html_attrs *at)
{
	size_t	i;

	if (nlen == 3 && strncasecmp(name, "svg", 3) == 0) {
		feed_html_attrs_add(at, "xmlns", 5, "http://www.w3.org/2000/svg",
		    false, NULL);
	} else if (nlen == 4 && strncasecmp(name, "math", 4) == 0) {
		feed_html_attrs_add(at, "xmlns", 5,
		    "http://www.w3.org/1998/Math/MathML", false, NULL);
	}
	for (i = 0; i < at->count; i++) {
		if (strncmp(at->items[i], "xlink:", 6) == 0) {
			feed_html_attrs_add(at, "xmlns:xlink", 11,
			    "http://www.w3.org/1999/xlink", false, NULL);
			break;
		}
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
	struct feed_html_attrs	 at;
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
	    FEED_HTML_IN(name, nlen, feed_html_stripped) ||
	    (closing && FEED_HTML_IN(name, nlen, feed_html_void))) {
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
		at.count = 0;
		feed_html_parse_attrs(name + nlen, selfclose ? end - 1 : end,
		    base, &at);
		feed_html_foreign_ns(name, nlen, &at);
		feed_html_attrs_flush(&at, out);
	}
	if (!closing && FEED_HTML_IN(name, nlen, feed_html_void)) {
		buf_puts(out, " />");
	} else {
		buf_putc(out, '>');
	}
	return s + len;
}

/* Copy HTML text, writing references as feedparser does and escaping a
 * stray '&'. */
static void
feed_html_text(struct buf *out, const char *s, size_t len)
{
	const char	*amp, *end = s + len;
	size_t		 n;

	while ((amp = memchr(s, '&', (size_t)(end - s))) != NULL) {
		buf_add(out, s, (size_t)(amp - s));
		n = feed_html_ref_len(amp);
		if (n > 0 && amp + n <= end) {
			feed_html_ref(out, amp, n);
			s = amp + n;
		} else {
			buf_puts(out, "&amp;");
			s = amp + 1;
		}
	}
	buf_add(out, s, (size_t)(end - s));
}

/* The HTML string html made safe and absolute (caller frees). */
char *
feed_html_clean(const char *html, const char *base)
{
	struct feed_html_scan	 scan = { NULL, NULL, NULL, NULL };
	struct buf		 b = BUF_INIT;
	const char		*p = html, *lt, *e;
	size_t			 len;

	if (html == NULL) {
		return NULL;
	}
	while ((lt = strchr(p, '<')) != NULL) {
		feed_html_text(&b, p, (size_t)(lt - p));
		if (strncmp(lt, "<!--", 4) == 0) {
			e = strstr(lt + 4, "-->");
			p = e != NULL ? e + 3 : lt + strlen(lt);
			continue;
		}
		e = (lt[1] == '!' && isalpha((unsigned char)lt[2])) ||
		    lt[1] == '?' ? feed_html_next_gt(&scan, lt) : NULL;
		if (e != NULL) {
			p = e + 1;	/* <!DOCTYPE ...>, <?xml ...?> */
			continue;
		}
		if (lt[1] == '!' && !isalpha((unsigned char)lt[2])) {
			buf_puts(&b, "&lt;");
			p = lt + 1;
			continue;
		}
		len = 0;
		if (isalpha((unsigned char)lt[1]) || (lt[1] == '/' &&
		    isalpha((unsigned char)lt[2]))) {
			len = feed_html_tag_len(lt, &scan);
		}
		if (len == 0) {
			buf_putc(&b, '<');
			p = lt + 1;
			continue;
		}
		p = feed_html_tag(lt, len, base, &b);
	}
	feed_html_text(&b, p, strlen(p));
	return buf_detach(&b);
}
