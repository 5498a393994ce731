/*
 * import-oscal-map.c - OSCAL 1.2 mapping collections, JSON or YAML, as
 * mapping sets (doc/catalog-format.md, "Importing CISO Assistant and
 * OSCAL files").
 *
 * Each entry of `mappings` relates a source resource to a target
 * resource (catalogs or profiles, named by href) and becomes one mapping
 * set whose catalog ids are derived from those hrefs as from a catalog's
 * own file name. Each map relates a list of sources to a list of targets
 * by a NIST IR 8477 relationship over their unions; ismc's rows relate
 * pairs and covering sets (several sources whose union is equal to or
 * contains one target), so a map becomes the rows that its relationship
 * implies:
 *
 *	equivalent-to, equal-to	one to one: equal; one source and several
 *				targets: each target is a subset of it
 *				(superset rows); several sources and one
 *				target: a covering set, equal
 *	subset-of		each source lies in the single target
 *	superset-of		the single source contains each target;
 *				several sources: a covering set, superset
 *	intersects-with		every pair, read as overlapping
 *	no-relationship		every pair, not related
 *
 * A map that none of these can express (subset-of with several targets,
 * superset-of or equal-to with several on both sides) is skipped, with
 * one warning per set saying how many.
 * Statement-level references (type "statement") are skipped likewise:
 * ismc maps whole controls. A map's confidence-score percentage becomes
 * the row's strength (0.8 gives 8).
 */
#include <config.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "import-int.h"
#include "import-json.h"
#include "xalloc.h"

/* OSCAL's relationship names, and what each is in ismc. */
static const char *const rel_names[] = {
	"equivalent-to", "equal-to", "subset-of", "superset-of",
	"intersects-with", "no-relationship", NULL,
};
static const enum ismc_rel rel_values[] = {
	ISMC_REL_EQUAL, ISMC_REL_EQUAL, ISMC_REL_SUBSET, ISMC_REL_SUPERSET,
	ISMC_REL_INTERSECTS, ISMC_REL_NOT_RELATED,
};

static const char *const ref_keys[] = { "type", "id-ref", "remarks", NULL };

struct mc {
	struct ismc_compilation	*comp;
	struct ismc_ydoc	 doc;
	const struct ismc_ynode	*root;		/* mapping-collection: */
	const char		*id;		/* from the file name */
	size_t			 skipped;	/* maps not split into pairs */
	size_t			 statements;	/* statement refs skipped */
};

static bool
mc_open(struct mc *m, struct ismc_compilation *comp,
    const struct ismc_sources *sources, struct ismc_diag *diag,
    uint32_t file)
{
	const char *path = imp_path(sources, file);

	memset(m, 0, sizeof *m);
	m->comp = comp;
	if (!imp_doc_parse(&m->doc, sources, diag, file))
		return false;
	if (ismc_ydoc_expect(&m->doc, m->doc.root, ISMC_YNODE_MAPPING,
	    "an OSCAL document") == NULL)
		return false;
	m->root = ismc_ydoc_require(&m->doc, m->doc.root,
	    "mapping-collection", "in an OSCAL mapping collection");
	if (ismc_ydoc_expect(&m->doc, m->root, ISMC_YNODE_MAPPING,
	    "'mapping-collection'") == NULL)
		return false;
	m->id = imp_id_from_path(comp, path, strlen(path));
	if (m->id == NULL) {
		ismc_ydoc_report(&m->doc, ISMC_ERROR, m->root->span, "cannot "
		    "derive a mapping-set id from the file name '%s': rename "
		    "the file to letters, digits, '.', '-' and '_'", path);
		return false;
	}
	return true;
}

static void
mc_close(struct mc *m)
{
	imp_doc_free(&m->doc);
}

