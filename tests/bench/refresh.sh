#!/bin/sh
# refresh.sh: time `kiji refresh` (cold and warm) against `newsboat -x reload`
# and `sfeed_update` on the same corpus, served by a private nginx on
# loopback.  Run with `make bench` (not part of `make check`).
#
#   BENCH_FEEDS=1000 BENCH_ITEMS=50   corpus size (defaults; smaller is quicker)
#   KIJI_SHARED=DIR                   where bench/gen-corpus.py lives
#   BENCH_KEEP=1                      keep the work directory
#
# Prints wall time, CPU time (user+sys, children included) and peak RSS for
# each run, then the ratios kiji/newsboat and kiji/sfeed.
set -u
srcdir=${srcdir:-$(cd "$(dirname "$0")/../.." && pwd)}
KIJI=${KIJI:-$(pwd)/kiji}
SHARED=${KIJI_SHARED:-$srcdir/../shared}/bench
FEEDS=${BENCH_FEEDS:-1000}
ITEMS=${BENCH_ITEMS:-50}
PY=${PYTHON3:-python3}

say() { printf '%s\n' "$*"; }
die() { say "bench: $*" >&2; exit 1; }

[ -x "$KIJI" ] || die "no kiji binary at $KIJI (run make first)"
[ -r "$SHARED/gen-corpus.py" ] || die "no corpus generator in $SHARED (set KIJI_SHARED)"
[ -x /usr/bin/time ] || die "/usr/bin/time is needed (apt-get install time)"

# install PACKAGE COMMAND: make COMMAND available, or say why not.
install() {
	command -v "$2" >/dev/null 2>&1 && return 0
	[ -x "/usr/sbin/$2" ] && return 0
	SUDO=
	[ "$(id -u)" = 0 ] || SUDO=sudo
	say "bench: installing $1"
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$1" \
	    >/dev/null 2>&1 || true
	command -v "$2" >/dev/null 2>&1 || [ -x "/usr/sbin/$2" ]
}

install nginx nginx || die "nginx is unavailable: cannot serve the corpus"
HAVE_NEWSBOAT=yes
install newsboat newsboat || { HAVE_NEWSBOAT=no; say "bench: newsboat unavailable, skipping that comparison"; }
HAVE_SFEED=yes
install sfeed sfeed_update || { HAVE_SFEED=no; say "bench: sfeed unavailable, skipping that comparison"; }

W=$(mktemp -d "${TMPDIR:-/tmp}/kiji-bench.XXXXXX")
chmod 755 "$W"	# nginx's workers (nobody, when run as root) read the corpus
cleanup() {
	"$SHARED/serve.sh" stop "$W/corpus" >/dev/null 2>&1
	[ -n "${BENCH_KEEP:-}" ] || rm -rf "$W"
}
trap cleanup EXIT INT TERM

PORT=$($PY -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
say "bench: corpus of $FEEDS feeds x $ITEMS items on 127.0.0.1:$PORT"
$PY "$SHARED/gen-corpus.py" --feeds "$FEEDS" --items "$ITEMS" --out "$W/corpus" \
    --port "$PORT" >/dev/null || die "gen-corpus.py failed"
"$SHARED/serve.sh" "$W/corpus" "$PORT" >/dev/null || die "serve.sh failed"

# measure NAME CMD...: run CMD, append "NAME wall cpu rss_kib status" to results.
measure() {
	name=$1
	shift
	/usr/bin/time -f '%e %U %S %M' -o "$W/time" "$@" >"$W/$name.out" 2>"$W/$name.err"
	rc=$?
	read -r wall user sys rss <"$W/time"
	cpu=$(echo "$user $sys" | awk '{ printf "%.2f", $1 + $2 }')
	echo "$name $wall $cpu $rss $rc" >>"$W/results"
	say "bench: $name done in ${wall}s (exit $rc)"
}

: >"$W/results"

# kiji: a private configuration and data directory.
mkdir -p "$W/kiji/config" "$W/kiji/data"
cp "$W/corpus/urls" "$W/kiji/config/feeds"
: >"$W/kiji/config/config"
KJ="$KIJI -c $W/kiji/config/config -d $W/kiji/data"
measure kiji-cold $KJ refresh --quiet
measure kiji-warm $KJ refresh --quiet
# The index is built lazily: the first search after the cold refresh
# indexes every new item before it answers.  Time it too.
measure kiji-search1 $KJ items --search kernel --limit 1
measure kiji-search2 $KJ items --search kernel --limit 1

# newsboat: reload-threads 8; ANALYZE its cache after the first run.
if [ "$HAVE_NEWSBOAT" = yes ]; then
	mkdir -p "$W/nb/home"
	printf 'reload-threads 8\n' >"$W/nb/config"
	NB="env HOME=$W/nb/home newsboat -u $W/corpus/urls -c $W/nb/cache.db -C $W/nb/config -x reload"
	measure newsboat-cold $NB
	$PY -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("ANALYZE"); c.commit()' "$W/nb/cache.db"
	measure newsboat-warm $NB
fi

# sfeed: one feed() line per URL; sfeed_update fetches with curl.
if [ "$HAVE_SFEED" = yes ]; then
	mkdir -p "$W/sfeed/feeds"
	{
		echo "sfeedpath=\"$W/sfeed/feeds\""
		echo "maxjobs=16"
		echo "feeds() {"
		awk '{ printf "\tfeed \"f%05d\" \"%s\"\n", NR, $1 }' "$W/corpus/urls"
		echo "}"
	} >"$W/sfeed/sfeedrc"
	measure sfeed-cold env HOME="$W/sfeed" sfeed_update "$W/sfeed/sfeedrc"
	measure sfeed-warm env HOME="$W/sfeed" sfeed_update "$W/sfeed/sfeedrc"
fi

say ""
say "corpus: $FEEDS feeds x $ITEMS items, $(du -sh "$W/corpus/feeds" | cut -f1) on disk (xml + gz), $(nproc) cores"
say ""
awk '
BEGIN { printf "| run | wall s | CPU s | peak RSS MiB | exit |\n|---|---:|---:|---:|---:|\n" }
{ printf "| %s | %.2f | %.2f | %.1f | %s |\n", $1, $2, $3, $4 / 1024, $5
  wall[$1] = $2; rss[$1] = $4 }
END {
	print ""
	if ("newsboat-cold" in wall) {
		printf "cold wall kiji/newsboat: %.3f (target <= 0.15)\n", wall["kiji-cold"] / wall["newsboat-cold"]
		printf "warm wall kiji/newsboat: %.3f (target <= 0.10)\n", wall["kiji-warm"] / wall["newsboat-warm"]
		printf "peak RSS kiji/newsboat:  %.3f (target <= 0.50)\n", rss["kiji-cold"] / rss["newsboat-cold"]
	}
	if ("sfeed-cold" in wall) {
		printf "cold wall kiji/sfeed:    %.3f (target <= 0.50)\n", wall["kiji-cold"] / wall["sfeed-cold"]
		printf "warm wall kiji/sfeed:    %.3f\n", wall["kiji-warm"] / wall["sfeed-warm"]
	}
}' "$W/results"
grep -q '^kiji-cold .* 0$' "$W/results" || { say "bench: kiji's cold refresh failed:"; head -n 20 "$W/kiji-cold.err"; }
