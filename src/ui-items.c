/* ui-items: the item list.  Only a window of rows around the cursor is read
 * from the store; the count comes from the store too, so a list of any
 * length opens at once.  The selection follows the item, not the row. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cfg.h"
#include "i18n.h"
#include "ui-int.h"
#include "ui-text.h"
#include "xalloc.h"

#define UI_ITEMS_WINDOW	200

struct ui_items {
	struct ui_query	 q;
	bool		 loaded;
	bool		 unread_only;
	char		*search;
	int		 total;
	struct ui_row	*rows;		/* rows offset..offset+nrows */
	size_t		 nrows;
	int		 offset;
	int		 cursor;
	int		 top;
};

struct ui_items *
ui_items_new(void)
{
	return xcalloc(1, sizeof(struct ui_items));
}

static void
ui_items_drop(struct ui_items *it)
{
	ui_data_rows_free(it->rows, it->nrows);
	it->rows = NULL;
	it->nrows = 0;
	it->offset = 0;
}

void
ui_items_free(struct ui_items *it)
{
	if (it == NULL) {
		return;
	}
	ui_items_drop(it);
	ui_query_clear(&it->q);
	free(it->search);
	free(it);
}

/* Read the window of rows from offset. */
static bool
ui_items_load(struct ui *ui, int offset, int limit)
{
	struct ui_items	*it = ui->items;
	char		*cause = NULL;

	ui_items_drop(it);
	if (offset < 0) {
		offset = 0;
	}
	if (!ui_data_page(ui->data, &it->q, offset, limit, &it->rows,
	    &it->nrows, &cause)) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		it->rows = NULL;
		it->nrows = 0;
		return false;
	}
	it->offset = offset;
	return true;
}

/* Row i of the list, reading its window when needed; NULL past the end. */
static struct ui_row *
ui_items_row(struct ui *ui, int i)
{
	struct ui_items	*it = ui->items;

	if (i < 0 || i >= it->total) {
		return NULL;
	}
	if (i < it->offset || i >= it->offset + (int)it->nrows) {
		if (!ui_items_load(ui, i - UI_ITEMS_WINDOW / 2,
		    UI_ITEMS_WINDOW)) {
			return NULL;
		}
		if (i < it->offset || i >= it->offset + (int)it->nrows) {
			return NULL;
		}
	}
	return &it->rows[i - it->offset];
}

const struct ui_row *
ui_items_selected(struct ui *ui)
{
	return ui_items_row(ui, ui->items->cursor);
}

int
ui_items_count(struct ui *ui)
{
	return ui->items->total;
}

const struct ui_query *
ui_items_query(struct ui *ui)
{
	return &ui->items->q;
}

/* Find id near its old place (rows may have been added above it); its new
 * index, or -1. */
static int
ui_items_find(struct ui *ui, int64_t id, int near, int shift)
{
	struct ui_items	*it = ui->items;
	size_t		 i;

	if (!ui_items_load(ui, near - UI_ITEMS_WINDOW / 2,
	    UI_ITEMS_WINDOW + (shift > 0 ? shift : 0))) {
		return -1;
	}
	for (i = 0; i < it->nrows; i++) {
		if (it->rows[i].id == id) {
			return it->offset + (int)i;
		}
	}
	return -1;
}

/* Read the list again: for a new query from the top; with keep, the same
 * item stays selected on the same screen line. */
unsigned
ui_items_reload(struct ui *ui, bool keep)
{
	struct ui_items	*it = ui->items;
	struct ui_query	 q;
	const struct ui_row *sel;
	int64_t		 id = 0;
	int		 old_total = it->total, idx;
	char		*cause = NULL;

	ui_sources_query(ui, &q);
	q.unread_only = it->unread_only;
	q.search = it->search != NULL ? xstrdup(it->search) : NULL;
	if (!it->loaded || !ui_query_equal(&q, &it->q)) {
		keep = false;
	}
	if (keep && (sel = ui_items_selected(ui)) != NULL) {
		id = sel->id;
	}
	ui_query_clear(&it->q);
	it->q = q;
	it->loaded = true;
	ui_items_drop(it);
	if (!ui_data_count(ui->data, &it->q, &it->total, &cause)) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		it->total = 0;
	}
	if (!keep) {
		it->cursor = it->top = 0;
	} else if (id != 0 && (idx = ui_items_find(ui, id, it->cursor,
	    it->total - old_total)) >= 0) {
		/* A scrolled list keeps its view; at the top, new items show. */
		if (it->top > 0) {
			it->top += idx - it->cursor;
		}
		it->cursor = idx;
	}
	if (it->cursor >= it->total) {
		it->cursor = it->total > 0 ? it->total - 1 : 0;
	}
	if (it->top < 0 || it->top > it->cursor) {
		it->top = it->cursor;
	}
	return UI_REDRAW | UI_READER;
}

