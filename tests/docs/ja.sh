#!/bin/sh
# With a Japanese locale kiji speaks Japanese: --help, errors and the memo,
# from a catalogue built here from po/ja.po (KIJI_LOCALEDIR).
. "$KIJI_SRCDIR/tests/lib.sh"

if ! command -v msgfmt >/dev/null 2>&1; then
	echo "ok 1 # SKIP msgfmt is not installed"; echo "1..1"; exit 0
fi
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	echo "ok 1 # SKIP no ja_JP.UTF-8 locale (scripts/deps-debian.sh makes it)"
	echo "1..1"; exit 0
fi
mkdir -p "$T/locale/ja/LC_MESSAGES"
msgfmt -o "$T/locale/ja/LC_MESSAGES/kiji.mo" "$KIJI_SRCDIR/po/ja.po"
ok $? "msgfmt builds the catalogue"
ja() {
	LANGUAGE= LC_ALL=ja_JP.UTF-8 KIJI_LOCALEDIR="$T/locale" "$KIJI" "$@"
}

ja --help >"$T/out" 2>&1
ok $? "kiji --help exits 0"
grep -q '^使い方: kiji ' "$T/out"
ok $? "kiji --help: the usage line is Japanese"
grep -q '^コマンド' "$T/out"
ok $? "kiji --help: the command list's heading is Japanese"
grep -q '^  add  *フィードを購読する$' "$T/out"
ok $? "kiji --help: command names stay, summaries are Japanese"
grep -q "kiji COMMAND --help" "$T/out"
ok $? "kiji --help: the command to type is untranslated"
sed 's/^/# /' "$T/out" | head -5

ja items --help >"$T/out" 2>&1
grep -q '^使い方: kiji items .*--unread' "$T/out"
ok $? "kiji items --help is Japanese, options untranslated"

ja frobnicate >"$T/out" 2>&1
is "$?" 2 "an unknown command is a usage error"
grep -q "^kiji: 不明なコマンド 'frobnicate'" "$T/out"
ok $? "the error is Japanese"

ja items --limit x >"$T/out" 2>&1
grep -q '使い方' "$T/out"
ok $? "a usage error is Japanese"

ja memo list >"$T/out" 2>&1
ok $? "kiji memo list exits 0"
grep -q '事件、事故' "$T/out" && grep -q '攻撃、脅威' "$T/out" &&
    grep -q '脆弱性' "$T/out" && grep -q 'その他' "$T/out"
ok $? "the memo's default sections are Japanese"
ja memo >"$T/out" 2>&1
grep -q '^# 今週の気になるセキュリティニュース - Issue #1' "$T/out"
ok $? "the memo's default title is Japanese"

LANGUAGE= LC_ALL=C.UTF-8 KIJI_LOCALEDIR="$T/locale" "$KIJI" --help >"$T/out"
grep -q '^Usage: kiji ' "$T/out"
ok $? "in the C locale kiji speaks English"
done_testing
