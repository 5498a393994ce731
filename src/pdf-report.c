/*
 * pdf-report.c - the auditor's PDF: its sections in order, its metadata,
 * and its row of the renderer registry.
 */
#include <config.h>

#include "pdf-report.h"

#include <stdbool.h>
#include <stdio.h>

#include "arena.h"
#include "backend.h"
#include "chart-surface.h"
#include "pdf-doc.h"
#include "pdf-sections.h"
#include "report-isms.h"
#include "report.h"

/* The document, in order. Adding a section is adding a line. */
static void (*const sections[])(struct pdf_doc *) = {
	pdf_cover,
	pdf_toc,
	pdf_scope,
	pdf_soa,
	pdf_risks,
	pdf_heatmaps,
	pdf_gap,
	pdf_kpis,
	pdf_audits,
	pdf_roadmap,
	pdf_review,
	pdf_readiness,
	pdf_inputs,
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

static void
lay(struct pdf_doc *d)
{
	size_t i;

	for (i = 0; i < NELEM(sections); i++)
		sections[i](d);
}

cairo_status_t
ismc_pdf_report(struct ismc_outputs *out, struct ismc_buf *buf)
{
	const struct ismc_report_field *m = ismc_outputs_report(out,
	    &ismc_report_isms_def, NULL)->summary;
	const char *title = ismc_cell_string(&m[ISMC_ISMS_SUM_TITLE].value);
	const char *org = ismc_cell_string(
	    &m[ISMC_ISMS_SUM_ORGANISATION].value);
	const char *version = ismc_cell_string(&m[ISMC_ISMS_SUM_VERSION].value);
	struct ismc_arena *a = ismc_outputs_arena(out);
	struct ismc_surface_meta meta;
	const char *footer, *header;
	char date[32];

	/* Each input string isolated: an override in the title must not
	 * reverse the rest of the running footer (text-bound.h). */
	footer = ismc_arena_printf(a, "%s " PDF_EMDASH " version %s",
	    pdf_isolate(a, pdf_or_else(title, pdf_or_else(org, "ISMS"))),
	    pdf_isolate(a, pdf_or_else(version, "none")));
	header = ismc_arena_printf(a, "Auditor's report " PDF_EMDASH " %s",
	    pdf_isolate(a, pdf_or_else(org, pdf_or_else(title, "ISMS"))));
	ismc_outputs_datetime(out, date, sizeof date);
	meta.title = pdf_or_else(title, "ISMS report");
	meta.creator = "ismc " PACKAGE_VERSION;
	meta.date = date;
	return pdf_typeset(out, lay, footer, header, &meta, buf);
}

static const char *
render(const struct ismc_render_job *job, struct ismc_buf *out)
{
	cairo_status_t st = ismc_pdf_report(job->outputs, out);

	return st == CAIRO_STATUS_SUCCESS ? NULL : cairo_status_to_string(st);
}

const struct ismc_renderer ismc_render_pdf = {
	.format = "pdf",
	.ext = "pdf",
	.scope = ISMC_RENDER_DOCUMENT,
	.stem = "report",
	.render = render,
};
