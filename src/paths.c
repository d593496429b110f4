/* paths: where kiji keeps its files (XDG base directories, -c and -d). */
#include "config.h"
#include "paths.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "i18n.h"
#include "xalloc.h"

/* $VAR if set and absolute, else $HOME/fallback; NULL without a home. */
static char *
paths_xdg(const char *var, const char *fallback)
{
	const char	*v = getenv(var), *home;

	if (v != NULL && v[0] == '/') {
		return xstrdup(v);
	}
	home = getenv("HOME");
	if (home == NULL || home[0] == '\0') {
		return NULL;
	}
	return xasprintf("%s/%s", home, fallback);
}

bool
paths_init(struct paths *p, const char *config_opt, const char *data_opt,
    char **cause)
{
	char	*base, *slash;

	memset(p, 0, sizeof *p);
	if (config_opt != NULL) {
		p->config_file = xstrdup(config_opt);
		p->config_dir = xstrdup(config_opt);
		slash = strrchr(p->config_dir, '/');
		if (slash == NULL) {
			free(p->config_dir);
			p->config_dir = xstrdup(".");
		} else {
			*(slash == p->config_dir ? slash + 1 : slash) = '\0';
		}
	} else {
		base = paths_xdg("XDG_CONFIG_HOME", ".config");
		if (base == NULL) {
			*cause = xstrdup(_("neither $XDG_CONFIG_HOME nor $HOME is set"));
			return false;
		}
		p->config_dir = xasprintf("%s/kiji", base);
		p->config_file = xasprintf("%s/config", p->config_dir);
		free(base);
	}
	p->feeds_file = xasprintf("%s/feeds", p->config_dir);
	if (data_opt != NULL) {
		p->data_dir = xstrdup(data_opt);
	} else {
		base = paths_xdg("XDG_DATA_HOME", ".local/share");
		if (base == NULL) {
			*cause = xstrdup(_("neither $XDG_DATA_HOME nor $HOME is set"));
			paths_free(p);
			return false;
		}
		p->data_dir = xasprintf("%s/kiji", base);
		free(base);
	}
	p->db_file = xasprintf("%s/kiji.db", p->data_dir);
	return true;
}

/* Create dir and its parents (mode 0700 for the ones we create). */
bool
paths_mkdir(const char *dir, char **cause)
{
	char	*copy = xstrdup(dir), *p;
	int	 saved;

	for (p = copy + 1; ; p++) {
		if (*p == '/' || *p == '\0') {
			char c = *p;

			*p = '\0';
			if (mkdir(copy, 0700) != 0 && errno != EEXIST) {
				saved = errno;
				*cause = xasprintf(_("cannot create directory %s: %s"),
				    copy, strerror(saved));
				free(copy);
				return false;
			}
			*p = c;
			if (c == '\0') {
				break;
			}
		}
	}
	free(copy);
	return true;
}

void
paths_free(struct paths *p)
{
	free(p->config_dir);
	free(p->config_file);
	free(p->feeds_file);
	free(p->data_dir);
	free(p->db_file);
	memset(p, 0, sizeof *p);
}
