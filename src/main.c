/*
 * main.c - the ismc command line: options in (cli.c), the compilation
 * (driver.c), exit status out.
 */
#include <config.h>

#include <stdio.h>

#include "cli.h"
#include "driver.h"

int
main(int argc, char **argv)
{
	static char errbuf[BUFSIZ];
	struct ismc_options o;
	int status;

	/* Unbuffered, stderr costs a write(2) per fragment of each message:
	 * a million errors would take a minute. One per line is enough. */
	setvbuf(stderr, errbuf, _IOLBF, sizeof errbuf);
	ismc_options_init(&o);
	if ((status = ismc_cli_parse(&o, argc, argv)) == -1)
		status = ismc_driver_run(&o);
	ismc_cli_free(&o);
	return status;
}
