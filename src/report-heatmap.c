/*
 * report-heatmap.c - the risk scales, the bands and the heatmap grid as
 * internal tables (report-heatmap.h).
 */
#include <config.h>

#include "report-heatmap.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "backend.h"
#include "ir.h"
#include "report.h"

/* ORDER SCALE_COLUMNS */
static const struct ismc_report_column scale_columns[] = {
	[ISMC_SCALES_SCALE] = { "scale", NULL },
	[ISMC_SCALES_INDEX] = { "index", NULL },
	[ISMC_SCALES_VALUE] = { "value", NULL },
	[ISMC_SCALES_ID] = { "id", NULL },
	[ISMC_SCALES_NAME] = { "name", NULL },
};

/* ORDER SCALE_SUMMARY */
static const struct ismc_report_key scale_summary[] = {
	[ISMC_SCALES_SUM_LIKELIHOOD] = { "likelihood_levels",
	    "Likelihood levels" },
	[ISMC_SCALES_SUM_IMPACT] = { "impact_levels", "Impact levels" },
};

/* ORDER BAND_COLUMNS */
static const struct ismc_report_column band_columns[] = {
	[ISMC_BANDS_INDEX] = { "index", NULL },
	[ISMC_BANDS_ID] = { "id", NULL },
	[ISMC_BANDS_NAME] = { "name", NULL },
	[ISMC_BANDS_LO] = { "lo", NULL },
	[ISMC_BANDS_HI] = { "hi", NULL },
};

/* ORDER HEATMAP_COLUMNS */
static const struct ismc_report_column heatmap_columns[] = {
	[ISMC_HEATMAP_LIKELIHOOD] = { "likelihood", NULL },
	[ISMC_HEATMAP_IMPACT] = { "impact", NULL },
	[ISMC_HEATMAP_SCORE] = { "score", NULL },
	[ISMC_HEATMAP_BAND] = { "band", NULL },
	[ISMC_HEATMAP_RISKS] = { "risks", NULL },
	[ISMC_HEATMAP_RES_RISKS] = { "residual_risks", NULL },
};

static void
add_levels(struct ismc_report *r, const struct ismc_ir_scale *sc,
    const char *scale)
{
	const struct ismc_ir_level *lv;
	struct ismc_cell *row;
	size_t i;

	for (i = 0; i < sc->nlevels; i++) {
		lv = &sc->levels[i];
		row = ismc_report_add_row(r);
		row[ISMC_SCALES_SCALE] = ismc_cell_str(scale);
		row[ISMC_SCALES_INDEX] = ismc_cell_int((int64_t)i);
		row[ISMC_SCALES_VALUE] = ismc_cell_int(lv->value);
		row[ISMC_SCALES_ID] = ismc_cell_str(lv->id);
		row[ISMC_SCALES_NAME] = ismc_cell_str(lv->label != NULL ?
		    lv->label : lv->id);
	}
}

struct ismc_report *
ismc_report_scales(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;

	r = ismc_report_new(a, "scales", "Risk scales", scale_columns,
	    ISMC_SCALES_NCOLUMNS);
	add_levels(r, &ir->likelihood, "likelihood");
	add_levels(r, &ir->impact, "impact");
	ismc_report_add_summary_at(r, scale_summary,
	    ISMC_SCALES_SUM_LIKELIHOOD,
	    ismc_cell_int((int64_t)ir->likelihood.nlevels));
	ismc_report_add_summary_at(r, scale_summary, ISMC_SCALES_SUM_IMPACT,
	    ismc_cell_int((int64_t)ir->impact.nlevels));
	return r;
}

struct ismc_report *
ismc_report_bands(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_ir_band *b;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	r = ismc_report_new(a, "bands", "Risk score bands", band_columns,
	    ISMC_BANDS_NCOLUMNS);
	for (i = 0; i < ir->nbands; i++) {
		b = &ir->bands[i];
		row = ismc_report_add_row(r);
		row[ISMC_BANDS_INDEX] = ismc_cell_int((int64_t)i);
		row[ISMC_BANDS_ID] = ismc_cell_str(b->id);
		row[ISMC_BANDS_NAME] = ismc_cell_str(b->label != NULL ?
		    b->label : b->id);
		row[ISMC_BANDS_LO] = ismc_cell_int(b->lo);
		row[ISMC_BANDS_HI] = ismc_cell_int(b->hi);
	}
	return r;
}

