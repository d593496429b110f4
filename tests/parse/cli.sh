. "$KIJI_SRCDIR/tests/lib.sh"; ok 0 placeholder; done_testing
