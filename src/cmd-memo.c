/* cmd-memo: kiji memo, the next issue's show notes from the command line. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "cfg.h"
#include "cmd-store.h"
#include "cmd.h"
#include "file.h"
#include "i18n.h"
#include "json.h"
#include "memo-cfg.h"
#include "memo.h"
#include "store-memo.h"
#include "subs.h"
#include "xalloc.h"

/* What every subcommand works with. */
struct memo_cmd {
	struct cmd_ctx		*ctx;
	struct cfg		*cfg;
	struct store		*st;
	struct memo_issue	*issue;		/* the open issue, loaded */
};

/* The options subcommands take; each accepts a subset. */
struct memo_opts {
	const char		*section;
	const char		*story;
	const char		*headline;
	const char		*quote;
	const char		*output;
	enum memo_format	 format;
	bool			 json;
	bool			 automatic;
};

enum memo_opt_flags {
	MEMO_OPT_SECTION = 0x01,
	MEMO_OPT_STORY = 0x02,
	MEMO_OPT_HEADLINE = 0x04,
	MEMO_OPT_QUOTE = 0x08,
	MEMO_OPT_OUTPUT = 0x10,
	MEMO_OPT_FORMAT = 0x20,
	MEMO_OPT_JSON = 0x40,
	MEMO_OPT_AUTO = 0x80,
};

static void
cmd_memo_usage(FILE *f)
{
	fprintf(f, "%s", _(
	    "Usage: kiji memo [COMMAND [ARGS...]]\n"
	    "Edit the open issue of the memo and export it.\n\n"
	    "  (none)                    print the open issue as Markdown\n"
	    "  list [--json]             list the sections, numbered stories and entries\n"
	    "  add ID [--section NAME|N] [--story N | --headline TEXT] [--quote TEXT] [--auto]\n"
	    "                            star item ID into the open issue (--auto: join a\n"
	    "                            story that mentions the same CVE/JVN identifier)\n"
	    "  remove ID                 take item ID out of the memo (unstar it)\n"
	    "  move ID --section NAME|N  put item ID's entry into a section\n"
	    "  move ID --story N         join item ID's entry into story N\n"
	    "  split ID                  give item ID's entry a story of its own\n"
	    "  up N, down N              move story N up or down\n"
	    "  headline N [TEXT]         set story N's headline (none: the first title)\n"
	    "  quote ID [TEXT]           set the quote under item ID (none: remove it)\n"
	    "  related ID                the stories sharing an identifier with item ID\n"
	    "  number N                  set the open issue's number\n"
	    "  export [-o FILE] [--format md|txt]\n"
	    "                            write the open issue (standard output without -o)\n"
	    "  close [-o FILE] [--format md|txt]\n"
	    "                            export, archive the issue and open the next one\n"
	    "  issues                    list the issues\n"
	    "  show N [-o FILE] [--format md|txt]\n"
	    "                            write issue N\n"));
}

/* Parse a decimal number from 1 (or 0 with zero_ok) to LONG_MAX. */
static bool
cmd_memo_number(const char *s, bool zero_ok, long *out)
{
	char	*end;

	if (*s < '0' || *s > '9') {
		return false;
	}
	errno = 0;
	*out = strtol(s, &end, 10);
	return errno == 0 && *end == '\0' && (*out > 0 || zero_ok);
}

/* Parse argv's options (those allowed) into *o; the remaining words are
 * moved to the front.  Returns the number of words, or -1 after a usage
 * error has been printed. */
