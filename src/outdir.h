/*
 * outdir.h - all-or-nothing output into a directory, one build at a time.
 *
 * Outputs are staged and only put in place when all of them were written,
 * so a failed build leaves the previous outputs as they were. A build
 * holds an exclusive lock on the directory (flock(2) on the directory
 * itself) from open to commit or abort: a second build into the same
 * directory waits for it, saying so, and removing stale temporaries can
 * never touch a live build's. Where the directory holds nothing but
 * ismc's outputs (its manifest, ".ismc-outputs", lists every entry), the
 * new set is staged in a fresh sibling directory that then takes the
 * directory's place in one rename(2) (renameat2 RENAME_EXCHANGE), so a
 * reader that opens the directory sees the old set or the new one, never
 * a mix. Otherwise (other files there, the working directory, a symbolic
 * link, a mount point) each output replaces its old version atomically,
 * one by one, under the lock; a reader who needs a consistent set there
 * takes a shared lock on the directory (`flock -s out cmd`). See
 * doc/security.md.
 *
 * I/O errors are reported through the diagnostics engine as program-level
 * errors ("ismc: error: cannot write 'out/risks.csv': ...").
 */
#ifndef ISMC_OUTDIR_H
#define ISMC_OUTDIR_H

#include <stdbool.h>
#include <sys/types.h>

struct ismc_buf;
struct ismc_diag;
struct ismc_outdir;

/* The manifest of a directory whose entries are all ismc's outputs. */
#define ISMC_OUTDIR_MANIFEST	".ismc-outputs"

/*
 * Opens `dir` for output, creating it and any missing parents, waits for
 * any other build writing into it, and removes temporaries that a killed
 * earlier build left there. Returns NULL after reporting through `d`
 * (borrowed; must outlive the outdir). The caller ends every open with
 * exactly one ismc_outdir_commit or _abort.
 */
struct ismc_outdir *ismc_outdir_open(const char *dir, struct ismc_diag *d);
/*
 * Forbids replacing the file (dev, ino), an input of the build that
 * `what` describes ("spec 'risks.md'"; copied): an output that would land
 * on it fails the build before anything is written, as compilers refuse
 * to overwrite their sources.
 */
void	ismc_outdir_protect(struct ismc_outdir *, dev_t, ino_t,
	    const char *what);
/* Whether the file `path` names would lie in the output directory (its
 * parent directory, links followed, is the one open). */
bool	ismc_outdir_holds(const struct ismc_outdir *, const char *path);
/*
 * Writes the buffer to a new temporary for `name`, a plain file name (no
 * '/', no leading '.'), given once per outdir. The buffer is not kept.
 * Returns false after reporting; every later add then fails silently and
 * commit fails.
 */
bool	ismc_outdir_add(struct ismc_outdir *, const char *name,
	    const struct ismc_buf *);
/*
 * When every add succeeded, puts the new set in place (replacing the
 * older files, or the whole older set: see above) and returns true.
 * Otherwise, or when a target cannot be replaced, removes the temporaries
 * and returns false after reporting. Releases the lock and frees the
 * outdir either way.
 */
bool	ismc_outdir_commit(struct ismc_outdir *);
/* Removes every temporary, releases the lock and frees the outdir;
 * existing files stay. */
void	ismc_outdir_abort(struct ismc_outdir *);
/*
 * Unlinks every temporary created so far and frees nothing, calling only
 * unlink(2) and rmdir(2): a SIGINT/SIGTERM handler may call it on an
 * outdir published to it, as long as the outdir is taken back from the
 * handler before commit or abort free the list (driver.c hands it over
 * atomically). The lock goes with the process.
 */
void	ismc_outdir_unlink_temps(const struct ismc_outdir *);

#endif
