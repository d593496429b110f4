#!/bin/sh
# kiji import-newsboat: newsboat's urls file and cache.db (built by mkcache.py with
# newsboat's own schema) into kiji; read, flagged, idempotence, and the
# newsboat files left untouched.
. "$KIJI_SRCDIR/tests/lib.sh"
MKCACHE="$KIJI_SRCDIR/tests/migrate/mkcache.py"
NB="$T/nb"
mkdir -p "$NB"

cat > "$NB/spec" <<'SPEC'
feed	https://example.org/sec.xml	https://example.org/	Security Feed
feed	https://example.org/ja.xml	https://example.jp/	日本のフィード
feed	https://example.org/orphan.xml	https://example.org/o	Orphan
feed	exec:~/bin/make-feed	https://example.org/x	Exec
item	https://example.org/sec.xml	tag:a	Read item	https://example.org/a	1700000000	0		0	text/html	<p>A</p>
item	https://example.org/sec.xml	tag:b	Flagged unread	https://example.org/b	1700000100	1	s	0	text/html	<p>B</p>	https://example.org/b.mp3	audio/mpeg
item	https://example.org/sec.xml	https://example.org/c	Read flagged	https://example.org/c	1700000200	0	ab	0	text/html	<p>C</p>
item	https://example.org/sec.xml	https://example.org/dMon, 01 Jan 2024 10:00:00 +0000	Link and date	https://example.org/d	1704103200	1		0		<p>D</p>
item	https://example.org/sec.xml	tag:e	Deleted	https://example.org/e	1700000400	0		1	text/html	<p>E</p>
item	https://example.org/ja.xml	urn:ja:1	脆弱性の報告	https://example.jp/1	1700001000	0		0	text/plain	本文です。
item	https://example.org/ja.xml	urn:ja:2	注意喚起	https://example.jp/2	1700002000	1		0	text/html	<p>注意</p>
item	https://example.org/orphan.xml	tag:o	Orphan item	https://example.org/o/1	1700003000	0	x	0	text/html	<p>O</p>
item	exec:~/bin/make-feed	tag:x	Exec item	https://example.org/x/1	1700003000	1		0	text/html	<p>X</p>
SPEC
"$PYTHON3" "$MKCACHE" "$NB/cache.db" < "$NB/spec"
ok $? "build a newsboat cache.db"

cat > "$NB/urls" <<'URLS'
# newsboat urls file
https://example.org/sec.xml "Security" "~Sec News"
https://example.org/ja.xml 日本 "~JP Alerts" other
"query:Unread Articles:unread = \"yes\"" Views
exec:~/bin/make-feed
filter:~/bin/clean.sh:https://example.org/raw.xml
|cat /etc/passwd
https://example.org/$(touch pwned).xml
gopher://example.org/feed
https://example.org/plain.xml
URLS
sum() { "$PYTHON3" -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }
cache_sum=$(sum "$NB/cache.db")
urls_sum=$(sum "$NB/urls")

# items_json FIELD...: one line per item, ordered by link.
items() {
	"$KIJI" items --json | "$PYTHON3" -c '
import json, sys
items = sorted(json.load(sys.stdin), key=lambda i: i["link"])
for i in items:
    print(" ".join(str(i[f]) for f in sys.argv[1:]))' "$@"
}

cd "$T" || exit 1
"$KIJI" import-newsboat --urls "$NB/urls" --cache "$NB/cache.db" > "$T/out" 2> "$T/err"
ok $? "kiji import-newsboat succeeds"
is "$(cat "$T/out")" "3 feeds added, 0 already subscribed, 6 entries refused
6 items imported (of 6 newsboat kept), 3 marked read, 2 starred
Starred items are in the memo's open issue: see kiji memo." \
    "the summary counts feeds, refusals and items"
is "$(wc -l < "$T/err" | tr -d ' ')" 6 "one message per refused entry"
grep -q "urls: line 4: skipped query feed" "$T/err"
ok $? "the query feed is skipped with a note naming its line"
grep -q "urls: line 5: skipped 'exec:.*commands are never run" "$T/err"
ok $? "exec: is refused"
grep -q "urls: line 6: skipped 'filter:.*commands are never run" "$T/err"
ok $? "filter: is refused"
grep -q "urls: line 7: skipped '|cat'.*commands are never run" "$T/err"
ok $? "|command is refused"
grep -q "urls: 'https://example.org/\$(touch': refused: newsboat would run a command" "$T/err"
ok $? "\$(command) is refused"
grep -q "urls: line 9: skipped 'gopher:" "$T/err"
ok $? "an unsupported scheme is refused"
test ! -e "$T/pwned" && test ! -e "$NB/pwned"
ok $? "nothing was run"

is "$(cat "$XDG_CONFIG_HOME/kiji/feeds")" "https://example.org/plain.xml
[Security]
https://example.org/sec.xml  Sec News

[日本]
https://example.org/ja.xml  JP Alerts" \
    "the feeds file: first tag is the section, ~tag the title"

is "$(items link read starred guid)" "https://example.jp/1 True False urn:ja:1
https://example.jp/2 False False urn:ja:2
https://example.org/a True False tag:a
https://example.org/b False True tag:b
https://example.org/c True True None
https://example.org/d False False None" \
    "items carry newsboat's read and flagged states; deleted ones stay out"
is "$(items link published title | sed -n 1p)" \
    "https://example.jp/1 2023-11-14T22:30:00Z 脆弱性の報告" \
    "dates come from pubDate, Japanese titles intact"
