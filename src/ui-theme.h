/* ui-theme: what each screen element looks like, from the `color ELEMENT
 * FOREGROUND BACKGROUND [ATTRIBUTE...]` directives (defaults written the same
 * way).  Colors: default, black, red, green, yellow, blue, magenta, cyan,
 * white, their bright- forms, or colorN / N (0-255).  Attributes: bold, dim,
 * underline, reverse, standout, blink, italic, normal.  No curses here. */
#ifndef KIJI_UI_THEME_H
#define KIJI_UI_THEME_H

#include <stdbool.h>
#include <stddef.h>

#define UI_ELEMENTS(X) \
	X(NORMAL, "normal") \
	X(TITLE, "title") \
	X(TITLE_INACTIVE, "title-inactive") \
	X(CURSOR, "cursor") \
	X(CURSOR_INACTIVE, "cursor-inactive") \
	X(UNREAD, "unread") \
	X(STARRED, "starred") \
	X(ERROR, "error") \
	X(SECTION, "section") \
	X(COUNT, "count") \
	X(DATE, "date") \
	X(FEED, "feed") \
	X(BORDER, "border") \
	X(STATUS, "status") \
	X(MESSAGE, "message") \
	X(READER_TITLE, "reader-title") \
	X(READER_META, "reader-meta") \
	X(READER_HEADING, "reader-heading") \
	X(READER_LINK, "reader-link") \
	X(READER_QUOTE, "reader-quote") \
	X(READER_CODE, "reader-code") \
	X(READER_EMPHASIS, "reader-emphasis") \
	X(READER_STRONG, "reader-strong") \
	X(HELP_KEY, "help-key") \
	X(PROMPT, "prompt")

enum ui_element {
#define UI_ELEMENT_ENUM(id, name) UI_EL_##id,
	UI_ELEMENTS(UI_ELEMENT_ENUM)
#undef UI_ELEMENT_ENUM
	UI_EL__COUNT
};

#define UI_ATTR_BOLD		0x01u
#define UI_ATTR_DIM		0x02u
#define UI_ATTR_UNDERLINE	0x04u
#define UI_ATTR_REVERSE		0x08u
#define UI_ATTR_STANDOUT	0x10u
#define UI_ATTR_BLINK		0x20u
#define UI_ATTR_ITALIC		0x40u

#define UI_COLOR_DEFAULT	(-1)

struct ui_style {
	int		 fg;		/* UI_COLOR_DEFAULT or 0-255 */
	int		 bg;
	unsigned	 attrs;		/* with colors */
	unsigned	 mono;		/* on a monochrome terminal */
};

struct cfg;
struct ui_theme;

/* The default theme; the caller frees it. */
struct ui_theme	*ui_theme_new(void);
void		 ui_theme_free(struct ui_theme *);
/* Apply one `color` directive's words; false with *cause on an error. */
bool		 ui_theme_directive(struct ui_theme *, char **argv, int argc,
		     char **cause);
/* Apply the cfg's color directives; errors ("file:line: message") are kept. */
void		 ui_theme_apply_cfg(struct ui_theme *, const struct cfg *);
size_t		 ui_theme_error_count(const struct ui_theme *);
const char	*ui_theme_error(const struct ui_theme *, size_t);
const struct ui_style *ui_theme_style(const struct ui_theme *,
		     enum ui_element);
const char	*ui_theme_element_name(enum ui_element);
/* The default colours as `color` lines in the config language (static). */
const char	*ui_theme_defaults_config(void);

#endif
