/* cmd-tui: `kiji tui` (and `kiji` alone): the reader. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "cmd.h"
#include "i18n.h"
#include "keymap.h"
#include "ui.h"

/* kiji tui --keys: the bindings in effect, as config lines. */
static int
cmd_tui_keys(struct cmd_ctx *ctx)
{
	struct cfg	*cfg = cmd_load_cfg(ctx);
	struct keymap	*km = keymap_new();
	char		*text;
	size_t		 i;

	keymap_apply_cfg(km, cfg);
	for (i = 0; i < keymap_error_count(km); i++) {
		cmd_error("%s", keymap_error(km, i));
	}
	text = keymap_dump(km);
	fputs(text, stdout);
	free(text);
	keymap_free(km);
	cfg_free(cfg);
	return EXIT_OK;
}

int
cmd_tui(struct cmd_ctx *ctx, int argc, char **argv)
{
	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji [tui] [--keys]\n"
		    "Start the reader (the default command).\n\n"
		    "  --keys  print the key bindings (defaults and config) as config lines\n"));
		return EXIT_OK;
	}
	if (argc == 2 && strcmp(argv[1], "--keys") == 0) {
		return cmd_tui_keys(ctx);
	}
	if (argc > 1) {
		cmd_error(_("tui: unknown argument '%s'"), argv[1]);
		return EXIT_USAGE;
	}
	return ui_run(&ctx->paths, ctx->config_opt == NULL);
}