/* The catalog id of a source-resource or target-resource. */
static const char *
resource_id(struct mc *m, const struct ismc_ynode *entry, const char *key)
{
	const struct ismc_ynode *res, *href;
	const char *id;
	char what[64], buf[80];

	snprintf(what, sizeof what, "'%s'", key);
	res = ismc_ydoc_require(&m->doc, entry, key, "in a mapping");
	if (ismc_ydoc_expect(&m->doc, res, ISMC_YNODE_MAPPING, what) == NULL)
		return NULL;
	href = ismc_ydoc_require(&m->doc, res, "href", "in a resource");
	if (href == NULL || ismc_ydoc_expect_string(&m->doc, href,
	    "'href'") == NULL)
		return NULL;
	/* ismc's own export names a catalog by its id (export-oscal.c). */
	if (href->len > sizeof ISMC_CATALOG_URN - 1 && memcmp(href->u.str,
	    ISMC_CATALOG_URN, sizeof ISMC_CATALOG_URN - 1) == 0 &&
	    ismc_catalog_valid_name(href->u.str + sizeof ISMC_CATALOG_URN - 1,
	    href->len - (sizeof ISMC_CATALOG_URN - 1)))
		return ismc_strtab_intern(&m->comp->strtab, href->u.str +
		    sizeof ISMC_CATALOG_URN - 1, href->len -
		    (sizeof ISMC_CATALOG_URN - 1));
	if ((id = imp_id_from_path(m->comp, href->u.str, href->len)) == NULL)
		ismc_ydoc_report(&m->doc, ISMC_ERROR, href->span, "cannot "
		    "derive a catalog id from '%s'", ismc_yaml_printable(
		    href->u.str, href->len, buf, sizeof buf));
	return id;
}

/* The id of set `i` of `n`: the file's, numbered when there are more. */
static const char *
set_id(struct mc *m, size_t i, size_t n)
{
	if (n == 1)
		return m->id;
	return ismc_strtab_cstr(&m->comp->strtab, ismc_arena_printf(
	    &m->comp->arena, "%s-%zu", m->id, i + 1));
}

/* ---- peeking ---------------------------------------------------------------------------- */

bool
imp_oscal_map_peek(struct ismc_compilation *comp,
    const struct ismc_sources *sources, uint32_t file,
    struct ismc_import_names *ns)
{
	const struct ismc_ynode *list, *e;
	const char *src, *tgt;
	struct mc m;
	size_t i;

	if (mc_open(&m, comp, sources, NULL, file) &&
	    (list = ismc_ynode_get(m.root, "mappings")) != NULL &&
	    list->kind == ISMC_YNODE_SEQUENCE) {
		for (i = 0; i < list->len; i++) {
			e = ismc_ynode_item(list, i);
			src = resource_id(&m, e, "source-resource");
			tgt = resource_id(&m, e, "target-resource");
			if (src != NULL && tgt != NULL)
				imp_names_set(ns, set_id(&m, i, list->len),
				    src, tgt);
		}
	}
	mc_close(&m);
	return true;
}

/* ---- maps --------------------------------------------------------------------------------- */

/* The controls a `sources` or `targets` list names. */
struct refs {
	const char		**ids;		/* interned, distinct, in order */
	struct ismc_span	*spans;		/* where each is named */
	size_t			 n;
};

/* One reference: its control id, or NULL (a statement, counted, or an
 * error, reported). */
static const struct ismc_ynode *
map_ref(struct mc *m, const struct ismc_ynode *ref)
{
	const struct ismc_ynode *type, *idn;

	if (ismc_ydoc_expect(&m->doc, ref, ISMC_YNODE_MAPPING,
	    "a map reference") == NULL)
		return NULL;
	ismc_ydoc_check_keys(&m->doc, ref, ref_keys, "in a map reference");
	type = ismc_ydoc_require(&m->doc, ref, "type", "in a map reference");
	idn = ismc_ydoc_require(&m->doc, ref, "id-ref", "in a map reference");
	if (type == NULL || idn == NULL || ismc_ydoc_expect_string(&m->doc,
	    idn, "'id-ref'") == NULL)
		return NULL;
	if (ismc_ynode_equals(type, "statement")) {
		m->statements++;
		return NULL;
	}
	if (!ismc_ynode_equals(type, "control")) {
		ismc_ydoc_report(&m->doc, ISMC_ERROR, type->span, "unknown "
		    "reference type; expected 'control' or 'statement'");
		return NULL;
	}
	return idn;
}

