/* ui-reader: the reading pane: the item laid out by show_render() at the
 * pane's width (header, body, link list), scrolled; or a feed's last error. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "html.h"
#include "i18n.h"
#include "layout.h"
#include "paths.h"
#include "show.h"
#include "store.h"
#include "ui-int.h"
#include "ui-text.h"
#include "xalloc.h"

struct ui_reader {
	int64_t		 id;		/* the item shown, 0: none */
	char		*error_url;	/* the feed whose error is shown */
	char		*error_text;
	time_t		 error_time;
	struct layout	*layout;	/* NULL: lay out at the next draw */
	int		 width;		/* what layout was made for */
	bool		 welcome;	/* ... and whether it is the welcome */
	int		 top;
	char		*link;		/* the item's own link */
	char		**links;	/* the body's links, [n] is links[n-1] */
	size_t		 nlinks;
};

struct ui_reader *
ui_reader_new(void)
{
	return xcalloc(1, sizeof(struct ui_reader));
}

/* Forget what is shown. */
static void
ui_reader_reset(struct ui_reader *r)
{
	size_t	i;

	layout_free(r->layout);
	r->layout = NULL;
	for (i = 0; i < r->nlinks; i++) {
		free(r->links[i]);
	}
	free(r->links);
	r->links = NULL;
	r->nlinks = 0;
	free(r->link);
	r->link = NULL;
	free(r->error_url);
	r->error_url = NULL;
	free(r->error_text);
	r->error_text = NULL;
	r->id = 0;
	r->top = 0;
}

void
ui_reader_free(struct ui_reader *r)
{
	if (r == NULL) {
		return;
	}
	ui_reader_reset(r);
	free(r);
}

int64_t
ui_reader_item(struct ui *ui)
{
	return ui->reader->id;
}

const char *
ui_reader_link(struct ui *ui, int n)
{
	struct ui_reader	*r = ui->reader;

	if (n == 0) {
		return r->link;
	}
	if (n < 0 || (size_t)n > r->nlinks) {
		return NULL;
	}
	return r->links[n - 1];
}

size_t
ui_reader_link_count(struct ui *ui)
{
	return ui->reader->nlinks;
}

/* Remember the body's links (the numbers the link list shows). */
static void
ui_reader_collect_links(struct ui_reader *r, const struct store_item *item,
    const char *body, bool html)
{
	struct html_doc	*doc;
	size_t		 i;

	if (!html || body == NULL) {
		return;
	}
	doc = html_parse(body, strlen(body), item->base != NULL ? item->base :
	    item->link);
	r->links = xcalloc(doc->nlinks + 1, sizeof *r->links);
	for (i = 0; i < doc->nlinks; i++) {
		r->links[i] = xstrdup(doc->links[i].url);
	}
	r->nlinks = doc->nlinks;
	html_doc_free(doc);
}

/* Lay out item id at width. */
static struct layout *
ui_reader_render(struct ui *ui, int width)
{
	struct ui_reader	*r = ui->reader;
	struct store_item	 item;
	struct show_item	 si;
	struct layout_opts	 opts = { width, 0 };
	struct layout		*l;
	char			*cause = NULL;
	bool			 content;

	if (!ui_data_item(ui->data, r->id, &item, &cause)) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return NULL;
	}
	content = item.content != NULL && item.content[0] != '\0';
	memset(&si, 0, sizeof si);
	si.title = item.title;
	si.feed_title = item.feed_title != NULL ? item.feed_title :
	    item.feed_url;
	si.author = item.author;
	si.link = item.link;
	si.date = item.date;
	si.body = content ? item.content : item.summary;
	si.body_len = si.body != NULL ? strlen(si.body) : 0;
	si.body_html = (content ? item.content_type : item.summary_type) ==
	    CONTENT_HTML;
	si.base = item.base != NULL ? item.base : item.link;
	l = show_render(&si, &opts);
	if (r->link == NULL) {
		r->link = item.link != NULL ? xstrdup(item.link) : NULL;
		ui_reader_collect_links(r, &item, si.body, si.body_html);
	}
	store_item_clear(&item);
	return l;
}

