/* subs: the subscription list, kept line by line so that a rewrite keeps
 * the user's comments, blank lines and order. */
#include "config.h"
#include "subs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "i18n.h"
#include "xalloc.h"

enum subs_kind {
	SUBS_OTHER,	/* comment or blank, kept verbatim */
	SUBS_SECTION,
	SUBS_FEED,
};

struct subs_line {
	enum subs_kind	 kind;
	char		*raw;		/* the line as read or written */
	char		*name;		/* SUBS_SECTION: the section's name */
	struct sub	 sub;		/* SUBS_FEED */
};

struct subs {
	struct subs_line *lines;
	size_t		  nlines;
	size_t		 *feeds;	/* indexes of the SUBS_FEED lines */
	size_t		  nfeeds;
};

/* Schemes a subscription may use; nothing else is fetched, and nothing is
 * ever run (newsboat's exec:, filter: and "|command" are refused). */
static bool
subs_check_url(const char *url, char **cause)
{
	static const char *const schemes[] = { "http://", "https://",
	    "file://" };
	const unsigned char	*p;
	size_t			 i, n;

	for (i = 0; i < sizeof schemes / sizeof schemes[0]; i++) {
		n = strlen(schemes[i]);
		if (strncasecmp(url, schemes[i], n) == 0 &&
		    (url[n] != '\0' || i == 2)) {
			break;
		}
	}
	if (i == sizeof schemes / sizeof schemes[0]) {
		*cause = xasprintf(_("unsupported URL \"%s\": only http://, "
		    "https:// and file:// feeds are allowed (kiji never runs "
		    "commands)"), url);
		return false;
	}
	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		if (*p <= ' ' || *p == 0x7f) {
			*cause = xasprintf(_("URL \"%s\" contains white space or "
			    "control characters"), url);
			return false;
		}
	}
	return true;
}

/* A copy of s[0..len) without leading and trailing white space. */
static char *
subs_trim(const char *s, size_t len)
{
	while (len > 0 && (*s == ' ' || *s == '\t')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t')) {
		len--;
	}
	return xstrndup(s, len);
}

/* Rebuild the index of feed lines after the lines changed. */
static void
subs_reindex(struct subs *s)
{
	size_t	i;

	s->nfeeds = 0;
	s->feeds = xreallocarray(s->feeds, s->nlines + 1, sizeof *s->feeds);
	for (i = 0; i < s->nlines; i++) {
		if (s->lines[i].kind == SUBS_FEED) {
			s->lines[i].sub.line = (int)i + 1;
			s->feeds[s->nfeeds++] = i;
		}
	}
}

/* Insert a line at position at (taking raw), returning it. */
static struct subs_line *
subs_insert(struct subs *s, size_t at, enum subs_kind kind, char *raw)
{
	struct subs_line	*l;

	s->lines = xreallocarray(s->lines, s->nlines + 1, sizeof *s->lines);
	memmove(&s->lines[at + 1], &s->lines[at],
	    (s->nlines - at) * sizeof *s->lines);
	s->nlines++;
	l = &s->lines[at];
	memset(l, 0, sizeof *l);
	l->kind = kind;
	l->raw = raw;
	return l;
}

/* Parse one line (without its newline) into a new last line of s. */
static bool
subs_parse_line(struct subs *s, const char *text, size_t len,
    const char *section, char **cause)
{
	struct subs_line	*l;
	char			*t = subs_trim(text, len), *sp;

	l = subs_insert(s, s->nlines, SUBS_OTHER, xstrndup(text, len));
	if (t[0] == '\0' || t[0] == '#') {
		free(t);
		return true;
	}
	if (t[0] == '[' && t[strlen(t) - 1] == ']' && strlen(t) >= 2) {
		l->kind = SUBS_SECTION;
		l->name = subs_trim(t + 1, strlen(t) - 2);
		free(t);
		return true;
	}
	sp = t + strcspn(t, " \t");
	l->kind = SUBS_FEED;
	l->sub.url = xstrndup(t, (size_t)(sp - t));
	l->sub.title = *sp != '\0' ? subs_trim(sp, strlen(sp)) : NULL;
	l->sub.section = section != NULL ? xstrdup(section) : NULL;
	free(t);
	return subs_check_url(l->sub.url, cause);
}

