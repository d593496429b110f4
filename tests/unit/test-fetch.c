/* Unit tests for fetch: the message wire format, and the engine on file://
 * feeds (batch, dedup, cancel, stop while busy). */
#include "config.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch-int.h"
#include "queue.h"
#include "store.h"
#include "tap.h"
#include "xalloc.h"

/* The next event from q (waiting up to 10 s); false on timeout. */
static bool
next_event(struct queue *q, struct queue_msg **m, struct fetch_event *e)
{
	struct pollfd	pfd = { queue_fd(q), POLLIN, 0 };

	for (;;) {
		queue_drain(q);
		if ((*m = queue_pop(q)) != NULL) {
			return fetch_event_decode(*m, e);
		}
		if (poll(&pfd, 1, 10000) != 1) {
			return false;
		}
	}
}

static void
test_wire(void)
{
	static const struct {
		const char	*url, *error, *redirect;
		long		 status;
		int		 new_items;
		bool		 not_modified;
	} cases[] = {
		{ "http://a.example/feed", NULL, NULL, 200, 7, false },
		{ "http://b.example/", "server answered HTTP 404", NULL, 404, 0, false },
		{ "https://c.example/", NULL, "https://d.example/", 304, 0, true },
		{ "", "", "", 0, 0, false },
	};
	struct fetch		 f;
	struct fetch_job	 j;
	struct queue_msg	*m;
	struct fetch_event	 e;
	size_t			 i;

	memset(&f, 0, sizeof f);
	f.out = queue_new(NULL);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		memset(&j, 0, sizeof j);
		j.url = (char *)cases[i].url;
		j.error = (char *)cases[i].error;
		j.redirect_url = (char *)cases[i].redirect;
		j.http_status = cases[i].status;
		j.not_modified = cases[i].not_modified;
		fetch_post_feed(&f, &j, cases[i].new_items);
		m = queue_pop(f.out);
		ok(m != NULL && fetch_event_decode(m, &e) &&
		    e.type == FETCH_EVENT_FEED, "wire %zu: feed event decodes", i);
		is_str(e.url, cases[i].url, "wire %zu: url", i);
		is_str(e.error, cases[i].error, "wire %zu: error", i);
		is_str(e.redirect_url, cases[i].redirect, "wire %zu: redirect", i);
		ok(e.http_status == cases[i].status &&
		    e.new_items == cases[i].new_items &&
		    e.not_modified == cases[i].not_modified,
		    "wire %zu: numbers", i);
		if (m != NULL && m->len > 4) {
			m->len -= 2;	/* cut into the strings */
			ok(!fetch_event_decode(m, &e), "wire %zu: truncated "
			    "message refused", i);
		}
		free(m);
	}
	fetch_post_counts(&f, FETCH_EVENT_BATCH, 3, 4, 5, 1, true);
	m = queue_pop(f.out);
	ok(m != NULL && fetch_event_decode(m, &e) && e.type == FETCH_EVENT_BATCH &&
	    e.done == 3 && e.total == 4 && e.new_total == 5 && e.errors == 1 &&
	    e.cancelled, "wire: batch counts");
	free(m);
	queue_post(f.out, 1, "x", 1);
	m = queue_pop(f.out);
	ok(m != NULL && !fetch_event_decode(m, &e), "wire: foreign message refused");
	free(m);
	queue_free(f.out);
}

/* Wait for the end of a batch; returns the BATCH event's counts. */
static struct fetch_event
wait_batch(struct queue *q, int *feeds)
{
	struct queue_msg	*m;
	struct fetch_event	 e;

	memset(&e, 0, sizeof e);
	*feeds = 0;
	while (next_event(q, &m, &e)) {
		*feeds += e.type == FETCH_EVENT_FEED;
		if (e.type == FETCH_EVENT_BATCH) {
			free(m);
			return e;
		}
		free(m);
	}
	e.type = 0;
	return e;
}

static struct fetch_event
run_batch(struct fetch *f, struct queue *q, const char *const *urls, size_t n,
    int *feeds)
{
	fetch_request(f, urls, n);
	return wait_batch(q, feeds);
}

