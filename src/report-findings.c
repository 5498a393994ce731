/*
 * report-findings.c - audit findings and their corrective actions, and the
 * audit programme.
 */
#include <config.h>

#include "report-findings.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "ir.h"
#include "report.h"

/* ORDER FINDING_COLUMNS */
static const struct ismc_report_column finding_columns[] = {
	[ISMC_FINDINGS_ID] = { "id", "Finding" },
	[ISMC_FINDINGS_AUDIT] = { "audit", "Audit" },
	[ISMC_FINDINGS_KIND] = { "kind", "Kind" },
	[ISMC_FINDINGS_TITLE] = { "title", "Title" },
	[ISMC_FINDINGS_CONTROLS] = { "controls", "Controls" },
	[ISMC_FINDINGS_CLAUSES] = { "clauses", "Clauses" },
	[ISMC_FINDINGS_ACTIONS] = { "actions", "Corrective actions" },
	[ISMC_FINDINGS_OWNERS] = { "action_owners", "Action owners" },
	[ISMC_FINDINGS_DUE] = { "due", "Due" },
	[ISMC_FINDINGS_STATUS] = { "action_status", "Action status" },
	[ISMC_FINDINGS_OVERDUE] = { "overdue", "Overdue" },
	[ISMC_FINDINGS_CLOSED] = { "closed", "Closed" },
	[ISMC_FINDINGS_ACTION_OVERDUE] = { "action_overdue", NULL },
};

/* ORDER AUDIT_COLUMNS */
static const struct ismc_report_column audit_columns[] = {
	[ISMC_AUDITS_ID] = { "id", NULL },
	[ISMC_AUDITS_TITLE] = { "title", NULL },
	[ISMC_AUDITS_SCOPE] = { "scope", NULL },
	[ISMC_AUDITS_TYPE] = { "type", NULL },
	[ISMC_AUDITS_FROM] = { "from", NULL },
	[ISMC_AUDITS_TO] = { "to", NULL },
	[ISMC_AUDITS_AUDITOR] = { "auditor", NULL },
	[ISMC_AUDITS_FINDINGS] = { "findings", NULL },
};

static void
action_cells(struct ismc_arena *a, const struct ismc_ir_finding *f,
    struct ismc_cell *row)
{
	const char **ids, **own, **due, **st, **late;
	bool overdue = false;
	size_t i;

	ids = ismc_report_strv(a, f->nactions);
	own = ismc_report_strv(a, f->nactions);
	due = ismc_report_strv(a, f->nactions);
	st = ismc_report_strv(a, f->nactions);
	late = ismc_report_strv(a, f->nactions);
	for (i = 0; i < f->nactions; i++) {
		const struct ismc_ir_action *x = f->actions[i];

		ids[i] = ismc_arena_printf(a, "%s %s", x->id,
		    x->title ? x->title : "");
		own[i] = x->owner ? x->owner->id : "-";
		due[i] = x->has_due ? ismc_date_str(a, x->due) : "-";
		st[i] = ismc_action_status_name(x->status);
		late[i] = x->overdue ? "yes" : "no";
		overdue |= x->overdue;
	}
	row[ISMC_FINDINGS_ACTIONS] = ismc_cell_list(ids, f->nactions);
	row[ISMC_FINDINGS_OWNERS] = ismc_cell_list(own, f->nactions);
	row[ISMC_FINDINGS_DUE] = ismc_cell_list(due, f->nactions);
	row[ISMC_FINDINGS_STATUS] = ismc_cell_list(st, f->nactions);
	row[ISMC_FINDINGS_OVERDUE] = ismc_cell_bool(overdue);
	row[ISMC_FINDINGS_ACTION_OVERDUE] = ismc_cell_list(late, f->nactions);
}

void
ismc_findings_count(const struct ismc_ir *ir, struct ismc_findings_count *n)
{
	size_t i;

	memset(n, 0, sizeof *n);
	for (i = 0; i < ir->nfindings; i++) {
		const struct ismc_ir_finding *f = ir->findings[i];

		n->by_kind[f->kind]++;
		if (f->closed)
			n->closed++;
		else
			n->open++;
	}
}

