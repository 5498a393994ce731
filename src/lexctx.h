/*
 * lexctx.h - state shared by the scanner (grammar/lexer.l), the parser
 * (grammar/parser.y) and the front-end door (src/parse.c).
 *
 * Nothing outside those three files includes this header: the rest of the
 * compiler sees only parse.h.
 */
#ifndef ISMC_LEXCTX_H
#define ISMC_LEXCTX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "source.h"

struct ismc_arena;
struct ismc_compilation;
struct ismc_item;
struct ismc_value;

/* Longest identifier or string literal accepted (see doc/limits.md). */
#define ISMC_MAX_TOKEN_LEN	((size_t)1024 * 1024)
/* Deepest nesting of '{' (and of '[') accepted. */
#define ISMC_MAX_NESTING	100

/*
 * The scanner's extra data (yyextra). Offsets are bytes into the file's
 * text; the scanner keeps `pos` in step with flex so every token gets an
 * exact span without line and column bookkeeping.
 */
struct ismc_lexctx {
	struct ismc_compilation	*comp;
	uint32_t		 file;
	const char		*text;		/* the file's text (borrowed) */
	uint32_t		 len;
	uint32_t		 pos;		/* offset of the next byte */
	uint32_t		 feed;		/* offset of the next byte to hand
						 * to flex (YY_INPUT) */
	uint32_t		 open;		/* an open comment or """ */
	unsigned		 brackets;	/* '[' depth: no insertion */
	unsigned		 braces;	/* '{' depth, for the limit */
	uint32_t		 open_at[ISMC_MAX_NESTING];
						/* where each open '{' is, for
						 * "to match this '{'" */
	bool			 can_insert;	/* a newline now emits ';' */
	bool			 comment_nl;	/* comment held a newline */
	bool			 halted;	/* fatal lexical error or error
						 * cap: only end of file now */
	bool			 bidi_said;	/* this string or comment's bidi
						 * control is reported */
	bool			 scripts;	/* this string has Greek or
						 * Cyrillic letters */
	unsigned		 nerrors;	/* lexical errors reported */
	struct ismc_buf		 scratch;	/* string unescaping */
};

/*
 * An item's arguments under construction: the n values from `start` on
 * the parser's value stack (struct ismc_parser_state). An item copies
 * them into one array of their own when it is reduced, and pops them.
 */
struct ismc_vlist {
	uint32_t		 start;
	uint32_t		 n;
};

/* A list under construction: O(1) append, kept in source order. */

struct ismc_ilist {
	struct ismc_item	*head;
	struct ismc_item	*tail;
	size_t			 n;
};

/* The parser's %parse-param. */
struct ismc_parser_state {
	struct ismc_compilation	*comp;
	struct ismc_arena	*trees;		/* where items and values go */
	uint32_t		 file;
	struct ismc_lexctx	*lex;
	struct ismc_ilist	 items;		/* the file's top-level items */
	unsigned		 nerrors;	/* syntax errors reported */
	struct ismc_value	*vals;		/* the value stack (heap): the
						 * arguments of the items being
						 * parsed, innermost on top */
	uint32_t		 nvals;
	uint32_t		 capvals;
};

/*
 * Scanner life cycle (defined in lexer.l, where flex's types are known).
 * ismc_lex_open prepares `ctx` for `file` and returns a scanner (a flex
 * yyscan_t) reading the file's text from memory, past a byte-order mark.
 */
void	*ismc_lex_open(struct ismc_lexctx *ctx, struct ismc_compilation *,
	    uint32_t file);
void	 ismc_lex_close(void *scanner);

/* A token's name in --dump-tokens ("IDENT", "'{'"), for a TOK_ kind
 * (defined in parser.y, beside the grammar's table of token names). */
const char *ismc_token_name(int token);

#endif
