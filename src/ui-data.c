/* ui-data: the store and the subscription list as the reader's panes see
 * them: feeds in the order of the feeds file with their sections, counts and
 * errors; item lists counted and read a page at a time. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store.h"
#include "subs.h"
#include "ui-int.h"
#include "ui-text.h"
#include "xalloc.h"

struct ui_data {
	struct store	*store;
	char		*feeds_file;
};

struct ui_data *
ui_data_open(const char *db_file, const char *feeds_file, char **cause)
{
	struct ui_data	*d;
	struct store	*st;

	st = store_open(db_file, cause);
	if (st == NULL) {
		return NULL;
	}
	d = xcalloc(1, sizeof *d);
	d->store = st;
	d->feeds_file = xstrdup(feeds_file);
	return d;
}

void
ui_data_close(struct ui_data *d)
{
	if (d == NULL) {
		return;
	}
	store_close(d->store);
	free(d->feeds_file);
	free(d);
}

/* The store itself, for the memo screen's edits. */
struct store *
ui_data_store(struct ui_data *d)
{
	return d->store;
}

void
ui_query_clear(struct ui_query *q)
{
	size_t	i;

	free(q->feed_url);
	free(q->section);
	for (i = 0; i < q->nfeed_urls; i++) {
		free(q->feed_urls[i]);
	}
	free(q->feed_urls);
	free(q->search);
	memset(q, 0, sizeof *q);
}

static char *
ui_data_dup(const char *s)
{
	return s != NULL ? xstrdup(s) : NULL;
}

void
ui_query_copy(struct ui_query *dst, const struct ui_query *src)
{
	size_t	i;

	*dst = *src;
	dst->feed_url = ui_data_dup(src->feed_url);
	dst->section = ui_data_dup(src->section);
	dst->feed_urls = xcalloc(src->nfeed_urls + 1, sizeof *dst->feed_urls);
	for (i = 0; i < src->nfeed_urls; i++) {
		dst->feed_urls[i] = xstrdup(src->feed_urls[i]);
	}
	dst->search = ui_data_dup(src->search);
}

static bool
ui_data_same(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

bool
ui_query_equal(const struct ui_query *a, const struct ui_query *b)
{
	size_t	i;

	if (a->nfeed_urls != b->nfeed_urls) {
		return false;
	}
	for (i = 0; i < a->nfeed_urls; i++) {
		if (strcmp(a->feed_urls[i], b->feed_urls[i]) != 0) {
			return false;
		}
	}
	return a->kind == b->kind && a->unread_only == b->unread_only &&
	    ui_data_same(a->feed_url, b->feed_url) &&
	    ui_data_same(a->section, b->section) &&
	    ui_data_same(a->search, b->search);
}

/* Fill f from a subscription and the store's row for it (st may be NULL). */
static void
ui_data_feed_fill(struct ui_feed *f, const struct sub *sub,
    const struct store_feed *st)
{
	const char	*title = NULL;

	memset(f, 0, sizeof *f);
	f->url = xstrdup(sub != NULL ? sub->url : st->url);
	if (sub != NULL && sub->title != NULL && sub->title[0] != '\0') {
		title = sub->title;
	} else if (st != NULL && st->title != NULL && st->title[0] != '\0') {
		title = st->title;
	}
	f->title = ui_text_clean(title != NULL ? title : f->url);
	if (sub != NULL && sub->section != NULL) {
		f->section = ui_text_clean(sub->section);
	}
	if (st != NULL) {
		f->error = st->error != NULL ? ui_text_clean(st->error) : NULL;
		f->last_fetch = st->last_fetch;
		f->unread = st->unread;
		f->total = st->total;
	}
}

static const struct store_feed *
ui_data_store_find(const struct store_feed *list, size_t n, const char *url)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(list[i].url, url) == 0) {
			return &list[i];
		}
	}
	return NULL;
}

/* The subscribed feeds in file order; a new array the caller frees with
 * ui_data_feeds_free(). */
