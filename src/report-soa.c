/*
 * report-soa.c - the Statement of Applicability of one framework, and the
 * clauses decided beside it.
 *
 * One row per requirement, in catalog order, exactly as the IR lists them:
 * an auditor compares the SoA with the standard line by line, so nothing
 * is sorted, merged or left out here.
 */
#include <config.h>

#include "report-soa.h"

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "ir.h"
#include "report.h"

/* ORDER SOA_COLUMNS */
static const struct ismc_report_column soa_columns[] = {
	[ISMC_SOA_ID] = { "id", "Control" },
	[ISMC_SOA_THEME] = { "theme", "Theme" },
	[ISMC_SOA_TITLE] = { "title", "Title" },
	[ISMC_SOA_TEXT] = { "text", "Licensed text" },
	[ISMC_SOA_APPLICABLE] = { "applicable", "Applicable" },
	[ISMC_SOA_REASONS] = { "reasons", "Inclusion reasons" },
	[ISMC_SOA_JUSTIFICATION] = { "justification", "Exclusion justification" },
	[ISMC_SOA_STATUS] = { "status", "Implementation status" },
	[ISMC_SOA_OWNER] = { "owner", "Owner" },
	[ISMC_SOA_OWNER_TITLE] = { "owner_title", "Owner title" },
	[ISMC_SOA_REFERENCES] = { "references", "References" },
	[ISMC_SOA_MEASURES] = { "measures", "Measures" },
	[ISMC_SOA_RISKS] = { "risks", "Risks treated" },
};

/* ORDER CLAUSE_COLUMNS */
static const struct ismc_report_column clause_columns[] = {
	[ISMC_CLAUSE_ID] = { "id", "Clause" },
	[ISMC_CLAUSE_HEADING] = { "heading", "Heading" },
	[ISMC_CLAUSE_TITLE] = { "title", "Title" },
	[ISMC_CLAUSE_STATUS] = { "status", "Status" },
	[ISMC_CLAUSE_OWNER] = { "owner", "Owner" },
	[ISMC_CLAUSE_OWNER_TITLE] = { "owner_title", "Owner title" },
	[ISMC_CLAUSE_REFERENCES] = { "references",
	    "Documented information and references" },
	[ISMC_CLAUSE_MEASURES] = { "measures", "Measures" },
};

/* Summary entries for the implementation status of applicable controls;
 * the keys are fixed here so the JSON summary cannot drift with the
 * spelling of status names. */
static const struct {
	const char	*key;
	const char	*label;
} status_fields[] = {			/* ORDER ISMC_STATUS */
	[ISMC_STATUS_UNSET] = { "status_unset",
	    "Applicable, status not set" },
	[ISMC_STATUS_NOT_IMPLEMENTED] = { "status_not_implemented",
	    "Applicable, not implemented" },
	[ISMC_STATUS_PLANNED] = { "status_planned", "Applicable, planned" },
	[ISMC_STATUS_PARTIAL] = { "status_partial",
	    "Applicable, partially implemented" },
	[ISMC_STATUS_IMPLEMENTED] = { "status_implemented",
	    "Applicable, implemented" },
};
#define NSTATUS	(sizeof status_fields / sizeof status_fields[0])

/*
 * The theme is the top-level group holding the requirement ("Organizational
 * controls" for A.5.15, the chapter for a DORA point), so every row of a
 * deep catalog still sorts into one of a handful of themes.
 */
static struct ismc_cell
theme_cell(const struct ismc_req *req)
{
	const struct ismc_req *g = ismc_req_top_group(req);

	if (g == NULL)
		return ismc_cell_null();
	return ismc_cell_str(g->title != NULL ? g->title : g->id);
}

static struct ismc_cell
applicable_cell(enum ismc_applicability app)
{
	switch (app) {
	case ISMC_APPLICABLE:
		return ismc_cell_str("yes");
	case ISMC_EXCLUDED:
		return ismc_cell_str("no");
	case ISMC_UNDECIDED:
		break;
	}
	return ismc_cell_str("undecided");
}

static struct ismc_cell
reasons_cell(struct ismc_arena *a, unsigned reasons)
{
	const char **v = ismc_report_strv(a, ISMC_NREASONS);
	size_t n = 0;
	unsigned i;

	for (i = 0; i < ISMC_NREASONS; i++)
		if (reasons & (1u << i))
			v[n++] = ismc_reason_name((enum ismc_reason)(1u << i));
	return ismc_cell_list(v, n);
}

