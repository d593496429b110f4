/* fetch-curl: the curl thread: one multi handle, transfers, politeness. */
#include "config.h"

#include <curl/curl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "fetch-int.h"
#include "i18n.h"
#include "store.h"
#include "subs.h"
#include "xalloc.h"

/* Bodies downloaded and not yet stored, beyond the running transfers; keeps
 * memory flat when the network outruns the parsers. */
#define FETCH_BACKLOG(f)	(2 * (f)->nparsers + 2)

struct fetch_transfer {
	CURL			*easy;
	struct fetch_job	*job;
	char			*host;
	struct curl_slist	*headers;
	struct fetch		*f;
	int			 hops;		/* redirects answered */
	bool			 permanent;	/* every one was 301/308 */
	bool			 too_big;
	char			*location;	/* of the last redirect */
	char			 errbuf[CURL_ERROR_SIZE];
};

struct fetch_pending {
	char			*url;
	char			*host;
};

struct fetch_curl {
	CURLM			 *multi;
	struct fetch_pending	 *pending;	/* URLs waiting for a slot */
	size_t			  npending;
	size_t			  pending_cap;
	struct fetch_transfer	**running;
	size_t			  nrunning;
	unsigned		  generation;
	bool			  batch_active;
};

static pthread_once_t	fetch_curl_once = PTHREAD_ONCE_INIT;

static void
fetch_curl_global(void)
{
	curl_global_init(CURL_GLOBAL_DEFAULT);
}

bool
fetch_curl_init(struct fetch *f, char **cause)
{
	struct fetch_curl	*c;

	pthread_once(&fetch_curl_once, fetch_curl_global);
	c = xcalloc(1, sizeof *c);
	c->multi = curl_multi_init();
	if (c->multi == NULL) {
		free(c);
		if (cause != NULL) {
			*cause = xstrdup(_("cannot initialise libcurl"));
		}
		return false;
	}
	curl_multi_setopt(c->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS,
	    (long)f->config.max_parallel);
	curl_multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS,
	    (long)f->config.max_per_host);
	curl_multi_setopt(c->multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	curl_multi_setopt(c->multi, CURLMOPT_MAXCONNECTS,
	    (long)f->config.max_parallel);
	f->curl = c;
	return true;
}

void
fetch_curl_wakeup(struct fetch *f)
{
	if (f->curl != NULL) {
		curl_multi_wakeup(f->curl->multi);
	}
}

/* Remember the HTTP status line and Location of each response, to tell
 * permanent redirects from the rest and to name a refused target. */
static size_t
fetch_curl_header(char *data, size_t size, size_t n, void *arg)
{
	struct fetch_transfer	*t = arg;
	size_t			 len = size * n;
	char			*line, *p;
	long			 code;

	if (len < 10 || len > 4096) {
		return len;
	}
	line = xstrndup(data, len);	/* curl's data is not NUL-terminated */
	line[strcspn(line, "\r\n")] = '\0';
	if (strncmp(line, "HTTP/", 5) == 0 && (p = strchr(line, ' ')) != NULL) {
		code = strtol(p, NULL, 10);
		if (code >= 300 && code < 400 && code != 304) {
			t->permanent = (t->hops == 0 || t->permanent) &&
			    (code == 301 || code == 308);
			t->hops++;
		}
	} else if (strncasecmp(line, "Location:", 9) == 0) {
		free(t->location);
		t->location = xstrdup(line + 9 + strspn(line + 9, " \t"));
	}
	free(line);
	return len;
}

/* Keep the decoded body, refusing to grow past max-size. */
static size_t
fetch_curl_write(char *data, size_t size, size_t n, void *arg)
{
	struct fetch_transfer	*t = arg;
	size_t			 len = size * n;

	if ((long long)(t->job->body.len + len) > t->f->config.max_size) {
		t->too_big = true;
		return 0;
	}
	buf_add(&t->job->body, data, len);
	return len;
}

/* Count the bytes on the wire (before decoding) against max-size. */
static int
fetch_curl_progress(void *arg, curl_off_t dltotal, curl_off_t dlnow,
    curl_off_t ultotal, curl_off_t ulnow)
{
	struct fetch_transfer	*t = arg;

	(void)dltotal;
	(void)ultotal;
	(void)ulnow;
	if (dlnow > t->f->config.max_size) {
		t->too_big = true;
		return 1;
	}
	return 0;
}

