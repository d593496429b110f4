/* cmd-parse: `kiji parse`, print what the feed parser understood. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "cmd.h"
#include "date.h"
#include "feed.h"
#include "file.h"
#include "i18n.h"
#include "json.h"
#include "url.h"
#include "utf8.h"
#include "xalloc.h"

struct cmd_parse_opts {
	const char	*file;
	char		*url;
	const char	*charset;
	const char	*content_type;
	bool		 json;
};

static void
cmd_parse_usage(FILE *f)
{
	fprintf(f, _("Usage: kiji parse [OPTIONS] FILE|-\n"));
	fprintf(f, _("Parse a feed file and print what was understood.\n\n"));
	fprintf(f, _("  --url URL           base URL for relative links (given "
	    "twice, the\n"
	    "                      second is resolved against the first)\n"));
	fprintf(f, _("  --charset CS        charset from HTTP; wins over the "
	    "XML declaration\n"));
	fprintf(f, _("  --content-type VAL  a whole Content-Type header value\n"));
	fprintf(f, _("  --json              print JSON (see doc/parse-json.md)\n"));
	fprintf(f, _("  -h, --help          show this help and exit\n"));
}

/* The value of option name at argv[*i] ("--name=V" or "--name V"), or
 * NULL when argv[*i] is not that option. */
static const char *
cmd_parse_value(int argc, char **argv, int *i, const char *name, bool *bad)
{
	size_t	n = strlen(name);

	if (strncmp(argv[*i], name, n) != 0) {
		return NULL;
	}
	if (argv[*i][n] == '=') {
		return argv[*i] + n + 1;
	}
	if (argv[*i][n] != '\0') {
		return NULL;
	}
	if (*i + 1 >= argc) {
		cmd_error(_("option %s needs a value"), name);
		*bad = true;
		return NULL;
	}
	return argv[++*i];
}

/* Remember a --url; a later one is resolved against the earlier. */
static void
cmd_parse_set_url(struct cmd_parse_opts *o, const char *v)
{
	char	*u;

	if (!url_scheme_ok(v)) {
		return;
	}
	u = url_resolve(o->url, v);
	free(o->url);
	o->url = u;
}

/* Fill o from argv; false on a usage error. */
static bool
cmd_parse_args(int argc, char **argv, struct cmd_parse_opts *o)
{
	const char	*v;
	bool		 bad = false;
	int		 i;

	for (i = 1; i < argc && !bad; i++) {
		if (strcmp(argv[i], "--json") == 0) {
			o->json = true;
		} else if ((v = cmd_parse_value(argc, argv, &i, "--url",
		    &bad)) != NULL) {
			cmd_parse_set_url(o, v);
		} else if ((v = cmd_parse_value(argc, argv, &i, "--charset",
		    &bad)) != NULL) {
			o->charset = v;
		} else if ((v = cmd_parse_value(argc, argv, &i,
		    "--content-type", &bad)) != NULL) {
			o->content_type = v;
		} else if (bad) {
			break;
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			cmd_error(_("unknown option: %s"), argv[i]);
			bad = true;
		} else if (o->file != NULL) {
			cmd_error(_("only one FILE may be given"));
			bad = true;
		} else {
			o->file = argv[i];
		}
	}
	if (!bad && o->file == NULL) {
		cmd_error(_("no FILE given (use - for standard input)"));
		bad = true;
	}
	return !bad;
}

/* Write "key": ISO date, if the epoch value is set. */
static void
cmd_parse_json_date(struct json *j, const char *key, time_t t)
{
	char	iso[32];

	if (t != 0) {
		date_format_iso(t, iso);
		json_kv_string(j, key, iso);
	}
}

/* Write "key": value unless value is NULL. */
static void
cmd_parse_kv(struct json *j, const char *key, const char *value)
{
	if (value != NULL) {
		json_kv_string(j, key, value);
	}
}

