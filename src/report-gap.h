/*
 * report-gap.h - the gap analysis of one framework.
 *
 * gap-<catalog>: one row per requirement in catalog order, with its
 * coverage status and what reaches it; the summary gives counts and
 * percentages overall and per top-level group. It exists only for a
 * framework that some mapping set in use targets: the hub of a crosswalk
 * (ISO 27001 Annex A) has its SoA instead.
 */
#ifndef ISMC_REPORT_GAP_H
#define ISMC_REPORT_GAP_H

#include <stddef.h>

struct ismc_arena;
struct ismc_gap_fw;
struct ismc_ir;
struct ismc_ir_framework;
struct ismc_report;
struct ismc_report_column;

enum ismc_gaprep_col {			/* ORDER GAP_COLUMNS */
	ISMC_GAPREP_ID,
	ISMC_GAPREP_GROUP,
	ISMC_GAPREP_TITLE,
	ISMC_GAPREP_STATUS,		/* ismc_cov_name() */
	ISMC_GAPREP_REACHING,
	ISMC_GAPREP_BEST,
	ISMC_GAPREP_RELATION,
	ISMC_GAPREP_INFERRED,
	ISMC_GAPREP_PROVENANCE,
	ISMC_GAPREP_STRENGTH,
	ISMC_GAPREP_CREDIT,		/* in the coverage index, 2 places */
	ISMC_GAPREP_CREDIT_BASIS,	/* how a partial credit is computed */
	ISMC_GAPREP_WORK_LEFT,		/* open residuals (list) */
	ISMC_GAPREP_POLICY,
	/* Internal: for the PDF, not serialised. */
	ISMC_GAPREP_MAPPED,		/* controls on published rows */
	ISMC_GAPREP_MAPPED_IMPL,		/* ... of them implemented */
	ISMC_GAPREP_NCOLUMNS
};

enum ismc_gaprep_sum {			/* ORDER GAP_SUMMARY */
	ISMC_GAPREP_SUM_POLICY,
	ISMC_GAPREP_SUM_REQUIREMENTS,
	ISMC_GAPREP_SUM_EXCLUDED,
	ISMC_GAPREP_SUM_ASSESSED,
	ISMC_GAPREP_SUM_FULL,
	ISMC_GAPREP_SUM_FULL_PCT,
	ISMC_GAPREP_SUM_PARTIAL,
	ISMC_GAPREP_SUM_PARTIAL_PCT,
	ISMC_GAPREP_SUM_GAP,
	ISMC_GAPREP_SUM_GAP_PCT,
	ISMC_GAPREP_SUM_NO_COUNTERPART,
	ISMC_GAPREP_SUM_INDEX,		/* the coverage index */
	ISMC_GAPREP_SUM_MAPPING_SETS,
	ISMC_GAPREP_SUM_LINKS,
	ISMC_GAPREP_NSUM			/* then one entry per group */
};

/* NULL when no gap analysis ran or no mapping set in use targets fw. */
struct ismc_report *ismc_report_gap(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);

/*
 * A new report of the gap analysis of fw, titled "<what>: <catalog
 * title>", with the metadata every such report carries (the spec's, the
 * framework, its title, the coverage policy, the generator), and the
 * analysis of fw in *gf. NULL when no gap analysis ran or no mapping set
 * in use targets fw: the hub of a crosswalk has its SoA instead.
 */
struct ismc_report *ismc_report_gap_new(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *,
	    const char *id, const char *what,
	    const struct ismc_report_column *, size_t ncols,
	    const struct ismc_gap_fw **gf);

extern const struct ismc_report_def ismc_report_gap_def;

#endif
