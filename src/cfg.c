/* cfg: the configuration file (see cfg.h for the language). */
#include "config.h"
#include "cfg.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "i18n.h"
#include "xalloc.h"

static const struct option_info cfg_options[] = {
#define OPT(id, name, type, def, min, max, help) \
	{ name, OPTION_##type, def, min, max, help },
#include "options.def"
#undef OPT
};

static const char *const cfg_directives[] = {
#define DIRECTIVE(name, usage) name,
#include "directives.def"
#undef DIRECTIVE
};

union cfg_value {
	bool		 b;
	long long	 i;
	char		*s;
};

struct cfg {
	union cfg_value		 values[OPTION__COUNT];
	char			**errors;
	size_t			 nerrors;
	struct cfg_directive	*directives;
	size_t			 ndirectives;
};

const struct option_info *
cfg_option_info(enum option_id id)
{
	return &cfg_options[id];
}

int
cfg_option_find(const char *name)
{
	int	i;

	for (i = 0; i < OPTION__COUNT; i++) {
		if (strcmp(cfg_options[i].name, name) == 0) {
			return i;
		}
	}
	return -1;
}

bool
cfg_directive_known(const char *name)
{
	size_t	i;

	for (i = 0; i < sizeof cfg_directives / sizeof cfg_directives[0]; i++) {
		if (strcmp(cfg_directives[i], name) == 0) {
			return true;
		}
	}
	return false;
}

/* A fresh configuration: every option's default, parsed as a config line. */
struct cfg *
cfg_new(void)
{
	struct cfg	*cfg = xcalloc(1, sizeof *cfg);
	char		*cause = NULL;
	int		 i;

	for (i = 0; i < OPTION__COUNT; i++) {
		if (cfg_options[i].type == OPTION_STRING) {
			cfg->values[i].s = xstrdup("");
		}
		if (!cfg_set(cfg, cfg_options[i].name, cfg_options[i].def, &cause)) {
			/* A bad default is a programming error. */
			fprintf(stderr, "kiji: default of %s: %s\n",
			    cfg_options[i].name, cause);
			abort();
		}
	}
	return cfg;
}

void
cfg_free_argv(char **argv, int argc)
{
	int	i;

	for (i = 0; i < argc; i++) {
		free(argv[i]);
	}
	free(argv);
}

void
cfg_free(struct cfg *cfg)
{
	size_t	i;

	if (cfg == NULL) {
		return;
	}
	for (i = 0; i < OPTION__COUNT; i++) {
		if (cfg_options[i].type == OPTION_STRING) {
			free(cfg->values[i].s);
		}
	}
	for (i = 0; i < cfg->nerrors; i++) {
		free(cfg->errors[i]);
	}
	free(cfg->errors);
	for (i = 0; i < cfg->ndirectives; i++) {
		cfg_free_argv(cfg->directives[i].argv, cfg->directives[i].argc);
		free(cfg->directives[i].where);
	}
	free(cfg->directives);
	free(cfg);
}

static bool
cfg_parse_bool(const char *v, bool *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1" };
	static const char *const no[] = { "no", "false", "off", "0" };
	size_t	i;

	for (i = 0; i < sizeof yes / sizeof yes[0]; i++) {
		if (strcasecmp(v, yes[i]) == 0) {
			*out = true;
			return true;
		}
		if (strcasecmp(v, no[i]) == 0) {
			*out = false;
			return true;
		}
	}
	return false;
}

/* Parse a duration (minutes, or a number with a unit s, m or h) into
 * seconds; false when value is not one. */
static bool
cfg_parse_duration(const char *value, long long *out)
{
	long long	 n;
	char		*end;
	int		 unit = 60;

	if (*value < '0' || *value > '9') {
		return false;
	}
	errno = 0;
	n = strtoll(value, &end, 10);
	if (*end == 's' || *end == 'm' || *end == 'h') {
		unit = *end == 's' ? 1 : *end == 'm' ? 60 : 3600;
		end++;
	}
	if (errno != 0 || *end != '\0' || n > 1000000000LL) {
		return false;
	}
	*out = n * unit;
	return true;
}

/* Set option name to the text value; false with *cause on a bad name/value. */
bool
cfg_set(struct cfg *cfg, const char *name, const char *value, char **cause)
{
	const struct option_info	*info;
	int				 id = cfg_option_find(name);
	long long			 n;
	char				*end;

	if (id < 0) {
		*cause = xasprintf(_("unknown option '%s'"), name);
		return false;
	}
	info = &cfg_options[id];
	switch (info->type) {
	case OPTION_BOOL:
		if (!cfg_parse_bool(value, &cfg->values[id].b)) {
			*cause = xasprintf(_("%s: expected yes or no, not '%s'"),
			    name, value);
			return false;
		}
		break;
	case OPTION_INT:
		errno = 0;
		n = strtoll(value, &end, 10);
		if (errno != 0 || end == value || *end != '\0' ||
		    n < info->min || n > info->max) {
			*cause = xasprintf(_("%s: expected a number from %lld to %lld, not '%s'"),
			    name, info->min, info->max, value);
			return false;
		}
		cfg->values[id].i = n;
		break;
	case OPTION_DURATION:
		if (!cfg_parse_duration(value, &n) || n < info->min ||
		    n > info->max) {
			*cause = xasprintf(_("%s: expected minutes or a time such as 30s, 15m or 2h (up to %lld minutes), not '%s'"),
			    name, info->max / 60, value);
			return false;
		}
		cfg->values[id].i = n;
		break;
	case OPTION_STRING:
		free(cfg->values[id].s);
		cfg->values[id].s = xstrdup(value);
		break;
	}
	return true;
}

bool
cfg_bool(const struct cfg *cfg, enum option_id id)
{
	return cfg->values[id].b;
}

long long
cfg_int(const struct cfg *cfg, enum option_id id)
{
	return cfg->values[id].i;
}

const char *
cfg_string(const struct cfg *cfg, enum option_id id)
{
	return cfg->values[id].s;
}

static void
cfg_add_error(struct cfg *cfg, const char *where, const char *msg)
{
	cfg->errors = xreallocarray(cfg->errors, cfg->nerrors + 1,
	    sizeof *cfg->errors);
	cfg->errors[cfg->nerrors++] = xasprintf("%s: %s", where, msg);
}

/* Read one quoted word starting after the opening quote; *p moves past it. */
static bool
cfg_split_quoted(const char **p, struct buf *word)
{
	const char	*s = *p;

	while (*s != '"') {
		if (*s == '\0') {
			return false;
		}
		if (*s == '\\' && s[1] != '\0') {
			s++;
			buf_putc(word, *s == 'n' ? '\n' : *s == 't' ? '\t' : *s);
		} else {
			buf_putc(word, *s);
		}
		s++;
	}
	*p = s + 1;
	return true;
}

/*
 * Split a line into words: white space separates, "..." quotes (with \" \\
 * \n \t), an unquoted # starts a comment.  Returns the word count (the caller
 * frees *argv with cfg_free_argv) or -1 with *cause.
 */
int
cfg_split(const char *line, char ***argv, char **cause)
{
	struct buf	 word = BUF_INIT;
	const char	*p = line;
	char		**v = NULL;
	int		 n = 0;

	for (;;) {
		while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') {
			p++;
		}
		if (*p == '\0' || *p == '#') {
			break;
		}
		buf_reset(&word);
		buf_puts(&word, "");
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\r' &&
		    *p != '\n') {
			if (*p == '"') {
				p++;
				if (!cfg_split_quoted(&p, &word)) {
					*cause = xstrdup(_("unterminated quote"));
					buf_free(&word);
					cfg_free_argv(v, n);
					return -1;
				}
			} else {
				buf_putc(&word, *p++);
			}
		}
		v = xreallocarray(v, (size_t)n + 1, sizeof *v);
		v[n++] = xstrdup(buf_str(&word));
	}
	buf_free(&word);
	*argv = v;
	return n;
}

