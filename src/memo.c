/* memo: the issue tree, its rendering and the identifiers that relate
 * stories. */
#include "config.h"
#include "memo.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

const char *const memo_default_sections[] = {
	N_("Incidents"),
	N_("Attacks and threats"),
	N_("Vulnerabilities"),
	N_("Other"),
};
const size_t memo_default_section_count =
    sizeof memo_default_sections / sizeof memo_default_sections[0];

static char *
memo_strdup(const char *s)
{
	return s == NULL ? NULL : xstrdup(s);
}

/* A new empty issue; the caller frees it with memo_issue_free(). */
struct memo_issue *
memo_issue_new(long number)
{
	struct memo_issue	*issue = xcalloc(1, sizeof *issue);

	issue->number = number;
	return issue;
}

static void
memo_story_clear(struct memo_story *story)
{
	size_t	i;

	for (i = 0; i < story->nentries; i++) {
		free(story->entries[i].title);
		free(story->entries[i].link);
		free(story->entries[i].feed_title);
		free(story->entries[i].feed_url);
		free(story->entries[i].quote);
	}
	free(story->entries);
	free(story->headline);
}

void
memo_issue_free(struct memo_issue *issue)
{
	size_t	i, j;

	if (issue == NULL) {
		return;
	}
	for (i = 0; i < issue->nsections; i++) {
		for (j = 0; j < issue->sections[i].nstories; j++) {
			memo_story_clear(&issue->sections[i].stories[j]);
		}
		free(issue->sections[i].stories);
		free(issue->sections[i].name);
	}
	free(issue->sections);
	free(issue);
}

struct memo_section *
memo_issue_add_section(struct memo_issue *issue, const char *name)
{
	struct memo_section	*section;

	issue->sections = xreallocarray(issue->sections, issue->nsections + 1,
	    sizeof *issue->sections);
	section = &issue->sections[issue->nsections++];
	memset(section, 0, sizeof *section);
	section->name = xstrdup(name != NULL ? name : "");
	return section;
}

struct memo_story *
memo_section_add_story(struct memo_section *section, const char *headline)
{
	struct memo_story	*story;

	section->stories = xreallocarray(section->stories,
	    section->nstories + 1, sizeof *section->stories);
	story = &section->stories[section->nstories++];
	memset(story, 0, sizeof *story);
	story->headline = memo_strdup(headline);
	return story;
}

struct memo_entry *
memo_story_add_entry(struct memo_story *story, const char *title,
    const char *link, const char *feed_title, time_t date, const char *quote)
{
	struct memo_entry	*entry;

	story->entries = xreallocarray(story->entries, story->nentries + 1,
	    sizeof *story->entries);
	entry = &story->entries[story->nentries++];
	memset(entry, 0, sizeof *entry);
	entry->title = memo_strdup(title);
	entry->link = memo_strdup(link);
	entry->feed_title = memo_strdup(feed_title);
	entry->date = date;
	entry->quote = memo_strdup(quote);
	return entry;
}

/* The story's headline: its own, else its first entry's title, else "". */
const char *
memo_story_headline(const struct memo_story *story)
{
	if (story->headline != NULL && story->headline[0] != '\0') {
		return story->headline;
	}
	if (story->nentries > 0 && story->entries[0].title != NULL) {
		return story->entries[0].title;
	}
	return "";
}

size_t
memo_issue_story_count(const struct memo_issue *issue)
{
	size_t	i, n = 0;

	for (i = 0; i < issue->nsections; i++) {
		n += issue->sections[i].nstories;
	}
	return n;
}

size_t
memo_issue_entry_count(const struct memo_issue *issue)
{
	size_t	i, j, n = 0;

	for (i = 0; i < issue->nsections; i++) {
		for (j = 0; j < issue->sections[i].nstories; j++) {
			n += issue->sections[i].stories[j].nentries;
		}
	}
	return n;
}

struct memo_story *
memo_issue_story(const struct memo_issue *issue, size_t n, size_t *section)
{
	size_t	i;

	if (n == 0) {
		return NULL;
	}
	for (i = 0; i < issue->nsections; i++) {
		if (n <= issue->sections[i].nstories) {
			if (section != NULL) {
				*section = i;
			}
			return &issue->sections[i].stories[n - 1];
		}
		n -= issue->sections[i].nstories;
	}
	return NULL;
}

