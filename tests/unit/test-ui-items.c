/* Unit tests for the item list's paging and selection, on a real database:
 * rows read a window at a time, the selection kept by item id when newer
 * items arrive, unread items found across windows. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "model.h"
#include "store.h"
#include "tap.h"
#include "ui-int.h"
#include "xalloc.h"

#define FEED	"https://example.org/feed"

/* Store items first..last of the feed (item n dated n minutes in). */
static void
add_items(const char *db, int first, int last)
{
	struct store		*st;
	struct feed_doc		 doc;
	struct store_fetch	 fetch;
	char			*cause = NULL;
	int			 i, n, added = 0;

	memset(&doc, 0, sizeof doc);
	memset(&fetch, 0, sizeof fetch);
	n = last - first + 1;
	doc.title = (char *)"Feed";
	doc.items = xcalloc((size_t)n, sizeof *doc.items);
	doc.nitems = (size_t)n;
	for (i = 0; i < n; i++) {
		doc.items[i].key = xasprintf("k%d", first + i);
		doc.items[i].title = xasprintf("Item %d", first + i);
		doc.items[i].published = 1764000000 + (first + i) * 60;
	}
	fetch.fetched_at = 1764000000;
	st = store_open(db, &cause);
	ok(st != NULL && store_feed_apply(st, FEED, &doc, &fetch, &added,
	    &cause), "stored items %d-%d", first, last);
	if (cause != NULL) {
		diag("%s", cause);
	}
	store_close(st);
	for (i = 0; i < n; i++) {
		free(doc.items[i].key);
		free(doc.items[i].title);
	}
	free(doc.items);
}

static const char *
title_at(struct ui *ui)
{
	const struct ui_row	*row = ui_items_selected(ui);

	return row != NULL ? row->title : NULL;
}

int
main(void)
{
	char		 dir[] = "/tmp/kiji-ui-items.XXXXXX", *db, *feeds, *cause = NULL;
	struct ui	 ui;
	FILE		*f;
	int		 i;

	if (mkdtemp(dir) == NULL) {
		return 1;
	}
	db = xasprintf("%s/kiji.db", dir);
	feeds = xasprintf("%s/feeds", dir);
	f = fopen(feeds, "w");
	fprintf(f, "%s Feed\n", FEED);
	fclose(f);
	add_items(db, 1, 1000);

	memset(&ui, 0, sizeof ui);
	ui.data = ui_data_open(db, feeds, &cause);
	ok(ui.data != NULL, "the data opens");
	ui.sources = ui_sources_new();
	ui.items = ui_items_new();
	ui.rects[UI_PANE_ITEMS] = (struct ui_rect){ 0, 0, 21, 80 };
	ui_sources_reload(&ui);
	ui_items_reload(&ui, false);
	is_int(ui_items_count(&ui), 1000, "All unread counts 1000 items");
	is_str(title_at(&ui), "Item 1000", "the newest comes first");

	/* 25 pages of 20 rows down, then 3 rows: row 503 is item 497. */
	for (i = 0; i < 25; i++) {
		ui_items_action(&ui, ACTION_PAGE_DOWN);
	}
	for (i = 0; i < 3; i++) {
		ui_items_action(&ui, ACTION_DOWN);
	}
	is_str(title_at(&ui), "Item 497", "paging reads the window it needs");
	ui_items_action(&ui, ACTION_BOTTOM);
	is_str(title_at(&ui), "Item 1", "bottom is the oldest item");
	ui_items_action(&ui, ACTION_TOP);
	is_str(title_at(&ui), "Item 1000", "top is the newest again");

	/* Select item 700, then 5 newer items arrive: still item 700. */
	for (i = 0; i < 300; i++) {
		ui_items_action(&ui, ACTION_DOWN);
	}
	is_str(title_at(&ui), "Item 700", "item 700 selected");
	add_items(db, 1001, 1005);
	ui_sources_reload(&ui);
	ui_items_reload(&ui, true);
	is_int(ui_items_count(&ui), 1005, "the new items are counted");
	is_str(title_at(&ui), "Item 700", "the selection keeps its item");

	/* In the feed's list, everything read but item 3: J finds it across
	 * a thousand rows. */
	ui_sources_action(&ui, ACTION_DOWN);
	ui_sources_action(&ui, ACTION_DOWN);
	ui_items_reload(&ui, false);
	is_int(ui_items_count(&ui), 1005, "the feed lists every item");
	ok(ui_data_mark_read(ui.data, FEED, NULL, &cause), "all marked read");
	ui_items_action(&ui, ACTION_BOTTOM);
	ui_items_action(&ui, ACTION_UP);
	ui_items_action(&ui, ACTION_UP);
	is_str(title_at(&ui), "Item 3", "item 3 selected");
	ok(ui_data_set_read(ui.data, ui_items_selected(&ui)->id, false, &cause),
	    "item 3 marked unread");
	ui_items_reload(&ui, false);
	is_str(title_at(&ui), "Item 1005", "a new query starts at the top");
	ok(ui_items_next_unread(&ui, 1), "next unread found");
	is_str(title_at(&ui), "Item 3", "... it is item 3");
	ok(!ui_items_next_unread(&ui, 1), "no unread item after it");
	ui_items_toggle_unread(&ui);
	ui_items_reload(&ui, true);
	is_int(ui_items_count(&ui), 1, "unread only: one item");
	is_str(title_at(&ui), "Item 3", "the selection stayed on it");
	ui_items_free(ui.items);
	ui_sources_free(ui.sources);
	ui_data_close(ui.data);
	unlink(db);
	unlink(feeds);
	rmdir(dir);
	free(db);
	free(feeds);
	free(ui.message);
	return done_testing();
}
