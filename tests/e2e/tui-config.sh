#!/bin/sh
# The config: key bindings and colors, errors shown with file:line, a
# monochrome terminal, links opened without a shell, OSC 52 copying.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "file://@FEEDS@/world.xml World"
e2e_refresh
cat >> "$E2E_CONFIG" <<'CFG'
bind x quit
unbind q
bind C-n next-unread
color cursor white red bold
color unread brightgreen default underline
bind Z no-such-action
color nothing red blue
osc52 yes
layout columns
sources-width 16
CFG
# The "browser" records its arguments, one per line.
cat > "$E2E_DIR/browser" <<SH
#!/bin/sh
printf '%s\n' "\$@" > "$E2E_DIR/opened"
SH
chmod +x "$E2E_DIR/browser"
E2E_BROWSER="$E2E_DIR/browser --new-tab %s"
E2E_TERM=vt100
e2e_start 80 24

e2e_wait "config:7: unknown action 'no-such-action'" 15
ok $? "config errors show on the status line with file:line"
# (vt100 draws the lines with its line-drawing set: tmux shows them as x)
e2e_screen | grep -q "^ Sources        x All unread (3) .*x Article"
ok $? "layout columns puts the panes side by side at 80 columns"

# The article of the first item has two openable links and one javascript:.
e2e_keys Tab Enter o
e2e_wait "Open link number"
ok $? "o asks which link when the article has links"
e2e_keys 2
n=0
while [ ! -s "$E2E_DIR/opened" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
is "$(cat "$E2E_DIR/opened" 2>/dev/null | tr '\n' ' ')" "--new-tab https://vendor.example/advisory " \
    "o 2 runs the browser with link 2 in place of %s"
rm -f "$E2E_DIR/opened"
e2e_keys o Enter
n=0
while [ ! -s "$E2E_DIR/opened" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
is "$(cat "$E2E_DIR/opened" 2>/dev/null | tr '\n' ' ')" "--new-tab https://news.example/vpn " \
    "o Enter opens the item's own link"
rm -f "$E2E_DIR/opened"

# The third item's link was javascript: (dropped when it was stored).
e2e_keys h G o
e2e_wait "This item has no link."
ok $? "an item without a usable link says so"
sleep 0.3
[ ! -e "$E2E_DIR/opened" ]
ok $? "... and the browser did not run"

# y copies with OSC 52; tmux keeps it as a paste buffer.
e2e_tmux set -g set-clipboard on
e2e_keys g
e2e_wait "Link: https://news.example/vpn"
e2e_keys y
e2e_wait "Copied the link."
ok $? "y copies the link"
n=0
while [ "$(e2e_tmux show-buffer 2>/dev/null)" = "" ] && [ $n -lt 30 ]; do sleep 0.1; n=$((n + 1)); done
is "$(e2e_tmux show-buffer 2>/dev/null)" "https://news.example/vpn" "the terminal received the URL"

# unbind q: q does nothing; bind x quit.
e2e_keys q
sleep 0.3
e2e_screen | grep -q "kiji exited"
ok $(( ! $? )) "an unbound key does nothing"
e2e_keys x
is "$(e2e_exited)" "[kiji exited 0]" "a bound key runs its action"
e2e_screen | grep -q "kiji: .*config:8: unknown element 'nothing'"
ok $? "every config error is printed when the reader quits"
done_testing
