/*
 * sema.h - semantic analysis: syntax trees and catalogs to the IR.
 */
#ifndef ISMC_SEMA_H
#define ISMC_SEMA_H

#include <stddef.h>

struct ismc_compilation;
struct ismc_ir;
struct ismc_mapping_set;
struct ismc_program;

/* What the command line (or a test) adds to the spec. */
struct ismc_sema_options {
	const char *const	*texts;		/* --texts files, in order */
	size_t			 ntexts;
	struct ismc_mapping_set	*const *mapping_sets;	/* loaded already;
						 * read as if the spec named
						 * them with `mappings`, first:
						 * a shipped set of the same
						 * id is then not read */
	size_t			 nmapping_sets;
};

/*
 * Resolves every reference in the program (mapping rows included), runs
 * the compliance checks, attaches the licensed texts and returns the
 * finished IR (arena-owned). `opts` may be NULL. Problems are reported
 * through the compilation's diagnostics; the IR is returned even then,
 * but analyses and backends must not run when errors were reported.
 */
struct ismc_ir *ismc_sema_run(struct ismc_compilation *,
	    const struct ismc_program *, const struct ismc_sema_options *);

#endif