/* The controls of list `key`; statement references are left out, and a
 * control named twice counts once. */
static void
map_refs(struct mc *m, const struct ismc_ynode *map, const char *key,
    struct refs *r)
{
	const struct ismc_ynode *list, *idn;
	const char *id;
	char what[64];
	size_t i, j;

	memset(r, 0, sizeof *r);
	snprintf(what, sizeof what, "'%s'", key);
	list = ismc_ydoc_require(&m->doc, map, key, "in a map");
	if (ismc_ydoc_expect(&m->doc, list, ISMC_YNODE_SEQUENCE, what) ==
	    NULL)
		return;
	if (list->len == 0) {
		ismc_ydoc_report(&m->doc, ISMC_ERROR, list->span, "%s lists "
		    "nothing", what);
		return;
	}
	r->ids = ISMC_NEW_ARRAY(&m->comp->arena, const char *, list->len);
	r->spans = ISMC_NEW_ARRAY(&m->comp->arena, struct ismc_span,
	    list->len);
	for (i = 0; i < list->len; i++) {
		if ((idn = map_ref(m, ismc_ynode_item(list, i))) == NULL)
			continue;
		id = ismc_strtab_intern(&m->comp->strtab, idn->u.str,
		    idn->len);
		for (j = 0; j < r->n && r->ids[j] != id; j++)
			continue;
		if (j < r->n)
			continue;
		r->spans[r->n] = ismc_json_span(&m->doc, idn);
		r->ids[r->n++] = id;
	}
}

/* confidence-score.percentage (0..1) as a strength 1..10; 0: none. */
static unsigned
map_strength(struct mc *m, const struct ismc_ynode *map)
{
	const struct ismc_ynode *v;
	char buf[32], *end;
	double p;

	v = ismc_ynode_get(ismc_ynode_get(map, "confidence-score"),
	    "percentage");
	if (v == NULL || v->kind != ISMC_YNODE_SCALAR || v->len == 0 ||
	    v->len >= sizeof buf)
		return 0;
	memcpy(buf, v->u.str, v->len);
	buf[v->len] = '\0';
	p = strtod(buf, &end);
	if (*end != '\0' || !(p >= 0 && p <= 1)) {
		ismc_ydoc_report(&m->doc, ISMC_ERROR, v->span, "a confidence "
		    "percentage is a number from 0 to 1");
		return 0;
	}
	return p < 0.05 ? 1 : (unsigned)lround(p * 10);
}

/*
 * The relationship of each pair the map implies (see the top), or false
 * when its union cannot be split into pairs.
 */
static bool
pair_rel(enum ismc_rel rel, size_t ns, size_t nt, enum ismc_rel *out)
{
	*out = rel;
	switch (rel) {
	case ISMC_REL_EQUAL:
		if (ns > 1)
			return false;
		if (nt > 1)
			*out = ISMC_REL_SUPERSET;
		return true;
	case ISMC_REL_SUBSET:
		return nt == 1;
	case ISMC_REL_SUPERSET:
		return ns == 1;
	default:
		return true;
	}
}

/* ismc's own export says a map's residual in a prop of its namespace
 * (export-oscal.c); other publishers' props are not read. */
static const char *
map_residual(struct mc *m, const struct ismc_ynode *map)
{
	const struct ismc_ynode *props = ismc_ynode_get(map, "props"), *p;
	const char *name, *ns;
	uint32_t i;

	if (props == NULL || props->kind != ISMC_YNODE_SEQUENCE ||
	    props->streamed)
		return NULL;
	for (i = 0; i < props->len; i++) {
		p = ismc_ynode_item(props, i);
		name = imp_opt_text(m->comp, ismc_ynode_get(p, "name"));
		ns = imp_opt_text(m->comp, ismc_ynode_get(p, "ns"));
		if (name != NULL && ns != NULL &&
		    strcmp(name, "residual") == 0 &&
		    strcmp(ns, ISMC_OSCAL_NS) == 0)
			return imp_opt_text(m->comp, ismc_ynode_get(p,
			    "value"));
	}
	return NULL;
}

