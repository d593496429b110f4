/* store-fts: the full-text index, built after the fact.  Writing an item
 * only notes it in fts_pending; store_fts_catch_up() folds the pending
 * items' text and indexes it, and every search calls it first, so that a
 * search never misses an item. */
#include "config.h"
#include "store.h"

#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "store-int.h"
#include "xalloc.h"

/* Items indexed per transaction: big enough to amortise the commit and
 * FTS5's segment flush, small enough to hold the write lock briefly. */
#define STORE_FTS_BATCH	500

/* One pending item read for indexing: its id and folded text (NULL when
 * the item is gone and only the pending row remains). */
struct store_fts_row {
	int64_t	 id;
	char	*text;
	size_t	 len;
};

bool
store_fts_pending(struct store *st, int64_t item_id, bool replace,
    char **cause)
{
	sqlite3_stmt	*s;

	if (replace) {
		if ((s = store_stmt(st, STMT_FTS_DELETE, cause)) == NULL) {
			return false;
		}
		sqlite3_bind_int64(s, 1, item_id);
		if (!store_step_done(st, s, cause)) {
			return false;
		}
	}
	if ((s = store_stmt(st, STMT_FTS_PENDING_ADD, cause)) == NULL) {
		return false;
	}
	sqlite3_bind_int64(s, 1, item_id);
	return store_step_done(st, s, cause);
}

/* Fill row from a row of STMT_FTS_PENDING_BATCH. */
static void
store_fts_read(struct store *st, sqlite3_stmt *s, struct store_fts_row *row)
{
	struct buf	*b = &st->scratch;

	row->id = sqlite3_column_int64(s, 0);
	row->text = NULL;
	row->len = 0;
	if (sqlite3_column_int(s, 1) == 0) {
		return;
	}
	buf_reset(b);
	store_fold_item(b, (const char *)sqlite3_column_text(s, 2),
	    (const char *)sqlite3_column_text(s, 3), sqlite3_column_int(s, 4),
	    (const char *)sqlite3_column_text(s, 5), sqlite3_column_int(s, 6));
	row->len = b->len;
	row->text = xmalloc(b->len + 1);
	memcpy(row->text, b->data != NULL ? b->data : "", b->len);
	row->text[b->len] = '\0';
}

/* Read up to max pending items into *rows; *n gets how many. */
static bool
store_fts_fetch(struct store *st, int max, struct store_fts_row **rows,
    size_t *n, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	*rows = NULL;
	*n = 0;
	if ((s = store_stmt(st, STMT_FTS_PENDING_BATCH, cause)) == NULL) {
		return false;
	}
	sqlite3_bind_int(s, 1, max);
	*rows = xreallocarray(NULL, (size_t)max, sizeof **rows);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		store_fts_read(st, s, &(*rows)[(*n)++]);
	}
	sqlite3_reset(s);
	return rc == SQLITE_DONE || store_fail(st, cause,
	    _("cannot read an item"));
}

/* Index one row and take it off the pending list. */
static bool
store_fts_index(struct store *st, const struct store_fts_row *row,
    char **cause)
{
	sqlite3_stmt	*s;

	if (row->text != NULL) {
		if ((s = store_stmt(st, STMT_FTS_INSERT, cause)) == NULL) {
			return false;
		}
		sqlite3_bind_int64(s, 1, row->id);
		sqlite3_bind_text(s, 2, row->text, (int)row->len,
		    SQLITE_STATIC);
		if (!store_step_done(st, s, cause)) {
			return false;
		}
	}
	if ((s = store_stmt(st, STMT_FTS_PENDING_DONE, cause)) == NULL) {
		return false;
	}
	sqlite3_bind_int64(s, 1, row->id);
	return store_step_done(st, s, cause);
}

static void
store_fts_rows_free(struct store_fts_row *rows, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(rows[i].text);
	}
	free(rows);
}

/* Index one batch of at most max pending items in a transaction of its
 * own; *done gets how many were taken off the list. */
static bool
store_fts_batch(struct store *st, int max, size_t *done, char **cause)
{
	struct store_fts_row	*rows;
	size_t			 i, n;

	*done = 0;
	if (!store_tx_begin(st, cause)) {
		return false;
	}
	if (!store_fts_fetch(st, max, &rows, &n, cause)) {
		store_fts_rows_free(rows, n);
		store_tx_rollback(st);
		return false;
	}
	for (i = 0; i < n; i++) {
		if (!store_fts_index(st, &rows[i], cause)) {
			store_fts_rows_free(rows, n);
			store_tx_rollback(st);
			return false;
		}
	}
	store_fts_rows_free(rows, n);
	if (!store_tx_commit(st, cause)) {
		return false;
	}
	*done = n;
	return true;
}

/* How many items are waiting for the search index, into *left. */
bool
store_fts_left(struct store *st, size_t *left, char **cause)
{
	sqlite3_stmt	*s;
	int		 rc;

	if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM fts_pending", -1,
	    &s, NULL) != SQLITE_OK) {
		return store_fail(st, cause, _("cannot read an item"));
	}
	rc = sqlite3_step(s);
	*left = rc == SQLITE_ROW ? (size_t)sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW || store_fail(st, cause,
	    _("cannot read an item"));
}

bool
store_fts_catch_up(struct store *st, int max, size_t *left, char **cause)
{
	size_t	total = 0, done;
	int	batch;

	do {
		batch = STORE_FTS_BATCH;
		if (max > 0 && max - (int)total < batch) {
			batch = max - (int)total;
		}
		if (batch <= 0) {
			break;
		}
		if (!store_fts_batch(st, batch, &done, cause)) {
			return false;
		}
		total += done;
	} while (done == (size_t)batch);
	return left == NULL || store_fts_left(st, left, cause);
}
