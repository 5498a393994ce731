" Vim filetype plugin for ismc specifications (*.isms)

if exists("b:did_ftplugin")
  finish
endif
let b:did_ftplugin = 1

" The canonical layout (ismc fmt): four spaces per level.
setlocal expandtab shiftwidth=4 softtabstop=4
setlocal comments=:# commentstring=#\ %s
setlocal formatoptions-=t formatoptions+=croql
" gq formats the lines through `ismc fmt -` (a whole item at a time).
setlocal formatprg=ismc\ fmt\ -
" :make checks the file; errors go to the quickfix list.
setlocal makeprg=ismc\ check\ --diagnostics=plain\ --color=never\ %
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%f:%l:%c:\ %tote:\ %m,%f:\ %trror:\ %m

let b:undo_ftplugin = "setlocal et< sw< sts< com< cms< fo< fp< mp< efm<"
