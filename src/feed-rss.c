/* feed-rss: RSS 0.90, 0.91, 0.92, 0.93, 0.94, 2.0 and RSS 1.0 (RDF), with
 * the Dublin Core, content: and Media RSS extensions. */
#include "config.h"

#include "feed-int.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "url.h"
#include "xalloc.h"

/* What an item's element adds. */
struct feed_rss_item_rule {
	enum feed_ns	 ns;
	const char	*name;
	void		(*fn)(struct feed_ctx *, struct item *, xmlNode *);
};

/* What a channel's element adds. */
struct feed_rss_channel_rule {
	enum feed_ns	 ns;
	const char	*name;
	void		(*fn)(struct feed_ctx *, xmlNode *);
};

/* Elements a title may carry and still be taken for HTML (feedparser's
 * rule for RSS titles, whose type no attribute gives). */
static const char *const feed_rss_inline[] = { "a", "abbr", "acronym",
	"b", "big", "br", "cite", "code", "del", "dfn", "div", "em", "font",
	"i", "img", "ins", "kbd", "mark", "p", "q", "s", "samp", "small",
	"span", "strike", "strong", "sub", "sup", "tt", "u", "var", "wbr",
	NULL };

static bool
feed_rss_inline_tag(const char *name, size_t len)
{
	size_t	i;

	for (i = 0; feed_rss_inline[i] != NULL; i++) {
		if (strlen(feed_rss_inline[i]) == len &&
		    strncasecmp(feed_rss_inline[i], name, len) == 0) {
			return true;
		}
	}
	return false;
}

/* Whether an RSS title is HTML, as feedparser decides: it holds a closing
 * tag or an entity reference, and every tag is a known inline one. */
static enum content_type
feed_rss_title_type(const char *s)
{
	const char	*p, *name;
	bool		 markup = false;
	size_t		 len;

	for (p = s; *p != '\0'; p++) {
		if (*p == '&' && (len = strspn(p + 1 + (p[1] == '#'),
		    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "0123456789_")) > 0 && p[1 + (p[1] == '#') + len] == ';') {
			markup = true;
		}
		if (*p != '<') {
			continue;
		}
		name = p + 1 + (p[1] == '/');
		len = strspn(name, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");
		if (len == 0) {
			continue;
		}
		if (!feed_rss_inline_tag(name, len)) {
			return CONTENT_TEXT;
		}
		markup = markup || (p[1] == '/' && name[len] == '>');
	}
	return markup ? CONTENT_HTML : CONTENT_TEXT;
}

static void
feed_rss_item_title(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	feed_take(&it->title, feed_node_text(ctx, n));
	it->title_type = feed_rss_title_type(it->title);
}

static void
feed_rss_item_link(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*text = feed_node_text(ctx, n);

	if (text[0] != '\0' && url_scheme_ok(text)) {
		feed_take(&it->link, feed_node_url(ctx, n, text));
	}
	free(text);
}

/* atom:link inside an RSS item: the alternate link or an enclosure. */
static void
feed_rss_item_atom_link(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*rel = feed_node_attr(n, "rel"), *href = feed_node_attr(n, "href");
	char	*type, *length;

	if (href != NULL && (rel == NULL || strcmp(rel, "alternate") == 0)) {
		if (url_scheme_ok(href)) {
			feed_take(&it->link, feed_node_url(ctx, n, href));
		}
	} else if (href != NULL && strcmp(rel, "enclosure") == 0) {
		type = feed_node_attr(n, "type");
		length = feed_node_attr(n, "length");
		feed_item_enclosure(it, feed_node_url(ctx, n, href), type,
		    length);
		free(type);
		free(length);
	}
	free(rel);
	free(href);
}

static void
feed_rss_item_guid(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*perma;

	if (it->guid != NULL) {
		return;
	}
	it->guid = feed_node_text(ctx, n);
	if (it->guid[0] == '\0') {
		free(it->guid);
		it->guid = NULL;
		return;
	}
	perma = feed_node_attr(n, "isPermaLink");
	if ((perma == NULL || strcasecmp(perma, "false") != 0) &&
	    url_is_absolute(it->guid) && url_scheme_ok(it->guid)) {
		free(ctx->guid_link);
		ctx->guid_link = xstrdup(it->guid);
	}
	free(perma);
}

/* Some HTML of the item, cleaned against the item's base: escaped markup,
 * or naked markup serialised. */
static char *
feed_rss_html(struct feed_ctx *ctx, xmlNode *n)
{
	char	*text, *base, *html;
	xmlNode	*c;

	base = feed_node_base(ctx, n);
	for (c = n->children; c != NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE) {
			html = feed_html_children(ctx, n, base);
			free(base);
			return html;
		}
	}
	text = feed_node_text(ctx, n);
	html = feed_html_clean(text, base);
	free(base);
	free(text);
	return html;
}

