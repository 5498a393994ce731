/*
 * sema.h - semantic analysis: syntax trees and catalogs to the IR.
 */
#ifndef ISMC_SEMA_H
#define ISMC_SEMA_H

struct ismc_compilation;
struct ismc_ir;
struct ismc_program;

/*
 * Resolves every reference in the program, runs the compliance checks and
 * returns the IR (arena-owned). Problems are reported through the
 * compilation's diagnostics; the IR is returned even then, but backends
 * must not run when errors were reported.
 */
struct ismc_ir *ismc_sema_run(struct ismc_compilation *,
	    const struct ismc_program *);

#endif
