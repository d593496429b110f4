/* fetch-work: the parser threads and the writer thread. */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "feed.h"
#include "fetch-int.h"
#include "i18n.h"
#include "store.h"
#include "xalloc.h"

/* Wait for a job on l; NULL when the fetcher is stopping. */
static struct fetch_job *
fetch_work_wait(struct fetch *f, struct fetch_jobs *l, pthread_cond_t *cond)
{
	struct fetch_job	*j = NULL;

	pthread_mutex_lock(&f->lock);
	while (!f->stopping && l->head == NULL) {
		pthread_cond_wait(cond, &f->lock);
	}
	if (!f->stopping) {
		j = fetch_jobs_pop(l);
	}
	pthread_mutex_unlock(&f->lock);
	return j;
}

/* Parse one body into a document, or turn it into an error. */
static void
fetch_work_parse(struct fetch_job *j)
{
	char	*cause = NULL;

	j->doc = feed_parse(j->body.data != NULL ? j->body.data : "",
	    j->body.len, j->base_url, j->charset, &cause);
	if (j->doc == NULL) {
		j->error = cause != NULL ? cause :
		    xstrdup(_("not a feed (neither RSS nor Atom)"));
		free(j->etag);
		free(j->last_modified);
		j->etag = j->last_modified = NULL;
	}
	buf_free(&j->body);
}

/* A parser thread: bodies in, documents out to the writer. */
void *
fetch_work_parse_main(void *arg)
{
	struct fetch		*f = arg;
	struct fetch_job	*j;
	bool			 current;

	while ((j = fetch_work_wait(f, &f->parse_jobs, &f->parse_cond)) != NULL) {
		pthread_mutex_lock(&f->lock);
		current = j->generation == f->generation;
		pthread_mutex_unlock(&f->lock);
		if (current) {
			fetch_work_parse(j);
		}
		pthread_mutex_lock(&f->lock);
		fetch_jobs_push(&f->write_jobs, j);
		pthread_cond_signal(&f->write_cond);
		pthread_mutex_unlock(&f->lock);
	}
	return NULL;
}

/* Record the job's outcome (and items) in the database. */
static int
fetch_work_store(struct fetch *f, struct fetch_job *j)
{
	struct store_fetch	 sf;
	char			*cause = NULL;
	int			 new_items = 0;

	memset(&sf, 0, sizeof sf);
	sf.fetched_at = j->fetched_at;
	sf.http_status = j->http_status;
	sf.error = j->error;
	sf.etag = j->etag;
	sf.last_modified = j->last_modified;
	sf.redirect_url = j->redirect_url;
	sf.not_modified = j->not_modified;
	if (store_feed_apply(f->writer, j->url, j->doc, &sf, &new_items,
	    &cause)) {
		return new_items;
	}
	/* Keep the failure itself, without the items. */
	free(j->error);
	j->error = cause;
	sf.error = j->error;
	sf.etag = sf.last_modified = NULL;
	sf.not_modified = false;
	store_feed_apply(f->writer, j->url, NULL, &sf, NULL, NULL);
	return 0;
}

/* After a batch: expire old read items (keep-days), refresh statistics. */
static void
fetch_work_maintain(struct fetch *f)
{
	time_t	cutoff;

	if (f->config.keep_days > 0) {
		cutoff = time(NULL) - (time_t)f->config.keep_days * 86400;
		store_expire(f->writer, cutoff, NULL, NULL);
	}
	store_optimize(f->writer, NULL);
}

/* Close a batch: tidy the database, then tell the consumer. */
static void
fetch_work_batch_end(struct fetch *f, struct fetch_job *j)
{
	if (!j->cancelled && j->total > 0) {
		fetch_work_maintain(f);
		f->index_pending = f->config.index_when_idle;
	}
	fetch_post_counts(f, FETCH_EVENT_BATCH, j->done, j->total,
	    j->new_total, j->errors, j->cancelled);
}

/* Store one job (unless its batch was cancelled) and report it. */
static void
fetch_work_write(struct fetch *f, struct fetch_job *j)
{
	int	new_items = 0, done, total, new_total, errors;
	bool	current;

	pthread_mutex_lock(&f->lock);
	current = j->generation == f->generation;
	pthread_mutex_unlock(&f->lock);
	if (current) {
		new_items = fetch_work_store(f, j);
	}
	pthread_mutex_lock(&f->lock);
	fetch_active_remove(f, j->url);
	if (current) {
		f->done++;
		f->new_total += new_items;
		f->errors += j->error != NULL;
	}
	done = f->done;
	total = f->total;
	new_total = f->new_total;
	errors = f->errors;
	pthread_mutex_unlock(&f->lock);
	if (current) {
		fetch_post_feed(f, j, new_items);
		fetch_post_counts(f, FETCH_EVENT_PROGRESS, done, total,
		    new_total, errors, false);
	}
	fetch_curl_wakeup(f);
}

/* Whether the writer has nothing to store and is not asked to stop. */
static bool
fetch_work_idle(struct fetch *f)
{
	bool	idle;

	pthread_mutex_lock(&f->lock);
	idle = !f->stopping && f->write_jobs.head == NULL;
	pthread_mutex_unlock(&f->lock);
	return idle;
}

/* Index a few of the items the last batch stored (in a short transaction of
 * its own), so that the reader's first search does not have to. */
static void
fetch_work_index_step(struct fetch *f)
{
	size_t	left = 0;

	if (!store_fts_catch_up(f->writer, 200, &left, NULL) || left == 0) {
		f->index_pending = false;
	}
}

/* The writer thread: the only one that writes to the database. */
void *
fetch_work_write_main(void *arg)
{
	struct fetch		*f = arg;
	struct fetch_job	*j;

	for (;;) {
		if (f->index_pending && fetch_work_idle(f)) {
			fetch_work_index_step(f);
			continue;
		}
		if ((j = fetch_work_wait(f, &f->write_jobs, &f->write_cond)) ==
		    NULL) {
			break;
		}
		if (j->end_of_batch) {
			fetch_work_batch_end(f, j);
		} else {
			fetch_work_write(f, j);
		}
		fetch_job_free(j);
	}
	return NULL;
}
