/*
 * report.h - reports as typed tables, built once and serialised by every
 * output format.
 *
 * A report builder (report-soa.c, report-risks.c) reads the IR and fills a
 * struct ismc_report: metadata, columns, rows of typed cells and a summary.
 * The emitters (emit.h) only serialise that table, so CSV, Markdown and
 * JSON always agree on content and order. Everything is arena-owned.
 */
#ifndef ISMC_REPORT_H
#define ISMC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_arena;
struct ismc_buf;
struct ismc_ir;
struct ismc_ir_framework;

enum ismc_cell_kind {
	ISMC_CELL_NULL,		/* zero: a fresh row is all nulls */
	ISMC_CELL_STRING,
	ISMC_CELL_INT,
	ISMC_CELL_DECIMAL,
	ISMC_CELL_BOOL,
	ISMC_CELL_LIST,		/* of strings */
};

struct ismc_cell {
	enum ismc_cell_kind	 kind;
	union {
		const char	*s;		/* STRING, never NULL */
		int64_t		 i;		/* INT */
		struct {
			double	 value;		/* finite */
			int	 prec;	/* digits after the point */
		} dec;				/* DECIMAL */
		bool		 b;		/* BOOL */
		struct {
			const char *const *items; /* borrowed, none NULL */
			size_t	 n;
		} list;				/* LIST */
	} u;
};

/* Cell constructors. A NULL string and a non-finite decimal give a null
 * cell, so builders need not test optional IR fields first. */
struct ismc_cell ismc_cell_null(void);
struct ismc_cell ismc_cell_str(const char *);
struct ismc_cell ismc_cell_int(int64_t);
struct ismc_cell ismc_cell_dec(double, int prec);
struct ismc_cell ismc_cell_bool(bool);
struct ismc_cell ismc_cell_list(const char *const *, size_t);

struct ismc_report_column {
	const char		*id;		/* JSON member name */
	const char		*title;		/* header text */
};

/* One metadata or summary entry. */
struct ismc_report_field {
	const char		*key;		/* JSON member name */
	const char		*label;		/* text for people */
	struct ismc_cell	 value;
};

struct ismc_report {
	struct ismc_arena	*arena;		/* owns the rest */
	const char		*id;		/* "soa", "risks" */
	const char		*title;
	const struct ismc_report_column *columns; /* borrowed, usually static */
	size_t			 ncolumns;
	struct ismc_report_field *meta;
	size_t			 nmeta, meta_cap;
	struct ismc_cell	**rows;		/* each ncolumns cells */
	size_t			 nrows, rows_cap;
	struct ismc_report_field *summary;
	size_t			 nsummary, summary_cap;
};

/*
 * A new, empty report in `arena`. id, title and the column table are
 * borrowed and must outlive the report (string literals and static tables
 * do).
 */
struct ismc_report *ismc_report_new(struct ismc_arena *, const char *id,
	    const char *title, const struct ismc_report_column *, size_t ncols);
/* Appends a row of ncolumns null cells; the caller fills it by column
 * index. Amortised O(1). */
struct ismc_cell *ismc_report_add_row(struct ismc_report *);
/*
 * Removes column `col` when every row leaves it null (an optional column
 * such as licensed texts, present only when there is something to show).
 * Call after the last row; the column table becomes an arena copy.
 */
void	ismc_report_drop_empty_column(struct ismc_report *, size_t col);
/* Room for n string pointers of a list cell (NULL for none). */
const char **ismc_report_strv(struct ismc_arena *, size_t n);
/* Appends a metadata or summary entry (key and label borrowed). */
void	ismc_report_add_meta(struct ismc_report *, const char *key,
	    const char *label, struct ismc_cell);
void	ismc_report_add_summary(struct ismc_report *, const char *key,
	    const char *label, struct ismc_cell);
/* Adds the spec's organisation, version and date. */
void	ismc_report_add_spec_meta(struct ismc_report *,
	    const struct ismc_ir *);
/* Adds the generator; builders call it last so it closes the metadata. */
void	ismc_report_add_generator(struct ismc_report *);

/*
 * Appends the plain-text form of a cell to `out`: nothing for null,
 * "yes"/"no" for booleans, list items joined by `list_sep`. Emitters that
 * have no native types (CSV, Markdown) escape the result themselves.
 */
void	ismc_cell_format(const struct ismc_cell *, const char *list_sep,
	    struct ismc_buf *out);
/* Appends a decimal with prec digits, never as "-0.0". */
void	ismc_format_decimal(struct ismc_buf *, double, int prec);

/* The report builders (arena-owned results). */
struct ismc_report *ismc_report_soa(const struct ismc_ir *,
	    const struct ismc_ir_framework *, struct ismc_arena *);
struct ismc_report *ismc_report_risks(const struct ismc_ir *,
	    struct ismc_arena *);
struct ismc_report *ismc_report_kpis(const struct ismc_ir *,
	    struct ismc_arena *);
struct ismc_report *ismc_report_findings(const struct ismc_ir *,
	    struct ismc_arena *);
struct ismc_report *ismc_report_review(const struct ismc_ir *,
	    struct ismc_arena *);
/* Management review rows for coverage per framework, when analysed. */
void	ismc_review_add_coverage(struct ismc_report *,
	    const struct ismc_ir *, struct ismc_arena *);

/* Derived counts shared by the review, the PDF and the charts. */
size_t	ismc_kpis_met(const struct ismc_ir *);
/* Findings still open and closed (improvements and observations need no
 * action to close), and counts by enum ismc_finding_kind. */
void	ismc_findings_count(const struct ismc_ir *, size_t *open,
	    size_t *closed, size_t by_kind[4]);

#endif
