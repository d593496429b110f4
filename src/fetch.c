/* fetch: the fetcher's public face: start, requests, cancel, stop, events. */
#include "config.h"
#include "fetch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fetch-int.h"
#include "feed.h"
#include "i18n.h"
#include "store.h"
#include "xalloc.h"

#define FETCH_NO_STRING	UINT32_MAX

/* The fixed part of a message on the queue; strings follow it. */
struct fetch_wire {
	long		http_status;
	int		new_items;
	int		done;
	int		total;
	int		new_total;
	int		errors;
	unsigned char	not_modified;
	unsigned char	cancelled;
	uint32_t	len[3];		/* url, error, redirect_url */
};

void
fetch_jobs_push(struct fetch_jobs *l, struct fetch_job *j)
{
	j->next = NULL;
	if (l->tail == NULL) {
		l->head = j;
	} else {
		l->tail->next = j;
	}
	l->tail = j;
}

struct fetch_job *
fetch_jobs_pop(struct fetch_jobs *l)
{
	struct fetch_job	*j = l->head;

	if (j != NULL) {
		l->head = j->next;
		if (l->head == NULL) {
			l->tail = NULL;
		}
		j->next = NULL;
	}
	return j;
}

void
fetch_job_free(struct fetch_job *j)
{
	if (j == NULL) {
		return;
	}
	free(j->url);
	free(j->base_url);
	free(j->charset);
	buf_free(&j->body);
	free(j->error);
	free(j->etag);
	free(j->last_modified);
	free(j->redirect_url);
	feed_doc_free(j->doc);
	free(j);
}

/* Append a string (or the NULL marker) to a message being built. */
static void
fetch_wire_string(struct buf *b, struct fetch_wire *w, int i, const char *s)
{
	if (s == NULL) {
		w->len[i] = FETCH_NO_STRING;
		return;
	}
	w->len[i] = (uint32_t)strlen(s);
	buf_add(b, s, w->len[i] + 1);
}

static void
fetch_post(struct fetch *f, enum fetch_event_type type, struct fetch_wire *w,
    const char *url, const char *error, const char *redirect)
{
	struct buf	b = BUF_INIT;

	buf_add(&b, w, sizeof *w);
	fetch_wire_string(&b, w, 0, url);
	fetch_wire_string(&b, w, 1, error);
	fetch_wire_string(&b, w, 2, redirect);
	memcpy(b.data, w, sizeof *w);	/* now with the lengths */
	queue_post(f->out, type, b.data, b.len);
	buf_free(&b);
}

/* Tell the consumer that one feed is finished. */
void
fetch_post_feed(struct fetch *f, const struct fetch_job *j, int new_items)
{
	struct fetch_wire	w;

	memset(&w, 0, sizeof w);
	w.http_status = j->http_status;
	w.new_items = new_items;
	w.not_modified = j->not_modified;
	fetch_post(f, FETCH_EVENT_FEED, &w, j->url, j->error, j->redirect_url);
}

void
fetch_post_counts(struct fetch *f, enum fetch_event_type type, int done,
    int total, int new_total, int errors, bool cancelled)
{
	struct fetch_wire	w;

	memset(&w, 0, sizeof w);
	w.done = done;
	w.total = total;
	w.new_total = new_total;
	w.errors = errors;
	w.cancelled = cancelled;
	fetch_post(f, type, &w, NULL, NULL, NULL);
}

/* Point *s at the next string of a message, checking it stays inside. */
static bool
fetch_wire_take(const struct queue_msg *m, size_t *off, uint32_t len,
    const char **s)
{
	if (len == FETCH_NO_STRING) {
		*s = NULL;
		return true;
	}
	if (*off + (size_t)len + 1 > m->len || m->data[*off + len] != '\0') {
		return false;
	}
	*s = m->data + *off;
	*off += (size_t)len + 1;
	return true;
}

