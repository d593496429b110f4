#!/bin/sh
# The Japanese translation is complete: the template made afresh from the
# sources, merged into a copy of po/ja.po, leaves no message untranslated or
# fuzzy; format directives agree; every source with _() is in POTFILES.in.
. "$KIJI_SRCDIR/tests/lib.sh"

for tool in xgettext msgmerge msgfmt msgattrib; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "ok 1 # SKIP $tool is not installed (gettext)"
		echo "1..1"
		exit 0
	fi
done

cd "$KIJI_SRCDIR" || exit 1
grep -v '^[[:space:]]*\(#\|$\)' po/POTFILES.in >"$T/potfiles"
for f in $(grep -l '_("' src/*.c src/*.h src/*.def); do
	grep -qx "$f" "$T/potfiles"
	ok $? "$f (it has _(\"...\")) is listed in po/POTFILES.in"
done
while read -r f; do
	ok "$([ -f "$f" ]; echo $?)" "POTFILES.in: $f exists"
done <"$T/potfiles"

xgettext --language=C --keyword=_ --keyword=N_ --from-code=UTF-8 \
    --add-comments=TRANSLATORS: --package-name=kiji \
    -o "$T/kiji.pot" -f "$T/potfiles" 2>"$T/err"
ok $? "xgettext makes the template"
n=$(grep -c '^msgid ' "$T/kiji.pot")
ok "$([ "$n" -gt 100 ]; echo $?)" "the template has many messages ($n)"

msgmerge --quiet --no-fuzzy-matching -o "$T/ja.po" po/ja.po "$T/kiji.pot" 2>>"$T/err"
ok $? "msgmerge po/ja.po kiji.pot"
msgattrib --untranslated --no-obsolete "$T/ja.po" | grep '^msgid ' |
    grep -v '^msgid ""$' >"$T/untranslated"
ok "$([ ! -s "$T/untranslated" ]; echo $?)" "no untranslated message"
sed 's/^/# untranslated: /' "$T/untranslated"
msgmerge --quiet -o "$T/ja-fuzzy.po" po/ja.po "$T/kiji.pot" 2>>"$T/err"
msgattrib --only-fuzzy --no-obsolete "$T/ja-fuzzy.po" | grep '^msgid ' >"$T/fuzzy"
ok "$([ ! -s "$T/fuzzy" ]; echo $?)" "no fuzzy message"
sed 's/^/# fuzzy: /' "$T/fuzzy"
msgfmt --check --statistics -o "$T/ja.mo" "$T/ja.po" 2>"$T/stats"
ok $? "msgfmt --check accepts it (format directives agree)"
grep -q 'untranslated\|fuzzy' "$T/stats"
ok "$([ $? != 0 ]; echo $?)" "msgfmt counts only translated messages"
sed 's/^/# /' "$T/stats"

# The section names and the memo's title: the words the curator publishes.
for pair in "Incidents=事件、事故" "Attacks and threats=攻撃、脅威" \
    "Vulnerabilities=脆弱性" "Other=その他" \
    "Security news of the week - Issue #%n=今週の気になるセキュリティニュース - Issue #%n"; do
	id=${pair%%=*}
	want=${pair#*=}
	got=$(msgattrib --no-wrap "$T/ja.po" | grep -A1 -x "msgid \"$id\"" | sed -n 's/^msgstr "\(.*\)"$/\1/p')
	is "$got" "$want" "\"$id\" is \"$want\""
done
done_testing
