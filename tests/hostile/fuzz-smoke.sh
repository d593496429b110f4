#!/bin/sh
# fuzz-smoke: build every libFuzzer harness with clang in a private build
# directory and fuzz each one for a few seconds from its seed corpus.
# Skips (with the reason) where clang or libFuzzer is missing, except in CI.
. "$KIJI_SRCDIR/tests/lib.sh"
: "${FUZZ_SMOKE_TIME:=4}"
FUZZ_CC=${FUZZ_CC:-clang}
B=$KIJI_BUILDDIR/_fuzz-smoke

skip_all() {
	if [ "${CI:-}" = true ]; then
		ok 1 "fuzzing toolchain available in CI: $1"
	else
		echo "1..0 # SKIP $1"
		exit 0
	fi
	done_testing
	exit
}

if [ "${KIJI_FUZZ_SMOKE:-}" = done ]; then
	# scripts/sanitizers.sh: the main suite ran the same ASan-built harnesses.
	echo "1..0 # SKIP the fuzz smoke run already ran in the main suite"
	exit 0
fi
command -v "$FUZZ_CC" >/dev/null 2>&1 || skip_all "no $FUZZ_CC (apt-get install clang libclang-rt-14-dev)"
printf 'int LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n);\nint LLVMFuzzerTestOneInput(const unsigned char *d, unsigned long n) { return 0; }\n' >"$T/probe.c"
"$FUZZ_CC" -fsanitize=fuzzer,address,undefined "$T/probe.c" -o "$T/probe" >"$T/probe.log" 2>&1 ||
	skip_all "$FUZZ_CC cannot link libFuzzer (apt-get install libclang-rt-14-dev)"

if [ ! -f "$KIJI_BUILDDIR/fuzz/vars.mk" ]; then
	(cd "$KIJI_BUILDDIR" && make -s fuzz/vars.mk) >/dev/null 2>&1
fi
harnesses=$(sed -n 's/^HARNESSES = //p' "$KIJI_BUILDDIR/fuzz/vars.mk")
mkdir -p "$B"
(unset MAKEFLAGS MFLAGS MAKELEVEL
 make -s -j2 -f "$KIJI_SRCDIR/fuzz/fuzz.mk" -C "$B" FUZZ_CC="$FUZZ_CC" \
	VARS="$KIJI_BUILDDIR/fuzz/vars.mk") >"$T/build.log" 2>&1
st=$?
ok $st "the harnesses build with $FUZZ_CC and libFuzzer"
[ $st = 0 ] || sed 's/^/# /' "$T/build.log" | tail -30

for h in $harnesses; do
	seeds=$KIJI_SRCDIR/fuzz/corpus/$h
	[ -d "$seeds" ]
	ok $? "$h has a seed corpus"
	mkdir -p "$T/corpus/$h" "$T/art/$h"
	"$B/$h" -max_total_time="$FUZZ_SMOKE_TIME" -rss_limit_mb=2048 \
	    -timeout=10 -artifact_prefix="$T/art/$h/" \
	    "$T/corpus/$h" "$seeds" >"$T/$h.log" 2>&1
	st=$?
	ok $st "$h runs ${FUZZ_SMOKE_TIME}s without a finding"
	if [ $st != 0 ]; then
		grep -E 'ERROR|fuzz:|SUMMARY|#[0-9]+ 0x' "$T/$h.log" | head -20 | sed 's/^/# /'
		for a in "$T/art/$h"/*; do
			[ -f "$a" ] && cp "$a" "$KIJI_BUILDDIR/" &&
				diag "kept $(basename "$a") in $KIJI_BUILDDIR"
		done
	fi
	runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$T/$h.log")
	[ "${runs:-0}" -gt 0 ]
	ok $? "$h executed inputs (${runs:-0} runs)"
done
done_testing
