/* ui-draw: everything the reader paints goes through here (stdscr, one
 * doupdate() per frame).  Strings arrive clean (ui-text) and are fitted to
 * their width on cluster boundaries before they reach curses. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "ui-curses.h"
#include "ui-int.h"
#include "ui-text.h"
#include "xalloc.h"

static attr_t	ui_draw_attrs[UI_EL__COUNT];
static bool	ui_draw_show_cursor;
static int	ui_draw_cursor_y, ui_draw_cursor_x;

static attr_t
ui_draw_attr_bits(unsigned a)
{
	attr_t	r = A_NORMAL;

	r |= (a & UI_ATTR_BOLD) ? A_BOLD : 0;
	r |= (a & UI_ATTR_DIM) ? A_DIM : 0;
	r |= (a & UI_ATTR_UNDERLINE) ? A_UNDERLINE : 0;
	r |= (a & UI_ATTR_REVERSE) ? A_REVERSE : 0;
	r |= (a & UI_ATTR_STANDOUT) ? A_STANDOUT : 0;
	r |= (a & UI_ATTR_BLINK) ? A_BLINK : 0;
#ifdef A_ITALIC
	r |= (a & UI_ATTR_ITALIC) ? A_ITALIC : 0;
#endif
	return r;
}

/* A theme color the terminal can show: bright colors on an 8-color
 * terminal become the plain ones (with *bold for a foreground). */
static short
ui_draw_color(int c, bool defaults, attr_t *bold)
{
	if (c == UI_COLOR_DEFAULT) {
		return defaults ? -1 : (bold != NULL ? COLOR_WHITE : COLOR_BLACK);
	}
	if (c < COLORS) {
		return (short)c;
	}
	if (c >= 8 && c < 16 && bold != NULL) {
		*bold |= A_BOLD;
	}
	return (short)(c % 8);
}

/* Set up the elements' attributes (and color pairs when there are colors). */
void
ui_draw_colors(const struct ui_theme *theme)
{
	const struct ui_style	*st;
	bool			 colors = has_colors(), defaults = false;
	attr_t			 extra;
	short			 fg, bg;
	int			 el;

	if (colors) {
		start_color();
		defaults = use_default_colors() == OK;
	}
	for (el = 0; el < UI_EL__COUNT; el++) {
		st = ui_theme_style(theme, (enum ui_element)el);
		if (!colors || COLOR_PAIRS <= UI_EL__COUNT) {
			ui_draw_attrs[el] = ui_draw_attr_bits(st->mono);
			continue;
		}
		extra = A_NORMAL;
		fg = ui_draw_color(st->fg, defaults, &extra);
		bg = ui_draw_color(st->bg, defaults, NULL);
		init_pair((short)(el + 1), fg, bg);
		ui_draw_attrs[el] = COLOR_PAIR(el + 1) | extra |
		    ui_draw_attr_bits(st->attrs);
	}
}

void
ui_draw_text(int y, int x, int width, const char *s, enum ui_element el)
{
	char	*fitted;

	if (width <= 0 || y < 0 || x < 0 || y >= LINES || x >= COLS) {
		return;
	}
	if (x + width > COLS) {
		width = COLS - x;
	}
	fitted = ui_text_fit(s, width);
	attrset(ui_draw_attrs[el]);
	mvaddstr(y, x, fitted);
	attrset(A_NORMAL);
	free(fitted);
}

void
ui_draw_fill(struct ui_rect r, enum ui_element el)
{
	int	y;

	for (y = r.y; y < r.y + r.h; y++) {
		ui_draw_text(y, r.x, r.w, "", el);
	}
}

void
ui_draw_vline(int y, int x, int h, enum ui_element el)
{
	int	i;

	if (x < 0 || x >= COLS) {
		return;
	}
	attrset(ui_draw_attrs[el]);
	for (i = 0; i < h && y + i < LINES; i++) {
		mvaddch(y + i, x, ACS_VLINE);
	}
	attrset(A_NORMAL);
}

void
ui_draw_cursor(int y, int x)
{
	ui_draw_show_cursor = true;
	ui_draw_cursor_y = y;
	ui_draw_cursor_x = x;
}

/* Paint the help overlay: every action with its keys, from actions.def. */
void
ui_draw_help(struct ui *ui)
{
	int	 y = 1, a, page = LINES - 2, kw = 17, nw = COLS >= 100 ? 21 : 0;
	int	 ctx = -1, row = 0;
	char	*keys, *raw, *s;

	ui_draw_text(0, 0, COLS, _(" Keys (q or ? to close, j/k to scroll)"),
	    UI_EL_TITLE);
	for (a = 0; a < ACTION__COUNT; a++) {
		if ((int)keymap_action_context(a) != ctx) {
			ctx = (int)keymap_action_context(a);
			if (row >= ui->help_top && y <= page) {
				ui_draw_text(y++, 0, COLS, ctx == KEYMAP_GLOBAL ?
				    _("Everywhere") : _("On the memo screen"),
				    UI_EL_SECTION);
			}
			row++;
		}
		if (row++ < ui->help_top || y > page) {
			continue;
		}
		raw = keymap_keys_for(ui->keymap, a);
		keys = ui_text_clean(raw);
		free(raw);
		s = xasprintf("  %s", keys);
		ui_draw_text(y, 0, kw, s, UI_EL_HELP_KEY);
		free(s);
		free(keys);
		ui_draw_text(y, kw, nw, keymap_action_name(a), UI_EL_NORMAL);
		ui_draw_text(y++, kw + nw, COLS - kw - nw,
		    _(keymap_action_help(a)), UI_EL_NORMAL);
	}
	while (y <= page) {
		ui_draw_text(y++, 0, COLS, "", UI_EL_NORMAL);
	}
}

void
ui_draw_flush(void)
{
	if (ui_draw_show_cursor) {
		move(ui_draw_cursor_y, ui_draw_cursor_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	ui_draw_show_cursor = false;
	wnoutrefresh(stdscr);
	doupdate();
}
