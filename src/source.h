/*
 * source.h - source files and spans.
 *
 * Files (specs and YAML catalogs alike) are read whole: the scanner works
 * from memory and diagnostics quote source lines. A span is a byte range in
 * one file; line and column are worked out only when a message is printed.
 */
#ifndef ISMC_SOURCE_H
#define ISMC_SOURCE_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

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

/* Files larger than this are refused (see doc/limits.md). */
#define ISMC_MAX_FILE_SIZE	((size_t)512 * 1024 * 1024)

struct ismc_source {
	const char	*path;		/* as the user gave it; heap-owned */
	char		*text;		/* heap-owned, NUL-terminated */
	size_t		 len;
	uint32_t	*lines;		/* start offset of each line, lazily built */
	size_t		 nlines;
	dev_t		 dev;		/* identity, to find include cycles */
	ino_t		 ino;
};

struct ismc_sources {
	struct ismc_source	**files;
	size_t			  count;
	size_t			  cap;
};

void	ismc_sources_init(struct ismc_sources *);
void	ismc_sources_destroy(struct ismc_sources *);
/*
 * Reads `path` into a new file. Returns its id, or ISMC_NO_FILE with errno
 * set (EISDIR for a directory, EFBIG for a file over the size limit).
 */
uint32_t ismc_sources_load(struct ismc_sources *, const char *path);
/* Adds an in-memory buffer (copied) under a display name. */
uint32_t ismc_sources_add(struct ismc_sources *, const char *name,
	    const char *text, size_t len);
const struct ismc_source *ismc_sources_get(const struct ismc_sources *, uint32_t);
/* Looks up the file already loaded with the same device and inode. */
uint32_t ismc_sources_find_identity(const struct ismc_sources *, dev_t, ino_t);
/* 1-based line and byte column of an offset. */
void	ismc_sources_linecol(const struct ismc_sources *, uint32_t file,
	    uint32_t offset, unsigned *line, unsigned *col);
/* The text of the line holding `offset`, without its line end. */
const char *ismc_sources_line(const struct ismc_sources *, uint32_t file,
	    uint32_t offset, size_t *len);

#endif
