/*
 * parse.h - the front end: spec text to syntax tree.
 *
 * The only door to the flex scanner and the bison parser; nothing else
 * includes their internals.
 */
#ifndef ISMC_PARSE_H
#define ISMC_PARSE_H

#include <stdint.h>
#include <stdio.h>

struct ismc_arena;
struct ismc_compilation;
struct ismc_item;

/*
 * Parses the loaded source `file` into an arena-owned item list (*out; NULL
 * for an empty file). Reports every syntax error it can through the
 * compilation's diagnostics and returns how many there were; the tree is
 * still returned, with the broken items left out.
 */
unsigned ismc_parse_source(struct ismc_compilation *, uint32_t file,
	    struct ismc_item **out);
/* The same with the items and values in `trees` (the front end's own
 * arena); string contents still go to the compilation's. */
unsigned ismc_parse_tree(struct ismc_compilation *, struct ismc_arena *trees,
	    uint32_t file, struct ismc_item **out);

/* Writes one line per token ("line:col KIND text") for --dump-tokens. */
void	ismc_dump_tokens(struct ismc_compilation *, uint32_t file, FILE *);

#endif
