/* opml: OPML and newsboat urls files in, OPML 2.0 out. */
#include "config.h"
#include "opml.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "buf.h"
#include "i18n.h"
#include "utf8.h"
#include "xalloc.h"

#define OPML_MAX_DEPTH	32

static void
opml_note(struct opml_list *l, char *note)
{
	l->notes = xreallocarray(l->notes, l->nnotes + 1, sizeof *l->notes);
	l->notes[l->nnotes++] = note;
}

/* A copy of s on one line: valid UTF-8, terminal controls, escape
 * sequences and bidi controls dropped (utf8_sanitize), runs of white space
 * turned into single spaces, trimmed; NULL when nothing is left. */
static char *
opml_clean(const char *s)
{
	char		*fixed, *out, *p, *q;
	bool		 space = false;

	if (s == NULL) {
		return NULL;
	}
	fixed = utf8_sanitize(s, strlen(s), 0);
	out = xmalloc(strlen(fixed) + 1);
	for (p = fixed, q = out; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == ' ') {
			space = q != out;
			continue;
		}
		if (space) {
			*q++ = ' ';
			space = false;
		}
		*q++ = *p;
	}
	*q = '\0';
	free(fixed);
	if (*out == '\0') {
		free(out);
		return NULL;
	}
	return out;
}

bool
opml_url_ok(const char *url)
{
	const char	*p;

	if (strncasecmp(url, "http://", 7) != 0 &&
	    strncasecmp(url, "https://", 8) != 0 &&
	    strncasecmp(url, "file://", 7) != 0) {
		return false;
	}
	for (p = url; *p != '\0'; p++) {
		if ((unsigned char)*p <= 0x20 || *p == 0x7f) {
			return false;
		}
	}
	/* Invalid UTF-8 would make the exported OPML ill-formed. */
	return utf8_valid(url, strlen(url));
}

/* Why url is refused, as a translated note naming where it came from. */
static char *
opml_refusal(const char *where, const char *url)
{
	char	*shown = opml_clean(url), *note;
	const char *s = shown != NULL ? shown : "";

	if (strncmp(s, "exec:", 5) == 0 || strncmp(s, "filter:", 7) == 0 ||
	    s[0] == '|' || strstr(s, "$(") != NULL || strchr(s, '`') != NULL) {
		note = xasprintf(_("%s: skipped '%s': commands are never run "
		    "(only http, https and file URLs)"), where, s);
	} else if (strncmp(s, "query:", 6) == 0) {
		note = xasprintf(_("%s: skipped query feed '%s' (not supported)"),
		    where, s);
	} else {
		note = xasprintf(_("%s: skipped '%s': only http, https and file "
		    "URLs are accepted"), where, s);
	}
	free(shown);
	return note;
}

/* Add an entry, or a note when its URL is refused. */
static void
opml_add(struct opml_list *l, const char *where, const char *url,
    const char *title, const char *section)
{
	struct opml_entry	*e;

	if (!opml_url_ok(url)) {
		opml_note(l, opml_refusal(where, url));
		return;
	}
	l->entries = xreallocarray(l->entries, l->n + 1, sizeof *l->entries);
	e = &l->entries[l->n++];
	e->url = xstrdup(url);
	e->title = opml_clean(title);
	e->section = opml_clean(section);
}

void
opml_list_free(struct opml_list *l)
{
	size_t	i;

	if (l == NULL) {
		return;
	}
	for (i = 0; i < l->n; i++) {
		free(l->entries[i].url);
		free(l->entries[i].title);
		free(l->entries[i].section);
	}
	free(l->entries);
	for (i = 0; i < l->nnotes; i++) {
		free(l->notes[i]);
	}
	free(l->notes);
	memset(l, 0, sizeof *l);
}

/* The text of an attribute's children: text as is, entity references left
 * as "&name;" (never expanded). */
static char *
opml_attr_text(xmlNode *children)
{
	struct buf	 b = BUF_INIT;
	xmlNode		*c;

	for (c = children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			buf_puts(&b, (const char *)c->content);
		} else if (c->type == XML_ENTITY_REF_NODE) {
			buf_printf(&b, "&%s;", (const char *)c->name);
		}
	}
	return b.data != NULL ? buf_detach(&b) : xstrdup("");
}

