/* fetch: download feeds in the background and store them.
 *
 * fetch_start() runs a worker thread with its own curl multi handle; parser
 * threads turn bodies into documents and one writer thread stores them (each
 * thread with its own struct store).  The caller only talks to it through
 * fetch_request()/fetch_cancel()/fetch_stop() and reads what happened from
 * the queue it passed in: poll queue_fd(), then decode each message with
 * fetch_event_decode(). */
#ifndef KIJI_FETCH_H
#define KIJI_FETCH_H

#include <stdbool.h>
#include <stddef.h>

#include "queue.h"

struct fetch_config {
	int		 max_parallel;		/* transfers at once */
	int		 max_per_host;		/* transfers at once to one host */
	long		 connect_timeout;	/* seconds */
	long		 timeout;		/* seconds for a whole transfer */
	long		 low_speed_time;	/* seconds below 1 KiB/s */
	long long	 max_size;		/* bytes, compressed and decoded */
	const char	*user_agent;		/* NULL or "": kiji's own */
	int		 keep_days;		/* expire read items; 0: never */
	int		 parsers;		/* parser threads; 0: CPUs - 1 */
	const char	*feeds_file;		/* subscriptions, for "all" */
	bool		 index_when_idle;	/* build the search index for new
						   items after a batch, while idle */
};

/* Queue message types (queue_msg.type). */
enum fetch_event_type {
	FETCH_EVENT_FEED = 0x4601,	/* one feed finished */
	FETCH_EVENT_PROGRESS,		/* counters changed */
	FETCH_EVENT_BATCH,		/* every requested feed is done */
};

/* A decoded message; the strings point into the queue message and live as
 * long as it does. */
struct fetch_event {
	enum fetch_event_type	 type;
	const char		*url;		/* FEED */
	const char		*error;		/* FEED: NULL on success, translated */
	const char		*redirect_url;	/* FEED: permanent redirect offered */
	long			 http_status;	/* FEED: 0 for file:// or none */
	int			 new_items;	/* FEED */
	bool			 not_modified;	/* FEED: 304 */
	bool			 cancelled;	/* BATCH: stopped by fetch_cancel */
	int			 done;		/* PROGRESS, BATCH: feeds finished */
	int			 total;		/* feeds in the batch */
	int			 new_total;	/* new items so far */
	int			 errors;	/* feeds that failed so far */
};

struct fetch;

struct cfg;

/* The built-in defaults (the same as options.def's). */
void		 fetch_config_init(struct fetch_config *);

/* The settings from the configuration's options (max-parallel, timeout...);
 * the strings point into cfg and feeds_file, which must outlive *c's use
 * by fetch_start() (it copies them). */
void		 fetch_config_load(struct fetch_config *c, const struct cfg *cfg,
		     const char *feeds_file);

/* Start the worker threads; messages go to out (which must outlive the
 * fetcher).  NULL with *cause when the database or curl cannot be set up. */
struct fetch	*fetch_start(const struct fetch_config *, const char *db_path,
		     struct queue *out, char **cause);

/* Fetch these feeds (n URLs; urls == NULL: every feed of the subscription
 * file).  URLs already being fetched are not fetched twice; a request during
 * a batch joins it. */
void		 fetch_request(struct fetch *, const char *const *urls, size_t n);

/* Abort every transfer and drop what is queued; a BATCH event with
 * cancelled set follows. */
void		 fetch_cancel(struct fetch *);

/* Abort everything, join the threads and free the fetcher (NULL: no-op). */
void		 fetch_stop(struct fetch *);

/* Read a message posted by the fetcher; false when it is not one. */
bool		 fetch_event_decode(const struct queue_msg *, struct fetch_event *);

#endif
