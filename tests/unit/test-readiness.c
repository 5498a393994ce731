/*
 * test-readiness.c - risk acceptance, impact dimensions, risk review,
 * management reviews, the Stage 1 facts, the readiness analysis and its
 * report, and the auditors' words in the findings report.
 *
 * Every test compiles a small spec against the shipped ISO/IEC 27001
 * catalog and checks the values sema and the analysis computed, or the
 * exact diagnostics.
 */
#include <criterion/criterion.h>

#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "catalog.h"
#include "helpers.h"
#include "ir.h"
#include "readiness.h"
#include "report-findings.h"
#include "report-readiness.h"
#include "report-risks.h"
#include "report.h"

static struct ismc_test t;

/* Scales of three levels, an acceptance criterion of 4 and roles. */
static const char head[] =
    "framework iso27001\n"
    "isms \"Acme\" { date 2026-06-30; scope \"All of Acme\" }\n"
    "role ciso \"CISO\"\n"
    "role board \"Board\"\n"
    "role it \"IT\"\n"
    "scale likelihood { level 1 low; level 2 medium; level 3 high }\n";

static const struct ismc_ir *
compile(const char *body)
{
	const struct ismc_ir *ir;

	ismc_test_init(&t);
	ir = ismc_test_compile(&t, ismc_arena_printf(&t.comp.arena, "%s%s",
	    head, body));
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	return ir;
}

/* Compiles a spec that must give errors; returns the diagnostics. */
static const char *
diags_of(const char *body)
{
	ismc_test_init(&t);
	(void)ismc_test_compile(&t, ismc_arena_printf(&t.comp.arena, "%s%s",
	    head, body));
	return ismc_test_diags(&t);
}

static const struct ismc_ir_risk *
risk(const struct ismc_ir *ir, const char *id)
{
	size_t i;

	for (i = 0; i < ir->nrisks; i++)
		if (strcmp(ir->risks[i]->id, id) == 0)
			return ir->risks[i];
	cr_assert_fail("no risk %s", id);
	return NULL;
}

static void
fini(void)
{
	ismc_test_fini(&t);
}

TestSuite(impact, .fini = fini);

#define IMPACT3	"scale impact { level 1 low; level 2 medium; level 3 high }\n"

Test(impact, highest_dimension_is_the_impact)
{
	const struct ismc_ir *ir = compile(IMPACT3
	    "risk R-1 { likelihood medium\n"
	    "  impact { confidentiality low; availability high }\n"
	    "  residual { impact { availability medium } } }\n");
	const struct ismc_ir_risk *r = risk(ir, "R-1");

	cr_assert_eq(ir->ndims, 3);
	cr_assert_eq(r->impact->value, 3);
	cr_assert_eq(r->score, 6);
	/* Confidentiality keeps its inherent low; availability drops. */
	cr_assert_eq(r->res_impact_dims[0]->value, 1);
	cr_assert_null(r->res_impact_dims[1]);
	cr_assert_eq(r->res_impact_dims[2]->value, 2);
	cr_assert_eq(r->res_impact->value, 2);
	cr_assert_eq(r->res_score, 4);
	cr_assert(ir->has_dims);
}

Test(impact, average_rounds_up_and_declared_dimensions_count)
{
	const struct ismc_ir *ir = compile(
	    "scale impact { level 1 low; level 2 medium; level 3 high\n"
	    "  dimension safety \"Health and safety\"; combine average }\n"
	    "risk R-1 { likelihood high\n"
	    "  impact { confidentiality low; integrity low; safety medium } }\n"
	    "risk R-2 { likelihood high; impact high }\n");
	const struct ismc_ir_risk *r = risk(ir, "R-1");

	cr_assert_eq(ir->ndims, 4);
	cr_assert_str_eq(ir->dims[3], "safety");
	cr_assert_str_eq(ir->dim_labels[3], "Health and safety");
	cr_assert_eq(ir->combine, ISMC_COMBINE_AVERAGE);
	/* (1 + 1 + 2) / 3 = 1.33, rounded up to 2. */
	cr_assert_eq(r->impact->value, 2);
	cr_assert_eq(r->score, 6);
	/* No residual: the dimensions stay as rated. */
	cr_assert_eq(r->res_impact_dims, r->impact_dims);
	/* A single impact is unchanged. */
	cr_assert_null(risk(ir, "R-2")->impact_dims);
	cr_assert_eq(risk(ir, "R-2")->score, 9);
}

