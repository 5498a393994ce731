/*
 * frontend.h - loads the spec files named on the command line and every
 * file they include, parsing each into a syntax tree.
 */
#ifndef ISMC_FRONTEND_H
#define ISMC_FRONTEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_arena;
struct ismc_compilation;
struct ismc_item;

struct ismc_spec_file {
	uint32_t		 file;		/* source id */
	struct ismc_item	*items;		/* top-level items */
	const struct ismc_item	*included_at;	/* the `include` that read it;
						 * NULL for a command-line file */
	/* The files this one read through its includes, in the order of
	 * those includes: the first, then each one's next sibling, as
	 * 1 + index into files[]; 0 ends the list (so a zeroed file has
	 * no includes). */
	size_t			 first_included;
	size_t			 next_sibling;
};

/*
 * The syntax trees (items and their values) live in an arena of their
 * own, which ismc_frontend_release frees once the semantic analysis has
 * built the IR: on a large spec they are most of the memory, and nothing
 * after sema reads them. What the IR keeps of them is elsewhere: names
 * and spellings in the string table, string contents in the
 * compilation's arena.
 */
struct ismc_program {
	struct ismc_spec_file	*files;		/* arena-owned, load order */
	size_t			 nfiles;
	struct ismc_arena	*trees;		/* heap; the compilation frees
						 * it at the latest */
	bool			 io_failed;	/* a command-line file was unreadable */
	bool			 released;	/* the trees are gone */
};

/* Include nesting deeper than this is an error (see doc/limits.md). */
#define ISMC_MAX_INCLUDE_DEPTH	64

/*
 * Loads and parses `paths` and their includes. Problems are reported
 * through the compilation's diagnostics; a file named on the command line
 * that cannot be read also sets io_failed (exit status 2).
 */
void	ismc_frontend_load(struct ismc_compilation *, const char *const *paths,
	    size_t npaths, struct ismc_program *);
/*
 * Frees the syntax trees: each file's items become NULL. For after the
 * semantic analysis (which holds pointers into them until it returns);
 * the compilation frees them at its end otherwise.
 */
void	ismc_frontend_release(struct ismc_program *);

#endif
