/*
 * test-catalog.c - the YAML reader, the catalog and mapping-set loaders,
 * the catalog search, and the shipped ISO/IEC 27001:2022 catalog checked
 * against the CISO Assistant reference data.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "compilation.h"
#include "datafile.h"
#include "helpers.h"
#include "mapping.h"
#include "search.h"
#include "yamlnode.h"

#define YAML_FILE	"t.yaml"

static struct ismc_test t;

static void
setup(void)
{
	ismc_test_init(&t);
}

static void
teardown(void)
{
	ismc_test_fini(&t);
}

TestSuite(yaml, .init = setup, .fini = teardown);
TestSuite(catalog, .init = setup, .fini = teardown);
TestSuite(search, .init = setup, .fini = teardown);
TestSuite(mapping, .init = setup, .fini = teardown);
TestSuite(iso27001, .init = setup, .fini = teardown);

static char *
srcpath(const char *rel)
{
	char *p;

	if (asprintf(&p, "%s/%s", ismc_test_srcdir(), rel) < 0)
		cr_assert_fail("out of memory");
	return p;
}

/* Loads `text` as catalog file "t.yaml", told by its content. */
static struct ismc_catalog *
load(const char *text)
{
	return ismc_data_catalog_file(&t.comp,
	    ismc_test_add(&t, YAML_FILE, text));
}

/* Loads `text` and expects it to fail with exactly `diags`. */
static void
bad(const char *text, const char *diags)
{
	cr_assert_null(load(text));
	cr_assert_str_eq(ismc_test_diags(&t), diags);
}

static const char header[] =
    "format: ismc-catalog/1\n"
    "catalog:\n"
    "  id: test\n"
    "  title: Test\n"
    "  levels: [theme, control]\n";

/* `header` followed by `nodes`: line 6 is "nodes:", line 7 the first node. */
static struct ismc_catalog *
load_nodes(const char *nodes)
{
	char *text;
	struct ismc_catalog *cat;

	if (asprintf(&text, "%snodes:\n%s", header, nodes) < 0)
		cr_assert_fail("out of memory");
	cat = load(text);
	free(text);
	return cat;
}

static void
bad_nodes(const char *nodes, const char *diags)
{
	cr_assert_null(load_nodes(nodes));
	cr_assert_str_eq(ismc_test_diags(&t), diags);
}

/* ---- the YAML reader ------------------------------------------------- */

struct parsed {
	struct ismc_ydoc	doc;
	bool			ok;
};

static void
parse(struct parsed *p, const char *text, const struct ismc_ystream *st)
{
	uint32_t file = ismc_test_add(&t, YAML_FILE, text);

	p->ok = ismc_ydoc_parse(&p->doc, &t.comp.sources, &t.comp.diag, file,
	    st);
}

Test(yaml, tree_and_spans)
{
	struct parsed p;
	const struct ismc_ynode *v, *seq;

	parse(&p, "a: 1\nb: [x, 'y', \"z\"]\nc: {d: ~}\n", NULL);
	cr_assert(p.ok);
	cr_assert_eq(p.doc.root->kind, ISMC_YNODE_MAPPING);
	cr_assert_eq(p.doc.root->len, 3);
	v = ismc_ynode_get(p.doc.root, "a");
	cr_assert(ismc_ynode_equals(v, "1"));
	cr_assert_eq(v->span.start, 3);
	cr_assert_eq(v->span.end, 4);
	seq = ismc_ynode_get(p.doc.root, "b");
	cr_assert_eq(seq->kind, ISMC_YNODE_SEQUENCE);
	cr_assert_eq(seq->len, 3);
	cr_assert(ismc_ynode_equals(ismc_ynode_item(seq, 1), "y"));
	cr_assert(!ismc_ynode_item(seq, 1)->plain);
	cr_assert_eq(ismc_ynode_item(seq, 1)->span.start, 12);
	v = ismc_ynode_get(ismc_ynode_get(p.doc.root, "c"), "d");
	cr_assert(ismc_ynode_is_null(v));
	cr_assert_null(ismc_ynode_get(p.doc.root, "zz"));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	ismc_ydoc_free(&p.doc);
}

Test(yaml, quoted_null_is_a_string)
{
	struct parsed p;

	parse(&p, "a: 'null'\nb: null\nc:\nd: \"\"\n", NULL);
	cr_assert(p.ok);
	cr_assert(!ismc_ynode_is_null(ismc_ynode_get(p.doc.root, "a")));
	cr_assert(ismc_ynode_is_null(ismc_ynode_get(p.doc.root, "b")));
	cr_assert(ismc_ynode_is_null(ismc_ynode_get(p.doc.root, "c")));
	cr_assert(!ismc_ynode_is_null(ismc_ynode_get(p.doc.root, "d")));
	ismc_ydoc_free(&p.doc);
}

Test(yaml, escapes_and_block_scalars_are_decoded)
{
	struct parsed p;

	parse(&p, "a: \"x\\ty\"\nb: |\n  one\n  two\nc: 'it''s'\n", NULL);
	cr_assert(p.ok);
	cr_assert(ismc_ynode_equals(ismc_ynode_get(p.doc.root, "a"), "x\ty"));
	cr_assert(ismc_ynode_equals(ismc_ynode_get(p.doc.root, "b"),
	    "one\ntwo\n"));
	cr_assert(ismc_ynode_equals(ismc_ynode_get(p.doc.root, "c"), "it's"));
	ismc_ydoc_free(&p.doc);
}

/* libyaml counts characters; spans must count bytes, past a BOM too. */
Test(yaml, spans_count_bytes)
{
	struct parsed p;
	const struct ismc_ynode *v;

	parse(&p, "\xef\xbb\xbf" "\xc3\xa9t\xc3\xa9: \xe2\x98\x83 x\r\nb: y\n",
	    NULL);
	cr_assert(p.ok);
	v = ismc_ynode_get(p.doc.root, "\xc3\xa9t\xc3\xa9");
	cr_assert_not_null(v);
	cr_assert_eq(v->span.start, 3 + 7);
	cr_assert_eq(v->span.end, 3 + 7 + 5);
	v = ismc_ynode_get(p.doc.root, "b");
	cr_assert_eq(v->span.start, 3 + 7 + 5 + 2 + 3);
	ismc_ydoc_free(&p.doc);
}

