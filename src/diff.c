/*
 * diff.c - compares two IRs from separate compilations. Their strings are
 * interned in different tables, so identities are compared by spelling;
 * both sides are in the IR's deterministic order, so every comparison is
 * a merge of two sorted lists.
 *
 * The result is a report table (report.h), so the JSON form is the one
 * envelope every JSON output shares; the Markdown summary below reads
 * nothing but that table.
 */
#include <config.h>

#include "diff.h"

#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "emit.h"
#include "gap.h"
#include "ir.h"
#include "report.h"

enum {
	COL_SECTION,		/* coverage, framework, requirement, control,
				 * risk */
	COL_FRAMEWORK,
	COL_ID,
	COL_CHANGE,		/* same, changed, added, removed, opened,
				 * closed, versions-differ */
	COL_BEFORE,
	COL_AFTER,
	COL_POINTS,		/* coverage: change in full, in points */
	COL_GAPS_BEFORE,
	COL_GAPS_AFTER,
	COL_RES_BEFORE,		/* risk: residual scores */
	COL_RES_AFTER,
	NCOLS
};

static const struct ismc_report_column columns[NCOLS] = {
	{ "section", "Section" },
	{ "framework", "Framework" },
	{ "id", "Id" },
	{ "change", "Change" },
	{ "before", "Before" },
	{ "after", "After" },
	{ "points", "Change (points)" },
	{ "gaps_before", "Gaps before" },
	{ "gaps_after", "Gaps after" },
	{ "residual_before", "Residual before" },
	{ "residual_after", "Residual after" },
};

/* ---- building ---------------------------------------------------------- */

static const struct ismc_ir_framework *
framework_named(const struct ismc_ir *ir, const char *id)
{
	size_t i;

	for (i = 0; i < ir->nframeworks; i++)
		if (strcmp(ir->frameworks[i].catalog->id, id) == 0)
			return &ir->frameworks[i];
	return NULL;
}

/* The analysis of a framework that mappings reach (not the hub), or NULL. */
static const struct ismc_gap_fw *
gap_of(const struct ismc_ir *ir, const struct ismc_ir_framework *fw)
{
	const struct ismc_gap_fw *g;

	if (ir->gap == NULL || fw == NULL)
		return NULL;
	g = ismc_gap_find(ir->gap, fw);
	return g != NULL && g->nsets_in > 0 ? g : NULL;
}

/* Full coverage in percent; 0 where nothing was assessed or analysed. */
static double
full_pct(const struct ismc_gap_fw *g)
{
	double p;

	if (g == NULL)
		return 0.0;
	p = ismc_gap_pct(g->n.full, &g->n);
	return p == p ? p : 0.0;
}

static struct ismc_cell
pct_cell(const struct ismc_gap_fw *g)
{
	return g != NULL ? ismc_cell_dec(full_pct(g), 1) : ismc_cell_null();
}

static struct ismc_cell
gaps_cell(const struct ismc_gap_fw *g)
{
	return g != NULL ? ismc_cell_int((int64_t)g->n.gap) :
	    ismc_cell_null();
}

static struct ismc_cell *
add_row(struct ismc_report *r, const char *section, const char *fw,
    const char *id, const char *change)
{
	struct ismc_cell *row = ismc_report_add_row(r);

	row[COL_SECTION] = ismc_cell_str(section);
	row[COL_FRAMEWORK] = ismc_cell_str(fw);
	row[COL_ID] = ismc_cell_str(id);
	row[COL_CHANGE] = ismc_cell_str(change);
	return row;
}

