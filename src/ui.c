/* ui: the full-screen reader: start-up and shut-down stages, curses setup,
 * the event loop (poll on the terminal, the fetcher's queue and a signal
 * self-pipe; drain; react; one doupdate()) and the actions that are not a
 * single pane's.  Only this file and ui-draw.c call curses. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "cmd.h"
#include "fetch.h"
#include "i18n.h"
#include "keymap.h"
#include "queue.h"
#include "spawn.h"
#include "ui.h"
#include "ui-curses.h"
#include "ui-int.h"
#include "ui-text.h"
#include "xalloc.h"

static int	ui_signal_fd = -1;

/* ---- small shared helpers ---- */

void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list	 ap;
	char	*raw;

	va_start(ap, fmt);
	raw = xvasprintf(fmt, ap);
	va_end(ap);
	free(ui->message);
	ui->message = ui_text_clean(raw);
	ui->message_error = error;
	ui->dirty = true;
	free(raw);
}

/* Rows of a pane's list (its height without the title line). */
int
ui_page(const struct ui *ui, enum ui_pane pane)
{
	int	h = ui->rects[pane].h - 1;

	return h > 1 ? h : 1;
}

bool
ui_list_action(int *cursor, int count, int page, int action)
{
	int	c = *cursor;

	switch (action) {
	case ACTION_DOWN:
		c++;
		break;
	case ACTION_UP:
		c--;
		break;
	case ACTION_PAGE_DOWN:
		c += page;
		break;
	case ACTION_PAGE_UP:
		c -= page;
		break;
	case ACTION_TOP:
		c = 0;
		break;
	case ACTION_BOTTOM:
		c = count - 1;
		break;
	default:
		return false;
	}
	if (c >= count) {
		c = count - 1;
	}
	*cursor = c < 0 ? 0 : c;
	return true;
}

/* ---- layout ---- */

/* Place the panes: three columns on a wide terminal, else sources and
 * items over the reader; the last line is the status line. */
static void
ui_layout(struct ui *ui)
{
	const char	*mode = cfg_string(ui->cfg, OPTION_LAYOUT);
	int		 h = ui->lines - 1, sw, iw, top;

	ui->columns = strcmp(mode, "columns") == 0 || (strcmp(mode, "rows") != 0 &&
	    ui->cols >= cfg_int(ui->cfg, OPTION_COLUMNS_MIN_WIDTH));
	sw = (int)cfg_int(ui->cfg, OPTION_SOURCES_WIDTH);
	if (sw > ui->cols / 3) {
		sw = ui->cols / 3;
	}
	if (h < 2) {
		h = 2;
	}
	if (ui->columns) {
		iw = (int)((ui->cols - sw - 2) * cfg_int(ui->cfg,
		    OPTION_ITEMS_WIDTH) / 100);
		ui->rects[UI_PANE_SOURCES] = (struct ui_rect){ 0, 0, h, sw };
		ui->rects[UI_PANE_ITEMS] = (struct ui_rect){ 0, sw + 1, h, iw };
		ui->rects[UI_PANE_READER] = (struct ui_rect){ 0, sw + iw + 2, h,
		    ui->cols - sw - iw - 2 };
		return;
	}
	top = (int)(h * cfg_int(ui->cfg, OPTION_ITEMS_HEIGHT) / 100);
	if (top < 2) {
		top = 2;
	}
	ui->rects[UI_PANE_SOURCES] = (struct ui_rect){ 0, 0, top, sw };
	ui->rects[UI_PANE_ITEMS] = (struct ui_rect){ 0, sw + 1, top,
	    ui->cols - sw - 1 };
	ui->rects[UI_PANE_READER] = (struct ui_rect){ top, 0, h - top, ui->cols };
}

/* ---- painting ---- */

/* The right end of the status line: refresh progress, else the counts. */
static char *
ui_status_right(struct ui *ui)
{
	if (ui->refreshing) {
		return xasprintf(ngettext("refreshing %d/%d, %d new, %d error",
		    "refreshing %d/%d, %d new, %d errors",
		    (unsigned long)ui->fetch_errors), ui->fetch_done,
		    ui->fetch_total, ui->fetch_new, ui->fetch_errors);
	}
	return xasprintf(_("%d unread"), ui_sources_unread_total(ui));
}

static void
ui_draw_status(struct ui *ui)
{
	int	 y = ui->lines - 1, rw;
	char	*right = ui_status_right(ui), *padded;

	padded = xasprintf(" %s ", right);
	rw = ui_text_width(padded);
	if (rw > ui->cols / 2) {
		rw = ui->cols / 2;
	}
	if (ui->prompt != NULL) {
		ui_prompt_draw(ui->prompt, y, 0, ui->cols);
	} else if (ui->message != NULL) {
		ui_draw_text(y, 0, ui->cols - rw, ui->message,
		    ui->message_error ? UI_EL_ERROR : UI_EL_MESSAGE);
	} else {
		ui_draw_text(y, 0, ui->cols - rw, ui->memo_open ?
		    _("? keys  q back  x export  e headline  Q quote") :
		    _("? help  q quit  R refresh  / search  M memo"),
		    UI_EL_STATUS);
	}
	if (ui->prompt == NULL) {
		ui_draw_text(y, ui->cols - rw, rw, padded, UI_EL_STATUS);
	}
	free(padded);
	free(right);
}

