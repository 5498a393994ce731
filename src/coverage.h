/*
 * coverage.h - coverage of each framework, per group, as the charts and the
 * auditor's PDF show it.
 *
 * A small table (framework x group -> percent) that any analysis can fill:
 * ismc_coverage_from_soa derives it from the SoA rows of the frameworks
 * the spec uses; crosswalk-based gap analysis can fill the same table for
 * frameworks reached only through mappings. Everything is arena-owned.
 */
#ifndef ISMC_COVERAGE_H
#define ISMC_COVERAGE_H

#include <stddef.h>

struct ismc_arena;
struct ismc_ir;
struct ismc_ir_framework;

struct ismc_coverage_cell {
	const char		*group;		/* short id: "A.5", "Chapter II" */
	const char		*title;		/* may be NULL */
	size_t			 total;		/* requirements in the group */
	size_t			 applicable;	/* of which not excluded */
	size_t			 implemented;
	size_t			 partial;
	size_t			 planned;
	size_t			 open;		/* not implemented or unset */
	size_t			 excluded;
	double			 pct;		/* implemented of applicable;
						 * negative: nothing applicable */
};

struct ismc_coverage_row {
	const char		*framework;	/* catalog id */
	const char		*title;		/* catalog title; may be NULL */
	struct ismc_coverage_cell *cells;	/* catalog order */
	size_t			 ncells;
	struct ismc_coverage_cell total;	/* the whole framework */
};

struct ismc_coverage {
	const char		*caption;	/* how the percentages were got */
	struct ismc_coverage_row *rows;
	size_t			 nrows;
};

/*
 * One row per framework of the spec, one cell per top-level group of its
 * catalog (requirements without a group form a cell of their own, "-"),
 * counting the SoA rows by applicability and implementation status.
 */
struct ismc_coverage *ismc_coverage_from_soa(const struct ismc_ir *,
	    struct ismc_arena *);
/* The same for one framework. */
void	ismc_coverage_row_from_soa(const struct ismc_ir_framework *,
	    struct ismc_coverage_row *, struct ismc_arena *);

#endif
