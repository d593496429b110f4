/* memo-seed: put items into a kiji database through the store, for the memo
 * CLI tests (no fetcher needed).  Usage: memo-seed DB < SPEC, where SPEC has
 * tab-separated lines (the fields after TITLE may be left out):
 *
 *     feed	URL	TITLE
 *     item	KEY	TITLE	LINK	PUBLISHED (epoch)	SUMMARY
 *
 * Items belong to the feed line above them; the ids follow the lines' order.
 * Lines starting with # and blank lines are skipped. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "store.h"
#include "xalloc.h"
#include "seed-common.h"

#define MEMO_SEED_FIELDS	6

struct memo_seed {
	struct store	*st;
	char		*url;
	struct feed_doc	 doc;
};

/* Apply the feed read so far, if any; items go in one by one so that their
 * ids follow the spec's order. */
static bool
memo_seed_flush(struct memo_seed *s)
{
	struct store_fetch	 f;
	struct feed_doc		 one;
	char			*cause = NULL;
	size_t			 i;
	bool			 ok = true;

	memset(&f, 0, sizeof f);
	f.fetched_at = 1680138000;
	f.http_status = 200;
	one = s->doc;
	for (i = 0; s->url != NULL && ok && (i < s->doc.nitems || i == 0); i++) {
		one.items = s->doc.nitems > 0 ? &s->doc.items[i] : NULL;
		one.nitems = s->doc.nitems > 0 ? 1 : 0;
		if (!store_feed_apply(s->st, s->url, &one, &f, NULL, &cause)) {
			fprintf(stderr, "memo-seed: %s\n", cause);
			free(cause);
			ok = false;
		}
	}
	seed_common_clear(&s->doc, &s->url);
	return ok;
}

static void
memo_seed_item(struct memo_seed *s, char *f[MEMO_SEED_FIELDS])
{
	struct item	*it;

	s->doc.items = xreallocarray(s->doc.items, s->doc.nitems + 1,
	    sizeof *s->doc.items);
	it = &s->doc.items[s->doc.nitems++];
	memset(it, 0, sizeof *it);
	it->key = xstrdup(f[1]);
	it->title = xstrdup(f[2]);
	it->link = f[3][0] != '\0' ? xstrdup(f[3]) : NULL;
	it->published = (time_t)strtoll(f[4], NULL, 10);
	it->summary = f[5][0] != '\0' ? xstrdup(f[5]) : NULL;
}

static bool
memo_seed_line(struct memo_seed *s, char *line)
{
	char	*f[MEMO_SEED_FIELDS];

	if (line[0] == '#' || line[0] == '\n' || line[0] == '\0') {
		return true;
	}
	seed_common_split(line, f, MEMO_SEED_FIELDS);
	if (strcmp(f[0], "feed") == 0) {
		if (!memo_seed_flush(s)) {
			return false;
		}
		s->url = xstrdup(f[1]);
		s->doc.title = f[2][0] != '\0' ? xstrdup(f[2]) : NULL;
		return true;
	}
	if (strcmp(f[0], "item") == 0 && s->url != NULL) {
		memo_seed_item(s, f);
		return true;
	}
	fprintf(stderr, "memo-seed: bad line: %s\n", f[0]);
	return false;
}

int
main(int argc, char **argv)
{
	struct memo_seed	 s;
	char			 line[8192], *cause = NULL;
	bool			 ok = true;

	if (argc != 2) {
		fprintf(stderr, "usage: memo-seed DB < SPEC\n");
		return 2;
	}
	memset(&s, 0, sizeof s);
	if ((s.st = store_open(argv[1], &cause)) == NULL) {
		fprintf(stderr, "memo-seed: %s\n", cause);
		free(cause);
		return 1;
	}
	while (ok && fgets(line, sizeof line, stdin) != NULL) {
		ok = memo_seed_line(&s, line);
	}
	ok = memo_seed_flush(&s) && ok;
	store_close(s.st);
	return ok ? 0 : 1;
}
