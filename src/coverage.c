/*
 * coverage.c - coverage per framework and group, from the gap analysis or
 * counted from the SoA.
 */
#include <config.h>

#include "coverage.h"

#include <stddef.h>

#include "arena.h"
#include "catalog.h"
#include "gap.h"
#include "ir.h"

static void
count(struct ismc_coverage_cell *cell, const struct ismc_ir_control *c)
{
	cell->total++;
	if (c->applicability == ISMC_EXCLUDED) {
		cell->excluded++;
		return;
	}
	/* An undecided requirement is still owed an answer: it counts as
	 * applicable and open, never as silently left out. */
	cell->applicable++;
	switch (c->applicability == ISMC_APPLICABLE ? c->status :
	    ISMC_STATUS_UNSET) {
	case ISMC_STATUS_IMPLEMENTED:
		cell->full++;
		break;
	case ISMC_STATUS_PARTIAL:
		cell->partial++;
		break;
	case ISMC_STATUS_PLANNED:
		cell->planned++;
		break;
	case ISMC_STATUS_NOT_IMPLEMENTED:
	case ISMC_STATUS_UNSET:
		cell->open++;
		break;
	}
}

/* Part of the applicable requirements in %; -1 with none applicable. */
static double
share(size_t part, const struct ismc_coverage_cell *cell)
{
	return cell->applicable == 0 ? -1.0 :
	    100.0 * (double)part / (double)cell->applicable;
}

static void
finish(struct ismc_coverage_cell *cell)
{
	cell->pct = share(cell->full, cell);
	cell->partial_pct = share(cell->partial, cell);
	cell->open_pct = share(cell->open, cell);
	cell->index = -1.0;
}

/* The cell for group g, adding it in first-seen (catalog) order. */
static struct ismc_coverage_cell *
cell_for(struct ismc_coverage_row *row, const struct ismc_req *g)
{
	const char *id = g != NULL ? g->id : "-";
	size_t i;

	for (i = 0; i < row->ncells; i++)
		if (row->cells[i].group == id)	/* interned */
			return &row->cells[i];
	row->cells[row->ncells].group = id;
	row->cells[row->ncells].title = g != NULL ? g->title : NULL;
	return &row->cells[row->ncells++];
}

static void
row_from_soa(const struct ismc_ir_framework *fw, struct ismc_coverage_row *row,
    struct ismc_arena *a)
{
	size_t i;

	row->framework = fw->catalog->id;
	row->title = fw->catalog->title;
	row->ncells = 0;
	/* At most one cell per requirement: enough without a first pass. */
	row->cells = ISMC_NEW_ARRAY(a, struct ismc_coverage_cell,
	    fw->ncontrols != 0 ? fw->ncontrols : 1);
	row->total = (struct ismc_coverage_cell){ .group = fw->catalog->id };
	for (i = 0; i < fw->ncontrols; i++) {
		/* A control catalog's requirements outside its SoA part (ISO
		 * clauses 4-10) have no SoA row to count. */
		if (fw->controls[i].req->mandatory)
			continue;
		count(cell_for(row, ismc_req_top_group(fw->controls[i].req)),
		    &fw->controls[i]);
		count(&row->total, &fw->controls[i]);
	}
	for (i = 0; i < row->ncells; i++)
		finish(&row->cells[i]);
	finish(&row->total);
}

struct ismc_coverage *
ismc_coverage_from_soa(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_coverage *cov;
	size_t i;

	cov = ISMC_NEW(a, struct ismc_coverage);
	cov->caption = "Applicable requirements implemented, per group "
	    "(from the Statement of Applicability)";
	cov->nrows = ir->nframeworks;
	cov->rows = ISMC_NEW_ARRAY(a, struct ismc_coverage_row,
	    cov->nrows != 0 ? cov->nrows : 1);
	for (i = 0; i < ir->nframeworks; i++)
		row_from_soa(&ir->frameworks[i], &cov->rows[i], a);
	return cov;
}

static void
from_count(struct ismc_coverage_cell *cell, const struct ismc_gap_count *n)
{
	cell->total = n->total;
	cell->excluded = n->excluded;
	cell->applicable = n->total - n->excluded;
	cell->full = n->full;
	cell->partial = n->partial;
	cell->open = n->gap;
	finish(cell);
	if (cell->applicable != 0)
		cell->index = ismc_gap_index(n);
}

struct ismc_coverage *
ismc_coverage_from_gap(const struct ismc_gap *gap, struct ismc_arena *a)
{
	const struct ismc_gap_fw *gf;
	const struct ismc_req *g;
	struct ismc_coverage_row *row;
	struct ismc_coverage *cov;
	size_t i, j;

	cov = ISMC_NEW(a, struct ismc_coverage);
	cov->caption = "Assessed requirements fully covered by the "
	    "organisation's controls, per group (gap analysis); the bar "
	    "under each cell shows full and partial coverage";
	cov->policy = ismc_gap_policy_name(gap->policy);
	cov->nsets = gap->nsets;
	cov->nmaprows = gap->nrows;
	cov->nrows = gap->nfws;
	cov->rows = ISMC_NEW_ARRAY(a, struct ismc_coverage_row,
	    cov->nrows != 0 ? cov->nrows : 1);
	for (i = 0; i < gap->nfws; i++) {
		gf = &gap->fws[i];
		row = &cov->rows[i];
		row->framework = gf->fw->catalog->id;
		row->title = gf->fw->catalog->title;
		row->ncells = gf->ngroups;
		row->cells = ISMC_NEW_ARRAY(a, struct ismc_coverage_cell,
		    gf->ngroups != 0 ? gf->ngroups : 1);
		for (j = 0; j < gf->ngroups; j++) {
			g = gf->groups[j].group;
			row->cells[j].group = g != NULL ? g->id : "-";
			row->cells[j].title = g != NULL ? g->title : NULL;
			from_count(&row->cells[j], &gf->groups[j].n);
		}
		row->total.group = row->framework;
		from_count(&row->total, &gf->n);
	}
	return cov;
}

struct ismc_coverage *
ismc_coverage_from_ir(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_coverage *cov;

	if (ir->gap != NULL)
		return ismc_coverage_from_gap(ir->gap, a);
	cov = ISMC_NEW(a, struct ismc_coverage);
	cov->caption = "No mapping data: no crosswalk between the spec's "
	    "frameworks was analysed";
	return cov;
}

const struct ismc_coverage_row *
ismc_coverage_row(const struct ismc_coverage *cov, const char *catalog_id)
{
	size_t i;

	for (i = 0; i < cov->nrows; i++)
		if (cov->rows[i].framework == catalog_id)
			return &cov->rows[i];
	return NULL;
}
