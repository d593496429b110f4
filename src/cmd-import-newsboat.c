/* cmd-import-newsboat: kiji import-newsboat, newsboat's subscriptions and
 * history into kiji.
 *
 * The urls file gives the subscriptions, read by opml_read_urls() as kiji
 * import reads it (a feed's first tag is its section, a "~Title" tag its
 * title; query feeds are skipped and anything that would run a command is
 * refused, never run).  cache.db, opened read-only, gives the items with
 * their read and flagged states (see store-newsboat.h). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cfg.h"
#include "cmd-store.h"
#include "cmd-text.h"
#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "memo-cfg.h"
#include "opml.h"
#include "store-memo.h"
#include "store-newsboat.h"
#include "subs.h"
#include "utf8.h"
#include "xalloc.h"

struct import_newsboat_opts {
	char	*urls;		/* newsboat's urls file */
	char	*cache;		/* its cache.db, or NULL for none */
	bool	 urls_given;
	bool	 cache_given;
	bool	 all;		/* also subscribe to the cache's other feeds */
	bool	 no_star;	/* leave flagged items unstarred */
};

struct import_newsboat_counts {
	int	added;		/* subscriptions added */
	int	known;		/* already subscribed */
	int	refused;	/* entries not taken, each with a note */
	int	items;		/* newsboat items looked at */
	int	imported;	/* new kiji items */
	int	read;
	int	starred;
	bool	failed;		/* some feed's items could not be imported */
	bool	saved;		/* the subscriptions were written */
};

/* Print "file: 'url' note" on stderr for a refused entry. */
static void
import_newsboat_refuse(const char *path, const char *url, const char *why,
    struct import_newsboat_counts *c)
{
	char	*note = xasprintf("'%s': %s", url, why);

	cmd_text_note(path, note);
	free(note);
	c->refused++;
}

/* ---- newsboat's urls file (read by opml_read_urls()) ---- */

/* Why url (of the urls file or the cache) is not subscribed to, or NULL.
 * A URL with $(...) or `...` in it is refused too: newsboat users may
 * expect it to be run, and it is never meant as an address. */
static const char *
import_newsboat_refusal(const char *url)
{
	if (strncasecmp(url, "exec:", 5) == 0 ||
	    strncasecmp(url, "filter:", 7) == 0 || url[0] == '|' ||
	    strstr(url, "$(") != NULL || strchr(url, '`') != NULL) {
		return _("refused: newsboat would run a command; kiji never "
		    "runs commands");
	}
	if (!opml_url_ok(url)) {
		return _("refused: only http, https and file URLs are "
		    "accepted");
	}
	return NULL;
}

/* Subscribe to the feeds of newsboat's urls file; its refused entries are
 * noted one by one. */
static bool
import_newsboat_urls(struct subs *subs, const char *path,
    struct import_newsboat_counts *c)
{
	struct opml_list	 l;
	const char		*why;
	char			*data, *cause = NULL;
	size_t			 len, i;

	if ((data = file_read(path, &len, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return false;
	}
	memset(&l, 0, sizeof l);
	opml_read_urls(data, len, &l);
	free(data);
	for (i = 0; i < l.nnotes; i++) {
		cmd_text_note(path, l.notes[i]);
	}
	c->refused += (int)l.nnotes;
	for (i = 0; i < l.n; i++) {
		if ((why = import_newsboat_refusal(l.entries[i].url)) != NULL) {
			import_newsboat_refuse(path, l.entries[i].url, why, c);
		} else if (subs_find(subs, l.entries[i].url) != NULL) {
			c->known++;
		} else if (subs_add(subs, l.entries[i].url, l.entries[i].title,
		    l.entries[i].section, &cause)) {
			c->added++;
		} else {
			cmd_text_note(path, cause);
			free(cause);
			cause = NULL;
			c->refused++;
		}
	}
	opml_list_free(&l);
	return true;
}

/* ---- newsboat's cache ---- */

/* With --all: subscribe to the cache's feeds the urls file lacks. */
static void
import_newsboat_all(struct subs *subs, char **urls, size_t n, const char *path,
    struct import_newsboat_counts *c)
{
	const char	*why;
	char		*cause = NULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (subs_find(subs, urls[i]) != NULL) {
			continue;
		}
		if ((why = import_newsboat_refusal(urls[i])) != NULL) {
			import_newsboat_refuse(path, urls[i], why, c);
		} else if (subs_add(subs, urls[i], NULL, NULL, &cause)) {
			c->added++;
		} else {
			cmd_text_note(path, cause);
			free(cause);
			cause = NULL;
			c->refused++;
		}
	}
}

/* Give the memo's open issue the configured sections before anything is
 * starred into it (as kiji star does). */
static bool
import_newsboat_memo(struct cmd_ctx *ctx, struct store *st)
{
	struct cfg	*cfg = cmd_load_cfg(ctx);
	char		**names, *cause = NULL;
	size_t		 n;
	int		 def;
	bool		 ok;

	names = memo_cfg_sections(cfg, &n, &def);
	ok = store_memo_configure(st, names, n, def, &cause);
	memo_names_free(names, n);
	cfg_free(cfg);
	if (!ok) {
		cmd_error("%s", cause);
		free(cause);
	}
	return ok;
}

/* Import the items of the subscribed feeds the cache knows. */
static void
import_newsboat_items(struct store *st, struct store_newsboat *nb, bool star,
    const struct subs *subs, char **urls, size_t n, const char *path,
    struct import_newsboat_counts *c)
{
	struct store_newsboat_stats	 stats;
	char				*cause = NULL;
	size_t				 i;

