#!/bin/sh
# `kiji star` and `kiji unstar` are memo operations: a star becomes a story in
# the open issue's default section, an unstar takes it out again, and an
# unknown id changes nothing.
. "$KIJI_SRCDIR/tests/lib.sh"

SEED=$KIJI_BUILDDIR/tests/unit/memo-seed
DB=$XDG_DATA_HOME/kiji/kiji.db
mkdir -p "$XDG_DATA_HOME/kiji"
"$SEED" "$DB" < "$KIJI_SRCDIR/tests/data/memo/seed.tsv"
ok $? "seed the database"

"$KIJI" star 1 2
ok $? "star two items"
"$KIJI" memo list --json > "$T/list.json"
stories=$("$PYTHON3" -c 'import json,sys
d=json.load(open(sys.argv[1]))
print(sum(len(s["stories"]) for s in d["sections"]), [s["name"] for s in d["sections"] if s["stories"]])' "$T/list.json")
is "$stories" "2 ['Other']" "both are stories in the default section"

"$KIJI" unstar 2
ok $? "unstar one"
"$KIJI" items --starred --json > "$T/starred.json"
ids=$("$PYTHON3" -c 'import json,sys; print([i["id"] for i in json.load(open(sys.argv[1]))])' "$T/starred.json")
is "$ids" "[1]" "only the first stays starred"
n=$("$KIJI" memo list --json | "$PYTHON3" -c 'import json,sys
d=json.load(sys.stdin); print(sum(len(s["stories"]) for s in d["sections"]))')
is "$n" "1" "the unstarred item left the memo"

"$KIJI" star 3 999 2> "$T/err"
is "$?" "1" "an unknown id fails"
grep -q 999 "$T/err"
ok $? "and names the id"
n=$("$KIJI" memo list --json | "$PYTHON3" -c 'import json,sys
d=json.load(sys.stdin); print(sum(len(s["stories"]) for s in d["sections"]))')
is "$n" "1" "nothing was starred by the failed command"
done_testing
