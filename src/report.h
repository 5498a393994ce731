/*
 * report.h - the report table: what every report builder produces and
 * every renderer reads.
 *
 * A report is one table with metadata and a summary: columns, rows of
 * typed cells, key/label/value fields. Builders (report-*.c, one per
 * report, each with a header exporting its column enum) fill it from the
 * finished IR and the analyses; renderers (backend.h) only serialise or
 * typeset it, so CSV, Markdown, JSON, the PDF and the charts always agree
 * on content and order. Cells are read by column index through the
 * builder's enum, never by name. Everything is arena-owned.
 */
#ifndef ISMC_REPORT_H
#define ISMC_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct ismc_arena;
struct ismc_buf;
struct ismc_date;
struct ismc_ir;
struct ismc_ir_control;
struct ismc_req;

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
			int	 prec;	/* at most these digits after
					 * the point, or ISMC_PREC_EXACT */
		} dec;				/* DECIMAL */
		bool		 b;		/* BOOL */
		struct {
			const char *const *items; /* borrowed, none NULL */
			size_t	 n;
		} list;				/* LIST */
	} u;
};

/*
 * Cell constructors. A NULL string and a non-finite decimal give a null
 * cell, so builders need not test optional IR fields first. A decimal is
 * spelled with at most `prec` digits after the point, its trailing zeros
 * dropped but one digit kept ("74.3", "3.5", "100.0"), or as the spec
 * wrote it with ISMC_PREC_EXACT ("99.94", "3.0"): either way a JSON
 * reader gets back a number that it writes the same way.
 */
#define ISMC_PREC_EXACT	(-1)
struct ismc_cell ismc_cell_null(void);
struct ismc_cell ismc_cell_str(const char *);
struct ismc_cell ismc_cell_int(int64_t);
struct ismc_cell ismc_cell_dec(double, int prec);
struct ismc_cell ismc_cell_bool(bool);
struct ismc_cell ismc_cell_list(const char *const *, size_t);

/*
 * What a serialiser does with each kind of cell. ismc_cell_visit holds the
 * one switch over cell kinds; integers and decimals reach `number` already
 * spelled ("12", "73.5", never "-0.0"), so every format writes the same
 * digits.
 */
struct ismc_cell_ops {
	void	(*null)(void *ctx);
	void	(*string)(void *ctx, const char *);
	void	(*number)(void *ctx, const char *digits);
	void	(*boolean)(void *ctx, bool);
	void	(*list)(void *ctx, const char *const *items, size_t n);
};

void	ismc_cell_visit(const struct ismc_cell *, const struct ismc_cell_ops *,
	    void *ctx);
/*
 * Appends the plain-text form of a cell to `out`: nothing for null,
 * "yes"/"no" for booleans, list items joined by `list_sep`. Formats that
 * have no native types (CSV, Markdown, the PDF) escape the result
 * themselves.
 */
void	ismc_cell_format(const struct ismc_cell *, const char *list_sep,
	    struct ismc_buf *out);
/* The string of a STRING cell; NULL for any other cell. */
const char *ismc_cell_string(const struct ismc_cell *);
/* Whether two cells are of one kind and hold the same value. */
bool	ismc_cell_equal(const struct ismc_cell *, const struct ismc_cell *);
/* The same as an arena-owned string. */
const char *ismc_cell_text(struct ismc_arena *, const struct ismc_cell *,
	    const char *list_sep);
/* Appends a decimal as a decimal cell spells it, never as "-0.0". */
void	ismc_format_decimal(struct ismc_buf *, double, int prec);

struct ismc_report_column {
	const char		*id;		/* JSON member name */
	const char		*title;		/* header text; NULL: an internal
						 * column, for documents and
						 * charts, that no serialisation
						 * shows */
};

/* A key and label of a metadata or summary entry, in a builder's table. */
struct ismc_report_key {
	const char		*key;		/* JSON member name */
	const char		*label;		/* text for people */
};

/* One metadata or summary entry. */
struct ismc_report_field {
	const char		*key;
	const char		*label;
	struct ismc_cell	 value;
};

