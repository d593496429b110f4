/* html: HTML (or plain text) to blocks of styled text plus a link list. */
#include "config.h"
#include "html.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/uri.h>

#include "buf.h"
#include "i18n.h"
#include "url.h"
#include "utf8.h"
#include "xalloc.h"

/* Elements deeper than this are read for their text only. */
#define HTML_MAX_DEPTH	200
/* How many recent links are searched for a duplicate URL. */
#define HTML_DEDUP	64

enum html_kind {
	K_INLINE = 0, K_SKIP, K_BLOCK, K_PARA, K_BR, K_HEADING, K_PRE,
	K_LIST, K_LI, K_QUOTE, K_TABLE, K_TR, K_CELL, K_HEADCELL, K_HR,
	K_DL, K_DT, K_DD, K_IMG, K_A, K_BOLD, K_ITALIC, K_CODE, K_RT
};

struct html_elem {
	const char	*name;
	enum html_kind	 kind;
};

/* Sorted by name for bsearch(). */
static const struct html_elem html_elems[] = {
	{ "a", K_A }, { "abbr", K_INLINE }, { "address", K_BLOCK },
	{ "applet", K_SKIP }, { "article", K_BLOCK }, { "aside", K_BLOCK },
	{ "audio", K_SKIP }, { "b", K_BOLD }, { "blockquote", K_QUOTE },
	{ "body", K_BLOCK }, { "br", K_BR }, { "button", K_SKIP },
	{ "canvas", K_SKIP }, { "caption", K_BLOCK }, { "center", K_BLOCK },
	{ "cite", K_ITALIC }, { "code", K_CODE }, { "datalist", K_SKIP },
	{ "dd", K_DD }, { "details", K_BLOCK }, { "dialog", K_SKIP },
	{ "dir", K_LIST }, { "div", K_BLOCK }, { "dl", K_DL }, { "dt", K_DT },
	{ "em", K_ITALIC }, { "embed", K_SKIP }, { "fieldset", K_BLOCK },
	{ "figcaption", K_BLOCK }, { "figure", K_PARA }, { "footer", K_BLOCK },
	{ "form", K_BLOCK }, { "frame", K_SKIP }, { "frameset", K_SKIP },
	{ "h1", K_HEADING }, { "h2", K_HEADING }, { "h3", K_HEADING },
	{ "h4", K_HEADING }, { "h5", K_HEADING }, { "h6", K_HEADING },
	{ "head", K_SKIP }, { "header", K_BLOCK }, { "hr", K_HR },
	{ "i", K_ITALIC }, { "iframe", K_SKIP }, { "img", K_IMG },
	{ "input", K_SKIP }, { "kbd", K_CODE }, { "li", K_LI },
	{ "link", K_SKIP }, { "listing", K_PRE }, { "main", K_BLOCK },
	{ "map", K_SKIP }, { "menu", K_LIST }, { "meta", K_SKIP },
	{ "nav", K_BLOCK }, { "noembed", K_SKIP }, { "noframes", K_SKIP },
	{ "noscript", K_SKIP }, { "object", K_SKIP }, { "ol", K_LIST },
	{ "option", K_SKIP }, { "p", K_PARA }, { "param", K_SKIP },
	{ "plaintext", K_PRE }, { "pre", K_PRE }, { "rp", K_SKIP },
	{ "rt", K_RT }, { "samp", K_CODE }, { "script", K_SKIP },
	{ "section", K_BLOCK }, { "select", K_SKIP }, { "source", K_SKIP },
	{ "strong", K_BOLD }, { "style", K_SKIP }, { "summary", K_BLOCK },
	{ "svg", K_SKIP }, { "table", K_TABLE }, { "td", K_CELL },
	{ "template", K_SKIP }, { "textarea", K_SKIP }, { "th", K_HEADCELL },
	{ "title", K_SKIP }, { "tr", K_TR }, { "track", K_SKIP },
	{ "tt", K_CODE }, { "ul", K_LIST }, { "video", K_SKIP },
	{ "xmp", K_PRE },
};