static void
ui_draw_all(struct ui *ui)
{
	struct ui_rect	*r = ui->rects;

	if (ui->help) {
		ui_draw_help(ui);
	} else if (ui->memo_open) {
		ui_memo_draw(ui);
	} else {
		ui_sources_draw(ui, r[UI_PANE_SOURCES],
		    ui->focus == UI_PANE_SOURCES);
		ui_draw_vline(r[UI_PANE_SOURCES].y, r[UI_PANE_SOURCES].w,
		    r[UI_PANE_SOURCES].h, UI_EL_BORDER);
		ui_items_draw(ui, r[UI_PANE_ITEMS], ui->focus == UI_PANE_ITEMS);
		if (ui->columns) {
			ui_draw_vline(r[UI_PANE_ITEMS].y, r[UI_PANE_ITEMS].x +
			    r[UI_PANE_ITEMS].w, r[UI_PANE_ITEMS].h, UI_EL_BORDER);
		}
		ui_reader_draw(ui, r[UI_PANE_READER],
		    ui->focus == UI_PANE_READER);
	}
	ui_draw_status(ui);
	ui_draw_flush();
	ui->dirty = false;
}

/* ---- reactions ---- */

/* Show in the reader what the selection stands for. */
static void
ui_update_reader(struct ui *ui)
{
	const struct ui_feed	*f = ui_sources_feed(ui);
	const struct ui_row	*row;

	if (ui->focus == UI_PANE_SOURCES && f != NULL && f->error != NULL) {
		ui_reader_show_error(ui, f);
		return;
	}
	row = ui_items_selected(ui);
	ui_reader_show(ui, row != NULL ? row->id : 0);
}

/* Open the selected item in the reader and mark it read. */
static void
ui_open_selected(struct ui *ui)
{
	const struct ui_row	*row = ui_items_selected(ui);
	char			*cause = NULL;

	if (row == NULL) {
		return;
	}
	ui->focus = UI_PANE_READER;
	if (!row->read) {
		if (!ui_data_set_read(ui->data, row->id, true, &cause)) {
			ui_message(ui, true, "%s", cause);
			free(cause);
		} else {
			ui_items_set_flags(ui, row->id, true, row->starred);
			ui_sources_reload(ui);
		}
	}
	ui_reader_show(ui, row->id);
}

static void
ui_react(struct ui *ui, unsigned r)
{
	if (r & UI_RELAYOUT) {
		ui->lines = LINES;
		ui->cols = COLS;
		ui_layout(ui);
		clearok(curscr, TRUE);
	}
	if (r & UI_SOURCES) {
		ui_sources_reload(ui);
	}
	if (r & UI_ITEMS) {
		ui_items_reload(ui, false);
	} else if (r & UI_ITEMS_KEEP) {
		ui_items_reload(ui, true);
	}
	if (r & UI_OPEN) {
		ui_open_selected(ui);
	} else if ((r & (UI_ITEMS | UI_READER)) ||
	    ((r & UI_ITEMS_KEEP) && ui_reader_item(ui) == 0)) {
		/* A background reload never changes the article being read. */
		ui_update_reader(ui);
	}
	if (r & ~(unsigned)UI_HANDLED) {
		ui->dirty = true;
	}
}


/* ---- actions that are not one pane's ---- */

/* $BROWSER's first command (entries are separated by colons). */
static char *
ui_browser_command(struct ui *ui)
{
	const char	*opt = cfg_string(ui->cfg, OPTION_BROWSER);
	const char	*env = getenv("BROWSER");

	if (opt[0] != '\0') {
		return xstrdup(opt);
	}
	if (env == NULL) {
		return xstrdup("");
	}
	return xstrndup(env, strcspn(env, ":"));
}

/* Hand the terminal to argv until it exits; C-c is the program's then,
 * not the reader's. */
static bool
ui_run_in_terminal(char **argv, char **cause)
{
	struct sigaction	ign, old;
	bool			ok;

	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	def_prog_mode();
	endwin();
	sigaction(SIGINT, &ign, &old);
	ok = spawn_wait(argv, cause);
	sigaction(SIGINT, &old, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
	return ok;
}

/* Open url in the browser: never a shell, only http, https and file. */
void
ui_open_url(struct ui *ui, const char *url)
{
	char	*command, **argv, *cause = NULL, *shown;
	bool	 ok;

	shown = ui_text_clean(url);
	if (!spawn_url_allowed(url)) {
		ui_message(ui, true, _("Will not open '%s' (only http, https and file links)."),
		    shown);
		free(shown);
		return;
	}
	command = ui_browser_command(ui);
	argv = spawn_argv(command, url, &cause);
	free(command);
	if (argv == NULL) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		free(shown);
		return;
	}
	if (cfg_bool(ui->cfg, OPTION_BROWSER_TERMINAL)) {
		ok = ui_run_in_terminal(argv, &cause);
	} else {
		ok = spawn_detached(argv, &cause);
	}
	if (ok) {
		ui_message(ui, false, _("Opened %s"), shown);
	} else {
		ui_message(ui, true, "%s", cause);
		free(cause);
	}
	spawn_free(argv);
	free(shown);
}

/* Link n of the article (0: the item's own link) or NULL. */
static const char *
ui_link(struct ui *ui, int n)
{
	const struct ui_row	*row = ui_items_selected(ui);

	if (row != NULL && ui_reader_item(ui) != row->id) {
		return n == 0 ? row->link : NULL;
	}
	return ui_reader_link(ui, n);
}

