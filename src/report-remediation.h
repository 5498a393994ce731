/*
 * report-remediation.h - the remediation plan of one framework.
 *
 * remediation-<catalog>: the plan of the gap analysis, one row per step
 * (controls to implement, alone or together, a residual to close, own
 * work), in order of gain. Made for the same frameworks as the gap
 * report.
 */
#ifndef ISMC_REPORT_REMEDIATION_H
#define ISMC_REPORT_REMEDIATION_H

struct ismc_arena;
struct ismc_ir;
struct ismc_ir_framework;
struct ismc_report;

enum ismc_plan_col {			/* ORDER PLAN_COLUMNS */
	ISMC_PLAN_RANK,
	ISMC_PLAN_CONTROL,
	ISMC_PLAN_TITLE,
	ISMC_PLAN_STATUS,		/* a list: each control's */
	ISMC_PLAN_ACTION,		/* ismc_gap_step_kind_name() */
	ISMC_PLAN_FOR,			/* the requirement it is for */
	ISMC_PLAN_RESIDUAL,		/* the residual to close */
	ISMC_PLAN_GAIN,
	ISMC_PLAN_FULL_AFTER,
	ISMC_PLAN_PCT_AFTER,
	ISMC_PLAN_POLICY,
	ISMC_PLAN_NCOLUMNS
};

/* NULL when no gap analysis ran or no mapping set in use targets fw. */
struct ismc_report *ismc_report_remediation(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);

extern const struct ismc_report_def ismc_report_remediation_def;

#endif
