/* paths: where kiji keeps its files (XDG base directories, -c and -d). */
#ifndef KIJI_PATHS_H
#define KIJI_PATHS_H

#include <stdbool.h>

struct paths {
	char	*config_dir;	/* $XDG_CONFIG_HOME/kiji, or dirname of -c */
	char	*config_file;	/* config_dir/config, or -c FILE */
	char	*feeds_file;	/* config_dir/feeds: the subscription list */
	char	*data_dir;	/* $XDG_DATA_HOME/kiji, or -d DIR */
	char	*db_file;	/* data_dir/kiji.db */
};

bool	paths_init(struct paths *, const char *config_opt, const char *data_opt,
	    char **cause);
bool	paths_mkdir(const char *dir, char **cause);
void	paths_free(struct paths *);

#endif
