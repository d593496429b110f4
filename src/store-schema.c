/* store-schema: the database schema as a list of migrations. */
#include "config.h"

#include "store-int.h"

static const char schema_core[] =
"CREATE TABLE feeds ("
"  id INTEGER PRIMARY KEY,"
"  url TEXT NOT NULL UNIQUE,"
"  title TEXT,"			/* from the feed document */
"  link TEXT,"
"  etag TEXT,"
"  last_modified TEXT,"
"  last_fetch INTEGER,"		/* time of the last attempt */
"  last_success INTEGER,"	/* time of the last fetch without error */
"  last_doc INTEGER,"		/* time the last document was applied */
"  http_status INTEGER,"
"  error TEXT,"			/* NULL when the last fetch succeeded */
"  redirect_url TEXT"		/* permanent redirect target, offered */
");"
"CREATE TABLE items ("
"  id INTEGER PRIMARY KEY,"
"  feed_id INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,"
"  key TEXT NOT NULL,"
"  guid TEXT,"
"  title TEXT,"
"  link TEXT,"
"  author TEXT,"
"  summary TEXT,"
"  summary_type INTEGER NOT NULL DEFAULT 0,"
"  content TEXT,"
"  content_type INTEGER NOT NULL DEFAULT 0,"
"  base TEXT,"
"  published INTEGER,"
"  updated INTEGER,"
"  first_seen INTEGER NOT NULL,"
"  date INTEGER NOT NULL,"	/* published, else updated, else first_seen */
"  last_seen INTEGER NOT NULL,"	/* the last document that carried it */
"  read INTEGER NOT NULL DEFAULT 0,"
"  starred INTEGER NOT NULL DEFAULT 0,"
"  UNIQUE (feed_id, key)"
");"
"CREATE INDEX items_feed_date ON items (feed_id, date DESC);"
"CREATE INDEX items_date ON items (date DESC);"
"CREATE INDEX items_unread ON items (feed_id, read);"
"CREATE INDEX items_starred ON items (starred) WHERE starred;"
"CREATE TABLE enclosures ("
"  item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,"
"  position INTEGER NOT NULL,"
"  url TEXT NOT NULL,"
"  type TEXT,"
"  length INTEGER,"
"  PRIMARY KEY (item_id, position)"
") WITHOUT ROWID;"
/* Full-text search: the NFKC case-folded title and text, in one column
 * so that one GLOB per word can use the trigram index; detail=none keeps
 * the index small (GLOB checks the text itself, so no positions needed). */
"CREATE VIRTUAL TABLE items_fts USING fts5 ("
"  text, tokenize='trigram', detail='none');"
/* The store writes FTS rows itself (the text is folded in C); deletions,
 * including those cascading from a feed's removal, are kept in step here. */
"CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN"
"  DELETE FROM items_fts WHERE rowid = old.id;"
"END;";

/* The memo: issues hold ordered sections, sections ordered stories, stories
 * ordered entries.  Exactly one issue is open (closed IS NULL).  Positions
 * order siblings and may have gaps. */
static const char schema_memo[] =
"CREATE TABLE memo_issues ("
"  id INTEGER PRIMARY KEY,"
"  number INTEGER NOT NULL UNIQUE,"
"  closed INTEGER,"		/* NULL while open; close time */
"  created INTEGER NOT NULL"
");"
"CREATE UNIQUE INDEX memo_issues_open ON memo_issues ((closed IS NULL))"
"  WHERE closed IS NULL;"
"CREATE TABLE memo_sections ("
"  id INTEGER PRIMARY KEY,"
"  issue_id INTEGER NOT NULL REFERENCES memo_issues(id) ON DELETE CASCADE,"
"  position INTEGER NOT NULL,"
"  name TEXT NOT NULL,"
"  is_default INTEGER NOT NULL DEFAULT 0"	/* where a plain star goes */
");"
"CREATE INDEX memo_sections_issue ON memo_sections (issue_id, position);"
"CREATE TABLE memo_stories ("
"  id INTEGER PRIMARY KEY,"
"  section_id INTEGER NOT NULL REFERENCES memo_sections(id) ON DELETE CASCADE,"
"  position INTEGER NOT NULL,"
"  headline TEXT"		/* NULL: the first entry's title */
");"
"CREATE INDEX memo_stories_section ON memo_stories (section_id, position);"
/* Entries keep a copy of what the memo prints, so an archived issue
 * survives its feed's removal or an item's expiry. */
"CREATE TABLE memo_entries ("
"  id INTEGER PRIMARY KEY,"
"  story_id INTEGER NOT NULL REFERENCES memo_stories(id) ON DELETE CASCADE,"
"  issue_id INTEGER NOT NULL REFERENCES memo_issues(id) ON DELETE CASCADE,"
"  position INTEGER NOT NULL,"
"  item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,"
"  title TEXT NOT NULL,"
"  link TEXT,"
"  feed_title TEXT,"
"  feed_url TEXT,"
"  date INTEGER,"
"  quote TEXT,"
"  UNIQUE (issue_id, item_id)"
");"
"CREATE INDEX memo_entries_story ON memo_entries (story_id, position);"
"CREATE INDEX memo_entries_item ON memo_entries (item_id);";

/* The full-text index is built after the refresh, not inside it: the
 * writer notes each new or changed item here (in the transaction that
 * writes the item) and store_fts_catch_up() indexes them, in batches of
 * their own, before any search.  An item is in the index or pending,
 * never both nor neither. */
static const char schema_fts_pending[] =
"CREATE TABLE fts_pending ("
"  item_id INTEGER PRIMARY KEY"
");"
"CREATE TRIGGER items_fts_pending_delete AFTER DELETE ON items BEGIN"
"  DELETE FROM fts_pending WHERE item_id = old.id;"
"END;";

const struct store_migration store_migrations[] = {
	{ "core", schema_core },
	{ "memo", schema_memo },
	{ "fts-pending", schema_fts_pending },
};
const int store_migration_count =
    (int)(sizeof store_migrations / sizeof store_migrations[0]);
