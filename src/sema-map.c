/*
 * sema-map.c - the crosswalks a spec reads: the mapping sets of the search
 * path whose two frameworks the spec uses, the files it names with
 * `mappings`, and its own `map` rows, which override a published row for
 * the same pair.
 */
#include <config.h>

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "compilation.h"
#include "datafile.h"
#include "diag.h"
#include "mapping.h"
#include "search.h"
#include "sema-int.h"
#include "symtab.h"
#include "xalloc.h"

static bool
in_use(struct sema *s, const char *catalog_id)
{
	return ismc_ir_framework_find(s->ir, catalog_id) != NULL;
}

static void
add_set(struct sema *s, struct ismc_mapping_set *m)
{
	struct ismc_ir *ir = s->ir;

	ir->mapping_sets = (struct ismc_mapping_set **)sema_ptr_push(s,
	    (void **)ir->mapping_sets, &ir->nmapping_sets, m);
}

static void
add_found_set(void *ctx, struct ismc_mapping_set *m)
{
	add_set(ctx, m);
}

/*
 * The sets given with the options and the spec's `mappings` files,
 * loaded before the search path's sets so that their ids take precedence
 * (said when a shipped set gives way).
 */
struct spec_files {
	struct ismc_mapping_set	**sets;
	const struct ismc_item	**items;	/* the `mappings` of each;
						 * NULL: given with the options */
	size_t			  n;
};

static void
spec_files_push(struct spec_files *sf, struct ismc_mapping_set *m,
    const struct ismc_item *it)
{
	sf->sets = ismc_xreallocarray(sf->sets, sf->n + 1, sizeof *sf->sets);
	sf->items = ismc_xreallocarray(sf->items, sf->n + 1,
	    sizeof *sf->items);
	sf->sets[sf->n] = m;
	sf->items[sf->n++] = it;
}

/* A set of a file the spec names: said if it is not used; an id two
 * files declare is an error; one that replaces a shipped set is said. */
static bool
take_spec_set(struct sema *s, struct spec_files *sf, struct ismc_mapping_set *m,
    const struct ismc_item *it)
{
	size_t i;

	if (!in_use(s, m->source) || !in_use(s, m->target))
		return false;
	for (i = 0; i < sf->n; i++) {
		if (sf->sets[i]->id != m->id)
			continue;
		if (sf->sets[i]->file != m->file) {
			ismc_diag_error(s->diag, it->args->span, "mapping set "
			    "id '%s' is declared by two files, '%s' and '%s'",
			    m->id, ismc_sources_get(&s->comp->sources,
			    sf->sets[i]->file)->path, ismc_sources_get(
			    &s->comp->sources, m->file)->path);
			if (sf->items[i] != NULL)
				ismc_diag_note(s->diag,
				    sf->items[i]->args->span, "the other is "
				    "named here");
		}
		return true;
	}
	ismc_search_check_shipped(s->comp, true, m->id, m->file,
	    it->args->span);
	spec_files_push(sf, m, it);
	return true;
}

/*
 * `mappings "file.yaml"`: further sets, relative to the spec file. A
 * CISO Assistant or OSCAL file may hold several (import.h): those between
 * two frameworks in use are kept.
 */
