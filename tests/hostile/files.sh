#!/bin/sh
# files: hostile feed and HTML files through `kiji parse`, `kiji render`, the
# store (tests/hostile/ingest, the path `kiji refresh` takes after the
# download), `kiji items` and `kiji show`.  Each case has a time limit and
# an asserted outcome.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
D=$KIJI_SRCDIR/tests/data/hostile
M="$PYTHON3 $KIJI_SRCDIR/tests/hostile/measure.py"
INGEST=$KIJI_BUILDDIR/tests/hostile/ingest
DATA=$T/data
DB=$DATA/kiji.db
mkdir -p "$DATA"
"$PYTHON3" "$D/generate.py" "$T" quadratic title1m deep

# run NAME LIMIT CMD...: run with a time limit; sets st, secs, rss (MB).
run() {
	name=$1 lim=$2
	shift 2
	set -- $($M "$lim" "$T/$name.out" "$@")
	st=$1 secs=$2 rss=$3
	diag "$name: status $st, $secs s, $rss MB"
}

# ---- entity expansion ----
run laughs 10 "$KIJI" parse --json "$KIJI_SRCDIR/tests/data/parse/billion-laughs.xml"
is "$st" 0 "billion laughs: parsed, within 10 s"
grep -q '"title": "Before"' "$T/laughs.out"
ok $? "billion laughs: the item before the bomb is kept"
[ "$(wc -c <"$T/laughs.out")" -lt 2000000 ]
ok $? "billion laughs: output stays small (no expansion)"

run quad 10 "$KIJI" parse --json "$T/quadratic.xml"
is "$st" 0 "quadratic blowup: parsed, within 10 s"
[ "$rss" -lt 300 ]
ok $? "quadratic blowup: under 300 MB ($rss MB)"
grep -q '"title": "after"' "$T/quad.out"
ok $? "quadratic blowup: the other item is kept"
[ "$(wc -c <"$T/quad.out")" -lt 4000000 ]
ok $? "quadratic blowup: at most the entity budget comes out"

# ---- external entities and DTDs: a local file ----
secret="kiji-secret-$$-$(date +%s)"
printf '%s\n' "$secret" >"$T/secret.txt"
cat >"$T/xxe.xml" <<XML
<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "file://$T/secret.txt" [
<!ENTITY abs SYSTEM "file://$T/secret.txt">
<!ENTITY rel SYSTEM "secret.txt">
<!ENTITY % pe SYSTEM "file://$T/secret.txt">
%pe;
]>
<rss version="2.0"><channel><title>XXE &abs;</title>
<item><guid>x1</guid><title>t &abs; &rel;</title><link>http://127.0.0.1/&rel;</link>
<description>&lt;p&gt;d &amp;abs;&lt;/p&gt; &abs;</description></item>
<item><guid>x2</guid><title>plain item</title></item>
</channel></rss>
XML
(cd "$T" && "$KIJI" parse --json xxe.xml >xxe.json 2>&1; "$KIJI" parse xxe.xml >xxe.txt 2>&1)
! grep -q "$secret" "$T/xxe.json" "$T/xxe.txt"
ok $? "XXE: the local file's content never appears in kiji parse"
grep -q '"title": "plain item"' "$T/xxe.json"
ok $? "XXE: the document is still read"
(cd "$T" && "$INGEST" "$DB" "http://127.0.0.1/xxe" xxe.xml >/dev/null 2>&1)
ok $? "XXE: the feed can be stored"
"$KIJI" -d "$DATA" items --json >"$T/items.json" 2>&1
id=$("$PYTHON3" -c 'import json,sys; print([i["id"] for i in json.load(open(sys.argv[1])) if i["title"].startswith("t ")][0])' "$T/items.json")
"$KIJI" -d "$DATA" show --width 80 "$id" >"$T/xxe.show" 2>&1
! grep -q "$secret" "$T/items.json" "$T/xxe.show" "$DB"
ok $? "XXE: the secret is not in kiji items, kiji show or the database"

# ---- invalid UTF-8, NUL bytes and wrong charset labels ----
printf '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>bad \377\376 bytes \300\200</title><item><guid>u1</guid><title>nul\000here \355\240\200 surrogate</title><description>x\000y</description></item><item><guid>u2</guid><title>second</title></item></channel></rss>' >"$T/badutf8.xml"
run badutf8 10 "$KIJI" parse --json "$T/badutf8.xml"
is "$st" 0 "invalid UTF-8 and NUL: parsed"
"$PYTHON3" -c 'import sys; open(sys.argv[1],"rb").read().decode("utf-8")' "$T/badutf8.out"
ok $? "invalid UTF-8 and NUL: the output is valid UTF-8"
! grep -q "$(printf '\\\\u0000')" "$T/badutf8.out"
ok $? "invalid UTF-8 and NUL: no NUL comes out"
grep -q '"title": "second"' "$T/badutf8.out"
ok $? "invalid UTF-8 and NUL: the next item is kept"