/* A block-level context: indentation, quote depth, list numbering. */
struct html_frame {
	const xmlNode	*node;
	int		 indent;
	int		 quote;
	bool		 list;
	bool		 ordered;
	int		 counter;
};

struct html_builder {
	struct html_doc	*doc;
	const char	*base;
	struct buf	 text;
	struct buf	 style;
	int		 bold, italic, code, heading, pre, cell, lists;
	int		 heading_level;
	int		 row_cells;
	bool		 space_pending;
	bool		 space_newline;
	bool		 gap_pending;
	bool		 pre_start;	/* a newline right after <pre> is dropped */
	uint32_t	 last_cp;
	char		*marker;
	struct html_frame frames[HTML_MAX_DEPTH + 2];
	int		 nframes;
};

static int
html_elem_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct html_elem *)elem)->name);
}

/* Whether a style attribute hides the element. */
static bool
html_style_hides(const char *style)
{
	char	*flat, *p;
	size_t	 n = 0;
	bool	 hidden;

	flat = xmalloc(strlen(style) + 1);
	for (p = (char *)style; *p != '\0'; p++) {
		if (*p != ' ' && *p != '\t' && *p != '\n' && *p != '\r') {
			flat[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
		}
	}
	flat[n] = '\0';
	hidden = strstr(flat, "display:none") != NULL ||
	    strstr(flat, "visibility:hidden") != NULL;
	free(flat);
	return hidden;
}

/* Whether the element is hidden (hidden, aria-hidden, display:none). */
static bool
html_hidden(const xmlNode *node)
{
	xmlChar	*v;
	bool	 hidden = false;

	if (xmlHasProp(node, (const xmlChar *)"hidden") != NULL) {
		return true;
	}
	v = xmlGetProp(node, (const xmlChar *)"aria-hidden");
	if (v != NULL) {
		hidden = strcasecmp((char *)v, "true") == 0;
		xmlFree(v);
	}
	v = xmlGetProp(node, (const xmlChar *)"style");
	if (v != NULL) {
		hidden = hidden || html_style_hides((char *)v);
		xmlFree(v);
	}
	return hidden;
}

/* What an element does; beyond the depth cap everything is inline. */
static enum html_kind
html_classify(const xmlNode *node, int depth)
{
	const struct html_elem	*e;

	if (node->type != XML_ELEMENT_NODE) {
		return K_INLINE;
	}
	if (html_hidden(node)) {
		return K_SKIP;
	}
	e = bsearch(node->name, html_elems,
	    sizeof html_elems / sizeof html_elems[0], sizeof html_elems[0],
	    html_elem_cmp);
	if (e == NULL) {
		return K_INLINE;
	}
	if (depth > HTML_MAX_DEPTH && e->kind != K_SKIP && e->kind != K_BR &&
	    e->kind != K_IMG && e->kind != K_HR) {
		return K_INLINE;
	}
	return e->kind;
}

/* ---- text ---- */

static unsigned
html_cur_style(const struct html_builder *b)
{
	unsigned	s = 0;

	if (b->bold > 0) {
		s |= HTML_STYLE_BOLD;
	}
	if (b->italic > 0) {
		s |= HTML_STYLE_ITALIC;
	}
	if (b->code > 0) {
		s |= HTML_STYLE_CODE;
	}
	if (b->heading > 0) {
		s |= HTML_STYLE_HEADING | HTML_STYLE_BOLD;
	}
	if (b->pre > 0) {
		s |= HTML_STYLE_PRE;
	}
	return s;
}

/* Append bytes to the current block with one style. */
static void
html_put(struct html_builder *b, const char *s, size_t len, unsigned style)
{
	size_t	i;

	buf_add(&b->text, s, len);
	for (i = 0; i < len; i++) {
		buf_putc(&b->style, (char)style);
	}
}

/* Emit the pending collapsed white space before next (0: none follows). */
static void
html_flush_space(struct html_builder *b, uint32_t next)
{
	if (b->space_pending && b->text.len > 0 &&
	    b->text.data[b->text.len - 1] != '\n' &&
	    b->text.data[b->text.len - 1] != ' ' &&
	    !(b->space_newline && utf8_is_cjk(b->last_cp) && utf8_is_cjk(next))) {
		html_put(b, " ", 1, html_cur_style(b) &
		    ~(unsigned)(HTML_STYLE_LINK | HTML_STYLE_IMAGE));
	}
	b->space_pending = false;
	b->space_newline = false;
}

/* Append text that is not collapsed (markers, link references). */
static void
html_put_word(struct html_builder *b, const char *s, unsigned style)
{
	uint32_t	cp;
	size_t		len = strlen(s);

	if (len == 0) {
		return;
	}
	utf8_decode(s, len, &cp);
	html_flush_space(b, cp);
	html_put(b, s, len, style);
	b->last_cp = 0;
}

/* Append a text node's content, collapsing white space outside <pre>. */
static void
html_text(struct html_builder *b, const char *raw)
{
	char		*s;
	size_t		 i, n, len;
	uint32_t	 cp;
	unsigned	 style = html_cur_style(b);

	s = utf8_sanitize(raw, strlen(raw), UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB);
	len = strlen(s);
	for (i = 0; i < len; i += n) {
		n = utf8_decode(s + i, len - i, &cp);
		if (b->pre > 0 && b->pre_start && cp == '\n') {
			b->pre_start = false;
			continue;
		}
		b->pre_start = false;
		if (b->pre > 0) {
			html_put(b, s + i, n, style);
		} else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\f') {
			b->space_pending = true;
			b->space_newline = b->space_newline || cp == '\n';
		} else if (cp != 0xad) {
			html_flush_space(b, cp);
			html_put(b, s + i, n, style);
			b->last_cp = cp;
		}
	}
	free(s);
}