static void
load_spec_file(struct sema *s, struct spec_files *sf,
    const struct ismc_item *it)
{
	const struct ismc_source *src = ismc_sources_get(&s->comp->sources,
	    it->span.file);
	struct ismc_mapping_set **sets;
	enum ismc_data_format fmt;
	const char *path, *slash;
	uint32_t file;
	size_t i, n, kept = 0;

	if ((path = sema_arg_string(s, it)) == NULL)
		return;
	if (path[0] != '/' && (slash = strrchr(src->path, '/')) != NULL)
		path = ismc_arena_printf(s->arena, "%.*s/%s",
		    (int)(slash - src->path), src->path, path);
	file = ismc_compilation_read(s->comp, path, ISMC_INPUT_MAPPING, 0,
	    it->args->span, NULL);
	if (file == ISMC_NO_FILE)
		return;
	src = ismc_sources_get(&s->comp->sources, file);
	fmt = ismc_data_sniff(src->text, src->len);
	/* What is neither foreign nor placed is read as ismc's own, whose
	 * loader says what is wrong with it. */
	if (!ismc_data_is_foreign(fmt))
		fmt = ISMC_DATA_ISMC_MAPPING;
	if ((n = ismc_data_load_mappings(s->comp, file, fmt, &sets)) == 0) {
		ismc_diag_note(s->diag, it->args->span, "mapping set named "
		    "here");
		free(sets);
		return;
	}
	for (i = 0; i < n; i++)
		kept += take_spec_set(s, sf, sets[i], it);
	if (kept == 0 && !ismc_data_is_foreign(fmt))
		ismc_diag_warning(s->diag, ISMC_W_UNUSED_MAPPING,
		    it->args->span, "mapping set '%s' "
		    "relates %s and %s, which this spec does not both use; "
		    "it is ignored", sets[0]->id, sets[0]->source,
		    sets[0]->target);
	else if (kept == 0)
		ismc_diag_warning(s->diag, ISMC_W_UNUSED_MAPPING,
		    it->args->span, "'%s' holds no "
		    "mapping set between two frameworks this spec uses (the "
		    "first relates %s and %s); it is ignored", path,
		    sets[0]->source, sets[0]->target);
	free(sets);
}

/*
 * The sets given with the options, the spec's mapping files, then the
 * search path's sets between two frameworks in use: parsed only for those
 * (search.h), each id once. The sets go into the IR in the order: given,
 * found, the spec's.
 */
static void
load_sets(struct sema *s)
{
	struct spec_files sf = { NULL, NULL, 0 };
	struct ismc_mapping_set *m;
	const char **used, **taken;
	size_t i, j, ngiven;

	for (i = 0; i < s->opts->nmapping_sets; i++) {
		m = s->opts->mapping_sets[i];
		for (j = 0; j < sf.n && sf.sets[j]->id != m->id; j++)
			continue;
		if (j == sf.n && in_use(s, m->source) && in_use(s, m->target)) {
			spec_files_push(&sf, m, NULL);
			add_set(s, m);
		}
	}
	ngiven = sf.n;
	for (i = 0; i < s->mappings_d.n && !ismc_diag_stopped(s->diag); i++)
		load_spec_file(s, &sf, s->mappings_d.v[i]->item);
	if (s->nfw >= 2 && !ismc_diag_stopped(s->diag)) {
		used = ismc_xcalloc(s->nfw, sizeof *used);
		taken = ismc_xcalloc(sf.n + 1, sizeof *taken);
		for (i = 0; i < s->nfw; i++)
			used[i] = s->fw[i].catalog->id;
		for (i = 0; i < sf.n; i++)
			taken[i] = sf.sets[i]->id;
		ismc_search_mappings(s->comp, used, s->nfw, taken, sf.n,
		    s->fw[1].span, add_found_set, s);
		free(used);
		free(taken);
	}
	for (i = ngiven; i < sf.n; i++)
		add_set(s, sf.sets[i]);
	free(sf.sets);
	free(sf.items);
}

/* ---- the spec's own rows ------------------------------------------------ */

struct spec_rows {
	struct ismc_mapping_set	**sets;		/* one per catalog pair */
	size_t			 nsets;
	struct ismc_symtab	 pairs;		/* "cat:id|cat:id" -> the
						 * `map` item that gave it */
};

static const char *
pair_key(struct sema *s, const char *scat, const char *sid, const char *tcat,
    const char *tid)
{
	char *k;
	const char *key;

	/* Either direction names the same pair. */
	if (strcmp(scat, tcat) > 0 || (strcmp(scat, tcat) == 0 &&
	    strcmp(sid, tid) > 0)) {
		const char *t;

		t = scat, scat = tcat, tcat = t;
		t = sid, sid = tid, tid = t;
	}
	if (asprintf(&k, "%s:%s|%s:%s", scat, sid, tcat, tid) < 0)
		ismc_out_of_memory();
	key = ismc_strtab_cstr(&s->comp->strtab, k);
	free(k);
	return key;
}

