/*
 * fuzz-import.c - libFuzzer harness: the CISO Assistant and OSCAL
 * importers (src/import*.c), JSON and YAML alike.
 *
 * The bytes are sniffed, peeked at as the catalog search does, then
 * loaded as a catalog and, in a second compilation, as mapping sets. What
 * loads must agree with what the peek said (the search finds a file by
 * the names the peek gives), must hold together (every node found again
 * by its id, parents before children, withdrawn controls never assessed,
 * every row with both sides), and is then used as a user's catalog
 * directory would be (fuzz-use.h).
 *
 * The file is named as an OSCAL catalog in a directory that does not
 * exist, so an OSCAL id can be derived from the name and a profile's
 * relative imports lead nowhere.
 */
#include "fuzz.h"
#include "fuzz-use.h"

#include "import.h"

/* The fixtures and the small reference files are below this. */
#define MAX_INPUT	(64 * 1024)
#define FUZZ_NAME	"/nonexistent/fuzz_catalog.json"

static void
check_catalog(const struct ismc_catalog *cat)
{
	const struct ismc_req *r;
	size_t i, n = 0;

	for (i = 0; i < cat->nnodes; i++) {
		r = cat->nodes[i];
		if (ismc_catalog_lookup(cat, r->id) != r || r->index != i ||
		    (r->parent != NULL && r->parent->index >= i) ||
		    (r->withdrawn && !r->is_group))
			abort();
		if (!r->is_group && (r->req_index != n++ ||
		    cat->reqs[r->req_index] != r))
			abort();
	}
	if (n != cat->nreqs)
		abort();
}

static void
check_sets(struct ismc_mapping_set **sets, size_t n,
    const struct ismc_import_names *ns)
{
	const struct ismc_mapping_row *row;
	size_t i, j;

	/* The peek names what the load finds, in order. */
	if (ns->nsets != n)
		abort();
	for (i = 0; i < n; i++) {
		if (sets[i]->id != ns->sets[i].id ||
		    sets[i]->source != ns->sets[i].source ||
		    sets[i]->target != ns->sets[i].target)
			abort();
		for (j = 0; j < sets[i]->nrows; j++) {
			row = &sets[i]->rows[j];
			if (row->source == NULL || row->target == NULL ||
			    row->strength > 10)
				abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct ismc_mapping_set **sets;
	struct ismc_import_names ns;
	struct ismc_catalog *cat;
	struct fuzz_run r;
	uint32_t f;
	size_t n;

	if (size > MAX_INPUT)
		return -1;
	(void)ismc_data_sniff((const char *)data, size);

	fuzz_run_init_bare(&r);
	f = ismc_sources_add(&r.c.sources, FUZZ_NAME, (const char *)data,
	    size);
	(void)ismc_import_peek(&r.c, &r.c.sources, f, &ns);
	if ((cat = ismc_import_catalog(&r.c, f)) != NULL) {
		check_catalog(cat);
		if (r.c.diag.errors == 0 && ns.ncatalog > 0 &&
		    ns.catalog[0] != cat->id)
			abort();
		if (r.c.diag.errors == 0)
			use_catalog(&r, cat, size);
	}
	ismc_import_names_free(&ns);
	fuzz_run_destroy(&r);

	fuzz_run_init(&r);
	f = ismc_sources_add(&r.c.sources, FUZZ_NAME, (const char *)data,
	    size);
	(void)ismc_import_peek(&r.c, &r.c.sources, f, &ns);
	n = ismc_import_mappings(&r.c, f, &sets);
	if (n > 0 && r.c.diag.errors == 0) {
		check_sets(sets, n, &ns);
		use_mapping(&r, sets[0], size);
	}
	ismc_import_names_free(&ns);
	fuzz_run_destroy(&r);
	return 0;
}
