/* cmd-store: the database as the subcommands open it. */
#include "config.h"
#include "cmd-store.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "i18n.h"
#include "subs.h"

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

bool
cmd_store_exists(struct cmd_ctx *ctx)
{
	return access(ctx->paths.db_file, F_OK) == 0;
}

void
cmd_store_hint_empty(struct cmd_ctx *ctx)
{
	struct subs	*subs;
	char		*cause = NULL;
	size_t		 n = 0;

	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) != NULL) {
		n = subs_count(subs);
		subs_free(subs);
	}
	free(cause);
	if (n == 0) {
		fprintf(stderr, _("kiji: no subscriptions yet.  Subscribe to a "
		    "feed with 'kiji add URL',\nimport an OPML file with 'kiji "
		    "import FILE' or move from newsboat with\n'kiji "
		    "import-newsboat', then fetch with 'kiji refresh' and read "
		    "with 'kiji'.\n"));
	} else {
		fprintf(stderr, _("kiji: no items yet.  Fetch the feeds with "
		    "'kiji refresh'.\n"));
	}
}

void
cmd_store_close(struct store *st)
{
	if (st != NULL) {
		store_optimize(st, NULL);
		store_close(st);
	}
}
