/*
 * report-isms.c - the cover facts and the frameworks in use, as internal
 * tables for the documents (report-isms.h).
 */
#include <config.h>

#include "report-isms.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "ir.h"
#include "report.h"

/* ORDER ISMS_COLUMNS */
static const struct ismc_report_column isms_columns[] = {
	[ISMC_ISMS_KIND] = { "kind", NULL },
	[ISMC_ISMS_ID] = { "id", NULL },
	[ISMC_ISMS_TEXT] = { "text", NULL },
};

/* ORDER ISMS_SUMMARY */
static const struct ismc_report_key isms_summary[] = {
	[ISMC_ISMS_SUM_TITLE] = { "title", "ISMS" },
	[ISMC_ISMS_SUM_ORGANISATION] = { "organisation", "Organisation" },
	[ISMC_ISMS_SUM_INDUSTRY] = { "industry", "Industry" },
	[ISMC_ISMS_SUM_EMPLOYEES] = { "employees", "Employees" },
	[ISMC_ISMS_SUM_VERSION] = { "version", "Version" },
	[ISMC_ISMS_SUM_DATE] = { "date", "Date" },
	[ISMC_ISMS_SUM_SCOPE] = { "scope", "Scope" },
	[ISMC_ISMS_SUM_AS_OF] = { "as_of", "As of" },
};

/* ORDER FRAMEWORK_COLUMNS */
static const struct ismc_report_column framework_columns[] = {
	[ISMC_FRAMEWORKS_ID] = { "id", NULL },
	[ISMC_FRAMEWORKS_TITLE] = { "title", NULL },
	[ISMC_FRAMEWORKS_NAME] = { "name", NULL },
	[ISMC_FRAMEWORKS_CONTROLS] = { "controls", NULL },
	[ISMC_FRAMEWORKS_ENTITY] = { "entity", NULL },
};

static void
add_items(struct ismc_report *r, const char *kind, const char *const *items,
    size_t n)
{
	struct ismc_cell *row;
	size_t i;

	for (i = 0; i < n; i++) {
		row = ismc_report_add_row(r);
		row[ISMC_ISMS_KIND] = ismc_cell_str(kind);
		row[ISMC_ISMS_TEXT] = ismc_cell_str(items[i]);
	}
}

static void
add_summary(struct ismc_report *r, const struct ismc_ir *ir)
{
	const struct ismc_ir_isms *m = &ir->isms;
	const struct ismc_report_key *k = isms_summary;
	struct ismc_arena *a = r->arena;

	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_TITLE,
	    ismc_cell_str(m->title));
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_ORGANISATION,
	    ismc_cell_str(m->organisation));
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_INDUSTRY,
	    ismc_cell_str(m->industry));
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_EMPLOYEES,
	    m->employees >= 0 ? ismc_cell_int(m->employees) :
	    ismc_cell_null());
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_VERSION,
	    ismc_cell_str(m->version));
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_DATE,
	    ismc_cell_date(a, m->has_date ? &m->date : NULL));
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_SCOPE,
	    ismc_cell_str(m->scope));
	ismc_report_add_summary_at(r, k, ISMC_ISMS_SUM_AS_OF,
	    ismc_cell_date(a, ir->has_as_of ? &ir->as_of : NULL));
}

struct ismc_report *
ismc_report_isms(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_ir_isms *m = &ir->isms;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	r = ismc_report_new(a, "isms", "ISMS and its scope", isms_columns,
	    ISMC_ISMS_NCOLUMNS);
	for (i = 0; i < m->nlocations; i++) {
		row = ismc_report_add_row(r);
		row[ISMC_ISMS_KIND] = ismc_cell_str("location");
		row[ISMC_ISMS_ID] = ismc_cell_str(m->locations[i].id);
		row[ISMC_ISMS_TEXT] = ismc_cell_str(m->locations[i].text);
	}
	add_items(r, "in scope", m->in_scope, m->nin_scope);
	add_items(r, "out of scope", m->out_of_scope, m->nout_of_scope);
	add_summary(r, ir);
	return r;
}

struct ismc_report *
ismc_report_frameworks(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_catalog *c;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	r = ismc_report_new(a, "frameworks", "Frameworks in use",
	    framework_columns, ISMC_FRAMEWORKS_NCOLUMNS);
	for (i = 0; i < ir->nframeworks; i++) {
		c = ir->frameworks[i].catalog;
		row = ismc_report_add_row(r);
		row[ISMC_FRAMEWORKS_ID] = ismc_cell_str(c->id);
		row[ISMC_FRAMEWORKS_TITLE] = ismc_cell_str(c->title);
		row[ISMC_FRAMEWORKS_NAME] = ismc_cell_str(c->title != NULL ?
		    c->title : c->id);
		row[ISMC_FRAMEWORKS_CONTROLS] = ismc_cell_bool(
		    ismc_catalog_is_controls(c));
		row[ISMC_FRAMEWORKS_ENTITY] = ismc_cell_str(
		    ir->frameworks[i].entity);
	}
	return r;
}

const struct ismc_report_def ismc_report_isms_def = {
	.name = "isms",
	.scope = ISMC_SCOPE_BUILD,
	.internal = true,
	.build = ismc_report_isms,
};

const struct ismc_report_def ismc_report_frameworks_def = {
	.name = "frameworks",
	.scope = ISMC_SCOPE_BUILD,
	.internal = true,
	.build = ismc_report_frameworks,
};
