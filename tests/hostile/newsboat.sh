#!/bin/sh
# newsboat: kiji import-newsboat on a hostile newsboat cache (escape
# sequences, bidi overrides and javascript: links in titles, URLs and
# content) and on a corrupt or truncated cache: no raw control reaches the
# terminal, a broken cache is a clear error, and kiji's own data is kept.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
MKCACHE=$KIJI_SRCDIR/tests/migrate/mkcache.py
if ! "$KIJI" import-newsboat --help >/dev/null 2>&1 || [ ! -f "$MKCACHE" ]; then
	echo "1..0 # SKIP kiji import-newsboat is not built in"
	exit 0
fi
NB=$T/nb
DATA=$T/data
mkdir -p "$NB" "$DATA"
K() { "$KIJI" -d "$DATA" "$@"; }
E=$(printf '\033')
RLO=$(printf '\342\200\256')
C1=$(printf '\302\233')
cat >"$NB/spec" <<SPEC
feed	https://127.0.0.1/evil.xml	https://127.0.0.1/	Evil ${E}]0;owned${E}\\ ${RLO}txt.exe
item	https://127.0.0.1/evil.xml	tag:1	Title ${E}[31mred ${C1}2J ${RLO}gnp.exe	https://127.0.0.1/a${E}[2J	1700000000	1	s	0	text/html	<p>Body ${E}[5mblink</p><a href="javascript:alert(1)">js</a>
item	https://127.0.0.1/evil.xml	tag:2	plain	javascript:alert(1)	1700000100	0		0	text/plain	text ${E}P1;2|x${E}\\ end
SPEC
"$PYTHON3" "$MKCACHE" "$NB/cache.db" <"$NB/spec"
printf 'https://127.0.0.1/evil.xml "~%s]0;t%s"\n' "$E" "$(printf '\007')" >"$NB/urls"
K import-newsboat --urls "$NB/urls" --cache "$NB/cache.db" >"$T/imp.out" 2>"$T/imp.err"
ok $? "a hostile newsboat cache is imported"
! has_controls "$T/imp.out" && ! has_controls "$T/imp.err"
ok $? "the import's messages carry no raw control"
K items >"$T/items.out" 2>&1 && K feeds >"$T/feeds.out" 2>&1
ok $? "kiji items and feeds list it"
! has_controls "$T/items.out" && ! has_controls "$T/feeds.out"
ok $? "kiji items and feeds: no raw control or bidi override"
for id in $(K items --json | "$PYTHON3" -c 'import json,sys; print(" ".join(str(i["id"]) for i in json.load(sys.stdin)))'); do
	K show --width 60 "$id" >"$T/show$id.out" 2>&1
	! has_controls "$T/show$id.out"
	ok $? "kiji show $id: no raw control or bidi override"
	! grep -q 'javascript:[^ ]*$' "$T/show$id.out" || grep -q 'javascript:.*(will not be opened)' "$T/show$id.out"
	ok $? "kiji show $id: a javascript: link is never offered as openable"
done
K memo export >"$T/memo.out" 2>&1
! has_controls "$T/memo.out"
ok $? "the flagged item's memo entry exports clean"

# A corrupt and a truncated cache: a clear error, kiji's data kept.
n_before=$(K items --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))')
head -c 3000 "$NB/cache.db" >"$NB/trunc.db"
"$PYTHON3" -c 'import os, sys; open(sys.argv[1], "wb").write(b"SQLite format 3\0" + os.urandom(8192))' "$NB/garbage.db"
printf 'not a database at all\n' >"$NB/text.db"
for c in trunc garbage text; do
	K import-newsboat --urls "$NB/urls" --cache "$NB/$c.db" >"$T/$c.out" 2>"$T/$c.err"
	st=$?
	[ $st = 1 ] && [ -s "$T/$c.err" ] && ! has_controls "$T/$c.err"
	ok $? "a $c cache: status 1 with a clean message (status $st)"
	sed 's/^/# /' "$T/$c.err" | head -2
done
n_after=$(K items --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))')
is "$n_after" "$n_before" "kiji's items are all kept"
"$PYTHON3" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
sys.exit(0 if c.execute("PRAGMA integrity_check").fetchall() == [("ok",)] else 1)' "$DATA/kiji.db"
ok $? "kiji's database passes integrity_check"
done_testing
