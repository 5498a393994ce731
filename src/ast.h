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
 * lives in the semantic analyser's tables (sema-*.c). All nodes and
 * strings are arena-owned.
 */
#ifndef ISMC_AST_H
#define ISMC_AST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

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

/*
 * A value is 48 bytes and an item 56: a large spec's tree is most of the
 * memory `ismc check` needs, so fields are ordered and shared to keep
 * them so (ast.c asserts the sizes).
 */
struct ismc_value {
	struct ismc_span	 span;
	enum ismc_value_kind	 kind : 8;
	bool			 is_int;	/* NUMBER, PERCENT: no fraction */
	const char		*text;	/* ident, id part of a qref, string
					 * contents, or the spelling of a
					 * number, percent, date or range;
					 * interned but for string contents,
					 * which are copied into the arena */
	struct ismc_value	*next;
	/* The payload of one kind: read only the member `kind` says is set. */
	union {
		const char	*ns;		/* QREF: the part before ':',
						 * interned */
		struct {			/* NUMBER, PERCENT */
			int64_t	 ival;		/* when is_int */
			double	 num;
		};
		struct ismc_date date;		/* DATE (validated by the lexer) */
		struct {			/* RANGE */
			int64_t	 lo, hi;
		};
	};
};

struct ismc_item {
	const char		*key;		/* interned */
	struct ismc_value	*args;		/* list, may be NULL */
	struct ismc_item	*body;		/* list of nested items */
	struct ismc_item	*next;
	struct ismc_span	 span;		/* whole item, from its key */
	uint32_t		 nargs;
	uint32_t		 body_start;	/* offset of the '{' */
	bool			 has_body;	/* `{ ... }` present, maybe empty */
};

/* The key's span: an item starts with its key, spelled as interned. */
static inline struct ismc_span
ismc_item_key_span(const struct ismc_item *it)
{
	return (struct ismc_span){ it->span.file, it->span.start,
	    it->span.start + (uint32_t)strlen(it->key) };
}

/* From '{' to '}' (the item ends at its block's '}'); has_body only. */
static inline struct ismc_span
ismc_item_body_span(const struct ismc_item *it)
{
	return (struct ismc_span){ it->span.file, it->body_start,
	    it->span.end };
}

/* Writes a stable, indented text form of the items (for --dump-ast). */
void	ismc_ast_dump(FILE *, const struct ismc_item *items, int depth);
const char *ismc_value_kind_name(enum ismc_value_kind);
/* Writes s in double quotes with C escapes, for the dumps. */
void	ismc_write_quoted(FILE *, const char *s);

#endif
