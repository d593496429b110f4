#!/bin/sh
# Politeness: max-per-host caps the transfers to one host, user-agent is
# sent as configured, and a refresh of many feeds still finishes.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/fetch/start-server.sh"
CONF=$XDG_CONFIG_HOME/kiji
mkdir -p "$CONF"
cat >"$CONF/config" <<EOC
max-per-host 2
max-parallel 8
user-agent "kiji-test/1.0 (polite)"
EOC
: >"$CONF/feeds"
for i in 1 2 3 4 5 6; do
	echo "$B/slow/a.xml?$i" >>"$CONF/feeds"
done

"$KIJI" refresh >"$T/out" 2>"$T/err"
is "$?" 0 "six slow feeds fetched"
is "$(tail -n 1 "$T/out")" "6 feeds, 18 new items, 0 errors" "summary"
max=$("${PYTHON3:-python3}" - "$SERVER_LOG" <<'PY'
import json, sys
print(max(json.loads(l)["active"] for l in open(sys.argv[1])))
PY
)
ok "$([ "$max" -le 2 ] && echo 0 || echo 1)" "at most 2 at once to one host (saw $max)"
ok "$([ "$max" -ge 2 ] && echo 0 || echo 1)" "but more than one at a time (saw $max)"
is "$(requests_for '/slow/a.xml?1' user-agent)" "kiji-test/1.0 (polite)" "user-agent option sent"

# Interrupted while a server hangs: kiji quits at once, the database is sound.
echo "$B/hang" >>"$CONF/feeds"
"$KIJI" refresh >"$T/out" 2>"$T/err" &
pid=$!
sleep 1
start=$(date +%s)
kill -INT "$pid"
wait "$pid"
rc=$?
took=$(($(date +%s) - start))
is "$rc" 1 "interrupted refresh exits 1"
ok "$([ "$took" -le 2 ] && echo 0 || echo 1)" "and quits at once (${took}s)"
grep -q "refresh interrupted" "$T/err"
ok $? "says it was interrupted"
is "$(db_query "PRAGMA integrity_check")" ok "database intact"
done_testing