static void
feed_rss_item_description(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	if (it->summary == NULL) {
		it->summary = feed_rss_html(ctx, n);
		it->summary_type = CONTENT_HTML;
	} else if (ctx->rss_summary && it->content == NULL &&
	    strcmp((const char *)n->name, "description") == 0) {
		it->content = feed_rss_html(ctx, n);
		it->content_type = CONTENT_HTML;
	}
}

/* A non-standard <summary>: with a <description> as well, feedparser makes
 * the second of the two the content. */
static void
feed_rss_item_summary(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	if (it->summary != NULL && it->content == NULL) {
		it->content = feed_rss_html(ctx, n);
		it->content_type = CONTENT_HTML;
	} else if (it->summary == NULL) {
		it->summary = feed_rss_html(ctx, n);
		it->summary_type = CONTENT_HTML;
		ctx->rss_summary = true;
	}
}

static void
feed_rss_item_encoded(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	if (it->content == NULL) {
		it->content = feed_rss_html(ctx, n);
		it->content_type = CONTENT_HTML;
	}
}

/* xhtml:body: the item's content as markup. */
static void
feed_rss_item_body(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*base;

	if (it->content == NULL) {
		base = feed_node_base(ctx, n);
		it->content = feed_html_children(ctx, n, base);
		it->content_type = CONTENT_HTML;
		free(base);
	}
}

/* atom:summary / atom:content borrowed into RSS. */
static void
feed_rss_item_atom_text(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	enum content_type	 type;
	char			*s = feed_atom_text(ctx, n, &type);

	if (strcmp((const char *)n->name, "summary") == 0 &&
	    it->summary == NULL) {
		it->summary = s;
		it->summary_type = type;
	} else if (strcmp((const char *)n->name, "content") == 0 &&
	    it->content == NULL) {
		it->content = s;
		it->content_type = type;
	} else {
		free(s);
	}
}

static void
feed_rss_item_author(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*s = feed_node_text(ctx, n);

	if (s[0] == '\0') {
		free(s);
		return;
	}
	feed_take(&it->author, s);
}

static void
feed_rss_item_published(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	feed_set_date(&it->published_raw, &it->published,
	    feed_node_text(ctx, n));
}

static void
feed_rss_item_updated(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	feed_set_date(&it->updated_raw, &it->updated, feed_node_text(ctx, n));
}

static void
feed_rss_item_category(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	feed_item_category(it, feed_node_text(ctx, n));
}

static void
feed_rss_item_enclosure(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*url = feed_node_attr(n, "url"), *type, *length;

	if (url == NULL) {
		return;
	}
	type = feed_node_attr(n, "type");
	length = feed_node_attr(n, "length");
	feed_item_enclosure(it, feed_node_url(ctx, n, url), type, length);
	free(url);
	free(type);
	free(length);
}

