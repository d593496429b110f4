/* test-example-config: doc/kiji.conf.example (made by docgen) is the
 * default: read by the config parser it gives every option its built-in
 * value and every action its default keys, without an error; its colour
 * lines, commented out, are the default colours. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "buf.h"
#include "file.h"
#include "keymap.h"
#include "ui-theme.h"
#include "tap.h"
#include "xalloc.h"

/* Whether option id has the same value in a and b. */
static int
same_value(const struct cfg *a, const struct cfg *b, int id)
{
	switch (cfg_option_info(id)->type) {
	case OPTION_BOOL:
		return cfg_bool(a, id) == cfg_bool(b, id);
	case OPTION_INT:
	case OPTION_DURATION:
		return cfg_int(a, id) == cfg_int(b, id);
	case OPTION_STRING:
		return strcmp(cfg_string(a, id), cfg_string(b, id)) == 0;
	}
	return 0;
}

/* Set every option away from its default, so that a missing line in the
 * example would show. */
static void
change_all(struct cfg *cfg)
{
	const struct option_info	*info;
	char				*cause = NULL, *v;
	int				 id;

	for (id = 0; id < OPTION__COUNT; id++) {
		info = cfg_option_info(id);
		switch (info->type) {
		case OPTION_BOOL:
			v = xstrdup(cfg_bool(cfg, id) ? "no" : "yes");
			break;
		case OPTION_INT:
			v = xasprintf("%lld", cfg_int(cfg, id) == info->min ?
			    info->max : info->min);
			break;
		case OPTION_DURATION:
			v = xasprintf("%llds", cfg_int(cfg, id) == info->min ?
			    info->max : info->min);
			break;
		default:
			v = xstrdup("changed");
			break;
		}
		if (!cfg_set(cfg, info->name, v, &cause)) {
			diag("%s", cause);
			free(cause);
			cause = NULL;
		}
		free(v);
	}
}

/* The example's bind lines, applied over an empty keymap, give each action
 * exactly its default keys. */
static void
check_bindings(const struct cfg *example)
{
	struct keymap	*defaults = keymap_new(), *km = keymap_new();
	char		*want, *got, *cause = NULL, *name;
	size_t		 i;
	int		 a, key;

	/* Unbind everything the defaults bind, so that only the example's
	 * lines count. */
	for (key = 1; key < 0x80; key++) {
		name = keymap_key_name(key);
		keymap_unbind(km, name, &cause);
		free(cause);
		cause = NULL;
		free(name);
	}
	for (key = KEYMAP_SPECIAL; key <= KEYMAP_KEY_F12; key++) {
		name = keymap_key_name(key);
		keymap_unbind(km, name, &cause);
		free(cause);
		cause = NULL;
		free(name);
	}
	keymap_apply_cfg(km, example);
	is_int(keymap_error_count(km), 0, "the bindings have no error");
	for (i = 0; i < keymap_error_count(km); i++) {
		diag("%s", keymap_error(km, i));
	}
	for (a = 0; a < ACTION__COUNT; a++) {
		want = keymap_keys_for(defaults, a);
		got = keymap_keys_for(km, a);
		is_str(got, want, "%d: the example binds %s to its default keys",
		    a, keymap_action_name(a));
		free(want);
		free(got);
	}
	keymap_free(defaults);
	keymap_free(km);
}

/* The example's commented-out color lines, uncommented and applied over
 * a theme where every element is red on red, give the default colours. */
static void
check_colors(const char *path)
{
	struct ui_theme		*defaults = ui_theme_new(), *theme = ui_theme_new();
	const struct ui_style	*want, *got;
	struct cfg		*cfg = cfg_new();
	struct buf		 text = BUF_INIT;
	char			*data, *cause = NULL, *line, *save = NULL;
	size_t			 len;
	int			 el;

	for (el = 0; el < UI_EL__COUNT; el++) {
		buf_printf(&text, "color %s red red underline\n",
		    ui_theme_element_name(el));
	}
	if ((data = file_read(path, &len, &cause)) == NULL) {
		ok(0, "read %s: %s", path, cause);
		free(cause);
		return;
	}
	for (line = strtok_r(data, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save)) {
		if (strncmp(line, "#color ", 7) == 0) {
			buf_printf(&text, "%s\n", line + 1);
		}
	}
	cfg_parse_string(cfg, "example", buf_str(&text));
	ui_theme_apply_cfg(theme, cfg);
	is_int(ui_theme_error_count(theme), 0, "the colour lines have no error");
	for (el = 0; el < UI_EL__COUNT; el++) {
		want = ui_theme_style(defaults, el);
		got = ui_theme_style(theme, el);
		ok(want->fg == got->fg && want->bg == got->bg &&
		    want->attrs == got->attrs,
		    "%d: the example's colours of %s are the default", el,
		    ui_theme_element_name(el));
	}
	free(data);
	buf_free(&text);
	cfg_free(cfg);
	ui_theme_free(defaults);
	ui_theme_free(theme);
}

int
main(void)
{
	const char	*builddir = getenv("KIJI_BUILDDIR");
	struct cfg	*defaults, *example;
	char		*path;
	size_t		 i;
	int		 id;

	path = xasprintf("%s/doc/kiji.conf.example",
	    builddir != NULL ? builddir : ".");
	defaults = cfg_new();
	example = cfg_new();
	change_all(example);
	for (id = 0; id < OPTION__COUNT; id++) {
		ok(!same_value(defaults, example, id), "%d: %s can be changed", id, cfg_option_info(id)->name);
	}
	ok(cfg_load(example, path, false), "the example config is read");
	is_int(cfg_error_count(example), 0, "it has no error");
	for (i = 0; i < cfg_error_count(example); i++) {
		diag("%s", cfg_error(example, i));
	}
	for (id = 0; id < OPTION__COUNT; id++) {
		ok(same_value(defaults, example, id),
		    "%d: the example sets %s to its default", id,
		    cfg_option_info(id)->name);
	}
	check_bindings(example);
	check_colors(path);
	cfg_free(defaults);
	cfg_free(example);
	free(path);
	return done_testing();
}
