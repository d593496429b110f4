/* ui-theme: colors and attributes of the screen elements (see ui-theme.h). */
#include "config.h"
#include "ui-theme.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "i18n.h"
#include "xalloc.h"

static const char *const ui_theme_names[] = {
#define UI_ELEMENT_NAME(id, name) name,
	UI_ELEMENTS(UI_ELEMENT_NAME)
#undef UI_ELEMENT_NAME
};

/* The defaults, in the config language; mono attributes after "mono". */
static const char ui_theme_defaults[] =
	"color normal default default\n"
	"color title black cyan bold\n"
	"color title-inactive black white\n"
	"color cursor black cyan bold\n"
	"color cursor-inactive default default reverse\n"
	"color unread default default bold\n"
	"color starred yellow default bold\n"
	"color error red default bold\n"
	"color section magenta default bold\n"
	"color count cyan default\n"
	"color date green default\n"
	"color feed blue default\n"
	"color border blue default\n"
	"color status black white\n"
	"color message yellow default bold\n"
	"color reader-title default default bold\n"
	"color reader-meta green default\n"
	"color reader-heading cyan default bold\n"
	"color reader-link blue default underline\n"
	"color reader-quote yellow default\n"
	"color reader-code green default\n"
	"color reader-emphasis default default italic\n"
	"color reader-strong default default bold\n"
	"color help-key cyan default bold\n"
	"color prompt default default bold\n";

const char *
ui_theme_defaults_config(void)
{
	return ui_theme_defaults;
}

/* What monochrome terminals show: attributes only. */
static const unsigned ui_theme_mono[UI_EL__COUNT] = {
	[UI_EL_TITLE] = UI_ATTR_REVERSE | UI_ATTR_BOLD,
	[UI_EL_TITLE_INACTIVE] = UI_ATTR_REVERSE,
	[UI_EL_CURSOR] = UI_ATTR_REVERSE | UI_ATTR_BOLD,
	[UI_EL_CURSOR_INACTIVE] = UI_ATTR_UNDERLINE,
	[UI_EL_UNREAD] = UI_ATTR_BOLD,
	[UI_EL_STARRED] = UI_ATTR_BOLD,
	[UI_EL_ERROR] = UI_ATTR_BOLD,
	[UI_EL_SECTION] = UI_ATTR_BOLD,
	[UI_EL_STATUS] = UI_ATTR_REVERSE,
	[UI_EL_MESSAGE] = UI_ATTR_BOLD,
	[UI_EL_READER_TITLE] = UI_ATTR_BOLD,
	[UI_EL_READER_HEADING] = UI_ATTR_BOLD,
	[UI_EL_READER_LINK] = UI_ATTR_UNDERLINE,
	[UI_EL_READER_EMPHASIS] = UI_ATTR_UNDERLINE,
	[UI_EL_READER_STRONG] = UI_ATTR_BOLD,
	[UI_EL_HELP_KEY] = UI_ATTR_BOLD,
	[UI_EL_PROMPT] = UI_ATTR_BOLD,
};

static const char *const ui_theme_colors[] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
};

static const struct {
	const char	*name;
	unsigned	 attr;
} ui_theme_attrs[] = {
	{ "bold", UI_ATTR_BOLD },
	{ "dim", UI_ATTR_DIM },
	{ "underline", UI_ATTR_UNDERLINE },
	{ "reverse", UI_ATTR_REVERSE },
	{ "standout", UI_ATTR_STANDOUT },
	{ "blink", UI_ATTR_BLINK },
	{ "italic", UI_ATTR_ITALIC },
	{ "normal", 0 },
};

struct ui_theme {
	struct ui_style	 styles[UI_EL__COUNT];
	char		**errors;
	size_t		 nerrors;
};

const char *
ui_theme_element_name(enum ui_element el)
{
	return ui_theme_names[el];
}

/* Parse a color name or number into *color. */
static bool
ui_theme_color(const char *s, int *color)
{
	const char	*name = s;
	char		*end;
	long		 n;
	size_t		 i;

	if (strcasecmp(s, "default") == 0) {
		*color = UI_COLOR_DEFAULT;
		return true;
	}
	if (strncasecmp(s, "bright", 6) == 0) {
		name = s + 6 + (s[6] == '-');
	}
	for (i = 0; i < 8; i++) {
		if (strcasecmp(name, ui_theme_colors[i]) == 0) {
			*color = (int)i + (name != s ? 8 : 0);
			return true;
		}
	}
	if (strncasecmp(s, "color", 5) == 0) {
		s += 5;
	}
	n = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || n < 0 || n > 255) {
		return false;
	}
	*color = (int)n;
	return true;
}