Test(impact, errors)
{
	cr_assert_str_eq(diags_of(IMPACT3
	    "risk R-1 { likelihood low\n"
	    "  impact { availabilty high } }\n"),
	    "test.isms:9:12: error: unknown attribute 'availabilty' in the "
	    "impact of 'R-1'; did you mean 'availability'?\n"
	    "test.isms:1:1: warning: 93 controls of iso27001-2022 have no "
	    "applicability decision: A.5.1, A.5.2, A.5.3, A.5.4, A.5.5 and 88 "
	    "more [-Wundecided-control]\n");
	ismc_test_fini(&t);
	cr_assert_str_eq(diags_of(
	    "scale impact { level 1 low; dimension availability }\n"),
	    "test.isms:7:39: error: duplicate impact dimension 'availability' "
	    "(every spec has confidentiality, integrity and availability)\n"
	    "test.isms:1:1: warning: 93 controls of iso27001-2022 have no "
	    "applicability decision: A.5.1, A.5.2, A.5.3, A.5.4, A.5.5 and 88 "
	    "more [-Wundecided-control]\n");
}

TestSuite(acceptance, .fini = fini);

#define SCORING	IMPACT3 "scoring { acceptance max 4; approver board; " \
	"review 12 months }\n"

Test(acceptance, owner_dates_and_approval)
{
	const struct ismc_ir *ir = compile(SCORING
	    "risk R-1 { likelihood high; impact high; owner ciso\n"
	    "  treatment accept; reviewed 2026-01-10\n"
	    "  accepted { by ciso; on 2026-01-10; until 2027-01-10; "
	    "approved board } }\n"
	    "risk R-2 { likelihood low; impact high; owner ciso\n"
	    "  treatment accept; reviewed 2025-06-30\n"
	    "  accepted { by it; on 2025-01-10; until 2026-06-29 } }\n");
	const struct ismc_ir_risk *r1 = risk(ir, "R-1"), *r2 = risk(ir, "R-2");

	cr_assert(r1->owner_accepted);
	cr_assert_str_eq(r1->accepted->approved->id, "board");
	cr_assert_not(r1->accepted->expired);
	cr_assert_not(r1->review_overdue);
	cr_assert_not(r2->owner_accepted);
	cr_assert(r2->accepted->expired);
	/* Reviewed exactly twelve months before the as-of date: on time. */
	cr_assert_not(r2->review_overdue);
	/* The approved acceptance above the criterion draws no warning;
	 * only R-2's expiry does (no clause: no Stage 1 checks). */
	cr_assert_str_eq(ismc_test_diags(&t),
	    "test.isms:14:3: warning: the acceptance of risk 'R-2' expired on "
	    "2026-06-29 (as of 2026-06-30) [-Wexpired-acceptance]\n"
	    "test.isms:1:1: warning: 93 controls of iso27001-2022 have no "
	    "applicability decision: A.5.1, A.5.2, A.5.3, A.5.4, A.5.5 and 88 "
	    "more [-Wundecided-control]\n");
}

Test(acceptance, only_an_approver_approves)
{
	cr_assert_str_eq(diags_of(SCORING
	    "risk R-1 { likelihood high; impact high; owner ciso\n"
	    "  treatment mitigate; reviewed 2026-06-01\n"
	    "  accepted { by ciso; approved it } }\n"),
	    "test.isms:11:32: error: 'it' may not approve risk acceptance; the "
	    "approvers 'scoring' names are board\n"
	    "test.isms:9:6: warning: risk 'R-1' is to be mitigated but names "
	    "no controls [-Wmitigation-without-controls]\n"
	    "test.isms:11:3: warning: risk 'R-1' is accepted at residual score "
	    "9, above the acceptance criterion (4), without an approver's "
	    "approval; add 'approved ROLE' [-Wunapproved-acceptance]\n"
	    "test.isms:1:1: warning: 93 controls of iso27001-2022 have no "
	    "applicability decision: A.5.1, A.5.2, A.5.3, A.5.4, A.5.5 and 88 "
	    "more [-Wundecided-control]\n");
}

