SRCDIR = /work/wt/hostile
BUILDDIR = /work/wt/hostile
DEPS_CFLAGS = -I/usr/include/libxml2  -I/usr/include/x86_64-linux-gnu    -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600 
DEPS_LIBS = -lncursesw -ltinfo  -lcurl  -lxml2  -lsqlite3  -licuuc -licudata    -lm
LIB_SOURCES = src/xalloc.c src/buf.c src/json.c src/paths.c src/utf8.c src/file.c src/cfg.c src/feed.c src/feed-decode.c src/feed-html.c src/feed-rss.c src/feed-atom.c src/date.c src/url.c src/cmd-parse.c src/store.c src/store-schema.c src/store-feeds.c src/store-items.c src/store-fold.c src/subs.c src/cmd-feeds.c src/cmd-items.c src/cmd-text.c src/cmd-store.c src/queue.c src/opml.c src/fetch.c src/fetch-curl.c src/fetch-work.c src/fetch-config.c src/cmd-refresh.c src/cmd-import.c src/html.c src/layout.c src/show.c src/memo.c src/memo-cfg.c src/store-memo.c src/cmd-memo.c
HARNESSES = feed-fuzz html-fuzz layout-fuzz date-fuzz cfg-fuzz memo-fuzz opml-fuzz
