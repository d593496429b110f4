/* utf8: decoding, validation and repair of UTF-8 text. */
#ifndef KIJI_UTF8_H
#define KIJI_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_INVALID	0xFFFFFFFFu
#define UTF8_REPLACEMENT 0xFFFDu

size_t	 utf8_decode(const char *, size_t, uint32_t *);
size_t	 utf8_encode(uint32_t, char out[4]);
bool	 utf8_valid(const char *, size_t);
char	*utf8_repair(const char *, size_t);

#endif