/* The host part of url (lower case), "" when there is none. */
static char *
fetch_curl_host(const char *url)
{
	CURLU	*u = curl_url();
	char	*host = NULL, *p, *out;

	if (curl_url_set(u, CURLUPART_URL, url, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK) {
		curl_url_cleanup(u);
		return xstrdup("");
	}
	out = xstrdup(host);
	for (p = out; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z') {
			*p = (char)(*p - 'A' + 'a');
		}
	}
	curl_free(host);
	curl_url_cleanup(u);
	return out;
}

/* Conditional GET headers from what the last fetch stored. */
static void
fetch_curl_validators(struct fetch *f, struct fetch_transfer *t)
{
	char	*etag = NULL, *lm = NULL, *h;

	if (!store_feed_validators(f->reader, t->job->url, &etag, &lm, NULL)) {
		return;
	}
	if (etag != NULL && *etag != '\0' && strpbrk(etag, "\r\n") == NULL) {
		h = xasprintf("If-None-Match: %s", etag);
		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	if (lm != NULL && *lm != '\0' && strpbrk(lm, "\r\n") == NULL) {
		h = xasprintf("If-Modified-Since: %s", lm);
		t->headers = curl_slist_append(t->headers, h);
		free(h);
	}
	free(etag);
	free(lm);
}

static void
fetch_curl_limits(struct fetch *f, CURL *e)
{
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https,file");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT, f->config.connect_timeout);
	curl_easy_setopt(e, CURLOPT_TIMEOUT, f->config.timeout);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_LIMIT, 1024L);
	curl_easy_setopt(e, CURLOPT_LOW_SPEED_TIME, f->config.low_speed_time);
	curl_easy_setopt(e, CURLOPT_MAXFILESIZE_LARGE,
	    (curl_off_t)f->config.max_size);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
}

/* A transfer for job, with every option set. */
static struct fetch_transfer *
fetch_curl_transfer(struct fetch *f, struct fetch_job *j)
{
	struct fetch_transfer	*t = xcalloc(1, sizeof *t);
	CURL			*e;

	t->f = f;
	t->job = j;
	t->host = fetch_curl_host(j->url);
	t->easy = e = curl_easy_init();
	if (e == NULL) {
		abort();
	}
	fetch_curl_validators(f, t);
	curl_easy_setopt(e, CURLOPT_URL, j->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, t);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, t->errbuf);
	curl_easy_setopt(e, CURLOPT_USERAGENT, f->user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_HTTP_VERSION, (long)CURL_HTTP_VERSION_2TLS);
	/* Over TLS, wait for ALPN to know whether HTTP/2 can carry several
	 * feeds of one host on one connection (plain http never multiplexes,
	 * and waiting there would queue feeds behind a slow one). */
	curl_easy_setopt(e, CURLOPT_PIPEWAIT,
	    strncasecmp(j->url, "https:", 6) == 0 ? 1L : 0L);
	curl_easy_setopt(e, CURLOPT_HTTPHEADER, t->headers);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, fetch_curl_write);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, t);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, fetch_curl_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, t);
	curl_easy_setopt(e, CURLOPT_XFERINFOFUNCTION, fetch_curl_progress);
	curl_easy_setopt(e, CURLOPT_XFERINFODATA, t);
	curl_easy_setopt(e, CURLOPT_NOPROGRESS, 0L);
	fetch_curl_limits(f, e);
	return t;
}

static void
fetch_curl_transfer_free(struct fetch_curl *c, struct fetch_transfer *t)
{
	curl_multi_remove_handle(c->multi, t->easy);
	curl_easy_cleanup(t->easy);
	curl_slist_free_all(t->headers);
	free(t->location);
	free(t->host);
	fetch_job_free(t->job);
	free(t);
}

