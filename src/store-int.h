/* store-int: what the store-*.c files share; nobody else includes this. */
#ifndef KIJI_STORE_INT_H
#define KIJI_STORE_INT_H

#include <sqlite3.h>

#include "buf.h"
#include "store.h"

/* The statements the store prepares once per connection (store_stmt()). */
enum store_stmt_id {
	STMT_FEED_ID,
	STMT_FEED_ENSURE,
	STMT_FEED_VALIDATORS,
	STMT_FEED_FETCHED,
	STMT_FEED_DOC,
	STMT_ITEM_FIND,
	STMT_ITEM_INSERT,
	STMT_ITEM_UPDATE,
	STMT_ITEM_SEEN,
	STMT_ENCL_DELETE,
	STMT_ENCL_INSERT,
	STMT_FTS_DELETE,
	STMT_FTS_INSERT,
	STMT_FTS_PENDING_ADD,
	STMT_FTS_PENDING_BATCH,
	STMT_FTS_PENDING_DONE,
	STMT_ITEM_GET,
	STMT_ITEM_ENCLOSURES,
	STMT_ITEM_SET_READ,
	STMT_ITEM_SET_STARRED,
	STMT_COUNT
};

struct store {
	sqlite3		*db;
	char		*path;
	sqlite3_stmt	*stmts[STMT_COUNT];
	int		 tx_depth;	/* store_tx_begin() nesting */
	struct buf	 scratch;	/* folded text for the FTS rows */
};

/* The columns store_item_row() reads, from items i joined with feeds f;
 * summary and content are ?full-dependent in queries. */
#define STORE_ITEM_COLUMNS(summary, content)				\
	"i.id, i.feed_id, f.url, f.title, i.guid, i.key, i.title, i.link,"	\
	" i.author, " summary ", i.summary_type, " content ","		\
	" i.content_type, i.base, i.published, i.updated, i.first_seen,"	\
	" i.date, i.read, i.starred"

/* Schema migrations, applied in order; PRAGMA user_version counts how many
 * have run.  Append only: a released migration is never edited. */
struct store_migration {
	const char	*name;
	const char	*sql;
};

extern const struct store_migration store_migrations[];
extern const int store_migration_count;

/* store.c: statements, transactions and errors. */
sqlite3_stmt	*store_stmt(struct store *, enum store_stmt_id, char **cause);
bool		 store_fail(struct store *, char **cause, const char *what);
bool		 store_exec(struct store *, const char *sql, char **cause);
bool		 store_tx_begin(struct store *, char **cause);
bool		 store_tx_commit(struct store *, char **cause);
void		 store_tx_rollback(struct store *);
bool		 store_step_done(struct store *, sqlite3_stmt *, char **cause);
bool		 store_write(struct store *, sqlite3_stmt *, int *changed,
		     char **cause);
void		 store_bind_text(sqlite3_stmt *, int, const char *);
void		 store_bind_time(sqlite3_stmt *, int, time_t);
char		*store_column_dup(sqlite3_stmt *, int);

/* store-items.c: fill *out from a row of STORE_ITEM_COLUMNS. */
void		 store_item_row(sqlite3_stmt *, struct store_item *out);

/* Bytes of an item's folded body text the index holds at most. */
#define STORE_FTS_BODY_MAX	2048

/* store-fold.c: search text.  Both append NFKC case-folded UTF-8 to out. */
void		 store_fold(struct buf *out, const char *text, size_t len);
void		 store_fold_body(struct buf *out, const char *text, int type,
		     size_t limit);
/* The whole text an item has in the index: its folded title, then at most
 * STORE_FTS_BODY_MAX bytes of its folded summary and content. */
void		 store_fold_item(struct buf *out, const char *title,
		     const char *summary, int summary_type, const char *content,
		     int content_type);

/* store-fts.c: the item's index row is to be (re)built: drop the old one
 * (replace) and note the item as pending. */
bool		 store_fts_pending(struct store *, int64_t item_id,
		     bool replace, char **cause);

#endif
