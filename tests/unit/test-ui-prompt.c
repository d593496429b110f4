/* Unit tests for the line editor: wide characters, clusters, editing keys. */
#include "config.h"

#include <stdlib.h>

#include "keymap.h"
#include "tap.h"
#include "ui-int.h"

#define BS	KEYMAP_KEY_BACKSPACE
#define LEFT	KEYMAP_KEY_LEFT
#define DEL	KEYMAP_KEY_DELETE

static const struct {
	const char	*initial;
	int		 keys[12];	/* ended by 0 */
	const char	*text;
	int		 state;
} cases[] = {
	{ "", { 'a', 'b', 'c', 0 }, "abc", UI_PROMPT_EDITING },
	{ "", { 0x8106, 0x5f31, 0x6027, 0 }, "脆弱性", UI_PROMPT_EDITING },
	{ "脆弱性", { BS, 0 }, "脆弱", UI_PROMPT_EDITING },
	/* e + combining acute: one cluster, one backspace */
	{ "cafe\xcc\x81", { BS, 0 }, "caf", UI_PROMPT_EDITING },
	{ "abc", { LEFT, LEFT, 'X', 0 }, "aXbc", UI_PROMPT_EDITING },
	{ "日本語", { LEFT, BS, 0 }, "日語", UI_PROMPT_EDITING },
	{ "日本語", { KEYMAP_KEY_HOME, DEL, 0 }, "本語", UI_PROMPT_EDITING },
	{ "one two", { 23, 0 }, "one ", UI_PROMPT_EDITING },	/* C-w */
	{ "one two", { 21, 0 }, "", UI_PROMPT_EDITING },	/* C-u */
	{ "x", { 0x1b, 0 }, "x", UI_PROMPT_CANCELLED },
	{ "x", { KEYMAP_KEY_ENTER, 0 }, "x", UI_PROMPT_DONE },
	{ "", { 0x07, 0 }, "", UI_PROMPT_CANCELLED },	/* C-g */
	{ "", { 0x9b, 0x7f + 0, 'a', 0 }, "a", UI_PROMPT_EDITING },
	{ "\x1b[31mred", { 0 }, "red", UI_PROMPT_EDITING },
	{ "", { BS, BS, LEFT, 0 }, "", UI_PROMPT_EDITING },
};

int
main(void)
{
	struct ui_prompt	*p;
	size_t			 i, k;
	int			 st;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		p = ui_prompt_new("> ", cases[i].initial);
		st = UI_PROMPT_EDITING;
		for (k = 0; cases[i].keys[k] != 0; k++) {
			st = ui_prompt_key(p, cases[i].keys[k]);
		}
		is_str(ui_prompt_text(p), cases[i].text, "case %zu text", i);
		is_int(st, cases[i].state, "case %zu state", i);
		ui_prompt_free(p);
	}
	return done_testing();
}