/* A translated sentence for a failed transfer; the caller frees it. */
static char *
fetch_curl_error(struct fetch_transfer *t, CURLcode rc)
{
	if (t->too_big) {
		return xasprintf(_("feed larger than the %lld MiB limit (max-size)"),
		    t->f->config.max_size / (1024 * 1024));
	}
	switch (rc) {
	case CURLE_UNSUPPORTED_PROTOCOL:
		if (t->hops > 0 && t->location != NULL) {
			return xasprintf(_("redirect to %s refused: only http and "
			    "https are followed"), t->location);
		}
		return xstrdup(_("unsupported URL scheme (only http, https and "
		    "file)"));
	case CURLE_FILESIZE_EXCEEDED:
		return xasprintf(_("feed larger than the %lld MiB limit (max-size)"),
		    t->f->config.max_size / (1024 * 1024));
	case CURLE_TOO_MANY_REDIRECTS:
		return xstrdup(_("too many redirects (more than 5)"));
	case CURLE_COULDNT_RESOLVE_HOST:
		return xstrdup(_("host name not found"));
	case CURLE_COULDNT_CONNECT:
		return xstrdup(_("connection refused or unreachable"));
	case CURLE_OPERATION_TIMEDOUT:
		return xstrdup(_("timed out (server too slow or not answering)"));
	case CURLE_PARTIAL_FILE:
		return xstrdup(_("transfer cut short: body shorter than announced"));
	case CURLE_FILE_COULDNT_READ_FILE:
		return xstrdup(_("cannot read the file"));
	case CURLE_PEER_FAILED_VERIFICATION:
	case CURLE_SSL_CONNECT_ERROR:
		return xasprintf(_("TLS error: %s"), *t->errbuf != '\0' ?
		    t->errbuf : curl_easy_strerror(rc));
	case CURLE_BAD_CONTENT_ENCODING:
		return xstrdup(_("cannot decode the compressed body"));
	default:
		return xasprintf(_("download failed: %s"), *t->errbuf != '\0' ?
		    t->errbuf : curl_easy_strerror(rc));
	}
}

/* A copy of a response header of the last request, or NULL. */
static char *
fetch_curl_response_header(CURL *e, const char *name)
{
	struct curl_header	*h;

	if (curl_easy_header(e, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK ||
	    h->value == NULL || *h->value == '\0') {
		return NULL;
	}
	return xstrdup(h->value);
}

/* The charset parameter of the response's Content-Type, or NULL. */
static char *
fetch_curl_charset(CURL *e)
{
	const char	*ct = NULL, *p;
	size_t		 n;

	if (curl_easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ct) != CURLE_OK ||
	    ct == NULL) {
		return NULL;
	}
	for (p = ct; (p = strchr(p, ';')) != NULL; ) {
		p++;
		p += strspn(p, " \t");
		if (strncasecmp(p, "charset=", 8) != 0) {
			continue;
		}
		p += 8;
		if (*p == '"') {
			p++;
		}
		n = strcspn(p, "\"; \t");
		return n > 0 && n < 64 ? xstrndup(p, n) : NULL;
	}
	return NULL;
}

