/* feed-fuzz: feed_parse() on arbitrary bytes with a chosen HTTP charset and
 * base URL; every string of the result must be valid UTF-8 without NUL. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "feed.h"
#include "fuzz.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const fuzz_charsets[] = {
	NULL, "utf-8", "us-ascii", "iso-8859-1", "shift_jis", "euc-jp",
	"iso-2022-jp", "utf-16", "utf-16le", "utf-32", "windows-1252",
	"x-bogus", "", "utf-7", "koi8-r", "gb18030",
};

static const char *const fuzz_bases[] = {
	NULL, "http://127.0.0.1/feed.xml", "https://example.com/a/b/?q=1#f",
	"file:///tmp/feed.xml", "javascript:alert(1)", "", "http://[::1]:0/",
	"data:text/html,<x>",
};

static void
fuzz_check(const char *s)
{
	if (s != NULL && !utf8_valid(s, strlen(s))) {
		abort();
	}
}

static void
fuzz_check_doc(const struct feed_doc *doc)
{
	size_t	i, j;

	fuzz_check(doc->title);
	fuzz_check(doc->link);
	fuzz_check(doc->subtitle);
	fuzz_check(doc->author);
	for (i = 0; i < doc->nitems; i++) {
		const struct item *it = &doc->items[i];

		if (it->key == NULL) {
			abort();
		}
		fuzz_check(it->key);
		fuzz_check(it->title);
		fuzz_check(it->link);
		fuzz_check(it->summary);
		fuzz_check(it->content);
		for (j = 0; j < it->ncategories; j++) {
			fuzz_check(it->categories[j]);
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static int		 init;
	struct fuzz_in		 in = { data, size };
	struct feed_doc		*doc;
	const char		*charset, *base;
	char			*cause = NULL;
	unsigned		 b;

	if (!init) {
		feed_init();
		init = 1;
	}
	b = fuzz_byte(&in);
	charset = fuzz_charsets[b % (sizeof fuzz_charsets / sizeof *fuzz_charsets)];
	base = fuzz_bases[(b >> 4) % (sizeof fuzz_bases / sizeof *fuzz_bases)];
	doc = feed_parse((const char *)in.p, in.len, base, charset, &cause);
	if (doc == NULL) {
		if (cause == NULL) {
			abort();
		}
		free(cause);
		return 0;
	}
	fuzz_check_doc(doc);
	feed_doc_free(doc);
	return 0;
}
