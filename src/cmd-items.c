/* cmd-items: kiji items, and read, unread, star and unstar. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cfg.h"
#include "cmd-store.h"
#include "cmd-text.h"
#include "cmd.h"
#include "i18n.h"
#include "json.h"
#include "memo.h"
#include "memo-cfg.h"
#include "store-memo.h"
#include "subs.h"
#include "xalloc.h"

/* Parse a non-negative decimal number no larger than max into *out. */
static bool
cmd_items_number(const char *s, long long max, long long *out)
{
	char	*end;

	if (*s < '0' || *s > '9') {
		return false;
	}
	errno = 0;
	*out = strtoll(s, &end, 10);
	return errno == 0 && *end == '\0' && *out <= max;
}

/* One item as a JSON object. */
static void
cmd_items_json(struct json *j, const struct store_item *it)
{
	json_object_begin(j);
	json_kv_int(j, "id", it->id);
	json_kv_string(j, "feed_url", it->feed_url);
	json_kv_string(j, "feed_title", it->feed_title);
	json_kv_string(j, "title", it->title);
	json_kv_string(j, "link", it->link);
	json_kv_string(j, "author", it->author);
	json_kv_string(j, "guid", it->guid);
	cmd_text_json_time(j, "published", it->published);
	cmd_text_json_time(j, "updated", it->updated);
	cmd_text_json_time(j, "date", it->date);
	cmd_text_json_time(j, "first_seen", it->first_seen);
	json_kv_bool(j, "read", it->read);
	json_kv_bool(j, "starred", it->starred);
	json_object_end(j);
}

/* One item as a line: id, date, flags (N new, * starred), feed, title. */
static void
cmd_items_line(const struct store_item *it)
{
	char	when[CMD_TEXT_TIME_MAX], *feed, *title;

	cmd_text_time(it->date, when);
	feed = cmd_text_clean(it->feed_title != NULL ? it->feed_title :
	    it->feed_url);
	title = cmd_text_clean(it->title);
	printf("%6lld  %s  %c%c  %s  %s\n", (long long)it->id, when,
	    it->read ? ' ' : 'N', it->starred ? '*' : ' ', feed, title);
	free(feed);
	free(title);
}

static void
cmd_items_print(const struct store_item *items, size_t n, bool as_json)
{
	struct buf	b = BUF_INIT;
	struct json	j;
	size_t		i;

	if (!as_json) {
		for (i = 0; i < n; i++) {
			cmd_items_line(&items[i]);
		}
		return;
	}
	json_init(&j, &b, true);
	json_array_begin(&j);
	for (i = 0; i < n; i++) {
		cmd_items_json(&j, &items[i]);
	}
	json_array_end(&j);
	fputs(buf_str(&b), stdout);
	buf_free(&b);
}

/* Parse kiji items' options into *q; false on a usage error. */
static bool
cmd_items_options(int argc, char **argv, struct store_query *q,
    const char **section, bool *as_json)
{
	static const struct option longopts[] = {
		{ "unread", no_argument, NULL, 'u' },
		{ "starred", no_argument, NULL, 's' },
		{ "feed", required_argument, NULL, 'f' },
		{ "section", required_argument, NULL, 'S' },
		{ "search", required_argument, NULL, 'q' },
		{ "limit", required_argument, NULL, 'n' },
		{ "offset", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, 'j' },
		{ NULL, 0, NULL, 0 }
	};
	long long	v;
	int		c;

	optind = 0;
	while ((c = getopt_long(argc, argv, "usf:q:n:o:j", longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'u':
			q->unread_only = true;
			break;
		case 's':
			q->starred_only = true;
			break;
		case 'f':
			q->feed_url = optarg;
			break;
		case 'S':
			*section = optarg;
			break;
		case 'q':
			q->search = optarg;
			break;
		case 'n':
		case 'o':
			if (!cmd_items_number(optarg, 1000000000, &v)) {
				cmd_error(_("not a count: %s"), optarg);
				return false;
			}
			*(c == 'n' ? &q->limit : &q->offset) = (int)v;
			break;
		case 'j':
			*as_json = true;
			break;
		default:
			return false;
		}
	}
	return optind == argc;
}

/* Whether q asks for every item (an empty answer then means none yet). */
static bool
cmd_items_unfiltered(const struct store_query *q)
{
	return q->feed_url == NULL && q->nfeed_urls == 0 && !q->unread_only &&
	    !q->starred_only && (q->search == NULL || q->search[0] == '\0') && q->offset == 0;
}

/* The URLs of the feeds of section name in the feeds file, into a new
 * array of new strings; NULL with an error printed when there are none. */
static char **
cmd_items_section(struct cmd_ctx *ctx, const char *name, size_t *n)
{
	struct subs		*subs;
	const struct sub	*sub;
	char			**urls, *cause = NULL;
	size_t			  i;

	*n = 0;
	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return NULL;
	}
	urls = xcalloc(subs_count(subs) + 1, sizeof *urls);
	for (i = 0; i < subs_count(subs); i++) {
		sub = subs_get(subs, i);
		if (sub->section != NULL && strcmp(sub->section, name) == 0) {
			urls[(*n)++] = xstrdup(sub->url);
		}
	}
	subs_free(subs);
	if (*n == 0) {
		cmd_error(_("no section '%s' with feeds in %s"), name,
		    ctx->paths.feeds_file);
		free(urls);
		return NULL;
	}
	return urls;
}

static void
cmd_items_urls_free(char **urls, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(urls[i]);
	}
	free(urls);
}

