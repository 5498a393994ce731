/*
 * report-inputs.c - the files the build read, with their digests.
 */
#include <config.h>

#include "report-inputs.h"

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "backend.h"
#include "ir.h"
#include "report.h"

/* ORDER INPUTS_COLUMNS */
static const struct ismc_report_column inputs_columns[] = {
	[ISMC_INPUTS_KIND] = { "kind", "Kind" },
	[ISMC_INPUTS_PATH] = { "path", "File" },
	[ISMC_INPUTS_IDS] = { "ids", "Ids" },
	[ISMC_INPUTS_FORMAT] = { "format", "Format" },
	[ISMC_INPUTS_SHIPPED] = { "shipped", "Shipped with ismc" },
	[ISMC_INPUTS_SHA256] = { "sha256", "SHA-256" },
};

/* ORDER INPUTS_SUMMARY */
static const struct ismc_report_key inputs_summary[] = {
	[ISMC_INPUTS_SUM_FILES] = { "files", "Files read" },
	[ISMC_INPUTS_SUM_NOT_SHIPPED] = { "catalogs_not_shipped",
	    "Catalogs and mapping sets not shipped with ismc" },
};

static const char *
kind_name(enum ismc_input_kind kind)
{
	static const char *const names[] = {	/* ORDER ISMC_INPUT */
		"other", "spec", "catalog", "mapping set", "texts",
	};

	return (size_t)kind < sizeof names / sizeof names[0] ?
	    names[kind] : "other";
}

/* "a b c" as a list cell. */
static struct ismc_cell
ids_cell(struct ismc_arena *a, const char *ids)
{
	const char **v, *p, *sp;
	size_t n = 1, i;

	if (ids == NULL)
		return ismc_cell_null();
	for (p = ids; (p = strchr(p, ' ')) != NULL; p++)
		n++;
	v = ismc_report_strv(a, n);
	for (i = 0, p = ids; i < n; i++, p = sp + 1) {
		if ((sp = strchr(p, ' ')) == NULL)
			sp = p + strlen(p);
		v[i] = ismc_arena_strndup(a, p, (size_t)(sp - p));
	}
	return ismc_cell_list(v, n);
}

struct ismc_report *
ismc_report_inputs(const struct ismc_ir *ir, struct ismc_arena *a)
{
	const struct ismc_ir_input *in;
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i, foreign = 0;

	r = ismc_report_new(a, "inputs", "Inputs: the files this build read",
	    inputs_columns, ISMC_INPUTS_NCOLUMNS);
	ismc_report_add_spec_meta(r, ir);
	ismc_report_add_generator(r);
	for (i = 0; i < ir->ninputs; i++) {
		in = &ir->inputs[i];
		row = ismc_report_add_row(r);
		row[ISMC_INPUTS_KIND] = ismc_cell_str(kind_name(in->kind));
		row[ISMC_INPUTS_PATH] = ismc_cell_str(in->path);
		row[ISMC_INPUTS_IDS] = ids_cell(a, in->ids);
		row[ISMC_INPUTS_FORMAT] = ismc_cell_str(in->format);
		row[ISMC_INPUTS_SHIPPED] = ismc_cell_bool(in->shipped);
		row[ISMC_INPUTS_SHA256] = ismc_cell_str(in->sha256);
		if (!in->shipped && (in->kind == ISMC_INPUT_CATALOG ||
		    in->kind == ISMC_INPUT_MAPPING))
			foreign++;
	}
	ismc_report_add_summary_at(r, inputs_summary, ISMC_INPUTS_SUM_FILES,
	    ismc_cell_int((int64_t)ir->ninputs));
	ismc_report_add_summary_at(r, inputs_summary,
	    ISMC_INPUTS_SUM_NOT_SHIPPED, ismc_cell_int((int64_t)foreign));
	return r;
}

const struct ismc_report_def ismc_report_inputs_def = {
	.name = "inputs",
	.scope = ISMC_SCOPE_BUILD,
	.build = ismc_report_inputs,
};
