/*
 * test-gap.c - RCC-5 relation sets and the coverage analysis.
 *
 * Every expectation here is worked out by hand from set theory and
 * doc/coverage.md, not read back from the code: the composition table is
 * written out again below, independently of src/rcc5.c. Fixtures are
 * small catalogs and mapping sets written as YAML files and a spec in the
 * language that decides controls, compiled by the real front end and
 * sema, so each test states exactly the SoA it analyses and none depends
 * on how the IR is laid out.
 */
#include <config.h>

#include <criterion/criterion.h>

#include <ftw.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "explain.h"
#include "frontend.h"
#include "gap.h"
#include "helpers.h"
#include "ir.h"
#include "mapping.h"
#include "rcc5.h"
#include "emit.h"
#include "report-coverage.h"
#include "report-gap.h"
#include "report-remediation.h"
#include "report-trace.h"
#include "report.h"
#include "sema.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

#define DR	ISMC_RCC5_DR
#define PO	ISMC_RCC5_PO
#define EQ	ISMC_RCC5_EQ
#define PP	ISMC_RCC5_PP
#define PPI	ISMC_RCC5_PPI
#define ALL	ISMC_RCC5_ALL

/* ---- fixture ------------------------------------------------------------ */

/*
 * A fixture is written as a user would write it: catalogs and mapping sets
 * as YAML files in a temporary directory (the only catalog search
 * directory), and a spec in the language naming the frameworks and
 * deciding controls. analyse() compiles that spec through the front end
 * and semantic analysis, then runs the gap analysis on the IR sema built,
 * so nothing here depends on how the IR is laid out. Each analysis is a
 * compilation of its own; all are kept until the test ends, so results
 * of an earlier one stay readable.
 */
#define MAXFW	8
#define MAXREQ	16
#define MAXCOMP	8

enum dec_kind { DEC_NONE, DEC_APPLICABLE, DEC_EXCLUDED, DEC_RAW };

struct decision {
	enum dec_kind	 kind;
	enum ismc_status st;
	char		*raw;		/* DEC_RAW: the block's text */
};

struct fx_fw {
	char		*id;
	const char	*entity;	/* `framework id { entity "..." }` */
	char		*reqs[MAXREQ];	/* requirement ids, catalog order */
	struct decision	 dec[MAXREQ];
	size_t		 nreqs;
};

static struct {
	char		 dir[64];
	struct fx_fw	 fw[MAXFW];
	size_t		 nfw;
	unsigned	 nsets;
	char		*extra;		/* more spec text: measures ... */
	struct ismc_test comp[MAXCOMP];
	size_t		 ncomp;		/* compilations made; wraps */
	size_t		 cur;
	bool		 live;
} fx;

/* The IR of the latest compilation (NULL before the first). */
static struct ismc_ir *ir;

static struct ismc_test *
cur(void)
{
	cr_assert_gt(fx.ncomp, 0, "nothing compiled yet");
	return &fx.comp[fx.cur];
}

/* The latest compilation's arena: strings built from its results. */
static struct ismc_arena *
arena(void)
{
	return &cur()->comp.arena;
}

static char *
xasprintf(const char *fmt, ...)
    __attribute__((format(printf, 1, 2)));

static char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&s, fmt, ap);
	va_end(ap);
	if (n < 0)
		cr_assert_fail("out of memory");
	return s;
}

