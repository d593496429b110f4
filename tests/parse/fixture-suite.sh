# fixture-suite.sh: sourced by conformance-<suite>.sh after tests/lib.sh with
# SUITE set; every case of shared/conformance/$SUITE/expected.json must pass
# through `kiji parse --json`.

SHARED=${KIJI_SHARED:-$KIJI_SRCDIR/../shared}
CHECK=$SHARED/conformance/fixture_check.py
EXPECTED=$SHARED/conformance/$SUITE/expected.json
if [ ! -f "$CHECK" ] || [ ! -f "$EXPECTED" ]; then
	echo "ok 1 # SKIP no conformance suite at $SHARED/conformance"
	echo "1..1"
	exit 0
fi
: "${PYTHON3:=python3}"

"$PYTHON3" "$CHECK" "$EXPECTED" "$KIJI parse --json {file}" -v >"$T/out" 2>&1
status=$?
cases=0
while IFS= read -r line; do
	case $line in
	"ok   "*)
		cases=$((cases + 1))
		ok 0 "${line#ok   }" ;;
	"FAIL "*)
		cases=$((cases + 1))
		ok 1 "${line#FAIL }" ;;
	*)
		diag "$line" ;;
	esac
done <"$T/out"
[ "$cases" -gt 0 ]
ok $? "the checker ran some cases"
ok $status "fixture_check.py reports no failure"
done_testing
