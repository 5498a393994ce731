/*
 * emit-oscal.c - `--format oscal`: the spec's own and the inferred
 * mappings as one OSCAL 1.2 mapping collection, mappings.oscal.json
 * (export-oscal.c builds it; doc/outputs.md).
 *
 * Written only when asked for, and only when the spec has something to
 * map: an OSCAL mapping collection must hold at least one mapping, so an
 * empty file would be invalid rather than merely empty. Its date is the
 * build's (ismc_outputs_epoch), never the clock's.
 */
#include <config.h>

#include <stdbool.h>

#include "backend.h"
#include "export-oscal.h"

static bool
applies(struct ismc_outputs *out)
{
	return ismc_export_oscal_applies(ismc_outputs_ir(out));
}

static const char *
render(const struct ismc_render_job *job, struct ismc_buf *out)
{
	char modified[32];

	ismc_outputs_datetime(job->outputs, modified, sizeof modified);
	ismc_export_oscal(ismc_outputs_ir(job->outputs), modified, out);
	return NULL;
}

const struct ismc_renderer ismc_render_oscal = {
	.format = "oscal",
	.ext = "oscal.json",
	.scope = ISMC_RENDER_DOCUMENT,
	.stem = "mappings",
	.on_request = true,
	.applies = applies,
	.render = render,
};
