/*
 * emit-html.c - the auditor's report as one static HTML page, report.html.
 *
 * The sections of the PDF (pdf-report.c), in its order, from the same
 * finished tables, plus the traceability matrix: a reader needs no
 * JavaScript and no other file, since the style sheet is inline and the
 * charts are inline SVG drawn by the painter of the PNG and SVG files.
 *
 * Links. Every row that something can point at has an id: a SoA row
 * (soa-<catalog>-<id>), a requirement of a gap report (req-<catalog>-
 * <id>), the first traceability row of a requirement (trace-<catalog>-
 * <id>), a risk, a KPI, a finding. The ids are collected before anything
 * is written, and a reference becomes a link only when its target
 * exists, so every href="#..." of the page resolves (tests/html.sh checks
 * it in Chromium). Each gap links to its requirement, its controls and
 * its mappings.
 *
 * Text. Everything from the input is escaped, control characters that
 * HTML forbids become U+FFFD, and every string is isolated in <bdi>, so a
 * bidi override in a title reverses nothing outside it.
 */
#include <config.h>

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cairo.h>
#include <glib.h>

#include "arena.h"
#include "backend.h"
#include "buf.h"
#include "chart-coverage.h"
#include "chart-kpi.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "chart-risk.h"
#include "chart-timeline.h"
#include "chart-surface.h"
#include "coverage.h"
#include "report-coverage.h"
#include "report-findings.h"
#include "report-gap.h"
#include "report-inputs.h"
#include "report-isms.h"
#include "report-kpis.h"
#include "report-remediation.h"
#include "report-review.h"
#include "report-risks.h"
#include "report-roadmap.h"
#include "report-soa.h"
#include "report-trace.h"
#include "report.h"

struct html {
	struct ismc_outputs	*out;
	const struct ismc_report *isms;		/* cover facts, scope */
	const struct ismc_report *fws;		/* frameworks in use */
	struct ismc_arena	*a;
	struct ismc_buf		*b;
	GHashTable		*anchors;	/* ids the page will have */
	GHashTable		*placed;	/* ids written so far */
	unsigned		 ncharts;	/* for unique SVG ids */
	const char		*why;		/* first failure */
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- text -------------------------------------------------------------- */

/* Appends s escaped for text and attribute values. */
static void
esc(struct html *h, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		switch (*p) {
		case '&':
			ismc_buf_adds(h->b, "&amp;");
			break;
		case '<':
			ismc_buf_adds(h->b, "&lt;");
			break;
		case '>':
			ismc_buf_adds(h->b, "&gt;");
			break;
		case '"':
			ismc_buf_adds(h->b, "&quot;");
			break;
		case '\'':
			ismc_buf_adds(h->b, "&#39;");
			break;
		default:
			/* HTML forbids C0 controls but tab, LF, FF, CR. */
			if (*p < 0x20 && *p != '\t' && *p != '\n' &&
			    *p != '\r')
				ismc_buf_adds(h->b, "\xEF\xBF\xBD");
			else
				ismc_buf_addc(h->b, *p);
		}
	}
}

/* Input text: escaped and bidi-isolated. */
static void
text(struct html *h, const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	ismc_buf_adds(h->b, "<bdi>");
	esc(h, s);
	ismc_buf_adds(h->b, "</bdi>");
}

static void
out(struct html *h, const char *s)
{
	ismc_buf_adds(h->b, s);
}

/* <tag>text</tag> with input text. */
static void
element(struct html *h, const char *tag, const char *s)
{
	ismc_buf_printf(h->b, "<%s>", tag);
	text(h, s);
	ismc_buf_printf(h->b, "</%s>\n", tag);
}

/* ---- anchors ----------------------------------------------------------- */

/*
 * "kind-catalog-id" with every byte outside [A-Za-z0-9.-] as _HH, so an id
 * is one token that a URL fragment carries unchanged and two different
 * references never meet.
 */
static const char *
anchor(struct html *h, const char *kind, const char *cat, const char *id)
{
	struct ismc_buf b;
	const unsigned char *p;
	const char *parts[2] = { cat, id }, *s;
	size_t i;

	ismc_buf_init(&b);
	ismc_buf_adds(&b, kind);
	for (i = 0; i < 2; i++) {
		if (parts[i] == NULL)
			continue;
		ismc_buf_addc(&b, '-');
		for (p = (const unsigned char *)parts[i]; *p != '\0'; p++) {
			if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' &&
			    *p <= 'Z') || (*p >= '0' && *p <= '9') ||
			    *p == '.' || *p == '-')
				ismc_buf_addc(&b, *p);
			else
				ismc_buf_printf(&b, "_%02X", *p);
		}
	}
	s = ismc_arena_strdup(h->a, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static bool
has(struct html *h, const char *id)
{
	return id != NULL && g_hash_table_contains(h->anchors, id);
}

static void
add(struct html *h, const char *id)
{
	g_hash_table_add(h->anchors, (gpointer)id);
}

/* A link to `id` around input text, or the text alone when the page has
 * no such id. */
static void
link_to(struct html *h, const char *id, const char *label)
{
	if (!has(h, id)) {
		text(h, label);
		return;
	}
	ismc_buf_adds(h->b, "<a href=\"#");
	esc(h, id);
	ismc_buf_adds(h->b, "\">");
	text(h, label);
	ismc_buf_adds(h->b, "</a>");
}

/* The value of a report's metadata entry `key`, or NULL. */
static const char *
meta(const struct ismc_report *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nmeta; i++)
		if (strcmp(r->meta[i].key, key) == 0 &&
		    r->meta[i].value.kind == ISMC_CELL_STRING)
			return r->meta[i].value.u.s;
	return NULL;
}