/* The index of the level of value v in the scale, or -1. */
static ptrdiff_t
level_index(const struct ismc_ir_scale *sc, const struct ismc_ir_level *lv)
{
	size_t i;

	if (lv == NULL)
		return -1;
	for (i = 0; i < sc->nlevels; i++)
		if (sc->levels[i].value == lv->value)
			return (ptrdiff_t)i;
	return -1;
}

/* The grid cell a rating puts a risk in, or -1 when it has none. */
static ptrdiff_t
cell_of(const struct ismc_ir *ir, const struct ismc_ir_level *l,
    const struct ismc_ir_level *i)
{
	ptrdiff_t li = level_index(&ir->likelihood, l);
	ptrdiff_t ii = level_index(&ir->impact, i);

	if (li < 0 || ii < 0)
		return -1;
	return li * (ptrdiff_t)ir->impact.nlevels + ii;
}

/*
 * Fills column `col` of every cell with the ids of the risks there, in
 * the register's order: counted first, so that each list is allocated at
 * its size and a crowded grid stays linear in the number of risks.
 */
static void
place_risks(const struct ismc_ir *ir, struct ismc_report *r, bool residual,
    int col)
{
	struct ismc_arena *a = r->arena;
	const struct ismc_ir_risk *rk;
	ptrdiff_t *at;
	size_t *n, i, k;
	const char ***ids;

	at = ISMC_NEW_ARRAY(a, ptrdiff_t, ir->nrisks + 1);
	n = ISMC_NEW_ARRAY(a, size_t, r->nrows + 1);
	ids = ISMC_NEW_ARRAY(a, const char **, r->nrows + 1);
	for (i = 0; i < ir->nrisks; i++) {
		rk = ir->risks[i];
		at[i] = residual ? cell_of(ir, rk->res_likelihood,
		    rk->res_impact) : cell_of(ir, rk->likelihood, rk->impact);
		if (at[i] >= 0)
			n[at[i]]++;
	}
	for (k = 0; k < r->nrows; k++) {
		ids[k] = ismc_report_strv(a, n[k]);
		n[k] = 0;
	}
	for (i = 0; i < ir->nrisks; i++)
		if (at[i] >= 0)
			ids[at[i]][n[at[i]]++] = ir->risks[i]->id;
	for (k = 0; k < r->nrows; k++)
		r->rows[k][col] = ismc_cell_list(ids[k], n[k]);
}

struct ismc_report *
ismc_report_heatmap(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_ir_scale *ls = &ir->likelihood, *is = &ir->impact;
	const struct ismc_ir_band *b;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t li, ii;
	int score;

	r = ismc_report_new(a, "heatmap", "Risk heatmap grid",
	    heatmap_columns, ISMC_HEATMAP_NCOLUMNS);
	for (li = 0; li < ls->nlevels; li++)
		for (ii = 0; ii < is->nlevels; ii++) {
			score = ls->levels[li].value * is->levels[ii].value;
			b = ismc_ir_band_for(ir, score);
			row = ismc_report_add_row(r);
			row[ISMC_HEATMAP_LIKELIHOOD] =
			    ismc_cell_int((int64_t)li);
			row[ISMC_HEATMAP_IMPACT] = ismc_cell_int((int64_t)ii);
			row[ISMC_HEATMAP_SCORE] = ismc_cell_int(score);
			if (b != NULL)
				row[ISMC_HEATMAP_BAND] =
				    ismc_cell_int((int64_t)(b - ir->bands));
		}
	place_risks(ir, r, false, ISMC_HEATMAP_RISKS);
	place_risks(ir, r, true, ISMC_HEATMAP_RES_RISKS);
	return r;
}

const struct ismc_report_def ismc_report_scales_def = {
	.name = "scales",
	.scope = ISMC_SCOPE_BUILD,
	.internal = true,
	.build = ismc_report_scales,
};

const struct ismc_report_def ismc_report_bands_def = {
	.name = "bands",
	.scope = ISMC_SCOPE_BUILD,
	.internal = true,
	.build = ismc_report_bands,
};

const struct ismc_report_def ismc_report_heatmap_def = {
	.name = "heatmap",
	.scope = ISMC_SCOPE_BUILD,
	.internal = true,
	.build = ismc_report_heatmap,
};