/* A copy of attribute name of n (matched without regard to case), or NULL. */
static char *
opml_attr(xmlNode *n, const char *name)
{
	xmlAttr	*a;

	for (a = n->properties; a != NULL; a = a->next) {
		if (a->ns == NULL &&
		    strcasecmp((const char *)a->name, name) == 0) {
			return opml_attr_text(a->children);
		}
	}
	return NULL;
}

static bool
opml_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE &&
	    strcasecmp((const char *)n->name, name) == 0;
}

/* The section for the children of an outline titled title. */
static char *
opml_subsection(const char *section, const char *title)
{
	char	*t = opml_clean(title), *out;

	if (t == NULL) {
		return section != NULL ? xstrdup(section) : NULL;
	}
	if (section == NULL) {
		return t;
	}
	out = xasprintf("%s/%s", section, t);
	free(t);
	return out;
}

static void
opml_walk(struct opml_list *l, xmlNode *parent, const char *section, int depth)
{
	xmlNode	*n;
	char	*url, *title, *where, *sub;

	for (n = parent->children; n != NULL; n = n->next) {
		if (!opml_is(n, "outline")) {
			continue;
		}
		url = opml_attr(n, "xmlUrl");
		if ((title = opml_attr(n, "title")) == NULL || *title == '\0') {
			free(title);
			title = opml_attr(n, "text");
		}
		if (url != NULL) {
			where = xasprintf(_("line %ld"), xmlGetLineNo(n));
			opml_add(l, where, url, title, section);
			free(where);
			sub = section != NULL ? xstrdup(section) : NULL;
		} else {
			sub = opml_subsection(section, title);
		}
		if (depth < OPML_MAX_DEPTH) {
			opml_walk(l, n, sub, depth + 1);
		}
		free(sub);
		free(url);
		free(title);
	}
}

bool
opml_read_opml(const char *data, size_t len, struct opml_list *out,
    char **cause)
{
	xmlDoc	*doc;
	xmlNode	*root, *n;

	doc = xmlReadMemory(data, (int)(len > (size_t)INT32_MAX ? INT32_MAX : len),
	    NULL, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
	if (doc == NULL) {
		if (cause != NULL) {
			*cause = xstrdup(_("not well-formed XML"));
		}
		return false;
	}
	root = xmlDocGetRootElement(doc);
	if (root == NULL || !opml_is(root, "opml")) {
		if (cause != NULL) {
			*cause = xstrdup(_("not an OPML document (no <opml> "
			    "element)"));
		}
		xmlFreeDoc(doc);
		return false;
	}
	out->is_opml = true;
	for (n = root->children; n != NULL; n = n->next) {
		if (opml_is(n, "body")) {
			opml_walk(out, n, NULL, 0);
		}
	}
	xmlFreeDoc(doc);
	return true;
}

/* The next word of a urls line ("quoted" with \" and \\ escapes), or NULL
 * at the end; *p moves past it.  The caller frees the word. */
static char *
opml_word(const char **p)
{
	const char	*s = *p;
	struct buf	 b = BUF_INIT;

	s += strspn(s, " \t\r");
	if (*s == '\0' || *s == '\n') {
		*p = s;
		return NULL;
	}
	if (*s != '"') {
		buf_add(&b, s, strcspn(s, " \t\r\n"));
		*p = s + b.len;
		return b.data != NULL ? buf_detach(&b) : xstrdup("");
	}
	for (s++; *s != '\0' && *s != '\n' && *s != '"'; s++) {
		if (*s == '\\' && (s[1] == '"' || s[1] == '\\')) {
			s++;
		}
		buf_putc(&b, *s);
	}
	if (*s == '"') {
		s++;
	}
	*p = s;
	return b.data != NULL ? buf_detach(&b) : xstrdup("");
}

/* One line of a urls file: URL, then tags. */
static void
opml_urls_line(struct opml_list *l, const char *line, int lineno)
{
	const char	*p = line;
	char		*url, *tag, *title = NULL, *section = NULL, *where;

	if (line[strspn(line, " \t")] == '#' || (url = opml_word(&p)) == NULL) {
		return;
	}
	while ((tag = opml_word(&p)) != NULL) {
		if (tag[0] == '~' && title == NULL) {
			title = xstrdup(tag + 1);
		} else if (tag[0] != '~' && tag[0] != '!' && tag[0] != '\0' &&
		    section == NULL) {
			section = xstrdup(tag);
		}
		free(tag);
	}
	where = xasprintf(_("line %d"), lineno);
	opml_add(l, where, url, title, section);
	free(where);
	free(url);
	free(title);
	free(section);
}

void
opml_read_urls(const char *data, size_t len, struct opml_list *out)
{
	char	*text = xstrndup(data, len), *line, *next;
	int	 lineno = 0;

	out->is_opml = false;
	for (line = text; line != NULL; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL) {
			*next++ = '\0';
		}
		opml_urls_line(out, line, lineno);
	}
	free(text);
}

