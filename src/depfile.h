/*
 * depfile.h - make dependency files (-MD, -MF, -MT, -MP), as GCC writes
 * them: one rule naming every file the compilation read (specs, includes,
 * catalogs, mapping sets, texts files), so that make rebuilds when any of
 * them changes and not otherwise.
 */
#ifndef ISMC_DEPFILE_H
#define ISMC_DEPFILE_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_buf;
struct ismc_diag;
struct ismc_sources;

/*
 * Appends "TARGET...: FILE..." for every regular file in the source
 * manager, in the order read, each name escaped for make; with `phony`,
 * an empty rule per file, so that make does not stop when one is deleted.
 * Returns false, having reported, for a name make cannot hold (a newline).
 */
bool	ismc_depfile_format(struct ismc_buf *, const char *const *targets,
	    size_t ntargets, const struct ismc_sources *, bool phony,
	    struct ismc_diag *);
/*
 * Formats the rule and writes it to `path` through a temporary and a
 * rename, so a reader never sees half a file. Refuses to replace a file
 * the compilation read. Returns false after reporting through `d`.
 */
bool	ismc_depfile_write(const char *path, const char *const *targets,
	    size_t ntargets, const struct ismc_sources *, bool phony,
	    struct ismc_diag *d);

#endif
