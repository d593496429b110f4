#!/bin/sh
# ui-first-paint.sh [ITEMS]: how fast the reader's first screen comes up with
# ITEMS (default 200000) stored items in 250 feeds.  Run from the build
# directory after `make check TESTS=` (which builds tests/store/seed and
# tests/bench/ui-first-paint).  Prints the database reads the first screen
# needs, then the wall time from starting kiji in tmux to the painted lists
# (which includes starting tmux and the process: compare with the empty run).
set -e
ITEMS=${1:-200000}
B=${KIJI_BUILDDIR:-.}
S=${KIJI_SRCDIR:-$(cd "$(dirname "$0")/../.." && pwd)}
W=$(mktemp -d "${TMPDIR:-/tmp}/kiji-bench.XXXXXX")
trap 'rm -rf "$W"' EXIT
mkdir -p "$W/data" "$W/empty"
printf 'refresh-on-start no\n' > "$W/config"
python3 - "$ITEMS" "$W" <<'PY'
import random, sys
n, w = int(sys.argv[1]), sys.argv[2]
random.seed(1)
per = max(1, n // 250)
t0 = 1764000000
with open(w + "/spec.tsv", "w") as f, open(w + "/feeds", "w") as g:
    for i in range(250):
        url = "https://feed%03d.example/rss" % i
        if i % 25 == 0:
            g.write("[Section %d]\n" % (i // 25))
        g.write("%s Feed %d 脆弱性\n" % (url, i))
        f.write("feed\t%s\tFeed %d\t%d\n" % (url, i, t0))
        for j in range(per):
            f.write("item\tk%d-%d\t脆弱性 advisory %d for product %d\t%d\tSummary %d.\n"
                    % (i, j, j, i, t0 - random.randint(0, 90 * 86400), j))
PY
"$B/tests/store/seed" "$W/data/kiji.db" < "$W/spec.tsv"
"$B/tests/bench/ui-first-paint" "$W/data/kiji.db" "$W/feeds"

paint() {	# paint DATA_DIR: ms until the lists show
	runs=$(date +%N)
	T="tmux -u -S $W/tmux-$runs.sock -f /dev/null"
	start=$(date +%s%N)
	$T start-server \; set -g default-terminal screen-256color \; \
	    set -g remain-on-exit on \; new-session -d -s b -x 160 -y 40 \
	    "env LANG=C.UTF-8 LC_ALL=C.UTF-8 $B/kiji -c $W/config -d $1"
	n=0
	until $T capture-pane -p -t b | grep -q "unread *\$"; do
		n=$((n + 1))
		[ "$n" -lt 5000 ] || break
	done
	end=$(date +%s%N)
	$T kill-server
	echo $(( (end - start) / 1000000 ))
}
for i in 1 2 3; do
	echo "tmux, empty database:  $(paint "$W/empty") ms"
	echo "tmux, $ITEMS items: $(paint "$W/data") ms"
done