/* Parse the file's text; false with "line N: why" in *cause. */
static bool
subs_parse(struct subs *s, const char *data, size_t len, char **cause)
{
	const char	*p = data, *end = data + len, *nl, *section = NULL;
	size_t		 n;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		n = nl != NULL ? (size_t)(nl - p) : (size_t)(end - p);
		if (!subs_parse_line(s, p, n > 0 && p[n - 1] == '\r' ? n - 1 :
		    n, section, cause)) {
			return false;
		}
		if (s->lines[s->nlines - 1].kind == SUBS_SECTION) {
			section = s->lines[s->nlines - 1].name;
		}
		subs_reindex(s);
		if (s->lines[s->nlines - 1].kind == SUBS_FEED && subs_find(s,
		    s->lines[s->nlines - 1].sub.url) != &s->lines[s->nlines -
		    1].sub) {
			*cause = xasprintf(_("%s is listed twice"),
			    s->lines[s->nlines - 1].sub.url);
			return false;
		}
		p = nl != NULL ? nl + 1 : end;
	}
	return true;
}

struct subs *
subs_load(const char *path, char **cause)
{
	struct subs	*s = xcalloc(1, sizeof *s);
	char		*data, *why = NULL;
	size_t		 len;

	if (access(path, F_OK) != 0 && errno == ENOENT) {
		return s;
	}
	if ((data = file_read(path, &len, cause)) == NULL) {
		subs_free(s);
		return NULL;
	}
	if (!subs_parse(s, data, len, &why)) {
		*cause = xasprintf("%s:%zu: %s", path, s->nlines, why);
		free(why);
		free(data);
		subs_free(s);
		return NULL;
	}
	free(data);
	return s;
}

size_t
subs_count(const struct subs *s)
{
	return s->nfeeds;
}

const struct sub *
subs_get(const struct subs *s, size_t i)
{
	return i < s->nfeeds ? &s->lines[s->feeds[i]].sub : NULL;
}

const struct sub *
subs_find(const struct subs *s, const char *url)
{
	size_t	i;

	for (i = 0; i < s->nfeeds; i++) {
		if (strcmp(s->lines[s->feeds[i]].sub.url, url) == 0) {
			return &s->lines[s->feeds[i]].sub;
		}
	}
	return NULL;
}

/* The line a heading's comments start at (a comment block directly above
 * a heading describes it, so new lines go above the block). */
static size_t
subs_before_heading(const struct subs *s, size_t heading)
{
	while (heading > 0 && s->lines[heading - 1].kind == SUBS_OTHER &&
	    s->lines[heading - 1].raw[strspn(s->lines[heading - 1].raw,
	    " \t")] == '#') {
		heading--;
	}
	return heading;
}

/* Where a new feed of section goes: after the section's last feed (or its
 * heading); outside any section, after the last feed before the first
 * heading.  *found tells whether the section exists. */
static size_t
subs_position(const struct subs *s, const char *section, bool *found)
{
	size_t	i, at = 0;
	bool	in = section == NULL;

	*found = section == NULL;
	for (i = 0; i < s->nlines; i++) {
		if (s->lines[i].kind == SUBS_SECTION) {
			if (in && section == NULL) {
				return at != 0 ? at : subs_before_heading(s, i);
			}
			in = section != NULL && strcmp(s->lines[i].name,
			    section) == 0;
			if (in) {
				*found = true;
				at = i + 1;
			}
		} else if (in && s->lines[i].kind == SUBS_FEED) {
			at = i + 1;
		}
	}
	return section == NULL && at == 0 ? s->nlines : at;
}

