/*
 * test-report.c - report tables, their serialisations, and atomic output.
 *
 * Expected outputs are spelled out byte for byte: the formats are an
 * interface (spreadsheets, scripts and auditors read them), so any change
 * must show up here as a reviewed diff.
 */
#include <config.h>

#include <criterion/criterion.h>

#include <sys/resource.h>
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "arena.h"
#include "backend.h"
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "emit.h"
#include "helpers.h"
#include "ir.h"
#include "outdir.h"
#include "report-findings.h"
#include "report-heatmap.h"
#include "report-isms.h"
#include "report-risks.h"
#include "report-roadmap.h"
#include "report-soa.h"
#include "report.h"
#include "source.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- helpers ------------------------------------------------------------ */

static struct ismc_arena arena;

static void
setup(void)
{
	ismc_arena_init(&arena);
}

static void
teardown(void)
{
	ismc_arena_destroy(&arena);
}

/* Serialises r with emit into a C string that lives in the arena. */
static const char *
render(void (*emit)(const struct ismc_report *, struct ismc_buf *),
    const struct ismc_report *r)
{
	struct ismc_buf b;
	const char *s;

	ismc_buf_init(&b);
	emit(r, &b);
	s = ismc_arena_strndup(&arena, ismc_buf_cstr(&b), b.len);
	ismc_buf_free(&b);
	return s;
}

/* The plain text of a cell, lists joined with "; ". */
static const char *
text_of(const struct ismc_cell *c)
{
	return ismc_cell_text(&arena, c, "; ");
}

static const struct ismc_report_column two_cols[] = {
	{ .id = "a", .title = "Left" },
	{ .id = "b", .title = "Right, quoted" },
};

/* ---- cells and CSV ------------------------------------------------------- */

TestSuite(csv, .init = setup, .fini = teardown);

Test(csv, quotes_only_fields_that_need_it)
{
	static const char *const items[] = { "x", "y,z" };
	struct ismc_report *r;
	struct ismc_cell *row;

	r = ismc_report_new(&arena, "t", "T", two_cols, NELEM(two_cols));
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("plain text");
	row[1] = ismc_cell_str("a,b");
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("say \"hi\"");
	row[1] = ismc_cell_str("line1\nline2");
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("cr\rhere");
	row[1] = ismc_cell_list(items, NELEM(items));
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_int(-42);
	row[1] = ismc_cell_dec(74.28571, 1);
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_bool(true);
	/* row[1] stays null */
	ismc_report_add_summary(r, "ignored", "Not in CSV", ismc_cell_int(1));

	cr_assert_str_eq(render(ismc_emit_csv, r),
	    "Left,\"Right, quoted\"\r\n"
	    "plain text,\"a,b\"\r\n"
	    "\"say \"\"hi\"\"\",\"line1\nline2\"\r\n"
	    "\"cr\rhere\",\"x; y,z\"\r\n"
	    "-42,74.3\r\n"
	    "yes,\r\n");
}

/* OWASP's CSV injection: text that starts like a formula is quoted with
 * a leading apostrophe; numbers, a lone "-" and number-only text are not. */
Test(csv, neutralises_formulas_but_not_numbers)
{
	static const char *const items[] = { "@x", "y" };
	struct ismc_report *r;
	struct ismc_cell *row;

	r = ismc_report_new(&arena, "t", "T", two_cols, NELEM(two_cols));
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("=HYPERLINK(\"http://x\",\"y\")");
	row[1] = ismc_cell_str("+1+1");
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("-2+3");
	row[1] = ismc_cell_list(items, NELEM(items));
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("\tTab");
	row[1] = ismc_cell_str("\rCR");
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("-5");
	row[1] = ismc_cell_str("+3.25");
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("-");
	row[1] = ismc_cell_dec(-3.5, 1);
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_int(-7);
	row[1] = ismc_cell_str("a=b");

	cr_assert_str_eq(render(ismc_emit_csv, r),
	    "Left,\"Right, quoted\"\r\n"
	    "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'+1+1\"\r\n"
	    "\"'-2+3\",\"'@x; y\"\r\n"
	    "\"'\tTab\",\"'\rCR\"\r\n"
	    "-5,+3.25\r\n"
	    "-,-3.5\r\n"
	    "-7,a=b\r\n");
	cr_assert(ismc_csv_formula_like("-.5", 3));
	cr_assert(ismc_csv_formula_like("-1e3", 4));
	cr_assert(!ismc_csv_formula_like("10", 2));
	cr_assert(!ismc_csv_formula_like("", 0));
}

Test(csv, empty_table_is_the_header)
{
	struct ismc_report *r;

	r = ismc_report_new(&arena, "t", "T", two_cols, NELEM(two_cols));
	cr_assert_str_eq(render(ismc_emit_csv, r),
	    "Left,\"Right, quoted\"\r\n");
}

Test(csv, many_rows_keep_their_order)
{
	struct ismc_report *r;
	struct ismc_cell *row;
	size_t i;

	r = ismc_report_new(&arena, "t", "T", two_cols, NELEM(two_cols));
	for (i = 0; i < 5000; i++) {
		row = ismc_report_add_row(r);
		row[0] = ismc_cell_int((int64_t)i);
	}
	cr_assert_eq(r->nrows, 5000);
	for (i = 0; i < r->nrows; i++)
		cr_assert_eq(r->rows[i][0].u.i, (int64_t)i);
	cr_assert_eq(r->rows[4999][1].kind, ISMC_CELL_NULL);
}

Test(csv, decimals_are_rounded_and_never_negative_zero)
{
	struct ismc_buf b;

	ismc_buf_init(&b);
	ismc_format_decimal(&b, 74.28571, 1);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, -0.04, 1);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, -1.25, 1);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 100, 1);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 2.5, 0);
	cr_assert_str_eq(ismc_buf_cstr(&b), "74.3 0.0 -1.2 100.0 2");
	/* Trailing zeros go, one digit after the point stays; an exact
	 * decimal is spelled as written, always with a fraction. */
	ismc_buf_reset(&b);
	ismc_format_decimal(&b, 3.5, 2);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 100, 2);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 99.94, 2);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 99.94, ISMC_PREC_EXACT);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 12, ISMC_PREC_EXACT);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 1234.56, ISMC_PREC_EXACT);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, -0.0, ISMC_PREC_EXACT);
	cr_assert_str_eq(ismc_buf_cstr(&b),
	    "3.5 100.0 99.94 99.94 12.0 1234.56 0.0");
	/* Never an exponent, which %.15g writes below 1e-4 and from 1e15. */
	ismc_buf_reset(&b);
	ismc_format_decimal(&b, 0.0000005, ISMC_PREC_EXACT);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, -0.000012345, ISMC_PREC_EXACT);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 1e20, ISMC_PREC_EXACT);
	ismc_buf_addc(&b, ' ');
	ismc_format_decimal(&b, 1234567890123456.0, ISMC_PREC_EXACT);
	cr_assert_str_eq(ismc_buf_cstr(&b), "0.0000005 -0.000012345 "
	    "100000000000000000000.0 1234567890123456.0");
	ismc_buf_free(&b);
	cr_assert_eq(ismc_cell_dec(0.0 / 0.0, 1).kind, ISMC_CELL_NULL);
	cr_assert_eq(ismc_cell_str(NULL).kind, ISMC_CELL_NULL);
}

/* ---- JSON ---------------------------------------------------------------- */

TestSuite(json, .init = setup, .fini = teardown);

