/* Unit tests for the subscription list: parsing, rewriting in place and
 * refusing what is not a feed URL. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "subs.h"
#include "xalloc.h"
#include "tap.h"

static char dir[] = "/tmp/kiji-subs.XXXXXX";

static const char sample[] =
    "# My feeds\n"
    "https://top.example/feed  Top feed\n"
    "\n"
    "# Security news\n"
    "[Security]\n"
    "  https://sec.example/rss\t  セキュリティ  ニュース  \n"
    "http://plain.example/atom\n"
    "# end of security\n"
    "\n"
    "[ 日本語 ]\n"
    "file:///srv/feeds/local.xml\n";

static const struct {
	const char	*url;
	const char	*title;
	const char	*section;
	int		 line;
} parsed[] = {
	{ "https://top.example/feed", "Top feed", NULL, 2 },
	{ "https://sec.example/rss", "セキュリティ  ニュース", "Security", 6 },
	{ "http://plain.example/atom", NULL, "Security", 7 },
	{ "file:///srv/feeds/local.xml", NULL, "日本語", 11 },
};

/* Additions, each applied to the sample alone, and the file they give. */
static const struct {
	const char	*url;
	const char	*title;
	const char	*section;
	const char	*want;
} adds[] = {
	{ "https://new.example/", NULL, NULL,
	    "# My feeds\n"
	    "https://top.example/feed  Top feed\n"
	    "https://new.example/\n"
	    "\n" },
	{ "https://new.example/", "New one", "Security",
	    "http://plain.example/atom\n"
	    "https://new.example/  New one\n"
	    "# end of security\n" },
	{ "https://new.example/", NULL, "Fresh",
	    "file:///srv/feeds/local.xml\n"
	    "\n"
	    "[Fresh]\n"
	    "https://new.example/\n" },
	{ "HTTPS://upper.example/", "  ", "  ",
	    "https://top.example/feed  Top feed\n"
	    "HTTPS://upper.example/\n" },
};

static const char *const bad_urls[] = {
	"exec:~/bin/feed.sh",
	"filter:~/bin/f.sh:https://x.example/",
	"|cat /etc/passwd",
	"ftp://ftp.example/feed",
	"javascript:alert(1)",
	"query:Unread:unread = \"yes\"",
	"http://",
	"https://bad example/",
	"https://ctl.example/\x1b[2J",
	"",
};

