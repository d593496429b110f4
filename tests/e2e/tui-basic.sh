#!/bin/sh
# The reader at 80x24: first screen, opening an item, help, quitting.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "[Japan]" "file://@FEEDS@/jvn.xml JVN" "[World]" \
    "file://@FEEDS@/world.xml" "file:///nonexistent/kiji/missing.xml Broken feed"
e2e_refresh
e2e_start 80 24

e2e_wait "6 unread" 15
ok $? "the reader starts with the refreshed feeds"
e2e_golden basic-80x24 "first screen: sources, items, article below (80x24)"

# Open the third item of All unread: it is read now, one unread less.
e2e_keys Tab j j Enter
e2e_wait "Link: https://jvn.example/jp/JVN00000001/"
ok $? "Enter opens the item in the reader"
e2e_wait "5 unread"
ok $? "opening the item marked it read"
e2e_golden open-80x24 "the opened item, Japanese text wrapped at the pane's width"

# Space pages, then moves on to the next unread item.
e2e_keys Space
e2e_wait "Link: https://jvn.example/jp/JVN00000002/"
ok $? "Space at the end of an article opens the next unread item"
e2e_wait "4 unread"
ok $? "... and marks it read"

e2e_keys "?"
e2e_wait "Keys (q or ? to close"
ok $? "? shows the help"
e2e_screen | grep -q "focus the pane to the left"
ok $? "the help lists the actions' descriptions"
e2e_keys q
e2e_gone "Keys (q or ? to close"
ok $? "q closes the help"

# q: article -> items, then quit.
e2e_keys q
sleep 0.3
e2e_screen | grep -q "kiji exited"
ok $(( ! $? )) "q in the article goes back instead of quitting"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits with status 0"
done_testing
