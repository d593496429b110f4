/* cmd-feeds: kiji add, kiji remove and kiji feeds. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd-store.h"
#include "cmd-text.h"
#include "cmd.h"
#include "i18n.h"
#include "json.h"
#include "subs.h"
#include "xalloc.h"

/* Load the subscription list, printing the error on failure. */
static struct subs *
cmd_feeds_load(struct cmd_ctx *ctx)
{
	struct subs	*subs;
	char		*cause = NULL;

	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
	}
	return subs;
}

/* Save the subscription list, creating its directory if need be. */
static bool
cmd_feeds_save(struct cmd_ctx *ctx, struct subs *subs)
{
	char	*cause = NULL;

	if (!paths_mkdir(ctx->paths.config_dir, &cause) ||
	    !subs_save(subs, ctx->paths.feeds_file, &cause)) {
		cmd_error("%s", cause);
		free(cause);
		return false;
	}
	return true;
}

int
cmd_add(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "section", required_argument, NULL, 's' },
		{ "title", required_argument, NULL, 't' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*section = NULL, *title = NULL;
	struct subs	*subs;
	char		*cause = NULL;
	int		 c, rc;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji add URL [--section NAME] [--title TEXT]\n"
		    "Subscribe to the feed at URL (http://, https:// or "
		    "file://).\n"));
		return EXIT_OK;
	}
	optind = 0;	/* reset getopt fully: options may follow the URL */
	while ((c = getopt_long(argc, argv, "s:t:", longopts, NULL)) != -1) {
		switch (c) {
		case 's':
			section = optarg;
			break;
		case 't':
			title = optarg;
			break;
		default:
			return EXIT_USAGE;
		}
	}
	if (argc - optind != 1) {
		cmd_error(_("usage: kiji add URL [--section NAME] "
		    "[--title TEXT]"));
		return EXIT_USAGE;
	}
	if ((subs = cmd_feeds_load(ctx)) == NULL) {
		return EXIT_FAIL;
	}
	rc = EXIT_FAIL;
	if (!subs_add(subs, argv[optind], title, section, &cause)) {
		cmd_error("%s", cause);
		free(cause);
	} else if (cmd_feeds_save(ctx, subs)) {
		rc = EXIT_OK;
	}
	subs_free(subs);
	return rc;
}

/* Remove url from the store and from subs (saved), all or nothing: the
 * database's transaction commits only once the file is written. */
static bool
cmd_feeds_remove(struct cmd_ctx *ctx, struct store *st, struct subs *subs,
    const char *url)
{
	char	*cause = NULL;
	bool	 in_store, in_file = subs_find(subs, url) != NULL;

	if (!store_begin(st, &cause)) {
		goto fail;
	}
	if (!store_feed_remove(st, url, &in_store, &cause)) {
		store_rollback(st);
		goto fail;
	}
	if (!in_file && !in_store) {
		store_rollback(st);
		cmd_error(_("not subscribed to %s"), url);
		return false;
	}
	if (in_file) {
		subs_remove(subs, url);
		if (!cmd_feeds_save(ctx, subs)) {
			store_rollback(st);
			return false;
		}
	}
	if (store_commit(st, &cause)) {
		return true;
	}
fail:
	cmd_error("%s", cause);
	free(cause);
	return false;
}

int
cmd_remove(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct subs	*subs;
	struct store	*st;
	int		 rc = EXIT_FAIL;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji remove URL\n"
		    "Unsubscribe from URL and delete its items (issues of the "
		    "memo keep theirs).\n"));
		return EXIT_OK;
	}
	if (argc != 2) {
		cmd_error(_("usage: kiji remove URL"));
		return EXIT_USAGE;
	}
	if ((subs = cmd_feeds_load(ctx)) == NULL) {
		return EXIT_FAIL;
	}
	if ((st = cmd_store_open(ctx)) != NULL) {
		rc = cmd_feeds_remove(ctx, st, subs, argv[1]) ? EXIT_OK :
		    EXIT_FAIL;
		cmd_store_close(st);
	}
	subs_free(subs);
	return rc;
}

/* The store's record of url in feeds (sorted by URL), or NULL. */
static const struct store_feed *
cmd_feeds_find(const struct store_feed *feeds, size_t n, const char *url)
{
	size_t	lo = 0, hi = n, mid;
	int	c;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		c = strcmp(url, feeds[mid].url);
		if (c == 0) {
			return &feeds[mid];
		}
		if (c < 0) {
			hi = mid;
		} else {
			lo = mid + 1;
		}
	}
	return NULL;
}