static void
ui_open_link(struct ui *ui, int n)
{
	const char	*url = ui_link(ui, n);

	if (url == NULL) {
		ui_message(ui, true, n == 0 ? _("This item has no link.") :
		    _("There is no link %d."), n);
		return;
	}
	ui_open_url(ui, url);
}

static unsigned
ui_act_browse(struct ui *ui)
{
	const struct ui_row	*row = ui_items_selected(ui);

	if (row == NULL) {
		return UI_HANDLED;
	}
	if (ui_reader_item(ui) != row->id || ui_reader_link_count(ui) == 0) {
		ui_open_link(ui, 0);
		return UI_HANDLED | UI_REDRAW;
	}
	ui->prompt = ui_prompt_new(_("Open link number (Enter: the item): "), "");
	ui->prompt_purpose = UI_PROMPT_LINK;
	return UI_HANDLED | UI_REDRAW;
}

/* Base64 of s, for OSC 52; the caller frees it. */
static char *
ui_base64(const char *s)
{
	static const char tab[] =
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*p = (const unsigned char *)s;
	struct buf		 b = BUF_INIT;
	size_t			 len = strlen(s), i;
	unsigned		 v;

	buf_puts(&b, "");
	for (i = 0; i < len; i += 3) {
		v = (unsigned)p[i] << 16;
		v |= i + 1 < len ? (unsigned)p[i + 1] << 8 : 0;
		v |= i + 2 < len ? p[i + 2] : 0;
		buf_putc(&b, tab[(v >> 18) & 63]);
		buf_putc(&b, tab[(v >> 12) & 63]);
		buf_putc(&b, i + 1 < len ? tab[(v >> 6) & 63] : '=');
		buf_putc(&b, i + 2 < len ? tab[v & 63] : '=');
	}
	return buf_detach(&b);
}

static unsigned
ui_act_copy(struct ui *ui)
{
	const char	*url = ui_link(ui, 0);
	char		*enc, *seq;

	if (!cfg_bool(ui->cfg, OPTION_OSC52)) {
		ui_message(ui, true, "%s", _("Copying is off: set osc52 yes in the config."));
		return UI_HANDLED | UI_REDRAW;
	}
	if (url == NULL) {
		ui_message(ui, true, "%s", _("This item has no link."));
		return UI_HANDLED | UI_REDRAW;
	}
	enc = ui_base64(url);
	seq = xasprintf("\033]52;c;%s\a", enc);
	if (write(STDOUT_FILENO, seq, strlen(seq)) < 0) {
		ui_message(ui, true, "%s", strerror(errno));
	} else {
		ui_message(ui, false, "%s", _("Copied the link."));
	}
	free(seq);
	free(enc);
	return UI_HANDLED | UI_REDRAW;
}

/* Flip the selected item's read or starred flag. */
static unsigned
ui_act_flag(struct ui *ui, bool star)
{
	const struct ui_row	*row = ui_items_selected(ui);
	bool			 read, starred, ok;
	char			*cause = NULL;
	int64_t			 id;

	if (row == NULL) {
		return UI_HANDLED;
	}
	id = row->id;
	read = star ? row->read : !row->read;
	starred = star ? !row->starred : row->starred;
	if (star) {
		if (!ui_memo_star(ui, row->id, starred, -1)) {
			return UI_HANDLED | UI_REDRAW;
		}
		ok = true;
	} else {
		ok = ui_data_set_read(ui->data, row->id, read, &cause);
	}
	if (!ok) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return UI_HANDLED | UI_REDRAW;
	}
	ui_items_set_flags(ui, row->id, read, starred);
	if (star) {
		ui_message(ui, false, "%s", starred ? _("Starred.") :
		    _("Unstarred."));
		if (starred) {
			return UI_HANDLED | UI_REDRAW | UI_SOURCES |
			    ui_memo_offer_join(ui, id);
		}
	}
	return UI_HANDLED | UI_REDRAW | UI_SOURCES;
}

static unsigned	ui_mark_read(struct ui *, const char *);
static unsigned	ui_mark_section_read(struct ui *);

static unsigned
ui_act_mark_feed(struct ui *ui)
{
	const struct ui_feed	*f = ui_sources_feed(ui);

	if (f == NULL && ui_items_query(ui)->kind == UI_SOURCE_UNREAD) {
		ui->prompt = ui_prompt_new(_("Mark every item of every feed read? (y/n) "),
		    "");
		ui->prompt_purpose = UI_PROMPT_ALL_READ;
		return UI_HANDLED | UI_REDRAW;
	}
	if (f == NULL) {
		return ui_mark_section_read(ui);
	}
	return ui_mark_read(ui, f->url);
}

/* Mark the items of the selected section's feeds read. */
static unsigned
ui_mark_section_read(struct ui *ui)
{
	const char	**urls;
	char		 *cause = NULL;
	size_t		  n, i;
	int		  changed, total = 0;

	urls = ui_sources_section_urls(ui, &n);
	if (urls == NULL) {
		ui_message(ui, true, "%s", _("Select a feed or a section to mark it read."));
		return UI_HANDLED | UI_REDRAW;
	}
	for (i = 0; i < n; i++) {
		changed = 0;
		if (!ui_data_mark_read(ui->data, urls[i], &changed, &cause)) {
			ui_message(ui, true, "%s", cause);
			free(cause);
			free(urls);
			return UI_HANDLED | UI_REDRAW | UI_SOURCES | UI_ITEMS_KEEP;
		}
		total += changed;
	}
	free(urls);
	ui_message(ui, false, ngettext("Marked %d item read.",
	    "Marked %d items read.", (unsigned long)total), total);
	return UI_HANDLED | UI_REDRAW | UI_SOURCES | UI_ITEMS_KEEP;
}

