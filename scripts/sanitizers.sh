#!/bin/sh
# Build kiji with AddressSanitizer and UndefinedBehaviorSanitizer in _asan/
# (from a `make distdir` copy, so it works beside an in-tree build) and run
# the whole test suite there.  Run from the top of a configured tree.
# Ends with a line "asan: N passed, N failed".
set -e
cd "$(dirname "$0")/.."
top=$(pwd)
jobs=${KIJI_JOBS:-$(nproc 2>/dev/null || echo 2)}
rm -rf _asan
mkdir -p _asan
make -s distdir distdir=_asan/src >/dev/null
# The conformance suites sit beside the source tree, not in it.
if [ -z "${KIJI_SHARED:-}" ] && [ -d "$top/../shared" ]; then
	KIJI_SHARED=$top/../shared
	export KIJI_SHARED
fi
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:detect_stack_use_after_return=1${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
# The fuzz harnesses are ASan builds already; the main suite ran them.
if [ "${KIJI_FUZZ_AGAIN:-}" != yes ]; then
	KIJI_FUZZ_SMOKE=done
	export KIJI_FUZZ_SMOKE
fi
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}"
cd _asan
mkdir build
cd build
../src/configure -q --enable-sanitizers --enable-werror >/dev/null
make -s -j"$jobs" >/dev/null 2>&1 || make -j1
status=0
make -s -j"$jobs" check >/dev/null 2>&1 || status=$?
if [ "$status" != 0 ] && [ -f test-suite.log ]; then
	sed -n '1,300p' test-suite.log
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
echo "asan: $pass passed, $fail failed"
[ "$fail" = 0 ]
