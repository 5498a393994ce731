/*
 * fuzz.h - shared set-up for the libFuzzer harnesses (doc/fuzzing.md).
 *
 * Every input gets a fresh compilation, as one run of the CLI would, so
 * that nothing one input leaves behind can mask or cause a crash on the
 * next, and LeakSanitizer sees each input's memory come back. Diagnostics
 * are rendered in full (source line and caret: that code is fuzzed too)
 * into /dev/null.
 */
#ifndef ISMC_FUZZ_H
#define ISMC_FUZZ_H

#include <config.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"
#include "compilation.h"
#include "frontend.h"
#include "gap.h"
#include "ir.h"
#include "parse.h"
#include "sema.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Opened once and kept: the harness never exits on its own. */
static inline FILE *
fuzz_devnull(void)
{
	static FILE *null;

	if (null == NULL && (null = fopen("/dev/null", "w")) == NULL) {
		perror("/dev/null");
		abort();
	}
	return null;
}

/* A compilation configured as the CLI's default one, with the source
 * tree's catalogs and mappings to find. */
static inline void
fuzz_compilation_init(struct ismc_compilation *c)
{
	ismc_compilation_init(c, fuzz_devnull());
	c->diag.plain = false;
	c->diag.color = false;
	c->diag.max_errors = 50;
	ismc_compilation_add_search_dir(c, ISMC_SRCDIR "/frameworks");
}

/* One compilation of one in-memory spec; the IR may point into prog. */
struct fuzz_run {
	struct ismc_compilation	 c;
	struct ismc_spec_file	 file;
	struct ismc_program	 prog;
	struct ismc_ir		*ir;		/* NULL after errors */
};

/*
 * The spec's display name. Relative paths in it resolve against its
 * directory, so `mappings "iso27001-2022--dora.yaml"` reaches a shipped
 * mapping set, and `mappings "../dora.yaml"` a file that is not one.
 */
#define FUZZ_SPEC_NAME	ISMC_SRCDIR "/frameworks/mappings/fuzz.isms"

/*
 * The front end, semantic analysis and gap analysis on one in-memory
 * spec, stage by stage as the driver runs them: each only when the ones
 * before reported no errors. `include` is not followed: an input would
 * otherwise read the machine's files, and includes are the front end's
 * business, not the grammar's. r->ir is left NULL after errors.
 */
static inline void
fuzz_compile(struct fuzz_run *r, const uint8_t *data, size_t size)
{
	struct ismc_compilation *c = &r->c;
	struct ismc_item *items = NULL;
	struct ismc_ir *ir;

	memset(r, 0, sizeof *r);
	fuzz_compilation_init(c);
	r->file.file = ismc_sources_add(&c->sources, FUZZ_SPEC_NAME,
	    (const char *)data, size);
	ismc_parse_source(c, r->file.file, &items);
	r->file.items = items;
	r->prog.files = &r->file;
	r->prog.nfiles = 1;
	ismc_ast_dump(fuzz_devnull(), items, 0);
	if (c->diag.errors != 0)
		return;
	ir = ismc_sema_run(c, &r->prog);
	if (c->diag.errors != 0)
		return;
	/* Both policies, chosen by a bit of the input that mutations flip
	 * as often as any other. */
	if (ir->nframeworks > 1)
		ismc_gap_analyse(c, ir, size % 2 == 0 ? ISMC_GAP_STRICT :
		    ISMC_GAP_ALL_MAPPED);
	if (c->diag.errors != 0)
		return;
	ismc_ir_dump(fuzz_devnull(), ir);
	r->ir = ir;
}

static inline void
fuzz_run_destroy(struct fuzz_run *r)
{
	ismc_diag_summary(&r->c.diag);
	ismc_compilation_destroy(&r->c);
}

#endif
