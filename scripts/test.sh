#!/bin/sh
# Install the dependencies, build kiji and run the whole test suite.
# Ends with a line "N passed, N failed".
set -e
cd "$(dirname "$0")/.."
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
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
