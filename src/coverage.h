/*
 * coverage.h - coverage of each framework, per group, as the charts and the
 * auditor's PDF show it.
 *
 * A small table (framework x group -> percent) that either analysis can
 * fill: the crosswalk gap analysis (gap.h, ir->gap), which counts what
 * the organisation's controls cover through mappings, or the SoA alone,
 * which counts what is implemented. Everything is arena-owned.
 */
#ifndef ISMC_COVERAGE_H
#define ISMC_COVERAGE_H

#include <stddef.h>

struct ismc_arena;
struct ismc_gap;
struct ismc_ir;
struct ismc_ir_framework;

struct ismc_coverage_cell {
	const char		*group;		/* short id: "A.5", "II" */
	const char		*title;		/* may be NULL */
	size_t			 total;		/* requirements in the group */
	size_t			 applicable;	/* of which not excluded */
	size_t			 full;		/* implemented, or covered */
	size_t			 partial;
	size_t			 planned;	/* SoA only */
	size_t			 open;		/* not implemented; or a gap */
	size_t			 excluded;
	double			 pct;		/* full of applicable; negative:
						 * nothing applicable */
	double			 partial_pct;	/* the same for partial and */
	double			 open_pct;	/* open */
	double			 index;		/* the coverage index (gap.h);
						 * negative: nothing assessed,
						 * or counted from the SoA */
};

struct ismc_coverage_row {
	const char		*framework;	/* catalog id */
	const char		*title;		/* catalog title; may be NULL */
	struct ismc_coverage_cell *cells;	/* catalog order */
	size_t			 ncells;
	struct ismc_coverage_cell total;	/* the whole framework */
};

struct ismc_coverage {
	const char		*caption;	/* where the figures come from */
	const char		*policy;	/* the gap analysis' policy;
						 * NULL: counted from the SoA */
	size_t			 nsets;		/* mapping sets analysed */
	size_t			 nmaprows;	/* ... and their rows */
	struct ismc_coverage_row *rows;
	size_t			 nrows;
};

/*
 * The table the charts and the PDF show: from ir->gap when the gap
 * analysis ran, and otherwise empty, captioned to say there is no
 * mapping data.
 */
struct ismc_coverage *ismc_coverage_from_ir(const struct ismc_ir *,
	    struct ismc_arena *);
/* One row per analysed framework, one cell per top-level group. */
struct ismc_coverage *ismc_coverage_from_gap(const struct ismc_gap *,
	    struct ismc_arena *);
/*
 * One row per framework of the spec, one cell per top-level group of its
 * catalog (requirements without a group form a cell of their own, "-"),
 * counting the SoA rows by applicability and implementation status.
 */
struct ismc_coverage *ismc_coverage_from_soa(const struct ismc_ir *,
	    struct ismc_arena *);
/* The row of framework `catalog_id` (interned), or NULL. */
const struct ismc_coverage_row *ismc_coverage_row(
	    const struct ismc_coverage *, const char *catalog_id);

#endif
