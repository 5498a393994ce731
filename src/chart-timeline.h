/*
 * chart-timeline.h - the roadmap timeline (timeline.png/.svg and the PDF).
 */
#ifndef ISMC_CHART_TIMELINE_H
#define ISMC_CHART_TIMELINE_H

struct ismc_arena;
struct ismc_chart_opts;
struct ismc_report;

/*
 * The roadmap table `roadmap` on a time axis: phases as bars, milestones,
 * the items with a target date in one lane per owner, the as-of date;
 * overdue items marked by shape and word. NULL or an empty table gives a
 * chart saying there is no roadmap.
 */
struct ismc_dl *ismc_chart_timeline(const struct ismc_report *roadmap,
	    const struct ismc_chart_opts *, struct ismc_arena *);

extern const struct ismc_chart_def ismc_chart_timeline_def;

#endif