/* media:content / media:thumbnail / media:group. */
static void
feed_rss_item_media(struct feed_ctx *ctx, struct item *it, xmlNode *n)
{
	char	*url, *type, *length;
	xmlNode	*c;

	if (strcmp((const char *)n->name, "group") == 0) {
		for (c = n->children; c != NULL; c = c->next) {
			if (feed_is(c, FEED_NS_MEDIA, "content") ||
			    feed_is(c, FEED_NS_MEDIA, "thumbnail")) {
				feed_rss_item_media(ctx, it, c);
			}
		}
		return;
	}
	url = feed_node_attr(n, "url");
	if (url == NULL) {
		return;
	}
	type = feed_node_attr(n, "type");
	length = feed_node_attr(n, "fileSize");
	if (type == NULL && strcmp((const char *)n->name, "thumbnail") == 0) {
		type = xstrdup("image/*");
	}
	feed_item_enclosure(it, feed_node_url(ctx, n, url), type, length);
	free(url);
	free(type);
	free(length);
}

static const struct feed_rss_item_rule feed_rss_item_rules[] = {
	{ FEED_NS_RSS, "title", feed_rss_item_title },
	{ FEED_NS_DC, "title", feed_rss_item_title },
	{ FEED_NS_RSS, "link", feed_rss_item_link },
	{ FEED_NS_ATOM10, "link", feed_rss_item_atom_link },
	{ FEED_NS_RSS, "guid", feed_rss_item_guid },
	{ FEED_NS_RSS, "description", feed_rss_item_description },
	{ FEED_NS_DC, "description", feed_rss_item_description },
	{ FEED_NS_RSS, "summary", feed_rss_item_summary },
	{ FEED_NS_CONTENT, "encoded", feed_rss_item_encoded },
	{ FEED_NS_XHTML, "body", feed_rss_item_body },
	{ FEED_NS_RSS, "body", feed_rss_item_body },
	{ FEED_NS_RSS, "fullitem", feed_rss_item_encoded },
	{ FEED_NS_XHTML, "div", feed_rss_item_body },
	{ FEED_NS_ATOM10, "summary", feed_rss_item_atom_text },
	{ FEED_NS_ATOM10, "content", feed_rss_item_atom_text },
	{ FEED_NS_RSS, "author", feed_rss_item_author },
	{ FEED_NS_DC, "creator", feed_rss_item_author },
	{ FEED_NS_DC, "author", feed_rss_item_author },
	{ FEED_NS_RSS, "pubDate", feed_rss_item_published },
	{ FEED_NS_DC, "date", feed_rss_item_published },
	{ FEED_NS_DCTERMS, "issued", feed_rss_item_published },
	{ FEED_NS_DCTERMS, "created", feed_rss_item_published },
	{ FEED_NS_ATOM10, "published", feed_rss_item_published },
	{ FEED_NS_DCTERMS, "modified", feed_rss_item_updated },
	{ FEED_NS_ATOM10, "updated", feed_rss_item_updated },
	{ FEED_NS_RSS, "category", feed_rss_item_category },
	{ FEED_NS_DC, "subject", feed_rss_item_category },
	{ FEED_NS_RSS, "enclosure", feed_rss_item_enclosure },
	{ FEED_NS_MEDIA, "content", feed_rss_item_media },
	{ FEED_NS_MEDIA, "thumbnail", feed_rss_item_media },
	{ FEED_NS_MEDIA, "group", feed_rss_item_media },
};

/* Read one <item>. */
static void
feed_rss_item(struct feed_ctx *ctx, xmlNode *node)
{
	struct item	*it = feed_item_new(ctx->doc);
	xmlNode		*c;
	size_t		 i;
	char		*about;

	ctx->rss_summary = false;
	for (c = node->children; c != NULL; c = c->next) {
		for (i = 0; i < sizeof feed_rss_item_rules /
		    sizeof feed_rss_item_rules[0]; i++) {
			if (feed_is(c, feed_rss_item_rules[i].ns,
			    feed_rss_item_rules[i].name)) {
				feed_rss_item_rules[i].fn(ctx, it, c);
				break;
			}
		}
	}
	about = feed_node_attr(node, "about");
	if (about != NULL && about[0] != '\0') {
		feed_take(&it->guid, about);
	} else {
		free(about);
	}
	if (it->link == NULL && ctx->guid_link != NULL) {
		it->link = feed_node_url(ctx, node, ctx->guid_link);
	}
	free(ctx->guid_link);
	ctx->guid_link = NULL;
	feed_media_fallback(ctx, it, node);
	it->base = feed_node_base(ctx, node);
}

