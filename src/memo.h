/* memo: the show notes of one issue as a tree (issue -> sections -> stories
 * -> entries), rendered as Markdown or plain text from templates.  Pure: no
 * database, no terminal.  Every string in the tree is owned by the tree. */
#ifndef KIJI_MEMO_H
#define KIJI_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

/* One source of a story: a copy of what the memo prints about an item. */
struct memo_entry {
	int64_t		 id;		/* memo_entries.id; 0 when not stored */
	int64_t		 item_id;	/* 0 when the item is gone */
	char		*title;
	char		*link;
	char		*feed_title;
	char		*feed_url;
	time_t		 date;
	char		*quote;		/* NULL when there is none */
};

/* A story: a headline and its ordered entries. */
struct memo_story {
	int64_t		 id;
	char		*headline;	/* NULL: the first entry's title */
	struct memo_entry *entries;
	size_t		 nentries;
};

struct memo_section {
	int64_t		 id;
	char		*name;
	struct memo_story *stories;
	size_t		 nstories;
};

struct memo_issue {
	int64_t		 id;
	long		 number;
	bool		 closed;
	time_t		 created;
	time_t		 closed_at;	/* 0 while open */
	size_t		 default_section;	/* where a plain star goes */
	struct memo_section *sections;
	size_t		 nsections;
};

/* Building and walking the tree.  The add functions copy their strings
 * (NULL stays NULL) and return the new element, valid until the next add to
 * the same parent. */
struct memo_issue	*memo_issue_new(long number);
void			 memo_issue_free(struct memo_issue *);
struct memo_section	*memo_issue_add_section(struct memo_issue *,
			     const char *name);
struct memo_story	*memo_section_add_story(struct memo_section *,
			     const char *headline);
struct memo_entry	*memo_story_add_entry(struct memo_story *,
			     const char *title, const char *link,
			     const char *feed_title, time_t date,
			     const char *quote);
const char		*memo_story_headline(const struct memo_story *);
size_t			 memo_issue_story_count(const struct memo_issue *);
size_t			 memo_issue_entry_count(const struct memo_issue *);
/* Story number n (1-based, counted across sections in order), or NULL;
 * *section (may be NULL) gets its section's index. */
struct memo_story	*memo_issue_story(const struct memo_issue *, size_t n,
			     size_t *section);
/* The entry holding item_id, or NULL; *story gets its story's number. */
struct memo_entry	*memo_issue_find_item(const struct memo_issue *,
			     int64_t item_id, size_t *story);
/* The section index named name (ASCII case-insensitive) or numbered name
 * (1-based); -1 when there is none. */
int			 memo_issue_section_find(const struct memo_issue *,
			     const char *name);

/* ---- sections ---- */

/* The built-in section names, untranslated (pass through _()). */
extern const char *const memo_default_sections[];
extern const size_t memo_default_section_count;
/* Split a comma-separated list of names (blanks around names trimmed, empty
 * names dropped); an empty list gives the translated built-in names.  The
 * caller frees the result with memo_names_free(). */
char	**memo_sections_parse(const char *spec, size_t *n);
void	  memo_names_free(char **, size_t);

/* ---- rendering ---- */

enum memo_format {
	MEMO_MARKDOWN,
	MEMO_TEXT,
};

/*
 * Templates.  title: %n is the issue number.  entry: %m month and %d day
 * (no padding, local time), %y year, %t item title, %f feed title, %u link.
 * In both %% is a percent sign and any other % sequence is kept as written.
 * intro may be empty (no paragraph).  Inserted values are cleaned of control
 * characters and, in Markdown, escaped; the templates' own text is not.
 */
struct memo_style {
	const char	*title;
	const char	*intro;
	const char	*entry;		/* Markdown entry line */
	const char	*entry_text;	/* plain text entry line */
};

/* The built-in templates (title translated). */
void	 memo_style_default(struct memo_style *);
/* Render issue; sections without stories are left out.  Caller frees. */
char	*memo_render(const struct memo_issue *, const struct memo_style *,
	     enum memo_format);
/* "md"/"markdown" or "txt"/"text". */
bool	 memo_format_parse(const char *, enum memo_format *);

/* Text as it may appear in a memo: invalid UTF-8 replaced, C0/C1 controls,
 * DEL and bidi controls dropped, tabs made spaces; with multiline false,
 * newlines become spaces, runs of blanks one space, and the ends trimmed.
 * NULL gives "".  Caller frees. */
char	*memo_clean(const char *, bool multiline);
/* Clean text with Markdown-significant characters backslash-escaped (also a
 * leading list, heading or setext marker).  Caller frees. */
char	*memo_markdown_escape(const char *);

/* ---- related stories ---- */

/* The CVE/JVN identifiers in text (CVE-YYYY-NNNN+, JVN#NNNNNNNN, JVNVU#...,
 * JVNTA#..., JVNDB-YYYY-NNNNNN), upper-cased, sorted, without repeats.
 * Caller frees with memo_names_free(). */
char	**memo_ids_extract(const char *text, size_t *n);
/* Which of the stories (given as their texts) share an identifier with
 * item_text: their indexes go to out (room for nstories), the count is
 * returned. */
size_t	  memo_related_story(const char *item_text,
	      const char *const *story_texts, size_t nstories, size_t *out);

#endif
