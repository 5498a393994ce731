/*
 * fuzz-catalog.c - libFuzzer harness: the same bytes through the YAML
 * catalog loader and the mapping-set loader, each in its own compilation
 * as `ismc check --catalog` and a spec's `mappings` would load them.
 */
#include "fuzz.h"

#include "catalog.h"
#include "mapping.h"

/* The shipped catalogs and the seeds' mappings are below this. */
#define MAX_INPUT	(64 * 1024)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ismc_compilation c;
	struct ismc_catalog *cat;
	size_t i;
	uint32_t f;

	if (size > MAX_INPUT)
		return -1;

	fuzz_compilation_init(&c);
	f = ismc_sources_add(&c.sources, "fuzz.yaml", (const char *)data,
	    size);
	if ((cat = ismc_catalog_load_file(&c, f)) != NULL) {
		/* Every id the loader kept must be found again. */
		for (i = 0; i < cat->nnodes; i++)
			if (ismc_catalog_lookup(cat, cat->nodes[i]->id) !=
			    cat->nodes[i])
				abort();
		(void)ismc_catalog_is_controls(cat);
	}
	ismc_diag_summary(&c.diag);
	ismc_compilation_destroy(&c);

	fuzz_compilation_init(&c);
	f = ismc_sources_add(&c.sources, "fuzz.yaml", (const char *)data,
	    size);
	(void)ismc_mapping_load_file(&c, f);
	ismc_diag_summary(&c.diag);
	ismc_compilation_destroy(&c);
	return 0;
}
