#!/bin/sh
# conformance-feedparser: feedparser's own test feeds through `kiji parse
# --json`; at least 90% of the checkable cases must pass.
. "$KIJI_SRCDIR/tests/lib.sh"

SHARED=${KIJI_SHARED:-$KIJI_SRCDIR/../shared}
SUITE=$SHARED/conformance/feedparser_suite.py
if [ ! -f "$SUITE" ] || [ ! -d "$SHARED/conformance/feedparser" ]; then
	echo "ok 1 # SKIP no conformance suite at $SHARED/conformance"
	echo "1..1"
	exit 0
fi
: "${PYTHON3:=python3}"

"$PYTHON3" "$SUITE" "$SHARED/conformance/feedparser" \
	"$KIJI parse --json --url={url} --url={content_location} --content-type={content_type} {file}" \
	-j 2 --exit-zero >"$T/out" 2>"$T/err"
ok $? "the suite runs"
sed 's/^/  /' "$T/out" | while IFS= read -r line; do diag "$line"; done
last=$(tail -n 1 "$T/out")
passed=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
failed=$(echo "$last" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
if [ -z "$passed" ] || [ -z "$failed" ]; then
	ok 1 "suite printed a score"
	done_testing
	exit
fi
total=$((passed + failed))
diag "score: $passed/$total checkable cases pass ($((passed * 1000 / total / 10)).$((passed * 1000 / total % 10))%)"
[ "$total" -gt 0 ] && [ $((passed * 100)) -ge $((total * 90)) ]
ok $? "at least 90% of the checkable feedparser cases pass"
done_testing
