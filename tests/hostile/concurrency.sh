#!/bin/sh
# concurrency: two kiji processes on one data directory (two refreshes, and
# marks set meanwhile) either both work or one says clearly why not; the
# database is never corrupt.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
if ! "$KIJI" refresh --help >/dev/null 2>&1; then
	echo "1..0 # SKIP kiji refresh is not built in"
	exit 0
fi
server_start
DATA=$T/data
DB=$DATA/kiji.db
K() { "$KIJI" -d "$DATA" "$@"; }
i=0
while [ $i -lt 30 ]; do
	K add "$BASE/feed/$i" >/dev/null
	i=$((i + 1))
done
K refresh --quiet >/dev/null 2>&1
ok $? "a first refresh works"
K items --json >"$T/items.json"
ids=$("$PYTHON3" -c 'import json,sys; print(" ".join(str(i["id"]) for i in json.load(open(sys.argv[1]))[:40]))' "$T/items.json")

# clear_or_ok STATUS ERRFILE: success, or a failure that names the cause.
clear_or_ok() {
	[ "$1" = 0 ] && return 0
	grep -qiE "locked|busy|another|in use" "$2"
}

round=0 bad=0
while [ $round -lt 5 ]; do
	K refresh --quiet >"$T/a.out" 2>"$T/a.err" &
	a=$!
	K refresh --quiet >"$T/b.out" 2>"$T/b.err" &
	b=$!
	(for id in $ids; do K star "$id" || echo "star $id: $?"; done) >"$T/c.out" 2>"$T/c.err" &
	c=$!
	wait $a; sa=$?
	wait $b; sb=$?
	wait $c
	diag "round $round: refresh statuses $sa and $sb"
	if ! clear_or_ok $sa "$T/a.err" || ! clear_or_ok $sb "$T/b.err"; then
		bad=$((bad + 1))
		diag "round $round: refresh $sa/$sb" "$(cat "$T/a.err" "$T/b.err")"
	fi
	if [ -s "$T/c.out" ] && ! grep -qiE "locked|busy" "$T/c.err"; then
		bad=$((bad + 1))
		diag "round $round: star failed without a clear reason" "$(cat "$T/c.out" "$T/c.err")"
	fi
	if grep -qiE "malformed|corrupt|not a database" "$T/a.err" "$T/b.err" "$T/c.err"; then
		bad=$((bad + 1))
		diag "round $round: corruption reported"
	fi
	round=$((round + 1))
done
is "$bad" 0 "two refreshes and a writer at once: all work or say why"
"$PYTHON3" - "$DB" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
sys.exit(0 if c.execute("PRAGMA integrity_check").fetchall() == [("ok",)] else 1)
PY
ok $? "the database passes integrity_check"
n=$(K items --starred --json | "$PYTHON3" -c 'import json,sys; print(len(json.load(sys.stdin)))')
is "$n" "$(echo $ids | wc -w)" "every star set during the refreshes is there"
done_testing
