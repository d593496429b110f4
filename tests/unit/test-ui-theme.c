/* Unit tests for the color directives. */
#include "config.h"

#include <stdlib.h>

#include "cfg.h"
#include "tap.h"
#include "ui-theme.h"

static const struct {
	const char	*text;
	const char	*error;		/* the first error, or NULL */
	int		 element;
	int		 fg, bg;
	unsigned	 attrs;
} cases[] = {
	{ "color cursor white blue bold\n", NULL, UI_EL_CURSOR, 7, 4,
	    UI_ATTR_BOLD },
	{ "color unread brightred default\n", NULL, UI_EL_UNREAD, 9, -1, 0 },
	{ "color unread bright-green color236 underline reverse\n", NULL,
	    UI_EL_UNREAD, 10, 236, UI_ATTR_UNDERLINE | UI_ATTR_REVERSE },
	{ "color date 208 default\n", NULL, UI_EL_DATE, 208, -1, 0 },
	{ "\ncolor nothing red blue\n", "t:2: unknown element 'nothing'",
	    -1, 0, 0, 0 },
	{ "color date purple blue\n", "t:1: unknown color 'purple'", -1, 0, 0, 0 },
	{ "color date 256 blue\n", "t:1: unknown color '256'", -1, 0, 0, 0 },
	{ "color date red blue shiny\n", "t:1: unknown attribute 'shiny'",
	    -1, 0, 0, 0 },
	{ "color date red\n",
	    "t:1: usage: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...]",
	    -1, 0, 0, 0 },
};

int
main(void)
{
	struct ui_theme		*t;
	struct cfg		*cfg;
	const struct ui_style	*st;
	size_t			 i;

	t = ui_theme_new();
	is_int(ui_theme_error_count(t), 0, "the defaults parse");
	st = ui_theme_style(t, UI_EL_CURSOR);
	ok(st->mono != 0, "the cursor shows on a monochrome terminal");
	ui_theme_free(t);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		t = ui_theme_new();
		cfg = cfg_new();
		cfg_parse_string(cfg, "t", cases[i].text);
		ui_theme_apply_cfg(t, cfg);
		is_str(ui_theme_error_count(t) > 0 ? ui_theme_error(t, 0) : NULL,
		    cases[i].error, "case %zu error", i);
		if (cases[i].element >= 0) {
			st = ui_theme_style(t, cases[i].element);
			ok(st->fg == cases[i].fg && st->bg == cases[i].bg &&
			    st->attrs == cases[i].attrs,
			    "case %zu style (%d %d %u)", i, st->fg, st->bg,
			    st->attrs);
		}
		cfg_free(cfg);
		ui_theme_free(t);
	}
	for (i = 0; i < UI_EL__COUNT; i++) {
		ok(ui_theme_element_name(i)[0] != '\0', "element %zu has a name", i);
	}
	return done_testing();
}
