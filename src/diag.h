/*
 * diag.h - the diagnostics engine.
 *
 * One engine per compilation serves the spec front end, YAML catalogs and
 * I/O alike. Messages follow GNU and GCC form:
 *
 *	file:line:col: warning: evidence 'E-1' expired on ... [-Wstale-evidence]
 *	   12 |     likelihood hihg
 *	      |                ^~~~
 *
 * Columns count bytes. Every warning has a name (the table in diag.c):
 * -Wno-NAME and -WNAME switch it off and on, -Werror or -Werror=NAME make
 * it an error and -w silences all of them; a note belongs to the message
 * before it and shares its fate. Text from input is escaped (escape.h)
 * before it reaches the output. Besides text, the engine writes GCC's JSON
 * diagnostics and SARIF 2.1.0 (diag-json.c), for editors and code
 * scanning.
 */
#ifndef ISMC_DIAG_H
#define ISMC_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "source.h"

enum ismc_severity {
	ISMC_NOTE,
	ISMC_WARNING,
	ISMC_ERROR,
	ISMC_FATAL,
};

/* Every warning ismc gives: the names and what they mean are in diag.c,
 * doc/ismc.1 lists them (a test checks it does). */
enum ismc_warning {
	ISMC_W_NONE,			/* not a warning */
	/* the spec's text */
	ISMC_W_BIDI_CHARS,
	ISMC_W_CONFUSABLE_IDENTIFIERS,
	ISMC_W_MIXED_SCRIPTS,
	/* declarations and their consistency */
	ISMC_W_MISSING_FRAMEWORK,
	ISMC_W_DUPLICATE_FRAMEWORK,
	ISMC_W_DUPLICATE_REFERENCE,
	ISMC_W_BAND_GAP,
	ISMC_W_UNDECIDED_CONTROL,
	ISMC_W_MISSING_STATUS,
	/* risk treatment */
	ISMC_W_UNMET_ACCEPTANCE,
	ISMC_W_UNAPPROVED_ACCEPTANCE,
	ISMC_W_EXPIRED_ACCEPTANCE,
	ISMC_W_OVERDUE_RISK_REVIEW,
	ISMC_W_MITIGATION_WITHOUT_CONTROLS,
	ISMC_W_WEAK_MITIGATION,
	ISMC_W_RESIDUAL_NOT_OPEN,
	/* KPIs, audits and evidence */
	ISMC_W_PERCENT_OVER_100,
	ISMC_W_KPI_NO_RESULT,
	ISMC_W_OVERDUE_ACTION,
	ISMC_W_UNADDRESSED_NONCONFORMITY,
	ISMC_W_STALE_EVIDENCE,
	/* the roadmap */
	ISMC_W_OVERDUE_TARGET,
	ISMC_W_OVERDUE_MILESTONE,
	ISMC_W_MILESTONE_OUTSIDE_PHASES,
	ISMC_W_DUE_WITHOUT_WORK,
	/* Stage 1 readiness (specs that decide the ISMS clauses) */
	ISMC_W_UNACCEPTED_RISK,
	ISMC_W_UNEVIDENCED_CONTROL,
	ISMC_W_STALE_INTERNAL_AUDIT,
	ISMC_W_STALE_MANAGEMENT_REVIEW,
	/* catalogs, mapping sets and imports */
	ISMC_W_SHADOWED_CATALOG,
	ISMC_W_NOT_A_CATALOG,
	ISMC_W_UNUSED_MAPPING,
	ISMC_W_DUPLICATE_ROW,
	ISMC_W_MAP_WITHOUT_RATIONALE,
	ISMC_W_IMPORT_DEPTH,
	ISMC_W_IMPORT_IDS,
	ISMC_W_IMPORT_SKIPPED,
	ISMC_W_IMPORT_UNKNOWN_ID,
	/* outputs */
	ISMC_W_LONG_TEXT,
	ISMC_W_COUNT
};

