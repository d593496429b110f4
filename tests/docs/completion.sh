#!/bin/sh
. "$KIJI_SRCDIR/tests/lib.sh"
done_testing
