/* cmd: the subcommands' common context and entry points (see commands.def). */
#ifndef KIJI_CMD_H
#define KIJI_CMD_H

#include <stdbool.h>

#include "paths.h"

struct cfg;

/* Exit codes shared by every subcommand. */
#define EXIT_OK		0
#define EXIT_FAIL	1
#define EXIT_USAGE	2

struct cmd_ctx {
	struct paths	 paths;
	const char	*config_opt;	/* -c FILE, or NULL */
	const char	*data_opt;	/* -d DIR, or NULL */
	const char	*progname;
};

#define CMD(name, summary) \
	int cmd_##name(struct cmd_ctx *, int, char **);
#include "commands.def"
#undef CMD

void	cmd_error(const char *, ...) __attribute__((format(printf, 1, 2)));
bool	cmd_wants_help(int, char **);
struct cfg *cmd_load_cfg(struct cmd_ctx *);

#endif