/* A string cell, or NULL. */
static const char *
str(const struct ismc_cell *c)
{
	return c->kind == ISMC_CELL_STRING ? c->u.s : NULL;
}

/*
 * The id rows of report r take, and for the traceability matrix only the
 * first row of each requirement; NULL for a row nothing points at.
 */
static const char *
row_anchor(struct html *h, const struct ismc_report *r, size_t i)
{
	const struct ismc_cell *row = r->rows[i];
	const char *cat = meta(r, "framework");

	if (strcmp(r->id, "soa") == 0)
		return anchor(h, "soa", cat, str(&row[ISMC_SOA_ID]));
	if (strcmp(r->id, "gap") == 0)
		return anchor(h, "req", cat, str(&row[ISMC_GAPREP_ID]));
	if (strcmp(r->id, "risks") == 0)
		return anchor(h, "risk", NULL, str(&row[ISMC_RISKS_ID]));
	if (strcmp(r->id, "kpis") == 0)
		return anchor(h, "kpi", NULL, str(&row[ISMC_KPIS_ID]));
	if (strcmp(r->id, "findings") == 0)
		return anchor(h, "finding", NULL, str(&row[ISMC_FINDINGS_ID]));
	if (strcmp(r->id, "traceability") != 0 ||
	    row[ISMC_TRACE_FRAMEWORK].kind != ISMC_CELL_STRING ||
	    row[ISMC_TRACE_REQUIREMENT].kind != ISMC_CELL_STRING)
		return NULL;
	/* Several rows name one requirement: report_table() gives the id
	 * to the first. */
	return anchor(h, "trace", row[ISMC_TRACE_FRAMEWORK].u.s,
	    row[ISMC_TRACE_REQUIREMENT].u.s);
}

static bool
collect(void *ctx, const char *stem, const struct ismc_report *r)
{
	struct html *h = ctx;
	const char *id;
	size_t i, j;

	(void)stem;
	for (i = 0; i < r->nrows; i++) {
		if ((id = row_anchor(h, r, i)) != NULL)
			add(h, id);
		if (strcmp(r->id, "inputs") == 0)
			for (j = 0; j < r->rows[i][ISMC_INPUTS_IDS].u.list.n;
			    j++)
				add(h, anchor(h, "input", NULL,
				    r->rows[i][ISMC_INPUTS_IDS].u.list.items[j]));
	}
	return true;
}

/* ---- cells ------------------------------------------------------------- */

/*
 * A reference to a control or requirement as reports spell it,
 * "iso27001-2022:A.5.1" or a bare "A.5.1", linked to its SoA row, else to
 * its gap row.
 */
static const char *
ref_target(struct html *h, const char *ref)
{
	const char *colon = strchr(ref, ':'), *id;
	const char *cat;
	size_t i;

	if (colon != NULL) {
		cat = ismc_arena_strndup(h->a, ref, (size_t)(colon - ref));
		if (has(h, id = anchor(h, "soa", cat, colon + 1)))
			return id;
		return anchor(h, "req", cat, colon + 1);
	}
	for (i = 0; i < h->fws->nrows; i++) {
		cat = h->fws->rows[i][ISMC_FRAMEWORKS_ID].u.s;
		if (has(h, id = anchor(h, "soa", cat, ref)))
			return id;
	}
	return NULL;
}

/* "ref rest": the reference linked, the rest (" (implemented)") as text. */
static void
ref_item(struct html *h, const char *item)
{
	const char *sp = strchr(item, ' ');
	const char *ref = sp != NULL ? ismc_arena_strndup(h->a, item,
	    (size_t)(sp - item)) : item;

	link_to(h, ref_target(h, ref), ref);
	if (sp != NULL)
		text(h, sp);
}

/* "a + b": each member of a covering set linked. */
static void
set_item(struct html *h, const char *item)
{
	const char *plus;

	while ((plus = strstr(item, " + ")) != NULL) {
		ref_item(h, ismc_arena_strndup(h->a, item,
		    (size_t)(plus - item)));
		out(h, " + ");
		item = plus + 3;
	}
	ref_item(h, item);
}