void
ui_items_toggle_unread(struct ui *ui)
{
	ui->items->unread_only = !ui->items->unread_only;
}

void
ui_items_set_search(struct ui *ui, const char *search)
{
	free(ui->items->search);
	ui->items->search = search != NULL && search[0] != '\0' ?
	    xstrdup(search) : NULL;
}

void
ui_items_set_flags(struct ui *ui, int64_t id, bool read, bool starred)
{
	struct ui_items	*it = ui->items;
	size_t		 i;

	for (i = 0; i < it->nrows; i++) {
		if (it->rows[i].id == id) {
			it->rows[i].read = read;
			it->rows[i].starred = starred;
		}
	}
}

/* The pane's title: what is listed and how many. */
static char *
ui_items_title(struct ui *ui)
{
	struct ui_items		*it = ui->items;
	const struct ui_feed	*f = ui_sources_feed(ui);
	const char		*what;
	char			*s, *search;

	switch (it->q.kind) {
	case UI_SOURCE_UNREAD:
		what = _("All unread");
		break;
	case UI_SOURCE_STARRED:
		what = _("Starred");
		break;
	case UI_SOURCE_SECTION:
		what = it->q.section != NULL ? it->q.section : "";
		break;
	default:
		what = f != NULL ? f->title : "";
		break;
	}
	search = ui_text_clean(it->search);
	s = xasprintf(" %s (%d)%s%s%s%s", what, it->total,
	    it->unread_only && it->q.kind != UI_SOURCE_UNREAD ?
	    _(" [unread]") : "", it->search != NULL ? " /" : "", search,
	    it->search != NULL ? "/" : "");
	free(search);
	return s;
}

