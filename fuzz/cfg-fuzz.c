/* cfg-fuzz: cfg_parse_string() on arbitrary text, then the directives
 * through the key map and the colour theme, as the reader applies them;
 * errors are collected, never fatal, every directive keeps its words, and
 * a key name parsed back from its printed form is the same key. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "fuzz.h"
#include "keymap.h"
#include "ui-theme.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Apply cfg's directives as the reader does; check key names round-trip. */
static void
fuzz_keymap(const struct cfg *cfg, const char *text)
{
	struct keymap	*km = keymap_new();
	struct ui_theme	*theme = ui_theme_new();
	char		*name, *dump;
	size_t		 i;
	int		 key, again;

	keymap_apply_cfg(km, cfg);
	ui_theme_apply_cfg(theme, cfg);
	for (i = 0; i < keymap_error_count(km); i++) {
		if (keymap_error(km, i) == NULL) {
			abort();
		}
	}
	if (keymap_key_parse(text, &key)) {
		name = keymap_key_name(key);
		if (!keymap_key_parse(name, &again) || again != key) {
			abort();
		}
		free(name);
		(void)keymap_lookup(km, KEYMAP_GLOBAL, key);
		(void)keymap_lookup(km, KEYMAP_MEMO, key);
	}
	dump = keymap_dump(km);
	free(dump);
	ui_theme_free(theme);
	keymap_free(km);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cfg			*cfg;
	const struct cfg_directive	*d;
	char				*text, **argv, *cause = NULL;
	size_t				 i;
	int				 argc;

	text = malloc(size + 1);
	if (text == NULL) {
		abort();
	}
	memcpy(text, data, size);
	text[size] = '\0';
	cfg = cfg_new();
	cfg_parse_string(cfg, "fuzz", text);
	for (i = 0; i < cfg_error_count(cfg); i++) {
		if (cfg_error(cfg, i) == NULL) {
			abort();
		}
	}
	for (i = 0; i < cfg_directive_count(cfg); i++) {
		d = cfg_directive_get(cfg, i);
		if (d->argc < 1 || d->argv[0] == NULL) {
			abort();
		}
	}
	fuzz_keymap(cfg, text);
	cfg_free(cfg);
	argc = cfg_split(text, &argv, &cause);
	if (argc >= 0) {
		cfg_free_argv(argv, argc);
	}
	free(cause);
	free(text);
	return 0;
}