static void
feed_rss_title(struct feed_ctx *ctx, xmlNode *n)
{
	feed_take(&ctx->doc->title, feed_node_text(ctx, n));
	ctx->doc->title_type = feed_rss_title_type(ctx->doc->title);
}

static void
feed_rss_link(struct feed_ctx *ctx, xmlNode *n)
{
	char	*text;

	if (ctx->doc->link != NULL) {
		return;
	}
	text = feed_node_text(ctx, n);
	if (text[0] != '\0' && url_scheme_ok(text)) {
		ctx->doc->link = feed_node_url(ctx, n, text);
	}
	free(text);
}

static void
feed_rss_atom_link(struct feed_ctx *ctx, xmlNode *n)
{
	char	*rel = feed_node_attr(n, "rel"), *href = feed_node_attr(n, "href");

	if (href != NULL && (rel == NULL || strcmp(rel, "alternate") == 0) &&
	    url_scheme_ok(href)) {
		feed_take(&ctx->doc->link, feed_node_url(ctx, n, href));
	}
	free(rel);
	free(href);
}

static void
feed_rss_description(struct feed_ctx *ctx, xmlNode *n)
{
	if (ctx->doc->subtitle == NULL) {
		ctx->doc->subtitle = feed_rss_html(ctx, n);
	}
}

static void
feed_rss_language(struct feed_ctx *ctx, xmlNode *n)
{
	feed_take(&ctx->doc->language, feed_node_text(ctx, n));
}

static void
feed_rss_rights(struct feed_ctx *ctx, xmlNode *n)
{
	feed_take(&ctx->doc->rights, feed_node_text(ctx, n));
}

static void
feed_rss_author(struct feed_ctx *ctx, xmlNode *n)
{
	char	*s = feed_node_text(ctx, n);

	if (s[0] == '\0') {
		free(s);
		return;
	}
	feed_take(&ctx->doc->author, s);
}

static void
feed_rss_updated(struct feed_ctx *ctx, xmlNode *n)
{
	feed_set_date(&ctx->doc->updated_raw, &ctx->doc->updated,
	    feed_node_text(ctx, n));
}

static void
feed_rss_id(struct feed_ctx *ctx, xmlNode *n)
{
	feed_take(&ctx->doc->id, feed_node_text(ctx, n));
}

static const struct feed_rss_channel_rule feed_rss_channel_rules[] = {
	{ FEED_NS_RSS, "title", feed_rss_title },
	{ FEED_NS_DC, "title", feed_rss_title },
	{ FEED_NS_RSS, "link", feed_rss_link },
	{ FEED_NS_ATOM10, "link", feed_rss_atom_link },
	{ FEED_NS_RSS, "description", feed_rss_description },
	{ FEED_NS_DC, "description", feed_rss_description },
	{ FEED_NS_RSS, "language", feed_rss_language },
	{ FEED_NS_DC, "language", feed_rss_language },
	{ FEED_NS_RSS, "copyright", feed_rss_rights },
	{ FEED_NS_DC, "rights", feed_rss_rights },
	{ FEED_NS_DCTERMS, "rights", feed_rss_rights },
	{ FEED_NS_RSS, "managingEditor", feed_rss_author },
	{ FEED_NS_DC, "creator", feed_rss_author },
	{ FEED_NS_DC, "author", feed_rss_author },
	{ FEED_NS_RSS, "author", feed_rss_author },
	{ FEED_NS_RSS, "lastBuildDate", feed_rss_updated },
	{ FEED_NS_DCTERMS, "modified", feed_rss_updated },
	{ FEED_NS_ATOM10, "updated", feed_rss_updated },
	{ FEED_NS_DC, "date", feed_rss_updated },
	{ FEED_NS_RSS, "pubDate", feed_rss_updated },
	{ FEED_NS_ATOM10, "id", feed_rss_id },
};