int
cmd_items(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct store_query	 q;
	struct store_item	*items = NULL;
	struct store		*st;
	size_t			 n = 0, nurls = 0;
	char			*cause = NULL, **urls = NULL;
	const char		*section = NULL;
	bool			 as_json = false;
	int			 rc = EXIT_FAIL;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji items [--unread] [--starred] [--feed URL] "
		    "[--section NAME]\n"
		    "                  [--search QUERY] [--limit N] [--offset N] "
		    "[--json]\n"
		    "List items, newest first.\n"));
		return EXIT_OK;
	}
	memset(&q, 0, sizeof q);
	if (!cmd_items_options(argc, argv, &q, &section, &as_json)) {
		cmd_error(_("usage: kiji items [--unread] [--starred] "
		    "[--feed URL] [--section NAME] [--search QUERY] [--limit N] "
		    "[--offset N] [--json]"));
		return EXIT_USAGE;
	}
	if (section != NULL) {
		if ((urls = cmd_items_section(ctx, section, &nurls)) == NULL) {
			return EXIT_FAIL;
		}
		q.feed_urls = (const char *const *)urls;
		q.nfeed_urls = nurls;
	}
	if (!cmd_store_exists(ctx)) {
		cmd_items_print(NULL, 0, as_json);
		rc = EXIT_OK;
	} else if ((st = cmd_store_open(ctx)) == NULL) {
		cmd_items_urls_free(urls, nurls);
		return EXIT_FAIL;
	} else {
		if (store_items_query(st, &q, &items, &n, &cause)) {
			cmd_items_print(items, n, as_json);
			rc = EXIT_OK;
		} else {
			cmd_error("%s", cause);
			free(cause);
		}
		store_items_free(items, n);
		cmd_store_close(st);
	}
	if (rc == EXIT_OK && n == 0 && !as_json && cmd_items_unfiltered(&q)) {
		cmd_store_hint_empty(ctx);
	}
	cmd_items_urls_free(urls, nurls);
	return rc;
}

/* Star (into the open memo issue's default section) or unstar items, all or
 * none, in one transaction: a star is a memo entry. */
static bool
cmd_items_star(struct cmd_ctx *ctx, struct store *st, const int64_t *ids,
    size_t n, bool value, char **cause)
{
	struct cfg	*cfg = cmd_load_cfg(ctx);
	char		**names;
	size_t		 nnames, i;
	int		 def;
	bool		 ok;

	names = memo_cfg_sections(cfg, &nnames, &def);
	ok = store_begin(st, cause) &&
	    store_memo_configure(st, names, nnames, def, cause);
	memo_names_free(names, nnames);
	cfg_free(cfg);
	/* Validate every id first: an unknown one changes nothing. */
	ok = ok && store_items_set_flag(st, ids, n, STORE_FLAG_STARRED, value,
	    cause);
	for (i = 0; ok && i < n; i++) {
		ok = value ? store_memo_star(st, ids[i], -1, cause) :
		    store_memo_unstar(st, ids[i], cause);
	}
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, cause);
}

/* Set flag to value on the items named by argv[1...], all or none. */
static int
cmd_items_flag(struct cmd_ctx *ctx, int argc, char **argv,
    enum store_flag flag, bool value, const char *help)
{
	struct store	*st;
	int64_t		*ids;
	long long	 v;
	char		*cause = NULL;
	int		 i, rc = EXIT_OK;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji %s ID...\n"), argv[0]);
		printf("%s\n", help);
		printf(_("Item ids are those 'kiji items' shows; an unknown id "
		    "changes nothing.\n"));
		return EXIT_OK;
	}
	if (argc < 2) {
		cmd_error(_("usage: kiji %s ID..."), argv[0]);
		return EXIT_USAGE;
	}
	ids = xreallocarray(NULL, (size_t)argc, sizeof *ids);
	for (i = 1; i < argc; i++) {
		if (!cmd_items_number(argv[i], INT64_MAX, &v) || v == 0) {
			cmd_error(_("not an item id: %s"), argv[i]);
			free(ids);
			return EXIT_USAGE;
		}
		ids[i - 1] = v;
	}
	if (!cmd_store_exists(ctx)) {
		/* No database yet: no item either; create nothing. */
		cmd_error(_("no item with id %lld"), (long long)ids[0]);
		free(ids);
		return EXIT_FAIL;
	}
	if ((st = cmd_store_open(ctx)) == NULL) {
		free(ids);
		return EXIT_FAIL;
	}
	if (!(flag == STORE_FLAG_STARRED ?
	    cmd_items_star(ctx, st, ids, (size_t)argc - 1, value, &cause) :
	    store_items_set_flag(st, ids, (size_t)argc - 1, flag, value,
	    &cause))) {
		cmd_error("%s", cause);
		free(cause);
		rc = EXIT_FAIL;
	}
	cmd_store_close(st);
	free(ids);
	return rc;
}

int
cmd_read(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_items_flag(ctx, argc, argv, STORE_FLAG_READ, true,
	    _("Mark the items read."));
}

int
cmd_unread(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_items_flag(ctx, argc, argv, STORE_FLAG_READ, false,
	    _("Mark the items unread."));
}

int
cmd_star(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_items_flag(ctx, argc, argv, STORE_FLAG_STARRED, true,
	    _("Star the items (starred items never expire)."));
}

int
cmd_unstar(struct cmd_ctx *ctx, int argc, char **argv)
{
	return cmd_items_flag(ctx, argc, argv, STORE_FLAG_STARRED, false,
	    _("Unstar the items."));
}