/* ---- blocks ---- */

static struct html_frame *
html_top(struct html_builder *b)
{
	return &b->frames[b->nframes - 1];
}

/* Room for element n of an array grown only by this function: its capacity
 * is the next power of two, so appending stays linear. */
static void *
html_grow(void *array, size_t n, size_t size)
{
	if (n == 0 || (n & (n - 1)) == 0) {
		return xreallocarray(array, n == 0 ? 1 : 2 * n, size);
	}
	return array;
}

static struct html_block *
html_new_block(struct html_doc *doc)
{
	struct html_block	*blk;

	doc->blocks = html_grow(doc->blocks, doc->nblocks, sizeof *doc->blocks);
	blk = &doc->blocks[doc->nblocks++];
	memset(blk, 0, sizeof *blk);
	return blk;
}

/* Finish the current block, if it holds text (or, with force, a pending
 * list marker), into the document. */
static void
html_flush_block(struct html_builder *b, bool force)
{
	struct html_block	*blk;

	while (b->pre == 0 && b->text.len > 0 &&
	    b->text.data[b->text.len - 1] == '\n') {
		b->text.data[--b->text.len] = '\0';
		b->style.len--;
	}
	while (b->pre > 0 && b->text.len > 0 &&
	    b->text.data[b->text.len - 1] == '\n') {
		b->text.data[--b->text.len] = '\0';
		b->style.len--;
	}
	b->space_pending = b->space_newline = false;
	b->last_cp = 0;
	if (b->text.len == 0 && (b->marker == NULL || !force)) {
		return;
	}
	blk = html_new_block(b->doc);
	blk->type = b->pre > 0 ? HTML_BLOCK_PRE :
	    b->heading > 0 ? HTML_BLOCK_HEADING : HTML_BLOCK_PARA;
	blk->level = b->heading_level;
	blk->indent = html_top(b)->indent;
	blk->quote = html_top(b)->quote;
	blk->gap = b->gap_pending && b->doc->nblocks > 1;
	blk->marker = b->marker;
	b->marker = NULL;
	blk->len = b->text.len;
	blk->text = b->text.len > 0 ? buf_detach(&b->text) : xstrdup("");
	blk->style = xmalloc(blk->len + 1);
	memcpy(blk->style, b->style.data != NULL ? b->style.data : "", blk->len);
	buf_reset(&b->text);
	buf_reset(&b->style);
	b->gap_pending = false;
}