	for (i = 0; i < n; i++) {
		if (subs_find(subs, urls[i]) == NULL) {
			continue;
		}
		if (!store_newsboat_import(st, nb, urls[i], star, &stats,
		    &cause)) {
			cmd_text_note(path, cause);
			free(cause);
			cause = NULL;
			c->failed = true;
			continue;
		}
		c->items += stats.items;
		c->imported += stats.added;
		c->read += stats.read;
		c->starred += stats.starred;
	}
}

/* Save the subscriptions if they changed; false (printed) on failure. */
static bool
import_newsboat_save(struct cmd_ctx *ctx, struct subs *subs, int added)
{
	char	*cause = NULL;

	if (added > 0 && (!paths_mkdir(ctx->paths.config_dir, &cause) ||
	    !subs_save(subs, ctx->paths.feeds_file, &cause))) {
		cmd_error("%s", cause);
		free(cause);
		return false;
	}
	return true;
}

/* Subscribe (urls file, then with --all the cache's feeds), save, then
 * import the cache's items. */
static bool
import_newsboat_run(struct cmd_ctx *ctx, const struct import_newsboat_opts *o,
    struct subs *subs, struct import_newsboat_counts *c)
{
	struct store_newsboat	*nb = NULL;
	struct store		*st;
	char			**urls = NULL, *cause = NULL;
	size_t			 n = 0;
	bool			 ok = false;

