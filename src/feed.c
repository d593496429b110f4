/* feed: parse RSS 0.9x/1.0/2.0 and Atom 0.3/1.0 documents with libxml2. */
#include "config.h"

#include "feed.h"

#include <ctype.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#include "buf.h"
#include "date.h"
#include "feed-int.h"
#include "i18n.h"
#include "url.h"
#include "xalloc.h"

#define FEED_XML_OPTIONS (XML_PARSE_RECOVER | XML_PARSE_NONET | \
	XML_PARSE_NOWARNING | XML_PARSE_NOERROR | XML_PARSE_IGNORE_ENC | \
	XML_PARSE_NOCDATA)

/* Most text one document may pull out of internal entities. */
#define FEED_ENTITY_BUDGET	(1024 * 1024)
#define FEED_ENTITY_MAX		4096

/* Hostile feeds must not make the (deduplicating) lists quadratic. */
#define FEED_MAX_CATEGORIES	256
#define FEED_MAX_ENCLOSURES	64

struct feed_ns_name {
	const char	*uri;
	enum feed_ns	 ns;
};

static const struct feed_ns_name feed_namespaces[] = {
	{ "http://purl.org/rss/1.0", FEED_NS_RSS },
	{ "http://my.netscape.com/rdf/simple/0.9", FEED_NS_RSS },
	{ "http://backend.userland.com/rss2", FEED_NS_RSS },
	{ "http://backend.userland.com/rss", FEED_NS_RSS },
	{ "http://blogs.law.harvard.edu/tech/rss", FEED_NS_RSS },
	{ "http://www.w3.org/2005/atom", FEED_NS_ATOM10 },
	{ "http://purl.org/atom/ns#", FEED_NS_ATOM03 },
	{ "http://example.com/newformat#", FEED_NS_ATOM03 },
	{ "http://purl.org/dc/elements/1.1", FEED_NS_DC },
	{ "http://purl.org/dc/elements/1.0", FEED_NS_DC },
	{ "http://purl.org/dc/terms", FEED_NS_DCTERMS },
	{ "http://purl.org/rss/1.0/modules/content", FEED_NS_CONTENT },
	{ "http://search.yahoo.com/mrss", FEED_NS_MEDIA },
	{ "http://www.w3.org/1999/02/22-rdf-syntax-ns#", FEED_NS_RDF },
	{ "http://www.w3.org/1999/xhtml", FEED_NS_XHTML },
};

/* State of libxml2's error reporting for one parse. */
struct feed_errors {
	char	*first;
	int	 count;
};

/* Set up libxml2 once, from the main thread, before any feed_parse(). */
void
feed_init(void)
{
	xmlInitParser();
}

/* Which known namespace node is in. */
enum feed_ns
feed_ns_of(const xmlNode *node)
{
	const char	*uri;
	size_t		 i, n;

	if (node == NULL || node->ns == NULL || node->ns->href == NULL) {
		return FEED_NS_NONE;
	}
	uri = (const char *)node->ns->href;
	n = strlen(uri);
	while (n > 0 && (uri[n - 1] == '/' || uri[n - 1] == ' ')) {
		n--;
	}
	for (i = 0; i < sizeof feed_namespaces / sizeof feed_namespaces[0];
	    i++) {
		if (strlen(feed_namespaces[i].uri) == n &&
		    strncasecmp(uri, feed_namespaces[i].uri, n) == 0) {
			return feed_namespaces[i].ns;
		}
	}
	return FEED_NS_OTHER;
}

/* True when node is in the (unknown) namespace of the document's root. */
static bool
feed_in_root_ns(const xmlNode *node)
{
	const xmlNode	*root = xmlDocGetRootElement(node->doc);

	return root != NULL && root->ns != NULL && root->ns->href != NULL &&
	    node->ns != NULL && node->ns->href != NULL &&
	    feed_ns_of(root) == FEED_NS_OTHER && strcmp((const char *)
	    root->ns->href, (const char *)node->ns->href) == 0;
}

/* True when node is element name in ns (FEED_NS_RSS also matches none;
 * RSS and Atom 1.0 also match an unknown namespace the root is in). */