bool
opml_read(const char *data, size_t len, struct opml_list *out, char **cause)
{
	size_t	i = 0;

	memset(out, 0, sizeof *out);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		i = 3;
	}
	while (i < len && strchr(" \t\r\n", data[i]) != NULL) {
		i++;
	}
	if (i < len && data[i] == '<') {
		return opml_read_opml(data, len, out, cause);
	}
	i = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
	opml_read_urls(data + i, len - i, out);
	return true;
}

/* Append s to b as an XML attribute value: valid UTF-8, markup escaped,
 * characters XML forbids dropped. */
static void
opml_escape(struct buf *b, const char *s)
{
	char		*fixed = utf8_repair(s, strlen(s));
	const char	*p;

	for (p = fixed; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			buf_puts(b, "&amp;");
			break;
		case '<':
			buf_puts(b, "&lt;");
			break;
		case '>':
			buf_puts(b, "&gt;");
			break;
		case '"':
			buf_puts(b, "&quot;");
			break;
		case '\t':
		case '\n':
		case '\r':
			buf_putc(b, ' ');
			break;
		default:
			if ((unsigned char)*p >= 0x20) {
				buf_putc(b, *p);
			}
			break;
		}
	}
	free(fixed);
}

static void
opml_write_feed(struct buf *b, const struct opml_entry *e, const char *indent)
{
	const char	*title = e->title != NULL ? e->title : e->url;

	buf_printf(b, "%s<outline type=\"rss\" text=\"", indent);
	opml_escape(b, title);
	buf_puts(b, "\" title=\"");
	opml_escape(b, title);
	buf_puts(b, "\" xmlUrl=\"");
	opml_escape(b, e->url);
	buf_puts(b, "\"/>\n");
}

static bool
opml_same_section(const char *a, const char *b)
{
	return (a == NULL && b == NULL) ||
	    (a != NULL && b != NULL && strcmp(a, b) == 0);
}

/* Write the section of entry i (first seen there) with all its feeds. */
static void
opml_write_section(struct buf *b, const struct opml_entry *e, size_t n,
    size_t i)
{
	size_t	k;

	buf_puts(b, "    <outline text=\"");
	opml_escape(b, e[i].section);
	buf_puts(b, "\" title=\"");
	opml_escape(b, e[i].section);
	buf_puts(b, "\">\n");
	for (k = i; k < n; k++) {
		if (opml_same_section(e[k].section, e[i].section)) {
			opml_write_feed(b, &e[k], "      ");
		}
	}
	buf_puts(b, "    </outline>\n");
}

char *
opml_write(const struct opml_entry *e, size_t n, const char *title)
{
	struct buf	 b = BUF_INIT;
	static const char days[7][4] = {
		"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"
	};
	static const char months[12][4] = {
		"Jan", "Feb", "Mar", "Apr", "May", "Jun",
		"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
	};
	time_t		 now = time(NULL);
	struct tm	 tm;
	size_t		 i, k;

	gmtime_r(&now, &tm);	/* RFC 822 date, never localised */
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<opml version=\"2.0\">\n  <head>\n    <title>");
	opml_escape(&b, title != NULL ? title : "kiji");
	buf_printf(&b, "</title>\n    <dateCreated>%s, %02d %s %d %02d:%02d:%02d "
	    "GMT</dateCreated>\n  </head>\n  <body>\n", days[tm.tm_wday],
	    tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900, tm.tm_hour,
	    tm.tm_min, tm.tm_sec);
	for (i = 0; i < n; i++) {
		if (e[i].section == NULL) {
			opml_write_feed(&b, &e[i], "    ");
		}
	}
	for (i = 0; i < n; i++) {
		if (e[i].section == NULL) {
			continue;
		}
		for (k = 0; k < i; k++) {
			if (opml_same_section(e[k].section, e[i].section)) {
				break;
			}
		}
		if (k == i) {
			opml_write_section(&b, e, n, i);
		}
	}
	buf_puts(&b, "  </body>\n</opml>\n");
	return buf_detach(&b);
}
