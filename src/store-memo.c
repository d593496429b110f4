/* store-memo: the memo's issues, sections, stories and entries in SQLite. */
#include "config.h"
#include "store-memo.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "memo.h"
#include "store-int.h"
#include "xalloc.h"

/* ---- statements ---- */

/* Record the database's last error in *cause (unless one is there). */
static bool
store_memo_fail(struct store *st, char **cause)
{
	if (cause != NULL && *cause == NULL) {
		*cause = xasprintf(_("database error: %s"), sqlite3_errmsg(st->db));
	}
	return false;
}

/* Set *cause to a formatted message (unless one is there); returns false. */
static bool __attribute__((format(printf, 2, 3)))
store_memo_error(char **cause, const char *fmt, ...)
{
	va_list	ap;

	if (cause != NULL && *cause == NULL) {
		va_start(ap, fmt);
		*cause = xvasprintf(fmt, ap);
		va_end(ap);
	}
	return false;
}

/* Prepare sql and bind the arguments fmt describes: 'i' int64_t, 'l' long,
 * 't' text (NULL binds NULL). */
static sqlite3_stmt *
store_memo_vprepare(struct store *st, char **cause, const char *sql,
    const char *fmt, va_list ap)
{
	sqlite3_stmt	*stmt;
	const char	*text;
	int		 i, rc = SQLITE_OK;

	if (sqlite3_prepare_v2(st->db, sql, -1, &stmt, NULL) != SQLITE_OK) {
		store_memo_fail(st, cause);
		return NULL;
	}
	for (i = 0; fmt[i] != '\0' && rc == SQLITE_OK; i++) {
		if (fmt[i] == 'i') {
			rc = sqlite3_bind_int64(stmt, i + 1, va_arg(ap, int64_t));
		} else if (fmt[i] == 'l') {
			rc = sqlite3_bind_int64(stmt, i + 1, va_arg(ap, long));
		} else {
			text = va_arg(ap, const char *);
			rc = text == NULL ? sqlite3_bind_null(stmt, i + 1) :
			    sqlite3_bind_text(stmt, i + 1, text, -1,
			    SQLITE_TRANSIENT);
		}
	}
	if (rc != SQLITE_OK) {
		store_memo_fail(st, cause);
		sqlite3_finalize(stmt);
		return NULL;
	}
	return stmt;
}

static sqlite3_stmt *
store_memo_prepare(struct store *st, char **cause, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;

	va_start(ap, fmt);
	stmt = store_memo_vprepare(st, cause, sql, fmt, ap);
	va_end(ap);
	return stmt;
}

/* Run a statement that returns no rows. */
static bool
store_memo_run(struct store *st, char **cause, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;
	int		 rc;

	va_start(ap, fmt);
	stmt = store_memo_vprepare(st, cause, sql, fmt, ap);
	va_end(ap);
	if (stmt == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		continue;
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_memo_fail(st, cause);
}

/* The first column of the first row as an integer: 1 when there is a row
 * (and the value is not NULL), 0 when not, -1 on error. */
static int
store_memo_int(struct store *st, int64_t *out, char **cause, const char *sql,
    const char *fmt, ...)
{
	sqlite3_stmt	*stmt;
	va_list		 ap;
	int		 rc, found = 0;

	va_start(ap, fmt);
	stmt = store_memo_vprepare(st, cause, sql, fmt, ap);
	va_end(ap);
	if (stmt == NULL) {
		return -1;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW && sqlite3_column_type(stmt, 0) != SQLITE_NULL) {
		*out = sqlite3_column_int64(stmt, 0);
		found = 1;
	} else if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		found = -1;
		store_memo_fail(st, cause);
	}
	sqlite3_finalize(stmt);
	return found;
}

/* The integers of the first column of every row; the caller frees *ids. */
static bool
store_memo_ids(struct store *st, int64_t **ids, size_t *n, char **cause,
    const char *sql, int64_t arg)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((stmt = store_memo_prepare(st, cause, sql, "i", arg)) == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		(*ids)[(*n)++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*ids);
		*ids = NULL;
		*n = 0;
		return store_memo_fail(st, cause);
	}
	return true;
}

/* Transactions nest: inside a caller's store_begin(), a memo call is a
 * savepoint and commits or rolls back with it. */
static bool
store_memo_begin(struct store *st, char **cause)
{
	return store_begin(st, cause);
}

/* Commit when ok, else roll back; returns whether everything went well. */
static bool
store_memo_finish(struct store *st, bool ok, char **cause)
{
	if (!ok) {
		store_rollback(st);
		return false;
	}
	return store_commit(st, cause);
}

/* ---- lookups ---- */

static const char sql_issue_stories[] =
    "SELECT st.id FROM memo_stories st"
    " JOIN memo_sections s ON s.id = st.section_id"
    " WHERE s.issue_id = ?"
    " ORDER BY s.position, s.id, st.position, st.id";
static const char sql_issue_sections[] =
    "SELECT id FROM memo_sections WHERE issue_id = ? ORDER BY position, id";
static const char sql_section_stories[] =
    "SELECT id FROM memo_stories WHERE section_id = ? ORDER BY position, id";
static const char sql_story_entries[] =
    "SELECT id FROM memo_entries WHERE story_id = ? ORDER BY position, id";

/* Create the open issue with the built-in sections (in a transaction). */
static bool
store_memo_create_open(struct store *st, int64_t *issue, char **cause)
{
	int64_t	number = 0;
	size_t	i;

	if (store_memo_int(st, &number, cause,
	    "SELECT MAX(number) FROM memo_issues", "") < 0) {
		return false;
	}
	if (!store_memo_run(st, cause,
	    "INSERT INTO memo_issues (number, created) VALUES (?, ?)", "ii",
	    number + 1, (int64_t)time(NULL))) {
		return false;
	}
	*issue = sqlite3_last_insert_rowid(st->db);
	for (i = 0; i < memo_default_section_count; i++) {
		if (!store_memo_run(st, cause,
		    "INSERT INTO memo_sections (issue_id, position, name,"
		    " is_default) VALUES (?, ?, ?, ?)", "iiti", *issue,
		    (int64_t)i, _(memo_default_sections[i]),
		    (int64_t)(i + 1 == memo_default_section_count))) {
			return false;
		}
	}
	return true;
}

