/*
 * fileio.h - the one guarded way ismc reads a file.
 *
 * Every file ismc reads (specs, includes, catalogs, mapping sets, licensed
 * texts) comes through ismc_file_read. Specs and catalogs come from pull
 * requests and downloads, so a path may name a FIFO that blocks for ever,
 * /dev/zero that never ends, or a /proc file that passes for a regular one.
 * The read refuses all of them before reading a byte, never blocks on a
 * file the caller did not explicitly allow to be a stream, and stops at
 * the size limit (doc/limits.md, doc/security.md).
 */
#ifndef ISMC_FILEIO_H
#define ISMC_FILEIO_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Files larger than this are refused (see doc/limits.md). */
#define ISMC_MAX_FILE_SIZE	((size_t)512 * 1024 * 1024)

/*
 * A spec named on the command line may be a pipe or a terminal
 * (/dev/stdin, a shell's <(...)): the user chose it. Nothing else may.
 */
#define ISMC_READ_STREAM_OK	0x1u

enum ismc_read_status {
	ISMC_READ_OK,
	ISMC_READ_ERRNO,	/* the system said no: see errnum */
	ISMC_READ_NOT_REGULAR,	/* a FIFO, device or socket */
	ISMC_READ_PSEUDO,	/* a file of /proc, /sys or the like */
};

/* Who a file is, for "read once" and include cycles. */
struct ismc_file_id {
	dev_t	dev;
	ino_t	ino;
};

struct ismc_file_data {
	char			*text;		/* heap, NUL-terminated */
	size_t			 len;
	struct ismc_file_id	 id;
	enum ismc_read_status	 status;
	int			 errnum;	/* ISMC_READ_ERRNO */
};

/*
 * Reads `path` whole into `out`. Refuses directories (EISDIR), files over
 * ISMC_MAX_FILE_SIZE (EFBIG), FIFOs, devices and sockets unless `flags`
 * has ISMC_READ_STREAM_OK, and files of kernel pseudo file systems. The
 * type is checked on the open descriptor (no race with a renamed file),
 * and a non-regular file is refused by stat before it is ever opened, so
 * opening a device cannot have side effects. Returns true on success;
 * out->text is then the caller's to free.
 */
bool	ismc_file_read(const char *path, unsigned flags,
	    struct ismc_file_data *out);
/*
 * Looks `path` up without opening it: its identity, for "already read".
 * False when it cannot be stat'ed (the read then reports why).
 */
bool	ismc_file_identify(const char *path, struct ismc_file_id *out);
/* What went wrong, for "cannot read 'x': %s". */
const char *ismc_file_strerror(const struct ismc_file_data *);

/*
 * The name of the encoding of a text that is UTF-16 or UTF-32 (by its
 * byte-order mark, or by the NUL bytes ASCII text has in those encodings,
 * as RFC 4627 tells JSON encodings apart), or NULL. ismc reads UTF-8 only;
 * reading such a file as UTF-8 would give nonsense at wrong positions.
 */
const char *ismc_text_foreign_encoding(const char *text, size_t len);

/*
 * The sandbox (--sandbox): whether `path`, with every symbolic link
 * followed, lies inside one of the `nroots` directories, which must be
 * canonical (ismc_path_canonical). `*resolved` receives the canonical
 * path (heap) when it exists, else NULL.
 */
bool	ismc_path_confined(const char *path, const char *const *roots,
	    size_t nroots, char **resolved);
/* The canonical absolute form of an existing path (heap), or NULL. */
char	*ismc_path_canonical(const char *path);

#endif
