#!/bin/sh
# controls: escape sequences (CSI, OSC, DCS, APC, C1), bidi overrides and
# unsafe links in a feed's titles, links and bodies never reach the terminal
# raw: not through kiji parse, kiji items, kiji show nor kiji render.  Links
# with javascript: and data: are marked as never opened.  An external entity
# or DTD pointing at a loopback port is never fetched.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
INGEST=$KIJI_BUILDDIR/tests/hostile/ingest
DATA=$T/data
mkdir -p "$DATA"
server_start

curl_get() {
	"$PYTHON3" -c 'import sys, urllib.request
sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' "$1"
}

curl_get "$BASE/hostile" >"$T/hostile.xml"
grep -q "$(printf '\033')" "$T/hostile.xml" || grep -q '&#x1b;' "$T/hostile.xml"
ok $? "the fixture does carry escape sequences"

"$KIJI" parse "$T/hostile.xml" >"$T/parse.out" 2>&1
ok $? "kiji parse reads the hostile feed"
! has_controls "$T/parse.out"
ok $? "kiji parse: no raw control or bidi override"
grep -q "Title" "$T/parse.out"
ok $? "kiji parse: the printable text is kept"

"$INGEST" "$DATA/kiji.db" "$BASE/hostile" "$T/hostile.xml" >/dev/null
ok $? "the hostile feed is stored"
"$KIJI" -d "$DATA" items >"$T/items.out" 2>&1
ok $? "kiji items lists it"
! has_controls "$T/items.out"
ok $? "kiji items: no raw control or bidi override"
"$KIJI" -d "$DATA" items --json >"$T/items.json" 2>&1
! has_controls "$T/items.json"
ok $? "kiji items --json: no raw control (escaped)"
"$KIJI" -d "$DATA" feeds >"$T/feeds.out" 2>&1
! has_controls "$T/feeds.out"
ok $? "kiji feeds: no raw control or bidi override"
id=$("$PYTHON3" -c 'import json,sys; print(json.load(open(sys.argv[1]))[0]["id"])' "$T/items.json")
for w in 20 80; do
	"$KIJI" -d "$DATA" show --width $w "$id" >"$T/show$w.out" 2>&1
	ok $? "kiji show at $w columns"
	! has_controls "$T/show$w.out"
	ok $? "kiji show at $w columns: no raw control or bidi override"
	"$PYTHON3" "$KIJI_SRCDIR/tests/hostile/width.py" $w "$T/show$w.out"
	ok $? "kiji show at $w columns: every line fits"
done
"$KIJI" -d "$DATA" show --color --width 80 "$id" >"$T/showc.out" 2>&1
sed 's/\x1b\[[0-9;]*m//g' "$T/showc.out" >"$T/showc.stripped"
! has_controls "$T/showc.stripped"
ok $? "kiji show --color: only kiji's own SGR sequences"
! grep -q 'javascript:' "$T/show80.out"
ok $? "kiji show: the javascript: link is not offered (the parser drops it)"
! grep -qi 'data:text' "$T/show80.out"
ok $? "kiji show: the data: link is not offered"
grep -qF '[1] http://127.0.0.1/x;$(touch /tmp/pwned)`id`|&' "$T/show80.out"
ok $? "kiji show lists a URL with shell metacharacters verbatim"

"$PYTHON3" - "$T/hostile.xml" >"$T/body.html" <<'PY'
import sys, re, html
t = open(sys.argv[1], encoding="utf-8").read()
d = re.search(r"<description>(.*)</description>", t, re.S).group(1)
sys.stdout.write(html.unescape(html.unescape(d)))
PY
for f in "$T/body.html" "$KIJI_SRCDIR/tests/data/text/hostile.html"; do
	n=$(basename "$f")
	"$KIJI" render --width 40 "$f" >"$T/$n.out" 2>&1
	ok $? "kiji render $n"
	! has_controls "$T/$n.out"
	ok $? "kiji render $n: no raw control or bidi override"
	"$KIJI" render --text --width 40 "$f" >"$T/$n.txt.out" 2>&1
	! has_controls "$T/$n.txt.out"
	ok $? "kiji render --text $n: no raw control or bidi override"
