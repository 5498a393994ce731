/*
 * inputs.h - what a build read, for the reports.
 *
 * Every spec, catalog, mapping set and licensed texts file a build used
 * is listed in the IR (struct ismc_ir_input) with its SHA-256 digest, so
 * that the inputs report and the PDF's appendix say exactly what the
 * other reports were made from: a catalog found in a search directory in
 * place of ismc's own shows there, not only in a warning.
 */
#ifndef ISMC_INPUTS_H
#define ISMC_INPUTS_H

#include "source.h"

struct ismc_compilation;
struct ismc_ir;

/*
 * Fills ir->inputs from the files the compilation read as specs,
 * catalogs, mapping sets and texts (files the catalog search only looked
 * at are left out): specs first, then catalogs, mapping sets and texts,
 * each in the order read.
 */
void	ismc_inputs_record(struct ismc_compilation *, struct ismc_ir *);
/*
 * Fills each input's sha256. Only a build that writes the reports asks
 * for it: hashing is the slowest pass over the bytes, and `ismc check`
 * on a large spec would spend a fifth of its time on digests nobody reads.
 */
void	ismc_inputs_digest(struct ismc_compilation *, struct ismc_ir *);
/* Where a span is, as reports cite it: "risks.isms:16", the file named as
 * in the inputs report; NULL for no place. Arena-owned. */
const char *ismc_inputs_where(struct ismc_compilation *, struct ismc_span);

#endif