/* "iso27001-2022--dora, read backwards": the mapping set linked to the
 * file it came from, in the inputs. */
static void
provenance(struct html *h, const char *s)
{
	size_t n = strcspn(s, ", ");
	const char *set = ismc_arena_strndup(h->a, s, n);

	link_to(h, anchor(h, "input", NULL, set), set);
	text(h, s + n);
}

/* A catalog or mapping-set id in the inputs: where links to it land. */
static void
input_id(struct html *h, const char *s)
{
	const char *id = anchor(h, "input", NULL, s);

	if (g_hash_table_contains(h->placed, id)) {
		text(h, s);
		return;
	}
	g_hash_table_add(h->placed, (gpointer)id);
	out(h, "<span id=\"");
	esc(h, id);
	out(h, "\">");
	text(h, s);
	out(h, "</span>");
}

/* One item of a cell of column `col` in report r's row. */
static void
item(struct html *h, const struct ismc_report *r,
    const struct ismc_cell *row, const char *col, const char *s)
{
	if (strcmp(col, "controls") == 0 || strcmp(col, "reaching") == 0 ||
	    strcmp(col, "for") == 0 || (strcmp(col, "control") == 0 &&
	    strcmp(r->id, "traceability") != 0))
		ref_item(h, s);
	else if (strcmp(col, "best_control") == 0)
		set_item(h, s);
	else if (strcmp(col, "control") == 0)	/* a control or a measure */
		link_to(h, ref_target(h, s), s);
	else if (strcmp(col, "risks") == 0)
		link_to(h, anchor(h, "risk", NULL, s), s);
	else if (strcmp(col, "provenance") == 0)
		provenance(h, s);
	else if (strcmp(r->id, "inputs") == 0 && strcmp(col, "ids") == 0)
		input_id(h, s);
	else if (strcmp(r->id, "traceability") == 0 &&
	    strcmp(col, "requirement") == 0)
		link_to(h, anchor(h, "req", str(&row[ISMC_TRACE_FRAMEWORK]), s),
		    s);
	else
		text(h, s);
}

static void
cell(struct html *h, const struct ismc_report *r, const struct ismc_cell *row,
    size_t j)
{
	static const char *const tone_class[ISMC_NTONES] = {
		[ISMC_TONE_GOOD] = " class=\"good\"",
		[ISMC_TONE_PART] = " class=\"part\"",
		[ISMC_TONE_BAD] = " class=\"bad\"",
		[ISMC_TONE_OFF] = " class=\"off\"",
	};
	const struct ismc_cell *c = &row[j];
	const char *col = r->columns[j].id, *cls;
	size_t k;

	cls = tone_class[ismc_cell_tone(col, c)];
	ismc_buf_printf(h->b, "<td%s>", cls != NULL ? cls : "");
	switch (c->kind) {
	case ISMC_CELL_STRING:
		item(h, r, row, col, c->u.s);
		break;
	case ISMC_CELL_LIST:
		for (k = 0; k < c->u.list.n; k++) {
			if (k > 0)
				out(h, "<br>");
			item(h, r, row, col, c->u.list.items[k]);
		}
		break;
	default:
		esc(h, ismc_cell_text(h->a, c, ""));
	}
	out(h, "</td>");
}

/* ---- tables ------------------------------------------------------------ */

/*
 * Report r as a table: its shown columns, the rows `keep` takes (NULL:
 * all), each with its anchor. Returns the rows written.
 */
static size_t
report_table(struct html *h, const struct ismc_report *r,
    bool (*keep)(const struct ismc_cell *))
{
	const char *id;
	size_t i, j, n = 0;

	out(h, "<div class=\"scroll\"><table>\n<thead><tr>");
	for (j = 0; j < r->ncolumns; j++)
		if (ismc_report_shown(r, j))
			element(h, "th", r->columns[j].title);
	out(h, "</tr></thead>\n<tbody>\n");
	for (i = 0; i < r->nrows; i++) {
		if (keep != NULL && !keep(r->rows[i]))
			continue;
		/* The first row of an id carries it: a SoA shown again
		 * among the gaps, or a requirement's later traceability
		 * rows, get none. */
		id = row_anchor(h, r, i);
		if (id != NULL && !g_hash_table_contains(h->placed, id)) {
			g_hash_table_add(h->placed, (gpointer)id);
			out(h, "<tr id=\"");
			esc(h, id);
			out(h, "\">");
		} else
			out(h, "<tr>");
		for (j = 0; j < r->ncolumns; j++)
			if (ismc_report_shown(r, j))
				cell(h, r, r->rows[i], j);
		out(h, "</tr>\n");
		n++;
	}
	out(h, "</tbody></table></div>\n");
	return n;
}

