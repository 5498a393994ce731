/*
 * report-risks.h - the risk register and treatment plan.
 *
 * risks: one row per risk in natural id order, with the inherent and the
 * residual rating (the residual repeats the inherent one when the spec
 * rates none) and where each stands against the acceptance criterion.
 */
#ifndef ISMC_REPORT_RISKS_H
#define ISMC_REPORT_RISKS_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_risks_col {			/* ORDER RISK_COLUMNS */
	ISMC_RISKS_ID,
	ISMC_RISKS_TITLE,
	ISMC_RISKS_ASSETS,
	ISMC_RISKS_THREATS,
	ISMC_RISKS_LIKELIHOOD,		/* level value */
	ISMC_RISKS_LIKELIHOOD_LABEL,
	ISMC_RISKS_IMPACT,
	ISMC_RISKS_IMPACT_LABEL,
	ISMC_RISKS_SCORE,
	ISMC_RISKS_BAND,
	ISMC_RISKS_TREATMENT,
	ISMC_RISKS_CONTROLS,
	ISMC_RISKS_RES_LIKELIHOOD,
	ISMC_RISKS_RES_LIKELIHOOD_LABEL,
	ISMC_RISKS_RES_IMPACT,
	ISMC_RISKS_RES_IMPACT_LABEL,
	ISMC_RISKS_RES_SCORE,
	ISMC_RISKS_RES_BAND,
	ISMC_RISKS_OWNER,
	ISMC_RISKS_OWNER_TITLE,
	ISMC_RISKS_ABOVE,		/* null without a criterion */
	ISMC_RISKS_RES_ABOVE,
	/* Shown only when some risk has them (single-impact specs and specs
	 * without acceptance records keep their columns). */
	ISMC_RISKS_IMPACT_DIMS,		/* "confidentiality: critical", ... */
	ISMC_RISKS_RES_IMPACT_DIMS,
	ISMC_RISKS_ACCEPTED_BY,		/* role id */
	ISMC_RISKS_ACCEPTED_ON,
	ISMC_RISKS_ACCEPTED_UNTIL,
	ISMC_RISKS_APPROVED_BY,
	ISMC_RISKS_ACCEPTANCE_EXPIRED,
	ISMC_RISKS_REVIEWED,
	ISMC_RISKS_REVIEW_OVERDUE,
	/* Internal: for the PDF and the charts, not serialised. */
	ISMC_RISKS_RES_RATED,		/* the spec rates a residual */
	ISMC_RISKS_TREATED_BY,		/* "A.5.7 (implemented)", "M-1 (...)" */
	ISMC_RISKS_NCOLUMNS
};

enum ismc_risks_sum {			/* ORDER RISK_SUMMARY */
	ISMC_RISKS_SUM_RISKS,
	ISMC_RISKS_SUM_INHERENT,	/* score totals */
	ISMC_RISKS_SUM_RESIDUAL,
	ISMC_RISKS_SUM_REDUCTION,	/* %, null with no inherent total */
	ISMC_RISKS_SUM_ACCEPTANCE,	/* highest accepted score, or null */
	ISMC_RISKS_SUM_ABOVE,		/* counts, null without a criterion */
	ISMC_RISKS_SUM_RES_ABOVE,
	ISMC_RISKS_NSUM
};

struct ismc_report *ismc_report_risks(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_risks_def;

#endif