static void
html_flush(struct html_builder *b)
{
	html_flush_block(b, false);
}

static void
html_push(struct html_builder *b, const xmlNode *node, int indent, int quote)
{
	struct html_frame	*f = &b->frames[b->nframes++];

	memset(f, 0, sizeof *f);
	f->node = node;
	f->indent = indent;
	f->quote = quote;
}

static void
html_pop(struct html_builder *b, const xmlNode *node)
{
	if (b->nframes > 1 && html_top(b)->node == node) {
		b->nframes--;
	}
}

/* An integer attribute, or def. */
static int
html_int_prop(const xmlNode *node, const char *name, int def)
{
	xmlChar	*v;
	long	 n;
	char	*end;

	v = xmlGetProp(node, (const xmlChar *)name);
	if (v == NULL) {
		return def;
	}
	n = strtol((char *)v, &end, 10);
	if (end == (char *)v || n < -1000000 || n > 1000000) {
		n = def;
	}
	xmlFree(v);
	return (int)n;
}

/* Start a list item: its marker and the indentation of its text. */
static void
html_enter_li(struct html_builder *b, const xmlNode *node)
{
	struct html_frame	*list = html_top(b);
	char			*marker;

	html_flush(b);
	if (list->list && list->ordered) {
		list->counter = html_int_prop(node, "value", list->counter);
		marker = xasprintf("%d. ", list->counter++);
	} else {
		marker = xstrdup("・");
	}
	html_push(b, node, list->indent + utf8_width_amb(marker, strlen(marker), 1),
	    list->quote);
	free(b->marker);
	b->marker = marker;
}

static void
html_enter_list(struct html_builder *b, const xmlNode *node)
{
	struct html_frame	*f;

	html_flush_block(b, true);
	if (b->lists == 0) {
		b->gap_pending = true;
	}
	html_push(b, node, html_top(b)->indent, html_top(b)->quote);
	f = html_top(b);
	f->list = true;
	f->ordered = strcmp((const char *)node->name, "ol") == 0;
	f->counter = html_int_prop(node, "start", 1);
	b->lists++;
}

/* ---- links ---- */

/* href without the white space browsers strip, resolved against base. */
static char *
html_resolve(const char *href, const char *base)
{
	struct buf	 b = BUF_INIT;
	xmlChar		*abs;
	char		*out, *clean;
	size_t		 len;

	while (*href == ' ' || *href == '\t' || *href == '\n' || *href == '\r' ||
	    *href == '\f') {
		href++;
	}
	for (; *href != '\0'; href++) {
		if (*href != '\t' && *href != '\n' && *href != '\r') {
			buf_putc(&b, *href);
		}
	}
	clean = buf_detach(&b);
	len = strlen(clean);
	while (len > 0 && (clean[len - 1] == ' ' || clean[len - 1] == '\f')) {
		clean[--len] = '\0';
	}
	abs = NULL;
	if (base != NULL && *base != '\0') {
		abs = xmlBuildURI((const xmlChar *)clean, (const xmlChar *)base);
	}
	out = utf8_sanitize(abs != NULL ? (char *)abs : clean,
	    strlen(abs != NULL ? (char *)abs : clean), 0);
	xmlFree(abs);
	free(clean);
	return out;
}

