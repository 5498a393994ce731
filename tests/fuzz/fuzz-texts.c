/*
 * fuzz-texts.c - libFuzzer harness: the licensed texts reader (--texts,
 * src/texts.c), then the Statement of Applicability that shows the texts,
 * as CSV, Markdown and JSON.
 *
 * The texts attach to the catalogs of the base compilation's IR (the
 * shipped catalogs, loaded once per process), as they would to those of
 * a spec using every shipped framework. They are strings of the input's
 * compilation, so they are taken off again before it is freed: the next
 * input finds the catalogs as they were.
 */
#include "fuzz.h"

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "emit.h"
#include "report-soa.h"
#include "report.h"
#include "texts.h"

/* A texts file of a whole catalog is far larger, but repeats itself. */
#define MAX_INPUT	(64 * 1024)
#define FUZZ_TEXTS_NAME	ISMC_SRCDIR "/frameworks/fuzz-texts.yaml"

/* The SoA of every controls catalog, in every table format. */
static void
soa(const struct ismc_ir *ir, struct ismc_arena *a)
{
	void (*const emit[])(const struct ismc_report *, struct ismc_buf *) = {
		ismc_emit_csv, ismc_emit_md, ismc_emit_json
	};
	struct ismc_report *rep;
	struct ismc_buf b;
	size_t i, k;

	ismc_buf_init(&b);
	for (i = 0; i < ir->nframeworks; i++) {
		if (!ismc_catalog_is_controls(ir->frameworks[i].catalog) ||
		    (rep = ismc_report_soa(ir, &ir->frameworks[i], a)) == NULL)
			continue;
		for (k = 0; k < sizeof emit / sizeof emit[0]; k++) {
			emit[k](rep, &b);
			ismc_buf_reset(&b);
		}
	}
	ismc_buf_free(&b);
}

/* Takes the input's texts off the base's catalogs; aborts if a text was
 * there before the input (the last one's would have dangled). */
static void
untext(const struct ismc_ir *ir, bool before)
{
	struct ismc_catalog *cat;
	size_t i, j;

	for (i = 0; i < ir->nframeworks; i++) {
		cat = ir->frameworks[i].catalog;
		for (j = 0; j < cat->nnodes; j++) {
			if (before && cat->nodes[j]->text != NULL)
				abort();
			cat->nodes[j]->text = NULL;
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ismc_ir *ir = fuzz_base(FUZZ_BASE_FULL)->ir;
	struct fuzz_run r;
	uint32_t f;

	if (size > MAX_INPUT)
		return -1;
	fuzz_run_init(&r);
	untext(ir, true);
	f = ismc_sources_add(&r.c.sources, FUZZ_TEXTS_NAME,
	    (const char *)data, size);
	if (ismc_texts_attach(&r.c, ir, f) && r.c.diag.errors == 0)
		soa(ir, &r.c.arena);
	untext(ir, false);
	fuzz_run_destroy(&r);
	return 0;
}
