/* keymap: key bindings (see keymap.h). */
#include "config.h"
#include "keymap.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "cfg.h"
#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

struct keymap_action {
	const char		*name;
	enum keymap_context	 context;
	const char		*keys;
	const char		*help;
};

static const struct keymap_action keymap_actions[] = {
#define ACTION(id, context, name, keys, help) \
	{ name, KEYMAP_##context, keys, help },
#include "actions.def"
#undef ACTION
};

static const struct {
	const char	*name;
	int		 key;
} keymap_names[] = {
	{ "Enter", KEYMAP_KEY_ENTER },
	{ "Space", ' ' },
	{ "Tab", KEYMAP_KEY_TAB },
	{ "BTab", KEYMAP_KEY_BTAB },
	{ "Escape", KEYMAP_KEY_ESCAPE },
	{ "Up", KEYMAP_KEY_UP },
	{ "Down", KEYMAP_KEY_DOWN },
	{ "Left", KEYMAP_KEY_LEFT },
	{ "Right", KEYMAP_KEY_RIGHT },
	{ "PageUp", KEYMAP_KEY_PAGE_UP },
	{ "PageDown", KEYMAP_KEY_PAGE_DOWN },
	{ "Home", KEYMAP_KEY_HOME },
	{ "End", KEYMAP_KEY_END },
	{ "Backspace", KEYMAP_KEY_BACKSPACE },
	{ "Delete", KEYMAP_KEY_DELETE },
	{ "Insert", KEYMAP_KEY_INSERT },
};

struct keymap_binding {
	enum keymap_context	 context;
	int			 key;
	int			 action;
	char			*where;		/* "file:line" it came from */
};

struct keymap {
	struct keymap_binding	*bindings;
	size_t			 nbindings;
	char			**errors;
	size_t			 nerrors;
};

int
keymap_action_find(const char *name)
{
	int	i;

	for (i = 0; i < ACTION__COUNT; i++) {
		if (strcmp(keymap_actions[i].name, name) == 0) {
			return i;
		}
	}
	return ACTION_NONE;
}

const char *
keymap_action_name(int action)
{
	return keymap_actions[action].name;
}

const char *
keymap_action_help(int action)
{
	return keymap_actions[action].help;
}

enum keymap_context
keymap_action_context(int action)
{
	return keymap_actions[action].context;
}

/* Parse "F1".."F12" into *key. */
static bool
keymap_parse_function(const char *name, int *key)
{
	char	*end;
	long	 n;

	if (name[0] != 'F' || name[1] < '1' || name[1] > '9') {
		return false;
	}
	n = strtol(name + 1, &end, 10);
	if (*end != '\0' || n < 1 || n > 12) {
		return false;
	}
	*key = KEYMAP_KEY_F1 + (int)n - 1;
	return true;
}

bool
keymap_key_parse(const char *name, int *key)
{
	uint32_t	cp;
	size_t		i, len = strlen(name);

	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++) {
		if (strcasecmp(keymap_names[i].name, name) == 0) {
			*key = keymap_names[i].key;
			return true;
		}
	}
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    ((name[2] >= 'a' && name[2] <= 'z') ||
	    (name[2] >= 'A' && name[2] <= 'Z'))) {
		*key = (name[2] | 0x20) - 'a' + 1;
		return true;
	}
	if (keymap_parse_function(name, key)) {
		return true;
	}
	if (len == 0 || utf8_decode(name, len, &cp) != len ||
	    cp == UTF8_INVALID || cp <= ' ' || cp == 0x7f ||
	    (cp >= 0x80 && cp < 0xa0)) {
		return false;
	}
	*key = (int)cp;
	return true;
}

char *
keymap_key_name(int key)
{
	char	enc[5];
	size_t	i, n;

	for (i = 0; i < sizeof keymap_names / sizeof keymap_names[0]; i++) {
		if (keymap_names[i].key == key) {
			return xstrdup(keymap_names[i].name);
		}
	}
	if (key >= 1 && key <= 26) {
		return xasprintf("C-%c", 'a' + key - 1);
	}
	if (key >= KEYMAP_KEY_F1 && key <= KEYMAP_KEY_F12) {
		return xasprintf("F%d", key - KEYMAP_KEY_F1 + 1);
	}
	if (key > ' ' && key < KEYMAP_SPECIAL) {
		n = utf8_encode((uint32_t)key, enc);
		enc[n] = '\0';
		return xstrdup(enc);
	}
	return xasprintf("<%d>", key);
}

