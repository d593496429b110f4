/* cmd-import: `kiji import FILE` and `kiji export-opml [-o FILE]`. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd-text.h"
#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "opml.h"
#include "subs.h"
#include "utf8.h"
#include "xalloc.h"

/* Add the entries not subscribed yet; counts what happened. */
static void
import_entries(struct subs *subs, const struct opml_list *l, const char *path,
    int *added, int *known)
{
	char	*cause;
	size_t	 i;

	for (i = 0; i < l->n; i++) {
		if (subs_find(subs, l->entries[i].url) != NULL) {
			(*known)++;
			continue;
		}
		cause = NULL;
		if (subs_add(subs, l->entries[i].url, l->entries[i].title,
		    l->entries[i].section, &cause)) {
			(*added)++;
		} else {
			cmd_text_note(path, cause != NULL ? cause : "?");
			free(cause);
		}
	}
}

/* Read path into l; false (message printed) when it cannot be used. */
static bool
import_read(const char *path, struct opml_list *l)
{
	char	*data, *cause = NULL;
	size_t	 len, i;

	if ((data = file_read(path, &len, &cause)) == NULL ||
	    !opml_read(data, len, l, &cause)) {
		cmd_text_note(path, cause != NULL ? cause : "?");
		free(cause);
		free(data);
		return false;
	}
	free(data);
	for (i = 0; i < l->nnotes; i++) {
		cmd_text_note(path, l->notes[i]);
	}
	return true;
}

static int
import_save(struct cmd_ctx *ctx, struct subs *subs, int added, int known)
{
	char	*cause = NULL;

	if (added > 0 && (!paths_mkdir(ctx->paths.config_dir, &cause) ||
	    !subs_save(subs, ctx->paths.feeds_file, &cause))) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	printf(ngettext("%d feed imported", "%d feeds imported", added), added);
	printf(ngettext(", %d already subscribed\n", ", %d already subscribed\n",
	    known), known);
	return EXIT_OK;
}

int
cmd_import(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct opml_list	 l;
	struct subs		*subs;
	char			*cause = NULL;
	int			 added = 0, known = 0, rc;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji import FILE\n"
		    "Subscribe to the feeds of an OPML file or a newsboat urls "
		    "file (- reads standard input).\nOnly http, https and file "
		    "URLs are taken; commands are never run.\n"));
		return EXIT_OK;
	}
	if (argc != 2) {
		cmd_error(_("usage: kiji import FILE"));
		return EXIT_USAGE;
	}
	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	memset(&l, 0, sizeof l);
	if (!import_read(argv[1], &l)) {
		opml_list_free(&l);
		subs_free(subs);
		return EXIT_FAIL;
	}
	import_entries(subs, &l, argv[1], &added, &known);
	rc = import_save(ctx, subs, added, known);
	opml_list_free(&l);
	subs_free(subs);
	return rc;
}

/* The subscriptions as OPML entries (pointing into subs). */
static struct opml_entry *
export_entries(const struct subs *subs, size_t *n)
{
	struct opml_entry	*e;
	const struct sub	*s;
	size_t			 i;

	*n = subs_count(subs);
	e = xcalloc(*n + 1, sizeof *e);
	for (i = 0; i < *n; i++) {
		s = subs_get(subs, i);
		e[i].url = s->url;
		e[i].title = s->title;
		e[i].section = s->section;
	}
	return e;
}

static int
export_parse_args(int argc, char **argv, const char **out)
{
	int	i;

	*out = NULL;
	for (i = 1; i < argc; i++) {
		if ((strcmp(argv[i], "-o") == 0 ||
		    strcmp(argv[i], "--output") == 0) && i + 1 < argc) {
			*out = argv[++i];
		} else {
			cmd_error(_("usage: kiji export-opml [-o FILE]"));
			return EXIT_USAGE;
		}
	}
	return EXIT_OK;
}

int
cmd_export_opml(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct subs		*subs;
	struct opml_entry	*e;
	const char		*out;
	char			*doc, *cause = NULL;
	size_t			 n;
	int			 rc = EXIT_OK;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji export-opml [-o FILE]\n"
		    "Write the subscriptions as OPML 2.0 (sections become "
		    "outlines) to FILE or standard output.\n"));
		return EXIT_OK;
	}
	if (export_parse_args(argc, argv, &out) != EXIT_OK) {
		return EXIT_USAGE;
	}
	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	e = export_entries(subs, &n);
	doc = opml_write(e, n, "kiji");
	if (out == NULL || strcmp(out, "-") == 0) {
		if (fputs(doc, stdout) == EOF || fflush(stdout) == EOF) {
			cmd_error(_("cannot write to standard output"));
			rc = EXIT_FAIL;
		}
	} else if (!file_write_atomic(out, doc, strlen(doc), &cause)) {
		cmd_error("%s", cause);
		free(cause);
		rc = EXIT_FAIL;
	}
	free(doc);
	free(e);
	subs_free(subs);
	return rc;
}