/* A report's summary as a definition list. */
static void
summary(struct html *h, const struct ismc_report *r)
{
	size_t i;

	if (r->nsummary == 0)
		return;
	out(h, "<dl class=\"summary\">\n");
	for (i = 0; i < r->nsummary; i++) {
		element(h, "dt", r->summary[i].label);
		element(h, "dd", ismc_cell_text(h->a, &r->summary[i].value,
		    ", "));
	}
	out(h, "</dl>\n");
}

static void
para(struct html *h, const char *cls, const char *s)
{
	ismc_buf_printf(h->b, "<p class=\"%s\">", cls);
	text(h, s);
	out(h, "</p>\n");
}

static void
heading(struct html *h, int level, const char *id, const char *title)
{
	ismc_buf_printf(h->b, "<h%d", level);
	if (id != NULL) {
		out(h, " id=\"");
		esc(h, id);
		out(h, "\"");
	}
	out(h, ">");
	text(h, title);
	ismc_buf_printf(h->b, "</h%d>\n", level);
}

/* ---- charts ------------------------------------------------------------ */

static cairo_status_t
draw(cairo_t *cr, void *dl)
{
	return ismc_chart_paint(cr, dl, true);
}

/*
 * The chart as inline SVG. cairo's ids (glyph1, clip1) are the same in
 * every chart, so each chart's ids and references get a prefix of their
 * own ("c2-glyph1") and one chart's glyphs never draw another's text.
 */
static void
chart(struct html *h, const struct ismc_chart_def *def, const char *label)
{
	const struct ismc_dl *dl = ismc_outputs_chart(h->out, def);
	struct ismc_buf svg;
	const char *s, *end, *p;
	char prefix[24];
	cairo_status_t st;

	ismc_buf_init(&svg);
	st = ismc_surface_render(ISMC_SURFACE_SVG, dl->width, dl->height,
	    NULL, draw, (void *)dl, &svg);
	if (st != CAIRO_STATUS_SUCCESS) {
		if (h->why == NULL)
			h->why = cairo_status_to_string(st);
		ismc_buf_free(&svg);
		return;
	}
	snprintf(prefix, sizeof prefix, "c%u-", ++h->ncharts);
	s = ismc_buf_cstr(&svg);
	end = s + svg.len;
	if ((p = strstr(s, "<svg")) != NULL)	/* no XML declaration */
		s = p;
	ismc_buf_printf(h->b, "<figure><svg role=\"img\" aria-label=\"%s\" "
	    "class=\"chart\"", label);
	s += 4;
	while (s < end) {
		if (strncmp(s, "id=\"", 4) == 0) {
			ismc_buf_printf(h->b, "id=\"%s", prefix);
			s += 4;
		} else if (strncmp(s, "href=\"#", 7) == 0) {
			ismc_buf_printf(h->b, "href=\"#%s", prefix);
			s += 7;
		} else if (strncmp(s, "url(#", 5) == 0) {
			ismc_buf_printf(h->b, "url(#%s", prefix);
			s += 5;
		} else
			ismc_buf_addc(h->b, *s++);
	}
	ismc_buf_printf(h->b, "<figcaption>%s</figcaption></figure>\n",
	    label);
	ismc_buf_free(&svg);
}

/* ---- sections ---------------------------------------------------------- */

static const struct {
	const char	*id;
	const char	*title;
} sections[] = {
	{ "sec-scope", "Scope statement" },
	{ "sec-soa", "Statement of Applicability" },
	{ "sec-risks", "Risk register and treatment plan" },
	{ "sec-heatmaps", "Heatmaps" },
	{ "sec-gap", "Gap analysis per framework" },
	{ "sec-kpis", "Key performance indicators" },
	{ "sec-audits", "Audit findings and corrective actions" },
	{ "sec-roadmap", "Implementation roadmap" },
	{ "sec-review", "Management review summary" },
	{ "sec-inputs", "Inputs" },
	{ "sec-trace", "Traceability matrix" },
};

enum { S_SCOPE, S_SOA, S_RISKS, S_HEAT, S_GAP, S_KPIS, S_AUDITS, S_ROADMAP,
	S_REVIEW, S_INPUTS, S_TRACE };

static void
section(struct html *h, int s)
{
	out(h, "<section>\n");
	heading(h, 2, sections[s].id, sections[s].title);
}

/* A cover fact (report-isms.h) as a string, or NULL. */
static const char *
fact(const struct html *h, enum ismc_isms_sum k)
{
	return str(&h->isms->summary[k].value);
}

static void
field(struct html *h, const char *label, const char *value)
{
	if (value == NULL || *value == '\0')
		return;
	element(h, "dt", label);
	element(h, "dd", value);
}

