/*
 * report-cycle.c - the Check and Act reports: KPIs against their targets,
 * audit findings with their corrective actions, and the management review,
 * whose figures are all derived from the rest of the IR.
 */
#include <config.h>

#include "report.h"

#include <stdio.h>

#include "arena.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"

static struct ismc_cell
date_cell(struct ismc_arena *a, bool has, struct ismc_date d)
{
	if (!has)
		return ismc_cell_null();
	return ismc_cell_str(ismc_date_str(a, d));
}

/* With several frameworks a bare "28.3" could be anyone's: qualify. */
static struct ismc_cell
controls_cell(const struct ismc_ir *ir, struct ismc_arena *a,
    const struct ismc_ir_control *const *c, size_t n)
{
	const char **v = ismc_report_strv(a, n);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = ir->nframeworks > 1 ? ismc_arena_printf(a, "%s:%s",
		    c[i]->req->catalog->id, c[i]->req->id) : c[i]->req->id;
	return ismc_cell_list(v, n);
}

/* ---- KPIs --------------------------------------------------------------- */

enum kpi_col {				/* ORDER KPI_COLUMNS */
	KPI_ID, KPI_TITLE, KPI_TARGET, KPI_RESULT, KPI_UNIT, KPI_MET,
	KPI_PERIOD, KPI_OWNER, KPI_CONTROLS, KPI_NCOLUMNS
};

static const struct ismc_report_column kpi_columns[] = {
	[KPI_ID] = { "id", "KPI" },
	[KPI_TITLE] = { "title", "Title" },
	[KPI_TARGET] = { "target", "Target" },
	[KPI_RESULT] = { "result", "Result" },
	[KPI_UNIT] = { "unit", "Unit" },
	[KPI_MET] = { "met", "Met" },
	[KPI_PERIOD] = { "period", "Period" },
	[KPI_OWNER] = { "owner", "Owner" },
	[KPI_CONTROLS] = { "controls", "Controls" },
};

/* "below 5", "at-most 14": the comparison as the spec words it. */
static const char *
target_text(struct ismc_arena *a, const struct ismc_ir_kpi *k)
{
	static const char *const words[] = {	/* ORDER ISMC_CMP */
		"below", "at most", "above", "at least", "exactly",
	};

	if (k->unit == NULL)
		return ismc_arena_printf(a, "%s %g", words[k->cmp], k->target);
	return ismc_arena_printf(a, "%s %g%s%s", words[k->cmp], k->target,
	    k->unit[0] == '%' ? "" : " ", k->unit);
}

size_t
ismc_kpis_met(const struct ismc_ir *ir)
{
	size_t i, n = 0;

	for (i = 0; i < ir->nkpis; i++)
		if (ir->kpis[i]->has_result && ir->kpis[i]->met)
			n++;
	return n;
}

struct ismc_report *
ismc_report_kpis(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r = ismc_report_new(a, "kpis",
	    "Information security objectives and KPIs", kpi_columns,
	    KPI_NCOLUMNS);
	size_t i;

	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nkpis; i++) {
		const struct ismc_ir_kpi *k = ir->kpis[i];
		struct ismc_cell *row = ismc_report_add_row(r);

		row[KPI_ID] = ismc_cell_str(k->id);
		row[KPI_TITLE] = ismc_cell_str(k->title);
		row[KPI_TARGET] = ismc_cell_str(target_text(a, k));
		if (k->has_result) {
			/* Two decimals: 99.96% must not print as 100.0
			 * beside a target of 99.9%. */
			row[KPI_RESULT] = ismc_cell_dec(k->result, 2);
			row[KPI_MET] = ismc_cell_bool(k->met);
		}
		row[KPI_UNIT] = ismc_cell_str(k->unit);
		row[KPI_PERIOD] = ismc_cell_str(k->period);
		row[KPI_OWNER] = ismc_cell_str(k->owner ? k->owner->id : NULL);
		row[KPI_CONTROLS] = controls_cell(ir, a, k->controls, k->ncontrols);
	}
	ismc_report_add_summary(r, "kpis", "KPIs", ismc_cell_int(
	    (int64_t)ir->nkpis));
	ismc_report_add_summary(r, "kpis_met", "KPIs met", ismc_cell_int(
	    (int64_t)ismc_kpis_met(ir)));
	return r;
}