struct memo_entry *
memo_issue_find_item(const struct memo_issue *issue, int64_t item_id,
    size_t *story)
{
	struct memo_story	*s;
	size_t			 i, j, k, n = 0;

	for (i = 0; i < issue->nsections; i++) {
		for (j = 0; j < issue->sections[i].nstories; j++) {
			s = &issue->sections[i].stories[j];
			n++;
			for (k = 0; k < s->nentries; k++) {
				if (item_id != 0 && s->entries[k].item_id == item_id) {
					if (story != NULL) {
						*story = n;
					}
					return &s->entries[k];
				}
			}
		}
	}
	return NULL;
}

int
memo_issue_section_find(const struct memo_issue *issue, const char *name)
{
	char		*end;
	long		 n;
	size_t		 i;

	for (i = 0; i < issue->nsections; i++) {
		if (strcasecmp(issue->sections[i].name, name) == 0) {
			return (int)i;
		}
	}
	n = strtol(name, &end, 10);
	if (*name != '\0' && *end == '\0' && n >= 1 &&
	    (size_t)n <= issue->nsections) {
		return (int)n - 1;
	}
	return -1;
}

/* ---- sections ---- */

char **
memo_sections_parse(const char *spec, size_t *n)
{
	const char	*p = spec != NULL ? spec : "", *comma, *end;
	char		**names = NULL, *name, *raw;
	size_t		 count = 0, i;

	while (*p != '\0') {
		comma = strchr(p, ',');
		end = comma != NULL ? comma : p + strlen(p);
		raw = xstrndup(p, (size_t)(end - p));
		name = memo_clean(raw, false);
		free(raw);
		if (name[0] != '\0') {
			names = xreallocarray(names, count + 1, sizeof *names);
			names[count++] = name;
		} else {
			free(name);
		}
		p = comma != NULL ? comma + 1 : end;
	}
	if (count == 0) {
		names = xreallocarray(NULL, memo_default_section_count,
		    sizeof *names);
		for (i = 0; i < memo_default_section_count; i++) {
			names[i] = xstrdup(_(memo_default_sections[i]));
		}
		count = memo_default_section_count;
	}
	*n = count;
	return names;
}

void
memo_names_free(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(names[i]);
	}
	free(names);
}

/* ---- cleaning and escaping ---- */

/* Whether cp must never reach a memo: C0 and C1 controls, DEL, and the
 * bidirectional formatting characters that reorder what a reader sees. */
static bool
memo_is_control(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp <= 0x9f) ||
	    cp == 0x061c || cp == 0x200e || cp == 0x200f ||
	    (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Trim trailing spaces of b, then (single line) it ends clean. */
static void
memo_trim_end(struct buf *b)
{
	while (b->len > 0 && b->data[b->len - 1] == ' ') {
		b->data[--b->len] = '\0';
	}
}

char *
memo_clean(const char *s, bool multiline)
{
	struct buf	 b = BUF_INIT;
	char		 enc[4];
	size_t		 i = 0, len = s != NULL ? strlen(s) : 0;
	uint32_t	 cp;
	bool		 blank = false;

	buf_puts(&b, "");
	while (i < len) {
		i += utf8_decode(s + i, len - i, &cp);
		if (cp == UTF8_INVALID) {
			cp = UTF8_REPLACEMENT;
		} else if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) {
			cp = '\n';	/* NEL, line and paragraph separators */
		}
		if (multiline && cp == '\n') {
			memo_trim_end(&b);
			if (b.len > 0) {
				buf_putc(&b, '\n');
			}
		} else if (multiline && (cp == ' ' || cp == '\t')) {
			buf_putc(&b, ' ');
		} else if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r') {
			blank = b.len > 0;
		} else if (!memo_is_control(cp)) {
			if (blank && !multiline) {
				buf_putc(&b, ' ');
			}
			blank = false;
			buf_add(&b, enc, utf8_encode(cp, enc));
		}
	}
	memo_trim_end(&b);
	while (b.len > 0 && b.data[b.len - 1] == '\n') {
		b.data[--b.len] = '\0';
		memo_trim_end(&b);
	}
	return buf_detach(&b);
}

