/* keymap: which key runs which action (src/actions.def), with the defaults
 * written as `bind KEY ACTION` lines and the user's `bind`/`unbind`
 * directives applied on top.  Keys are Unicode code points (control keys
 * C-a..C-z are 1..26, Enter 10, Tab 9, Escape 27, Space 32) or the named
 * keys below; the UI translates the terminal's codes into these. */
#ifndef KIJI_KEYMAP_H
#define KIJI_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

enum action_id {
#define ACTION(id, context, name, keys, help) ACTION_##id,
#include "actions.def"
#undef ACTION
	ACTION__COUNT
};
#define ACTION_NONE	(-1)

enum keymap_context {
	KEYMAP_GLOBAL,
	KEYMAP_MEMO,
};

#define KEYMAP_SPECIAL	0x200000
enum keymap_key {
	KEYMAP_KEY_UP = KEYMAP_SPECIAL,
	KEYMAP_KEY_DOWN,
	KEYMAP_KEY_LEFT,
	KEYMAP_KEY_RIGHT,
	KEYMAP_KEY_PAGE_UP,
	KEYMAP_KEY_PAGE_DOWN,
	KEYMAP_KEY_HOME,
	KEYMAP_KEY_END,
	KEYMAP_KEY_BTAB,
	KEYMAP_KEY_BACKSPACE,
	KEYMAP_KEY_DELETE,
	KEYMAP_KEY_INSERT,
	KEYMAP_KEY_F1,		/* F1..F12 follow */
	KEYMAP_KEY_F12 = KEYMAP_KEY_F1 + 11,
};
#define KEYMAP_KEY_ENTER	10
#define KEYMAP_KEY_TAB		9
#define KEYMAP_KEY_ESCAPE	27

struct cfg;
struct keymap;

/* A keymap holding the default bindings; the caller frees it. */
struct keymap	*keymap_new(void);
void		 keymap_free(struct keymap *);

/* Bind key (a key name) to action; where ("file:line") names the line for
 * conflicts.  A key bound again from the same file is a conflict; a later
 * file (the user's config after the defaults) replaces the binding. */
bool		 keymap_bind(struct keymap *, const char *key,
		     const char *action, const char *where, char **cause);
bool		 keymap_unbind(struct keymap *, const char *key, char **cause);

/* Run one directive's words (bind/unbind; others are ignored); false with
 * *cause (without the location) on an error. */
bool		 keymap_directive(struct keymap *, char **argv, int argc,
		     const char *where, char **cause);
/* Apply every bind/unbind directive of cfg; errors ("file:line: message")
 * are collected in the keymap. */
void		 keymap_apply_cfg(struct keymap *, const struct cfg *);
size_t		 keymap_error_count(const struct keymap *);
const char	*keymap_error(const struct keymap *, size_t);

/* The action key runs in context (the memo context falls back to the
 * global one), or ACTION_NONE. */
int		 keymap_lookup(const struct keymap *, enum keymap_context,
		     int key);

/* Key names: "j", "あ", "C-l", "Enter", "Space", "Tab", "BTab", "Escape",
 * "Up", "Down", "Left", "Right", "PageUp", "PageDown", "Home", "End",
 * "Backspace", "Delete", "Insert", "F1".."F12". */
bool		 keymap_key_parse(const char *name, int *key);
char		*keymap_key_name(int key);		/* caller frees */
/* The keys bound to action, as "j, Down" (caller frees; "" when none). */
char		*keymap_keys_for(const struct keymap *, int action);

/* The bindings as config lines, "bind KEY ACTION  # help" in the order of
 * actions.def (help translated); the caller frees the text. */
char		*keymap_dump(const struct keymap *);

int		 keymap_action_find(const char *name);
const char	*keymap_action_name(int action);
const char	*keymap_action_help(int action);	/* untranslated */
enum keymap_context keymap_action_context(int action);

#endif
