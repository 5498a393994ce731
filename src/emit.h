/*
 * emit.h - serialisers from a report table to bytes.
 *
 * Each serialiser appends one whole file to a buffer and cannot fail
 * (memory exhaustion exits); writing the buffer out is outdir.h's job. Output
 * depends only on the report, byte for byte.
 */
#ifndef ISMC_EMIT_H
#define ISMC_EMIT_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_arena;
struct ismc_buf;
struct ismc_diag;
struct ismc_ir;
struct ismc_outdir;
struct ismc_report;

/*
 * Builds every registered report (report.c) and stages each in every
 * format into `od`: soa-<catalog id>.{csv,md,json} per framework and
 * risks.{csv,md,json}. Reports are allocated in `a`. Returns false after
 * reporting through the outdir's engine when an output could not be
 * staged; the caller then aborts `od`, and otherwise commits it.
 */
bool	ismc_emit_reports(const struct ismc_ir *, struct ismc_arena *a,
	    struct ismc_outdir *od, struct ismc_diag *);
/*
 * The same, limited to the formats named by extension ("csv", "md",
 * "json", "png", "svg", "pdf"); nformats 0 selects all. Besides the
 * tables this writes the charts (heatmap-risk, heatmap-coverage, kpi as
 * png and svg) and the auditor's report.pdf; a chart cairo cannot render
 * is reported through `d`.
 */
bool	ismc_emit_formats(const struct ismc_ir *, struct ismc_arena *a,
	    struct ismc_outdir *od, struct ismc_diag *,
	    const char *const *formats, size_t nformats);
/*
 * Receives one output: its file name and bytes, both valid only for the
 * call. Returns false, having reported why, to stop the build.
 */
typedef bool ismc_emit_sink(void *ctx, const char *name,
	    const struct ismc_buf *);
/*
 * ismc_emit_reports, with every output handed to `put` instead of an
 * outdir: for an in-memory build (the fuzzers, tests).
 */
bool	ismc_emit_reports_to(const struct ismc_ir *, struct ismc_arena *a,
	    struct ismc_diag *, ismc_emit_sink *put, void *ctx);
/* Whether `ext` names an output format of ismc_emit_formats. */
bool	ismc_emit_format_known(const char *ext);

/* RFC 4180: CRLF line ends, a header row of column titles, then one
 * record per row. The table only: no metadata, no summary. */
void	ismc_emit_csv(const struct ismc_report *, struct ismc_buf *);
/* Title heading, metadata list, GFM table, summary list. */
void	ismc_emit_md(const struct ismc_report *, struct ismc_buf *);
/* Appends len bytes of s as literal inline GFM text (escaped). */
void	ismc_emit_md_text(struct ismc_buf *, const char *s, size_t len);
/* One JSON object, 2-space indentation, members in a fixed order. */
void	ismc_emit_json(const struct ismc_report *, struct ismc_buf *);

#endif