"$KIJI" feeds --json | "$PYTHON3" -c '
import json, sys
f = {x["url"]: x for x in json.load(sys.stdin)}
s = f["https://example.org/sec.xml"]
assert s["last_fetch"] is None and s["http_status"] is None, s
assert s["feed_title"] == "Security Feed", s
assert f["https://example.org/plain.xml"]["total"] == 0
'
ok $? "feeds stay unfetched (the first refresh fetches all) with newsboat's title"

# memo_links: the links of the open issue's entries, sorted.
memo_links() {
	"$KIJI" memo list --json | "$PYTHON3" -c '
import json, sys
m = json.load(sys.stdin)
print(" ".join(sorted(e["link"] for s in m["sections"] for t in s["stories"]
                      for e in t["entries"])))'
}
is "$(memo_links)" "https://example.org/b https://example.org/c" \
    "starred items are entries of the memo's open issue"

# Read one unread item in kiji, then import again: nothing changes.
id_d=$("$KIJI" items --json | "$PYTHON3" -c '
import json, sys
print([i["id"] for i in json.load(sys.stdin) if i["link"] == "https://example.org/d"][0])')
"$KIJI" read "$id_d" >/dev/null
ok $? "mark an item read in kiji"
before=$(items id link read starred)
"$KIJI" import-newsboat --urls "$NB/urls" --cache "$NB/cache.db" > "$T/out" 2>/dev/null
ok $? "a second kiji import-newsboat succeeds"
is "$(cat "$T/out")" "0 feeds added, 3 already subscribed, 6 entries refused
0 items imported (of 6 newsboat kept), 0 marked read, 0 starred" \
    "a second import adds nothing"
is "$(items id link read starred)" "$before" \
    "a second import keeps the items and kiji's read state"

# --all also subscribes to the cache's other feeds (never to exec: ones).
"$KIJI" import-newsboat --all --urls "$NB/urls" --cache "$NB/cache.db" > "$T/out" 2> "$T/err"
ok $? "kiji import-newsboat --all succeeds"
is "$(cat "$T/out")" "1 feed added, 3 already subscribed, 7 entries refused
1 item imported (of 7 newsboat kept), 1 marked read, 1 starred
Starred items are in the memo's open issue: see kiji memo." \
    "--all imports the orphan feed"
grep -q "cache.db: 'exec:~/bin/make-feed': refused: newsboat would run a command" "$T/err"
ok $? "--all refuses the cache's exec: feed"
is "$(items link read starred | grep /o/)" "https://example.org/o/1 True True" \
    "the orphan feed's item"
is "$(memo_links)" "https://example.org/b https://example.org/c https://example.org/o/1" \
    "the memo has every starred item once"

is "$(sum "$NB/cache.db")" "$cache_sum" "newsboat's cache.db is byte for byte unchanged"
is "$(sum "$NB/urls")" "$urls_sum" "newsboat's urls file is unchanged"
is "$(ls "$NB" | tr '\n' ' ')" "cache.db spec urls " "no journal or other file next to the cache"

# Defaults: newsboat's own files under ~/.newsboat.
mkdir -p "$HOME/.newsboat"
cp "$NB/cache.db" "$HOME/.newsboat/cache.db"
printf 'https://example.org/ja.xml\n' > "$HOME/.newsboat/urls"
mkdir -p "$T/fresh"
: > "$T/fresh/config"
"$KIJI" -c "$T/fresh/config" -d "$T/fresh/data" import-newsboat > "$T/out" 2>&1
ok $? "kiji import-newsboat finds ~/.newsboat by itself"
is "$(cat "$T/out")" "1 feed added, 0 already subscribed, 0 entries refused
2 items imported (of 2 newsboat kept), 1 marked read, 0 starred" \
    "the default files are read"

# --no-star: flags stay behind, the memo stays empty.
"$KIJI" -c "$T/nostar/config" -d "$T/nostar/data" import-newsboat --no-star \
    --urls "$NB/urls" --cache "$NB/cache.db" > "$T/out" 2>/dev/null
ok $? "kiji import-newsboat --no-star succeeds"
is "$(sed -n 2p "$T/out")" "6 items imported (of 6 newsboat kept), 3 marked read, 0 starred" \
    "--no-star stars nothing"
is "$("$KIJI" -c "$T/nostar/config" -d "$T/nostar/data" items --starred --json)" "[]" \
    "--no-star: no starred item"

# An old cache (newsbeuter's first schema, no flags/deleted columns).
"$PYTHON3" "$MKCACHE" --schema old "$T/old.db" < "$NB/spec"
ok $? "build an old-schema cache"
"$KIJI" -c "$T/old/config" -d "$T/old/data" import-newsboat --urls "$NB/urls" \
    --cache "$T/old.db" > "$T/out" 2>/dev/null
ok $? "an old cache imports"
is "$(sed -n 2p "$T/out")" "7 items imported (of 7 newsboat kept), 4 marked read, 0 starred" \
    "without a deleted column every item is taken; without flags none starred"

# Not a newsboat cache: a clear error, nothing imported.
printf 'not a database\n' > "$T/bogus.db"
"$KIJI" -c "$T/bad/config" -d "$T/bad/data" import-newsboat --urls "$NB/urls" \
    --cache "$T/bogus.db" > "$T/out" 2> "$T/err"
is "$?" 1 "a file that is not a cache fails"
grep -q 'bogus.db' "$T/err"
ok $? "the error names the file"
test ! -e "$T/bad/config/feeds"
ok $? "nothing is subscribed when the cache is unusable"
"$KIJI" -c "$T/bad/config" -d "$T/bad/data" import-newsboat --cache "$T/none.db" \
    --urls "$NB/urls" > /dev/null 2>&1
is "$?" 1 "a missing cache given with --cache fails"
"$KIJI" import-newsboat --bogus > /dev/null 2>&1
is "$?" 2 "an unknown option is a usage error"

done_testing