Test(json, escapes_controls_and_passes_unicode)
{
	static const struct ismc_report_column col[] = {
		{ .id = "text", .title = "Text" },
	};
	struct ismc_report *r;
	struct ismc_cell *row;

	r = ismc_report_new(&arena, "t", "Title \"q\"", col, NELEM(col));
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("q\" b\\ t\t n\n r\r c\x01 f\f b\b del\x7f");
	row = ismc_report_add_row(r);
	/* 2-, 3- and 4-byte UTF-8 pass through as they are. */
	row[0] = ismc_cell_str("Z\xc3\xbcrich \xe2\x80\x93 \xe2\x9c\x93 "
	    "\xf0\x9f\x94\x92");
	row = ismc_report_add_row(r);
	/* A stray byte, a truncated sequence, an overlong '/', a surrogate. */
	row[0] = ismc_cell_str("a\xff b\xe2\x80 c\xc0\xaf d\xed\xa0\x80");

	cr_assert_str_eq(render(ismc_emit_json, r),
	    "{\n"
	    "  \"format\": \"ismc-t/1\",\n"
	    "  \"ismc\": \"" PACKAGE_VERSION "\",\n"
	    "  \"report\": \"t\",\n"
	    "  \"title\": \"Title \\\"q\\\"\",\n"
	    "  \"meta\": {},\n"
	    "  \"columns\": [\n"
	    "    {\n"
	    "      \"id\": \"text\",\n"
	    "      \"title\": \"Text\"\n"
	    "    }\n"
	    "  ],\n"
	    "  \"rows\": [\n"
	    "    {\n"
	    "      \"text\": \"q\\\" b\\\\ t\\t n\\n r\\r c\\u0001 f\\f b\\b "
	    "del\x7f\"\n"
	    "    },\n"
	    "    {\n"
	    "      \"text\": \"Z\xc3\xbcrich \xe2\x80\x93 \xe2\x9c\x93 "
	    "\xf0\x9f\x94\x92\"\n"
	    "    },\n"
	    "    {\n"
	    "      \"text\": \"a\\ufffd b\\ufffd\\ufffd c\\ufffd\\ufffd "
	    "d\\ufffd\\ufffd\\ufffd\"\n"
	    "    }\n"
	    "  ],\n"
	    "  \"summary\": {}\n"
	    "}\n");
}

Test(json, typed_values)
{
	static const char *const items[] = { "R-1", "R-2" };
	static const struct ismc_report_column cols[] = {
		{ .id = "s", .title = "S" }, { .id = "i", .title = "I" },
		{ .id = "d", .title = "D" }, { .id = "b", .title = "B" },
		{ .id = "l", .title = "L" }, { .id = "e", .title = "E" },
		{ .id = "n", .title = "N" },
	};
	struct ismc_report *r;
	struct ismc_cell *row;

	r = ismc_report_new(&arena, "t", "T", cols, NELEM(cols));
	ismc_report_add_meta(r, "org", "Organisation", ismc_cell_str("Acme"));
	ismc_report_add_meta(r, "date", "Date", ismc_cell_null());
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("");
	row[1] = ismc_cell_int(35);
	row[2] = ismc_cell_dec(74.2857, 1);
	row[3] = ismc_cell_bool(false);
	row[4] = ismc_cell_list(items, NELEM(items));
	row[5] = ismc_cell_list(NULL, 0);
	ismc_report_add_summary(r, "pct", "Pct", ismc_cell_dec(-0.01, 1));

	cr_assert_str_eq(render(ismc_emit_json, r),
	    "{\n"
	    "  \"format\": \"ismc-t/1\",\n"
	    "  \"ismc\": \"" PACKAGE_VERSION "\",\n"
	    "  \"report\": \"t\",\n"
	    "  \"title\": \"T\",\n"
	    "  \"meta\": {\n"
	    "    \"org\": \"Acme\",\n"
	    "    \"date\": null\n"
	    "  },\n"
	    "  \"columns\": [\n"
	    "    {\n      \"id\": \"s\",\n      \"title\": \"S\"\n    },\n"
	    "    {\n      \"id\": \"i\",\n      \"title\": \"I\"\n    },\n"
	    "    {\n      \"id\": \"d\",\n      \"title\": \"D\"\n    },\n"
	    "    {\n      \"id\": \"b\",\n      \"title\": \"B\"\n    },\n"
	    "    {\n      \"id\": \"l\",\n      \"title\": \"L\"\n    },\n"
	    "    {\n      \"id\": \"e\",\n      \"title\": \"E\"\n    },\n"
	    "    {\n      \"id\": \"n\",\n      \"title\": \"N\"\n    }\n"
	    "  ],\n"
	    "  \"rows\": [\n"
	    "    {\n"
	    "      \"s\": \"\",\n"
	    "      \"i\": 35,\n"
	    "      \"d\": 74.3,\n"
	    "      \"b\": false,\n"
	    "      \"l\": [\n"
	    "        \"R-1\",\n"
	    "        \"R-2\"\n"
	    "      ],\n"
	    "      \"e\": [],\n"
	    "      \"n\": null\n"
	    "    }\n"
	    "  ],\n"
	    "  \"summary\": {\n"
	    "    \"pct\": 0.0\n"
	    "  }\n"
	    "}\n");
}

/* ---- Markdown ------------------------------------------------------------ */

TestSuite(md, .init = setup, .fini = teardown);

Test(md, escapes_pipes_newlines_and_markup)
{
	static const char *const items[] = { "a|b", "c" };
	struct ismc_report *r;
	struct ismc_cell *row;

	r = ismc_report_new(&arena, "t", "A | title", two_cols,
	    NELEM(two_cols));
	ismc_report_add_meta(r, "org", "Organisation", ismc_cell_str("<Acme>"));
	ismc_report_add_meta(r, "date", "Spec date", ismc_cell_null());
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("x | y \\ z");
	row[1] = ismc_cell_str("one\ntwo\r\nthree *four* `five` [six]");
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_list(items, NELEM(items));
	row[1] = ismc_cell_bool(false);
	ismc_report_add_summary(r, "n", "Count", ismc_cell_int(2));
	ismc_report_add_summary(r, "none", "Nothing", ismc_cell_null());

	/* The figures first: a reader on a pull request sees them before
	 * the table. */
	cr_assert_str_eq(render(ismc_emit_md, r),
	    "# A \\| title\n"
	    "\n"
	    "- Organisation: \\<Acme>\n"
	    "\n"
	    "## Summary\n"
	    "\n"
	    "- Count: 2\n"
	    "\n"
	    "## Details\n"
	    "\n"
	    "| Left | Right, quoted |\n"
	    "| --- | --- |\n"
	    "| x \\| y \\\\ z | one<br>two<br>three \\*four\\* \\`five\\` "
	    "\\[six] |\n"
	    "| a\\|b, c | no |\n");
}

/* A column or summary entry that repeats a metadata entry (the coverage
 * policy of a gap report) is said once, in the metadata. */
Test(md, says_the_metadata_once)
{
	static const struct ismc_report_column cols[] = {
		{ .id = "id", .title = "Id" },
		{ .id = "policy", .title = "Coverage policy" },
	};
	struct ismc_report *r;
	struct ismc_cell *row;

	r = ismc_report_new(&arena, "t", "T", cols, NELEM(cols));
	ismc_report_add_meta(r, "policy", "Coverage policy",
	    ismc_cell_str("strict"));
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("a");
	row[1] = ismc_cell_str("strict");
	ismc_report_add_summary(r, "policy", "Coverage policy",
	    ismc_cell_str("strict"));
	ismc_report_add_summary(r, "n", "Rows", ismc_cell_int(1));
	cr_assert_str_eq(render(ismc_emit_md, r),
	    "# T\n\n- Coverage policy: strict\n\n## Summary\n\n- Rows: 1\n"
	    "\n## Details\n\n| Id |\n| --- |\n| a |\n");
	/* A row that differs brings the column back; CSV and JSON keep
	 * it whatever it holds. */
	row = ismc_report_add_row(r);
	row[0] = ismc_cell_str("b");
	row[1] = ismc_cell_str("all-mapped");
	cr_assert_not_null(strstr(render(ismc_emit_md, r),
	    "| Id | Coverage policy |\n"));
	cr_assert_str_eq(render(ismc_emit_csv, r),
	    "Id,Coverage policy\r\na,strict\r\nb,all-mapped\r\n");
}

