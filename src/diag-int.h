/*
 * diag-int.h - what diag.c records for diag-json.c to write.
 *
 * Only the two halves of the diagnostics engine include this.
 */
#ifndef ISMC_DIAG_INT_H
#define ISMC_DIAG_INT_H

#include <stddef.h>

#include "diag.h"

enum ismc_record_kind {
	ISMC_REC_DIAG,			/* a warning, error or fatal error */
	ISMC_REC_NOTE,			/* a note of the diagnostic `parent` */
	ISMC_REC_FIXIT,			/* a fix-it of the diagnostic `parent` */
};

struct ismc_diag_record {
	enum ismc_record_kind	 kind;
	enum ismc_severity	 sev;		/* as reported, after -Werror */
	enum ismc_warning	 warning;	/* ISMC_W_NONE for an error */
	bool			 promoted;	/* a warning made an error */
	struct ismc_span	 span;
	char			*text;		/* the message, escaped, or the
						 * fix-it's replacement; heap */
	size_t			 parent;	/* notes and fix-its */
};

/* "note", "warning", "error", "fatal error". */
const char *ismc_diag_severity_name(enum ismc_severity);
/* Writes the recorded diagnostics as GCC's JSON or as SARIF 2.1.0. */
void	ismc_diag_write_json(const struct ismc_diag *);
void	ismc_diag_write_sarif(const struct ismc_diag *);

#endif
