/* ui-sources: the sources pane: "All unread", "Starred", then the feeds in
 * the order of the feeds file under their (collapsible) sections. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui-int.h"
#include "ui-text.h"
#include "xalloc.h"

struct ui_source_row {
	enum ui_source_kind	 kind;
	size_t			 feed;		/* UI_SOURCE_FEED: index */
	const char		*section;	/* UI_SOURCE_SECTION: its name */
	int			 unread;
};

struct ui_sources {
	struct ui_feed		*feeds;
	size_t			 nfeeds;
	struct ui_source_row	*rows;
	size_t			 nrows;
	char			**collapsed;	/* section names */
	size_t			 ncollapsed;
	int			 cursor;
	int			 top;
	int			 unread_total;
	int			 starred;
};

struct ui_sources *
ui_sources_new(void)
{
	return xcalloc(1, sizeof(struct ui_sources));
}

void
ui_sources_free(struct ui_sources *s)
{
	size_t	i;

	if (s == NULL) {
		return;
	}
	ui_data_feeds_free(s->feeds, s->nfeeds);
	free(s->rows);
	for (i = 0; i < s->ncollapsed; i++) {
		free(s->collapsed[i]);
	}
	free(s->collapsed);
	free(s);
}

static bool
ui_sources_is_collapsed(const struct ui_sources *s, const char *section)
{
	size_t	i;

	for (i = 0; i < s->ncollapsed; i++) {
		if (strcmp(s->collapsed[i], section) == 0) {
			return true;
		}
	}
	return false;
}

static void
ui_sources_toggle(struct ui_sources *s, const char *section)
{
	size_t	i;

	for (i = 0; i < s->ncollapsed; i++) {
		if (strcmp(s->collapsed[i], section) == 0) {
			free(s->collapsed[i]);
			s->collapsed[i] = s->collapsed[--s->ncollapsed];
			return;
		}
	}
	s->collapsed = xreallocarray(s->collapsed, s->ncollapsed + 1,
	    sizeof *s->collapsed);
	s->collapsed[s->ncollapsed++] = xstrdup(section);
}

static struct ui_source_row *
ui_sources_add(struct ui_sources *s, enum ui_source_kind kind)
{
	struct ui_source_row	*r;

	s->rows = xreallocarray(s->rows, s->nrows + 1, sizeof *s->rows);
	r = &s->rows[s->nrows++];
	memset(r, 0, sizeof *r);
	r->kind = kind;
	return r;
}

/* Rebuild the rows from the feeds, leaving out collapsed sections' feeds. */
static void
ui_sources_build(struct ui_sources *s)
{
	const char	*cur = NULL;
	size_t		 i, sec = 0;
	bool		 in_section = false;

	s->nrows = 0;
	s->unread_total = 0;
	ui_sources_add(s, UI_SOURCE_UNREAD);
	ui_sources_add(s, UI_SOURCE_STARRED);
	for (i = 0; i < s->nfeeds; i++) {
		s->unread_total += s->feeds[i].unread;
		if (s->feeds[i].section != NULL && (cur == NULL ||
		    strcmp(cur, s->feeds[i].section) != 0)) {
			cur = s->feeds[i].section;
			sec = s->nrows;
			ui_sources_add(s, UI_SOURCE_SECTION)->section = cur;
			in_section = true;
		} else if (s->feeds[i].section == NULL) {
			cur = NULL;
			in_section = false;
		}
		if (in_section) {
			s->rows[sec].unread += s->feeds[i].unread;
			if (ui_sources_is_collapsed(s, cur)) {
				continue;
			}
		}
		ui_sources_add(s, UI_SOURCE_FEED)->feed = i;
	}
	s->rows[0].unread = s->unread_total;
}

/* Whether row r of the old list and row q of the new one are the same. */
static bool
ui_sources_same(const struct ui_source_row *r, const struct ui_feed *rf,
    const struct ui_source_row *q, const struct ui_feed *qf)
{
	if (r->kind != q->kind) {
		return false;
	}
	if (r->kind == UI_SOURCE_SECTION) {
		return strcmp(r->section, q->section) == 0;
	}
	if (r->kind == UI_SOURCE_FEED) {
		return strcmp(rf[r->feed].url, qf[q->feed].url) == 0;
	}
	return true;
}