Test(yaml, duplicate_keys_in_a_large_mapping)
{
	struct parsed p;
	char text[4096];
	size_t i, n = 0;

	for (i = 0; i < 100; i++)
		n += (size_t)snprintf(text + n, sizeof text - n, "k%zu: v\n",
		    i);
	snprintf(text + n, sizeof text - n, "k42: again\n");
	parse(&p, text, NULL);
	cr_assert(!p.ok);
	cr_assert_str_eq(ismc_test_diags(&t),
	    "t.yaml:101:1: error: duplicate key 'k42'\n"
	    "t.yaml:43:1: note: previous definition of 'k42' is here\n");
	ismc_ydoc_free(&p.doc);
}

static char *
nested(size_t depth)
{
	char *s = malloc(2 * depth + 2);
	size_t i;

	cr_assert_not_null(s);
	for (i = 0; i < depth; i++) {
		s[i] = '[';
		s[2 * depth - 1 - i] = ']';
	}
	s[2 * depth] = '\n';
	s[2 * depth + 1] = '\0';
	return s;
}

Test(yaml, nesting_limit)
{
	struct parsed p;
	char *s;

	s = nested(ISMC_YAML_MAX_DEPTH);
	parse(&p, s, NULL);
	cr_assert(p.ok);
	ismc_ydoc_free(&p.doc);
	free(s);
	s = nested(ISMC_YAML_MAX_DEPTH + 1);
	parse(&p, s, NULL);
	cr_assert(!p.ok);
	cr_assert_str_eq(ismc_test_diags(&t),
	    "t.yaml:1:65: error: YAML nesting deeper than 64 levels\n");
	ismc_ydoc_free(&p.doc);
	free(s);
}

/* Anchors are refused where they are defined: no expansion can happen. */
Test(yaml, billion_laughs_is_refused)
{
	struct parsed p;

	parse(&p,
	    "a: &a [x, x, x, x, x, x, x, x, x]\n"
	    "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n", NULL);
	cr_assert(!p.ok);
	cr_assert_eq(p.doc.errors, 11);
	cr_assert(strstr(ismc_test_diags(&t),
	    "t.yaml:1:4: error: YAML anchors are not supported\n") != NULL);
	cr_assert(strstr(ismc_test_diags(&t),
	    "t.yaml:2:8: error: YAML aliases are not supported\n") != NULL);
	ismc_ydoc_free(&p.doc);
}

Test(yaml, quiet_mode_counts_only)
{
	struct ismc_ydoc doc;
	uint32_t file = ismc_test_add(&t, YAML_FILE, "a: [\n");

	cr_assert(!ismc_ydoc_parse(&doc, &t.comp.sources, NULL, file, NULL));
	cr_assert_eq(doc.errors, 1);
	cr_assert_str_eq(ismc_test_diags(&t), "");
	ismc_ydoc_free(&doc);
}

Test(yaml, empty_file_has_no_root)
{
	struct parsed p;

	parse(&p, "# nothing\n", NULL);
	cr_assert(p.ok);
	cr_assert_null(p.doc.root);
	ismc_ydoc_free(&p.doc);
}

Test(yaml, integers)
{
	struct parsed p;
	const struct ismc_ynode *m;
	long v = 0;

	parse(&p, "{a: 7, b: 11, c: x, d: 0x1, e: -3, f: 99999999999999999999}",
	    NULL);
	cr_assert(p.ok);
	m = p.doc.root;
	cr_assert(ismc_ydoc_expect_int(&p.doc, ismc_ynode_get(m, "a"), "'a'",
	    1, 10, &v));
	cr_assert_eq(v, 7);
	cr_assert(!ismc_ydoc_expect_int(&p.doc, ismc_ynode_get(m, "b"), "'b'",
	    1, 10, &v));
	cr_assert(!ismc_ydoc_expect_int(&p.doc, ismc_ynode_get(m, "c"), "'c'",
	    1, 10, &v));
	cr_assert(!ismc_ydoc_expect_int(&p.doc, ismc_ynode_get(m, "d"), "'d'",
	    1, 10, &v));
	cr_assert(ismc_ydoc_expect_int(&p.doc, ismc_ynode_get(m, "e"), "'e'",
	    -5, 5, &v));
	cr_assert_eq(v, -3);
	cr_assert(!ismc_ydoc_expect_int(&p.doc, ismc_ynode_get(m, "f"), "'f'",
	    1, 10, &v));
	cr_assert_str_eq(ismc_test_diags(&t),
	    "t.yaml:1:11: error: 'b' must be between 1 and 10\n"
	    "t.yaml:1:18: error: expected an integer for 'c'\n"
	    "t.yaml:1:24: error: expected an integer for 'd'\n"
	    "t.yaml:1:39: error: 'f' must be between 1 and 10\n");
	ismc_ydoc_free(&p.doc);
}

struct seen {
	size_t	n;
	char	last[32];
};

static bool
count_item(void *ctx, struct ismc_ydoc *doc, const struct ismc_ynode *n,
    size_t index)
{
	struct seen *s = ctx;
	const struct ismc_ynode *v = ismc_ynode_get(n, "v");

	(void)doc;
	cr_assert_eq(index, s->n);
	cr_assert_not_null(v);
	snprintf(s->last, sizeof s->last, "%.*s", (int)v->len, v->u.str);
	s->n++;
	return true;
}

Test(yaml, streamed_sequence)
{
	struct seen s = { 0, "" };
	struct ismc_ystream st = { "rows", count_item, &s };
	struct parsed p;
	const struct ismc_ynode *rows;

	parse(&p, "head: 1\nrows:\n  - {v: a}\n  - {v: \"b\\tc\"}\n"
	    "  - {v: d}\nother: [1]\n", &st);
	cr_assert(p.ok);
	cr_assert_eq(s.n, 3);
	cr_assert_str_eq(s.last, "d");
	rows = ismc_ynode_get(p.doc.root, "rows");
	cr_assert(rows->streamed);
	cr_assert_eq(rows->len, 3);
	cr_assert_eq(ismc_ynode_get(p.doc.root, "other")->len, 1);
	ismc_ydoc_free(&p.doc);
}