/* The open issue's id, created when there is none (in a transaction). */
static bool
store_memo_open_issue(struct store *st, int64_t *issue, char **cause)
{
	int	r;

	r = store_memo_int(st, issue, cause,
	    "SELECT id FROM memo_issues WHERE closed IS NULL", "");
	if (r != 0) {
		return r > 0;
	}
	return store_memo_create_open(st, issue, cause);
}

/* The id of section index (-1: the default) of issue. */
static bool
store_memo_section_id(struct store *st, int64_t issue, int index,
    int64_t *section, char **cause)
{
	int	r;

	if (index < 0) {
		r = store_memo_int(st, section, cause,
		    "SELECT id FROM memo_sections WHERE issue_id = ?"
		    " ORDER BY is_default DESC, position DESC, id DESC LIMIT 1",
		    "i", issue);
	} else {
		r = store_memo_int(st, section, cause,
		    "SELECT id FROM memo_sections WHERE issue_id = ?"
		    " ORDER BY position, id LIMIT 1 OFFSET ?", "ii", issue,
		    (int64_t)index);
	}
	if (r == 0) {
		return store_memo_error(cause, _("the memo has no section %d"),
		    index + 1);
	}
	return r > 0;
}

/* The section of a story of the open issue. */
static bool
store_memo_story_section(struct store *st, int64_t story, int64_t *section,
    char **cause)
{
	int	r;

	r = store_memo_int(st, section, cause,
	    "SELECT st.section_id FROM memo_stories st"
	    " JOIN memo_sections s ON s.id = st.section_id"
	    " JOIN memo_issues i ON i.id = s.issue_id"
	    " WHERE st.id = ? AND i.closed IS NULL", "i", story);
	if (r == 0) {
		return store_memo_error(cause,
		    _("no story %lld in the open issue"), (long long)story);
	}
	return r > 0;
}

/* The story of an entry of the open issue. */
static bool
store_memo_entry_story(struct store *st, int64_t entry, int64_t *story,
    char **cause)
{
	int	r;

	r = store_memo_int(st, story, cause,
	    "SELECT e.story_id FROM memo_entries e"
	    " JOIN memo_issues i ON i.id = e.issue_id"
	    " WHERE e.id = ? AND i.closed IS NULL", "i", entry);
	if (r == 0) {
		return store_memo_error(cause,
		    _("no entry %lld in the open issue"), (long long)entry);
	}
	return r > 0;
}

static const char sql_entry_position[] =
    "UPDATE memo_entries SET position = ? WHERE id = ?";
static const char sql_story_position[] =
    "UPDATE memo_stories SET position = ? WHERE id = ?";
static const char sql_section_position[] =
    "UPDATE memo_sections SET position = ? WHERE id = ?";

/* Write positions 0, step, 2 * step... in the order of ids with update
 * (one of the sql_*_position statements). */
static bool
store_memo_positions(struct store *st, const char *update, const int64_t *ids,
    size_t n, int64_t step, char **cause)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (!store_memo_run(st, cause, update, "ii", (int64_t)i * step,
		    ids[i])) {
			return false;
		}
	}
	return true;
}

/* Delete story when it has no entries left. */
static bool
store_memo_drop_if_empty(struct store *st, int64_t story, char **cause)
{
	return store_memo_run(st, cause,
	    "DELETE FROM memo_stories WHERE id = ? AND NOT EXISTS"
	    " (SELECT 1 FROM memo_entries WHERE story_id = ?)", "ii",
	    story, story);
}

/* A new story at the end of section; *story gets its id. */
static bool
store_memo_story_new(struct store *st, int64_t section, const char *headline,
    int64_t *story, char **cause)
{
	if (headline != NULL && headline[0] == '\0') {
		headline = NULL;
	}
	if (!store_memo_run(st, cause,
	    "INSERT INTO memo_stories (section_id, position, headline)"
	    " VALUES (?, (SELECT COALESCE(MAX(position) + 1, 0)"
	    " FROM memo_stories WHERE section_id = ?), ?)", "iit",
	    section, section, headline)) {
		return false;
	}
	*story = sqlite3_last_insert_rowid(st->db);
	return true;
}

/* Move entry to the end of story (dropping its old story if emptied). */
static bool
store_memo_entry_to_story(struct store *st, int64_t entry, int64_t story,
    char **cause)
{
	int64_t	old;

	if (!store_memo_entry_story(st, entry, &old, cause)) {
		return false;
	}
	if (old == story) {
		return true;
	}
	return store_memo_run(st, cause,
	    "UPDATE memo_entries SET story_id = ?, position = (SELECT"
	    " COALESCE(MAX(position) + 1, 0) FROM memo_entries"
	    " WHERE story_id = ?) WHERE id = ?", "iii", story, story, entry) &&
	    store_memo_drop_if_empty(st, old, cause);
}

/* ---- configuration ---- */

/* Place (or create) the section called name at position index. */
static bool
store_memo_configure_one(struct store *st, int64_t issue, const char *name,
    size_t index, bool is_default, char **cause)
{
	int64_t	section;
	int	r;

	r = store_memo_int(st, &section, cause,
	    "SELECT id FROM memo_sections WHERE issue_id = ? AND name = ?"
	    " AND position >= 0 ORDER BY position, id LIMIT 1", "it", issue,
	    name);
	if (r < 0) {
		return false;
	}
	if (r == 0) {
		return store_memo_run(st, cause,
		    "INSERT INTO memo_sections (issue_id, position, name,"
		    " is_default) VALUES (?, ?, ?, ?)", "iiti", issue,
		    -1 - (int64_t)index, name, (int64_t)is_default);
	}
	return store_memo_run(st, cause,
	    "UPDATE memo_sections SET position = ?, is_default = ?"
	    " WHERE id = ?", "iii", -1 - (int64_t)index, (int64_t)is_default,
	    section);
}

