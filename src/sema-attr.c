/*
 * sema-attr.c - the machinery every item kind shares: attribute tables,
 * argument checks, declarations and name resolution.
 */
#include <config.h>

#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "compilation.h"
#include "diag.h"
#include "sema-int.h"
#include "suggest.h"
#include "xalloc.h"

static const struct sema_attr *
find_attr(const struct sema_attr *attrs, size_t n, const char *key)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(attrs[i].name, key) == 0)
			return &attrs[i];
	return NULL;
}

static const char *
what_text(struct sema *s, struct sema_what w)
{
	if (w.id == NULL)
		return w.kind;
	return ismc_arena_printf(s->arena, "%s '%s'", w.kind, w.id);
}

static void
unknown_attr(struct sema *s, const struct ismc_item *it,
    const struct sema_attr *attrs, size_t n, struct sema_what w)
{
	const char *what = what_text(s, w);
	struct ismc_suggest sg;
	size_t i;

	ismc_suggest_init(&sg, it->key);
	for (i = 0; i < n; i++)
		ismc_suggest_offer(&sg, attrs[i].name);
	if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "unknown attribute '%s' in %s; did you mean '%s'?", it->key,
		    what, ismc_suggest_result(&sg));
	else
		ismc_diag_error(s->diag, ismc_item_key_span(it),
		    "unknown attribute '%s' in %s", it->key, what);
	ismc_diag_fixit(s->diag, ismc_item_key_span(it),
	    ismc_suggest_result(&sg));
}

void
sema_apply_attrs(struct sema *s, const struct ismc_item *owner,
    const struct sema_attr *attrs, size_t nattrs, void *obj,
    struct sema_what what)
{
	const struct ismc_item **seen;
	const struct ismc_item *it;
	const struct sema_attr *a;

	seen = ismc_xcalloc(nattrs, sizeof *seen);
	for (it = owner->body; it != NULL; it = it->next) {
		if ((a = find_attr(attrs, nattrs, it->key)) == NULL) {
			unknown_attr(s, it, attrs, nattrs, what);
			continue;
		}
		if (!a->repeatable && seen[a - attrs] != NULL) {
			ismc_diag_error(s->diag, ismc_item_key_span(it),
			    "'%s' given twice in %s", it->key,
			    what_text(s, what));
			ismc_diag_note(s->diag,
			    ismc_item_key_span(seen[a - attrs]),
			    "first given here");
			continue;
		}
		seen[a - attrs] = it;
		if (it->has_body && !a->block) {
			ismc_diag_error(s->diag, ismc_item_body_span(it),
			    "'%s' takes no block", it->key);
			continue;
		}
		a->fn(s, obj, it);
		if (ismc_diag_stopped(s->diag))
			break;
	}
	free(seen);
}

static bool
one_arg(struct sema *s, const struct ismc_item *it)
{
	if (it->nargs == 1)
		return true;
	if (it->nargs == 0)
		ismc_diag_error(s->diag, it->span, "'%s' needs a value",
		    it->key);
	else
		ismc_diag_error(s->diag, it->args[1].span, "'%s' takes one "
		    "value", it->key);
	return false;
}

static void
expected(struct sema *s, const struct ismc_item *it,
    const struct ismc_value *v, const char *what)
{
	ismc_diag_error(s->diag, v->span, "'%s' expects %s, not %s", it->key,
	    what, ismc_value_kind_name(v->kind));
}

const char *
sema_arg_string(struct sema *s, const struct ismc_item *it)
{
	if (!one_arg(s, it))
		return NULL;
	if (it->args->kind != ISMC_V_STRING) {
		expected(s, it, it->args, "a quoted string");
		return NULL;
	}
	return it->args->text;
}

bool
sema_arg_none(struct sema *s, const struct ismc_item *it)
{
	if (it->nargs == 0)
		return true;
	ismc_diag_error(s->diag, it->args->span, "'%s' takes no value",
	    it->key);
	return false;
}

bool
sema_arg_int(struct sema *s, const struct ismc_item *it, int64_t min,
    int64_t max, int64_t *out)
{
	const struct ismc_value *v;

	if (!one_arg(s, it))
		return false;
	v = it->args;
	if (v->kind != ISMC_V_NUMBER || !v->is_int) {
		expected(s, it, v, "a whole number");
		return false;
	}
	if (v->ival < min || v->ival > max) {
		ismc_diag_error(s->diag, v->span, "'%s' must be between %"
		    PRId64 " and %" PRId64, it->key, min, max);
		return false;
	}
	*out = v->ival;
	return true;
}

