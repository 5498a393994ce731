/*
 * driver.h - runs one compilation from the command line's wishes to an
 * exit status.
 */
#ifndef ISMC_DRIVER_H
#define ISMC_DRIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "date.h"
#include "diag.h"

enum ismc_command {
	ISMC_CMD_CHECK,
	ISMC_CMD_BUILD,
	ISMC_CMD_EXPLAIN,	/* ismc explain FRAMEWORK:REQ SPEC... */
	ISMC_CMD_DIFF,		/* ismc diff OLD NEW (files or directories) */
	ISMC_CMD_FMT,		/* ismc fmt [--check] FILE... */
};

/* --require FRAMEWORK>=PERCENT: a floor on full coverage. */
struct ismc_requirement {
	const char	*framework;	/* catalog id or alias */
	double		 percent;
	const char	*floor;		/* N as written, without '%' */
	const char	*spelling;	/* as given, for messages */
};

enum ismc_color {
	ISMC_COLOR_AUTO,
	ISMC_COLOR_ALWAYS,
	ISMC_COLOR_NEVER,
};

/* Exit statuses (documented in README and ismc(1)). diff follows
 * diff(1) instead: 0 no changes, 1 changes, 2 trouble. */
#define ISMC_EXIT_OK		0
#define ISMC_EXIT_INPUT		1	/* errors in the specs or catalogs */
#define ISMC_EXIT_USAGE		2	/* bad usage, or I/O trouble */
#define ISMC_EXIT_GATE		3	/* a --require floor not met, and
					 * nothing else wrong */
#define ISMC_EXIT_DIFF_SAME	0
#define ISMC_EXIT_DIFF_CHANGED	1
#define ISMC_EXIT_DIFF_TROUBLE	2	/* usage, I/O or errors in a spec */

struct ismc_options {
	enum ismc_command	 command;
	const char		**specs;	/* borrowed from argv */
	size_t			 nspecs;
	const char		**catalogs;	/* --catalog FILE: check these */
	size_t			 ncatalogs;
	const char		**include_dirs;	/* -I, in order */
	size_t			 ninclude_dirs;
	const char		*outdir;	/* -o */
	bool			 sandbox;	/* --sandbox[=DIR] */
	const char		*sandbox_root;	/* its DIR, or NULL */
	struct ismc_wflags	 wflags;	/* -Werror, -W[no-][error=]NAME */
	bool			 no_warnings;
	bool			 plain;		/* --diagnostics=plain */
	enum ismc_diag_format	 diag_format;	/* --diagnostics-format */
	enum ismc_color		 color;
	unsigned		 max_errors;
	bool			 dump_tokens;
	bool			 dump_ast;
	bool			 dump_ir;
	const char		*explain;	/* FRAMEWORK:REQ for explain */
	const char		**texts;	/* --texts FILE: licensed texts */
	size_t			 ntexts;
	const char		**formats;	/* --format, by extension; none:
						 * every format */
	size_t			 nformats;
	bool			 csv_bom;	/* --csv-bom */
	int			 progress;	/* enum ismc_progress_mode:
						 * --[no-]progress */
	int			 coverage;	/* enum ismc_gap_policy */
	struct ismc_requirement	*requires;	/* --require, heap array */
	size_t			 nrequires;
	bool			 has_as_of;	/* --as-of DATE */
	struct ismc_date	 as_of;
	bool			 depfile_on;	/* -MD */
	const char		*depfile;	/* -MF, or DIR.d for build */
	const char		**dep_targets;	/* -MT, borrowed from argv */
	size_t			 ndep_targets;
	bool			 dep_phony;	/* -MP */
	size_t			 diff_nold;	/* diff: specs[0..diff_nold) are
						 * the old side, the rest the
						 * new */
	const char		*diff_names[2];	/* diff: the sides as given */
	bool			 diff_json;	/* diff --format=json */
	bool			 fmt_check;	/* fmt --check */
	bool			 print_search_path;
	char			**owned;	/* heap strings the lists above
						 * point into (directory
						 * listings) */
	size_t			 nowned;
	FILE			*out;		/* dumps; stdout */
	FILE			*err;		/* diagnostics; stderr */
};

struct ismc_diag;

void	ismc_options_init(struct ismc_options *);
/* Sets up a diagnostics engine as the options say (-Werror, -w, colour,
 * --diagnostics, --max-errors). */
void	ismc_driver_setup_diag(struct ismc_diag *,
	    const struct ismc_options *);
/* Runs the compilation the options describe; returns an exit status. */
int	ismc_driver_run(const struct ismc_options *);

#endif
