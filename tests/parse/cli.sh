#!/bin/sh
# cli: `kiji parse` options, exit codes and output shapes.
. "$KIJI_SRCDIR/tests/lib.sh"
D=$KIJI_SRCDIR/tests/data/parse
: "${PYTHON3:=python3}"

"$KIJI" parse --help >"$T/help" 2>&1
ok $? "--help exits 0"
grep -q -- "--content-type" "$T/help"
ok $? "--help lists --content-type"

"$KIJI" parse >/dev/null 2>"$T/err"
is "$?" 2 "no FILE is a usage error"
"$KIJI" parse --bogus "$D/rss20.xml" >/dev/null 2>&1
is "$?" 2 "an unknown option is a usage error"

"$KIJI" parse "$D/empty.xml" >"$T/out" 2>"$T/err"
is "$?" 1 "an empty document fails"
grep -q "empty" "$T/err"
ok $? "the error says why"
[ ! -s "$T/out" ]
ok $? "nothing on stdout when nothing was parsed"
"$KIJI" parse "$D/not-a-feed.xml" >/dev/null 2>"$T/err"
is "$?" 1 "an HTML document fails"
"$KIJI" parse "$T/missing.xml" >/dev/null 2>&1
is "$?" 1 "a missing file fails"

"$KIJI" parse --json "$D/rss20.xml" >"$T/json"
ok $? "--json exits 0"
"$PYTHON3" -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["version"] == "rss20", d["version"]
assert d["feed"]["title"] == "Security Weekly"
assert d["feed"]["updated"] == "2025-09-06T00:00:00Z"
it = d["items"][0]
assert it["id"] == "urn:uuid:1111"
assert it["link"] == "https://news.example.com/2025/09/patch.html"
assert it["published"] == "2025-09-09T17:00:00Z"
assert it["published_raw"] == "Tue, 09 Sep 2025 17:00:00 GMT"
assert it["categories"] == ["patch", "windows"]
assert it["enclosures"][0] == {"url": "https://news.example.com/audio/ep1.mp3", "type": "audio/mpeg", "length": 12345}
assert d["items"][2]["key"].startswith("hash:")
' "$T/json"
ok $? "--json prints the documented shape"

"$KIJI" parse --json - <"$D/atom10.xml" >"$T/json"
ok $? "- reads standard input"
grep -q '"version": "atom10"' "$T/json"
ok $? "standard input parsed as Atom 1.0"

"$KIJI" parse --json --url https://mirror.example.net/f/feed.xml "$D/rss20.xml" >"$T/json"
grep -q '"link": "https://mirror.example.net/2025/09/patch.html"' "$T/json"
ok $? "--url is the base for relative links"
"$KIJI" parse --json --url=https://a.example/x/ --url=../y/ "$D/rss20.xml" >"$T/json"
grep -q '"link": "https://a.example/2025/09/patch.html"' "$T/json"
ok $? "a second --url is resolved against the first"

"$KIJI" parse --json --content-type 'application/rss+xml; charset=UTF-8' "$D/http-charset.xml" >"$T/json"
grep -q '"title": "日本語のタイトル"' "$T/json"
ok $? "--content-type charset wins over the declaration"
"$KIJI" parse --json --charset utf-8 "$D/http-charset.xml" >"$T/json"
grep -q '"bozo": false' "$T/json"
ok $? "--charset decodes without bozo"
"$KIJI" parse --json --content-type 'text/plain' "$D/rss20.xml" >"$T/json"
grep -q '"bozo": true' "$T/json"
ok $? "a non-XML media type sets bozo"

"$KIJI" parse "$D/sjis.xml" >"$T/text"
ok $? "human-readable listing exits 0"
grep -q "日本語のタイトル" "$T/text"
ok $? "listing shows the decoded title"
grep -q "^1 item$" "$T/text"
ok $? "listing counts the items"

printf '<rss><channel><title>a\033[31mred\033]0;x\007</title></channel></rss>' >"$T/esc.xml"
"$KIJI" parse "$T/esc.xml" >"$T/text"
! grep -q "$(printf '\033')" "$T/text"
ok $? "listing strips terminal escapes"

printf '<rss><channel><title>a\342\200\256evil</title></channel></rss>' >"$T/bidi.xml"
"$KIJI" parse "$T/bidi.xml" >"$T/text"
! grep -q "$(printf '\342\200\256')" "$T/text"
ok $? "listing strips bidi overrides"

"$KIJI" parse --json "$D/xxe.xml" >"$T/json"
! grep -q "TOP-SECRET\|root:" "$T/json"
ok $? "external entities are not read"
done_testing
