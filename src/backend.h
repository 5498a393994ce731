/*
 * backend.h - the registry of outputs: reports, charts and the renderers
 * that turn them into files.
 *
 * Three kinds of rows, each a const struct exported by the file that
 * implements it and listed once in backend.c (as tmux lists its commands
 * in cmd_table):
 *
 *   struct ismc_report_def  builds one report table from the finished IR
 *                           and analyses (report-soa.c, report-gap.c...);
 *   struct ismc_chart_def   lays out one chart as a display list from the
 *                           finished tables (chart-risk.c, chart-kpi.c...);
 *   struct ismc_renderer    writes one format: per report (emit-csv.c),
 *                           per chart (emit-chart.c) or one document of
 *                           the whole build (pdf-report.c).
 *
 * A build keeps everything it made in a struct ismc_outputs: each table and
 * each chart is built on first use and then shared, so the CSV, the JSON,
 * the charts and the PDF read the very same cells. Adding a report, a
 * chart or a format is adding a file and a line in backend.c
 * (doc/architecture.md).
 */
#ifndef ISMC_BACKEND_H
#define ISMC_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_arena;
struct ismc_buf;
struct ismc_chart_opts;
struct ismc_coverage;
struct ismc_diag;
struct ismc_dl;
struct ismc_ir;
struct ismc_ir_framework;
struct ismc_outdir;
struct ismc_progress;
struct ismc_outputs;
struct ismc_report;
struct ismc_text_metrics;

/* For which frameworks a report is made. */
enum ismc_report_scope {
	ISMC_SCOPE_BUILD,	/* once: "risks" */
	ISMC_SCOPE_FRAMEWORK,	/* per framework: "gap-dora" */
	ISMC_SCOPE_CONTROLS,	/* per control catalog: "soa-iso27001-2022" */
};

struct ismc_report_def {
	const char	*name;		/* file stem, or its prefix per
					 * framework ("gap" -> gap-dora) */
	enum ismc_report_scope scope;
	/*
	 * A table only the documents and the charts read (the cover facts,
	 * the heatmap's grid): never written as a file of its own, so no
	 * serialisation, schema or golden carries it.
	 */
	bool		 internal;
	/*
	 * The table, arena-owned; NULL when the report does not apply (no
	 * gap analysis ran, the framework is not assessed): `build` for
	 * ISMC_SCOPE_BUILD, `build_fw` for the other scopes.
	 */
	struct ismc_report *(*build)(const struct ismc_ir *,
		    struct ismc_arena *);
	struct ismc_report *(*build_fw)(const struct ismc_ir *,
		    const struct ismc_ir_framework *, struct ismc_arena *);
};

struct ismc_chart_def {
	const char	*name;		/* file stem: "heatmap-risk" */
	/* A display list in the outputs' arena, at the options' width. */
	struct ismc_dl	*(*layout)(struct ismc_outputs *,
		    const struct ismc_chart_opts *);
};

enum ismc_render_scope {
	ISMC_RENDER_REPORT,	/* one file per report: soa-x.csv */
	ISMC_RENDER_CHART,	/* one file per chart: kpi.png */
	ISMC_RENDER_DOCUMENT,	/* one file per build: report.pdf */
};

/* How the renderers write, as the command line says. */
struct ismc_render_opts {
	bool		 csv_bom;	/* --csv-bom: CSV files start with a
					 * UTF-8 byte order mark */
	struct ismc_progress *progress;	/* each file is a stage; or NULL */
};

/* What one call of a renderer turns into a file. */
struct ismc_render_job {
	struct ismc_outputs	 *outputs;	/* everything the build made */
	const struct ismc_render_opts *opts;	/* never NULL */
	const struct ismc_report *report;	/* ISMC_RENDER_REPORT */
	const struct ismc_dl	 *chart;	/* ISMC_RENDER_CHART */
};

struct ismc_renderer {
	const char	*format;	/* --format name: "csv" */
	const char	*ext;		/* file name extension: "csv" */
	enum ismc_render_scope scope;
	const char	*stem;		/* ISMC_RENDER_DOCUMENT: "report" */
	bool		 on_request;	/* only when --format names it */
	/*
	 * ISMC_RENDER_DOCUMENT: whether the build has anything to write in
	 * this format (NULL: always). A document that would be empty, such
	 * as an OSCAL mapping collection without a map, is then not made.
	 */
	bool		(*applies)(struct ismc_outputs *);
	/*
	 * Appends one whole file to `out`. Returns NULL, or why the file
	 * could not be made (a static string such as cairo's status text),
	 * in which case `out` holds nothing useful.
	 */
	const char	*(*render)(const struct ismc_render_job *,
		    struct ismc_buf *out);
	/* Instead of render: a serialiser of one table that cannot fail
	 * (emit.h). */
	void		(*table)(const struct ismc_report *, struct ismc_buf *);
};