/* Titles and section names are one line of text. */
static bool
subs_check_text(const char *text, char **cause)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)text; *p != '\0'; p++) {
		if ((*p < ' ' && *p != '\t') || *p == 0x7f) {
			*cause = xstrdup(_("titles and section names cannot "
			    "contain line breaks or control characters"));
			return false;
		}
	}
	return true;
}

/* Append a "[section]" heading at the end, after a blank line. */
static void
subs_add_heading(struct subs *s, const char *section)
{
	struct subs_line	*l;

	if (s->nlines > 0 && s->lines[s->nlines - 1].raw[strspn(
	    s->lines[s->nlines - 1].raw, " \t")] != '\0') {
		subs_insert(s, s->nlines, SUBS_OTHER, xstrdup(""));
	}
	l = subs_insert(s, s->nlines, SUBS_SECTION,
	    xasprintf("[%s]", section));
	l->name = xstrdup(section);
}

bool
subs_add(struct subs *s, const char *url, const char *title,
    const char *section, char **cause)
{
	struct subs_line	*l;
	char			*t = NULL, *sec = NULL;
	size_t			 at;
	bool			 found, ok;

	if (!subs_check_url(url, cause)) {
		return false;
	}
	if (subs_find(s, url) != NULL) {
		*cause = xasprintf(_("already subscribed to %s"), url);
		return false;
	}
	if (title != NULL && (title = t = subs_trim(title, strlen(title)))[0]
	    == '\0') {
		title = NULL;
	}
	if (section != NULL && (section = sec = subs_trim(section,
	    strlen(section)))[0] == '\0') {
		section = NULL;
	}
	ok = (title == NULL || subs_check_text(title, cause)) &&
	    (section == NULL || subs_check_text(section, cause));
	if (ok) {
		at = subs_position(s, section, &found);
		if (!found) {
			subs_add_heading(s, section);
			at = s->nlines;
		}
		l = subs_insert(s, at, SUBS_FEED, title != NULL ?
		    xasprintf("%s  %s", url, title) : xstrdup(url));
		l->sub.url = xstrdup(url);
		l->sub.title = title != NULL ? xstrdup(title) : NULL;
		l->sub.section = section != NULL ? xstrdup(section) : NULL;
		subs_reindex(s);
	}
	free(t);
	free(sec);
	return ok;
}

/* Free what a line owns. */
static void
subs_line_free(struct subs_line *l)
{
	free(l->raw);
	free(l->name);
	free(l->sub.url);
	free(l->sub.title);
	free(l->sub.section);
}

bool
subs_remove(struct subs *s, const char *url)
{
	const struct sub	*sub = subs_find(s, url);
	size_t			 i;

	if (sub == NULL) {
		return false;
	}
	for (i = 0; &s->lines[i].sub != sub; i++) {
		continue;
	}
	subs_line_free(&s->lines[i]);
	memmove(&s->lines[i], &s->lines[i + 1],
	    (s->nlines - i - 1) * sizeof *s->lines);
	s->nlines--;
	subs_reindex(s);
	return true;
}

bool
subs_save(struct subs *s, const char *path, char **cause)
{
	struct buf	b = BUF_INIT;
	size_t		i;
	bool		ok;

	for (i = 0; i < s->nlines; i++) {
		buf_puts(&b, s->lines[i].raw);
		buf_putc(&b, '\n');
	}
	ok = file_write_atomic(path, b.data != NULL ? b.data : "", b.len,
	    cause);
	buf_free(&b);
	return ok;
}

void
subs_free(struct subs *s)
{
	size_t	i;

	if (s == NULL) {
		return;
	}
	for (i = 0; i < s->nlines; i++) {
		subs_line_free(&s->lines[i]);
	}
	free(s->lines);
	free(s->feeds);
	free(s);
}
