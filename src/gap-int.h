/*
 * gap-int.h - inside the gap analysis: what its analysis (gap.c) and its
 * remediation plan (remediation.c), a step of the analysis and of
 * nothing else, tell each other. Reports read the plan from the result
 * (struct ismc_gap_fw.plan, gap.h), never include this.
 *
 * The analysis hands the plan a model of what can make each requirement
 * of the framework full, in global requirement indices (every framework's
 * requirements numbered one after another, as in gap.c): the plan then
 * needs no links, only these lists, and evaluates "full" exactly as the
 * analysis' strict and all-mapped rules do.
 */
#ifndef ISMC_GAP_INT_H
#define ISMC_GAP_INT_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_arena;
struct ismc_gap;
struct ismc_gap_fw;
struct ismc_ir_control;
struct ismc_remediation;

/* One member of a covering set: met once any of its controls is
 * implemented (its own SoA row, then controls that contain it). */
struct ismc_plan_slot {
	size_t			*c;
	size_t			 n;
};

/* A covering row that can make the requirement full: no excluded member,
 * equal or superset to it. */
struct ismc_plan_cover {
	struct ismc_plan_slot	*slots;
	size_t			 nslots;
	size_t			 residual;	/* the requirement whose residual
						 * must be closed; SIZE_MAX:
						 * none */
};

/* What makes one requirement of the planned framework full. */
struct ismc_plan_req {
	size_t			 self;		/* its own SoA row */
	size_t			*single;	/* controls any one of which,
						 * implemented, makes it full */
	size_t			 nsingle;
	struct ismc_plan_cover	*covers;
	size_t			 ncovers;
	/* The all-mapped rule: every mapped control implemented, at least
	 * one (a potential one, once implemented, is then mapped too), and
	 * its own residual closed when a covering row leaves one. */
	size_t			*mapped;	/* decided mapped controls */
	size_t			 nmapped;
	size_t			*potential;	/* undecided controls rows map
						 * to it */
	size_t			 npotential;
	bool			 mapped_blocked;	/* an excluded one */
	bool			 needs_residual;
	bool			 assessed;	/* not excluded */
};

struct ismc_plan_model {
	struct ismc_plan_req	*reqs;		/* catalog order */
	size_t			 nreqs;
	size_t			 base;		/* global index of reqs[0] */
	size_t			 n;		/* all frameworks' requirements */
	bool			*impl;		/* n: implemented, not excluded */
	bool			*closed;	/* n: residual closed */
	bool			*candidate;	/* n: may be implemented: not
						 * excluded */
	const struct ismc_ir_control **ctl;	/* n: the SoA rows */
	size_t			*fwof;		/* n: their framework index */
	bool			 all_mapped;	/* the policy */
};

/* Scratch for the plans of one analysis (heap-owned). */
struct ismc_remediation *ismc_remediation_new(const struct ismc_gap *,
	    struct ismc_arena *);
/* Fills gf->plan (arena-owned) from gf's analysed requirements and the
 * model of what makes each full (scratch, the caller's). */
void	ismc_remediation_plan(struct ismc_remediation *, struct ismc_gap_fw *,
	    const struct ismc_plan_model *);
void	ismc_remediation_free(struct ismc_remediation *);

#endif
