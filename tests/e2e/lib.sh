# tests/e2e/lib.sh: drive the real kiji in a private tmux server, the way a
# person uses it: send keys, read the screen, compare it with a golden.
# Source after tests/lib.sh.  Every test gets its own socket, config and
# data directory; the server is killed on exit.
E2E_DIR="$T/e2e"
E2E_SOCK="$E2E_DIR/tmux.sock"	# a private server; the file goes with $T
E2E_CONFIG="$E2E_DIR/config"
E2E_DATA="$E2E_DIR/data"
E2E_GOLDENS="$KIJI_SRCDIR/tests/data/ui"
mkdir -p "$E2E_DATA"
E2E_FEEDS="$E2E_DIR/feeds"	# beside the config file: kiji's feeds file
: > "$E2E_FEEDS"
: > "$E2E_CONFIG"

e2e_tmux() {
	tmux -u -S "$E2E_SOCK" -f /dev/null "$@"
}

e2e_cleanup() {
	e2e_tmux kill-server 2>/dev/null || true
	[ -n "${E2E_HTTP_PID:-}" ] && kill "$E2E_HTTP_PID" 2>/dev/null
	rm -rf "$T"
}
trap e2e_cleanup EXIT

# Skip the whole test (TAP) when tmux is missing.
e2e_require() {
	if ! command -v tmux >/dev/null 2>&1; then
		echo "1..0 # SKIP tmux is not installed"
		exit 0
	fi
}

# e2e_feeds LINE...: write the feeds file (file:// URLs of the fixtures
# may use @FEEDS@ for tests/data/ui/feeds).
e2e_feeds() {
	: > "$E2E_FEEDS"
	for _l in "$@"; do
		printf '%s\n' "$_l" | sed "s#@FEEDS@#$KIJI_SRCDIR/tests/data/ui/feeds#g" \
		    >> "$E2E_FEEDS"
	done
}

# e2e_refresh: fetch the feeds with `kiji refresh` before the reader starts
# (the reader itself then does not refresh on start), so that the first
# screen does not depend on which feed answered first.
e2e_refresh() {
	echo "refresh-on-start no" >> "$E2E_CONFIG"
	"$KIJI" -c "$E2E_CONFIG" -d "$E2E_DATA" refresh >/dev/null 2>&1
}

# e2e_start COLUMNS LINES [LANG]: run kiji in a fresh server at that size.
# The pane runs kiji and then prints its exit status, so a crash shows.
e2e_start() {
	_lang=${3:-C.UTF-8}
	# Without the Japanese locale (scripts/deps-debian.sh makes it), the
	# C.UTF-8 one shows the same screens.
	if ! locale -a 2>/dev/null | grep -qi "^${_lang%%.*}\.utf-\{0,1\}8\$"; then
		_lang=C.UTF-8
	fi
	e2e_tmux start-server \; set -g default-terminal screen-256color \; \
	    set -g exit-empty off \; \
	    new-session -d -s kiji -x "$1" -y "$2" \
	    "env -i HOME='$HOME' PATH='$PATH' TERM=${E2E_TERM:-screen-256color} LANG=$_lang \
LC_ALL=$_lang TZ=UTC BROWSER='${E2E_BROWSER:-}' \
XDG_CONFIG_HOME='$HOME/.config' XDG_DATA_HOME='$HOME/.local/share' \
'$KIJI' -c '$E2E_CONFIG' -d '$E2E_DATA'; echo \"[kiji exited \$?]\"; sleep 600"
	e2e_tmux set -g remain-on-exit on >/dev/null 2>&1
}

# The screen as text.
e2e_screen() {
	e2e_tmux capture-pane -p -t kiji
}

e2e_keys() {
	e2e_tmux send-keys -t kiji "$@"
}

# e2e_wait TEXT [SECONDS]: wait until TEXT is on the screen; 0 when it is.
e2e_wait() {
	_n=0
	_limit=$(( ${2:-10} * 10 ))
	while [ "$_n" -lt "$_limit" ]; do
		if e2e_screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	diag "timed out waiting for: $1"
	e2e_screen | sed 's/^/| /' | while IFS= read -r l; do diag "$l"; done
	return 1
}

# e2e_gone TEXT [SECONDS]: wait until TEXT has left the screen.
e2e_gone() {
	_n=0
	_limit=$(( ${2:-10} * 10 ))
	while [ "$_n" -lt "$_limit" ]; do
		if ! e2e_screen | grep -qF -- "$1"; then
			return 0
		fi
		sleep 0.1
		_n=$((_n + 1))
	done
	diag "still on the screen: $1"
	return 1
}

# Volatile parts of a screen (refresh progress, clock-dependent dates) are
# masked before comparing; the test passes its own sed script when needed.
e2e_mask() {
	sed -e "s#$KIJI_SRCDIR#@SRCDIR@#g" \
	    -e 's/refreshing [0-9]*\/[0-9]*, [0-9]* new, [0-9]* errors\{0,1\}/refreshing #/' \
	    -e "${E2E_MASK:-s/^\$//}"
}

# e2e_golden NAME DESCRIPTION: the screen must match tests/data/ui/NAME.screen
# (after masking).  KIJI_UPDATE_GOLDENS=1 writes the file instead; check it
# by eye before committing it.
e2e_golden() {
	_got="$E2E_DIR/$1.got"
	e2e_screen | e2e_mask > "$_got"
	if [ -n "${KIJI_UPDATE_GOLDENS:-}" ]; then
		cp "$_got" "$E2E_GOLDENS/$1.screen"
	fi
	if diff -u "$E2E_GOLDENS/$1.screen" "$_got" > "$E2E_DIR/$1.diff"; then
		ok 0 "$2"
	else
		ok 1 "$2"
		while IFS= read -r l; do diag "$l"; done < "$E2E_DIR/$1.diff"
	fi
}

# e2e_exited: wait for kiji to quit and echo its exit status line.
e2e_exited() {
	e2e_wait "[kiji exited" "${1:-10}" >/dev/null || return 1
	e2e_screen | grep -o '\[kiji exited [0-9]*\]'
}

# Serve directory $1 on 127.0.0.1 (a free port); sets E2E_PORT.
e2e_http() {
	"$PYTHON3" "$KIJI_SRCDIR/tests/e2e/httpd.py" "$1" "$E2E_DIR/port" &
	E2E_HTTP_PID=$!
	_n=0
	while [ ! -s "$E2E_DIR/port" ] && [ "$_n" -lt 100 ]; do
		sleep 0.1
		_n=$((_n + 1))
	done
	E2E_PORT=$(cat "$E2E_DIR/port")
}

# e2e_mouse BUTTON X Y: an xterm (X10) mouse event at column X, line Y
# (from 0); BUTTON 0 is a left press, 3 a release, 64/65 the wheel.
e2e_mouse() {
	e2e_tmux send-keys -t kiji -H 1b 5b 4d "$(printf '%x' $((32 + $1)))" \
	    "$(printf '%x' $((33 + $2)))" "$(printf '%x' $((33 + $3)))"
}

# e2e_click X Y: a left press and release, sent in one write.
e2e_click() {
	_x=$(printf '%x' $((33 + $1)))
	_y=$(printf '%x' $((33 + $2)))
	e2e_tmux send-keys -t kiji -H 1b 5b 4d 20 "$_x" "$_y" 1b 5b 4d 23 "$_x" "$_y"
}
