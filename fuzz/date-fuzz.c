/* date-fuzz: date_parse() on arbitrary strings; a parsed date formats. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char	*s, out[32];
	time_t	 t = 12345;

	if (size > 4096) {
		return 0;
	}
	s = malloc(size + 1);
	if (s == NULL) {
		abort();
	}
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &t)) {
		date_format_iso(t, out);
		if (strlen(out) >= sizeof out) {
			abort();
		}
	} else if (t != 12345) {
		abort();
	}
	free(s);
	return 0;
}