static void
cfg_add_directive(struct cfg *cfg, char **argv, int argc, const char *where)
{
	struct cfg_directive	*d;

	cfg->directives = xreallocarray(cfg->directives, cfg->ndirectives + 1,
	    sizeof *cfg->directives);
	d = &cfg->directives[cfg->ndirectives++];
	d->argv = argv;
	d->argc = argc;
	d->where = xstrdup(where);
}

/* Handle one line; an error is recorded against where ("file:line"). */
static void
cfg_line(struct cfg *cfg, const char *line, const char *where)
{
	char	**argv = NULL, *cause = NULL;
	int	  argc;

	argc = cfg_split(line, &argv, &cause);
	if (argc < 0) {
		cfg_add_error(cfg, where, cause);
		free(cause);
		return;
	}
	if (argc == 0) {
		free(argv);
		return;
	}
	if (cfg_directive_known(argv[0])) {
		cfg_add_directive(cfg, argv, argc, where);
		return;
	}
	if (cfg_option_find(argv[0]) < 0) {
		cause = xasprintf(_("unknown option or command '%s'"), argv[0]);
	} else if (argc != 2) {
		cause = xasprintf(_("%s takes exactly one value (quote it if it has spaces)"),
		    argv[0]);
	} else {
		cfg_set(cfg, argv[0], argv[1], &cause);
	}
	if (cause != NULL) {
		cfg_add_error(cfg, where, cause);
		free(cause);
	}
	cfg_free_argv(argv, argc);
}

/* Parse text as a config file called name (used in error locations). */
void
cfg_parse_string(struct cfg *cfg, const char *name, const char *text)
{
	const char	*p = text, *nl;
	char		*line, *where;
	int		 lineno = 0;

	while (*p != '\0') {
		nl = strchr(p, '\n');
		line = nl != NULL ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
		where = xasprintf("%s:%d", name, ++lineno);
		cfg_line(cfg, line, where);
		free(where);
		free(line);
		if (nl == NULL) {
			break;
		}
		p = nl + 1;
	}
}

/* Load path; a missing file is fine when missing_ok.  False when the file
 * could not be read (the reason is among the errors). */
bool
cfg_load(struct cfg *cfg, const char *path, bool missing_ok)
{
	char	*text, *cause = NULL;
	size_t	 len;

	if (missing_ok && access(path, F_OK) != 0 && errno == ENOENT) {
		return true;
	}
	text = file_read(path, &len, &cause);
	if (text == NULL) {
		cfg_add_error(cfg, path, cause);
		free(cause);
		return false;
	}
	if (memchr(text, '\0', len) != NULL) {
		cfg_add_error(cfg, path, _("not a text file (contains NUL bytes)"));
		free(text);
		return false;
	}
	cfg_parse_string(cfg, path, text);
	free(text);
	return true;
}

size_t
cfg_error_count(const struct cfg *cfg)
{
	return cfg->nerrors;
}

const char *
cfg_error(const struct cfg *cfg, size_t i)
{
	return cfg->errors[i];
}

size_t
cfg_directive_count(const struct cfg *cfg)
{
	return cfg->ndirectives;
}

const struct cfg_directive *
cfg_directive_get(const struct cfg *cfg, size_t i)
{
	return &cfg->directives[i];
}
