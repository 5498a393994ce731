/*
 * parser.y - the spec grammar.
 *
 * The grammar is generic: a file is a list of items, each a key followed
 * by arguments and an optional block of nested items. The parser knows no
 * keywords and its actions only build arena-owned nodes; meaning belongs to
 * the semantic analyser. Terminators (';') are mostly inserted by the
 * scanner at line ends, as in Go.
 */
%require "3.8"

%define api.pure full
%define api.prefix {ismc_yy}
%define api.token.prefix {TOK_}
%define api.header.include {"grammar/parser.h"}
%define api.location.type {struct ismc_span}
%define parse.error custom
%define parse.lac full
%locations
%expect 0

%param {yyscan_t scanner}
%parse-param {struct ismc_parser_state *ps}

%code top {
#include <config.h>
}

%code requires {
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "lexctx.h"
#include "source.h"

/* flex's scanner handle; declared here so no flex header is needed. */
#ifndef YY_TYPEDEF_YY_SCANNER_T
#define YY_TYPEDEF_YY_SCANNER_T
typedef void *yyscan_t;
#endif
}

%code provides {
int	ismc_yylex(ISMC_YYSTYPE *, ISMC_YYLTYPE *, yyscan_t);
int	ismc_yyparse(yyscan_t, struct ismc_parser_state *);
}

%code {
#include <stdio.h>
#include <string.h>

#include "compilation.h"
#include "diag.h"
#include "xalloc.h"

/*
 * A rule spans its first child's start to its last child's end; an empty
 * rule sits, zero-width, at the end of the symbol before it, so an item
 * without arguments ends where its key does.
 */
#define YYLLOC_DEFAULT(cur, rhs, n)					\
	do {								\
		if (n) {						\
			(cur).file = YYRHSLOC(rhs, 1).file;		\
			(cur).start = YYRHSLOC(rhs, 1).start;		\
			(cur).end = YYRHSLOC(rhs, n).end;		\
		} else {						\
			(cur).file = YYRHSLOC(rhs, 0).file;		\
			(cur).start = (cur).end = YYRHSLOC(rhs, 0).end;	\
		}							\
	} while (0)

static void	ismc_yyerror(const struct ismc_span *, yyscan_t,
		    struct ismc_parser_state *, const char *);
static struct ismc_item *new_item(struct ismc_parser_state *,
		    const struct ismc_value *, struct ismc_vlist *,
		    struct ismc_span);
static void	stray_block(struct ismc_parser_state *, struct ismc_span);
static void	ilist_append(struct ismc_ilist *, struct ismc_item *);
static void	vlist_append(struct ismc_parser_state *, struct ismc_vlist *,
		    const struct ismc_value *);
static void	vlist_concat(struct ismc_parser_state *, struct ismc_vlist *,
		    const struct ismc_vlist *);
}

/* Value tokens carry their value whole; only arguments become nodes, so
 * an item's key costs no allocation of its own. */
%union {
	struct ismc_value	 tok;
	struct ismc_item	*item;
	struct ismc_vlist	 vlist;
	struct ismc_ilist	 ilist;
}

/* Their names, in dumps and in messages, are in token_names below. */
%token <tok>	IDENT QREF STRING NUMBER PERCENT DATE RANGE
%token		LBRACE RBRACE LBRACKET RBRACKET COMMA SEMI

%type <ilist>	items block
%type <item>	item
%type <vlist>	args
%type <tok>	value


%initial-action {
	@$.file = ps->file;
	@$.start = @$.end = 0;
}

%%

/*
 * The top level appends straight to the parser state (the spec's
 * `file: items`), so the items parsed before an unrecoverable error at end
 * of file are kept.
 */
file
	: %empty
	| file SEMI
	| file item SEMI	{ ilist_append(&ps->items, $2); }
	| file error SEMI	{ yyerrok; }
	| file block SEMI	{ stray_block(ps, @2); }
	;

items
	: %empty		{ $$ = (struct ismc_ilist){ NULL, NULL, 0 }; }
	| items SEMI		{ $$ = $1; }
	| items item SEMI	{ $$ = $1; ilist_append(&$$, $2); }
	| items error SEMI	{ $$ = $1; yyerrok; }
	| items block SEMI	{ $$ = $1; stray_block(ps, @2); }
	;

item
	: IDENT args		{ $$ = new_item(ps, &$1, &$2, @$); }
	| IDENT args block	{
		$$ = new_item(ps, &$1, &$2, @$);
		$$->has_body = true;
		$$->body = $3.head;
		$$->body_start = @3.start;
	}
	;