static struct ismc_mapping_set *
spec_set(struct sema *s, struct spec_rows *sr, const char *src,
    const char *tgt)
{
	struct ismc_mapping_set *m;
	size_t i;

	for (i = 0; i < sr->nsets; i++)
		if (sr->sets[i]->source == src && sr->sets[i]->target == tgt)
			return sr->sets[i];
	m = ISMC_NEW(s->arena, struct ismc_mapping_set);
	m->id = ismc_arena_printf(s->arena, "spec:%s--%s", src, tgt);
	m->source = src;
	m->target = tgt;
	m->title = "The spec's own mappings";
	m->provenance = "spec";
	m->file = ISMC_NO_FILE;
	sr->sets = (struct ismc_mapping_set **)sema_ptr_push(s,
	    (void **)sr->sets, &sr->nsets, m);
	return m;
}

struct map_attrs {
	unsigned	 strength;
	const char	*rationale;
	const char	*residual;
	const struct ismc_item *residual_item;
};

static void
map_strength(struct sema *s, void *o, const struct ismc_item *it)
{
	int64_t n;

	if (sema_arg_int(s, it, 1, 10, &n))
		((struct map_attrs *)o)->strength = (unsigned)n;
}

static void
map_rationale(struct sema *s, void *o, const struct ismc_item *it)
{
	((struct map_attrs *)o)->rationale = sema_arg_string(s, it);
}

static void
map_residual(struct sema *s, void *o, const struct ismc_item *it)
{
	struct map_attrs *at = o;
	const char *r = sema_arg_string(s, it);
	size_t i;

	if (r == NULL)
		return;
	for (i = 0; r[i] == ' ' || r[i] == '\t' || r[i] == '\n'; i++)
		continue;
	if (r[i] == '\0') {
		ismc_diag_error(s->diag, it->args->span, "'residual' is blank; "
		    "say what the members leave out, or leave 'residual' "
		    "away");
		return;
	}
	at->residual = r;
	at->residual_item = it;
}

static const struct sema_attr map_attrs[] = {
	{ .name = "strength", .fn = map_strength },
	{ .name = "rationale", .fn = map_rationale },
	{ .name = "residual", .fn = map_residual },
};

static const char *const rel_words[] = {	/* ORDER ISMC_REL */
	"equal", "subset", "superset", "intersects", "not-related",
};

/* The argument naming the relationship: the first word that is one. */
static const struct ismc_value *
find_rel(const struct ismc_item *it, int *rel)
{
	const struct ismc_value *v;
	size_t i;

	for (v = it->args; v != NULL; v = ismc_value_next(v)) {
		if (v->kind != ISMC_V_IDENT)
			continue;
		for (i = 0; i < sizeof rel_words / sizeof rel_words[0]; i++) {
			if (strcmp(v->text, rel_words[i]) == 0) {
				*rel = (int)i;
				return v;
			}
		}
	}
	return NULL;
}

/* A resolved `map` row, before it becomes a mapping row. */
struct map_row {
	const struct ismc_req	**members;	/* heap */
	struct ismc_span	*spans;		/* heap */
	size_t			 n;
	struct ismc_ir_framework *fs, *ft;
	const struct ismc_req	*target;
};

/* The covering set as one interned key, members in sorted order. */
static const char *
members_key(struct sema *s, const struct map_row *mr)
{
	struct ismc_mapping_row tmp;
	struct ismc_mapping_cover cov;
	const char **ids;
	const char *key;
	size_t i;

	ids = ismc_xcalloc(mr->n, sizeof *ids);
	for (i = 0; i < mr->n; i++)
		ids[i] = mr->members[i]->id;
	memset(&tmp, 0, sizeof tmp);
	memset(&cov, 0, sizeof cov);
	cov.members = ids;
	cov.nmembers = mr->n;
	tmp.source = ids[0];
	tmp.cover = &cov;
	key = ismc_mapping_row_key(&s->comp->strtab, &tmp);
	free(ids);
	return key;
}

/* The members before the relationship: one framework, each once; groups
 * stand for the requirements under them. */
