/*
 * progress.c - the stages of a long build, on standard error
 * (progress.h).
 *
 * The status line is checked against the clock at each stage's start
 * only: no timer, no signal, no thread, so a build whose stages are all
 * short prints nothing and one that is long shows what it is at.
 */
#include <config.h>

#include "progress.h"

#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#define GRACE	1.0	/* seconds a build runs before it says anything */

void
ismc_progress_init(struct ismc_progress *p, FILE *err,
    enum ismc_progress_mode mode)
{
	p->err = err;
	p->tty = isatty(fileno(err)) != 0;
	p->shown = false;
	switch (mode) {
	case ISMC_PROGRESS_ALWAYS:
		p->on = true;
		p->from_start = true;
		break;
	case ISMC_PROGRESS_NEVER:
		p->on = false;
		p->from_start = false;
		break;
	case ISMC_PROGRESS_AUTO:
		/* A CI runner may give its jobs a terminal; its log is
		 * no place for a line that overwrites itself. */
		p->on = p->tty && getenv("CI") == NULL;
		p->from_start = false;
		break;
	}
	clock_gettime(CLOCK_MONOTONIC, &p->start);
}

static double
elapsed(const struct ismc_progress *p)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - p->start.tv_sec) +
	    (double)(now.tv_nsec - p->start.tv_nsec) / 1e9;
}

void
ismc_progress_stage(struct ismc_progress *p, const char *fmt, ...)
{
	va_list ap;

	if (p == NULL || !p->on)
		return;
	if (!p->from_start && elapsed(p) < GRACE)
		return;
	/* Carriage return and erase to the end of the line: the stage
	 * replaces the one before it. */
	fputs(p->tty ? "\r\033[Kismc: " : "ismc: ", p->err);
	va_start(ap, fmt);
	vfprintf(p->err, fmt, ap);
	va_end(ap);
	if (p->tty) {
		p->shown = true;
		fflush(p->err);
	} else
		fputc('\n', p->err);
}

void
ismc_progress_clear(struct ismc_progress *p)
{
	if (p == NULL || !p->shown)
		return;
	fputs("\r\033[K", p->err);
	fflush(p->err);
	p->shown = false;
}