/* Apply the channel rules to the children of node, in rule order so that
 * lastBuildDate wins over pubDate whatever the document order. */
static void
feed_rss_channel(struct feed_ctx *ctx, xmlNode *node)
{
	xmlNode	*c;
	size_t	 i;

	for (i = 0; i < sizeof feed_rss_channel_rules /
	    sizeof feed_rss_channel_rules[0]; i++) {
		for (c = node->children; c != NULL; c = c->next) {
			if (feed_is(c, feed_rss_channel_rules[i].ns,
			    feed_rss_channel_rules[i].name)) {
				feed_rss_channel_rules[i].fn(ctx, c);
			}
		}
	}
}

/* The version name of an <rss> or <rdf:RDF> root. */
static char *
feed_rss_version(xmlNode *root, xmlNode *channel)
{
	char	*v, *out;

	if (strcmp((const char *)root->name, "RDF") == 0) {
		if ((channel != NULL && channel->ns != NULL && strstr(
		    (const char *)channel->ns->href, "netscape") != NULL) ||
		    xmlSearchNsByHref(root->doc, root, (const xmlChar *)
		    "http://my.netscape.com/rdf/simple/0.9/") != NULL) {
			return xstrdup("rss090");
		}
		return xstrdup("rss10");
	}
	if (strcmp((const char *)root->name, "rss") != 0) {
		return xstrdup("rss");
	}
	v = feed_node_attr(root, "version");
	if (v == NULL || v[0] == '\0') {
		out = xstrdup("rss");
	} else if (strncmp(v, "2", 1) == 0) {
		out = xstrdup("rss20");
	} else if (strcmp(v, "0.91") == 0) {
		out = xstrdup(root->doc->intSubset != NULL &&
		    root->doc->intSubset->ExternalID != NULL && strstr(
		    (const char *)root->doc->intSubset->ExternalID,
		    "Netscape") != NULL ? "rss091n" : "rss091u");
	} else if (strncmp(v, "0.9", 3) == 0 && strlen(v) == 4) {
		out = xasprintf("rss09%c", v[3]);
	} else {
		out = xstrdup("rss");
	}
	free(v);
	return out;
}

/* Read an RSS document whose root element is root. */
void
feed_rss_parse(struct feed_ctx *ctx, xmlNode *root)
{
	xmlNode	*channel = NULL, *c;

	if (strcmp((const char *)root->name, "channel") == 0) {
		channel = root;
	}
	for (c = root->children; c != NULL && channel == NULL; c = c->next) {
		if (c->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)c->name, "channel") == 0) {
			channel = c;
		}
	}
	ctx->doc->version = feed_rss_version(root, channel);
	if (channel != NULL) {
		feed_rss_channel(ctx, channel);
	}
	if (ctx->base_url == NULL && ctx->doc->link != NULL &&
	    url_is_absolute(ctx->doc->link)) {
		ctx->fallback_base = xstrdup(ctx->doc->link);
	}
	if (channel != NULL) {
		for (c = channel->children; c != NULL; c = c->next) {
			if (feed_is(c, FEED_NS_RSS, "item")) {
				feed_rss_item(ctx, c);
			}
		}
	}
	if (channel != root) {
		for (c = root->children; c != NULL; c = c->next) {
			if (feed_is(c, FEED_NS_RSS, "item")) {
				feed_rss_item(ctx, c);
			}
		}
	}
}
