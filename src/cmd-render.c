/* kiji render: lay out an HTML or plain-text file as the reader would. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "show.h"
#include "utf8.h"

static void
render_usage(FILE *f)
{
	fprintf(f, _("Usage: kiji render [--width N] [--base URL] [--text] "
	    "[--ambiguous 1|2] [--color] FILE|-\n"
	    "Lay out an HTML file (or plain text with --text) the way the "
	    "reading pane shows it.\n\n"
	    "  -w, --width N      columns (default: the terminal's, or 80)\n"
	    "  -b, --base URL     resolve relative links against URL\n"
	    "  -t, --text         the file is plain text, not HTML\n"
	    "  -a, --ambiguous N  East Asian Ambiguous characters are N "
	    "columns wide\n"
	    "      --color        show styles with colours on a terminal\n"));
}

/* Parse render's options into opts, item and *color; returns -1 to go on,
 * else the exit status. */
static int
render_options(int argc, char **argv, struct layout_opts *opts,
    struct show_item *item, bool *color)
{
	static const struct option longopts[] = {
		{ "width", required_argument, NULL, 'w' },
		{ "base", required_argument, NULL, 'b' },
		{ "text", no_argument, NULL, 't' },
		{ "ambiguous", required_argument, NULL, 'a' },
		{ "color", no_argument, NULL, 'C' },
		{ NULL, 0, NULL, 0 }
	};
	char	*cause = NULL;
	int	 c, r;

	while ((c = getopt_long(argc, argv, "w:b:ta:", longopts, NULL)) != -1) {
		if ((r = show_option(c, optarg, opts, color, &cause)) < 0) {
			cmd_error("%s", cause);
			free(cause);
			return EXIT_USAGE;
		}
		if (r > 0) {
			continue;
		}
		switch (c) {
		case 'b':
			item->base = optarg;
			break;
		case 't':
			item->body_html = false;
			break;
		default:
			render_usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind != argc - 1) {
		render_usage(stderr);
		return EXIT_USAGE;
	}
	return -1;
}

int
cmd_render(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct layout_opts	 opts = { 0, 0 };
	struct show_item	 item;
	char			*data, *cause = NULL;
	size_t			 len;
	bool			 color = false, wrote;
	int			 rc;

	(void)ctx;
	if (cmd_wants_help(argc, argv)) {
		render_usage(stdout);
		return EXIT_OK;
	}
	memset(&item, 0, sizeof item);
	item.body_html = true;
	if ((rc = render_options(argc, argv, &opts, &item, &color)) != -1) {
		return rc;
	}
	if (opts.width == 0) {
		opts.width = show_default_width();
	}
	data = file_read(argv[optind], &len, &cause);
	if (data == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	item.body = data;
	item.body_len = len;
	wrote = show_stdout(&item, &opts, color);
	free(data);
	if (!wrote) {
		cmd_error(_("cannot write the output"));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}