static bool
ui_theme_attr(const char *s, unsigned *attr)
{
	size_t	i;

	for (i = 0; i < sizeof ui_theme_attrs / sizeof ui_theme_attrs[0]; i++) {
		if (strcasecmp(s, ui_theme_attrs[i].name) == 0) {
			*attr = ui_theme_attrs[i].attr;
			return true;
		}
	}
	return false;
}

bool
ui_theme_directive(struct ui_theme *t, char **argv, int argc, char **cause)
{
	struct ui_style	 st;
	unsigned	 a;
	int		 el, i;

	if (argc < 4) {
		*cause = xstrdup(_("usage: color ELEMENT FOREGROUND BACKGROUND [ATTRIBUTE...]"));
		return false;
	}
	for (el = 0; el < UI_EL__COUNT; el++) {
		if (strcmp(argv[1], ui_theme_names[el]) == 0) {
			break;
		}
	}
	if (el == UI_EL__COUNT) {
		*cause = xasprintf(_("unknown element '%s'"), argv[1]);
		return false;
	}
	st = t->styles[el];
	st.attrs = 0;
	for (i = 2; i < 4; i++) {
		if (!ui_theme_color(argv[i], i == 2 ? &st.fg : &st.bg)) {
			*cause = xasprintf(_("unknown color '%s'"), argv[i]);
			return false;
		}
	}
	for (i = 4; i < argc; i++) {
		if (!ui_theme_attr(argv[i], &a)) {
			*cause = xasprintf(_("unknown attribute '%s'"), argv[i]);
			return false;
		}
		st.attrs |= a;
	}
	if (argc > 4) {
		st.mono = st.attrs;
	}
	t->styles[el] = st;
	return true;
}

static void
ui_theme_add_error(struct ui_theme *t, const char *where, const char *msg)
{
	t->errors = xreallocarray(t->errors, t->nerrors + 1, sizeof *t->errors);
	t->errors[t->nerrors++] = xasprintf("%s: %s", where, msg);
}

struct ui_theme *
ui_theme_new(void)
{
	struct ui_theme	*t = xcalloc(1, sizeof *t);
	struct cfg	*cfg = cfg_new();
	int		 el;

	for (el = 0; el < UI_EL__COUNT; el++) {
		t->styles[el].fg = t->styles[el].bg = UI_COLOR_DEFAULT;
		t->styles[el].mono = ui_theme_mono[el];
	}
	cfg_parse_string(cfg, "(defaults)", ui_theme_defaults);
	ui_theme_apply_cfg(t, cfg);
	cfg_free(cfg);
	for (el = 0; el < UI_EL__COUNT; el++) {
		t->styles[el].mono = ui_theme_mono[el];
	}
	return t;
}

void
ui_theme_free(struct ui_theme *t)
{
	size_t	i;

	if (t == NULL) {
		return;
	}
	for (i = 0; i < t->nerrors; i++) {
		free(t->errors[i]);
	}
	free(t->errors);
	free(t);
}

void
ui_theme_apply_cfg(struct ui_theme *t, const struct cfg *cfg)
{
	const struct cfg_directive	*d;
	char				*cause = NULL;
	size_t				 i;

	for (i = 0; i < cfg_directive_count(cfg); i++) {
		d = cfg_directive_get(cfg, i);
		if (strcmp(d->argv[0], "color") != 0) {
			continue;
		}
		if (!ui_theme_directive(t, d->argv, d->argc, &cause)) {
			ui_theme_add_error(t, d->where, cause);
			free(cause);
			cause = NULL;
		}
	}
}

size_t
ui_theme_error_count(const struct ui_theme *t)
{
	return t->nerrors;
}

const char *
ui_theme_error(const struct ui_theme *t, size_t i)
{
	return t->errors[i];
}

const struct ui_style *
ui_theme_style(const struct ui_theme *t, enum ui_element el)
{
	return &t->styles[el];
}