bool
feed_is(const xmlNode *node, enum feed_ns ns, const char *name)
{
	enum feed_ns	have;

	if (node == NULL || node->type != XML_ELEMENT_NODE ||
	    strcmp((const char *)node->name, name) != 0) {
		return false;
	}
	have = feed_ns_of(node);
	if (have == ns || (ns == FEED_NS_RSS && have == FEED_NS_NONE)) {
		return true;
	}
	return have == FEED_NS_OTHER && (ns == FEED_NS_RSS ||
	    ns == FEED_NS_ATOM10) && feed_in_root_ns(node);
}

/* True when node is the Atom (1.0, 0.3 or namespace-less) element name. */
bool
feed_is_atom(const xmlNode *node, const char *name)
{
	return feed_is(node, FEED_NS_ATOM10, name) ||
	    feed_is(node, FEED_NS_ATOM03, name) ||
	    feed_is(node, FEED_NS_NONE, name);
}

/* Append the replacement text of an internal entity, within budget. */
void
feed_node_entity(struct feed_ctx *ctx, const xmlNode *ref, struct buf *b)
{
	xmlEntity	*ent;
	size_t		 n;

	ent = xmlGetDocEntity(ctx->xml, ref->name);
	if (ent == NULL || ent->etype != XML_INTERNAL_GENERAL_ENTITY ||
	    ent->content == NULL) {
		return;
	}
	n = strlen((const char *)ent->content);
	if (n > FEED_ENTITY_MAX || n > ctx->entity_budget ||
	    strpbrk((const char *)ent->content, "&<") != NULL) {
		return;
	}
	ctx->entity_budget -= n;
	buf_add(b, ent->content, n);
}

/* Append the text of node's descendants to b. */
static void
feed_collect_text(struct feed_ctx *ctx, const xmlNode *node, struct buf *b)
{
	const xmlNode	*c;

	for (c = node->children; c != NULL; c = c->next) {
		switch (c->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (c->content != NULL) {
				buf_puts(b, (const char *)c->content);
			}
			break;
		case XML_ENTITY_REF_NODE:
			feed_node_entity(ctx, c, b);
			break;
		case XML_ELEMENT_NODE:
			feed_collect_text(ctx, c, b);
			break;
		default:
			break;
		}
	}
}

/* A copy of s[0..len) without surrounding whitespace. */
static char *
feed_trim(const char *s, size_t len)
{
	while (len > 0 && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len > 0 && isspace((unsigned char)s[len - 1])) {
		len--;
	}
	return xstrndup(s, len);
}

/* The trimmed text content of node (caller frees); NULL for no node. */
char *
feed_node_text(struct feed_ctx *ctx, const xmlNode *node)
{
	struct buf	 b = BUF_INIT;
	char		*s;

	if (node == NULL) {
		return NULL;
	}
	feed_collect_text(ctx, node, &b);
	s = feed_trim(b.data != NULL ? b.data : "", b.len);
	buf_free(&b);
	return s;
}

/* The trimmed value of node's attribute name in any namespace, or NULL. */
char *
feed_node_attr(const xmlNode *node, const char *name)
{
	xmlChar	*v;
	char	*s;

	v = xmlGetProp(node, (const xmlChar *)name);
	if (v == NULL) {
		return NULL;
	}
	s = feed_trim((const char *)v, strlen((const char *)v));
	xmlFree(v);
	return s;
}

#define FEED_BASE_DEPTH	64

/* The base URL in effect at node: the caller's URL (or, for RSS without
 * one, the channel's link) with every xml:base from the root down to node
 * applied in turn (RFC 3986 resolution).  Caller frees; NULL if none. */
char *
feed_node_base(struct feed_ctx *ctx, const xmlNode *node)
{
	const xmlNode	*chain[FEED_BASE_DEPTH], *p;
	size_t		 n = 0;
	xmlChar		*v;
	char		*base, *next;

	for (p = node; p != NULL && p->type == XML_ELEMENT_NODE &&
	    n < FEED_BASE_DEPTH; p = p->parent) {
		if (xmlHasNsProp(p, (const xmlChar *)"base",
		    XML_XML_NAMESPACE) != NULL) {
			chain[n++] = p;
		}
	}
	base = ctx->base_url != NULL ? xstrdup(ctx->base_url) :
	    (ctx->fallback_base != NULL ? xstrdup(ctx->fallback_base) : NULL);
	while (n > 0) {
		v = xmlGetNsProp(chain[--n], (const xmlChar *)"base",
		    XML_XML_NAMESPACE);
		if (v != NULL && url_scheme_ok((const char *)v)) {
			next = url_resolve(base, (const char *)v);
			free(base);
			base = next;
		}
		xmlFree(v);
	}
	return base;
}