static int
cmd_memo_options(int argc, char **argv, unsigned allowed, struct memo_opts *o)
{
	static const struct option longopts[] = {
		{ "section", required_argument, NULL, 's' },
		{ "story", required_argument, NULL, 'S' },
		{ "headline", required_argument, NULL, 'H' },
		{ "quote", required_argument, NULL, 'q' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, 'f' },
		{ "json", no_argument, NULL, 'j' },
		{ "auto", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 }
	};
	static const char letters[] = "sSHqofja";
	int	c;

	memset(o, 0, sizeof *o);
	o->format = MEMO_MARKDOWN;
	optind = 0;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "o:", longopts, NULL)) != -1) {
		if (c == '?' || c == ':' ||
		    (allowed & (1u << (strchr(letters, c) - letters))) == 0) {
			cmd_error(_("memo %s: unknown or misused option '%s'"),
			    argv[0], argv[optind - 1]);
			return -1;
		}
		switch (c) {
		case 's': o->section = optarg; break;
		case 'S': o->story = optarg; break;
		case 'H': o->headline = optarg; break;
		case 'q': o->quote = optarg; break;
		case 'o': o->output = optarg; break;
		case 'j': o->json = true; break;
		case 'a': o->automatic = true; break;
		case 'f':
			if (!memo_format_parse(optarg, &o->format)) {
				cmd_error(_("unknown format '%s' (md or txt)"),
				    optarg);
				return -1;
			}
			break;
		}
	}
	memmove(argv + 1, argv + optind, (size_t)(argc - optind) * sizeof *argv);
	return argc - optind + 1;
}

/* ---- opening ---- */

/* The subscription list's title for a feed, if it gives one. */
static const char *
cmd_memo_feed_title(const char *url, void *arg)
{
	const struct sub	*sub = subs_find(arg, url);

	return sub != NULL ? sub->title : NULL;
}

/* Bring the open issue in line with the configuration and the items. */
static bool
cmd_memo_prepare(struct memo_cmd *m, char **cause)
{
	struct subs	*subs;
	char		**names, *ignored = NULL;
	size_t		 n;
	int		 def;
	bool		 ok;

	names = memo_cfg_sections(m->cfg, &n, &def);
	ok = store_memo_configure(m->st, names, n, def, cause);
	memo_names_free(names, n);
	if (!ok) {
		return false;
	}
	/* A broken subscription list only loses the custom titles. */
	subs = subs_load(m->ctx->paths.feeds_file, &ignored);
	free(ignored);
	ok = store_memo_refresh(m->st, subs != NULL ? cmd_memo_feed_title : NULL,
	    subs, cause);
	subs_free(subs);
	return ok;
}

/* Load (again) the open issue into m->issue. */
static bool
cmd_memo_reload(struct memo_cmd *m)
{
	char	*cause = NULL;

	memo_issue_free(m->issue);
	if ((m->issue = store_memo_load(m->st, -1, &cause)) == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return false;
	}
	return true;
}

static bool
cmd_memo_open(struct memo_cmd *m, struct cmd_ctx *ctx)
{
	char	*cause = NULL;

	memset(m, 0, sizeof *m);
	m->ctx = ctx;
	m->cfg = cmd_load_cfg(ctx);
	if ((m->st = cmd_store_open(ctx)) == NULL) {
		return false;
	}
	if (!cmd_memo_prepare(m, &cause)) {
		cmd_error("%s", cause);
		free(cause);
		return false;
	}
	return cmd_memo_reload(m);
}

static void
cmd_memo_close_all(struct memo_cmd *m)
{
	memo_issue_free(m->issue);
	cmd_store_close(m->st);
	cfg_free(m->cfg);
}

/* Print and free *cause (if any) and give the exit code for ok.  (cause is
 * passed by address: the call that sets it is an argument too.) */
static int
cmd_memo_result(bool ok, char **cause)
{
	if (!ok) {
		cmd_error("%s", *cause != NULL ? *cause : _("failed"));
	}
	free(*cause);
	*cause = NULL;
	return ok ? EXIT_OK : EXIT_FAIL;
}

/* ---- arguments ---- */

/* The open issue's entry for item word; NULL (after an error) when word is
 * not a number or the item is not in the memo. */
static struct memo_entry *
cmd_memo_entry_arg(struct memo_cmd *m, const char *word)
{
	struct memo_entry	*e;
	long			 id;

	if (!cmd_memo_number(word, false, &id)) {
		cmd_error(_("invalid item id '%s'"), word);
		return NULL;
	}
	if ((e = memo_issue_find_item(m->issue, id, NULL)) == NULL) {
		cmd_error(_("item %ld is not in the memo"), id);
	}
	return e;
}