TestSuite(stage1, .fini = fini);

#define CLAUSE	"clause 9.1 { status implemented; owner ciso }\n"

Test(stage1, evidence_or_a_plan)
{
	const struct ismc_ir *ir = compile(IMPACT3 CLAUSE
	    "control A.5.1 { applicable; status implemented; policy \"P\" }\n"
	    "control A.5.2 { applicable; status planned }\n"
	    "control A.5.3 { applicable; status implemented; record \"R\" }\n"
	    "control A.5.4 { applicable; status implemented }\n"
	    "control A.5.5 { applicable; status implemented }\n"
	    "measure M-1 { covers A.5.4; status implemented; "
	    "evidence \"log\" }\n"
	    "evidence EV-1 { collected 2026-01-01; controls A.5.5 }\n");
	const struct ismc_ir_stage1 *st = &ir->stage1;

	cr_assert(st->applies);
	cr_assert_eq(st->nunevidenced, 1);
	cr_assert_str_eq(st->unevidenced[0]->req->id, "A.5.1");
	cr_assert_eq(st->nevidenced, 4);
	cr_assert_null(st->last_audit);
}

Test(stage1, not_without_clauses)
{
	const struct ismc_ir *ir = compile(IMPACT3
	    "control A.5.1 { applicable; status implemented }\n"
	    "risk R-1 { likelihood low; impact low; owner ciso }\n");

	cr_assert_not(ir->stage1.applies);
	/* The fact is decided all the same, for the readiness report. */
	cr_assert_eq(ir->stage1.nunevidenced, 1);
	cr_assert_null(strstr(ismc_test_diags(&t), "-Wunaccepted-risk"));
	cr_assert_null(strstr(ismc_test_diags(&t), "-Wstale"));
}

Test(stage1, the_last_audit_and_review_before_as_of)
{
	const struct ismc_ir *ir = compile(IMPACT3 CLAUSE
	    "audit IA-1 { type internal; date 2025-07-01 }\n"
	    "audit IA-2 { type internal; date 2026-08-01 }\n"
	    "audit EA-1 { type external; date 2026-05-01 }\n"
	    "management-review MR-1 { date 2025-06-29 }\n"
	    "management-review MR-0 { date 2024-06-01 }\n");
	const struct ismc_ir_stage1 *st = &ir->stage1;

	cr_assert_str_eq(st->last_audit->id, "IA-1");
	cr_assert_not(st->audit_stale);
	cr_assert_str_eq(st->last_review->id, "MR-1");
	cr_assert(st->review_stale);
	cr_assert_eq(ir->nmreviews, 2);
	cr_assert_str_eq(ir->mreviews[0]->id, "MR-0");
}

TestSuite(readiness, .fini = fini);

static const struct ismc_readiness_item *
item(const struct ismc_ir *ir, const char *clause)
{
	size_t i;

	cr_assert_not_null(ir->readiness);
	for (i = 0; i < ir->readiness->nitems; i++)
		if (strcmp(ir->readiness->items[i].clause, clause) == 0)
			return &ir->readiness->items[i];
	cr_assert_fail("no item %s", clause);
	return NULL;
}

static const char *
state(const struct ismc_ir *ir, const char *clause)
{
	return ismc_ready_state_name(item(ir, clause)->state);
}

