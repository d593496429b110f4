#!/usr/bin/env python3
"""Build a newsboat cache.db for kiji's migration tests.

The schema is newsboat's own: the statements below are those of the schema
patches in newsboat's src/cache.cpp (versions 2.10, 2.11, 2.22 and 2.33), in
the order newsboat runs them.  "--schema old" stops after the first
CREATE TABLE statements, as the oldest caches (newsbeuter) have it.

Usage: mkcache.py [--schema old|new] DB < SPEC, SPEC being tab-separated
lines:

    feed   RSSURL  URL  TITLE
    item   FEEDURL GUID TITLE URL PUBDATE UNREAD FLAGS DELETED MIME CONTENT
"""
import sqlite3
import sys

OLD = [
    "CREATE TABLE rss_feed ( "
    " rssurl VARCHAR(1024) PRIMARY KEY NOT NULL, "
    " url VARCHAR(1024) NOT NULL, "
    " title VARCHAR(1024) NOT NULL ); ",
    "CREATE TABLE rss_item ( "
    " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
    " guid VARCHAR(64) NOT NULL, "
    " title VARCHAR(1024) NOT NULL, "
    " author VARCHAR(1024) NOT NULL, "
    " url VARCHAR(1024) NOT NULL, "
    " feedurl VARCHAR(1024) NOT NULL, "
    " pubDate INTEGER NOT NULL, "
    " content VARCHAR(65535) NOT NULL,"
    " unread INTEGER(1) NOT NULL );",
    "CREATE TABLE google_replay ( "
    " id INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, "
    " guid VARCHAR(64) NOT NULL, "
    " state INTEGER NOT NULL, "
    " ts INTEGER NOT NULL );",
]

NEW = [
    "ALTER TABLE rss_item ADD enclosure_url VARCHAR(1024);",
    "ALTER TABLE rss_item ADD enclosure_type VARCHAR(1024);",
    "ALTER TABLE rss_item ADD enqueued INTEGER(1) NOT NULL DEFAULT 0;",
    "ALTER TABLE rss_item ADD flags VARCHAR(52);",
    "CREATE INDEX IF NOT EXISTS idx_rssurl ON rss_feed(rssurl);",
    "CREATE INDEX IF NOT EXISTS idx_guid ON rss_item(guid);",
    "CREATE INDEX IF NOT EXISTS idx_feedurl ON rss_item(feedurl);",
    "ANALYZE;",
    "ALTER TABLE rss_feed ADD lastmodified INTEGER(11) NOT NULL DEFAULT 0;",
    "CREATE INDEX IF NOT EXISTS idx_lastmodified ON rss_feed(lastmodified);",
    "ALTER TABLE rss_item ADD deleted INTEGER(1) NOT NULL DEFAULT 0;",
    "CREATE INDEX IF NOT EXISTS idx_deleted ON rss_item(deleted);",
    "ALTER TABLE rss_feed ADD is_rtl INTEGER(1) NOT NULL DEFAULT 0;",
    "ALTER TABLE rss_feed ADD etag VARCHAR(128) NOT NULL DEFAULT \"\";",
    "ALTER TABLE rss_item ADD base VARCHAR(128) NOT NULL DEFAULT \"\";",
    "CREATE TABLE metadata ( "
    " db_schema_version_major INTEGER NOT NULL, "
    " db_schema_version_minor INTEGER NOT NULL );",
    "INSERT INTO metadata VALUES ( 2, 11 );",
    "UPDATE metadata SET db_schema_version_major = 2,"
    " db_schema_version_minor = 22;",
    "ALTER TABLE rss_item ADD COLUMN content_mime_type VARCHAR(255)"
    " NOT NULL DEFAULT \"\";",
    "UPDATE metadata SET db_schema_version_major = 2,"
    " db_schema_version_minor = 33;",
    "ALTER TABLE rss_item ADD COLUMN enclosure_description VARCHAR(1024)"
    " NOT NULL DEFAULT \"\";",
    "ALTER TABLE rss_item ADD COLUMN enclosure_description_mime_type"
    " VARCHAR(128) NOT NULL DEFAULT \"\";",
]


def main():
    args = sys.argv[1:]
    schema = "new"
    if len(args) == 3 and args[0] == "--schema":
        schema = args[1]
        args = args[2:]
    db = sqlite3.connect(args[0])
    for sql in OLD + (NEW if schema == "new" else []):
        db.execute(sql)
    for line in sys.stdin.read().split("\n"):
        f = line.split("\t")
        if f[0] == "feed":
            db.execute("INSERT INTO rss_feed (rssurl, url, title)"
                       " VALUES (?, ?, ?)", f[1:4])
        elif f[0] == "item" and schema == "new":
            db.execute("INSERT INTO rss_item (feedurl, guid, title, author,"
                       " url, pubDate, unread, flags, deleted,"
                       " content_mime_type, content, enclosure_url,"
                       " enclosure_type) VALUES (?, ?, ?, 'A. Writer', ?, ?,"
                       " ?, ?, ?, ?, ?, ?, ?)",
                       f[1:5] + [int(f[5]), int(f[6]), f[7], int(f[8]),
                                 f[9], f[10], f[11] if len(f) > 11 else None,
                                 f[12] if len(f) > 12 else None])
        elif f[0] == "item":
            db.execute("INSERT INTO rss_item (feedurl, guid, title, author,"
                       " url, pubDate, unread, content) VALUES (?, ?, ?,"
                       " 'A. Writer', ?, ?, ?, ?)",
                       f[1:5] + [int(f[5]), int(f[6]), f[10]])
    db.commit()
    db.close()


main()