/* ---- catalog errors, exact text -------------------------------------- */

Test(catalog, minimal)
{
	struct ismc_catalog *cat;

	cat = load_nodes("  - {id: T.1, title: One, level: theme}\n"
	    "  - {id: T.1.1, level: control, parent: T.1, ref: \"Art. 1\"}\n"
	    "  - {id: T.2, level: theme, kind: group}\n");
	cr_assert_not_null(cat);
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_str_eq(cat->id, "test");
	cr_assert_str_eq(cat->kind, "requirements");
	cr_assert_eq(cat->nnodes, 3);
	cr_assert_eq(cat->nreqs, 1);
	cr_assert_str_eq(cat->reqs[0]->id, "T.1.1");
	cr_assert_str_eq(cat->reqs[0]->ref, "Art. 1");
	cr_assert_null(cat->reqs[0]->title);
	cr_assert_eq(cat->reqs[0]->parent, cat->nodes[0]);
	cr_assert(cat->nodes[0]->is_group);
	cr_assert(cat->nodes[2]->is_group);
	cr_assert_eq(cat->nodes[2]->req_index, SIZE_MAX);
	cr_assert_eq(ismc_catalog_lookup(cat,
	    ismc_strtab_cstr(&t.comp.strtab, "T.1.1")), cat->reqs[0]);
	cr_assert_eq(t.comp.ncatalogs, 1);
}

static const char soa_nodes[] =
    "  - {id: A.5, level: theme}\n"
    "  - {id: A.5.1, level: control, parent: A.5}\n"
    "  - {id: A.6, level: theme}\n"
    "  - {id: A.6.1, level: control, parent: A.6}\n"
    "  - {id: \"9\", level: theme}\n"
    "  - {id: \"9.2\", level: theme, parent: \"9\"}\n"
    "  - {id: \"9.2.1\", level: control, parent: \"9.2\"}\n"
    "  - {id: \"10.1\", level: control}\n";

/* A controls catalog in two parts: only the part 'soa' names has SoA rows. */
static struct ismc_catalog *
load_soa(const char *kind, const char *soa)
{
	struct ismc_catalog *cat;
	char *text;

	if (asprintf(&text, "format: ismc-catalog/1\ncatalog:\n  id: test\n"
	    "  title: Test\n  kind: %s\n  levels: [theme, control]\n%s"
	    "nodes:\n%s", kind, soa, soa_nodes) < 0)
		cr_assert_fail("out of memory");
	cat = load(text);
	free(text);
	return cat;
}

static bool
mandatory(const struct ismc_catalog *cat, const char *id)
{
	return ismc_catalog_lookup(cat, ismc_strtab_cstr(&t.comp.strtab,
	    id))->mandatory;
}

Test(catalog, soa_part)
{
	struct ismc_catalog *cat;

	/* Outside the SoA part, a requirement is mandatory (a clause). */
	cat = load_soa("controls", "  soa: [A.5, A.6]\n");
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	cr_expect(!mandatory(cat, "A.5.1"));
	cr_expect(!mandatory(cat, "A.6.1"));
	cr_expect(mandatory(cat, "9.2.1"));
	cr_expect(mandatory(cat, "10.1"));
	cr_expect(!mandatory(cat, "9.2"));	/* groups are neither */
	/* A nested group and a leaf may be named. */
	ismc_test_fini(&t);
	ismc_test_init(&t);
	cat = load_soa("controls", "  soa: [\"9.2\", \"10.1\"]\n");
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	cr_expect(!mandatory(cat, "9.2.1"));
	cr_expect(!mandatory(cat, "10.1"));
	cr_expect(mandatory(cat, "A.5.1"));
}

Test(catalog, soa_defaults)
{
	struct ismc_catalog *cat;

	/* Without 'soa' every control of a controls catalog is an SoA row;
	 * a requirements catalog has none, and nothing mandatory either. */
	cat = load_soa("controls", "");
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	cr_expect(!mandatory(cat, "A.5.1"));
	cr_expect(!mandatory(cat, "10.1"));
	ismc_test_fini(&t);
	ismc_test_init(&t);
	cat = load_soa("requirements", "");
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	cr_expect(!mandatory(cat, "A.5.1"));
}

Test(catalog, soa_errors)
{
	cr_expect_null(load_soa("requirements", "  soa: [A.5]\n"));
	cr_expect_str_eq(ismc_test_diags(&t), "t.yaml:7:8: error: 'soa' "
	    "names the part of a 'controls' catalog that forms the "
	    "Statement of Applicability; this catalog lists requirements\n");
	ismc_test_fini(&t);
	ismc_test_init(&t);
	cr_expect_null(load_soa("controls", "  soa: [A.5, A.9, 7]\n"));
	cr_expect_str_eq(ismc_test_diags(&t), "t.yaml:7:14: error: unknown "
	    "node 'A.9' in 'soa'\nt.yaml:7:19: error: unknown node '7' in "
	    "'soa'\n");
	ismc_test_fini(&t);
	ismc_test_init(&t);
	cr_expect_null(load_soa("controls", "  soa: A.5\n"));
	cr_expect_str_eq(ismc_test_diags(&t), "t.yaml:7:8: error: expected a "
	    "sequence for 'soa'\n");
}

Test(catalog, duplicate_id)
{
	bad_nodes("  - {id: A.5, level: theme}\n"
	    "  - {id: A.5.1, level: control, parent: A.5}\n"
	    "  - {id: A.5.1, level: control, parent: A.5}\n",
	    "t.yaml:9:10: error: duplicate id 'A.5.1'\n"
	    "t.yaml:8:10: note: previous definition of 'A.5.1' is here\n");
}