static void
cmd_parse_json_enclosures(struct json *j, const struct item *it)
{
	size_t	i;

	json_key(j, "enclosures");
	json_array_begin(j);
	for (i = 0; i < it->nenclosures; i++) {
		json_object_begin(j);
		json_kv_string(j, "url", it->enclosures[i].url);
		cmd_parse_kv(j, "type", it->enclosures[i].type);
		if (it->enclosures[i].length >= 0) {
			json_kv_int(j, "length", it->enclosures[i].length);
		}
		json_object_end(j);
	}
	json_array_end(j);
}

static const char *
cmd_parse_type_name(enum content_type t)
{
	return t == CONTENT_HTML ? "html" : "text";
}

static void
cmd_parse_json_item(struct json *j, const struct item *it)
{
	size_t	i;

	json_object_begin(j);
	cmd_parse_kv(j, "id", it->guid);
	json_kv_string(j, "key", it->key);
	cmd_parse_kv(j, "title", it->title);
	cmd_parse_kv(j, "link", it->link);
	cmd_parse_kv(j, "author", it->author);
	cmd_parse_kv(j, "summary", it->summary);
	if (it->summary != NULL) {
		json_kv_string(j, "summary_type",
		    cmd_parse_type_name(it->summary_type));
	}
	cmd_parse_kv(j, "content", it->content);
	if (it->content != NULL) {
		json_kv_string(j, "content_type",
		    cmd_parse_type_name(it->content_type));
	}
	cmd_parse_json_date(j, "published", it->published);
	cmd_parse_json_date(j, "updated", it->updated);
	cmd_parse_kv(j, "published_raw", it->published_raw);
	cmd_parse_kv(j, "updated_raw", it->updated_raw);
	cmd_parse_kv(j, "base", it->base);
	json_key(j, "categories");
	json_array_begin(j);
	for (i = 0; i < it->ncategories; i++) {
		json_string(j, it->categories[i]);
	}
	json_array_end(j);
	cmd_parse_json_enclosures(j, it);
	json_object_end(j);
}

/* The whole document as JSON (shape: doc/parse-json.md). */
static void
cmd_parse_json(const struct feed_doc *doc, struct buf *out)
{
	struct json	j;
	size_t		i;

	json_init(&j, out, true);
	json_object_begin(&j);
	cmd_parse_kv(&j, "version", doc->version);
	cmd_parse_kv(&j, "encoding", doc->encoding);
	json_kv_bool(&j, "bozo", doc->bozo);
	cmd_parse_kv(&j, "bozo_message", doc->bozo_message);
	json_key(&j, "feed");
	json_object_begin(&j);
	cmd_parse_kv(&j, "title", doc->title);
	cmd_parse_kv(&j, "link", doc->link);
	cmd_parse_kv(&j, "subtitle", doc->subtitle);
	cmd_parse_kv(&j, "id", doc->id);
	cmd_parse_kv(&j, "language", doc->language);
	cmd_parse_kv(&j, "rights", doc->rights);
	cmd_parse_kv(&j, "author", doc->author);
	cmd_parse_json_date(&j, "updated", doc->updated);
	cmd_parse_kv(&j, "updated_raw", doc->updated_raw);
	json_object_end(&j);
	json_key(&j, "items");
	json_array_begin(&j);
	for (i = 0; i < doc->nitems; i++) {
		cmd_parse_json_item(&j, &doc->items[i]);
	}
	json_array_end(&j);
	json_object_end(&j);
	buf_putc(out, '\n');
}

/* Append s to out with control characters (C0, C1, DEL) and bidi
 * overrides made harmless. */
static void
cmd_parse_safe(struct buf *out, const char *s)
{
	char	*fixed, *p;

	if (s[0] == '\0') {
		return;	/* utf8_repair() of "" is not terminated */
	}
	fixed = utf8_repair(s, strlen(s));
	for (p = fixed; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			*p = ' ';
		} else if ((unsigned char)p[0] == 0xc2 &&
		    (unsigned char)p[1] >= 0x80 && (unsigned char)p[1] < 0xa0) {
			p[0] = ' ';
			p[1] = ' ';
		} else if ((unsigned char)p[0] == 0xe2 && (((unsigned char)p[1] ==
		    0x80 && (unsigned char)p[2] >= 0xaa && (unsigned char)p[2] <=
		    0xae) || ((unsigned char)p[1] == 0x81 && (unsigned char)p[2] >=
		    0xa6 && (unsigned char)p[2] <= 0xa9))) {
			memset(p, ' ', 3);	/* bidi embeddings and overrides */
			p += 2;
		}
	}
	buf_puts(out, fixed);
	free(fixed);
}

