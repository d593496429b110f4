#!/bin/sh
# Starring an item that mentions the same CVE identifier as a story already
# in the memo offers to join that story; "n" keeps it a story of its own.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require

e2e_feeds "file://@FEEDS@/cve.xml"
e2e_refresh
e2e_start 100 24
e2e_wait "3 unread" 15
ok $? "the reader starts"

# Items, newest first: the Japanese one, the gateway fix, the unrelated one.
e2e_keys Tab j s
e2e_wait "Starred."
ok $? "s stars the gateway fix"
e2e_keys j s
e2e_wait "Starred."
ok $? "an unrelated item is starred without a question"
e2e_screen | grep -q "same identifier"
is "$?" "1" "... no join is offered for it"

e2e_keys g s
e2e_wait "(same identifier)? (y/n)"
ok $? "the item with the same CVE offers to join the story"
e2e_screen | grep -q 'Join "Gateway firmware update'
ok $? "the question names the story"
e2e_keys y Enter
e2e_wait "Joined the story."
ok $? "y joins it"

"$KIJI" -c "$E2E_CONFIG" -d "$E2E_DATA" memo list --json > "$T/memo.json"
got=$("$PYTHON3" -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(sorted(len(s["entries"]) for sec in d["sections"] for s in sec["stories"]))' "$T/memo.json")
is "$got" "[1, 2]" "the memo holds a two-entry story and the unrelated one"
e2e_keys q
done_testing