static void
cover(struct html *h)
{
	const struct ismc_cell *employees =
	    &h->isms->summary[ISMC_ISMS_SUM_EMPLOYEES].value;
	const char *org = fact(h, ISMC_ISMS_SUM_ORGANISATION);
	const char *title = fact(h, ISMC_ISMS_SUM_TITLE);
	const char *version = fact(h, ISMC_ISMS_SUM_VERSION);
	const char *date = fact(h, ISMC_ISMS_SUM_DATE);
	size_t i;

	out(h, "<header>\n<p class=\"kicker\">Auditor's report</p>\n");
	element(h, "h1", org != NULL ? org : "Unnamed organisation");
	para(h, "subtitle", title != NULL ? title :
	    "Information security management system");
	out(h, "<dl class=\"cover\">\n");
	field(h, "Version", version != NULL ? version : "not stated");
	field(h, "Date", date != NULL ? date : "not stated");
	field(h, "Industry", fact(h, ISMC_ISMS_SUM_INDUSTRY));
	if (employees->kind == ISMC_CELL_INT)
		field(h, "Employees", ismc_arena_printf(h->a, "%lld",
		    (long long)employees->u.i));
	out(h, "<dt>Frameworks</dt><dd>");
	for (i = 0; i < h->fws->nrows; i++) {
		if (i > 0)
			out(h, "<br>");
		text(h, h->fws->rows[i][ISMC_FRAMEWORKS_NAME].u.s);
	}
	out(h, "</dd>\n</dl>\n</header>\n");
	out(h, "<nav><h2>Contents</h2>\n<ol>\n");
	for (i = 0; i < NELEM(sections); i++)
		ismc_buf_printf(h->b, "<li><a href=\"#%s\">%s</a></li>\n",
		    sections[i].id, sections[i].title);
	out(h, "</ol>\n</nav>\n<main>\n");
}

/* The scope items of one kind ("in scope") as a list. */
static void
list(struct html *h, const char *title, const char *kind)
{
	const struct ismc_report *r = h->isms;
	size_t i, n = 0;

	heading(h, 3, NULL, title);
	for (i = 0; i < r->nrows; i++) {
		if (strcmp(r->rows[i][ISMC_ISMS_KIND].u.s, kind) != 0)
			continue;
		if (n++ == 0)
			out(h, "<ul>\n");
		element(h, "li", r->rows[i][ISMC_ISMS_TEXT].u.s);
	}
	if (n == 0)
		para(h, "muted", "Nothing listed.");
	else
		out(h, "</ul>\n");
}

static void
scope(struct html *h)
{
	const struct ismc_report *r = h->isms;
	const char *statement = fact(h, ISMC_ISMS_SUM_SCOPE);
	size_t i, n = 0;

	section(h, S_SCOPE);
	para(h, "text", statement != NULL ? statement :
	    "No scope statement recorded.");
	heading(h, 3, NULL, "Locations");
	for (i = 0; i < r->nrows; i++) {
		if (strcmp(r->rows[i][ISMC_ISMS_KIND].u.s, "location") != 0)
			continue;
		if (n++ == 0)
			out(h, "<table>\n<thead><tr><th>Location</th>"
			    "<th>Description</th></tr></thead>\n<tbody>\n");
		out(h, "<tr>");
		element(h, "td", str(&r->rows[i][ISMC_ISMS_ID]));
		element(h, "td", str(&r->rows[i][ISMC_ISMS_TEXT]));
		out(h, "</tr>\n");
	}
	if (n == 0)
		para(h, "muted", "No locations recorded.");
	else
		out(h, "</tbody></table>\n");
	list(h, "In scope", "in scope");
	list(h, "Out of scope", "out of scope");
	out(h, "</section>\n");
}

/* Whether framework `fw` (a row of the frameworks table) has an SoA. */
static bool
fw_controls(const struct html *h, size_t fw)
{
	return h->fws->rows[fw][ISMC_FRAMEWORKS_CONTROLS].u.b;
}

static const char *
fw_id(const struct html *h, size_t fw)
{
	return h->fws->rows[fw][ISMC_FRAMEWORKS_ID].u.s;
}

/* Its title, else its id. */
static const char *
fw_title(const struct html *h, size_t fw)
{
	return h->fws->rows[fw][ISMC_FRAMEWORKS_NAME].u.s;
}

static void
soa(struct html *h)
{
	const struct ismc_report *r;
	size_t fw, n = 0;

	section(h, S_SOA);
	for (fw = 0; fw < h->fws->nrows; fw++) {
		if (!fw_controls(h, fw) || (r = ismc_outputs_fw_report(h->out,
		    &ismc_report_soa_def, fw)) == NULL)
			continue;
		heading(h, 3, anchor(h, "soa", fw_id(h, fw), NULL),
		    fw_title(h, fw));
		summary(h, r);
		report_table(h, r, NULL);
		/* The clauses every organisation must meet, outside the
		 * SoA, as the PDF shows them beside it. */
		if ((r = ismc_outputs_fw_report(h->out,
		    &ismc_report_clauses_def, fw)) != NULL) {
			heading(h, 4, NULL, "Clauses");
			summary(h, r);
			report_table(h, r, NULL);
		}
		n++;
	}
	if (n == 0)
		para(h, "muted", "No control framework in use.");
	out(h, "</section>\n");
}