done
"$KIJI" render --width 200 "$T/body.html" >"$T/links.out" 2>&1
grep -q '^\[[0-9]*\] javascript:alert(1) (will not be opened)$' "$T/links.out"
ok $? "kiji render marks a javascript: link as never opened"
grep -q '^\[[0-9]*\] data:text/html;base64,PHNjcmlwdD4= (will not be opened)$' "$T/links.out"
ok $? "kiji render marks a data: link as never opened"
"$KIJI" render --width 200 "$KIJI_SRCDIR/tests/data/text/hostile.html" | grep -q "^\[1\] javascript:alert(1) (will not be opened)$"
ok $? "kiji render marks a java<newline>script: link as never opened"

# Raw controls written straight into the database (an old or foreign
# writer): the display sanitizes them again.
"$PYTHON3" - "$DATA/kiji.db" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
E, BEL = "\x1b", "\x07"
bad = "raw " + E + "]0;owned" + BEL + E + "[2J" + E + "[31mred \u009b1m \u202egnp \x00nul"
db.execute("UPDATE items SET title = ?, author = ?, summary = ?, summary_type = 0", (bad, bad, bad))
db.execute("UPDATE feeds SET title = ?", (bad,))
db.commit()
PY
"$KIJI" -d "$DATA" items >"$T/raw-items.out" 2>&1 &&
	"$KIJI" -d "$DATA" feeds >"$T/raw-feeds.out" 2>&1 &&
	"$KIJI" -d "$DATA" show "$id" >"$T/raw-show.out" 2>&1
ok $? "items, feeds and show read raw controls from the database"
! has_controls "$T/raw-items.out" && ! has_controls "$T/raw-feeds.out" &&
	! has_controls "$T/raw-show.out"
ok $? "raw controls in the database never reach the terminal"
grep -q "raw" "$T/raw-show.out"
ok $? "the text around them is shown"
"$KIJI" -d "$DATA" star "$id" >/dev/null 2>&1 &&
	"$KIJI" -d "$DATA" memo export >"$T/raw-memo.out" 2>&1
ok $? "the item goes into the memo and exports"
! has_controls "$T/raw-memo.out"
ok $? "raw controls in the database never reach the memo"

# An external entity, parameter entity and DTD on a loopback port that
# listens: the port must never see a connection.
cat >"$T/xxe-port.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:$TRAP_PORT/dtd" [
<!ENTITY net SYSTEM "http://127.0.0.1:$TRAP_PORT/entity">
<!ENTITY % pe SYSTEM "http://127.0.0.1:$TRAP_PORT/pe">
%pe;
]>
<rss version="2.0"><channel><title>XXE port &net;</title>
<item><guid>p1</guid><title>net &net;</title>
<description>&lt;img src="http://127.0.0.1:$TRAP_PORT/img"&gt;</description></item>
</channel></rss>
XML
"$KIJI" parse --json "$T/xxe-port.xml" >"$T/xxe-port.json" 2>&1
ok $? "an external entity on a loopback port: parsed"
"$INGEST" "$DATA/kiji.db" "$BASE/xxe-port" "$T/xxe-port.xml" >/dev/null 2>&1
id=$("$KIJI" -d "$DATA" items --json | "$PYTHON3" -c 'import json,sys; print([i["id"] for i in json.load(sys.stdin) if i["title"].startswith("net")][0])')
"$KIJI" -d "$DATA" show "$id" >/dev/null 2>&1
curl_get "$BASE/xxe-port" >"$T/xxe-port2.xml"
"$KIJI" parse "$T/xxe-port2.xml" >/dev/null 2>&1
sleep 0.5
[ ! -s "$SRV/trap.log" ]
ok $? "the listening loopback port saw no connection (entity, DTD, image)"
[ -s "$SRV/trap.log" ] && sed 's/^/# /' "$SRV/trap.log"
done_testing
