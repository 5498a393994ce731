/*
 * chart-risk.h - the risk heatmap (heatmap-risk.png/.svg and the PDF).
 */
#ifndef ISMC_CHART_RISK_H
#define ISMC_CHART_RISK_H

struct ismc_arena;
struct ismc_chart_opts;
struct ismc_ir;
struct ismc_report;

/*
 * The likelihood x impact grid of the spec's scales, inherent and
 * residual side by side (stacked below 640 points), cells coloured by the
 * band of their score, each showing how many rows of the risk register
 * `risks` sit there and, where they fit, their ids. Only the scales and
 * bands are read from the IR.
 */
struct ismc_dl *ismc_chart_risk_heatmap(const struct ismc_report *risks,
	    const struct ismc_ir *, const struct ismc_chart_opts *,
	    struct ismc_arena *);

extern const struct ismc_chart_def ismc_chart_risk_def;

#endif
