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
#include "confusable.h"
#include "date.h"
#include "diag.h"
#include "source.h"
#include "strtab.h"

struct ismc_catalog;
struct ismc_search;

/* Something a module keeps for the whole run (ismc_compilation_keep). */
struct ismc_kept {
	void	(*release)(void *);
	void	 *p;
};

struct ismc_compilation {
	struct ismc_arena	 arena;
	struct ismc_strtab	 strtab;
	struct ismc_sources	 sources;
	struct ismc_diag	 diag;
	struct ismc_confusables	 confusables;	/* the spec's identifiers, by
						 * skeleton (the scanner's) */
	const char		**search_path;	/* catalog directories, in order */
	bool			 *search_shipped; /* ... each ismc's own data */
	size_t			  nsearch;
	struct ismc_search	 *search;	/* their index (search.h); heap */
	struct ismc_catalog	**catalogs;	/* loaded once each; freed at
						 * destroy (heap array) */
	size_t			  ncatalogs;
	struct ismc_kept	 *kept;		/* released at destroy; heap */
	size_t			  nkept;
	size_t			  nborrowed;	/* catalogs[0..n) are a base's
						 * (init_from) */
	bool			  search_borrowed; /* and the index */
	bool			  io_failed;	/* a file named on the command
						 * line could not be read (exit
						 * status 2) */
	bool			  sandbox;	/* --sandbox (doc/security.md) */
	char			**roots;	/* --sandbox: canonical directories
						 * files may come from; heap */
	size_t			  nroots;
	const char		 *sandbox_tree;	/* its spec tree, for messages */
	bool			  has_as_of;	/* --as-of: the date against which
						 * deadlines and validity are
						 * judged (else the spec's date) */
	struct ismc_date	  as_of;
};

void	ismc_compilation_init(struct ismc_compilation *, FILE *diag_out);
/*
 * A compilation that starts where `base` stands: its interned strings,
 * sources, search path and index, and loaded catalogs, all borrowed, so
 * that many small compilations (the fuzzers, doc/fuzzing.md) load the
 * shared catalogs once. base must outlive it and stay unchanged meanwhile;
 * the new one's diagnostics start from nothing.
 */
void	ismc_compilation_init_from(struct ismc_compilation *,
	    const struct ismc_compilation *base, FILE *diag_out);
void	ismc_compilation_destroy(struct ismc_compilation *);
/*
 * Has `release(p)` called at destroy, before the arena goes, the last
 * kept first. The catalogs (catalog.c) and the search index (search.c)
 * are kept so: this module releases them without knowing what they are,
 * and so includes none of the modules built on it.
 */
void	ismc_compilation_keep(struct ismc_compilation *,
	    void (*release)(void *), void *p);
/* Appends a catalog directory (copied into the arena). */
void	ismc_compilation_add_search_dir(struct ismc_compilation *, const char *);
/* Appends a directory of the catalogs and mapping sets ismc ships: what
 * replaces one of those is said (search.h). */
void	ismc_compilation_add_shipped_dir(struct ismc_compilation *,
	    const char *);

/* "spec", "catalog", "mapping set", "texts file"; "file" for the rest. */
const char *ismc_input_kind_name(enum ismc_input_kind);

/* How a file came to be read (ismc_compilation_read). */
#define ISMC_INPUT_NAMED	0x1u	/* named on the command line: a
					 * failure is an I/O error (status
					 * 2), a spec may be a stream */
/*
 * Reads `path` as input of `kind` into comp->sources, at most once per
 * file: a file read before is not opened again, and its id comes back
 * with *fresh false (fresh may be NULL). Every refusal is reported, at
 * `from` (where the input is named; ISMC_NO_SPAN for the command line):
 * what ismc_file_read refuses, a path outside the sandbox, a file in
 * UTF-16 or UTF-32 (at the file's 1:1). Returns ISMC_NO_FILE then.
 */
uint32_t ismc_compilation_read(struct ismc_compilation *, const char *path,
	    enum ismc_input_kind kind, unsigned how, struct ismc_span from,
	    bool *fresh);
/*
 * Turns the sandbox on (--sandbox, doc/security.md): from now on, the
 * specs and every file they lead to must lie, symbolic links followed,
 * in `root` (NULL: the directories the `specs` are named in) or in the
 * catalog search path, set before this call; includes must name .isms
 * files; a spec on the command line must be a regular file; and
 * diagnostics quote no line of a file that is not a spec. --catalog and
 * --texts files, named by whoever wrote the command, are not confined.
 */
void	ismc_compilation_sandbox(struct ismc_compilation *, const char *root,
	    const char *const *specs, size_t nspecs);

#endif
