/*
 * texts.c - reads a licensed texts file into the catalog it names.
 *
 *	format: ismc-texts/1
 *	catalog: iso27001-2022
 *	texts:
 *	  A.5.1: |
 *	    ...
 */
#include <config.h>

#include "texts.h"

#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "ir.h"
#include "search.h"
#include "yamlnode.h"

#define TEXTS_FORMAT	"ismc-texts/1"

static struct ismc_catalog *
used_catalog(struct ismc_compilation *c, struct ismc_ydoc *doc,
    const struct ismc_ir *ir, const struct ismc_ynode *name)
{
	char *id = ismc_arena_strndup(&c->arena, name->u.str, name->len);
	struct ismc_catalog *cat;
	size_t i;

	cat = ismc_search_catalog(c, id, name->span);
	if (cat == NULL)
		return NULL;
	for (i = 0; i < ir->nframeworks; i++)
		if (ir->frameworks[i].catalog == cat)
			return cat;
	ismc_ydoc_report(doc, ISMC_ERROR, name->span, "catalog '%s' is not "
	    "used by this spec", cat->id);
	return NULL;
}

static void
attach(struct ismc_compilation *c, struct ismc_ydoc *doc,
    struct ismc_catalog *cat, const struct ismc_ynode *texts)
{
	char buf[64];
	size_t i;

	for (i = 0; i < texts->len; i++) {
		const struct ismc_ynode *k = ismc_ynode_key(texts, i);
		const struct ismc_ynode *v = ismc_ynode_value(texts, i);
		struct ismc_req *r;

		if (ismc_ydoc_expect_string(doc, k, "texts") == NULL ||
		    ismc_ydoc_expect_string(doc, v, "texts") == NULL)
			continue;
		r = ismc_catalog_lookup(cat, ismc_strtab_intern(&c->strtab,
		    k->u.str, k->len));
		if (r == NULL) {
			ismc_ydoc_report(doc, ISMC_ERROR, k->span, "%s has no "
			    "requirement '%s'", cat->id, ismc_yaml_printable(
			    k->u.str, k->len, buf, sizeof buf));
			continue;
		}
		r->text = ismc_arena_strndup(&c->arena, v->u.str, v->len);
	}
}

bool
ismc_texts_attach(struct ismc_compilation *c, struct ismc_ir *ir,
    uint32_t file)
{
	static const char *const keys[] = { "format", "catalog", "texts",
	    NULL };
	const struct ismc_ynode *name, *texts;
	struct ismc_catalog *cat;
	struct ismc_ydoc doc;
	unsigned before = c->diag.errors;

	if (ismc_ydoc_parse(&doc, &c->sources, &c->diag, file, NULL) &&
	    ismc_ydoc_check_format(&doc, TEXTS_FORMAT, "licensed texts") &&
	    ismc_ydoc_check_keys(&doc, doc.root, keys, "at the top level") &&
	    (name = ismc_ydoc_require(&doc, doc.root, "catalog",
	    "at the top level")) != NULL &&
	    ismc_ydoc_expect_string(&doc, name, "catalog") != NULL &&
	    (texts = ismc_ydoc_require(&doc, doc.root, "texts",
	    "at the top level")) != NULL &&
	    ismc_ydoc_expect(&doc, texts, ISMC_YNODE_MAPPING, "texts") !=
	    NULL && (cat = used_catalog(c, &doc, ir, name)) != NULL)
		attach(c, &doc, cat, texts);
	ismc_ydoc_free(&doc);
	return c->diag.errors == before;
}

bool
ismc_texts_load(struct ismc_compilation *c, struct ismc_ir *ir,
    const char *path)
{
	uint32_t file;

	file = ismc_compilation_read(c, path, ISMC_INPUT_TEXTS,
	    ISMC_INPUT_NAMED, ISMC_NO_SPAN, NULL);
	if (file == ISMC_NO_FILE)
		return false;
	return ismc_texts_attach(c, ir, file);
}