static void
add_coverage(struct ismc_report *r, const struct ismc_ir *o,
    const struct ismc_ir *n)
{
	size_t i;

	for (i = 0; i < n->nframeworks; i++) {
		const struct ismc_ir_framework *nf = &n->frameworks[i];
		const struct ismc_gap_fw *a = gap_of(o, framework_named(o,
		    nf->catalog->id)), *b = gap_of(n, nf);
		struct ismc_cell *row;
		const char *change;

		if (a == NULL && b == NULL)
			continue;
		if (a == NULL || b == NULL)
			change = a == NULL ? "added" : "removed";
		else
			change = full_pct(a) == full_pct(b) &&
			    a->n.gap == b->n.gap ? "same" : "changed";
		row = add_row(r, "coverage", nf->catalog->id, NULL, change);
		row[COL_BEFORE] = pct_cell(a);
		row[COL_AFTER] = pct_cell(b);
		row[COL_POINTS] = ismc_cell_dec(full_pct(b) - full_pct(a), 1);
		row[COL_GAPS_BEFORE] = gaps_cell(a);
		row[COL_GAPS_AFTER] = gaps_cell(b);
	}
}

static void
add_frameworks(struct ismc_report *r, const struct ismc_ir *o,
    const struct ismc_ir *n)
{
	size_t i;

	for (i = 0; i < o->nframeworks; i++)
		if (framework_named(n, o->frameworks[i].catalog->id) == NULL)
			add_row(r, "framework", o->frameworks[i].catalog->id,
			    NULL, "removed");
	for (i = 0; i < n->nframeworks; i++)
		if (framework_named(o, n->frameworks[i].catalog->id) == NULL)
			add_row(r, "framework", n->frameworks[i].catalog->id,
			    NULL, "added");
}

/* Requirement statuses that moved, per framework analysed on both sides. */
static void
add_requirements(struct ismc_report *r, const struct ismc_ir *o,
    const struct ismc_ir *n)
{
	size_t i, j;

	for (i = 0; i < n->nframeworks; i++) {
		const struct ismc_ir_framework *nf = &n->frameworks[i];
		const struct ismc_gap_fw *a = gap_of(o, framework_named(o,
		    nf->catalog->id)), *b = gap_of(n, nf);

		if (a == NULL || b == NULL)
			continue;
		if (a->nreqs != b->nreqs) {
			add_row(r, "framework", nf->catalog->id, NULL,
			    "versions-differ");
			continue;
		}
		for (j = 0; j < b->nreqs; j++) {
			enum ismc_cov x = a->reqs[j].status;
			enum ismc_cov y = b->reqs[j].status;
			struct ismc_cell *row;

			if (x == y || strcmp(a->reqs[j].req->id,
			    b->reqs[j].req->id) != 0)
				continue;
			row = add_row(r, "requirement", nf->catalog->id,
			    b->reqs[j].req->id, y > x && y != ISMC_COV_EXCLUDED
			    ? "closed" : "opened");
			row[COL_BEFORE] = ismc_cell_str(ismc_cov_name(x));
			row[COL_AFTER] = ismc_cell_str(ismc_cov_name(y));
		}
	}
}

static const char *
decision(struct ismc_arena *a, const struct ismc_ir_control *c)
{
	return ismc_arena_printf(a, "%s, %s",
	    ismc_applicability_name(c->applicability),
	    ismc_status_name(c->status));
}

static void
add_controls(struct ismc_report *r, const struct ismc_ir *o,
    const struct ismc_ir *n)
{
	size_t i, j;

	for (i = 0; i < n->nframeworks; i++) {
		const struct ismc_ir_framework *nf = &n->frameworks[i];
		const struct ismc_ir_framework *of = framework_named(o,
		    nf->catalog->id);

		if (of == NULL || of->ncontrols != nf->ncontrols)
			continue;
		for (j = 0; j < nf->ncontrols; j++) {
			const struct ismc_ir_control *a = &of->controls[j];
			const struct ismc_ir_control *b = &nf->controls[j];
			struct ismc_cell *row;

			if (a->status == b->status &&
			    a->applicability == b->applicability)
				continue;
			row = add_row(r, "control", nf->catalog->id, b->req->id,
			    "changed");
			row[COL_BEFORE] = ismc_cell_str(decision(r->arena, a));
			row[COL_AFTER] = ismc_cell_str(decision(r->arena, b));
		}
	}
}