Test(catalog, dangling_parent)
{
	bad_nodes("  - {id: A.8, level: theme}\n"
	    "  - {id: A.9.1, level: control, parent: A.9}\n",
	    "t.yaml:8:41: error: unknown parent 'A.9' of 'A.9.1'\n");
}

Test(catalog, parent_must_come_first)
{
	bad_nodes("  - {id: A.5.1, level: control, parent: A.5}\n"
	    "  - {id: A.5, level: theme}\n"
	    "  - {id: A.6, level: theme, parent: A.6}\n",
	    "t.yaml:7:41: error: parent 'A.5' of 'A.5.1' must be defined "
	    "before it\n"
	    "t.yaml:8:10: note: 'A.5' is defined here\n"
	    "t.yaml:9:37: error: 'A.6' cannot be its own parent\n");
}

Test(catalog, unknown_level)
{
	bad_nodes("  - {id: A.5, level: theme}\n"
	    "  - {id: A.5.1, level: contrl, parent: A.5}\n"
	    "  - {id: A.5.2, level: clause, parent: A.5}\n",
	    "t.yaml:8:24: error: unknown level 'contrl' of 'A.5.1'; did you "
	    "mean 'control'?\n"
	    "t.yaml:9:24: error: unknown level 'clause' of 'A.5.2'\n");
}

Test(catalog, unknown_keys)
{
	bad("format: ismc-catalog/1\n"
	    "catalog:\n"
	    "  id: k\n"
	    "  title: K\n"
	    "  license: MIT\n"
	    "  levels: [control]\n"
	    "nodes:\n"
	    "  - {id: A.1, level: control, description: text}\n"
	    "extra: 1\n",
	    "t.yaml:9:1: error: unknown key 'extra' at the top level\n"
	    "t.yaml:5:3: error: unknown key 'license' in 'catalog'; did you "
	    "mean 'licence'?\n"
	    "t.yaml:8:31: error: unknown key 'description' in a node\n");
}

Test(catalog, alias_refused)
{
	bad("format: ismc-catalog/1\n"
	    "catalog: &c {id: a, title: A, levels: [control]}\n"
	    "nodes: [{id: A.1, level: control, title: *c}]\n",
	    "t.yaml:2:10: error: YAML anchors are not supported\n"
	    "t.yaml:3:42: error: YAML aliases are not supported\n");
}

Test(catalog, duplicate_key)
{
	bad_nodes("  - id: A.5\n"
	    "    level: theme\n"
	    "    id: A.6\n",
	    "t.yaml:9:5: error: duplicate key 'id'\n"
	    "t.yaml:7:5: note: previous definition of 'id' is here\n");
}

Test(catalog, wrong_types)
{
	bad("format: ismc-catalog/1\n"
	    "catalog:\n"
	    "  id: [a]\n"
	    "  title: {x: y}\n"
	    "  levels: control\n"
	    "nodes: {id: A.1}\n",
	    "t.yaml:3:7: error: expected a string for 'id'\n"
	    "t.yaml:4:10: error: expected a string for 'title'\n"
	    "t.yaml:5:11: error: expected a sequence for 'levels'\n"
	    "t.yaml:6:8: error: expected a sequence for 'nodes'\n");
}

Test(catalog, wrong_node_types)
{
	bad_nodes("  - A.1\n"
	    "  - {id: A.2, level: theme, title: }\n",
	    "t.yaml:7:5: error: expected a mapping for an item of 'nodes'\n"
	    "t.yaml:8:36: error: missing value for 'title'\n");
}

Test(catalog, tab_indentation)
{
	bad_nodes("  - id: A.5\n"
	    "\tlevel: theme\n",
	    "t.yaml:8:1: error: invalid YAML: found a tab character that "
	    "violates indentation\n"
	    "t.yaml:7:9: note: while scanning a plain scalar\n");
}

Test(catalog, truncated)
{
	bad_nodes("  - {id: A.5, level: theme, title: \"Organiz",
	    "t.yaml:7:44: error: invalid YAML: found unexpected end of stream\n"
	    "t.yaml:7:36: note: while scanning a quoted scalar\n");
}

Test(catalog, truncated_flow)
{
	bad_nodes("  - {id: A.5, level: theme\n",
	    "t.yaml:8:1: error: invalid YAML: did not find expected ',' or "
	    "'}'\n"
	    "t.yaml:7:5: note: while parsing a flow mapping\n");
}

Test(catalog, not_a_catalog)
{
	bad("format: ismc-mapping/1\nmapping: {}\nrows: []\n",
	    "t.yaml:1:9: error: unsupported format 'ismc-mapping/1'; expected "
	    "'ismc-catalog/1'\n");
	ismc_test_clear_diags(&t);
	/* Told by content: a CISO Assistant library (import.h). */
	bad("urn: urn:intuitem:risk:library:x\nobjects: {}\n",
	    "t.yaml:2:10: error: this CISO Assistant library holds no "
	    "framework\n");
	ismc_test_clear_diags(&t);
	bad("- a\n- b\n",
	    "t.yaml:1:1: error: not an ismc catalog: expected a mapping at the "
	    "top level\n");
	ismc_test_clear_diags(&t);
	bad("", "t.yaml:1:1: error: not an ismc catalog: the file is empty\n");
}

Test(catalog, missing_keys)
{
	bad("format: ismc-catalog/1\n"
	    "catalog:\n"
	    "  id: m\n",
	    "t.yaml:1:1: error: missing required key 'nodes' at the top level\n"
	    "t.yaml:3:3: error: missing required key 'title' in 'catalog'\n"
	    "t.yaml:3:3: error: missing required key 'levels' in 'catalog'\n");
}

Test(catalog, more_than_one_document)
{
	bad("format: ismc-catalog/1\n---\nformat: ismc-catalog/1\n",
	    "t.yaml:2:1: error: more than one YAML document\n");
}

