#!/bin/sh
# Install the dependencies, build kiji and run the whole test suite.
# With --sanitizers (always when CI=true) the suite runs a second time in an
# AddressSanitizer + UBSan build in _asan/ (scripts/sanitizers.sh).
# Ends with a line "N passed, N failed".
set -e
cd "$(dirname "$0")/.."
sanitizers=no
if [ "${1:-}" = --sanitizers ] || [ "${CI:-}" = true ]; then
	sanitizers=yes
fi
sh scripts/build.sh
jobs=$(nproc 2>/dev/null || echo 2)
status=0
make -s -j"$jobs" check >/dev/null 2>&1 || status=$?
# Show what failed, then the counts.
if [ -f test-suite.log ]; then
	grep -E '^(FAIL|ERROR|XPASS)' test-suite.log | head -50 || true
	[ "$status" = 0 ] || sed -n '1,200p' test-suite.log
fi
pass=0; fail=0
for f in $(find tests -name '*.trs'); do
	p=$(grep -c '^:test-result: \(PASS\|XFAIL\|SKIP\)' "$f" || true)
	x=$(grep -c '^:test-result: \(FAIL\|XPASS\|ERROR\)' "$f" || true)
	pass=$((pass + p)); fail=$((fail + x))
done
if [ "$status" != 0 ] && [ "$fail" = 0 ]; then
	fail=1
fi
if [ "$sanitizers" = yes ]; then
	sh scripts/sanitizers.sh >_asan.log 2>&1 || true
	grep -E '^(FAIL|ERROR)' _asan.log | head -50 || true
	counts=$(sed -n 's/^asan: \([0-9]*\) passed, \([0-9]*\) failed$/\1 \2/p' _asan.log)
	if [ -z "$counts" ]; then
		tail -50 _asan.log
		counts="0 1"
	fi
	set -- $counts
	[ "$2" = 0 ] || sed -n '1,300p' _asan.log
	pass=$((pass + $1)); fail=$((fail + $2))
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