/* ---- report builders, from a spec --------------------------------------- */

/*
 * Three Annex A controls in two themes and two risks:
 *
 *	R-1  4 x 5 = 20 High  -> 2 x 3 = 6 Medium
 *	R-2  3 x 5 = 15 High  -> (3) x 1 = 3 Low   (residual likelihood unset)
 *
 * Inherent 35, residual 9: a reduction of 74.2857...%, shown as 74.3.
 * The acceptance level is 6, so both risks start above it and none ends
 * above it.
 */
static const char spec[] =
    "framework iso27001\n"
    "isms \"SafeTrust ISMS\" {\n"
    "  organisation \"SafeTrust Ltd\"\n"
    "  version \"1.2\"\n"
    "  date 2026-01-31\n"
    "}\n"
    "role ciso \"Chief Information Security Officer\"\n"
    "role it-lead \"IT lead\"\n"
    "asset client-db \"Client database\" { owner ciso }\n"
    "asset laptops \"Laptops\" { owner it-lead }\n"
    "threat phishing \"Phishing\"\n"
    "threat malware \"Malware\"\n"
    "scale likelihood {\n"
    "  level 1 rare \"Rare\"\n"
    "  level 2 low \"Low\"\n"
    "  level 3 medium \"Medium\"\n"
    "  level 4 high \"High\"\n"
    "  level 5 very-high \"Very high\"\n"
    "}\n"
    "scale impact {\n"
    "  level 1 negligible \"Negligible\"\n"
    "  level 2 minor \"Minor\"\n"
    "  level 3 moderate \"Moderate\"\n"
    "  level 4 major \"Major\"\n"
    "  level 5 severe \"Severe\"\n"
    "}\n"
    "scoring {\n"
    "  band low 1..5 \"Low\"\n"
    "  band medium 6..11 \"Medium\"\n"
    "  band high 12..25 \"High\"\n"
    "  acceptance max 6\n"
    "}\n"
    "control A.5.1 {\n"
    "  applicable\n"
    "  reasons legal\n"
    "  owner ciso\n"
    "  policy \"Information security policy, v2\"\n"
    "}\n"
    "control A.5.2 { excluded \"Two people, so no \\\"roles\\\"\\nto "
    "assign\" }\n"
    "control A.8.7 {\n"
    "  applicable\n"
    "  reasons business\n"
    "  status planned\n"
    "  owner it-lead\n"
    "  procedure \"AV rollout\"\n"
    "  evidence \"EDR console\"\n"
    "}\n"
    "measure M-1 \"Security policy set\" {\n"
    "  covers A.5.1\n"
    "  status implemented\n"
    "  owner ciso\n"
    "}\n"
    "risk R-1 \"Phishing leads to credential theft\" {\n"
    "  threat phishing\n"
    "  assets client-db\n"
    "  likelihood high\n"
    "  impact severe\n"
    "  owner ciso\n"
    "  treatment mitigate\n"
    "  controls A.5.1, M-1\n"
    "  residual { likelihood low; impact moderate }\n"
    "}\n"
    "risk R-2 \"Malware, on laptops\" {\n"
    "  threat malware\n"
    "  assets laptops, client-db\n"
    "  likelihood medium\n"
    "  impact severe\n"
    "  owner it-lead\n"
    "  treatment mitigate\n"
    "  controls A.8.7\n"
    "  residual { impact negligible }\n"
    "}\n";

static struct ismc_test t;

static void
teardown_spec(void)
{
	ismc_test_fini(&t);
	teardown();
}

/* The spec above plus `more`, compiled; the test fails on any error. */
static const struct ismc_ir *
compile(const char *more)
{
	const struct ismc_ir *ir;

	ismc_test_init(&t);
	ir = ismc_test_compile(&t, ismc_arena_printf(&arena, "%s%s", spec,
	    more));
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	return ir;
}

/* The line of `text` that starts with `prefix`, without its CRLF. */
static const char *
line(const char *text, const char *prefix)
{
	const char *p = text;
	size_t n = strlen(prefix);

	for (; p != NULL && *p != '\0'; p = strchr(p, '\n'), p = p ? p + 1 :
	    NULL)
		if (strncmp(p, prefix, n) == 0)
			return ismc_arena_strndup(&arena, p, strcspn(p, "\r\n"));
	cr_assert_fail("no line starting '%s' in:\n%s", prefix, text);
	return NULL;
}

TestSuite(builders, .init = setup, .fini = teardown_spec);

Test(builders, soa_rows)
{
	const struct ismc_ir *ir = compile("");
	struct ismc_report *r = ismc_report_soa(ir, &ir->frameworks[0],
	    &arena);
	const char *csv = render(ismc_emit_csv, r);

	cr_assert_str_eq(r->id, "soa");
	cr_assert_eq(r->nrows, 93);
	cr_assert_str_eq(line(csv, "Control,"),
	    "Control,Theme,Title,Applicable,Inclusion reasons,"
	    "Exclusion justification,Implementation status,Owner,"
	    "Owner title,References,Measures,Risks treated");
	/* Implemented through M-1; included for risk R-1 and by law. */
	cr_assert_str_eq(line(csv, "A.5.1,"),
	    "A.5.1,Organizational controls,Policies for information security,"
	    "yes,risk; legal,,implemented,ciso,"
	    "Chief Information Security Officer,"
	    "\"policy: Information security policy, v2\",M-1,R-1");
	cr_assert_str_eq(line(csv, "A.5.2,"),
	    "A.5.2,Organizational controls,"
	    "Information security roles and responsibilities,"
	    "no,,\"Two people, so no \"\"roles\"\"");
	cr_assert_str_eq(line(csv, "A.8.7,"),
	    "A.8.7,Technological controls,Protection against malware,"
	    "yes,risk; business,,planned,it-lead,IT lead,"
	    "procedure: AV rollout; evidence: EDR console,,R-2");
	/* The licensed-text column is left out: no texts were loaded. */
	cr_assert_not(ismc_report_shown(r, ISMC_SOA_TEXT));
	cr_assert_str_eq(r->rows[0][ISMC_SOA_ID].u.s, "A.5.1");
}

Test(builders, soa_markdown_summary)
{
	const struct ismc_ir *ir = compile("");
	const char *md = render(ismc_emit_md, ismc_report_soa(ir,
	    &ir->frameworks[0], &arena));
	const char *title = ir->frameworks[0].catalog->title;
	const char *head = ismc_arena_printf(&arena,
	    "# Statement of Applicability: %s\n"
	    "\n"
	    "- Organisation: SafeTrust Ltd\n"
	    "- Spec version: 1.2\n"
	    "- Spec date: 2026-01-31\n"
	    "- Framework: iso27001-2022\n"
	    "- Framework title: %s\n"
	    "- Generator: ismc " PACKAGE_VERSION "\n"
	    "\n"
	    "## Summary\n", title, title);

	cr_assert_eq(strncmp(md, head, strlen(head)), 0, "%s", md);
	cr_assert_str_eq(line(md, "| A.5.2 "),
	    "| A.5.2 | Organizational controls "
	    "| Information security roles and responsibilities | no |  "
	    "| Two people, so no \"roles\"<br>to assign |  |  |  |  |  |  |");
	cr_assert_not_null(strstr(md, "\n## Summary\n"
	    "\n"
	    "- Requirements: 93\n"
	    "- Applicable: 2\n"
	    "- Excluded: 1\n"
	    "- Undecided: 90\n"
	    "- Applicable, implemented: 1\n"
	    "- Applicable, partially implemented: 0\n"
	    "- Applicable, planned: 1\n"
	    "- Applicable, not implemented: 0\n"
	    "- Applicable, status not set: 0\n"
	    "\n## Details\n\n| Control |"), "%s", md);
}