static void
risks(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_risks_def, NULL);

	section(h, S_RISKS);
	if (r == NULL || r->nrows == 0)
		para(h, "muted", "No risks recorded.");
	else {
		summary(h, r);
		report_table(h, r, NULL);
	}
	out(h, "</section>\n");
}

static void
heatmaps(struct html *h)
{
	section(h, S_HEAT);
	chart(h, &ismc_chart_risk_def, "Risk heatmap: inherent and residual");
	chart(h, &ismc_chart_coverage_def, "Coverage per framework and group");
	out(h, "</section>\n");
}

/* Coverage per group of one framework. */
static void
groups(struct html *h, const struct ismc_coverage_row *row)
{
	const struct ismc_coverage_cell *c;
	size_t i;

	out(h, "<table>\n<thead><tr><th>Group</th><th>Title</th>"
	    "<th>Assessed</th><th>Full</th><th>Partial</th><th>Open</th>"
	    "<th>Coverage</th></tr></thead>\n<tbody>\n");
	for (i = 0; i <= row->ncells; i++) {
		c = i < row->ncells ? &row->cells[i] : &row->total;
		out(h, "<tr>");
		element(h, "td", i < row->ncells ? c->group : "All");
		element(h, "td", i < row->ncells && c->title != NULL ?
		    c->title : "");
		ismc_buf_printf(h->b, "<td>%zu</td><td>%zu</td><td>%zu</td>"
		    "<td>%zu</td>", c->applicable, c->full, c->partial,
		    c->open + c->planned);
		if (c->pct < 0)
			out(h, "<td>n/a</td>");
		else
			ismc_buf_printf(h->b, "<td>%.1f%%</td>", c->pct);
		out(h, "</tr>\n");
	}
	out(h, "</tbody></table>\n");
}

static bool
not_full(const struct ismc_cell *c)
{
	const char *st = str(&c[ISMC_GAPREP_STATUS]);

	return st != NULL && strcmp(st, "full") != 0 &&
	    strcmp(st, "excluded") != 0;
}

/* The gaps of one framework, each linked to its requirement, controls
 * and mappings. */
static void
gaps(struct html *h, const char *cat, const struct ismc_report *r)
{
	const struct ismc_cell *row;
	const char *id, *tone;
	size_t i, j, n = 0;

	heading(h, 4, NULL, "Requirements not fully covered");
	for (i = 0; i < r->nrows; i++) {
		row = r->rows[i];
		if (!not_full(row))
			continue;
		if (n++ == 0)
			out(h, "<div class=\"scroll\"><table>\n<thead><tr>"
			    "<th>Requirement</th><th>Title</th>"
			    "<th>Coverage</th><th>Controls</th>"
			    "<th>Mappings</th></tr></thead>\n<tbody>\n");
		id = str(&row[ISMC_GAPREP_ID]);
		out(h, "<tr><td>");
		link_to(h, anchor(h, "req", cat, id), id);
		out(h, "</td>");
		element(h, "td", str(&row[ISMC_GAPREP_TITLE]));
		tone = ismc_cell_tone("status", &row[ISMC_GAPREP_STATUS]) ==
		    ISMC_TONE_BAD ? "bad" : "part";
		ismc_buf_printf(h->b, "<td class=\"%s\">", tone);
		text(h, str(&row[ISMC_GAPREP_STATUS]));
		out(h, "</td><td>");
		for (j = 0; j < row[ISMC_GAPREP_REACHING].u.list.n; j++) {
			if (j > 0)
				out(h, "<br>");
			ref_item(h, row[ISMC_GAPREP_REACHING].u.list.items[j]);
		}
		out(h, "</td><td>");
		if (has(h, anchor(h, "trace", cat, id)))
			link_to(h, anchor(h, "trace", cat, id), "traceability");
		else
			out(h, "none");
		out(h, "</td></tr>\n");
	}
	if (n == 0)
		para(h, "muted", "Every assessed requirement is fully covered.");
	else
		out(h, "</tbody></table></div>\n");
}

static bool
soa_open(const struct ismc_cell *c)
{
	const char *app = str(&c[ISMC_SOA_APPLICABLE]);
	const char *st = str(&c[ISMC_SOA_STATUS]);

	return app != NULL && strcmp(app, "no") != 0 &&
	    !(strcmp(app, "yes") == 0 && st != NULL &&
	    strcmp(st, "implemented") == 0);
}

