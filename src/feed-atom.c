/* feed-atom: Atom 1.0 and Atom 0.3 (and namespace-less Atom). */
#include "config.h"

#include "feed-int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "url.h"
#include "utf8.h"
#include "xalloc.h"

/* Decode base64 text (whitespace ignored) into valid UTF-8; caller frees. */
static char *
feed_atom_base64(const char *s)
{
	static const char	 digits[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	struct buf		 b = BUF_INIT;
	const char		*d;
	char			*out;
	unsigned		 acc = 0;
	int			 bits = 0;

	for (; *s != '\0' && *s != '='; s++) {
		d = strchr(digits, *s);
		if (d == NULL || *s == '\0') {
			continue;
		}
		acc = (acc << 6) | (unsigned)(d - digits);
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			buf_putc(&b, (char)((acc >> bits) & 0xff));
		}
	}
	if (b.len == 0) {
		buf_free(&b);
		return xstrdup("");
	}
	out = utf8_repair(b.data, b.len);	/* no NULs, valid UTF-8 */
	buf_free(&b);
	return out;
}

/* The only element child of node when it is an XHTML <div>, else NULL. */
static const xmlNode *
feed_atom_wrapper(const xmlNode *node)
{
	const xmlNode	*c, *found = NULL;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			if (found != NULL) {
				return NULL;
			}
			found = c;
		} else if (c->type == XML_TEXT_NODE && c->content != NULL &&
		    strspn((const char *)c->content, " \t\r\n") !=
		    strlen((const char *)c->content)) {
			return NULL;
		}
	}
	if (found != NULL && strcmp((const char *)found->name, "div") == 0 &&
	    feed_ns_of(found) == FEED_NS_XHTML) {
		return found;
	}
	return NULL;
}

static bool
feed_atom_has_elements(const xmlNode *node)
{
	const xmlNode	*c;

	for (c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			return true;
		}
	}
	return false;
}

/* Markup inside node serialised as HTML; strip: drop Atom 1.0's wrapper
 * <div>. */
static char *
feed_atom_markup(struct feed_ctx *ctx, const xmlNode *node, bool strip)
{
	const xmlNode	*wrap = strip ? feed_atom_wrapper(node) : NULL;
	char		*base, *s;

	base = feed_node_base(ctx, wrap != NULL ? wrap : node);
	s = feed_html_children(ctx, wrap != NULL ? wrap : node, base);
	free(base);
	return s;
}

/* Classify an Atom type attribute: 0 text, 1 html, 2 xhtml, 3 other. */
static int
feed_atom_kind(const char *type, const char *mode)
{
	if (type == NULL || strcasecmp(type, "text") == 0 ||
	    strcasecmp(type, "text/plain") == 0) {
		return mode != NULL && strcasecmp(mode, "escaped") == 0 &&
		    type == NULL ? 1 : 0;
	}
	if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") ==
	    0) {
		return 1;
	}
	if (strcasecmp(type, "xhtml") == 0 ||
	    strcasecmp(type, "application/xhtml+xml") == 0) {
		return mode != NULL && strcasecmp(mode, "escaped") == 0 ? 1 : 2;
	}
	return 3;
}

/* True when an Atom 1.0 type is neither text nor XML, so that the
 * content is base64 (RFC 4287, 4.1.3.3). */
static bool
feed_atom_is_binary(const char *type)
{
	size_t	n = strlen(type);

	return strchr(type, '/') != NULL && strncasecmp(type, "text/", 5) != 0 &&
	    !(n >= 4 && (strcasecmp(type + n - 4, "+xml") == 0 ||
	    strcasecmp(type + n - 4, "/xml") == 0));
}

/* The value of an Atom text construct (title, summary, content, ...),
 * markup kept for html and xhtml; *type says which.  Caller frees. */
char *
feed_atom_text(struct feed_ctx *ctx, const xmlNode *node,
    enum content_type *type)
{
	char	*t = feed_node_attr(node, "type"), *mode = feed_node_attr(node,
	    "mode"), *text, *base, *out;
	int	 kind = feed_atom_kind(t, mode);

	*type = CONTENT_TEXT;
	if (kind == 2 || ((kind == 0 || kind == 3) &&
	    feed_atom_has_elements(node))) {
		*type = CONTENT_HTML;
		out = feed_atom_markup(ctx, node, t != NULL &&
		    strcasecmp(t, "xhtml") == 0);
	} else {
		if (kind == 3 && mode == NULL && feed_atom_is_binary(t)) {
			mode = xstrdup("base64");
		}
		text = feed_node_text(ctx, node);
		if (mode != NULL && strcasecmp(mode, "base64") == 0) {
			out = feed_atom_base64(text);
			free(text);
			text = out;
		}
		if (kind == 1) {
			*type = CONTENT_HTML;
			base = feed_node_base(ctx, node);
			out = feed_html_clean(text, base);
			free(base);
			free(text);
		} else {
			out = text;
		}
	}
	free(t);
	free(mode);
	return out;
}

