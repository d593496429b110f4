# bash completion for kiji(1).  Installed into bash-completion's directory;
# it also works on its own: `. kiji.bash`.  tests/docs/completion.sh checks
# that every command of src/commands.def and every long option of
# `kiji COMMAND --help` is here.

# The subscription list: -c's directory, else $XDG_CONFIG_HOME/kiji.
_kiji_feeds_file()
{
	local i config=
	for ((i = 1; i < ${#_kiji_words[@]} - 1; i++)); do
		case ${_kiji_words[i]} in
		-c|--config) config=${_kiji_words[i + 1]} ;;
		--config=*) config=${_kiji_words[i]#--config=} ;;
		esac
	done
	if [[ -n $config ]]; then
		config=${config/#\~/$HOME}
		if [[ $config == */* ]]; then
			printf '%s/feeds\n' "${config%/*}"
		else
			printf './feeds\n'
		fi
	else
		printf '%s/kiji/feeds\n' "${XDG_CONFIG_HOME:-$HOME/.config}"
	fi
}

# The subscribed URLs: the first word of each line that is not a comment
# or a [section].
_kiji_feed_urls()
{
	local file line
	file=$(_kiji_feeds_file)
	[[ -r $file ]] || return 0
	while read -r line _; do
		case $line in
		''|'#'*|'['*) ;;
		*) printf '%s\n' "$line" ;;
		esac
	done <"$file"
}

# Complete $2 from the words $1 (one a line).  bash splits words at colons,
# so what precedes the last colon is taken off the candidates (as
# bash-completion's __ltrim_colon_completions does).
# The sections of the subscription list: its [Name] lines.
_kiji_sections()
{
	local file line
	file=$(_kiji_feeds_file)
	[[ -r $file ]] || return 0
	while IFS= read -r line; do
		case $line in
		'['*']'*) line=${line#\[}; printf '%s\n' "${line%%]*}" ;;
		esac
	done <"$file"
}

_kiji_compreply_words()
{
	local IFS=$'\n' i prefix
	COMPREPLY=($(compgen -W "$1" -- "$2"))
	if [[ $2 == *:* && $COMP_WORDBREAKS == *:* ]]; then
		prefix=${2%"${2##*:}"}
		for i in "${!COMPREPLY[@]}"; do
			COMPREPLY[i]=${COMPREPLY[i]#"$prefix"}
		done
	fi
}

_kiji()
{
	local cur prev cmd i sub cword line
	local commands="version parse add remove feeds items read unread star
		unstar show render memo refresh import export-opml import-newsboat tui"
	local -a _kiji_words
	# Our own words, split at white space only (URLs hold colons).
	line=${COMP_LINE:0:COMP_POINT}
	read -ra _kiji_words <<<"$line"
	if [[ -z $line || $line == *[[:space:]] ]]; then
		_kiji_words+=("")
	fi
	cword=$((${#_kiji_words[@]} - 1))
	cur=${_kiji_words[cword]}
	prev=
	((cword > 0)) && prev=${_kiji_words[cword - 1]}
	COMPREPLY=()

	# The command is the first word that is neither an option nor an
	# option's value.
	cmd=
	for ((i = 1; i < cword; i++)); do
		case ${_kiji_words[i]} in
		-c|--config|-d|--data) ((i++)) ;;
		-*) ;;
		*) cmd=${_kiji_words[i]}; break ;;
		esac
	done

	if [[ -z $cmd ]]; then
		case $prev in
		-c|--config)
			COMPREPLY=($(compgen -f -- "$cur")); return ;;
		-d|--data)
			COMPREPLY=($(compgen -d -- "$cur")); return ;;
		esac
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "-c --config -d --data -h --help -V --version" -- "$cur"))
		else
			COMPREPLY=($(compgen -W "$commands" -- "$cur"))
		fi
		return
	fi

	case $prev in
	--feed)
		_kiji_compreply_words "$(_kiji_feed_urls)" "$cur"; return ;;
	--section)
		[[ $cmd == items ]] &&
		    _kiji_compreply_words "$(_kiji_sections)" "$cur"
		return ;;
	-o|--urls|--cache|--base)
		COMPREPLY=($(compgen -f -- "$cur")); return ;;
	--format)
		COMPREPLY=($(compgen -W "md txt" -- "$cur")); return ;;
	-a|--ambiguous)
		COMPREPLY=($(compgen -W "1 2" -- "$cur")); return ;;
	--title|--search|--limit|--offset|--width|-w|--charset|\
	--content-type|--url|--story|--headline|--quote)
		return ;;
	esac

	case $cmd in
	version|read|unread|star|unstar)
		[[ $cur == -* ]] && COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
	parse)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--url --charset --content-type --json --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	add)
		COMPREPLY=($(compgen -W "--section --title --help" -- "$cur")) ;;
	remove)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--help" -- "$cur"))
		else
			_kiji_compreply_words "$(_kiji_feed_urls)" "$cur"
		fi ;;
	feeds)
		COMPREPLY=($(compgen -W "--json --help" -- "$cur")) ;;
	items)
		COMPREPLY=($(compgen -W "--unread --starred --feed --section --search --limit --offset --json --help" -- "$cur")) ;;
	show)
		COMPREPLY=($(compgen -W "--width --ambiguous --color --help" -- "$cur")) ;;
	render)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--width --base --text --ambiguous --color --help" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	memo)
		sub=
		for ((i = i + 1; i < cword; i++)); do
			case ${_kiji_words[i]} in
			-*) ;;
			*) sub=${_kiji_words[i]}; break ;;
			esac
		done
		if [[ -z $sub ]]; then
			if [[ $cur == -* ]]; then
				COMPREPLY=($(compgen -W "--help" -- "$cur"))
			else
				COMPREPLY=($(compgen -W "list add remove move split up down headline quote related number export close issues show" -- "$cur"))
			fi
			return
		fi
		case $sub in
		list) COMPREPLY=($(compgen -W "--json" -- "$cur")) ;;
		add) COMPREPLY=($(compgen -W "--section --story --headline --quote --auto" -- "$cur")) ;;
		move) COMPREPLY=($(compgen -W "--section --story" -- "$cur")) ;;
		export|close|show) COMPREPLY=($(compgen -W "-o --format" -- "$cur")) ;;
		esac ;;
	refresh)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--quiet --help" -- "$cur"))
		else
			_kiji_compreply_words "$(_kiji_feed_urls)" "$cur"
		fi ;;
	import)
		if [[ $cur == -* ]]; then
			COMPREPLY=($(compgen -W "--help" -- "$cur"))
		else
			COMPREPLY=($(compgen -f -- "$cur"))
		fi ;;
	export-opml)
		COMPREPLY=($(compgen -W "-o --help" -- "$cur")) ;;
	import-newsboat)
		COMPREPLY=($(compgen -W "--urls --cache --all --no-star --help" -- "$cur")) ;;
	tui)
		COMPREPLY=($(compgen -W "--keys --help" -- "$cur")) ;;
	esac
}

complete -F _kiji kiji