bool
sema_arg_date(struct sema *s, const struct ismc_item *it,
    struct ismc_date *out)
{
	if (!one_arg(s, it))
		return false;
	if (it->args->kind != ISMC_V_DATE) {
		expected(s, it, it->args, "a date (YYYY-MM-DD)");
		return false;
	}
	*out = ismc_value_date(it->args);
	return true;
}

bool
sema_arg_period(struct sema *s, const struct ismc_item *it,
    struct ismc_ir_period *out)
{
	static const char *const units[] = {
		"day", "days", "week", "weeks", "month", "months", "year",
		"years",
	};
	const struct ismc_value *n = it->args;
	int u;

	if (it->nargs != 2 || n->kind != ISMC_V_NUMBER || !n->is_int ||
	    n->ival < 1 || n->ival > 36500) {
		ismc_diag_error(s->diag, it->span, "'%s' takes a duration, as "
		    "in '%s 12 months' or '%s 90 days'", it->key, it->key,
		    it->key);
		return false;
	}
	if ((u = sema_value_enum(s, &it->args[1], units, 8,
	    "time unit")) < 0)
		return false;
	out->months = 0;
	out->days = 0;
	switch (u / 2) {
	case 0:
		out->days = (int)n->ival;
		break;
	case 1:
		out->days = (int)n->ival * 7;
		break;
	case 2:
		out->months = (int)n->ival;
		break;
	default:
		out->months = (int)n->ival * 12;
		break;
	}
	return true;
}

const struct ismc_value *
sema_arg_ident(struct sema *s, const struct ismc_item *it)
{
	if (!one_arg(s, it))
		return NULL;
	if (it->args->kind != ISMC_V_IDENT) {
		expected(s, it, it->args, "an identifier");
		return NULL;
	}
	return it->args;
}

int
sema_value_enum(struct sema *s, const struct ismc_value *v,
    const char *const *names, size_t n, const char *what)
{
	struct ismc_suggest sg;
	size_t i;

	if (v->kind != ISMC_V_IDENT) {
		ismc_diag_error(s->diag, v->span, "expected %s, not %s", what,
		    ismc_value_kind_name(v->kind));
		return -1;
	}
	for (i = 0; i < n; i++)
		if (strcmp(names[i], v->text) == 0)
			return (int)i;
	ismc_suggest_init(&sg, v->text);
	for (i = 0; i < n; i++)
		ismc_suggest_offer(&sg, names[i]);
	if (ismc_suggest_result(&sg) != NULL) {
		ismc_diag_error(s->diag, v->span, "unknown %s '%s'; did you "
		    "mean '%s'?", what, v->text, ismc_suggest_result(&sg));
	} else {
		struct ismc_buf b;

		ismc_buf_init(&b);
		for (i = 0; i < n; i++)
			ismc_buf_printf(&b, "%s'%s'", i == 0 ? "" : i + 1 == n ?
			    " or " : ", ", names[i]);
		ismc_diag_error(s->diag, v->span, "unknown %s '%s' (expected "
		    "%s)", what, v->text, ismc_buf_cstr(&b));
		ismc_buf_free(&b);
	}
	return -1;
}

int
sema_arg_enum(struct sema *s, const struct ismc_item *it,
    const char *const *names, size_t n, const char *what)
{
	if (!one_arg(s, it))
		return -1;
	return sema_value_enum(s, it->args, names, n, what);
}

bool
sema_args_strings(struct sema *s, const struct ismc_item *it)
{
	const struct ismc_value *v;
	bool ok = true;

	if (!sema_args_some(s, it))
		return false;
	for (v = it->args; v != NULL; v = ismc_value_next(v)) {
		if (v->kind != ISMC_V_STRING) {
			expected(s, it, v, "quoted strings");
			ok = false;
		}
	}
	return ok;
}

bool
sema_args_some(struct sema *s, const struct ismc_item *it)
{
	if (it->nargs > 0)
		return true;
	ismc_diag_error(s->diag, it->span, "'%s' needs at least one value",
	    it->key);
	return false;
}

