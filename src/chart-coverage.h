/*
 * chart-coverage.h - the coverage heatmap (heatmap-coverage.png/.svg and
 * the PDF).
 */
#ifndef ISMC_CHART_COVERAGE_H
#define ISMC_CHART_COVERAGE_H

struct ismc_arena;
struct ismc_chart_opts;
struct ismc_coverage;

/* Frameworks against their groups, coloured by coverage; a chart saying
 * "No mapping data" when the table has no rows. */
struct ismc_dl *ismc_chart_coverage(const struct ismc_coverage *,
	    const struct ismc_chart_opts *, struct ismc_arena *);

extern const struct ismc_chart_def ismc_chart_coverage_def;

#endif
