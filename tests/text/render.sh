#!/bin/sh
# kiji render: golden layouts at 20, 40 and 80 columns, and independent
# checks (width, kinsoku, nothing lost, no control character) at every width
# from 4 to 120.
. "$KIJI_SRCDIR/tests/lib.sh"

D="$KIJI_SRCDIR/tests/data/text"
CHECK="$KIJI_SRCDIR/tests/text/check-lines.py"
BASE=https://www.example.jp/news/2024/

# golden NAME WIDTH OUTPUT-FILE: compare and show the difference.
golden() {
	if cmp -s "$3" "$D/$1.w$2.txt"; then
		ok 0 "$1 at $2 columns matches the golden layout"
	else
		ok 1 "$1 at $2 columns matches the golden layout"
		diff -u "$D/$1.w$2.txt" "$3" | head -40 | sed 's/^/# /'
	fi
}

for f in ja en mixed; do
	for w in 20 40 80; do
		"$KIJI" render --width "$w" --base "$BASE" "$D/$f.html" \
		    >"$T/out" 2>"$T/err"
		ok $? "$f at $w columns: render succeeds"
		golden "$f" "$w" "$T/out"
		is "$(cat "$T/err")" "" "$f at $w columns: nothing on stderr"
	done
done

"$KIJI" render --text -w 30 "$D/plain.txt" >"$T/out"
ok $? "plain text: render --text succeeds"
golden plain 30 "$T/out"
"$KIJI" render --text -w 30 - <"$D/plain.txt" >"$T/out2"
cmp -s "$T/out" "$T/out2"
ok $? "plain text: standard input reads the same"

if [ -z "$PYTHON3" ]; then
	echo "ok $((TAP_N + 1)) # SKIP python3 not found"
	TAP_N=$((TAP_N + 1))
else
	for f in ja.html en.html mixed.html hostile.html; do
		"$PYTHON3" "$CHECK" --sweep 4 120 "$KIJI" --base "$BASE" \
		    "$D/$f" >"$T/problems" 2>&1
		ok $? "$f: every width 4-120 clean (width, kinsoku, text, controls)"
		head -20 "$T/problems" | sed 's/^/# /'
	done
	"$PYTHON3" "$CHECK" --sweep 4 120 "$KIJI" --text "$D/plain.txt" \
	    >"$T/problems" 2>&1
	ok $? "plain.txt: every width 4-120 clean"
	head -20 "$T/problems" | sed 's/^/# /'
	"$KIJI" render -w 1000 --ambiguous 2 "$D/ja.html" >"$T/wide"
	"$KIJI" render -w 40 --ambiguous 2 "$D/ja.html" >"$T/out"
	CHECK_AMBIGUOUS=2 "$PYTHON3" "$CHECK" 40 "$T/out" "$T/wide" \
	    >"$T/problems"
	ok $? "ja.html with ambiguous width 2: clean at 40 columns"
	head -20 "$T/problems" | sed 's/^/# /'
	CHECK_AMBIGUOUS=2 "$PYTHON3" "$CHECK" 40 "$D/ja.w40.txt" "$T/wide" \
	    >"$T/problems"
	is $? 1 "the checker sees ambiguous-width lines overflow at 2 columns"
fi

# Hostile input: nothing but text reaches the terminal.
"$KIJI" render -w 60 "$D/hostile.html" >"$T/out"
ok $? "hostile: render succeeds"
LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$T/out"
is $? 1 "hostile: no C0 control or DEL in the output"
LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$T/out"
is $? 1 "hostile: no C1 control in the output"
LC_ALL=C grep -q "$(printf '\342\200[\252-\256]')" "$T/out"
is $? 1 "hostile: no bidi override in the output"
grep -q 'Title with escapes red\.' "$T/out"
ok $? "hostile: the text around escape sequences is kept"
grep -q '壊れた文字あ' "$T/out"
ok $? "hostile: text after deep nesting is kept"
grep -q 'javascript:alert(1) (will not be opened)' "$T/out"
ok $? "hostile: javascript: link listed as not openable"

# Errors.
"$KIJI" render "$T/missing.html" >"$T/out" 2>"$T/err"
is $? 1 "missing file: exit status 1"
ok "$(test -s "$T/err"; echo $?)" "missing file: an error message"
"$KIJI" render --width 0 "$D/ja.html" >/dev/null 2>&1
is $? 2 "width 0: usage error"
"$KIJI" render --ambiguous 3 "$D/ja.html" >/dev/null 2>&1
is $? 2 "ambiguous 3: usage error"
"$KIJI" render >/dev/null 2>&1
is $? 2 "no file: usage error"
"$KIJI" render --help >"$T/out"
is $? 0 "--help succeeds"

done_testing
