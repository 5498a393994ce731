/*
 * emit.h - serialisers from a report table to bytes: CSV, Markdown, JSON.
 *
 * Each appends one whole file to a buffer and cannot fail (memory
 * exhaustion exits); writing the buffer out is outdir.h's job. Output
 * depends only on the report, byte for byte, and leaves out the columns
 * the report omits (ismc_report_shown). Each file also exports its row
 * of the renderer registry (backend.h).
 */
#ifndef ISMC_EMIT_H
#define ISMC_EMIT_H

#include <stdbool.h>
#include <stddef.h>

struct ismc_buf;
struct ismc_report;

/* RFC 4180: CRLF line ends, a header row of column titles, then one
 * record per row. The table only: no metadata, no summary. Text a
 * spreadsheet would take for a formula is neutralised (emit-csv.c). */
void	ismc_emit_csv(const struct ismc_report *, struct ismc_buf *);
/* Whether a spreadsheet would evaluate len bytes of text as a formula:
 * they start with '=', '+', '-', '@', a tab or a CR, and are not a plain
 * number or a lone "-". */
bool	ismc_csv_formula_like(const char *s, size_t len);
/* Title heading, metadata list, GFM table, summary list. */
void	ismc_emit_md(const struct ismc_report *, struct ismc_buf *);
/* Appends len bytes of s as literal inline GFM text (escaped). */
void	ismc_emit_md_text(struct ismc_buf *, const char *s, size_t len);
/* The version in each JSON report's "format" member, "ismc-<report>/1"
 * (doc/outputs.md, section 3; schemas/<report>.schema.json). */
#define ISMC_JSON_FORMAT_VERSION	1
/* One JSON object, 2-space indentation, members in a fixed order. */
void	ismc_emit_json(const struct ismc_report *, struct ismc_buf *);

#endif
