/* opener: the browser opener (src/spawn.c) takes hostile URLs.  Every
 * URL reaches the browser as one argv word, byte for byte, through execvp:
 * a recording "browser" writes its argv and no shell metacharacter runs.
 * javascript:, data: and other schemes are never allowed. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "spawn.h"
#include "../unit/tap.h"
#include "xalloc.h"

static const char *const hostile_urls[] = {
	"http://127.0.0.1/x;$(touch PWNED)",
	"http://127.0.0.1/`touch PWNED`",
	"https://127.0.0.1/a|touch PWNED&b=1",
	"http://127.0.0.1/'q'\"dq\"\\back",
	"http://127.0.0.1/a b\tc",
	"http://127.0.0.1/>PWNED<PWNED",
	"http://127.0.0.1/%s%n%x",
	"http://127.0.0.1/$HOME${IFS}*?[a]~",
	"file:///tmp/a;touch PWNED",
	"HTTP://127.0.0.1/UPPER",
};

static const struct {
	const char	*url;
	int		 allowed;
} schemes[] = {
	{ "http://127.0.0.1/", 1 },
	{ "https://127.0.0.1/", 1 },
	{ "javascript:alert(1)", 0 },
	{ "JaVaScRiPt:alert(1)", 0 },
	{ " javascript:alert(1)", 0 },
	{ "java\nscript:alert(1)", 0 },		/* named without \n */
	{ "data:text/html;base64,PHNjcmlwdD4=", 0 },
	{ "vbscript:msgbox", 0 },
	{ "ftp://127.0.0.1/", 0 },
	{ "gopher://127.0.0.1/", 0 },
	{ "-remote-debugging-port=9222", 0 },
	{ "--new-window", 0 },
	{ "http://127.0.0.1/\r\nX: y", 0 },
	{ "", 0 },
};

/* Read the NUL-separated words the recorder wrote; returns the count. */
static int
read_words(const char *path, char *words[8])
{
	static char	 buf[8192];
	FILE		*f;
	size_t		 len, i;
	int		 n = 0;

	if ((f = fopen(path, "rb")) == NULL) {
		return -1;
	}
	len = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[len] = '\0';
	for (i = 0; i < len && n < 8; i += strlen(buf + i) + 1) {
		words[n++] = buf + i;
	}
	return n;
}

int
main(void)
{
	char		 dir[] = "/tmp/kiji-spawn.XXXXXX", rec[256], out[256];
	char		 cmd[600], pwned[256], *words[8], **argv, *cause;
	FILE		*f;
	size_t		 i;
	int		 n;

	if (mkdtemp(dir) == NULL || chdir(dir) != 0) {
		return 1;
	}
	snprintf(rec, sizeof rec, "%s/browser", dir);
	snprintf(out, sizeof out, "%s/argv", dir);
	snprintf(pwned, sizeof pwned, "%s/PWNED", dir);
	f = fopen(rec, "w");
	fprintf(f, "#!/bin/sh\nfor a; do printf '%%s\\0' \"$a\"; done >\"%s\"\n",
	    out);
	fclose(f);
	chmod(rec, 0755);

	for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
		ok(spawn_url_allowed(schemes[i].url) == schemes[i].allowed,
		    "scheme %zu: %s %.*s", i, schemes[i].allowed ? "allows" :
		    "refuses", (int)strcspn(schemes[i].url, "\r\n"),
		    schemes[i].url);
	}
	for (i = 0; i < sizeof hostile_urls / sizeof hostile_urls[0]; i++) {
		unlink(out);
		snprintf(cmd, sizeof cmd, "\"%s\" --new-tab %%s", rec);
		cause = NULL;
		argv = spawn_argv(cmd, hostile_urls[i], &cause);
		ok(argv != NULL && spawn_wait(argv, &cause), "url %zu: opened",
		    i);
		n = read_words(out, words);
		ok(n == 2 && strcmp(words[0], "--new-tab") == 0 &&
		    strcmp(words[1], hostile_urls[i]) == 0,
		    "url %zu: the browser got exactly [--new-tab, URL]", i);
		ok(access(pwned, F_OK) != 0, "url %zu: no shell ran", i);
		spawn_free(argv);
		free(cause);
		/* Without %s the URL is appended as the last word. */
		unlink(out);
		snprintf(cmd, sizeof cmd, "%s", rec);
		cause = NULL;
		argv = spawn_argv(cmd, hostile_urls[i], &cause);
		ok(argv != NULL && spawn_wait(argv, &cause) &&
		    read_words(out, words) == 1 &&
		    strcmp(words[0], hostile_urls[i]) == 0,
		    "url %zu: appended verbatim as one word", i);
		spawn_free(argv);
		free(cause);
	}
	unlink(out);
	unlink(rec);
	unlink(pwned);
	rmdir(dir);
	done_testing();
	return 0;
}
