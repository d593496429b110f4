/* fetch-int: what fetch.c, fetch-curl.c and fetch-work.c share. */
#ifndef KIJI_FETCH_INT_H
#define KIJI_FETCH_INT_H

#include <pthread.h>
#include <stdbool.h>
#include <time.h>

#include "buf.h"
#include "fetch.h"

struct store;
struct feed_doc;
struct fetch_curl;

/* One feed on its way from the network to the database; owned by whichever
 * stage holds it. */
struct fetch_job {
	struct fetch_job	*next;
	char			*url;		/* as subscribed */
	char			*base_url;	/* where the body came from */
	char			*charset;	/* from Content-Type, or NULL */
	struct buf		 body;
	time_t			 fetched_at;
	long			 http_status;
	char			*error;		/* translated, or NULL */
	char			*etag;
	char			*last_modified;
	char			*redirect_url;
	bool			 not_modified;
	bool			 end_of_batch;	/* marker: the batch is over */
	bool			 cancelled;	/* with end_of_batch */
	struct feed_doc		*doc;		/* parsed, for the writer */
	unsigned		 generation;	/* of the batch that started it */
	int			 done, total, new_total, errors; /* end marker */
};

struct fetch_jobs {
	struct fetch_job	*head;
	struct fetch_job	*tail;
};

struct fetch {
	struct fetch_config	 config;
	bool			 index_pending;	/* writer thread only */
	char			*user_agent;
	char			*feeds_file;
	struct queue		*out;
	struct fetch_curl	*curl;		/* the curl thread's state */
	struct store		*reader;	/* the curl thread's */
	struct store		*writer;	/* the writer thread's */

	pthread_mutex_t		 lock;		/* guards everything below */
	pthread_cond_t		 parse_cond;
	pthread_cond_t		 write_cond;
	bool			 stopping;
	unsigned		 generation;	/* bumped by fetch_cancel */
	char			**requests;	/* not yet seen by the curl thread */
	size_t			 nrequests;
	bool			 request_all;
	char			**active;	/* the batch's unfinished URLs */
	size_t			 nactive;
	size_t			 active_cap;
	struct fetch_jobs	 parse_jobs;
	struct fetch_jobs	 write_jobs;
	bool			 batch_cancelled;
	int			 done, total, new_total, errors;

	pthread_t		 curl_thread;
	pthread_t		*parse_threads;
	int			 nparsers;
	pthread_t		 write_thread;
	int			 threads_started; /* how many to join */
};

/* fetch.c */
void	 fetch_jobs_push(struct fetch_jobs *, struct fetch_job *);
struct fetch_job *fetch_jobs_pop(struct fetch_jobs *);
void	 fetch_job_free(struct fetch_job *);
void	 fetch_wake(struct fetch *);
void	 fetch_post_feed(struct fetch *, const struct fetch_job *, int new_items);
void	 fetch_post_counts(struct fetch *, enum fetch_event_type, int done,
	     int total, int new_total, int errors, bool cancelled);
bool	 fetch_active_has(struct fetch *, const char *url);
void	 fetch_active_remove(struct fetch *, const char *url);

/* fetch-curl.c */
bool	 fetch_curl_init(struct fetch *, char **cause);
void	 fetch_curl_free(struct fetch *);
void	*fetch_curl_main(void *);
void	 fetch_curl_wakeup(struct fetch *);

/* fetch-work.c */
void	*fetch_work_parse_main(void *);
void	*fetch_work_write_main(void *);

#endif
