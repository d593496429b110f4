#!/bin/sh
# conformance-ja: every case of shared/conformance/ja/expected.json must
# pass through `kiji parse --json`.
. "$KIJI_SRCDIR/tests/lib.sh"

SUITE=ja
. "$KIJI_SRCDIR/tests/parse/fixture-suite.sh"