for cs in shift_jis euc-jp iso-2022-jp utf-16 x-bogus-charset ebcdic-cp-us; do
	printf '<?xml version="1.0" encoding="%s"?><rss version="2.0"><channel><title>label %s \343\201\202 \202\240</title><item><guid>c1</guid><title>item \244\242</title></item></channel></rss>' "$cs" "$cs" >"$T/cs.xml"
	run "cs-$cs" 10 "$KIJI" parse --json "$T/cs.xml"
	"$PYTHON3" -c 'import sys; open(sys.argv[1],"rb").read().decode("utf-8")' "$T/cs-$cs.out" &&
		[ "$st" -le 1 ] && { [ "$st" = 1 ] || grep -q '"nitems": 1\|"items": \[' "$T/cs-$cs.out"; }
	ok $? "wrong charset label $cs: a clean result or a clear error (status $st)"
	if [ "$st" = 1 ]; then
		[ -s "$T/cs-$cs.out.err" ]
		ok $? "wrong charset label $cs: the error says why"
	fi
done
for cs in shift_jis utf-16le x-unknown; do
	run "http-$cs" 10 "$KIJI" parse --json --charset "$cs" "$KIJI_SRCDIR/tests/data/parse/rss20.xml"
	[ "$st" -le 1 ] && "$PYTHON3" -c 'import sys; open(sys.argv[1],"rb").read().decode("utf-8")' "$T/http-$cs.out"
	ok $? "a wrong HTTP charset $cs: no crash, valid output"
done

# ---- huge fields and deep nesting ----
run title1m 20 "$KIJI" parse "$T/title1m.xml"
is "$st" 0 "1 MB title: parsed within 20 s"
(cd "$T" && "$INGEST" "$DB" "http://127.0.0.1/title1m" title1m.xml >/dev/null 2>&1)
ok $? "1 MB title: stored"
run items1m 20 "$KIJI" -d "$DATA" items
is "$st" 0 "1 MB title: kiji items within 20 s"
"$KIJI" -d "$DATA" items --json >"$T/items.json" 2>/dev/null
id=$("$PYTHON3" -c 'import json,sys; print([i["id"] for i in json.load(open(sys.argv[1])) if len(i["title"]) > 100000][0])' "$T/items.json")
run show1m 30 "$KIJI" -d "$DATA" show --width 60 "$id"
is "$st" 0 "1 MB title: kiji show within 30 s"
"$PYTHON3" "$KIJI_SRCDIR/tests/hostile/width.py" 60 "$T/show1m.out"
ok $? "1 MB title: every shown line fits 60 columns"

run deep 20 "$KIJI" render --width 80 "$T/deep.html"
is "$st" 0 "HTML nested 100,000 deep: rendered within 20 s"
grep -q before "$T/deep.out"
ok $? "HTML nested 100,000 deep: the text before is shown"
run deepxml 20 "$KIJI" parse --json "$T/deep.xml"
is "$st" 0 "a feed nested 100,000 deep: parsed within 20 s"
grep -q '"bozo": true' "$T/deep.out" 2>/dev/null || grep -q '"bozo": true' "$T/deepxml.out"
ok $? "a feed nested 100,000 deep: marked ill-formed"
grep -q '"title": "deep item"' "$T/deepxml.out"
ok $? "a feed nested 100,000 deep: the item before is kept"
(cd "$T" && "$INGEST" "$DB" "http://127.0.0.1/deep" deep.xml >/dev/null 2>&1)
"$KIJI" -d "$DATA" items --json >"$T/items.json" 2>/dev/null
id=$("$PYTHON3" -c 'import json,sys; print([i["id"] for i in json.load(open(sys.argv[1])) if i["title"] == "deep item"][0])' "$T/items.json")
run showdeep 30 "$KIJI" -d "$DATA" show --width 80 "$id"
is "$st" 0 "an item body nested 100,000 deep: kiji show within 30 s"

# ---- a feed of 1,000,000 items (59 MB, generated) ----
# Over the network, max-size (16 MB by default) refuses it before parsing
# (tests/hostile/network.sh); a local file is parsed whole.
"$PYTHON3" "$D/generate.py" "$T" million
run million 120 "$KIJI" parse "$T/million.xml"
is "$st" 0 "1,000,000 items: parsed"
[ "${secs%.*}" -lt 90 ]
ok $? "1,000,000 items: within 90 s ($secs s)"
[ "$rss" -lt 2560 ]
ok $? "1,000,000 items: under 2.5 GB ($rss MB)"
grep -q "1000000 items" "$T/million.out"
ok $? "1,000,000 items: every item is counted"
rm -f "$T/million.xml" "$T/million.out"

done_testing