/* Story number word of the open issue, or NULL after an error. */
static struct memo_story *
cmd_memo_story_arg(struct memo_cmd *m, const char *word)
{
	struct memo_story	*s = NULL;
	long			 n;

	if (cmd_memo_number(word, false, &n)) {
		s = memo_issue_story(m->issue, (size_t)n, NULL);
	}
	if (s == NULL) {
		cmd_error(_("no story '%s' (see 'kiji memo list')"), word);
	}
	return s;
}

/* Section word (name or number) of the open issue: its index or -1. */
static int
cmd_memo_section_arg(struct memo_cmd *m, const char *word)
{
	int	i = memo_issue_section_find(m->issue, word);

	if (i < 0) {
		cmd_error(_("no section '%s' (see 'kiji memo list')"), word);
	}
	return i;
}

/* Words from argv[from] on joined with spaces (NULL when there are none). */
static char *
cmd_memo_words(int argc, char **argv, int from)
{
	struct buf	b = BUF_INIT;
	int		i;

	if (from >= argc) {
		return NULL;
	}
	for (i = from; i < argc; i++) {
		if (i > from) {
			buf_putc(&b, ' ');
		}
		buf_puts(&b, argv[i]);
	}
	return buf_detach(&b);
}

/* ---- output ---- */

/* Write text to an open stream; false with *cause naming what. */
static bool
cmd_memo_put(FILE *f, const char *what, const char *text, char **cause)
{
	if (fputs(text, f) == EOF || fflush(f) != 0 || ferror(f)) {
		*cause = xasprintf(_("cannot write %s: %s"), what,
		    strerror(errno));
		return false;
	}
	return true;
}

/* Write text to path: a regular file (or a new one) is replaced atomically,
 * a device or pipe written to; NULL or "-" is the standard output. */
static bool
cmd_memo_write(const char *path, const char *text, char **cause)
{
	struct stat	 sb;
	FILE		*f;
	bool		 ok;

	if (path == NULL || strcmp(path, "-") == 0) {
		return cmd_memo_put(stdout, _("the standard output"), text,
		    cause);
	}
	if (stat(path, &sb) != 0 || S_ISREG(sb.st_mode)) {
		return file_write_atomic(path, text, strlen(text), cause);
	}
	if (S_ISDIR(sb.st_mode) || (f = fopen(path, "w")) == NULL) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(S_ISDIR(sb.st_mode) ? EISDIR : errno));
		return false;
	}
	ok = cmd_memo_put(f, path, text, cause);
	if (fclose(f) != 0 && ok) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(errno));
		ok = false;
	}
	return ok;
}

/* Render issue as the configuration says and write it. */
static bool
cmd_memo_export_issue(struct memo_cmd *m, const struct memo_issue *issue,
    const struct memo_opts *o, char **cause)
{
	struct memo_style	 style;
	char			*text;
	bool			 ok;

	memo_cfg_style(m->cfg, &style);
	text = memo_render(issue, &style, o->format);
	ok = cmd_memo_write(o->output, text, cause);
	free(text);
	return ok;
}

/* One entry of `list`, on the terminal. */
static void
cmd_memo_list_entry(const struct memo_entry *e)
{
	char		*title = memo_clean(e->title, false);
	char		*feed = memo_clean(e->feed_title, false);
	char		*quote = memo_clean(e->quote, false);
	struct tm	 tm;

	if (localtime_r(&e->date, &tm) == NULL) {
		memset(&tm, 0, sizeof tm);
	}
	if (e->item_id != 0) {
		printf("     %6lld ", (long long)e->item_id);
	} else {
		printf("     %6s ", "-");
	}
	printf("(%d/%d) %s | %s\n", tm.tm_mon + 1, tm.tm_mday, title, feed);
	if (quote[0] != '\0') {
		printf("            > %s\n", quote);
	}
	free(title);
	free(feed);
	free(quote);
}

