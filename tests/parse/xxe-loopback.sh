#!/bin/sh
# xxe-loopback: a feed whose DTD, external entities and parameter entities
# point at a listener on 127.0.0.1 must never make kiji connect to it.
. "$KIJI_SRCDIR/tests/lib.sh"
: "${PYTHON3:=python3}"

"$PYTHON3" - "$T/port" "$T/hits" <<'PY' &
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind(("127.0.0.1", 0))
s.listen(8)
s.settimeout(30)
with open(sys.argv[1] + ".tmp", "w") as f:
    f.write(str(s.getsockname()[1]))
import os
os.rename(sys.argv[1] + ".tmp", sys.argv[1])
hits = 0
try:
    while True:
        c, _ = s.accept()
        c.settimeout(5)
        try:
            first = c.recv(1)
        except socket.timeout:
            first = b""
        c.close()
        if first == b"Q":
            break
        hits += 1
except socket.timeout:
    pass
with open(sys.argv[2], "w") as f:
    f.write(str(hits))
PY
listener=$!
i=0
while [ ! -s "$T/port" ] && [ $i -lt 50 ]; do
	sleep 0.1
	i=$((i + 1))
done
port=$(cat "$T/port" 2>/dev/null)
[ -n "$port" ]
ok $? "listener started on 127.0.0.1"

cat >"$T/feed.xml" <<EOF2
<?xml version="1.0"?>
<!DOCTYPE rss SYSTEM "http://127.0.0.1:$port/rss.dtd" [
<!ENTITY remote SYSTEM "http://127.0.0.1:$port/entity">
<!ENTITY % param SYSTEM "http://127.0.0.1:$port/param">
%param;
]>
<rss version="2.0"><channel><title>Loopback &remote;</title>
<item><title>one</title><description>&remote;</description></item>
</channel></rss>
EOF2
"$KIJI" parse --json --url "http://127.0.0.1:$port/feed.xml" "$T/feed.xml" >"$T/out" 2>"$T/err"
ok $? "the feed still parses"
grep -q '"title": "one"' "$T/out"
ok $? "its item is kept"
"$PYTHON3" -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1]))).sendall(b"Q")' "$port"
wait "$listener"
is "$(cat "$T/hits" 2>/dev/null)" 0 "no connection was made to the listener"
done_testing