#define ISMC_REPORT_MAXCOLS	64	/* columns of one report */

struct ismc_report {
	struct ismc_arena	*arena;		/* owns the rest */
	const char		*id;		/* "soa", "risks" */
	const char		*title;
	const struct ismc_report_column *columns; /* borrowed, usually static */
	size_t			 ncolumns;
	uint64_t		 omitted;	/* bit j: column j is not
						 * serialised (internal, or
						 * empty and optional) */
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
 * do). At most ISMC_REPORT_MAXCOLS columns.
 */
struct ismc_report *ismc_report_new(struct ismc_arena *, const char *id,
	    const char *title, const struct ismc_report_column *, size_t ncols);
/* Appends a row of ncolumns null cells; the caller fills it by column
 * index. Amortised O(1). */
struct ismc_cell *ismc_report_add_row(struct ismc_report *);
/*
 * Leaves column `col` out of every serialisation when every row leaves it
 * null (an optional column such as licensed texts, present only when
 * there is something to show). Call after the last row. The column keeps
 * its index, so the builder's enum stays valid.
 */
void	ismc_report_omit_empty_column(struct ismc_report *, size_t col);
/* Whether serialisations show column `col`. */
bool	ismc_report_shown(const struct ismc_report *, size_t col);
/* Room for n string pointers of a list cell (NULL for none). */
const char **ismc_report_strv(struct ismc_arena *, size_t n);
/* Appends a metadata or summary entry (key and label borrowed). */
void	ismc_report_add_meta(struct ismc_report *, const char *key,
	    const char *label, struct ismc_cell);
void	ismc_report_add_summary(struct ismc_report *, const char *key,
	    const char *label, struct ismc_cell);
/*
 * Appends summary entry `index` of a builder's key table. Entries must
 * come in the order of the table (asserted), so that the builder's
 * summary enum indexes r->summary for documents.
 */
void	ismc_report_add_summary_at(struct ismc_report *,
	    const struct ismc_report_key *keys, size_t index, struct ismc_cell);
/*
 * A requirement as reports name it: "A.5.7", or "iso27001-2022:A.5.7"
 * when the spec uses several frameworks and a bare id could be anyone's.
 * Arena-owned.
 */
const char *ismc_report_req_id(struct ismc_arena *, const struct ismc_ir *,
	    const struct ismc_req *);
/* A list cell of the controls' requirement ids, as ismc_report_req_id
 * spells them. */
struct ismc_cell ismc_report_controls_cell(struct ismc_arena *,
	    const struct ismc_ir *, const struct ismc_ir_control *const *,
	    size_t n);
/* A control's status as reports spell it: "excluded" for an excluded
 * one, else its implementation status ("implemented", "planned"). */
const char *ismc_report_control_status(const struct ismc_ir_control *);
/* A date cell, "YYYY-MM-DD"; null for a NULL date. */
struct ismc_cell ismc_cell_date(struct ismc_arena *,
	    const struct ismc_date *);
/* Adds the spec's organisation, version and date. */
void	ismc_report_add_spec_meta(struct ismc_report *,
	    const struct ismc_ir *);
/* How a status cell reads, so documents can colour it. */
enum ismc_tone {
	ISMC_TONE_NONE,		/* not a status */
	ISMC_TONE_GOOD,		/* full, implemented, met, closed, done */
	ISMC_TONE_PART,		/* partial, planned, in progress, undecided */
	ISMC_TONE_BAD,		/* gap, not implemented, open, overdue, above */
	ISMC_TONE_OFF,		/* excluded, not applicable */
	ISMC_NTONES
};
/* The tone of a cell of the column with id `col` (doc/outputs.md,
 * section 12); ISMC_TONE_NONE for a column that holds no status. */
enum ismc_tone ismc_cell_tone(const char *col, const struct ismc_cell *);
/* Adds the generator; builders call it last so it closes the metadata. */
void	ismc_report_add_generator(struct ismc_report *);

#endif