static void
gap_framework(struct html *h, size_t fw, const struct ismc_coverage *cov,
    const struct ismc_coverage *soacov)
{
	const char *cat = fw_id(h, fw);
	const struct ismc_coverage_row *row;
	const struct ismc_report *r, *plan, *s;

	heading(h, 3, anchor(h, "gap", cat, NULL), fw_title(h, fw));
	r = ismc_outputs_fw_report(h->out, &ismc_report_gap_def, fw);
	if (r == NULL) {
		/* No mapping set targets it: its SoA says what is done. */
		if ((row = ismc_coverage_row(soacov, cat)) != NULL)
			groups(h, row);
		s = fw_controls(h, fw) ? ismc_outputs_fw_report(h->out,
		    &ismc_report_soa_def, fw) : NULL;
		if (s != NULL) {
			heading(h, 4, NULL,
			    "Applicable requirements not implemented");
			if (report_table(h, s, soa_open) == 0)
				para(h, "muted", "Every applicable "
				    "requirement is implemented.");
		}
		return;
	}
	summary(h, r);
	if ((row = ismc_coverage_row(cov, cat)) != NULL)
		groups(h, row);
	gaps(h, cat, r);
	heading(h, 4, NULL, "All requirements");
	report_table(h, r, NULL);
	plan = ismc_outputs_fw_report(h->out, &ismc_report_remediation_def,
	    fw);
	if (plan != NULL) {
		heading(h, 4, NULL, "Remediation plan");
		summary(h, plan);
		report_table(h, plan, NULL);
	}
}

static void
gap(struct html *h)
{
	const struct ismc_coverage *cov = ismc_outputs_coverage(h->out);
	const struct ismc_coverage *soacov = ismc_outputs_soa_coverage(h->out);
	const struct ismc_report *r;
	size_t i;

	section(h, S_GAP);
	if (h->fws->nrows == 0)
		para(h, "muted", "No framework in use.");
	para(h, "muted", cov->policy != NULL ? cov->caption :
	    "No crosswalk gap analysis ran for this build: the figures "
	    "count the implementation status in each framework's Statement "
	    "of Applicability.");
	/* Every framework and group side by side, as coverage.csv has it. */
	if ((r = ismc_outputs_report(h->out, &ismc_report_coverage_def,
	    NULL)) != NULL)
		report_table(h, r, NULL);
	for (i = 0; i < h->fws->nrows; i++)
		gap_framework(h, i, cov, soacov);
	out(h, "</section>\n");
}

static void
kpis(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_kpis_def, NULL);

	section(h, S_KPIS);
	if (r == NULL || r->nrows == 0)
		para(h, "muted", "No KPIs recorded.");
	else {
		chart(h, &ismc_chart_kpi_def, "KPI results against targets");
		summary(h, r);
		report_table(h, r, NULL);
	}
	out(h, "</section>\n");
}

/* The audit programme: the spec's own declarations, as in the PDF. */
static void
audits(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_findings_def, NULL);
	const struct ismc_report *au = ismc_outputs_report(h->out,
	    &ismc_report_audits_def, NULL);
	const struct ismc_cell *c;
	size_t i, j;

	section(h, S_AUDITS);
	if (au->nrows == 0)
		para(h, "muted", "No audits recorded.");
	else {
		out(h, "<table>\n<thead><tr><th>Audit</th><th>Title</th>"
		    "<th>Scope</th><th>Type</th><th>From</th><th>To</th>"
		    "<th>Auditor</th><th>Findings</th></tr></thead>\n"
		    "<tbody>\n");
		for (i = 0; i < au->nrows; i++) {
			c = au->rows[i];
			out(h, "<tr>");
			for (j = ISMC_AUDITS_ID; j < ISMC_AUDITS_FINDINGS; j++)
				element(h, "td", str(&c[j]));
			ismc_buf_printf(h->b, "<td>%lld</td></tr>\n",
			    (long long)c[ISMC_AUDITS_FINDINGS].u.i);
		}
		out(h, "</tbody></table>\n");
	}
	heading(h, 3, NULL, "Findings and corrective actions");
	if (r == NULL || r->nrows == 0)
		para(h, "muted", "No findings recorded.");
	else {
		summary(h, r);
		report_table(h, r, NULL);
	}
	out(h, "</section>\n");
}

static void
roadmap(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_roadmap_def, NULL);

	section(h, S_ROADMAP);
	if (r == NULL)
		para(h, "muted", "No roadmap recorded.");
	else {
		summary(h, r);
		chart(h, &ismc_chart_timeline_def, "Roadmap timeline");
		report_table(h, r, NULL);
	}
	out(h, "</section>\n");
}

static void
review(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_review_def, NULL);
	const char *as_of = fact(h, ISMC_ISMS_SUM_AS_OF);

	section(h, S_REVIEW);
	para(h, "muted", as_of != NULL ? ismc_arena_printf(h->a,
	    "Figures for the management review (ISO/IEC 27001:2022 clause "
	    "9.3), derived from the specification as of %s.", as_of) :
	    "Figures for the management review (ISO/IEC 27001:2022 clause "
	    "9.3), derived from the specification.");
	if (r != NULL)
		report_table(h, r, NULL);
	out(h, "</section>\n");
}