static void
write_file(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", fx.dir, name);
	FILE *fp = fopen(path, "w");

	cr_assert_not_null(fp, "%s", path);
	cr_assert_eq(fputs(text, fp) >= 0 && fclose(fp) == 0, true);
	free(path);
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void
setup(void)
{
	char *sub;

	memset(&fx, 0, sizeof fx);
	strcpy(fx.dir, "/tmp/ismc-test-gap.XXXXXX");
	cr_assert_not_null(mkdtemp(fx.dir));
	sub = xasprintf("%s/mappings", fx.dir);
	cr_assert_eq(mkdir(sub, 0700), 0);
	free(sub);
	fx.live = true;
	ir = NULL;
}

static void
teardown(void)
{
	size_t i, j;

	if (!fx.live)
		return;
	for (i = 0; i < fx.ncomp && i < MAXCOMP; i++)
		ismc_test_fini(&fx.comp[i]);
	for (i = 0; i < fx.nfw; i++) {
		free(fx.fw[i].id);
		for (j = 0; j < fx.fw[i].nreqs; j++) {
			free(fx.fw[i].reqs[j]);
			free(fx.fw[i].dec[j].raw);
		}
	}
	free(fx.extra);
	nftw(fx.dir, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	fx.live = false;
	ir = NULL;
}

/* A new, empty fixture inside one test. */
static void
fresh(void)
{
	teardown();
	setup();
}

/*
 * Writes catalog `id` and puts it in use. `spec` lists nodes: "name:" opens
 * a top-level group, "name/" a group inside the current top-level one,
 * and a plain name is a requirement in the innermost open group (or a
 * root before any group).
 */
static void
catalog(const char *id, const char *spec)
{
	char *text, *nodes = xasprintf("%s", ""), *tok, *save, *copy, *p;
	const char *top = NULL, *sub = NULL;
	struct fx_fw *fw;
	size_t len;

	cr_assert_lt(fx.nfw, MAXFW);
	fw = &fx.fw[fx.nfw++];
	fw->id = xasprintf("%s", id);
	copy = xasprintf("%s", spec);
	for (tok = strtok_r(copy, " ", &save); tok != NULL;
	    tok = strtok_r(NULL, " ", &save)) {
		len = strlen(tok);
		p = nodes;
		if (tok[len - 1] == ':') {
			tok[len - 1] = '\0';
			nodes = xasprintf("%s  - {id: \"%s\", level: l, kind: "
			    "group}\n", p, tok);
			top = tok;
			sub = NULL;
		} else if (tok[len - 1] == '/') {
			tok[len - 1] = '\0';
			nodes = xasprintf("%s  - {id: \"%s\", level: l, kind: "
			    "group, parent: \"%s\"}\n", p, tok, top);
			sub = tok;
		} else {
			if (sub != NULL || top != NULL)
				nodes = xasprintf("%s  - {id: \"%s\", level: l, "
				    "title: \"Title %s\", parent: \"%s\"}\n", p,
				    tok, tok, sub != NULL ? sub : top);
			else
				nodes = xasprintf("%s  - {id: \"%s\", level: "
				    "l}\n", p, tok);
			cr_assert_lt(fw->nreqs, MAXREQ);
			fw->reqs[fw->nreqs++] = xasprintf("%s", tok);
		}
		free(p);
	}
	text = xasprintf("format: ismc-catalog/1\ncatalog:\n  id: %s\n"
	    "  title: \"Catalog %s\"\n  levels: [l]\nnodes:\n%s", id, id,
	    nodes);
	p = xasprintf("%s.yaml", id);
	write_file(p, text);
	free(p);
	free(text);
	free(nodes);
	free(copy);
}

/*
 * Writes mapping set src--tgt with `rows` (YAML flow rows, one a line).
 * Sets load in file-name order: a counter keeps the order of the calls.
 */
static void
mapset(const char *src, const char *tgt, const char *rows)
{
	char *text, *name;

	text = xasprintf("format: ismc-mapping/1\nmapping:\n  id: %s--%s\n"
	    "  source: %s\n  target: %s\n  provenance: test\nrows:\n%s",
	    src, tgt, src, tgt, rows);
	name = xasprintf("mappings/%02u-%s--%s.yaml", fx.nsets++, src, tgt);
	write_file(name, text);
	free(text);
	free(name);
}

/* The decision slot of "fw:id". */
static struct decision *
slot(const char *q)
{
	const char *colon = strchr(q, ':');
	size_t i, j;

	cr_assert_not_null(colon, "%s", q);
	for (i = 0; i < fx.nfw; i++) {
		if (strncmp(fx.fw[i].id, q, (size_t)(colon - q)) != 0 ||
		    fx.fw[i].id[colon - q] != '\0')
			continue;
		for (j = 0; j < fx.fw[i].nreqs; j++)
			if (strcmp(fx.fw[i].reqs[j], colon + 1) == 0)
				return &fx.fw[i].dec[j];
	}
	cr_assert_fail("no requirement %s", q);
	return NULL;
}

/* `control q { applicable; status st }`; unset leaves the status out. */
static void
decide(const char *q, enum ismc_status st)
{
	struct decision *d = slot(q);

	d->kind = DEC_APPLICABLE;
	d->st = st;
}

static void
exclude(const char *q)
{
	slot(q)->kind = DEC_EXCLUDED;
}

/* No `control` item at all. */
static void
undecide(const char *q)
{
	slot(q)->kind = DEC_NONE;
}

/* `control q { body }`, written as given. */
static void
decide_raw(const char *q, const char *body)
{
	struct decision *d = slot(q);

	free(d->raw);
	d->raw = xasprintf("%s", body);
	d->kind = DEC_RAW;
}

/* Binds framework `id` to a legal entity. */
static void
entity(const char *id, const char *name)
{
	size_t i;

	for (i = 0; i < fx.nfw; i++)
		if (strcmp(fx.fw[i].id, id) == 0)
			fx.fw[i].entity = name;
}

/* More spec text (measures and the like), appended to every compile. */
static void
spec_extra(const char *text)
{
	char *p = fx.extra;

	fx.extra = xasprintf("%s%s", p != NULL ? p : "", text);
	free(p);
}

static const char *const status_words[] = {	/* ORDER ISMC_STATUS */
	NULL, "not-implemented", "planned", "partial", "implemented",
};

static char *
spec_text(void)
{
	char *text = xasprintf("%s", ""), *p;
	const struct decision *d;
	size_t i, j;

	for (i = 0; i < fx.nfw; i++) {
		p = text;
		if (fx.fw[i].entity != NULL)
			text = xasprintf("%sframework %s { entity \"%s\" }\n", p,
			    fx.fw[i].id, fx.fw[i].entity);
		else
			text = xasprintf("%sframework %s\n", p, fx.fw[i].id);
		free(p);
	}
	for (i = 0; i < fx.nfw; i++) {
		for (j = 0; j < fx.fw[i].nreqs; j++) {
			d = &fx.fw[i].dec[j];
			if (d->kind == DEC_NONE)
				continue;
			p = text;
			text = xasprintf("%scontrol %s:%s { %s%s%s }\n", p,
			    fx.fw[i].id, fx.fw[i].reqs[j],
			    d->kind == DEC_RAW ? d->raw :
			    d->kind == DEC_EXCLUDED ?
			    "excluded \"not relevant\"" : "applicable",
			    d->kind == DEC_APPLICABLE &&
			    d->st != ISMC_STATUS_UNSET ? "; status " : "",
			    d->kind == DEC_APPLICABLE &&
			    d->st != ISMC_STATUS_UNSET ?
			    status_words[d->st] : "");
			free(p);
		}
	}
	if (fx.extra != NULL) {
		p = text;
		text = xasprintf("%s%s", p, fx.extra);
		free(p);
	}
	return text;
}

/*
 * Compiles the spec into a fresh compilation; with `errors_ok` false,
 * any error fails the test. Returns the IR (also in `ir`).
 */
static struct ismc_ir *
compile(bool errors_ok)
{
	struct ismc_spec_file file;
	struct ismc_program prog;
	struct ismc_item *items = NULL;
	struct ismc_test *t;
	char *text;

	if (fx.ncomp >= MAXCOMP)
		ismc_test_fini(&fx.comp[fx.ncomp % MAXCOMP]);
	fx.cur = fx.ncomp++ % MAXCOMP;
	t = &fx.comp[fx.cur];
	ismc_test_init(t);
	ismc_compilation_add_search_dir(&t->comp, fx.dir);
	text = spec_text();
	cr_assert_eq(ismc_test_parse(t, text, &items), 0, "%s\n%s", text,
	    ismc_test_diags(t));
	free(text);
	memset(&file, 0, sizeof file);
	file.file = items != NULL ? items->span.file : 0;
	file.items = items;
	memset(&prog, 0, sizeof prog);
	prog.files = &file;
	prog.nfiles = 1;
	ir = ismc_sema_run(&t->comp, &prog, NULL);
	if (!errors_ok)
		cr_assert_eq(t->comp.diag.errors, 0, "%s", ismc_test_diags(t));
	return ir;
}

static struct ismc_gap *
analyse(enum ismc_gap_policy p)
{
	compile(false);
	return ismc_gap_analyse(&cur()->comp, ir, p);
}

static struct ismc_ir_framework *
framework(const char *id)
{
	size_t i;

	cr_assert_not_null(ir);
	for (i = 0; i < ir->nframeworks; i++)
		if (strcmp(ir->frameworks[i].catalog->id, id) == 0)
			return &ir->frameworks[i];
	cr_assert_fail("no framework %s", id);
	return NULL;
}

/* The SoA row "fw:id" of the latest IR. */
static struct ismc_ir_control *
control(const char *q)
{
	const char *colon = strchr(q, ':');
	struct ismc_ir_framework *fw;
	char *f;
	size_t i;

	cr_assert_not_null(colon);
	f = xasprintf("%.*s", (int)(colon - q), q);
	fw = framework(f);
	free(f);
	for (i = 0; i < fw->ncontrols; i++)
		if (strcmp(fw->controls[i].req->id, colon + 1) == 0)
			return &fw->controls[i];
	cr_assert_fail("no control %s", q);
	return NULL;
}

static const struct ismc_gap_req *
greq(const char *q)
{
	const struct ismc_ir_control *c = control(q);
	size_t f;

	cr_assert_not_null(ir->gap);
	for (f = 0; f < ir->nframeworks; f++)
		if (ir->frameworks[f].catalog == c->req->catalog)
			return &ir->gap->fws[f].reqs[c->req->req_index];
	cr_assert_fail("no requirement %s", q);
	return NULL;
}

static enum ismc_cov
status(const char *q)
{
	return greq(q)->status;
}

/* The one reach of control `from` to requirement `to` that counts. */
static const struct ismc_gap_reach *
reach(const char *to, const char *from)
{
	const struct ismc_gap_req *q = greq(to);
	const struct ismc_ir_control *c = control(from);
	const struct ismc_gap_reach *found = NULL;
	size_t i;

	for (i = 0; i < q->nreaches; i++) {
		if (q->reaches[i].control != c || q->reaches[i].superseded)
			continue;
		cr_assert_null(found, "%s reaches %s twice", from, to);
		found = &q->reaches[i];
	}
	return found;
}

static const struct ismc_gap_fw *
gapfw(const char *id)
{
	const struct ismc_gap_fw *gf = ismc_gap_find(ir->gap, framework(id));

	cr_assert_not_null(gf);
	return gf;
}

static const char *
cov(enum ismc_cov c)
{
	return ismc_cov_name(c);
}

static const char *
rcc(unsigned r)
{
	return ismc_rcc5_name(r);
}

/* ---- RCC-5 -------------------------------------------------------------- */

TestSuite(rcc5);

static const unsigned base[] = { EQ, PP, PPI, PO, DR };

/* The table, A -> B down, B -> C across, in the order above. */
static const unsigned table[5][5] = {
	/* equal */
	{ EQ, PP, PPI, PO, DR },
	/* subset */
	{ PP, PP, ALL, DR | PO | PP, DR },
	/* superset */
	{ PPI, PO | EQ | PP | PPI, PPI, PO | PPI, DR | PO | PPI },
	/* intersects */
	{ PO, PO | PP, DR | PO | PPI, ALL, DR | PO | PPI },
	/* not related */
	{ DR, DR | PO | PP, DR, DR | PO | PP, ALL },
};

Test(rcc5, composition_table_all_25_cells)
{
	size_t i, j;

	for (i = 0; i < 5; i++)
		for (j = 0; j < 5; j++)
			cr_expect_eq(ismc_rcc5_compose(base[i], base[j]),
			    table[i][j], "%s . %s: got %s, want %s",
			    rcc(base[i]), rcc(base[j]),
			    rcc(ismc_rcc5_compose(base[i], base[j])),
			    rcc(table[i][j]));
}

Test(rcc5, sets_compose_as_the_union_of_their_members)
{
	unsigned a, b, want;
	size_t i, j;

	for (a = 0; a <= ALL; a++) {
		for (b = 0; b <= ALL; b++) {
			want = 0;
			for (i = 0; i < 5; i++)
				for (j = 0; j < 5; j++)
					if ((a & base[i]) && (b & base[j]))
						want |= table[i][j];
			cr_expect_eq(ismc_rcc5_compose(a, b), want,
			    "%s . %s", rcc(a), rcc(b));
		}
	}
	cr_expect_eq(ismc_rcc5_compose(0, ALL), 0);
	cr_expect_eq(ismc_rcc5_compose(PO | PP, PPI), ALL);
}

Test(rcc5, converse_swaps_subset_and_superset)
{
	unsigned r;

	cr_expect_eq(ismc_rcc5_converse(EQ), EQ);
	cr_expect_eq(ismc_rcc5_converse(PP), PPI);
	cr_expect_eq(ismc_rcc5_converse(PPI), PP);
	cr_expect_eq(ismc_rcc5_converse(PO), PO);
	cr_expect_eq(ismc_rcc5_converse(DR), DR);
	cr_expect_eq(ismc_rcc5_converse(PO | PP), PO | PPI);
	for (r = 0; r <= ALL; r++)
		cr_expect_eq(ismc_rcc5_converse(ismc_rcc5_converse(r)), r);
}

/* (A . B)^-1 = B^-1 . A^-1 holds for the whole table. */
Test(rcc5, converse_of_a_composition)
{
	size_t i, j;

	for (i = 0; i < 5; i++)
		for (j = 0; j < 5; j++)
			cr_expect_eq(ismc_rcc5_converse(
			    ismc_rcc5_compose(base[i], base[j])),
			    ismc_rcc5_compose(ismc_rcc5_converse(base[j]),
			    ismc_rcc5_converse(base[i])));
}

Test(rcc5, names)
{
	cr_expect_str_eq(rcc(EQ), "equal");
	cr_expect_str_eq(rcc(PP), "subset");
	cr_expect_str_eq(rcc(PPI), "superset");
	cr_expect_str_eq(rcc(PO), "intersects");
	cr_expect_str_eq(rcc(DR), "not-related");
	cr_expect_str_eq(rcc(PO | PP), "one of {intersects, subset}");
	cr_expect_str_eq(rcc(PO | EQ | PP | PPI),
	    "one of {equal, intersects, subset, superset}");
	cr_expect_str_eq(rcc(ALL), "unknown");
	cr_expect_str_eq(rcc(0), "none");
	cr_expect(ismc_rcc5_is_base(PP));
	cr_expect(!ismc_rcc5_is_base(PP | PO));
	cr_expect(!ismc_rcc5_is_base(0));
}

Test(rcc5, mapping_relationships)
{
	static const enum ismc_rel rels[] = {
		ISMC_REL_EQUAL, ISMC_REL_SUBSET, ISMC_REL_SUPERSET,
		ISMC_REL_INTERSECTS, ISMC_REL_NOT_RELATED,
	};
	enum ismc_rel back;
	size_t i;

	for (i = 0; i < NELEM(rels); i++) {
		cr_expect_eq(ismc_rcc5_from_rel(rels[i]), base[i]);
		cr_expect(ismc_rcc5_to_rel(base[i], &back));
		cr_expect_eq(back, rels[i]);
		cr_expect_str_eq(rcc(base[i]), ismc_rel_name(rels[i]));
	}
	cr_expect_eq(ismc_rcc5_from_rel(ISMC_REL_NO_COUNTERPART), 0);
	cr_expect(!ismc_rcc5_to_rel(PO | PP, &back));
}

/* ---- direct mappings ---------------------------------------------------- */

TestSuite(direct, .init = setup, .fini = teardown);

static const char *const rel_names[] = {
	"equal", "subset", "superset", "intersects", "not-related",
};

/* a:c REL t:r as published, c implemented. */
static const struct {
	unsigned	 forward;	/* c -> r read off the row "c REL r" */
	enum ismc_cov	 fwd;
	unsigned	 backward;	/* c -> r from the row "r REL c" */
	enum ismc_cov	 bwd;
} direct_cases[] = {
	{ EQ, ISMC_COV_FULL, EQ, ISMC_COV_FULL },
	{ PP, ISMC_COV_PARTIAL, PPI, ISMC_COV_FULL },
	{ PPI, ISMC_COV_FULL, PP, ISMC_COV_PARTIAL },
	{ PO, ISMC_COV_PARTIAL, PO, ISMC_COV_PARTIAL },
	{ DR, ISMC_COV_GAP, DR, ISMC_COV_GAP },
};

Test(direct, every_relationship_read_forwards)
{
	const struct ismc_gap_reach *r;
	char *row;
	size_t i;

	for (i = 0; i < NELEM(rel_names); i++) {
		fresh();
		catalog("a", "c");
		catalog("t", "r");
		row = xasprintf("  - {source: c, rel: %s, target: r, "
		    "strength: 6, rationale: why}\n", rel_names[i]);
		mapset("a", "t", row);
		free(row);
		decide("a:c", ISMC_STATUS_IMPLEMENTED);
		analyse(ISMC_GAP_STRICT);
		cr_expect_eq(status("t:r"), direct_cases[i].fwd, "%s: %s",
		    rel_names[i], cov(status("t:r")));
		r = reach("t:r", "a:c");
		cr_assert_not_null(r);
		cr_expect_eq(r->kind, ISMC_GAP_DIRECT);
		cr_expect_eq(r->rel, direct_cases[i].forward);
		cr_expect(!r->backwards[0]);
		cr_expect(!ismc_gap_inferred(r));
		cr_expect_eq(r->strength, 6);
		cr_expect_str_eq(r->rationale, "why");
		cr_expect_str_eq(ismc_gap_provenance(arena(), r),
		    "a--t");
	}
}

Test(direct, every_relationship_read_backwards)
{
	const struct ismc_gap_reach *r;
	char *row;
	size_t i;

	for (i = 0; i < NELEM(rel_names); i++) {
		fresh();
		catalog("a", "c");
		catalog("t", "r");
		/* The set runs from t to a; a's control reaches t by the
		 * converse: "r subset c" means c is a superset of r. */
		row = xasprintf("  - {source: r, rel: %s, target: c}\n",
		    rel_names[i]);
		mapset("t", "a", row);
		free(row);
		decide("a:c", ISMC_STATUS_IMPLEMENTED);
		analyse(ISMC_GAP_STRICT);
		cr_expect_eq(status("t:r"), direct_cases[i].bwd, "%s: %s",
		    rel_names[i], cov(status("t:r")));
		r = reach("t:r", "a:c");
		cr_assert_not_null(r);
		cr_expect_eq(r->rel, direct_cases[i].backward);
		cr_expect(r->backwards[0]);
		cr_expect_eq(r->strength, 0);
		cr_expect_str_eq(ismc_gap_provenance(arena(), r),
		    "t--a, read backwards");
	}
}

Test(direct, only_implemented_and_partial_controls_count)
{
	static const struct {
		enum ismc_status st;
		enum ismc_cov	 want;
	} cases[] = {
		{ ISMC_STATUS_IMPLEMENTED, ISMC_COV_FULL },
		{ ISMC_STATUS_PARTIAL, ISMC_COV_PARTIAL },
		{ ISMC_STATUS_PLANNED, ISMC_COV_GAP },
		{ ISMC_STATUS_NOT_IMPLEMENTED, ISMC_COV_GAP },
		{ ISMC_STATUS_UNSET, ISMC_COV_GAP },
	};
	size_t i;

	catalog("a", "c");
	catalog("t", "r");
	mapset("a", "t", "  - {source: c, rel: equal, target: r}\n");
	for (i = 0; i < NELEM(cases); i++) {
		decide("a:c", cases[i].st);
		analyse(ISMC_GAP_STRICT);
		cr_expect_eq(status("t:r"), cases[i].want, "%s",
		    ismc_status_name(cases[i].st));
		cr_expect_not_null(reach("t:r", "a:c"));
	}
	/* Excluded never counts, whatever its status says. */
	decide_raw("a:c", "excluded \"not relevant\"; status implemented");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(control("a:c")->status, ISMC_STATUS_IMPLEMENTED);
	cr_expect_eq(status("t:r"), ISMC_COV_GAP);
	/* No decision at all: not part of the SoA, so it reaches nothing. */
	undecide("a:c");
	analyse(ISMC_GAP_STRICT);
	cr_expect_null(reach("t:r", "a:c"));
	cr_expect_eq(greq("t:r")->nreaches, 0);
}

Test(direct, the_requirement_own_soa_row_counts)
{
	catalog("a", "c");
	catalog("t", "r s");
	mapset("a", "t", "  - {source: c, rel: intersects, target: r}\n");
	decide("t:r", ISMC_STATUS_IMPLEMENTED);
	decide("t:s", ISMC_STATUS_PARTIAL);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_eq(greq("t:r")->best->kind, ISMC_GAP_SELF);
	cr_expect_eq(status("t:s"), ISMC_COV_PARTIAL);
	exclude("t:s");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:s"), ISMC_COV_EXCLUDED);
	cr_expect_eq(gapfw("t")->n.excluded, 1);
}

Test(direct, no_counterpart_and_unmapped)
{
	catalog("a", "c");
	catalog("t", "r s u");
	mapset("a", "t",
	    "  - {source: c, rel: equal, target: r}\n"
	    "  - {source: null, rel: no-counterpart, target: s, "
	    "rationale: nothing like it}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_eq(status("t:s"), ISMC_COV_NO_COUNTERPART);
	cr_expect_eq(status("t:u"), ISMC_COV_GAP);
	cr_expect_eq(gapfw("t")->n.gap, 2);
	cr_expect_eq(gapfw("t")->n.no_counterpart, 1);
	cr_expect_str_eq(greq("t:s")->nc_row->rationale, "nothing like it");
}

Test(direct, unknown_ids_are_sema_errors_and_unused_sets_are_not_read)
{
	char *want;

	catalog("a", "c");
	catalog("t", "r");
	mapset("a", "t",
	    "  - {source: c, rel: equal, target: \"5.99\"}\n"
	    "  - {source: c, rel: equal, target: r}\n"
	    "  - {source: cc, rel: equal, target: r}\n");
	mapset("a", "zz", "  - {source: c, rel: equal, target: q}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	compile(true);
	want = xasprintf("%s/mappings/00-a--t.yaml:8:5: error: unknown "
	    "requirement '5.99' of t\n%s/mappings/00-a--t.yaml:10:5: error: "
	    "unknown requirement 'cc' of a; did you mean 'c'?\n", fx.dir,
	    fx.dir);
	cr_expect_str_eq(ismc_test_diags(cur()), want);
	free(want);
	/* Sema keeps the rows it could resolve. */
	cr_assert_eq(ir->ncrosswalks, 1);
	cr_expect_eq(ir->crosswalks[0].nrows, 1);
	cr_expect_eq(ir->crosswalks[0].nrows_bad, 2);
	ismc_gap_analyse(&cur()->comp, ir, ISMC_GAP_STRICT);
	cr_expect_eq(ir->gap->nrows_bad, 2);
	cr_expect_eq(ir->gap->nsets, 1);
	cr_expect_eq(ir->gap->nsets_skipped, 0);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
}

/* ---- chains through a hub ----------------------------------------------- */

TestSuite(chain, .init = setup, .fini = teardown);

/* What the strict rule makes of a relation set, by hand. */
static enum ismc_cov
expected_cov(unsigned rel)
{
	if (rel & DR)
		return ISMC_COV_GAP;
	if ((rel & ~(EQ | PPI)) == 0)
		return ISMC_COV_FULL;
	return ISMC_COV_PARTIAL;
}

Test(chain, every_composition_rule)
{
	const struct ismc_gap_reach *r;
	char *r1, *r2;
	size_t i, j;

	for (i = 0; i < 5; i++) {
		for (j = 0; j < 5; j++) {
			fresh();
			catalog("a", "c");
			catalog("h", "x");
			catalog("t", "r");
			r1 = xasprintf("  - {source: c, rel: %s, target: x, "
			    "strength: 8}\n", rel_names[i]);
			r2 = xasprintf("  - {source: x, rel: %s, target: r, "
			    "strength: 5, rationale: second}\n",
			    rel_names[j]);
			mapset("a", "h", r1);
			mapset("h", "t", r2);
			free(r1);
			free(r2);
			decide("a:c", ISMC_STATUS_IMPLEMENTED);
			analyse(ISMC_GAP_STRICT);
			r = reach("t:r", "a:c");
			if (base[i] == DR || base[j] == DR) {
				/* Anything composed with DR may be DR: such
				 * chains are not followed at all. */
				cr_expect_null(r, "%zu %zu", i, j);
				cr_expect_eq(status("t:r"), ISMC_COV_GAP);
				continue;
			}
			cr_assert_not_null(r, "%s . %s", rel_names[i],
			    rel_names[j]);
			cr_expect_eq(r->kind, ISMC_GAP_CHAIN);
			cr_expect(ismc_gap_inferred(r));
			cr_expect_eq(r->rel, table[i][j], "%s . %s: %s",
			    rel_names[i], rel_names[j], rcc(r->rel));
			cr_expect_eq(status("t:r"), expected_cov(table[i][j]),
			    "%s . %s: %s", rel_names[i], rel_names[j],
			    cov(status("t:r")));
			cr_expect_eq(r->strength, 5);
			cr_expect_str_eq(r->rationale, "second");
			cr_expect_str_eq(r->hub->id, "x");
			cr_expect_str_eq(ismc_gap_provenance(arena(), r),
			    "inferred via h:x (a--h; h--t)");
		}
	}
}

/* A inside H and B inside H: A and B may be anything to each other. */
Test(chain, two_subsets_of_one_hub_say_nothing)
{
	const struct ismc_gap_reach *r;

	catalog("iso", "h");
	catalog("dora", "a");
	catalog("soc2", "b");
	mapset("iso", "dora", "  - {source: h, rel: superset, target: a}\n");
	mapset("iso", "soc2", "  - {source: h, rel: superset, target: b}\n");
	decide("dora:a", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	r = reach("soc2:b", "dora:a");
	cr_assert_not_null(r);
	cr_expect_eq(r->rel, ALL);
	cr_expect_eq(r->capacity, ISMC_COV_GAP);
	cr_expect_eq(status("soc2:b"), ISMC_COV_GAP);
	cr_expect_null(greq("soc2:b")->best);
	/* The hub itself is covered only in part by its subset a. */
	cr_expect_eq(status("iso:h"), ISMC_COV_PARTIAL);
	/* Under the practical policy inferred reaches never count. */
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("soc2:b"), ISMC_COV_GAP);
}

Test(chain, supersets_compose_read_backwards)
{
	const struct ismc_gap_reach *r;

	catalog("a", "c");
	catalog("h", "x");
	catalog("t", "r");
	/* "x subset c" and "r subset x": c contains x contains r. */
	mapset("h", "a", "  - {source: x, rel: subset, target: c}\n");
	mapset("t", "h", "  - {source: r, rel: subset, target: x}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	r = reach("t:r", "a:c");
	cr_assert_not_null(r);
	cr_expect_eq(r->rel, PPI);
	cr_expect(r->backwards[0]);
	cr_expect(r->backwards[1]);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_str_eq(ismc_gap_provenance(arena(), r),
	    "inferred via h:x (h--a, read backwards; t--h, read backwards)");
}

Test(chain, a_published_row_wins_over_a_chain)
{
	catalog("a", "c");
	catalog("h", "x");
	catalog("t", "r");
	mapset("a", "h", "  - {source: c, rel: equal, target: x}\n");
	mapset("h", "t", "  - {source: x, rel: equal, target: r}\n");
	mapset("a", "t", "  - {source: c, rel: intersects, target: r}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(reach("t:r", "a:c")->kind, ISMC_GAP_DIRECT);
	/* The chain is kept, set aside, for explain. */
	cr_assert_eq(greq("t:r")->nreaches, 2);
	cr_expect_eq(greq("t:r")->reaches[1].kind, ISMC_GAP_CHAIN);
	cr_expect(greq("t:r")->reaches[1].superseded);
	cr_expect_eq(greq("t:r")->reaches[1].rel, EQ);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
}

Test(chain, hubs_only_in_a_third_framework_and_only_two_steps)
{
	catalog("a", "c d");
	catalog("t", "r s");
	catalog("u", "v");
	catalog("w", "y");
	/* c -> t:s -> t:r would be a chain inside t; a set from t onto
	 * itself is refused when loaded (set_onto_itself_refused). */
	mapset("a", "t", "  - {source: c, rel: equal, target: s}\n");
	/* c -> u:v -> w:y -> t:r is three steps: not followed. */
	mapset("a", "u", "  - {source: d, rel: equal, target: v}\n");
	mapset("u", "w", "  - {source: v, rel: equal, target: y}\n");
	mapset("w", "t", "  - {source: y, rel: equal, target: r}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	decide("a:d", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_null(reach("t:r", "a:c"));
	cr_expect_null(reach("t:r", "a:d"));
	cr_expect_eq(status("t:r"), ISMC_COV_GAP);
	cr_expect_eq(status("w:y"), ISMC_COV_FULL);	/* d = v = y */
}

/* A crosswalk relates two frameworks, as a `map` row does: a set from a
 * catalog onto itself is an error where it says so. */
Test(chain, set_onto_itself_refused)
{
	catalog("a", "c d");
	catalog("t", "r s");
	mapset("a", "t", "  - {source: c, rel: equal, target: s}\n");
	mapset("t", "t", "  - {source: s, rel: equal, target: r}\n");
	compile(true);
	cr_assert_eq(cur()->comp.diag.errors, 1, "%s", ismc_test_diags(cur()));
	cr_assert_not_null(strstr(ismc_test_diags(cur()), "t--t.yaml:5:11: "
	    "error: a mapping set relates two catalogs; this one maps t onto "
	    "itself"), "%s", ismc_test_diags(cur()));
}

Test(chain, strength_and_rationale_of_the_weaker_link)
{
	const struct ismc_gap_reach *r;

	catalog("a", "c d e");
	catalog("h", "x y z");
	catalog("t", "r s u");
	mapset("a", "h",
	    "  - {source: c, rel: equal, target: x, strength: 3, "
	    "rationale: weak}\n"
	    "  - {source: d, rel: equal, target: y, rationale: unknown}\n"
	    "  - {source: e, rel: equal, target: z, strength: 6, "
	    "rationale: first}\n");
	mapset("h", "t",
	    "  - {source: x, rel: equal, target: r, strength: 9, "
	    "rationale: strong}\n"
	    "  - {source: y, rel: equal, target: s, strength: 9, "
	    "rationale: strong}\n"
	    "  - {source: z, rel: equal, target: u, strength: 6, "
	    "rationale: second}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	decide("a:d", ISMC_STATUS_IMPLEMENTED);
	decide("a:e", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	r = reach("t:r", "a:c");
	cr_expect_eq(r->strength, 3);
	cr_expect_str_eq(r->rationale, "weak");
	r = reach("t:s", "a:d");
	cr_expect_eq(r->strength, 0);	/* unknown is the weakest */
	cr_expect_str_eq(r->rationale, "unknown");
	r = reach("t:u", "a:e");
	cr_expect_eq(r->strength, 6);	/* a tie keeps the control side */
	cr_expect_str_eq(r->rationale, "first");
}

/* ---- policies ----------------------------------------------------------- */

TestSuite(policy, .init = setup, .fini = teardown);

static void
two_intersecting(void)
{
	catalog("a", "c1 c2 c3");
	catalog("t", "r s");
	mapset("a", "t",
	    "  - {source: c1, rel: intersects, target: r}\n"
	    "  - {source: c2, rel: intersects, target: r}\n"
	    "  - {source: c3, rel: not-related, target: r}\n"
	    "  - {source: null, rel: no-counterpart, target: s}\n");
}

Test(policy, strict_needs_equal_or_superset)
{
	two_intersecting();
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_PLANNED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_eq(status("t:s"), ISMC_COV_NO_COUNTERPART);
}

Test(policy, all_mapped_needs_every_mapped_control)
{
	two_intersecting();
	/* c3 is not-related: it is not one of the mapped controls. */
	decide("a:c3", ISMC_STATUS_PLANNED);
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(ir->gap->policy, ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_eq(greq("t:r")->nmapped, 2);
	cr_expect_eq(status("t:s"), ISMC_COV_NO_COUNTERPART);
	decide("a:c2", ISMC_STATUS_PLANNED);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	decide("a:c1", ISMC_STATUS_PARTIAL);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	decide("a:c1", ISMC_STATUS_NOT_IMPLEMENTED);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_GAP);
	/* An excluded mapped control keeps the requirement from full. */
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	exclude("a:c2");
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_eq(greq("t:r")->nmapped_impl, 1);
}

Test(policy, names)
{
	enum ismc_gap_policy p;

	cr_expect_str_eq(ismc_gap_policy_name(ISMC_GAP_STRICT), "strict");
	cr_expect_str_eq(ismc_gap_policy_name(ISMC_GAP_ALL_MAPPED),
	    "all-mapped");
	cr_expect(ismc_gap_policy_parse("all-mapped", &p));
	cr_expect_eq(p, ISMC_GAP_ALL_MAPPED);
	cr_expect(ismc_gap_policy_parse("strict", &p));
	cr_expect_eq(p, ISMC_GAP_STRICT);
	cr_expect(!ismc_gap_policy_parse("lenient", &p));
}

/* ---- rows naming groups ------------------------------------------------- */

TestSuite(group, .init = setup, .fini = teardown);

Test(group, target_groups_apply_to_every_member)
{
	static const struct {
		const char	*rel;
		unsigned	 want;		/* c -> member */
		enum ismc_cov	 strict, all;
	} cases[] = {
		/* c REL G and G superset m: c REL . PPi m */
		{ "equal", PPI, ISMC_COV_FULL, ISMC_COV_FULL },
		{ "superset", PPI, ISMC_COV_FULL, ISMC_COV_FULL },
		{ "subset", ALL, ISMC_COV_GAP, ISMC_COV_FULL },
		{ "intersects", DR | PO | PPI, ISMC_COV_GAP, ISMC_COV_FULL },
		{ "not-related", DR, ISMC_COV_GAP, ISMC_COV_GAP },
	};
	const char *const members[] = { "t:r1", "t:r2", "t:r3" };
	const struct ismc_gap_reach *r;
	char *row;
	size_t i, j;

	for (i = 0; i < NELEM(cases); i++) {
		fresh();
		catalog("a", "c");
		/* G holds r1, r2 and, one level down, r3; H holds r4. */
		catalog("t", "G: r1 r2 G2/ r3 H: r4");
		row = xasprintf("  - {source: c, rel: %s, target: G, "
		    "strength: 4}\n", cases[i].rel);
		mapset("a", "t", row);
		free(row);
		decide("a:c", ISMC_STATUS_IMPLEMENTED);
		analyse(ISMC_GAP_STRICT);
		for (j = 0; j < NELEM(members); j++) {
			r = reach(members[j], "a:c");
			cr_assert_not_null(r);
			cr_expect_eq(r->kind, ISMC_GAP_GROUP);
			cr_expect_eq(r->rel, cases[i].want, "%s: %s",
			    cases[i].rel, rcc(r->rel));
			cr_expect_eq(status(members[j]), cases[i].strict,
			    "%s %s: %s", cases[i].rel, members[j],
			    cov(status(members[j])));
			cr_expect_str_eq(ismc_gap_provenance(arena(),
			    r), "inferred via group t:G (a--t)");
		}
		cr_expect_null(reach("t:r4", "a:c"));
		analyse(ISMC_GAP_ALL_MAPPED);
		for (j = 0; j < NELEM(members); j++)
			cr_expect_eq(status(members[j]), cases[i].all,
			    "all-mapped %s %s", cases[i].rel, members[j]);
	}
}

Test(group, source_groups_apply_to_every_member)
{
	catalog("a", "G: c1 c2");
	catalog("t", "r s");
	/* m subset G: "G subset r" gives m subset r, "G superset s" tells
	 * nothing about any one member. */
	mapset("a", "t",
	    "  - {source: G, rel: subset, target: r}\n"
	    "  - {source: G, rel: superset, target: s}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(reach("t:r", "a:c1")->rel, PP);
	cr_expect_eq(reach("t:r", "a:c2")->rel, PP);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_eq(reach("t:s", "a:c1")->rel, ALL);
	cr_expect_eq(status("t:s"), ISMC_COV_GAP);
}

Test(group, a_row_to_the_member_wins_over_the_group_row)
{
	catalog("a", "c");
	catalog("t", "G: r1 r2");
	mapset("a", "t",
	    "  - {source: c, rel: intersects, target: G}\n"
	    "  - {source: c, rel: superset, target: r1}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(reach("t:r1", "a:c")->kind, ISMC_GAP_DIRECT);
	cr_expect_eq(greq("t:r1")->nreaches, 2);	/* group row kept */
	cr_expect(greq("t:r1")->reaches[1].superseded);
	cr_expect_eq(status("t:r1"), ISMC_COV_FULL);
	cr_expect_eq(status("t:r2"), ISMC_COV_GAP);
}

Test(group, no_counterpart_groups_and_group_summaries)
{
	const struct ismc_gap_fw *gf;

	catalog("a", "c");
	catalog("t", "r0 G: r1 r2 H: r3 r4 r5");
	mapset("a", "t",
	    "  - {source: c, rel: equal, target: r1}\n"
	    "  - {source: c, rel: intersects, target: r3}\n"
	    "  - {source: null, rel: no-counterpart, target: H}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	exclude("t:r5");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r3"), ISMC_COV_PARTIAL);
	cr_expect_eq(status("t:r4"), ISMC_COV_NO_COUNTERPART);
	cr_expect_eq(status("t:r5"), ISMC_COV_EXCLUDED);
	gf = gapfw("t");
	cr_expect_eq(gf->n.total, 6);
	cr_expect_eq(gf->n.full, 1);
	cr_expect_eq(gf->n.partial, 1);
	cr_expect_eq(gf->n.gap, 3);		/* r0, r2, r4 */
	cr_expect_eq(gf->n.no_counterpart, 1);
	cr_expect_eq(gf->n.excluded, 1);
	cr_expect_float_eq(ismc_gap_pct(gf->n.full, &gf->n), 20.0, 1e-9);
	cr_assert_eq(gf->ngroups, 3);
	cr_expect_null(gf->groups[0].group);	/* r0 has no parent */
	cr_expect_eq(gf->groups[0].n.gap, 1);
	cr_expect_str_eq(gf->groups[1].group->id, "G");
	cr_expect_eq(gf->groups[1].n.full, 1);
	cr_expect_eq(gf->groups[1].n.gap, 1);
	cr_expect_str_eq(gf->groups[2].group->id, "H");
	cr_expect_eq(gf->groups[2].n.partial, 1);
	cr_expect_eq(gf->groups[2].n.excluded, 1);
	cr_expect_eq(gf->nsets_in, 1);
	cr_expect_eq(gapfw("a")->nsets_in, 0);
}

/* ---- covering sets ------------------------------------------------------ */

TestSuite(cover, .init = setup, .fini = teardown);

/* The one cover of requirement q, of kind direct (no hub) or through one. */
static const struct ismc_gap_cover *
cover_of(const char *q, bool hub)
{
	const struct ismc_gap_req *r = greq(q);
	const struct ismc_gap_cover *found = NULL;
	size_t i;

	for (i = 0; i < r->ncovers; i++) {
		if ((r->covers[i].hub != NULL) != hub)
			continue;
		cr_assert_null(found, "%s has two covers", q);
		found = &r->covers[i];
	}
	cr_assert_not_null(found, "%s has no cover", q);
	return found;
}

static void
three_members(const char *extra)
{
	char *rows;

	catalog("a", "c1 c2 c3 c4");
	catalog("t", "r s");
	rows = xasprintf("  - {source: [c1, c2, c3], rel: superset, target: r, "
	    "strength: 8, rationale: together%s}\n", extra);
	mapset("a", "t", rows);
	free(rows);
}

/*
 * {c1, c2, c3} superset r: nothing when no member is implemented (c1 is
 * only planned).
 */
Test(cover, no_member_implemented)
{
	const struct ismc_gap_cover *c;

	three_members("");
	decide("a:c1", ISMC_STATUS_PLANNED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_GAP);
	c = cover_of("t:r", false);
	cr_expect_eq(c->nmembers, 3);
	cr_expect_eq(c->rel, PPI);
	cr_expect_eq(c->capacity, ISMC_COV_FULL);
	cr_expect_eq(c->contribution, ISMC_COV_GAP);
	cr_expect_eq(c->members[0].state, ISMC_GAP_M_OPEN);
	cr_expect_float_eq(greq("t:r")->credit, 0.0, 1e-12);
}

/*
 * Partial when some members are implemented (or partly are). The
 * members' share gives the index: strength 8, two of three met -> 0.8 *
 * 2/3; a third partly met -> 0.8 * 2.5/3.
 */
Test(cover, some_members_implemented)
{
	const struct ismc_gap_cover *c;

	three_members("");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	c = cover_of("t:r", false);
	cr_expect_eq(c->nmet, 2);
	cr_expect_float_eq(c->fraction, 2.0 / 3.0, 1e-12);
	cr_expect_float_eq(greq("t:r")->credit, 0.8 * 2.0 / 3.0, 1e-12);
	cr_expect_eq(greq("t:r")->best_cover, c);

	decide("a:c3", ISMC_STATUS_PARTIAL);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_float_eq(greq("t:r")->credit, 0.8 * 2.5 / 3.0, 1e-12);
}

/* Full when every member is implemented. */
Test(cover, all_members_implemented)
{
	three_members("");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_float_eq(greq("t:r")->credit, 1.0, 1e-12);
	/* No member alone is related to r: a superset set says nothing of
	 * one member, so there is no pairwise reach at all. */
	cr_expect_eq(greq("t:r")->nreaches, 0);
	cr_expect_str_eq(ismc_gap_cover_members(arena(), cover_of("t:r",
	    false)), "a:c1 + a:c2 + a:c3");
	cr_expect_str_eq(ismc_gap_cover_provenance(arena(),
	    cover_of("t:r", false)), "a--t");
}

/* An excluded member blocks full: the set as written is never complete. */
Test(cover, an_excluded_member_blocks_full)
{
	three_members("");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	exclude("a:c3");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_eq(cover_of("t:r", false)->nexcluded, 1);
	cr_expect_eq(cover_of("t:r", false)->members[2].state,
	    ISMC_GAP_M_EXCLUDED);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
}

/* A residual keeps the set from full: every member met, the residual
 * open gives partial, under both policies. */
Test(cover, residual_open)
{
	const struct ismc_gap_cover *c;

	three_members(", residual: \"report to the authority\"");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	c = cover_of("t:r", false);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_eq(c->residual_state, ISMC_GAP_RES_OPEN);
	cr_expect_str_eq(c->residual, "report to the authority");
	cr_expect_str_eq(c->residual_of->id, "r");
	/* Three of four parts: the members, not the residual. */
	cr_expect_float_eq(c->fraction, 3.0 / 4.0, 1e-12);
	cr_expect_float_eq(greq("t:r")->credit, 0.8 * 0.75, 1e-12);
	/* All-mapped reads the residual as work left too. */
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
}

/* A measure that `closes` the requirement closes the residual: partly
 * when it is partial, and then the set gives full. */
Test(cover, residual_closed_by_a_measure)
{
	const struct ismc_gap_cover *c;

	three_members(", residual: \"report to the authority\"");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_IMPLEMENTED);
	spec_extra("measure M-1 \"Reports\" { closes t:r; status partial }\n");
	analyse(ISMC_GAP_STRICT);
	c = cover_of("t:r", false);
	cr_expect_eq(c->residual_state, ISMC_GAP_RES_PARTIAL);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_float_eq(c->fraction, 3.5 / 4.0, 1e-12);

	fresh();
	three_members(", residual: \"report to the authority\"");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_IMPLEMENTED);
	spec_extra("measure M-1 \"Reports\" { closes t:r; status implemented "
	    "}\n");
	analyse(ISMC_GAP_STRICT);
	c = cover_of("t:r", false);
	cr_expect_eq(c->residual_state, ISMC_GAP_RES_CLOSED);
	cr_expect_str_eq(c->closer->id, "M-1");
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
}

/*
 * The requirement's own decision closes the residual of a covering set
 * (doc/coverage.md, section 4.3); partly implemented, it closes it partly.
 */
Test(cover, a_residual_closed_by_the_requirements_own_decision)
{
	const struct ismc_gap_cover *c;

	three_members(", residual: \"report to the authority\"");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_IMPLEMENTED);
	decide("t:r", ISMC_STATUS_PARTIAL);
	analyse(ISMC_GAP_STRICT);
	c = cover_of("t:r", false);
	cr_expect_eq(c->residual_state, ISMC_GAP_RES_PARTIAL);
	cr_expect_null(c->closer);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	cr_expect_float_eq(c->fraction, 3.5 / 4.0, 1e-12);
	/* 0.8 * 3.5/4 = 0.7 beats the own partial row's 0.5. */
	cr_expect_float_eq(greq("t:r")->credit, 0.7, 1e-12);
	decide("t:r", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	c = cover_of("t:r", false);
	cr_expect_eq(c->residual_state, ISMC_GAP_RES_CLOSED);
	cr_expect_eq(c->contribution, ISMC_COV_FULL);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
}

/* A plain row with a residual: one member, partial until closed. */
Test(cover, a_plain_row_with_a_residual)
{
	catalog("a", "c");
	catalog("t", "r");
	mapset("a", "t", "  - {source: c, rel: superset, target: r, "
	    "residual: \"timelines\"}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	/* c contains r but the residual, which c does not meet: they
	 * overlap. */
	cr_expect_eq(reach("t:r", "a:c")->rel, PO);
	cr_expect_eq(cover_of("t:r", false)->nmembers, 1);
	decide("t:r", ISMC_STATUS_IMPLEMENTED);	/* its own decision */
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(cover_of("t:r", false)->residual_state,
	    ISMC_GAP_RES_CLOSED);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
}

/*
 * Read backwards, `equal` says the target contains each member: the
 * target's own decision covers the members. `superset` says nothing of
 * any one member: nothing reaches them.
 */
Test(cover, read_backwards)
{
	catalog("a", "c1 c2");
	catalog("t", "r s");
	mapset("a", "t",
	    "  - {source: [c1, c2], rel: equal, target: r}\n"
	    "  - {source: [c1, c2], rel: superset, target: s}\n");
	decide("t:r", ISMC_STATUS_IMPLEMENTED);
	decide("t:s", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(reach("a:c1", "t:r")->rel, PPI | EQ);
	cr_expect(reach("a:c1", "t:r")->backwards[0]);
	cr_expect_null(reach("a:c1", "t:s"));
	cr_expect_eq(status("a:c1"), ISMC_COV_FULL);
	cr_expect_eq(status("a:c2"), ISMC_COV_FULL);
	/* Forwards, one member of an equal set lies inside the target. */
	fresh();
	catalog("a", "c1 c2");
	catalog("t", "r");
	mapset("a", "t", "  - {source: [c1, c2], rel: equal, target: r}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(reach("t:r", "a:c1")->rel, PP | EQ);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
}

/* A group member stands for every requirement under it; a group target
 * for each requirement under it. */
Test(cover, groups_as_members_and_targets)
{
	catalog("a", "c0 G: c1 c2");
	catalog("t", "H: r1 r2 s");
	mapset("a", "t", "  - {source: [G, c0], rel: superset, target: H}\n");
	decide("a:c0", ISMC_STATUS_IMPLEMENTED);
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(cover_of("t:r1", false)->nmembers, 3);
	cr_expect_str_eq(cover_of("t:r1", false)->group->id, "H");
	cr_expect_eq(cover_of("t:r2", false)->rel, PPI);
	cr_expect_eq(status("t:r1"), ISMC_COV_PARTIAL);
	cr_expect_eq(status("t:s"), ISMC_COV_PARTIAL);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r1"), ISMC_COV_FULL);
	cr_expect_eq(status("t:r2"), ISMC_COV_FULL);
	cr_expect_eq(status("t:s"), ISMC_COV_FULL);
	cr_expect_str_eq(ismc_gap_cover_provenance(arena(),
	    cover_of("t:s", false)), "a--t via group t:H");
}

/*
 * Through a hub: {c1, c2} superset h and h superset t gives {c1, c2}
 * superset t, the residual carried over; h intersects t gives partial at
 * most; h not-related t gives nothing.
 */
Test(cover, through_a_hub)
{
	const struct ismc_gap_cover *c;

	catalog("a", "c1 c2");
	catalog("h", "x");
	catalog("t", "r s u");
	mapset("a", "h", "  - {source: [c1, c2], rel: superset, target: x, "
	    "strength: 7, residual: \"board approval\"}\n");
	mapset("h", "t",
	    "  - {source: x, rel: superset, target: r, strength: 5}\n"
	    "  - {source: x, rel: intersects, target: s}\n"
	    "  - {source: x, rel: not-related, target: u}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	c = cover_of("t:r", true);
	cr_expect_str_eq(c->hub->id, "x");
	cr_expect_eq(c->rel, PPI);
	cr_expect_eq(c->strength, 5);		/* the weaker */
	cr_expect_str_eq(c->residual, "board approval");
	cr_expect_str_eq(c->residual_of->id, "x");
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);	/* residual open */
	cr_expect_str_eq(ismc_gap_cover_provenance(arena(), c),
	    "inferred via h:x (a--h; h--t)");
	c = cover_of("t:s", true);
	cr_expect_eq(c->rel, PO | PPI);
	cr_expect_eq(c->capacity, ISMC_COV_PARTIAL);
	cr_expect_eq(greq("t:u")->ncovers, 0);
	/* The residual is the hub's: closing it there closes it here. */
	spec_extra("measure M-1 \"Approval\" { closes h:x; status implemented "
	    "}\n");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_eq(status("h:x"), ISMC_COV_FULL);
	cr_expect_eq(status("t:s"), ISMC_COV_PARTIAL);
	cr_expect_eq(status("t:u"), ISMC_COV_GAP);
}

/* A member is met by a control that contains it: {H1, H2} with C
 * superset H1 gives {C, H2}. */
Test(cover, a_control_containing_a_member_stands_in)
{
	const struct ismc_gap_cover *c;

	catalog("iso", "h1 h2");
	catalog("nis", "n");
	catalog("dora", "d");
	mapset("iso", "dora", "  - {source: [h1, h2], rel: superset, target: "
	    "d}\n");
	mapset("nis", "iso", "  - {source: n, rel: superset, target: h1}\n");
	decide("nis:n", ISMC_STATUS_IMPLEMENTED);
	decide("iso:h2", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	c = cover_of("dora:d", false);
	cr_expect_eq(c->members[0].state, ISMC_GAP_M_MET);
	cr_expect_str_eq(c->members[0].by->req->id, "n");
	cr_expect_not_null(c->members[0].via);
	cr_expect_eq(status("dora:d"), ISMC_COV_FULL);
}

/*
 * Under all-mapped the members of a set are mapped controls; the policy
 * never gives less than the strict rule (issue 8, section 5: an
 * intersecting row from a partly implemented control no longer keeps a
 * requirement that a superset row proves full from full).
 */
Test(cover, all_mapped_is_never_below_strict)
{
	catalog("a", "c1 c2 k");
	catalog("t", "G: r");
	mapset("a", "t",
	    "  - {source: [c1, c2], rel: superset, target: r}\n"
	    "  - {source: k, rel: intersects, target: G}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:k", ISMC_STATUS_PARTIAL);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(greq("t:r")->nmapped, 3);
	cr_expect_eq(greq("t:r")->nmapped_impl, 2);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	/* Without the set, k's row alone: partial under both. */
	undecide("a:c1");
	undecide("a:c2");
	analyse(ISMC_GAP_ALL_MAPPED);
	cr_expect_eq(status("t:r"), ISMC_COV_PARTIAL);
	/* A partial control under all-mapped: strength unknown (1) times
	 * half. */
	cr_expect_float_eq(greq("t:r")->credit, 0.05, 1e-12);
}

/* A group row that gives nothing no longer hides a chain that gives
 * full (issue 8, section 5): only a row between the two sets it aside. */
Test(cover, a_group_row_does_not_hide_a_chain)
{
	catalog("a", "c");
	catalog("h", "x");
	catalog("t", "G: r");
	mapset("a", "h", "  - {source: c, rel: equal, target: x}\n");
	mapset("h", "t", "  - {source: x, rel: superset, target: r}\n");
	mapset("a", "t", "  - {source: c, rel: intersects, target: G}\n");
	decide("a:c", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("t:r"), ISMC_COV_FULL);
	cr_expect_eq(greq("t:r")->nreaches, 2);
	cr_expect(!greq("t:r")->reaches[0].superseded);
	cr_expect(!greq("t:r")->reaches[1].superseded);
}

/* A framework bound to another entity speaks for that entity only. */
Test(cover, chains_do_not_cross_entities)
{
	catalog("nis", "n");
	catalog("iso", "h");
	catalog("dora", "d");
	mapset("iso", "nis", "  - {source: h, rel: equal, target: n}\n");
	mapset("iso", "dora", "  - {source: h, rel: superset, target: d}\n");
	decide("nis:n", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("dora:d"), ISMC_COV_FULL);	/* one entity */
	/* NIS2 bound to a subsidiary, DORA to the parent. */
	entity("nis", "Sub GmbH");
	entity("dora", "Parent AG");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("dora:d"), ISMC_COV_GAP);
	/* The hub, bound to no entity, is still covered by the NIS2
	 * decision? No: a subsidiary's measure is not the whole ISMS's. */
	cr_expect_eq(status("iso:h"), ISMC_COV_GAP);
	/* ISO's decisions, bound to no entity, count for both. */
	decide("iso:h", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("dora:d"), ISMC_COV_FULL);
}

/* The plan: a covering set lacking two members is one step of two
 * controls; a residual is a step of its own. */
Test(cover, plan_steps_for_sets_and_residuals)
{
	const struct ismc_gap_fw *gf;

	catalog("a", "c1 c2 c3");
	catalog("t", "r s");
	mapset("a", "t",
	    "  - {source: [c1, c2, c3], rel: superset, target: r}\n"
	    "  - {source: c1, rel: superset, target: s, residual: "
	    "\"deadlines\"}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_PLANNED);
	decide("a:c3", ISMC_STATUS_NOT_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	gf = gapfw("t");
	cr_assert_eq(gf->nplan, 2);
	/* One action (close s's residual) gains 1; two controls gain 1:
	 * the residual comes first, more gain per action. */
	cr_expect_eq(gf->plan[0].kind, ISMC_GAP_STEP_RESIDUAL);
	cr_expect_str_eq(gf->plan[0].residual_of->id, "s");
	cr_expect_str_eq(gf->plan[0].residual, "deadlines");
	cr_expect_eq(gf->plan[0].ncontrols, 0);
	cr_expect_eq(gf->plan[0].gain, 1);
	cr_expect_eq(gf->plan[1].kind, ISMC_GAP_STEP_CONTROLS);
	cr_assert_eq(gf->plan[1].ncontrols, 2);
	cr_expect_str_eq(gf->plan[1].controls[0]->req->id, "c2");
	cr_expect_str_eq(gf->plan[1].controls[1]->req->id, "c3");
	cr_expect_str_eq(gf->plan[1].target->id, "r");
	cr_expect_eq(gf->plan[1].full_after, 2);
}

/* doc/coverage.md, section 11.1, worked example: the same figures. */
Test(cover, the_worked_example_of_the_coverage_index)
{
	const struct ismc_gap_cover *c;

	catalog("iso", "A.5.1 A.5.5 A.5.24 A.5.26");
	catalog("dora", "5.1 19.1 28.3");
	mapset("iso", "dora",
	    "  - {source: [A.5.24, A.5.26, A.5.5], rel: superset, target: "
	    "\"19.1\", strength: 6, residual: \"report major incidents to the "
	    "competent authority within the RTS deadlines\"}\n"
	    "  - {source: A.5.24, rel: subset, target: \"19.1\", strength: "
	    "7}\n"
	    "  - {source: A.5.1, rel: superset, target: \"5.1\"}\n");
	decide("iso:A.5.24", ISMC_STATUS_IMPLEMENTED);
	decide("iso:A.5.26", ISMC_STATUS_IMPLEMENTED);
	decide("iso:A.5.5", ISMC_STATUS_PARTIAL);
	decide("iso:A.5.1", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	c = cover_of("dora:19.1", false);
	cr_expect_eq(status("dora:19.1"), ISMC_COV_PARTIAL);
	cr_expect_float_eq(c->fraction, 0.625, 1e-12);
	cr_expect_float_eq(greq("dora:19.1")->credit, 0.70, 1e-12);
	cr_expect_float_eq(ismc_gap_index(&gapfw("dora")->n),
	    100.0 * 1.7 / 3.0, 1e-9);
	/* The residual closed and A.5.5 implemented: full. */
	decide("iso:A.5.5", ISMC_STATUS_IMPLEMENTED);
	spec_extra("measure M-REG \"Reports\" { closes dora:19.1; status "
	    "implemented }\n");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("dora:19.1"), ISMC_COV_FULL);
	cr_expect_float_eq(greq("dora:19.1")->credit, 1.0, 1e-12);
}

/* The coverage index: the mean of the credits, per framework and group. */
Test(cover, the_coverage_index)
{
	const struct ismc_gap_fw *gf;

	catalog("a", "c1 c2 c3 c4");
	catalog("t", "G: r1 r2 H: r3 r4");
	mapset("a", "t",
	    "  - {source: c1, rel: superset, target: r1}\n"
	    "  - {source: c2, rel: intersects, target: r2, strength: 6}\n"
	    "  - {source: [c3, c4], rel: superset, target: r3, strength: 8}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_IMPLEMENTED);
	exclude("t:r4");
	analyse(ISMC_GAP_STRICT);
	gf = gapfw("t");
	/* r1 1; r2 0.6 * 1; r3 0.8 * 1/2; r4 excluded. */
	cr_expect_float_eq(gf->n.credit, 1.0 + 0.6 + 0.4, 1e-12);
	cr_expect_float_eq(ismc_gap_index(&gf->n), 100.0 * 2.0 / 3.0, 1e-9);
	cr_expect_float_eq(ismc_gap_index(&gf->groups[0].n), 80.0, 1e-9);
	cr_expect_float_eq(ismc_gap_index(&gf->groups[1].n), 40.0, 1e-9);
}

/* ---- remediation -------------------------------------------------------- */

TestSuite(remediation, .init = setup, .fini = teardown);

Test(remediation, strict_greedy_with_natural_order_ties)
{
	const struct ismc_gap_fw *gf;

	catalog("a", "c1 c2 c3 c4 c10 c5");
	catalog("t", "r1 r2 r3 r4 r5");
	mapset("a", "t",
	    "  - {source: c1, rel: superset, target: r1}\n"
	    "  - {source: c1, rel: superset, target: r2}\n"
	    "  - {source: c1, rel: equal, target: r3}\n"
	    "  - {source: c10, rel: superset, target: r4}\n"
	    "  - {source: c2, rel: superset, target: r3}\n"
	    "  - {source: c2, rel: superset, target: r4}\n"
	    "  - {source: c3, rel: equal, target: r4}\n"
	    "  - {source: c4, rel: superset, target: r1}\n"
	    "  - {source: c5, rel: intersects, target: r5}\n");
	decide("a:c1", ISMC_STATUS_PLANNED);
	decide("a:c2", ISMC_STATUS_NOT_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_PARTIAL);
	decide("a:c4", ISMC_STATUS_UNSET);
	decide("a:c10", ISMC_STATUS_PLANNED);
	decide("a:c5", ISMC_STATUS_PLANNED);
	analyse(ISMC_GAP_STRICT);
	gf = gapfw("t");
	cr_expect_eq(gf->n.full, 0);
	cr_expect_eq(gf->n.partial, 1);		/* r4 through c3 */
	/* c1 makes three full; then c2, c3 and c10 each close r4 alone,
	 * and c2 comes first in natural order (c10 after c3). r5 only
	 * intersects c5: no control makes it full, so the plan ends with
	 * the requirement itself. */
	cr_assert_eq(gf->nplan, 3);
	cr_expect_eq(gf->plan[0].kind, ISMC_GAP_STEP_CONTROL);
	cr_expect_str_eq(gf->plan[0].control->req->id, "c1");
	cr_expect_eq(gf->plan[0].gain, 3);
	cr_expect_eq(gf->plan[0].full_after, 3);
	cr_expect_str_eq(gf->plan[1].control->req->id, "c2");
	cr_expect_eq(gf->plan[1].gain, 1);
	cr_expect_eq(gf->plan[1].full_after, 4);
	cr_expect_eq(gf->plan[2].kind, ISMC_GAP_STEP_OWN);
	cr_expect_str_eq(gf->plan[2].control->req->id, "r5");
	cr_expect_str_eq(gf->plan[2].target->id, "r5");
	cr_expect_eq(gf->plan[2].gain, 1);
	cr_expect_eq(gf->plan[2].full_after, 5);
}

Test(remediation, all_mapped_counts_what_becomes_complete)
{
	const struct ismc_gap_fw *gf;

	catalog("a", "c1 c2 c3");
	catalog("t", "r1 r2 r3");
	mapset("a", "t",
	    "  - {source: c1, rel: intersects, target: r1}\n"
	    "  - {source: c2, rel: intersects, target: r1}\n"
	    "  - {source: c2, rel: intersects, target: r2}\n"
	    "  - {source: c1, rel: intersects, target: r3}\n"
	    "  - {source: c3, rel: intersects, target: r3}\n");
	decide("a:c1", ISMC_STATUS_PLANNED);
	decide("a:c2", ISMC_STATUS_PLANNED);
	exclude("a:c3");
	analyse(ISMC_GAP_ALL_MAPPED);
	gf = gapfw("t");
	/* c2 alone completes r2; then c1 completes r1; r3 needs the
	 * excluded c3, so only its own decision makes it full. */
	cr_assert_eq(gf->nplan, 3);
	cr_expect_str_eq(gf->plan[0].control->req->id, "c2");
	cr_expect_eq(gf->plan[0].gain, 1);
	cr_expect_str_eq(gf->plan[1].control->req->id, "c1");
	cr_expect_eq(gf->plan[1].gain, 1);
	cr_expect_eq(gf->plan[1].full_after, 2);
	cr_expect_eq(gf->plan[2].kind, ISMC_GAP_STEP_OWN);
	cr_expect_str_eq(gf->plan[2].target->id, "r3");
	cr_expect_eq(gf->plan[2].full_after, 3);
}

/* The plan always says what to do next: when no mapping can make a
 * requirement full, the requirement itself (a measure of the firm's own,
 * or its own SoA decision). */
Test(remediation, no_control_can_do_it_leaves_own_work)
{
	catalog("a", "c");
	catalog("t", "r");
	mapset("a", "t", "  - {source: c, rel: intersects, target: r}\n");
	decide("a:c", ISMC_STATUS_PLANNED);
	analyse(ISMC_GAP_STRICT);
	cr_assert_eq(gapfw("t")->nplan, 1);
	cr_expect_eq(gapfw("t")->plan[0].kind, ISMC_GAP_STEP_OWN);
	cr_expect_str_eq(gapfw("t")->plan[0].control->req->id, "r");
	cr_expect_eq(gapfw("t")->plan[0].gain, 1);
	/* Nothing left: no step at all. */
	decide("t:r", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(gapfw("t")->nplan, 0);
}

/* ---- monotonicity ------------------------------------------------------- */

TestSuite(property);

static uint64_t rng_state;

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return (unsigned)(rng_state % n);
}

static int
rank(enum ismc_cov c)
{
	switch (c) {
	case ISMC_COV_FULL:
		return 2;
	case ISMC_COV_PARTIAL:
		return 1;
	default:
		return 0;
	}
}

#define PFW	3
#define PREQ	5

static const char *const pnames[PFW] = { "p", "q", "s" };

/* Random rows between two of the three catalogs, each pair once. */
static void
random_set(size_t a, size_t b)
{
	static const char *const rels[] = {
		"equal", "subset", "superset", "intersects", "not-related",
	};
	char *rows = xasprintf("%s", ""), *p;
	unsigned i, j;

	for (i = 0; i < PREQ; i++) {
		for (j = 0; j < PREQ; j++) {
			if (rnd(3) != 0)
				continue;
			p = rows;
			rows = xasprintf("%s  - {source: %s%u, rel: %s, "
			    "target: %s%u, strength: %u}\n", p, pnames[a], i,
			    rels[rnd(5)], pnames[b], j, 1 + rnd(10));
			free(p);
		}
	}
	/* And a row naming a group now and then. */
	if (rnd(2) == 0) {
		p = rows;
		rows = xasprintf("%s  - {source: %s0, rel: %s, target: G}\n",
		    p, pnames[a], rels[rnd(5)]);
		free(p);
	}
	/* And a covering set, with a residual now and then. */
	if (rnd(2) == 0) {
		char *tgt = rnd(3) == 0 ? xasprintf("G") :
		    xasprintf("%s%u", pnames[b], rnd(PREQ));

		i = rnd(PREQ);
		j = (i + 1 + rnd(PREQ - 1)) % PREQ;
		p = rows;
		rows = xasprintf("%s  - {source: [%s%u, %s%u%s], rel: %s, "
		    "target: %s, strength: %u%s}\n", p, pnames[a], i,
		    pnames[a], j, rnd(2) == 0 ? ", G" : "",
		    rnd(2) == 0 ? "equal" : "superset", tgt, 1 + rnd(10),
		    rnd(2) == 0 ? ", residual: left" : "");
		free(p);
		free(tgt);
	}
	mapset(pnames[a], pnames[b], rows);
	free(rows);
}

static void
random_fixture(void)
{
	static const enum ismc_status st[] = {
		ISMC_STATUS_UNSET, ISMC_STATUS_NOT_IMPLEMENTED,
		ISMC_STATUS_PLANNED, ISMC_STATUS_PARTIAL,
		ISMC_STATUS_IMPLEMENTED,
	};
	struct decision *d;
	char *nodes;
	size_t f, i;

	for (f = 0; f < PFW; f++) {
		nodes = xasprintf("%s0 %s1 G: %s2 %s3 %s4", pnames[f],
		    pnames[f], pnames[f], pnames[f], pnames[f]);
		catalog(pnames[f], nodes);
		free(nodes);
	}
	random_set(0, 1);
	random_set(1, 2);
	random_set(0, 2);
	/* A measure closing some requirement's residual, now and then. */
	if (rnd(2) == 0) {
		f = rnd(PFW);
		nodes = xasprintf("measure M-C \"closer\" { closes %s:%s%u; "
		    "status %s }\n", pnames[f], pnames[f], rnd(PREQ),
		    rnd(2) == 0 ? "implemented" : "partial");
		spec_extra(nodes);
		free(nodes);
	}
	for (f = 0; f < PFW; f++) {
		for (i = 0; i < fx.fw[f].nreqs; i++) {
			d = &fx.fw[f].dec[i];
			switch (rnd(6)) {
			case 0:
				break;		/* undecided */
			case 1:
				d->kind = DEC_EXCLUDED;
				break;
			default:
				d->kind = DEC_APPLICABLE;
				d->st = st[rnd(NELEM(st))];
				break;
			}
		}
	}
}

struct snapshot {
	int		 rank[PFW][PREQ];
	size_t		 full[PFW];
	double		 credit[PFW];	/* the coverage index's sum */
};

static void
snap(struct snapshot *s)
{
	size_t f, i;

	for (f = 0; f < PFW; f++) {
		s->full[f] = ir->gap->fws[f].n.full;
		s->credit[f] = ir->gap->fws[f].n.credit;
		for (i = 0; i < PREQ; i++)
			s->rank[f][i] = ir->gap->fws[f].reqs[i].status ==
			    ISMC_COV_EXCLUDED ? -1 :
			    rank(ir->gap->fws[f].reqs[i].status);
	}
}

static void
check_monotone(enum ismc_gap_policy p, unsigned round)
{
	struct snapshot before, after;
	struct decision *d, saved;
	const char *id;
	size_t f, i, g, j;

	analyse(p);
	snap(&before);
	for (f = 0; f < PFW; f++) {
		for (i = 0; i < fx.fw[f].nreqs; i++) {
			d = &fx.fw[f].dec[i];
			id = fx.fw[f].reqs[i];
			if (d->kind == DEC_EXCLUDED || (d->kind ==
			    DEC_APPLICABLE && d->st == ISMC_STATUS_IMPLEMENTED))
				continue;
			saved = *d;
			d->kind = DEC_APPLICABLE;
			d->st = ISMC_STATUS_IMPLEMENTED;
			analyse(p);
			snap(&after);
			for (g = 0; g < PFW; g++) {
				cr_expect_geq(after.full[g], before.full[g],
				    "round %u, %s, %s:%s raised: %s full fell",
				    round, ismc_gap_policy_name(p),
				    pnames[f], id, pnames[g]);
				cr_expect_geq(after.credit[g] + 1e-9,
				    before.credit[g], "round %u, %s, %s:%s "
				    "raised: %s index fell", round,
				    ismc_gap_policy_name(p), pnames[f], id,
				    pnames[g]);
				for (j = 0; j < PREQ; j++)
					cr_expect_geq(after.rank[g][j],
					    before.rank[g][j], "round %u, %s, "
					    "%s:%s raised: %s req %zu fell",
					    round, ismc_gap_policy_name(p),
					    pnames[f], id, pnames[g], j);
			}
			*d = saved;
		}
	}
}

Test(property, implementing_a_control_never_lowers_coverage)
{
	unsigned round;

	rng_state = 0x9e3779b97f4a7c15ull;
	for (round = 0; round < 150; round++) {
		setup();
		random_fixture();
		check_monotone(ISMC_GAP_STRICT, round);
		check_monotone(ISMC_GAP_ALL_MAPPED, round);
		teardown();
	}
}

/*
 * The same property on the shipped catalogs and crosswalks: the examples,
 * and the spec of scripts/coverage-figures.sh that implements all of Annex
 * A and decides no clause. Each control of a catalog of controls (Annex A
 * and the clauses) is moved to implemented in turn, and every fifth
 * requirement of the other frameworks (its own SoA row), under both
 * policies; no framework's count of full requirements or coverage index
 * may fall. One compilation per spec: a move changes the SoA row in the
 * IR and analyses again in an arena of its own, freed after the
 * comparison, so the test stays a few seconds.
 */
#define REAL_STRIDE	5

struct realfig {
	size_t		 full;
	double		 credit;
};

static void
real_figures(const struct ismc_gap *gap, struct realfig *out)
{
	size_t f;

	for (f = 0; f < gap->nfws; f++) {
		out[f].full = gap->fws[f].n.full;
		out[f].credit = gap->fws[f].n.credit;
	}
}

/* Moves every control (a sample of requirements) to implemented in turn;
 * returns how many moves were checked. */
static size_t
real_monotone(const char *spec, struct ismc_compilation *comp,
    struct ismc_ir *sir, enum ismc_gap_policy p)
{
	struct ismc_gap *b0 = ismc_gap_analyse(comp, sir, p), *g;
	struct realfig *before, *after;
	struct ismc_ir_control *c, saved;
	struct ismc_arena keep;
	size_t f, i, k, moves = 0;
	bool controls;

	before = calloc(b0->nfws + 1, sizeof *before);
	after = calloc(b0->nfws + 1, sizeof *after);
	cr_assert(before != NULL && after != NULL);
	real_figures(b0, before);
	for (f = 0; f < sir->nframeworks; f++) {
		controls = ismc_catalog_is_controls(sir->frameworks[f].catalog);
		for (i = 0; i < sir->frameworks[f].ncontrols; i++) {
			c = &sir->frameworks[f].controls[i];
			if (c->applicability == ISMC_EXCLUDED ||
			    c->status == ISMC_STATUS_IMPLEMENTED ||
			    (!controls && i % REAL_STRIDE != 0))
				continue;
			saved = *c;
			c->applicability = ISMC_APPLICABLE;
			c->status = ISMC_STATUS_IMPLEMENTED;
			keep = comp->arena;
			ismc_arena_init(&comp->arena);
			g = ismc_gap_analyse(comp, sir, p);
			real_figures(g, after);
			for (k = 0; k < g->nfws; k++) {
				cr_expect_geq(after[k].full, before[k].full,
				    "%s, %s: %s:%s implemented lowers %s's "
				    "full count", spec, ismc_gap_policy_name(p),
				    c->req->catalog->id, c->req->id,
				    g->fws[k].fw->catalog->id);
				cr_expect_geq(after[k].credit + 1e-9,
				    before[k].credit, "%s, %s: %s:%s "
				    "implemented lowers %s's index", spec,
				    ismc_gap_policy_name(p),
				    c->req->catalog->id, c->req->id,
				    g->fws[k].fw->catalog->id);
			}
			ismc_arena_destroy(&comp->arena);
			comp->arena = keep;
			*c = saved;
			moves++;
		}
	}
	sir->gap = b0;
	free(before);
	free(after);
	return moves;
}

/* Compiles spec files (NULL: `text`) against the shipped catalogs. */
static struct ismc_ir *
real_compile(struct ismc_test *t, const char *path, const char *text)
{
	struct ismc_spec_file file;
	struct ismc_program prog;
	struct ismc_ir *rir;

	ismc_test_init(t);
	ismc_compilation_add_search_dir(&t->comp, ismc_arena_printf(
	    &t->comp.arena, "%s/frameworks", ismc_test_srcdir()));
	memset(&prog, 0, sizeof prog);
	if (path != NULL) {
		ismc_frontend_load(&t->comp, &path, 1, &prog);
	} else {
		memset(&file, 0, sizeof file);
		file.file = ismc_test_add(t, ISMC_TEST_FILE, text);
		cr_assert_eq(ismc_test_parse_file(t, file.file, &file.items),
		    0, "%s", ismc_test_diags(t));
		prog.files = &file;
		prog.nfiles = 1;
	}
	cr_assert_eq(t->comp.diag.errors, 0, "%s", ismc_test_diags(t));
	rir = ismc_sema_run(&t->comp, &prog, NULL);
	cr_assert(rir != NULL && t->comp.diag.errors == 0, "%s",
	    ismc_test_diags(t));
	return rir;
}

static void
real_check(const char *name, struct ismc_test *t, struct ismc_ir *rir)
{
	struct ismc_gap *strict, *mapped;
	size_t n, f, i;

	n = real_monotone(name, &t->comp, rir, ISMC_GAP_STRICT);
	cr_expect_gt(n, 0, "%s: nothing to move", name);
	real_monotone(name, &t->comp, rir, ISMC_GAP_ALL_MAPPED);
	/* And all-mapped is never below strict, requirement by requirement
	 * (doc/coverage.md, section 5). */
	strict = ismc_gap_analyse(&t->comp, rir, ISMC_GAP_STRICT);
	mapped = ismc_gap_analyse(&t->comp, rir, ISMC_GAP_ALL_MAPPED);
	for (f = 0; f < strict->nfws; f++)
		for (i = 0; i < strict->fws[f].nreqs; i++)
			cr_expect_geq(rank(mapped->fws[f].reqs[i].status),
			    rank(strict->fws[f].reqs[i].status),
			    "%s: %s:%s is %s under all-mapped, %s under "
			    "strict", name,
			    strict->fws[f].fw->catalog->id,
			    strict->fws[f].reqs[i].req->id,
			    cov(mapped->fws[f].reqs[i].status),
			    cov(strict->fws[f].reqs[i].status));
}

Test(property, implementing_a_control_never_lowers_the_examples)
{
	static const char *const examples[] = { "eu-bank", "safetrust" };
	struct ismc_test t;
	struct ismc_ir *rir;
	char *path;
	size_t i;

	for (i = 0; i < NELEM(examples); i++) {
		path = xasprintf("%s/examples/%s/%s.isms", ismc_test_srcdir(),
		    examples[i], examples[i]);
		rir = real_compile(&t, path, NULL);
		real_check(examples[i], &t, rir);
		ismc_test_fini(&t);
		free(path);
	}
}

Test(property, implementing_a_control_never_lowers_the_figures_spec)
{
	struct ismc_test t;
	struct ismc_ir *rir;
	struct ismc_ir_framework *iso;
	size_t i;

	rir = real_compile(&t, NULL, "framework iso27001\nframework dora\n"
	    "framework nis2\nframework nis2-ir\nframework soc2\n");
	/* scripts/coverage-figures.sh, Annex A alone: every Annex A control
	 * applicable and implemented, no clause decided. */
	cr_assert_not_null(iso = ismc_ir_framework_find(rir, "iso27001"));
	for (i = 0; i < iso->ncontrols; i++) {
		if (iso->controls[i].req->mandatory)
			continue;
		iso->controls[i].applicability = ISMC_APPLICABLE;
		iso->controls[i].status = ISMC_STATUS_IMPLEMENTED;
	}
	real_check("coverage-figures spec", &t, rir);
	ismc_test_fini(&t);
}

/* Does what step k of framework f's plan asks: implements its controls
 * and closes its residual with a measure. Returns whether every control
 * it names was decided before (then the plan's figure is exact). */
static bool
do_step(const struct ismc_gap_step *s, size_t k)
{
	bool decided = true;
	char *q;
	size_t j;

	for (j = 0; j < s->ncontrols; j++) {
		q = xasprintf("%s:%s", s->controls[j]->req->catalog->id,
		    s->controls[j]->req->id);
		decided &= slot(q)->kind != DEC_NONE;
		decide(q, ISMC_STATUS_IMPLEMENTED);
		free(q);
	}
	if (s->residual_of != NULL) {
		q = xasprintf("measure M-R%zu \"closes\" { closes %s:%s; "
		    "status implemented }\n", k, s->residual_of->catalog->id,
		    s->residual_of->id);
		spec_extra(q);
		free(q);
	}
	return decided;
}

/*
 * Doing every step of a plan gives the figure the plan promises: exactly,
 * when each step names controls that had a decision; at least, when it
 * decides a control for the first time (which may then also reach
 * requirements through hubs, which the plan does not count).
 */
Test(property, the_plan_delivers_what_it_promises)
{
	const struct ismc_gap_fw *gf;
	size_t promised, assessed, k, f;
	unsigned round;
	bool exact;
	int p;

	rng_state = 0x2545f4914f6cdd1dull;
	for (round = 0; round < 300; round++) {
		for (p = 0; p < 2; p++) {
			setup();
			random_fixture();
			analyse((enum ismc_gap_policy)p);
			f = round % PFW;	/* each framework in turn */
			gf = &ir->gap->fws[f];
			assessed = gf->n.total - gf->n.excluded;
			/* A plan always says what to do next: it ends with
			 * every assessed requirement full. */
			promised = gf->nplan > 0 ?
			    gf->plan[gf->nplan - 1].full_after : gf->n.full;
			cr_expect_eq(promised, assessed, "round %u policy %d: "
			    "the plan stops at %zu of %zu", round, p,
			    promised, assessed);
			exact = true;
			for (k = 0; k < gf->nplan; k++) {
				cr_expect_gt(gf->plan[k].gain, 0);
				exact &= do_step(&gf->plan[k], k);
			}
			analyse((enum ismc_gap_policy)p);
			if (exact)
				cr_expect_eq(ir->gap->fws[f].n.full, promised,
				    "round %u policy %d: %zu full, %zu "
				    "promised", round, p,
				    ir->gap->fws[f].n.full, promised);
			else
				cr_expect_geq(ir->gap->fws[f].n.full, promised,
				    "round %u policy %d: %zu full, %zu "
				    "promised", round, p,
				    ir->gap->fws[f].n.full, promised);
			teardown();
		}
	}
}

/* ---- explain and reports ------------------------------------------------ */

TestSuite(explain, .init = setup, .fini = teardown);

struct explain_arg {
	const char	*fw, *req;
	bool		 ok;
};

static void
explain_cb(FILE *fp, void *p)
{
	struct explain_arg *a = p;

	a->ok = ismc_explain_print(ir, a->fw, a->req, fp);
}

static const char *
explain(const char *fw, const char *req, bool *ok)
{
	struct explain_arg a = { fw, req, false };
	const char *s = ismc_test_capture(cur(), explain_cb, &a);

	*ok = a.ok;
	return s;
}

static void
hub_fixture(void)
{
	catalog("iso", "c1 c2");
	catalog("dora", "G: d1 d2");
	catalog("nis2", "n1");
	mapset("iso", "dora",
	    "  - {source: c1, rel: subset, target: d1, strength: 7, "
	    "rationale: incident process}\n"
	    "  - {source: c2, rel: superset, target: d1, strength: 5}\n"
	    "  - {source: null, rel: no-counterpart, target: d2, "
	    "rationale: register}\n");
	mapset("iso", "nis2",
	    "  - {source: c1, rel: equal, target: n1, strength: 6}\n");
	decide_raw("iso:c1", "applicable; status implemented; evidence "
	    "\"IR-7 incident log\"");
	decide("iso:c2", ISMC_STATUS_PLANNED);
}

Test(explain, a_partial_requirement)
{
	const char *s;
	bool ok;

	hub_fixture();
	analyse(ISMC_GAP_STRICT);
	s = explain("dora", "d1", &ok);
	cr_assert(ok);
	cr_expect_str_eq(s,
	    "dora:d1  Title d1\n"
	    "  status: partial (coverage policy: strict)\n"
	    "  own SoA row: no decision\n"
	    "  reached by:\n"
	    "    iso:c1\n"
	    "      status: implemented\n"
	    "      relation: subset (published)\n"
	    "        iso:c1 subset dora:d1\n"
	    "          from iso--dora: c1 subset d1, strength 7\n"
	    "          rationale: incident process\n"
	    "      counts as: partial\n"
	    "      evidence: IR-7 incident log\n"
	    "    iso:c2\n"
	    "      status: planned\n"
	    "      relation: superset (published)\n"
	    "        iso:c2 superset dora:d1\n"
	    "          from iso--dora: c2 superset d1, strength 5\n"
	    "      counts as: nothing yet (full once implemented)\n"
	    "  credit in the coverage index: 0.70\n"
	    "  why not full:\n"
	    "  full once one of these is implemented: iso:c2 (planned)\n");
}

Test(explain, a_chain_and_a_gap)
{
	const char *s;
	bool ok;

	hub_fixture();
	decide("nis2:n1", ISMC_STATUS_UNSET);
	analyse(ISMC_GAP_STRICT);
	s = explain("dora", "d2", &ok);
	cr_assert(ok);
	cr_expect_str_eq(s,
	    "dora:d2  Title d2\n"
	    "  status: no-counterpart (coverage policy: strict)\n"
	    "  own SoA row: no decision\n"
	    "  reached by: nothing\n"
	    "  why not full:\n"
	    "  no mapping between frameworks in use reaches it from a "
	    "control with a decision\n"
	    "  iso--dora says it has no counterpart: register\n");
	/* n1 (applicable, no status) reaches d1 through the hub c1:
	 * n1 equal c1, c1 subset d1. */
	s = explain("dora", "d1", &ok);
	cr_expect(strstr(s, "    nis2:n1\n"
	    "      status: unset\n"
	    "      relation: subset (inferred, not a published mapping)\n"
	    "      chain through iso:c1:\n"
	    "        nis2:n1 equal iso:c1\n"
	    "          from iso--nis2: c1 equal n1, strength 6; read "
	    "backwards\n"
	    "        iso:c1 subset dora:d1\n") != NULL, "%s", s);
}

Test(explain, unknown_names_and_groups)
{
	const char *s;
	bool ok;

	hub_fixture();
	compile(false);
	explain("dora", "d1", &ok);
	cr_expect(!ok);				/* not analysed yet */
	analyse(ISMC_GAP_ALL_MAPPED);
	s = explain("dora", "nope", &ok);
	cr_expect(!ok);
	cr_expect_str_eq(s, "");
	explain("sox", "d1", &ok);
	cr_expect(!ok);
	s = explain("dora", "G", &ok);
	cr_expect(ok);
	cr_expect_str_eq(s,
	    "dora:G\n"
	    "  a group; its requirements (coverage policy: all-mapped):\n"
	    "    d1               partial\n"
	    "    d2               no-counterpart\n");
}

/* A covering set with its members' statuses and the residual. */
Test(explain, a_covering_set)
{
	const char *s;
	bool ok;

	catalog("a", "c1 c2 c3");
	catalog("t", "r");
	mapset("a", "t", "  - {source: [c1, c2, c3], rel: superset, target: "
	    "r, strength: 7, rationale: together, residual: \"report it\"}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_PARTIAL);
	analyse(ISMC_GAP_STRICT);
	s = explain("t", "r", &ok);
	cr_assert(ok);
	cr_expect_str_eq(s,
	    "t:r\n"
	    "  status: partial (coverage policy: strict)\n"
	    "  own SoA row: no decision\n"
	    "  covered by sets:\n"
	    "    a:c1 + a:c2 + a:c3 superset t:r\n"
	    "      from a--t: c1 + c2 + c3 superset r, strength 7\n"
	    "      rationale: together\n"
	    "      members (1 of 3 met):\n"
	    "        a:c1  met\n"
	    "        a:c2  partial\n"
	    "        a:c3  open (no decision)\n"
	    "      residual of t:r: report it\n"
	    "        open: a measure with 'closes t:r' closes it\n"
	    "      counts as: partial (full once every member is met and the "
	    "residual, if any, closed)\n"
	    "  credit in the coverage index: 0.26\n"
	    "  why not full:\n"
	    "  full through a--t once a:c2 (partial) a:c3 (no decision) are "
	    "implemented and the residual is closed: report it\n");
}

TestSuite(reports, .init = setup, .fini = teardown);

static const char *
cell_text(const struct ismc_cell *c)
{
	struct ismc_buf b;
	const char *s;

	ismc_buf_init(&b);
	ismc_cell_format(c, "; ", &b);
	s = ismc_arena_strdup(arena(), ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

static const char *
summary(const struct ismc_report *r, const char *key)
{
	size_t i;

	for (i = 0; i < r->nsummary; i++)
		if (strcmp(r->summary[i].key, key) == 0)
			return cell_text(&r->summary[i].value);
	cr_assert_fail("no summary %s", key);
	return NULL;
}

/* The text of cell `col` of row `i`. */
static const char *
at(const struct ismc_report *r, size_t i, int col)
{
	cr_assert_lt(i, r->nrows);
	return cell_text(&r->rows[i][col]);
}

Test(reports, gap_and_remediation)
{
	const struct ismc_report *r;

	hub_fixture();
	compile(false);
	cr_expect_null(ismc_report_gap(ir, framework("dora"), arena()));
	analyse(ISMC_GAP_STRICT);
	/* The hub is no set's target: its SoA says what it covers. */
	cr_expect_null(ismc_report_gap(ir, framework("iso"), arena()));
	r = ismc_report_gap(ir, framework("dora"), arena());
	cr_assert_not_null(r);
	cr_assert_eq(r->nrows, 2);
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_ID), "d1");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_GROUP), "G");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_STATUS), "partial");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_REACHING),
	    "iso:c1 (implemented); iso:c2 (planned)");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_BEST), "iso:c1");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_RELATION), "subset");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_INFERRED), "no");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_PROVENANCE), "iso--dora");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_STRENGTH), "7");
	/* d1: c1 subset d1, strength 7, implemented: credit 0.7. */
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_CREDIT), "0.7");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_CREDIT_BASIS),
	    "iso:c1 implemented: 7/10 × 1 = 0.7");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_WORK_LEFT), "");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_POLICY), "strict");
	/* Only a partial requirement's credit has a sum to show. */
	cr_expect_str_eq(at(r, 1, ISMC_GAPREP_CREDIT_BASIS), "");
	cr_expect_str_eq(at(r, 1, ISMC_GAPREP_STATUS), "no-counterpart");
	cr_expect_str_eq(at(r, 1, ISMC_GAPREP_CREDIT), "0.0");
	cr_expect_str_eq(summary(r, "policy"), "strict");
	cr_expect_str_eq(summary(r, "partial_pct"), "50.0");
	cr_expect_str_eq(summary(r, "gap"), "1");
	cr_expect_str_eq(summary(r, "coverage_index"), "35.0");
	cr_expect_str_eq(summary(r, "group:G"), "0 full (0.0 %), 1 partial "
	    "(50.0 %), 1 gap (50.0 %) of 2 assessed; 0 excluded; coverage "
	    "index 35.0");
	r = ismc_report_remediation(ir, framework("dora"), arena());
	cr_assert_not_null(r);
	/* c2 closes d1; d2 has no counterpart: only its own decision (a
	 * measure of the firm's own) can make it full. */
	cr_assert_eq(r->nrows, 2);
	cr_expect_str_eq(at(r, 0, ISMC_PLAN_CONTROL), "iso:c2");
	cr_expect_str_eq(at(r, 0, ISMC_PLAN_STATUS), "planned");
	cr_expect_str_eq(at(r, 0, ISMC_PLAN_ACTION), "implement");
	cr_expect_str_eq(at(r, 0, ISMC_PLAN_GAIN), "1");
	cr_expect_str_eq(at(r, 0, ISMC_PLAN_PCT_AFTER), "50.0");
	cr_expect_str_eq(at(r, 1, ISMC_PLAN_CONTROL), "");
	cr_expect_str_eq(at(r, 1, ISMC_PLAN_ACTION), "own work");
	cr_expect_str_eq(at(r, 1, ISMC_PLAN_FOR), "dora:d2");
	cr_expect_str_eq(at(r, 1, ISMC_PLAN_PCT_AFTER), "100.0");
	cr_expect_str_eq(summary(r, "left_open"), "0");
}

