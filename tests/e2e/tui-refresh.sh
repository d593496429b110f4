#!/bin/sh
# Background refresh from a loopback server: typing while feeds load, new
# items arriving live without moving the selection, a failing feed, and
# quitting in the middle of a refresh.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require
[ -n "$PYTHON3" ] || { echo "1..0 # SKIP python3 is needed for the server"; exit 0; }

WWW="$E2E_DIR/www"
mkdir -p "$WWW"
cp "$KIJI_SRCDIR/tests/data/ui/feeds/jvn.xml" "$KIJI_SRCDIR/tests/data/ui/feeds/world.xml" "$WWW/"
e2e_http "$WWW"
U="http://127.0.0.1:$E2E_PORT"
e2e_feeds "$U/jvn.xml JVN" "$U/slow/world.xml World" "$U/fail/gone.xml Failing"
e2e_start 80 24

e2e_wait "JVN 脆弱性レポ" 15
ok $? "the fast feed's items show while the slow one loads"
e2e_keys Tab j
e2e_wait "Link: https://jvn.example/jp/JVN00000002/"
ok $? "keys work during the refresh"
e2e_screen | grep -q "refreshing"
ok $? "the status line shows the refresh's progress"

e2e_wait "Refreshed 3 of 3 feeds: 6 new items, 1 error." 15
ok $? "the refresh ends with its counts"
e2e_wait "Critical flaw in popula"
ok $? "the slow feed's items arrived"
e2e_screen | grep -q "Link: https://jvn.example/jp/JVN00000002/"
ok $? "the selection stayed on its item"
e2e_screen | grep -q "! Failing"
ok $? "the failing feed carries the error mark"

# A new item on the server appears at R, the selection stays.
sed 's#<item>#<item><title>新しい注意喚起</title><link>https://jvn.example/jp/JVN00000009/</link><guid>JVN00000009</guid><pubDate>Sat, 05 Dec 2026 09:00:00 +0000</pubDate></item><item>#' \
    "$KIJI_SRCDIR/tests/data/ui/feeds/jvn.xml" > "$WWW/jvn.xml.new"
mv "$WWW/jvn.xml.new" "$WWW/jvn.xml"
e2e_keys R
e2e_wait "新しい注意喚起" 15
ok $? "the new item appears"
e2e_wait "Refreshed 3 of 3 feeds: 1 new items, 1 error." 15
ok $? "the second refresh counts one new item"
e2e_screen | grep -q "Link: https://jvn.example/jp/JVN00000002/"
ok $? "the selection did not move"

# The failing feed's error is shown when it is selected.
e2e_keys h G
e2e_wait "The last refresh of this feed failed"
ok $? "the error view shows"
e2e_screen | grep -q "500"
ok $? "it gives the HTTP status"

# Quit while the slow feed is loading: immediate, status 0.
e2e_keys R
e2e_wait "refreshing"
start=$(date +%s%N)
e2e_keys q
status=$(e2e_exited 5)
end=$(date +%s%N)
is "$status" "[kiji exited 0]" "quitting during a refresh exits cleanly"
ms=$(( (end - start) / 1000000 ))
[ "$ms" -lt 1500 ]
ok $? "... and at once (${ms} ms)"
done_testing
