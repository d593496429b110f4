#!/bin/sh
# The feed and item subcommands, driven through the real binary; the
# database is seeded through the store by tests/store/seed.
. "$KIJI_SRCDIR/tests/lib.sh"
SEED="$KIJI_BUILDDIR/tests/store/seed"
D="$T/data"
FEEDS="$XDG_CONFIG_HOME/kiji/feeds"
k() { "$KIJI" -d "$D" "$@"; }
# py EXPR: evaluate EXPR with d = the JSON document on standard input.
py() { "$PYTHON3" -c "import json, sys; d = json.load(sys.stdin); print($1)"; }

k add https://a.example/feed --title 'My A'; ok $? "add a feed"
k add --section Security http://b.example/rss; ok $? "add into a section"
k add https://c.example/x --section Security --title 'C feed'; ok $? "add another"
k add file:///srv/d.xml; ok $? "add a file:// feed"
expected='https://a.example/feed  My A
file:///srv/d.xml

[Security]
http://b.example/rss
https://c.example/x  C feed'
is "$(cat "$FEEDS")" "$expected" "the feeds file"
cp "$FEEDS" "$T/feeds.before"
k add https://a.example/feed 2>"$T/err"; [ $? = 1 ]; ok $? "a duplicate fails"
grep -q 'already subscribed' "$T/err"; ok $? "and says so"
k add 'exec:rm -rf /' 2>"$T/err"; [ $? = 1 ]; ok $? "exec: is refused"
grep -q 'only http://, https:// and file://' "$T/err"; ok $? "with the reason"
k add '|cat /etc/passwd' 2>/dev/null; [ $? = 1 ]; ok $? "a pipe is refused"
k add 2>/dev/null; [ $? = 2 ]; ok $? "add without a URL is a usage error"
cmp -s "$FEEDS" "$T/feeds.before"; ok $? "failed additions left the file alone"

mkdir -p "$D"
ESC=$(printf '\033')
printf 'feed\thttps://a.example/feed\tAlpha News\t1700000000
item\ta1\tFirst ＣＶＥ story\t1700000100\tone
item\ta2\tSecond %s[31mred%s]0;pwned\a\t1700000200\ttwo
item\ta3\t脆弱性のお知らせ\t1700000300\tthree
feed\thttp://b.example/rss\tBeta\t1700000000
item\tb1\tBeta one\t1700000050\tfour
fail\thttps://c.example/x\t404\tHTTP 404\t1700000500
' "$ESC" "$ESC" | "$SEED" "$D/kiji.db"
ok $? "seed the database"

k feeds --json >"$T/feeds.json"; ok $? "feeds --json"
is "$(py '[f["url"] for f in d]' <"$T/feeds.json")" \
    "['https://a.example/feed', 'file:///srv/d.xml', 'http://b.example/rss', 'https://c.example/x']" \
    "every subscription, in file order"
is "$(py '[(f["title"], f["feed_title"], f["unread"], f["total"]) for f in d][0]' <"$T/feeds.json")" \
    "('My A', 'Alpha News', 3, 3)" "titles and counts"
is "$(py '[(f["section"], f["last_fetch"], f["http_status"]) for f in d][1:3]' <"$T/feeds.json")" \
    "[(None, None, None), ('Security', '2023-11-14T22:13:20Z', 200)]" \
    "sections; a feed never fetched"
is "$(py '(d[3]["error"], d[3]["http_status"], d[3]["total"])' <"$T/feeds.json")" \
    "('HTTP 404', 404, 0)" "a failed fetch"
k feeds >"$T/feeds.txt"; ok $? "feeds"
grep -q '^\[Security\]$' "$T/feeds.txt"; ok $? "feeds shows sections"
grep -q 'HTTP 404' "$T/feeds.txt"; ok $? "feeds shows errors"

k items --json >"$T/items.json"; ok $? "items --json"
is "$(py '[i["title"][:6] for i in d]' <"$T/items.json")" \
    "['脆弱性のお知', 'Second', 'First ', 'Beta o']" "newest first"
