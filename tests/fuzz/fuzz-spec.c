/*
 * fuzz-spec.c - libFuzzer harness: one spec through the scanner, the
 * parser, semantic analysis (with the source tree's catalogs and
 * mappings) and the gap analysis, as `ismc check` runs them, then
 * `ismc explain` on a few requirements.
 */
#include "fuzz.h"

#include "catalog.h"

/* Real specs are split into files well below this; larger inputs only
 * slow the fuzzer down without reaching new code. */
#define MAX_INPUT	(64 * 1024)

/*
 * `ismc explain` on a few requirements of each analysed framework: its
 * first node (usually a group), the first requirement something reaches
 * and its last requirement.
 */
static void
explain(const struct ismc_ir *ir)
{
	const struct ismc_gap_fw *g;
	const char *fw;
	size_t i, j;

	for (i = 0; i < ir->gap->nfws; i++) {
		g = &ir->gap->fws[i];
		fw = g->fw->catalog->id;
		if (g->fw->catalog->nnodes > 0)
			(void)ismc_explain_print(ir, fw,
			    g->fw->catalog->nodes[0]->id, fuzz_devnull());
		for (j = 0; j < g->nreqs; j++)
			if (g->reqs[j].nreaches > 0) {
				(void)ismc_explain_print(ir, fw,
				    g->reqs[j].req->id, fuzz_devnull());
				break;
			}
		if (g->nreqs > 0)
			(void)ismc_explain_print(ir, fw,
			    g->reqs[g->nreqs - 1].req->id, fuzz_devnull());
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_run r;

	if (size > MAX_INPUT)
		return -1;	/* not worth keeping in the corpus */
	fuzz_compile(&r, data, size);
	if (r.ir != NULL && r.ir->gap != NULL)
		explain(r.ir);
	/* The token dump rescans the text on its own. */
	ismc_dump_tokens(&r.c, r.file.file, fuzz_devnull());
	fuzz_run_destroy(&r);
	return 0;
}
