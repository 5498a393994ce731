/*
 * datafile.h - what a catalog or mapping file holds, told by its content.
 *
 * The catalog search (search.h) finds files in directories and asks this
 * module, file by file, what catalogs and mapping sets each holds (a
 * header read that stops early) and, for the ones a compilation uses, to
 * load them, by the file's format (told by content, never by name:
 * ismc_data_sniff in import.h). Each format is one row of the reader table
 * in datafile.c: ismc's own YAML formats, and the importers' (CISO
 * Assistant libraries, OSCAL) through import.h.
 */
#ifndef ISMC_DATAFILE_H
#define ISMC_DATAFILE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "import.h"
#include "source.h"

struct ismc_catalog;
struct ismc_compilation;
struct ismc_mapping_set;

/*
 * The format itself is told by ismc_data_sniff (import.h), from the first
 * YAML or JSON events. A file it cannot place may still be one of ismc's
 * own that is broken or of another version: this says whether its bytes
 * have a top-level "format: ismc-..." line, so that a search for the
 * file's name loads it and reports what is wrong instead of passing it
 * over.
 */
bool	ismc_data_looks_native(const char *buf, size_t len);

/*
 * Loads the catalog source `file` holds, in whatever format it is told by
 * its content to be (ismc's own, a CISO Assistant framework, an OSCAL
 * catalog or profile), and registers it in comp->catalogs; the same file
 * again gives the same catalog. NULL after reporting on any error.
 */
struct ismc_catalog *ismc_data_catalog_file(struct ismc_compilation *,
	    uint32_t file);
/*
 * The same for `path`, a file named on the command line (--catalog): a
 * file that cannot be read is an I/O error. Catalogs named by a spec are
 * found through the search path (search.h).
 */
struct ismc_catalog *ismc_data_catalog_load(struct ismc_compilation *,
	    const char *path);

/* One catalog or mapping set a file holds, as its header says. */
struct ismc_data_item {
	bool		 mapping;	/* a mapping set; else a catalog */
	const char	*id;		/* interned; NULL when the header
					 * could not be read */
	const char	**aliases;	/* catalogs: interned, arena-owned */
	size_t		 naliases;
	const char	*source;	/* mapping sets: catalog ids, */
	const char	*target;	/* interned */
	struct ismc_span span;		/* the id in the file (or its start) */
	size_t		 index;		/* which of the file's items: the
					 * loader's business */
};

/* Where a peek puts what it finds (ismc_data_peek). */
struct ismc_data_items {
	struct ismc_data_item	*v;	/* heap */
	size_t			 n;
	size_t			 cap;
};

void	ismc_data_items_push(struct ismc_data_items *,
	    const struct ismc_data_item *);
void	ismc_data_items_free(struct ismc_data_items *);

/*
 * Reads the header of source `file`, in format `fmt`, quietly: appends an
 * item for each catalog and mapping set it holds. A file whose header is
 * broken gives one item with a NULL id, so that a search for its name can
 * still load it and report what is wrong. Returns false for a format ismc
 * cannot read (yet): the file then holds nothing for the search.
 */
bool	ismc_data_peek(struct ismc_compilation *, uint32_t file,
	    enum ismc_data_format fmt, struct ismc_data_items *);
/* Loads catalog item `it` of `file` in full, reporting; NULL after
 * errors. */
struct ismc_catalog *ismc_data_load_catalog(struct ismc_compilation *,
	    uint32_t file, enum ismc_data_format fmt,
	    const struct ismc_data_item *it);
/*
 * Loads every mapping set of `file` in full (one file may hold several:
 * a CISO Assistant library's two directions, an OSCAL collection's
 * mappings), reporting. Returns how many; *out is a heap array the caller
 * frees.
 */
size_t	ismc_data_load_mappings(struct ismc_compilation *, uint32_t file,
	    enum ismc_data_format fmt, struct ismc_mapping_set ***out);

#endif
