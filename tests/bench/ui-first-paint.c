/* ui-first-paint: how long the reader's first screen takes to read from a
 * database: the sources (feeds with counts), the count of "All unread" and
 * its first page of rows, and the first item.  Usage:
 *     ui-first-paint DB FEEDS_FILE
 * Prints one line per step and the total in milliseconds. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "store.h"
#include "ui-int.h"

static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

int
main(int argc, char **argv)
{
	struct ui_data		*d;
	struct ui_feed		*feeds;
	struct ui_row		*rows;
	struct ui_query		 q = { .kind = UI_SOURCE_UNREAD };
	struct store_item	 item;
	size_t			 nfeeds, nrows;
	char			*cause = NULL;
	double			 t0, t;
	int			 count;

	if (argc != 3) {
		fprintf(stderr, "usage: ui-first-paint DB FEEDS_FILE\n");
		return 2;
	}
	t0 = t = now_ms();
	if ((d = ui_data_open(argv[1], argv[2], &cause)) == NULL) {
		fprintf(stderr, "%s\n", cause);
		return 1;
	}
	printf("open      %7.1f ms\n", now_ms() - t);
	t = now_ms();
	if (!ui_data_feeds(d, &feeds, &nfeeds, &cause)) {
		fprintf(stderr, "%s\n", cause);
		return 1;
	}
	printf("sources   %7.1f ms (%zu feeds)\n", now_ms() - t, nfeeds);
	t = now_ms();
	if (!ui_data_count(d, &q, &count, &cause)) {
		fprintf(stderr, "%s\n", cause);
		return 1;
	}
	printf("count     %7.1f ms (%d unread)\n", now_ms() - t, count);
	t = now_ms();
	if (!ui_data_page(d, &q, 0, 200, &rows, &nrows, &cause)) {
		fprintf(stderr, "%s\n", cause);
		return 1;
	}
	printf("page      %7.1f ms (%zu rows)\n", now_ms() - t, nrows);
	t = now_ms();
	if (nrows > 0 && ui_data_item(d, rows[0].id, &item, &cause)) {
		store_item_clear(&item);
	}
	printf("item      %7.1f ms\n", now_ms() - t);
	printf("total     %7.1f ms\n", now_ms() - t0);
	ui_data_rows_free(rows, nrows);
	ui_data_feeds_free(feeds, nfeeds);
	ui_data_close(d);
	return 0;
}