/* Whether issue's sections are names in order with the default at
 * default_section: 1 when they are, 0 when not, -1 on error. */
static int
store_memo_configured(struct store *st, int64_t issue, char *const *names,
    size_t n, int default_section, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*name;
	size_t		 i = 0;
	int		 rc, same = 1;

	stmt = store_memo_prepare(st, cause,
	    "SELECT name, is_default FROM memo_sections WHERE issue_id = ?"
	    " ORDER BY position, id", "i", issue);
	if (stmt == NULL) {
		return -1;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 0);
		if (i >= n || strcmp(name, names[i]) != 0 ||
		    (sqlite3_column_int(stmt, 1) != 0) !=
		    (i == (size_t)default_section)) {
			same = 0;
		}
		i++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		store_memo_fail(st, cause);
		return -1;
	}
	return same && i == n ? 1 : 0;
}

/* Sections are placed at negative positions first, so that a section
 * already placed is not matched again; then the leftovers are dropped (when
 * empty) or moved to the end, and every position made non-negative. */
static bool
store_memo_configure_locked(struct store *st, char *const *names, size_t n,
    int default_section, char **cause)
{
	int64_t	issue, *ids;
	size_t	i, count;
	bool	ok;
	int	r;

	if (!store_memo_open_issue(st, &issue, cause)) {
		return false;
	}
	if (default_section < 0 || (size_t)default_section >= n) {
		default_section = (int)n - 1;
	}
	if ((r = store_memo_configured(st, issue, names, n, default_section,
	    cause)) != 0) {
		return r > 0;
	}
	for (i = 0; i < n; i++) {
		if (!store_memo_configure_one(st, issue, names[i], i,
		    i == (size_t)default_section, cause)) {
			return false;
		}
	}
	if (!store_memo_run(st, cause,
	    "DELETE FROM memo_sections WHERE issue_id = ? AND position >= 0"
	    " AND NOT EXISTS (SELECT 1 FROM memo_stories"
	    " WHERE section_id = memo_sections.id)", "i", issue) ||
	    !store_memo_run(st, cause,
	    "UPDATE memo_sections SET is_default = 0, position = position + ?"
	    " WHERE issue_id = ? AND position >= 0", "ii", (int64_t)n, issue) ||
	    !store_memo_run(st, cause,
	    "UPDATE memo_sections SET position = -1 - position"
	    " WHERE issue_id = ? AND position < 0", "i", issue) ||
	    !store_memo_ids(st, &ids, &count, cause, sql_issue_sections,
	    issue)) {
		return false;
	}
	ok = store_memo_positions(st, sql_section_position, ids, count, 1,
	    cause);
	free(ids);
	return ok;
}

bool
store_memo_configure(struct store *st, char *const *names, size_t n,
    int default_section, char **cause)
{
	if (n == 0) {
		return store_memo_error(cause, _("the memo needs a section"));
	}
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_configure_locked(st, names, n,
	    default_section, cause), cause);
}

/* ---- starring ---- */

/* Copy item into a new entry at the end of story. */
static bool
store_memo_entry_new(struct store *st, int64_t issue, int64_t story,
    int64_t item, char **cause)
{
	if (!store_memo_run(st, cause,
	    "INSERT INTO memo_entries (story_id, issue_id, position, item_id,"
	    " title, link, feed_title, feed_url, date)"
	    " SELECT ?, ?, (SELECT COALESCE(MAX(position) + 1, 0)"
	    " FROM memo_entries WHERE story_id = ?), i.id,"
	    " COALESCE(NULLIF(i.title, ''), NULLIF(i.link, ''), ?), i.link,"
	    " COALESCE(NULLIF(f.title, ''), f.url), f.url, i.date"
	    " FROM items i JOIN feeds f ON f.id = i.feed_id WHERE i.id = ?",
	    "iiiti", story, issue, story, _("(untitled)"), item)) {
		return false;
	}
	if (sqlite3_changes(st->db) == 0) {
		return store_memo_error(cause, _("no item %lld"),
		    (long long)item);
	}
	return true;
}

/* Put an entry into section index: its story moves there when the entry is
 * alone in it, else the entry gets a story of its own there. */
static bool
store_memo_entry_to_section(struct store *st, int64_t issue, int64_t entry,
    int index, char **cause)
{
	int64_t	story, section, target, count = 0;

	if (!store_memo_entry_story(st, entry, &story, cause) ||
	    !store_memo_story_section(st, story, &section, cause) ||
	    !store_memo_section_id(st, issue, index, &target, cause) ||
	    store_memo_int(st, &count, cause,
	    "SELECT COUNT(*) FROM memo_entries WHERE story_id = ?", "i",
	    story) < 0) {
		return false;
	}
	if (count > 1) {
		return store_memo_story_new(st, target, NULL, &story, cause) &&
		    store_memo_entry_to_story(st, entry, story, cause);
	}
	if (section == target) {
		return true;
	}
	return store_memo_run(st, cause,
	    "UPDATE memo_stories SET section_id = ?, position = (SELECT"
	    " COALESCE(MAX(position) + 1, 0) FROM memo_stories"
	    " WHERE section_id = ?) WHERE id = ?", "iii", target, target, story);
}