/* Append clean text escaped for Markdown; line_start says the text begins
 * a line (after a list or quote marker), where a leading marker counts. */
static void
memo_md_escape_into(struct buf *out, const char *s, bool line_start)
{
	const char	*p = s;

	if (line_start) {
		if (*p == '-' || *p == '+' || *p == '=') {
			buf_putc(out, '\\');
		} else if (isdigit((unsigned char)*p)) {
			while (isdigit((unsigned char)*p)) {
				buf_putc(out, *p++);
			}
			if (*p == '.' || *p == ')') {
				buf_putc(out, '\\');
			}
		}
	}
	for (; *p != '\0'; p++) {
		if (strchr("\\`*_[]<>#|&~", *p) != NULL) {
			buf_putc(out, '\\');
		}
		buf_putc(out, *p);
	}
}

char *
memo_markdown_escape(const char *s)
{
	struct buf	 b = BUF_INIT;
	char		*clean = memo_clean(s, false);

	buf_puts(&b, "");
	memo_md_escape_into(&b, clean, true);
	free(clean);
	return buf_detach(&b);
}

/* Whether link has a scheme a memo may point to. */
static bool
memo_link_allowed(const char *link)
{
	static const char *const schemes[] = {
		"http://", "https://", "ftp://", "gopher://", "gemini://",
	};
	size_t	i;

	for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
		if (strncasecmp(link, schemes[i], strlen(schemes[i])) == 0) {
			return true;
		}
	}
	return false;
}

/* Append a link, cleaned, with the characters that would end a Markdown link
 * destination percent-encoded; links of other schemes are left out. */
static void
memo_link_into(struct buf *out, const char *link, enum memo_format format)
{
	char		*clean = memo_clean(link, false);
	const char	*p;

	if (memo_link_allowed(clean)) {
		for (p = clean; *p != '\0'; p++) {
			if (*p == ' ' || (format == MEMO_MARKDOWN &&
			    strchr("()<>\\", *p) != NULL)) {
				buf_printf(out, "%%%02X", (unsigned char)*p);
			} else {
				buf_putc(out, *p);
			}
		}
	}
	free(clean);
}

/* Append text cleaned to one line and escaped for the format. */
static void
memo_text_into(struct buf *out, const char *text, enum memo_format format,
    bool line_start)
{
	char	*clean = memo_clean(text, false);

	if (format == MEMO_MARKDOWN) {
		memo_md_escape_into(out, clean, line_start);
	} else {
		buf_puts(out, clean);
	}
	free(clean);
}

/* ---- templates ---- */

struct memo_vars {
	const struct memo_entry	*entry;		/* NULL in the title */
	long			 number;
};

/* Expand one % sequence c into out; false when c is not known here. */
static bool
memo_expand_one(struct buf *out, char c, const struct memo_vars *v,
    enum memo_format format, bool line_start)
{
	const struct memo_entry	*e = v->entry;
	struct tm		 tm;

	if (c == 'n' && e == NULL) {
		buf_printf(out, "%ld", v->number);
		return true;
	}
	if (e == NULL) {
		return false;
	}
	if (c == 'm' || c == 'd' || c == 'y') {
		if (localtime_r(&e->date, &tm) == NULL) {
			memset(&tm, 0, sizeof tm);
		}
		buf_printf(out, "%d", c == 'm' ? tm.tm_mon + 1 :
		    c == 'd' ? tm.tm_mday : tm.tm_year + 1900);
		return true;
	}
	switch (c) {
	case 't':
		memo_text_into(out, e->title, format, line_start);
		return true;
	case 'f':
		memo_text_into(out, e->feed_title, format, line_start);
		return true;
	case 'u':
		memo_link_into(out, e->link != NULL ? e->link : "", format);
		return true;
	default:
		return false;
	}
}

/* Expand template into out.  The template's own characters are copied, but
 * control characters are dropped and newlines become spaces. */
static void
memo_expand(struct buf *out, const char *template, const struct memo_vars *v,
    enum memo_format format)
{
	char		*tmpl = memo_clean(template, false);
	const char	*p;
	size_t		 start = out->len;

