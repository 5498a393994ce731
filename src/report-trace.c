/*
 * report-trace.c - the traceability matrix, in long format.
 *
 * One row per (control, requirement) pair that a mapping relates: each
 * framework control with a decision against the requirements of the other
 * frameworks it reaches, then each of the organisation's measures against
 * the framework controls it covers and, through them, the requirements
 * those reach. Long format because the wide matrix of a real spec (a
 * hundred controls against hundreds of requirements) is mostly empty and
 * no spreadsheet filters it well. Rows come in framework order, catalog
 * order of the control, then framework and catalog order of the
 * requirement; measures follow in id order.
 *
 * Only reaches that can count are listed: a superseded inference (the
 * control has a more direct mapping) and a relation that may be "not
 * related" are left to `ismc explain`.
 */
#include <config.h>

#include "report-trace.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "backend.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"
#include "rcc5.h"
#include "report.h"
#include "xalloc.h"

/* ORDER TRACE_COLUMNS */
static const struct ismc_report_column trace_columns[] = {
	[ISMC_TRACE_CONTROL] = { "control", "Control" },
	[ISMC_TRACE_STATUS] = { "status", "Status" },
	[ISMC_TRACE_FRAMEWORK] = { "framework", "Framework" },
	[ISMC_TRACE_REQUIREMENT] = { "requirement", "Requirement" },
	[ISMC_TRACE_RELATION] = { "relation", "Relation" },
	[ISMC_TRACE_PROVENANCE] = { "provenance", "Provenance" },
	[ISMC_TRACE_STRENGTH] = { "strength", "Strength" },
};

/* The reaches of every control, grouped by control (counting sort). */
struct by_control {
	size_t			*base;		/* per framework */
	size_t			*off;		/* per control + 1 */
	const struct ismc_gap_reach **v;
	const struct ismc_req	**target;	/* parallel to v */
};

static bool
listed(const struct ismc_gap_reach *r)
{
	return r->kind != ISMC_GAP_SELF && !r->superseded &&
	    r->capacity != ISMC_COV_GAP;
}

static size_t
control_index(const struct by_control *bc, const struct ismc_gap_reach *r)
{
	return bc->base[r->framework] + r->control->req->req_index;
}

/* Calls for each listed reach, in target order; fills when pos != NULL. */
static void
walk(const struct ismc_gap *gap, struct by_control *bc, size_t *pos)
{
	const struct ismc_gap_fw *gf;
	const struct ismc_gap_req *q;
	size_t f, i, j, k;

	for (f = 0; f < gap->nfws; f++) {
		gf = &gap->fws[f];
		for (i = 0; i < gf->nreqs; i++) {
			q = &gf->reqs[i];
			for (j = 0; j < q->nreaches; j++) {
				if (!listed(&q->reaches[j]))
					continue;
				k = control_index(bc, &q->reaches[j]);
				if (pos == NULL) {
					bc->off[k + 1]++;
					continue;
				}
				bc->v[pos[k]] = &q->reaches[j];
				bc->target[pos[k]++] = q->req;
			}
		}
	}
}

static void
index_reaches(const struct ismc_ir *ir, struct by_control *bc)
{
	size_t f, n, *pos;

	bc->base = ismc_xcalloc(ir->nframeworks + 1, sizeof *bc->base);
	for (f = 0; f < ir->nframeworks; f++)
		bc->base[f + 1] = bc->base[f] + ir->frameworks[f].ncontrols;
	n = bc->base[ir->nframeworks];
	bc->off = ismc_xcalloc(n + 1, sizeof *bc->off);
	walk(ir->gap, bc, NULL);
	for (f = 0; f < n; f++)
		bc->off[f + 1] += bc->off[f];
	bc->v = ismc_xcalloc(bc->off[n] + 1, sizeof *bc->v);
	bc->target = ismc_xcalloc(bc->off[n] + 1, sizeof *bc->target);
	pos = ismc_xcalloc(n + 1, sizeof *pos);
	for (f = 0; f < n; f++)
		pos[f] = bc->off[f];
	walk(ir->gap, bc, pos);
	free(pos);
}

static void
free_index(struct by_control *bc)
{
	free(bc->base);
	free(bc->off);
	free(bc->v);
	free(bc->target);
}

