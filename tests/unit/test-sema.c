/*
 * test-sema.c - name resolution and every compliance check, each with a
 * case that must fire and, where it matters, one that must not.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "ast.h"
#include "compilation.h"
#include "catalog.h"
#include "frontend.h"
#include "ir.h"
#include "parse.h"
#include "sema.h"

static struct ismc_compilation comp;
static char *diag_text;
static size_t diag_len;
static FILE *diag_file;

/* Scales, bands and acceptance shared by most cases. */
static const char prelude[] =
    "framework iso27001\n"
    "role ciso \"CISO\"\n"
    "scale likelihood {\n"
    "  level 1 rare; level 2 unlikely; level 3 medium; level 4 high\n"
    "  level 5 certain\n"
    "}\n"
    "scale impact {\n"
    "  level 1 negligible; level 2 minor; level 3 medium; level 4 high\n"
    "  level 5 critical\n"
    "}\n"
    "scoring {\n"
    "  band low 1..4; band medium 5..9; band high 10..15\n"
    "  band critical 16..25\n"
    "  acceptance max 6\n"
    "}\n";

/* A catalog directory of the test's own (compile_with), or empty. */
static char extra_dir[64];

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

static void
remove_extra_dir(void)
{
	if (extra_dir[0] != '\0')
		nftw(extra_dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	extra_dir[0] = '\0';
}

/* Writes catalog `name`.yaml into the test's catalog directory. */
static void
add_catalog(const char *name, const char *yaml)
{
	char *path;
	FILE *fp;

	if (extra_dir[0] == '\0') {
		strcpy(extra_dir, "/tmp/ismc-test-sema.XXXXXX");
		cr_assert_not_null(mkdtemp(extra_dir));
	}
	if (asprintf(&path, "%s/%s.yaml", extra_dir, name) < 0)
		cr_assert_fail("out of memory");
	fp = fopen(path, "w");
	cr_assert_not_null(fp);
	cr_assert(fputs(yaml, fp) >= 0 && fclose(fp) == 0);
	free(path);
}

static struct ismc_ir *
compile_text(const char *spec)
{
	struct ismc_spec_file file;
	struct ismc_program prog;
	struct ismc_item *items = NULL;
	char *text;
	uint32_t id;

	diag_file = open_memstream(&diag_text, &diag_len);
	ismc_compilation_init(&comp, diag_file);
	comp.diag.plain = true;
	comp.diag.max_errors = 0;
	if (extra_dir[0] != '\0')
		ismc_compilation_add_search_dir(&comp, extra_dir);
	ismc_compilation_add_search_dir(&comp, ISMC_SRCDIR "/frameworks");
	if (asprintf(&text, "%s", spec) < 0)
		cr_assert_fail("out of memory");
	id = ismc_sources_add(&comp.sources, "t.isms", text, strlen(text));
	free(text);
	cr_assert_eq(ismc_parse_source(&comp, id, &items), 0,
	    "syntax errors in the test spec");
	memset(&file, 0, sizeof file);
	file.file = id;
	file.items = items;
	memset(&prog, 0, sizeof prog);
	prog.files = &file;
	prog.nfiles = 1;
	struct ismc_ir *ir = ismc_sema_run(&comp, &prog, NULL);
	fflush(diag_file);
	return ir;
}

static struct ismc_ir *
compile(const char *body)
{
	struct ismc_ir *ir;
	char *text;

	if (asprintf(&text, "%s%s", prelude, body) < 0)
		cr_assert_fail("out of memory");
	ir = compile_text(text);
	free(text);
	return ir;
}

static void
teardown(void)
{
	ismc_compilation_destroy(&comp);
	fclose(diag_file);
	free(diag_text);
	remove_extra_dir();
}

static void
assert_diag(const char *line)
{
	cr_assert(strstr(diag_text, line) != NULL,
	    "expected diagnostic\n  %s\ngot:\n%s", line, diag_text);
}

static void
assert_no_diag(const char *part)
{
	cr_assert(strstr(diag_text, part) == NULL,
	    "unexpected diagnostic containing '%s' in:\n%s", part, diag_text);
}

static const struct ismc_ir_control *
soa(const struct ismc_ir *ir, const char *id)
{
	size_t i;

	for (i = 0; i < ir->frameworks[0].ncontrols; i++)
		if (strcmp(ir->frameworks[0].controls[i].req->id, id) == 0)
			return &ir->frameworks[0].controls[i];
	cr_assert_fail("no control %s", id);
	return NULL;
}

TestSuite(sema, .fini = teardown);

Test(sema, scores_bands_and_totals)
{
	struct ismc_ir *ir = compile(
	    "risk R-2 \"b\" { likelihood medium; impact critical\n"
	    "  treatment transfer; residual { likelihood rare } }\n"
	    "risk R-10 \"c\" { likelihood 2; impact 2; treatment accept }\n"
	    "risk R-1 \"a\" { likelihood high; impact critical\n"
	    "  treatment avoid; residual { likelihood unlikely; impact minor } }\n");

	cr_assert_eq(comp.diag.errors, 0, "%s", diag_text);
	cr_assert_eq(ir->nrisks, 3);
	/* Natural order, not declaration order. */
	cr_assert_str_eq(ir->risks[0]->id, "R-1");
	cr_assert_str_eq(ir->risks[1]->id, "R-2");
	cr_assert_str_eq(ir->risks[2]->id, "R-10");
	cr_assert_eq(ir->risks[0]->score, 20);
	cr_assert_str_eq(ir->risks[0]->band->id, "critical");
	cr_assert_eq(ir->risks[0]->res_score, 4);
	cr_assert_str_eq(ir->risks[0]->res_band->id, "low");
	cr_assert_eq(ir->risks[1]->score, 15);
	cr_assert_eq(ir->risks[1]->res_score, 5);	/* impact kept */
	cr_assert_eq(ir->risks[2]->score, 4);
	cr_assert_eq(ir->risks[2]->res_score, 4);	/* no residual given */
	cr_assert(ir->risks[0]->above_acceptance);
	cr_assert(!ir->risks[2]->above_acceptance);
	cr_assert_eq(ir->totals.inherent, 39);
	cr_assert_eq(ir->totals.residual, 13);
	cr_assert_float_eq(ir->totals.reduction_pct, 100.0 * 26 / 39, 1e-9);
}

Test(sema, excluded_control_needs_justification)
{
	compile("control A.7.12 { excluded }\n"
	    "control A.7.13 { excluded \"  \" }\n"
	    "control A.7.14 { excluded \"We operate no premises of our own\" }\n");
	assert_diag("t.isms:16:18: error: excluded control 'A.7.12' has no "
	    "justification; write excluded \"why it does not apply\"\n");
	assert_diag("t.isms:17:27: error: excluded control 'A.7.13' has an "
	    "empty justification\n");
	assert_no_diag("'A.7.14'");
	cr_assert_eq(comp.diag.errors, 2);
}

Test(sema, excluded_control_cannot_treat_a_risk)
{
	compile("control A.8.16 { excluded \"no monitoring\" }\n"
	    "risk R-1 \"x\" { likelihood 1; impact 1; treatment mitigate\n"
	    "  controls A.8.16 }\n");
	assert_diag("t.isms:18:12: error: risk 'R-1' is treated by 'A.8.16', "
	    "which the Statement of Applicability excludes\n"
	    "t.isms:16:1: note: 'A.8.16' is excluded here\n");
}

Test(sema, risk_above_acceptance_without_treatment_warns)
{
	compile("risk R-1 \"none\" { likelihood high; impact high }\n"
	    "risk R-2 \"accepted\" { likelihood high; impact high\n"
	    "  treatment accept }\n"
	    "risk R-3 \"small\" { likelihood rare; impact minor\n"
	    "  treatment accept }\n");
	assert_diag("t.isms:16:6: warning: risk 'R-1' scores 16, above the "
	    "acceptance criterion (6), but has no treatment "
	    "[-Wunmet-acceptance]\n");
	assert_diag("t.isms:17:6: warning: risk 'R-2' scores 16, above the "
	    "acceptance criterion (6), but is accepted [-Wunmet-acceptance]\n");
	assert_no_diag("'R-3'");
}

Test(sema, mitigation_by_unimplemented_controls_warns)
{
	compile("control A.8.7 { applicable; status planned }\n"
	    "control A.8.8 { applicable; status implemented }\n"
	    "control A.8.13 { applicable; status partial }\n"
	    "risk R-1 \"ransomware\" { likelihood 3; impact 5\n"
	    "  treatment mitigate; controls A.8.7, A.8.8, A.8.13 }\n"
	    "risk R-2 \"empty\" { likelihood 3; impact 5; treatment mitigate }\n");
	assert_diag("t.isms:20:32: warning: risk 'R-1' is mitigated by "
	    "'A.8.7', which is only planned [-Wweak-mitigation]\n");
	assert_diag("warning: risk 'R-1' is mitigated by 'A.8.13', which is "
	    "only partially implemented [-Wweak-mitigation]\n");
	assert_no_diag("'A.8.8', which");
	assert_diag("t.isms:21:6: warning: risk 'R-2' is to be mitigated but "
	    "names no controls [-Wmitigation-without-controls]\n");
}

Test(sema, residual_above_inherent_is_an_error)
{
	compile("risk R-1 \"x\" { likelihood 2; impact 2; treatment avoid\n"
	    "  residual { likelihood 3 } }\n");
	assert_diag("t.isms:16:6: error: residual score of risk 'R-1' (6) is "
	    "higher than its inherent score (4)\n");
}

Test(sema, duplicates_are_reported_at_the_second_definition)
{
	compile("role ciso \"again\"\n"
	    "control A.5.1 { applicable; status implemented }\n"
	    "control iso27001:A.5.1 { applicable; status implemented }\n");
	assert_diag("t.isms:16:6: error: duplicate role 'ciso'\n"
	    "t.isms:2:6: note: 'ciso' was first defined here\n");
	assert_diag("t.isms:18:9: error: duplicate entry for control 'A.5.1'\n"
	    "t.isms:17:9: note: first entry for 'A.5.1' is here\n");
}

Test(sema, near_misses_get_suggestions)
{
	compile("control A.5.51 { applicable }\n"
	    "control A.5.1 { owner cisco; status implmented }\n"
	    "risk R-1 \"x\" { likelyhood 2; impact 2 }\n"
	    "rsik R-2 \"y\"\n");
	assert_diag("t.isms:16:9: error: unknown control 'A.5.51'; did you "
	    "mean 'A.5.15'?\n");
	assert_diag("error: unknown role 'cisco'; did you mean 'ciso'?\n");
	assert_diag("error: unknown implementation status 'implmented'; did "
	    "you mean 'implemented'?\n");
	assert_diag("t.isms:18:16: error: unknown attribute 'likelyhood' in "
	    "risk 'R-1'; did you mean 'likelihood'?\n");
	assert_diag("t.isms:19:1: error: unknown item 'rsik'; did you mean "
	    "'risk'?\n");
}

Test(sema, levels_resolve_by_name_or_value)
{
	compile("risk R-1 \"x\" { likelihood hihg; impact 7 }\n");
	assert_diag("t.isms:16:27: error: unknown likelihood level 'hihg'; "
	    "did you mean 'high'?\n");
	assert_diag("t.isms:16:40: error: impact 7 is outside the scale 1..5\n");
	assert_no_diag("has no likelihood");
}

Test(sema, qualified_references_need_the_framework)
{
	compile("control dora:5.1 { applicable }\n"
	    "control iso27001:A.5 { applicable }\n");
	assert_diag("t.isms:16:9: error: framework 'dora' is not in use; add "
	    "'framework dora' if it is the one you mean\n");
	assert_diag("t.isms:17:9: error: 'iso27001:A.5' is a heading of "
	    "iso27001-2022, not a control\n");
}

Test(sema, measures_give_status_and_applicability)
{
	struct ismc_ir *ir = compile(
	    "measure M-MFA \"MFA everywhere\" { covers A.5.17, A.8.5\n"
	    "  status implemented; owner ciso }\n"
	    "measure M-LOG \"Logging\" { covers A.8.15; status planned }\n"
	    "control A.8.15 { applicable; status partial }\n"
	    "risk R-1 \"x\" { likelihood 2; impact 2; treatment mitigate\n"
	    "  controls M-MFA }\n");
	const struct ismc_ir_control *c = soa(ir, "A.8.5");

	cr_assert_eq(c->applicability, ISMC_APPLICABLE);
	cr_assert_eq(c->status, ISMC_STATUS_IMPLEMENTED);
	cr_assert(c->status_derived);
	cr_assert_eq(c->nmeasures, 1);
	cr_assert_eq(c->nrisks, 1);		/* through the measure */
	cr_assert(c->reasons & ISMC_REASON_RISK);
	/* A declared status is never overridden by a measure. */
	c = soa(ir, "A.8.15");
	cr_assert_eq(c->status, ISMC_STATUS_PARTIAL);
	cr_assert(!c->status_derived);
	assert_no_diag("error");
}

Test(sema, undecided_controls_are_summarised_once)
{
	compile("control A.5.1 { applicable; status implemented }\n");
	assert_diag("t.isms:1:1: warning: 92 controls of iso27001-2022 have "
	    "no applicability decision: A.5.2, A.5.3, A.5.4, A.5.5, A.5.6 and "
	    "87 more [-Wundecided-control]\n");
}

Test(sema, bands_must_not_overlap)
{
	compile("scoring { band a 1..5 }\n");
	assert_diag("t.isms:16:1: error: 'scoring' defined twice\n");
}

Test(sema, applicable_and_excluded_conflict)
{
	compile("control A.5.1 { applicable; excluded \"no\" }\n");
	assert_diag("t.isms:16:29: error: control 'A.5.1' is both applicable "
	    "and excluded\n");
}

Test(sema, kpis_are_met_or_missed_by_their_target)
{
	struct ismc_ir *ir = compile(
	    "kpi K-1 \"clicks\" { target below 5%; result 3.5% }\n"
	    "kpi K-2 \"patch\" { target at-most 14 days; result 15 days }\n"
	    "kpi K-3 \"mfa\" { target at-least 100%; result 100% }\n"
	    "kpi K-4 \"units\" { target below 2 incidents; result 3% }\n"
	    "kpi K-5 \"none\" { target above 1 }\n");

	cr_assert_eq(ir->nkpis, 5);
	cr_assert(ir->kpis[0]->met);
	cr_assert(!ir->kpis[1]->met);
	cr_assert(ir->kpis[2]->met);
	cr_assert_str_eq(ir->kpis[1]->unit, "days");
	assert_diag("t.isms:19:52: error: KPI 'K-4' mixes units 'incidents' "
	    "and '%'\n");
	assert_diag("t.isms:20:5: warning: KPI 'K-5' has no result yet "
	    "[-Wkpi-no-result]\n");
}

Test(sema, overdue_actions_and_stale_evidence_against_as_of)
{
	struct ismc_ir *ir = compile(
	    "isms \"x\" { date 2026-06-30 }\n"
	    "audit IA \"internal\" { type internal; date 2026-05-01\n"
	    "  finding NC-1 \"late\" { kind minor; controls A.5.18\n"
	    "    action CA-1 \"fix\" { owner ciso; due 2026-06-01; status open } }\n"
	    "  finding NC-2 \"done\" { kind major\n"
	    "    action CA-2 \"fixed\" { due 2026-06-01; status done } }\n"
	    "  finding OFI-1 \"idea\" { kind improvement }\n"
	    "  finding NC-3 \"no action\" { kind minor }\n"
	    "}\n"
	    "evidence EV-1 \"old\" { collected 2026-03-31; valid 2 months }\n"
	    "evidence EV-2 \"fresh\" { collected 2026-06-01; valid 1 year }\n");

	cr_assert_eq(ir->nfindings, 4);
	cr_assert_str_eq(ir->findings[0]->id, "NC-1");
	cr_assert(!ir->findings[0]->closed);
	cr_assert(ir->findings[1]->closed);		/* NC-2 */
	cr_assert(ir->findings[3]->closed);		/* OFI-1 */
	assert_diag("t.isms:19:12: warning: corrective action 'CA-1' was due "
	    "on 2026-06-01 and is not done (as of 2026-06-30) "
	    "[-Woverdue-action]\n");
	assert_diag("t.isms:23:11: warning: nonconformity 'NC-3' has no "
	    "corrective action [-Wunaddressed-nonconformity]\n");
	/* Calendar months: 31 March + 2 months = 31 May. */
	assert_diag("t.isms:25:10: warning: evidence 'EV-1' expired on "
	    "2026-05-31 (as of 2026-06-30) [-Wstale-evidence]\n");
	assert_no_diag("EV-2");
	cr_assert_eq(ir->evidence[1]->expires.year, 2027);
}

/* ---- ISO 27001 clauses ------------------------------------------------- */

/* A controls catalog in two parts, as the shipped ISO 27001 one. */
static const char isoc_yaml[] =
    "format: ismc-catalog/1\n"
    "catalog:\n"
    "  id: isoc\n"
    "  title: Clauses and controls\n"
    "  kind: controls\n"
    "  levels: [theme, control]\n"
    "  soa: [A.5]\n"
    "nodes:\n"
    "  - {id: A.5, level: theme}\n"
    "  - {id: A.5.1, level: control, parent: A.5}\n"
    "  - {id: A.5.2, level: control, parent: A.5}\n"
    "  - {id: \"9\", level: theme}\n"
    "  - {id: \"9.2\", level: theme, parent: \"9\"}\n"
    "  - {id: \"9.2.1\", level: control, parent: \"9.2\"}\n"
    "  - {id: \"9.2.2\", level: control, parent: \"9.2\"}\n"
    "  - {id: \"10\", level: theme}\n"
    "  - {id: \"10.1\", level: control, parent: \"10\"}\n";

static const struct ismc_ir_control *
row(const struct ismc_ir *ir, const char *id)
{
	size_t f, i;

	for (f = 0; f < ir->nframeworks; f++)
		for (i = 0; i < ir->frameworks[f].ncontrols; i++)
			if (strcmp(ir->frameworks[f].controls[i].req->id,
			    id) == 0)
				return &ir->frameworks[f].controls[i];
	cr_assert_fail("no row %s", id);
	return NULL;
}

Test(sema, clauses_are_decided_without_an_soa_row)
{
	const struct ismc_ir_control *c;
	struct ismc_ir *ir;

	add_catalog("isoc", isoc_yaml);
	ir = compile_text("framework isoc\n"
	    "role ciso \"CISO\"\n"
	    "clause 9.2.2 { status implemented; owner ciso\n"
	    "  documented \"Internal audit programme 2026\" }\n"
	    "clause 10.1 { status partial }\n"
	    "control A.5.1 { applicable; status implemented }\n"
	    "control A.5.2 { excluded \"none\" }\n"
	    "risk R-1 \"x\" { likelihood 1; impact 1; controls isoc:9.2.2, "
	    "9.2.1 }\n");
	/* Undecided clauses draw no warning; only SoA rows need one. */
	assert_no_diag("no applicability decision");
	c = row(ir, "9.2.2");
	cr_expect_eq(c->applicability, ISMC_APPLICABLE);
	cr_expect_eq(c->status, ISMC_STATUS_IMPLEMENTED);
	cr_expect_str_eq(c->owner->id, "ciso");
	cr_assert_eq(c->nrefs, 1);
	cr_expect_eq(c->refs[0].kind, ISMC_REF_DOCUMENTED);
	cr_expect_str_eq(ismc_ref_kind_name(c->refs[0].kind), "documented");
	cr_expect_eq(row(ir, "10.1")->status, ISMC_STATUS_PARTIAL);
	cr_expect(c->req->mandatory);
	cr_expect(!row(ir, "A.5.1")->req->mandatory);
}

Test(sema, clause_errors)
{
	add_catalog("isoc", isoc_yaml);
	compile_text("framework isoc\n"
	    "clause 9.2 { status implemented }\n"
	    "clause A.5.1 { status implemented }\n"
	    "clause 9.2.3 { status implemented }\n"
	    "clause 10.1 { excluded \"no\" }\n"
	    "clause 9.2.1\n"
	    "clause 9.2.2 { status done }\n");
	assert_diag("t.isms:2:8: error: '9.2' is a heading of isoc; decide the "
	    "clauses under it\n");
	assert_diag("t.isms:3:8: error: 'A.5.1' is a control of the Statement "
	    "of Applicability, not a clause; write 'control A.5.1'\n");
	assert_diag("t.isms:4:8: error: unknown clause '9.2.3'; did you mean "
	    "'9.2.1'?\n");
	assert_diag("t.isms:5:15: error: clause '10.1' cannot be excluded: "
	    "clauses 4 to 10 are mandatory for every ISMS\n");
	assert_diag("t.isms:6:1: error: clause '9.2.1' needs a block with its "
	    "status, e.g. '{ status implemented }'\n");
	assert_diag("t.isms:7:23: error: unknown implementation status 'done'");
}

Test(sema, no_framework_with_clauses)
{
	compile_text("framework dora\nclause 9.2.2 { status implemented }\n");
	assert_diag("t.isms:2:8: error: no framework in use has clauses; "
	    "'clause' decides the clauses 4 to 10 of ISO/IEC 27001 (framework "
	    "iso27001)\n");
}

/* A number where a reference belongs says how to write the reference. */
Test(sema, a_number_is_not_a_reference)
{
	add_catalog("isoc", isoc_yaml);
	compile_text("framework isoc\n"
	    "framework dora\n"
	    "scale likelihood { level 1 low }\n"
	    "scale impact { level 1 low }\n"
	    "risk R-1 \"x\" { likelihood 1; impact 1; controls 28.3, 9.2, "
	    "10.1 }\n");
	assert_diag("t.isms:5:49: error: '28.3' reads as a number; write "
	    "'dora:28.3' for requirement 28.3 of dora\n");
	assert_diag("t.isms:5:55: error: '9.2' reads as a number, and isoc:9.2 "
	    "is a heading: name a requirement under it\n");
	assert_diag("t.isms:5:60: error: '10.1' reads as a number; write "
	    "'isoc:10.1' for clause 10.1 of isoc\n");
}