/* Mark the items of url (NULL: of every feed) read. */
static unsigned
ui_mark_read(struct ui *ui, const char *url)
{
	char	*cause = NULL;
	int	 changed = 0;

	if (!ui_data_mark_read(ui->data, url, &changed, &cause)) {
		ui_message(ui, true, "%s", cause);
		free(cause);
		return UI_HANDLED | UI_REDRAW;
	}
	ui_message(ui, false, ngettext("Marked %d item read.",
	    "Marked %d items read.", (unsigned long)changed), changed);
	return UI_HANDLED | UI_REDRAW | UI_SOURCES | UI_ITEMS_KEEP;
}

static unsigned
ui_act_refresh(struct ui *ui, bool all)
{
	const struct ui_feed	*f = ui_sources_feed(ui);
	const char		*url, **urls;
	size_t			 n;

	urls = ui_sources_section_urls(ui, &n);
	if (all) {
		fetch_request(ui->fetch, NULL, 0);
	} else if (urls != NULL) {
		fetch_request(ui->fetch, urls, n);
	} else if (f == NULL) {
		free(urls);
		ui_message(ui, true, "%s", _("Select a feed or a section to refresh it (R refreshes all)."));
		return UI_HANDLED | UI_REDRAW;
	} else {
		url = f->url;
		fetch_request(ui->fetch, &url, 1);
	}
	free(urls);
	ui->refreshing = true;
	return UI_HANDLED | UI_REDRAW;
}

static unsigned
ui_act_search(struct ui *ui)
{
	const struct ui_query	*q = ui_items_query(ui);

	ui->prompt = ui_prompt_new("/", q->search);
	ui->prompt_purpose = UI_PROMPT_SEARCH;
	return UI_HANDLED | UI_REDRAW;
}

static unsigned
ui_act_focus(struct ui *ui, int action)
{
	int	f = (int)ui->focus;

	if (action == ACTION_NEXT_PANE) {
		f = (f + 1) % UI_PANE__COUNT;
	} else if (action == ACTION_PREV_PANE) {
		f = (f + UI_PANE__COUNT - 1) % UI_PANE__COUNT;
	} else if (action == ACTION_PANE_LEFT && f > 0) {
		f--;
	} else if (action == ACTION_PANE_RIGHT && f < UI_PANE__COUNT - 1) {
		f++;
	}
	if (f == (int)ui->focus) {
		return UI_HANDLED;
	}
	ui->focus = (enum ui_pane)f;
	if (ui->focus == UI_PANE_READER) {
		return UI_HANDLED | UI_REDRAW | UI_OPEN;
	}
	return UI_HANDLED | UI_REDRAW | UI_READER;
}

static unsigned
ui_act_quit(struct ui *ui)
{
	if (ui->focus == UI_PANE_READER) {
		ui->focus = UI_PANE_ITEMS;
		return UI_HANDLED | UI_REDRAW;
	}
	return UI_QUIT;
}

/* The actions every pane shares. */
static unsigned
ui_act_global(struct ui *ui, int action)
{
	switch (action) {
	case ACTION_NEXT_PANE:
	case ACTION_PREV_PANE:
	case ACTION_PANE_LEFT:
	case ACTION_PANE_RIGHT:
		return ui_act_focus(ui, action);
	case ACTION_BROWSE:
		return ui_act_browse(ui);
	case ACTION_COPY_URL:
		return ui_act_copy(ui);
	case ACTION_STAR:
		return ui_act_flag(ui, true);
	case ACTION_TOGGLE_READ:
		return ui_act_flag(ui, false);
	case ACTION_MARK_FEED_READ:
		return ui_act_mark_feed(ui);
	case ACTION_REFRESH:
	case ACTION_REFRESH_ALL:
		return ui_act_refresh(ui, action == ACTION_REFRESH_ALL);
	case ACTION_SEARCH:
		return ui_act_search(ui);
	case ACTION_UNREAD_ONLY:
		ui_items_toggle_unread(ui);
		return UI_HANDLED | UI_ITEMS;
	case ACTION_HELP:
		ui->help = true;
		ui->help_top = 0;
		return UI_HANDLED | UI_REDRAW;
	case ACTION_REDRAW:
		clearok(curscr, TRUE);
		return UI_HANDLED | UI_REDRAW;
	case ACTION_QUIT:
		return ui_act_quit(ui);
	default:
		return ui_memo_global(ui, action);
	}
}

static unsigned
ui_act_pane(struct ui *ui, int action)
{
	switch (ui->focus) {
	case UI_PANE_SOURCES:
		return ui_sources_action(ui, action);
	case UI_PANE_ITEMS:
		return ui_items_action(ui, action);
	default:
		return ui_reader_action(ui, action);
	}
}

/* ---- input ---- */

