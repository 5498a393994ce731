/*
 * pdf-report.h - the auditor's report: one A4 PDF of the whole ISMS.
 *
 * Cover, contents with page numbers, scope statement, the Statement of
 * Applicability of each control framework, the risk register and
 * treatment plan, the heatmaps, gap analysis per framework, KPIs, audit
 * findings and corrective actions, and the management review summary.
 * Text is set with pango in DejaVu Sans; tables break across pages with
 * their header repeated; the charts are the same layouts as the
 * stand-alone PNG and SVG files, painted as vectors. Every page carries
 * "TITLE — version V — page N of M". pdf-doc.h typesets, pdf-sections.h
 * says what; this file lists the sections and exports the renderer row
 * (backend.h: report.pdf).
 *
 * The same IR gives the same bytes: the PDF dates come from
 * SOURCE_DATE_EPOCH, else the spec's date, else 1970-01-01.
 */
#ifndef ISMC_PDF_REPORT_H
#define ISMC_PDF_REPORT_H

#include <stddef.h>

#include <cairo.h>

struct ismc_buf;
struct ismc_outputs;

/*
 * Appends the whole PDF of a build's outputs to `out`. Returns the first
 * cairo error, in which case `out` holds nothing useful.
 */
cairo_status_t ismc_pdf_report(struct ismc_outputs *, struct ismc_buf *out);

extern const struct ismc_renderer ismc_render_pdf;

#endif