block
	: LBRACE items RBRACE		{ $$ = $2; }
	| LBRACE items item RBRACE	{ $$ = $2; ilist_append(&$$, $3); }
	| LBRACE items error RBRACE	{ $$ = $2; yyerrok; }
	;

/* A bracket list is flattened into the arguments around it. */
args
	: %empty		{ $$ = (struct ismc_vlist){ ps->nvals, 0 }; }
	| args value		{ $$ = $1; vlist_append(ps, &$$, &$2); }
	| args COMMA		{ $$ = $1; }
	| args LBRACKET args RBRACKET	{ $$ = $1; vlist_concat(ps, &$$, &$3); }
	;

value
	: IDENT | QREF | STRING | NUMBER | PERCENT | DATE | RANGE
	;

%%

static void
ilist_append(struct ismc_ilist *l, struct ismc_item *it)
{
	it->next = NULL;
	if (l->tail != NULL)
		l->tail->next = it;
	else
		l->head = it;
	l->tail = it;
	l->n++;
}

/*
 * Values go on top of the stack, at the end of their list: what lies above
 * it belongs to no list being built (the arguments of an item an error
 * dropped), so the stack is cut there.
 */
static void
vlist_append(struct ismc_parser_state *st, struct ismc_vlist *l,
    const struct ismc_value *v)
{
	uint32_t at = l->start + l->n;

	if (at == st->capvals) {
		/* The scanner's size limit on a file bounds the count. */
		st->capvals = st->capvals ? 2 * st->capvals : 64;
		st->vals = ismc_xreallocarray(st->vals, st->capvals,
		    sizeof *st->vals);
	}
	st->vals[at] = *v;
	st->nvals = at + 1;
	l->n++;
}

/* A bracket list, parsed just above the arguments before it. */
static void
vlist_concat(struct ismc_parser_state *st, struct ismc_vlist *l,
    const struct ismc_vlist *m)
{
	if (m->n > 0 && m->start != l->start + l->n)
		memmove(&st->vals[l->start + l->n], &st->vals[m->start],
		    m->n * sizeof *st->vals);
	l->n += m->n;
	st->nvals = l->start + l->n;
}

/* The item takes its arguments off the stack into one array. */
static struct ismc_item *
new_item(struct ismc_parser_state *st, const struct ismc_value *key,
    struct ismc_vlist *args, struct ismc_span span)
{
	struct ismc_item *it = ISMC_NEW(st->trees, struct ismc_item);
	struct ismc_value *v;

	it->key = key->text;
	it->span = span;
	it->nargs = args->n;
	if (args->n > 0) {
		v = ISMC_NEW_ARRAY(st->trees, struct ismc_value, args->n);
		memcpy(v, &st->vals[args->start], args->n * sizeof *v);
		v[args->n - 1].last = true;
		it->args = v;
	}
	st->nvals = args->start;
	return it;
}

/*
 * A targeted error rule: `{` on the line after its key is the one mistake
 * newline-terminated syntax invites, so the block is parsed (and dropped)
 * to report it once instead of cascading.
 */
static void
stray_block(struct ismc_parser_state *st, struct ismc_span block)
{
	struct ismc_span brace = { block.file, block.start, block.start + 1 };

	st->nerrors++;
	ismc_diag_error(&st->comp->diag, brace,
	    "a block's '{' must be on the same line as its key");
}

/* Bison calls this only when its stack is exhausted. */
static void
ismc_yyerror(const struct ismc_span *loc, yyscan_t scanner,
    struct ismc_parser_state *st, const char *msg)
{
	(void)scanner;
	st->nerrors++;
	ismc_diag_error(&st->comp->diag, *loc, "%s", msg);
}

/*
 * The one table of token names: the spelling of --dump-tokens and of
 * doc/language.md, and the words of syntax errors. A value token is named
 * in messages as its kind of value is (ismc_value_kind_name).
 */
