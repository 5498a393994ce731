/*
 * report-roadmap.h - the implementation roadmap: phases, milestones and
 * the work with a target date (controls, clauses and measures not yet
 * implemented, open corrective actions), in date order.
 *
 * roadmap: one row per line of the IR's roadmap (sema-roadmap.c), which
 * also says what is overdue as of the build's as-of date. The timeline
 * chart (chart-timeline.h) and the PDF read this table. The report does
 * not apply to a spec with no phase, milestone or target date.
 */
#ifndef ISMC_REPORT_ROADMAP_H
#define ISMC_REPORT_ROADMAP_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_roadmap_col {			/* ORDER ROADMAP_COLUMNS */
	ISMC_ROADMAP_KIND,		/* phase, milestone, control, ... */
	ISMC_ROADMAP_ID,
	ISMC_ROADMAP_TITLE,
	ISMC_ROADMAP_OWNER,		/* role id */
	ISMC_ROADMAP_FROM,		/* a phase's first day */
	ISMC_ROADMAP_DATE,		/* a phase's last day, else the date */
	ISMC_ROADMAP_PHASE,		/* the phase the date falls in */
	ISMC_ROADMAP_STATUS,
	ISMC_ROADMAP_REACHED,		/* a milestone's date reached */
	ISMC_ROADMAP_OVERDUE,
	ISMC_ROADMAP_DAYS_LATE,		/* as-of minus date, when overdue */
	ISMC_ROADMAP_NCOLUMNS
};

enum ismc_roadmap_sum {			/* ORDER ROADMAP_SUMMARY */
	ISMC_ROADMAP_SUM_PHASES,
	ISMC_ROADMAP_SUM_MILESTONES,
	ISMC_ROADMAP_SUM_TARGETS,	/* controls, measures, actions */
	ISMC_ROADMAP_SUM_OVERDUE,
	ISMC_ROADMAP_SUM_START,		/* first day of the first phase */
	ISMC_ROADMAP_SUM_END,		/* last day of the last phase */
	ISMC_ROADMAP_NSUM
};

/* NULL when the spec has no roadmap. */
struct ismc_report *ismc_report_roadmap(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_roadmap_def;

#endif