static struct keymap_binding *
keymap_find(const struct keymap *km, enum keymap_context context, int key)
{
	size_t	i;

	for (i = 0; i < km->nbindings; i++) {
		if (km->bindings[i].context == context &&
		    km->bindings[i].key == key) {
			return &km->bindings[i];
		}
	}
	return NULL;
}

/* Whether two "file:line" locations name the same file. */
static bool
keymap_same_file(const char *a, const char *b)
{
	const char	*ca = strrchr(a, ':'), *cb = strrchr(b, ':');
	size_t		 la = ca != NULL ? (size_t)(ca - a) : strlen(a);
	size_t		 lb = cb != NULL ? (size_t)(cb - b) : strlen(b);

	return la == lb && memcmp(a, b, la) == 0;
}

bool
keymap_bind(struct keymap *km, const char *keyname, const char *action,
    const char *where, char **cause)
{
	struct keymap_binding	*b;
	int			 key, id;

	if (!keymap_key_parse(keyname, &key)) {
		*cause = xasprintf(_("unknown key '%s'"), keyname);
		return false;
	}
	id = keymap_action_find(action);
	if (id == ACTION_NONE) {
		*cause = xasprintf(_("unknown action '%s'"), action);
		return false;
	}
	b = keymap_find(km, keymap_actions[id].context, key);
	if (b != NULL && b->action != id && keymap_same_file(b->where, where)) {
		*cause = xasprintf(_("key '%s' is already bound to '%s' at %s"),
		    keyname, keymap_actions[b->action].name, b->where);
		return false;
	}
	if (b == NULL) {
		km->bindings = xreallocarray(km->bindings, km->nbindings + 1,
		    sizeof *km->bindings);
		b = &km->bindings[km->nbindings++];
		b->context = keymap_actions[id].context;
		b->key = key;
	} else {
		free(b->where);
	}
	b->action = id;
	b->where = xstrdup(where);
	return true;
}

bool
keymap_unbind(struct keymap *km, const char *keyname, char **cause)
{
	size_t	i;
	int	key;
	bool	found = false;

	if (!keymap_key_parse(keyname, &key)) {
		*cause = xasprintf(_("unknown key '%s'"), keyname);
		return false;
	}
	for (i = 0; i < km->nbindings; i++) {
		if (km->bindings[i].key == key) {
			free(km->bindings[i].where);
			km->bindings[i] = km->bindings[--km->nbindings];
			found = true;
			i--;
		}
	}
	if (!found) {
		*cause = xasprintf(_("key '%s' is not bound"), keyname);
	}
	return found;
}

bool
keymap_directive(struct keymap *km, char **argv, int argc, const char *where,
    char **cause)
{
	if (strcmp(argv[0], "bind") == 0) {
		if (argc != 3) {
			*cause = xstrdup(_("usage: bind KEY ACTION"));
			return false;
		}
		return keymap_bind(km, argv[1], argv[2], where, cause);
	}
	if (strcmp(argv[0], "unbind") == 0) {
		if (argc != 2) {
			*cause = xstrdup(_("usage: unbind KEY"));
			return false;
		}
		return keymap_unbind(km, argv[1], cause);
	}
	return true;
}

static void
keymap_add_error(struct keymap *km, const char *where, const char *msg)
{
	km->errors = xreallocarray(km->errors, km->nerrors + 1,
	    sizeof *km->errors);
	km->errors[km->nerrors++] = xasprintf("%s: %s", where, msg);
}

/* Run one config-language line against the keymap. */
static void
keymap_line(struct keymap *km, const char *line, const char *where)
{
	char	**argv = NULL, *cause = NULL;
	int	  argc;

	argc = cfg_split(line, &argv, &cause);
	if (argc > 0 && !keymap_directive(km, argv, argc, where, &cause)) {
		keymap_add_error(km, where, cause);
	} else if (argc < 0) {
		keymap_add_error(km, where, cause);
	}
	free(cause);
	if (argc > 0) {
		cfg_free_argv(argv, argc);
	} else {
		free(argv);
	}
}

