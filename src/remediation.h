/*
 * remediation.h - the remediation plan, a step of the gap analysis
 * (gap.c) and of nothing else: reports read the plan from the result
 * (struct ismc_gap_fw.plan), never call this.
 */
#ifndef ISMC_REMEDIATION_H
#define ISMC_REMEDIATION_H

struct ismc_arena;
struct ismc_gap;
struct ismc_gap_fw;
struct ismc_remediation;

/* Scratch for the plans of one analysis (heap-owned). */
struct ismc_remediation *ismc_remediation_new(const struct ismc_gap *,
	    struct ismc_arena *);
/* Fills gf->plan (arena-owned) from gf's analysed requirements. */
void	ismc_remediation_plan(struct ismc_remediation *, struct ismc_gap_fw *);
void	ismc_remediation_free(struct ismc_remediation *);

#endif
