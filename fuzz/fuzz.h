/* fuzz: helpers shared by kiji's libFuzzer harnesses (fuzz/NAME-fuzz.c). */
#ifndef KIJI_FUZZ_H
#define KIJI_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The input, consumed from the front for choices and from the rest as data. */
struct fuzz_in {
	const uint8_t	*p;
	size_t		 len;
};

/* Take one byte (0 when none is left). */
static inline unsigned
fuzz_byte(struct fuzz_in *in)
{
	unsigned	v;

	if (in->len == 0) {
		return 0;
	}
	v = in->p[0];
	in->p++;
	in->len--;
	return v;
}

/* Fail loudly (libFuzzer records a crash) when text holds a byte or code
 * point that must never reach a terminal: C0 but \n and \t, DEL, C1, bidi
 * embeddings/overrides/isolates, or invalid UTF-8. */
struct layout_line;

/* Fail when line is wider than width (checked from 3 columns up). */
void	fuzz_assert_width(const struct layout_line *, int width);

void	fuzz_assert_terminal_safe(const char *text, size_t len, bool nl_ok);

#endif