Test(catalog, bad_names)
{
	bad("format: ismc-catalog/1\n"
	    "catalog:\n"
	    "  id: ../x\n"
	    "  aliases: [a, a]\n"
	    "  title: T\n"
	    "  kind: laws\n"
	    "  levels: [c, c]\n"
	    "nodes: [{id: \"A 1\", level: c}, {id: A.2, level: c, kind: x}]\n",
	    "t.yaml:3:7: error: invalid catalog id '../x': use letters, "
	    "digits, '.', '-' and '_', starting with a letter or digit\n"
	    "t.yaml:4:16: error: duplicate alias 'a'\n"
	    "t.yaml:6:9: error: unknown catalog kind 'laws'; expected "
	    "'controls' or 'requirements'\n"
	    "t.yaml:7:15: error: duplicate level 'c'\n"
	    "t.yaml:8:14: error: invalid node id 'A 1': it must not be empty "
	    "or contain blanks or control characters\n"
	    "t.yaml:8:58: error: unknown node kind 'x'; expected 'group'\n");
}

/* Columns count bytes, whatever the characters before them. */
Test(catalog, columns_are_bytes)
{
	bad_nodes("  - {id: A.1, title: \"S\xc3\xa9" "curit\xc3\xa9\", "
	    "level: x}\n",
	    "t.yaml:7:43: error: unknown level 'x' of 'A.1'\n");
}

Test(catalog, cannot_read)
{
	cr_assert_null(ismc_data_catalog_load(&t.comp, "/nonexistent/c.yaml"));
	cr_assert_str_eq(ismc_test_diags(&t), "ismc: error: cannot read "
	    "'/nonexistent/c.yaml': No such file or directory\n");
}

/* ---- the search path ------------------------------------------------- */

Test(search, id_alias_and_file_name)
{
	char *dir = srcpath("frameworks");
	struct ismc_catalog *a, *b, *c;

	ismc_compilation_add_search_dir(&t.comp, "/nonexistent");
	ismc_compilation_add_search_dir(&t.comp, dir);
	a = ismc_search_catalog(&t.comp, "iso27001", ISMC_NO_SPAN);
	cr_assert_not_null(a);
	b = ismc_search_catalog(&t.comp, "iso27001-2022", ISMC_NO_SPAN);
	c = ismc_search_catalog(&t.comp, "iso27001-annex-a", ISMC_NO_SPAN);
	cr_assert_eq(a, b);
	cr_assert_eq(a, c);
	cr_assert_eq(t.comp.ncatalogs, 1);
	cr_assert_eq(ismc_data_catalog_load(&t.comp, ismc_sources_get(
	    &t.comp.sources, a->file)->path), a);
	cr_assert_str_eq(ismc_test_diags(&t), "");
	free(dir);
}

Test(search, not_found_suggests)
{
	char *dir = srcpath("frameworks"), *want;
	struct ismc_span use;

	ismc_compilation_add_search_dir(&t.comp, dir);
	ismc_compilation_add_search_dir(&t.comp, dir);
	use.file = ismc_test_add(&t, "s.isms", "framework iso2700\n");
	use.start = 10;
	use.end = 17;
	cr_assert_null(ismc_search_catalog(&t.comp, "iso2700", use));
	if (asprintf(&want, "s.isms:1:11: error: unknown framework 'iso2700'; "
	    "did you mean 'iso27001'?\n"
	    "ismc: note: looked for catalogs in '%s'\n", dir) < 0)
		cr_assert_fail("out of memory");
	cr_assert_str_eq(ismc_test_diags(&t), want);
	free(want);
	free(dir);
}

Test(search, empty_path)
{
	cr_assert_null(ismc_search_catalog(&t.comp, "nist", ISMC_NO_SPAN));
	cr_assert_str_eq(ismc_test_diags(&t),
	    "ismc: error: unknown framework 'nist'\n"
	    "ismc: note: the catalog search path is empty; use -I DIR or set "
	    "ISMC_PATH\n");
}

static void
collect_set(void *ctx, struct ismc_mapping_set *m)
{
	struct ismc_mapping_set **out = ctx;

	cr_assert_null(*out, "more than one set");
	*out = m;
}

/* The number of sources read from `path` (a file read twice would show). */
static size_t
times_read(const char *path)
{
	size_t i, n = 0;

	for (i = 0; i < t.comp.sources.count; i++)
		n += strcmp(t.comp.sources.files[i]->path, path) == 0;
	return n;
}

/*
 * Each file of the search path is read once, however many names and
 * directories lead to it; a catalog is parsed only when named, a mapping
 * set only when both its catalogs are in use.
 */
Test(search, read_once_parsed_when_used)
{
	char *dir = srcpath("frameworks"), *p;
	struct ismc_catalog *iso, *nis2;
	struct ismc_mapping_set *m = NULL;
	const char *used[2];
	size_t i, shipped = 0;

	ismc_compilation_add_search_dir(&t.comp, dir);
	ismc_compilation_add_shipped_dir(&t.comp, dir);
	iso = ismc_search_catalog(&t.comp, "iso27001", ISMC_NO_SPAN);
	nis2 = ismc_search_catalog(&t.comp, "nis2-directive", ISMC_NO_SPAN);
	cr_assert_not_null(iso);
	cr_assert_not_null(nis2);
	cr_assert_eq(ismc_search_catalog(&t.comp, "nis2", ISMC_NO_SPAN), nis2);
	used[0] = iso->id;
	used[1] = nis2->id;
	ismc_search_mappings(&t.comp, used, 2, NULL, 0, ISMC_NO_SPAN,
	    collect_set, &m);
	cr_assert_not_null(m);
	cr_assert_str_eq(m->id, "iso27001-2022--nis2");
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_eq(t.comp.ncatalogs, 2);
	/* 5 catalogs and 6 mapping sets, each read once; the directory,
	 * named twice, is indexed once and counts as shipped. */
	cr_assert_eq(t.comp.sources.count, 11);
	for (i = 0; i < t.comp.sources.count; i++) {
		cr_assert_eq(times_read(t.comp.sources.files[i]->path), 1);
		shipped += t.comp.sources.files[i]->shipped;
	}
	cr_assert_eq(shipped, 11);
	p = srcpath("frameworks/dora.yaml");
	for (i = 0; i < t.comp.sources.count; i++) {
		if (strcmp(t.comp.sources.files[i]->path, p) == 0)
			cr_assert_eq(t.comp.sources.files[i]->kind,
			    ISMC_INPUT_OTHER, "dora was parsed");
	}
	free(p);
	p = srcpath("frameworks/mappings/iso27001-2022--dora.yaml");
	for (i = 0; i < t.comp.sources.count; i++) {
		if (strcmp(t.comp.sources.files[i]->path, p) == 0)
			cr_assert_eq(t.comp.sources.files[i]->kind,
			    ISMC_INPUT_OTHER, "iso--dora was parsed");
	}
	cr_assert_eq(ismc_sources_get(&t.comp.sources, m->file)->kind,
	    ISMC_INPUT_MAPPING);
	free(p);
	free(dir);
}

