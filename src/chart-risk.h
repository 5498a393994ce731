/*
 * chart-risk.h - the risk heatmap (heatmap-risk.png/.svg and the PDF).
 */
#ifndef ISMC_CHART_RISK_H
#define ISMC_CHART_RISK_H

struct ismc_arena;
struct ismc_chart_opts;
struct ismc_report;

/* The finished tables the heatmap draws (report-risks.h,
 * report-heatmap.h). */
struct ismc_heatmap_tables {
	const struct ismc_report *risks;	/* the risk register */
	const struct ismc_report *scales;
	const struct ismc_report *bands;
	const struct ismc_report *grid;		/* the heatmap table */
};

/*
 * The likelihood x impact grid of the spec's scales, inherent and
 * residual side by side (stacked below 640 points), cells coloured by the
 * band of their score, each showing how many risks sit there and, where
 * they fit, their ids: all as the tables say, none of it decided here.
 */
struct ismc_dl *ismc_chart_risk_heatmap(const struct ismc_heatmap_tables *,
	    const struct ismc_chart_opts *, struct ismc_arena *);

extern const struct ismc_chart_def ismc_chart_risk_def;

#endif
