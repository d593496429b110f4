/* show: an item laid out as the reading pane shows it. */
#include "config.h"
#include "show.h"

#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "html.h"
#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

/* Columns of an unopenable URL shown in the link list. */
#define SHOW_URL_MAX	100

/* Append a header line "label value" (value may be NULL: no line). */
static void
show_meta(struct html_doc *doc, const char *label, const char *value)
{
	char	*s;

	if (value == NULL || *value == '\0') {
		return;
	}
	s = xasprintf("%s %s", label, value);
	html_doc_add(doc, HTML_BLOCK_PARA, s, 0);
	free(s);
}

/* The header: title, feed, author, date, link and a rule. */
static struct html_doc *
show_header(const struct show_item *item)
{
	struct html_doc	*doc = html_doc_new();
	char		 date[64];
	struct tm	 tm;

	if (item->title != NULL && *item->title != '\0') {
		html_doc_add(doc, HTML_BLOCK_PARA, item->title,
		    HTML_STYLE_BOLD | HTML_STYLE_HEADING);
	}
	show_meta(doc, _("Feed:"), item->feed_title);
	show_meta(doc, _("Author:"), item->author);
	if (item->date != 0 && localtime_r(&item->date, &tm) != NULL &&
	    strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm) > 0) {
		show_meta(doc, _("Date:"), date);
	}
	show_meta(doc, _("Link:"), item->link);
	if (doc->nblocks > 0) {
		html_doc_add(doc, HTML_BLOCK_RULE, "", 0);
	}
	return doc;
}

/* How a link's URL is listed: a long URL that will not be opened (a data:
 * image, say) is cut after SHOW_URL_MAX columns with "…". */
static char *
show_link_text(const struct html_link *link)
{
	size_t	len = strlen(link->url), cut;

	if (link->openable || len <= SHOW_URL_MAX) {
		return xstrdup(link->url);
	}
	cut = utf8_prefix(link->url, len, SHOW_URL_MAX - 1, 1, NULL);
	return xasprintf("%.*s…", (int)cut, link->url);
}

/* The link list: "[n] url", with a note for images and unsafe schemes. */
static struct html_doc *
show_links(const struct html_doc *body)
{
	struct html_doc		*doc = html_doc_new();
	struct html_block	*blk;
	char			*s, *url;
	size_t			 i;

	if (body->nlinks == 0) {
		return doc;
	}
	html_doc_add(doc, HTML_BLOCK_PARA, _("Links:"), HTML_STYLE_BOLD)->gap =
	    true;
	for (i = 0; i < body->nlinks; i++) {
		url = show_link_text(&body->links[i]);
		s = xasprintf("%s%s%s", url,
		    body->links[i].image ? _(" (image)") : "",
		    body->links[i].openable ? "" : _(" (will not be opened)"));
		blk = html_doc_add(doc, HTML_BLOCK_PARA, s, 0);
		free(s);
		free(url);
		blk->marker = xasprintf("[%zu] ", i + 1);
		blk->indent = (int)strlen(blk->marker);
	}
	return doc;
}

/* Append the blocks of doc to the array *all of *n (no copies of text). */
static void
show_append(struct html_block **all, size_t *n, const struct html_doc *doc)
{
	*all = xreallocarray(*all, *n + doc->nblocks + 1, sizeof **all);
	if (doc->nblocks > 0) {
		memcpy(*all + *n, doc->blocks, doc->nblocks * sizeof **all);
	}
	*n += doc->nblocks;
}

/* The item's body as blocks and links; the caller frees the result. */
struct html_doc *
show_parse_body(const struct show_item *item)
{
	const char	*text = item->body != NULL ? item->body : "";

	if (item->body_html) {
		return html_parse(text, item->body_len, item->base);
	}
	return html_from_text(text, item->body_len);
}

/* Lay out item's header, the parsed body and its link list. */
struct layout *
show_layout(const struct show_item *item, const struct html_doc *body,
    const struct layout_opts *opts)
{
	struct html_doc		*head, *links;
	struct html_block	*all = NULL;
	struct layout		*out;
	size_t			 n = 0, nhead;

	head = show_header(item);
	links = show_links(body);
	show_append(&all, &n, head);
	nhead = n;
	show_append(&all, &n, body);
	if (n > nhead) {
		all[nhead].gap = false;
	}
	show_append(&all, &n, links);
	out = layout_blocks(all, n, opts);
	free(all);
	html_doc_free(head);
	html_doc_free(links);
	return out;
}

/* Lay out item: header, body and link list. */
struct layout *
show_render(const struct show_item *item, const struct layout_opts *opts)
{
	struct html_doc	*body;
	struct layout	*out;

	body = show_parse_body(item);
	out = show_layout(item, body, opts);
	html_doc_free(body);
	return out;
}

/* The SGR parameters for a style mask, or NULL for plain text. */
static const char *
show_sgr(unsigned style)
{
	if (style & (HTML_STYLE_HEADING | HTML_STYLE_BOLD)) {
		return "1";
	}
	if (style & HTML_STYLE_LINK) {
		return "36";
	}
	if (style & HTML_STYLE_IMAGE) {
		return "35";
	}
	if (style & HTML_STYLE_QUOTE) {
		return "2";
	}
	if (style & (HTML_STYLE_PRE | HTML_STYLE_CODE)) {
		return "33";
	}
	if (style & HTML_STYLE_ITALIC) {
		return "3";
	}
	return NULL;
}

/* Print the lines (sanitized by construction), optionally coloured. */
bool
show_print(FILE *f, const struct layout *l, bool color)
{
	const struct layout_line	*line;
	const char			*sgr;
	size_t				 i, r;

	for (i = 0; i < l->nlines; i++) {
		line = &l->lines[i];
		for (r = 0; r < line->nruns; r++) {
			sgr = color ? show_sgr(line->runs[r].style) : NULL;
			if (sgr != NULL) {
				fprintf(f, "\033[%sm", sgr);
			}
			fwrite(line->text + line->runs[r].start, 1,
			    line->runs[r].len, f);
			if (sgr != NULL) {
				fputs("\033[0m", f);
			}
		}
		fputc('\n', f);
	}
	return fflush(f) == 0 && !ferror(f);
}

/* The terminal's width when stdout is one, else 80. */
int
show_default_width(void)
{
	struct winsize	ws;

	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0) {
		return ws.ws_col;
	}
	return 80;
}

bool
show_parse_int(const char *s, int min, int max, int *out)
{
	char	*end;
	long	 n;

	n = strtol(s, &end, 10);
	if (end == s || *end != '\0' || n < min || n > max) {
		return false;
	}
	*out = (int)n;
	return true;
}

int
show_option(int c, const char *arg, struct layout_opts *opts, bool *color,
    char **cause)
{
	switch (c) {
	case 'w':
		if (!show_parse_int(arg, 2, 10000, &opts->width)) {
			*cause = xasprintf(_("invalid width '%s'"), arg);
			return -1;
		}
		return 1;
	case 'a':
		if (!show_parse_int(arg, 1, 2, &opts->ambiguous)) {
			*cause = xasprintf(_("invalid ambiguous width '%s'"), arg);
			return -1;
		}
		return 1;
	case 'C':
		*color = true;
		return 1;
	default:
		return 0;
	}
}

bool
show_stdout(const struct show_item *item, const struct layout_opts *opts,
    bool color)
{
	struct layout	*l;
	bool		 wrote;

	l = show_render(item, opts);
	wrote = show_print(stdout, l, color && isatty(STDOUT_FILENO));
	layout_free(l);
	return wrote;
}
