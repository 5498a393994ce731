/*
 * cli.h - the command line: the commands, the options each one takes,
 * their help, and the translation of argv into struct ismc_options.
 *
 * One table (cli.c) drives getopt_long, `ismc help [COMMAND]` and
 * `ismc COMMAND --help`, so what the help lists is what is parsed.
 */
#ifndef ISMC_CLI_H
#define ISMC_CLI_H

#include "driver.h"

/*
 * Parses argv (argv[1] is the command) into *o. Returns -1 when the
 * driver should run, else the exit status to end with at once: 0 after
 * printing help or the version, ISMC_EXIT_USAGE after a usage error
 * (already reported on stderr).
 */
int	ismc_cli_parse(struct ismc_options *, int argc, char **argv);
/* Frees what ismc_cli_parse allocated in *o. */
void	ismc_cli_free(struct ismc_options *);

#endif
