/* json: a small streaming JSON writer into a buf. */
#include "config.h"
#include "json.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "utf8.h"

void
json_init(struct json *j, struct buf *out, bool pretty)
{
	memset(j, 0, sizeof *j);
	j->out = out;
	j->pretty = pretty;
}

static void
json_newline(struct json *j)
{
	int	i;

	if (!j->pretty) {
		return;
	}
	buf_putc(j->out, '\n');
	for (i = 0; i < j->depth; i++) {
		buf_puts(j->out, "  ");
	}
}

/* Write the separator that goes before a value or a key. */
static void
json_before(struct json *j)
{
	if (j->after_key) {
		j->after_key = false;
		return;
	}
	if (j->depth > 0) {
		if (j->nonempty[j->depth]) {
			buf_putc(j->out, ',');
		}
		j->nonempty[j->depth] = true;
		json_newline(j);
	}
}

static void
json_open(struct json *j, char c)
{
	json_before(j);
	buf_putc(j->out, c);
	if (j->depth < JSON_MAX_DEPTH - 1) {
		j->depth++;
	}
	j->nonempty[j->depth] = false;
}

static void
json_close(struct json *j, char c)
{
	bool	nonempty = j->nonempty[j->depth];

	if (j->depth > 0) {
		j->depth--;
	}
	if (nonempty) {
		json_newline(j);
	}
	buf_putc(j->out, c);
	if (j->depth == 0 && j->pretty) {
		buf_putc(j->out, '\n');
	}
}

void
json_object_begin(struct json *j)
{
	json_open(j, '{');
}

void
json_object_end(struct json *j)
{
	json_close(j, '}');
}

void
json_array_begin(struct json *j)
{
	json_open(j, '[');
}

void
json_array_end(struct json *j)
{
	json_close(j, ']');
}

void
json_key(struct json *j, const char *key)
{
	json_before(j);
	json_escape(j->out, key);
	buf_puts(j->out, j->pretty ? ": " : ":");
	j->after_key = true;
}

/* Append s as a quoted JSON string; bad UTF-8 becomes U+FFFD; controls,
 * C1, U+2028/2029 and bidi controls are \u escapes. */
void
json_escape(struct buf *b, const char *s)
{
	size_t		len = strlen(s), i = 0, n;
	uint32_t	cp;
	char		tmp[8];

	buf_putc(b, '"');
	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			buf_putc(b, '\\');
			buf_putc(b, (char)c);
			i++;
		} else if (c == '\n') {
			buf_puts(b, "\\n");
			i++;
		} else if (c == '\t') {
			buf_puts(b, "\\t");
			i++;
		} else if (c == '\r') {
			buf_puts(b, "\\r");
			i++;
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(tmp, sizeof tmp, "\\u%04x", c);
			buf_puts(b, tmp);
			i++;
		} else if (c < 0x80) {
			buf_putc(b, (char)c);
			i++;
		} else {
			n = utf8_decode(s + i, len - i, &cp);
			if (cp == UTF8_INVALID) {
				buf_puts(b, "\xef\xbf\xbd");
			} else if ((cp >= 0x80 && cp < 0xa0) ||
			    (cp >= 0x2028 && cp <= 0x202e) ||
			    (cp >= 0x2066 && cp <= 0x2069)) {
				/* C1, line separators and bidi controls stay
				 * escaped: JSON read on a terminal is safe. */
				snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)(cp & 0xffff));
				buf_puts(b, tmp);
			} else {
				buf_add(b, s + i, n);
			}
			i += n;
		}
	}
	buf_putc(b, '"');
}

void
json_string(struct json *j, const char *s)
{
	if (s == NULL) {
		json_null(j);
		return;
	}
	json_before(j);
	json_escape(j->out, s);
}

void
json_int(struct json *j, long long v)
{
	json_before(j);
	buf_printf(j->out, "%lld", v);
}

void
json_bool(struct json *j, bool v)
{
	json_before(j);
	buf_puts(j->out, v ? "true" : "false");
}

void
json_null(struct json *j)
{
	json_before(j);
	buf_puts(j->out, "null");
}

void
json_kv_string(struct json *j, const char *k, const char *v)
{
	json_key(j, k);
	json_string(j, v);
}

void
json_kv_int(struct json *j, const char *k, long long v)
{
	json_key(j, k);
	json_int(j, v);
}

void
json_kv_bool(struct json *j, const char *k, bool v)
{
	json_key(j, k);
	json_bool(j, v);
}