/* A set the spec brings itself takes the place of the search path's. */
Test(search, taken_ids_skipped)
{
	char *dir = srcpath("frameworks");
	struct ismc_catalog *iso, *nis2;
	struct ismc_mapping_set *m = NULL;
	const char *used[2], *taken[1];

	ismc_compilation_add_shipped_dir(&t.comp, dir);
	iso = ismc_search_catalog(&t.comp, "iso27001", ISMC_NO_SPAN);
	nis2 = ismc_search_catalog(&t.comp, "nis2", ISMC_NO_SPAN);
	used[0] = iso->id;
	used[1] = nis2->id;
	taken[0] = ismc_strtab_cstr(&t.comp.strtab, "iso27001-2022--nis2");
	ismc_search_mappings(&t.comp, used, 2, taken, 1, ISMC_NO_SPAN,
	    collect_set, &m);
	cr_assert_null(m);
	free(dir);
}

/* ---- mapping sets ---------------------------------------------------- */

static struct ismc_mapping_set *
load_mapping(const char *rows)
{
	char *text;
	struct ismc_mapping_set *set;

	if (asprintf(&text, "format: ismc-mapping/1\n"
	    "mapping:\n"
	    "  id: a--b\n"
	    "  source: a\n"
	    "  target: b\n"
	    "  provenance: ismc\n"
	    "rows:\n%s", rows) < 0)
		cr_assert_fail("out of memory");
	set = ismc_mapping_load_file(&t.comp,
	    ismc_test_add(&t, YAML_FILE, text));
	free(text);
	return set;
}

Test(mapping, rows)
{
	struct ismc_mapping_set *set;

	set = load_mapping(
	    "  - {source: A.5.24, rel: subset, target: \"17.1\", strength: 7, "
	    "rationale: incidents}\n"
	    "  - {source: null, rel: no-counterpart, target: \"28.3\"}\n"
	    "  - {source: A.5.1, rel: equal, target: \"5.2\"}\n"
	    "  - {source: A.5.24, rel: subset, target: \"17.1\", strength: 7, "
	    "rationale: incidents}\n");
	cr_assert_not_null(set);
	cr_assert_str_eq(ismc_test_diags(&t), "t.yaml:11:5: warning: "
	    "duplicate mapping row A.5.24 -> 17.1 (first at line 8) "
	    "[-Wduplicate-row]\n");
	cr_assert_str_eq(set->id, "a--b");
	cr_assert_str_eq(set->provenance, "ismc");
	cr_assert_eq(set->nrows, 3);
	cr_assert_str_eq(set->rows[0].target, "17.1");
	cr_assert_eq(set->rows[0].rel, ISMC_REL_SUBSET);
	cr_assert_eq(set->rows[0].strength, 7);
	cr_assert_str_eq(set->rows[0].rationale, "incidents");
	cr_assert_null(set->rows[1].source);
	cr_assert_eq(set->rows[1].rel, ISMC_REL_NO_COUNTERPART);
	cr_assert_eq(set->rows[2].strength, 0);
	cr_assert_eq(set->rows[0].source,
	    ismc_strtab_cstr(&t.comp.strtab, "A.5.24"));
}

Test(mapping, row_errors)
{
	cr_assert_null(load_mapping(
	    "  - {source: A.1, rel: intersect, target: B.1, strength: 11}\n"
	    "  - {source: null, rel: equal, target: B.2}\n"
	    "  - {source: A.3, rel: no-counterpart, target: B.3}\n"
	    "  - {source: A.4, rel: equal, target: B.4, note: x}\n"
	    "  - {source: A.5, rel: equal, target: B.5}\n"
	    "  - {source: A.5, rel: subset, target: B.5}\n"));
	cr_assert_str_eq(ismc_test_diags(&t),
	    "t.yaml:8:24: error: unknown relationship 'intersect'; did you "
	    "mean 'intersects'?\n"
	    "t.yaml:8:58: error: 'strength' must be between 1 and 10\n"
	    "t.yaml:9:14: error: 'source' is null; only a 'no-counterpart' row "
	    "may leave a side empty\n"
	    "t.yaml:10:5: error: a 'no-counterpart' row must leave 'source' or "
	    "'target' null\n"
	    "t.yaml:11:44: error: unknown key 'note' in a row\n"
	    "t.yaml:13:5: error: conflicting mapping rows for A.5 -> B.5\n"
	    "t.yaml:12:5: note: the first row for this pair is here\n");
}

