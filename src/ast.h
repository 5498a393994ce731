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
 * A value is 32 bytes and an item 56: a large spec's tree is most of the
 * memory `ismc check` needs, so fields are ordered and shared to keep
 * them so (ast.c asserts the sizes). An item's arguments are one array
 * (`last` marks its end), so a value needs no link of its own; a date or
 * a range, which few specs write more than a handful of, keeps only its
 * spelling, and the accessors below read the value from it.
 */
struct ismc_value {
	struct ismc_span	 span;
	enum ismc_value_kind	 kind : 8;
	bool			 is_int;	/* NUMBER, PERCENT: no fraction */
	bool			 last;		/* the item's last argument */
	const char		*text;	/* ident, id part of a qref, string
					 * contents, or the spelling of a
					 * number, percent, date or range;
					 * interned but for string contents,
					 * which are copied into the arena */
	/* The payload of one kind: read only the member `kind` says is set. */
	union {
		const char	*ns;		/* QREF: the part before ':',
						 * interned */
		int64_t		 ival;		/* NUMBER, PERCENT when is_int */
		double		 num;		/* NUMBER, PERCENT otherwise (see
						 * ismc_value_num) */
	};
};

/* The argument after v, or NULL after the item's last. */
static inline const struct ismc_value *
ismc_value_next(const struct ismc_value *v)
{
	return v->last ? NULL : v + 1;
}

/* A NUMBER's or PERCENT's value (98% is 98), integral or not. */
static inline double
ismc_value_num(const struct ismc_value *v)
{
	return v->is_int ? (double)v->ival : v->num;
}

/* A DATE's date, read from its spelling (the lexer has checked it; an
 * impossible date reads as its fields, as written). */
struct ismc_date ismc_value_date(const struct ismc_value *);

/* A RANGE's bounds, read from its spelling (0..0 when out of range,
 * which the lexer has reported). */
struct ismc_range {
	int64_t	 lo, hi;
};
struct ismc_range ismc_value_range(const struct ismc_value *);

struct ismc_item {
	const char		*key;		/* interned */
	struct ismc_value	*args;		/* nargs values, in an array of
						 * their own; NULL when none */
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