/* Number (1-based) of the link to href, adding it when new. */
static size_t
html_add_link(struct html_builder *b, const char *href, bool image)
{
	struct html_doc		*doc = b->doc;
	struct html_link	*l;
	char			*url;
	size_t			 i;

	url = html_resolve(href, b->base);
	for (i = doc->nlinks; i > 0 && i + HTML_DEDUP > doc->nlinks; i--) {
		if (strcmp(doc->links[i - 1].url, url) == 0) {
			free(url);
			return i;
		}
	}
	doc->links = html_grow(doc->links, doc->nlinks, sizeof *doc->links);
	l = &doc->links[doc->nlinks++];
	l->url = url;
	l->openable = url_openable(url);
	l->image = image;
	return doc->nlinks;
}

/* Append "[n]" for the link to href (when there is one). */
static void
html_link_ref(struct html_builder *b, const xmlNode *node, const char *attr,
    bool image)
{
	xmlChar	*href;
	char	 ref[32];

	href = xmlGetProp(node, (const xmlChar *)attr);
	if (href == NULL) {
		return;
	}
	if (*href != '\0') {
		snprintf(ref, sizeof ref, "[%zu]", html_add_link(b, (char *)href,
		    image));
		html_put_word(b, ref, HTML_STYLE_LINK);
	}
	xmlFree(href);
}

/* An <img>: "[image: alt]" and a reference to its URL. */
static void
html_image(struct html_builder *b, const xmlNode *node)
{
	xmlChar	*alt;
	char	*s, *flat;

	alt = xmlGetProp(node, (const xmlChar *)"alt");
	flat = utf8_sanitize(alt != NULL ? (char *)alt : "",
	    alt != NULL ? strlen((char *)alt) : 0, 0);
	if (*flat != '\0') {
		s = xasprintf(_("[image: %s]"), flat);
	} else {
		s = xstrdup(_("[image]"));
	}
	html_put_word(b, s, HTML_STYLE_IMAGE);
	html_link_ref(b, node, "src", true);
	free(s);
	free(flat);
	xmlFree(alt);
}

/* ---- traversal ---- */

/* An <hr>: a rule block between gaps. */
static void
html_rule(struct html_builder *b)
{
	struct html_block	*blk;

	html_flush(b);
	blk = html_new_block(b->doc);
	blk->type = HTML_BLOCK_RULE;
	blk->text = xstrdup("");
	blk->style = xcalloc(1, 1);
	blk->gap = b->doc->nblocks > 1;
	blk->quote = html_top(b)->quote;
	blk->indent = html_top(b)->indent;
	b->gap_pending = true;
}

static void
html_enter_cell(struct html_builder *b, enum html_kind kind)
{
	if (b->cell == 0 && b->row_cells > 0) {
		b->space_pending = false;
		html_put_word(b, " | ", 0);
	} else if (b->cell > 0) {
		b->space_pending = true;
	}
	if (b->cell == 0) {
		b->row_cells++;
	}
	b->cell++;
	if (kind == K_HEADCELL) {
		b->bold++;
	}
}

/* Start an element of a block kind; false if it is inside a table cell. */
static bool
html_enter_block(struct html_builder *b, const xmlNode *node,
    enum html_kind kind)
{
	if (b->cell > 0) {
		b->space_pending = true;
		return false;
	}
	html_flush(b);
	switch (kind) {
	case K_PARA:
	case K_DL:
	case K_TABLE:
		b->gap_pending = true;
		break;
	case K_QUOTE:
		b->gap_pending = true;
		html_push(b, node, html_top(b)->indent, html_top(b)->quote + 1);
		break;
	case K_HEADING:
		b->gap_pending = true;
		b->heading++;
		b->heading_level = node->name[1] - '0';
		break;
	case K_PRE:
		b->gap_pending = true;
		b->pre++;
		b->pre_start = true;
		break;
	case K_TR:
		b->row_cells = 0;
		break;
	case K_DT:
		b->bold++;
		break;
	case K_DD:
		html_push(b, node, html_top(b)->indent + 4, html_top(b)->quote);
		break;
	default:
		break;
	}
	return true;
}

