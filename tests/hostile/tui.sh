#!/bin/sh
# tui: the reader shows hostile items, in a private tmux server, without
# letting a byte of them act on the terminal: titles, feed titles, links and
# bodies carry raw OSC (window title), CSI (clear screen, colours), C1 and
# bidi controls, put straight into the database as an old or foreign
# writer could.  Links open through execvp with the URL verbatim.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require
PWNED=$T/PWNED
META="http://127.0.0.1/x;\$(touch $PWNED)\`touch $PWNED\`|touch $PWNED&a=1"
cat >"$T/feed.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Evil channel</title><link>http://127.0.0.1/</link>
<item><guid>h1</guid><title>HOSTILE-TITLE</title><link>http://127.0.0.1/placeholder</link>
<description>&lt;p&gt;BODY-START&lt;/p&gt;&lt;p&gt;&lt;a href="http://127.0.0.1/b;\$(touch $PWNED)"&gt;meta&lt;/a&gt; &lt;a href="javascript:alert(1)"&gt;js&lt;/a&gt;&lt;/p&gt;</description></item>
</channel></rss>
XML
e2e_feeds "file://$T/feed.xml Evil"
e2e_refresh
"$PYTHON3" - "$E2E_DATA/kiji.db" "$META" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
E, BEL, RLO, CSI = "\x1b", "\x07", "\u202e", "\u009b"
title = "Hostile " + E + "]0;owned" + BEL + E + "[2J" + E + "[31mred" + E + "[0m " + CSI + "1m " + RLO + "gnp.exe"
body = ("<p>BODY-START " + E + "[5mblink " + E + "P1;2|dcs" + E + "\\ " + E + "]52;c;cm0gLXJm" + BEL +
        "</p><p><a href=\"" + sys.argv[2].replace("&", "&amp;") + "\">meta</a> <a href=\"javascript:alert(1)\">js</a></p>")
n = db.execute("UPDATE items SET title = ?, link = ?, summary = ?, summary_type = 1 WHERE guid = 'h1'",
               (title, sys.argv[2], body)).rowcount
db.execute("UPDATE feeds SET title = ?", ("Feed " + E + "]2;feedowned" + BEL + RLO + "x",))
db.commit()
sys.exit(0 if n == 1 else 1)
PY
ok $? "raw controls are in the database"

cat >"$E2E_DIR/browser" <<SH
#!/bin/sh
for a; do printf '%s\n' "\$a"; done >"$E2E_DIR/opened.tmp"
mv "$E2E_DIR/opened.tmp" "$E2E_DIR/opened"
SH
chmod +x "$E2E_DIR/browser"
E2E_BROWSER="$E2E_DIR/browser --new-tab %s"
e2e_start 100 30
e2e_tmux set -g set-clipboard on
e2e_wait "Hostile" 15
ok $? "the reader lists the hostile item"
title=$(e2e_tmux display -p -t kiji '#{pane_title}')
case $title in
*owned*) ok 1 "the item cannot set the terminal's title ($title)" ;;
*) ok 0 "the item cannot set the terminal's title" ;;
esac
e2e_screen | grep -q "Evil\|Feed"
ok $? "the screen was not cleared by the item's CSI 2J"
e2e_screen >"$T/screen1"
! has_controls "$T/screen1"
ok $? "the list screen holds no control character"

e2e_keys Tab Enter
e2e_wait "BODY-START" 10
ok $? "the article opens"
e2e_screen >"$T/screen2"
! has_controls "$T/screen2"
ok $? "the article screen holds no control character"
grep -q "blink" "$T/screen2" && ! grep -q "cm0gLXJm" "$T/screen2"
ok $? "the body's text is shown, its OSC 52 payload is not"
[ -z "$(e2e_tmux show-buffer 2>/dev/null)" ]
ok $? "the body's OSC 52 did not reach the clipboard"

e2e_keys o Enter
n=0
while [ ! -s "$E2E_DIR/opened" ] && [ $n -lt 50 ]; do sleep 0.1; n=$((n + 1)); done
printf -- '--new-tab\n%s\n' "$META" >"$T/want"
cmp -s "$E2E_DIR/opened" "$T/want"
ok $? "o Enter gives the browser the item's link verbatim, as one argument"
[ -s "$E2E_DIR/opened" ] && ! cmp -s "$E2E_DIR/opened" "$T/want" &&
	sed 's/^/# got: /' "$E2E_DIR/opened"
rm -f "$E2E_DIR/opened"
e2e_keys o
e2e_wait "Open link number" 5
e2e_keys 2
sleep 1
[ ! -e "$E2E_DIR/opened" ]
ok $? "the javascript: link is not opened"
sleep 0.3
[ ! -e "$PWNED" ]
ok $? "no shell ran any part of a URL"
e2e_keys q
e2e_exited >/dev/null
done_testing
