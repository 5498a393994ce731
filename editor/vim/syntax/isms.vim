" Vim syntax file
" Language:	ismc specification (*.isms), see ismc-spec(5)
" Maintainer:	the ismc project

if exists("b:current_syntax")
  finish
endif

let s:cpo_save = &cpo
set cpo&vim

" Comments.
syn keyword	ismsTodo	contained TODO FIXME XXX NOTE
syn match	ismsComment	"#.*$" contains=ismsTodo,@Spell
syn region	ismsComment	start="/\*" end="\*/" contains=ismsTodo,@Spell

" Strings: "..." on one line with escapes, and """...""" over lines.
syn match	ismsEscape	contained +\\[\\"ntr]\|\\u{\x\{1,6}}+
syn region	ismsString	start=+"""+ end=+"""+ contains=ismsEscape,@Spell
syn region	ismsString	start=+"\(""\)\@!+ skip=+\\\\\|\\"+ end=+"+ end=+$+ oneline contains=ismsEscape,@Spell

" Identifiers (R-001, A.5.15, client-db) are matched whole, so that the
" digits in them are not numbers; they keep the normal colour.
syn match	ismsIdent	"\<\h[A-Za-z0-9_]*\([.-][A-Za-z0-9_]\+\)*"

" Values. Of two matches at one place the later defined wins, so dates,
" ranges and percentages come after plain numbers.
syn match	ismsNumber	"\<\d\+\(\.\d\+\)\=\>"
syn match	ismsPercent	"\<\d\+\(\.\d\+\)\=%"
syn match	ismsRange	"\<\d\+\.\.\d\+\>"
syn match	ismsDate	"\<\d\{4}-\d\{2}-\d\{2}\>"
" A qualified reference: framework:requirement.
syn match	ismsQref	"\<\h[A-Za-z0-9_]*\([.-][A-Za-z0-9_]\+\)*:[A-Za-z0-9_]\+\([.-][A-Za-z0-9_]\+\)*"

" The key of an item: the first word of a line, or after '{' or ';'.
syn match	ismsKey		"\(^\|[{;]\)\s*\zs\h[A-Za-z0-9_]*\([.-][A-Za-z0-9_]\+\)*"

" Top-level items. (Words such as risk, likelihood and impact are keys
" as well as values, so they are no keywords.)
syn match	ismsTop		"^\s*\zs\(include\|framework\|isms\|role\|asset\|threat\|scale\|scoring\|control\|clause\|measure\|risk\|kpi\|audit\|evidence\|mappings\|map\)\>"
" Words the language gives a meaning as values.
syn keyword	ismsConstant	implemented partial planned
syn keyword	ismsConstant	mitigate accept avoid transfer
syn keyword	ismsConstant	legal contractual business
syn keyword	ismsConstant	below above exactly
syn keyword	ismsConstant	major minor improvement observation open done
syn keyword	ismsConstant	equal subset superset intersects not-related
syn keyword	ismsConstant	internal external information software hardware service people site
syn keyword	ismsConstant	public confidential restricted week month quarter half-year year
syn keyword	ismsConstant	strict all-mapped
syn match	ismsConstant	"\<\(not-implemented\|in-progress\|at-most\|at-least\|not-related\|half-year\|all-mapped\)\>"

syn match	ismsDelimiter	"[][{};,]"

hi def link ismsTodo		Todo
hi def link ismsComment		Comment
hi def link ismsEscape		SpecialChar
hi def link ismsString		String
hi def link ismsDate		Number
hi def link ismsRange		Number
hi def link ismsPercent		Number
hi def link ismsNumber		Number
hi def link ismsQref		Identifier
hi def link ismsKey		Statement
hi def link ismsTop		Keyword
hi def link ismsConstant	Constant
hi def link ismsDelimiter	Delimiter

let b:current_syntax = "isms"

let &cpo = s:cpo_save
unlet s:cpo_save