/* How much a <link> is worth as the alternate link (0: not at all). */
static int
feed_atom_link_score(const xmlNode *n)
{
	char	*rel = feed_node_attr(n, "rel"), *type = feed_node_attr(n, "type");
	int	 score = 0;

	if (rel == NULL || rel[0] == '\0' || strcmp(rel, "alternate") == 0 ||
	    strcmp(rel, "http://www.iana.org/assignments/relation/alternate") ==
	    0) {
		score = 2;
		if (type == NULL || strcasecmp(type, "text/html") == 0 ||
		    strcasecmp(type, "application/xhtml+xml") == 0) {
			score = 3;
		}
	} else if (strcmp(rel, "self") != 0 && strcmp(rel, "enclosure") != 0 &&
	    strcmp(rel, "related") != 0 && strcmp(rel, "via") != 0 &&
	    strcmp(rel, "replies") != 0 && strcmp(rel, "license") != 0 &&
	    strcmp(rel, "edit") != 0 && strcmp(rel, "service.edit") != 0 &&
	    strcmp(rel, "service.post") != 0 && strcmp(rel, "service.feed") !=
	    0 && strncmp(rel, "http", 4) != 0) {
		score = 1;
	}
	free(rel);
	free(type);
	return score;
}

/* A link's href, or (Atom 0.3 in the wild) its text; caller frees. */
static char *
feed_atom_href(struct feed_ctx *ctx, const xmlNode *link)
{
	char	*href = feed_node_attr(link, "href");

	if (href == NULL) {
		href = feed_node_text(ctx, link);
	}
	return href;
}

/* The best alternate link among node's <link> children, resolved. */
static char *
feed_atom_link(struct feed_ctx *ctx, const xmlNode *node)
{
	const xmlNode	*c, *best = NULL;
	int		 score, best_score = 0;
	char		*href, *url;

	for (c = node->children; c != NULL; c = c->next) {
		if (!feed_is_atom(c, "link")) {
			continue;
		}
		href = feed_atom_href(ctx, c);
		score = href != NULL && href[0] != '\0' && url_scheme_ok(href) ?
		    feed_atom_link_score(c) : 0;
		free(href);
		if (score > best_score) {
			best = c;
			best_score = score;
		}
	}
	if (best == NULL) {
		return NULL;
	}
	href = feed_atom_href(ctx, best);
	url = feed_node_url(ctx, best, href);
	free(href);
	return url;
}

/* Enclosures from <link rel="enclosure"> children of entry. */
static void
feed_atom_enclosures(struct feed_ctx *ctx, struct item *it,
    const xmlNode *entry)
{
	const xmlNode	*c;
	char		*rel, *href, *type, *length;

	for (c = entry->children; c != NULL; c = c->next) {
		if (!feed_is_atom(c, "link")) {
			continue;
		}
		rel = feed_node_attr(c, "rel");
		href = feed_node_attr(c, "href");
		if (rel != NULL && href != NULL && strcmp(rel, "enclosure") ==
		    0) {
			type = feed_node_attr(c, "type");
			length = feed_node_attr(c, "length");
			feed_item_enclosure(it, feed_node_url(ctx, c, href),
			    type, length);
			free(type);
			free(length);
		}
		free(rel);
		free(href);
	}
}

/* One <author>: "Name (email)", "Name" or "email"; NULL when empty. */
static char *
feed_atom_person(struct feed_ctx *ctx, const xmlNode *node)
{
	const xmlNode	*c;
	char		*name = NULL, *email = NULL, *out;

	for (c = node->children; c != NULL; c = c->next) {
		if (feed_is_atom(c, "name")) {
			feed_take(&name, feed_node_text(ctx, c));
		} else if (feed_is_atom(c, "email")) {
			feed_take(&email, feed_node_text(ctx, c));
		}
	}
	if (name != NULL && name[0] == '\0') {
		free(name);
		name = NULL;
	}
	if (email != NULL && email[0] == '\0') {
		free(email);
		email = NULL;
	}
	if (name != NULL && email != NULL) {
		out = xasprintf("%s (%s)", name, email);
	} else if (name == NULL && email == NULL &&
	    !feed_atom_has_elements(node)) {
		out = feed_node_text(ctx, node);
	} else {
		out = xstrdup(name != NULL ? name : (email != NULL ? email : ""));
	}
	free(name);
	free(email);
	if (out[0] == '\0') {
		free(out);
		return NULL;
	}
	return out;
}