/* The user's date format (date-format) applied to tm, cleaned. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
static void
ui_items_date(char *out, size_t size, const char *format, const struct tm *tm)
{
	char	*clean;

	if (strftime(out, size, format, tm) == 0) {
		out[0] = '\0';
	}
	clean = ui_text_clean(out);
	snprintf(out, size, "%s", clean);
	free(clean);
}
#pragma GCC diagnostic pop

static void
ui_items_draw_row(struct ui *ui, const struct ui_row *row, int y,
    struct ui_rect r, enum ui_element cursor)
{
	enum ui_element	 el = row->read ? UI_EL_NORMAL : UI_EL_UNREAD;
	char		 date[64] = "", mark[3];
	struct tm	 tm;
	int		 x = r.x, dw, fw;
	bool		 virt = ui->items->q.kind != UI_SOURCE_FEED;

	if (localtime_r(&row->date, &tm) != NULL && r.w >= 40) {
		ui_items_date(date, sizeof date, cfg_string(ui->cfg,
		    OPTION_DATE_FORMAT), &tm);
	}
	dw = date[0] != '\0' ? ui_text_width(date) + 1 : 0;
	ui_draw_text(y, x, dw, date, cursor != UI_EL__COUNT ? cursor :
	    UI_EL_DATE);
	x += dw;
	mark[0] = row->read ? ' ' : 'N';
	mark[1] = row->starred ? '*' : ' ';
	mark[2] = '\0';
	ui_draw_text(y, x, 3, mark, cursor != UI_EL__COUNT ? cursor :
	    row->starred ? UI_EL_STARRED : el);
	x += 3;
	fw = virt && r.w - (x - r.x) >= 40 ? 16 : 0;
	if (fw > 0) {
		ui_draw_text(y, x, fw - 1, row->feed, cursor != UI_EL__COUNT ?
		    cursor : UI_EL_FEED);
		ui_draw_text(y, x + fw - 1, 1, "", cursor != UI_EL__COUNT ?
		    cursor : UI_EL_NORMAL);
		x += fw;
	}
	ui_draw_text(y, x, r.w - (x - r.x), row->title,
	    cursor != UI_EL__COUNT ? cursor : el);
}

void
ui_items_draw(struct ui *ui, struct ui_rect r, bool focused)
{
	struct ui_items		*it = ui->items;
	const struct ui_row	*row;
	char			*title = ui_items_title(ui);
	int			 page = r.h - 1, y;
	enum ui_element		 cur;

	ui_draw_text(r.y, r.x, r.w, title,
	    focused ? UI_EL_TITLE : UI_EL_TITLE_INACTIVE);
	free(title);
	if (page <= 0) {
		return;
	}
	if (it->cursor < it->top) {
		it->top = it->cursor;
	} else if (it->cursor >= it->top + page) {
		it->top = it->cursor - page + 1;
	}
	for (y = 0; y < page; y++) {
		row = ui_items_row(ui, it->top + y);
		if (row == NULL) {
			ui_draw_text(r.y + 1 + y, r.x, r.w,
			    y != 0 || it->total != 0 ? "" :
			    ui_sources_feed_count(ui) == 0 ?
			    _(" (no feeds yet)") : _(" (no items)"),
			    UI_EL_NORMAL);
			continue;
		}
		cur = UI_EL__COUNT;
		if (it->top + y == it->cursor) {
			cur = focused ? UI_EL_CURSOR : UI_EL_CURSOR_INACTIVE;
		}
		ui_items_draw_row(ui, row, r.y + 1 + y, r, cur);
	}
}

/* Move to the next unread item in direction dir; false when there is none. */
bool
ui_items_next_unread(struct ui *ui, int dir)
{
	struct ui_items		*it = ui->items;
	const struct ui_row	*row;
	int			 i;

	for (i = it->cursor + dir; i >= 0 && i < it->total; i += dir) {
		row = ui_items_row(ui, i);
		if (row == NULL) {
			break;
		}
		if (!row->read) {
			it->cursor = i;
			return true;
		}
	}
	return false;
}

unsigned
ui_items_action(struct ui *ui, int action)
{
	struct ui_items	*it = ui->items;
	int		 old = it->cursor;

	switch (action) {
	case ACTION_OPEN:
		if (it->total == 0) {
			return UI_HANDLED;
		}
		ui->focus = UI_PANE_READER;
		return UI_HANDLED | UI_REDRAW | UI_OPEN;
	case ACTION_NEXT_UNREAD:
	case ACTION_PREV_UNREAD:
		if (!ui_items_next_unread(ui,
		    action == ACTION_NEXT_UNREAD ? 1 : -1)) {
			ui_message(ui, false, "%s", _("No more unread items."));
			return UI_HANDLED | UI_REDRAW;
		}
		break;
	default:
		if (!ui_list_action(&it->cursor, it->total,
		    ui_page(ui, UI_PANE_ITEMS), action)) {
			return 0;
		}
		break;
	}
	if (it->cursor == old) {
		return UI_HANDLED;
	}
	return UI_HANDLED | UI_REDRAW | UI_READER;
}

unsigned
ui_items_click(struct ui *ui, int row)
{
	struct ui_items	*it = ui->items;
	int		 i = it->top + row;

	if (row < 0 || i >= it->total) {
		return UI_REDRAW;
	}
	if (i == it->cursor) {
		return ui_items_action(ui, ACTION_OPEN);
	}
	it->cursor = i;
	return UI_HANDLED | UI_REDRAW | UI_READER;
}

unsigned
ui_items_scroll(struct ui *ui, int lines)
{
	struct ui_items	*it = ui->items;
	int		 page = ui_page(ui, UI_PANE_ITEMS);
	int		 max = it->total - page, old = it->cursor;

	it->top += lines;
	if (it->top > max) {
		it->top = max;
	}
	if (it->top < 0) {
		it->top = 0;
	}
	if (it->cursor < it->top) {
		it->cursor = it->top;
	} else if (it->cursor >= it->top + page) {
		it->cursor = it->top + page - 1;
	}
	return UI_HANDLED | UI_REDRAW | (old != it->cursor ? UI_READER : 0);
}
