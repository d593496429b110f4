/* ui-int: what the reader's files (src/ui*.c) share; nobody else includes
 * it.  Only ui.c and ui-draw.c call curses; the panes compute and ask
 * ui-draw to paint.  Handlers return a reaction bitmask and never draw. */
#ifndef KIJI_UI_INT_H
#define KIJI_UI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "keymap.h"
#include "ui-theme.h"

/* Reactions: what must happen after a key, a click or a message. */
#define UI_HANDLED	0x001u
#define UI_REDRAW	0x002u	/* repaint everything */
#define UI_RELAYOUT	0x004u	/* recompute the pane rectangles */
#define UI_QUIT		0x008u
#define UI_SOURCES	0x010u	/* counts or errors changed: reload sources */
#define UI_ITEMS	0x020u	/* the list's query changed: reload, cursor to top */
#define UI_ITEMS_KEEP	0x040u	/* the list's rows changed: reload, keep cursor */
#define UI_READER	0x080u	/* the selected item changed: show it */
#define UI_OPEN		0x100u	/* open the selected item: reader, mark read */

enum ui_pane {
	UI_PANE_SOURCES,
	UI_PANE_ITEMS,
	UI_PANE_READER,
	UI_PANE__COUNT
};

struct ui_rect {
	int	y, x, h, w;
};

/* What the item list shows. */
enum ui_source_kind {
	UI_SOURCE_UNREAD,	/* "All unread" */
	UI_SOURCE_STARRED,
	UI_SOURCE_SECTION,
	UI_SOURCE_FEED,
};

struct ui_query {
	enum ui_source_kind	 kind;
	char			*feed_url;	/* UI_SOURCE_FEED */
	char			*section;	/* UI_SOURCE_SECTION: its name */
	char			**feed_urls;	/* ... and its feeds */
	size_t			 nfeed_urls;
	bool			 unread_only;
	char			*search;	/* NULL: none */
};

/* One row of the item list (strings clean for the terminal). */
struct ui_row {
	int64_t			 id;
	char			*title;
	char			*feed;
	char			*link;
	time_t			 date;
	bool			 read;
	bool			 starred;
};

/* One feed of the sources pane. */
struct ui_feed {
	char			*url;
	char			*title;		/* clean */
	char			*section;	/* clean, NULL outside sections */
	char			*error;		/* clean, NULL when fine */
	time_t			 last_fetch;
	int			 unread;
	int			 total;
};

struct cfg;
struct ui_data;
struct ui_sources;
struct ui_items;
struct ui_reader;
struct ui_prompt;
struct ui_memo;
struct store_item;
struct fetch;
struct queue;
struct paths;
struct screen;

enum ui_prompt_purpose {
	UI_PROMPT_NONE,
	UI_PROMPT_SEARCH,
	UI_PROMPT_LINK,
	UI_PROMPT_MEMO,
	UI_PROMPT_ALL_READ,
};

struct ui {
	struct cfg		*cfg;
	struct keymap		*keymap;
	struct ui_theme		*theme;
	struct ui_data		*data;
	struct ui_sources	*sources;
	struct ui_items		*items;
	struct ui_reader	*reader;
	struct ui_memo		*memo;
	struct ui_prompt	*prompt;	/* the open line editor, or NULL */
	enum ui_prompt_purpose	 prompt_purpose;
	struct fetch		*fetch;
	struct queue		*queue;

	int			 lines, cols;
	bool			 columns;	/* side by side, else rows */
	struct ui_rect		 rects[UI_PANE__COUNT];
	enum ui_pane		 focus;
	bool			 help;		/* the help overlay is up */
	int			 help_top;
	bool			 memo_open;	/* the memo screen is up */
	bool			 link_pending;	/* `o` waits for a digit */

	char			*message;
	bool			 message_error;
	bool			 refreshing;
	int			 fetch_done, fetch_total, fetch_new;
	int			 fetch_errors;
	time_t			 next_refresh;	/* 0: never */
	const struct paths	*paths;
	bool			 config_missing_ok;
	struct screen		*screen;
	char			**errors;	/* configuration errors */
	size_t			 nerrors;
	unsigned		 pending;	/* reactions to the fetcher's news */
	long long		 reloaded_at;	/* when they were last applied, ms */
	bool			 dirty;		/* repaint before waiting */
	int			 sigpipe[2];	/* signal self-pipe */
};

