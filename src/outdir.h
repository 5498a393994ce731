/*
 * outdir.h - all-or-nothing output into a directory.
 *
 * Every output is first written to a temporary file beside its final name
 * (".ismc-tmp-XXXXXX-<name>"); only when all of them were written does
 * commit rename them into place. A failed build therefore leaves the
 * previous outputs as they were, never a mix of old and new files. I/O
 * errors are reported through the diagnostics engine as program-level
 * errors ("ismc: error: cannot write 'out/risks.csv': ...").
 */
#ifndef ISMC_OUTDIR_H
#define ISMC_OUTDIR_H

#include <stdbool.h>

struct ismc_buf;
struct ismc_diag;
struct ismc_outdir;

/*
 * Opens `dir` for output, creating it and any missing parents, and removes
 * temporaries that a killed earlier build left there. Returns NULL after
 * reporting through `d` (borrowed; must outlive the outdir). The caller
 * ends every open with exactly one ismc_outdir_commit or _abort.
 */
struct ismc_outdir *ismc_outdir_open(const char *dir, struct ismc_diag *d);
/*
 * Writes the buffer to a new temporary for `name`, a plain file name (no
 * '/', no leading '.'), given once per outdir. The buffer is not kept.
 * Returns false after reporting; every later add then fails silently and
 * commit fails.
 */
bool	ismc_outdir_add(struct ismc_outdir *, const char *name,
	    const struct ismc_buf *);
/*
 * When every add succeeded, renames all temporaries into place (replacing
 * older files) and returns true. Otherwise, or when a target cannot be
 * replaced, removes the temporaries and returns false after reporting.
 * Frees the outdir either way.
 */
bool	ismc_outdir_commit(struct ismc_outdir *);
/* Removes every temporary and frees the outdir; existing files stay. */
void	ismc_outdir_abort(struct ismc_outdir *);
/*
 * Unlinks every temporary created so far and frees nothing, calling only
 * unlink(2): a SIGINT/SIGTERM handler may call it on an outdir published
 * to it, as long as the outdir is taken back from the handler before
 * commit or abort free the list (driver.c hands it over atomically).
 */
void	ismc_outdir_unlink_temps(const struct ismc_outdir *);

#endif
