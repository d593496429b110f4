/* ingest: parse a feed file and store it as `kiji refresh` would, without
 * the network, so that the hostile suite can drive `kiji items` and `kiji
 * show` on hostile content.  Usage: ingest DB URL FILE [CHARSET].
 * Prints "items N" (the parsed count) on success; exits 1 with the error. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "feed.h"
#include "file.h"
#include "store.h"

int
main(int argc, char **argv)
{
	struct store		*st;
	struct feed_doc		*doc;
	struct store_fetch	 f = { .http_status = 200 };
	char			*data, *cause = NULL;
	size_t			 len;
	int			 fresh = 0;

	if (argc < 4) {
		fprintf(stderr, "usage: ingest DB URL FILE [CHARSET]\n");
		return 2;
	}
	feed_init();
	if ((data = file_read(argv[3], &len, &cause)) == NULL) {
		fprintf(stderr, "ingest: %s\n", cause);
		return 1;
	}
	doc = feed_parse(data, len, argv[2], argc > 4 ? argv[4] : NULL, &cause);
	free(data);
	if (doc == NULL) {
		fprintf(stderr, "ingest: %s\n", cause);
		return 1;
	}
	if ((st = store_open(argv[1], &cause)) == NULL) {
		fprintf(stderr, "ingest: %s\n", cause);
		return 1;
	}
	f.fetched_at = time(NULL);
	if (!store_feed_apply(st, argv[2], doc, &f, &fresh, &cause)) {
		fprintf(stderr, "ingest: %s\n", cause);
		return 1;
	}
	printf("items %zu new %d\n", doc->nitems, fresh);
	feed_doc_free(doc);
	store_close(st);
	return 0;
}
