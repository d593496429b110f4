#!/bin/sh
# The mouse: a click selects and focuses, a second click opens, the wheel
# scrolls the pane under the pointer.  On an 8-color terminal.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "[Japan]" "file://@FEEDS@/jvn.xml JVN" "[World]" \
    "file://@FEEDS@/world.xml"
e2e_refresh
E2E_TERM=screen	# 8 colors
e2e_start 80 14
e2e_wait "6 unread" 15
ok $? "the reader starts"

# Line 3 of the items pane (screen line 3) is the first JVN item.
e2e_click 40 3
e2e_wait "Link: https://jvn.example/jp/JVN00000001/"
ok $? "a click selects the item under the pointer"
e2e_screen | grep -q "6 unread"
ok $? "... without opening it"
e2e_click 40 3
e2e_wait "5 unread"
ok $? "a second click opens it"

# The wheel over the article scrolls it.
e2e_wait "Article  1-7/12"
e2e_mouse 65 10 9
e2e_wait "Article  4-10/12"
ok $? "the wheel scrolls the pane under the pointer"
e2e_mouse 64 10 9
e2e_wait "Article  1-7/12"
ok $? "... both ways"

# A click on a source lists its items.
e2e_click 5 4
e2e_wait "JVN (3)"
ok $? "a click on a feed lists its items"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