static void
test_engine(const char *dir, const char *datadir)
{
	struct fetch_config	 c;
	struct queue		*q = queue_new(NULL);
	struct fetch		*f;
	struct fetch_event	 e;
	char			*cause = NULL, *db, *urls[4];
	int			 feeds;

	urls[0] = xasprintf("file://%s/a.xml", datadir);
	urls[1] = xasprintf("file://%s/b.xml", datadir);
	urls[2] = xasprintf("file://%s/missing.xml", datadir);
	urls[3] = urls[0];	/* asked twice, fetched once */
	db = xasprintf("%s/test.db", dir);
	fetch_config_init(&c);
	c.parsers = 2;
	f = fetch_start(&c, db, q, &cause);
	ok(f != NULL, "engine 0: fetch_start %s", cause != NULL ? cause : "");
	if (f == NULL) {
		free(cause);
		return;
	}
	e = run_batch(f, q, (const char *const *)urls, 4, &feeds);
	ok(e.type == FETCH_EVENT_BATCH, "engine 1: batch ends");
	is_int(e.total, 3, "engine 2: duplicate URL fetched once");
	is_int(feeds, 3, "engine 3: one event per feed");
	is_int(e.new_total, 5, "engine 4: new items counted (3 + 2)");
	is_int(e.errors, 1, "engine 5: missing file is an error");
	e = run_batch(f, q, (const char *const *)urls, 2, &feeds);
	is_int(e.new_total, 0, "engine 6: nothing new the second time");
	e = run_batch(f, q, (const char *const *)urls, 0, &feeds);
	ok(e.type == FETCH_EVENT_BATCH && e.total == 0,
	    "engine 7: an empty request still ends");
	fetch_request(f, (const char *const *)urls, 3);
	fetch_cancel(f);
	e = wait_batch(q, &feeds);
	ok(e.type == FETCH_EVENT_BATCH, "engine 8: cancel ends the batch");
	fetch_request(f, (const char *const *)urls, 3);
	fetch_stop(f);	/* while busy: must not hang or leak */
	ok(1, "engine 9: stop while busy");
	fetch_stop(NULL);
	queue_free(q);
	free(urls[0]);
	free(urls[1]);
	free(urls[2]);
	free(db);
}

/* With index_when_idle, the writer indexes a batch's items after it, so
 * nothing is left pending for the reader's first search. */
static void
test_idle_index(const char *dir, const char *datadir)
{
	struct fetch_config	 c;
	struct queue		*q = queue_new(NULL);
	struct fetch		*f;
	struct store		*st;
	struct fetch_event	 e;
	char			*cause = NULL, *db, *urls[2];
	size_t			 left = 1;
	int			 feeds, tries;

	urls[0] = xasprintf("file://%s/a.xml", datadir);
	urls[1] = xasprintf("file://%s/b.xml", datadir);
	db = xasprintf("%s/idle.db", dir);
	fetch_config_init(&c);
	c.index_when_idle = true;
	f = fetch_start(&c, db, q, &cause);
	ok(f != NULL, "idle 0: fetch_start %s", cause != NULL ? cause : "");
	if (f == NULL) {
		free(cause);
		return;
	}
	e = run_batch(f, q, (const char *const *)urls, 2, &feeds);
	is_int(e.new_total, 5, "idle 1: the batch stored its items");
	st = store_open(db, &cause);
	ok(st != NULL, "idle 2: a second connection opens");
	for (tries = 0; st != NULL && tries < 100; tries++) {
		if (store_fts_left(st, &left, NULL) && left == 0) {
			break;
		}
		usleep(20000);
	}
	is_int(left, 0, "idle 3: the writer indexed them while idle");
	store_close(st);
	fetch_stop(f);
	queue_free(q);
	free(urls[0]);
	free(urls[1]);
	free(db);
}

int
main(void)
{
	static const char *const files[] = { "test.db", "test.db-wal",
	    "test.db-shm", "idle.db", "idle.db-wal", "idle.db-shm" };
	char		 tmpl[] = "/tmp/kiji-test-fetch.XXXXXX", *data, *path;
	const char	*src = getenv("KIJI_SRCDIR");
	size_t		 i;

	test_wire();
	if (mkdtemp(tmpl) == NULL) {
		ok(0, "mkdtemp");
		return done_testing();
	}
	data = xasprintf("%s/tests/data/fetch", src != NULL ? src : ".");
	test_engine(tmpl, data);
	test_idle_index(tmpl, data);
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		path = xasprintf("%s/%s", tmpl, files[i]);
		unlink(path);
		free(path);
	}
	rmdir(tmpl);
	free(data);
	return done_testing();
}
