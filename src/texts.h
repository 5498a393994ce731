/*
 * texts.h - the full texts of a standard, from a file the user licensed.
 *
 * ismc ships identifiers and short titles only: ISO and AICPA wording is
 * copyrighted. An organisation holding a licence may keep the texts in a
 * file of its own (doc/catalog-format.md, "Licensed texts") and name it
 * with --texts; the texts then appear in the reports beside the titles.
 */
#ifndef ISMC_TEXTS_H
#define ISMC_TEXTS_H

#include <stdbool.h>
#include <stdint.h>

struct ismc_compilation;
struct ismc_ir;

/*
 * Loads the texts file at `path` and attaches each text to its
 * requirement (struct ismc_req.text) in a catalog the IR uses. Returns
 * false after reporting: unreadable or malformed file, a catalog the spec
 * does not use, an id the catalog does not have.
 */
bool	ismc_texts_load(struct ismc_compilation *, struct ismc_ir *,
	    const char *path);
/* The same for a file already in comp->sources (the fuzzer's bytes). */
bool	ismc_texts_attach(struct ismc_compilation *, struct ismc_ir *,
	    uint32_t file);

#endif
