/* kiji show: print one stored item laid out as the reading pane shows it. */
#include "config.h"

#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "i18n.h"
#include "model.h"
#include "show.h"
#include "store.h"
#include "xalloc.h"

static void
show_usage(FILE *f)
{
	fprintf(f, _("Usage: kiji show [--width N] [--ambiguous 1|2] [--color] ID\n"
	    "Print item ID (title, feed, date, link, text and links) the way "
	    "the reading pane shows it.\n\n"
	    "  -w, --width N      columns (default: the terminal's, or 80)\n"
	    "  -a, --ambiguous N  East Asian Ambiguous characters are N "
	    "columns wide\n"
	    "      --color        show styles with colours on a terminal\n"));
}

/* Print the stored item id; false with *cause when it cannot be read. */
static bool
show_item_print(const char *db, int64_t id, const struct layout_opts *opts,
    bool color, char **cause)
{
	struct store		*st;
	struct store_item	 it;
	struct show_item	 item;
	bool			 content, wrote;

	if (access(db, F_OK) != 0) {
		/* No database yet: no item either; create nothing. */
		*cause = xasprintf(_("no item with id %lld"), (long long)id);
		return false;
	}
	if ((st = store_open(db, cause)) == NULL) {
		return false;
	}
	if (!store_item_get(st, id, &it, cause)) {
		store_close(st);
		return false;
	}
	memset(&item, 0, sizeof item);
	item.title = it.title;
	item.feed_title = it.feed_title != NULL ? it.feed_title : it.feed_url;
	item.author = it.author;
	item.link = it.link;
	item.date = it.date;
	content = it.content != NULL && *it.content != '\0';
	item.body = content ? it.content : it.summary;
	item.body_len = item.body != NULL ? strlen(item.body) : 0;
	item.body_html = (content ? it.content_type : it.summary_type) ==
	    CONTENT_HTML;
	item.base = it.base != NULL ? it.base : it.link;
	wrote = show_stdout(&item, opts, color);
	store_item_clear(&it);
	store_close(st);
	if (!wrote) {
		*cause = xstrdup(_("cannot write the output"));
	}
	return wrote;
}

/* Parse show's options into opts and *color; returns -1 to go on, else the
 * exit status. */
static int
show_options(int argc, char **argv, struct layout_opts *opts, bool *color)
{
	static const struct option longopts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ "ambiguous", required_argument, NULL, 'a' },
		{ "color", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 }
	};
	char	*cause = NULL;
	int	 c, r;

	while ((c = getopt_long(argc, argv, "w:a:", longopts, NULL)) != -1) {
		if ((r = show_option(c, optarg, opts, color, &cause)) < 0) {
			cmd_error("%s", cause);
			free(cause);
			return EXIT_USAGE;
		}
		if (r == 0) {
			show_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		show_usage(stderr);
		return EXIT_USAGE;
	}
	return -1;
}

int
cmd_show(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct layout_opts	 opts = { 0, 0 };
	char			*cause = NULL, *end;
	long long		 id;
	bool			 color = false;
	int			 rc;

	if (cmd_wants_help(argc, argv)) {
		show_usage(stdout);
		return EXIT_OK;
	}
	if ((rc = show_options(argc, argv, &opts, &color)) != -1) {
		return rc;
	}
	id = strtoll(argv[optind], &end, 10);
	if (end == argv[optind] || *end != '\0' || id <= 0) {
		cmd_error(_("invalid item id '%s'"), argv[optind]);
		return EXIT_USAGE;
	}
	if (opts.width == 0) {
		opts.width = show_default_width();
	}
	if (!show_item_print(ctx->paths.db_file, (int64_t)id, &opts, color,
	    &cause)) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
