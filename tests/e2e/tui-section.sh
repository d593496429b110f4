#!/bin/sh
# A section in the sources pane lists the items of all its feeds, newest
# first with the feed column; unread-only, next unread, search and A work
# inside it.  Titles with markup show as plain text.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "[Japan]" "file://@FEEDS@/jvn.xml JVN" "[World]" \
    "file://@FEEDS@/world.xml" "file://@FEEDS@/advisories.xml"
e2e_refresh
e2e_start 80 24
e2e_wait "8 unread" 15
ok $? "the reader starts"

# All unread, Starred, [Japan], JVN, [World]: the section's items.
e2e_keys j j j j
e2e_wait " World (5)"
ok $? "the World section lists the five items of its two feeds"
e2e_screen | grep -q "複数の無線LAN"
ok $(( ! $? )) "... and none of the Japan section's"
e2e_golden section-80x24 "the section's items, newest first, with their feeds"

# Read the first item, then list the unread ones only.
e2e_keys Tab Enter
e2e_wait "Link: https://vendor.example/adv/1"
ok $? "Enter opens the section's first item"
e2e_keys q u
e2e_wait " World (4) [unread]"
ok $? "u lists the section's unread items"
e2e_screen | grep -q "│12-04 12:00"
ok $(( ! $? )) "... without the read one"
e2e_screen | grep -q "│12-04 10:00 N  World Security… Critical flaw"
ok $? "... the next one on top"
e2e_keys u
e2e_wait " World (5)"
ok $? "u again lists them all"

# Next unread skips the read item at the top.
e2e_keys g n
e2e_wait "Link: https://news.example/vpn"
ok $? "n moves to the next unread item of the section"

# Search inside the section.
e2e_keys / mail Enter
e2e_wait " World (1) /mail/"
ok $? "/ searches within the section"
e2e_screen | grep -q "Mail server update & fixes"
ok $? "... and finds the other feed's item"
e2e_keys / C-u Enter
e2e_wait " World (5)"
ok $? "an empty search lists the section again"

# A marks the section's feeds read, not the other section's.
e2e_keys h A
e2e_wait "Marked 4 items read."
ok $? "A marks the section's unread items read"
e2e_wait "3 unread"
ok $? "the other section's items stay unread"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
