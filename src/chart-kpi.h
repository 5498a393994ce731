/*
 * chart-kpi.h - the KPI chart (kpi.png/.svg and the PDF).
 */
#ifndef ISMC_CHART_KPI_H
#define ISMC_CHART_KPI_H

struct ismc_arena;
struct ismc_chart_opts;
struct ismc_report;

/* Each row of the KPI table `kpis` as a bar against its target, met or
 * missed shown by a mark and a word as well as by colour. */
struct ismc_dl *ismc_chart_kpi(const struct ismc_report *kpis,
	    const struct ismc_chart_opts *, struct ismc_arena *);

extern const struct ismc_chart_def ismc_chart_kpi_def;

#endif