/* value resolved against the base in effect at node (caller frees). */
char *
feed_node_url(struct feed_ctx *ctx, const xmlNode *node, const char *value)
{
	char	*base, *s;

	if (value == NULL) {
		return NULL;
	}
	base = feed_node_base(ctx, node);
	s = url_resolve(base, value);
	free(base);
	return s;
}

/* Store value in *field unless it is set already (then free value). */
void
feed_take(char **field, char *value)
{
	if (*field == NULL) {
		*field = value;
	} else {
		free(value);
	}
}

/* Store value in *field, freeing what was there (unless value is NULL). */
void
feed_replace(char **field, char *value)
{
	if (value == NULL) {
		return;
	}
	free(*field);
	*field = value;
}

/* Append a zeroed item to doc; the doc owns it. */
struct item *
feed_item_new(struct feed_doc *doc)
{
	size_t		 n = doc->nitems;
	struct item	*it;

	if (n == 0 || (n >= 8 && (n & (n - 1)) == 0)) {
		doc->items = xreallocarray(doc->items, n < 8 ? 8 : n * 2,
		    sizeof *doc->items);
	}
	it = &doc->items[doc->nitems++];
	memset(it, 0, sizeof *it);
	return it;
}

/* Add a category (taken over); empty and repeated ones are dropped. */
void
feed_item_category(struct item *it, char *term)
{
	size_t	i;

	if (term == NULL || term[0] == '\0' ||
	    it->ncategories >= FEED_MAX_CATEGORIES) {
		free(term);
		return;
	}
	for (i = 0; i < it->ncategories; i++) {
		if (strcmp(it->categories[i], term) == 0) {
			free(term);
			return;
		}
	}
	it->categories = xreallocarray(it->categories, it->ncategories + 1,
	    sizeof *it->categories);
	it->categories[it->ncategories++] = term;
}

/* Add an enclosure (url taken over); a repeated url only fills gaps. */
void
feed_item_enclosure(struct item *it, char *url, const char *type,
    const char *length)
{
	struct enclosure	*e;
	size_t			 i;
	char			*end;
	long long		 n = -1;

	if (url == NULL || url[0] == '\0' || !url_scheme_ok(url) ||
	    it->nenclosures >= FEED_MAX_ENCLOSURES) {
		free(url);
		return;
	}
	if (length != NULL && length[0] != '\0') {
		n = strtoll(length, &end, 10);
		if (*end != '\0' || n < 0) {
			n = -1;
		}
	}
	for (i = 0; i < it->nenclosures; i++) {
		e = &it->enclosures[i];
		if (strcmp(e->url, url) == 0) {
			if (e->type == NULL && type != NULL && type[0] != '\0') {
				e->type = xstrdup(type);
			}
			e->length = e->length < 0 ? n : e->length;
			free(url);
			return;
		}
	}
	it->enclosures = xreallocarray(it->enclosures, it->nenclosures + 1,
	    sizeof *it->enclosures);
	e = &it->enclosures[it->nenclosures++];
	e->url = url;
	e->type = type != NULL && type[0] != '\0' ? xstrdup(type) : NULL;
	e->length = n;
}

/* The first media:name below node (item, media:group, media:content). */
static const xmlNode *
feed_media_find(const xmlNode *node, const char *name, int depth)
{
	const xmlNode	*c, *found;

	for (c = node->children; c != NULL; c = c->next) {
		if (feed_is(c, FEED_NS_MEDIA, name)) {
			return c;
		}
	}
	if (depth >= 2) {
		return NULL;
	}
	for (c = node->children; c != NULL; c = c->next) {
		if ((feed_is(c, FEED_NS_MEDIA, "group") ||
		    feed_is(c, FEED_NS_MEDIA, "content")) &&
		    (found = feed_media_find(c, name, depth + 1)) != NULL) {
			return found;
		}
	}
	return NULL;
}