/* ---- audit findings ----------------------------------------------------- */

enum finding_col {			/* ORDER FINDING_COLUMNS */
	FND_ID, FND_AUDIT, FND_KIND, FND_TITLE, FND_CONTROLS, FND_CLAUSES,
	FND_ACTIONS, FND_OWNERS, FND_DUE, FND_STATUS, FND_OVERDUE,
	FND_CLOSED, FND_NCOLUMNS
};

static const struct ismc_report_column finding_columns[] = {
	[FND_ID] = { "id", "Finding" },
	[FND_AUDIT] = { "audit", "Audit" },
	[FND_KIND] = { "kind", "Kind" },
	[FND_TITLE] = { "title", "Title" },
	[FND_CONTROLS] = { "controls", "Controls" },
	[FND_CLAUSES] = { "clauses", "Clauses" },
	[FND_ACTIONS] = { "actions", "Corrective actions" },
	[FND_OWNERS] = { "action_owners", "Action owners" },
	[FND_DUE] = { "due", "Due" },
	[FND_STATUS] = { "action_status", "Action status" },
	[FND_OVERDUE] = { "overdue", "Overdue" },
	[FND_CLOSED] = { "closed", "Closed" },
};

static void
action_cells(struct ismc_arena *a, const struct ismc_ir_finding *f,
    struct ismc_cell *row)
{
	const char **ids = ismc_report_strv(a, f->nactions), **own = ismc_report_strv(a, f->nactions);
	const char **due = ismc_report_strv(a, f->nactions), **st = ismc_report_strv(a, f->nactions);
	bool overdue = false;
	size_t i;

	for (i = 0; i < f->nactions; i++) {
		const struct ismc_ir_action *x = f->actions[i];

		ids[i] = ismc_arena_printf(a, "%s %s", x->id,
		    x->title ? x->title : "");
		own[i] = x->owner ? x->owner->id : "-";
		due[i] = x->has_due ? ismc_date_str(a, x->due) : "-";
		st[i] = ismc_action_status_name(x->status);
		overdue |= x->overdue;
	}
	row[FND_ACTIONS] = ismc_cell_list(ids, f->nactions);
	row[FND_OWNERS] = ismc_cell_list(own, f->nactions);
	row[FND_DUE] = ismc_cell_list(due, f->nactions);
	row[FND_STATUS] = ismc_cell_list(st, f->nactions);
	row[FND_OVERDUE] = ismc_cell_bool(overdue);
}

void
ismc_findings_count(const struct ismc_ir *ir, size_t *open, size_t *closed,
    size_t by_kind[4])
{
	size_t i;

	*open = *closed = 0;
	for (i = 0; i < 4; i++)
		by_kind[i] = 0;
	for (i = 0; i < ir->nfindings; i++) {
		const struct ismc_ir_finding *f = ir->findings[i];

		by_kind[f->kind]++;
		if (f->closed)
			(*closed)++;
		else
			(*open)++;
	}
}