static void
add_risks(struct ismc_report *r, const struct ismc_ir *o,
    const struct ismc_ir *n)
{
	size_t i = 0, j = 0;
	struct ismc_cell *row;
	int c;

	while (i < o->nrisks || j < n->nrisks) {
		const struct ismc_ir_risk *a = i < o->nrisks ? o->risks[i] :
		    NULL;
		const struct ismc_ir_risk *b = j < n->nrisks ? n->risks[j] :
		    NULL;

		c = a == NULL ? 1 : b == NULL ? -1 : ismc_natcmp(a->id, b->id);
		if (c == 0 && a->score == b->score &&
		    a->res_score == b->res_score) {
			i++, j++;
			continue;
		}
		row = add_row(r, "risk", NULL, c <= 0 ? a->id : b->id,
		    c < 0 ? "removed" : c > 0 ? "added" : "changed");
		if (c <= 0) {
			row[COL_BEFORE] = ismc_cell_int(a->score);
			row[COL_RES_BEFORE] = ismc_cell_int(a->res_score);
			i++;
		}
		if (c >= 0) {
			row[COL_AFTER] = ismc_cell_int(b->score);
			row[COL_RES_AFTER] = ismc_cell_int(b->res_score);
			j++;
		}
	}
}

static void
add_totals(struct ismc_report *r, const struct ismc_ir *o,
    const struct ismc_ir *n)
{
	const struct ismc_ir_totals *a = &o->totals, *b = &n->totals;
	bool changed = a->inherent != b->inherent ||
	    a->residual != b->residual;
	size_t i, nchanges = changed;

	for (i = 0; i < r->nrows; i++)
		nchanges += strcmp(r->rows[i][COL_CHANGE].u.s, "same") != 0;
	ismc_report_add_summary(r, "inherent_before", "Inherent total before",
	    ismc_cell_int(a->inherent));
	ismc_report_add_summary(r, "inherent_after", "Inherent total after",
	    ismc_cell_int(b->inherent));
	ismc_report_add_summary(r, "residual_before", "Residual total before",
	    ismc_cell_int(a->residual));
	ismc_report_add_summary(r, "residual_after", "Residual total after",
	    ismc_cell_int(b->residual));
	ismc_report_add_summary(r, "reduction_before", "Reduction before (%)",
	    ismc_cell_dec(a->reduction_pct, 1));
	ismc_report_add_summary(r, "reduction_after", "Reduction after (%)",
	    ismc_cell_dec(b->reduction_pct, 1));
	ismc_report_add_summary(r, "changes", "Changes",
	    ismc_cell_int((int64_t)nchanges));
	ismc_report_add_summary(r, "changed", "Changed",
	    ismc_cell_bool(nchanges > 0));
}

struct ismc_report *
ismc_diff_build(const struct ismc_ir *o, const struct ismc_ir *n,
    const char *old_name, const char *new_name, struct ismc_arena *a)
{
	struct ismc_report *r = ismc_report_new(a, "diff", "ismc diff",
	    columns, NCOLS);

	ismc_report_add_meta(r, "old", "From", ismc_cell_str(old_name));
	ismc_report_add_meta(r, "new", "To", ismc_cell_str(new_name));
	ismc_report_add_meta(r, "policy", "Coverage policy", ismc_cell_str(
	    n->gap != NULL ? ismc_gap_policy_name(n->gap->policy) : NULL));
	ismc_report_add_generator(r);
	add_coverage(r, o, n);
	add_frameworks(r, o, n);
	add_requirements(r, o, n);
	add_controls(r, o, n);
	add_risks(r, o, n);
	add_totals(r, o, n);
	return r;
}

/* ---- reading the table back -------------------------------------------- */

static const struct ismc_cell *
field(const struct ismc_report_field *f, size_t n, const char *key)
{
	static const struct ismc_cell null;
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(f[i].key, key) == 0)
			return &f[i].value;
	return &null;
}

static const struct ismc_cell *
summary(const struct ismc_report *r, const char *key)
{
	return field(r->summary, r->nsummary, key);
}

bool
ismc_diff_changed(const struct ismc_report *r)
{
	const struct ismc_cell *c = summary(r, "changed");

	return c->kind == ISMC_CELL_BOOL && c->u.b;
}

