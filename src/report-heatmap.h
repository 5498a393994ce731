/*
 * report-heatmap.h - the risk scales, the score bands and the grid of the
 * risk heatmap, with where each risk sits on it.
 *
 * Three internal tables (backend.h), made once from the IR so that the
 * heatmap chart only draws: which cell a risk falls in and which band
 * colours a cell are decided here, never in the chart.
 *
 * scales: one row per level, the likelihood scale's ascending, then the
 * impact scale's; the summary counts each scale's levels, so the impact
 * level c is row (likelihood levels + c).
 *
 * bands: one row per score band, ascending, with its inclusive range.
 *
 * heatmap: one row per cell of the likelihood x impact grid, likelihood
 * major, both ascending: the cell's score (the product of the two level
 * values, as sema scores a risk), the band holding it, and the risks
 * that sit there before and after treatment, in the risk register's
 * order.
 */
#ifndef ISMC_REPORT_HEATMAP_H
#define ISMC_REPORT_HEATMAP_H

struct ismc_arena;
struct ismc_ir;
struct ismc_report;

enum ismc_scales_col {			/* ORDER SCALE_COLUMNS */
	ISMC_SCALES_SCALE,		/* "likelihood" or "impact" */
	ISMC_SCALES_INDEX,		/* 0-based, ascending by value */
	ISMC_SCALES_VALUE,
	ISMC_SCALES_ID,
	ISMC_SCALES_NAME,		/* its label, else its id */
	ISMC_SCALES_NCOLUMNS
};

enum ismc_scales_sum {			/* ORDER SCALE_SUMMARY */
	ISMC_SCALES_SUM_LIKELIHOOD,	/* levels of each scale */
	ISMC_SCALES_SUM_IMPACT,
	ISMC_SCALES_NSUM
};

enum ismc_bands_col {			/* ORDER BAND_COLUMNS */
	ISMC_BANDS_INDEX,		/* 0-based, ascending */
	ISMC_BANDS_ID,
	ISMC_BANDS_NAME,		/* its label, else its id */
	ISMC_BANDS_LO,			/* inclusive score range */
	ISMC_BANDS_HI,
	ISMC_BANDS_NCOLUMNS
};

enum ismc_heatmap_col {			/* ORDER HEATMAP_COLUMNS */
	ISMC_HEATMAP_LIKELIHOOD,	/* level index */
	ISMC_HEATMAP_IMPACT,		/* level index */
	ISMC_HEATMAP_SCORE,
	ISMC_HEATMAP_BAND,		/* band index; null: no band */
	ISMC_HEATMAP_RISKS,		/* list of risk ids, inherent */
	ISMC_HEATMAP_RES_RISKS,		/* ... and residual */
	ISMC_HEATMAP_NCOLUMNS
};

struct ismc_report *ismc_report_scales(const struct ismc_ir *,
	    struct ismc_arena *);
struct ismc_report *ismc_report_bands(const struct ismc_ir *,
	    struct ismc_arena *);
struct ismc_report *ismc_report_heatmap(const struct ismc_ir *,
	    struct ismc_arena *);

extern const struct ismc_report_def ismc_report_scales_def;
extern const struct ismc_report_def ismc_report_bands_def;
extern const struct ismc_report_def ismc_report_heatmap_def;

#endif
