" ismc specifications
autocmd BufRead,BufNewFile *.isms setfiletype isms