static bool
is(const struct ismc_cell *row, int col, const char *s)
{
	return row[col].kind == ISMC_CELL_STRING &&
	    strcmp(row[col].u.s, s) == 0;
}

/* ---- Markdown ----------------------------------------------------------- */

/* A cell as text, "-" for null; escaped for Markdown. */
static void
md_cell(struct ismc_buf *out, struct ismc_buf *tmp, const struct ismc_cell *c)
{
	ismc_buf_reset(tmp);
	if (c->kind == ISMC_CELL_NULL)
		ismc_buf_addc(tmp, '-');
	else
		ismc_cell_format(c, ", ", tmp);
	ismc_emit_md_text(out, ismc_buf_cstr(tmp), tmp->len);
}

/* "before -> after" */
static void
md_arrow(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_cell *before, const struct ismc_cell *after)
{
	md_cell(out, tmp, before);
	ismc_buf_adds(out, " -> ");
	md_cell(out, tmp, after);
}

static void
md_totals(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_report *r)
{
	static const char *const names[3] = {
		"inherent", "residual", "reduction"
	};
	size_t i;

	ismc_buf_adds(out, "\n## Risk totals\n\n");
	for (i = 0; i < 3; i++) {
		char before[32], after[32];

		snprintf(before, sizeof before, "%s_before", names[i]);
		snprintf(after, sizeof after, "%s_after", names[i]);
		ismc_buf_printf(out, "- %s: ", names[i]);
		md_cell(out, tmp, summary(r, before));
		ismc_buf_adds(out, i == 2 ? "% -> " : " -> ");
		md_cell(out, tmp, summary(r, after));
		ismc_buf_adds(out, i == 2 ? "%\n" : "\n");
	}
}

typedef void md_line_fn(struct ismc_buf *, struct ismc_buf *,
    const struct ismc_cell *row);

/* Each row of one section, one line each, under a heading (and a
 * prologue such as a table head) written before the first. */
static bool
md_section(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_report *r, const char *section, const char *heading,
    const char *prologue, md_line_fn *line)
{
	bool any = false;
	size_t i;

	for (i = 0; i < r->nrows; i++) {
		if (!is(r->rows[i], COL_SECTION, section))
			continue;
		if (!any)
			ismc_buf_printf(out, "\n## %s\n\n%s", heading,
			    prologue);
		any = true;
		line(out, tmp, r->rows[i]);
	}
	return any;
}

/* "| dora | 7.9% | 8.5% | +0.6 | 27 -> 24 |" */
static void
md_coverage_line(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_cell *row)
{
	ismc_buf_adds(out, "| ");
	md_cell(out, tmp, &row[COL_FRAMEWORK]);
	ismc_buf_adds(out, " | ");
	md_cell(out, tmp, &row[COL_BEFORE]);
	ismc_buf_adds(out, row[COL_BEFORE].kind ? "% | " : " | ");
	md_cell(out, tmp, &row[COL_AFTER]);
	ismc_buf_adds(out, row[COL_AFTER].kind ? "% | " : " | ");
	ismc_buf_reset(tmp);
	ismc_cell_format(&row[COL_POINTS], ", ", tmp);
	ismc_buf_printf(out, "%s%s | ", tmp->len > 0 && tmp->data[0] != '-' ?
	    "+" : "", ismc_buf_cstr(tmp));
	md_arrow(out, tmp, &row[COL_GAPS_BEFORE], &row[COL_GAPS_AFTER]);
	ismc_buf_adds(out, " |\n");
}

/* "Framework dora is no longer used." */
static void
md_framework_line(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_cell *row)
{
	ismc_buf_adds(out, "Framework ");
	md_cell(out, tmp, &row[COL_FRAMEWORK]);
	if (is(row, COL_CHANGE, "removed"))
		ismc_buf_adds(out, " is no longer used.\n");
	else if (is(row, COL_CHANGE, "added"))
		ismc_buf_adds(out, " is newly used.\n");
	else
		ismc_buf_adds(out, ": the two sides use different versions; "
		    "its requirements are not compared.\n");
}