static bool
map_members(struct sema *s, const struct ismc_item *it,
    const struct ismc_value *relv, struct map_row *mr)
{
	struct ismc_ir_framework *fw;
	const struct ismc_value *v;
	const struct ismc_req *r;
	bool ok = true;
	size_t j;

	for (v = it->args; v != relv; v = ismc_value_next(v)) {
		if (!sema_resolve_node(s, v, true, &r, &fw)) {
			ok = false;
			continue;
		}
		if (mr->fs != NULL && fw != mr->fs) {
			ismc_diag_error(s->diag, v->span, "the members of a "
			    "covering set come from one framework; '%s' is in "
			    "%s, '%s' in %s", v->text, fw->catalog->id,
			    mr->members[0]->id, mr->fs->catalog->id);
			ok = false;
			continue;
		}
		for (j = 0; j < mr->n && mr->members[j] != r; j++)
			continue;
		if (j < mr->n) {
			ismc_diag_error(s->diag, v->span, "'%s' is listed twice "
			    "in the covering set", v->text);
			ok = false;
			continue;
		}
		mr->fs = fw;
		mr->members[mr->n] = r;
		mr->spans[mr->n++] = v->span;
	}
	return ok && mr->n > 0;
}

static bool
map_checks(struct sema *s, const struct ismc_item *it, int rel,
    const struct ismc_value *relv, const struct ismc_value *tv,
    const struct map_row *mr, const struct map_attrs *at)
{
	bool covers = rel == ISMC_REL_EQUAL || rel == ISMC_REL_SUPERSET;

	if (mr->fs == mr->ft) {
		ismc_diag_error(s->diag, tv->span, "'map' relates two "
		    "frameworks; '%s' and '%s' are both in %s",
		    mr->members[0]->id, mr->target->id, mr->ft->catalog->id);
		return false;
	}
	if (mr->n > 1 && !covers) {
		ismc_diag_error(s->diag, relv->span, "a covering set must be "
		    "'equal' or 'superset' to its target (the union of its "
		    "members equals or contains it), not '%s'",
		    rel_words[rel]);
		return false;
	}
	if (at->residual != NULL && !covers) {
		ismc_diag_error(s->diag, ismc_item_key_span(at->residual_item),
		    "'residual' is the part of the target that an 'equal' or "
		    "'superset' row leaves out; a '%s' row cannot have one",
		    rel_words[rel]);
		return false;
	}
	(void)it;
	return true;
}

/* Appends the row to the spec's set for its pair of catalogs. */
static void
map_add(struct sema *s, struct spec_rows *sr, const struct map_row *mr,
    int rel, const struct map_attrs *at, struct ismc_span span)
{
	struct ismc_mapping_cover *cov;
	struct ismc_mapping_set *m;
	struct ismc_mapping_row *row;
	size_t i;

	m = spec_set(s, sr, mr->fs->catalog->id, mr->ft->catalog->id);
	/* The set stays a plain array, doubled when its count reaches a
	 * power of two: a spec may map thousands of rows, and copying the
	 * array for each would be quadratic. */
	if ((m->nrows & (m->nrows - 1)) == 0) {
		row = ISMC_NEW_ARRAY(s->arena, struct ismc_mapping_row,
		    m->nrows ? 2 * m->nrows : 4);
		if (m->nrows)
			memcpy(row, m->rows, m->nrows * sizeof *row);
		m->rows = row;
	}
	row = &m->rows[m->nrows++];
	row->source = mr->members[0]->id;
	row->target = mr->target->id;
	row->rel = (enum ismc_rel)rel;
	row->strength = at->strength;
	row->rationale = at->rationale;
	row->span = span;
	/* No requirement becomes full unless a statement with a rationale
	 * says that its source contains it. */
	if ((row->rel == ISMC_REL_EQUAL || row->rel == ISMC_REL_SUPERSET) &&
	    at->rationale == NULL)
		ismc_diag_warning(s->diag, ISMC_W_MAP_WITHOUT_RATIONALE, span,
		    "this row can make %s:%s full, but gives no rationale; "
		    "say why its source contains the requirement",
		    mr->ft->catalog->id, mr->target->id);
	if (mr->n > 1 || at->residual != NULL) {
		cov = ISMC_NEW(s->arena, struct ismc_mapping_cover);
		cov->members = ISMC_NEW_ARRAY(s->arena, const char *, mr->n);
		cov->spans = ISMC_NEW_ARRAY(s->arena, struct ismc_span, mr->n);
		for (i = 0; i < mr->n; i++) {
			cov->members[i] = mr->members[i]->id;
			cov->spans[i] = mr->spans[i];
		}
		cov->nmembers = mr->n;
		cov->residual = at->residual;
		row->cover = cov;
	}
}