/* Lay out the error view of a feed at width. */
static struct layout *
ui_reader_render_error(struct ui_reader *r, int width)
{
	struct html_doc		*doc = html_doc_new();
	struct layout_opts	 opts = { width, 0 };
	struct layout		*l;
	struct tm		 tm;
	char			 date[64], *s;

	html_doc_add(doc, HTML_BLOCK_PARA, _("The last refresh of this feed failed"),
	    HTML_STYLE_BOLD | HTML_STYLE_HEADING);
	s = xasprintf("%s %s", _("Feed:"), r->error_url);
	html_doc_add(doc, HTML_BLOCK_PARA, s, 0);
	free(s);
	if (r->error_time != 0 && localtime_r(&r->error_time, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) > 0) {
		s = xasprintf("%s %s", _("Date:"), date);
		html_doc_add(doc, HTML_BLOCK_PARA, s, 0);
		free(s);
	}
	html_doc_add(doc, HTML_BLOCK_RULE, "", 0);
	html_doc_add(doc, HTML_BLOCK_PARA, r->error_text, 0);
	l = layout_blocks(doc->blocks, doc->nblocks, &opts);
	html_doc_free(doc);
	return l;
}

unsigned
ui_reader_show(struct ui *ui, int64_t id)
{
	struct ui_reader	*r = ui->reader;

	if (id == r->id && r->error_url == NULL) {
		return 0;
	}
	ui_reader_reset(r);
	r->id = id;
	return UI_REDRAW;
}

unsigned
ui_reader_show_error(struct ui *ui, const struct ui_feed *f)
{
	struct ui_reader	*r = ui->reader;

	if (r->error_url != NULL && strcmp(r->error_url, f->url) == 0 &&
	    strcmp(r->error_text, f->error) == 0) {
		return 0;
	}
	ui_reader_reset(r);
	r->error_url = xstrdup(f->url);
	r->error_text = xstrdup(f->error);
	r->error_time = f->last_fetch;
	return UI_REDRAW;
}

/* Lay out the first start's welcome: how to subscribe to feeds. */
static struct layout *
ui_reader_render_welcome(struct ui *ui, int width)
{
	struct html_doc		*doc = html_doc_new();
	struct layout_opts	 opts = { width, 0 };
	struct layout		*l;

	html_doc_add(doc, HTML_BLOCK_HEADING, _("Welcome to kiji"),
	    HTML_STYLE_BOLD | HTML_STYLE_HEADING)->level = 1;
	html_doc_add(doc, HTML_BLOCK_PARA, _("There are no feeds yet. "
	    "Subscribe to some from a shell:"), 0);
	html_doc_add(doc, HTML_BLOCK_PRE, _("kiji add URL          one feed\n"
	    "kiji import FILE      the feeds of an OPML file\n"
	    "kiji import-newsboat  the feeds and items of newsboat"),
	    HTML_STYLE_CODE)->gap = true;
	html_doc_add(doc, HTML_BLOCK_PARA, _("or write their URLs, one a line, "
	    "in the feeds file:"), 0)->gap = true;
	html_doc_add(doc, HTML_BLOCK_PRE, ui->paths->feeds_file,
	    HTML_STYLE_CODE)->gap = true;
	html_doc_add(doc, HTML_BLOCK_PARA, _("Then press R to fetch them. "
	    "? shows the keys, q quits."), 0)->gap = true;
	l = layout_blocks(doc->blocks, doc->nblocks, &opts);
	html_doc_free(doc);
	return l;
}

/* Bring the layout up to date with the width, keeping the scroll. */
static void
ui_reader_update(struct ui *ui, int width)
{
	struct ui_reader	*r = ui->reader;
	bool			 welcome;

	welcome = r->error_url == NULL && r->id == 0 &&
	    ui_sources_feed_count(ui) == 0;
	if (r->layout != NULL && r->width == width && r->welcome == welcome) {
		return;
	}
	layout_free(r->layout);
	r->layout = NULL;
	r->width = width;
	r->welcome = welcome;
	if (r->error_url != NULL) {
		r->layout = ui_reader_render_error(r, width);
	} else if (r->id != 0) {
		r->layout = ui_reader_render(ui, width);
	} else if (welcome) {
		r->layout = ui_reader_render_welcome(ui, width);
	}
}

static enum ui_element
ui_reader_element(unsigned style)
{
	if (style & HTML_STYLE_HEADING) {
		return UI_EL_READER_HEADING;
	}
	if (style & HTML_STYLE_LINK) {
		return UI_EL_READER_LINK;
	}
	if (style & HTML_STYLE_IMAGE) {
		return UI_EL_READER_META;
	}
	if (style & HTML_STYLE_QUOTE) {
		return UI_EL_READER_QUOTE;
	}
	if (style & (HTML_STYLE_PRE | HTML_STYLE_CODE)) {
		return UI_EL_READER_CODE;
	}
	if (style & HTML_STYLE_BOLD) {
		return UI_EL_READER_STRONG;
	}
	if (style & HTML_STYLE_ITALIC) {
		return UI_EL_READER_EMPHASIS;
	}
	return UI_EL_NORMAL;
}