static const struct token_name {
	const char	*dump;
	const char	*prose;		/* NULL: the value kind's name */
	int		 kind;		/* enum ismc_value_kind, or -1 */
} token_names[YYNTOKENS] = {
	[YYSYMBOL_YYEOF] = { "EOF", "end of file", -1 },
	[YYSYMBOL_YYerror] = { "ERROR", "error", -1 },
	[YYSYMBOL_YYUNDEF] = { "INVALID", "invalid token", -1 },
	[YYSYMBOL_IDENT] = { "IDENT", NULL, ISMC_V_IDENT },
	[YYSYMBOL_QREF] = { "QREF", NULL, ISMC_V_QREF },
	[YYSYMBOL_STRING] = { "STRING", NULL, ISMC_V_STRING },
	[YYSYMBOL_NUMBER] = { "NUMBER", NULL, ISMC_V_NUMBER },
	[YYSYMBOL_PERCENT] = { "PERCENT", NULL, ISMC_V_PERCENT },
	[YYSYMBOL_DATE] = { "DATE", NULL, ISMC_V_DATE },
	[YYSYMBOL_RANGE] = { "RANGE", NULL, ISMC_V_RANGE },
	[YYSYMBOL_LBRACE] = { "'{'", "'{'", -1 },
	[YYSYMBOL_RBRACE] = { "'}'", "'}'", -1 },
	[YYSYMBOL_LBRACKET] = { "'['", "'['", -1 },
	[YYSYMBOL_RBRACKET] = { "']'", "']'", -1 },
	[YYSYMBOL_COMMA] = { "','", "','", -1 },
	[YYSYMBOL_SEMI] = { "';'", "end of line", -1 },
};

const char *
ismc_token_name(int token)
{
	yysymbol_kind_t sym = YYTRANSLATE(token);

	return sym >= 0 && sym < YYNTOKENS && token_names[sym].dump != NULL ?
	    token_names[sym].dump : "INVALID";
}

/* A token's name in a message. A terminator the scanner inserted is
 * zero-width and is "end of line"; one the spec wrote is "';'". */
static const char *
token_name(yysymbol_kind_t sym, const struct ismc_span *loc)
{
	const struct token_name *t;

	if (sym < 0 || sym >= YYNTOKENS || token_names[sym].dump == NULL)
		return "invalid token";
	t = &token_names[sym];
	if (sym == YYSYMBOL_SEMI && loc != NULL && loc->end > loc->start)
		return t->dump;
	if (t->prose == NULL)
		return ismc_value_kind_name((enum ismc_value_kind)t->kind);
	return t->prose;
}

/*
 * Drops '{' from the expected set where only the stray-block error rule
 * accepts it: at the start of an item (an identifier is expected but no
 * argument value is), a block is never valid. Moves end of file last, where
 * a reader looks for it.
 */
static int
filter_expected(yysymbol_kind_t *exp, int n)
{
	bool ident = false, value = false, eof = false;
	int i, k;

	for (i = 0; i < n; i++) {
		if (exp[i] == YYSYMBOL_IDENT)
			ident = true;
		if (exp[i] == YYSYMBOL_STRING)
			value = true;
	}
	for (i = k = 0; i < n; i++) {
		if (exp[i] == YYSYMBOL_LBRACE && ident && !value)
			continue;
		if (exp[i] == YYSYMBOL_YYEOF)
			eof = true;
		else
			exp[k++] = exp[i];
	}
	if (eof)
		exp[k++] = YYSYMBOL_YYEOF;
	return k;
}

/* "unexpected X, expected A, B or C" with at most four alternatives. */
static int
yyreport_syntax_error(const yypcontext_t *ctx, yyscan_t scanner,
    struct ismc_parser_state *st)
{
	yysymbol_kind_t tok = yypcontext_token(ctx);
	const struct ismc_span *loc = yypcontext_location(ctx);
	yysymbol_kind_t exp[YYNTOKENS];
	char msg[256];
	size_t len;
	int n, i;

	(void)scanner;
	/* The scanner has already reported a bad character or a halt. */
	if (tok == YYSYMBOL_YYUNDEF || st->lex->halted)
		return 0;
	st->nerrors++;
	if (tok == YYSYMBOL_YYEMPTY) {
		ismc_diag_error(&st->comp->diag, *loc, "syntax error");
		return 0;
	}
	n = yypcontext_expected_tokens(ctx, exp, YYNTOKENS);
	n = n < 0 ? 0 : filter_expected(exp, n);
	len = (size_t)snprintf(msg, sizeof msg, "unexpected %s",
	    token_name(tok, loc));
	if (n > 4)
		n = 0;
	for (i = 0; i < n && len < sizeof msg; i++) {
		len += (size_t)snprintf(msg + len, sizeof msg - len, "%s%s",
		    i == 0 ? ", expected " : i == n - 1 ? " or " : ", ",
		    token_name(exp[i], NULL));
	}
	ismc_diag_error(&st->comp->diag, *loc, "%s", msg);
	/* The block that end of file left open, innermost first. */
	if (tok == YYSYMBOL_YYEOF && st->lex->braces > 0) {
		struct ismc_span brace = { st->file,
		    st->lex->open_at[st->lex->braces - 1],
		    st->lex->open_at[st->lex->braces - 1] + 1 };

		ismc_diag_note(&st->comp->diag, brace, "to match this '{'");
	}
	return 0;
}
