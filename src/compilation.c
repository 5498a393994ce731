/*
 * compilation.c - set-up and tear-down of one compilation.
 */
#include <config.h>

#include "compilation.h"

#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "xalloc.h"

void
ismc_compilation_init(struct ismc_compilation *c, FILE *diag_out)
{
	memset(c, 0, sizeof *c);
	ismc_arena_init(&c->arena);
	ismc_strtab_init(&c->strtab);
	ismc_sources_init(&c->sources);
	ismc_diag_init(&c->diag, &c->sources, diag_out);
}

void
ismc_compilation_destroy(struct ismc_compilation *c)
{
	size_t i;

	for (i = 0; i < c->ncatalogs; i++)
		ismc_catalog_free(c->catalogs[i]);
	free(c->catalogs);
	free(c->search_path);
	ismc_sources_destroy(&c->sources);
	ismc_strtab_destroy(&c->strtab);
	ismc_arena_destroy(&c->arena);
}

void
ismc_compilation_add_search_dir(struct ismc_compilation *c, const char *dir)
{
	c->search_path = ismc_xreallocarray(c->search_path, c->nsearch + 1,
	    sizeof *c->search_path);
	c->search_path[c->nsearch++] = ismc_arena_strdup(&c->arena, dir);
}
