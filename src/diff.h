/*
 * diff.h - what changed between two compiled specs: the summary a
 * reviewer wants on a change (coverage per framework, gaps opened and
 * closed, controls whose status moved, risks whose score moved).
 *
 * The comparison is built once as a report table; the Markdown summary
 * and the JSON form (emit.h's envelope) are two renderings of it.
 */
#ifndef ISMC_DIFF_H
#define ISMC_DIFF_H

#include <stdbool.h>

struct ismc_arena;
struct ismc_buf;
struct ismc_ir;
struct ismc_report;

/*
 * The report "diff" (arena-owned): one row per framework whose coverage
 * either side analysed, per framework added or dropped, and per
 * requirement, control and risk that changed; the risk totals of both
 * sides in the summary. The names label the two sides.
 */
struct ismc_report *ismc_diff_build(const struct ismc_ir *old,
	    const struct ismc_ir *new, const char *old_name,
	    const char *new_name, struct ismc_arena *);
/* Whether anything changed (the summary's "changed"). */
bool	ismc_diff_changed(const struct ismc_report *);
/* Appends the Markdown summary, ready to post as a review comment. */
void	ismc_diff_md(const struct ismc_report *, struct ismc_buf *);

#endif