/* Place the item's entry (new or not) as req says; *entry gets its id. */
static bool
store_memo_place(struct store *st, int64_t issue,
    const struct store_memo_add *req, int64_t *entry, char **cause)
{
	int64_t	story, section;
	int	r;

	r = store_memo_int(st, entry, cause,
	    "SELECT id FROM memo_entries WHERE issue_id = ? AND item_id = ?",
	    "ii", issue, req->item_id);
	if (r < 0) {
		return false;
	}
	if (r > 0 && req->story_id != 0) {
		return store_memo_story_section(st, req->story_id, &section,
		    cause) && store_memo_entry_to_story(st, *entry,
		    req->story_id, cause);
	}
	if (r > 0) {
		return req->section < 0 || store_memo_entry_to_section(st, issue,
		    *entry, req->section, cause);
	}
	if (req->story_id != 0) {
		story = req->story_id;
		if (!store_memo_story_section(st, story, &section, cause)) {
			return false;
		}
	} else if (!store_memo_section_id(st, issue, req->section, &section,
	    cause) || !store_memo_story_new(st, section, NULL, &story, cause)) {
		return false;
	}
	if (!store_memo_entry_new(st, issue, story, req->item_id, cause)) {
		return false;
	}
	*entry = sqlite3_last_insert_rowid(st->db);
	return true;
}

static bool
store_memo_add_locked(struct store *st, const struct store_memo_add *req,
    char **cause)
{
	int64_t	issue, entry, story;

	if (!store_memo_open_issue(st, &issue, cause) ||
	    !store_memo_place(st, issue, req, &entry, cause)) {
		return false;
	}
	if (req->headline != NULL && req->story_id == 0 &&
	    (!store_memo_entry_story(st, entry, &story, cause) ||
	    !store_memo_run(st, cause,
	    "UPDATE memo_stories SET headline = NULLIF(?, '') WHERE id = ?",
	    "ti", req->headline, story))) {
		return false;
	}
	if (req->quote != NULL && !store_memo_run(st, cause,
	    "UPDATE memo_entries SET quote = NULLIF(?, '') WHERE id = ?", "ti",
	    req->quote, entry)) {
		return false;
	}
	return store_memo_run(st, cause,
	    "UPDATE items SET starred = 1 WHERE id = ?", "i", req->item_id);
}

bool
store_memo_add(struct store *st, const struct store_memo_add *req,
    char **cause)
{
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_add_locked(st, req, cause),
	    cause);
}

bool
store_memo_star(struct store *st, int64_t item_id, int section, char **cause)
{
	struct store_memo_add	req;

	memset(&req, 0, sizeof req);
	req.item_id = item_id;
	req.section = section;
	return store_memo_add(st, &req, cause);
}

/* Remove entries (the rows sql selects from memo_entries, bound to arg)
 * with their emptied stories, and unstar their items. */
static bool
store_memo_remove_locked(struct store *st, const char *select, int64_t arg,
    char **cause)
{
	int64_t	*ids, story;
	size_t	 n, i;
	bool	 ok = true;

	if (!store_memo_ids(st, &ids, &n, cause, select, arg)) {
		return false;
	}
	for (i = 0; i < n && ok; i++) {
		ok = store_memo_entry_story(st, ids[i], &story, cause) &&
		    store_memo_run(st, cause,
		    "UPDATE items SET starred = 0 WHERE id ="
		    " (SELECT item_id FROM memo_entries WHERE id = ?)", "i",
		    ids[i]) &&
		    store_memo_run(st, cause,
		    "DELETE FROM memo_entries WHERE id = ?", "i", ids[i]) &&
		    store_memo_drop_if_empty(st, story, cause);
	}
	free(ids);
	return ok;
}

bool
store_memo_unstar(struct store *st, int64_t item_id, char **cause)
{
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_remove_locked(st,
	    "SELECT e.id FROM memo_entries e JOIN memo_issues i"
	    " ON i.id = e.issue_id WHERE e.item_id = ? AND i.closed IS NULL",
	    item_id, cause) &&
	    store_memo_run(st, cause,
	    "UPDATE items SET starred = 0 WHERE id = ?", "i", item_id);
	return store_memo_finish(st, ok, cause);
}

bool
store_memo_entry_remove(struct store *st, int64_t entry_id, char **cause)
{
	int64_t	story;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_entry_story(st, entry_id, &story, cause) &&
	    store_memo_remove_locked(st,
	    "SELECT id FROM memo_entries WHERE id = ?", entry_id, cause);
	return store_memo_finish(st, ok, cause);
}

bool
store_memo_story_remove(struct store *st, int64_t story_id, char **cause)
{
	int64_t	section;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_story_section(st, story_id, &section, cause) &&
	    store_memo_remove_locked(st, sql_story_entries, story_id, cause) &&
	    store_memo_run(st, cause, "DELETE FROM memo_stories WHERE id = ?",
	    "i", story_id);
	return store_memo_finish(st, ok, cause);
}

static bool	store_memo_adopt(struct store *, int64_t, char **);
static bool	store_memo_refresh_items(struct store *, int64_t, char **);

/* ---- loading ---- */

static char *
store_memo_column(sqlite3_stmt *stmt, int col)
{
	const unsigned char	*text = sqlite3_column_text(stmt, col);

	return text != NULL ? xstrdup((const char *)text) : NULL;
}

/* The issue row: number < 0 selects the open one. */
static struct memo_issue *
store_memo_load_issue(struct store *st, long number, char **cause)
{
	struct memo_issue	*issue = NULL;
	sqlite3_stmt		*stmt;
	int			 rc;

	stmt = store_memo_prepare(st, cause, number < 0 ?
	    "SELECT id, number, closed, created FROM memo_issues"
	    " WHERE closed IS NULL" :
	    "SELECT id, number, closed, created FROM memo_issues"
	    " WHERE number = ?", number < 0 ? "" : "l", number);
	if (stmt == NULL) {
		return NULL;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		issue = memo_issue_new((long)sqlite3_column_int64(stmt, 1));
		issue->id = sqlite3_column_int64(stmt, 0);
		issue->closed = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
		issue->closed_at = (time_t)sqlite3_column_int64(stmt, 2);
		issue->created = (time_t)sqlite3_column_int64(stmt, 3);
	} else if (rc == SQLITE_DONE) {
		store_memo_error(cause, _("there is no memo issue %ld"), number);
	} else {
		store_memo_fail(st, cause);
	}
	sqlite3_finalize(stmt);
	return issue;
}