/* Enter a line break, rule, list or list item (spaces inside table cells);
 * returns whether to visit the children. */
static bool
html_enter_structure(struct html_builder *b, const xmlNode *node,
    enum html_kind kind)
{
	if (b->cell > 0) {
		b->space_pending = true;
		return kind == K_LIST || kind == K_LI;
	}
	switch (kind) {
	case K_BR:
		b->space_pending = false;
		html_put(b, "\n", 1, 0);
		return false;
	case K_HR:
		html_rule(b);
		return false;
	case K_LIST:
		html_enter_list(b, node);
		return true;
	default:
		html_enter_li(b, node);
		return true;
	}
}

/* Enter an element or text node; returns whether to visit its children. */
static bool
html_enter(struct html_builder *b, const xmlNode *node, int depth)
{
	enum html_kind	kind;

	if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
		if (node->content != NULL) {
			html_text(b, (const char *)node->content);
		}
		return false;
	}
	if (node->type != XML_ELEMENT_NODE) {
		return false;
	}
	kind = html_classify(node, depth);
	switch (kind) {
	case K_SKIP:
		return false;
	case K_INLINE:
	case K_A:
		return true;
	case K_BOLD:
		b->bold++;
		return true;
	case K_ITALIC:
		b->italic++;
		return true;
	case K_CODE:
		b->code++;
		return true;
	case K_RT:
		html_put_word(b, "（", html_cur_style(b));
		return true;
	case K_IMG:
		html_image(b, node);
		return false;
	case K_CELL:
	case K_HEADCELL:
		html_enter_cell(b, kind);
		return true;
	case K_BR:
	case K_HR:
	case K_LIST:
	case K_LI:
		return html_enter_structure(b, node, kind);
	default:
		html_enter_block(b, node, kind);
		return true;
	}
}

/* Leave a block-kind element (counterpart of html_enter_block()). */
static void
html_leave_block(struct html_builder *b, const xmlNode *node,
    enum html_kind kind)
{
	if (b->cell > 0) {
		b->space_pending = true;
		return;
	}
	html_flush(b);
	switch (kind) {
	case K_PARA:
	case K_DL:
	case K_TABLE:
	case K_QUOTE:
		b->gap_pending = true;
		html_pop(b, node);
		break;
	case K_HEADING:
		b->heading--;
		b->heading_level = 0;
		b->gap_pending = true;
		break;
	case K_PRE:
		b->pre--;
		b->gap_pending = true;
		break;
	case K_DT:
		b->bold--;
		break;
	case K_LI:
		html_flush_block(b, true);
		html_pop(b, node);
		break;
	case K_DD:
		html_pop(b, node);
		break;
	case K_LIST:
		html_pop(b, node);
		b->lists--;
		if (b->lists == 0) {
			b->gap_pending = true;
		}
		break;
	default:
		break;
	}
}

/* Leave an element: undo what html_enter() did. */
static void
html_leave(struct html_builder *b, const xmlNode *node, int depth)
{
	enum html_kind	kind;

	if (node->type != XML_ELEMENT_NODE) {
		return;
	}
	kind = html_classify(node, depth);
	switch (kind) {
	case K_SKIP:
	case K_INLINE:
	case K_IMG:
	case K_BR:
	case K_HR:
		break;
	case K_A:
		html_link_ref(b, node, "href", false);
		break;
	case K_BOLD:
		b->bold--;
		break;
	case K_ITALIC:
		b->italic--;
		break;
	case K_CODE:
		b->code--;
		break;
	case K_RT:
		html_put_word(b, "）", html_cur_style(b));
		break;
	case K_CELL:
	case K_HEADCELL:
		b->cell--;
		b->space_pending = false;
		if (kind == K_HEADCELL) {
			b->bold--;
		}
		break;
	default:
		html_leave_block(b, node, kind);
		break;
	}
}