/* All authors of node joined with ", "; NULL when there are none. */
static char *
feed_atom_authors(struct feed_ctx *ctx, const xmlNode *node)
{
	struct buf	 b = BUF_INIT;
	const xmlNode	*c;
	char		*p;

	for (c = node->children; c != NULL; c = c->next) {
		if (!feed_is_atom(c, "author") && !feed_is(c, FEED_NS_DC,
		    "creator")) {
			continue;
		}
		p = feed_is(c, FEED_NS_DC, "creator") ?
		    feed_node_text(ctx, c) : feed_atom_person(ctx, c);
		if (p != NULL && p[0] != '\0') {
			if (b.len > 0) {
				buf_puts(&b, ", ");
			}
			buf_puts(&b, p);
		}
		free(p);
	}
	return b.len > 0 ? buf_detach(&b) : NULL;
}

/* The first child of node that is the Atom element name, or NULL. */
static const xmlNode *
feed_atom_child(const xmlNode *node, const char *name)
{
	const xmlNode	*c;

	for (c = node->children; c != NULL; c = c->next) {
		if (feed_is_atom(c, name)) {
			return c;
		}
	}
	return NULL;
}

/* The first of several alternative children as a text construct. */
static char *
feed_atom_pick(struct feed_ctx *ctx, const xmlNode *node,
    const char *const *names, enum content_type *type)
{
	const xmlNode		*c;
	enum content_type	 dummy;

	for (; *names != NULL; names++) {
		c = feed_atom_child(node, *names);
		if (c != NULL) {
			return feed_atom_text(ctx, c, type != NULL ? type :
			    &dummy);
		}
	}
	return NULL;
}

/* The date of the first of names present (its last occurrence wins, as
 * in feedparser), into raw text and epoch. */
static void
feed_atom_date(struct feed_ctx *ctx, const xmlNode *node,
    const char *const *names, char **raw, time_t *when)
{
	const xmlNode	*c, *last = NULL;

	if (*raw != NULL) {
		return;
	}
	for (; *names != NULL && last == NULL; names++) {
		for (c = node->children; c != NULL; c = c->next) {
			if (feed_is_atom(c, *names)) {
				last = c;
			}
		}
	}
	if (last != NULL) {
		feed_set_date(raw, when, feed_node_text(ctx, last));
	}
}

/* Categories: Atom 1.0 term attributes, Atom 0.3 dc:subject. */
static void
feed_atom_categories(struct feed_ctx *ctx, struct item *it,
    const xmlNode *entry)
{
	const xmlNode	*c;
	char		*term;

	for (c = entry->children; c != NULL; c = c->next) {
		if (feed_is_atom(c, "category")) {
			term = feed_node_attr(c, "term");
			if (term == NULL) {
				term = feed_node_text(ctx, c);
			}
			feed_item_category(it, term);
		} else if (feed_is(c, FEED_NS_DC, "subject")) {
			feed_item_category(it, feed_node_text(ctx, c));
		}
	}
}

/* Media RSS enclosures of an entry (media:content, media:thumbnail). */
static void
feed_atom_media(struct feed_ctx *ctx, struct item *it, const xmlNode *node)
{
	const xmlNode	*c;
	char		*url, *type, *length;

	for (c = node->children; c != NULL; c = c->next) {
		if (feed_is(c, FEED_NS_MEDIA, "group")) {
			feed_atom_media(ctx, it, c);
			continue;
		}
		if (!feed_is(c, FEED_NS_MEDIA, "content") &&
		    !feed_is(c, FEED_NS_MEDIA, "thumbnail")) {
			continue;
		}
		url = feed_node_attr(c, "url");
		if (url == NULL) {
			continue;
		}
		type = feed_node_attr(c, "type");
		length = feed_node_attr(c, "fileSize");
		if (type == NULL && strcmp((const char *)c->name, "thumbnail") ==
		    0) {
			type = xstrdup("image/*");
		}
		feed_item_enclosure(it, feed_node_url(ctx, c, url), type,
		    length);
		free(url);
		free(type);
		free(length);
	}
}

static const char *const feed_atom_titles[] = { "title", NULL };
static const char *const feed_atom_summaries[] = { "summary", NULL };
static const char *const feed_atom_contents[] = { "content", NULL };
static const char *const feed_atom_published[] = { "published", "issued",
	"created", NULL };
static const char *const feed_atom_updated[] = { "updated", "modified",
	NULL };
static const char *const feed_atom_subtitles[] = { "subtitle", "tagline",
	"info", NULL };