Test(mapping, covering_sets_and_residuals)
{
	struct ismc_mapping_set *set;
	const struct ismc_mapping_row *r;
	const char *const *v;

	set = load_mapping(
	    "  - {source: [A.5.24, A.5.25, A.6.8], rel: superset, target: "
	    "\"17.1\", strength: 8, rationale: together}\n"
	    "  - {source: [A.5.1], rel: equal, target: \"5.2\"}\n"
	    "  - {source: A.5.2, rel: superset, target: \"5.3\", residual: "
	    "\"board approval\"}\n"
	    "  - {source: [A.6.8, A.5.24, A.5.25], rel: superset, target: "
	    "\"17.1\", strength: 8, rationale: together}\n"
	    "  - {source: [A.5.24, A.5.25], rel: equal, target: \"17.1\", "
	    "residual: reporting}\n");
	cr_assert_not_null(set, "%s", ismc_test_diags(&t));
	/* The same set in another order is the same row. */
	cr_assert_str_eq(ismc_test_diags(&t), "t.yaml:11:5: warning: "
	    "duplicate mapping row A.6.8 + A.5.24 + A.5.25 -> 17.1 (first at "
	    "line 8) [-Wduplicate-row]\n");
	cr_assert_eq(set->nrows, 4);
	r = &set->rows[0];
	cr_expect(ismc_mapping_row_is_set(r));
	cr_assert_eq(ismc_mapping_row_sources(r, &v), 3);
	cr_expect_str_eq(v[0], "A.5.24");
	cr_expect_str_eq(v[2], "A.6.8");
	cr_expect_str_eq(r->source, "A.5.24");
	cr_expect_null(ismc_mapping_row_residual(r));
	cr_expect_str_eq(ismc_mapping_row_source_text(&t.comp.arena, r),
	    "A.5.24 + A.5.25 + A.6.8");
	/* A set of one is a plain row. */
	r = &set->rows[1];
	cr_expect(!ismc_mapping_row_is_set(r));
	cr_expect_null(r->cover);
	cr_expect_str_eq(r->source, "A.5.1");
	/* A plain row with a residual has a cover of one member. */
	r = &set->rows[2];
	cr_expect(!ismc_mapping_row_is_set(r));
	cr_assert_not_null(r->cover);
	cr_expect_eq(r->cover->nmembers, 1);
	cr_expect_str_eq(ismc_mapping_row_residual(r), "board approval");
	/* Another set for the same target is another row. */
	cr_expect_str_eq(ismc_mapping_row_residual(&set->rows[3]),
	    "reporting");
}

Test(mapping, covering_set_errors)
{
	cr_assert_null(load_mapping(
	    "  - {source: [A.1, A.2], rel: intersects, target: B.1}\n"
	    "  - {source: [A.1, A.1], rel: superset, target: B.2}\n"
	    "  - {source: [], rel: superset, target: B.3}\n"
	    "  - {source: [A.1, null], rel: equal, target: B.4}\n"
	    "  - {source: A.1, rel: subset, target: B.5, residual: x}\n"
	    "  - {source: A.1, rel: equal, target: B.6, residual: \" \"}\n"
	    "  - {source: [A.1, A.2], rel: no-counterpart, target: null}\n"));
	cr_assert_str_eq(ismc_test_diags(&t),
	    "t.yaml:8:14: error: a covering set must be 'equal' or "
	    "'superset' to its target (the union of its members equals or "
	    "contains it), not 'intersects'\n"
	    "t.yaml:9:20: error: 'A.1' is listed twice in the covering set\n"
	    "t.yaml:10:14: error: a covering set needs at least one member\n"
	    "t.yaml:11:20: error: a member of a covering set cannot be null\n"
	    "t.yaml:12:55: error: 'residual' is the part of the target that "
	    "an 'equal' or 'superset' row leaves out; a 'subset' row cannot "
	    "have one\n"
	    "t.yaml:13:54: error: 'residual' is blank; say what the members "
	    "leave out, or leave 'residual' away\n"
	    "t.yaml:14:14: error: a 'no-counterpart' row names one "
	    "requirement, not a covering set\n");
}

Test(mapping, rel_names)
{
	enum ismc_rel r;

	cr_assert(ismc_rel_parse("not-related", 11, &r));
	cr_assert_eq(r, ISMC_REL_NOT_RELATED);
	cr_assert_str_eq(ismc_rel_name(ISMC_REL_INTERSECTS), "intersects");
	cr_assert(!ismc_rel_parse("equals", 6, &r));
}

/* ---- the shipped ISO/IEC 27001:2022 catalog -------------------------- */

static struct ismc_catalog *
load_iso(void)
{
	char *path = srcpath("frameworks/iso27001-2022.yaml");
	struct ismc_catalog *cat = ismc_data_catalog_load(&t.comp, path);

	free(path);
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	return cat;
}

static const struct ismc_req *
req(const struct ismc_catalog *cat, const char *id)
{
	return ismc_catalog_lookup(cat, ismc_strtab_cstr(&t.comp.strtab, id));
}

Test(iso27001, shape)
{
	static const struct {
		const char	*id;
		const char	*title;
		size_t		 n;
	} themes[] = {
		{ "A.5", "Organizational controls", 37 },
		{ "A.6", "People controls", 8 },
		{ "A.7", "Physical controls", 14 },
		{ "A.8", "Technological controls", 34 },
	};
	struct ismc_catalog *cat = load_iso();
	size_t i, k, n;

	cr_assert_str_eq(cat->id, "iso27001-2022");
	cr_assert_eq(cat->naliases, 2);
	cr_assert_str_eq(cat->aliases[0], "iso27001");
	cr_assert_str_eq(cat->aliases[1], "iso27001-annex-a");
	cr_assert_str_eq(cat->kind, "controls");
	cr_assert_eq(cat->nlevels, 4);
	cr_assert_str_eq(cat->levels[0], "theme");
	cr_assert_str_eq(cat->levels[1], "control");
	cr_assert_str_eq(cat->levels[2], "clause");
	cr_assert_str_eq(cat->levels[3], "subclause");
	/* 4 themes + 93 controls, then 7 clauses, 4 sub-clause groups
	 * (6.1, 7.5, 9.2, 9.3) and 30 clause requirements. */
	cr_assert_eq(cat->nnodes, 138);
	cr_assert_eq(cat->nreqs, 123);
	cr_assert_str_eq(cat->reqs[0]->id, "A.5.1");
	cr_assert_str_eq(cat->reqs[92]->id, "A.8.34");
	cr_assert_str_eq(cat->reqs[93]->id, "4.1");
	cr_assert_str_eq(cat->reqs[122]->id, "10.2");
	for (i = 0; i < 4; i++) {
		const struct ismc_req *th = req(cat, themes[i].id);

		cr_assert_not_null(th);
		cr_assert(th->is_group);
		cr_assert_null(th->parent);
		cr_assert_str_eq(th->level, "theme");
		cr_assert_str_eq(th->title, themes[i].title);
		for (k = n = 0; k < cat->nreqs; k++)
			n += cat->reqs[k]->parent == th;
		cr_assert_eq(n, themes[i].n, "%s has %zu controls",
		    themes[i].id, n);
	}
	for (k = 0; k < cat->nreqs; k++) {
		cr_assert_eq(cat->reqs[k]->req_index, k);
		/* Annex A forms the SoA; the clauses are mandatory. */
		cr_assert_eq(cat->reqs[k]->mandatory, k >= 93, "%s",
		    cat->reqs[k]->id);
		cr_assert_str_eq(cat->reqs[k]->level,
		    k < 93 ? "control" : "subclause");
		cr_assert_not_null(cat->reqs[k]->title);
	}
	cr_assert_str_eq(req(cat, "9.2.2")->parent->id, "9.2");
	cr_assert_str_eq(req(cat, "9.2")->parent->id, "9");
	cr_assert_null(req(cat, "9")->parent);
}