/* The defaults, as the config lines "bind KEY ACTION" of actions.def. */
static void
keymap_load_defaults(struct keymap *km)
{
	struct buf	 line = BUF_INIT;
	const char	*p, *end;
	char		*where;
	int		 i, n = 0;

	for (i = 0; i < ACTION__COUNT; i++) {
		for (p = keymap_actions[i].keys; *p != '\0'; p = end) {
			end = strchr(p, ' ');
			if (end == NULL) {
				end = p + strlen(p);
			}
			buf_reset(&line);
			buf_printf(&line, "bind \"%.*s\" %s", (int)(end - p), p,
			    keymap_actions[i].name);
			where = xasprintf("(defaults):%d", ++n);
			keymap_line(km, buf_str(&line), where);
			free(where);
			while (*end == ' ') {
				end++;
			}
		}
	}
	buf_free(&line);
}

struct keymap *
keymap_new(void)
{
	struct keymap	*km = xcalloc(1, sizeof *km);

	keymap_load_defaults(km);
	return km;
}

void
keymap_free(struct keymap *km)
{
	size_t	i;

	if (km == NULL) {
		return;
	}
	for (i = 0; i < km->nbindings; i++) {
		free(km->bindings[i].where);
	}
	free(km->bindings);
	for (i = 0; i < km->nerrors; i++) {
		free(km->errors[i]);
	}
	free(km->errors);
	free(km);
}

void
keymap_apply_cfg(struct keymap *km, const struct cfg *cfg)
{
	const struct cfg_directive	*d;
	char				*cause = NULL;
	size_t				 i;

	for (i = 0; i < cfg_directive_count(cfg); i++) {
		d = cfg_directive_get(cfg, i);
		if (!keymap_directive(km, d->argv, d->argc, d->where, &cause)) {
			keymap_add_error(km, d->where, cause);
			free(cause);
			cause = NULL;
		}
	}
}

size_t
keymap_error_count(const struct keymap *km)
{
	return km->nerrors;
}

const char *
keymap_error(const struct keymap *km, size_t i)
{
	return km->errors[i];
}

int
keymap_lookup(const struct keymap *km, enum keymap_context context, int key)
{
	const struct keymap_binding	*b;

	b = keymap_find(km, context, key);
	if (b == NULL && context != KEYMAP_GLOBAL) {
		b = keymap_find(km, KEYMAP_GLOBAL, key);
	}
	return b != NULL ? b->action : ACTION_NONE;
}

char *
keymap_keys_for(const struct keymap *km, int action)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	char		*name;

	buf_puts(&b, "");
	for (i = 0; i < km->nbindings; i++) {
		if (km->bindings[i].action != action) {
			continue;
		}
		name = keymap_key_name(km->bindings[i].key);
		buf_printf(&b, "%s%s", b.len > 0 ? ", " : "", name);
		free(name);
	}
	return buf_detach(&b);
}

/* A key name as a config word: quoted when it would not read back. */
static void
keymap_dump_key(struct buf *b, const char *name)
{
	if (strpbrk(name, "#\"\\") == NULL) {
		buf_puts(b, name);
		return;
	}
	buf_putc(b, '"');
	for (; *name != '\0'; name++) {
		if (*name == '"' || *name == '\\') {
			buf_putc(b, '\\');
		}
		buf_putc(b, *name);
	}
	buf_putc(b, '"');
}

char *
keymap_dump(const struct keymap *km)
{
	struct buf	 b = BUF_INIT;
	size_t		 i;
	char		*name;
	int		 a;

	buf_puts(&b, "");
	for (a = 0; a < ACTION__COUNT; a++) {
		for (i = 0; i < km->nbindings; i++) {
			if (km->bindings[i].action != a) {
				continue;
			}
			name = keymap_key_name(km->bindings[i].key);
			buf_puts(&b, "bind ");
			keymap_dump_key(&b, name);
			buf_printf(&b, " %s\t# %s\n", keymap_actions[a].name,
			    _(keymap_actions[a].help));
			free(name);
		}
	}
	return buf_detach(&b);
}