bool
fetch_event_decode(const struct queue_msg *m, struct fetch_event *e)
{
	struct fetch_wire	w;
	size_t			off = sizeof w;

	memset(e, 0, sizeof *e);
	if (m->type < FETCH_EVENT_FEED || m->type > FETCH_EVENT_BATCH ||
	    m->len < sizeof w) {
		return false;
	}
	memcpy(&w, m->data, sizeof w);
	if (!fetch_wire_take(m, &off, w.len[0], &e->url) ||
	    !fetch_wire_take(m, &off, w.len[1], &e->error) ||
	    !fetch_wire_take(m, &off, w.len[2], &e->redirect_url)) {
		return false;
	}
	e->type = (enum fetch_event_type)m->type;
	e->http_status = w.http_status;
	e->new_items = w.new_items;
	e->not_modified = w.not_modified;
	e->cancelled = w.cancelled;
	e->done = w.done;
	e->total = w.total;
	e->new_total = w.new_total;
	e->errors = w.errors;
	return true;
}

/* Is url part of the unfinished batch?  Called with the lock held. */
bool
fetch_active_has(struct fetch *f, const char *url)
{
	size_t	i;

	for (i = 0; i < f->nactive; i++) {
		if (strcmp(f->active[i], url) == 0) {
			return true;
		}
	}
	return false;
}

/* Forget a finished URL.  Called with the lock held. */
void
fetch_active_remove(struct fetch *f, const char *url)
{
	size_t	i;

	for (i = 0; i < f->nactive; i++) {
		if (strcmp(f->active[i], url) == 0) {
			free(f->active[i]);
			f->active[i] = f->active[--f->nactive];
			return;
		}
	}
}

/* How many parser threads to run. */
static int
fetch_parser_count(const struct fetch_config *c)
{
	long	n = c->parsers;

	/* Storing (one writer) costs more than parsing: leave it a core. */
	if (n <= 0) {
		n = sysconf(_SC_NPROCESSORS_ONLN) - 1;
	}
	if (n < 1) {
		n = 1;
	}
	return n > 8 ? 8 : (int)n;
}

/* Open the two database connections and the curl handle. */
static bool
fetch_open(struct fetch *f, const char *db_path, char **cause)
{
	if ((f->reader = store_open(db_path, cause)) == NULL) {
		return false;
	}
	if ((f->writer = store_open(db_path, cause)) == NULL) {
		return false;
	}
	return fetch_curl_init(f, cause);
}

static bool
fetch_spawn(struct fetch *f, char **cause)
{
	int	i;

	if (pthread_create(&f->write_thread, NULL, fetch_work_write_main, f) != 0) {
		goto fail;
	}
	f->threads_started = 1;
	for (i = 0; i < f->nparsers; i++) {
		if (pthread_create(&f->parse_threads[i], NULL,
		    fetch_work_parse_main, f) != 0) {
			goto fail;
		}
		f->threads_started++;
	}
	if (pthread_create(&f->curl_thread, NULL, fetch_curl_main, f) != 0) {
		goto fail;
	}
	f->threads_started++;
	return true;
fail:
	if (cause != NULL) {
		*cause = xstrdup(_("cannot start the fetcher's threads"));
	}
	return false;
}

struct fetch *
fetch_start(const struct fetch_config *config, const char *db_path,
    struct queue *out, char **cause)
{
	struct fetch	*f = xcalloc(1, sizeof *f);

	/* libxml2 must be set up by one thread before the parser threads
	 * start (feed.h); lazily, racing threads leak and corrupt its state. */
	feed_init();
	f->config = *config;
	if (config->user_agent != NULL && *config->user_agent != '\0') {
		f->user_agent = xstrdup(config->user_agent);
	} else {
		f->user_agent = xstrdup("kiji/" PACKAGE_VERSION
		    " (+https://example.invalid/kiji)");
	}
	f->feeds_file = config->feeds_file != NULL ?
	    xstrdup(config->feeds_file) : NULL;
	f->config.user_agent = f->user_agent;
	f->config.feeds_file = f->feeds_file;
	f->out = out;
	f->nparsers = fetch_parser_count(config);
	f->parse_threads = xcalloc((size_t)f->nparsers, sizeof *f->parse_threads);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->parse_cond, NULL);
	pthread_cond_init(&f->write_cond, NULL);
	if (!fetch_open(f, db_path, cause) || !fetch_spawn(f, cause)) {
		fetch_stop(f);
		return NULL;
	}
	return f;
}