bool
ui_data_feeds(struct ui_data *d, struct ui_feed **out, size_t *n,
    char **cause)
{
	struct store_feed	*list = NULL;
	struct subs		*subs;
	size_t			 nlist = 0, i;

	subs = subs_load(d->feeds_file, cause);
	if (subs == NULL) {
		return false;
	}
	if (!store_feed_list(d->store, &list, &nlist, cause)) {
		subs_free(subs);
		return false;
	}
	*n = subs_count(subs);
	*out = xcalloc(*n + 1, sizeof **out);
	for (i = 0; i < *n; i++) {
		ui_data_feed_fill(&(*out)[i], subs_get(subs, i),
		    ui_data_store_find(list, nlist, subs_get(subs, i)->url));
	}
	store_feed_list_free(list, nlist);
	subs_free(subs);
	return true;
}

void
ui_data_feeds_free(struct ui_feed *f, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(f[i].url);
		free(f[i].title);
		free(f[i].section);
		free(f[i].error);
	}
	free(f);
}

static void
ui_data_store_query(const struct ui_query *q, struct store_query *sq)
{
	memset(sq, 0, sizeof *sq);
	sq->feed_url = q->kind == UI_SOURCE_FEED ? q->feed_url : NULL;
	if (q->kind == UI_SOURCE_SECTION) {
		sq->feed_urls = (const char *const *)q->feed_urls;
		sq->nfeed_urls = q->nfeed_urls;
	}
	sq->unread_only = q->unread_only || q->kind == UI_SOURCE_UNREAD;
	sq->starred_only = q->kind == UI_SOURCE_STARRED;
	sq->search = q->search;
}

/* How many items q lists. */
bool
ui_data_count(struct ui_data *d, const struct ui_query *q, int *count,
    char **cause)
{
	struct store_query	 sq;
	size_t			 n = 0;

	ui_data_store_query(q, &sq);
	if (!store_items_count(d->store, &sq, &n, cause)) {
		*count = 0;
		return false;
	}
	*count = n > (size_t)INT32_MAX ? INT32_MAX : (int)n;
	return true;
}

/* Rows offset..offset+limit of q; a new array the caller frees with
 * ui_data_rows_free(). */
bool
ui_data_page(struct ui_data *d, const struct ui_query *q, int offset,
    int limit, struct ui_row **out, size_t *n, char **cause)
{
	struct store_query	 sq;
	struct store_item	*items = NULL;
	struct ui_row		*r;
	size_t			 i;

	ui_data_store_query(q, &sq);
	sq.offset = offset;
	sq.limit = limit;
	if (!store_items_query(d->store, &sq, &items, n, cause)) {
		return false;
	}
	*out = xcalloc(*n + 1, sizeof **out);
	for (i = 0; i < *n; i++) {
		r = &(*out)[i];
		r->id = items[i].id;
		r->title = ui_text_clean(items[i].title != NULL &&
		    items[i].title[0] != '\0' ? items[i].title : _("(untitled)"));
		r->feed = ui_text_clean(items[i].feed_title != NULL ?
		    items[i].feed_title : items[i].feed_url);
		r->link = items[i].link != NULL ? xstrdup(items[i].link) : NULL;
		r->date = items[i].date;
		r->read = items[i].read;
		r->starred = items[i].starred;
	}
	store_items_free(items, *n);
	return true;
}

void
ui_data_rows_free(struct ui_row *rows, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(rows[i].title);
		free(rows[i].feed);
		free(rows[i].link);
	}
	free(rows);
}

bool
ui_data_item(struct ui_data *d, int64_t id, struct store_item *out,
    char **cause)
{
	return store_item_get(d->store, id, out, cause);
}

bool
ui_data_set_read(struct ui_data *d, int64_t id, bool read, char **cause)
{
	return store_item_set_read(d->store, id, read, cause);
}

bool
ui_data_set_starred(struct ui_data *d, int64_t id, bool starred,
    char **cause)
{
	return store_item_set_starred(d->store, id, starred, cause);
}

bool
ui_data_mark_read(struct ui_data *d, const char *url, int *changed,
    char **cause)
{
	return store_feed_mark_read(d->store, url, changed, cause);
}
