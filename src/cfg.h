/* cfg: the configuration file.  Lines are `NAME VALUE`, or a directive
 * such as `bind KEY ACTION` that another module interprets; `#` starts a
 * comment; values may be "quoted" with \" and \\ escapes.  Errors never abort:
 * they are collected as "file:line: message" for the caller to show. */
#ifndef KIJI_CFG_H
#define KIJI_CFG_H

#include <stdbool.h>
#include <stddef.h>

enum option_id {
#define OPT(id, name, type, def, min, max, help) OPTION_##id,
#include "options.def"
#undef OPT
	OPTION__COUNT
};

enum option_type {
	OPTION_BOOL,
	OPTION_INT,
	OPTION_STRING,
	OPTION_DURATION,	/* minutes, or with a unit: 30s, 5m, 2h; kept
				   in seconds (min and max too) */
};

struct option_info {
	const char		*name;
	enum option_type	 type;
	const char		*def;
	long long		 min;
	long long		 max;
	const char		*help;	/* untranslated; pass through _() */
};

/* A directive line (bind, unbind, color, ...): its words, where it came from. */
struct cfg_directive {
	char	**argv;
	int	 argc;
	char	*where;		/* "file:line" */
};

struct cfg;

struct cfg	*cfg_new(void);	/* every option at its default */
void		 cfg_free(struct cfg *);
bool		 cfg_load(struct cfg *, const char *path, bool missing_ok);
void		 cfg_parse_string(struct cfg *, const char *name,
		     const char *text);
bool		 cfg_set(struct cfg *, const char *name, const char *value,
		     char **cause);
bool		 cfg_bool(const struct cfg *, enum option_id);
long long	 cfg_int(const struct cfg *, enum option_id); /* also DURATION */
const char	*cfg_string(const struct cfg *, enum option_id);
const struct option_info *cfg_option_info(enum option_id);
int		 cfg_option_find(const char *name);

size_t		 cfg_error_count(const struct cfg *);
const char	*cfg_error(const struct cfg *, size_t);
size_t		 cfg_directive_count(const struct cfg *);
const struct cfg_directive *cfg_directive_get(const struct cfg *, size_t);

/* Directive words cfg_load accepts and keeps for other modules. */
bool		 cfg_directive_known(const char *);
int		 cfg_split(const char *line, char ***argv, char **cause);
void		 cfg_free_argv(char **, int);

#endif
