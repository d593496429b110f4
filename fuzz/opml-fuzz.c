/* opml-fuzz: subscription lists (OPML and newsboat urls files) from
 * arbitrary bytes.  Every entry kept has an acceptable URL; what is written
 * back as OPML reads back to the same entries. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "opml.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static int
fuzz_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The n URLs of entries, sorted (opml_write groups them by section). */
static char **
fuzz_urls(const struct opml_entry *entries, size_t n)
{
	char	**v;
	size_t	  i;

	if ((v = calloc(n + 1, sizeof *v)) == NULL) {
		abort();
	}
	for (i = 0; i < n; i++) {
		v[i] = entries[i].url;
	}
	qsort(v, n, sizeof *v, fuzz_cmp);
	return v;
}

/* Write list as OPML, read it back, and compare the URLs. */
static void
fuzz_roundtrip(const struct opml_list *list)
{
	struct opml_list	 back;
	char			*doc, *cause = NULL, **a, **b;
	size_t			 i;

	doc = opml_write(list->entries, list->n, "fuzz");
	if (!opml_read(doc, strlen(doc), &back, &cause)) {
		abort();
	}
	if (back.n != list->n) {
		abort();
	}
	a = fuzz_urls(list->entries, list->n);
	b = fuzz_urls(back.entries, back.n);
	for (i = 0; i < back.n; i++) {
		if (strcmp(a[i], b[i]) != 0) {
			abort();
		}
	}
	free(a);
	free(b);
	opml_list_free(&back);
	free(cause);
	free(doc);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct opml_list	 list;
	char			*cause = NULL;
	size_t			 i;

	if (opml_read((const char *)data, size, &list, &cause)) {
		for (i = 0; i < list.n; i++) {
			if (list.entries[i].url == NULL ||
			    !opml_url_ok(list.entries[i].url)) {
				abort();
			}
		}
		fuzz_roundtrip(&list);
	} else if (cause == NULL) {
		abort();
	}
	opml_list_free(&list);
	free(cause);
	return 0;
}