static const char *const feed_atom_rights[] = { "rights", "copyright",
	NULL };

/* The <id> of node; a path ("/x", "./x") is resolved as feedparser does,
 * anything else is left as written. */
static char *
feed_atom_id(struct feed_ctx *ctx, const xmlNode *node)
{
	const xmlNode	*c = feed_atom_child(node, "id");
	char		*id, *url;

	if (c == NULL) {
		return NULL;
	}
	id = feed_node_text(ctx, c);
	if (id[0] != '/' && id[0] != '.') {
		return id;
	}
	url = feed_node_url(ctx, c, id);
	free(id);
	return url;
}

/* The author of an entry: its own, its sources' (all of them, as
 * newsboat does), else the feed's. */
static char *
feed_atom_entry_author(struct feed_ctx *ctx, const xmlNode *entry)
{
	struct buf	 b = BUF_INIT;
	const xmlNode	*c;
	char		*a;

	a = feed_atom_authors(ctx, entry);
	for (c = entry->children; c != NULL && a == NULL; c = c->next) {
		if (feed_is_atom(c, "source")) {
			a = feed_atom_authors(ctx, c);
			if (a != NULL) {
				buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", a);
			}
			free(a);
			a = NULL;
		}
	}
	if (b.len > 0) {
		return buf_detach(&b);
	}
	if (a == NULL && ctx->doc->author != NULL) {
		a = xstrdup(ctx->doc->author);
	}
	return a;
}

/* Read one <entry>. */
static void
feed_atom_entry(struct feed_ctx *ctx, const xmlNode *entry)
{
	struct item	*it = feed_item_new(ctx->doc);
	char		*id;

	it->title = feed_atom_pick(ctx, entry, feed_atom_titles,
	    &it->title_type);
	it->link = feed_atom_link(ctx, entry);
	id = feed_atom_id(ctx, entry);
	if (id != NULL && id[0] != '\0') {
		it->guid = id;
	} else {
		free(id);
	}
	it->author = feed_atom_entry_author(ctx, entry);
	it->summary = feed_atom_pick(ctx, entry, feed_atom_summaries,
	    &it->summary_type);
	it->content = feed_atom_pick(ctx, entry, feed_atom_contents,
	    &it->content_type);
	feed_atom_date(ctx, entry, feed_atom_published, &it->published_raw,
	    &it->published);
	feed_atom_date(ctx, entry, feed_atom_updated, &it->updated_raw,
	    &it->updated);
	feed_atom_categories(ctx, it, entry);
	feed_atom_enclosures(ctx, it, entry);
	feed_atom_media(ctx, it, entry);
	feed_media_fallback(ctx, it, entry);
	it->base = feed_node_base(ctx, entry);
}

/* The version name of an Atom root. */
static char *
feed_atom_version(const xmlNode *root)
{
	char	*v;
	char	*out;

	switch (feed_ns_of(root)) {
	case FEED_NS_ATOM10:
		return xstrdup("atom10");
	case FEED_NS_ATOM03:
		return xstrdup("atom03");
	default:
		break;
	}
	v = feed_node_attr(root, "version");
	if (v != NULL && strncmp(v, "0.", 2) == 0 && strlen(v) == 3) {
		out = xasprintf("atom0%c", v[2]);
	} else {
		out = xstrdup("atom");
	}
	free(v);
	return out;
}

/* Read an Atom document whose root element is root. */
void
feed_atom_parse(struct feed_ctx *ctx, xmlNode *root)
{
	struct feed_doc	*doc = ctx->doc;
	const xmlNode	*c;
	xmlChar		*lang;

	doc->version = feed_atom_version(root);
	doc->title = feed_atom_pick(ctx, root, feed_atom_titles,
	    &doc->title_type);
	doc->subtitle = feed_atom_pick(ctx, root, feed_atom_subtitles, NULL);
	doc->rights = feed_atom_pick(ctx, root, feed_atom_rights, NULL);
	doc->id = feed_atom_id(ctx, root);
	doc->link = feed_atom_link(ctx, root);
	doc->author = feed_atom_authors(ctx, root);
	feed_atom_date(ctx, root, feed_atom_updated, &doc->updated_raw,
	    &doc->updated);
	feed_atom_date(ctx, root, feed_atom_published, &doc->updated_raw,
	    &doc->updated);
	lang = xmlNodeGetLang(root);
	if (lang != NULL) {
		doc->language = xstrdup((const char *)lang);
		xmlFree(lang);
	}
	for (c = root->children; c != NULL; c = c->next) {
		if (feed_is_atom(c, "entry")) {
			feed_atom_entry(ctx, c);
		}
	}
}
