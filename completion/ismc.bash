# bash completion for ismc(1)                          -*- shell-script -*-
#
# Options are read from `ismc COMMAND --help`, so the completion knows
# exactly the options the installed ismc has; framework names come from
# the catalogs on `ismc check --print-search-path`.

# The options of one command, from its help, one a line ("--output=").
_ismc_options()
{
	"${_ismc_cmd:-ismc}" "$1" --help 2>/dev/null |
	    sed -n 's/^  \(-[^ ].*\)$/\1/p' |
	    sed 's/  .*//; s/, /\n/g' |
	    sed 's/^\(--[a-z-]*\)\[=.*/\1/; s/^\(-[-a-zA-Z]*=\).*/\1/;
		s/^\(-[A-Za-z]\) .*/\1/; s/^\(-M[A-Z]\) .*/\1/'
}

# Catalog ids: the *.yaml and *.json files in the search path.
_ismc_frameworks()
{
	local d f
	"${_ismc_cmd:-ismc}" check --print-search-path 2>/dev/null |
	while IFS= read -r d; do
		for f in "$d"/*.yaml "$d"/*.json; do
			[ -f "$f" ] || continue
			f=${f##*/}
			printf '%s\n' "${f%.*}"
		done
	done | sort -u
}

_ismc_reply()	# WORD CANDIDATES...: COMPREPLY from those matching WORD
{
	local cur=$1 c
	shift
	for c in "$@"; do
		[[ $c == "$cur"* ]] && COMPREPLY+=("$c")
	done
}

_ismc_warnings()	# the warning names, from the installed ismc
{
	"${_ismc_cmd:-ismc}" help warnings 2>/dev/null |
	while read -r w _; do
		printf '%s\n' "$w"
	done
}

_ismc_value()	# OPTION CURRENT-VALUE COMMAND
{
	local opt=$1 cur=$2 cmd=$3 head
	case $opt in
	--format)
		if [ "$cmd" = diff ]; then
			_ismc_reply "$cur" md json
			return
		fi
		# a comma-separated list: complete its last element
		head=${cur%"${cur##*,}"}
		local c
		for c in csv md json png svg pdf xlsx html dl oscal; do
			[[ $head$c == "$cur"* ]] && COMPREPLY+=("$head$c")
		done
		compopt -o nospace 2>/dev/null
		;;
	--coverage) _ismc_reply "$cur" strict all-mapped ;;
	--color) _ismc_reply "$cur" auto always never ;;
	--diagnostics) _ismc_reply "$cur" plain fancy ;;
	--diagnostics-format) _ismc_reply "$cur" text json sarif ;;
	--as-of) _ismc_reply "$cur" "$(date +%Y-%m-%d)" ;;
	--require)
		local fw
		for fw in $(_ismc_frameworks); do
			[[ $fw'>=' == "$cur"* ]] && COMPREPLY+=("$fw>=")
		done
		compopt -o nospace 2>/dev/null
		;;
	--output|-o|-I|--sandbox)
		COMPREPLY=($(compgen -d -- "$cur"))
		compopt -o filenames 2>/dev/null
		;;
	--catalog|--texts)
		COMPREPLY=($(compgen -f -X '!*.@(yaml|yml|json)' -- "$cur")
		    $(compgen -d -- "$cur"))
		compopt -o filenames 2>/dev/null
		;;
	-MF)
		COMPREPLY=($(compgen -f -- "$cur"))
		compopt -o filenames 2>/dev/null
		;;
	esac
}

_ismc()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= cmd= i w opt
	local -a opts
	_ismc_cmd=${COMP_WORDS[0]}
	COMPREPLY=()
	[ "$COMP_CWORD" -gt 0 ] && prev=${COMP_WORDS[COMP_CWORD - 1]}

	# The command: the first word after ismc.
	if [ "$COMP_CWORD" -eq 1 ]; then
		_ismc_reply "$cur" check build explain diff fmt help \
		    --help --version
		return
	fi
	cmd=${COMP_WORDS[1]}
	if [ "$cmd" = help ]; then
		[ "$COMP_CWORD" -eq 2 ] &&
		    _ismc_reply "$cur" check build explain diff fmt help
		return
	fi

	# --name=value: bash splits it at '=' (COMP_WORDBREAKS).
	if [ "$cur" = = ]; then
		_ismc_value "$prev" "" "$cmd"
		return
	fi
	if [ "$prev" = = ] && [ "$COMP_CWORD" -ge 2 ]; then
		_ismc_value "${COMP_WORDS[COMP_CWORD - 2]}" "$cur" "$cmd"
		return
	fi
	if [[ $cur == --*=* ]]; then	# '=' not a word break
		opt=${cur%%=*}
		_ismc_value "$opt" "${cur#*=}" "$cmd"
		for i in "${!COMPREPLY[@]}"; do
			COMPREPLY[i]=$opt=${COMPREPLY[i]}
		done
		return
	fi
	# An option whose value is the next word.
	case $prev in
	-o|-I|-MF|-MT|--output|--format|--coverage|--require|--as-of|\
	--catalog|--texts|--max-errors|--diagnostics|--diagnostics-format)
		_ismc_value "$prev" "$cur" "$cmd"
		return
		;;
	esac

	# -W takes a warning name, in four spellings (ismc help warnings).
	if [[ $cur == -W* && $cmd != fmt ]]; then
		local -a ws=(-Werror)
		for w in $(_ismc_warnings); do
			ws+=("-W$w" "-Wno-$w" "-Werror=$w" "-Wno-error=$w")
		done
		_ismc_reply "$cur" "${ws[@]}"
		return
	fi
	if [[ $cur == -* ]]; then
		mapfile -t opts < <(_ismc_options "$cmd")
		_ismc_reply "$cur" "${opts[@]}"
		for w in "${COMPREPLY[@]}"; do
			[[ $w == *= ]] && compopt -o nospace 2>/dev/null
		done
		return
	fi

	# Operands. explain starts with FRAMEWORK:REQUIREMENT.
	if [ "$cmd" = explain ]; then
		local n=0
		for ((i = 2; i < COMP_CWORD; i++)); do
			[[ ${COMP_WORDS[i]} == -* ]] || n=$((n + 1))
		done
		if [ $n -eq 0 ] && [[ $cur != */* ]]; then
			for w in $(_ismc_frameworks); do
				[[ $w: == "$cur"* ]] && COMPREPLY+=("$w:")
			done
			# bash splits words at ':' too; offer what follows it.
			if [[ $COMP_WORDBREAKS == *:* && $cur == *:* ]]; then
				for i in "${!COMPREPLY[@]}"; do
					COMPREPLY[i]=${COMPREPLY[i]#"${cur%:*}:"}
				done
			fi
			compopt -o nospace 2>/dev/null
			return
		fi
	fi
	COMPREPLY=($(compgen -f -X '!*.isms' -- "$cur") $(compgen -d -- "$cur"))
	compopt -o filenames 2>/dev/null
}

complete -F _ismc ismc
