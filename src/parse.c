/*
 * parse.c - the front end's only door: owns the scanner and runs the parser.
 */
#include <config.h>

#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "compilation.h"
#include "grammar/parser.h"
#include "lexctx.h"

unsigned
ismc_parse_source(struct ismc_compilation *comp, uint32_t file,
    struct ismc_item **out)
{
	return ismc_parse_tree(comp, &comp->arena, file, out);
}

unsigned
ismc_parse_tree(struct ismc_compilation *comp, struct ismc_arena *trees,
    uint32_t file, struct ismc_item **out)
{
	struct ismc_parser_state ps;
	struct ismc_lexctx lex;
	void *scanner;
	unsigned n;

	scanner = ismc_lex_open(&lex, comp, file);
	memset(&ps, 0, sizeof ps);
	ps.comp = comp;
	ps.trees = trees;
	ps.file = file;
	ps.lex = &lex;
	/* The result is in ps; errors were counted as they were reported. */
	(void)ismc_yyparse(scanner, &ps);
	ismc_lex_close(scanner);
	free(ps.vals);
	n = lex.nerrors + ps.nerrors;
	/* A halted scan (error cap reached) leaves the tree incomplete. */
	if (n == 0 && lex.halted)
		n = 1;
	*out = ps.items.head;
	return n;
}

static void
write_token_text(FILE *fp, int kind, const struct ismc_value *v)
{
	switch (kind) {
	case TOK_IDENT:
	case TOK_NUMBER:
	case TOK_PERCENT:
	case TOK_DATE:
	case TOK_RANGE:
		fprintf(fp, " %s", v->text);
		break;
	case TOK_QREF:
		fprintf(fp, " %s:%s", v->ns, v->text);
		break;
	case TOK_STRING:
		fputc(' ', fp);
		ismc_write_quoted(fp, v->text);
		break;
	default:
		break;
	}
}

void
ismc_dump_tokens(struct ismc_compilation *comp, uint32_t file, FILE *fp)
{
	struct ismc_lexctx lex;
	ISMC_YYSTYPE val;
	ISMC_YYLTYPE loc;
	unsigned line, col;
	void *scanner;
	int kind;

	scanner = ismc_lex_open(&lex, comp, file);
	do {
		kind = ismc_yylex(&val, &loc, scanner);
		ismc_sources_linecol(&comp->sources, file, loc.start, &line,
		    &col);
		fprintf(fp, "%u:%u %s", line, col, ismc_token_name(kind));
		write_token_text(fp, kind, &val.tok);
		fputc('\n', fp);
	} while (kind != TOK_YYEOF);
	ismc_lex_close(scanner);
}
