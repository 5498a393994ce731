/*
 * report-roadmap.c - the implementation roadmap as a table, in the order
 * sema decided (date, kind, id).
 */
#include <config.h>

#include "report-roadmap.h"

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "date.h"
#include "ir.h"
#include "report.h"

/* ORDER ROADMAP_COLUMNS */
static const struct ismc_report_column roadmap_columns[] = {
	[ISMC_ROADMAP_KIND] = { "kind", "Kind" },
	[ISMC_ROADMAP_ID] = { "id", "Id" },
	[ISMC_ROADMAP_TITLE] = { "title", "Title" },
	[ISMC_ROADMAP_OWNER] = { "owner", "Owner" },
	[ISMC_ROADMAP_FROM] = { "from", "From" },
	[ISMC_ROADMAP_DATE] = { "date", "Date" },
	[ISMC_ROADMAP_PHASE] = { "phase", "Phase" },
	[ISMC_ROADMAP_STATUS] = { "status", "Status" },
	[ISMC_ROADMAP_REACHED] = { "reached", "Reached" },
	[ISMC_ROADMAP_OVERDUE] = { "overdue", "Overdue" },
	[ISMC_ROADMAP_DAYS_LATE] = { "days_late", "Days late" },
};

/* ORDER ROADMAP_SUMMARY */
static const struct ismc_report_key roadmap_summary[] = {
	[ISMC_ROADMAP_SUM_PHASES] = { "phases", "Phases" },
	[ISMC_ROADMAP_SUM_MILESTONES] = { "milestones", "Milestones" },
	[ISMC_ROADMAP_SUM_TARGETS] = { "targets", "Items with a target date" },
	[ISMC_ROADMAP_SUM_OVERDUE] = { "overdue", "Overdue" },
	[ISMC_ROADMAP_SUM_START] = { "start", "Start" },
	[ISMC_ROADMAP_SUM_END] = { "end", "End" },
};

static const char *
owner_id(const struct ismc_ir_role *r)
{
	return r != NULL ? r->id : NULL;
}

/* The columns that differ by kind: title, owner, status, from, reached. */
static void
kind_cells(const struct ismc_ir *ir, struct ismc_arena *a,
    const struct ismc_ir_road *r, struct ismc_cell *row)
{
	const struct ismc_ir_control *c = r->control;

	switch (r->kind) {
	case ISMC_ROAD_PHASE:
		row[ISMC_ROADMAP_ID] = ismc_cell_str(r->phase->id);
		row[ISMC_ROADMAP_TITLE] = ismc_cell_str(r->phase->title);
		row[ISMC_ROADMAP_OWNER] = ismc_cell_str(owner_id(r->phase->owner));
		row[ISMC_ROADMAP_FROM] = ismc_cell_date(a, &r->phase->from);
		row[ISMC_ROADMAP_DATE] = ismc_cell_date(a, &r->phase->to);
		return;
	case ISMC_ROAD_MILESTONE:
		row[ISMC_ROADMAP_ID] = ismc_cell_str(r->milestone->id);
		row[ISMC_ROADMAP_TITLE] = ismc_cell_str(r->milestone->title);
		row[ISMC_ROADMAP_OWNER] = ismc_cell_str(owner_id(
		    r->milestone->owner));
		row[ISMC_ROADMAP_STATUS] = ismc_cell_str(
		    r->milestone->has_reached ? "reached" : "open");
		row[ISMC_ROADMAP_REACHED] = ismc_cell_date(a,
		    r->milestone->has_reached ? &r->milestone->reached : NULL);
		break;
	case ISMC_ROAD_CONTROL:
		row[ISMC_ROADMAP_ID] = ismc_cell_str(ismc_report_req_id(a, ir,
		    c->req));
		row[ISMC_ROADMAP_TITLE] = ismc_cell_str(c->req->title);
		row[ISMC_ROADMAP_OWNER] = ismc_cell_str(owner_id(c->owner));
		row[ISMC_ROADMAP_STATUS] = ismc_cell_str(
		    ismc_report_control_status(c));
		break;
	case ISMC_ROAD_MEASURE:
		row[ISMC_ROADMAP_ID] = ismc_cell_str(r->measure->id);
		row[ISMC_ROADMAP_TITLE] = ismc_cell_str(r->measure->title);
		row[ISMC_ROADMAP_OWNER] = ismc_cell_str(owner_id(
		    r->measure->owner));
		row[ISMC_ROADMAP_STATUS] = ismc_cell_str(ismc_status_name(
		    r->measure->status));
		break;
	case ISMC_ROAD_ACTION:
		row[ISMC_ROADMAP_ID] = ismc_cell_str(r->action->id);
		row[ISMC_ROADMAP_TITLE] = ismc_cell_str(r->action->title);
		row[ISMC_ROADMAP_OWNER] = ismc_cell_str(owner_id(
		    r->action->owner));
		row[ISMC_ROADMAP_STATUS] = ismc_cell_str(
		    ismc_action_status_name(r->action->status));
		break;
	}
	row[ISMC_ROADMAP_DATE] = ismc_cell_date(a, &r->date);
}

