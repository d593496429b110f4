#!/bin/sh
# The manual pages: they render without a warning, and every command, option,
# directive and action of the tables (src/*.def) is documented.
. "$KIJI_SRCDIR/tests/lib.sh"

MAN1=$KIJI_BUILDDIR/doc/kiji.1
MAN5=$KIJI_BUILDDIR/doc/kiji-config.5
roff() {	# the roff spelling of a name: - is \-
	printf '%s' "$1" | sed 's/-/\\\\-/g'
}

for page in "$MAN1" "$MAN5"; do
	name=${page##*/}
	ok "$([ -s "$page" ]; echo $?)" "$name was built"
	grep -n '@[A-Za-z_]*@' "$page" >"$T/left"
	ok "$([ ! -s "$T/left" ]; echo $?)" "$name: no placeholder left"
	if command -v groff >/dev/null 2>&1; then
		groff -ww -z -man "$page" >"$T/groff" 2>&1
		ok "$([ $? = 0 ] && [ ! -s "$T/groff" ]; echo $?)" \
		    "$name: groff -ww -z -man says nothing"
		sed 's/^/# /' "$T/groff"
	else
		echo "ok $((TAP_N += 1)) # SKIP groff is not installed"
	fi
	if command -v man >/dev/null 2>&1; then
		MANWIDTH=80 man -l "$page" >"$T/out" 2>"$T/err"
		ok "$([ $? = 0 ] && [ ! -s "$T/err" ] && [ -s "$T/out" ]; echo $?)" \
		    "$name: man -l renders it"
	else
		echo "ok $((TAP_N += 1)) # SKIP man is not installed"
	fi
done

for c in $(sed -n 's/^CMD(\([a-z_]*\),.*/\1/p' "$KIJI_SRCDIR/src/commands.def" | tr _ -); do
	grep -q "^\\.B $(roff "$c")\$" "$MAN1"
	ok $? "kiji.1 lists the command $c"
done
for o in $(sed -n 's/^OPT([A-Z0-9_]*, "\([a-z0-9-]*\)".*/\1/p' "$KIJI_SRCDIR/src/options.def"); do
	grep -q "^\\.BI \"$(roff "$o") " "$MAN5"
	ok $? "kiji-config.5 describes the option $o"
done
for d in $(sed -n 's/^DIRECTIVE("\([a-z]*\)".*/\1/p' "$KIJI_SRCDIR/src/directives.def"); do
	grep -q "^\\.B $d" "$MAN5"
	ok $? "kiji-config.5 describes the directive $d"
done
if [ -f "$KIJI_SRCDIR/src/actions.def" ]; then
	for a in $(sed -n 's/^ACTION([A-Z0-9_]*, [A-Z]*, "\([a-z0-9-]*\)".*/\1/p' "$KIJI_SRCDIR/src/actions.def"); do
		grep -q "^\\.B $(roff "$a")\$" "$MAN5"
		ok $? "kiji-config.5 describes the action $a"
		grep -q "(\\\\fB$(roff "$a")\\\\fR)" "$MAN1"
		ok $? "kiji.1 lists the keys of $a"
	done
fi
# The example configuration's bindings are those the reader reports.
EXAMPLE=$KIJI_BUILDDIR/doc/kiji.conf.example
if grep -q '^CMD(tui,' "$KIJI_SRCDIR/src/commands.def"; then
	"$KIJI" tui --keys 2>"$T/err" | sed 's/[[:space:]]*#.*//' | grep '^bind ' |
	    sort >"$T/keys"
	grep '^bind ' "$EXAMPLE" | sort >"$T/example"
	ok "$([ -s "$T/keys" ] && cmp -s "$T/keys" "$T/example"; echo $?)" \
	    "kiji.conf.example binds what kiji tui --keys reports"
	diff "$T/example" "$T/keys" | sed 's/^/# /'
	"$KIJI" -c "$EXAMPLE" tui --keys >/dev/null 2>"$T/err"
	ok "$([ $? = 0 ] && [ ! -s "$T/err" ]; echo $?)" \
	    "kiji -c kiji.conf.example reads it without an error"
	sed 's/^/# /' "$T/err"
fi

for s in NAME SYNOPSIS DESCRIPTION OPTIONS COMMANDS KEYS FILES ENVIRONMENT \
    EXAMPLES; do
	grep -q "^\\.SH $s" "$MAN1"
	ok $? "kiji.1 has a $s section"
done
done_testing
