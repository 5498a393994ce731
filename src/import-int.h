/*
 * import-int.h - what the importers (src/import*.c) share; not for use
 * elsewhere (the interface is import.h).
 *
 *   - a document of either syntax, JSON or YAML, as one node tree;
 *   - a walk over libyaml events with the key path, for the sniffer and
 *     for peeking at names without building a tree;
 *   - a catalog builder and a mapping-set builder, so each importer only
 *     says what a node or a row is, and the rules a native file obeys
 *     (unique ids, parents before children, one row per pair) are
 *     enforced in one place;
 *   - id derivation from URNs and file names.
 */
#ifndef ISMC_IMPORT_INT_H
#define ISMC_IMPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "compilation.h"
#include "import.h"
#include "mapping.h"
#include "symtab.h"
#include "yamlnode.h"

/* ---- documents (import.c) ---------------------------------------------- */

/*
 * Parses source `file` as JSON when its first significant byte opens a
 * JSON object or array, else as YAML; reports to `diag` (NULL: quietly).
 * False after any error. Free with imp_doc_free in every case.
 */
bool	imp_doc_parse(struct ismc_ydoc *, const struct ismc_sources *,
	    struct ismc_diag *, uint32_t file);
void	imp_doc_free(struct ismc_ydoc *);
/* Whether the text looks like JSON (first byte after blanks and a BOM). */
bool	imp_looks_like_json(const char *buf, size_t len);
/* A string value or NULL, quietly: for optional text the importer can do
 * without (a title, a version). Copied into the arena. */
const char *imp_opt_text(struct ismc_compilation *, const struct ismc_ynode *);
/* A required string, interned; NULL after reporting. */
const char *imp_req_string(struct ismc_ydoc *, struct ismc_compilation *,
	    const struct ismc_ynode *map, const char *key, const char *where);
/* The file's path for messages and for ids derived from it. */
const char *imp_path(const struct ismc_sources *, uint32_t file);


/* ---- event walk (import-sniff.c) --------------------------------------- */

#define IMP_WALK_DEPTH	8	/* deeper levels are walked, not named */
#define IMP_KEY_MAX	64	/* longer keys never match a wanted one */

struct imp_walk_step {
	bool		 seq;		/* an item of a sequence */
	size_t		 index;		/* its index */
	char		 key[IMP_KEY_MAX];	/* else the mapping key */
};

/* A scalar value and the path to it, or (value NULL) the start of a
 * collection there; return false to stop the walk. */
typedef bool imp_walk_fn(void *ctx, const struct imp_walk_step *path,
	    size_t depth, const char *value, size_t len);

/*
 * Walks buf[0..len) with libyaml's event API, silently, calling `fn` on
 * every scalar value (not on keys) and at the start of every mapping or
 * sequence that is a value. Returns false if the text was not
 * walked to the end (a syntax error, or `fn` stopped it).
 */
bool	imp_walk(const char *buf, size_t len, imp_walk_fn *fn, void *ctx);
/* True when path[0..depth) is exactly the keys given ("[]" matches an
 * item of a sequence), NULL-terminated. */
bool	imp_walk_at(const struct imp_walk_step *path, size_t depth, ...);

/* ---- ids (import.c) ---------------------------------------------------- */

/*
 * The part of a URN after `prefix` ("urn:intuitem:risk:framework:"), or
 * after its last ':' when it does not start so; interned; NULL when that
 * is empty.
 */
const char *imp_urn_tail(struct ismc_compilation *, const char *urn,
	    size_t len, const char *prefix);
/*
 * The catalog id an OSCAL document is known by, from its file name or
 * href: lower case, '_' and blanks as '-', without the extension and a
 * trailing "-catalog", "-profile" or "-mapping-collection"; a bare
 * "catalog.json" takes its directory's name. NULL when nothing is left.
 */
const char *imp_id_from_path(struct ismc_compilation *, const char *path,
	    size_t len);

