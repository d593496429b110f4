#!/bin/sh
# crash: `kill -9` of `kiji refresh` at random moments, over and over, against
# a loopback server with many small feeds that change on every request.
# Afterwards the database passes PRAGMA integrity_check, no star or read
# state or memo entry set before is lost, and the next refresh works.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
if ! "$KIJI" refresh --help >/dev/null 2>&1; then
	echo "1..0 # SKIP kiji refresh is not built in"
	exit 0
fi
: "${CRASH_KILLS:=100}"
: "${CRASH_FEEDS:=40}"
server_start
DATA=$T/data
DB=$DATA/kiji.db
K() { "$KIJI" -d "$DATA" "$@"; }

i=0
while [ $i -lt "$CRASH_FEEDS" ]; do
	echo "$BASE/feed/$i"
	i=$((i + 1))
done >"$T/urls"
while read -r u; do
	K add "$u" >/dev/null || break
done <"$T/urls"
t0=$("$PYTHON3" -c 'import time; print(time.monotonic())')
K refresh --quiet >/dev/null 2>&1
ok $? "the first refresh of $CRASH_FEEDS feeds works"
# Kill anywhere in a whole refresh's run: up to 1.2 times its duration.
span=$("$PYTHON3" -c 'import sys, time; print("%.3f" % min(0.6, 1.2 * (time.monotonic() - float(sys.argv[1]))))' "$t0")
diag "a refresh takes about $span s / 1.2"

integrity() {
	"$PYTHON3" - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
r = c.execute("PRAGMA integrity_check").fetchall()
if r != [("ok",)]:
    print("#", r[:5])
    sys.exit(1)
PY
}

# Star every 7th item and mark every 3rd read; remember which.
K items --json >"$T/before.json"
"$PYTHON3" - "$T/before.json" "$T/star" "$T/read" <<'PY'
import json, sys
items = json.load(open(sys.argv[1]))
ids = sorted(i["id"] for i in items)
open(sys.argv[2], "w").write(" ".join(str(i) for i in ids[::7]))
open(sys.argv[3], "w").write(" ".join(str(i) for i in ids[1::3]))
PY
"$PYTHON3" -c 'import json, sys
ids = sorted(i["id"] for i in json.load(open(sys.argv[1])))
print(" ".join(str(i) for i in ids[2:40:5]))' "$T/before.json" >"$T/memo-ids"
K star $(cat "$T/star") && K read $(cat "$T/read")
ok $? "stars and read marks set"
for id in $(cat "$T/memo-ids"); do
	K memo add "$id" >/dev/null 2>&1
done
K memo list --json >"$T/memo-before.json"
ok $? "memo entries recorded"
memo_entries() {
	"$PYTHON3" -c 'import json, sys
d = json.load(open(sys.argv[1]))
print(" ".join(sorted(str(e["item"]) for s in d["sections"] for st in s["stories"] for e in st["entries"])))' "$1"
}
memo_before=$(memo_entries "$T/memo-before.json")
[ -n "$memo_before" ]
ok $? "the memo holds entries before the kills"

# check LABEL: the database is sound and the marks are all there.
check() {
	integrity || return 1
	K items --starred --json >"$T/now.json" 2>"$T/now.err" || return 1
	K items --json >"$T/all.json" 2>>"$T/now.err" || return 1
	"$PYTHON3" - "$T/now.json" "$T/all.json" "$T/star" "$T/read" <<'PY' || return 1
import json, sys
starred = {i["id"] for i in json.load(open(sys.argv[1]))}
read = {i["id"] for i in json.load(open(sys.argv[2])) if i["read"]}
want_star = {int(x) for x in open(sys.argv[3]).read().split()}
want_read = {int(x) for x in open(sys.argv[4]).read().split()}
lost = (want_star - starred) | (want_read - read)
if lost:
    print("# lost marks on", sorted(lost)[:10])
    sys.exit(1)
PY
	K memo list --json >"$T/memo-now.json" 2>>"$T/now.err" || return 1
	now=" $(memo_entries "$T/memo-now.json") "
	for e in $memo_before; do
		case $now in
		*" $e "*) ;;
		*) diag "memo entry for item $e lost"; return 1 ;;
		esac
	done
}

kills=0 bad=0 started=$(date +%s)
while [ $kills -lt "$CRASH_KILLS" ]; do
	K refresh --quiet >/dev/null 2>&1 &
	pid=$!
	sleep "$(awk -v s="$kills$$" -v span="$span" 'BEGIN { srand(s); printf "%.3f", rand() * span }')"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	kills=$((kills + 1))
	if [ $((kills % 10)) = 0 ]; then
		if ! check; then
			bad=$((bad + 1))
			diag "after kill $kills the database or the marks are wrong"
		fi
	elif ! integrity; then
		bad=$((bad + 1))
		diag "after kill $kills: integrity_check failed"
	fi
done
secs=$(( $(date +%s) - started ))
diag "$kills kills in $secs s"
is "$bad" 0 "after each of $kills kill -9: integrity_check ok, marks kept"
[ "$secs" -lt 120 ]
ok $? "the kill loop stays bounded ($secs s)"
K refresh --quiet >"$T/last.out" 2>&1
ok $? "the next refresh works"
check
ok $? "after it: integrity ok, every star and read mark kept"
n=$(grep -c "^GET /feed/0$" "$SRV/requests")
[ "$n" -gt 1 ]
ok $? "the refreshes did reach the server ($n requests for one feed)"
done_testing