struct ismc_report *
ismc_report_findings(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r = ismc_report_new(a, "findings",
	    "Audit findings and corrective actions", finding_columns,
	    FND_NCOLUMNS);
	size_t i, open, closed, kinds[4];

	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "as_of", "As of", date_cell(a, ir->has_as_of,
	    ir->as_of));
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nfindings; i++) {
		const struct ismc_ir_finding *f = ir->findings[i];
		struct ismc_cell *row = ismc_report_add_row(r);

		row[FND_ID] = ismc_cell_str(f->id);
		row[FND_AUDIT] = ismc_cell_str(f->audit ? f->audit->id : NULL);
		row[FND_KIND] = ismc_cell_str(ismc_finding_kind_name(f->kind));
		row[FND_TITLE] = ismc_cell_str(f->title);
		row[FND_CONTROLS] = controls_cell(ir, a, f->controls, f->ncontrols);
		row[FND_CLAUSES] = ismc_cell_list(f->clauses, f->nclauses);
		action_cells(a, f, row);
		row[FND_CLOSED] = ismc_cell_bool(f->closed);
	}
	ismc_findings_count(ir, &open, &closed, kinds);
	ismc_report_add_summary(r, "major", "Major nonconformities",
	    ismc_cell_int((int64_t)kinds[ISMC_FINDING_MAJOR]));
	ismc_report_add_summary(r, "minor", "Minor nonconformities",
	    ismc_cell_int((int64_t)kinds[ISMC_FINDING_MINOR]));
	ismc_report_add_summary(r, "improvement", "Opportunities for "
	    "improvement", ismc_cell_int((int64_t)kinds[ISMC_FINDING_OFI]));
	ismc_report_add_summary(r, "observation", "Observations",
	    ismc_cell_int((int64_t)kinds[ISMC_FINDING_OBSERVATION]));
	ismc_report_add_summary(r, "open", "Open", ismc_cell_int(
	    (int64_t)open));
	ismc_report_add_summary(r, "closed", "Closed", ismc_cell_int(
	    (int64_t)closed));
	return r;
}

/* ---- management review -------------------------------------------------- */

enum review_col {			/* ORDER REVIEW_COLUMNS */
	REV_TOPIC, REV_FIGURE, REV_DETAIL, REV_NCOLUMNS
};

static const struct ismc_report_column review_columns[] = {
	[REV_TOPIC] = { "topic", "Topic" },
	[REV_FIGURE] = { "figure", "Figure" },
	[REV_DETAIL] = { "detail", "Detail" },
};

static void
review_row(struct ismc_report *r, const char *topic, struct ismc_cell fig,
    const char *detail)
{
	struct ismc_cell *row = ismc_report_add_row(r);

	row[REV_TOPIC] = ismc_cell_str(topic);
	row[REV_FIGURE] = fig;
	row[REV_DETAIL] = ismc_cell_str(detail);
}

static size_t
stale_evidence(const struct ismc_ir *ir)
{
	size_t i, n = 0;

	for (i = 0; i < ir->nevidence; i++)
		n += ir->evidence[i]->stale;
	return n;
}

struct ismc_report *
ismc_report_review(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r = ismc_report_new(a, "review",
	    "Management review: derived figures", review_columns,
	    REV_NCOLUMNS);
	const struct ismc_ir_totals *t = &ir->totals;
	size_t open, closed, kinds[4];

	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "as_of", "As of", date_cell(a, ir->has_as_of,
	    ir->as_of));
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
	ismc_findings_count(ir, &open, &closed, kinds);
	review_row(r, "Audit findings open", ismc_cell_int((int64_t)open),
	    ismc_arena_printf(a, "%zu closed; major %zu, minor %zu, "
	    "improvement %zu, observation %zu", closed,
	    kinds[ISMC_FINDING_MAJOR], kinds[ISMC_FINDING_MINOR],
	    kinds[ISMC_FINDING_OFI], kinds[ISMC_FINDING_OBSERVATION]));
	review_row(r, "Stale evidence", ismc_cell_int((int64_t)
	    stale_evidence(ir)), ismc_arena_printf(a, "of %zu evidence "
	    "records", ir->nevidence));
	ismc_review_add_coverage(r, ir, a);
	return r;
}

void
ismc_review_add_coverage(struct ismc_report *r, const struct ismc_ir *ir,
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
	}
	if (!any)
		review_row(r, "Framework coverage", ismc_cell_null(),
		    "no crosswalk analysed in this build");
}
