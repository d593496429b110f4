/* test-url: relative reference resolution (RFC 3986, 5.4) and schemes. */
#include "config.h"

#include <stdlib.h>

#include "tap.h"
#include "url.h"

struct resolve_case {
	const char	*base;
	const char	*ref;
	const char	*want;
};

#define RFC_BASE "http://a/b/c/d;p?q"

static const struct resolve_case resolve_cases[] = {
	/* RFC 3986 5.4.1 normal examples */
	{ RFC_BASE, "g:h", "g:h" },
	{ RFC_BASE, "g", "http://a/b/c/g" },
	{ RFC_BASE, "./g", "http://a/b/c/g" },
	{ RFC_BASE, "g/", "http://a/b/c/g/" },
	{ RFC_BASE, "/g", "http://a/g" },
	{ RFC_BASE, "//g", "http://g" },
	{ RFC_BASE, "?y", "http://a/b/c/d;p?y" },
	{ RFC_BASE, "g?y", "http://a/b/c/g?y" },
	{ RFC_BASE, "#s", "http://a/b/c/d;p?q#s" },
	{ RFC_BASE, "g#s", "http://a/b/c/g#s" },
	{ RFC_BASE, "g?y#s", "http://a/b/c/g?y#s" },
	{ RFC_BASE, ";x", "http://a/b/c/;x" },
	{ RFC_BASE, "g;x", "http://a/b/c/g;x" },
	{ RFC_BASE, "", "http://a/b/c/d;p?q" },
	{ RFC_BASE, ".", "http://a/b/c/" },
	{ RFC_BASE, "./", "http://a/b/c/" },
	{ RFC_BASE, "..", "http://a/b/" },
	{ RFC_BASE, "../", "http://a/b/" },
	{ RFC_BASE, "../g", "http://a/b/g" },
	{ RFC_BASE, "../..", "http://a/" },
	{ RFC_BASE, "../../g", "http://a/g" },
	/* RFC 3986 5.4.2 abnormal examples */
	{ RFC_BASE, "../../../g", "http://a/g" },
	{ RFC_BASE, "/./g", "http://a/g" },
	{ RFC_BASE, "/../g", "http://a/g" },
	{ RFC_BASE, "g.", "http://a/b/c/g." },
	{ RFC_BASE, "..g", "http://a/b/c/..g" },
	{ RFC_BASE, "./../g", "http://a/b/g" },
	{ RFC_BASE, "g/./h", "http://a/b/c/g/h" },
	{ RFC_BASE, "g/../h", "http://a/b/c/h" },
	/* feeds */
	{ "http://example.com/feed/", "item/1.html",
	    "http://example.com/feed/item/1.html" },
	{ "http://example.com", "a.html", "http://example.com/a.html" },
	{ "https://example.com/x/y", "  /z  ", "https://example.com/z" },
	{ NULL, "/relative", "/relative" },
	{ "not a url", "/relative", "/relative" },
	{ "http://example.com/", "https://other.test/p", "https://other.test/p" },
	{ "http://any.test/", "\xc3\x80", "http://any.test/\xc3\x80" },
	{ "http://example.com/a/", "b c.html", "http://example.com/a/b c.html" },
	{ "http://example.com/", "mailto:me@example.com", "mailto:me@example.com" },
};

struct scheme_case {
	const char	*url;
	int		 ok;
};

static const struct scheme_case scheme_cases[] = {
	{ "http://example.com/", 1 },
	{ "HTTPS://example.com/", 1 },
	{ "mailto:a@b.c", 1 },
	{ "ftp://x/", 1 },
	{ "/relative/path", 1 },
	{ "relative:colon-after-slash/x", 0 },
	{ "a/b:c", 1 },
	{ "javascript:alert(1)", 0 },
	{ "  JavaScript:alert(1)", 0 },
	{ "vbscript:msgbox", 0 },
	{ "data:text/html,<script>", 0 },
	{ "file:///etc/passwd", 0 },
};

int
main(void)
{
	size_t	i;
	char	*got;

	for (i = 0; i < sizeof resolve_cases / sizeof resolve_cases[0]; i++) {
		got = url_resolve(resolve_cases[i].base, resolve_cases[i].ref);
		is_str(got, resolve_cases[i].want, "resolve %zu: '%s' + '%s'", i,
		    resolve_cases[i].base ? resolve_cases[i].base : "(null)",
		    resolve_cases[i].ref);
		free(got);
	}
	for (i = 0; i < sizeof scheme_cases / sizeof scheme_cases[0]; i++) {
		is_int(url_scheme_ok(scheme_cases[i].url), scheme_cases[i].ok,
		    "scheme %zu: %s", i, scheme_cases[i].url);
	}
	ok(url_is_absolute("http://x/"), "absolute 0: http");
	ok(!url_is_absolute("/x"), "absolute 1: path");
	ok(!url_is_absolute("1http:x"), "absolute 2: digit first");
	return done_testing();
}
