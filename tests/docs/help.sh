#!/bin/sh
# kiji --help and kiji COMMAND --help: each exits 0 with a Usage line, and
# every long option it prints is documented in kiji(1).
. "$KIJI_SRCDIR/tests/lib.sh"

MAN=$KIJI_BUILDDIR/doc/kiji.1
COMMANDS=$(sed -n 's/^CMD(\([a-z_]*\),.*/\1/p' "$KIJI_SRCDIR/src/commands.def" | tr _ -)

check_options() {	# check_options WHAT HELP-TEXT
	for o in $(printf '%s\n' "$2" | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -- "$(printf '%s' "$o" | sed 's/-/\\\\-/g')" "$MAN"
		ok $? "$1: $o is in kiji.1"
	done
}

out=$("$KIJI" --help)
ok $? "kiji --help exits 0"
printf '%s\n' "$out" | grep -q '^Usage: kiji'
ok $? "kiji --help prints a Usage line"
for c in $COMMANDS; do
	printf '%s\n' "$out" | grep -q "^  $c "
	ok $? "kiji --help lists $c"
done
check_options "kiji --help" "$out"

for c in $COMMANDS; do
	out=$("$KIJI" "$c" --help 2>&1)
	ok $? "kiji $c --help exits 0"
	printf '%s\n' "$out" | grep -q "^Usage: kiji"
	ok $? "kiji $c --help prints a Usage line"
	check_options "kiji $c --help" "$out"
	grep -q "^\\.B kiji $(printf '%s' "$c" | sed 's/-/\\\\-/g')" "$KIJI_SRCDIR/doc/kiji.1.in"
	ok $? "kiji.1 describes kiji $c"
done

"$KIJI" no-such-command >/dev/null 2>"$T/err"
is "$?" 2 "an unknown command is a usage error"
grep -q "kiji --help" "$T/err"
ok $? "and says where to look"
done_testing