static struct ismc_cell
refs_cell(struct ismc_arena *a, const struct ismc_ir_docref *refs, size_t n)
{
	const char **v = ismc_report_strv(a, n);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = ismc_arena_printf(a, "%s: %s",
		    ismc_ref_kind_name(refs[i].kind), refs[i].text);
	return ismc_cell_list(v, n);
}

static struct ismc_cell
measures_cell(struct ismc_arena *a, const struct ismc_ir_measure **m,
    size_t n)
{
	const char **v = ismc_report_strv(a, n);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = m[i]->id;
	return ismc_cell_list(v, n);
}

static struct ismc_cell
risks_cell(struct ismc_arena *a, const struct ismc_ir_risk **r,
    size_t n)
{
	const char **v = ismc_report_strv(a, n);
	size_t i;

	for (i = 0; i < n; i++)
		v[i] = r[i]->id;
	return ismc_cell_list(v, n);
}

static void
fill_row(struct ismc_arena *a, struct ismc_cell *row,
    const struct ismc_ir_control *c)
{
	row[ISMC_SOA_ID] = ismc_cell_str(c->req->id);
	row[ISMC_SOA_THEME] = theme_cell(c->req);
	row[ISMC_SOA_TITLE] = ismc_cell_str(c->req->title);
	row[ISMC_SOA_TEXT] = ismc_cell_str(c->req->text);
	row[ISMC_SOA_APPLICABLE] = applicable_cell(c->applicability);
	row[ISMC_SOA_REASONS] = reasons_cell(a, c->reasons);
	row[ISMC_SOA_JUSTIFICATION] = ismc_cell_str(c->justification);
	if (c->status != ISMC_STATUS_UNSET)
		row[ISMC_SOA_STATUS] = ismc_cell_str(ismc_status_name(c->status));
	if (c->owner != NULL) {
		row[ISMC_SOA_OWNER] = ismc_cell_str(c->owner->id);
		row[ISMC_SOA_OWNER_TITLE] = ismc_cell_str(c->owner->title);
	}
	row[ISMC_SOA_REFERENCES] = refs_cell(a, c->refs, c->nrefs);
	row[ISMC_SOA_MEASURES] = measures_cell(a, c->measures, c->nmeasures);
	row[ISMC_SOA_RISKS] = risks_cell(a, c->risks, c->nrisks);
}

static void
add_summary(struct ismc_report *r, const struct ismc_ir_framework *fw)
{
	size_t app = 0, excl = 0, undec = 0, status[NSTATUS] = { 0 };
	size_t i, s, n = 0;

	for (i = 0; i < fw->ncontrols; i++) {
		const struct ismc_ir_control *c = &fw->controls[i];

		if (c->req->mandatory)
			continue;	/* ISO clauses 4-10: no SoA row */
		n++;
		switch (c->applicability) {
		case ISMC_APPLICABLE:
			app++;
			if ((size_t)c->status < NSTATUS)
				status[c->status]++;
			break;
		case ISMC_EXCLUDED:
			excl++;
			break;
		case ISMC_UNDECIDED:
			undec++;
			break;
		}
	}
	ismc_report_add_summary(r, "controls", "Requirements",
	    ismc_cell_int((int64_t)n));
	ismc_report_add_summary(r, "applicable", "Applicable",
	    ismc_cell_int((int64_t)app));
	ismc_report_add_summary(r, "excluded", "Excluded",
	    ismc_cell_int((int64_t)excl));
	ismc_report_add_summary(r, "undecided", "Undecided",
	    ismc_cell_int((int64_t)undec));
	/* Most advanced first, the order a reader scans for progress. */
	for (s = NSTATUS; s-- > 0;)
		ismc_report_add_summary(r, status_fields[s].key,
		    status_fields[s].label, ismc_cell_int((int64_t)status[s]));
}

struct ismc_report *
ismc_report_soa(const struct ismc_ir *ir, const struct ismc_ir_framework *fw,
    struct ismc_arena *a)
{
	const struct ismc_catalog *cat = fw->catalog;
	struct ismc_report *r;
	const char *name;
	size_t i;

