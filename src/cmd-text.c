/* cmd-text: printing feed text and times from the command line. */
#include "config.h"
#include "cmd-text.h"
#include "cmd.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

/* Code points never printed: C1 controls and the bidi controls that could
 * reorder what follows them on the line. */
static bool
cmd_text_hidden(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

char *
cmd_text_clean(const char *s)
{
	struct buf	 b = BUF_INIT;
	char		*valid, *p, *end;
	uint32_t	 cp;
	size_t		 n;

	if (s == NULL) {
		return xstrdup("");
	}
	valid = utf8_repair(s, strlen(s));
	end = valid + strlen(valid);
	for (p = valid; p < end; p += n) {
		n = utf8_decode(p, (size_t)(end - p), &cp);
		if (n == 0) {
			break;
		}
		if (cp == '\t' || cp == '\n' || cp == '\r') {
			buf_putc(&b, ' ');
		} else if (cp >= 0x20 && cp != 0x7f && !cmd_text_hidden(cp)) {
			buf_add(&b, p, n);
		}
	}
	free(valid);
	return b.data != NULL ? buf_detach(&b) : xstrdup("");
}

void
cmd_text_time(time_t t, char out[CMD_TEXT_TIME_MAX])
{
	struct tm	tm;

	if (t == 0 || gmtime_r(&t, &tm) == NULL) {
		strcpy(out, "-");
		return;
	}
	strftime(out, CMD_TEXT_TIME_MAX, "%Y-%m-%d %H:%M", &tm);
}

void
cmd_text_json_time(struct json *j, const char *key, time_t t)
{
	struct tm	tm;
	char		out[CMD_TEXT_TIME_MAX];

	json_key(j, key);
	if (t == 0 || gmtime_r(&t, &tm) == NULL) {
		json_null(j);
		return;
	}
	strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
	json_string(j, out);
}

void
cmd_text_note(const char *path, const char *note)
{
	char	*p = utf8_sanitize(path, strlen(path), 0);
	char	*n = utf8_sanitize(note, strlen(note), 0);

	cmd_error("%s: %s", p, n);
	free(p);
	free(n);
}