/* Wake every thread so it looks at the shared state again. */
void
fetch_wake(struct fetch *f)
{
	pthread_cond_broadcast(&f->parse_cond);
	pthread_cond_broadcast(&f->write_cond);
	fetch_curl_wakeup(f);
}

void
fetch_request(struct fetch *f, const char *const *urls, size_t n)
{
	size_t	i;

	pthread_mutex_lock(&f->lock);
	if (urls == NULL) {
		f->request_all = true;
	} else {
		f->requests = xreallocarray(f->requests, f->nrequests + n + 1,
		    sizeof *f->requests);
		for (i = 0; i < n; i++) {
			f->requests[f->nrequests++] = xstrdup(urls[i]);
		}
	}
	pthread_mutex_unlock(&f->lock);
	fetch_curl_wakeup(f);
}

/* Drop the jobs of a list.  Called with the lock held. */
static void
fetch_jobs_drop(struct fetch *f, struct fetch_jobs *l)
{
	struct fetch_job	*j;

	while ((j = fetch_jobs_pop(l)) != NULL) {
		if (!j->end_of_batch) {
			fetch_active_remove(f, j->url);
		}
		fetch_job_free(j);
	}
}

void
fetch_cancel(struct fetch *f)
{
	size_t	i;

	pthread_mutex_lock(&f->lock);
	f->generation++;
	/* Whoever asked for feeds gets a (cancelled) end of batch, even when
	 * the curl thread had not seen the request yet. */
	if (f->total > 0 || f->requests != NULL || f->request_all) {
		f->batch_cancelled = true;
	}
	for (i = 0; i < f->nrequests; i++) {
		free(f->requests[i]);
	}
	free(f->requests);
	f->requests = NULL;
	f->nrequests = 0;
	f->request_all = false;
	fetch_jobs_drop(f, &f->parse_jobs);
	pthread_mutex_unlock(&f->lock);
	fetch_wake(f);
}

static void
fetch_join(struct fetch *f)
{
	int	i, n = f->threads_started;

	pthread_mutex_lock(&f->lock);
	f->stopping = true;
	pthread_mutex_unlock(&f->lock);
	fetch_wake(f);
	if (n > 0) {
		pthread_join(f->write_thread, NULL);
		n--;
	}
	for (i = 0; i < f->nparsers && n > 0; i++, n--) {
		pthread_join(f->parse_threads[i], NULL);
	}
	if (n > 0) {
		pthread_join(f->curl_thread, NULL);
	}
}

void
fetch_stop(struct fetch *f)
{
	size_t	i;

	if (f == NULL) {
		return;
	}
	fetch_join(f);
	fetch_jobs_drop(f, &f->parse_jobs);
	fetch_jobs_drop(f, &f->write_jobs);
	fetch_curl_free(f);
	if (f->reader != NULL) {
		store_close(f->reader);
	}
	if (f->writer != NULL) {
		store_close(f->writer);
	}
	for (i = 0; i < f->nrequests; i++) {
		free(f->requests[i]);
	}
	free(f->requests);
	for (i = 0; i < f->nactive; i++) {
		free(f->active[i]);
	}
	free(f->active);
	pthread_cond_destroy(&f->parse_cond);
	pthread_cond_destroy(&f->write_cond);
	pthread_mutex_destroy(&f->lock);
	free(f->parse_threads);
	free(f->user_agent);
	free(f->feeds_file);
	free(f);
}