static bool
store_memo_load_sections(struct store *st, struct memo_issue *issue,
    char **cause)
{
	struct memo_section	*section;
	sqlite3_stmt		*stmt;
	int			 rc;
	bool			 found = false;

	stmt = store_memo_prepare(st, cause,
	    "SELECT id, name, is_default FROM memo_sections WHERE issue_id = ?"
	    " ORDER BY position, id", "i", issue->id);
	if (stmt == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		section = memo_issue_add_section(issue,
		    (const char *)sqlite3_column_text(stmt, 1));
		section->id = sqlite3_column_int64(stmt, 0);
		if (sqlite3_column_int(stmt, 2) != 0) {
			found = true;
			issue->default_section = issue->nsections - 1;
		}
	}
	sqlite3_finalize(stmt);
	if (!found && issue->nsections > 0) {
		issue->default_section = issue->nsections - 1;
	}
	if (rc != SQLITE_DONE) {
		return store_memo_fail(st, cause);
	}
	return true;
}

/* Add one row of the stories query to the tree; *story is the story the
 * previous row added to. */
static void
store_memo_load_row(struct memo_issue *issue, sqlite3_stmt *stmt,
    struct memo_story **story)
{
	struct memo_entry	*e;
	int64_t			 section_id = sqlite3_column_int64(stmt, 2);
	size_t			 i;

	if (*story == NULL || (*story)->id != sqlite3_column_int64(stmt, 0)) {
		for (i = 0; i < issue->nsections; i++) {
			if (issue->sections[i].id == section_id) {
				break;
			}
		}
		*story = memo_section_add_story(&issue->sections[i],
		    (const char *)sqlite3_column_text(stmt, 1));
		(*story)->id = sqlite3_column_int64(stmt, 0);
	}
	if (sqlite3_column_type(stmt, 3) == SQLITE_NULL) {
		return;
	}
	e = memo_story_add_entry(*story, NULL, NULL, NULL,
	    (time_t)sqlite3_column_int64(stmt, 9), NULL);
	e->id = sqlite3_column_int64(stmt, 3);
	e->item_id = sqlite3_column_int64(stmt, 4);
	e->title = store_memo_column(stmt, 5);
	e->link = store_memo_column(stmt, 6);
	e->feed_title = store_memo_column(stmt, 7);
	e->feed_url = store_memo_column(stmt, 8);
	e->quote = store_memo_column(stmt, 10);
}

static bool
store_memo_load_stories(struct store *st, struct memo_issue *issue,
    char **cause)
{
	struct memo_story	*story = NULL;
	sqlite3_stmt		*stmt;
	int			 rc;

	stmt = store_memo_prepare(st, cause,
	    "SELECT st.id, st.headline, st.section_id, e.id, e.item_id,"
	    " e.title, e.link, e.feed_title, e.feed_url, e.date, e.quote"
	    " FROM memo_stories st JOIN memo_sections s ON s.id = st.section_id"
	    " LEFT JOIN memo_entries e ON e.story_id = st.id"
	    " WHERE s.issue_id = ?"
	    " ORDER BY s.position, s.id, st.position, st.id, e.position, e.id",
	    "i", issue->id);
	if (stmt == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		store_memo_load_row(issue, stmt, &story);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		return store_memo_fail(st, cause);
	}
	return true;
}

struct memo_issue *
store_memo_load(struct store *st, long number, char **cause)
{
	struct memo_issue	*issue;
	int64_t			 id;
	bool			 ok;

	if (number < 0) {
		/* The open issue is created on first use; its copies follow
		 * the items. */
		if (!store_memo_begin(st, cause) ||
		    !store_memo_finish(st, store_memo_open_issue(st, &id, cause) &&
		    store_memo_adopt(st, id, cause) &&
		    store_memo_refresh_items(st, id, cause), cause)) {
			return NULL;
		}
	}
	if (!store_memo_begin(st, cause)) {
		return NULL;
	}
	issue = store_memo_load_issue(st, number, cause);
	ok = issue != NULL && store_memo_load_sections(st, issue, cause) &&
	    store_memo_load_stories(st, issue, cause);
	ok = store_memo_finish(st, ok, cause);
	if (!ok) {
		memo_issue_free(issue);
		return NULL;
	}
	return issue;
}

/* ---- moving ---- */

/* Index of id in ids, or n. */
static size_t
store_memo_index(const int64_t *ids, size_t n, int64_t id)
{
	size_t	i;

	for (i = 0; i < n && ids[i] != id; i++) {
		continue;
	}
	return i;
}

/* Move story past the end of its section to the neighbouring section. */
static bool
store_memo_story_cross(struct store *st, int64_t story, int64_t section,
    int delta, char **cause)
{
	int64_t	issue, *ids;
	size_t	n, k;
	bool	ok = true;

	if (store_memo_int(st, &issue, cause,
	    "SELECT issue_id FROM memo_sections WHERE id = ?", "i",
	    section) <= 0 ||
	    !store_memo_ids(st, &ids, &n, cause, sql_issue_sections, issue)) {
		return false;
	}
	k = store_memo_index(ids, n, section);
	if (delta < 0 && k > 0) {
		ok = store_memo_run(st, cause,
		    "UPDATE memo_stories SET section_id = ?, position = (SELECT"
		    " COALESCE(MAX(position) + 1, 0) FROM memo_stories"
		    " WHERE section_id = ?) WHERE id = ?", "iii", ids[k - 1],
		    ids[k - 1], story);
	} else if (delta > 0 && k + 1 < n) {
		ok = store_memo_run(st, cause,
		    "UPDATE memo_stories SET section_id = ?, position = (SELECT"
		    " COALESCE(MIN(position) - 1, 0) FROM memo_stories"
		    " WHERE section_id = ?) WHERE id = ?", "iii", ids[k + 1],
		    ids[k + 1], story);
	}
	free(ids);
	return ok;
}

