/* seed: load feeds into a kiji database through the store, for the CLI
 * tests (kiji's fetcher is not needed).  Usage: seed DB < SPEC, where SPEC
 * has tab-separated lines:
 *
 *     feed	URL	TITLE	FETCHED_AT
 *     item	KEY	TITLE	PUBLISHED	SUMMARY
 *     fail	URL	STATUS	ERROR	FETCHED_AT
 *
 * Items belong to the feed line above them. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "xalloc.h"
#include "../unit/seed-common.h"

#define SEED_FIELDS	5

struct seed {
	struct store	*st;
	char		*url;
	struct feed_doc	 doc;
	time_t		 when;
};

/* Apply the feed read so far, if any. */
static bool
seed_flush(struct seed *s)
{
	struct store_fetch	 f = { .fetched_at = s->when, .http_status = 200 };
	char			*cause = NULL;
	bool			 ok = true;

	if (s->url != NULL &&
	    !store_feed_apply(s->st, s->url, &s->doc, &f, NULL, &cause)) {
		fprintf(stderr, "seed: %s\n", cause);
		free(cause);
		ok = false;
	}
	seed_common_clear(&s->doc, &s->url);
	return ok;
}

static bool
seed_line(struct seed *s, char *f[SEED_FIELDS], int n)
{
	struct store_fetch	 fail = { 0 };
	struct item		*it;
	char			*cause = NULL;

	if (strcmp(f[0], "feed") == 0 && n == 4) {
		if (!seed_flush(s)) {
			return false;
		}
		s->url = xstrdup(f[1]);
		s->doc.title = xstrdup(f[2]);
		s->when = (time_t)strtoll(f[3], NULL, 10);
		return true;
	}
	if (strcmp(f[0], "item") == 0 && n == 5 && s->url != NULL) {
		s->doc.items = xreallocarray(s->doc.items, s->doc.nitems + 1,
		    sizeof *s->doc.items);
		it = &s->doc.items[s->doc.nitems++];
		memset(it, 0, sizeof *it);
		it->key = xstrdup(f[1]);
		it->title = xstrdup(f[2]);
		it->published = (time_t)strtoll(f[3], NULL, 10);
		it->summary = xstrdup(f[4]);
		return true;
	}
	if (strcmp(f[0], "fail") == 0 && n == 5 && seed_flush(s)) {
		fail.http_status = strtol(f[2], NULL, 10);
		fail.error = f[3];
		fail.fetched_at = (time_t)strtoll(f[4], NULL, 10);
		if (store_feed_apply(s->st, f[1], NULL, &fail, NULL, &cause)) {
			return true;
		}
		fprintf(stderr, "seed: %s\n", cause);
		free(cause);
		return false;
	}
	fprintf(stderr, "seed: bad line starting \"%s\"\n", f[0]);
	return false;
}

int
main(int argc, char **argv)
{
	struct seed	 s;
	char		 line[4096], *f[SEED_FIELDS], *cause = NULL;
	bool		 ok = true;

	if (argc != 2) {
		fprintf(stderr, "usage: seed DB < SPEC\n");
		return 2;
	}
	memset(&s, 0, sizeof s);
	if ((s.st = store_open(argv[1], &cause)) == NULL) {
		fprintf(stderr, "seed: %s\n", cause);
		free(cause);
		return 1;
	}
	while (ok && fgets(line, sizeof line, stdin) != NULL) {
		if (line[0] != '#' && line[0] != '\n') {
			ok = seed_line(&s, f,
			    seed_common_split(line, f, SEED_FIELDS));
		}
	}
	ok = seed_flush(&s) && ok;
	store_close(s.st);
	return ok ? 0 : 1;
}
