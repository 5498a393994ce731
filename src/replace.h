/*
 * replace.h - replacing one file as a whole: a temporary beside it, then
 * a rename, so a reader sees the old bytes or the new, never a mix, and a
 * failure leaves the old file as it was. (The outputs of `build` go
 * through outdir.h, which does this for a set of files.)
 */
#ifndef ISMC_REPLACE_H
#define ISMC_REPLACE_H

#include <stdbool.h>
#include <sys/types.h>

struct ismc_buf;
struct ismc_diag;

/*
 * Writes the buffer to `path`. A symbolic link is followed: the file it
 * names is replaced. The new file gets `mode` (permission bits), or, for
 * mode -1, those of a new file under the umask. Returns false after
 * reporting through `d`.
 */
bool	ismc_replace_file(const char *path, const struct ismc_buf *,
	    mode_t mode, struct ismc_diag *d);

#endif
