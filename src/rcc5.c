/*
 * rcc5.c - RCC-5 relation sets: converse, composition, names.
 *
 * The composition table is the one in doc/coverage.md, entry for entry;
 * tests/unit/test-gap.c checks all 25 cells. A relation set fits in five
 * bits, so a set composition is at most 25 table look-ups.
 */
#include <config.h>

#include "rcc5.h"

#define DR	ISMC_RCC5_DR
#define PO	ISMC_RCC5_PO
#define EQ	ISMC_RCC5_EQ
#define PP	ISMC_RCC5_PP
#define PPI	ISMC_RCC5_PPI
#define ALL	ISMC_RCC5_ALL

#define NBASE	5

/*
 * compose_table[a][b] is A -> C for A -> B = base a and B -> C = base b,
 * indexed by bit position (DR, PO, EQ, PP, PPi). Each entry is the
 * disjunction of what set theory allows; for instance A inside B and B
 * overlapping C leaves A disjoint from C, overlapping it, or inside it.
 */
static const unsigned compose_table[NBASE][NBASE] = {
	/* DR -> ... */
	[0] = {
		[0] = ALL,		/* DR . DR */
		[1] = DR | PO | PP,	/* DR . PO */
		[2] = DR,		/* DR . EQ */
		[3] = DR | PO | PP,	/* DR . PP */
		[4] = DR,		/* DR . PPi */
	},
	/* PO -> ... */
	[1] = {
		[0] = DR | PO | PPI,
		[1] = ALL,
		[2] = PO,
		[3] = PO | PP,
		[4] = DR | PO | PPI,
	},
	/* EQ -> ...: equal changes nothing */
	[2] = {
		[0] = DR,
		[1] = PO,
		[2] = EQ,
		[3] = PP,
		[4] = PPI,
	},
	/* PP -> ... */
	[3] = {
		[0] = DR,
		[1] = DR | PO | PP,
		[2] = PP,
		[3] = PP,
		[4] = ALL,	/* two parts of one whole: nothing known */
	},
	/* PPi -> ... */
	[4] = {
		[0] = DR | PO | PPI,
		[1] = PO | PPI,
		[2] = PPI,
		[3] = PO | EQ | PP | PPI,	/* both contain B: they meet */
		[4] = PPI,
	},
};

/* Names by set value; members in alphabetical order of their names. */
static const char *const set_names[ALL + 1] = {
	"none",
	"not-related",
	"intersects",
	"one of {intersects, not-related}",
	"equal",
	"one of {equal, not-related}",
	"one of {equal, intersects}",
	"one of {equal, intersects, not-related}",
	"subset",
	"one of {not-related, subset}",
	"one of {intersects, subset}",
	"one of {intersects, not-related, subset}",
	"one of {equal, subset}",
	"one of {equal, not-related, subset}",
	"one of {equal, intersects, subset}",
	"one of {equal, intersects, not-related, subset}",
	"superset",
	"one of {not-related, superset}",
	"one of {intersects, superset}",
	"one of {intersects, not-related, superset}",
	"one of {equal, superset}",
	"one of {equal, not-related, superset}",
	"one of {equal, intersects, superset}",
	"one of {equal, intersects, not-related, superset}",
	"one of {subset, superset}",
	"one of {not-related, subset, superset}",
	"one of {intersects, subset, superset}",
	"one of {intersects, not-related, subset, superset}",
	"one of {equal, subset, superset}",
	"one of {equal, not-related, subset, superset}",
	"one of {equal, intersects, subset, superset}",
	"unknown",
};

unsigned
ismc_rcc5_converse(unsigned r)
{
	unsigned out = r & (DR | PO | EQ);

	if (r & PP)
		out |= PPI;
	if (r & PPI)
		out |= PP;
	return out;
}

unsigned
ismc_rcc5_compose(unsigned ab, unsigned bc)
{
	unsigned out = 0;
	int i, j;

	for (i = 0; i < NBASE; i++) {
		if (!(ab & (1u << i)))
			continue;
		for (j = 0; j < NBASE; j++)
			if (bc & (1u << j))
				out |= compose_table[i][j];
	}
	return out;
}

unsigned
ismc_rcc5_from_rel(enum ismc_rel rel)
{
	switch (rel) {
	case ISMC_REL_EQUAL:
		return EQ;
	case ISMC_REL_SUBSET:
		return PP;
	case ISMC_REL_SUPERSET:
		return PPI;
	case ISMC_REL_INTERSECTS:
		return PO;
	case ISMC_REL_NOT_RELATED:
		return DR;
	case ISMC_REL_NO_COUNTERPART:
		break;
	}
	return ISMC_RCC5_NONE;
}

bool
ismc_rcc5_to_rel(unsigned r, enum ismc_rel *out)
{
	switch (r) {
	case EQ:
		*out = ISMC_REL_EQUAL;
		return true;
	case PP:
		*out = ISMC_REL_SUBSET;
		return true;
	case PPI:
		*out = ISMC_REL_SUPERSET;
		return true;
	case PO:
		*out = ISMC_REL_INTERSECTS;
		return true;
	case DR:
		*out = ISMC_REL_NOT_RELATED;
		return true;
	default:
		return false;
	}
}

bool
ismc_rcc5_is_base(unsigned r)
{
	r &= ALL;
	return r != 0 && (r & (r - 1)) == 0;
}

const char *
ismc_rcc5_name(unsigned r)
{
	return set_names[r & ALL];
}