static bool
store_memo_story_move_locked(struct store *st, int64_t story, int delta,
    char **cause)
{
	int64_t	section, *ids, swap;
	size_t	n, k;
	bool	ok;

	if (!store_memo_story_section(st, story, &section, cause) ||
	    !store_memo_ids(st, &ids, &n, cause, sql_section_stories,
	    section)) {
		return false;
	}
	k = store_memo_index(ids, n, story);
	if ((delta < 0 && k == 0) || (delta > 0 && k + 1 >= n)) {
		free(ids);
		return store_memo_story_cross(st, story, section, delta, cause);
	}
	swap = ids[k];
	ids[k] = ids[delta < 0 ? k - 1 : k + 1];
	ids[delta < 0 ? k - 1 : k + 1] = swap;
	ok = store_memo_positions(st, sql_story_position, ids, n, 1, cause);
	free(ids);
	return ok;
}

bool
store_memo_story_move(struct store *st, int64_t story_id, int delta,
    char **cause)
{
	if (delta == 0) {
		return true;
	}
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_story_move_locked(st, story_id,
	    delta, cause), cause);
}

bool
store_memo_story_to_section(struct store *st, int64_t story_id, int section,
    char **cause)
{
	int64_t	issue, old, target;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_story_section(st, story_id, &old, cause) &&
	    store_memo_open_issue(st, &issue, cause) &&
	    store_memo_section_id(st, issue, section, &target, cause) &&
	    (old == target || store_memo_run(st, cause,
	    "UPDATE memo_stories SET section_id = ?, position = (SELECT"
	    " COALESCE(MAX(position) + 1, 0) FROM memo_stories"
	    " WHERE section_id = ?) WHERE id = ?", "iii", target, target,
	    story_id));
	return store_memo_finish(st, ok, cause);
}

bool
store_memo_story_set_headline(struct store *st, int64_t story_id,
    const char *headline, char **cause)
{
	int64_t	section;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_story_section(st, story_id, &section, cause) &&
	    store_memo_run(st, cause,
	    "UPDATE memo_stories SET headline = NULLIF(?, '') WHERE id = ?",
	    "ti", headline, story_id);
	return store_memo_finish(st, ok, cause);
}

/* The story before story in the open issue's order (0 when none). */
static bool
store_memo_story_above(struct store *st, int64_t story, int64_t *above,
    char **cause)
{
	int64_t	issue, *ids;
	size_t	n, k;

	if (!store_memo_open_issue(st, &issue, cause) ||
	    !store_memo_ids(st, &ids, &n, cause, sql_issue_stories, issue)) {
		return false;
	}
	k = store_memo_index(ids, n, story);
	*above = k > 0 && k < n ? ids[k - 1] : 0;
	free(ids);
	if (*above == 0) {
		return store_memo_error(cause, _("there is no story above"));
	}
	return true;
}

bool
store_memo_entry_join(struct store *st, int64_t entry_id, int64_t story_id,
    char **cause)
{
	int64_t	story, section;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_entry_story(st, entry_id, &story, cause);
	if (ok && story_id == 0) {
		ok = store_memo_story_above(st, story, &story_id, cause);
	}
	ok = ok && store_memo_story_section(st, story_id, &section, cause) &&
	    store_memo_entry_to_story(st, entry_id, story_id, cause);
	return store_memo_finish(st, ok, cause);
}

static bool
store_memo_entry_split_locked(struct store *st, int64_t entry, char **cause)
{
	int64_t	story, section, *ids, fresh, count = 0;
	size_t	n, k;
	bool	ok;

	if (!store_memo_entry_story(st, entry, &story, cause) ||
	    !store_memo_story_section(st, story, &section, cause) ||
	    store_memo_int(st, &count, cause,
	    "SELECT COUNT(*) FROM memo_entries WHERE story_id = ?", "i",
	    story) < 0) {
		return false;
	}
	if (count < 2) {
		return true;
	}
	if (!store_memo_ids(st, &ids, &n, cause, sql_section_stories,
	    section)) {
		return false;
	}
	k = store_memo_index(ids, n, story);
	ok = store_memo_positions(st, sql_story_position, ids, n, 2, cause) &&
	    store_memo_story_new(st, section, NULL, &fresh, cause) &&
	    store_memo_run(st, cause, sql_story_position, "ii",
	    (int64_t)k * 2 + 1, fresh) &&
	    store_memo_entry_to_story(st, entry, fresh, cause);
	free(ids);
	return ok;
}

bool
store_memo_entry_split(struct store *st, int64_t entry_id, char **cause)
{
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_entry_split_locked(st,
	    entry_id, cause), cause);
}

static bool
store_memo_entry_move_locked(struct store *st, int64_t entry, int delta,
    char **cause)
{
	int64_t	story, *ids, swap;
	size_t	n, k, other;
	bool	ok;

	if (!store_memo_entry_story(st, entry, &story, cause) ||
	    !store_memo_ids(st, &ids, &n, cause, sql_story_entries, story)) {
		return false;
	}
	k = store_memo_index(ids, n, entry);
	if ((delta < 0 && k == 0) || (delta > 0 && k + 1 >= n)) {
		free(ids);
		return true;
	}
	other = delta < 0 ? k - 1 : k + 1;
	swap = ids[k];
	ids[k] = ids[other];
	ids[other] = swap;
	ok = store_memo_positions(st, sql_entry_position, ids, n, 1, cause);
	free(ids);
	return ok;
}

bool
store_memo_entry_move(struct store *st, int64_t entry_id, int delta,
    char **cause)
{
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_entry_move_locked(st, entry_id,
	    delta, cause), cause);
}

bool
store_memo_entry_set_quote(struct store *st, int64_t entry_id,
    const char *quote, char **cause)
{
	int64_t	story;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_entry_story(st, entry_id, &story, cause) &&
	    store_memo_run(st, cause,
	    "UPDATE memo_entries SET quote = NULLIF(?, '') WHERE id = ?", "ti",
	    quote, entry_id);
	return store_memo_finish(st, ok, cause);
}

