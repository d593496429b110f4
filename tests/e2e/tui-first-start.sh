#!/bin/sh
# The first start: an empty HOME, no configuration, no feeds file.  The
# panes tell how to subscribe; following that advice (kiji add, then R)
# brings the feed in.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

rm -rf "$HOME"
mkdir -p "$HOME"
# Not e2e_start: no -c or -d, kiji finds its files from HOME alone.
e2e_tmux start-server \; set -g default-terminal screen-256color \; \
    set -g exit-empty off \; new-session -d -s kiji -x 80 -y 24 \
    "env -i HOME='$HOME' PATH='$PATH' TERM=screen-256color LANG=C.UTF-8 \
LC_ALL=C.UTF-8 TZ=UTC '$KIJI'; echo \"[kiji exited \$?]\"; sleep 600"
e2e_wait "Welcome to kiji" 15
ok $? "the reader starts and welcomes"
e2e_screen | grep -q "kiji add URL"
ok $? "it tells how to add a feed"
e2e_screen | grep -q "kiji import FILE"
ok $? "... how to import an OPML file"
e2e_screen | grep -qF "$HOME/.config/kiji/feeds"
ok $? "... and where the feeds file is"
e2e_screen | grep -q "(no feeds yet)"
ok $? "the item list says there are no feeds"
e2e_screen | grep -q "No feeds yet: add one with 'kiji add URL', then press R."
ok $? "the status line says so too, not overwritten by an empty refresh"
E2E_MASK="s#$T#@T@#g" e2e_golden first-start-80x24 "the first screen"

# Do as told.
"$KIJI" add "file://$KIJI_SRCDIR/tests/data/ui/feeds/jvn.xml" >/dev/null
ok $? "kiji add from another shell"
e2e_keys R
e2e_wait "3 unread" 15
ok $? "R fetches the new feed"
e2e_gone "Welcome to kiji"
ok $? "the welcome gives way to the items"
e2e_screen | grep -q "複数の無線LANルーター"
ok $? "the feed's items are listed"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