	if (o->urls != NULL && !import_newsboat_urls(subs, o->urls, c)) {
		return false;
	}
	if (o->cache != NULL && ((nb = store_newsboat_open(o->cache,
	    &cause)) == NULL || !store_newsboat_urls(nb, &urls, &n, &cause))) {
		cmd_error("%s", cause);
		free(cause);
		store_newsboat_close(nb);
		return false;
	}
	if (o->all) {
		import_newsboat_all(subs, urls, n, o->cache, c);
	}
	if (import_newsboat_save(ctx, subs, c->added)) {
		ok = c->saved = true;
		if (nb != NULL && (st = cmd_store_open(ctx)) != NULL) {
			if (o->no_star || import_newsboat_memo(ctx, st)) {
				import_newsboat_items(st, nb, !o->no_star, subs, urls,
				    n, o->cache, c);
			} else {
				ok = false;
			}
			cmd_store_close(st);
		} else if (nb != NULL) {
			ok = false;
		}
	}
	store_newsboat_urls_free(urls, n);
	store_newsboat_close(nb);
	return ok && !c->failed;
}

/* ---- options and defaults ---- */

/* The first of newsboat's places for name that exists (~/.newsboat, then
 * the XDG directory newsboat uses), or NULL. */
static char *
import_newsboat_default(const char *name, const char *xdg_var, const char *xdg_home)
{
	const char	*home = getenv("HOME"), *xdg = getenv(xdg_var);
	char		*path;

	if (home != NULL && home[0] != '\0') {
		path = xasprintf("%s/.newsboat/%s", home, name);
		if (access(path, F_OK) == 0) {
			return path;
		}
		free(path);
	}
	if (xdg != NULL && xdg[0] == '/') {
		path = xasprintf("%s/newsboat/%s", xdg, name);
	} else if (home != NULL && home[0] != '\0') {
		path = xasprintf("%s/%s/newsboat/%s", home, xdg_home, name);
	} else {
		return NULL;
	}
	if (access(path, F_OK) == 0) {
		return path;
	}
	free(path);
	return NULL;
}

/* Parse the options into o (defaults filled in); an exit code or -1. */
static int
import_newsboat_options(int argc, char **argv, struct import_newsboat_opts *o)
{
	static const struct option longopts[] = {
		{ "urls", required_argument, NULL, 'u' },
		{ "cache", required_argument, NULL, 'C' },
		{ "all", no_argument, NULL, 'a' },
		{ "no-star", no_argument, NULL, 'n' },
		{ NULL, 0, NULL, 0 }
	};
	int	ch;

	memset(o, 0, sizeof *o);
	optind = 0;
	while ((ch = getopt_long(argc, argv, "u:C:an", longopts, NULL)) !=
	    -1) {
		if (ch == 'u' || ch == 'C') {
			free(ch == 'u' ? o->urls : o->cache);
			*(ch == 'u' ? &o->urls : &o->cache) = xstrdup(optarg);
			*(ch == 'u' ? &o->urls_given : &o->cache_given) = true;
		} else if (ch == 'a') {
			o->all = true;
		} else if (ch == 'n') {
			o->no_star = true;
		} else {
			return EXIT_USAGE;
		}
	}
	if (optind != argc) {
		cmd_error(_("usage: kiji import-newsboat [--urls FILE] [--cache FILE] "
		    "[--all] [--no-star]"));
		return EXIT_USAGE;
	}
	if (!o->urls_given) {
		o->urls = import_newsboat_default("urls", "XDG_CONFIG_HOME", ".config");
	}
	if (!o->cache_given) {
		o->cache = import_newsboat_default("cache.db", "XDG_DATA_HOME",
		    ".local/share");
	}
	if (o->urls == NULL && o->cache == NULL) {
		cmd_error(_("no newsboat files found (~/.newsboat or "
		    "~/.config/newsboat and ~/.local/share/newsboat); give "
		    "--urls FILE and --cache FILE"));
		return EXIT_FAIL;
	}
	return -1;
}

/* What was done, on standard output. */
static void
import_newsboat_summary(const struct import_newsboat_opts *o, const struct import_newsboat_counts *c)
{
	printf(ngettext("%d feed added", "%d feeds added", c->added),
	    c->added);
	printf(ngettext(", %d already subscribed", ", %d already subscribed",
	    c->known), c->known);
	printf(ngettext(", %d entry refused\n", ", %d entries refused\n",
	    c->refused), c->refused);
	if (o->cache == NULL) {
		printf(_("no newsboat cache: no items imported\n"));
		return;
	}
	printf(ngettext("%d item imported", "%d items imported", c->imported),
	    c->imported);
	printf(ngettext(" (of %d newsboat kept)",
	    " (of %d newsboat kept)", c->items), c->items);
	printf(ngettext(", %d marked read", ", %d marked read", c->read),
	    c->read);
	printf(ngettext(", %d starred\n", ", %d starred\n", c->starred),
	    c->starred);
	if (c->starred > 0) {
		printf(_("Starred items are in the memo's open issue: see kiji "
		    "memo.\n"));
	}
}

int
cmd_import_newsboat(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct import_newsboat_counts	 c;
	struct import_newsboat_opts	 o;
	struct subs		*subs;
	char			*cause = NULL;
	int			 rc;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji import-newsboat [--urls FILE] [--cache FILE] "
		    "[--all] [--no-star]\n"
		    "Move from newsboat: subscribe to the feeds of its urls "
		    "file, then import\nthe items of its cache.db (read "
		    "only) with their read and flagged states.\n"
		    "Both default to newsboat's own files.  Commands are "
		    "never run.\n\n"
		    "  --all      also subscribe to the feeds the cache holds "
		    "that urls lacks\n"
		    "  --no-star  leave flagged items unstarred (a star puts "
		    "an item into the\n"
		    "             memo's open issue)\n"));
		return EXIT_OK;
	}
	if ((rc = import_newsboat_options(argc, argv, &o)) != -1) {
		free(o.urls);
		free(o.cache);
		return rc;
	}
	memset(&c, 0, sizeof c);
	if ((subs = subs_load(ctx->paths.feeds_file, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		rc = EXIT_FAIL;
	} else {
		rc = import_newsboat_run(ctx, &o, subs, &c) ? EXIT_OK : EXIT_FAIL;
		if (c.saved) {
			import_newsboat_summary(&o, &c);
		}
		subs_free(subs);
	}
	free(o.urls);
	free(o.cache);
	return rc;
}