/* A one-to-one row with a residual: a cover of one member, as ismc's own
 * files write `residual:` on a plain row. */
static void
residual_row(struct mc *m, struct ismc_mapping_row *row,
    const struct refs *src, const char *residual)
{
	struct ismc_mapping_cover *cov;

	cov = ISMC_NEW(&m->comp->arena, struct ismc_mapping_cover);
	cov->members = src->ids;
	cov->spans = src->spans;
	cov->nmembers = 1;
	cov->residual = residual;
	row->cover = cov;
}

/* Several sources that together are equal to or contain one target: a
 * covering set, as ismc's own files write `source: [..]`. */
static void
cover_row(struct mc *m, struct imp_rows *rows, struct ismc_mapping_row *row,
    const struct refs *src, const char *target, const struct ismc_ynode *at,
    const char *residual)
{
	struct ismc_mapping_cover *cov;

	cov = ISMC_NEW(&m->comp->arena, struct ismc_mapping_cover);
	cov->members = src->ids;
	cov->spans = src->spans;
	cov->nmembers = src->n;
	cov->residual = residual;
	row->source = src->ids[0];
	row->target = target;
	row->cover = cov;
	imp_rows_add(rows, row, at);
}

static void
load_map(struct mc *m, struct imp_rows *rows, const struct ismc_ynode *map)
{
	struct ismc_mapping_row row;
	const struct ismc_ynode *rv;
	const char *residual;
	struct refs src, tgt;
	unsigned before = m->doc.errors;
	enum ismc_rel rel;
	size_t i, j;
	int k;

	if (ismc_ydoc_expect(&m->doc, map, ISMC_YNODE_MAPPING, "a map") ==
	    NULL)
		return;
	rv = ismc_ydoc_require(&m->doc, map, "relationship", "in a map");
	if (rv == NULL || (k = ismc_ydoc_expect_enum(&m->doc, rv,
	    "relationship", rel_names)) < 0)
		return;
	rel = rel_values[k];
	map_refs(m, map, "sources", &src);
	map_refs(m, map, "targets", &tgt);
	memset(&row, 0, sizeof row);
	row.strength = map_strength(m, map);
	row.rationale = imp_opt_text(m->comp, ismc_ynode_get(map, "remarks"));
	row.span = ismc_json_span(&m->doc, map);
	if (m->doc.errors != before || src.n == 0 || tgt.n == 0)
		return;
	residual = map_residual(m, map);
	if (!pair_rel(rel, src.n, tgt.n, &row.rel)) {
		if (tgt.n == 1)		/* equal-to or superset-of */
			cover_row(m, rows, &row, &src, tgt.ids[0], map,
			    residual);
		else
			m->skipped++;
		return;
	}
	if (residual != NULL && src.n == 1 && tgt.n == 1)
		residual_row(m, &row, &src, residual);
	for (i = 0; i < src.n; i++)
		for (j = 0; j < tgt.n; j++) {
			row.source = src.ids[i];
			row.target = tgt.ids[j];
			if (!imp_rows_add(rows, &row, map))
				return;
		}
}

/* "OSCAL mapping collection <uuid>, version 1.0" */
static const char *
origin(struct mc *m, const struct ismc_ynode *meta)
{
	const char *uuid = imp_opt_text(m->comp, ismc_ynode_get(m->root,
	    "uuid"));
	const char *ver = imp_opt_text(m->comp, ismc_ynode_get(meta,
	    "version"));

	return ismc_arena_printf(&m->comp->arena, "OSCAL mapping collection "
	    "%s%s%s", uuid ? uuid : "(no uuid)", ver ? ", version " : "",
	    ver ? ver : "");
}

static const char *
publisher(struct mc *m, const struct ismc_ynode *meta)
{
	const struct ismc_ynode *parties = ismc_ynode_get(meta, "parties");
	const char *name = NULL;

	if (parties != NULL && parties->kind == ISMC_YNODE_SEQUENCE &&
	    parties->len > 0)
		name = imp_opt_text(m->comp, ismc_ynode_get(
		    ismc_ynode_item(parties, 0), "name"));
	return name != NULL ? name : "OSCAL mapping collection";
}