Test(readiness, a_bare_spec)
{
	const struct ismc_ir *ir = compile(IMPACT3);

	cr_assert_eq(ir->readiness->nitems, 17);
	cr_assert_str_eq(state(ir, "4.3"), "present");
	cr_assert_str_eq(item(ir, "4.3")->sources[0], "test.isms:2");
	cr_assert_str_eq(state(ir, "5.2"), "missing");
	cr_assert_str_eq(state(ir, "6.1.2"), "missing");
	cr_assert_str_eq(state(ir, "6.1.3 d"), "missing");
	cr_assert_str_eq(item(ir, "6.1.3 d")->basis,
	    "93 of 93 controls have no applicability decision");
	cr_assert_str_eq(state(ir, "9.2"), "missing");
	cr_assert_str_eq(state(ir, "10.2"), "missing");
	cr_assert_not(ir->readiness->ready);
	cr_assert_eq(ir->readiness->count[ISMC_READY_PRESENT], 1);
	cr_assert_eq(ir->readiness->count[ISMC_READY_MISSING], 16);
	cr_assert_eq(ir->readiness->clauses, 30);
	cr_assert_eq(ir->readiness->decided, 0);
}

Test(readiness, derived_present_and_stale)
{
	const struct ismc_ir *ir = compile(IMPACT3
	    "scoring { acceptance max 4; review 6 months }\n"
	    "clause 5.2 { status implemented; owner ciso; "
	    "documented \"ISP-01\" }\n"
	    "clause 9.3.3 { status partial }\n"
	    "risk R-1 { likelihood low; impact low; owner ciso\n"
	    "  treatment accept; reviewed 2025-06-01\n"
	    "  accepted { by ciso; on 2025-06-01; until 2026-06-01 } }\n"
	    "kpi K-1 { target below 5%; result 3% }\n"
	    "audit IA-1 { date 2026-05-01\n"
	    "  finding NC-1 { kind minor-nonconformity } }\n"
	    "management-review MR-1 { date 2025-05-01 }\n");
	const struct ismc_readiness_item *it = item(ir, "5.2");

	cr_assert_str_eq(state(ir, "5.2"), "present");
	cr_assert_str_eq(it->basis, "clause 5.2: ISP-01");
	cr_assert_str_eq(it->sources[0], "test.isms:9");
	cr_assert_str_eq(it->decision->req->id, "5.2");
	cr_assert_str_eq(state(ir, "6.1.2"), "derived");
	cr_assert_str_eq(state(ir, "6.1.3 e"), "derived");
	cr_assert_str_eq(state(ir, "6.1.3 f"), "stale");
	cr_assert_str_eq(state(ir, "8.2"), "stale");
	cr_assert_str_eq(item(ir, "8.2")->basis,
	    "1 of 1 risks overdue for review");
	cr_assert_str_eq(state(ir, "6.2"), "derived");
	cr_assert_str_eq(state(ir, "9.1"), "derived");
	cr_assert_str_eq(state(ir, "9.2.2"), "derived");
	cr_assert_str_eq(state(ir, "9.2"), "derived");
	cr_assert_str_eq(state(ir, "9.3"), "stale");
	cr_assert_str_eq(item(ir, "9.3")->decision->req->id, "9.3.3");
	/* The minor nonconformity (new spelling) has no action. */
	cr_assert_str_eq(state(ir, "10.2"), "missing");
	cr_assert_str_eq(item(ir, "10.2")->basis,
	    "1 of 1 nonconformities have no corrective action");
	cr_assert_eq(ir->readiness->decided, 2);
	cr_assert_eq(ir->readiness->implemented, 1);
}

Test(readiness, the_report)
{
	struct ismc_arena a;
	const struct ismc_ir *ir = compile(IMPACT3
	    "clause 5.2 { status implemented; owner ciso; "
	    "documented \"ISP-01\", \"ISP-02\" }\n");
	struct ismc_report *r;
	const struct ismc_cell *row;

	ismc_arena_init(&a);
	r = ismc_report_readiness(ir, &a);
	cr_assert_not_null(r);
	cr_assert_eq(r->nrows, 17);
	row = r->rows[1];
	cr_assert_str_eq(row[ISMC_READINESS_CLAUSE].u.s, "5.2");
	cr_assert_str_eq(row[ISMC_READINESS_STATE].u.s, "present");
	cr_assert_str_eq(row[ISMC_READINESS_STATUS].u.s, "implemented");
	cr_assert_str_eq(row[ISMC_READINESS_OWNER].u.s, "ciso");
	cr_assert_eq(row[ISMC_READINESS_DOCUMENTED].u.list.n, 2);
	cr_assert_eq(r->rows[2][ISMC_READINESS_DECISION].kind,
	    ISMC_CELL_NULL);
	cr_assert_str_eq(r->summary[ISMC_READINESS_SUM_READY].key, "ready");
	cr_assert_not(r->summary[ISMC_READINESS_SUM_READY].value.u.b);
	cr_assert_eq(r->summary[ISMC_READINESS_SUM_DECIDED].value.u.i, 1);
	ismc_arena_destroy(&a);
}

