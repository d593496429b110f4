#!/bin/sh
# network: `kiji refresh` against a hostile loopback server.  Every hostile
# feed fails (or is read) on its own with a clear per-feed error, within the
# time limits, without touching other schemes or the trap port, and the good
# feed beside them is stored.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
M="$PYTHON3 $KIJI_SRCDIR/tests/hostile/measure.py"
if ! "$KIJI" refresh --help >/dev/null 2>&1; then
	echo "1..0 # SKIP kiji refresh is not built in"
	exit 0
fi
server_start
DATA=$T/data
CFG=$T/config
cat >"$CFG" <<CONF
connect-timeout 3
timeout 10
low-speed-time 3
max-size 4
CONF
K() { "$KIJI" -c "$CFG" -d "$DATA" "$@"; }

bad="huge gzip-bomb endless drip loop loop-a to-file"
for s in gopher dict ftp ldap telnet smb scp tftp; do
	bad="$bad to-scheme/$s"
done
K add "$BASE/ok.xml" >/dev/null
for p in $bad; do
	K add "$BASE/$p" >/dev/null || diag "add $p failed"
done
K add "$BASE/hostile" >/dev/null
K add "$BASE/xxe-port" >/dev/null
K add "$BASE/items/1000000" >/dev/null

set -- $($M 120 "$T/refresh.out" "$KIJI" -c "$CFG" -d "$DATA" refresh --quiet)
st=$1 secs=$2 rss=$3
diag "refresh: status $st, $secs s, $rss MB"
cp "$T/refresh.out.err" "$T/refresh.err"
is "$st" 1 "refresh ends, and says some feeds failed (status 1)"
[ "${secs%.*}" -lt 60 ]
ok $? "refresh stays within its limits ($secs s < 60 s)"
[ "$rss" -lt 600 ]
ok $? "refresh stays bounded in memory ($rss MB < 600 MB)"
! has_controls "$T/refresh.out" && ! has_controls "$T/refresh.err"
ok $? "refresh prints no raw control"

for p in $bad items/1000000; do
	grep -q "$BASE/$p" "$T/refresh.err"
	ok $? "a clear per-feed error for /$p"
done
grep "$BASE/" "$T/refresh.err" | sed 's/^/#   /'

K items --feed "$BASE/ok.xml" >"$T/ok.out" 2>&1
grep -q "good item" "$T/ok.out"
ok $? "the good feed's item is stored beside the hostile ones"
K items --feed "$BASE/hostile" >"$T/hostile.out" 2>&1
grep -q "Title" "$T/hostile.out" && ! has_controls "$T/hostile.out"
ok $? "the hostile feed is stored and listed without raw controls"
K feeds >"$T/feeds.out" 2>&1
! has_controls "$T/feeds.out"
ok $? "kiji feeds prints no raw control"
K feeds --json >"$T/feeds.json" 2>&1
"$PYTHON3" - "$T/feeds.json" "$BASE" $bad <<'PY'
import json, sys
feeds = {f["url"]: f for f in json.load(open(sys.argv[1]))}
base = sys.argv[2]
missing = [p for p in sys.argv[3:] if not feeds.get(base + "/" + p, {}).get("error")]
if missing:
    print("# no error recorded for", missing)
sys.exit(1 if missing else 0)
PY
ok $? "kiji feeds records the error of every hostile feed"
K items --json >"$T/all.json" 2>&1
! grep -q "root:.*:0:0:" "$T/all.json" "$DATA/kiji.db"
ok $? "a redirect to file:///etc/passwd reads nothing from it"
[ ! -s "$SRV/trap.log" ]
ok $? "no connection to the trap port (other schemes, entities, DTD)"
[ -s "$SRV/trap.log" ] && sed 's/^/# /' "$SRV/trap.log"
n=$(grep -c "^GET /loop$" "$SRV/requests")
[ "$n" -ge 1 ] && [ "$n" -le 30 ]
ok $? "a redirect loop is given up ($n requests)"
for p in huge endless gzip-bomb items/1000000; do
	grep "$BASE/$p:" "$T/refresh.err" | grep -q "limit"
	ok $? "/$p stops at the size limit"
done
grep "$BASE/drip:" "$T/refresh.err" | grep -q "timed out"
ok $? "the slow drip times out"

# The second refresh still works and keeps the good items.
K refresh --quiet "$BASE/ok.xml" >/dev/null 2>&1
ok $? "the next refresh of the good feed works"
done_testing
