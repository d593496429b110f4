/* Unit tests for the configuration parser. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "tap.h"

static const struct {
	const char	*line;
	int		 argc;
	const char	*last;	/* last word, or NULL for an error */
} splits[] = {
	{ "", 0, "" },
	{ "   # only a comment", 0, "" },
	{ "timeout 30", 2, "30" },
	{ "user-agent \"my agent/1.0\"", 2, "my agent/1.0" },
	{ "bind j down # trailing comment", 3, "down" },
	{ "x \"a\\\"b\\\\c\"", 2, "a\"b\\c" },
	{ "x \"unterminated", -1, NULL },
	{ "x a\"b c\"d", 2, "ab cd" },
	{ "memo-title \"今週 #%n\"", 2, "今週 #%n" },
};

static const struct {
	const char	*text;
	size_t		 errors;
	const char	*first_error;	/* prefix of the first error */
} files[] = {
	{ "timeout 30\nmax-parallel 8\n", 0, NULL },
	{ "timeout 0\n", 1, "t:1: timeout: expected a number from 1 to 3600" },
	{ "\n\nno-such-option 1\n", 1, "t:3: unknown option or command 'no-such-option'" },
	{ "refresh-on-start maybe\n", 1, "t:1: refresh-on-start: expected yes or no" },
	{ "timeout 1 2\n", 1, "t:1: timeout takes exactly one value" },
	{ "bind j down\nunbind k\n", 0, NULL },
	{ "timeout 99999999999999999999999\n", 1, "t:1: timeout: expected a number" },
};

/* refresh-interval: minutes, or a number with a unit; in seconds. */
static const struct {
	const char	*value;
	long long	 seconds;	/* -1: refused */
} durations[] = {
	{ "60", 3600 },
	{ "0", 0 },
	{ "2s", 2 },
	{ "90s", 90 },
	{ "5m", 300 },
	{ "2h", 7200 },
	{ "168h", 604800 },
	{ "169h", -1 },
	{ "10081", -1 },
	{ "-1", -1 },
	{ "1.5", -1 },
	{ "5x", -1 },
	{ "m", -1 },
	{ "", -1 },
	{ "5ms", -1 },
	{ " 5", -1 },
	{ "99999999999999999999h", -1 },
};

static void
test_durations(void)
{
	struct cfg	*cfg;
	char		*cause;
	size_t		 i;
	bool		 set;

	for (i = 0; i < sizeof durations / sizeof durations[0]; i++) {
		cfg = cfg_new();
		cause = NULL;
		set = cfg_set(cfg, "refresh-interval", durations[i].value,
		    &cause);
		if (durations[i].seconds < 0) {
			ok(!set && cause != NULL && strstr(cause,
			    "refresh-interval") != NULL,
			    "duration %zu: '%s' refused", i, durations[i].value);
		} else {
			ok(set && cfg_int(cfg, OPTION_REFRESH_INTERVAL) ==
			    durations[i].seconds, "duration %zu: '%s' is %llds",
			    i, durations[i].value, durations[i].seconds);
		}
		free(cause);
		cfg_free(cfg);
	}
	cfg = cfg_new();
	is_int(cfg_int(cfg, OPTION_REFRESH_INTERVAL), 3600,
	    "duration default: an hour");
	cfg_free(cfg);
}

int
main(void)
{
	struct cfg	*cfg;
	char		**argv, *cause = NULL;
	size_t		 i;
	int		 n;

	for (i = 0; i < sizeof splits / sizeof splits[0]; i++) {
		n = cfg_split(splits[i].line, &argv, &cause);
		is_int(n, splits[i].argc, "split case %zu word count", i);
		if (n > 0) {
			is_str(argv[n - 1], splits[i].last, "split case %zu last word", i);
		}
		if (n >= 0) {
			cfg_free_argv(argv, n);
		} else {
			ok(cause != NULL, "split case %zu gives a reason", i);
			free(cause);
			cause = NULL;
		}
	}
	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		cfg = cfg_new();
		cfg_parse_string(cfg, "t", files[i].text);
		is_int(cfg_error_count(cfg), files[i].errors, "file case %zu error count", i);
		if (files[i].first_error != NULL && cfg_error_count(cfg) > 0) {
			ok(strncmp(cfg_error(cfg, 0), files[i].first_error,
			    strlen(files[i].first_error)) == 0,
			    "file case %zu error text: %s", i, cfg_error(cfg, 0));
		}
		cfg_free(cfg);
	}

	cfg = cfg_new();
	is_int(cfg_int(cfg, OPTION_MAX_PARALLEL), 16, "default max-parallel");
	ok(cfg_bool(cfg, OPTION_REFRESH_ON_START), "default refresh-on-start");
	is_str(cfg_string(cfg, OPTION_USER_AGENT), "", "default user-agent");
	cfg_parse_string(cfg, "t", "max-parallel 3\nrefresh-on-start off\n"
	    "user-agent \"x y\"\nbind J next-unread\n");
	is_int(cfg_int(cfg, OPTION_MAX_PARALLEL), 3, "set max-parallel");
	ok(!cfg_bool(cfg, OPTION_REFRESH_ON_START), "set refresh-on-start off");
	is_str(cfg_string(cfg, OPTION_USER_AGENT), "x y", "set quoted user-agent");
	is_int(cfg_directive_count(cfg), 1, "bind kept as a directive");
	is_str(cfg_directive_get(cfg, 0)->where, "t:4", "directive knows its line");
	is_str(cfg_directive_get(cfg, 0)->argv[1], "J", "directive words kept");
	ok(cfg_load(cfg, "/nonexistent/kiji/config", true), "missing file is fine when allowed");
	ok(!cfg_load(cfg, "/nonexistent/kiji/config", false), "missing file is an error otherwise");
	cfg_free(cfg);
	test_durations();
	return done_testing();
}