/* ---- refreshing, numbering, closing ---- */

/* Refresh the copies in issue's entries from the items still there (the
 * feed titles are store_memo_refresh_feeds()' business).  Rows already up
 * to date are not written. */
static bool
store_memo_refresh_items(struct store *st, int64_t issue, char **cause)
{
	return store_memo_run(st, cause,
	    "UPDATE memo_entries SET title = n.title, link = n.link,"
	    " date = n.date, feed_url = n.feed_url"
	    " FROM (SELECT i.id AS id, COALESCE(NULLIF(i.title, ''),"
	    " NULLIF(i.link, '')) AS title, i.link AS link, i.date AS date,"
	    " f.url AS feed_url FROM items i JOIN feeds f ON f.id = i.feed_id)"
	    " AS n WHERE n.id = memo_entries.item_id"
	    " AND memo_entries.issue_id = ? AND n.title IS NOT NULL"
	    " AND (memo_entries.title IS NOT n.title"
	    " OR memo_entries.link IS NOT n.link"
	    " OR memo_entries.date IS NOT n.date"
	    " OR memo_entries.feed_url IS NOT n.feed_url)", "i", issue);
}

/* Give each feed's entries the title feed_title() has for its URL, else
 * the feed document's, else the URL. */
static bool
store_memo_refresh_feeds(struct store *st, int64_t issue,
    const char *(*feed_title)(const char *, void *), void *arg, char **cause)
{
	sqlite3_stmt	*stmt;
	char		**urls = NULL;
	const char	*title;
	size_t		 n = 0, i;
	int		 rc;
	bool		 ok = true;

	stmt = store_memo_prepare(st, cause,
	    "SELECT DISTINCT feed_url FROM memo_entries WHERE issue_id = ?"
	    " AND item_id IS NOT NULL AND feed_url IS NOT NULL", "i", issue);
	if (stmt == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		urls = xreallocarray(urls, n + 1, sizeof *urls);
		urls[n++] = store_memo_column(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		ok = store_memo_fail(st, cause);
	}
	for (i = 0; i < n && ok; i++) {
		title = feed_title != NULL ? feed_title(urls[i], arg) : NULL;
		ok = store_memo_run(st, cause,
		    "UPDATE memo_entries SET feed_title = n.title FROM"
		    " (SELECT COALESCE(NULLIF(?, ''), NULLIF(f.title, ''), f.url)"
		    " AS title FROM feeds f WHERE f.url = ?) AS n"
		    " WHERE issue_id = ? AND feed_url = ? AND item_id IS NOT NULL"
		    " AND feed_title IS NOT n.title", "ttit", title, urls[i],
		    issue, urls[i]);
	}
	memo_names_free(urls, n);
	return ok;
}

/* Add the starred items the open issue lacks (starred by other means) to
 * the default section, oldest first. */
static bool
store_memo_adopt(struct store *st, int64_t issue, char **cause)
{
	struct store_memo_add	 req;
	int64_t			*ids, entry;
	size_t			 n, i;
	bool			 ok = true;

	if (!store_memo_ids(st, &ids, &n, cause,
	    "SELECT id FROM items WHERE starred AND id NOT IN (SELECT item_id"
	    " FROM memo_entries WHERE issue_id = ? AND item_id IS NOT NULL)"
	    " ORDER BY date, id", issue)) {
		return false;
	}
	memset(&req, 0, sizeof req);
	req.section = -1;
	for (i = 0; i < n && ok; i++) {
		req.item_id = ids[i];
		ok = store_memo_place(st, issue, &req, &entry, cause);
	}
	free(ids);
	return ok;
}

bool
store_memo_refresh(struct store *st,
    const char *(*feed_title)(const char *, void *), void *arg, char **cause)
{
	int64_t	issue;
	bool	ok;

	if (!store_memo_begin(st, cause)) {
		return false;
	}
	ok = store_memo_open_issue(st, &issue, cause) &&
	    store_memo_adopt(st, issue, cause) &&
	    store_memo_refresh_items(st, issue, cause) &&
	    store_memo_refresh_feeds(st, issue, feed_title, arg, cause);
	return store_memo_finish(st, ok, cause);
}

static bool
store_memo_set_number_locked(struct store *st, long number, char **cause)
{
	int64_t	issue, other;
	int	r;

	if (!store_memo_open_issue(st, &issue, cause)) {
		return false;
	}
	r = store_memo_int(st, &other, cause,
	    "SELECT id FROM memo_issues WHERE number = ? AND id <> ?", "li",
	    number, issue);
	if (r != 0) {
		return r > 0 ? store_memo_error(cause,
		    _("memo issue %ld already exists"), number) : false;
	}
	return store_memo_run(st, cause,
	    "UPDATE memo_issues SET number = ? WHERE id = ?", "li", number,
	    issue);
}

bool
store_memo_set_number(struct store *st, long number, char **cause)
{
	if (number < 0) {
		return store_memo_error(cause, _("invalid issue number %ld"),
		    number);
	}
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_set_number_locked(st, number,
	    cause), cause);
}

