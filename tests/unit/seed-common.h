/* seed-common: what tests/store/seed.c and tests/unit/memo-seed.c share to
 * read their tab-separated specs into a feed document for the store. */
#ifndef KIJI_SEED_COMMON_H
#define KIJI_SEED_COMMON_H

#include <stdlib.h>
#include <string.h>

#include "store.h"

/* Split line at tabs into f[0..max - 1] (missing fields are ""); returns the
 * count of fields found. */
static int
seed_common_split(char *line, char **f, int max)
{
	int	n = 0, i;

	line[strcspn(line, "\n")] = '\0';
	while (n < max) {
		f[n++] = line;
		if ((line = strchr(line, '\t')) == NULL) {
			break;
		}
		*line++ = '\0';
	}
	for (i = n; i < max; i++) {
		f[i] = (char *)"";
	}
	return n;
}

/* Free the items and title of doc and *url; both are left empty. */
static void
seed_common_clear(struct feed_doc *doc, char **url)
{
	size_t	i;

	for (i = 0; i < doc->nitems; i++) {
		free(doc->items[i].key);
		free(doc->items[i].title);
		free(doc->items[i].link);
		free(doc->items[i].summary);
	}
	free(doc->items);
	free(doc->title);
	free(*url);
	memset(doc, 0, sizeof *doc);
	*url = NULL;
}

#endif