/* ui.c */
void	ui_message(struct ui *, bool error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	ui_open_url(struct ui *, const char *url);
int	ui_page(const struct ui *, enum ui_pane);
/* Move *cursor in a list of count rows for a movement action (up, down,
 * page, top, bottom); false when action is not one. */
bool	ui_list_action(int *cursor, int count, int page, int action);

/* ui-data.c: the store and the subscriptions as the panes see them. */
struct ui_data	*ui_data_open(const char *db_file, const char *feeds_file,
		     char **cause);
void		 ui_data_close(struct ui_data *);
bool		 ui_data_feeds(struct ui_data *, struct ui_feed **, size_t *,
		     char **cause);
void		 ui_data_feeds_free(struct ui_feed *, size_t);
bool		 ui_data_count(struct ui_data *, const struct ui_query *,
		     int *count, char **cause);
bool		 ui_data_page(struct ui_data *, const struct ui_query *,
		     int offset, int limit, struct ui_row **, size_t *,
		     char **cause);
void		 ui_data_rows_free(struct ui_row *, size_t);
bool		 ui_data_item(struct ui_data *, int64_t id,
		     struct store_item *, char **cause);
bool		 ui_data_set_read(struct ui_data *, int64_t id, bool,
		     char **cause);
bool		 ui_data_set_starred(struct ui_data *, int64_t id, bool,
		     char **cause);
bool		 ui_data_mark_read(struct ui_data *, const char *url,
		     int *changed, char **cause);
struct store	*ui_data_store(struct ui_data *);
void		 ui_query_clear(struct ui_query *);
void		 ui_query_copy(struct ui_query *, const struct ui_query *);
bool		 ui_query_equal(const struct ui_query *,
		     const struct ui_query *);

/* ui-sources.c */
struct ui_sources *ui_sources_new(void);
void		 ui_sources_free(struct ui_sources *);
unsigned	 ui_sources_reload(struct ui *);
void		 ui_sources_draw(struct ui *, struct ui_rect, bool focused);
unsigned	 ui_sources_action(struct ui *, int action);
unsigned	 ui_sources_click(struct ui *, int row);
unsigned	 ui_sources_scroll(struct ui *, int lines);
/* The query the selection stands for (the caller clears it). */
void		 ui_sources_query(struct ui *, struct ui_query *);
/* The selected feed (NULL for virtual entries and sections). */
const struct ui_feed *ui_sources_feed(struct ui *);
int		 ui_sources_unread_total(struct ui *);
const char	**ui_sources_section_urls(struct ui *, size_t *);
size_t		 ui_sources_feed_count(struct ui *);

/* ui-items.c */
struct ui_items	*ui_items_new(void);
void		 ui_items_free(struct ui_items *);
unsigned	 ui_items_reload(struct ui *, bool keep);
void		 ui_items_draw(struct ui *, struct ui_rect, bool focused);
unsigned	 ui_items_action(struct ui *, int action);
unsigned	 ui_items_click(struct ui *, int row);
unsigned	 ui_items_scroll(struct ui *, int lines);
/* The selected row (NULL when the list is empty). */
const struct ui_row *ui_items_selected(struct ui *);
/* Move to the next (dir 1) or previous (-1) unread item; false at the end. */
bool		 ui_items_next_unread(struct ui *, int dir);
void		 ui_items_set_flags(struct ui *, int64_t id, bool read,
		     bool starred);
int		 ui_items_count(struct ui *);
const struct ui_query *ui_items_query(struct ui *);
void		 ui_items_set_search(struct ui *, const char *);
void		 ui_items_toggle_unread(struct ui *);

/* ui-reader.c */
struct ui_reader *ui_reader_new(void);
void		 ui_reader_free(struct ui_reader *);
/* Show item id (0: nothing); keep the scroll when it is the same item. */
unsigned	 ui_reader_show(struct ui *, int64_t id);
/* Show the last error of a feed instead of an item. */
unsigned	 ui_reader_show_error(struct ui *, const struct ui_feed *);
void		 ui_reader_draw(struct ui *, struct ui_rect, bool focused);
unsigned	 ui_reader_action(struct ui *, int action);
unsigned	 ui_reader_scroll(struct ui *, int lines);
/* Link n (1-based; 0: the item's own link) or NULL. */
const char	*ui_reader_link(struct ui *, int n);
int64_t		 ui_reader_item(struct ui *);
size_t		 ui_reader_link_count(struct ui *);

/* ui-prompt.c: a one-line editor. */
enum ui_prompt_state {
	UI_PROMPT_EDITING,
	UI_PROMPT_DONE,
	UI_PROMPT_CANCELLED,
};
struct ui_prompt *ui_prompt_new(const char *label, const char *initial);
void		 ui_prompt_free(struct ui_prompt *);
enum ui_prompt_state ui_prompt_key(struct ui_prompt *, int key);
const char	*ui_prompt_text(const struct ui_prompt *);
void		 ui_prompt_draw(struct ui_prompt *, int y, int x, int width);

/* ui-draw.c: the only painting code. */
void	ui_draw_colors(const struct ui_theme *);
void	ui_draw_text(int y, int x, int width, const char *s, enum ui_element);
void	ui_draw_fill(struct ui_rect, enum ui_element);
void	ui_draw_vline(int y, int x, int h, enum ui_element);
void	ui_draw_cursor(int y, int x);
void	ui_draw_help(struct ui *);
void	ui_draw_flush(void);

/* ui-memo.c */
struct ui_memo	*ui_memo_new(void);
void		 ui_memo_free(struct ui_memo *);
unsigned	 ui_memo_open(struct ui *);
void		 ui_memo_draw(struct ui *);
unsigned	 ui_memo_action(struct ui *, int action);
/* Memo actions of the main screen (M, 1-9); 0 when action is none. */
unsigned	 ui_memo_global(struct ui *, int action);
/* Star item id into memo section (-1: the default), or unstar it. */
bool		 ui_memo_star(struct ui *, int64_t id, bool on, int section);
/* After a star: offer to join a story with the same CVE/JVN identifier. */
unsigned	 ui_memo_offer_join(struct ui *, int64_t item_id);
/* A memo prompt (headline, quote, confirmation) finished with text. */
unsigned	 ui_memo_prompt(struct ui *, const char *text);

#endif
