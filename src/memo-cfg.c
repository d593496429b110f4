/* memo-cfg: the memo's settings from the configuration. */
#include "config.h"
#include "memo-cfg.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cfg.h"
#include "i18n.h"

/* A string option; its built-in default is translated. */
static const char *
memo_cfg_string(const struct cfg *cfg, enum option_id id)
{
	const char	*value = cfg_string(cfg, id);

	if (strcmp(value, cfg_option_info(id)->def) == 0 && value[0] != '\0') {
		return _(value);
	}
	return value;
}

void
memo_cfg_style(const struct cfg *cfg, struct memo_style *style)
{
	style->title = memo_cfg_string(cfg, OPTION_MEMO_TITLE);
	style->intro = cfg_string(cfg, OPTION_MEMO_INTRO);
	style->entry = cfg_string(cfg, OPTION_MEMO_ENTRY);
	style->entry_text = cfg_string(cfg, OPTION_MEMO_ENTRY_TEXT);
}

char **
memo_cfg_sections(const struct cfg *cfg, size_t *n, int *default_section)
{
	const char	*want = cfg_string(cfg, OPTION_MEMO_DEFAULT_SECTION);
	char		**names, *end;
	long		 number;
	size_t		 i;

	names = memo_sections_parse(cfg_string(cfg, OPTION_MEMO_SECTIONS), n);
	*default_section = -1;
	for (i = 0; i < *n && want[0] != '\0'; i++) {
		if (strcasecmp(names[i], want) == 0) {
			*default_section = (int)i;
			return names;
		}
	}
	number = strtol(want, &end, 10);
	if (want[0] != '\0' && *end == '\0' && number >= 1 &&
	    (size_t)number <= *n) {
		*default_section = (int)number - 1;
	}
	return names;
}
