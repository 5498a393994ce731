/*
 * import.h - reading the catalogs and mapping sets other tools publish.
 *
 * Besides its own YAML formats (catalog.h, mapping.h), ismc reads the
 * files its users already hold, recognised by their content rather than
 * by their name or a flag:
 *
 *   - CISO Assistant libraries (YAML): a framework with its requirement
 *     nodes becomes a catalog; requirement mapping sets become mapping
 *     sets (import-ciso.c);
 *   - OSCAL 1.x catalogs and profiles, JSON or YAML: groups, controls and
 *     enhancements become a catalog, a profile the baseline it selects
 *     (import-oscal.c);
 *   - OSCAL 1.2 mapping collections, JSON or YAML: one mapping set per
 *     entry of 'mappings' (import-oscal-map.c).
 *
 * The results are the project's own struct ismc_catalog and struct
 * ismc_mapping_set, arena-owned, so nothing after loading knows where a
 * catalog came from. What is read, what is ignored and how ids are
 * derived is in doc/catalog-format.md, "Importing CISO Assistant and
 * OSCAL files".
 */
#ifndef ISMC_IMPORT_H
#define ISMC_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_compilation;
struct ismc_catalog;
struct ismc_mapping_set;

/* The namespace of ismc's own OSCAL props: its export writes them
 * (export-oscal.c), and the importer reads back a map's residual. */
#define ISMC_OSCAL_NS	"https://example.invalid/ismc/ns/oscal"

/* What a data file holds, told from its content. */
enum ismc_data_format {
	ISMC_DATA_UNKNOWN,		/* none of the below */
	ISMC_DATA_ISMC_CATALOG,		/* format: ismc-catalog/1 */
	ISMC_DATA_ISMC_MAPPING,		/* format: ismc-mapping/1 */
	ISMC_DATA_ISMC_TEXTS,		/* format: ismc-texts/1 */
	ISMC_DATA_CISO_LIBRARY,		/* urn: urn:intuitem:risk:library:... */
	ISMC_DATA_OSCAL_CATALOG,	/* catalog: {uuid, metadata, ...} */
	ISMC_DATA_OSCAL_PROFILE,	/* profile: {uuid, metadata, ...} */
	ISMC_DATA_OSCAL_MAPPING,	/* mapping-collection: {...} */
};

/*
 * Tells the format of buf[0..len) from its first YAML or JSON events,
 * without reporting anything and without reading further than it must
 * (the top-level keys, and the first keys under an OSCAL root).
 */
enum ismc_data_format ismc_data_sniff(const char *buf, size_t len);
/* True for the formats this module reads (CISO Assistant and OSCAL). */
bool	ismc_data_is_foreign(enum ismc_data_format);
/* "CISO Assistant library", "OSCAL catalog", ... for messages. */
const char *ismc_data_format_name(enum ismc_data_format);

/*
 * The *.yaml and *.json files of `dir`, as paths, sorted bytewise so that
 * nothing depends on the file system's order; heap-owned (free with
 * ismc_data_files_free). NULL, with *n 0, when `dir` cannot be read.
 */
char	**ismc_data_files(const char *dir, size_t *n);
void	ismc_data_files_free(char **, size_t n);

/* One mapping set a foreign file holds, as the catalog search sees it. */
struct ismc_import_set_name {
	const char	*id;		/* interned mapping-set id */
	const char	*source;	/* interned catalog ids */
	const char	*target;
};

/* The names a foreign file answers to; arrays heap-owned. */
struct ismc_import_names {
	enum ismc_data_format		 format;
	const char			**catalog;	/* interned id, then the
							 * aliases; none if the
							 * file holds no catalog */
	size_t				  ncatalog;
	struct ismc_import_set_name	 *sets;
	size_t				  nsets;
};

/*
 * Reads what source `file` of `sources` (the compilation's, or a scratch
 * set the caller destroys afterwards) answers to, without reporting and
 * without keeping anything but names interned in the compilation: a
 * broken or unrelated file in a search directory must not disturb a
 * search for another name. False when the file is not a foreign format
 * ismc reads. Free with ismc_import_names_free in every case.
 */
struct ismc_sources;
bool	ismc_import_peek(struct ismc_compilation *,
	    const struct ismc_sources *, uint32_t file,
	    struct ismc_import_names *);
void	ismc_import_names_free(struct ismc_import_names *);

/*
 * Loads the catalog a foreign file holds (a CISO Assistant framework, an
 * OSCAL catalog, or the baseline an OSCAL profile selects from its
 * catalog) and registers it in comp->catalogs, as ismc_catalog_load_file
 * does for a native one (ismc_data_catalog_file in datafile.h chooses).
 * NULL after reporting any error.
 */
struct ismc_catalog *ismc_import_catalog(struct ismc_compilation *,
	    uint32_t file);

/*
 * Loads every mapping set a foreign file holds (CISO Assistant's forward
 * and "-revert" sets, or one per entry of an OSCAL mapping collection's
 * 'mappings') into *out, an arena-owned array. Returns how many; 0, with
 * *out NULL, after reporting an error.
 */
size_t	ismc_import_mappings(struct ismc_compilation *, uint32_t file,
	    struct ismc_mapping_set ***out);

#endif
