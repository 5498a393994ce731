/*
 * fuzz-catalog.c - libFuzzer harness: the same bytes through the YAML
 * catalog loader and the mapping-set loader, each in its own compilation.
 *
 * A file that loads is then used, as a user's catalog directory (-I) or
 * mapping file would be: a two-line spec names it next to ISO 27001 (for a
 * mapping set, names its two catalogs, and the set replaces the shipped
 * one of the same id), and goes through semantic analysis, the gap
 * analysis, `ismc explain` and the table reports. Catalogs and mapping
 * sets that are well-formed but odd (a group with no requirements, a
 * catalog of groups only, ids differing in case) reach code the loaders'
 * checks never see.
 */
#include "fuzz.h"
#include "fuzz-use.h"
#include "datafile.h"

/* The shipped catalogs and the seeds' mappings are below this. */
#define MAX_INPUT	(64 * 1024)

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_run r;
	struct ismc_catalog *cat;
	struct ismc_mapping_set *m;
	size_t i;
	uint32_t f;

	if (size > MAX_INPUT)
		return -1;

	fuzz_run_init_bare(&r);
	f = ismc_sources_add(&r.c.sources, "fuzz.yaml", (const char *)data,
	    size);
	if ((cat = ismc_data_catalog_file(&r.c, f)) != NULL) {
		/* Every id the loader kept must be found again. */
		for (i = 0; i < cat->nnodes; i++)
			if (ismc_catalog_lookup(cat, cat->nodes[i]->id) !=
			    cat->nodes[i])
				abort();
		if (r.c.diag.errors == 0)
			use_catalog(&r, cat, size);
	}
	fuzz_run_destroy(&r);

	fuzz_run_init(&r);
	f = ismc_sources_add(&r.c.sources, "fuzz.yaml", (const char *)data,
	    size);
	if ((m = ismc_mapping_load_file(&r.c, f)) != NULL &&
	    r.c.diag.errors == 0)
		use_mapping(&r, m, size);
	fuzz_run_destroy(&r);
	return 0;
}
