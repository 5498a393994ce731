/*
 * mapping.h - mapping sets between two catalogs, loaded from YAML.
 *
 * A mapping set relates the requirements of a source catalog to those of
 * a target catalog, one row per pair, with NIST IR 8477 set-theory
 * relationships. The file format is described in doc/catalog-format.md.
 * Loading checks the file on its own; resolving row ids against the two
 * catalogs is left to the caller.
 */
#ifndef ISMC_MAPPING_H
#define ISMC_MAPPING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"

struct ismc_arena;
struct ismc_compilation;
struct ismc_strtab;

/* ORDER ISMC_REL: keep rel_names in mapping.c in step. */
enum ismc_rel {
	ISMC_REL_EQUAL,			/* same scope */
	ISMC_REL_SUBSET,		/* source lies inside target */
	ISMC_REL_SUPERSET,		/* source contains target */
	ISMC_REL_INTERSECTS,		/* overlap, neither contains */
	ISMC_REL_NOT_RELATED,		/* looked at: no overlap */
	ISMC_REL_NO_COUNTERPART,	/* one side only; the other is NULL */
};

/*
 * What a covering row adds to a plain one: "the union of the members (and
 * the residual) is equal to, or contains, the target". A plain row with a
 * residual has one member. Arena-owned.
 */
struct ismc_mapping_cover {
	const char		**members;	/* interned ids, file order,
						 * distinct; members[0] is the
						 * row's source */
	struct ismc_span	*spans;		/* of each member in the file */
	size_t			 nmembers;
	const char		*residual;	/* the part of the target no
						 * member meets; NULL: none */
};

struct ismc_mapping_row {
	const char		*source;	/* interned requirement id, or a
						 * covering set's first member;
						 * NULL: no-counterpart only */
	const char		*target;	/* likewise */
	enum ismc_rel		 rel;
	unsigned		 strength;	/* 1..10, or 0 when not given */
	const char		*rationale;	/* arena-owned; may be NULL */
	const struct ismc_mapping_cover *cover;	/* a covering set or a
						 * residual; NULL: neither */
	struct ismc_span	 span;		/* the row in the YAML */
};

struct ismc_mapping_set {
	const char		*id;		/* interned, "a--b" */
	const char		*source;	/* interned catalog id: left */
	const char		*target;	/* interned catalog id: right */
	const char		*title;		/* may be NULL */
	const char		*provenance;	/* "ismc" or a publisher */
	const char		*origin;	/* where the rows come from;
						 * may be NULL */
	const char		*method;	/* how they were written; may be
						 * NULL */
	struct ismc_mapping_row	*rows;		/* file order, exact duplicates
						 * dropped */
	size_t			 nrows;
	uint32_t		 file;		/* source id of the YAML */
	struct ismc_span	 span;		/* where the file declares its id */
};

/*
 * Loads the mapping set in source `file` (read by ismc_compilation_read,
 * or added from memory). Returns it (arena-owned: nothing to free) or
 * NULL after reporting. Exact duplicate rows are dropped with a warning.
 * Rows are streamed, so a file of a million rows needs memory for the
 * rows kept, not for its YAML tree. Sets in the search path are found by
 * search.h, a spec's own through its `mappings`.
 */
struct ismc_mapping_set *ismc_mapping_load_file(struct ismc_compilation *,
	    uint32_t file);

/* The row's source ids: its covering set, or its one source (0 when
 * none); *v points at them. */
size_t	ismc_mapping_row_sources(const struct ismc_mapping_row *,
	    const char *const **v);
/* Whether the row is a covering set of two or more members. */
bool	ismc_mapping_row_is_set(const struct ismc_mapping_row *);
/* The row's residual, or NULL. */
const char *ismc_mapping_row_residual(const struct ismc_mapping_row *);
/* What identifies the row's source for duplicates and overrides: its id,
 * or its covering set in sorted order (interned in t); NULL for none. */
const char *ismc_mapping_row_key(struct ismc_strtab *,
	    const struct ismc_mapping_row *);
/* The source as written for people: "A.5.24", "A.5.24 + A.5.26" or
 * "(none)"; arena-owned. */
const char *ismc_mapping_row_source_text(struct ismc_arena *,
	    const struct ismc_mapping_row *);

/* "equal", "subset", ..., "no-counterpart". */
const char *ismc_rel_name(enum ismc_rel);
/* Parses a relationship name; false if it is not one. */
bool	ismc_rel_parse(const char *, size_t len, enum ismc_rel *);

#endif
