/* Unit tests for the key bindings. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "keymap.h"
#include "tap.h"

static const struct {
	const char	*name;
	int		 key;	/* -1: not a key */
} keys[] = {
	{ "j", 'j' },
	{ "Enter", KEYMAP_KEY_ENTER },
	{ "space", ' ' },
	{ "C-l", 12 },
	{ "C-A", 1 },
	{ "F12", KEYMAP_KEY_F12 },
	{ "F13", -1 },
	{ "PageDown", KEYMAP_KEY_PAGE_DOWN },
	{ "\xe3\x81\x82", 0x3042 },	/* あ */
	{ "jk", -1 },
	{ "", -1 },
	{ "\x1b", -1 },
	{ "\xc2\x9b", -1 },		/* C1 CSI */
	{ "\xff", -1 },
};

/* The defaults, as users see them. */
static const struct {
	enum keymap_context	 context;
	int			 key;
	const char		*action;	/* NULL: unbound */
} defaults[] = {
	{ KEYMAP_GLOBAL, 'j', "down" },
	{ KEYMAP_GLOBAL, KEYMAP_KEY_DOWN, "down" },
	{ KEYMAP_GLOBAL, 'J', "next-unread" },
	{ KEYMAP_GLOBAL, 'n', "next-unread" },
	{ KEYMAP_GLOBAL, ' ', "page-down" },
	{ KEYMAP_GLOBAL, KEYMAP_KEY_TAB, "next-pane" },
	{ KEYMAP_GLOBAL, '5', "memo-5" },
	{ KEYMAP_GLOBAL, '?', "help" },
	{ KEYMAP_GLOBAL, 'q', "quit" },
	{ KEYMAP_GLOBAL, 'Z', NULL },
	{ KEYMAP_MEMO, 'J', "story-down" },
	{ KEYMAP_MEMO, 'j', "down" },		/* falls back to global */
	{ KEYMAP_GLOBAL, '+', NULL },		/* memo-only key */
};

/* Config files applied over the defaults. */
static const struct {
	const char	*text;
	int		 key;
	const char	*action;	/* what key runs afterwards */
	const char	*error;		/* the first error, or NULL */
} files[] = {
	{ "bind x quit\n", 'x', "quit", NULL },
	{ "bind j up\n", 'j', "up", NULL },
	{ "unbind q\n", 'q', NULL, NULL },
	{ "bind x quit\nbind x help\n", 'x', "quit",
	    "t:2: key 'x' is already bound to 'quit' at t:1" },
	{ "bind x quit\nbind x quit\n", 'x', "quit", NULL },
	{ "\n\nbind x no-such-action\n", 'x', NULL,
	    "t:3: unknown action 'no-such-action'" },
	{ "bind NoSuchKey quit\n", -1, NULL, "t:1: unknown key 'NoSuchKey'" },
	{ "bind x\n", 'x', NULL, "t:1: usage: bind KEY ACTION" },
	{ "unbind Z\n", 'Z', NULL, "t:1: key 'Z' is not bound" },
	{ "bind \xe3\x81\x82 search\n", 0x3042, "search", NULL },
	{ "bind C-n next-unread\n", 14, "next-unread", NULL },
};

static void
test_keys(void)
{
	size_t	i;
	int	key;
	char	*name;
	bool	parsed;

	for (i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		key = -1;
		parsed = keymap_key_parse(keys[i].name, &key);
		ok(parsed == (keys[i].key != -1), "key case %zu parses or not", i);
		if (keys[i].key == -1) {
			continue;
		}
		is_int(key, keys[i].key, "key case %zu code", i);
		name = keymap_key_name(key);
		ok(keymap_key_parse(name, &key) && key == keys[i].key,
		    "key case %zu name '%s' parses back", i, name);
		free(name);
	}
}

static void
test_defaults(void)
{
	struct keymap	*km = keymap_new();
	size_t		 i;
	int		 a;
	char		*list;

	is_int(keymap_error_count(km), 0, "defaults parse without errors");
	for (i = 0; i < keymap_error_count(km); i++) {
		diag("%s", keymap_error(km, i));
	}
	for (i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
		a = keymap_lookup(km, defaults[i].context, defaults[i].key);
		is_str(a == ACTION_NONE ? NULL : keymap_action_name(a),
		    defaults[i].action, "default case %zu", i);
	}
	list = keymap_keys_for(km, keymap_action_find("down"));
	is_str(list, "j, Down", "keys of 'down' listed in order");
	free(list);
	for (a = 0; a < ACTION__COUNT; a++) {
		ok(keymap_action_find(keymap_action_name(a)) == a &&
		    keymap_action_help(a)[0] != '\0',
		    "action %d '%s' is found by name and has help", a,
		    keymap_action_name(a));
	}
	keymap_free(km);
}

/* The dump reads back as the same bindings. */
static void
test_dump(void)
{
	struct keymap	*km = keymap_new(), *back = keymap_new();
	struct cfg	*cfg = cfg_new();
	char		*text, *again;

	text = keymap_dump(km);
	ok(strstr(text, "bind j down\t# ") != NULL, "the dump has bind lines");
	ok(strstr(text, "bind \"#\"") == NULL, "no stray quoting");
	cfg_parse_string(cfg, "dump", text);
	is_int(cfg_error_count(cfg), 0, "the dump parses as a config");
	keymap_apply_cfg(back, cfg);
	is_int(keymap_error_count(back), 0, "and binds without errors");
	again = keymap_dump(back);
	is_str(again, text, "the bindings read back the same");
	free(again);
	free(text);
	cfg_free(cfg);
	keymap_free(back);
	keymap_free(km);
}

static void
test_files(void)
{
	struct keymap	*km;
	struct cfg	*cfg;
	size_t		 i;
	int		 a;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		km = keymap_new();
		cfg = cfg_new();
		cfg_parse_string(cfg, "t", files[i].text);
		is_int(cfg_error_count(cfg), 0, "file case %zu: cfg accepts it", i);
		keymap_apply_cfg(km, cfg);
		is_str(keymap_error_count(km) > 0 ? keymap_error(km, 0) : NULL,
		    files[i].error, "file case %zu error", i);
		if (files[i].key != -1) {
			a = keymap_lookup(km, KEYMAP_GLOBAL, files[i].key);
			is_str(a == ACTION_NONE ? NULL : keymap_action_name(a),
			    files[i].action, "file case %zu binding", i);
		}
		cfg_free(cfg);
		keymap_free(km);
	}
}

int
main(void)
{
	test_keys();
	test_defaults();
	test_dump();
	test_files();
	return done_testing();
}
