#!/bin/sh
# memo: hostile item text in the memo (export as Markdown and text, list)
# never carries a raw control; exporting to a full disk (/dev/full, a full
# tmpfs) or a read-only directory fails clearly and keeps the previous file.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
INGEST=$KIJI_BUILDDIR/tests/hostile/ingest
DATA=$T/data
mkdir -p "$DATA"
K() { "$KIJI" -d "$DATA" "$@"; }
server_start
"$PYTHON3" -c 'import sys, urllib.request
sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=10).read())' "$BASE/hostile" >"$T/hostile.xml"
"$INGEST" "$DATA/kiji.db" "$BASE/hostile" "$T/hostile.xml" >/dev/null
ok $? "the hostile feed is stored"
id=$(K items --json | "$PYTHON3" -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
K memo add "$id" >/dev/null
ok $? "its item goes into the memo"
K memo headline 1 "$(printf 'head \033]0;x\007 \342\200\256rev \302\233' )" >/dev/null &&
	K memo quote "$id" "$(printf 'quote \033[2J\r\nnext')" >/dev/null
ok $? "a hostile headline and quote are accepted"
for fmt in md txt; do
	K memo export --format $fmt >"$T/memo.$fmt" 2>&1
	ok $? "memo export --format $fmt"
	! has_controls "$T/memo.$fmt"
	ok $? "memo export --format $fmt: no raw control or bidi override"
	grep -q "Title" "$T/memo.$fmt"
	ok $? "memo export --format $fmt: the item is there"
done
K memo list >"$T/list.out" 2>&1 && ! has_controls "$T/list.out"
ok $? "memo list: no raw control or bidi override"
K memo list --json >"$T/list.json" 2>&1 && ! has_controls "$T/list.json"
ok $? "memo list --json: no raw control or bidi override"

FULL=$(full_device)
K memo export -o "$FULL" >"$T/full.out" 2>"$T/full.err"
is "$?" 1 "memo export to a full device fails"
grep -q "No space\|space" "$T/full.err"
ok $? "it says the device is full"
[ -c "$FULL" ]
ok $? "the device is still a device"
! has_controls "$T/full.err"
ok $? "the message is clean"

if [ "$(id -u)" != 0 ] || ! unshare -m true 2>/dev/null; then
	echo "ok $((TAP_N + 1)) # SKIP needs root and unshare -m for a small tmpfs"
	TAP_N=$((TAP_N + 1))
	done_testing
	exit
fi
OUT=$T/out
mkdir -p "$OUT"
export KIJI DATA OUT T
unshare -m sh -s <<'INNER' >"$T/inner.out" 2>&1
K() { "$KIJI" -d "$DATA" "$@"; }
mount -t tmpfs -o size=256k tmpfs "$OUT" || { echo "mount failed"; exit 1; }
K memo export -o "$OUT/issue.md"; echo "first=$?"
cp "$OUT/issue.md" "$T/issue.before"
dd if=/dev/zero of="$OUT/filler" bs=1k count=1024 2>/dev/null
K memo headline 1 "a new headline" >/dev/null
K memo export -o "$OUT/issue.md" 2>"$T/full2.err"; echo "full=$?"
cmp -s "$OUT/issue.md" "$T/issue.before"; echo "kept-full=$?"
rm -f "$OUT/filler"
mount -o remount,ro "$OUT"
K memo export -o "$OUT/issue.md" 2>"$T/ro.err"; echo "ro=$?"
cmp -s "$OUT/issue.md" "$T/issue.before"; echo "kept-ro=$?"
ls -a "$OUT" | grep -v '^\.\.\?$' | grep -v '^issue.md$' | sed 's/^/left=/'
INNER
val() { sed -n "s/^$1=//p" "$T/inner.out"; }
grep -q "mount failed" "$T/inner.out" && diag "$(cat "$T/inner.out")"
is "$(val first)" 0 "memo export to a small tmpfs works"
is "$(val full)" 1 "memo export to a full tmpfs fails"
grep -qi "space" "$T/full2.err"
ok $? "it says the disk is full"
sed 's/^/# /' "$T/full2.err"
is "$(val kept-full)" 0 "the previous memo file is intact after disk full"
is "$(val ro)" 1 "memo export to a read-only directory fails"
grep -qi "read-only" "$T/ro.err"
ok $? "it says the file system is read-only"
sed 's/^/# /' "$T/ro.err"
is "$(val kept-ro)" 0 "the previous memo file is intact after read-only"
is "$(val left)" "" "no temporary file is left behind"
done_testing
