/*
 * ast.h - the syntax tree of a spec file.
 *
 * The language is uniform: every line is an item, a key followed by
 * arguments and optionally a block of nested items:
 *
 *	risk R-001 "Phishing" {
 *	    likelihood high
 *	    controls A.5.7, A.8.16
 *	}
 *
 * The parser knows nothing of risks or controls; the meaning of each key
 * lives in the semantic analyser's tables (sema-*.c). All nodes are
 * arena-owned and all strings interned.
 */
#ifndef ISMC_AST_H
#define ISMC_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "date.h"
#include "source.h"

enum ismc_value_kind {
	ISMC_V_IDENT,		/* client-db, A.5.15, R-001 */
	ISMC_V_QREF,		/* iso27001:A.5.15 (ns = "iso27001") */
	ISMC_V_STRING,		/* "text", """multi-line""" (unescaped) */
	ISMC_V_NUMBER,		/* 500, 3.5 */
	ISMC_V_PERCENT,		/* 98%, 3.5% (num holds 98, 3.5) */
	ISMC_V_DATE,		/* 2026-06-30 (validated by the lexer) */
	ISMC_V_RANGE,		/* 1..5 */
};

struct ismc_value {
	enum ismc_value_kind	 kind;
	struct ismc_span	 span;
	const char		*text;	/* interned: ident, id part of a qref,
					 * string contents, or the spelling of
					 * a number, percent, date or range */
	const char		*ns;	/* QREF: the part before ':' */
	struct ismc_value	*next;
	/* The payload of one kind: values are the bulk of a large tree, so
	 * they share storage. Read only the member `kind` says is set. */
	union {
		struct {		/* NUMBER, PERCENT */
			int64_t	 ival;	/* when is_int */
			double	 num;
			bool	 is_int;	/* no fraction */
		};
		struct ismc_date date;	/* DATE (validated by the lexer) */
		struct {		/* RANGE */
			int64_t	 lo, hi;
		};
	};
};

struct ismc_item {
	const char		*key;		/* interned */
	struct ismc_span	 key_span;
	struct ismc_span	 span;		/* whole item */
	struct ismc_value	*args;		/* list, may be NULL */
	size_t			 nargs;
	bool			 has_body;	/* `{ ... }` present, maybe empty */
	struct ismc_item	*body;		/* list of nested items */
	size_t			 nbody;
	struct ismc_span	 body_span;	/* from '{' to '}' */
	struct ismc_item	*next;
};

/* Writes a stable, indented text form of the items (for --dump-ast). */
void	ismc_ast_dump(FILE *, const struct ismc_item *items, int depth);
const char *ismc_value_kind_name(enum ismc_value_kind);

#endif
