/*
 * report-review.c - the management review: figures all derived from the
 * rest of the IR and from the gap analysis.
 */
#include <config.h>

#include "report-review.h"

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"
#include "report-findings.h"
#include "report-kpis.h"
#include "report.h"

/* ORDER REVIEW_COLUMNS */
static const struct ismc_report_column review_columns[] = {
	[ISMC_REVIEW_TOPIC] = { "topic", "Topic" },
	[ISMC_REVIEW_FIGURE] = { "figure", "Figure" },
	[ISMC_REVIEW_DETAIL] = { "detail", "Detail" },
};

static void
review_row(struct ismc_report *r, const char *topic, struct ismc_cell fig,
    const char *detail)
{
	struct ismc_cell *row = ismc_report_add_row(r);

	row[ISMC_REVIEW_TOPIC] = ismc_cell_str(topic);
	row[ISMC_REVIEW_FIGURE] = fig;
	row[ISMC_REVIEW_DETAIL] = ismc_cell_str(detail);
}

static size_t
stale_evidence(const struct ismc_ir *ir)
{
	size_t i, n = 0;

	for (i = 0; i < ir->nevidence; i++)
		n += ir->evidence[i]->stale;
	return n;
}

/* One row per analysed framework; the hub of a crosswalk has none. */
static void
coverage_rows(struct ismc_report *r, const struct ismc_ir *ir,
    struct ismc_arena *a)
{
	size_t i;
	bool any = false;

	for (i = 0; ir->gap != NULL && i < ir->gap->nfws; i++) {
		const struct ismc_gap_fw *g = &ir->gap->fws[i];
		double full = ismc_gap_pct(g->n.full, &g->n);

		if (g->nsets_in == 0 || full != full)
			continue;	/* the hub, or nothing assessed */
		any = true;
		review_row(r, ismc_arena_printf(a, "Coverage of %s (%%)",
		    g->fw->catalog->id), ismc_cell_dec(full, 1),
		    ismc_arena_printf(a, "%s policy, of %zu requirements: full "
		    "%zu, partial %zu, gap %zu",
		    ismc_gap_policy_name(ir->gap->policy),
		    g->n.total - g->n.excluded, g->n.full, g->n.partial,
		    g->n.gap));
		review_row(r, ismc_arena_printf(a, "Coverage index of %s",
		    g->fw->catalog->id), ismc_cell_dec(ismc_gap_index(&g->n),
		    1), ismc_arena_printf(a, "%s policy: 100 × the sum of the "
		    "requirements' credits (full 1, gap 0, partial up to 0.9) "
		    "/ %zu assessed", ismc_gap_policy_name(ir->gap->policy),
		    g->n.total - g->n.excluded));
	}
	if (!any)
		review_row(r, "Framework coverage", ismc_cell_null(),
		    "no crosswalk analysed in this build");
}

struct ismc_report *
ismc_report_review(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_ir_totals *t = &ir->totals;
	struct ismc_findings_count n;
	struct ismc_report *r;

	r = ismc_report_new(a, "review", "Management review: derived figures",
	    review_columns, ISMC_REVIEW_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "as_of", "As of", ismc_cell_date(a,
	    ir->has_as_of ? &ir->as_of : NULL));
	ismc_report_add_generator(r);
	review_row(r, "Risk reduction (%)", t->inherent > 0 ?
	    ismc_cell_dec(t->reduction_pct, 1) : ismc_cell_null(),
	    ismc_arena_printf(a, "inherent score total %lld, residual %lld, "
	    "over %zu risks", (long long)t->inherent, (long long)t->residual,
	    ir->nrisks));
	review_row(r, "Risks above acceptance after treatment",
	    ismc_cell_int((int64_t)t->res_above_acceptance),
	    ismc_arena_printf(a, "%zu before treatment",
	    t->above_acceptance));
	review_row(r, "KPIs met", ismc_cell_int((int64_t)ismc_kpis_met(ir)),
	    ismc_arena_printf(a, "of %zu KPIs", ir->nkpis));
	ismc_findings_count(ir, &n);
	review_row(r, "Audit findings open", ismc_cell_int((int64_t)n.open),
	    ismc_arena_printf(a, "%zu closed; major nonconformities %zu, "
	    "minor nonconformities %zu, opportunities for improvement %zu, "
	    "observations %zu", n.closed,
	    n.by_kind[ISMC_FINDING_MAJOR], n.by_kind[ISMC_FINDING_MINOR],
	    n.by_kind[ISMC_FINDING_OFI], n.by_kind[ISMC_FINDING_OBSERVATION]));
	review_row(r, "Stale evidence", ismc_cell_int((int64_t)
	    stale_evidence(ir)), ismc_arena_printf(a, "of %zu evidence "
	    "records", ir->nevidence));
	coverage_rows(r, ir, a);
	return r;
}

const struct ismc_report_def ismc_report_review_def = {
	.name = "review",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_review,
};
