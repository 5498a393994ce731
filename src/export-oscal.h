/*
 * export-oscal.h - the spec's own mappings and the ones ismc inferred, as
 * one OSCAL 1.2 mapping collection (doc/outputs.md, "oscal-mappings.json").
 *
 * A backend: it reads the finished IR and the gap analysis, never a
 * syntax tree. Every UUID is a version-5 UUID of a stable key (the
 * frameworks, sources, relationship and target of a map), so the same
 * spec gives the same bytes, and a map keeps its UUID from one revision
 * of the spec to the next.
 */
#ifndef ISMC_EXPORT_OSCAL_H
#define ISMC_EXPORT_OSCAL_H

#include <stdbool.h>
#include <stdint.h>

struct ismc_buf;
struct ismc_ir;

/* Whether `ir` has anything to export: a `map` row of the spec's, or a
 * mapping inferred by the gap analysis. */
bool	ismc_export_oscal_applies(const struct ismc_ir *);

/*
 * Appends the collection as JSON to `out`. `modified` is the document's
 * date-time, "2026-03-31T00:00:00Z": the spec's date, so that the file is
 * reproducible.
 */
void	ismc_export_oscal(const struct ismc_ir *, const char *modified,
	    struct ismc_buf *out);

/* The version-5 UUID (RFC 9562) of `name` in ismc's namespace for OSCAL
 * mappings, as 36 characters and a NUL in buf. */
void	ismc_export_uuid(const char *name, char buf[37]);

#endif