/* ---- the outputs of one build ------------------------------------------ */

/* Everything is built lazily in `a`; the outputs borrow the IR. */
struct ismc_outputs *ismc_outputs_new(const struct ismc_ir *,
	    struct ismc_arena *a);
void	ismc_outputs_free(struct ismc_outputs *);
/* For builders and exporters; renderers read the tables instead. */
const struct ismc_ir *ismc_outputs_ir(const struct ismc_outputs *);
struct ismc_arena *ismc_outputs_arena(const struct ismc_outputs *);
/* Where renderers report (-Wlong-text); NULL when nobody listens. */
struct ismc_diag *ismc_outputs_diag(const struct ismc_outputs *);
/*
 * The table `def` makes for framework `fw` (NULL for ISMC_SCOPE_BUILD),
 * built on the first call; NULL when it does not apply.
 */
const struct ismc_report *ismc_outputs_report(struct ismc_outputs *,
	    const struct ismc_report_def *, const struct ismc_ir_framework *);
/*
 * The table `def` (ISMC_SCOPE_FRAMEWORK or _CONTROLS) makes for the
 * framework of row `fw` of the frameworks table (report-isms.h): how a
 * renderer, which never sees the IR, asks for a framework's reports.
 * NULL when the report does not apply.
 */
const struct ismc_report *ismc_outputs_fw_report(struct ismc_outputs *,
	    const struct ismc_report_def *, size_t fw);
/*
 * Calls `fn` with every report of the build that applies (internal ones
 * excepted), in registry
 * order (the order of the files), with its file stem ("risks",
 * "gap-dora"). Stops and returns false when `fn` does.
 */
typedef bool ismc_report_visitor(void *ctx, const char *stem,
	    const struct ismc_report *);
bool	ismc_outputs_each_report(struct ismc_outputs *, ismc_report_visitor *,
	    void *ctx);
/* Coverage per framework and group, as the charts and the PDF show it:
 * from the gap analysis (no rows when none ran), and counted from each
 * framework's SoA. */
const struct ismc_coverage *ismc_outputs_coverage(struct ismc_outputs *);
const struct ismc_coverage *ismc_outputs_soa_coverage(struct ismc_outputs *);
/* Text metrics for chart layouts: pango's, made once; NULL when pango
 * has no context (layouts then use their estimate). */
const struct ismc_text_metrics *ismc_outputs_metrics(struct ismc_outputs *);
/* The chart at the stand-alone width (ISMC_CHART_WIDTH), laid out once
 * with those metrics. */
const struct ismc_dl *ismc_outputs_chart(struct ismc_outputs *,
	    const struct ismc_chart_def *);

/*
 * The moment a build's documents give as theirs, in seconds since the
 * epoch: SOURCE_DATE_EPOCH when it is set to a decimal number of seconds,
 * else the spec's `isms` date at 00:00:00 UTC, else 0. Never the clock,
 * so a build's bytes do not depend on when it ran.
 */
int64_t	ismc_outputs_epoch(const struct ismc_outputs *);
/* That moment as an RFC 3339 date-time in UTC, "2026-03-31T00:00:00Z",
 * for documents that carry one (the PDF's, the OSCAL export's). */
void	ismc_outputs_datetime(const struct ismc_outputs *, char *buf,
	    size_t size);

/* ---- running the registry ---------------------------------------------- */

/*
 * Receives one output: its file name and bytes, both valid only for the
 * call. Returns false, having reported why, to stop the build.
 */
typedef bool ismc_backend_sink(void *ctx, const char *name,
	    const struct ismc_buf *);

/*
 * Writes every output of `ir` in the formats named (by --format name;
 * nformats 0: every format not marked on_request) to `put`, rendered as
 * `opts` says (NULL: the defaults), in registry
 * order: each report in each report format, each chart in each chart
 * format, then each document. A file a renderer cannot make is reported
 * through `d`. Returns false at the first failure.
 */
bool	ismc_backend_run(const struct ismc_ir *, struct ismc_arena *,
	    struct ismc_diag *d, const struct ismc_render_opts *,
	    const char *const *formats, size_t nformats,
	    ismc_backend_sink *put, void *ctx);
/*
 * The same into an output directory, which the caller then commits (or
 * aborts after false: I/O errors are reported through the outdir).
 */
bool	ismc_backend_run_dir(const struct ismc_ir *, struct ismc_arena *,
	    struct ismc_diag *d, const struct ismc_render_opts *,
	    const char *const *formats, size_t nformats,
	    struct ismc_outdir *);
/* Whether `name` is a --format of some renderer. */
bool	ismc_backend_format_known(const char *name);
/* The --format names, comma-separated, in registry order (static). */
const char *ismc_backend_format_list(void);

#endif
