/*
 * main.c - the ismc command line: options in (cli.c), the compilation
 * (driver.c), exit status out.
 */
#include <config.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "driver.h"
#include "fmt.h"

/*
 * A write that failed on standard output (a full disk, a file-size
 * limit) loses part of a dump, an explanation or a diff: an I/O error,
 * reported on standard error while it still works. One that failed on
 * standard error cannot be reported, but still changes the status.
 */
static int
check_streams(int status)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "ismc: error: cannot write to standard output: "
		    "%s\n", strerror(errno));
		status = ISMC_EXIT_USAGE;
	}
	if (fflush(stderr) != 0 || ferror(stderr))
		status = ISMC_EXIT_USAGE;
	return status;
}

int
main(int argc, char **argv)
{
	static char errbuf[BUFSIZ];
	struct ismc_options o;
	int status;

	/* Unbuffered, stderr costs a write(2) per fragment of each message:
	 * a million errors would take a minute. One per line is enough. */
	setvbuf(stderr, errbuf, _IOLBF, sizeof errbuf);
	/* Past RLIMIT_FSIZE a write fails with EFBIG instead of killing
	 * ismc, wherever it happens: outputs, diagnostics or dumps. */
	signal(SIGXFSZ, SIG_IGN);
	ismc_options_init(&o);
	/* fmt is a pipeline of its own: sources, parser, layout. */
	if ((status = ismc_cli_parse(&o, argc, argv)) == -1)
		status = o.command == ISMC_CMD_FMT ? ismc_fmt_run(&o) :
		    ismc_driver_run(&o);
	ismc_cli_free(&o);
	return check_streams(status);
}