/* A finished prompt: do what it was opened for. */
static unsigned
ui_prompt_finish(struct ui *ui, const char *text)
{
	char	*end;
	long	 n;

	switch (ui->prompt_purpose) {
	case UI_PROMPT_SEARCH:
		ui_items_set_search(ui, text);
		return UI_ITEMS | UI_REDRAW;
	case UI_PROMPT_LINK:
		n = strtol(text, &end, 10);
		if (*end != '\0' || n < 0) {
			ui_message(ui, true, _("There is no link %s."), text);
			return UI_REDRAW;
		}
		ui_open_link(ui, (int)n);
		return UI_REDRAW;
	case UI_PROMPT_ALL_READ:
		if (text[0] != 'y' && text[0] != 'Y') {
			return UI_REDRAW;
		}
		return ui_mark_read(ui, NULL);
	default:
		return ui_memo_prompt(ui, text);
	}
}

static unsigned
ui_key_prompt(struct ui *ui, int key)
{
	enum ui_prompt_state	 st = ui_prompt_key(ui->prompt, key);
	char			*text;
	unsigned		 r = UI_REDRAW;

	if (st == UI_PROMPT_EDITING && ui->prompt_purpose == UI_PROMPT_LINK &&
	    key >= '1' && key <= '9' && ui_reader_link_count(ui) < 10) {
		st = UI_PROMPT_DONE;
	}
	if (st == UI_PROMPT_EDITING) {
		return UI_REDRAW;
	}
	text = xstrdup(ui_prompt_text(ui->prompt));
	ui_prompt_free(ui->prompt);
	ui->prompt = NULL;
	if (st == UI_PROMPT_DONE) {
		r = ui_prompt_finish(ui, text);
	}
	free(text);
	ui->prompt_purpose = UI_PROMPT_NONE;
	return r;
}

static unsigned
ui_key_help(struct ui *ui, int action)
{
	int	total = ACTION__COUNT + 2, page = ui->lines - 2;

	if (action == ACTION_QUIT || action == ACTION_HELP ||
	    action == ACTION_OPEN) {
		ui->help = false;
		return UI_REDRAW;
	}
	if (!ui_list_action(&ui->help_top, total - page + 1, page, action)) {
		return UI_HANDLED;
	}
	return UI_REDRAW;
}

static unsigned
ui_key(struct ui *ui, int key)
{
	int		 action;
	unsigned	 r;

	if (ui->prompt != NULL) {
		return ui_key_prompt(ui, key);
	}
	if (ui->message != NULL) {
		free(ui->message);
		ui->message = NULL;
		ui->dirty = true;
	}
	action = keymap_lookup(ui->keymap, ui->memo_open ? KEYMAP_MEMO :
	    KEYMAP_GLOBAL, key);
	if (action == ACTION_NONE) {
		return UI_HANDLED;
	}
	if (ui->help) {
		return ui_key_help(ui, action);
	}
	if (ui->memo_open) {
		return ui_memo_action(ui, action);
	}
	r = ui_act_pane(ui, action);
	if (r == 0) {
		r = ui_act_global(ui, action);
	}
	return r;
}

/* The keymap's code for what get_wch() returned. */
static int
ui_translate(int rc, wint_t wc)
{
	static const struct {
		int	curses;
		int	key;
	} map[] = {
		{ KEY_UP, KEYMAP_KEY_UP }, { KEY_DOWN, KEYMAP_KEY_DOWN },
		{ KEY_LEFT, KEYMAP_KEY_LEFT }, { KEY_RIGHT, KEYMAP_KEY_RIGHT },
		{ KEY_PPAGE, KEYMAP_KEY_PAGE_UP },
		{ KEY_NPAGE, KEYMAP_KEY_PAGE_DOWN },
		{ KEY_HOME, KEYMAP_KEY_HOME }, { KEY_END, KEYMAP_KEY_END },
		{ KEY_BTAB, KEYMAP_KEY_BTAB },
		{ KEY_BACKSPACE, KEYMAP_KEY_BACKSPACE },
		{ KEY_DC, KEYMAP_KEY_DELETE }, { KEY_IC, KEYMAP_KEY_INSERT },
		{ KEY_ENTER, KEYMAP_KEY_ENTER },
	};
	size_t	i;

	if (rc != KEY_CODE_YES) {
		if (wc == '\r') {
			return KEYMAP_KEY_ENTER;
		}
		return wc == 0x7f ? KEYMAP_KEY_BACKSPACE : (int)wc;
	}
	for (i = 0; i < sizeof map / sizeof map[0]; i++) {
		if (map[i].curses == (int)wc) {
			return map[i].key;
		}
	}
	if ((int)wc >= KEY_F(1) && (int)wc <= KEY_F(12)) {
		return KEYMAP_KEY_F1 + (int)wc - KEY_F(1);
	}
	return -1;
}

/* The pane under the screen position, or -1. */
static int
ui_pane_at(struct ui *ui, int y, int x)
{
	struct ui_rect	*r;
	int		 p;

	for (p = 0; p < UI_PANE__COUNT; p++) {
		r = &ui->rects[p];
		if (y >= r->y && y < r->y + r->h && x >= r->x &&
		    x < r->x + r->w) {
			return p;
		}
	}
	return -1;
}

