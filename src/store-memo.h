/* store-memo: the memo's issues in the database.  There is always exactly one
 * open issue (created on first use, number 1, the built-in sections); closed
 * issues are archives and never change.  Every change is one transaction;
 * starring keeps items.starred and the open issue's entries in step.
 *
 * Sections are given by index (0-based, in the open issue's order; -1: the
 * default section), stories and entries by their ids as loaded into the memo
 * tree (struct memo_story.id, struct memo_entry.id), items by item id. */
#ifndef KIJI_STORE_MEMO_H
#define KIJI_STORE_MEMO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct store;
struct memo_issue;

/* Make the open issue's sections follow names (in that order): sections are
 * matched by name and keep their stories; a section no longer named keeps
 * its place at the end while it has stories and goes when it has none.
 * default_section (an index into names, -1: the last) is where a plain star
 * goes.  Creates the open issue when there is none. */
bool	store_memo_configure(struct store *, char *const *names, size_t n,
	    int default_section, char **cause);

/* What to do when starring an item. */
struct store_memo_add {
	int64_t		 item_id;
	int		 section;	/* -1: the default section */
	int64_t		 story_id;	/* join this story; 0: a story of its own */
	const char	*headline;	/* for its own story; NULL: the title */
	const char	*quote;		/* NULL: leave as is */
};

/* Star an item into the open issue: a new story in the section, or an entry
 * of story_id.  Starring an item already in the issue moves it there (only
 * when a section or story is given) and sets headline/quote when given. */
bool	store_memo_add(struct store *, const struct store_memo_add *,
	    char **cause);
/* store_memo_add with only an item and a section (-1: the default). */
bool	store_memo_star(struct store *, int64_t item_id, int section,
	    char **cause);
/* Unstar an item: its entry leaves the open issue (with its story, when that
 * is left empty). */
bool	store_memo_unstar(struct store *, int64_t item_id, char **cause);

/* The open issue (number < 0) or issue number; NULL with *cause when there
 * is no such issue.  The caller frees it with memo_issue_free().  Loading
 * the open issue refreshes its copies of the items (as store_memo_refresh()
 * does, without the feed titles). */
struct memo_issue *store_memo_load(struct store *, long number, char **cause);

/* ---- editing the open issue ---- */

/* Move a story one place up (delta -1) or down (+1); past the first or last
 * story of its section it goes to the end of the section before or the
 * start of the section after.  Already first (last) in the issue: nothing
 * happens. */
bool	store_memo_story_move(struct store *, int64_t story_id, int delta,
	    char **cause);
/* Move a story to the end of section (index). */
bool	store_memo_story_to_section(struct store *, int64_t story_id,
	    int section, char **cause);
/* Set a story's headline; NULL or "" goes back to its first entry's title. */
bool	store_memo_story_set_headline(struct store *, int64_t story_id,
	    const char *headline, char **cause);
/* Remove a story and unstar its items. */
bool	store_memo_story_remove(struct store *, int64_t story_id, char **cause);
/* Move an entry to the end of story_id (0: the story above its own, across
 * sections); a story left empty goes. */
bool	store_memo_entry_join(struct store *, int64_t entry_id,
	    int64_t story_id, char **cause);
/* Take an entry out of its story into a new story just after it. */
bool	store_memo_entry_split(struct store *, int64_t entry_id, char **cause);
/* Move an entry one place up (-1) or down (+1) within its story. */
bool	store_memo_entry_move(struct store *, int64_t entry_id, int delta,
	    char **cause);
/* Set an entry's quote; NULL or "" removes it. */
bool	store_memo_entry_set_quote(struct store *, int64_t entry_id,
	    const char *quote, char **cause);
/* Remove an entry (its item is unstarred). */
bool	store_memo_entry_remove(struct store *, int64_t entry_id, char **cause);

/* Copy the items' current title, link, date and feed title into the open
 * issue's entries, and add starred items the issue lacks (starred by other
 * means than store_memo_star()) to its default section.  feed_title (may be NULL) names a feed by URL, overriding
 * the feed document's title (e.g. the subscription list's title); it returns
 * NULL to keep the document's. */
bool	store_memo_refresh(struct store *,
	    const char *(*feed_title)(const char *url, void *arg), void *arg,
	    char **cause);

/* ---- issues ---- */

/* Set the open issue's number; false when an archived issue has it. */
bool	store_memo_set_number(struct store *, long number, char **cause);
/* Archive the open issue (its items are unstarred, their entries kept) and
 * open the next one (number + 1, or past the highest archived number) with
 * the same sections.  *closed (may be NULL) gets the archived number. */
bool	store_memo_close(struct store *, long *closed, char **cause);

struct store_memo_issue {
	long	 number;
	bool	 closed;
	time_t	 created;
	time_t	 closed_at;
	size_t	 stories;
	size_t	 entries;
};

/* Every issue, the open one last; the caller frees *list. */
bool	store_memo_issues(struct store *, struct store_memo_issue **list,
	    size_t *n, char **cause);

/* The open issue's stories that mention a CVE/JVN identifier found in item
 * item_id's title, summary or content (see memo_ids_extract()), in issue
 * order, without the item's own story.  The caller frees *story_ids. */
bool	store_memo_related(struct store *, int64_t item_id,
	    int64_t **story_ids, size_t *n, char **cause);

#endif
