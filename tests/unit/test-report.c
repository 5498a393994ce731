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
#include "buf.h"
#include "catalog.h"
#include "diag.h"
#include "emit.h"
#include "ir.h"
#include "outdir.h"
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

static const struct ismc_report_column two_cols[] = {
	{ "a", "Left" },
	{ "b", "Right, quoted" },
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
	ismc_buf_free(&b);
	cr_assert_eq(ismc_cell_dec(0.0 / 0.0, 1).kind, ISMC_CELL_NULL);
	cr_assert_eq(ismc_cell_str(NULL).kind, ISMC_CELL_NULL);
}

/* ---- JSON ---------------------------------------------------------------- */

TestSuite(json, .init = setup, .fini = teardown);

Test(json, escapes_controls_and_passes_unicode)
{
	static const struct ismc_report_column col[] = {
		{ "text", "Text" },
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
		{ "s", "S" }, { "i", "I" }, { "d", "D" }, { "b", "B" },
		{ "l", "L" }, { "e", "E" }, { "n", "N" },
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

	cr_assert_str_eq(render(ismc_emit_md, r),
	    "# A \\| title\n"
	    "\n"
	    "- Organisation: \\<Acme>\n"
	    "\n"
	    "| Left | Right, quoted |\n"
	    "| --- | --- |\n"
	    "| x \\| y \\\\ z | one<br>two<br>three \\*four\\* \\`five\\` "
	    "\\[six] |\n"
	    "| a\\|b, c | no |\n"
	    "\n"
	    "## Summary\n"
	    "\n"
	    "- Count: 2\n");
}

/* ---- a hand-built IR ----------------------------------------------------- */

/*
 * Three ISO 27001 controls in two themes and two risks:
 *
 *	R-1  4 x 5 = 20 High  -> 2 x 3 = 6 Medium
 *	R-2  3 x 5 = 15 High  -> (3) x 1 = 3 Low   (residual likelihood unset)
 *
 * Inherent 35, residual 9: a reduction of 74.2857...%, shown as 74.3.
 * The acceptance level is 6, so both risks start above it and none ends
 * above it.
 */
struct fixture {
	struct ismc_catalog	 cat;
	struct ismc_req		 g5, g8, r51, r52, r87;
	struct ismc_req		*reqs[3];
	struct ismc_ir_role	 ciso, itlead;
	struct ismc_ir_asset	 db, laptops;
	struct ismc_ir_threat	 phishing, malware;
	struct ismc_ir_level	 lk[5], im[5];
	struct ismc_ir_band	 bands[3];
	struct ismc_ir_control	 ctl[3];
	struct ismc_ir_docref	 refs51[1], refs87[2];
	struct ismc_ir_measure	 m1;
	struct ismc_ir_measure	*measures[1];
	const struct ismc_ir_measure *ctl51_measures[1];
	struct ismc_ir_control	*m1_covers[1];
	struct ismc_ir_risk	 r1, r2;
	struct ismc_ir_risk	*risks[2];
	const struct ismc_ir_risk *ctl51_risks[1], *ctl87_risks[1];
	const struct ismc_ir_risk *m1_risks[1];
	const struct ismc_ir_asset *r1_assets[1], *r2_assets[2];
	const struct ismc_ir_threat *r1_threats[1], *r2_threats[1];
	struct ismc_ir_treat	 r1_treat[2], r2_treat[1];
	struct ismc_ir_framework fw;
	struct ismc_ir		 ir;
};

static struct fixture fx;

static void
req(struct ismc_req *q, const char *id, const char *title,
    struct ismc_req *parent, bool group)
{
	q->id = id;
	q->title = title;
	q->parent = parent;
	q->catalog = &fx.cat;
	q->is_group = group;
}

static void
build_ir(void)
{
	static const char *const lk[] = { "Rare", "Low", "Medium", "High",
	    "Very high" };
	static const char *const im[] = { "Negligible", "Minor", "Moderate",
	    "Major", "Severe" };
	struct ismc_ir *ir = &fx.ir;
	int i;

	memset(&fx, 0, sizeof fx);
	fx.cat.id = "iso27001-2022";
	fx.cat.title = "ISO/IEC 27001:2022 Annex A";
	fx.cat.kind = "controls";
	req(&fx.g5, "A.5", "Organizational controls", NULL, true);
	req(&fx.r51, "A.5.1", "Policies for information security", &fx.g5,
	    false);
	req(&fx.r52, "A.5.2", "Information security roles and "
	    "\"responsibilities\"", &fx.g5, false);
	req(&fx.g8, "A.8", "Technological controls", NULL, true);
	req(&fx.r87, "A.8.7", "Protection against malware", &fx.g8, false);
	fx.reqs[0] = &fx.r51;
	fx.reqs[1] = &fx.r52;
	fx.reqs[2] = &fx.r87;
	fx.cat.reqs = fx.reqs;
	fx.cat.nreqs = 3;

	fx.ciso = (struct ismc_ir_role){ .id = "ciso",
	    .title = "Chief Information Security Officer" };
	fx.itlead = (struct ismc_ir_role){ .id = "it-lead",
	    .title = "IT lead" };
	fx.db = (struct ismc_ir_asset){ .id = "client-db" };
	fx.laptops = (struct ismc_ir_asset){ .id = "laptops" };
	fx.phishing = (struct ismc_ir_threat){ .id = "phishing" };
	fx.malware = (struct ismc_ir_threat){ .id = "malware" };
	for (i = 0; i < 5; i++) {
		fx.lk[i] = (struct ismc_ir_level){ .value = i + 1,
		    .label = lk[i] };
		fx.im[i] = (struct ismc_ir_level){ .value = i + 1,
		    .label = im[i] };
	}
	fx.bands[0] = (struct ismc_ir_band){ .id = "low", .label = "Low",
	    .lo = 1, .hi = 5 };
	fx.bands[1] = (struct ismc_ir_band){ .id = "medium",
	    .label = "Medium", .lo = 6, .hi = 11 };
	fx.bands[2] = (struct ismc_ir_band){ .id = "high", .label = "High",
	    .lo = 12, .hi = 25 };

	/* A.5.1: applicable for risk and law, implemented by M-1. */
	fx.refs51[0] = (struct ismc_ir_docref){ ISMC_REF_POLICY,
	    "Information security policy, v2" };
	fx.ctl51_measures[0] = &fx.m1;
	fx.ctl51_risks[0] = &fx.r1;
	fx.ctl[0] = (struct ismc_ir_control){ .req = &fx.r51,
	    .applicability = ISMC_APPLICABLE,
	    .reasons = ISMC_REASON_RISK | ISMC_REASON_LEGAL,
	    .status = ISMC_STATUS_IMPLEMENTED, .status_derived = true,
	    .owner = &fx.ciso, .refs = fx.refs51, .nrefs = 1,
	    .risks = fx.ctl51_risks, .nrisks = 1,
	    .measures = fx.ctl51_measures, .nmeasures = 1, .declared = true };
	/* A.5.2: excluded, with a justification that needs CSV quoting. */
	fx.ctl[1] = (struct ismc_ir_control){ .req = &fx.r52,
	    .applicability = ISMC_EXCLUDED,
	    .justification = "Two people, so no \"roles\"\nto assign",
	    .declared = true };
	/* A.8.7: applicable for risk and business, planned. */
	fx.refs87[0] = (struct ismc_ir_docref){ ISMC_REF_PROCEDURE,
	    "AV rollout" };
	fx.refs87[1] = (struct ismc_ir_docref){ ISMC_REF_EVIDENCE,
	    "EDR console" };
	fx.ctl87_risks[0] = &fx.r2;
	fx.ctl[2] = (struct ismc_ir_control){ .req = &fx.r87,
	    .applicability = ISMC_APPLICABLE,
	    .reasons = ISMC_REASON_RISK | ISMC_REASON_BUSINESS,
	    .status = ISMC_STATUS_PLANNED, .owner = &fx.itlead,
	    .refs = fx.refs87, .nrefs = 2, .risks = fx.ctl87_risks,
	    .nrisks = 1, .declared = true };
	fx.fw = (struct ismc_ir_framework){ .catalog = &fx.cat,
	    .controls = fx.ctl, .ncontrols = 3 };

	fx.m1_covers[0] = &fx.ctl[0];
	fx.m1_risks[0] = &fx.r1;
	fx.m1 = (struct ismc_ir_measure){ .id = "M-1",
	    .title = "Security policy set", .status = ISMC_STATUS_IMPLEMENTED,
	    .owner = &fx.ciso, .covers = fx.m1_covers, .ncovers = 1,
	    .risks = fx.m1_risks, .nrisks = 1 };
	fx.measures[0] = &fx.m1;

	fx.r1_assets[0] = &fx.db;
	fx.r1_threats[0] = &fx.phishing;
	fx.r1_treat[0] = (struct ismc_ir_treat){ .control = &fx.ctl[0] };
	fx.r1_treat[1] = (struct ismc_ir_treat){ .measure = &fx.m1 };
	fx.r1 = (struct ismc_ir_risk){ .id = "R-1",
	    .title = "Phishing leads to credential theft",
	    .threats = fx.r1_threats, .nthreats = 1,
	    .assets = fx.r1_assets, .nassets = 1,
	    .likelihood = &fx.lk[3], .impact = &fx.im[4], .score = 20,
	    .band = &fx.bands[2], .owner = &fx.ciso,
	    .treatment = ISMC_TREAT_MITIGATE, .treated_by = fx.r1_treat,
	    .ntreated_by = 2, .res_likelihood = &fx.lk[1],
	    .res_impact = &fx.im[2], .res_score = 6,
	    .res_band = &fx.bands[1], .has_residual = true,
	    .above_acceptance = true };
	fx.r2_assets[0] = &fx.laptops;
	fx.r2_assets[1] = &fx.db;
	fx.r2_threats[0] = &fx.malware;
	fx.r2_treat[0] = (struct ismc_ir_treat){ .control = &fx.ctl[2] };
	fx.r2 = (struct ismc_ir_risk){ .id = "R-2",
	    .title = "Malware, on laptops",
	    .threats = fx.r2_threats, .nthreats = 1,
	    .assets = fx.r2_assets, .nassets = 2,
	    .likelihood = &fx.lk[2], .impact = &fx.im[4], .score = 15,
	    .band = &fx.bands[2], .owner = &fx.itlead,
	    .treatment = ISMC_TREAT_MITIGATE, .treated_by = fx.r2_treat,
	    .ntreated_by = 1, .res_likelihood = NULL,
	    .res_impact = &fx.im[0], .res_score = 3,
	    .res_band = &fx.bands[0], .has_residual = true,
	    .above_acceptance = true };
	fx.risks[0] = &fx.r1;
	fx.risks[1] = &fx.r2;

	ir->isms.title = "SafeTrust ISMS";
	ir->isms.organisation = "SafeTrust Ltd";
	ir->isms.employees = -1;
	ir->isms.version = "1.2";
	ir->isms.has_date = true;
	ir->isms.date = (struct ismc_date){ 2026, 1, 31 };
	ir->bands = fx.bands;
	ir->nbands = 3;
	ir->has_acceptance = true;
	ir->acceptance_max = 6;
	ir->frameworks = &fx.fw;
	ir->nframeworks = 1;
	ir->measures = fx.measures;
	ir->nmeasures = 1;
	ir->risks = fx.risks;
	ir->nrisks = 2;
	/* As sema computes them. */
	ir->totals.inherent = 35;
	ir->totals.residual = 9;
	ir->totals.reduction_pct = 100.0 * (1.0 - 9.0 / 35.0);
	ir->totals.above_acceptance = 2;
	ir->totals.res_above_acceptance = 0;
}

static void
setup_ir(void)
{
	setup();
	build_ir();
}

TestSuite(ir, .init = setup_ir, .fini = teardown);

/* The expected outputs below spell these names; ir.c owns them. */
Test(ir, names_the_expectations_rely_on)
{
	cr_assert_str_eq(ismc_reason_name(ISMC_REASON_RISK), "risk");
	cr_assert_str_eq(ismc_reason_name(ISMC_REASON_LEGAL), "legal");
	cr_assert_str_eq(ismc_reason_name(ISMC_REASON_BUSINESS), "business");
	cr_assert_str_eq(ismc_status_name(ISMC_STATUS_IMPLEMENTED),
	    "implemented");
	cr_assert_str_eq(ismc_status_name(ISMC_STATUS_PLANNED), "planned");
	cr_assert_str_eq(ismc_treatment_name(ISMC_TREAT_MITIGATE), "mitigate");
	cr_assert_str_eq(ismc_ref_kind_name(ISMC_REF_POLICY), "policy");
	cr_assert_str_eq(ismc_ref_kind_name(ISMC_REF_PROCEDURE), "procedure");
	cr_assert_str_eq(ismc_ref_kind_name(ISMC_REF_EVIDENCE), "evidence");
}

Test(ir, soa_csv)
{
	struct ismc_report *r = ismc_report_soa(&fx.ir, &fx.fw, &arena);

	cr_assert_str_eq(r->id, "soa");
	cr_assert_eq(r->nrows, 3);
	cr_assert_str_eq(render(ismc_emit_csv, r),
	    "Control,Theme,Title,Applicable,Inclusion reasons,"
	    "Exclusion justification,Implementation status,Owner,"
	    "Owner title,References,Measures,Risks treated\r\n"
	    "A.5.1,Organizational controls,Policies for information security,"
	    "yes,risk; legal,,implemented,ciso,"
	    "Chief Information Security Officer,"
	    "\"policy: Information security policy, v2\",M-1,R-1\r\n"
	    "A.5.2,Organizational controls,"
	    "\"Information security roles and \"\"responsibilities\"\"\","
	    "no,,\"Two people, so no \"\"roles\"\"\nto assign\",,,,,,\r\n"
	    "A.8.7,Technological controls,Protection against malware,"
	    "yes,risk; business,,planned,it-lead,IT lead,"
	    "procedure: AV rollout; evidence: EDR console,,R-2\r\n");
}

Test(ir, soa_markdown_with_summary)
{
	struct ismc_report *r = ismc_report_soa(&fx.ir, &fx.fw, &arena);

	cr_assert_str_eq(render(ismc_emit_md, r),
	    "# Statement of Applicability: ISO/IEC 27001:2022 Annex A\n"
	    "\n"
	    "- Organisation: SafeTrust Ltd\n"
	    "- Spec version: 1.2\n"
	    "- Spec date: 2026-01-31\n"
	    "- Framework: iso27001-2022\n"
	    "- Framework title: ISO/IEC 27001:2022 Annex A\n"
	    "- Generator: ismc " PACKAGE_VERSION "\n"
	    "\n"
	    "| Control | Theme | Title | Applicable | Inclusion reasons "
	    "| Exclusion justification | Implementation status | Owner "
	    "| Owner title | References | Measures | Risks treated |\n"
	    "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- "
	    "| --- | --- |\n"
	    "| A.5.1 | Organizational controls "
	    "| Policies for information security | yes | risk, legal |  "
	    "| implemented | ciso | Chief Information Security Officer "
	    "| policy: Information security policy, v2 | M-1 | R-1 |\n"
	    "| A.5.2 | Organizational controls "
	    "| Information security roles and \"responsibilities\" | no |  "
	    "| Two people, so no \"roles\"<br>to assign |  |  |  |  |  |  |\n"
	    "| A.8.7 | Technological controls | Protection against malware "
	    "| yes | risk, business |  | planned | it-lead | IT lead "
	    "| procedure: AV rollout, evidence: EDR console |  | R-2 |\n"
	    "\n"
	    "## Summary\n"
	    "\n"
	    "- Requirements: 3\n"
	    "- Applicable: 2\n"
	    "- Excluded: 1\n"
	    "- Undecided: 0\n"
	    "- Applicable, implemented: 1\n"
	    "- Applicable, partially implemented: 0\n"
	    "- Applicable, planned: 1\n"
	    "- Applicable, not implemented: 0\n"
	    "- Applicable, status not set: 0\n");
}

Test(ir, soa_theme_walks_to_the_top_group)
{
	struct ismc_req article = { 0 }, point = { 0 };
	struct ismc_report *r;

	/* A.5.1 nested one level deeper still belongs to its theme. */
	req(&article, "A.5.x", "An intermediate group", &fx.g5, true);
	fx.r51.parent = &article;
	req(&point, "P", NULL, NULL, false);
	fx.ctl[1].req = &point;
	r = ismc_report_soa(&fx.ir, &fx.fw, &arena);
	cr_assert_str_eq(r->rows[0][1].u.s, "Organizational controls");
	cr_assert_eq(r->rows[1][1].kind, ISMC_CELL_NULL);
	cr_assert_eq(r->rows[1][2].kind, ISMC_CELL_NULL);
}

Test(ir, risks_csv)
{
	struct ismc_report *r = ismc_report_risks(&fx.ir, &arena);

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
}

Test(ir, risks_json)
{
	static const char head[] =
	    "{\n"
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
	struct ismc_report *r = ismc_report_risks(&fx.ir, &arena);
	const char *json = render(ismc_emit_json, r);
	const char *rows, *summary;

	rows = strstr(json, "  \"rows\": [\n");
	summary = strstr(json, "  \"summary\": {\n");
	cr_assert_not_null(rows);
	cr_assert_not_null(summary);
	cr_assert_eq(strncmp(json, head, sizeof head - 1), 0, "%s", json);
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

Test(ir, risks_markdown_summary)
{
	struct ismc_report *r = ismc_report_risks(&fx.ir, &arena);
	const char *md = render(ismc_emit_md, r);

	cr_assert_str_eq(strstr(md, "\n## Summary\n"),
	    "\n## Summary\n"
	    "\n"
	    "- Risks: 2\n"
	    "- Inherent score total: 35\n"
	    "- Residual score total: 9\n"
	    "- Reduction (%): 74.3\n"
	    "- Highest accepted score: 6\n"
	    "- Above acceptance before treatment: 2\n"
	    "- Above acceptance after treatment: 0\n");
}

Test(ir, risks_without_acceptance_or_scores)
{
	struct ismc_report *r;

	fx.ir.has_acceptance = false;
	fx.ir.totals = (struct ismc_ir_totals){ 0 };
	fx.ir.nrisks = 0;
	r = ismc_report_risks(&fx.ir, &arena);
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

Test(ir, controls_are_qualified_with_several_frameworks)
{
	struct ismc_ir_framework fws[2];
	struct ismc_report *r;

	fws[0] = fx.fw;
	fws[1] = fx.fw;
	fx.ir.frameworks = fws;
	fx.ir.nframeworks = 2;
	r = ismc_report_risks(&fx.ir, &arena);
	cr_assert_eq(r->rows[0][11].u.list.n, 2);
	cr_assert_str_eq(r->rows[0][11].u.list.items[0],
	    "iso27001-2022:A.5.1");
	cr_assert_str_eq(r->rows[0][11].u.list.items[1], "M-1");
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

	od = ismc_outdir_open(tmpdir, &diag);
	text_buf(&a, "x");
	cr_assert(ismc_outdir_add(od, "risks.json", &a));
	l = listing(tmpdir);
	cr_assert_eq(strlen(l), strlen(".ismc-tmp-XXXXXX-risks.json"), "%s",
	    l);
	cr_assert_eq(strncmp(l, ".ismc-tmp-", 10), 0);
	cr_assert_str_eq(l + 16, "-risks.json");
	ismc_outdir_unlink_temps(od);
	cr_assert_str_eq(listing(tmpdir), "");
	ismc_outdir_abort(od);
	ismc_buf_free(&a);
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
	struct ismc_outdir *od;
	struct ismc_report *soa;

	build_ir();
	od = ismc_outdir_open(tmpdir, &diag);
	cr_assert(ismc_emit_reports(&fx.ir, &arena, od, &diag));
	cr_assert(ismc_outdir_commit(od));
	cr_assert_str_eq(listing(tmpdir),
	    "findings.csv findings.json findings.md "
	    "heatmap-coverage.png heatmap-coverage.svg "
	    "heatmap-risk.png heatmap-risk.svg "
	    "kpi.png kpi.svg "
	    "kpis.csv kpis.json kpis.md "
	    "report.pdf "
	    "review.csv review.json review.md "
	    "risks.csv risks.json risks.md "
	    "soa-iso27001-2022.csv soa-iso27001-2022.json "
	    "soa-iso27001-2022.md");
	soa = ismc_report_soa(&fx.ir, &fx.fw, &arena);
	cr_assert_str_eq(slurp("soa-iso27001-2022.csv"),
	    render(ismc_emit_csv, soa));
	cr_assert_str_eq(slurp("soa-iso27001-2022.md"),
	    render(ismc_emit_md, soa));
	cr_assert_str_eq(slurp("soa-iso27001-2022.json"),
	    render(ismc_emit_json, soa));
	cr_assert_str_eq(slurp("risks.json"),
	    render(ismc_emit_json, ismc_report_risks(&fx.ir, &arena)));
}
