/* Unit tests for spawn: which URLs may be opened, the browser's argv, and
 * running a program without a shell. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "spawn.h"
#include "tap.h"

static const struct {
	const char	*url;
	bool		 allowed;
} urls[] = {
	{ "http://example.org/", true },
	{ "HTTPS://example.org/a?b=c", true },
	{ "file:///tmp/x.html", true },
	{ "javascript:alert(1)", false },
	{ "JavaScript:alert(1)", false },
	{ "data:text/html,<script>", false },
	{ "ftp://example.org/", false },
	{ "mailto:a@example.org", false },
	{ "", false },
	{ "http://example.org/\nrm -rf", false },
	{ " http://example.org/", false },
};

static const struct {
	const char	*command;
	const char	*url;
	int		 argc;		/* -1: an error */
	const char	*args;		/* the words joined with | */
} commands[] = {
	{ "firefox", "http://a/", 2, "firefox|http://a/" },
	{ "w3m -o x=1", "http://a/", 4, "w3m|-o|x=1|http://a/" },
	{ "open %s --new", "http://a/;rm", 3, "open|http://a/;rm|--new" },
	{ "\"my browser\" %s", "http://a/$(x)", 2, "my browser|http://a/$(x)" },
	{ "", "http://a/", -1, NULL },
	{ "\"unterminated", "http://a/", -1, NULL },
};

static void
test_commands(void)
{
	char	**argv, *cause = NULL, joined[256];
	size_t	  i;
	int	  n;

	for (i = 0; i < sizeof commands / sizeof commands[0]; i++) {
		argv = spawn_argv(commands[i].command, commands[i].url, &cause);
		if (commands[i].argc < 0) {
			ok(argv == NULL && cause != NULL, "command case %zu fails", i);
			free(cause);
			cause = NULL;
			continue;
		}
		joined[0] = '\0';
		for (n = 0; argv != NULL && argv[n] != NULL; n++) {
			if (n > 0) {
				strcat(joined, "|");
			}
			strcat(joined, argv[n]);
		}
		is_int(n, commands[i].argc, "command case %zu argc", i);
		is_str(joined, commands[i].args, "command case %zu words", i);
		spawn_free(argv);
	}
}

/* A program that records its arguments shows that no shell ran. */
static void
test_run(void)
{
	char	 dir[] = "/tmp/kiji-spawn.XXXXXX", out[128], *cause = NULL;
	char	 buf[256] = "";
	char	*argv[] = { (char *)"sh", (char *)"-c",
	    (char *)"printf '%s' \"$0\" > \"$1\"", (char *)"$(touch pwned);x",
	    out, NULL };
	char	*missing[] = { (char *)"kiji-no-such-program", NULL };
	FILE	*f;
	int	 tries;

	if (mkdtemp(dir) == NULL) {
		ok(0, "temporary directory");
		return;
	}
	snprintf(out, sizeof out, "%s/args", dir);
	ok(spawn_wait(argv, &cause), "spawn_wait runs the program");
	f = fopen(out, "r");
	if (f != NULL) {
		if (fgets(buf, sizeof buf, f) == NULL) {
			buf[0] = '\0';
		}
		fclose(f);
	}
	is_str(buf, "$(touch pwned);x", "the argument arrives verbatim");
	ok(access("pwned", F_OK) != 0, "nothing was interpreted");
	unlink(out);
	ok(spawn_detached(argv, &cause), "spawn_detached starts it");
	for (tries = 0; tries < 200 && access(out, F_OK) != 0; tries++) {
		usleep(10000);
	}
	ok(access(out, F_OK) == 0, "the detached program ran");
	ok(!spawn_detached(missing, &cause) && cause != NULL,
	    "a missing program is reported");
	free(cause);
	unlink(out);
	rmdir(dir);
}

int
main(void)
{
	size_t	i;

	for (i = 0; i < sizeof urls / sizeof urls[0]; i++) {
		ok(spawn_url_allowed(urls[i].url) == urls[i].allowed,
		    "url case %zu", i);
	}
	test_commands();
	test_run();
	return done_testing();
}
