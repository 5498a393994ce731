/*
 * diag.h - the diagnostics engine.
 *
 * One engine per compilation serves the spec front end, YAML catalogs and
 * I/O alike. Messages follow GNU and GCC form:
 *
 *	file:line:col: error: message
 *	   12 |     likelihood hihg
 *	      |                ^~~~
 *
 * Columns count bytes. Warnings become errors under -Werror and vanish
 * under -w; a note belongs to the message before it and shares its fate.
 */
#ifndef ISMC_DIAG_H
#define ISMC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "source.h"

enum ismc_severity {
	ISMC_NOTE,
	ISMC_WARNING,
	ISMC_ERROR,
	ISMC_FATAL,
};

struct ismc_diag {
	const struct ismc_sources *sources;	/* borrowed */
	FILE		*out;			/* borrowed; stderr by default */
	unsigned	 errors;
	unsigned	 warnings;
	unsigned	 max_errors;		/* 0 = no limit */
	bool		 werror;		/* -Werror */
	bool		 no_warnings;		/* -w */
	bool		 plain;			/* no source line or caret */
	bool		 color;
	bool		 stopped;		/* error cap reached */
	bool		 last_shown;		/* whether a note would attach */
};

void	ismc_diag_init(struct ismc_diag *, const struct ismc_sources *, FILE *);
/* Reports at a span (or ISMC_NO_SPAN for a program-level message). */
void	ismc_diag_report(struct ismc_diag *, enum ismc_severity,
	    struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	ismc_diag_error(struct ismc_diag *, struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ismc_diag_warning(struct ismc_diag *, struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ismc_diag_note(struct ismc_diag *, struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/* Prints "N errors and M warnings generated." when there were any. */
void	ismc_diag_summary(struct ismc_diag *);
/* True once the error cap is reached: stop producing diagnostics. The
 * scanner asks before every token. */
static inline bool
ismc_diag_stopped(const struct ismc_diag *d)
{
	return d->stopped;
}

#endif
