#!/bin/sh
# Star, mark read, unread-only, search (Japanese input), resize.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "[Japan]" "file://@FEEDS@/jvn.xml JVN" "[World]" \
    "file://@FEEDS@/world.xml"
e2e_refresh
e2e_start 80 24 ja_JP.UTF-8
e2e_wait "6 unread" 15
ok $? "the reader starts"

# Star the second item, then list the starred ones.
e2e_keys Tab j s
e2e_wait "Starred."
ok $? "s stars the item"
e2e_screen | grep -q "16:45 N\*"
ok $? "the item shows its star mark"
e2e_keys h j Enter
e2e_wait "Starred (1)"
ok $? "the Starred source lists one item"
e2e_screen | grep -q "Ransomware group leaks"
ok $? "... the starred one"

# m marks read and unread; the counts follow.
e2e_keys m
e2e_wait "5 unread"
ok $? "m marks the item read"
e2e_keys m
e2e_wait "6 unread"
ok $? "m again marks it unread"
# Focusing the article opens the item, which marks it read.
e2e_keys l
e2e_wait "5 unread"
ok $? "moving into the article marks the item read"

# Search All unread for a Japanese word, typed and corrected.
e2e_keys h h g / 脆弱性x BSpace Enter
e2e_wait "/脆弱性/"
ok $? "/ searches; Backspace removed the last character only"
e2e_wait "All unread (3) /脆弱性/"
ok $? "three unread items match"
e2e_screen | grep -q "Critical flaw"
ok $(( ! $? )) "the others are filtered out"
e2e_golden search-80x24 "search results with Japanese titles"
e2e_keys / C-u Enter
e2e_wait "All unread (5)"
ok $? "an empty search shows every unread item again"

# Unread only on a feed: read items leave the list.
e2e_keys h G
e2e_wait "World Security News (3)"
ok $? "the World feed lists three items"
e2e_keys u
e2e_wait "World Security News (2) [unread]"
ok $? "u lists only the unread items"
e2e_keys u
e2e_wait "World Security News (3)"
ok $? "u again lists them all"

# Resize to a wide terminal: three columns, same selection.
e2e_keys l j
e2e_wait "Link: https://news.example/ransom"
ok $? "the second item of the feed is selected"
e2e_tmux resize-window -t kiji -x 160 -y 40
e2e_wait "│ Article"
ok $? "a wide terminal gets three columns"
e2e_wait "Link: https://news.example/ransom"
ok $? "the selection survives the resize"
e2e_tmux resize-window -t kiji -x 80 -y 24
e2e_gone "│ Article"
ok $? "back to rows at 80 columns"
e2e_wait "Link: https://news.example/ransom"
ok $? "the selection survives again"
# A on All unread asks, then marks everything read.
e2e_keys h h g A
e2e_wait "Mark every item of every feed read? (y/n)"
ok $? "A on All unread asks first"
e2e_keys n Enter
e2e_wait "5 unread"
ok $? "n leaves the items unread"
e2e_keys A y Enter
e2e_wait "Marked 5 items read."
ok $? "y marks them all read"
e2e_wait "0 unread"
ok $? "nothing is unread any more"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