static void
add_summary(struct ismc_report *r, const struct ismc_ir *ir)
{
	struct ismc_findings_count n;

	ismc_findings_count(ir, &n);
	ismc_report_add_summary(r, "major", "Major nonconformities",
	    ismc_cell_int((int64_t)n.by_kind[ISMC_FINDING_MAJOR]));
	ismc_report_add_summary(r, "minor", "Minor nonconformities",
	    ismc_cell_int((int64_t)n.by_kind[ISMC_FINDING_MINOR]));
	ismc_report_add_summary(r, "improvement", "Opportunities for "
	    "improvement", ismc_cell_int((int64_t)n.by_kind[ISMC_FINDING_OFI]));
	ismc_report_add_summary(r, "observation", "Observations",
	    ismc_cell_int((int64_t)n.by_kind[ISMC_FINDING_OBSERVATION]));
	ismc_report_add_summary(r, "open", "Open",
	    ismc_cell_int((int64_t)n.open));
	ismc_report_add_summary(r, "closed", "Closed",
	    ismc_cell_int((int64_t)n.closed));
}

struct ismc_report *
ismc_report_findings(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	r = ismc_report_new(a, "findings", "Audit findings and corrective "
	    "actions", finding_columns, ISMC_FINDINGS_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "as_of", "As of", ismc_cell_date(a,
	    ir->has_as_of ? &ir->as_of : NULL));
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nfindings; i++) {
		const struct ismc_ir_finding *f = ir->findings[i];

		row = ismc_report_add_row(r);
		row[ISMC_FINDINGS_ID] = ismc_cell_str(f->id);
		row[ISMC_FINDINGS_AUDIT] = ismc_cell_str(f->audit ?
		    f->audit->id : NULL);
		row[ISMC_FINDINGS_KIND] = ismc_cell_str(
		    ismc_finding_kind_name(f->kind));
		row[ISMC_FINDINGS_TITLE] = ismc_cell_str(f->title);
		row[ISMC_FINDINGS_CONTROLS] = ismc_report_controls_cell(a, ir,
		    f->controls, f->ncontrols);
		row[ISMC_FINDINGS_CLAUSES] = ismc_cell_list(f->clauses,
		    f->nclauses);
		action_cells(a, f, row);
		row[ISMC_FINDINGS_CLOSED] = ismc_cell_bool(f->closed);
	}
	add_summary(r, ir);
	return r;
}

const struct ismc_report_def ismc_report_findings_def = {
	.name = "findings",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_findings,
};

struct ismc_report *
ismc_report_audits(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_ir_audit *au;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	r = ismc_report_new(a, "audits", "Audit programme", audit_columns,
	    ISMC_AUDITS_NCOLUMNS);
	for (i = 0; i < ir->naudits; i++) {
		au = ir->audits[i];
		row = ismc_report_add_row(r);
		row[ISMC_AUDITS_ID] = ismc_cell_str(au->id);
		row[ISMC_AUDITS_TITLE] = ismc_cell_str(au->title);
		row[ISMC_AUDITS_SCOPE] = ismc_cell_str(au->scope);
		row[ISMC_AUDITS_TYPE] = ismc_cell_str(au->external ?
		    "external" : "internal");
		row[ISMC_AUDITS_FROM] = ismc_cell_date(a, au->has_date ?
		    &au->date : NULL);
		row[ISMC_AUDITS_TO] = ismc_cell_date(a, au->has_end ?
		    &au->end : NULL);
		row[ISMC_AUDITS_AUDITOR] = ismc_cell_str(au->auditor);
		row[ISMC_AUDITS_FINDINGS] = ismc_cell_int((int64_t)
		    au->nfindings);
	}
	return r;
}

const struct ismc_report_def ismc_report_audits_def = {
	.name = "audits",
	.scope = ISMC_SCOPE_BUILD,
	.internal = true,
	.build = ismc_report_audits,
};