/* `list` as text: sections numbered, stories numbered across the issue. */
static void
cmd_memo_list_text(const struct memo_issue *issue)
{
	const struct memo_story	*s;
	char			*text;
	size_t			 i, j, k, n = 0;

	printf(issue->closed ? _("Issue #%ld (closed)\n") :
	    _("Issue #%ld (open)\n"), issue->number);
	for (i = 0; i < issue->nsections; i++) {
		text = memo_clean(issue->sections[i].name, false);
		printf("[%zu] %s%s\n", i + 1, text,
		    i == issue->default_section ? _(" (default)") : "");
		free(text);
		for (j = 0; j < issue->sections[i].nstories; j++) {
			s = &issue->sections[i].stories[j];
			text = memo_clean(memo_story_headline(s), false);
			printf("  %2zu. %s\n", ++n, text);
			free(text);
			for (k = 0; k < s->nentries; k++) {
				cmd_memo_list_entry(&s->entries[k]);
			}
		}
	}
}

static void
cmd_memo_json_entry(struct json *j, const struct memo_entry *e)
{
	json_object_begin(j);
	if (e->item_id != 0) {
		json_kv_int(j, "item", e->item_id);
	} else {
		json_key(j, "item");
		json_null(j);
	}
	json_kv_string(j, "title", e->title);
	json_kv_string(j, "link", e->link);
	json_kv_string(j, "feed_title", e->feed_title);
	json_kv_string(j, "feed_url", e->feed_url);
	json_kv_int(j, "date", (long long)e->date);
	json_kv_string(j, "quote", e->quote);
	json_object_end(j);
}

static void
cmd_memo_json_story(struct json *j, const struct memo_story *s, size_t n)
{
	size_t	k;

	json_object_begin(j);
	json_kv_int(j, "number", (long long)n);
	json_kv_string(j, "headline", memo_story_headline(s));
	json_kv_bool(j, "headline_set", s->headline != NULL);
	json_key(j, "entries");
	json_array_begin(j);
	for (k = 0; k < s->nentries; k++) {
		cmd_memo_json_entry(j, &s->entries[k]);
	}
	json_array_end(j);
	json_object_end(j);
}

/* `list --json`: the issue as one object. */
static void
cmd_memo_list_json(const struct memo_issue *issue)
{
	struct buf	b = BUF_INIT;
	struct json	j;
	size_t		i, k, n = 0;

	json_init(&j, &b, true);
	json_object_begin(&j);
	json_kv_int(&j, "number", issue->number);
	json_kv_bool(&j, "open", !issue->closed);
	json_key(&j, "sections");
	json_array_begin(&j);
	for (i = 0; i < issue->nsections; i++) {
		json_object_begin(&j);
		json_kv_int(&j, "number", (long long)i + 1);
		json_kv_string(&j, "name", issue->sections[i].name);
		json_kv_bool(&j, "default", i == issue->default_section);
		json_key(&j, "stories");
		json_array_begin(&j);
		for (k = 0; k < issue->sections[i].nstories; k++) {
			cmd_memo_json_story(&j, &issue->sections[i].stories[k],
			    ++n);
		}
		json_array_end(&j);
		json_object_end(&j);
	}
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(&b, '\n');
	fputs(buf_str(&b), stdout);
	buf_free(&b);
}

/* ---- subcommands ---- */

static int
cmd_memo_export(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_opts	 o;
	char			*cause = NULL;

	if (cmd_memo_options(argc, argv, MEMO_OPT_OUTPUT | MEMO_OPT_FORMAT,
	    &o) != 1) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	return cmd_memo_result(cmd_memo_export_issue(m, m->issue, &o, &cause),
	    &cause);
}