/* A short human-readable listing. */
static void
cmd_parse_text(const struct feed_doc *doc, struct buf *out)
{
	char	iso[32];
	size_t	i;

	cmd_parse_safe(out, doc->title != NULL ? doc->title : _("(untitled)"));
	buf_printf(out, "  [%s, %s%s]\n", doc->version, doc->encoding,
	    doc->bozo ? _(", ill-formed") : "");
	if (doc->bozo_message != NULL) {
		buf_printf(out, "  %s ", _("problem:"));
		cmd_parse_safe(out, doc->bozo_message);
		buf_putc(out, '\n');
	}
	if (doc->link != NULL) {
		buf_puts(out, "  ");
		cmd_parse_safe(out, doc->link);
		buf_putc(out, '\n');
	}
	buf_printf(out, ngettext("%zu item\n", "%zu items\n", doc->nitems),
	    doc->nitems);
	for (i = 0; i < doc->nitems; i++) {
		buf_printf(out, "%4zu. ", i + 1);
		cmd_parse_safe(out, doc->items[i].title != NULL ?
		    doc->items[i].title : _("(untitled)"));
		buf_putc(out, '\n');
		buf_puts(out, "      ");
		if (doc->items[i].published != 0 || doc->items[i].updated != 0) {
			date_format_iso(doc->items[i].published != 0 ?
			    doc->items[i].published : doc->items[i].updated, iso);
			buf_printf(out, "%s  ", iso);
		}
		cmd_parse_safe(out, doc->items[i].link != NULL ?
		    doc->items[i].link : doc->items[i].key);
		buf_putc(out, '\n');
	}
}

/* Read, parse and print; returns an exit code. */
static int
cmd_parse_run(struct cmd_parse_opts *o)
{
	struct feed_doc	*doc;
	struct buf	 out = BUF_INIT;
	char		*data, *cause = NULL, *charset = NULL;
	size_t		 len;
	bool		 is_xml = true;

	data = file_read(o->file, &len, &cause);
	if (data == NULL) {
		cmd_error("%s", cause);
		free(cause);
		return EXIT_FAIL;
	}
	if (o->content_type != NULL) {
		charset = feed_content_type_charset(o->content_type, &is_xml);
	}
	doc = feed_parse(data, len, o->url, o->charset != NULL ? o->charset :
	    charset, &cause);
	free(data);
	free(charset);
	if (doc == NULL) {
		cmd_error(_("%s: cannot parse: %s"), o->file, cause);
		free(cause);
		return EXIT_FAIL;
	}
	if (!is_xml) {
		feed_doc_bozo(doc, _("served with a non-XML media type"));
	}
	if (o->json) {
		cmd_parse_json(doc, &out);
	} else {
		cmd_parse_text(doc, &out);
	}
	fwrite(out.data != NULL ? out.data : "", 1, out.len, stdout);
	buf_free(&out);
	feed_doc_free(doc);
	return fflush(stdout) == 0 ? EXIT_OK : EXIT_FAIL;
}

/* kiji parse FILE|- [--url BASE] [--charset CS] [--content-type TYPE]
 * [--json] */
int
cmd_parse(struct cmd_ctx *ctx, int argc, char **argv)
{
	struct cmd_parse_opts	o;
	int			rc;

	(void)ctx;
	if (cmd_wants_help(argc, argv)) {
		cmd_parse_usage(stdout);
		return EXIT_OK;
	}
	memset(&o, 0, sizeof o);
	if (!cmd_parse_args(argc, argv, &o)) {
		cmd_parse_usage(stderr);
		free(o.url);
		return EXIT_USAGE;
	}
	feed_init();
	rc = cmd_parse_run(&o);
	free(o.url);
	return rc;
}
