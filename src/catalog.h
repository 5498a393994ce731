/*
 * catalog.h - framework catalogs, loaded from YAML.
 *
 * A catalog is a tree of nodes in document order: groups (themes, chapters,
 * articles) and requirements (the leaves that are assessed: Annex A
 * controls, DORA paragraphs or points, SOC 2 criteria). The file format is
 * described in doc/catalog-format.md.
 */
#ifndef ISMC_CATALOG_H
#define ISMC_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "source.h"
#include "symtab.h"

struct ismc_compilation;

struct ismc_req {
	const char		*id;		/* interned, e.g. "A.5.15", "5.2.a" */
	const char		*title;		/* short title; may be NULL */
	const char		*text;		/* the full text, only from a
						 * licensed file (texts.h) */
	const char		*ref;		/* official citation, e.g.
						 * "Art. 5(2)(a)"; may be NULL */
	const char		*level;		/* interned level name, e.g. "theme" */
	struct ismc_req		*parent;	/* NULL for a root */
	const struct ismc_catalog *catalog;
	size_t			 index;		/* position in catalog->nodes */
	size_t			 req_index;	/* position among requirements,
						 * or SIZE_MAX for a group */
	bool			 is_group;	/* has children or kind: group */
	bool			 mandatory;	/* decided without an SoA row:
						 * in a 'controls' catalog,
						 * outside the part its 'soa'
						 * names (ISO 27001 clauses
						 * 4-10); never excluded */
	bool			 withdrawn;	/* an imported control its
						 * publisher withdrew: kept for
						 * messages, never assessed
						 * (is_group is set too) */
	struct ismc_span	 span;		/* where the YAML defines it */
};

struct ismc_catalog {
	const char		*id;		/* interned, e.g. "iso27001-2022" */
	const char		*title;
	const char		*version;
	const char		*publisher;
	const char		*source;	/* where the content comes from */
	const char		*licence;
	const char		*kind;		/* "controls" or "requirements" */
	const char		**aliases;	/* interned, e.g. "iso27001" */
	size_t			 naliases;
	const char		**levels;	/* hierarchy level names, top down */
	size_t			 nlevels;
	struct ismc_req		**nodes;	/* document order */
	size_t			 nnodes;
	struct ismc_req		**reqs;		/* requirements only, in order */
	size_t			 nreqs;
	struct ismc_symtab	 by_id;		/* interned id -> struct ismc_req */
	uint32_t		 file;		/* source id of the YAML */
	struct ismc_span	 span;		/* where the file declares its id */
};

/*
 * Loads a catalog in ismc's own format (ismc-catalog/1) from source
 * `file`, already loaded or added (e.g. with ismc_sources_add, for tests
 * and fuzzing); NULL after reporting on any error. Each file is loaded
 * once per compilation and then kept in comp->catalogs, released with the
 * compilation; a second file declaring an id already loaded is an error.
 * A file of any format (CISO Assistant, OSCAL) is loaded by
 * ismc_data_catalog_file (datafile.h), which comes here for ismc's own.
 */
/* How ismc names a catalog where a URI is wanted (its OSCAL export's
 * resources): this prefix and the catalog id. */
#define ISMC_CATALOG_URN	"urn:ismc:catalog:"

struct ismc_catalog *ismc_catalog_load_file(struct ismc_compilation *,
	    uint32_t file);
/* The catalog loaded from source `file` in this run, or NULL. */
struct ismc_catalog *ismc_catalog_of_file(const struct ismc_compilation *,
	    uint32_t file);
/*
 * Adds a loaded catalog to comp->catalogs; false, after an error at the
 * catalog's id, when another file already declared that id in this run
 * (the caller then frees it).
 */
bool	ismc_catalog_register(struct ismc_compilation *, struct ismc_catalog *);
/* The top-level group (theme, chapter, category) holding a node: reports
 * group by it. NULL for a node with no parent. */
const struct ismc_req *ismc_req_top_group(const struct ismc_req *);
/* The requirement or group with this id, or NULL. */
struct ismc_req *ismc_catalog_lookup(const struct ismc_catalog *,
	    const char *interned_id);
/*
 * Whether s[0..len) may be a catalog id or alias: letters, digits, '.',
 * '-' and '_', starting with a letter or digit. Such names are safe as
 * file names and as the prefix of a qualified reference.
 */
bool	ismc_catalog_valid_name(const char *s, size_t len);
/* Whether the catalog lists controls (an SoA is kept against it, as for
 * ISO 27001 Annex A) rather than requirements met through mappings. */
bool	ismc_catalog_is_controls(const struct ismc_catalog *);
/* Releases the catalog's heap-owned tables (the rest is arena-owned). */
void	ismc_catalog_free(struct ismc_catalog *);

#endif
