#!/bin/sh
# A long list is read a window at a time: the ends and the middle of 3000
# items show the right rows; a search finds one among them.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require
SEED="$KIJI_BUILDDIR/tests/store/seed"
[ -x "$SEED" ] || { echo "1..0 # SKIP tests/store/seed is not built"; exit 0; }

# Item n is dated n minutes after the epoch base: the newest is 3000.
"$PYTHON3" - "$E2E_DIR/spec" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("feed\thttps://long.example/rss\tLong feed\t1764000000\n")
    for n in range(1, 3001):
        f.write("item\tk%d\tItem number %04d\t%d\tText %d.\n" % (n, n, 1764000000 + n * 60, n))
PY
"$SEED" "$E2E_DATA/kiji.db" < "$E2E_DIR/spec"
e2e_feeds "https://long.example/rss Long"
echo "refresh-on-start no" >> "$E2E_CONFIG"
e2e_start 80 24
e2e_wait "3000 unread" 15
ok $? "the reader starts with 3000 items"

e2e_keys G
e2e_wait "Long (3000)"
ok $? "the feed lists 3000 items"
e2e_keys l G
e2e_wait "Item number 0001"
ok $? "G shows the last (oldest) item"
e2e_screen | grep -q "Item number 0008"
ok $? "... with the rows above it"
e2e_keys g
e2e_wait "Item number 3000"
ok $? "g goes back to the first"
# 150 lines down with PageDown (8 rows a page) and j: item 3000 - 150.
e2e_keys PageDown PageDown PageDown PageDown PageDown PageDown PageDown \
    PageDown PageDown PageDown PageDown PageDown PageDown PageDown PageDown \
    PageDown PageDown PageDown j j j j j j
e2e_wait "Text 2850."
ok $? "paging down reaches the 151st item"
e2e_keys / "number 1234" Enter
e2e_wait "Long (1) /number 1234/"
ok $? "a search finds one item among 3000"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
