/* spawn: run other programs (the browser) with fork and execvp: an argument
 * vector, never a shell, so no byte of a feed is ever interpreted. */
#ifndef KIJI_SPAWN_H
#define KIJI_SPAWN_H

#include <stdbool.h>

/* Whether url may be handed to a browser: http, https or file only (never
 * javascript:, data: or anything else). */
bool	 spawn_url_allowed(const char *url);

/* The argument vector that opens url with command (words in the config
 * language; a word "%s" is replaced by url, else url is appended).  NULL
 * with *cause when command is empty or malformed; free with spawn_free(). */
char	**spawn_argv(const char *command, const char *url, char **cause);
void	  spawn_free(char **);

/* Start argv in its own session with stdin, stdout and stderr on /dev/null,
 * without waiting for it (no zombie is left).  False with *cause when it
 * cannot be started (fork fails or the program is not found). */
bool	 spawn_detached(char *const argv[], char **cause);

/* Run argv on the terminal and wait for it (the caller has handed the
 * terminal over); false with *cause when it could not run or failed. */
bool	 spawn_wait(char *const argv[], char **cause);

#endif