/* Fill the job from a finished transfer: status, validators or error. */
static void
fetch_curl_outcome(struct fetch_transfer *t, CURLcode rc)
{
	struct fetch_job	*j = t->job;
	char			*eff = NULL;
	long			 code = 0;

	curl_easy_getinfo(t->easy, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(t->easy, CURLINFO_EFFECTIVE_URL, &eff);
	j->http_status = code;
	j->fetched_at = time(NULL);
	if (rc != CURLE_OK || t->too_big) {
		j->error = fetch_curl_error(t, rc);
	} else if (code == 304) {
		j->not_modified = true;
	} else if (code >= 300) {
		j->error = xasprintf(_("server answered HTTP %ld"), code);
	} else {
		j->etag = fetch_curl_response_header(t->easy, "ETag");
		j->last_modified = fetch_curl_response_header(t->easy,
		    "Last-Modified");
		j->charset = fetch_curl_charset(t->easy);
		j->base_url = xstrdup(eff != NULL ? eff : j->url);
	}
	if (j->error == NULL && t->hops > 0 && t->permanent && eff != NULL &&
	    strcmp(eff, j->url) != 0) {
		j->redirect_url = xstrdup(eff);
	}
	if (j->error != NULL) {
		buf_free(&j->body);
	}
}

/* Hand a finished job on: bodies to the parsers, the rest to the writer. */
static void
fetch_curl_hand_on(struct fetch *f, struct fetch_job *j)
{
	pthread_mutex_lock(&f->lock);
	if (j->error == NULL && !j->not_modified) {
		fetch_jobs_push(&f->parse_jobs, j);
		pthread_cond_signal(&f->parse_cond);
	} else {
		fetch_jobs_push(&f->write_jobs, j);
		pthread_cond_signal(&f->write_cond);
	}
	pthread_mutex_unlock(&f->lock);
}

static void
fetch_curl_finished(struct fetch *f, struct fetch_curl *c, CURL *e,
    CURLcode rc)
{
	struct fetch_transfer	*t = NULL;
	size_t			 i;

	curl_easy_getinfo(e, CURLINFO_PRIVATE, (char **)&t);
	for (i = 0; i < c->nrunning; i++) {
		if (c->running[i] == t) {
			c->running[i] = c->running[--c->nrunning];
			break;
		}
	}
	fetch_curl_outcome(t, rc);
	fetch_curl_hand_on(f, t->job);
	t->job = NULL;
	fetch_curl_transfer_free(c, t);
}

static void
fetch_curl_collect(struct fetch *f, struct fetch_curl *c)
{
	CURLMsg	*m;
	int	 left;

	while ((m = curl_multi_info_read(c->multi, &left)) != NULL) {
		if (m->msg == CURLMSG_DONE) {
			fetch_curl_finished(f, c, m->easy_handle, m->data.result);
		}
	}
}

/* Queue url for this batch unless it is in it already.  Lock held. */
static void
fetch_curl_add(struct fetch *f, struct fetch_curl *c, const char *url)
{
	if (fetch_active_has(f, url)) {
		return;
	}
	if (f->nactive == f->active_cap) {
		f->active_cap = f->active_cap * 2 + 64;
		f->active = xreallocarray(f->active, f->active_cap,
		    sizeof *f->active);
	}
	f->active[f->nactive++] = xstrdup(url);
	f->total++;
	if (c->npending == c->pending_cap) {
		c->pending_cap = c->pending_cap * 2 + 64;
		c->pending = xreallocarray(c->pending, c->pending_cap,
		    sizeof *c->pending);
	}
	c->pending[c->npending].url = xstrdup(url);
	c->pending[c->npending].host = fetch_curl_host(url);
	c->npending++;
}

/* The subscription file's URLs, for a request of every feed. */
static char **
fetch_curl_all(struct fetch *f, size_t *n)
{
	struct subs	*subs;
	char		**urls;
	size_t		  i;

	*n = 0;
	if (f->feeds_file == NULL ||
	    (subs = subs_load(f->feeds_file, NULL)) == NULL) {
		return NULL;
	}
	*n = subs_count(subs);
	urls = xcalloc(*n + 1, sizeof *urls);
	for (i = 0; i < *n; i++) {
		urls[i] = xstrdup(subs_get(subs, i)->url);
	}
	subs_free(subs);
	return urls;
}

static void
fetch_curl_free_urls(char **urls, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(urls[i]);
	}
	free(urls);
}

/* Move new requests into the batch. */
static void
fetch_curl_take(struct fetch *f, struct fetch_curl *c)
{
	char	**req, **all = NULL;
	size_t	  n, nall = 0, i;
	bool	  want_all;

	pthread_mutex_lock(&f->lock);
	req = f->requests;
	n = f->nrequests;
	want_all = f->request_all;
	f->requests = NULL;
	f->nrequests = 0;
	f->request_all = false;
	pthread_mutex_unlock(&f->lock);
	if (n == 0 && req == NULL && !want_all) {
		return;
	}
	if (want_all) {
		all = fetch_curl_all(f, &nall);
	}
	pthread_mutex_lock(&f->lock);
	for (i = 0; i < n; i++) {
		fetch_curl_add(f, c, req[i]);
	}
	for (i = 0; i < nall; i++) {
		fetch_curl_add(f, c, all[i]);
	}
	pthread_mutex_unlock(&f->lock);
	c->batch_active = true;
	fetch_curl_free_urls(req, n);
	fetch_curl_free_urls(all, nall);
}

static void
fetch_curl_forget(struct fetch *f, const char *url)
{
	pthread_mutex_lock(&f->lock);
	fetch_active_remove(f, url);
	pthread_mutex_unlock(&f->lock);
}

/* After fetch_cancel (or to stop): abort every transfer, drop the queue. */
static void
fetch_curl_abort(struct fetch *f, struct fetch_curl *c)
{
	size_t	i;

	for (i = 0; i < c->nrunning; i++) {
		fetch_curl_forget(f, c->running[i]->job->url);
		fetch_curl_transfer_free(c, c->running[i]);
	}
	c->nrunning = 0;
	for (i = 0; i < c->npending; i++) {
		fetch_curl_forget(f, c->pending[i].url);
		free(c->pending[i].url);
		free(c->pending[i].host);
	}
	c->npending = 0;
}

