/* cmd-store: the database as the subcommands open it. */
#ifndef KIJI_CMD_STORE_H
#define KIJI_CMD_STORE_H

#include "cmd.h"
#include "store.h"

/* Create the data directory if need be and open the database; prints the
 * error and returns NULL on failure. */
struct store	*cmd_store_open(struct cmd_ctx *);
/* Whether the database exists yet: commands that only read do not create
 * it. */
bool		 cmd_store_exists(struct cmd_ctx *);
/* Say on standard error what to do when there is nothing to list yet:
 * subscribe to a feed, or fetch the subscribed ones. */
void		 cmd_store_hint_empty(struct cmd_ctx *);
/* Close st, printing nothing. */
void		 cmd_store_close(struct store *);

#endif
