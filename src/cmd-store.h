/* cmd-store: the database as the subcommands open it. */
#ifndef KIJI_CMD_STORE_H
#define KIJI_CMD_STORE_H

#include "cmd.h"
#include "store.h"

/* Create the data directory if need be and open the database; prints the
 * error and returns NULL on failure. */
struct store	*cmd_store_open(struct cmd_ctx *);
/* Close st, printing nothing. */
void		 cmd_store_close(struct store *);

#endif