	name = cat->title != NULL ? cat->title : cat->id;
	r = ismc_report_new(a, "soa",
	    ismc_arena_printf(a, "Statement of Applicability: %s", name),
	    soa_columns, ISMC_SOA_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "framework", "Framework",
	    ismc_cell_str(cat->id));
	ismc_report_add_meta(r, "framework_title", "Framework title",
	    ismc_cell_str(cat->title));
	ismc_report_add_generator(r);
	for (i = 0; i < fw->ncontrols; i++)
		if (!fw->controls[i].req->mandatory)
			fill_row(a, ismc_report_add_row(r), &fw->controls[i]);
	/* Full texts exist only where the user supplied a licensed file. */
	ismc_report_omit_empty_column(r, ISMC_SOA_TEXT);
	add_summary(r, fw);
	return r;
}

const struct ismc_report_def ismc_report_soa_def = {
	.name = "soa",
	.scope = ISMC_SCOPE_CONTROLS,
	.build_fw = ismc_report_soa,
};

static void
fill_clause_row(struct ismc_arena *a, struct ismc_cell *row,
    const struct ismc_ir_control *c)
{
	row[ISMC_CLAUSE_ID] = ismc_cell_str(c->req->id);
	row[ISMC_CLAUSE_HEADING] = theme_cell(c->req);
	row[ISMC_CLAUSE_TITLE] = ismc_cell_str(c->req->title);
	if (c->status != ISMC_STATUS_UNSET)
		row[ISMC_CLAUSE_STATUS] = ismc_cell_str(
		    ismc_status_name(c->status));
	if (c->owner != NULL) {
		row[ISMC_CLAUSE_OWNER] = ismc_cell_str(c->owner->id);
		row[ISMC_CLAUSE_OWNER_TITLE] = ismc_cell_str(c->owner->title);
	}
	row[ISMC_CLAUSE_REFERENCES] = refs_cell(a, c->refs, c->nrefs);
	row[ISMC_CLAUSE_MEASURES] = measures_cell(a, c->measures,
	    c->nmeasures);
}

/* Clause summary labels: a clause is never excluded, so no "Applicable,"
 * as in the SoA's. ORDER ISMC_STATUS */
static const char *const clause_labels[] = {
	[ISMC_STATUS_UNSET] = "Not decided",
	[ISMC_STATUS_NOT_IMPLEMENTED] = "Not implemented",
	[ISMC_STATUS_PLANNED] = "Planned",
	[ISMC_STATUS_PARTIAL] = "Partially implemented",
	[ISMC_STATUS_IMPLEMENTED] = "Implemented",
};

struct ismc_report *
ismc_report_clauses(const struct ismc_ir *ir,
    const struct ismc_ir_framework *fw, struct ismc_arena *a)
{
	const struct ismc_catalog *cat = fw->catalog;
	size_t i, s, n = 0, status[NSTATUS] = { 0 };
	const struct ismc_ir_control *c;
	struct ismc_report *r = NULL;

	for (i = 0; i < fw->ncontrols; i++) {
		c = &fw->controls[i];
		if (!c->req->mandatory)
			continue;
		if (r == NULL) {
			r = ismc_report_new(a, "clauses", ismc_arena_printf(a,
			    "Clauses: %s", cat->title != NULL ? cat->title :
			    cat->id), clause_columns, ISMC_CLAUSE_NCOLUMNS);
			ismc_report_add_spec_meta(r, ir);
			ismc_report_add_meta(r, "framework", "Framework",
			    ismc_cell_str(cat->id));
			ismc_report_add_meta(r, "framework_title",
			    "Framework title", ismc_cell_str(cat->title));
			ismc_report_add_generator(r);
		}
		fill_clause_row(a, ismc_report_add_row(r), c);
		n++;
		if ((size_t)c->status < NSTATUS)
			status[c->status]++;
	}
	if (r == NULL)
		return NULL;
	ismc_report_add_summary(r, "clauses", "Clauses",
	    ismc_cell_int((int64_t)n));
	for (s = NSTATUS; s-- > 0;)
		ismc_report_add_summary(r, status_fields[s].key,
		    clause_labels[s], ismc_cell_int((int64_t)status[s]));
	return r;
}

const struct ismc_report_def ismc_report_clauses_def = {
	.name = "clauses",
	.scope = ISMC_SCOPE_CONTROLS,
	.build_fw = ismc_report_clauses,
};
