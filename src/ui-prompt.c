/* ui-prompt: a one-line editor for searches, link numbers and headlines.
 * Keys are code points (wide characters welcome); Backspace and Delete take
 * a whole grapheme cluster, the cursor moves by clusters, and the line
 * scrolls sideways to keep the cursor visible. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "ui-int.h"
#include "ui-text.h"
#include "utf8.h"
#include "xalloc.h"

struct ui_prompt {
	char		*label;		/* clean */
	struct buf	 text;
	size_t		 cursor;	/* byte offset, on a cluster boundary */
};

struct ui_prompt *
ui_prompt_new(const char *label, const char *initial)
{
	struct ui_prompt	*p = xcalloc(1, sizeof *p);
	char			*clean = ui_text_clean(initial);

	p->label = ui_text_clean(label);
	buf_puts(&p->text, clean);
	p->cursor = p->text.len;
	free(clean);
	return p;
}

void
ui_prompt_free(struct ui_prompt *p)
{
	if (p == NULL) {
		return;
	}
	free(p->label);
	buf_free(&p->text);
	free(p);
}

const char *
ui_prompt_text(const struct ui_prompt *p)
{
	return buf_str(&p->text);
}

/* Remove bytes [from, to) of the text; the cursor goes to from. */
static void
ui_prompt_cut(struct ui_prompt *p, size_t from, size_t to)
{
	memmove(p->text.data + from, p->text.data + to, p->text.len - to + 1);
	p->text.len -= to - from;
	p->cursor = from;
}

static void
ui_prompt_insert(struct ui_prompt *p, int key)
{
	char	enc[4];
	size_t	n = utf8_encode((uint32_t)key, enc);

	buf_reserve(&p->text, n + 1);
	memmove(p->text.data + p->cursor + n, p->text.data + p->cursor,
	    p->text.len - p->cursor + 1);
	memcpy(p->text.data + p->cursor, enc, n);
	p->text.len += n;
	p->cursor += n;
}

/* Start of the word before the cursor (blanks, then non-blanks). */
static size_t
ui_prompt_word_start(const struct ui_prompt *p)
{
	size_t	i = p->cursor;

	while (i > 0 && p->text.data[i - 1] == ' ') {
		i--;
	}
	while (i > 0 && p->text.data[i - 1] != ' ') {
		i--;
	}
	return i;
}

/* Movement and deletion keys; false when key is none of them. */
static bool
ui_prompt_edit(struct ui_prompt *p, int key)
{
	const char	*s = buf_str(&p->text);
	size_t		 len = p->text.len;

	switch (key) {
	case KEYMAP_KEY_BACKSPACE:
	case 8:			/* C-h */
		if (p->cursor > 0) {
			ui_prompt_cut(p, ui_text_prev(s, p->cursor), p->cursor);
		}
		return true;
	case KEYMAP_KEY_DELETE:
	case 4:			/* C-d */
		if (p->cursor < len) {
			ui_prompt_cut(p, p->cursor, ui_text_next(s, len,
			    p->cursor));
		}
		return true;
	case KEYMAP_KEY_LEFT:
	case 2:			/* C-b */
		p->cursor = ui_text_prev(s, p->cursor);
		return true;
	case KEYMAP_KEY_RIGHT:
	case 6:			/* C-f */
		p->cursor = ui_text_next(s, len, p->cursor);
		return true;
	case KEYMAP_KEY_HOME:
	case 1:			/* C-a */
		p->cursor = 0;
		return true;
	case KEYMAP_KEY_END:
	case 5:			/* C-e */
		p->cursor = len;
		return true;
	case 21:		/* C-u */
		ui_prompt_cut(p, 0, p->cursor);
		return true;
	case 11:		/* C-k */
		ui_prompt_cut(p, p->cursor, len);
		return true;
	case 23:		/* C-w */
		ui_prompt_cut(p, ui_prompt_word_start(p), p->cursor);
		return true;
	default:
		return false;
	}
}

enum ui_prompt_state
ui_prompt_key(struct ui_prompt *p, int key)
{
	if (key == KEYMAP_KEY_ENTER || key == '\r') {
		return UI_PROMPT_DONE;
	}
	if (key == KEYMAP_KEY_ESCAPE || key == 7) {	/* C-g */
		return UI_PROMPT_CANCELLED;
	}
	if (ui_prompt_edit(p, key)) {
		return UI_PROMPT_EDITING;
	}
	if (key >= 0x20 && key < KEYMAP_SPECIAL && key != 0x7f &&
	    !(key >= 0x80 && key < 0xa0) && !(key >= 0xd800 && key < 0xe000)) {
		ui_prompt_insert(p, key);
	}
	return UI_PROMPT_EDITING;
}

/* Paint "label text" at y, scrolled so the cursor shows, and put the
 * terminal's cursor there. */
void
ui_prompt_draw(struct ui_prompt *p, int y, int x, int width)
{
	const char	*s = buf_str(&p->text);
	size_t		 start = 0;
	int		 lw = ui_text_width(p->label), room, before;
	char		*shown;

	if (lw > width * 2 / 3) {
		lw = width * 2 / 3;
	}
	ui_draw_text(y, x, lw, p->label, UI_EL_PROMPT);
	room = width - lw - 1;
	if (room < 1) {
		return;
	}
	before = ui_text_width_n(s, p->cursor);
	while (before > room && start < p->cursor) {
		start = ui_text_next(s, p->text.len, start);
		before = ui_text_width_n(s + start, p->cursor - start);
	}
	shown = xstrndup(s + start, ui_text_prefix(s + start,
	    p->text.len - start, room, NULL));
	ui_draw_text(y, x + lw, width - lw, shown, UI_EL_NORMAL);
	free(shown);
	ui_draw_cursor(y, x + lw + before);
}