static unsigned
ui_mouse(struct ui *ui)
{
	MEVENT		ev;
	int		p, lines = 0;

	if (getmouse(&ev) != OK || ui->help || ui->memo_open ||
	    ui->prompt != NULL || (p = ui_pane_at(ui, ev.y, ev.x)) < 0) {
		return UI_HANDLED;
	}
	if (ev.bstate & BUTTON4_PRESSED) {
		lines = -3;
	} else if (ev.bstate & BUTTON5_PRESSED) {
		lines = 3;
	}
	if (lines != 0) {
		return p == UI_PANE_SOURCES ? ui_sources_scroll(ui, lines) :
		    p == UI_PANE_ITEMS ? ui_items_scroll(ui, lines) :
		    ui_reader_scroll(ui, lines);
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))) {
		return UI_HANDLED;
	}
	ui->focus = (enum ui_pane)p;
	if (p == UI_PANE_SOURCES) {
		return ui_sources_click(ui, ev.y - ui->rects[p].y - 1) | UI_REDRAW;
	}
	if (p == UI_PANE_ITEMS) {
		return ui_items_click(ui, ev.y - ui->rects[p].y - 1) | UI_REDRAW;
	}
	return UI_HANDLED | UI_REDRAW | UI_OPEN;
}

/* Read every key waiting on the terminal; the reactions, or'ed. */
static unsigned
ui_read_keys(struct ui *ui)
{
	unsigned	r = 0;
	wint_t		wc;
	int		rc, key;

	while ((rc = get_wch(&wc)) != ERR) {
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			r |= ui_mouse(ui);
		} else if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			r |= UI_RELAYOUT | UI_REDRAW;
		} else if ((key = ui_translate(rc, wc)) >= 0) {
			r |= ui_key(ui, key);
		}
		ui_react(ui, r & ~(unsigned)UI_QUIT);
		if (r & UI_QUIT) {
			break;
		}
		r &= UI_QUIT;
	}
	return r;
}

/* ---- background work ---- */

static unsigned
ui_fetch_event(struct ui *ui, const struct fetch_event *ev)
{
	switch (ev->type) {
	case FETCH_EVENT_FEED:
		return UI_SOURCES | UI_ITEMS_KEEP | UI_REDRAW;
	case FETCH_EVENT_PROGRESS:
		ui->refreshing = ev->done < ev->total;
		ui->fetch_done = ev->done;
		ui->fetch_total = ev->total;
		ui->fetch_new = ev->new_total;
		ui->fetch_errors = ev->errors;
		return UI_REDRAW;
	case FETCH_EVENT_BATCH:
		ui->refreshing = false;
		ui_message(ui, ev->errors > 0, ev->cancelled ?
		    ngettext("Refresh stopped: %d of %d feeds, %d new items, %d error.",
		    "Refresh stopped: %d of %d feeds, %d new items, %d errors.",
		    (unsigned long)ev->errors) :
		    ngettext("Refreshed %d of %d feeds: %d new items, %d error.",
		    "Refreshed %d of %d feeds: %d new items, %d errors.",
		    (unsigned long)ev->errors),
		    ev->done, ev->total, ev->new_total, ev->errors);
		return UI_SOURCES | UI_ITEMS_KEEP | UI_REDRAW;
	default:
		return 0;
	}
}

/* Milliseconds on a monotonic clock. */
static long long
ui_now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Reload what the fetcher changed, at most every UI_RELOAD_MS while a
 * refresh runs (a list reload reads the database); the poll timeout until
 * the next one, or -1. */
#define UI_RELOAD_MS	300
static int
ui_pending(struct ui *ui, bool now)
{
	long long	t = ui_now_ms();

	if (ui->pending == 0) {
		return -1;
	}
	if (!now && t - ui->reloaded_at < UI_RELOAD_MS) {
		return (int)(UI_RELOAD_MS - (t - ui->reloaded_at));
	}
	ui_react(ui, ui->pending);
	ui->pending = 0;
	ui->reloaded_at = t;
	return -1;
}

/* Take every message the fetcher posted; reload once. */
static void
ui_drain(struct ui *ui)
{
	struct queue_msg	*msg;
	struct fetch_event	 ev;
	bool			 batch = false;

	queue_drain(ui->queue);
	while ((msg = queue_pop(ui->queue)) != NULL) {
		if (fetch_event_decode(msg, &ev)) {
			ui->pending |= ui_fetch_event(ui, &ev);
			batch |= ev.type == FETCH_EVENT_BATCH;
		}
		free(msg);
	}
	ui->dirty = true;
	ui_pending(ui, batch);
}

static void
ui_signal(int sig)
{
	unsigned char	c = (unsigned char)sig;
	int		saved = errno;

	if (ui_signal_fd >= 0 && write(ui_signal_fd, &c, 1) < 0) {
		/* The pipe is full: a wake-up is already waiting. */
	}
	errno = saved;
}

/* Read the signal pipe; the reactions. */
static unsigned
ui_signals(struct ui *ui)
{
	unsigned char	 buf[64];
	struct winsize	 ws;
	ssize_t		 n, i;
	unsigned	 r = 0;

	while ((n = read(ui->sigpipe[0], buf, sizeof buf)) > 0) {
		for (i = 0; i < n; i++) {
			if (buf[i] != SIGWINCH) {
				r |= UI_QUIT;
			} else if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
			    ws.ws_row > 0 && ws.ws_col > 0) {
				resizeterm(ws.ws_row, ws.ws_col);
				r |= UI_RELAYOUT | UI_REDRAW;
			}
		}
	}
	return r;
}

/* Start the periodic refresh when it is due; the poll timeout in ms. */
static int
ui_timer(struct ui *ui)
{
	time_t	now = time(NULL);
	long	interval = (long)cfg_int(ui->cfg, OPTION_REFRESH_INTERVAL);

	if (interval <= 0) {
		return -1;
	}
	if (ui->next_refresh == 0) {
		ui->next_refresh = now + interval;
	}
	if (now >= ui->next_refresh) {
		fetch_request(ui->fetch, NULL, 0);
		ui->refreshing = true;
		ui->dirty = true;
		ui->next_refresh = now + interval;
	}
	return (int)(ui->next_refresh - now) * 1000;
}

