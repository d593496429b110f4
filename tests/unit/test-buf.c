/* Unit tests for buf and xalloc. */
#include "config.h"

#include <stdlib.h>

#include "buf.h"
#include "xalloc.h"
#include "tap.h"

int
main(void)
{
	struct buf	 b = BUF_INIT;
	char		*s;
	int		 i;

	is_str(buf_str(&b), "", "empty buffer reads as empty string");
	buf_puts(&b, "abc");
	buf_putc(&b, 'd');
	buf_printf(&b, "%d-%s", 42, "x");
	is_str(buf_str(&b), "abcd42-x", "puts, putc and printf append");
	is_int(b.len, 8, "length tracks appends");
	for (i = 0; i < 1000; i++) {
		buf_puts(&b, "0123456789");
	}
	is_int(b.len, 10008, "growth keeps every byte");
	ok(b.data[b.len] == '\0', "always NUL-terminated");
	buf_reset(&b);
	is_str(buf_str(&b), "", "reset empties");
	buf_add(&b, "a\0b", 3);
	is_int(b.len, 3, "binary data with NUL kept");
	s = buf_detach(&b);
	ok(s[0] == 'a' && s[1] == '\0' && s[2] == 'b', "detach hands over the bytes");
	ok(b.data == NULL && b.len == 0, "detach leaves an empty buffer");
	free(s);
	s = buf_detach(&b);
	is_str(s, "", "detach of empty gives empty string");
	free(s);
	s = xstrndup("hello", 3);
	is_str(s, "hel", "xstrndup cuts");
	free(s);
	s = xasprintf("%s=%d", "n", 7);
	is_str(s, "n=7", "xasprintf formats");
	free(s);
	buf_free(&b);
	return done_testing();
}
