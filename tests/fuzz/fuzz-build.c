/*
 * fuzz-build.c - libFuzzer harness: one spec compiled as `ismc build`
 * would, then every report in every table format, every chart as PNG and
 * SVG and the auditor's PDF rendered into memory and thrown away.
 */
#include "fuzz.h"

#include "buf.h"
#include "emit.h"

/* Rendering is the slow part; small specs reach every branch of it. */
#define MAX_INPUT	(16 * 1024)

/* Accepts every output; only the bytes' existence is checked. */
static bool
discard(void *ctx, const char *name, const struct ismc_buf *b)
{
	size_t *n = ctx;

	if (name == NULL || name[0] == '\0' || (b->len > 0 &&
	    b->data == NULL))
		abort();
	(*n)++;
	return true;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_run r;
	size_t n = 0;

	if (size > MAX_INPUT)
		return -1;
	fuzz_compile(&r, data, size);
	if (r.ir != NULL)
		(void)ismc_emit_reports_to(r.ir, &r.c.arena, &r.c.diag,
		    discard, &n);
	fuzz_run_destroy(&r);
	return 0;
}
