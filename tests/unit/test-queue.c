/* Unit tests for queue: FIFO order, copies, threads posting, the wake fd. */
#include "config.h"

#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "queue.h"
#include "tap.h"

#define THREADS		4
#define PER_THREAD	5000

struct poster {
	struct queue	*q;
	int		 id;
};

static void *
post_many(void *arg)
{
	struct poster	*p = arg;
	int		 i, v[2];

	for (i = 0; i < PER_THREAD; i++) {
		v[0] = p->id;
		v[1] = i;
		queue_post(p->q, 7, v, sizeof v);
	}
	return NULL;
}

static int
readable(int fd, int ms)
{
	struct pollfd	pfd = { fd, POLLIN, 0 };

	return poll(&pfd, 1, ms) == 1 && (pfd.revents & POLLIN);
}

/* Single-thread cases: a table of posts, checked in FIFO order. */
static void
test_fifo(void)
{
	static const struct { int type; const char *text; } cases[] = {
		{ 1, "first" }, { 2, "" }, { 3, "third, longer message" },
		{ 1, "ünïcödé 日本語" },
	};
	struct queue		*q = queue_new(NULL);
	struct queue_msg	*m;
	char			 buf[32];
	size_t			 i, n = sizeof cases / sizeof cases[0];
	int			 flags;

	ok(q != NULL, "fifo 0: queue_new");
	ok(!readable(queue_fd(q), 0), "fifo 1: empty queue is not readable");
	flags = fcntl(queue_fd(q), F_GETFD);
	ok(flags != -1 && (flags & FD_CLOEXEC), "fifo 2: wake fd is close-on-exec");
	ok(fcntl(queue_fd(q), F_GETFL) & O_NONBLOCK, "fifo 3: wake fd is non-blocking");
	for (i = 0; i < n; i++) {
		strcpy(buf, cases[i].text);
		queue_post(q, cases[i].type, buf, strlen(buf));
		memset(buf, 'x', sizeof buf - 1);	/* the queue holds a copy */
	}
	ok(readable(queue_fd(q), 0), "fifo 4: posting wakes the fd");
	is_int(queue_length(q), n, "fifo 5: length counts messages");
	queue_drain(q);
	ok(!readable(queue_fd(q), 0), "fifo 6: drain clears the wake state");
	for (i = 0; i < n; i++) {
		m = queue_pop(q);
		ok(m != NULL && m->type == cases[i].type,
		    "fifo 7.%zu: type in order", i);
		is_str(m != NULL ? m->data : NULL, cases[i].text,
		    "fifo 8.%zu: copied bytes, NUL-terminated", i);
		free(m);
	}
	ok(queue_pop(q) == NULL, "fifo 9: empty after popping everything");
	queue_post(q, 5, "left", 4);
	queue_free(q);	/* frees the unread message (checked by ASan/valgrind) */
	ok(1, "fifo 10: free with unread messages");
}

/* Several threads post at once; each one's messages arrive in its order. */
static void
test_threads(void)
{
	struct queue		*q = queue_new(NULL);
	pthread_t		 t[THREADS];
	struct poster		 p[THREADS];
	struct queue_msg	*m;
	int			 next[THREADS] = { 0 }, v[2], i, got = 0, bad = 0;

	for (i = 0; i < THREADS; i++) {
		p[i].q = q;
		p[i].id = i;
		pthread_create(&t[i], NULL, post_many, &p[i]);
	}
	while (got < THREADS * PER_THREAD) {
		if (!readable(queue_fd(q), 5000)) {
			break;
		}
		queue_drain(q);
		while ((m = queue_pop(q)) != NULL) {
			memcpy(v, m->data, sizeof v);
			if (m->type != 7 || m->len != sizeof v ||
			    v[0] < 0 || v[0] >= THREADS || v[1] != next[v[0]]) {
				bad++;
			} else {
				next[v[0]]++;
			}
			got++;
			free(m);
		}
	}
	for (i = 0; i < THREADS; i++) {
		pthread_join(t[i], NULL);
	}
	is_int(got, THREADS * PER_THREAD, "threads 0: every message arrived");
	is_int(bad, 0, "threads 1: per-thread order kept, contents intact");
	queue_drain(q);
	ok(queue_pop(q) == NULL && !readable(queue_fd(q), 0),
	    "threads 2: nothing left, fd quiet");
	queue_free(q);
	queue_free(NULL);
	ok(1, "threads 3: queue_free(NULL) is a no-op");
}

int
main(void)
{
	test_fifo();
	test_threads();
	return done_testing();
}