	for (p = tmpl; *p != '\0'; p++) {
		if (*p != '%') {
			buf_putc(out, *p);
			continue;
		}
		if (p[1] == '%') {
			buf_putc(out, '%');
			p++;
		} else if (p[1] != '\0' &&
		    memo_expand_one(out, p[1], v, format, out->len == start)) {
			p++;
		} else {
			buf_putc(out, '%');
		}
	}
	free(tmpl);
}

void
memo_style_default(struct memo_style *style)
{
	/* xgettext:no-c-format */
	style->title = _("Security news of the week - Issue #%n");
	style->intro = "";
	style->entry = "(%m/%d) [%t | %f](%u)";
	style->entry_text = "(%m/%d) %t | %f <%u>";
}

bool
memo_format_parse(const char *s, enum memo_format *format)
{
	if (strcmp(s, "md") == 0 || strcmp(s, "markdown") == 0) {
		*format = MEMO_MARKDOWN;
		return true;
	}
	if (strcmp(s, "txt") == 0 || strcmp(s, "text") == 0) {
		*format = MEMO_TEXT;
		return true;
	}
	return false;
}

/* ---- rendering ---- */

/* Append a multi-line text, each line after prefix (escaped in Markdown,
 * where the prefix is a quote marker and indentation is dropped). */
static void
memo_block_into(struct buf *out, const char *text, const char *prefix,
    enum memo_format format)
{
	char		*clean = memo_clean(text, true), *line, *next;

	for (line = clean; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL) {
			*next++ = '\0';
		}
		while (*line == ' ') {
			line++;
		}
		if (*line == '\0') {
			buf_puts(out, prefix);
			memo_trim_end(out);
			buf_putc(out, '\n');
			continue;
		}
		buf_puts(out, prefix);
		if (format == MEMO_MARKDOWN) {
			memo_md_escape_into(out, line, true);
		} else {
			buf_puts(out, line);
		}
		buf_putc(out, '\n');
	}
	free(clean);
}

/* Append the intro paragraph: the user's own text, kept as written (only
 * control characters dropped), followed by a blank line. */
static void
memo_intro_into(struct buf *out, const char *intro)
{
	char	*clean = memo_clean(intro, true);

	if (clean[0] != '\0') {
		buf_puts(out, clean);
		buf_puts(out, "\n\n");
	}
	free(clean);
}

static void
memo_entry_into(struct buf *out, const struct memo_entry *e,
    const struct memo_style *style, enum memo_format format)
{
	struct memo_vars	 v = { e, 0 };
	char			*quote;

	if (format == MEMO_MARKDOWN) {
		buf_puts(out, "- ");
		memo_expand(out, style->entry, &v, format);
		memo_trim_end(out);
		buf_puts(out, "\n\n");
	} else {
		buf_puts(out, "  - ");
		memo_expand(out, style->entry_text, &v, format);
		memo_trim_end(out);
		buf_putc(out, '\n');
	}
	quote = memo_clean(e->quote, true);
	if (quote[0] != '\0') {
		memo_block_into(out, quote, format == MEMO_MARKDOWN ?
		    "  > " : "    > ", format);
		if (format == MEMO_MARKDOWN) {
			buf_putc(out, '\n');
		}
	}
	free(quote);
}

static void
memo_story_into(struct buf *out, const struct memo_story *story,
    const struct memo_style *style, enum memo_format format)
{
	size_t	i;

	buf_puts(out, format == MEMO_MARKDOWN ? "### " : "* ");
	memo_text_into(out, memo_story_headline(story), format, true);
	buf_puts(out, format == MEMO_MARKDOWN ? "\n\n" : "\n");
	for (i = 0; i < story->nentries; i++) {
		memo_entry_into(out, &story->entries[i], style, format);
	}
	if (format == MEMO_TEXT) {
		buf_putc(out, '\n');
	}
}

char *
memo_render(const struct memo_issue *issue, const struct memo_style *style,
    enum memo_format format)
{
	struct buf		 out = BUF_INIT;
	struct memo_vars	 v = { NULL, issue->number };
	const struct memo_section *section;
	size_t			 i, j;

