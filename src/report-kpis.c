/*
 * report-kpis.c - information security objectives and KPIs against their
 * targets.
 */
#include <config.h>

#include "report-kpis.h"

#include <stdint.h>

#include "arena.h"
#include "buf.h"
#include "backend.h"
#include "catalog.h"
#include "ir.h"
#include "report.h"

/* ORDER KPI_COLUMNS */
static const struct ismc_report_column kpi_columns[] = {
	[ISMC_KPIS_ID] = { "id", "KPI" },
	[ISMC_KPIS_TITLE] = { "title", "Title" },
	[ISMC_KPIS_TARGET] = { "target", "Target" },
	[ISMC_KPIS_RESULT] = { "result", "Result" },
	[ISMC_KPIS_UNIT] = { "unit", "Unit" },
	[ISMC_KPIS_MET] = { "met", "Met" },
	[ISMC_KPIS_PERIOD] = { "period", "Period" },
	[ISMC_KPIS_OWNER] = { "owner", "Owner" },
	[ISMC_KPIS_CONTROLS] = { "controls", "Controls" },
	[ISMC_KPIS_TARGET_VALUE] = { "target_value", NULL },
	[ISMC_KPIS_COMPARISON] = { "comparison", NULL },
	[ISMC_KPIS_TARGET_TEXT] = { "target_text", NULL },
	[ISMC_KPIS_RESULT_TEXT] = { "result_text", NULL },
};

/* ORDER KPI_SUMMARY */
static const struct ismc_report_key kpi_summary[] = {
	[ISMC_KPIS_SUM_KPIS] = { "kpis", "KPIs" },
	[ISMC_KPIS_SUM_MET] = { "kpis_met", "KPIs met" },
};

/* The number as the spec wrote it, in full ("1230000", not "1.23e+06"). */
static const char *
spelled(struct ismc_arena *a, const char *text, double v)
{
	struct ismc_buf b;
	const char *s;

	if (text != NULL)
		return text;
	ismc_buf_init(&b);
	ismc_format_decimal(&b, v, ISMC_PREC_EXACT);
	s = ismc_arena_strdup(a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

/* "below 5", "at most 14 days": the comparison as the spec words it. */
static const char *
target_text(struct ismc_arena *a, const struct ismc_ir_kpi *k)
{
	static const char *const words[] = {	/* ORDER ISMC_CMP */
		"below", "at most", "above", "at least", "exactly",
	};
	const char *n = spelled(a, k->target_text, k->target);

	if (k->unit == NULL)
		return ismc_arena_printf(a, "%s %s", words[k->cmp], n);
	return ismc_arena_printf(a, "%s %s%s%s", words[k->cmp], n,
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

static void
fill_row(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_cell *row, const struct ismc_ir_kpi *k)
{
	row[ISMC_KPIS_ID] = ismc_cell_str(k->id);
	row[ISMC_KPIS_TITLE] = ismc_cell_str(k->title);
	row[ISMC_KPIS_TARGET] = ismc_cell_str(target_text(a, k));
	if (k->has_result) {
		/* As the spec wrote it: a rounded 99.96% would print as
		 * 100.0 beside a target of 99.9%. */
		row[ISMC_KPIS_RESULT] = ismc_cell_dec(k->result,
		    ISMC_PREC_EXACT);
		row[ISMC_KPIS_MET] = ismc_cell_bool(k->met);
	}
	row[ISMC_KPIS_UNIT] = ismc_cell_str(k->unit);
	row[ISMC_KPIS_PERIOD] = ismc_cell_str(k->period);
	row[ISMC_KPIS_OWNER] = ismc_cell_str(k->owner ? k->owner->id : NULL);
	row[ISMC_KPIS_CONTROLS] = ismc_report_controls_cell(a, ir,
	    k->controls, k->ncontrols);
	row[ISMC_KPIS_TARGET_VALUE] = ismc_cell_dec(k->target,
	    ISMC_PREC_EXACT);
	row[ISMC_KPIS_COMPARISON] = ismc_cell_str(ismc_cmp_name(k->cmp));
	row[ISMC_KPIS_TARGET_TEXT] = ismc_cell_str(spelled(a, k->target_text,
	    k->target));
	if (k->has_result)
		row[ISMC_KPIS_RESULT_TEXT] = ismc_cell_str(spelled(a,
		    k->result_text, k->result));
}

struct ismc_report *
ismc_report_kpis(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_report *r;
	size_t i;

	r = ismc_report_new(a, "kpis", "Information security objectives and "
	    "KPIs", kpi_columns, ISMC_KPIS_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_generator(r);
	for (i = 0; i < ir->nkpis; i++)
		fill_row(ir, a, ismc_report_add_row(r), ir->kpis[i]);
	ismc_report_add_summary_at(r, kpi_summary, ISMC_KPIS_SUM_KPIS,
	    ismc_cell_int((int64_t)ir->nkpis));
	ismc_report_add_summary_at(r, kpi_summary, ISMC_KPIS_SUM_MET,
	    ismc_cell_int((int64_t)ismc_kpis_met(ir)));
	return r;
}

const struct ismc_report_def ismc_report_kpis_def = {
	.name = "kpis",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_kpis,
};
