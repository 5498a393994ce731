#!/bin/sh
# Shell completion and editor files: the bash completion completes
# commands, options (from the installed help), values and framework names;
# the zsh completion lists every long option of every command; the Vim
# syntax file loads and highlights.
. "${ISMC_SRCDIR:?}/tests/lib.sh"

PATH=$(dirname "$ISMC"):$PATH
export PATH

# complete WORD...: the bash completion of the last word, one a line.
complete_words() {
	bash -c '. completion/ismc.bash
	COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMPREPLY=()
	COMP_WORDBREAKS="\"'"'"'><=;|&(:"
	_ismc; printf "%s\n" "${COMPREPLY[@]}"' bash "$@"
}
# expect WANT WORD...: the completions, space-separated, are WANT.
expect() {
	want=$1
	shift
	got=$(complete_words "$@" | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] && pass "complete '$*'" ||
	    fail "complete '$*': '$got', expected '$want'"
}

expect "build" ismc bu
expect "check" ismc help ch
expect "--format=" ismc build --fo
expect "png pdf" ismc build --format = p
expect "csv,png csv,pdf" ismc build --format = csv,p
expect "md json" ismc diff --format =
expect "--check" ismc fmt --ch
expect "auto always never" ismc check --color =
expect "strict all-mapped" ismc check --coverage ''
expect "dora>=" ismc check --require do
expect "dora:" ismc explain do
expect "-Werror=stale-evidence" ismc check -Werror=stale-e
expect "-Wstale-evidence" ismc check -Wstale-e
expect "-Wno-stale-evidence" ismc build -Wno-stale-e
expect "-MD -MF -MT -MP" ismc build -M
expect "--print-search-path" ismc check --pri
# Every option of every command's help is offered.
for cmd in check build explain diff fmt; do
	"$ISMC" "$cmd" --help | sed -n 's/^  \(-[^ ]*\).*/\1/p' |
	    sed 's/,$//; s/\[=.*//; s/=.*/=/' | sort -u >"$tmp/want"
	complete_words ismc "$cmd" - | sort -u >"$tmp/got"
	if comm -23 "$tmp/want" "$tmp/got" | grep . >"$tmp/missing"; then
		fail "bash: $cmd lacks $(tr '\n' ' ' <"$tmp/missing")"
	else pass; fi
done

# zsh: the file parses, and names every long option of each command.
if command -v zsh >/dev/null 2>&1; then
	zsh -n completion/_ismc && pass || fail "zsh: syntax"
else
	echo "# no zsh: syntax not checked"
fi
for cmd in check build explain diff fmt; do
	for opt in $("$ISMC" "$cmd" --help | sed -n 's/^  \(-[^ ]*\).*/\1/p' |
	    sed 's/,$//; s/\[=.*//; s/=.*//' | grep -- '^--' | sort -u); do
		grep -q -- "$opt[]=[,}+]" completion/_ismc &&
		    pass "zsh: $cmd $opt" || fail "zsh: $cmd lacks $opt"
	done
done

# Vim: the filetype is detected, the syntax loads without errors and
# tells a key, a string, a comment, a date and a qualified reference.
if command -v vim >/dev/null 2>&1; then
	printf 'framework dora # c\nrisk R-1 "t" {\n    date 2026-06-30\n    controls dora:28.3\n}\n' >"$tmp/v.isms"
	vim -Nu NONE -i NONE -es -c 'set rtp^=editor/vim' \
	    -c 'filetype plugin on' -c 'syntax on' -c "e $tmp/v.isms" \
	    -c "redir! > $tmp/vim.out" \
	    -c 'echon &ft " " &sw' \
	    -c 'for [l, c] in [[1, 1], [1, 16], [2, 11], [3, 5], [3, 10], [4, 14]] | echon " " synIDattr(synID(l, c, 1), "name") | endfor' \
	    -c 'redir END' -c 'qa!' </dev/null >/dev/null 2>&1
	[ "$(tr -d '\n' <"$tmp/vim.out" | sed 's/^ *//')" = "isms 4 ismsTop ismsComment ismsString ismsKey ismsDate ismsQref" ] &&
	    pass || fail "vim: $(cat "$tmp/vim.out")"
else
	echo "# no vim: syntax file not checked"
fi
finish