Test(iso27001, titles)
{
	struct ismc_catalog *cat = load_iso();

	cr_assert_str_eq(req(cat, "A.5.1")->title,
	    "Policies for information security");
	cr_assert_str_eq(req(cat, "A.5.15")->title, "Access control");
	cr_assert_str_eq(req(cat, "A.5.23")->title,
	    "Information security for use of cloud services");
	cr_assert_str_eq(req(cat, "A.6.3")->title,
	    "Information security awareness, education and training");
	cr_assert_str_eq(req(cat, "A.7.6")->title, "Working in secure areas");
	cr_assert_str_eq(req(cat, "A.8.34")->title,
	    "Protection of information systems during audit testing");
	cr_assert_null(req(cat, "A.9.1"));
}

/* ---- cross-check against the CISO Assistant reference data ----------- */

#define REF_CSV	"ciso-assistant/csv/framework_iso27001-2022.csv"

/*
 * Where ismc keeps ISO's own wording and the reference differs. The test
 * also checks that the reference still says exactly this, so a fix
 * upstream shows up here.
 */
static const struct {
	const char	*id;
	const char	*ours;
	const char	*theirs;
} known_differences[] = {
	{ "A.5", "Organizational controls", "Organisational controls" },
	{ "A.7.6", "Working in secure areas", "Working In secure areas" },
};

/* Splits one CSV record (RFC 4180 quoting, no embedded newlines) in
 * place; returns the number of fields. */
static size_t
csv_split(char *line, char **f, size_t max)
{
	size_t n = 0;
	char *r = line, *w;

	while (n < max) {
		f[n++] = w = r;
		if (*r == '"') {
			for (r++; *r != '\0'; r++) {
				if (*r == '"' && r[1] == '"')
					*w++ = *r++;
				else if (*r == '"')
					break;
				else
					*w++ = *r;
			}
			if (*r == '"')
				r++;
		} else {
			while (*r != '\0' && *r != ',' && *r != '\n' &&
			    *r != '\r')
				*w++ = *r++;
		}
		if (*r != ',') {
			*w = '\0';
			break;
		}
		r++;
		*w = '\0';
	}
	return n;
}

/*
 * Compares what is comparable with CISO Assistant's library: every node id
 * (Annex A and clauses 4-10), whether it is a requirement or a group, and
 * its parent; the Annex A titles too. The clause titles are ismc's own
 * short labels, not ISO's headings, so they are not compared. CISO's two
 * roots ("core" for the clauses, "annex-a") have no node in ismc: their
 * children are top-level groups.
 */
Test(iso27001, matches_ciso_assistant)
{
	struct ismc_catalog *cat = load_iso();
	char why[512], *line = NULL, *f[11];
	char *path = ismc_test_refpath(REF_CSV, why, sizeof why);
	const struct ismc_req *r;
	size_t cap = 0, i, nctl = 0, nclause = 0, nref = 0;
	FILE *fp;

	if (path == NULL)
		cr_skip_test("%s", why);
	cr_assert_not_null(fp = fopen(path, "r"), "%s: %s", path,
	    strerror(errno));
	free(path);
	cr_assert(getline(&line, &cap, fp) > 0);	/* header */
	cr_assert_eq(strncmp(line, "ref_id,name,parent_ref_id,depth,"
	    "assessable,", 32), 0);
	while (getline(&line, &cap, fp) > 0) {
		const char *title, *parent;
		bool annex;

		cr_assert_geq(csv_split(line, f, 11), 5);
		if (strcmp(f[0], "core") == 0 || strcmp(f[0], "annex-a") == 0)
			continue;	/* the two roots */
		nref++;
		annex = strncmp(f[0], "A.", 2) == 0;
		r = req(cat, f[0]);
		cr_assert_not_null(r, "%s is missing", f[0]);
		title = f[1];
		for (i = 0; i < sizeof known_differences /
		    sizeof known_differences[0]; i++) {
			if (strcmp(f[0], known_differences[i].id) == 0) {
				cr_assert_str_eq(f[1],
				    known_differences[i].theirs);
				title = known_differences[i].ours;
			}
		}
		if (annex)
			cr_assert_str_eq(r->title, title, "title of %s", f[0]);
		parent = strcmp(f[2], "core") == 0 ||
		    strcmp(f[2], "annex-a") == 0 ? NULL : f[2];
		if (parent == NULL)
			cr_assert_null(r->parent, "%s is top-level", f[0]);
		else {
			cr_assert_not_null(r->parent, "%s has a parent", f[0]);
			cr_assert_str_eq(r->parent->id, parent, "parent of %s",
			    f[0]);
		}
		if (strcmp(f[4], "true") == 0) {
			cr_assert(!r->is_group, "%s is a requirement", f[0]);
			if (annex)
				nctl++;
			else
				nclause++;
		} else {
			cr_assert(r->is_group, "%s is a group", f[0]);
		}
	}
	free(line);
	fclose(fp);
	cr_assert_eq(nctl, 93);
	cr_assert_eq(nclause, 30);
	cr_assert_eq(nref, cat->nnodes);
}