/* A DORA point three levels down still belongs to its chapter. */
Test(builders, soa_theme_walks_to_the_top_group)
{
	const struct ismc_ir *ir = compile("framework dora\n");
	const struct ismc_report *r = ismc_report_soa(ir, &ir->frameworks[1],
	    &arena);
	size_t i;

	for (i = 0; i < r->nrows; i++)
		if (strcmp(r->rows[i][ISMC_SOA_ID].u.s, "5.2.a") == 0)
			break;
	cr_assert_lt(i, r->nrows);
	cr_assert_str_eq(r->rows[i][ISMC_SOA_THEME].u.s,
	    "ICT risk management");
}

/* The clauses beside the SoA: every one of ISO's 30, decided or not, in
 * a report of their own; a catalog without clauses has none. */
Test(builders, clauses_rows)
{
	const struct ismc_ir *ir = compile("clause 9.2.2 { status implemented; "
	    "owner ciso; documented \"Audit programme 2026\" }\n"
	    "clause 10.1 { status partial }\n");
	struct ismc_report *r = ismc_report_clauses(ir, &ir->frameworks[0],
	    &arena);
	const char *csv = render(ismc_emit_csv, r);

	cr_assert_str_eq(r->id, "clauses");
	cr_assert_eq(r->nrows, 30);
	cr_assert_str_eq(line(csv, "Clause,"), "Clause,Heading,Title,Status,"
	    "Owner,Owner title,Documented information and references,"
	    "Measures");
	cr_assert_str_eq(line(csv, "9.2.2,"), "9.2.2,Performance evaluation,"
	    "\"Audit programme: frequency, methods, criteria, objective "
	    "auditors, reporting\",implemented,ciso,"
	    "Chief Information Security Officer,"
	    "documented: Audit programme 2026,");
	cr_assert_str_eq(line(csv, "4.1,"), "4.1,Context of the organisation,"
	    "Internal and external issues relevant to the ISMS,,,,,");
	cr_assert_str_eq(r->rows[0][ISMC_CLAUSE_ID].u.s, "4.1");
	cr_assert_eq(r->summary[0].value.u.i, 30);	/* clauses */
	cr_assert_str_eq(r->summary[1].key, "status_implemented");
	cr_assert_eq(r->summary[1].value.u.i, 1);
	cr_assert_str_eq(r->summary[2].key, "status_partial");
	cr_assert_eq(r->summary[2].value.u.i, 1);
	cr_assert_str_eq(r->summary[5].key, "status_unset");
	cr_assert_eq(r->summary[5].value.u.i, 28);
}

Test(builders, no_clauses_without_clauses)
{
	const struct ismc_ir *ir = compile("framework dora\n");

	cr_assert_str_eq(ir->frameworks[1].catalog->id, "dora");
	cr_assert_null(ismc_report_clauses(ir, &ir->frameworks[1], &arena));
}

/* The heatmap's tables place each risk once, by level index, and colour
 * each cell by the band of its score (the comment above the spec). */
Test(builders, heatmap_tables)
{
	const struct ismc_ir *ir = compile("");
	const struct ismc_report *sc = ismc_report_scales(ir, &arena);
	const struct ismc_report *b = ismc_report_bands(ir, &arena);
	const struct ismc_report *g = ismc_report_heatmap(ir, &arena);
	const struct ismc_cell *c;

	cr_assert_eq(sc->nrows, 10);
	cr_assert_eq(sc->summary[ISMC_SCALES_SUM_LIKELIHOOD].value.u.i, 5);
	cr_assert_eq(sc->summary[ISMC_SCALES_SUM_IMPACT].value.u.i, 5);
	cr_assert_str_eq(sc->rows[4][ISMC_SCALES_NAME].u.s, "Very high");
	cr_assert_str_eq(sc->rows[5][ISMC_SCALES_SCALE].u.s, "impact");
	cr_assert_eq(sc->rows[5][ISMC_SCALES_INDEX].u.i, 0);
	cr_assert_str_eq(sc->rows[5][ISMC_SCALES_ID].u.s, "negligible");
	cr_assert_eq(b->nrows, 3);
	cr_assert_str_eq(b->rows[1][ISMC_BANDS_NAME].u.s, "Medium");
	cr_assert_eq(b->rows[1][ISMC_BANDS_LO].u.i, 6);
	cr_assert_eq(b->rows[1][ISMC_BANDS_HI].u.i, 11);
	cr_assert_eq(g->nrows, 25);
	/* high x severe = 20, High; after treatment low x moderate. */
	c = g->rows[3 * 5 + 4];
	cr_assert_eq(c[ISMC_HEATMAP_LIKELIHOOD].u.i, 3);
	cr_assert_eq(c[ISMC_HEATMAP_IMPACT].u.i, 4);
	cr_assert_eq(c[ISMC_HEATMAP_SCORE].u.i, 20);
	cr_assert_eq(c[ISMC_HEATMAP_BAND].u.i, 2);
	cr_assert_eq(c[ISMC_HEATMAP_RISKS].u.list.n, 1);
	cr_assert_str_eq(c[ISMC_HEATMAP_RISKS].u.list.items[0], "R-1");
	cr_assert_eq(c[ISMC_HEATMAP_RES_RISKS].u.list.n, 0);
	c = g->rows[1 * 5 + 2];
	cr_assert_eq(c[ISMC_HEATMAP_SCORE].u.i, 6);
	cr_assert_eq(c[ISMC_HEATMAP_BAND].u.i, 1);
	cr_assert_str_eq(c[ISMC_HEATMAP_RES_RISKS].u.list.items[0], "R-1");
	/* medium x severe; its residual keeps medium, negligible. */
	cr_assert_str_eq(g->rows[2 * 5 + 4][ISMC_HEATMAP_RISKS].u.list.items[0],
	    "R-2");
	c = g->rows[2 * 5 + 0];
	cr_assert_eq(c[ISMC_HEATMAP_RES_RISKS].u.list.n, 1);
	cr_assert_str_eq(c[ISMC_HEATMAP_RES_RISKS].u.list.items[0], "R-2");
	cr_assert_eq(c[ISMC_HEATMAP_BAND].u.i, 0);
}

/* A score no band holds leaves its cell without a band. */
Test(builders, heatmap_cell_without_band)
{
	const struct ismc_ir *ir;
	const struct ismc_report *g;

	ismc_test_init(&t);		/* teardown_spec ends it */
	ir = ismc_test_compile(&t, "scale likelihood { level 1 a; level 2 b }\n"
	    "scale impact { level 1 x }\nscoring { band low 1..1 }\n");
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	g = ismc_report_heatmap(ir, &arena);
	cr_assert_eq(g->nrows, 2);
	cr_assert_eq(g->rows[0][ISMC_HEATMAP_BAND].u.i, 0);
	cr_assert_eq(g->rows[1][ISMC_HEATMAP_BAND].kind, ISMC_CELL_NULL);
	cr_assert_eq(g->rows[1][ISMC_HEATMAP_SCORE].u.i, 2);
}

/* The cover facts, the frameworks and the audit programme, as the
 * documents read them. */