static char *
path_of(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
write_file(const char *path, const char *text)
{
	char	*cause = NULL;

	if (!file_write_atomic(path, text, strlen(text), &cause)) {
		diag("%s", cause);
		free(cause);
	}
}

static char *
read_back(const char *path)
{
	char	*cause = NULL, *data;
	size_t	 len;

	data = file_read(path, &len, &cause);
	free(cause);
	return data;
}

static void
test_parse(const char *path)
{
	struct subs		*s;
	const struct sub	*sub;
	char			*cause = NULL, *copy, *back;
	size_t			 i;

	s = subs_load(path, &cause);
	ok(s != NULL, "parse 0: loads");
	is_int(s != NULL ? subs_count(s) : 0, 4, "parse 1: four feeds");
	for (i = 0; s != NULL && i < sizeof parsed / sizeof parsed[0]; i++) {
		sub = subs_get(s, i);
		is_str(sub->url, parsed[i].url, "parse %zu: url", 2 + i * 4);
		is_str(sub->title, parsed[i].title, "parse %zu: title", 3 + i * 4);
		is_str(sub->section, parsed[i].section, "parse %zu: section",
		    4 + i * 4);
		is_int(sub->line, parsed[i].line, "parse %zu: line", 5 + i * 4);
	}
	ok(s != NULL && subs_find(s, "http://plain.example/atom") ==
	    subs_get(s, 2), "parse 18: find");
	ok(s != NULL && subs_find(s, "http://plain.example/") == NULL,
	    "parse 19: find is exact");
	copy = path_of("copy");
	ok(s != NULL && subs_save(s, copy, &cause), "parse 20: saves");
	back = read_back(copy);
	is_str(back, sample, "parse 21: unchanged list, same bytes");
	free(back);
	unlink(copy);
	free(copy);
	subs_free(s);
}

static void
test_add(const char *path)
{
	struct subs	*s;
	char		*cause = NULL, *out = path_of("out"), *back, *want;
	size_t		 i;

	for (i = 0; i < sizeof adds / sizeof adds[0]; i++) {
		s = subs_load(path, &cause);
		ok(subs_add(s, adds[i].url, adds[i].title, adds[i].section,
		    &cause), "add %zu: added", i * 5);
		ok(subs_save(s, out, &cause), "add %zu: saved", i * 5 + 1);
		back = read_back(out);
		ok(back != NULL && strstr(back, adds[i].want) != NULL,
		    "add %zu: in place", i * 5 + 2);
		free(back);
		/* Removing it again gives the original (plus a heading
		 * the addition created). */
		ok(subs_remove(s, adds[i].url) && subs_save(s, out, &cause),
		    "add %zu: removed", i * 5 + 3);
		back = read_back(out);
		want = xasprintf("%s%s", sample, i == 2 ? "\n[Fresh]\n" : "");
		is_str(back, want, "add %zu: the rest untouched", i * 5 + 4);
		free(want);
		free(back);
		subs_free(s);
	}
	unlink(out);
	free(out);
}

static void
test_refuse(const char *path)
{
	struct subs	*s;
	char		*cause = NULL, *bad = path_of("bad"), *text;
	size_t		 i;
	bool		 added;

	s = subs_load(path, &cause);
	for (i = 0; i < sizeof bad_urls / sizeof bad_urls[0]; i++) {
		added = subs_add(s, bad_urls[i], NULL, NULL, &cause);
		ok(!added && cause != NULL, "refuse %zu: \"%s\" (%s)", i,
		    bad_urls[i], cause != NULL ? cause : "accepted");
		free(cause);
		cause = NULL;
	}
	ok(!subs_add(s, "https://top.example/feed", NULL, NULL, &cause),
	    "refuse %zu: a duplicate", i);
	free(cause);
	cause = NULL;
	ok(!subs_add(s, "https://t.example/", "two\nlines", NULL, &cause),
	    "refuse %zu: a title with a line break", i + 1);
	free(cause);
	cause = NULL;
	ok(!subs_remove(s, "https://absent.example/"),
	    "refuse %zu: removing what is not there", i + 2);
	is_int(subs_count(s), 4, "refuse %zu: nothing changed", i + 3);
	subs_free(s);

	text = xasprintf("%s%s", sample, "exec:rm -rf ~\n");
	write_file(bad, text);
	s = subs_load(bad, &cause);
	added = s != NULL;
	ok(!added && cause != NULL && strstr(cause, ":12:") != NULL,
	    "refuse %zu: a bad line in the file, with its number (%s)", i + 4,
	    cause != NULL ? cause : "accepted");
	free(cause);
	cause = NULL;
	subs_free(s);
	free(text);
	text = xasprintf("%s%s", sample, "https://top.example/feed\n");
	write_file(bad, text);
	s = subs_load(bad, &cause);
	ok(s == NULL && cause != NULL, "refuse %zu: a URL listed twice",
	    i + 5);
	free(cause);
	subs_free(s);
	free(text);
	unlink(bad);
	free(bad);
}

int
main(void)
{
	struct subs	*s;
	char		*path, *cause = NULL, *back;

	if (mkdtemp(dir) == NULL) {
		ok(0, "temporary directory");
		return done_testing();
	}
	path = path_of("feeds");
	s = subs_load(path, &cause);
	ok(s != NULL && subs_count(s) == 0, "missing 0: no file, no feeds");
	ok(subs_add(s, "https://first.example/", "First", NULL, &cause) &&
	    subs_save(s, path, &cause), "missing 1: the first addition");
	back = read_back(path);
	is_str(back, "https://first.example/  First\n", "missing 2: the file");
	free(back);
	subs_free(s);
	write_file(path, "a.example\r\n");
	s = subs_load(path, &cause);
	ok(s == NULL, "missing 3: no scheme is refused");
	free(cause);
	cause = NULL;
	write_file(path, "# crlf\r\nhttps://crlf.example/ Title\r\n");
	s = subs_load(path, &cause);
	ok(s != NULL && subs_count(s) == 1 &&
	    strcmp(subs_get(s, 0)->title, "Title") == 0,
	    "missing 4: CRLF lines");
	subs_free(s);

	write_file(path, sample);
	test_parse(path);
	test_add(path);
	test_refuse(path);
	unlink(path);
	free(path);
	rmdir(dir);
	return done_testing();
}
