/*
 * pdf-sections.h - the sections of the auditor's PDF, in pdf-report.c's
 * order: each sets its part of the document with pdf-doc.h from the
 * build's finished tables. Adding a section is a function here and a line
 * in pdf-report.c's list.
 */
#ifndef ISMC_PDF_SECTIONS_H
#define ISMC_PDF_SECTIONS_H

struct pdf_doc;

/* Section titles, as the contents and the tests know them. */
#define ISMC_PDF_CONTENTS	"Contents"
#define ISMC_PDF_SCOPE		"Scope statement"
#define ISMC_PDF_SOA		"Statement of Applicability"
#define ISMC_PDF_RISKS		"Risk register and treatment plan"
#define ISMC_PDF_HEATMAPS	"Heatmaps"
#define ISMC_PDF_GAP		"Gap analysis per framework"
#define ISMC_PDF_KPIS		"Key performance indicators"
#define ISMC_PDF_AUDITS		"Audit findings and corrective actions"
#define ISMC_PDF_ROADMAP	"Implementation roadmap"
#define ISMC_PDF_REVIEW		"Management review summary"
#define ISMC_PDF_READINESS	"Certification readiness"
#define ISMC_PDF_INPUTS		"Appendix: inputs"

void	pdf_cover(struct pdf_doc *);
void	pdf_toc(struct pdf_doc *);		/* the contents page */
void	pdf_scope(struct pdf_doc *);
void	pdf_soa(struct pdf_doc *);
void	pdf_risks(struct pdf_doc *);
void	pdf_heatmaps(struct pdf_doc *);
void	pdf_gap(struct pdf_doc *);
void	pdf_kpis(struct pdf_doc *);
void	pdf_audits(struct pdf_doc *);
void	pdf_roadmap(struct pdf_doc *);	/* only when there is one */
void	pdf_review(struct pdf_doc *);
void	pdf_readiness(struct pdf_doc *);	/* when the spec has clauses */
void	pdf_inputs(struct pdf_doc *);	/* the files read, with digests */

#endif