Test(builders, isms_frameworks_audits)
{
	const struct ismc_ir *ir = compile("framework dora\n"
	    "audit IA-1 \"Internal audit\" { type internal; date 2026-03-02;"
	    " end 2026-03-04; auditor \"J. Doe\"; scope \"All\" }\n"
	    "audit EA-1 \"Surveillance\" { type external }\n");
	const struct ismc_report *m = ismc_report_isms(ir, &arena);
	const struct ismc_report *f = ismc_report_frameworks(ir, &arena);
	const struct ismc_report *a = ismc_report_audits(ir, &arena);
	const struct ismc_cell *c;

	cr_assert_str_eq(m->summary[ISMC_ISMS_SUM_TITLE].value.u.s,
	    "SafeTrust ISMS");
	cr_assert_str_eq(m->summary[ISMC_ISMS_SUM_ORGANISATION].value.u.s,
	    "SafeTrust Ltd");
	cr_assert_str_eq(m->summary[ISMC_ISMS_SUM_DATE].value.u.s,
	    "2026-01-31");
	cr_assert_eq(m->summary[ISMC_ISMS_SUM_EMPLOYEES].value.kind,
	    ISMC_CELL_NULL);
	cr_assert_eq(m->summary[ISMC_ISMS_SUM_SCOPE].value.kind,
	    ISMC_CELL_NULL);
	cr_assert_eq(m->nrows, 0);
	cr_assert_eq(f->nrows, 2);
	cr_assert_str_eq(f->rows[0][ISMC_FRAMEWORKS_ID].u.s, "iso27001-2022");
	cr_assert(f->rows[0][ISMC_FRAMEWORKS_CONTROLS].u.b);
	cr_assert_str_eq(f->rows[1][ISMC_FRAMEWORKS_ID].u.s, "dora");
	cr_assert_not(f->rows[1][ISMC_FRAMEWORKS_CONTROLS].u.b);
	cr_assert_eq(a->nrows, 2);
	c = a->rows[1];		/* undated last */
	cr_assert_str_eq(c[ISMC_AUDITS_ID].u.s, "EA-1");
	cr_assert_str_eq(c[ISMC_AUDITS_TYPE].u.s, "external");
	cr_assert_eq(c[ISMC_AUDITS_FROM].kind, ISMC_CELL_NULL);
	cr_assert_eq(c[ISMC_AUDITS_TO].kind, ISMC_CELL_NULL);
	c = a->rows[0];
	cr_assert_str_eq(c[ISMC_AUDITS_TYPE].u.s, "internal");
	cr_assert_str_eq(c[ISMC_AUDITS_FROM].u.s, "2026-03-02");
	cr_assert_str_eq(c[ISMC_AUDITS_TO].u.s, "2026-03-04");
	cr_assert_str_eq(c[ISMC_AUDITS_AUDITOR].u.s, "J. Doe");
	cr_assert_eq(c[ISMC_AUDITS_FINDINGS].u.i, 0);
}

Test(builders, risks_csv)
{
	const struct ismc_ir *ir = compile("");
	struct ismc_report *r = ismc_report_risks(ir, &arena);

	cr_assert_str_eq(r->id, "risks");
	cr_assert_str_eq(render(ismc_emit_csv, r),
	    "Risk,Title,Assets,Threats,Likelihood,Likelihood label,Impact,"
	    "Impact label,Score,Band,Treatment,Controls,Residual likelihood,"
	    "Residual likelihood label,Residual impact,Residual impact label,"
	    "Residual score,Residual band,Owner,Owner title,"
	    "Above acceptance,Residual above acceptance\r\n"
	    "R-1,Phishing leads to credential theft,client-db,phishing,"
	    "4,High,5,Severe,20,High,mitigate,A.5.1; M-1,"
	    "2,Low,3,Moderate,6,Medium,ciso,"
	    "Chief Information Security Officer,yes,no\r\n"
	    "R-2,\"Malware, on laptops\",laptops; client-db,malware,"
	    "3,Medium,5,Severe,15,High,mitigate,A.8.7,"
	    "3,Medium,1,Negligible,3,Low,it-lead,IT lead,yes,no\r\n");
	/* The internal columns the PDF reads. */
	cr_assert(r->rows[0][ISMC_RISKS_RES_RATED].u.b);
	cr_assert_str_eq(text_of(&r->rows[0][ISMC_RISKS_TREATED_BY]),
	    "A.5.1 (implemented); M-1 (implemented)");
	cr_assert_str_eq(text_of(&r->rows[1][ISMC_RISKS_TREATED_BY]),
	    "A.8.7 (planned)");
}

Test(builders, risks_json)
{
	static const char head[] =
	    "{\n"
	    "  \"format\": \"ismc-risks/1\",\n"
	    "  \"ismc\": \"" PACKAGE_VERSION "\",\n"
	    "  \"report\": \"risks\",\n"
	    "  \"title\": \"Risk register and treatment plan\",\n"
	    "  \"meta\": {\n"
	    "    \"organisation\": \"SafeTrust Ltd\",\n"
	    "    \"version\": \"1.2\",\n"
	    "    \"date\": \"2026-01-31\",\n"
	    "    \"generator\": \"ismc " PACKAGE_VERSION "\"\n"
	    "  },\n"
	    "  \"columns\": [\n"
	    "    {\n"
	    "      \"id\": \"id\",\n"
	    "      \"title\": \"Risk\"\n"
	    "    },\n";
	const struct ismc_ir *ir = compile("");
	const char *json = render(ismc_emit_json, ismc_report_risks(ir,
	    &arena));
	const char *rows;

	rows = strstr(json, "  \"rows\": [\n");
	cr_assert_not_null(rows);
	cr_assert_eq(strncmp(json, head, sizeof head - 1), 0, "%s", json);
	/* Internal columns are not serialised. */
	cr_assert_null(strstr(json, "treated_by"));
	cr_assert_null(strstr(json, "residual_rated"));
	cr_assert_str_eq(rows,
	    "  \"rows\": [\n"
	    "    {\n"
	    "      \"id\": \"R-1\",\n"
	    "      \"title\": \"Phishing leads to credential theft\",\n"
	    "      \"assets\": [\n"
	    "        \"client-db\"\n"
	    "      ],\n"
	    "      \"threats\": [\n"
	    "        \"phishing\"\n"
	    "      ],\n"
	    "      \"likelihood\": 4,\n"
	    "      \"likelihood_label\": \"High\",\n"
	    "      \"impact\": 5,\n"
	    "      \"impact_label\": \"Severe\",\n"
	    "      \"score\": 20,\n"
	    "      \"band\": \"High\",\n"
	    "      \"treatment\": \"mitigate\",\n"
	    "      \"controls\": [\n"
	    "        \"A.5.1\",\n"
	    "        \"M-1\"\n"
	    "      ],\n"
	    "      \"residual_likelihood\": 2,\n"
	    "      \"residual_likelihood_label\": \"Low\",\n"
	    "      \"residual_impact\": 3,\n"
	    "      \"residual_impact_label\": \"Moderate\",\n"
	    "      \"residual_score\": 6,\n"
	    "      \"residual_band\": \"Medium\",\n"
	    "      \"owner\": \"ciso\",\n"
	    "      \"owner_title\": \"Chief Information Security Officer\",\n"
	    "      \"above_acceptance\": true,\n"
	    "      \"residual_above_acceptance\": false\n"
	    "    },\n"
	    "    {\n"
	    "      \"id\": \"R-2\",\n"
	    "      \"title\": \"Malware, on laptops\",\n"
	    "      \"assets\": [\n"
	    "        \"laptops\",\n"
	    "        \"client-db\"\n"
	    "      ],\n"
	    "      \"threats\": [\n"
	    "        \"malware\"\n"
	    "      ],\n"
	    "      \"likelihood\": 3,\n"
	    "      \"likelihood_label\": \"Medium\",\n"
	    "      \"impact\": 5,\n"
	    "      \"impact_label\": \"Severe\",\n"
	    "      \"score\": 15,\n"
	    "      \"band\": \"High\",\n"
	    "      \"treatment\": \"mitigate\",\n"
	    "      \"controls\": [\n"
	    "        \"A.8.7\"\n"
	    "      ],\n"
	    "      \"residual_likelihood\": 3,\n"
	    "      \"residual_likelihood_label\": \"Medium\",\n"
	    "      \"residual_impact\": 1,\n"
	    "      \"residual_impact_label\": \"Negligible\",\n"
	    "      \"residual_score\": 3,\n"
	    "      \"residual_band\": \"Low\",\n"
	    "      \"owner\": \"it-lead\",\n"
	    "      \"owner_title\": \"IT lead\",\n"
	    "      \"above_acceptance\": true,\n"
	    "      \"residual_above_acceptance\": false\n"
	    "    }\n"
	    "  ],\n"
	    "  \"summary\": {\n"
	    "    \"risks\": 2,\n"
	    "    \"inherent_total\": 35,\n"
	    "    \"residual_total\": 9,\n"
	    "    \"reduction_pct\": 74.3,\n"
	    "    \"acceptance_max\": 6,\n"
	    "    \"above_acceptance\": 2,\n"
	    "    \"residual_above_acceptance\": 0\n"
	    "  }\n"
	    "}\n");
}