/* How diagnostics are written (--diagnostics-format). */
enum ismc_diag_format {
	ISMC_DIAG_TEXT,			/* GCC's text, as it goes */
	ISMC_DIAG_JSON,			/* GCC's -fdiagnostics-format=json */
	ISMC_DIAG_SARIF,		/* SARIF 2.1.0, one run */
};

/*
 * -W switches as the command line gives them, applied in order by
 * ismc_diag_set_warnings (the last word on a warning wins, as in GCC).
 */
#define ISMC_WSET_ON		0x1	/* -WNAME */
#define ISMC_WSET_OFF		0x2	/* -Wno-NAME */
#define ISMC_WSET_ERROR		0x4	/* -Werror=NAME */
#define ISMC_WSET_NO_ERROR	0x8	/* -Wno-error=NAME */

struct ismc_wflags {
	bool		 werror;		/* -Werror */
	unsigned char	 set[ISMC_W_COUNT];	/* ISMC_WSET_* */
};

struct ismc_diag_record;

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
	enum ismc_diag_format format;
	bool		 off[ISMC_W_COUNT];	/* -Wno-NAME */
	signed char	 error[ISMC_W_COUNT];	/* -Werror=NAME: 1, -Wno-error=NAME:
						 * -1, else 0 (follow -Werror) */
	/* JSON and SARIF: what was reported, written out at the end. */
	struct ismc_diag_record *records;
	size_t		 nrecords;
	size_t		 caprecords;
	size_t		 last;			/* the record a note or fix-it
						 * attaches to */
	struct ismc_progress *progress;		/* its status line is cleared
						 * before a message; or NULL */
};

struct ismc_progress;

void	ismc_diag_init(struct ismc_diag *, const struct ismc_sources *, FILE *);
/* Frees what JSON and SARIF output recorded (after ismc_diag_summary). */
void	ismc_diag_free(struct ismc_diag *);
/* Reports an error, fatal error or note at a span (or ISMC_NO_SPAN for a
 * program-level message). Warnings go through ismc_diag_warning. */
void	ismc_diag_report(struct ismc_diag *, enum ismc_severity,
	    struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
/* The same with a va_list; `w` names a warning (sev ISMC_WARNING). */
void	ismc_diag_vreport(struct ismc_diag *, enum ismc_severity,
	    enum ismc_warning w, struct ismc_span, const char *, va_list)
	    __attribute__((format(printf, 5, 0)));
void	ismc_diag_error(struct ismc_diag *, struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	ismc_diag_warning(struct ismc_diag *, enum ismc_warning,
	    struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 4, 5)));
void	ismc_diag_note(struct ismc_diag *, struct ismc_span, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
/*
 * A fix-it for the diagnostic just reported: `text` replaces the span
 * (the did-you-mean of an unknown name). Written in JSON and SARIF; the
 * text form says it in the message.
 */
void	ismc_diag_fixit(struct ismc_diag *, struct ismc_span, const char *text);
/* Text: prints "N errors and M warnings generated." when there were any.
 * JSON, SARIF: writes the document. */
void	ismc_diag_summary(struct ismc_diag *);
/* True once the error cap is reached: stop producing diagnostics. The
 * scanner asks before every token. */
static inline bool
ismc_diag_stopped(const struct ismc_diag *d)
{
	return d->stopped;
}

/* The warning table. */
const char *ismc_warning_name(enum ismc_warning);	/* "stale-evidence" */
const char *ismc_warning_summary(enum ismc_warning);	/* one line */
/* The warning called `name`, or ISMC_W_NONE. */
enum ismc_warning ismc_warning_find(const char *name);
/* The known name closest to an unknown one, or NULL. */
const char *ismc_warning_suggest(const char *name);
/*
 * Reads the text after -W ("error", "error=NAME", "no-error=NAME",
 * "no-NAME", "NAME") into f. Returns false for an unknown name.
 */
bool	ismc_wflags_parse(struct ismc_wflags *f, const char *arg);
/* Applies -Werror and the -W switches. */
void	ismc_diag_set_warnings(struct ismc_diag *, const struct ismc_wflags *);

#endif