/*
 * `map MEMBER[, MEMBER...] RELATION TARGET [{ ... }]`: a row of the spec's
 * own. Several members make a covering set; any side may name a group.
 */
static void
define_map(struct sema *s, struct spec_rows *sr, const struct ismc_item *it)
{
	const struct ismc_value *relv, *tv;
	const struct ismc_item *first;
	struct map_attrs at = { 0, NULL, NULL, NULL };
	struct map_row mr;
	const char *key;
	int rel;

	memset(&mr, 0, sizeof mr);
	relv = find_rel(it, &rel);
	tv = relv != NULL ? ismc_value_next(relv) : NULL;
	if (relv == NULL || relv == it->args || tv == NULL ||
	    ismc_value_next(tv) != NULL) {
		if (relv == NULL && it->nargs == 3 &&
		    ismc_value_next(it->args)->kind == ISMC_V_IDENT)
			(void)sema_value_enum(s, ismc_value_next(it->args), rel_words, 5,
			    "relationship");
		else
			ismc_diag_error(s->diag, it->span, "'map' takes a "
			    "control, a relationship and a requirement, as in "
			    "'map A.5.24 subset dora:17.1'; a covering set "
			    "lists its members first");
		return;
	}
	mr.members = ismc_xcalloc(it->nargs, sizeof *mr.members);
	mr.spans = ismc_xcalloc(it->nargs, sizeof *mr.spans);
	if (!map_members(s, it, relv, &mr) | !sema_resolve_node(s, tv, true,
	    &mr.target, &mr.ft))
		goto out;
	sema_apply_attrs(s, it, map_attrs, sizeof map_attrs /
	    sizeof map_attrs[0], &at, SEMA_WHAT("'map'", NULL));
	if (!map_checks(s, it, rel, relv, tv, &mr, &at))
		goto out;
	key = pair_key(s, mr.fs->catalog->id, mr.n > 1 ? members_key(s, &mr) :
	    mr.members[0]->id, mr.ft->catalog->id, mr.target->id);
	if ((first = ismc_symtab_get(&sr->pairs, key)) != NULL) {
		ismc_diag_error(s->diag, it->span, "'%s' and '%s' are mapped "
		    "twice", mr.n > 1 ? members_key(s, &mr) :
		    mr.members[0]->id, mr.target->id);
		ismc_diag_note(s->diag, first->span, "first mapped here");
		goto out;
	}
	map_add(s, sr, &mr, rel, &at, it->span);
	ismc_symtab_put(&sr->pairs, key, (void *)it);
out:
	free(mr.members);
	free(mr.spans);
}

/* Drops published rows that a spec row overrides; linear in the rows. */
static void
apply_overrides(struct sema *s, struct spec_rows *sr)
{
	size_t i, j, k;

	for (i = 0; i < s->ir->nmapping_sets; i++) {
		struct ismc_mapping_set *m = s->ir->mapping_sets[i];

		for (j = k = 0; j < m->nrows; j++) {
			const struct ismc_mapping_row *r = &m->rows[j];

			if (r->source != NULL && r->target != NULL &&
			    ismc_symtab_get(&sr->pairs, pair_key(s, m->source,
			    ismc_mapping_row_key(&s->comp->strtab, r),
			    m->target, r->target)) != NULL)
				continue;
			m->rows[k++] = *r;
		}
		m->nrows = k;
	}
	for (i = 0; i < sr->nsets; i++)
		add_set(s, sr->sets[i]);
}

