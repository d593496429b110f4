#!/bin/sh
# refresh-interval with a unit: the reader refreshes by itself every 2 s;
# a new item shows up without a key being pressed.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

WWW="$E2E_DIR/www"
mkdir -p "$WWW"
cp "$KIJI_SRCDIR/tests/data/ui/feeds/jvn.xml" "$WWW/jvn.xml"
e2e_feeds "file://$WWW/jvn.xml JVN"
e2e_refresh
echo "refresh-interval 2s" >> "$E2E_CONFIG"
e2e_start 80 24
e2e_wait "3 unread" 15
ok $? "the reader starts without refreshing"
e2e_screen | grep -q "refresh-interval"
ok $(( ! $? )) "the 2s value is not a configuration error"

sed 's#<item>#<item><title>定期更新で届いた項目</title><link>https://jvn.example/jp/JVN00000010/</link><guid>JVN00000010</guid><pubDate>Sat, 05 Dec 2026 10:00:00 +0000</pubDate></item><item>#' \
    "$KIJI_SRCDIR/tests/data/ui/feeds/jvn.xml" > "$WWW/jvn.xml.new"
mv "$WWW/jvn.xml.new" "$WWW/jvn.xml"
e2e_wait "定期更新で届いた項目" 10
ok $? "the periodic refresh brings the new item"
e2e_wait "4 unread" 5
ok $? "the counts follow"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
