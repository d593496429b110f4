/* cmd-refresh: `kiji refresh [--quiet] [FEED_URL...]`: fetch feeds now. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "cmd.h"
#include "cmd-store.h"
#include "fetch.h"
#include "i18n.h"
#include "queue.h"
#include "subs.h"
#include "utf8.h"
#include "xalloc.h"

#define REFRESH_BAR_WIDTH	24

struct refresh {
	bool		 quiet;
	bool		 bar;		/* draw a progress bar on stderr */
	struct buf	 failures;	/* "URL: reason" lines */
	struct buf	 notes;		/* redirects offered */
	int		 feeds;
	int		 new_items;
	int		 errors;
	bool		 cancelled;
	double		 last_draw;	/* monotonic seconds */
};

static volatile sig_atomic_t	refresh_signalled;
static int			refresh_sigpipe[2] = { -1, -1 };

/* Signal handlers only record (and wake the poll). */
static void
refresh_on_signal(int sig)
{
	int	saved = errno;

	refresh_signalled = sig;
	if (write(refresh_sigpipe[1], "", 1) == -1) {
		/* nothing to do: the flag is set */
	}
	errno = saved;
}

static void
refresh_usage(FILE *f)
{
	fprintf(f, _("Usage: kiji refresh [--quiet] [FEED_URL...]\n"
	    "Fetch every subscribed feed (or only the given ones) and store new "
	    "items.\n\n"
	    "  -q, --quiet  no progress bar and no summary; failures are still "
	    "listed\n"
	    "  -h, --help   show this help and exit\n\n"
	    "Exit status: 0 when every feed was fetched, 1 when some failed.\n"));
}

/* A terminal-safe copy of text from the network or a file. */
static char *
refresh_safe(const char *s)
{
	return utf8_sanitize(s, strlen(s), 0);
}

/* Redraw the progress bar in place (at most ten times a second). */
static void
refresh_draw(struct refresh *r, const struct fetch_event *e)
{
	struct timespec	now;
	double		t;
	int		fill = 0, i;
	char		bar[REFRESH_BAR_WIDTH + 1];

	clock_gettime(CLOCK_MONOTONIC, &now);
	t = (double)now.tv_sec + now.tv_nsec / 1e9;
	if (e->done < e->total && t - r->last_draw < 0.1) {
		return;
	}
	r->last_draw = t;
	if (e->total > 0) {
		fill = e->done * REFRESH_BAR_WIDTH / e->total;
	}
	for (i = 0; i < REFRESH_BAR_WIDTH; i++) {
		bar[i] = i < fill ? '#' : '-';
	}
	bar[REFRESH_BAR_WIDTH] = '\0';
	fprintf(stderr, "\r[%s] ", bar);
	fprintf(stderr, _("%d/%d feeds, %d new, %d errors"), e->done, e->total,
	    e->new_total, e->errors);
	fputs("\033[K", stderr);
	fflush(stderr);
}

/* Remember what a finished feed needs said at the end. */
static void
refresh_feed(struct refresh *r, const struct fetch_event *e)
{
	char	*url = refresh_safe(e->url), *text;

	if (e->error != NULL) {
		text = refresh_safe(e->error);
		buf_printf(&r->failures, "kiji: %s: %s\n", url, text);
		free(text);
	}
	if (e->redirect_url != NULL) {
		text = refresh_safe(e->redirect_url);
		buf_printf(&r->notes, _("%s moved permanently to %s; update the "
		    "subscription\n"), url, text);
		free(text);
	}
	free(url);
}

/* Handle one message; false once the batch is over. */
static bool
refresh_message(struct refresh *r, struct queue_msg *m)
{
	struct fetch_event	e;
	bool			more = true;

	if (!fetch_event_decode(m, &e)) {
		return true;
	}
	switch (e.type) {
	case FETCH_EVENT_FEED:
		refresh_feed(r, &e);
		break;
	case FETCH_EVENT_PROGRESS:
		if (r->bar) {
			refresh_draw(r, &e);
		}
		break;
	case FETCH_EVENT_BATCH:
		r->feeds = e.total;
		r->new_items = e.new_total;
		r->errors = e.errors;
		r->cancelled = e.cancelled;
		more = false;
		break;
	}
	return more;
}

/* Wait for the batch to end (or a signal); false when interrupted. */
static bool
refresh_wait(struct refresh *r, struct queue *q)
{
	struct pollfd		 pfd[2];
	struct queue_msg	*m;
	bool			 more = true;

	pfd[0].fd = queue_fd(q);
	pfd[0].events = POLLIN;
	pfd[1].fd = refresh_sigpipe[0];
	pfd[1].events = POLLIN;
	while (more) {
		if (poll(pfd, 2, -1) == -1 && errno != EINTR) {
			return false;
		}
		if (refresh_signalled) {
			return false;
		}
		queue_drain(q);
		while (more && (m = queue_pop(q)) != NULL) {
			more = refresh_message(r, m);
			free(m);
		}
	}
	return true;
}