/* Paint one laid-out line at y from x, then blank the rest of width. */
static void
ui_reader_draw_line(const struct layout_line *line, int y, int x, int width)
{
	const struct layout_run	*run;
	char			*part;
	size_t			 i;
	int			 used = 0, w;

	for (i = 0; i < line->nruns; i++) {
		run = &line->runs[i];
		part = xstrndup(line->text + run->start, run->len);
		w = ui_text_width(part);
		if (used + w > width) {
			w = width - used;
		}
		ui_draw_text(y, x + used, w, part,
		    ui_reader_element(run->style));
		used += w;
		free(part);
	}
	ui_draw_text(y, x + used, width - used, "", UI_EL_NORMAL);
}

void
ui_reader_draw(struct ui *ui, struct ui_rect rect, bool focused)
{
	struct ui_reader	*r = ui->reader;
	int			 page = rect.h - 1, y, n;
	char			*title;

	ui_reader_update(ui, rect.w - 2 > 2 ? rect.w - 2 : 2);
	n = r->layout != NULL ? (int)r->layout->nlines : 0;
	if (r->top > n - page) {
		r->top = n - page;
	}
	if (r->top < 0) {
		r->top = 0;
	}
	if (n == 0 || r->welcome) {
		title = xstrdup(_(" Article"));
	} else {
		title = xasprintf(_(" Article  %d-%d/%d"), r->top + 1,
		    r->top + page < n ? r->top + page : n, n);
	}
	ui_draw_text(rect.y, rect.x, rect.w, title,
	    focused ? UI_EL_TITLE : UI_EL_TITLE_INACTIVE);
	free(title);
	for (y = 0; y < page; y++) {
		ui_draw_text(rect.y + 1 + y, rect.x, 1, "", UI_EL_NORMAL);
		if (r->top + y < n) {
			ui_reader_draw_line(&r->layout->lines[r->top + y],
			    rect.y + 1 + y, rect.x + 1, rect.w - 1);
		} else {
			ui_draw_text(rect.y + 1 + y, rect.x + 1, rect.w - 1,
			    "", UI_EL_NORMAL);
		}
	}
}

unsigned
ui_reader_scroll(struct ui *ui, int lines)
{
	struct ui_reader	*r = ui->reader;
	int			 n, max, old = r->top;

	n = r->layout != NULL ? (int)r->layout->nlines : 0;
	max = n - ui_page(ui, UI_PANE_READER);
	r->top += lines;
	if (r->top > max) {
		r->top = max;
	}
	if (r->top < 0) {
		r->top = 0;
	}
	return UI_HANDLED | (r->top != old ? UI_REDRAW : 0);
}

/* Space at the end of an article: on to the next unread item. */
static unsigned
ui_reader_continue(struct ui *ui)
{
	if (!ui_items_next_unread(ui, 1)) {
		ui_message(ui, false, "%s", _("No more unread items."));
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_HANDLED | UI_REDRAW | UI_OPEN;
}

unsigned
ui_reader_action(struct ui *ui, int action)
{
	struct ui_reader	*r = ui->reader;
	int			 page = ui_page(ui, UI_PANE_READER), n;

	n = r->layout != NULL ? (int)r->layout->nlines : 0;
	switch (action) {
	case ACTION_DOWN:
		return ui_reader_scroll(ui, 1);
	case ACTION_UP:
		return ui_reader_scroll(ui, -1);
	case ACTION_PAGE_DOWN:
		if (r->top + page >= n && r->error_url == NULL) {
			return ui_reader_continue(ui);
		}
		return ui_reader_scroll(ui, page > 2 ? page - 1 : 1);
	case ACTION_PAGE_UP:
		return ui_reader_scroll(ui, -(page > 2 ? page - 1 : 1));
	case ACTION_TOP:
		return ui_reader_scroll(ui, -n);
	case ACTION_BOTTOM:
		return ui_reader_scroll(ui, n);
	case ACTION_NEXT_UNREAD:
	case ACTION_PREV_UNREAD:
		if (!ui_items_next_unread(ui,
		    action == ACTION_NEXT_UNREAD ? 1 : -1)) {
			ui_message(ui, false, "%s", _("No more unread items."));
			return UI_HANDLED | UI_REDRAW;
		}
		return UI_HANDLED | UI_REDRAW | UI_OPEN;
	default:
		return 0;
	}
}