Test(builders, risks_markdown_summary)
{
	const struct ismc_ir *ir = compile("");
	struct ismc_report *r = ismc_report_risks(ir, &arena);
	const char *md = render(ismc_emit_md, r);

	cr_assert_not_null(strstr(md, "\n## Summary\n"
	    "\n"
	    "- Risks: 2\n"
	    "- Inherent score total: 35\n"
	    "- Residual score total: 9\n"
	    "- Reduction (%): 74.3\n"
	    "- Highest accepted score: 6\n"
	    "- Above acceptance before treatment: 2\n"
	    "- Above acceptance after treatment: 0\n"
	    "\n## Details\n\n| Risk |"), "%s", md);
	/* The summary enum indexes the same entries. */
	cr_assert_str_eq(r->summary[ISMC_RISKS_SUM_RES_ABOVE].key,
	    "residual_above_acceptance");
	cr_assert_eq(r->summary[ISMC_RISKS_SUM_INHERENT].value.u.i, 35);
}

Test(builders, risks_without_acceptance_or_scores)
{
	const struct ismc_ir *ir;
	struct ismc_report *r;

	ismc_test_init(&t);
	ir = ismc_test_compile(&t, "framework iso27001\n");
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	r = ismc_report_risks(ir, &arena);
	cr_assert_eq(r->nrows, 0);
	cr_assert_str_eq(strstr(render(ismc_emit_json, r), "  \"summary\""),
	    "  \"summary\": {\n"
	    "    \"risks\": 0,\n"
	    "    \"inherent_total\": 0,\n"
	    "    \"residual_total\": 0,\n"
	    "    \"reduction_pct\": null,\n"
	    "    \"acceptance_max\": null,\n"
	    "    \"above_acceptance\": null,\n"
	    "    \"residual_above_acceptance\": null\n"
	    "  }\n"
	    "}\n");
}

Test(builders, controls_are_qualified_with_several_frameworks)
{
	const struct ismc_ir *ir = compile("framework dora\n");
	struct ismc_report *r = ismc_report_risks(ir, &arena);

	cr_assert_eq(r->rows[0][ISMC_RISKS_CONTROLS].u.list.n, 2);
	cr_assert_str_eq(r->rows[0][ISMC_RISKS_CONTROLS].u.list.items[0],
	    "iso27001-2022:A.5.1");
	cr_assert_str_eq(r->rows[0][ISMC_RISKS_CONTROLS].u.list.items[1],
	    "M-1");
}

/* ---- the output directory ------------------------------------------------ */

static struct ismc_sources sources;
static struct ismc_diag diag;
static char *diag_text;
static size_t diag_len;
static FILE *diag_out;
static char tmpdir[] = "/tmp/ismc-test-report-XXXXXX";

static void
setup_dir(void)
{
	setup();
	cr_assert_not_null(mkdtemp(tmpdir));
	ismc_sources_init(&sources);
	diag_out = open_memstream(&diag_text, &diag_len);
	cr_assert_not_null(diag_out);
	ismc_diag_init(&diag, &sources, diag_out);
	diag.plain = true;
}

static int
remove_entry(const char *p, const struct stat *st, int type, struct FTW *ftw)
{
	(void)st;
	(void)type;
	(void)ftw;
	return remove(p);
}

static void
teardown_dir(void)
{
	fclose(diag_out);
	free(diag_text);
	ismc_sources_destroy(&sources);
	if (nftw(tmpdir, remove_entry, 16, FTW_DEPTH | FTW_PHYS) != 0)
		cr_log_warn("could not remove %s", tmpdir);
	teardown();
}

static const char *
diag_output(void)
{
	fflush(diag_out);
	return diag_text;
}

static const char *
path(const char *name)
{
	return ismc_arena_printf(&arena, "%s/%s", tmpdir, name);
}

static void
put_file(const char *name, const char *text)
{
	FILE *fp = fopen(path(name), "w");

	cr_assert_not_null(fp);
	fputs(text, fp);
	cr_assert_eq(fclose(fp), 0);
}

/* The file's contents, or NULL when it does not exist. */
static const char *
slurp(const char *name)
{
	struct ismc_buf b;
	FILE *fp;
	char chunk[512];
	size_t n;
	const char *s;

	if ((fp = fopen(path(name), "r")) == NULL)
		return NULL;
	ismc_buf_init(&b);
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		ismc_buf_add(&b, chunk, n);
	fclose(fp);
	s = ismc_arena_strndup(&arena, ismc_buf_cstr(&b), b.len);
	ismc_buf_free(&b);
	return s;
}