/* The last day of the phase that ends last (phases come by start). */
static const struct ismc_date *
last_end(const struct ismc_ir *ir)
{
	const struct ismc_date *d = &ir->phases[0]->to;
	size_t i;

	for (i = 1; i < ir->nphases; i++)
		if (ismc_date_cmp(ir->phases[i]->to, *d) > 0)
			d = &ir->phases[i]->to;
	return d;
}

struct ismc_report *
ismc_report_roadmap(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;
	struct ismc_cell *row;
	const struct ismc_ir_road *rd;
	size_t i, targets = 0, overdue = 0;

	if (ir->nroadmap == 0)
		return NULL;
	r = ismc_report_new(a, "roadmap", "Implementation roadmap",
	    roadmap_columns, ISMC_ROADMAP_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "as_of", "As of", ismc_cell_date(a,
	    ir->has_as_of ? &ir->as_of : NULL));
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nroadmap; i++) {
		rd = &ir->roadmap[i];
		row = ismc_report_add_row(r);
		row[ISMC_ROADMAP_KIND] = ismc_cell_str(
		    rd->control != NULL && rd->control->req->mandatory ?
		    "clause" : ismc_road_kind_name(rd->kind));
		kind_cells(ir, a, rd, row);
		row[ISMC_ROADMAP_PHASE] = ismc_cell_str(rd->in != NULL ?
		    rd->in->id : NULL);
		if (rd->kind != ISMC_ROAD_PHASE)
			row[ISMC_ROADMAP_OVERDUE] = ismc_cell_bool(rd->overdue);
		if (rd->overdue)
			row[ISMC_ROADMAP_DAYS_LATE] = ismc_cell_int(rd->days_late);
		targets += rd->kind >= ISMC_ROAD_CONTROL;
		overdue += rd->overdue;
	}
	ismc_report_add_summary_at(r, roadmap_summary, ISMC_ROADMAP_SUM_PHASES,
	    ismc_cell_int((int64_t)ir->nphases));
	ismc_report_add_summary_at(r, roadmap_summary,
	    ISMC_ROADMAP_SUM_MILESTONES, ismc_cell_int((int64_t)ir->nmilestones));
	ismc_report_add_summary_at(r, roadmap_summary, ISMC_ROADMAP_SUM_TARGETS,
	    ismc_cell_int((int64_t)targets));
	ismc_report_add_summary_at(r, roadmap_summary, ISMC_ROADMAP_SUM_OVERDUE,
	    ismc_cell_int((int64_t)overdue));
	ismc_report_add_summary_at(r, roadmap_summary, ISMC_ROADMAP_SUM_START,
	    ismc_cell_date(a, ir->nphases > 0 ? &ir->phases[0]->from : NULL));
	ismc_report_add_summary_at(r, roadmap_summary, ISMC_ROADMAP_SUM_END,
	    ismc_cell_date(a, ir->nphases > 0 ? last_end(ir) : NULL));
	return r;
}

const struct ismc_report_def ismc_report_roadmap_def = {
	.name = "roadmap",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_roadmap,
};