/* One subscription as a JSON object. */
static void
cmd_feeds_json(struct json *j, const struct sub *sub,
    const struct store_feed *f)
{
	json_object_begin(j);
	json_kv_string(j, "url", sub->url);
	json_kv_string(j, "section", sub->section);
	json_kv_string(j, "title", sub->title != NULL ? sub->title :
	    f != NULL ? f->title : NULL);
	json_kv_string(j, "feed_title", f != NULL ? f->title : NULL);
	json_kv_string(j, "link", f != NULL ? f->link : NULL);
	cmd_text_json_time(j, "last_fetch", f != NULL ? f->last_fetch : 0);
	cmd_text_json_time(j, "last_success", f != NULL ? f->last_success : 0);
	json_key(j, "http_status");
	if (f != NULL && f->last_fetch != 0) {
		json_int(j, f->http_status);
	} else {
		json_null(j);
	}
	json_kv_string(j, "error", f != NULL ? f->error : NULL);
	json_kv_string(j, "redirect_url", f != NULL ? f->redirect_url : NULL);
	json_kv_int(j, "unread", f != NULL ? f->unread : 0);
	json_kv_int(j, "total", f != NULL ? f->total : 0);
	json_object_end(j);
}

/* One subscription as a line (and its error on the next). */
static void
cmd_feeds_line(const struct sub *sub, const struct store_feed *f)
{
	char	 when[CMD_TEXT_TIME_MAX], status[16], *title, *url, *error;

	cmd_text_time(f != NULL ? f->last_fetch : 0, when);
	if (f == NULL || f->last_fetch == 0) {
		strcpy(status, _("new"));
	} else if (f->error != NULL) {
		strcpy(status, _("error"));
	} else {
		snprintf(status, sizeof status, "%ld", f->http_status);
	}
	title = cmd_text_clean(sub->title != NULL ? sub->title :
	    f != NULL ? f->title : NULL);
	url = cmd_text_clean(sub->url);
	printf("  %5d/%-5d %-16s %-5s %s%s%s\n", f != NULL ? f->unread : 0,
	    f != NULL ? f->total : 0, when, status, title,
	    title[0] != '\0' ? "  " : "", url);
	if (f != NULL && f->error != NULL) {
		error = cmd_text_clean(f->error);
		printf("        %s\n", error);
		free(error);
	}
	free(title);
	free(url);
}

/* Print the subscriptions, by section, with what the store knows. */
static void
cmd_feeds_print(const struct subs *subs, const struct store_feed *feeds,
    size_t nfeeds, bool as_json)
{
	const struct sub	*sub, *prev = NULL;
	const struct store_feed	*f;
	struct buf		 b = BUF_INIT;
	struct json		 j;
	char			*name;
	size_t			 i;

	json_init(&j, &b, true);
	json_array_begin(&j);
	for (i = 0; i < subs_count(subs); i++) {
		sub = subs_get(subs, i);
		f = cmd_feeds_find(feeds, nfeeds, sub->url);
		if (as_json) {
			cmd_feeds_json(&j, sub, f);
			continue;
		}
		if (sub->section != NULL && (prev == NULL ||
		    prev->section == NULL ||
		    strcmp(prev->section, sub->section) != 0)) {
			name = cmd_text_clean(sub->section);
			printf("[%s]\n", name);
			free(name);
		}
		cmd_feeds_line(sub, f);
		prev = sub;
	}
	json_array_end(&j);
	if (as_json) {
		fputs(buf_str(&b), stdout);
	}
	buf_free(&b);
}

int
cmd_feeds(struct cmd_ctx *ctx, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	struct store_feed	*feeds = NULL;
	struct subs		*subs;
	struct store		*st;
	size_t			 nfeeds = 0;
	char			*cause = NULL;
	bool			 as_json = false;
	int			 c, rc = EXIT_FAIL;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji feeds [--json]\n"
		    "List the subscriptions with their last fetch and unread "
		    "counts.\n"));
		return EXIT_OK;
	}
	optind = 0;
	while ((c = getopt_long(argc, argv, "j", longopts, NULL)) != -1) {
		if (c != 'j') {
			return EXIT_USAGE;
		}
		as_json = true;
	}
	if (optind != argc) {
		cmd_error(_("usage: kiji feeds [--json]"));
		return EXIT_USAGE;
	}
	if ((subs = cmd_feeds_load(ctx)) == NULL) {
		return EXIT_FAIL;
	}
	if (!cmd_store_exists(ctx)) {
		cmd_feeds_print(subs, NULL, 0, as_json);
		rc = EXIT_OK;
	} else if ((st = cmd_store_open(ctx)) != NULL) {
		if (store_feed_list(st, &feeds, &nfeeds, &cause)) {
			cmd_feeds_print(subs, feeds, nfeeds, as_json);
			rc = EXIT_OK;
		} else {
			cmd_error("%s", cause);
			free(cause);
		}
		store_feed_list_free(feeds, nfeeds);
		cmd_store_close(st);
	}
	if (rc == EXIT_OK && !as_json && subs_count(subs) == 0) {
		cmd_store_hint_empty(ctx);
	}
	subs_free(subs);
	return rc;
}