Test(readiness, none_without_clauses)
{
	struct ismc_arena a;
	const struct ismc_ir *ir;

	ismc_test_init(&t);
	ir = ismc_test_compile(&t, "framework dora\n");
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	cr_assert_null(ir->readiness);
	ismc_arena_init(&a);
	cr_assert_null(ismc_report_readiness(ir, &a));
	ismc_arena_destroy(&a);
}

TestSuite(reports, .fini = fini);

Test(reports, risk_columns_only_when_used)
{
	struct ismc_arena a;
	const struct ismc_ir *ir = compile(SCORING
	    "risk R-1 { likelihood low; impact low; owner ciso }\n");
	struct ismc_report *r;

	ismc_arena_init(&a);
	r = ismc_report_risks(ir, &a);
	cr_assert_not(ismc_report_shown(r, ISMC_RISKS_IMPACT_DIMS));
	cr_assert_not(ismc_report_shown(r, ISMC_RISKS_ACCEPTED_BY));
	/* With a review period, whether the review is overdue shows. */
	cr_assert(ismc_report_shown(r, ISMC_RISKS_REVIEW_OVERDUE));
	cr_assert(r->rows[0][ISMC_RISKS_REVIEW_OVERDUE].u.b);
	ismc_test_fini(&t);

	ir = compile(IMPACT3
	    "risk R-1 { likelihood low; owner ciso\n"
	    "  impact { integrity medium; availability high }\n"
	    "  accepted { by ciso; on 2026-06-01 } }\n");
	r = ismc_report_risks(ir, &a);
	cr_assert(ismc_report_shown(r, ISMC_RISKS_IMPACT_DIMS));
	cr_assert_str_eq(ismc_cell_text(&a, &r->rows[0][ISMC_RISKS_IMPACT_DIMS],
	    "; "), "integrity: medium; availability: high");
	cr_assert_str_eq(r->rows[0][ISMC_RISKS_ACCEPTED_BY].u.s, "ciso");
	cr_assert_str_eq(r->rows[0][ISMC_RISKS_ACCEPTED_ON].u.s, "2026-06-01");
	cr_assert_not(ismc_report_shown(r, ISMC_RISKS_APPROVED_BY));
	ismc_arena_destroy(&a);
}

Test(reports, auditors_words)
{
	struct ismc_arena a;
	const struct ismc_ir *ir = compile(IMPACT3
	    "audit IA-1 { date 2026-05-01\n"
	    "  finding F-1 { kind major; action A-1 { status done } }\n"
	    "  finding F-2 { kind minor-nonconformity; action A-2 { } }\n"
	    "  finding F-3 { kind opportunity-for-improvement }\n"
	    "  finding F-4 { kind observation } }\n");
	struct ismc_report *r;

	ismc_arena_init(&a);
	r = ismc_report_findings(ir, &a);
	cr_assert_str_eq(r->rows[0][ISMC_FINDINGS_KIND].u.s,
	    "major nonconformity");
	cr_assert_str_eq(r->rows[1][ISMC_FINDINGS_KIND].u.s,
	    "minor nonconformity");
	cr_assert_str_eq(r->rows[2][ISMC_FINDINGS_KIND].u.s,
	    "opportunity for improvement");
	cr_assert_str_eq(r->rows[3][ISMC_FINDINGS_KIND].u.s, "observation");
	ismc_arena_destroy(&a);
}
