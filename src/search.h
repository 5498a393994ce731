/*
 * search.h - finding catalogs and mapping sets in the search path.
 *
 * The directories of comp->search_path (-I, ISMC_PATH, then ismc's own
 * data) are indexed once each, lazily: every *.yaml and *.json file
 * in DIR and DIR/mappings is read once, its format told by its content
 * (datafile.h), and its header read up to the ids it declares. Only the
 * catalogs and mapping sets a compilation uses are then parsed in full:
 * a catalog when the spec names it, a mapping set when both its catalogs
 * are in use.
 *
 * Nothing is substituted silently: a catalog or mapping set that takes the
 * place of a shipped one with other content is a warning; two files of
 * one directory declaring the same id are an error; a file under a
 * catalog's name that is no catalog is a warning, and the search goes on.
 */
#ifndef ISMC_SEARCH_H
#define ISMC_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"

struct ismc_catalog;
struct ismc_compilation;
struct ismc_mapping_set;
struct ismc_search;

/*
 * Finds catalog `name` (an id or alias; "iso27001" finds
 * "iso27001-2022.yaml" through its aliases) and loads it. A catalog
 * already loaded in this compilation (comp->catalogs) is returned again.
 * Otherwise the directories are tried in order; in each, the file named
 * "<name>.yaml" (or .json) is taken first, then the one catalog
 * whose id or alias is `name`. Returns NULL, after reporting at `use`
 * (where the spec names it), when it cannot be found, is ambiguous or is
 * malformed.
 */
struct ismc_catalog *ismc_search_catalog(struct ismc_compilation *,
	    const char *name, struct ismc_span use);

/*
 * Loads the mapping sets of the search path that relate two of the `nused`
 * catalog ids `used` (interned), except those whose id is among the
 * `ntaken` interned ids `taken` (the spec's own files), and hands each to
 * `add`. Of sets with one id the first directory's wins. Errors in files
 * met while indexing are reported at `use`.
 */
void	ismc_search_mappings(struct ismc_compilation *, const char *const *used,
	    size_t nused, const char *const *taken, size_t ntaken,
	    struct ismc_span use,
	    void (*add)(void *ctx, struct ismc_mapping_set *), void *ctx);

/*
 * Warns at `at` when catalog (or mapping set, `mapping`) `id`, read from
 * source `file`, takes the place of a shipped one with other content.
 */
void	ismc_search_check_shipped(struct ismc_compilation *, bool mapping,
	    const char *id, uint32_t file, struct ismc_span at);

#endif
