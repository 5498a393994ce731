/*
 * paths.h - where an installed ismc finds its data.
 *
 * The directory comes from a header that make generates from the current
 * configuration (ismc-paths.h, rewritten only when it changes), so that
 * re-running configure with another --prefix rebuilds the one object
 * that holds it. Nothing here names the source or build tree.
 */
#ifndef ISMC_PATHS_H
#define ISMC_PATHS_H

/* $(pkgdatadir): the shipped catalogs are in its frameworks/. */
const char *ismc_paths_datadir(void);

#endif
