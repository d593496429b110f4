#!/bin/sh
# conformance-newsboat: every case of shared/conformance/newsboat/expected.json must
# pass through `kiji parse --json`.
. "$KIJI_SRCDIR/tests/lib.sh"

SUITE=newsboat
. "$KIJI_SRCDIR/tests/parse/fixture-suite.sh"