static void
ui_loop(struct ui *ui)
{
	struct pollfd	 fds[3];
	unsigned	 r = 0;
	int		 timeout, wait;

	fds[0].fd = STDIN_FILENO;
	fds[1].fd = queue_fd(ui->queue);
	fds[2].fd = ui->sigpipe[0];
	while (!(r & UI_QUIT)) {
		timeout = ui_timer(ui);
		wait = ui_pending(ui, false);
		if (wait >= 0 && (timeout < 0 || wait < timeout)) {
			timeout = wait;
		}
		if (ui->dirty) {
			ui_draw_all(ui);
		}
		fds[0].events = fds[1].events = fds[2].events = POLLIN;
		if (poll(fds, 3, timeout) < 0 && errno != EINTR) {
			break;
		}
		r = 0;
		if (fds[2].revents & POLLIN) {
			r |= ui_signals(ui);
		}
		if (fds[1].revents & POLLIN) {
			ui_drain(ui);
		}
		if (fds[0].revents & (POLLIN | POLLHUP | POLLERR)) {
			r |= ui_read_keys(ui);
		}
		if (fds[0].revents & (POLLHUP | POLLERR)) {
			r |= UI_QUIT;
		}
		ui_react(ui, r & ~(unsigned)UI_QUIT);
	}
}

/* ---- start-up and shut-down ---- */

struct ui_stage {
	const char	*name;
	bool		(*init)(struct ui *, char **);
	void		(*fini)(struct ui *);
};

/* Collect a list of configuration errors into ui->errors. */
static void
ui_add_errors(struct ui *ui, size_t n, const char *(*get)(const void *,
    size_t), const void *from)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		ui->errors = xreallocarray(ui->errors, ui->nerrors + 1,
		    sizeof *ui->errors);
		ui->errors[ui->nerrors++] = xstrdup(get(from, i));
	}
}

static const char *
ui_cfg_error(const void *p, size_t i)
{
	return cfg_error(p, i);
}

static const char *
ui_keymap_error(const void *p, size_t i)
{
	return keymap_error(p, i);
}

static const char *
ui_theme_error_get(const void *p, size_t i)
{
	return ui_theme_error(p, i);
}

static bool
ui_init_config(struct ui *ui, char **cause)
{
	ui->cfg = cfg_new();
	cfg_load(ui->cfg, ui->paths->config_file, ui->config_missing_ok);
	ui->keymap = keymap_new();
	keymap_apply_cfg(ui->keymap, ui->cfg);
	ui->theme = ui_theme_new();
	ui_theme_apply_cfg(ui->theme, ui->cfg);
	ui_add_errors(ui, cfg_error_count(ui->cfg), ui_cfg_error, ui->cfg);
	ui_add_errors(ui, keymap_error_count(ui->keymap), ui_keymap_error,
	    ui->keymap);
	ui_add_errors(ui, ui_theme_error_count(ui->theme), ui_theme_error_get,
	    ui->theme);
	return true;
}

static void
ui_fini_config(struct ui *ui)
{
	ui_theme_free(ui->theme);
	keymap_free(ui->keymap);
	cfg_free(ui->cfg);
}

static bool
ui_init_data(struct ui *ui, char **cause)
{
	if (!paths_mkdir(ui->paths->data_dir, cause)) {
		return false;
	}
	ui->data = ui_data_open(ui->paths->db_file, ui->paths->feeds_file,
	    cause);
	return ui->data != NULL;
}

static void
ui_fini_data(struct ui *ui)
{
	ui_data_close(ui->data);
}

static bool
ui_init_panes(struct ui *ui, char **cause)
{
	ui->sources = ui_sources_new();
	ui->items = ui_items_new();
	ui->reader = ui_reader_new();
	ui->memo = ui_memo_new();
	if (cfg_bool(ui->cfg, OPTION_SHOW_UNREAD_ONLY)) {
		ui_items_toggle_unread(ui);
	}
	return true;
}

static void
ui_fini_panes(struct ui *ui)
{
	ui_prompt_free(ui->prompt);
	ui_memo_free(ui->memo);
	ui_reader_free(ui->reader);
	ui_items_free(ui->items);
	ui_sources_free(ui->sources);
}

static bool
ui_init_fetch(struct ui *ui, char **cause)
{
	struct fetch_config	fc;

	ui->queue = queue_new(cause);
	if (ui->queue == NULL) {
		return false;
	}
	fetch_config_load(&fc, ui->cfg, ui->paths->feeds_file);
	fc.index_when_idle = true;	/* searches stay instant after a refresh */
	ui->fetch = fetch_start(&fc, ui->paths->db_file, ui->queue, cause);
	if (ui->fetch == NULL) {
		queue_free(ui->queue);
		return false;
	}
	return true;
}

static void
ui_fini_fetch(struct ui *ui)
{
	fetch_stop(ui->fetch);
	queue_free(ui->queue);
}

/* Before anything is created: is there a terminal to read on? */
static bool
ui_init_tty(struct ui *ui, char **cause)
{
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		*cause = xstrdup(_("the reader needs a terminal"));
		return false;
	}
	return true;
}