/* Visit the tree under root in document order without recursion. */
static void
html_walk(struct html_builder *b, const xmlNode *root)
{
	const xmlNode	*cur = root;
	int		 depth = 0;

	while (cur != NULL) {
		if (html_enter(b, cur, depth) && cur->children != NULL) {
			cur = cur->children;
			depth++;
			continue;
		}
		for (;;) {
			html_leave(b, cur, depth);
			if (cur == root) {
				cur = NULL;
				break;
			}
			if (cur->next != NULL) {
				cur = cur->next;
				break;
			}
			cur = cur->parent;
			depth--;
		}
	}
}

static struct html_builder *
html_builder_new(const char *base)
{
	struct html_builder	*b;

	b = xcalloc(1, sizeof *b);
	b->doc = html_doc_new();
	b->base = base;
	buf_init(&b->text);
	buf_init(&b->style);
	b->nframes = 1;
	return b;
}

/* Finish the builder and hand over its document. */
static struct html_doc *
html_builder_finish(struct html_builder *b)
{
	struct html_doc	*doc;

	b->pre = 0;
	html_flush(b);
	doc = b->doc;
	free(b->marker);
	buf_free(&b->text);
	buf_free(&b->style);
	free(b);
	return doc;
}

/* Blocks and links of an HTML fragment or document; the caller frees. */
struct html_doc *
html_parse(const char *html, size_t len, const char *base)
{
	struct html_builder	*b;
	htmlDocPtr		 xdoc;
	char			*clean;
	const xmlNode		*root;

	clean = utf8_sanitize(html, len, UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB |
	    UTF8_MARKUP);
	b = html_builder_new(base);
	xdoc = htmlReadMemory(clean, (int)(strlen(clean) > 0x7fffffff ?
	    0x7fffffff : strlen(clean)), NULL, "UTF-8", HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER);
	free(clean);
	if (xdoc != NULL) {
		for (root = xdoc->children; root != NULL; root = root->next) {
			html_walk(b, root);
		}
		xmlFreeDoc(xdoc);
	}
	return html_builder_finish(b);
}

/* Append one paragraph of plain text: trailing blanks of its lines cut. */
static void
html_text_para(struct html_doc *doc, const char *s, size_t len)
{
	struct buf		 b = BUF_INIT;
	struct html_block	*blk;
	size_t			 i, start = 0, end;

	for (i = 0; i <= len; i++) {
		if (i < len && s[i] != '\n') {
			continue;
		}
		end = i;
		while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t')) {
			end--;
		}
		if (b.len > 0) {
			buf_putc(&b, '\n');
		}
		buf_add(&b, s + start, end - start);
		start = i + 1;
	}
	blk = html_new_block(doc);
	blk->gap = doc->nblocks > 1;
	blk->len = b.len;
	blk->text = buf_detach(&b);
	blk->style = xcalloc(blk->len + 1, 1);
}

/* Whether s[0..len) holds only blanks. */
static bool
html_blank(const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (s[i] != ' ' && s[i] != '\t') {
			return false;
		}
	}
	return true;
}

/* Plain text as paragraphs split at blank lines; the caller frees. */
struct html_doc *
html_from_text(const char *text, size_t len)
{
	struct html_doc	*doc = html_doc_new();
	char		*s;
	size_t		 n, i, line, para = 0;
	bool		 in_para = false;

	s = utf8_sanitize(text, len, UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB);
	n = strlen(s);
	for (line = 0; line <= n; line = i + 1) {
		for (i = line; i < n && s[i] != '\n'; i++) {
			continue;
		}
		if (!html_blank(s + line, i - line)) {
			if (!in_para) {
				para = line;
				in_para = true;
			}
			continue;
		}
		if (in_para) {
			html_text_para(doc, s + para, line - 1 - para);
			in_para = false;
		}
	}
	if (in_para) {
		html_text_para(doc, s + para, n - para);
	}
	free(s);
	return doc;
}

