# hostile/lib.sh: helpers for the hostile-input tests (source after
# tests/lib.sh).

# Start tests/hostile/server.py; sets PORT, TRAP_PORT, SRV (state dir),
# SRV_PID, and stops the server on exit.
server_start() {
	SRV=$T/srv
	mkdir -p "$SRV"
	"$PYTHON3" "$KIJI_SRCDIR/tests/hostile/server.py" "$SRV" 2>"$SRV/stderr" &
	SRV_PID=$!
	trap 'kill "$SRV_PID" 2>/dev/null; rm -rf "$T"' EXIT
	i=0
	while [ ! -f "$SRV/port" ] && [ $i -lt 600 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	PORT=$(cat "$SRV/port")
	TRAP_PORT=$(cat "$SRV/trap-port")
	BASE=http://127.0.0.1:$PORT
}

# Whether file $1 holds a raw terminal control: C0 but \t \n, DEL, a C1
# control, or a bidi embedding/override/isolate.  0 (true) when it does.
has_controls() {
	"$PYTHON3" - "$1" <<'PY'
import re, sys
t = open(sys.argv[1], "rb").read().decode("utf-8", "replace")
bad = re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", t)
if bad:
    print("# control U+%04X at %d" % (ord(bad.group()), bad.start()))
sys.exit(0 if bad else 1)
PY
}

# A device that is always full: a private node as root (so that a bug that
# replaced its target could not touch the real /dev/full), else /dev/full.
full_device() {
	if [ "$(id -u)" = 0 ] && mknod "$T/full" c 1 7 2>/dev/null; then
		echo "$T/full"
	else
		echo /dev/full
	fi
}