	buf_puts(&out, format == MEMO_MARKDOWN ? "# " : "");
	memo_expand(&out, style->title, &v, format);
	memo_trim_end(&out);
	buf_puts(&out, "\n\n");
	memo_intro_into(&out, style->intro);
	for (i = 0; i < issue->nsections; i++) {
		section = &issue->sections[i];
		if (section->nstories == 0) {
			continue;
		}
		if (format == MEMO_MARKDOWN) {
			buf_puts(&out, "## ");
			memo_text_into(&out, section->name, format, true);
			buf_puts(&out, "\n\n");
		} else {
			buf_putc(&out, '[');
			memo_text_into(&out, section->name, format, true);
			buf_puts(&out, "]\n\n");
		}
		for (j = 0; j < section->nstories; j++) {
			memo_story_into(&out, &section->stories[j], style, format);
		}
	}
	/* Exactly one newline at the end. */
	while (out.len > 1 && out.data[out.len - 1] == '\n' &&
	    out.data[out.len - 2] == '\n') {
		out.data[--out.len] = '\0';
	}
	return buf_detach(&out);
}

/* ---- identifiers ---- */

/* Length of the run of ASCII digits at s. */
static size_t
memo_digits(const char *s)
{
	size_t	n = 0;

	while (isdigit((unsigned char)s[n])) {
		n++;
	}
	return n;
}

/* If an identifier starts at s, its length; else 0. */
static size_t
memo_id_at(const char *s)
{
	static const char *const hashed[] = { "JVN#", "JVNVU#", "JVNTA#" };
	size_t	i, n, d;

	if (strncasecmp(s, "CVE-", 4) == 0 && memo_digits(s + 4) == 4 &&
	    s[8] == '-' && (d = memo_digits(s + 9)) >= 4) {
		return 9 + d;
	}
	if (strncasecmp(s, "JVNDB-", 6) == 0 && memo_digits(s + 6) == 4 &&
	    s[10] == '-' && (d = memo_digits(s + 11)) >= 6) {
		return 11 + d;
	}
	for (i = 0; i < sizeof hashed / sizeof hashed[0]; i++) {
		n = strlen(hashed[i]);
		if (strncasecmp(s, hashed[i], n) == 0 &&
		    (d = memo_digits(s + n)) >= 6) {
			return n + d;
		}
	}
	return 0;
}

static int
memo_compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

char **
memo_ids_extract(const char *text, size_t *n)
{
	const char	*p;
	char		**ids = NULL, *id;
	size_t		 count = 0, len, i, kept = 0;

	for (p = text != NULL ? text : ""; *p != '\0'; p++) {
		if (p != text && isalnum((unsigned char)p[-1])) {
			continue;
		}
		if ((len = memo_id_at(p)) == 0) {
			continue;
		}
		id = xstrndup(p, len);
		for (i = 0; i < len; i++) {
			id[i] = (char)toupper((unsigned char)id[i]);
		}
		ids = xreallocarray(ids, count + 1, sizeof *ids);
		ids[count++] = id;
		p += len - 1;
	}
	if (count > 1) {
		qsort(ids, count, sizeof *ids, memo_compare_names);
	}
	for (i = 0; i < count; i++) {
		if (kept > 0 && strcmp(ids[kept - 1], ids[i]) == 0) {
			free(ids[i]);
		} else {
			ids[kept++] = ids[i];
		}
	}
	*n = kept;
	return ids;
}

/* Whether two sorted identifier lists share one. */
static bool
memo_ids_meet(char **a, size_t na, char **b, size_t nb)
{
	size_t	i = 0, j = 0;
	int	c;

	while (i < na && j < nb) {
		c = strcmp(a[i], b[j]);
		if (c == 0) {
			return true;
		}
		if (c < 0) {
			i++;
		} else {
			j++;
		}
	}
	return false;
}

size_t
memo_related_story(const char *item_text, const char *const *story_texts,
    size_t nstories, size_t *out)
{
	char	**mine, **theirs;
	size_t	  nmine, ntheirs, i, count = 0;

	mine = memo_ids_extract(item_text, &nmine);
	for (i = 0; i < nstories && nmine > 0; i++) {
		theirs = memo_ids_extract(story_texts[i], &ntheirs);
		if (memo_ids_meet(mine, nmine, theirs, ntheirs)) {
			out[count++] = i;
		}
		memo_names_free(theirs, ntheirs);
	}
	memo_names_free(mine, nmine);
	return count;
}