/* The directory's entries other than . and .., sorted, space-separated. */
static const char *
listing(const char *dir)
{
	struct dirent **names;
	struct ismc_buf b;
	const char *s;
	int i, n;

	n = scandir(dir, &names, NULL, alphasort);
	cr_assert_geq(n, 0);
	ismc_buf_init(&b);
	for (i = 0; i < n; i++) {
		if (strcmp(names[i]->d_name, ".") != 0 &&
		    strcmp(names[i]->d_name, "..") != 0) {
			if (b.len > 0)
				ismc_buf_addc(&b, ' ');
			ismc_buf_adds(&b, names[i]->d_name);
		}
		free(names[i]);
	}
	free(names);
	s = ismc_arena_strdup(&arena, ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static void
text_buf(struct ismc_buf *b, const char *s)
{
	ismc_buf_init(b);
	ismc_buf_adds(b, s);
}

TestSuite(outdir, .init = setup_dir, .fini = teardown_dir);

Test(outdir, commit_replaces_every_file)
{
	struct ismc_outdir *od;
	struct ismc_buf a, b;
	struct stat st;
	mode_t mask;

	put_file("a.csv", "old a\n");
	put_file("keep.txt", "untouched\n");
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert_not_null(od);
	text_buf(&a, "new a\n");
	text_buf(&b, "new b\n");
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert(ismc_outdir_add(od, "b.csv", &b));
	/* Nothing is visible before the commit. */
	cr_assert_str_eq(slurp("a.csv"), "old a\n");
	cr_assert_null(slurp("b.csv"));
	cr_assert(ismc_outdir_commit(od));
	ismc_buf_free(&a);
	ismc_buf_free(&b);

	cr_assert_str_eq(slurp("a.csv"), "new a\n");
	cr_assert_str_eq(slurp("b.csv"), "new b\n");
	cr_assert_str_eq(listing(tmpdir), "a.csv b.csv keep.txt");
	cr_assert_str_eq(diag_output(), "");
	/* Outputs get the permissions open(2) would give, not mkstemp's. */
	mask = umask(0);
	umask(mask);
	cr_assert_eq(stat(path("b.csv"), &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0666 & ~mask);
}

Test(outdir, empty_buffer_makes_empty_file)
{
	struct ismc_outdir *od;
	struct ismc_buf b;

	ismc_buf_init(&b);
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert(ismc_outdir_add(od, "empty.md", &b));
	cr_assert(ismc_outdir_commit(od));
	cr_assert_str_eq(slurp("empty.md"), "");
}

/*
 * A write failure in the second file leaves the first file's old version
 * in place and no temporary behind. RLIMIT_FSIZE makes write(2) fail with
 * EFBIG even for root, who ignores permissions; Criterion runs each test
 * in its own process, so the limit ends with the test.
 */
Test(outdir, failed_write_changes_nothing)
{
	struct ismc_outdir *od;
	struct ismc_buf a, big;
	struct rlimit rl = { 64, 64 };
	const char *expect;
	size_t i;

	put_file("a.csv", "old a\n");
	put_file("b.csv", "old b\n");
	signal(SIGXFSZ, SIG_IGN);
	cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert_not_null(od);
	text_buf(&a, "new a\n");
	ismc_buf_init(&big);
	for (i = 0; i < 100; i++)
		ismc_buf_adds(&big, "0123456789");
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert_not(ismc_outdir_add(od, "b.csv", &big));
	/* Later adds fail quietly: one cause, one message. */
	cr_assert_not(ismc_outdir_add(od, "c.csv", &a));
	cr_assert_not(ismc_outdir_commit(od));
	ismc_buf_free(&a);
	ismc_buf_free(&big);

	cr_assert_str_eq(slurp("a.csv"), "old a\n");
	cr_assert_str_eq(slurp("b.csv"), "old b\n");
	cr_assert_str_eq(listing(tmpdir), "a.csv b.csv");
	expect = ismc_arena_printf(&arena,
	    "ismc: error: cannot write '%s/b.csv': %s\n", tmpdir,
	    strerror(EFBIG));
	cr_assert_str_eq(diag_output(), expect);
	cr_assert_eq(diag.errors, 1);
}

/* A directory where a file should go fails the commit before any rename,
 * whoever runs the test. */
Test(outdir, unreplaceable_target_changes_nothing)
{
	struct ismc_outdir *od;
	struct ismc_buf a;
	const char *expect;

	put_file("a.csv", "old a\n");
	cr_assert_eq(mkdir(path("b.csv"), 0777), 0);
	put_file("b.csv/inside", "x");
	od = ismc_outdir_open(tmpdir, &diag);
	text_buf(&a, "new\n");
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert(ismc_outdir_add(od, "b.csv", &a));
	cr_assert_not(ismc_outdir_commit(od));
	ismc_buf_free(&a);

	cr_assert_str_eq(slurp("a.csv"), "old a\n");
	cr_assert_str_eq(listing(tmpdir), "a.csv b.csv");
	expect = ismc_arena_printf(&arena,
	    "ismc: error: cannot write '%s/b.csv': %s\n", tmpdir,
	    strerror(EISDIR));
	cr_assert_str_eq(diag_output(), expect);
}

Test(outdir, abort_removes_temporaries)
{
	struct ismc_outdir *od;
	struct ismc_buf a;

	put_file("a.csv", "old a\n");
	od = ismc_outdir_open(tmpdir, &diag);
	text_buf(&a, "new\n");
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert(ismc_outdir_add(od, "b.csv", &a));
	cr_assert_eq(strncmp(listing(tmpdir), ".ismc-tmp-", 10), 0);
	ismc_outdir_abort(od);
	ismc_buf_free(&a);
	cr_assert_str_eq(listing(tmpdir), "a.csv");
	cr_assert_str_eq(slurp("a.csv"), "old a\n");
}

Test(outdir, temporaries_are_named_after_their_file)
{
	struct ismc_outdir *od;
	struct ismc_buf a;
	const char *l;

	/* A file not ismc's: the outputs are replaced in place. */
	put_file("notes.txt", "mine");
	od = ismc_outdir_open(tmpdir, &diag);
	text_buf(&a, "x");
	cr_assert(ismc_outdir_add(od, "risks.json", &a));
	l = listing(tmpdir);
	cr_assert_eq(strlen(l), strlen(".ismc-tmp-XXXXXX-risks.json "
	    "notes.txt"), "%s", l);
	cr_assert_eq(strncmp(l, ".ismc-tmp-", 10), 0);
	cr_assert_str_eq(l + 16, "-risks.json notes.txt");
	ismc_outdir_unlink_temps(od);
	cr_assert_str_eq(listing(tmpdir), "notes.txt");
	ismc_outdir_abort(od);
	ismc_buf_free(&a);
}

/* The staging siblings of tmpdir: ".ismc-test-report-XXXXXX.ismc-new-". */
static size_t
staged(void)
{
	const char *base = strrchr(tmpdir, '/') + 1;
	char prefix[256];
	struct dirent *de;
	size_t n = 0;
	DIR *dp;

	snprintf(prefix, sizeof prefix, ".%s.ismc-new-", base);
	cr_assert_not_null(dp = opendir("/tmp"));
	while ((de = readdir(dp)) != NULL)
		if (strncmp(de->d_name, prefix, strlen(prefix)) == 0)
			n++;
	closedir(dp);
	return n;
}

/*
 * A directory of ismc's outputs only (here: empty) is replaced whole: the
 * set is staged in a sibling, nothing shows in the directory before the
 * commit, and afterwards it holds the new set and its manifest, without
 * the outputs of the earlier build that this one did not write.
 */
Test(outdir, owned_directory_is_replaced_whole)
{
	struct ismc_outdir *od;
	struct ismc_buf a;

	od = ismc_outdir_open(tmpdir, &diag);
	text_buf(&a, "one\n");
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert(ismc_outdir_add(od, "b.csv", &a));
	cr_assert_str_eq(listing(tmpdir), "");
	cr_assert_eq(staged(), 1);
	cr_assert(ismc_outdir_commit(od));
	cr_assert_eq(staged(), 0);
	cr_assert_str_eq(listing(tmpdir), ".ismc-outputs a.csv b.csv");
	cr_assert_str_eq(slurp(".ismc-outputs"), "a.csv\nb.csv\n");

	od = ismc_outdir_open(tmpdir, &diag);
	ismc_buf_reset(&a);
	ismc_buf_adds(&a, "two\n");
	cr_assert(ismc_outdir_add(od, "b.csv", &a));
	cr_assert(ismc_outdir_commit(od));
	cr_assert_str_eq(listing(tmpdir), ".ismc-outputs b.csv");
	cr_assert_str_eq(slurp("b.csv"), "two\n");
	cr_assert_str_eq(diag_output(), "");
	ismc_buf_free(&a);
}

/* An abort leaves the old set and no staging sibling. */
Test(outdir, owned_directory_abort_changes_nothing)
{
	struct ismc_outdir *od;
	struct ismc_buf a;

	put_file(".ismc-outputs", "a.csv\n");
	put_file("a.csv", "old a\n");
	od = ismc_outdir_open(tmpdir, &diag);
	text_buf(&a, "new\n");
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert_eq(staged(), 1);
	ismc_outdir_abort(od);
	ismc_buf_free(&a);
	cr_assert_eq(staged(), 0);
	cr_assert_str_eq(listing(tmpdir), ".ismc-outputs a.csv");
	cr_assert_str_eq(slurp("a.csv"), "old a\n");
}

/* No output replaces an input of the build; nothing is written. */
Test(outdir, refuses_to_replace_an_input)
{
	struct ismc_outdir *od;
	struct ismc_buf a;
	struct stat st;
	const char *expect;

	put_file("risks.md", "a spec");
	cr_assert_eq(stat(path("risks.md"), &st), 0);
	od = ismc_outdir_open(tmpdir, &diag);
	ismc_outdir_protect(od, st.st_dev, st.st_ino, "spec 'risks.md'");
	text_buf(&a, "report");
	cr_assert(ismc_outdir_add(od, "risks.csv", &a));
	cr_assert_not(ismc_outdir_add(od, "risks.md", &a));
	cr_assert_not(ismc_outdir_commit(od));
	ismc_buf_free(&a);
	cr_assert_str_eq(listing(tmpdir), "risks.md");
	cr_assert_str_eq(slurp("risks.md"), "a spec");
	expect = ismc_arena_printf(&arena, "ismc: error: refusing to write "
	    "'%s/risks.md': it is the spec 'risks.md', an input of this "
	    "build; nothing was written\n", tmpdir);
	cr_assert_str_eq(diag_output(), expect);
}

Test(outdir, stale_temporaries_are_removed_on_open)
{
	struct ismc_outdir *od;

	put_file(".ismc-tmp-AbC123-soa.csv", "left by a killed build");
	put_file(".hidden", "not ours");
	put_file("x.csv", "x");
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert_not_null(od);
	cr_assert_str_eq(listing(tmpdir), ".hidden x.csv");
	ismc_outdir_abort(od);
}

Test(outdir, creates_missing_directories)
{
	struct ismc_outdir *od;
	struct ismc_buf a;
	const char *deep = path("one/two//three/");

	od = ismc_outdir_open(deep, &diag);
	cr_assert_not_null(od, "%s", diag_output());
	text_buf(&a, "x");
	cr_assert(ismc_outdir_add(od, "f.md", &a));
	cr_assert(ismc_outdir_commit(od));
	ismc_buf_free(&a);
	cr_assert_str_eq(slurp("one/two/three/f.md"), "x");
}

Test(outdir, refuses_a_file_as_directory)
{
	const char *expect;

	put_file("plain", "x");
	cr_assert_null(ismc_outdir_open(path("plain"), &diag));
	expect = ismc_arena_printf(&arena,
	    "ismc: error: cannot create directory '%s/plain': %s\n", tmpdir,
	    strerror(ENOTDIR));
	cr_assert_str_eq(diag_output(), expect);
}

Test(outdir, refuses_bad_and_duplicate_names)
{
	struct ismc_outdir *od;
	struct ismc_buf a;

	text_buf(&a, "x");
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert_not(ismc_outdir_add(od, "../escape.csv", &a));
	ismc_outdir_abort(od);
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert_not(ismc_outdir_add(od, ".ismc-tmp-x", &a));
	ismc_outdir_abort(od);
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert(ismc_outdir_add(od, "a.csv", &a));
	cr_assert_not(ismc_outdir_add(od, "a.csv", &a));
	cr_assert_not(ismc_outdir_commit(od));
	ismc_buf_free(&a);
	cr_assert_eq(diag.errors, 3);
	cr_assert_str_eq(listing(tmpdir), "");
}

/* ---- the whole set ------------------------------------------------------ */

Test(outdir, emit_reports_writes_every_format)
{
	const struct ismc_ir *ir = compile("");
	struct ismc_outdir *od;
	struct ismc_report *soa;

	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert(ismc_backend_run_dir(ir, &arena, &diag, NULL, NULL, 0, od));
	cr_assert(ismc_outdir_commit(od));
	/* The ISO clauses are listed even when the spec decides none: each
	 * is owed an answer. */
	cr_assert_str_eq(listing(tmpdir), ".ismc-outputs "
	    "clauses-iso27001-2022.csv clauses-iso27001-2022.json "
	    "clauses-iso27001-2022.md "
	    "findings.csv findings.json findings.md "
	    "heatmap-coverage.png heatmap-coverage.svg "
	    "heatmap-risk.png heatmap-risk.svg "
	    "inputs.csv inputs.json inputs.md "
	    "kpi.png kpi.svg "
	    "kpis.csv kpis.json kpis.md "
	    "readiness.csv readiness.json readiness.md "
	    "report.html report.pdf report.xlsx "
	    "review.csv review.json review.md "
	    "risks.csv risks.json risks.md "
	    "soa-iso27001-2022.csv soa-iso27001-2022.json "
	    "soa-iso27001-2022.md");
	soa = ismc_report_soa(ir, &ir->frameworks[0], &arena);
	cr_assert_str_eq(slurp("soa-iso27001-2022.csv"),
	    render(ismc_emit_csv, soa));
	cr_assert_str_eq(slurp("soa-iso27001-2022.md"),
	    render(ismc_emit_md, soa));
	cr_assert_str_eq(slurp("soa-iso27001-2022.json"),
	    render(ismc_emit_json, soa));
	cr_assert_str_eq(slurp("risks.json"),
	    render(ismc_emit_json, ismc_report_risks(ir, &arena)));
	ismc_test_fini(&t);
}

/* The roadmap: everything by date, the phase each date falls in, and
 * what is overdue as of the spec's date (2026-01-31). */
Test(builders, roadmap_rows)
{
	const struct ismc_ir *ir;
	struct ismc_report *r;
	const char *csv;

	cr_assert_null(ismc_report_roadmap(compile(""), &arena),
	    "no phase, milestone or due date: no roadmap");
	ismc_test_fini(&t);
	ir = compile(
	    "phase P2 \"Build\" { from 2026-01-05; to 2026-03-27; owner it-lead }\n"
	    "phase P1 \"Plan\" { from 2025-11-03; to 2026-01-09 }\n"
	    "measure M-2 \"EDR\" { covers A.8.7; status planned; due 2026-02-27 }\n"
	    "control A.5.3 { applicable; status partial; owner ciso; due 2026-01-20 }\n"
	    "milestone S1 \"Stage 1\" { date 2026-01-20 }\n"
	    "milestone S0 \"Kick-off\" { date 2025-11-03; reached 2025-11-04 }\n");
	r = ismc_report_roadmap(ir, &arena);
	cr_assert_not_null(r);
	csv = render(ismc_emit_csv, r);
	cr_assert_str_eq(line(csv, "Kind,"), "Kind,Id,Title,Owner,From,Date,"
	    "Phase,Status,Reached,Overdue,Days late");
	cr_assert_eq(r->nrows, 6);
	/* By date; on one date a phase, then a milestone, then a control. */
	cr_assert_str_eq(r->rows[0][ISMC_ROADMAP_ID].u.s, "P1");
	cr_assert_str_eq(line(csv, "milestone,S0,"), "milestone,S0,Kick-off,,,"
	    "2025-11-03,P1,reached,2025-11-04,no,");
	cr_assert_str_eq(r->rows[1][ISMC_ROADMAP_ID].u.s, "S0");
	cr_assert_str_eq(line(csv, "phase,P2,"), "phase,P2,Build,it-lead,"
	    "2026-01-05,2026-03-27,,,,,");
	cr_assert_str_eq(r->rows[3][ISMC_ROADMAP_ID].u.s, "S1");
	cr_assert_str_eq(line(csv, "milestone,S1,"), "milestone,S1,Stage 1,,,"
	    "2026-01-20,P2,open,,yes,11");
	cr_assert_str_eq(r->rows[4][ISMC_ROADMAP_ID].u.s, "A.5.3");
	cr_assert_str_eq(line(csv, "control,A.5.3,"), "control,A.5.3,"
	    "Segregation of duties,ciso,,2026-01-20,P2,partial,,yes,11");
	cr_assert_str_eq(line(csv, "measure,M-2,"), "measure,M-2,EDR,,,"
	    "2026-02-27,P2,planned,,no,");
	cr_assert_eq(r->summary[ISMC_ROADMAP_SUM_PHASES].value.u.i, 2);
	cr_assert_eq(r->summary[ISMC_ROADMAP_SUM_MILESTONES].value.u.i, 2);
	cr_assert_eq(r->summary[ISMC_ROADMAP_SUM_TARGETS].value.u.i, 2);
	cr_assert_eq(r->summary[ISMC_ROADMAP_SUM_OVERDUE].value.u.i, 2);
	cr_assert_str_eq(r->summary[ISMC_ROADMAP_SUM_START].value.u.s,
	    "2025-11-03");
	cr_assert_str_eq(r->summary[ISMC_ROADMAP_SUM_END].value.u.s,
	    "2026-03-27");
	/* Overdue as warnings, located at the date and the milestone. */
	cr_assert(strstr(ismc_test_diags(&t), "control 'A.5.3' was due on "
	    "2026-01-20 and is partial (as of 2026-01-31)") != NULL,
	    "%s", ismc_test_diags(&t));
	cr_assert(strstr(ismc_test_diags(&t), "milestone 'S1' was due on "
	    "2026-01-20 and is not reached (as of 2026-01-31)") != NULL);
}
