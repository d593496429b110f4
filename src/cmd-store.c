/* cmd-store: the database as the subcommands open it. */
#include "config.h"
#include "cmd-store.h"

#include <stdlib.h>

#include "i18n.h"

struct store *
cmd_store_open(struct cmd_ctx *ctx)
{
	struct store	*st;
	char		*cause = NULL;

	if (!paths_mkdir(ctx->paths.data_dir, &cause) ||
	    (st = store_open(ctx->paths.db_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return NULL;
	}
	return st;
}

void
cmd_store_close(struct store *st)
{
	if (st != NULL) {
		store_optimize(st, NULL);
		store_close(st);
	}
}