static void
refresh_summary(struct refresh *r)
{
	char	*feeds, *items, *errors;

	if (r->bar) {
		fputs("\r\033[K", stderr);
	}
	fputs(buf_str(&r->failures), stderr);
	if (r->quiet) {
		return;
	}
	fputs(buf_str(&r->notes), stdout);
	feeds = xasprintf(ngettext("%d feed", "%d feeds", r->feeds), r->feeds);
	items = xasprintf(ngettext("%d new item", "%d new items", r->new_items),
	    r->new_items);
	errors = xasprintf(ngettext("%d error", "%d errors", r->errors),
	    r->errors);
	/* TRANSLATORS: "250 feeds, 37 new items, 2 errors" */
	printf(_("%s, %s, %s\n"), feeds, items, errors);
	free(feeds);
	free(items);
	free(errors);
}

static void
refresh_signals(bool on)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on ? refresh_on_signal : SIG_DFL;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

/* Fetch urls[0..n) with the options of cfg; the exit status. */
static int
refresh_run(struct refresh *r, struct cmd_ctx *ctx, const struct cfg *cfg,
    const char *const *urls, size_t n)
{
	struct fetch_config	 fc;
	struct queue		*q;
	struct fetch		*f;
	char			*cause = NULL;
	bool			 finished;

	if (!paths_mkdir(ctx->paths.data_dir, &cause) ||
	    (q = queue_new(&cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	fetch_config_load(&fc, cfg, ctx->paths.feeds_file);
	if ((f = fetch_start(&fc, ctx->paths.db_file, q, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		queue_free(q);
		return EXIT_FAIL;
	}
	if (pipe2(refresh_sigpipe, O_CLOEXEC | O_NONBLOCK) == 0) {
		refresh_signals(true);
	}
	fetch_request(f, urls, n);
	finished = refresh_wait(r, q);
	fetch_stop(f);
	queue_free(q);
	refresh_signals(false);
	if (refresh_sigpipe[0] != -1) {
		close(refresh_sigpipe[0]);
		close(refresh_sigpipe[1]);
		refresh_sigpipe[0] = refresh_sigpipe[1] = -1;
	}
	if (!finished) {
		if (r->bar) {
			fputs("\r\033[K", stderr);
		}
		cmd_error(_("refresh interrupted"));
		return EXIT_FAIL;
	}
	refresh_summary(r);
	return r->errors > 0 || r->cancelled ? EXIT_FAIL : EXIT_OK;
}

/* The URLs to fetch: the named ones (which must be subscribed) or all. */
static const char **
refresh_urls(const struct subs *subs, int argc, char **argv, size_t *n)
{
	const char	**urls;
	size_t		  i;
	int		  k;

	*n = 0;
	if (argc == 0) {
		urls = xcalloc(subs_count(subs) + 1, sizeof *urls);
		for (i = 0; i < subs_count(subs); i++) {
			urls[(*n)++] = subs_get(subs, i)->url;
		}
		return urls;
	}
	urls = xcalloc((size_t)argc + 1, sizeof *urls);
	for (k = 0; k < argc; k++) {
		if (subs_find(subs, argv[k]) == NULL) {
			cmd_error(_("not subscribed: %s"), argv[k]);
			free(urls);
			return NULL;
		}
		urls[(*n)++] = argv[k];
	}
	return urls;
}

static int
refresh_parse_args(struct refresh *r, int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			return i + 1;
		}
		if (strcmp(argv[i], "-q") == 0 || strcmp(argv[i], "--quiet") == 0) {
			r->quiet = true;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cmd_error(_("unknown option '%s'"), argv[i]);
			refresh_usage(stderr);
			return -1;
		} else {
			break;
		}
	}
	return i;
}

int
cmd_refresh(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct refresh	  r;
	struct cfg	 *cfg;
	struct subs	 *subs;
	const char	**urls;
	char		 *cause = NULL;
	size_t		  n;
	int		  first, rc;

	if (cmd_wants_help(argc, argv)) {
		refresh_usage(stdout);
		return EXIT_OK;
	}
	memset(&r, 0, sizeof r);
	if ((first = refresh_parse_args(&r, argc, argv)) < 0) {
		return EXIT_USAGE;
	}
	r.bar = !r.quiet && isatty(STDERR_FILENO);
	cfg = cmd_load_cfg(ctx);
	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		cfg_free(cfg);
		return EXIT_FAIL;
	}
	if (subs_count(subs) == 0 && argc == first) {
		/* A first start: nothing to fetch, nothing to create. */
		cmd_store_hint_empty(ctx);
		subs_free(subs);
		cfg_free(cfg);
		return EXIT_OK;
	}
	urls = refresh_urls(subs, argc - first, argv + first, &n);
	rc = urls == NULL ? EXIT_FAIL : refresh_run(&r, ctx, cfg, urls, n);
	free(urls);
	subs_free(subs);
	cfg_free(cfg);
	buf_free(&r.failures);
	buf_free(&r.notes);
	return rc;
}
