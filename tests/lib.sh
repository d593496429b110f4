# lib.sh: helpers for kiji's shell tests (TAP).  Source it, call ok/is, end
# with done_testing.  Every test gets a private HOME, XDG dirs and data dir.
: "${KIJI:=$KIJI_BUILDDIR/kiji}"
: "${KIJI_SRCDIR:=$(cd "$(dirname "$0")/.." && pwd)}"
TAP_N=0
TAP_FAIL=0
T=$(mktemp -d "${TMPDIR:-/tmp}/kiji-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME="$T/home" XDG_CONFIG_HOME="$T/home/.config" XDG_DATA_HOME="$T/home/.local/share"
export LC_ALL=C.UTF-8 LANGUAGE= TZ=UTC
unset BROWSER http_proxy https_proxy HTTP_PROXY HTTPS_PROXY ALL_PROXY no_proxy NO_PROXY
mkdir -p "$HOME"

ok() {	# ok CONDITION-EXIT-STATUS DESCRIPTION
	TAP_N=$((TAP_N + 1))
	if [ "$1" = 0 ]; then
		echo "ok $TAP_N - $2"
	else
		echo "not ok $TAP_N - $2"
		TAP_FAIL=$((TAP_FAIL + 1))
	fi
}

is() {	# is GOT WANT DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		printf '#      got: %s\n# expected: %s\n' "$1" "$2"
	fi
}

diag() {
	printf '%s\n' "$@" | sed 's/^/# /'
}

done_testing() {
	echo "1..$TAP_N"
	[ "$TAP_FAIL" = 0 ]
}
