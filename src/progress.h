/*
 * progress.h - the stages of a long build, on standard error.
 *
 * A build that has run for about a second names each stage it starts
 * ("ismc: writing report.pdf") on one status line that each stage
 * overwrites, cleared when the build ends; only on a terminal and never
 * in a CI job's log (CI set in the environment) unless --progress asks.
 * --progress prints every stage from the start, one line each where
 * standard error is no terminal; --no-progress prints none. Nothing of it
 * ever reaches an output file: the stages go to the stream given here.
 */
#ifndef ISMC_PROGRESS_H
#define ISMC_PROGRESS_H

#include <stdbool.h>
#include <stdio.h>
#include <time.h>

enum ismc_progress_mode {
	ISMC_PROGRESS_AUTO,	/* on a terminal, after about a second */
	ISMC_PROGRESS_ALWAYS,	/* --progress */
	ISMC_PROGRESS_NEVER,	/* --no-progress */
};

struct ismc_progress {
	FILE		*err;
	bool		 on;		/* may print at all */
	bool		 tty;		/* one status line, overwritten */
	bool		 from_start;	/* no second's grace */
	bool		 shown;		/* a status line is on the screen */
	struct timespec	 start;
};

void	ismc_progress_init(struct ismc_progress *, FILE *err,
	    enum ismc_progress_mode);
/* Names the stage starting now (printf-style); a NULL progress or one
 * that is off ignores it. */
void	ismc_progress_stage(struct ismc_progress *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));
/* Clears the status line: the build is over, or something else is about
 * to be printed. */
void	ismc_progress_clear(struct ismc_progress *);

#endif
