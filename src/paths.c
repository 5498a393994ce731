/*
 * paths.c - the installation directories, from the generated header.
 */
#include <config.h>

#include "paths.h"

#include "ismc-paths.h"

const char *
ismc_paths_datadir(void)
{
	return ISMC_PKGDATADIR;
}