static int
cmd_memo_list(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_opts	o;

	if (cmd_memo_options(argc, argv, MEMO_OPT_JSON, &o) != 1) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (o.json) {
		cmd_memo_list_json(m->issue);
	} else {
		cmd_memo_list_text(m->issue);
	}
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

/* With --auto and neither --section nor --story: the first story related
 * to item (0 when none). */
static int64_t
cmd_memo_auto_story(struct memo_cmd *m, int64_t item, char **cause)
{
	int64_t	*ids, story = 0;
	size_t	 n;

	if (!store_memo_related(m->st, item, &ids, &n, cause)) {
		return -1;
	}
	if (n > 0) {
		story = ids[0];
	}
	free(ids);
	return story;
}

/* Fill req's placement from --section/--story; false after an error. */
static bool
cmd_memo_placement(struct memo_cmd *m, const struct memo_opts *o,
    struct store_memo_add *req)
{
	struct memo_story	*s;

	req->section = -1;
	if (o->section != NULL &&
	    (req->section = cmd_memo_section_arg(m, o->section)) < 0) {
		return false;
	}
	if (o->story != NULL) {
		if ((s = cmd_memo_story_arg(m, o->story)) == NULL) {
			return false;
		}
		req->story_id = s->id;
	}
	return true;
}

static int
cmd_memo_add(struct memo_cmd *m, int argc, char **argv)
{
	struct store_memo_add	 req;
	struct memo_opts	 o;
	char			*cause = NULL;
	long			 id;

	if (cmd_memo_options(argc, argv, MEMO_OPT_SECTION | MEMO_OPT_STORY |
	    MEMO_OPT_HEADLINE | MEMO_OPT_QUOTE | MEMO_OPT_AUTO, &o) != 2 ||
	    (o.story != NULL && (o.headline != NULL || o.section != NULL))) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (!cmd_memo_number(argv[1], false, &id)) {
		cmd_error(_("invalid item id '%s'"), argv[1]);
		return EXIT_USAGE;
	}
	memset(&req, 0, sizeof req);
	req.item_id = id;
	req.headline = o.headline;
	req.quote = o.quote;
	if (!cmd_memo_placement(m, &o, &req)) {
		return EXIT_FAIL;
	}
	if (o.automatic && o.story == NULL && o.section == NULL &&
	    memo_issue_find_item(m->issue, id, NULL) == NULL &&
	    (req.story_id = cmd_memo_auto_story(m, id, &cause)) < 0) {
		return cmd_memo_result(false, &cause);
	}
	return cmd_memo_result(store_memo_add(m->st, &req, &cause), &cause);
}

/* An operation on the entry named by argv[1] (remove, split). */
static int
cmd_memo_entry_op(struct memo_cmd *m, int argc, char **argv,
    bool (*op)(struct store *, int64_t, char **))
{
	struct memo_opts	 o;
	struct memo_entry	*e;
	char			*cause = NULL;

	if (cmd_memo_options(argc, argv, 0, &o) != 2) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if ((e = cmd_memo_entry_arg(m, argv[1])) == NULL) {
		return EXIT_FAIL;
	}
	return cmd_memo_result(op(m->st, e->id, &cause), &cause);
}

static int
cmd_memo_remove(struct memo_cmd *m, int argc, char **argv)
{
	return cmd_memo_entry_op(m, argc, argv, store_memo_entry_remove);
}

static int
cmd_memo_move(struct memo_cmd *m, int argc, char **argv)
{
	struct store_memo_add	 req;
	struct memo_opts	 o;
	struct memo_entry	*e;
	char			*cause = NULL;

	if (cmd_memo_options(argc, argv, MEMO_OPT_SECTION | MEMO_OPT_STORY,
	    &o) != 2 || (o.story == NULL) == (o.section == NULL)) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if ((e = cmd_memo_entry_arg(m, argv[1])) == NULL) {
		return EXIT_FAIL;
	}
	memset(&req, 0, sizeof req);
	req.item_id = e->item_id;
	if (!cmd_memo_placement(m, &o, &req)) {
		return EXIT_FAIL;
	}
	return cmd_memo_result(store_memo_add(m->st, &req, &cause), &cause);
}

static int
cmd_memo_split(struct memo_cmd *m, int argc, char **argv)
{
	return cmd_memo_entry_op(m, argc, argv, store_memo_entry_split);
}

/* up N and down N. */
static int
cmd_memo_updown(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_opts	 o;
	struct memo_story	*s;
	char			*cause = NULL;

	if (cmd_memo_options(argc, argv, 0, &o) != 2) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if ((s = cmd_memo_story_arg(m, argv[1])) == NULL) {
		return EXIT_FAIL;
	}
	return cmd_memo_result(store_memo_story_move(m->st, s->id,
	    strcmp(argv[0], "up") == 0 ? -1 : 1, &cause), &cause);
}

/* headline/quote: set the text of story (entry false) or item (entry true)
 * argv[1] to the remaining words; none clears it. */
static int
cmd_memo_set_text(struct memo_cmd *m, int argc, char **argv, bool entry)
{
	struct memo_opts	 o;
	struct memo_story	*s;
	struct memo_entry	*e;
	char			*cause = NULL, *text;
	int64_t			 id;
	bool			 ok;

	if ((argc = cmd_memo_options(argc, argv, 0, &o)) < 2) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (entry) {
		if ((e = cmd_memo_entry_arg(m, argv[1])) == NULL) {
			return EXIT_FAIL;
		}
		id = e->id;
	} else {
		if ((s = cmd_memo_story_arg(m, argv[1])) == NULL) {
			return EXIT_FAIL;
		}
		id = s->id;
	}
	text = cmd_memo_words(argc, argv, 2);
	if (entry) {
		ok = store_memo_entry_set_quote(m->st, id, text, &cause);
	} else {
		ok = store_memo_story_set_headline(m->st, id, text, &cause);
	}
	free(text);
	return cmd_memo_result(ok, &cause);
}

static int
cmd_memo_headline(struct memo_cmd *m, int argc, char **argv)
{
	return cmd_memo_set_text(m, argc, argv, false);
}

static int
cmd_memo_quote(struct memo_cmd *m, int argc, char **argv)
{
	return cmd_memo_set_text(m, argc, argv, true);
}

/* related ID: the numbers of the stories sharing an identifier with ID. */
static int
cmd_memo_related(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_opts	 o;
	struct memo_story	*s;
	int64_t			*ids;
	size_t			 n, i, number, count;
	char			*cause = NULL;
	long			 id;

	if (cmd_memo_options(argc, argv, 0, &o) != 2) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (!cmd_memo_number(argv[1], false, &id)) {
		cmd_error(_("invalid item id '%s'"), argv[1]);
		return EXIT_USAGE;
	}
	if (!store_memo_related(m->st, id, &ids, &n, &cause)) {
		return cmd_memo_result(false, &cause);
	}
	count = memo_issue_story_count(m->issue);
	for (number = 1; number <= count; number++) {
		s = memo_issue_story(m->issue, number, NULL);
		for (i = 0; i < n; i++) {
			if (ids[i] == s->id) {
				printf("%zu\n", number);
			}
		}
	}
	free(ids);
	return EXIT_OK;
}

static int
cmd_memo_set_number(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_opts	 o;
	char			*cause = NULL;
	long			 n;

	if (cmd_memo_options(argc, argv, 0, &o) != 2) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (!cmd_memo_number(argv[1], true, &n)) {
		cmd_error(_("invalid issue number '%s'"), argv[1]);
		return EXIT_USAGE;
	}
	return cmd_memo_result(store_memo_set_number(m->st, n, &cause),
	    &cause);
}

/* close: export (the file first: a failed export closes nothing). */
static int
cmd_memo_close(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_opts	 o;
	char			*cause = NULL;
	long			 closed;

	if (cmd_memo_options(argc, argv, MEMO_OPT_OUTPUT | MEMO_OPT_FORMAT,
	    &o) != 1) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (!cmd_memo_export_issue(m, m->issue, &o, &cause) ||
	    !store_memo_close(m->st, &closed, &cause)) {
		return cmd_memo_result(false, &cause);
	}
	if (!cmd_memo_reload(m)) {
		return EXIT_FAIL;
	}
	fprintf(stderr, _("kiji: issue #%ld archived; issue #%ld is open\n"),
	    closed, m->issue->number);
	return EXIT_OK;
}

static int
cmd_memo_issues(struct memo_cmd *m, int argc, char **argv)
{
	struct store_memo_issue	*list;
	struct memo_opts	 o;
	char			 when[32], *cause = NULL;
	struct tm		 tm;
	size_t			 n, i;

	if (cmd_memo_options(argc, argv, 0, &o) != 1) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (!store_memo_issues(m->st, &list, &n, &cause)) {
		return cmd_memo_result(false, &cause);
	}
	for (i = 0; i < n; i++) {
		if (list[i].closed && localtime_r(&list[i].closed_at, &tm) != NULL) {
			strftime(when, sizeof when, "%Y-%m-%d", &tm);
		} else {
			snprintf(when, sizeof when, "%s", _("open"));
		}
		printf(_("#%-6ld %-10s %3zu stories, %3zu entries\n"),
		    list[i].number, when, list[i].stories, list[i].entries);
	}
	free(list);
	return EXIT_OK;
}

static int
cmd_memo_show(struct memo_cmd *m, int argc, char **argv)
{
	struct memo_issue	*issue;
	struct memo_opts	 o;
	char			*cause = NULL;
	long			 n;
	bool			 ok;

	if (cmd_memo_options(argc, argv, MEMO_OPT_OUTPUT | MEMO_OPT_FORMAT,
	    &o) != 2) {
		cmd_memo_usage(stderr);
		return EXIT_USAGE;
	}
	if (!cmd_memo_number(argv[1], true, &n)) {
		cmd_error(_("invalid issue number '%s'"), argv[1]);
		return EXIT_USAGE;
	}
	if ((issue = store_memo_load(m->st, n, &cause)) == NULL) {
		return cmd_memo_result(false, &cause);
	}
	ok = cmd_memo_export_issue(m, issue, &o, &cause);
	memo_issue_free(issue);
	return cmd_memo_result(ok, &cause);
}

static const struct {
	const char	*name;
	int		(*run)(struct memo_cmd *, int, char **);
} cmd_memo_table[] = {
	{ "export", cmd_memo_export },
	{ "list", cmd_memo_list },
	{ "add", cmd_memo_add },
	{ "remove", cmd_memo_remove },
	{ "move", cmd_memo_move },
	{ "split", cmd_memo_split },
	{ "up", cmd_memo_updown },
	{ "down", cmd_memo_updown },
	{ "headline", cmd_memo_headline },
	{ "quote", cmd_memo_quote },
	{ "related", cmd_memo_related },
	{ "number", cmd_memo_set_number },
	{ "close", cmd_memo_close },
	{ "issues", cmd_memo_issues },
	{ "show", cmd_memo_show },
};

int
cmd_memo(struct cmd_ctx *ctx, int argc, char **argv)
{
	static char	*none[] = { (char *)"export", NULL };
	struct memo_cmd	 m;
	size_t		 i;
	int		 rc = EXIT_USAGE;

	if (cmd_wants_help(argc, argv)) {
		cmd_memo_usage(stdout);
		return EXIT_OK;
	}
	for (i = 0; argc > 1 && i < sizeof cmd_memo_table /
	    sizeof cmd_memo_table[0]; i++) {
		if (strcmp(argv[1], cmd_memo_table[i].name) == 0) {
			break;
		}
	}
	if (argc > 1 && i == sizeof cmd_memo_table / sizeof cmd_memo_table[0]) {
		cmd_error(_("unknown memo command '%s'; see 'kiji memo --help'"),
		    argv[1]);
		return EXIT_USAGE;
	}
	if (cmd_memo_open(&m, ctx)) {
		rc = argc > 1 ? cmd_memo_table[i].run(&m, argc - 1, argv + 1) :
		    cmd_memo_export(&m, 1, none);
	} else {
		rc = EXIT_FAIL;
	}
	cmd_memo_close_all(&m);
	return rc;
}
