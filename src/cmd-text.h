/* cmd-text: printing feed text and times from the command line. */
#ifndef KIJI_CMD_TEXT_H
#define KIJI_CMD_TEXT_H

#include <time.h>

#include "json.h"

#define CMD_TEXT_TIME_MAX	32

/* A copy of s safe for a terminal: valid UTF-8, with C0 and C1 controls,
 * DEL and bidi overrides removed and line breaks and tabs made spaces.
 * NULL gives "".  The caller frees it. */
char	*cmd_text_clean(const char *s);
/* Print "path: note" on stderr as an error, terminal-safe (escape
 * sequences and controls from the file never reach the terminal). */
void	 cmd_text_note(const char *path, const char *note);
/* "YYYY-MM-DD HH:MM" in UTC, or "-" for 0. */
void	 cmd_text_time(time_t, char out[CMD_TEXT_TIME_MAX]);
/* key: ISO 8601 UTC time ("2025-11-01T09:00:00Z"), or null for 0. */
void	 cmd_text_json_time(struct json *, const char *key, time_t);

#endif
