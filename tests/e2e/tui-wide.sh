#!/bin/sh
# The reader at 160x40 in a Japanese locale: three columns, CJK titles cut
# at exact widths, the failed feed's mark and error.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "[Japan]" "file://@FEEDS@/jvn.xml JVN" "[World]" \
    "file://@FEEDS@/world.xml" "file:///nonexistent/kiji/missing.xml Broken feed"
e2e_refresh
e2e_start 160 40 ja_JP.UTF-8

e2e_wait "6 unread" 15
ok $? "the reader starts with the refreshed feeds"
e2e_golden wide-160x40 "three columns at 160x40, Japanese titles at exact widths"

# The last source is the broken feed: its error shows in the article pane.
e2e_keys G
e2e_wait "The last refresh of this feed failed"
ok $? "selecting a failed feed shows its last error"
e2e_screen | grep -q "missing.xml"
ok $? "the error names the feed"
E2E_MASK='s/Date: [0-9-]* [0-9:]*/Date: @NOW@/' \
    e2e_golden error-160x40 "a failed feed: ! mark and error view"

# A section closes and opens with Enter.
e2e_keys g j j Enter
e2e_gone "   JVN"
ok $? "Enter on a section hides its feeds"
e2e_keys Enter
e2e_wait "   JVN"
ok $? "Enter again shows them"
e2e_keys r
e2e_wait "Refreshed 1 of 1 feeds: 0 new items, 0 errors."
ok $? "r on a section refreshes its feeds"
e2e_keys A
e2e_wait "Marked 3 items read."
ok $? "A on a section marks its feeds' items read"
e2e_wait "3 unread"
ok $? "... the other section's stay unread"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