/*
 * A partial requirement's credit comes with its sum, from the evidence
 * that gives the most: {c1, c2, c3} superset r with a residual, c1 and c2
 * implemented, c3 partly, the residual partly closed: 8/10 x (2 + 1/2 +
 * 1/2) / 4 = 0.6; c4 subset s, partly implemented: 5/10 x 1/2 = 0.25.
 */
Test(reports, credit_basis_of_a_set_and_of_a_control)
{
	const struct ismc_report *r;
	struct ismc_report *cov;

	catalog("a", "c1 c2 c3 c4");
	catalog("t", "G: r s");
	mapset("a", "t", "  - {source: [c1, c2, c3], rel: superset, target: r, "
	    "strength: 8, rationale: together, residual: \"report it\"}\n"
	    "  - {source: c4, rel: subset, target: s, strength: 5, "
	    "rationale: part}\n");
	decide("a:c1", ISMC_STATUS_IMPLEMENTED);
	decide("a:c2", ISMC_STATUS_IMPLEMENTED);
	decide("a:c3", ISMC_STATUS_PARTIAL);
	decide("a:c4", ISMC_STATUS_PARTIAL);
	spec_extra("measure M-1 \"Reports\" { closes t:r; status partial }\n");
	analyse(ISMC_GAP_STRICT);
	r = ismc_report_gap(ir, framework("t"), arena());
	cr_assert_not_null(r);
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_CREDIT), "0.6");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_CREDIT_BASIS), "set: 8/10 × "
	    "(2 met + 1/2 × 1 partly + 1/2 partly closed residual) / "
	    "(3 members + 1) = 0.6");
	cr_expect_str_eq(at(r, 0, ISMC_GAPREP_WORK_LEFT), "report it");
	cr_expect_str_eq(at(r, 1, ISMC_GAPREP_CREDIT), "0.25");
	cr_expect_str_eq(at(r, 1, ISMC_GAPREP_CREDIT_BASIS),
	    "a:c4 partly implemented: 5/10 × 1/2 = 0.25");
	/* The coverage report: the framework, then its group, as numbers;
	 * index 100 x (0.6 + 0.25) / 2 = 42.5. */
	cov = ismc_report_coverage(ir, arena());
	cr_assert_not_null(cov);
	cr_assert_eq(cov->nrows, 4);	/* a and its root cell, t and G */
	cr_expect_str_eq(at(cov, 2, ISMC_COVREP_FRAMEWORK), "t");
	cr_expect_str_eq(at(cov, 2, ISMC_COVREP_GROUP), "");
	cr_expect_str_eq(at(cov, 2, ISMC_COVREP_ASSESSED), "2");
	cr_expect_str_eq(at(cov, 2, ISMC_COVREP_PARTIAL), "2");
	cr_expect_str_eq(at(cov, 2, ISMC_COVREP_PARTIAL_PCT), "100.0");
	cr_expect_str_eq(at(cov, 2, ISMC_COVREP_INDEX), "42.5");
	cr_expect_str_eq(at(cov, 3, ISMC_COVREP_GROUP), "G");
	cr_expect_str_eq(at(cov, 3, ISMC_COVREP_INDEX), "42.5");
	cr_expect_str_eq(at(cov, 3, ISMC_COVREP_POLICY), "strict");
	cr_expect_str_eq(summary(ismc_report_gap(ir, framework("t"), arena()),
	    "coverage_index"), "42.5");
}

