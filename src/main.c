/* main: kiji's command line: global options, then one subcommand. */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cmd.h"
#include "i18n.h"
#include "xalloc.h"

struct command {
	const char	*name;
	int		(*run)(struct cmd_ctx *, int, char **);
	const char	*summary;
};

static const struct command commands[] = {
#define CMD(name, summary) { #name, cmd_##name, summary },
#include "commands.def"
#undef CMD
};

/* Print an error on stderr, prefixed with the program's name. */
void
cmd_error(const char *fmt, ...)
{
	va_list	ap;

	fputs("kiji: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

/* True when argv holds -h or --help before any "--". */
bool
cmd_wants_help(int argc, char **argv)
{
	int	i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			break;
		}
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			return true;
		}
	}
	return false;
}

/* The configuration for a command: defaults, then the user's file; any
 * errors are printed on stderr (commands carry on with the defaults). */
struct cfg *
cmd_load_cfg(struct cmd_ctx *ctx)
{
	struct cfg	*cfg = cfg_new();
	size_t		 i;

	cfg_load(cfg, ctx->paths.config_file, ctx->config_opt == NULL);
	for (i = 0; i < cfg_error_count(cfg); i++) {
		cmd_error("%s", cfg_error(cfg, i));
	}
	return cfg;
}

static void
usage(FILE *f)
{
	size_t	i;

	fprintf(f, _("Usage: kiji [-c FILE] [-d DIR] [COMMAND [ARGS...]]\n"));
	fprintf(f, _("A terminal feed reader that turns the week's news into a memo.\n\n"));
	fprintf(f, _("Options:\n"));
	fprintf(f, _("  -c, --config FILE  read the configuration from FILE\n"));
	fprintf(f, _("  -d, --data DIR     keep the database in DIR\n"));
	fprintf(f, _("  -h, --help         show this help and exit\n"));
	fprintf(f, _("  -V, --version      show the version and exit\n\n"));
	fprintf(f, _("Commands (without one, kiji starts the reader):\n"));
	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		char	name[32], *p;

		snprintf(name, sizeof name, "%s", commands[i].name);
		for (p = name; (p = strchr(p, '_')) != NULL; ) {
			*p = '-';
		}
		fprintf(f, "  %-16s %s\n", name, _(commands[i].summary));
	}
	fprintf(f, _("\nRun 'kiji COMMAND --help' for a command's options.\n"));
}

/* Whether the user's word names command (an "_" in a command's C name is
 * typed as "-": export_opml is `kiji export-opml`). */
static bool
command_is(const char *command, const char *word)
{
	for (; *command != '\0' && *word != '\0'; command++, word++) {
		if (*command != *word && !(*command == '_' && *word == '-')) {
			return false;
		}
	}
	return *command == *word;
}

static const struct command *
find_command(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		if (command_is(commands[i].name, name)) {
			return &commands[i];
		}
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "data", required_argument, NULL, 'd' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 }
	};
	struct cmd_ctx		 ctx;
	const struct command	*cmd;
	char			*cause = NULL;
	int			 c, rc;

	setlocale(LC_ALL, "");
	bindtextdomain(PACKAGE, getenv("KIJI_LOCALEDIR") != NULL ?
	    getenv("KIJI_LOCALEDIR") : LOCALEDIR);
	textdomain(PACKAGE);

	memset(&ctx, 0, sizeof ctx);
	ctx.progname = "kiji";
	while ((c = getopt_long(argc, argv, "+c:d:hV", longopts, NULL)) != -1) {
		switch (c) {
		case 'c':
			ctx.config_opt = optarg;
			break;
		case 'd':
			ctx.data_opt = optarg;
			break;
		case 'h':
			usage(stdout);
			return EXIT_OK;
		case 'V':
			printf("kiji %s\n", PACKAGE_VERSION);
			return EXIT_OK;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	argc -= optind;
	argv += optind;
	if (!paths_init(&ctx.paths, ctx.config_opt, ctx.data_opt, &cause)) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	cmd = find_command(argc > 0 ? argv[0] : "tui");
	if (cmd == NULL) {
		cmd_error(_("unknown command '%s'; see 'kiji --help'"),
		    argc > 0 ? argv[0] : "tui");
		paths_free(&ctx.paths);
		return EXIT_USAGE;
	}
	if (argc == 0) {
		static char *tui_argv[] = { (char *)"tui", NULL };

		argc = 1;
		argv = tui_argv;
	}
	optind = 0;	/* full reset: the commands parse their own options */
	rc = cmd->run(&ctx, argc, argv);
	paths_free(&ctx.paths);
	return rc;
}

int
cmd_version(struct cmd_ctx *ctx, int argc, char **argv)
{
	(void)ctx;
	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji version\nPrint kiji's version.\n"));
		return EXIT_OK;
	}
	printf("kiji %s\n", PACKAGE_VERSION);
	return EXIT_OK;
}