static struct ismc_mapping_set *
load_entry(struct mc *m, struct imp_rows *rows, const struct ismc_ynode *e,
    size_t i, size_t n)
{
	const struct ismc_ynode *meta, *maps, *prov;
	struct ismc_mapping_set *set;
	unsigned before = m->doc.errors;
	size_t j;

	if (ismc_ydoc_expect(&m->doc, e, ISMC_YNODE_MAPPING, "a mapping") ==
	    NULL)
		return NULL;
	meta = ismc_ynode_get(m->root, "metadata");
	prov = ismc_ynode_get(m->root, "provenance");
	set = ISMC_NEW(&m->comp->arena, struct ismc_mapping_set);
	set->file = m->doc.file;
	set->id = set_id(m, i, n);
	set->source = resource_id(m, e, "source-resource");
	set->target = resource_id(m, e, "target-resource");
	set->title = imp_opt_text(m->comp, ismc_ynode_get(meta, "title"));
	set->provenance = publisher(m, meta);
	set->origin = origin(m, meta);
	set->method = imp_opt_text(m->comp, ismc_ynode_get(prov,
	    "mapping-description"));
	maps = ismc_ydoc_require(&m->doc, e, "maps", "in a mapping");
	if (m->doc.errors != before || ismc_ydoc_expect(&m->doc, maps,
	    ISMC_YNODE_SEQUENCE, "'maps'") == NULL)
		return NULL;
	m->skipped = m->statements = 0;
	for (j = 0; j < maps->len && !ismc_diag_stopped(&m->comp->diag); j++)
		load_map(m, rows, ismc_ynode_item(maps, j));
	imp_rows_finish(rows, set, e);
	if (m->skipped > 0)
		ismc_ydoc_warning(&m->doc, ISMC_W_IMPORT_SKIPPED,
		    maps->span, "%zu map%s "
		    "of '%s' relate%s several sources or targets in a way "
		    "pairwise rows cannot express; skipped", m->skipped,
		    m->skipped == 1 ? "" : "s", set->id,
		    m->skipped == 1 ? "s" : "");
	if (m->statements > 0)
		ismc_ydoc_warning(&m->doc, ISMC_W_IMPORT_SKIPPED,
		    maps->span, "%zu "
		    "statement-level reference%s of '%s' skipped: ismc maps "
		    "whole controls", m->statements,
		    m->statements == 1 ? "" : "s", set->id);
	return m->doc.errors == before ? set : NULL;
}

size_t
imp_oscal_mappings(struct ismc_compilation *comp, uint32_t file,
    struct ismc_mapping_set ***out)
{
	struct ismc_mapping_set **v, *set;
	const struct ismc_ynode *list;
	struct imp_rows rows;
	struct mc m;
	size_t i, n = 0;

	*out = NULL;
	if (!mc_open(&m, comp, &comp->sources, &comp->diag, file)) {
		mc_close(&m);
		return 0;
	}
	list = ismc_ydoc_require(&m.doc, m.root, "mappings",
	    "in 'mapping-collection'");
	if (ismc_ydoc_expect(&m.doc, list, ISMC_YNODE_SEQUENCE,
	    "'mappings'") == NULL) {
		mc_close(&m);
		return 0;
	}
	imp_rows_init(&rows, comp, &m.doc);
	v = ISMC_NEW_ARRAY(&comp->arena, struct ismc_mapping_set *,
	    list->len + 1);
	for (i = 0; i < list->len; i++)
		if ((set = load_entry(&m, &rows, ismc_ynode_item(list, i), i,
		    list->len)) != NULL)
			v[n++] = set;
	imp_rows_free(&rows);
	if (m.doc.errors > 0 || list->len == 0)
		n = 0;
	if (list->len == 0)
		ismc_ydoc_report(&m.doc, ISMC_ERROR, list->span, "'mappings' "
		    "lists no mapping");
	mc_close(&m);
	*out = n > 0 ? v : NULL;
	return n;
}
