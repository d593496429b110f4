#!/bin/sh
# kiji memo from the command line: build an issue, export it, compare it
# byte for byte with tests/data/memo/, close it, and fail to write safely.
. "$KIJI_SRCDIR/tests/lib.sh"

DATA=$KIJI_SRCDIR/tests/data/memo
SEED=$KIJI_BUILDDIR/tests/unit/memo-seed
CONF=$XDG_CONFIG_HOME/kiji
DB=$XDG_DATA_HOME/kiji/kiji.db
mkdir -p "$CONF" "$XDG_DATA_HOME/kiji"

cat > "$CONF/config" <<'EOF'
memo-title "今週の気になるセキュリティニュース - Issue #%n"
memo-intro "今週のニュースです。"
memo-sections "事件、事故, 攻撃、脅威, 脆弱性, その他"
EOF
# The subscription list names the CISA feed differently from its document.
cat > "$CONF/feeds" <<'EOF'
https://www.3cx.com/blog/feed/
https://www.cisa.gov/alerts.xml  CISA Alerts
https://jvn.jp/rss/jvn.rdf
EOF
# Hostile items: control characters, Markdown, a javascript: link.
{
	cat "$DATA/seed.tsv"
	printf 'feed\thttps://hostile.example/feed\tHostile <b>*feed*</b>\n'
	printf 'item\th-1\t[Click] *here* _now_ \033[31m | # 1. list\thttps://hostile.example/a b(c)\t1680300000\n'
	printf 'item\th-2\tjavascript link\tjavascript:alert(1)\t1680300000\n'
} | "$SEED" "$DB"
ok $? "seed the database"
# Items 1 3cx-1, 2 cisa-1, 3 cisa-2, 4 jvn-1, 5 h-1, 6 h-2.

run() {	# run EXPECTED-STATUS DESCRIPTION KIJI-ARGS...
	want=$1 desc=$2
	shift 2
	"$KIJI" "$@" > "$T/out" 2> "$T/err"
	got=$?
	is "$got" "$want" "$desc"
	[ "$got" = "$want" ] || sed 's/^/# /' "$T/err"
}

run 0 "number 113" memo number 113
run 0 "add 1 to section 1 with a headline and a quote" memo add 1 \
    --section 1 --headline "3CX DesktopApp のインストーラにマルウェアが混入して配布" \
    --quote "We regret to inform our partners and customers that our Electron Windows App …"
run 0 "add 2 to story 1" memo add 2 --story 1
run 0 "add 4 to the section named 脆弱性" memo add 4 --section 脆弱性
run 0 "related 3: story 2 (same CVE)" memo related 3
is "$(cat "$T/out")" "2" "related 3 names story 2"
run 0 "add 3 --auto joins story 2" memo add 3 --auto
run 0 "add 5 to the default section" memo add 5
run 0 "add 6 to the default section" memo add 6
run 0 "story 4 up" memo up 4
run 0 "headline of story 2" memo headline 2 "Apache HTTP Server の脆弱性 (CVE-2023-27522)"
run 0 "quote under item 4" memo quote 4 "$(printf '複数行の\n引用です。')"
run 0 "a quote set and cleared" memo quote 2 "gone soon"
run 0 "quote cleared" memo quote 2

run 0 "export -o" memo export -o "$T/issue.md"
cmp "$T/issue.md" "$DATA/issue-113.md" > /dev/null
ok $? "the Markdown export equals issue-113.md"
[ $? = 0 ] || diff "$DATA/issue-113.md" "$T/issue.md" | sed 's/^/# /'
run 0 "kiji memo prints the same" memo
cmp "$T/out" "$DATA/issue-113.md" > /dev/null
ok $? "kiji memo output equals issue-113.md"
run 0 "export --format txt" memo export --format txt
cmp "$T/out" "$DATA/issue-113.txt" > /dev/null
ok $? "the text export equals issue-113.txt"
[ $? = 0 ] || diff "$DATA/issue-113.txt" "$T/out" | sed 's/^/# /'

TZ=Asia/Tokyo "$KIJI" memo > "$T/tokyo"
grep -q '^- (3/30) \[3CX Security Alert' "$T/tokyo" &&
    grep -q '^- (3/31) \[Apache HTTP Server における' "$T/tokyo" &&
    grep -q '^- (4/1) \[javascript link' "$T/tokyo"
ok $? "dates follow the local time zone (Asia/Tokyo)"

