#!/bin/sh
# kiji refresh against a misbehaving loopback server: what is stored, what is
# printed, and what the server received.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/fetch/start-server.sh"
D=$KIJI_SRCDIR/tests/data/fetch
CONF=$XDG_CONFIG_HOME/kiji
mkdir -p "$CONF"
cat >"$CONF/config" <<EOC
max-size 1
timeout 4
low-speed-time 2
connect-timeout 2
EOC
# Good feeds (18 new items in all), then ten that fail in ten ways.
cat >"$CONF/feeds" <<EOC
[Good]
$B/feed/a.xml  Feed A
$B/gzip/b.xml
$B/redirect/3/a.xml
$B/moved/b.xml
$B/charset/Shift_JIS/sjis.xml
$B/charset/EUC-JP/utf8ja.xml
file://$D/a.xml
http://u:p%20w@127.0.0.1:${B##*:}/auth/a.xml
[Bad]
$B/status/404
$B/status/500
$B/loop
$B/tofile
$B/truncated/a.xml
$B/huge
$B/bomb
$B/drip
$B/hang
$B/notfeed
EOC
cp "$CONF/feeds" "$T/feeds.orig"

"$KIJI" refresh >"$T/out" 2>"$T/err"
is "$?" 1 "refresh with failing feeds exits 1"
is "$(cat "$T/out" | tail -n 1)" "18 feeds, 18 new items, 10 errors" "summary line"
grep -q "moved/b.xml moved permanently to $B/feed/b.xml" "$T/out"
ok $? "permanent redirect offered on stdout"
cmp -s "$CONF/feeds" "$T/feeds.orig"
ok $? "feeds file not rewritten"
is "$(grep -c "^kiji: $B/" "$T/err")" 10 "each failed feed listed on stderr"
grep -q "status/404: server answered HTTP 404" "$T/err"
ok $? "404 reason"
grep -q "/tofile: redirect to file:///etc/passwd refused" "$T/err"
ok $? "redirect to file:// refused and reported"
grep -q "/loop: too many redirects" "$T/err"
ok $? "redirect loop reported"
grep -q "/huge: feed larger than the 1 MiB limit" "$T/err"
ok $? "huge body refused"
grep -q "/bomb: feed larger than the 1 MiB limit" "$T/err"
ok $? "decompression bomb refused"
grep -q "/truncated/a.xml: transfer cut short" "$T/err"
ok $? "truncated body reported"
grep -q "/drip: timed out" "$T/err"
ok $? "slow drip aborted"
grep -q "/hang: timed out" "$T/err"
ok $? "silent server times out"

# What the database holds.
is "$(db_query "SELECT count(*) FROM feeds WHERE error IS NULL")" 8 "8 feeds stored without error"
is "$(db_query "SELECT count(*) FROM feeds WHERE error IS NOT NULL")" 10 "10 feeds stored with their error"
is "$(db_query "SELECT http_status FROM feeds WHERE url = '$B/status/500'")" 500 "HTTP status stored"
is "$(db_query "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.url = '$B/feed/a.xml'")" 3 "feed A's items stored"
is "$(db_query "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.url = '$B/gzip/b.xml'")" 2 "gzip feed decoded and stored"
is "$(db_query "SELECT i.title FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.url LIKE '%sjis.xml'")" "脆弱性情報" "HTTP charset wins over a wrong XML declaration"
is "$(db_query "SELECT i.title FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.url LIKE '%utf8ja.xml'")" "注意喚起" "a CJK header on a valid UTF-8 body does not garble it"
is "$(db_query "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.url LIKE 'file://%'")" 3 "file:// feed stored"
is "$(db_query "SELECT count(*) FROM items i JOIN feeds f ON f.id = i.feed_id WHERE f.url LIKE '%/auth/a.xml'")" 3 "basic auth through the URL"
is "$(db_query "SELECT redirect_url FROM feeds WHERE url = '$B/moved/b.xml'")" "$B/feed/b.xml" "redirect target stored as an offer"
is "$(db_query "SELECT etag FROM feeds WHERE url = '$B/feed/a.xml'")" '"v1-a.xml"' "ETag stored"
is "$(requests_for /feed/a.xml user-agent | head -n 1 | cut -d/ -f1)" kiji "default User-Agent"
is "$(requests_for /gzip/b.xml accept-encoding | head -n 1 | grep -c gzip)" 1 "Accept-Encoding offers gzip"
is "$(requests_for /feed/a.xml if-none-match | head -n 1)" - "first request is unconditional"

# Second run, good feeds only: conditional requests, 304s, nothing new.
before=$(db_query "SELECT count(*) FROM items")
"$KIJI" refresh "$B/feed/a.xml" "$B/gzip/b.xml" "file://$D/a.xml" >"$T/out2" 2>"$T/err2"
is "$?" 0 "second refresh of good feeds exits 0"
is "$(tail -n 1 "$T/out2")" "3 feeds, 0 new items, 0 errors" "second summary"
is "$(requests_for /feed/a.xml if-none-match | tail -n 1)" '"v1-a.xml"' "If-None-Match sent"
is "$(requests_for /feed/a.xml if-modified-since | tail -n 1)" "Mon, 01 Jan 2024 00:00:00 GMT" "If-Modified-Since sent"
is "$(db_query "SELECT http_status FROM feeds WHERE url = '$B/feed/a.xml'")" 304 "304 recorded"
is "$(db_query "SELECT count(*) FROM items")" "$before" "a 304 keeps the items"
"$KIJI" refresh --quiet "$B/feed/a.xml"
is "$(requests_for /feed/a.xml if-none-match | tail -n 1)" '"v1-a.xml"' "validators survive a 304"

"$KIJI" refresh "$B/not/subscribed" >/dev/null 2>"$T/err3"
ok "$([ $? -ne 0 ] && echo 0 || echo 1)" "unsubscribed URL refused"
grep -q "not subscribed" "$T/err3"
ok $? "unsubscribed URL named"
"$KIJI" refresh --quiet "$B/feed/a.xml" >"$T/out4" 2>&1
is "$?:$(cat "$T/out4")" "0:" "--quiet prints nothing on success"

# On a terminal: a progress bar redrawn in place.
"${PYTHON3:-python3}" - "$KIJI" "$B/feed/a.xml" >"$T/tty" <<'PY'
import os, pty, subprocess, sys
master, slave = pty.openpty()
p = subprocess.run([sys.argv[1], "refresh", sys.argv[2]], stderr=slave,
                   stdout=subprocess.DEVNULL)
os.close(slave)
out = b""
try:
    while True:
        chunk = os.read(master, 4096)
        if not chunk:
            break
        out += chunk
except OSError:
    pass
sys.stdout.write(repr(out))
PY
grep -q '\\r\[#' "$T/tty"
ok $? "progress bar drawn on a terminal"
grep -q "1/1 feeds" "$T/tty"
ok $? "progress bar counts feeds"
done_testing