/* ---- catalog builder (import.c) ---------------------------------------- */

struct imp_catalog {
	struct ismc_compilation	*comp;
	struct ismc_catalog	*cat;
	struct ismc_req		**nodes;	/* heap until finished */
	size_t			 cap;
	const char		**levels;	/* heap until finished */
	size_t			 lcap;
};

/* A catalog for source `file`; fill in the header fields directly. */
void	imp_catalog_init(struct imp_catalog *, struct ismc_compilation *,
	    uint32_t file);
/*
 * Adds a node in document order; `parent` must be an earlier node or
 * NULL. Returns NULL when `id` (interned) is taken, for the caller to
 * report with the earlier node (imp_catalog_lookup).
 */
struct ismc_req *imp_catalog_add(struct imp_catalog *, const char *id,
	    struct ismc_req *parent, const char *level, bool group,
	    struct ismc_span);
struct ismc_req *imp_catalog_lookup(struct imp_catalog *, const char *id);
/* Adds a level name (interned) unless known; the order is top-down. */
void	imp_catalog_level(struct imp_catalog *, const char *level);
/*
 * Lists the requirements and registers the catalog in comp->catalogs
 * (when `keep`); returns it. With errors (`ok` false) the catalog is
 * freed and NULL returned.
 */
struct ismc_catalog *imp_catalog_finish(struct imp_catalog *, bool ok,
	    bool keep);

/* ---- mapping-set builder (import.c) ------------------------------------ */

struct imp_rows {
	struct ismc_compilation	*comp;
	struct ismc_ydoc	*doc;
	struct ismc_mapping_row	*rows;		/* heap until finished */
	size_t			 nrows;
	size_t			 cap;
	struct ismc_symtab	 pairs;		/* "src\037tgt" -> 1 + row */
	size_t			 ndup;		/* exact repeats dropped */
};

void	imp_rows_init(struct imp_rows *, struct ismc_compilation *,
	    struct ismc_ydoc *);
/*
 * Adds a row unless the pair is there already. An exact repeat is
 * counted (the file's publisher repeats rows; one warning per set says
 * how many were dropped); the same pair with another relationship is an
 * error at `at`. False after an error.
 */
bool	imp_rows_add(struct imp_rows *, const struct ismc_mapping_row *,
	    const struct ismc_ynode *at);
/* Moves the rows into `set` (arena) and warns once about repeats. */
void	imp_rows_finish(struct imp_rows *, struct ismc_mapping_set *,
	    const struct ismc_ynode *set_node);
void	imp_rows_free(struct imp_rows *);

/* ---- the importers ------------------------------------------------------ */

/* import-ciso.c */
bool	imp_ciso_peek(struct ismc_compilation *, const struct ismc_source *,
	    struct ismc_import_names *);
struct ismc_catalog *imp_ciso_catalog(struct ismc_compilation *,
	    uint32_t file);
size_t	imp_ciso_mappings(struct ismc_compilation *, uint32_t file,
	    struct ismc_mapping_set ***);

/* import-oscal.c */
bool	imp_oscal_peek(struct ismc_compilation *, const struct ismc_source *,
	    enum ismc_data_format, struct ismc_import_names *);
struct ismc_catalog *imp_oscal_catalog(struct ismc_compilation *,
	    uint32_t file, enum ismc_data_format);

/* import-oscal-map.c */
bool	imp_oscal_map_peek(struct ismc_compilation *,
	    const struct ismc_sources *, uint32_t file,
	    struct ismc_import_names *);
size_t	imp_oscal_mappings(struct ismc_compilation *, uint32_t file,
	    struct ismc_mapping_set ***);

/* Adds a name to a names list (import.c). */
void	imp_names_catalog(struct ismc_import_names *, const char *name);
void	imp_names_set(struct ismc_import_names *, const char *id,
	    const char *source, const char *target);

#endif