/* An empty document; the caller frees it with html_doc_free(). */
struct html_doc *
html_doc_new(void)
{
	return xcalloc(1, sizeof (struct html_doc));
}

/* Append a block of text (sanitized, copied) in one style. */
struct html_block *
html_doc_add(struct html_doc *doc, enum html_block_type type,
    const char *text, unsigned style)
{
	struct html_block	*blk;

	blk = html_new_block(doc);
	blk->type = type;
	blk->text = utf8_sanitize(text, strlen(text),
	    UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB);
	blk->len = strlen(blk->text);
	blk->style = xmalloc(blk->len + 1);
	memset(blk->style, (int)style, blk->len + 1);
	return blk;
}

void
html_doc_free(struct html_doc *doc)
{
	size_t	i;

	if (doc == NULL) {
		return;
	}
	for (i = 0; i < doc->nblocks; i++) {
		free(doc->blocks[i].marker);
		free(doc->blocks[i].text);
		free(doc->blocks[i].style);
	}
	for (i = 0; i < doc->nlinks; i++) {
		free(doc->links[i].url);
	}
	free(doc->blocks);
	free(doc->links);
	free(doc);
}

/* Append the text under node (its siblings too) to b: hidden and skipped
 * elements left out, blocks and line breaks as spaces. */
static void
html_plain_walk(struct buf *b, const xmlNode *node, int depth)
{
	enum html_kind	kind;

	for (; node != NULL; node = node->next) {
		if (node->type == XML_TEXT_NODE ||
		    node->type == XML_CDATA_SECTION_NODE) {
			if (node->content != NULL) {
				buf_puts(b, (const char *)node->content);
			}
			continue;
		}
		if (node->type != XML_ELEMENT_NODE &&
		    node->type != XML_DOCUMENT_NODE &&
		    node->type != XML_HTML_DOCUMENT_NODE) {
			continue;
		}
		kind = html_classify(node, depth);
		if (kind == K_SKIP || depth > HTML_MAX_DEPTH) {
			continue;
		}
		if (kind != K_INLINE && kind != K_A && kind != K_BOLD &&
		    kind != K_ITALIC && kind != K_CODE) {
			buf_putc(b, ' ');
		}
		html_plain_walk(b, node->children, depth + 1);
		if (kind != K_INLINE && kind != K_A && kind != K_BOLD &&
		    kind != K_ITALIC && kind != K_CODE) {
			buf_putc(b, ' ');
		}
	}
}

/* A copy of s with runs of white space made one space, none at the ends. */
static char *
html_collapse(const char *s)
{
	struct buf	b = BUF_INIT;
	bool		space = false;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
		    *s == '\f' || *s == '\v') {
			space = b.len > 0;
			continue;
		}
		if (space) {
			buf_putc(&b, ' ');
			space = false;
		}
		buf_putc(&b, *s);
	}
	return buf_detach(&b);
}

/* The text of an HTML fragment on one line: tags stripped (the content of
 * script, style and hidden elements dropped), entities decoded, white space
 * collapsed, control characters removed.  The caller frees the result. */
char *
html_to_plain(const char *html, size_t len)
{
	struct buf	 b = BUF_INIT;
	htmlDocPtr	 xdoc;
	char		*clean, *out;

	clean = utf8_sanitize(html, len, UTF8_ALLOW_NEWLINE | UTF8_ALLOW_TAB |
	    UTF8_MARKUP);
	xdoc = htmlReadMemory(clean, (int)(strlen(clean) > 0x7fffffff ?
	    0x7fffffff : strlen(clean)), NULL, "UTF-8", HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
	    HTML_PARSE_NOIMPLIED);
	free(clean);
	if (xdoc != NULL) {
		html_plain_walk(&b, xdoc->children, 0);
		xmlFreeDoc(xdoc);
	}
	clean = utf8_sanitize(b.data != NULL ? b.data : "", b.len, 0);
	buf_free(&b);
	out = html_collapse(clean);
	free(clean);
	return out;
}