static void
add_row(struct ismc_report *rep, const char *control, const char *status,
    const struct ismc_req *target, const char *relation,
    const char *provenance, unsigned strength)
{
	struct ismc_cell *row = ismc_report_add_row(rep);

	row[ISMC_TRACE_CONTROL] = ismc_cell_str(control);
	row[ISMC_TRACE_STATUS] = ismc_cell_str(status);
	row[ISMC_TRACE_FRAMEWORK] = ismc_cell_str(target->catalog->id);
	row[ISMC_TRACE_REQUIREMENT] = ismc_cell_str(target->id);
	row[ISMC_TRACE_RELATION] = ismc_cell_str(relation);
	row[ISMC_TRACE_PROVENANCE] = ismc_cell_str(provenance);
	if (strength != 0)
		row[ISMC_TRACE_STRENGTH] = ismc_cell_int((int64_t)strength);
}

/* The rows of control k, as `name` with `status`, provenance prefixed. */
static size_t
control_rows(struct ismc_report *rep, struct ismc_arena *a,
    const struct by_control *bc, size_t k, const char *name,
    const char *status, const char *via)
{
	const struct ismc_gap_reach *r;
	const char *prov;
	size_t i;

	for (i = bc->off[k]; i < bc->off[k + 1]; i++) {
		r = bc->v[i];
		prov = ismc_gap_provenance(a, r);
		if (via != NULL)
			prov = ismc_arena_printf(a, "via %s; %s", via, prov);
		add_row(rep, name, status, bc->target[i],
		    ismc_rcc5_name(r->rel), prov, r->strength);
	}
	return bc->off[k + 1] - bc->off[k];
}

static size_t
framework_rows(struct ismc_report *rep, struct ismc_arena *a,
    const struct ismc_ir *ir, const struct by_control *bc)
{
	const struct ismc_ir_control *c;
	size_t f, i, n = 0;

	for (f = 0; f < ir->nframeworks; f++) {
		for (i = 0; i < ir->frameworks[f].ncontrols; i++) {
			c = &ir->frameworks[f].controls[i];
			if (bc->off[bc->base[f] + i] == bc->off[bc->base[f] +
			    i + 1])
				continue;
			n += control_rows(rep, a, bc, bc->base[f] + i,
			    ismc_gap_qname(a, c->req),
			    ismc_report_control_status(c),
			    NULL);
		}
	}
	return n;
}

/* The framework index of a control, by its catalog. */
static size_t
framework_of(const struct ismc_ir *ir, const struct ismc_ir_control *c)
{
	size_t f;

	for (f = 0; f < ir->nframeworks; f++)
		if (ir->frameworks[f].catalog == c->req->catalog)
			return f;
	return ir->nframeworks;
}

static size_t
measure_rows(struct ismc_report *rep, struct ismc_arena *a,
    const struct ismc_ir *ir, const struct by_control *bc)
{
	const struct ismc_ir_measure *m;
	const struct ismc_ir_control *c;
	const char *st, *q;
	size_t i, j, f, n = 0;

	for (i = 0; i < ir->nmeasures; i++) {
		m = ir->measures[i];
		st = ismc_status_name(m->status);
		for (j = 0; j < m->ncovers; j++) {
			c = m->covers[j];
			q = ismc_gap_qname(a, c->req);
			add_row(rep, m->id, st, c->req, "covers",
			    "declared in the spec", 0);
			n++;
			if ((f = framework_of(ir, c)) == ir->nframeworks)
				continue;
			n += control_rows(rep, a, bc, bc->base[f] +
			    c->req->req_index, m->id, st, q);
		}
	}
	return n;
}

struct ismc_report *
ismc_report_trace(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;
	struct by_control bc;
	size_t nfw, nm;

	if (ir->gap == NULL)
		return NULL;
	r = ismc_report_new(a, "traceability", "Traceability matrix",
	    trace_columns, ISMC_TRACE_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_meta(r, "policy", "Coverage policy",
	    ismc_cell_str(ismc_gap_policy_name(ir->gap->policy)));
	ismc_report_add_generator(r);
	index_reaches(ir, &bc);
	nfw = framework_rows(r, a, ir, &bc);
	nm = measure_rows(r, a, ir, &bc);
	free_index(&bc);
	ismc_report_add_summary(r, "control_rows",
	    "Framework control to requirement", ismc_cell_int((int64_t)nfw));
	ismc_report_add_summary(r, "measure_rows",
	    "Measure to control or requirement", ismc_cell_int((int64_t)nm));
	ismc_report_add_summary(r, "mapping_sets", "Mapping sets used",
	    ismc_cell_int((int64_t)ir->gap->nsets));
	return r;
}

const struct ismc_report_def ismc_report_trace_def = {
	.name = "traceability",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_trace,
};