static bool
ui_init_terminal(struct ui *ui, char **cause)
{
	ui->screen = newterm(NULL, stdout, stdin);
	if (ui->screen == NULL) {
		*cause = xasprintf(_("cannot use the terminal '%s'"),
		    getenv("TERM") != NULL ? getenv("TERM") : "");
		return false;
	}
	set_escdelay(100);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	nodelay(stdscr, TRUE);
	curs_set(0);
	ui_draw_colors(ui->theme);
	if (cfg_bool(ui->cfg, OPTION_MOUSE)) {
		mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED |
		    BUTTON5_PRESSED, NULL);
		mouseinterval(0);
	}
	ui->lines = LINES;
	ui->cols = COLS;
	ui_layout(ui);
	return true;
}

static void
ui_fini_terminal(struct ui *ui)
{
	endwin();
	delscreen(ui->screen);
}

static bool
ui_init_signals(struct ui *ui, char **cause)
{
	static const int	 sigs[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP };
	struct sigaction	 sa;
	size_t			 i;

	if (pipe2(ui->sigpipe, O_NONBLOCK | O_CLOEXEC) != 0) {
		*cause = xasprintf("pipe: %s", strerror(errno));
		return false;
	}
	ui_signal_fd = ui->sigpipe[1];
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = ui_signal;
	sa.sa_flags = SA_RESTART;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		sigaction(sigs[i], &sa, NULL);
	}
	signal(SIGPIPE, SIG_IGN);
	return true;
}

static void
ui_fini_signals(struct ui *ui)
{
	static const int	sigs[] = { SIGWINCH, SIGINT, SIGTERM, SIGHUP };
	size_t			i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++) {
		signal(sigs[i], SIG_DFL);
	}
	ui_signal_fd = -1;
	close(ui->sigpipe[0]);
	close(ui->sigpipe[1]);
}

/* The first screen: lists loaded, configuration errors shown, the first
 * refresh started. */
static bool
ui_init_screen(struct ui *ui, char **cause)
{
	ui_react(ui, UI_SOURCES | UI_ITEMS | UI_REDRAW);
	if (ui_sources_feed_count(ui) == 0) {
		ui_message(ui, false, "%s",
		    _("No feeds yet: add one with 'kiji add URL', then press R."));
	}
	if (ui->nerrors == 1) {
		ui_message(ui, true, "%s", ui->errors[0]);
	} else if (ui->nerrors > 1) {
		ui_message(ui, true, _("%s (and %zu more errors, shown on quitting)"),
		    ui->errors[0], ui->nerrors - 1);
	}
	if (cfg_bool(ui->cfg, OPTION_REFRESH_ON_START) &&
	    ui_sources_feed_count(ui) > 0) {
		fetch_request(ui->fetch, NULL, 0);
		ui->refreshing = true;
	}
	return true;
}

static const struct ui_stage ui_stages[] = {
	{ N_("terminal"), ui_init_tty, NULL },
	{ N_("configuration"), ui_init_config, ui_fini_config },
	{ N_("database"), ui_init_data, ui_fini_data },
	{ N_("panes"), ui_init_panes, ui_fini_panes },
	{ N_("fetcher"), ui_init_fetch, ui_fini_fetch },
	{ N_("terminal"), ui_init_terminal, ui_fini_terminal },
	{ N_("signals"), ui_init_signals, ui_fini_signals },
	{ N_("first screen"), ui_init_screen, NULL },
};
#define UI_NSTAGES ((int)(sizeof ui_stages / sizeof ui_stages[0]))

/* Undo stages n-1 down to 0; the terminal goes first so that quitting is
 * immediate even while the fetcher finishes its transfers. */
static void
ui_unwind(struct ui *ui, int n)
{
	int	i, term = 0;

	while (ui_stages[term].init != ui_init_terminal) {
		term++;
	}
	if (n > term && ui_stages[term].fini != NULL) {
		for (i = n - 1; i > term; i--) {
			if (ui_stages[i].fini != NULL) {
				ui_stages[i].fini(ui);
			}
		}
		ui_stages[term].fini(ui);
		n = term;
	}
	for (i = n - 1; i >= 0; i--) {
		if (ui_stages[i].fini != NULL) {
			ui_stages[i].fini(ui);
		}
	}
}

static void
ui_print_errors(struct ui *ui)
{
	size_t	i;

	for (i = 0; i < ui->nerrors; i++) {
		fprintf(stderr, "kiji: %s\n", ui->errors[i]);
		free(ui->errors[i]);
	}
	free(ui->errors);
}

/* Run the reader until the user quits; an exit status (EXIT_*). */
int
ui_run(const struct paths *paths, bool config_missing_ok)
{
	struct ui	 ui;
	char		*cause = NULL;
	int		 i;

	memset(&ui, 0, sizeof ui);
	ui.paths = paths;
	ui.config_missing_ok = config_missing_ok;
	for (i = 0; i < UI_NSTAGES; i++) {
		if (!ui_stages[i].init(&ui, &cause)) {
			ui_unwind(&ui, i);
			ui_print_errors(&ui);
			fprintf(stderr, _("kiji: cannot start the reader (%s): %s\n"),
			    _(ui_stages[i].name), cause);
			free(cause);
			return EXIT_FAIL;
		}
	}
	ui_loop(&ui);
	ui_unwind(&ui, UI_NSTAGES);
	free(ui.message);
	ui_print_errors(&ui);
	return EXIT_OK;
}