static void
inputs(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_inputs_def, NULL);

	section(h, S_INPUTS);
	para(h, "muted", "The files this report was made from: every spec, "
	    "catalog, mapping set and licensed texts file the build used, "
	    "with the SHA-256 digest of its content. A catalog or mapping "
	    "set not shipped with ismc is one the organisation supplied.");
	if (r != NULL) {
		summary(h, r);
		report_table(h, r, NULL);
	}
	out(h, "</section>\n");
}

static void
trace(struct html *h)
{
	const struct ismc_report *r = ismc_outputs_report(h->out,
	    &ismc_report_trace_def, NULL);

	section(h, S_TRACE);
	if (r == NULL)
		para(h, "muted", "No traceability matrix: the spec uses one "
		    "framework.");
	else {
		summary(h, r);
		report_table(h, r, NULL);
	}
	out(h, "</section>\n");
}

/* ---- the page ---------------------------------------------------------- */

static const char style[] =
	"body{font-family:'DejaVu Sans',Verdana,sans-serif;font-size:14px;"
	"color:#111;margin:0 auto;max-width:78em;padding:1em 2em;"
	"line-height:1.4}"
	"h1{color:#1f3864;margin:.2em 0}h2{border-bottom:3px solid #1f3864;"
	"color:#1f3864;margin-top:2em}h3{margin-top:1.6em}"
	".kicker{color:#555;font-weight:bold;letter-spacing:.1em;"
	"text-transform:uppercase}.subtitle{font-size:1.3em}"
	".muted{color:#555}td{white-space:pre-line}"
	"dl.cover,dl.summary{display:grid;grid-template-columns:max-content "
	"auto;gap:.2em 1em}dt{font-weight:bold}dd{margin:0}"
	".scroll{overflow-x:auto}"
	"table{border-collapse:collapse;margin:.6em 0;font-size:12px}"
	"th,td{border:1px solid #bbb;padding:.25em .45em;text-align:left;"
	"vertical-align:top}th{background:#d9e1f2;position:sticky;top:0}"
	"tr:target{outline:3px solid #1f3864}"
	"td.good{background:#e2efda;color:#1e4620}"
	"td.part{background:#ffc000}"
	"td.bad{background:#c00000;color:#fff;font-weight:bold}"
	"td.bad a{color:#fff}"
	"td.off{background:#d9d9d9;color:#404040}"
	"figure{margin:1em 0}svg.chart{max-width:100%;height:auto}"
	"figcaption{color:#555;font-size:.9em}"
	"footer{color:#555;font-size:.85em;margin-top:3em}"
	"@media print{section{break-before:page}.scroll{overflow:visible}"
	"th{position:static}}";

static const char *
render(const struct ismc_render_job *job, struct ismc_buf *b)
{
	struct html h;
	const char *title;

	memset(&h, 0, sizeof h);
	h.out = job->outputs;
	h.isms = ismc_outputs_report(h.out, &ismc_report_isms_def, NULL);
	h.fws = ismc_outputs_report(h.out, &ismc_report_frameworks_def, NULL);
	h.a = ismc_outputs_arena(job->outputs);
	h.b = b;
	h.anchors = g_hash_table_new(g_str_hash, g_str_equal);
	h.placed = g_hash_table_new(g_str_hash, g_str_equal);
	title = fact(&h, ISMC_ISMS_SUM_TITLE);
	(void)ismc_outputs_each_report(h.out, collect, &h);

	out(&h, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n"
	    "<meta name=\"generator\" content=\"ismc " PACKAGE_VERSION "\">\n"
	    "<title>");
	esc(&h, title != NULL ? title : "ISMS report");
	ismc_buf_printf(h.b, "</title>\n<style>%s</style>\n</head>\n<body>\n",
	    style);
	cover(&h);
	scope(&h);
	soa(&h);
	risks(&h);
	heatmaps(&h);
	gap(&h);
	kpis(&h);
	audits(&h);
	roadmap(&h);
	review(&h);
	inputs(&h);
	trace(&h);
	out(&h, "</main>\n<footer>Generated by ismc " PACKAGE_VERSION
	    " from the ISMS specification. Every figure in this report is "
	    "derived from the specification; none is typed in.</footer>\n"
	    "</body>\n</html>\n");
	g_hash_table_destroy(h.anchors);
	g_hash_table_destroy(h.placed);
	return h.why;
}

const struct ismc_renderer ismc_render_html = {
	.format = "html",
	.ext = "html",
	.scope = ISMC_RENDER_DOCUMENT,
	.stem = "report",
	.render = render,
};
