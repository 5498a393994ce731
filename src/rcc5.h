/*
 * rcc5.h - the five set relations of RCC-5, and sets of them.
 *
 * A mapping row says how two requirements relate as sets of obligations:
 * equal (EQ), proper subset (PP), proper superset (PPi), overlapping
 * (PO) or disjoint (DR). These are exactly the base relations of the
 * Region Connection Calculus RCC-5, so what a chain of two rows says about
 * its ends follows from the RCC-5 composition table. A chain often says
 * only "one of these", so relations are handled as bit sets over the five
 * base relations: a single bit is a known relation, several bits a
 * disjunction, all five "unknown". See doc/coverage.md.
 */
#ifndef ISMC_RCC5_H
#define ISMC_RCC5_H

#include <stdbool.h>

#include "mapping.h"

/* The base relations, as bits of a relation set (an unsigned). */
#define ISMC_RCC5_DR	(1u << 0)	/* disjoint: not related */
#define ISMC_RCC5_PO	(1u << 1)	/* partial overlap: intersects */
#define ISMC_RCC5_EQ	(1u << 2)	/* equal */
#define ISMC_RCC5_PP	(1u << 3)	/* proper part: subset */
#define ISMC_RCC5_PPI	(1u << 4)	/* inverse proper part: superset */
#define ISMC_RCC5_ALL	0x1fu		/* nothing known */
#define ISMC_RCC5_NONE	0u		/* contradiction, or no relation */

/* The same relation read from the other end: swaps subset and superset. */
unsigned	ismc_rcc5_converse(unsigned);
/*
 * What A -> C may be when A -> B is `ab` and B -> C is `bc`: the RCC-5
 * composition table for base relations, and for sets the union of the
 * compositions of their members. Empty if either side is empty.
 */
unsigned	ismc_rcc5_compose(unsigned ab, unsigned bc);
/* The set of a mapping relationship; no-counterpart is the empty set. */
unsigned	ismc_rcc5_from_rel(enum ismc_rel);
/* The mapping relationship of a single base relation; false for a set
 * of more or fewer than one. */
bool		ismc_rcc5_to_rel(unsigned, enum ismc_rel *);
/*
 * A name for people: "equal", "subset", "superset", "intersects",
 * "not-related" for a base relation (spelt as in mapping files), "one of
 * {intersects, subset}" (alphabetical) for a set, "unknown" for all five,
 * "none" for the empty set. Static storage.
 */
const char	*ismc_rcc5_name(unsigned);
/* Whether the set holds exactly one base relation. */
bool		ismc_rcc5_is_base(unsigned);

#endif