/* Read the feeds again and keep the selection on the same source. */
unsigned
ui_sources_reload(struct ui *ui)
{
	struct ui_sources	*s = ui->sources;
	struct ui_source_row	 old = { UI_SOURCE_UNREAD, 0, NULL, 0 };
	struct ui_feed		*feeds, *oldfeeds = s->feeds;
	size_t			 n, i, oldn = s->nfeeds;
	char			*cause = NULL, *oldsec = NULL;

	if (!ui_data_feeds(ui->data, &feeds, &n, &cause)) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return UI_REDRAW;
	}
	if (s->nrows > 0) {
		old = s->rows[s->cursor];
		if (old.kind == UI_SOURCE_SECTION) {
			oldsec = xstrdup(old.section);
			old.section = oldsec;
		}
	}
	s->feeds = feeds;
	s->nfeeds = n;
	ui_sources_build(s);
	s->cursor = 0;
	for (i = 0; i < s->nrows; i++) {
		if (ui_sources_same(&old, oldfeeds, &s->rows[i], s->feeds)) {
			s->cursor = (int)i;
			break;
		}
	}
	free(oldsec);
	ui_data_feeds_free(oldfeeds, oldn);
	return UI_REDRAW;
}

size_t
ui_sources_feed_count(struct ui *ui)
{
	return ui->sources->nfeeds;
}

int
ui_sources_unread_total(struct ui *ui)
{
	return ui->sources->unread_total;
}

const struct ui_feed *
ui_sources_feed(struct ui *ui)
{
	struct ui_sources	*s = ui->sources;

	if (s->nrows == 0 || s->rows[s->cursor].kind != UI_SOURCE_FEED) {
		return NULL;
	}
	return &s->feeds[s->rows[s->cursor].feed];
}

/* The URLs of the selected section's feeds (a new array of pointers into
 * the pane, valid until its next reload; the caller frees the array), or
 * NULL when the selection is not a section. */
const char **
ui_sources_section_urls(struct ui *ui, size_t *n)
{
	struct ui_sources	*s = ui->sources;
	const char		**urls, *name;
	size_t			  i;

	*n = 0;
	if (s->nrows == 0 || s->rows[s->cursor].kind != UI_SOURCE_SECTION) {
		return NULL;
	}
	name = s->rows[s->cursor].section;
	urls = xcalloc(s->nfeeds + 1, sizeof *urls);
	for (i = 0; i < s->nfeeds; i++) {
		if (s->feeds[i].section != NULL &&
		    strcmp(s->feeds[i].section, name) == 0) {
			urls[(*n)++] = s->feeds[i].url;
		}
	}
	return urls;
}

void
ui_sources_query(struct ui *ui, struct ui_query *q)
{
	struct ui_sources	*s = ui->sources;
	const struct ui_feed	*f = ui_sources_feed(ui);
	const char		**urls;
	size_t			  i;

	memset(q, 0, sizeof *q);
	q->kind = s->nrows > 0 ? s->rows[s->cursor].kind : UI_SOURCE_UNREAD;
	if (f != NULL) {
		q->feed_url = xstrdup(f->url);
	}
	if ((urls = ui_sources_section_urls(ui, &q->nfeed_urls)) != NULL) {
		q->section = xstrdup(s->rows[s->cursor].section);
		q->feed_urls = xcalloc(q->nfeed_urls + 1, sizeof *q->feed_urls);
		for (i = 0; i < q->nfeed_urls; i++) {
			q->feed_urls[i] = xstrdup(urls[i]);
		}
		free(urls);
	}
}

/* The label, count and look of row i. */
static void
ui_sources_describe(struct ui_sources *s, size_t i, const char **label,
    int *count, enum ui_element *el)
{
	struct ui_source_row	*r = &s->rows[i];

	*count = r->unread;
	*el = r->unread > 0 ? UI_EL_UNREAD : UI_EL_NORMAL;
	switch (r->kind) {
	case UI_SOURCE_UNREAD:
		*label = _("All unread");
		break;
	case UI_SOURCE_STARRED:
		*label = _("Starred");
		*el = UI_EL_STARRED;
		break;
	case UI_SOURCE_SECTION:
		*label = r->section;
		*el = UI_EL_SECTION;
		break;
	case UI_SOURCE_FEED:
		*label = s->feeds[r->feed].title;
		*count = s->feeds[r->feed].unread;
		*el = *count > 0 ? UI_EL_UNREAD : UI_EL_NORMAL;
		break;
	}
}

/* The mark (and indent) before a row's label. */
static const char *
ui_sources_mark(struct ui_sources *s, size_t i)
{
	struct ui_source_row	*r = &s->rows[i];

	if (r->kind == UI_SOURCE_SECTION) {
		return ui_sources_is_collapsed(s, r->section) ? "+ " : "- ";
	}
	if (r->kind == UI_SOURCE_FEED) {
		if (s->feeds[r->feed].error != NULL) {
			return s->feeds[r->feed].section != NULL ? " ! " : "! ";
		}
		return s->feeds[r->feed].section != NULL ? "   " : "  ";
	}
	return "";
}

static void
ui_sources_draw_row(struct ui_sources *s, size_t i, int y, struct ui_rect r,
    enum ui_element cursor)
{
	const char	*label = "", *mark = ui_sources_mark(s, i);
	enum ui_element	 el, markel;
	char		 num[16] = "";
	int		 count, nw, mw = ui_text_width(mark);

