#!/bin/sh
# Shell completion: every command of src/commands.def and every long option
# `kiji COMMAND --help` prints is in both completion files; the bash one
# completes commands, options and subscribed feed URLs.
. "$KIJI_SRCDIR/tests/lib.sh"

BASH_FILE=$KIJI_SRCDIR/doc/completion/kiji.bash
ZSH_FILE=$KIJI_SRCDIR/doc/completion/_kiji
COMMANDS=$(sed -n 's/^CMD(\([a-z_]*\),.*/\1/p' "$KIJI_SRCDIR/src/commands.def" | tr _ -)

ok "$([ -n "$COMMANDS" ]; echo $?)" "commands.def lists commands"
for c in $COMMANDS; do
	grep -qw -- "$c" "$BASH_FILE"
	ok $? "bash completion knows the command $c"
	grep -q -- "'$c:" "$ZSH_FILE"
	ok $? "zsh completion knows the command $c"
	for o in $("$KIJI" "$c" --help 2>/dev/null | grep -o -- '--[a-z][a-z-]*' | sort -u); do
		grep -q -- "$o\\b" "$BASH_FILE"
		ok $? "bash completion offers $c $o"
		grep -q -- "$o\\(\\[\\|}\\)" "$ZSH_FILE"
		ok $? "zsh completion offers $c $o"
	done
done

bash -n "$BASH_FILE"
ok $? "kiji.bash is valid bash"
if command -v zsh >/dev/null 2>&1; then
	zsh -n "$ZSH_FILE"
	ok $? "_kiji is valid zsh"
else
	echo "ok $((TAP_N += 1)) # SKIP zsh is not installed"
fi

# Run the bash completion as bash would on a command line.
mkdir -p "$XDG_CONFIG_HOME/kiji"
cat >"$XDG_CONFIG_HOME/kiji/feeds" <<'FEEDS'
# my feeds
[脆弱性]
https://jvn.jp/rss/jvn.rdf  JVN
[注意喚起]
https://www.jpcert.or.jp/rss/jpcert.rdf
FEEDS
complete_line() {
	bash -c '. "$1"; COMP_LINE=$2; COMP_POINT=${#2}
		read -ra COMP_WORDS <<<"$2"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
		_kiji; printf "%s\n" "${COMPREPLY[@]}"' sh "$BASH_FILE" "$1" |
	    sort | tr '\n' ' '
}
is "$(complete_line 'kiji un')" "unread unstar " "bash: kiji un<TAB>"
is "$(complete_line 'kiji remove ')" \
    "https://jvn.jp/rss/jvn.rdf https://www.jpcert.or.jp/rss/jpcert.rdf " \
    "bash: kiji remove <TAB> offers the subscribed URLs"
is "$(complete_line 'kiji -d /tmp items --feed https://j')" "//jvn.jp/rss/jvn.rdf " \
    "bash: --feed URL completes after the colon, as bash splits words"
is "$(complete_line 'kiji items --st')" "--starred " "bash: kiji items --st<TAB>"
is "$(complete_line 'kiji items --section ')" "注意喚起 脆弱性 " \
    "bash: --section offers the feeds file's sections"
is "$(complete_line 'kiji --v')" "--version " "bash: global options"
is "$(complete_line 'kiji memo cl')" "close " "bash: memo subcommands"
is "$(complete_line 'kiji memo export --format ')" "md txt " "bash: --format values"
done_testing