is "$(py '(d[2]["feed_url"], d[2]["feed_title"], d[2]["link"], d[2]["published"], d[2]["date"], d[2]["read"], d[2]["starred"])' <"$T/items.json")" \
    "('https://a.example/feed', 'Alpha News', None, '2023-11-14T22:15:00Z', '2023-11-14T22:15:00Z', False, False)" \
    "an item's fields"
A1=$(py 'd[2]["id"]' <"$T/items.json")
A2=$(py 'd[1]["id"]' <"$T/items.json")
A3=$(py 'd[0]["id"]' <"$T/items.json")
B1=$(py 'd[3]["id"]' <"$T/items.json")
k items >"$T/items.txt"; ok $? "items"
is "$(wc -l <"$T/items.txt" | tr -d ' ')" 4 "one line per item"
grep -q "$ESC" "$T/items.txt"; [ $? = 1 ]; ok $? "no escape character reaches the terminal"
grep -q "$(printf '\a')" "$T/items.txt"; [ $? = 1 ]; ok $? "nor a bell"
grep -q "^ *$A1  2023-11-14 22:15  N   Alpha News  First ＣＶＥ story\$" "$T/items.txt"
ok $? "id, date, flags, feed and title"

is "$(k items --search cve --json | py '[i["id"] for i in d]')" "[$A1]" \
    "search folds width and case"
is "$(k items --search 'お知' --json | py '[i["id"] for i in d]')" "[$A3]" \
    "a two-character search"
is "$(k items --feed http://b.example/rss --json | py 'len(d)')" 1 "--feed"
is "$(k items --section Security --json | py '[i["title"] for i in d]')" \
    "['Beta one']" "--section lists the items of the section's feeds"
k items --section Nowhere >/dev/null 2>"$T/err"; [ $? = 1 ]; ok $? "an unknown section fails"
grep -q "Nowhere" "$T/err"; ok $? "and is named"
is "$(k items --limit 1 --json | py '[i["id"] for i in d]')" "[$A3]" "--limit"

k read "$A1" "$A2"; ok $? "read two items"
is "$(k items --unread --json | py 'sorted(i["id"] for i in d)')" \
    "$(printf '[%s, %s]' "$A3" "$B1" | py 'sorted(d)')" "the others stay unread"
k star "$A3"; ok $? "star"
is "$(k items --starred --json | py '[i["id"] for i in d]')" "[$A3]" "--starred"
k read "$B1" 999999 2>"$T/err"; [ $? = 1 ]; ok $? "an unknown id fails"
grep -q 999999 "$T/err"; ok $? "and is named"
is "$(k items --unread --json | py 'len(d)')" 2 "nothing was half-done"
k read abc 2>/dev/null; [ $? = 2 ]; ok $? "a bad id is a usage error"
k read 2>/dev/null; [ $? = 2 ]; ok $? "no id is a usage error"
k unread "$A1"; ok $? "unread"
k unstar "$A3"; ok $? "unstar"
is "$(k items --json | py '[(i["read"], i["starred"]) for i in d]')" \
    "[(False, False), (True, False), (False, False), (False, False)]" \
    "flags as set"
k items --limit x 2>/dev/null; [ $? = 2 ]; ok $? "a bad --limit is a usage error"

k remove https://a.example/feed; ok $? "remove"
grep -q a.example "$FEEDS"; [ $? = 1 ]; ok $? "gone from the file"
grep -q '^\[Security\]$' "$FEEDS"; ok $? "the rest of the file kept"
is "$(k items --json | py '[i["id"] for i in d]')" "[$B1]" "its items are gone"
is "$(k feeds --json | py 'len(d)')" 3 "three subscriptions left"
k remove https://a.example/feed 2>/dev/null; [ $? = 1 ]; ok $? "removing it again fails"
k remove file:///srv/d.xml; ok $? "remove a feed never fetched"

printf 'https://z.example/\nexec:evil\n' >"$FEEDS"
k feeds 2>"$T/err"; [ $? = 1 ]; ok $? "a bad line in the file is an error"
grep -q 'feeds:2:' "$T/err"; ok $? "naming the line"
is "$(cat "$FEEDS")" "$(printf 'https://z.example/\nexec:evil')" "the file is left as it was"
done_testing
