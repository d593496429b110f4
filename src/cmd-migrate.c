/* cmd-migrate: kiji migrate, newsboat's subscriptions and history into kiji.
 *
 * The urls file gives the subscriptions (a feed's first tag is its section,
 * a "~Title" tag its title); query feeds are skipped and anything that
 * would run a command (exec:, filter:, "|command", $(...) or `...`) is
 * refused, never run.  cache.db, opened read-only, gives the items with
 * their read and flagged states (see store-newsboat.h). */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "cfg.h"
#include "cmd-store.h"
#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "memo-cfg.h"
#include "store-memo.h"
#include "store-newsboat.h"
#include "subs.h"
#include "utf8.h"
#include "xalloc.h"

struct migrate_opts {
	char	*urls;		/* newsboat's urls file */
	char	*cache;		/* its cache.db, or NULL for none */
	bool	 urls_given;
	bool	 cache_given;
	bool	 all;		/* also subscribe to the cache's other feeds */
	bool	 no_star;	/* leave flagged items unstarred */
};

struct migrate_counts {
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

/* Print "file:line: note" on stderr, terminal-safe. */
static void
migrate_note(const char *path, int line, const char *note)
{
	char	*p = utf8_sanitize(path, strlen(path), 0);
	char	*n = utf8_sanitize(note, strlen(note), 0);

	if (line > 0) {
		cmd_error("%s:%d: %s", p, line, n);
	} else {
		cmd_error("%s: %s", p, n);
	}
	free(p);
	free(n);
}

/* ---- newsboat's urls file ---- */

/* The next token of a urls line: white space separates, "double quotes"
 * group (with \" and \\), # outside quotes starts a comment.  NULL at the
 * end of the line; *p moves past the token.  The caller frees it. */
static char *
migrate_token(const char **p)
{
	struct buf	 b = BUF_INIT;
	const char	*s = *p;
	char		*tok;

	s += strspn(s, " \t");
	if (*s == '\0' || *s == '#') {
		*p = s;
		return NULL;
	}
	while (*s != '\0' && *s != ' ' && *s != '\t') {
		if (*s != '"') {
			buf_putc(&b, *s++);
			continue;
		}
		for (s++; *s != '\0' && *s != '"'; s++) {
			if (*s == '\\' && (s[1] == '"' || s[1] == '\\')) {
				s++;
			}
			buf_putc(&b, *s);
		}
		if (*s == '"') {
			s++;
		}
	}
	*p = s;
	tok = xstrdup(buf_str(&b));
	buf_free(&b);
	return tok;
}

/* Why url cannot be subscribed to as newsboat meant it, or NULL. */
static const char *
migrate_refusal(const char *url)
{
	if (strncasecmp(url, "query:", 6) == 0) {
		return _("query feed skipped: kiji has no query feeds "
		    "(kiji items --search finds items)");
	}
	if (strncasecmp(url, "exec:", 5) == 0 ||
	    strncasecmp(url, "filter:", 7) == 0) {
		return _("refused: newsboat would run a command for this feed; "
		    "kiji never runs commands");
	}
	if (url[0] == '|' || strstr(url, "$(") != NULL ||
	    strchr(url, '`') != NULL) {
		return _("refused: this looks like a command; kiji never runs "
		    "commands");
	}
	return NULL;
}

/* Subscribe to one line's feed: its URL, then tags. */
static void
migrate_urls_line(struct subs *subs, const char *path, int lineno,
    const char *line, struct migrate_counts *c)
{
	const char	*p = line, *why;
	char		*url, *tag, *title = NULL, *section = NULL, *cause = NULL;

	if ((url = migrate_token(&p)) == NULL) {
		return;
	}
	while ((tag = migrate_token(&p)) != NULL) {
		if (tag[0] == '~' && title == NULL) {
			title = xstrdup(tag + 1);
		} else if (tag[0] != '~' && tag[0] != '!' && section == NULL) {
			section = xstrdup(tag);
		}
		free(tag);
	}
	if ((why = migrate_refusal(url)) != NULL) {
		migrate_note(path, lineno, why);
		c->refused++;
	} else if (subs_find(subs, url) != NULL) {
		c->known++;
	} else if (subs_add(subs, url, title, section, &cause)) {
		c->added++;
	} else {
		migrate_note(path, lineno, cause);
		free(cause);
		c->refused++;
	}
	free(url);
	free(title);
	free(section);
}

/* Subscribe to the feeds of newsboat's urls file. */
static bool
migrate_urls(struct subs *subs, const char *path, struct migrate_counts *c)
{
	char	*data, *line, *next, *cause = NULL;
	size_t	 len;
	int	 lineno = 0;

	if ((data = file_read(path, &len, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return false;
	}
	for (line = data; line != NULL && line < data + len; line = next) {
		lineno++;
		if ((next = memchr(line, '\n', (size_t)(data + len - line))) !=
		    NULL) {
			*next++ = '\0';
		}
		line[strcspn(line, "\r")] = '\0';
		migrate_urls_line(subs, path, lineno, line, c);
	}
	free(data);
	return true;
}

/* ---- newsboat's cache ---- */

/* With --all: subscribe to the cache's feeds the urls file lacks. */
static void
migrate_all(struct subs *subs, char **urls, size_t n, const char *path,
    struct migrate_counts *c)
{
	const char	*why;
	char		*cause = NULL;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if (subs_find(subs, urls[i]) != NULL) {
			continue;
		}
		if ((why = migrate_refusal(urls[i])) != NULL) {
			migrate_note(path, 0, why);
			c->refused++;
		} else if (subs_add(subs, urls[i], NULL, NULL, &cause)) {
			c->added++;
		} else {
			migrate_note(path, 0, cause);
			free(cause);
			cause = NULL;
			c->refused++;
		}
	}
}

/* Give the memo's open issue the configured sections before anything is
 * starred into it (as kiji star does). */
static bool
migrate_memo(struct cmd_ctx *ctx, struct store *st)
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
migrate_items(struct store *st, struct store_newsboat *nb, bool star,
    const struct subs *subs, char **urls, size_t n, const char *path,
    struct migrate_counts *c)
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
			migrate_note(path, 0, cause);
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
migrate_save(struct cmd_ctx *ctx, struct subs *subs, int added)
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
migrate_run(struct cmd_ctx *ctx, const struct migrate_opts *o,
    struct subs *subs, struct migrate_counts *c)
{
	struct store_newsboat	*nb = NULL;
	struct store		*st;
	char			**urls = NULL, *cause = NULL;
	size_t			 n = 0;
	bool			 ok = false;

	if (o->urls != NULL && !migrate_urls(subs, o->urls, c)) {
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
		migrate_all(subs, urls, n, o->cache, c);
	}
	if (migrate_save(ctx, subs, c->added)) {
		ok = c->saved = true;
		if (nb != NULL && (st = cmd_store_open(ctx)) != NULL) {
			if (o->no_star || migrate_memo(ctx, st)) {
				migrate_items(st, nb, !o->no_star, subs, urls,
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
migrate_default(const char *name, const char *xdg_var, const char *xdg_home)
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
migrate_options(int argc, char **argv, struct migrate_opts *o)
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
		cmd_error(_("usage: kiji migrate [--urls FILE] [--cache FILE] "
		    "[--all] [--no-star]"));
		return EXIT_USAGE;
	}
	if (!o->urls_given) {
		o->urls = migrate_default("urls", "XDG_CONFIG_HOME", ".config");
	}
	if (!o->cache_given) {
		o->cache = migrate_default("cache.db", "XDG_DATA_HOME",
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
migrate_summary(const struct migrate_opts *o, const struct migrate_counts *c)
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
	printf(ngettext(" (of %d in newsboat's cache)",
	    " (of %d in newsboat's cache)", c->items), c->items);
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
cmd_migrate(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct migrate_counts	 c;
	struct migrate_opts	 o;
	struct subs		*subs;
	char			*cause = NULL;
	int			 rc;

	if (cmd_wants_help(argc, argv)) {
		printf(_("Usage: kiji migrate [--urls FILE] [--cache FILE] "
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
	if ((rc = migrate_options(argc, argv, &o)) != -1) {
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
		rc = migrate_run(ctx, &o, subs, &c) ? EXIT_OK : EXIT_FAIL;
		if (c.saved) {
			migrate_summary(&o, &c);
		}
		subs_free(subs);
	}
	free(o.urls);
	free(o.cache);
	return rc;
}