static void
fetch_curl_check_cancel(struct fetch *f, struct fetch_curl *c)
{
	unsigned	gen;
	bool		cancelled;

	pthread_mutex_lock(&f->lock);
	gen = f->generation;
	cancelled = f->batch_cancelled;
	pthread_mutex_unlock(&f->lock);
	if (gen != c->generation) {
		c->generation = gen;
		fetch_curl_abort(f, c);
		if (cancelled) {
			c->batch_active = true;	/* report its end */
		}
	}
}

/* The first pending URL whose host has a free slot, or -1. */
static long
fetch_curl_pick(struct fetch *f, struct fetch_curl *c)
{
	size_t	i, k;
	int	busy;

	for (i = 0; i < c->npending; i++) {
		if (*c->pending[i].host == '\0') {
			return (long)i;
		}
		busy = 0;
		for (k = 0; k < c->nrunning; k++) {
			if (strcmp(c->running[k]->host, c->pending[i].host) == 0) {
				busy++;
			}
		}
		if (busy < f->config.max_per_host) {
			return (long)i;
		}
	}
	return -1;
}

static void
fetch_curl_launch(struct fetch *f, struct fetch_curl *c, size_t i)
{
	struct fetch_job	*j = xcalloc(1, sizeof *j);
	struct fetch_transfer	*t;

	j->url = c->pending[i].url;
	j->generation = c->generation;
	free(c->pending[i].host);
	memmove(&c->pending[i], &c->pending[i + 1],
	    (c->npending - i - 1) * sizeof *c->pending);
	c->npending--;
	t = fetch_curl_transfer(f, j);
	c->running = xreallocarray(c->running, c->nrunning + 1,
	    sizeof *c->running);
	c->running[c->nrunning++] = t;
	curl_multi_add_handle(c->multi, t->easy);
}

/* Start transfers while there are free slots and the backlog is short. */
static void
fetch_curl_start(struct fetch *f, struct fetch_curl *c)
{
	size_t	downstream;
	long	i;

	while (c->nrunning < (size_t)f->config.max_parallel && c->npending > 0) {
		pthread_mutex_lock(&f->lock);
		downstream = f->nactive - c->npending - c->nrunning;
		pthread_mutex_unlock(&f->lock);
		if (downstream >= (size_t)FETCH_BACKLOG(f) ||
		    (i = fetch_curl_pick(f, c)) < 0) {
			break;
		}
		fetch_curl_launch(f, c, (size_t)i);
	}
}

/* When every feed of the batch is stored, have the writer close it. */
static void
fetch_curl_batch_end(struct fetch *f, struct fetch_curl *c)
{
	struct fetch_job	*j;

	if (!c->batch_active || c->npending > 0 || c->nrunning > 0) {
		return;
	}
	pthread_mutex_lock(&f->lock);
	if (f->nactive == 0) {
		j = xcalloc(1, sizeof *j);
		j->end_of_batch = true;
		j->cancelled = f->batch_cancelled;
		j->done = f->done;
		j->total = f->total;
		j->new_total = f->new_total;
		j->errors = f->errors;
		f->done = f->total = f->new_total = f->errors = 0;
		f->batch_cancelled = false;
		fetch_jobs_push(&f->write_jobs, j);
		pthread_cond_signal(&f->write_cond);
		c->batch_active = false;
	}
	pthread_mutex_unlock(&f->lock);
}

static bool
fetch_curl_stopping(struct fetch *f)
{
	bool	stop;

	pthread_mutex_lock(&f->lock);
	stop = f->stopping;
	pthread_mutex_unlock(&f->lock);
	return stop;
}

/* The curl thread: requests in, finished jobs out, until fetch_stop. */
void *
fetch_curl_main(void *arg)
{
	struct fetch		*f = arg;
	struct fetch_curl	*c = f->curl;
	int			 still;

	while (!fetch_curl_stopping(f)) {
		fetch_curl_check_cancel(f, c);
		fetch_curl_take(f, c);
		fetch_curl_start(f, c);
		curl_multi_perform(c->multi, &still);
		fetch_curl_collect(f, c);
		fetch_curl_start(f, c);
		fetch_curl_batch_end(f, c);
		curl_multi_poll(c->multi, NULL, 0, 1000, NULL);
	}
	fetch_curl_abort(f, c);
	return NULL;
}

void
fetch_curl_free(struct fetch *f)
{
	struct fetch_curl	*c = f->curl;

	if (c == NULL) {
		return;
	}
	f->curl = NULL;
	curl_multi_cleanup(c->multi);
	free(c->pending);
	free(c->running);
	free(c);
}