void *
sema_resolve(struct sema *s, const struct ismc_symtab *tab,
    const struct ismc_value *v, const char *kind)
{
	struct sema_decl *d;
	struct ismc_suggest sg;
	size_t i;

	if (v->kind != ISMC_V_IDENT) {
		ismc_diag_error(s->diag, v->span, "expected a %s identifier, "
		    "not %s", kind, ismc_value_kind_name(v->kind));
		return NULL;
	}
	if ((d = ismc_symtab_get(tab, v->text)) != NULL)
		return d->obj;
	ismc_suggest_init(&sg, v->text);
	for (i = 0; i < tab->count &&
	    s->diag->errors < ISMC_SUGGEST_MAX_ERRORS; i++)
		ismc_suggest_offer(&sg, tab->keys[i]);
	if (ismc_suggest_result(&sg) != NULL)
		ismc_diag_error(s->diag, v->span, "unknown %s '%s'; did you "
		    "mean '%s'?", kind, v->text, ismc_suggest_result(&sg));
	else
		ismc_diag_error(s->diag, v->span, "unknown %s '%s'", kind,
		    v->text);
	ismc_diag_fixit(s->diag, v->span, ismc_suggest_result(&sg));
	return NULL;
}

void
sema_decls_push(struct sema *s, struct sema_decls *l,
    const struct ismc_item *item, void *obj)
{
	struct sema_decl *d = ISMC_NEW(s->arena, struct sema_decl);

	d->item = item;
	d->obj = obj;
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = ismc_xreallocarray(l->v, l->cap, sizeof *l->v);
	}
	l->v[l->n++] = d;
}

bool
sema_declare(struct sema *s, struct ismc_symtab *tab, struct sema_decls *l,
    const char *id, const struct ismc_item *item, void *obj, const char *kind)
{
	struct sema_decl *prev;

	if ((prev = ismc_symtab_get(tab, id)) != NULL) {
		ismc_diag_error(s->diag, item->args->span, "duplicate %s '%s'",
		    kind, id);
		ismc_diag_note(s->diag, prev->item->args->span, "'%s' was "
		    "first defined here", id);
		return false;
	}
	sema_decls_push(s, l, item, obj);
	ismc_symtab_put(tab, id, l->v[l->n - 1]);
	return true;
}

bool
sema_id_title(struct sema *s, const struct ismc_item *it, const char **id,
    const char **title)
{
	const struct ismc_value *v = it->args;

	*id = *title = NULL;
	if (v == NULL || v->kind != ISMC_V_IDENT) {
		ismc_diag_error(s->diag, v ? v->span : it->span, "'%s' needs "
		    "an identifier, as in '%s ID \"Title\"'", it->key, it->key);
		return false;
	}
	*id = v->text;
	v = ismc_value_next(v);
	if (v == NULL)
		return true;
	if (v->kind != ISMC_V_STRING) {
		ismc_diag_error(s->diag, v->span, "the title of %s '%s' must "
		    "be a quoted string", it->key, *id);
		return false;
	}
	*title = v->text;
	if (ismc_value_next(v) != NULL) {
		ismc_diag_error(s->diag, ismc_value_next(v)->span,
		    "unexpected value after the title of %s '%s'", it->key,
		    *id);
		return false;
	}
	return true;
}

void **
sema_ptr_push(struct sema *s, void **list, size_t *n, void *p)
{
	/* Lists here are short (a risk's controls); doubling at powers of
	 * two keeps appends amortised O(1) without a separate capacity. */
	if ((*n & (*n - 1)) == 0) {
		size_t cap = *n ? *n * 2 : 4;
		void **nl = ISMC_NEW_ARRAY(s->arena, void *, cap);

		if (*n)
			memcpy(nl, list, *n * sizeof *nl);
		list = nl;
	}
	list[(*n)++] = p;
	return list;
}

const struct ismc_ir_role *
sema_arg_role(struct sema *s, const struct ismc_item *it)
{
	if (sema_arg_ident(s, it) == NULL)
		return NULL;
	return sema_resolve(s, &s->roles, it->args, "role");
}

bool
sema_has_key(const struct ismc_item *owner, const char *key)
{
	const struct ismc_item *it;

	for (it = owner->body; it != NULL; it = it->next)
		if (strcmp(it->key, key) == 0)
			return true;
	return false;
}
