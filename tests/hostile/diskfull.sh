#!/bin/sh
# diskfull: the data directory on a full or read-only file system during a
# refresh: a clear error, the database intact, nothing set before lost.
# Needs root for a private tmpfs (unshare -m + mount, as in CI); otherwise
# skips with the reason.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
if ! "$KIJI" refresh --help >/dev/null 2>&1; then
	echo "1..0 # SKIP kiji refresh is not built in"
	exit 0
fi
if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
	echo "1..0 # SKIP needs root and unshare -m for a small tmpfs"
	exit 0
fi
server_start
DATA=$T/data
mkdir -p "$DATA"
export KIJI BASE DATA T PYTHON3

# Everything below runs in a private mount namespace: the tmpfs vanishes
# with it, whatever happens.
unshare -m sh -s <<'INNER' >"$T/inner.out" 2>&1
set -u
K() { "$KIJI" -d "$DATA" "$@"; }
integrity() {
	"$PYTHON3" -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1], timeout=30)
sys.exit(0 if c.execute("PRAGMA integrity_check").fetchall() == [("ok",)] else 1)' "$DATA/kiji.db"
}
mount -t tmpfs -o size=1536k tmpfs "$DATA" || { echo "mount failed"; exit 1; }
for i in 0 1 2; do K add "$BASE/feed/$i" >/dev/null; done
K refresh --quiet >/dev/null 2>&1; echo "first=$?"
id=$(K items --json | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
K star "$id"; echo "star=$?"
K add "$BASE/items/40000" >/dev/null
K refresh --quiet >"$T/full.out" 2>"$T/full.err"; echo "full=$?"
df -k "$DATA" | tail -1
integrity; echo "integrity-full=$?"
K items --starred --json | grep -q "\"id\": $id," ; echo "star-kept-full=$?"
K items --feed "$BASE/feed/0" >/dev/null 2>&1; echo "usable-full=$?"
mount -o remount,ro "$DATA"
K refresh --quiet >"$T/ro.out" 2>"$T/ro.err"; echo "ro=$?"
K items --starred --json | grep -q "\"id\": $id," ; echo "star-kept-ro=$?"
mount -o remount,rw "$DATA"
integrity; echo "integrity-ro=$?"
INNER
val() { sed -n "s/^$1=//p" "$T/inner.out"; }
grep -q "mount failed" "$T/inner.out" && diag "$(cat "$T/inner.out")"
is "$(val first)" 0 "a refresh on the small file system works"
is "$(val star)" 0 "a star is set"
is "$(val full)" 1 "a refresh that fills the file system fails"
grep -qiE "full|space" "$T/full.err"
ok $? "it says the disk is full"
sed 's/^/# /' "$T/full.err" | head -5
! has_controls "$T/full.err"
ok $? "the message is clean"
is "$(val integrity-full)" 0 "the database passes integrity_check after disk full"
is "$(val star-kept-full)" 0 "the star is kept after disk full"
is "$(val usable-full)" 0 "kiji still reads the database"
[ "$(val ro)" != 0 ] && [ -n "$(val ro)" ]
ok $? "a refresh on a read-only data directory fails"
grep -qiE "read-only|readonly|permission|cannot|unable" "$T/ro.err"
ok $? "it says why"
sed 's/^/# /' "$T/ro.err" | head -5
is "$(val star-kept-ro)" 0 "the star is readable on the read-only directory"
is "$(val integrity-ro)" 0 "the database passes integrity_check after read-only"
done_testing
