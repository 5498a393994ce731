/*
 * pdf-sections.h - the sections of the auditor's PDF, in pdf-report.c's
 * order: each sets its part of the document with pdf-doc.h from the
 * build's finished tables. Adding a section is a function here and a line
 * in pdf-report.c's list.
 */
#ifndef ISMC_PDF_SECTIONS_H
#define ISMC_PDF_SECTIONS_H

struct pdf_doc;

void	pdf_cover(struct pdf_doc *);
void	pdf_toc(struct pdf_doc *);		/* the contents page */
void	pdf_scope(struct pdf_doc *);
void	pdf_soa(struct pdf_doc *);
void	pdf_risks(struct pdf_doc *);
void	pdf_heatmaps(struct pdf_doc *);
void	pdf_gap(struct pdf_doc *);
void	pdf_kpis(struct pdf_doc *);
void	pdf_audits(struct pdf_doc *);
void	pdf_review(struct pdf_doc *);

#endif