	ui_sources_describe(s, i, &label, &count, &el);
	if (count > 0) {
		snprintf(num, sizeof num, " %d", count);
	}
	nw = (int)strlen(num);
	if (nw > r.w - mw - 1) {
		nw = 0;
		num[0] = '\0';
	}
	if (cursor != UI_EL__COUNT) {
		el = cursor;
	}
	markel = strchr(mark, '!') != NULL && cursor == UI_EL__COUNT ?
	    UI_EL_ERROR : el;
	ui_draw_text(y, r.x, mw, mark, markel);
	ui_draw_text(y, r.x + mw, r.w - mw - nw, label, el);
	ui_draw_text(y, r.x + r.w - nw, nw, num,
	    cursor == UI_EL__COUNT ? UI_EL_COUNT : el);
}

void
ui_sources_draw(struct ui *ui, struct ui_rect r, bool focused)
{
	struct ui_sources	*s = ui->sources;
	int			 page = r.h - 1, y;
	size_t			 i;
	enum ui_element		 cur;

	ui_draw_text(r.y, r.x, r.w, _(" Sources"),
	    focused ? UI_EL_TITLE : UI_EL_TITLE_INACTIVE);
	if (page <= 0) {
		return;
	}
	if (s->cursor < s->top) {
		s->top = s->cursor;
	} else if (s->cursor >= s->top + page) {
		s->top = s->cursor - page + 1;
	}
	for (y = 0; y < page; y++) {
		i = (size_t)(s->top + y);
		if (i >= s->nrows) {
			ui_draw_text(r.y + 1 + y, r.x, r.w, "", UI_EL_NORMAL);
			continue;
		}
		cur = UI_EL__COUNT;
		if ((int)i == s->cursor) {
			cur = focused ? UI_EL_CURSOR : UI_EL_CURSOR_INACTIVE;
		}
		ui_sources_draw_row(s, i, r.y + 1 + y, r, cur);
	}
}

/* The next row after the cursor (dir 1) or before it (-1) with unread
 * items, or -1. */
static int
ui_sources_find_unread(struct ui_sources *s, int dir)
{
	int	i;

	for (i = s->cursor + dir; i >= 0 && i < (int)s->nrows; i += dir) {
		if (s->rows[i].kind == UI_SOURCE_FEED &&
		    s->feeds[s->rows[i].feed].unread > 0) {
			return i;
		}
	}
	return -1;
}

unsigned
ui_sources_action(struct ui *ui, int action)
{
	struct ui_sources	*s = ui->sources;
	int			 old = s->cursor, i;

	if (action == ACTION_OPEN && s->nrows > 0 &&
	    s->rows[s->cursor].kind == UI_SOURCE_SECTION) {
		ui_sources_toggle(s, s->rows[s->cursor].section);
		ui_sources_build(s);
		return UI_HANDLED | UI_REDRAW;
	}
	if (action == ACTION_OPEN) {
		ui->focus = UI_PANE_ITEMS;
		return UI_HANDLED | UI_REDRAW;
	}
	if (action == ACTION_NEXT_UNREAD || action == ACTION_PREV_UNREAD) {
		i = ui_sources_find_unread(s,
		    action == ACTION_NEXT_UNREAD ? 1 : -1);
		if (i < 0) {
			ui_message(ui, false, "%s", _("No more unread feeds."));
			return UI_HANDLED | UI_REDRAW;
		}
		s->cursor = i;
	} else if (!ui_list_action(&s->cursor, (int)s->nrows,
	    ui_page(ui, UI_PANE_SOURCES), action)) {
		return 0;
	}
	if (s->cursor == old) {
		return UI_HANDLED;
	}
	return UI_HANDLED | UI_REDRAW | UI_ITEMS;
}

unsigned
ui_sources_click(struct ui *ui, int row)
{
	struct ui_sources	*s = ui->sources;
	int			 i = s->top + row;

	if (row < 0 || i >= (int)s->nrows) {
		return UI_REDRAW;
	}
	if (i == s->cursor) {
		return ui_sources_action(ui, ACTION_OPEN);
	}
	s->cursor = i;
	return UI_HANDLED | UI_REDRAW | UI_ITEMS;
}

unsigned
ui_sources_scroll(struct ui *ui, int lines)
{
	struct ui_sources	*s = ui->sources;
	int			 max = (int)s->nrows - ui_page(ui, UI_PANE_SOURCES);
	int			 old = s->cursor;

	s->top += lines;
	if (s->top > max) {
		s->top = max;
	}
	if (s->top < 0) {
		s->top = 0;
	}
	if (s->cursor < s->top) {
		s->cursor = s->top;
	} else if (s->cursor >= s->top + ui_page(ui, UI_PANE_SOURCES)) {
		s->cursor = s->top + ui_page(ui, UI_PANE_SOURCES) - 1;
	}
	return UI_HANDLED | UI_REDRAW | (s->cursor != old ? UI_ITEMS : 0);
}