/* Fill an item's missing title, text and link from Media RSS
 * (media:title, media:description, media:player), as newsboat does. */
void
feed_media_fallback(struct feed_ctx *ctx, struct item *it,
    const xmlNode *node)
{
	const xmlNode	*n;
	char		*type, *text, *base;

	if (it->title == NULL && (n = feed_media_find(node, "title", 0)) !=
	    NULL) {
		it->title = feed_node_text(ctx, n);
	}
	if (it->link == NULL && (n = feed_media_find(node, "player", 0)) !=
	    NULL && (text = feed_node_attr(n, "url")) != NULL) {
		it->link = url_scheme_ok(text) ? feed_node_url(ctx, n, text) :
		    NULL;
		free(text);
	}
	if (it->summary != NULL || it->content != NULL ||
	    (n = feed_media_find(node, "description", 0)) == NULL) {
		return;
	}
	type = feed_node_attr(n, "type");
	text = feed_node_text(ctx, n);
	if (type != NULL && strcasecmp(type, "html") == 0) {
		base = feed_node_base(ctx, n);
		it->summary = feed_html_clean(text, base);
		it->summary_type = CONTENT_HTML;
		free(base);
		free(text);
	} else {
		it->summary = text;
		it->summary_type = CONTENT_TEXT;
	}
	free(type);
}

/* Keep the first date seen: raw text (taken over) and its epoch value. */
void
feed_set_date(char **raw, time_t *when, char *text)
{
	time_t	t;

	if (*raw != NULL || text == NULL || text[0] == '\0') {
		free(text);
		return;
	}
	*raw = text;
	if (date_parse(text, &t)) {
		*when = t;
	}
}

/* Mark doc as not well-formed, remembering the first reason. */
void
feed_doc_bozo(struct feed_doc *doc, const char *message)
{
	doc->bozo = true;
	if (doc->bozo_message == NULL && message != NULL) {
		doc->bozo_message = xstrdup(message);
	}
}

/* libxml2's structured error callback: keep the first error. */
static void
feed_xml_error(void *data, xmlError *error)
{
	xmlParserCtxt		*pc = data;
	struct feed_errors	*errs = pc != NULL ? pc->_private : NULL;
	char			*msg;
	size_t			 n;

	if (errs == NULL || error == NULL || error->level < XML_ERR_ERROR) {
		return;
	}
	errs->count++;
	if (errs->first != NULL) {
		return;
	}
	msg = xstrdup(error->message != NULL ? error->message : "?");
	n = strlen(msg);
	while (n > 0 && isspace((unsigned char)msg[n - 1])) {
		msg[--n] = '\0';
	}
	errs->first = xasprintf(_("line %d: %s"), error->line, msg);
	free(msg);
}

/* Refuse every external entity or DTD, should libxml2 ever ask (the
 * parse options already keep it from asking). */
static xmlParserInput *
feed_xml_no_entity(void *ctx, const xmlChar *public_id,
    const xmlChar *system_id)
{
	(void)ctx;
	(void)public_id;
	(void)system_id;
	return NULL;
}

/* Parse d with libxml2, recovering what it can. */
static xmlDoc *
feed_xml_read(const struct feed_decoded *d, const char *base_url,
    struct feed_errors *errs, bool *wellformed)
{
	xmlParserCtxt	*pc;
	xmlDoc		*xml;

	pc = xmlNewParserCtxt();
	if (pc == NULL) {
		return NULL;
	}
	pc->_private = errs;
	if (pc->sax != NULL) {
		pc->sax->serror = feed_xml_error;
		pc->sax->resolveEntity = feed_xml_no_entity;
		pc->sax->externalSubset = NULL;
	}
	xml = xmlCtxtReadMemory(pc, d->data, (int)d->len, base_url, "UTF-8",
	    FEED_XML_OPTIONS);
	*wellformed = pc->wellFormed != 0 && errs->count == 0;
	if (errs->first == NULL && !pc->wellFormed &&
	    pc->lastError.message != NULL) {
		errs->first = feed_trim(pc->lastError.message,
		    strlen(pc->lastError.message));
	}
	xmlFreeParserCtxt(pc);
	return xml;
}

