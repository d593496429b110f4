#!/bin/sh
# The reader in Japanese: with LC_ALL=ja_JP.UTF-8 and the catalogue built
# from po/ja.po, the panes' titles, the status line, the help and the memo
# screen speak Japanese; key names and action names stay as they are.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/e2e/lib.sh"
e2e_require
if ! command -v msgfmt >/dev/null 2>&1; then
	echo "1..0 # SKIP msgfmt is not installed"; exit 0
fi
if ! locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
	echo "1..0 # SKIP no ja_JP.UTF-8 locale (scripts/deps-debian.sh makes it)"
	exit 0
fi
mkdir -p "$T/locale/ja/LC_MESSAGES"
msgfmt -o "$T/locale/ja/LC_MESSAGES/kiji.mo" "$KIJI_SRCDIR/po/ja.po"

e2e_feeds "[脆弱性]" "file://@FEEDS@/jvn.xml JVN"
e2e_refresh
start_ja() {
	e2e_tmux start-server \; set -g default-terminal screen-256color \; \
	    set -g exit-empty off \; new-session -d -s kiji -x 100 -y 30 \
	    "env -i HOME='$HOME' PATH='$PATH' TERM=screen-256color LANG=ja_JP.UTF-8 \
LC_ALL=ja_JP.UTF-8 LANGUAGE= TZ=UTC KIJI_LOCALEDIR='$T/locale' \
XDG_CONFIG_HOME='$HOME/.config' XDG_DATA_HOME='$HOME/.local/share' \
'$KIJI' -c '$E2E_CONFIG' -d '$E2E_DATA'; echo \"[kiji exited \$?]\"; sleep 600"
	e2e_tmux set -g remain-on-exit on >/dev/null 2>&1
}
start_ja

e2e_wait "? ヘルプ  q 終了" 15
ok $? "the status line is Japanese"
e2e_screen | grep -q "フィード"
ok $? "the sources pane's title is Japanese"
e2e_screen | grep -q "すべての未読"
ok $? "All unread is すべての未読"
e2e_screen | grep -q "脆弱性"
ok $? "the section of the feeds file shows"

e2e_keys "?"
e2e_wait "キー割り当て（q か ? で閉じる" 10
ok $? "? shows the help in Japanese"
e2e_screen | grep -q "一行下へ移動する"
ok $? "the actions' descriptions are Japanese"
e2e_screen | grep -q "down"
ok $? "the actions' names stay in English"
e2e_keys q
e2e_gone "キー割り当て（q か ? で閉じる"
ok $? "q closes the help"

e2e_keys M
e2e_wait "メモ: 第 1 号" 10
ok $? "the memo screen's title is Japanese"
e2e_screen | grep -q "今週の気になるセキュリティニュース - Issue #1" ||
    e2e_screen | grep -q "事件、事故"
ok $? "the memo's default title and sections are Japanese"
e2e_keys q
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits with status 0"

# A first start: the welcome says, in Japanese, how to subscribe.
e2e_tmux kill-server 2>/dev/null
: >"$E2E_FEEDS"
rm -rf "$E2E_DATA" && mkdir -p "$E2E_DATA"
start_ja
e2e_wait "kiji へようこそ" 15
ok $? "the welcome screen is Japanese"
e2e_screen | grep -q "kiji add URL  *フィードを一つ"
ok $? "the commands to type stay as they are"
e2e_keys q
is "$(e2e_exited)" "[kiji exited 0]" "q quits the welcome screen"
done_testing
