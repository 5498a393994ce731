/*
 * readiness.h - certification readiness: the documented information ISO/IEC
 * 27001 requires, item by item, and whether the spec has it.
 *
 * Each item is present (a clause decision or the spec names the document),
 * derived (ismc produces it from the spec: the SoA, the risk register, the
 * audit and review records), missing, or stale (there, but too old on the
 * as-of date). doc/outputs.md, "readiness", gives the rule for every item.
 * The analysis runs after sema, from the IR and its Stage 1 facts
 * (ir->stage1), and cites the places in the spec it rests on.
 */
#ifndef ISMC_READINESS_H
#define ISMC_READINESS_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_compilation;
struct ismc_ir;
struct ismc_ir_control;

enum ismc_ready_state {			/* ORDER ISMC_READY */
	ISMC_READY_PRESENT,
	ISMC_READY_DERIVED,
	ISMC_READY_MISSING,
	ISMC_READY_STALE,
};
#define ISMC_READY_NSTATES	4

struct ismc_readiness_item {
	const char		*clause;	/* "6.1.3 d" */
	const char		*item;		/* "Statement of Applicability" */
	enum ismc_ready_state	 state;
	const char		*basis;		/* what the state rests on */
	const char		**sources;	/* "soa.isms:12", in spec order */
	size_t			 nsources;
	const struct ismc_ir_control *decision;	/* the clause's decision, or
						 * NULL when not decided */
};

struct ismc_readiness {
	struct ismc_readiness_item *items;	/* in clause order */
	size_t			 nitems;
	size_t			 count[ISMC_READY_NSTATES];
	bool			 ready;		/* all present or derived */
	size_t			 clauses;	/* clauses 4-10 of the catalog */
	size_t			 decided;	/* ... the spec decides */
	size_t			 implemented;	/* ... implemented */
};

const char *ismc_ready_state_name(enum ismc_ready_state);	/* "derived" */

/*
 * Fills ir->readiness when the spec uses a catalog with the ISMS clauses
 * (ISO/IEC 27001); leaves it NULL otherwise. Needs the compilation to cite
 * places in the spec.
 */
void	ismc_readiness_analyse(struct ismc_compilation *, struct ismc_ir *);

#endif