/* "hash:" and 16 hex digits of FNV-1a 64 over title and text. */
static char *
feed_hash_key(const struct item *it)
{
	const char	*parts[3], *p;
	uint64_t	 h = 0xcbf29ce484222325ULL;
	size_t		 i;

	parts[0] = it->title != NULL ? it->title : "";
	parts[1] = it->content != NULL ? it->content :
	    (it->summary != NULL ? it->summary : "");
	parts[2] = it->published_raw != NULL ? it->published_raw : "";
	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p != '\0'; p++) {
			h ^= (unsigned char)*p;
			h *= 0x100000001b3ULL;
		}
		h ^= 0xff;
		h *= 0x100000001b3ULL;
	}
	return xasprintf("hash:%016llx", (unsigned long long)h);
}

/* Give every item its identity: guid, else link, else a hash. */
static void
feed_keys(struct feed_doc *doc)
{
	struct item	*it;
	size_t		 i;

	for (i = 0; i < doc->nitems; i++) {
		it = &doc->items[i];
		if (it->guid != NULL && it->guid[0] != '\0') {
			it->key = xstrdup(it->guid);
		} else if (it->link != NULL && it->link[0] != '\0') {
			it->key = xstrdup(it->link);
		} else {
			it->key = feed_hash_key(it);
		}
	}
}

/* Find the format of root and hand it to its parser. */
static bool
feed_dispatch(struct feed_ctx *ctx, xmlNode *root, char **cause)
{
	const char	*name = (const char *)root->name;

	if (strcmp(name, "rss") == 0 || strcmp(name, "RDF") == 0 ||
	    strcmp(name, "channel") == 0) {
		feed_rss_parse(ctx, root);
		return true;
	}
	if (strcmp(name, "feed") == 0) {
		feed_atom_parse(ctx, root);
		return true;
	}
	if (cause != NULL) {
		*cause = xasprintf(_("not a feed: the document is <%s>"), name);
	}
	return false;
}

/* True when len bytes hold nothing but whitespace (and NULs). */
static bool
feed_blank(const char *data, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (!isspace((unsigned char)data[i]) && data[i] != '\0') {
			return false;
		}
	}
	return true;
}

/* Parse the decoded text into a new document, or NULL with *cause. */
static struct feed_doc *
feed_build(struct feed_decoded *d, const char *base_url, char **cause)
{
	struct feed_errors	 errs = { NULL, 0 };
	struct feed_ctx		 ctx;
	xmlDoc			*xml;
	xmlNode			*root;
	bool			 wellformed = false;

	memset(&ctx, 0, sizeof ctx);
	xml = feed_xml_read(d, base_url, &errs, &wellformed);
	root = xml != NULL ? xmlDocGetRootElement(xml) : NULL;
	if (root == NULL) {
		if (cause != NULL) {
			*cause = errs.first != NULL ? xasprintf(_("not XML: %s"),
			    errs.first) : xstrdup(_("not an XML document"));
		}
		free(errs.first);
		xmlFreeDoc(xml);
		return NULL;
	}
	ctx.xml = xml;
	ctx.base_url = base_url;
	ctx.entity_budget = FEED_ENTITY_BUDGET;
	ctx.doc = xcalloc(1, sizeof *ctx.doc);
	if (!feed_dispatch(&ctx, root, cause)) {
		feed_doc_free(ctx.doc);
		ctx.doc = NULL;
	} else {
		ctx.doc->encoding = xstrdup(d->encoding);
		if (d->bozo) {
			feed_doc_bozo(ctx.doc, d->message);
		}
		if (!wellformed) {
			feed_doc_bozo(ctx.doc, errs.first != NULL ? errs.first :
			    _("the document is not well-formed XML"));
		}
		feed_keys(ctx.doc);
	}
	free(ctx.fallback_base);
	free(errs.first);
	xmlFreeDoc(xml);
	return ctx.doc;
}

