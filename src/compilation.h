/*
 * compilation.h - everything one run of the compiler owns.
 *
 * The arena, the string table, the source files and the diagnostics engine
 * share one lifetime; ismc_compilation_destroy releases all of it.
 */
#ifndef ISMC_COMPILATION_H
#define ISMC_COMPILATION_H

#include <stdio.h>

#include <stdbool.h>

#include "arena.h"
#include "date.h"
#include "diag.h"
#include "source.h"
#include "strtab.h"

struct ismc_catalog;

struct ismc_compilation {
	struct ismc_arena	 arena;
	struct ismc_strtab	 strtab;
	struct ismc_sources	 sources;
	struct ismc_diag	 diag;
	const char		**search_path;	/* catalog directories, in order */
	size_t			  nsearch;
	struct ismc_catalog	**catalogs;	/* loaded once each; freed at
						 * destroy (heap array) */
	size_t			  ncatalogs;
	bool			  has_as_of;	/* --as-of: the date against which
						 * deadlines and validity are
						 * judged (else the spec's date) */
	struct ismc_date	  as_of;
};

void	ismc_compilation_init(struct ismc_compilation *, FILE *diag_out);
void	ismc_compilation_destroy(struct ismc_compilation *);
/* Appends a catalog directory (copied into the arena). */
void	ismc_compilation_add_search_dir(struct ismc_compilation *, const char *);

#endif