Test(reports, traceability)
{
	const struct ismc_report *r;
	size_t i;
	static const char *const want[][7] = {
		{ "iso:c1", "implemented", "dora", "d1", "subset",
		    "iso--dora", "7" },
		{ "iso:c1", "implemented", "nis2", "n1", "equal",
		    "iso--nis2", "6" },
		{ "iso:c2", "planned", "dora", "d1", "superset",
		    "iso--dora", "5" },
		{ "M-1", "implemented", "iso", "c1", "covers",
		    "declared in the spec", "" },
		{ "M-1", "implemented", "dora", "d1", "subset",
		    "via iso:c1; iso--dora", "7" },
		{ "M-1", "implemented", "nis2", "n1", "equal",
		    "via iso:c1; iso--nis2", "6" },
	};

	hub_fixture();
	spec_extra("measure M-1 \"M\" { covers iso:c1; status implemented }\n");
	compile(false);
	cr_expect_null(ismc_report_trace(ir, arena()));
	analyse(ISMC_GAP_STRICT);
	r = ismc_report_trace(ir, arena());
	cr_assert_not_null(r);
	cr_assert_eq(r->nrows, NELEM(want));
	for (i = 0; i < NELEM(want); i++) {
		size_t j;

		for (j = 0; j < 7; j++)
			cr_expect_str_eq(cell_text(&r->rows[i][j]),
			    want[i][j], "row %zu col %zu", i, j);
	}
}