/* ---- resolving rows ----------------------------------------------------- */

/* The requirement or group `id` names in framework fw; NULL after
 * reporting at `at`. An id is looked up by pointer: both are interned. */
static const struct ismc_req *
resolve_id(struct sema *s, const struct ismc_ir_framework *fw, const char *id,
    struct ismc_span at)
{
	const struct ismc_req *r;

	if ((r = ismc_catalog_lookup(fw->catalog, id)) == NULL)
		sema_unknown_requirement(s, at, fw, id);
	return r;
}

/* A covering row's members, each reported where the file names it. */
static bool
resolve_members(struct sema *s, const struct ismc_ir_framework *fs,
    const struct ismc_mapping_cover *cov, struct ismc_ir_maprow *out)
{
	bool ok = true;
	size_t i;

	out->members = ISMC_NEW_ARRAY(s->arena, const struct ismc_req *,
	    cov->nmembers);
	out->nmembers = cov->nmembers;
	for (i = 0; i < cov->nmembers; i++)
		if ((out->members[i] = resolve_id(s, fs, cov->members[i],
		    cov->spans[i])) == NULL)
			ok = false;
	out->source = out->members[0];
	return ok;
}

static bool
resolve_row(struct sema *s, const struct ismc_ir_crosswalk *cw,
    const struct ismc_mapping_row *row, struct ismc_ir_maprow *out)
{
	const struct ismc_ir_framework *fs = &s->fw[cw->source];
	const struct ismc_ir_framework *ft = &s->fw[cw->target];
	bool ok = true;

	memset(out, 0, sizeof *out);
	out->row = row;
	if (row->cover != NULL)
		ok = resolve_members(s, fs, row->cover, out);
	else if (row->source != NULL && (out->source = resolve_id(s, fs,
	    row->source, row->span)) == NULL)
		ok = false;
	if (row->target != NULL && (out->target = resolve_id(s, ft,
	    row->target, row->span)) == NULL)
		ok = false;
	return ok;
}

/*
 * Every set in use becomes a crosswalk between two frameworks, its rows
 * pointing at requirements: what the analyses read. Linear in the rows.
 */
static void
resolve_sets(struct sema *s)
{
	struct ismc_ir *ir = s->ir;
	const struct ismc_mapping_set *set;
	struct ismc_ir_framework *fs, *ft;
	struct ismc_ir_crosswalk *cw;
	size_t i, j, n = 0;

	ir->crosswalks = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_crosswalk,
	    ir->nmapping_sets ? ir->nmapping_sets : 1);
	for (i = 0; i < ir->nmapping_sets; i++) {
		set = ir->mapping_sets[i];
		fs = ismc_ir_framework_find(ir, set->source);
		ft = ismc_ir_framework_find(ir, set->target);
		if (fs == NULL || ft == NULL)
			continue;
		cw = &ir->crosswalks[n++];
		cw->set = set;
		cw->source = (size_t)(fs - s->fw);
		cw->target = (size_t)(ft - s->fw);
		cw->rows = ISMC_NEW_ARRAY(s->arena, struct ismc_ir_maprow,
		    set->nrows ? set->nrows : 1);
		for (j = 0; j < set->nrows; j++) {
			if (resolve_row(s, cw, &set->rows[j],
			    &cw->rows[cw->nrows]))
				cw->nrows++;
			else
				cw->nrows_bad++;
		}
	}
	ir->ncrosswalks = n;
}

void
sema_define_mappings(struct sema *s)
{
	struct spec_rows sr;
	size_t i;

	memset(&sr, 0, sizeof sr);
	ismc_symtab_init(&sr.pairs);
	load_sets(s);
	for (i = 0; i < s->map_d.n && !ismc_diag_stopped(s->diag); i++)
		define_map(s, &sr, s->map_d.v[i]->item);
	if (sr.pairs.count > 0)
		apply_overrides(s, &sr);
	ismc_symtab_destroy(&sr.pairs);
	resolve_sets(s);
}
