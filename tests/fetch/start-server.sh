# start-server.sh: source after lib.sh; starts tests/fetch/server.py on
# loopback and sets B (base URL), SERVER_LOG and SERVER_PID.
SERVER_LOG=$T/requests.log
: >"$SERVER_LOG"
"${PYTHON3:-python3}" "$KIJI_SRCDIR/tests/fetch/server.py" \
	--root "$KIJI_SRCDIR/tests/data/fetch" --log "$SERVER_LOG" >"$T/port" &
SERVER_PID=$!
trap 'kill "$SERVER_PID" 2>/dev/null; rm -rf "$T"' EXIT
trap 'exit 1' INT TERM HUP PIPE	# so that the EXIT trap runs
for _ in $(seq 100); do
	[ -s "$T/port" ] && break
	sleep 0.1
done
B=http://127.0.0.1:$(cat "$T/port")

# db_query SQL: run SQL on kiji's database, one row per line, "|" between
# columns (the sqlite3 CLI is not installed; python's module is).
db_query() {
	"${PYTHON3:-python3}" - "$XDG_DATA_HOME/kiji/kiji.db" "$1" <<'PY'
import sqlite3, sys
con = sqlite3.connect(sys.argv[1])
for row in con.execute(sys.argv[2]):
    print("|".join("" if v is None else str(v) for v in row))
PY
}

# requests_for PATH HEADER: the values of HEADER in requests for PATH.
requests_for() {
	"${PYTHON3:-python3}" - "$SERVER_LOG" "$1" "$2" <<'PY'
import json, signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    if r["path"] == sys.argv[2]:
        print(r["headers"].get(sys.argv[3].lower(), "-"))
PY
}