static const char *
csv(const struct ismc_report *r)
{
	struct ismc_buf b;
	const char *s;

	ismc_buf_init(&b);
	ismc_emit_csv(r, &b);
	s = ismc_arena_strdup(arena(), ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return s;
}

Test(reports, the_same_input_gives_the_same_bytes)
{
	const char *gap1, *trace1;

	hub_fixture();
	decide("nis2:n1", ISMC_STATUS_IMPLEMENTED);
	analyse(ISMC_GAP_STRICT);
	gap1 = csv(ismc_report_gap(ir, framework("dora"), arena()));
	trace1 = csv(ismc_report_trace(ir, arena()));
	analyse(ISMC_GAP_STRICT);
	cr_expect_str_eq(csv(ismc_report_gap(ir, framework("dora"),
	    arena())), gap1);
	cr_expect_str_eq(csv(ismc_report_trace(ir, arena())), trace1);
	cr_expect(strstr(trace1, "nis2:n1,implemented,dora,d1,subset,\""
	    "inferred via iso:c1 (iso--nis2, read backwards; iso--dora)\","
	    "6\r\n") != NULL, "%s", trace1);
}

Test(direct, no_counterpart_on_the_source_side)
{
	catalog("a", "c d");
	catalog("t", "r");
	mapset("a", "t",
	    "  - {source: c, rel: equal, target: r}\n"
	    "  - {source: d, rel: no-counterpart, target: null}\n");
	analyse(ISMC_GAP_STRICT);
	cr_expect_eq(status("a:d"), ISMC_COV_NO_COUNTERPART);
	cr_expect_eq(status("a:c"), ISMC_COV_GAP);
}