/* Parse len bytes of a feed; see feed.h. */
struct feed_doc *
feed_parse(const char *data, size_t len, const char *base_url,
    const char *charset, char **cause)
{
	struct feed_decoded	 d;
	struct feed_doc		*doc;

	if (data == NULL || feed_blank(data, len)) {
		if (cause != NULL) {
			*cause = xstrdup(_("empty document"));
		}
		return NULL;
	}
	if (charset != NULL && charset[0] == '\0') {
		charset = NULL;
	}
	feed_decode(data, len, charset, &d);
	if (d.len > INT_MAX) {
		if (cause != NULL) {
			*cause = xstrdup(_("document too large"));
		}
		feed_decode_free(&d);
		return NULL;
	}
	doc = feed_build(&d, base_url, cause);
	feed_decode_free(&d);
	return doc;
}

static void
feed_item_free(struct item *it)
{
	size_t	i;

	free(it->guid);
	free(it->key);
	free(it->title);
	free(it->link);
	free(it->author);
	free(it->summary);
	free(it->content);
	free(it->base);
	free(it->published_raw);
	free(it->updated_raw);
	for (i = 0; i < it->ncategories; i++) {
		free(it->categories[i]);
	}
	free(it->categories);
	for (i = 0; i < it->nenclosures; i++) {
		free(it->enclosures[i].url);
		free(it->enclosures[i].type);
	}
	free(it->enclosures);
}

/* Free a document and everything it owns; NULL is a no-op. */
void
feed_doc_free(struct feed_doc *doc)
{
	size_t	i;

	if (doc == NULL) {
		return;
	}
	for (i = 0; i < doc->nitems; i++) {
		feed_item_free(&doc->items[i]);
	}
	free(doc->items);
	free(doc->version);
	free(doc->encoding);
	free(doc->bozo_message);
	free(doc->title);
	free(doc->link);
	free(doc->subtitle);
	free(doc->id);
	free(doc->language);
	free(doc->rights);
	free(doc->author);
	free(doc->updated_raw);
	free(doc);
}

/* True when the media type [s, s+len) is an XML or feed type. */
static bool
feed_media_is_xml(const char *s, size_t len)
{
	return (len >= 4 && strncasecmp(s + len - 4, "+xml", 4) == 0) ||
	    (len >= 4 && strncasecmp(s + len - 4, "/xml", 4) == 0) ||
	    (len == 31 && strncasecmp(s, "text/xml-external-parsed-entity",
	    31) == 0) ||
	    (len == 38 && strncasecmp(s, "application/xml-external-parsed-"
	    "entity", 38) == 0) ||
	    (len == 25 && strncasecmp(s, "application/xml-dtd", 19) == 0) ||
	    (len >= 15 && strncasecmp(s, "application/rss", 15) == 0) ||
	    (len >= 16 && strncasecmp(s, "application/atom", 16) == 0) ||
	    (len == 19 && strncasecmp(s, "application/xml-dtd", 19) == 0);
}

/* The charset parameter of a Content-Type value (caller frees), or NULL. */
static char *
feed_content_type_param(const char *p)
{
	const char	*v;
	size_t		 n;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (isspace((unsigned char)*p)) {
			p++;
		}
		if (strncasecmp(p, "charset", 7) != 0) {
			continue;
		}
		v = p + 7;
		while (isspace((unsigned char)*v)) {
			v++;
		}
		if (*v != '=') {
			continue;
		}
		v++;
		while (isspace((unsigned char)*v) || *v == '"' || *v == '\'') {
			v++;
		}
		n = strcspn(v, "\"'; \t");
		if (n > 0) {
			return xstrndup(v, n);
		}
	}
	return NULL;
}

/* The charset a Content-Type value implies; see feed.h. */
char *
feed_content_type_charset(const char *content_type, bool *is_xml)
{
	const char	*p = content_type;
	size_t		 len;
	char		*cs;

	if (is_xml != NULL) {
		*is_xml = true;
	}
	if (p == NULL) {
		return NULL;
	}
	while (isspace((unsigned char)*p)) {
		p++;
	}
	len = strcspn(p, "; \t");
	if (len == 0) {
		return NULL;
	}
	if (is_xml != NULL) {
		*is_xml = feed_media_is_xml(p, len);
	}
	cs = feed_content_type_param(p + len);
	if (cs == NULL && len > 5 && strncasecmp(p, "text/", 5) == 0 &&
	    feed_media_is_xml(p, len)) {
		cs = xstrdup("us-ascii");
	}
	return cs;
}
