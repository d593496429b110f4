/* memo-fuzz: memo templates and hostile entries (titles, links, feed titles,
 * quotes, headlines, section names) rendered as Markdown and text.  With
 * templates cleaned of controls (they come from the user's configuration),
 * no control character may come out; identifier extraction never fails. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "memo.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define FUZZ_FIELDS	12

/* Split the input at 0x00 bytes into up to FUZZ_FIELDS strings. */
static size_t
fuzz_fields(const uint8_t *data, size_t size, char *f[FUZZ_FIELDS])
{
	size_t	n = 0, start = 0, i;

	for (i = 0; i <= size && n < FUZZ_FIELDS; i++) {
		if (i == size || data[i] == 0) {
			f[n] = malloc(i - start + 1);
			if (f[n] == NULL) {
				abort();
			}
			memcpy(f[n], data + start, i - start);
			f[n][i - start] = '\0';
			n++;
			start = i + 1;
		}
	}
	return n;
}

static void
fuzz_render(const struct memo_issue *issue, const struct memo_style *style)
{
	char	*out;

	out = memo_render(issue, style, MEMO_MARKDOWN);
	fuzz_assert_terminal_safe(out, strlen(out), true);
	free(out);
	out = memo_render(issue, style, MEMO_TEXT);
	fuzz_assert_terminal_safe(out, strlen(out), true);
	free(out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char	*empty = "";
	char			*f[FUZZ_FIELDS], *tpl[4], **names, **ids;
	const char		*v[FUZZ_FIELDS];
	struct memo_style	 style;
	struct memo_issue	*issue;
	struct memo_section	*sec;
	struct memo_story	*story;
	size_t			 n, i, nnames, nids;

	if (size > 8192) {
		return 0;
	}
	n = fuzz_fields(data, size, f);
	for (i = 0; i < FUZZ_FIELDS; i++) {
		v[i] = i < n ? f[i] : empty;
	}
	for (i = 0; i < 4; i++) {
		tpl[i] = memo_clean(v[i], true);
	}
	style.title = tpl[0];
	style.intro = tpl[1];
	style.entry = tpl[2];
	style.entry_text = tpl[3];
	issue = memo_issue_new((long)size - 100);
	names = memo_sections_parse(v[4], &nnames);
	for (i = 0; i < nnames && i < 8; i++) {
		sec = memo_issue_add_section(issue, names[i]);
		story = memo_section_add_story(sec, i % 2 ? v[5] : NULL);
		memo_story_add_entry(story, v[6], v[7], v[8],
		    (time_t)(size * 86400 * 97), i % 3 ? v[9] : NULL);
		memo_story_add_entry(story, v[10], v[11], NULL, 0, NULL);
	}
	memo_names_free(names, nnames);
	fuzz_render(issue, &style);
	memo_style_default(&style);
	fuzz_render(issue, &style);
	memo_issue_free(issue);
	ids = memo_ids_extract(v[6], &nids);
	memo_names_free(ids, nids);
	for (i = 0; i < 4; i++) {
		free(tpl[i]);
	}
	for (i = 0; i < n; i++) {
		free(f[i]);
	}
	return 0;
}