static bool
store_memo_close_locked(struct store *st, long *closed, char **cause)
{
	int64_t	issue, number = 0, next = 0, fresh;

	if (!store_memo_open_issue(st, &issue, cause) ||
	    store_memo_int(st, &number, cause,
	    "SELECT number FROM memo_issues WHERE id = ?", "i", issue) <= 0 ||
	    store_memo_int(st, &next, cause,
	    "SELECT MAX(number) + 1 FROM memo_issues", "") <= 0 ||
	    !store_memo_refresh_items(st, issue, cause) ||
	    !store_memo_run(st, cause,
	    "UPDATE items SET starred = 0 WHERE id IN"
	    " (SELECT item_id FROM memo_entries WHERE issue_id = ?)", "i",
	    issue) ||
	    !store_memo_run(st, cause,
	    "UPDATE memo_issues SET closed = ? WHERE id = ?", "ii",
	    (int64_t)time(NULL), issue) ||
	    !store_memo_run(st, cause,
	    "INSERT INTO memo_issues (number, created) VALUES (?, ?)", "ii",
	    next, (int64_t)time(NULL))) {
		return false;
	}
	fresh = sqlite3_last_insert_rowid(st->db);
	if (closed != NULL) {
		*closed = (long)number;
	}
	return store_memo_run(st, cause,
	    "INSERT INTO memo_sections (issue_id, position, name, is_default)"
	    " SELECT ?, position, name, is_default FROM memo_sections"
	    " WHERE issue_id = ? ORDER BY position, id", "ii", fresh, issue);
}

bool
store_memo_close(struct store *st, long *closed, char **cause)
{
	if (!store_memo_begin(st, cause)) {
		return false;
	}
	return store_memo_finish(st, store_memo_close_locked(st, closed, cause),
	    cause);
}

bool
store_memo_issues(struct store *st, struct store_memo_issue **list,
    size_t *n, char **cause)
{
	struct store_memo_issue	*l;
	sqlite3_stmt		*stmt;
	int			 rc;

	*list = NULL;
	*n = 0;
	stmt = store_memo_prepare(st, cause,
	    "SELECT i.number, i.closed, i.created, (SELECT COUNT(*)"
	    " FROM memo_stories st JOIN memo_sections s"
	    " ON s.id = st.section_id WHERE s.issue_id = i.id),"
	    " (SELECT COUNT(*) FROM memo_entries e WHERE e.issue_id = i.id)"
	    " FROM memo_issues i ORDER BY i.closed IS NULL, i.number", "");
	if (stmt == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*list = xreallocarray(*list, *n + 1, sizeof **list);
		l = &(*list)[(*n)++];
		l->number = (long)sqlite3_column_int64(stmt, 0);
		l->closed = sqlite3_column_type(stmt, 1) != SQLITE_NULL;
		l->closed_at = (time_t)sqlite3_column_int64(stmt, 1);
		l->created = (time_t)sqlite3_column_int64(stmt, 2);
		l->stories = (size_t)sqlite3_column_int64(stmt, 3);
		l->entries = (size_t)sqlite3_column_int64(stmt, 4);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		free(*list);
		*list = NULL;
		*n = 0;
		return store_memo_fail(st, cause);
	}
	return true;
}

/* ---- related stories ---- */

/* The text identifiers are looked for in: an item's title, summary and
 * content. */
static char *
store_memo_item_text(struct store *st, int64_t item, char **cause)
{
	sqlite3_stmt	*stmt;
	char		*text = NULL;
	int		 rc;

	stmt = store_memo_prepare(st, cause,
	    "SELECT COALESCE(title, '') || ' ' || COALESCE(summary, '') || ' '"
	    " || COALESCE(content, '') FROM items WHERE id = ?", "i", item);
	if (stmt == NULL) {
		return NULL;
	}
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		text = store_memo_column(stmt, 0);
	} else if (rc == SQLITE_DONE) {
		store_memo_error(cause, _("no item %lld"), (long long)item);
	} else {
		store_memo_fail(st, cause);
	}
	sqlite3_finalize(stmt);
	return text;
}

/* The open issue's stories other than item's own, with their texts. */
static bool
store_memo_story_texts(struct store *st, int64_t item, int64_t **ids,
    char ***texts, size_t *n, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	stmt = store_memo_prepare(st, cause,
	    "SELECT st.id, group_concat(COALESCE(st.headline, '') || ' ' ||"
	    " e.title || ' ' || COALESCE(e.quote, '') || ' ' ||"
	    " COALESCE(i.summary, '') || ' ' || COALESCE(i.content, ''), ' ')"
	    " FROM memo_stories st JOIN memo_sections s ON s.id = st.section_id"
	    " JOIN memo_issues m ON m.id = s.issue_id"
	    " JOIN memo_entries e ON e.story_id = st.id"
	    " LEFT JOIN items i ON i.id = e.item_id"
	    " WHERE m.closed IS NULL GROUP BY st.id"
	    " HAVING SUM(CASE WHEN e.item_id = ? THEN 1 ELSE 0 END) = 0"
	    " ORDER BY s.position, s.id, st.position, st.id", "i", item);
	if (stmt == NULL) {
		return false;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*ids = xreallocarray(*ids, *n + 1, sizeof **ids);
		*texts = xreallocarray(*texts, *n + 1, sizeof **texts);
		(*ids)[*n] = sqlite3_column_int64(stmt, 0);
		(*texts)[(*n)++] = store_memo_column(stmt, 1);
	}
	sqlite3_finalize(stmt);
	return rc == SQLITE_DONE ? true : store_memo_fail(st, cause);
}

bool
store_memo_related(struct store *st, int64_t item_id, int64_t **story_ids,
    size_t *n, char **cause)
{
	int64_t	*ids = NULL;
	char	*text, **texts = NULL;
	size_t	 count = 0, *found, nfound, i;
	bool	 ok;

	*story_ids = NULL;
	*n = 0;
	if ((text = store_memo_item_text(st, item_id, cause)) == NULL) {
		return false;
	}
	ok = store_memo_story_texts(st, item_id, &ids, &texts, &count, cause);
	if (ok && count > 0) {
		found = xreallocarray(NULL, count, sizeof *found);
		nfound = memo_related_story(text, (const char *const *)texts,
		    count, found);
		*story_ids = xreallocarray(NULL, nfound + 1, sizeof **story_ids);
		for (i = 0; i < nfound; i++) {
			(*story_ids)[i] = ids[found[i]];
		}
		*n = nfound;
		free(found);
	}
	memo_names_free(texts, count);
	free(ids);
	free(text);
	return ok;
}