/* "- closed dora:12.1.a: partial -> full", "- iso:A.5.1: ... -> ..." */
static void
md_change_line(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_cell *row)
{
	ismc_buf_adds(out, "- ");
	if (is(row, COL_SECTION, "requirement")) {
		md_cell(out, tmp, &row[COL_CHANGE]);
		ismc_buf_addc(out, ' ');
	}
	md_cell(out, tmp, &row[COL_FRAMEWORK]);
	ismc_buf_addc(out, ':');
	md_cell(out, tmp, &row[COL_ID]);
	ismc_buf_adds(out, ": ");
	md_arrow(out, tmp, &row[COL_BEFORE], &row[COL_AFTER]);
	ismc_buf_addc(out, '\n');
}

/* "- R-2: 12 -> 8, residual 6 -> 4", "- R-3 added: 9, residual 3" */
static void
md_risk_line(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_cell *row)
{
	bool gone = is(row, COL_CHANGE, "removed");
	bool added = is(row, COL_CHANGE, "added");
	int score = gone ? COL_BEFORE : COL_AFTER;
	int res = gone ? COL_RES_BEFORE : COL_RES_AFTER;

	ismc_buf_adds(out, "- ");
	md_cell(out, tmp, &row[COL_ID]);
	if (gone || added) {
		ismc_buf_adds(out, gone ? " removed (was " : " added: ");
		md_cell(out, tmp, &row[score]);
		ismc_buf_adds(out, ", residual ");
		md_cell(out, tmp, &row[res]);
		ismc_buf_adds(out, gone ? ")\n" : "\n");
		return;
	}
	ismc_buf_adds(out, ": ");
	md_arrow(out, tmp, &row[COL_BEFORE], &row[COL_AFTER]);
	ismc_buf_adds(out, ", residual ");
	md_arrow(out, tmp, &row[COL_RES_BEFORE], &row[COL_RES_AFTER]);
	ismc_buf_addc(out, '\n');
}

static void
md_frameworks(struct ismc_buf *out, struct ismc_buf *tmp,
    const struct ismc_report *r)
{
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (is(r->rows[i], COL_SECTION, "framework")) {
			ismc_buf_addc(out, '\n');
			md_framework_line(out, tmp, r->rows[i]);
		}
}

void
ismc_diff_md(const struct ismc_report *r, struct ismc_buf *out)
{
	const struct ismc_cell *policy = field(r->meta, r->nmeta, "policy");
	struct ismc_buf tmp;

	ismc_buf_init(&tmp);
	ismc_buf_adds(out, "# ismc diff\n\nFrom ");
	md_cell(out, &tmp, field(r->meta, r->nmeta, "old"));
	ismc_buf_adds(out, " to ");
	md_cell(out, &tmp, field(r->meta, r->nmeta, "new"));
	if (policy->kind != ISMC_CELL_NULL) {
		ismc_buf_adds(out, " (coverage under the ");
		md_cell(out, &tmp, policy);
		ismc_buf_adds(out, " policy)");
	}
	ismc_buf_adds(out, ".\n");
	if (!ismc_diff_changed(r))
		ismc_buf_adds(out, "\nNo changes.\n");
	md_totals(out, &tmp, r);
	if (!md_section(out, &tmp, r, "coverage", "Coverage", "| framework | "
	    "full before | full after | change (points) | gaps |\n"
	    "|---|---|---|---|---|\n", md_coverage_line))
		ismc_buf_adds(out, "\n## Coverage\n\nNo crosswalk analysed on "
		    "either side.\n");
	md_frameworks(out, &tmp, r);
	md_section(out, &tmp, r, "requirement", "Requirements whose coverage "
	    "changed", "", md_change_line);
	md_section(out, &tmp, r, "control", "Controls whose decision or "
	    "status changed", "", md_change_line);
	md_section(out, &tmp, r, "risk", "Risks whose score moved", "",
	    md_risk_line);
	ismc_buf_free(&tmp);
}