run 0 "list" memo list
grep -q '^\[3\] 脆弱性$' "$T/out" && grep -q '^\[4\] その他 (default)$' "$T/out" &&
    grep -q '^   2\. Apache HTTP Server の脆弱性 (CVE-2023-27522)$' "$T/out"
ok $? "list numbers sections and stories"
run 0 "list --json" memo list --json
"$PYTHON3" - "$T/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
stories = [s for sec in d["sections"] for s in sec["stories"]]
assert d["number"] == 113 and d["open"]
assert [s["number"] for s in stories] == [1, 2, 3, 4]
assert [e["item"] for e in stories[1]["entries"]] == [4, 3]
assert stories[1]["headline_set"] and not stories[2]["headline_set"]
assert d["sections"][3]["default"]
EOF
ok $? "list --json has the stories in order"

# Moving and removing, then putting things back.
run 0 "move 2 to its own section" memo move 2 --section 2
run 0 "move 2 back into story 1" memo move 2 --story 1
run 0 "split 2 out" memo split 2
run 0 "join 2 back" memo move 2 --story 1
run 0 "remove 6" memo remove 6
run 0 "add 6 again" memo add 6
run 0 "story 4 up again" memo up 4
run 0 "export after the round trip" memo export -o "$T/issue2.md"
cmp "$T/issue2.md" "$DATA/issue-113.md" > /dev/null
ok $? "moving things back gives the same memo"

# Errors.
run 1 "remove an item not in the memo" memo remove 3000
run 1 "no story 9" memo up 9
run 1 "no section named Nope" memo add 1 --section Nope
run 2 "move needs --section or --story" memo move 1
run 2 "unknown memo command" memo frobnicate
run 2 "unknown format" memo export --format html
run 2 "bad number" memo number x
run 1 "a missing item" memo add 999

# Failed writes leave the previous file alone and close nothing.
printf 'OLD\n' > "$T/prev.md"
run 1 "export to /dev/full fails" memo export -o /dev/full
grep -q 'No space left' "$T/err"
ok $? "the error says why"
"$KIJI" memo > /dev/full 2> "$T/err"
is $? 1 "export to a full standard output fails"
run 1 "export into a missing directory fails" memo export -o "$T/nodir/x.md"
run 1 "close fails when its export does" memo close -o "$T/nodir/x.md"
run 0 "list after the failed close" memo list
grep -q '^Issue #113 (open)$' "$T/out"
ok $? "issue 113 is still open"
if [ "$(id -u)" != 0 ]; then
	mkdir "$T/ro" && cp "$T/prev.md" "$T/ro/prev.md" && chmod 555 "$T/ro"
	run 1 "export into a read-only directory fails" memo export -o "$T/ro/prev.md"
	is "$(cat "$T/ro/prev.md")" "OLD" "the previous file is intact"
	chmod 755 "$T/ro"
else
	ok 0 "# SKIP read-only directories do not stop root"
	ok 0 "# SKIP read-only directories do not stop root"
fi
is "$(ls "$T" | grep -c '\.tmp\.')" 0 "no temporary file is left behind"

# Closing archives the issue and opens the next one.
run 0 "close -o" memo close -o "$T/closed.md"
cmp "$T/closed.md" "$DATA/issue-113.md" > /dev/null
ok $? "the closing export equals issue-113.md"
run 0 "the open issue is empty" memo
is "$(head -1 "$T/out")" "# 今週の気になるセキュリティニュース - Issue #114" "issue 114 is open"
is "$(grep -c "^#" "$T/out")" 1 "and has no section"
run 0 "show 113" memo show 113
cmp "$T/out" "$DATA/issue-113.md" > /dev/null
ok $? "the archive renders the same"
run 0 "items are unstarred" items --starred
is "$(wc -l < "$T/out" | tr -d ' ')" 0 "no item is starred any more"
run 0 "issues" memo issues
grep -q '^#113 ' "$T/out" && grep -q '^#114 .*open' "$T/out"
ok $? "issues lists 113 and 114"
run 0 "remove the JVN feed" remove https://jvn.jp/rss/jvn.rdf
run 0 "show 113 after the feed is gone" memo show 113
cmp "$T/out" "$DATA/issue-113.md" > /dev/null
ok $? "the archive survives its feed"
run 1 "no issue 7" memo show 7
run 1 "113 cannot be reused" memo number 113

done_testing
