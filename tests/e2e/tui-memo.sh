#!/bin/sh
# The memo screen: star items into sections, move a story, edit its headline
# in Japanese, pick a quote from the article, export the Markdown.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "[Japan]" "file://@FEEDS@/jvn.xml JVN" "[World]" \
    "file://@FEEDS@/world.xml"
e2e_refresh
e2e_start 80 24 ja_JP.UTF-8
e2e_wait "6 unread" 15
ok $? "the reader starts"

# 1-9 star into a section; s into the default one.
e2e_keys Tab j j 2
e2e_wait "Starred into Attacks and threats."
ok $? "2 stars the item into the second section"
e2e_keys k k s
e2e_wait "Starred."
ok $? "s stars the first item"
e2e_keys M
e2e_wait "Memo: issue #1"
ok $? "M opens the memo screen"
e2e_screen | grep -q "^2 Attacks and threats (1)"
ok $? "the tree shows the section with its story"
e2e_screen | grep -q "複数の無線LANルーターにおける認証回避の脆弱性 | JVN"
ok $? "the preview shows the Markdown entry"

# Move the JVN story to the next section, then edit its headline.
e2e_keys j j L
e2e_wait "2 Attacks and threats (0)"
ok $? "L moves the story to the next section"
e2e_screen | grep -q "^3 Vulnerabilities (1)"
ok $? "... which now holds it"
e2e_keys e C-u 認証回避の脆弱性 Enter
e2e_wait "### 認証回避の脆弱性"
ok $? "e edits the headline (Japanese input)"

# Pick the article's second paragraph as the entry's quote.
e2e_keys j Q
e2e_wait "[2] 開発者が提供する"
ok $? "Q lists the article's paragraphs"
e2e_keys 2 Enter
e2e_wait "> 開発者が提供する情報をもとに"
ok $? "the picked paragraph becomes the quote"
e2e_golden memo-80x24 "the memo screen with tree and preview"

e2e_keys x
e2e_wait "Exported to"
ok $? "x exports the issue"
grep -q "^### 認証回避の脆弱性" "$E2E_DATA/issue-1.md"
ok $? "the exported Markdown has the edited headline"

# Join the other story's entry into the one above, split it out again,
# remove it, then close the issue.
e2e_keys G +
e2e_wait "4 Other (0)"
ok $? "+ joins the entry into the story above (across sections)"
e2e_keys -
e2e_wait "3 Vulnerabilities (2)"
ok $? "- splits it into a story of its own"
e2e_keys d
e2e_wait "3 Vulnerabilities (1)"
ok $? "d removes the entry"
e2e_keys C
e2e_wait "Close this issue and open the next one?"
ok $? "C asks before closing"
e2e_keys y Enter
e2e_wait "Memo: issue #2"
ok $? "the issue is closed and the next one opened"
e2e_screen | grep -q "^3 Vulnerabilities (0)"
ok $? "the new issue starts empty"

# Back on the main screen, the starred items show their marks.
e2e_keys q
e2e_wait "? help"
e2e_screen | grep -q "N\*"
ok $(( ! $? )) "closing the issue unstarred its items"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits"
done_testing
