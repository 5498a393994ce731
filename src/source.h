/*
 * source.h - source files and spans.
 *
 * Files (specs and YAML catalogs alike) are read whole, through the guarded
 * read of fileio.h, and each at most once: the scanner works from memory
 * and diagnostics quote source lines. A span is a byte range in one file;
 * line and column are worked out only when a message is printed.
 */
#ifndef ISMC_SOURCE_H
#define ISMC_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>

#include "fileio.h"

/* Half-open byte range [start, end) in file `file` (an index into the
 * source manager). file == ISMC_NO_FILE means "no location". */
struct ismc_span {
	uint32_t	file;
	uint32_t	start;
	uint32_t	end;
};

#define ISMC_NO_FILE	UINT32_MAX
#define ISMC_NO_SPAN	((struct ismc_span){ ISMC_NO_FILE, 0, 0 })
/* A whole file, with no line: where a parser gives no node positions
 * (JSON through jansson). Printed as "path: error: ...", with no caret. */
#define ISMC_WHOLE_FILE	UINT32_MAX
#define ISMC_FILE_SPAN(f) \
	((struct ismc_span){ (f), ISMC_WHOLE_FILE, ISMC_WHOLE_FILE })

/* What a file was read as: the reports list their inputs by kind. */
enum ismc_input_kind {			/* ORDER ISMC_INPUT */
	ISMC_INPUT_OTHER,		/* added from memory, or peeked only */
	ISMC_INPUT_SPEC,
	ISMC_INPUT_CATALOG,
	ISMC_INPUT_MAPPING,
	ISMC_INPUT_TEXTS,
};

struct ismc_source {
	const char	*path;		/* as the user gave it; heap-owned */
	char		*text;		/* heap-owned, NUL-terminated */
	size_t		 len;
	uint32_t	*lines;		/* start offset of each line, lazily built */
	size_t		 nlines;
	dev_t		 dev;		/* identity, to find include cycles */
	ino_t		 ino;		/* 0: added from memory */
	enum ismc_input_kind kind;
	bool		 no_quote;	/* diagnostics never quote its lines
					 * (--sandbox: not a spec) */
	bool		 refused;	/* read, then refused (its encoding):
					 * said once, not again */
	bool		 shipped;	/* from ismc's own data directory */
	char		*digest;	/* SHA-256 in hex, lazily; heap */
};

struct ismc_sources {
	struct ismc_source	**files;
	size_t			  count;
	size_t			  cap;
	uint32_t		 *by_id;	/* open addressing on (dev, ino):
						 * 1 + file; 0 = empty */
	size_t			  nby_id;	/* power of two */
	size_t			  nidentified;	/* files in by_id */
	size_t			  nborrowed;	/* files[0..n) belong to the
						 * sources this set was made
						 * from (init_from) */
};

void	ismc_sources_init(struct ismc_sources *);
void	ismc_sources_destroy(struct ismc_sources *);
/* A set that starts with the files of `base`, borrowed: base must outlive
 * it and take no new files meanwhile. */
void	ismc_sources_init_from(struct ismc_sources *,
	    const struct ismc_sources *base);
/*
 * Reads `path` with ismc_file_read (`flags` as there) into a new file and
 * returns its id. A file read before under any name (same device and
 * inode) is not read again: its id is returned and *fresh is false.
 * Returns ISMC_NO_FILE when the read failed; `err` says why.
 */
uint32_t ismc_sources_load(struct ismc_sources *, const char *path,
	    unsigned flags, bool *fresh, struct ismc_file_data *err);
/* Adds an in-memory buffer (copied) under a display name. */
uint32_t ismc_sources_add(struct ismc_sources *, const char *name,
	    const char *text, size_t len);
const struct ismc_source *ismc_sources_get(const struct ismc_sources *, uint32_t);
/* Looks up the file already loaded with the same device and inode, in
 * constant time (thousands of includes stay linear). */
uint32_t ismc_sources_find_identity(const struct ismc_sources *, dev_t, ino_t);
/* The SHA-256 digest of a file's bytes, 64 lower-case hex digits. */
const char *ismc_sources_digest(const struct ismc_sources *, uint32_t file);
/* 1-based line and byte column of an offset. */
void	ismc_sources_linecol(const struct ismc_sources *, uint32_t file,
	    uint32_t offset, unsigned *line, unsigned *col);
/* The text of the line holding `offset`, without its line end. */
const char *ismc_sources_line(const struct ismc_sources *, uint32_t file,
	    uint32_t offset, size_t *len);

#endif
