/*
 * test-import.c - the CISO Assistant and OSCAL importers (src/import*.c):
 * content sniffing, id derivation, catalogs, profiles and mapping sets,
 * first on small fixtures of our own with exact diagnostics, then on the
 * reference copies in ../shared/reference (or $ISMC_REFERENCE), with
 * exact counts; those tests skip, saying so, when the copies are absent.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "datafile.h"
#include "export-oscal.h"
#include "frontend.h"
#include "gap.h"
#include "ir.h"
#include "sema.h"
#include "helpers.h"
#include "import-int.h"
#include "import.h"
#include "mapping.h"

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

TestSuite(sniff, .init = setup, .fini = teardown);
TestSuite(ids, .init = setup, .fini = teardown);
TestSuite(ciso, .init = setup, .fini = teardown);
TestSuite(oscal, .init = setup, .fini = teardown);
TestSuite(oscal_map, .init = setup, .fini = teardown);
TestSuite(reference, .init = setup, .fini = teardown);

static enum ismc_data_format
sniff(const char *text)
{
	return ismc_data_sniff(text, strlen(text));
}

static struct ismc_req *
req(const struct ismc_catalog *cat, const char *id)
{
	return ismc_catalog_lookup(cat, ismc_strtab_cstr(&t.comp.strtab, id));
}

static size_t
count_withdrawn(const struct ismc_catalog *cat)
{
	size_t i, n = 0;

	for (i = 0; i < cat->nnodes; i++)
		n += cat->nodes[i]->withdrawn;
	return n;
}

static size_t
count_rel(const struct ismc_mapping_set *m, enum ismc_rel rel)
{
	size_t i, n = 0;

	for (i = 0; i < m->nrows; i++)
		n += m->rows[i].rel == rel;
	return n;
}

/* ---- sniffing ------------------------------------------------------------- */

Test(sniff, native_formats)
{
	cr_assert_eq(sniff("# a comment\nformat: ismc-catalog/1\ncatalog: "
	    "{id: x}\n"), ISMC_DATA_ISMC_CATALOG);
	cr_assert_eq(sniff("format: ismc-mapping/1\n"), ISMC_DATA_ISMC_MAPPING);
	cr_assert_eq(sniff("format: ismc-texts/1\n"), ISMC_DATA_ISMC_TEXTS);
	/* The header first, the format after: still an ismc catalog. */
	cr_assert_eq(sniff("catalog:\n  id: x\n  title: y\nformat: "
	    "ismc-catalog/1\n"), ISMC_DATA_ISMC_CATALOG);
	cr_assert_eq(sniff("format: something-else/2\n"), ISMC_DATA_UNKNOWN);
}

Test(sniff, foreign_formats)
{
	cr_assert_eq(sniff("convert_library_version: v2\nurn: "
	    "urn:intuitem:risk:library:dora\nobjects: {}\n"),
	    ISMC_DATA_CISO_LIBRARY);
	cr_assert_eq(sniff("---\ncatalog:\n  uuid: 0\n  metadata: {}\n"),
	    ISMC_DATA_OSCAL_CATALOG);
	cr_assert_eq(sniff("{\n  \"catalog\": {\n    \"uuid\": \"0\"}}"),
	    ISMC_DATA_OSCAL_CATALOG);
	cr_assert_eq(sniff("{\"profile\": {\"metadata\": {}}}"),
	    ISMC_DATA_OSCAL_PROFILE);
	cr_assert_eq(sniff("{\"mapping-collection\": {\"uuid\": \"u\"}}"),
	    ISMC_DATA_OSCAL_MAPPING);
	/* JSON that libyaml cannot walk goes to jansson: a tab before a
	 * key at the start of a line, in block-less JSON, is fine for
	 * both, but a "\/" escape is JSON only. */
	cr_assert_eq(sniff("{\"x\": \"a\\/b\", \"catalog\": {\"uuid\": "
	    "\"0\"}}"), ISMC_DATA_OSCAL_CATALOG);
	cr_assert(ismc_data_is_foreign(ISMC_DATA_OSCAL_MAPPING));
	cr_assert(!ismc_data_is_foreign(ISMC_DATA_ISMC_CATALOG));
}

Test(sniff, not_data)
{
	cr_assert_eq(sniff(""), ISMC_DATA_UNKNOWN);
	cr_assert_eq(sniff("just text\n"), ISMC_DATA_UNKNOWN);
	cr_assert_eq(sniff("- a\n- b\n"), ISMC_DATA_UNKNOWN);
	cr_assert_eq(sniff("urn: urn:other:thing\n"), ISMC_DATA_UNKNOWN);
	cr_assert_eq(sniff("catalog: {id: x, title: y}\n"), ISMC_DATA_UNKNOWN);
	cr_assert_eq(sniff("{\"catalog\": "), ISMC_DATA_UNKNOWN);
	cr_assert_eq(sniff("key: [unclosed\n"), ISMC_DATA_UNKNOWN);
}

/* ---- ids -------------------------------------------------------------------- */

static const char *
from_path(const char *path)
{
	const char *id = imp_id_from_path(&t.comp, path, strlen(path));

	return id != NULL ? id : "(null)";
}

Test(ids, from_file_names)
{
	cr_assert_str_eq(from_path("x/NIST_SP-800-53_rev5_catalog.json"),
	    "nist-sp-800-53-rev5");
	cr_assert_str_eq(from_path("NIST_SP-800-53_rev5_catalog.yaml"),
	    "nist-sp-800-53-rev5");
	cr_assert_str_eq(from_path(
	    "NIST_SP-800-53_rev5_MODERATE-baseline_profile.json"),
	    "nist-sp-800-53-rev5-moderate-baseline");
	cr_assert_str_eq(from_path("catalogs/NIST_CSF_v2.0/catalog.json"),
	    "nist-csf-v2.0");
	cr_assert_str_eq(from_path("profiles/Sample_PCI/profile.json"),
	    "sample-pci");
	cr_assert_str_eq(from_path(
	    "NIST_CSF_v2.0-to-NIST_SP-800-53_rev5_mapping-collection.json"),
	    "nist-csf-v2.0-to-nist-sp-800-53-rev5");
	cr_assert_str_eq(from_path("a/b/My Catalog (v2).yml"),
	    "my-catalog-v2");
	cr_assert_str_eq(from_path("cat.json#frag"), "cat");
	cr_assert_str_eq(from_path("catalog.json"), "(null)");
	cr_assert_str_eq(from_path("/catalog.json"), "(null)");
	cr_assert_str_eq(from_path("___.json"), "(null)");
}

Test(ids, from_urns)
{
	const char *u = "urn:intuitem:risk:framework:dora";

	cr_assert_str_eq(imp_urn_tail(&t.comp, u, strlen(u),
	    "urn:intuitem:risk:framework:"), "dora");
	u = "urn:other:x:y";
	cr_assert_str_eq(imp_urn_tail(&t.comp, u, strlen(u),
	    "urn:intuitem:risk:framework:"), "y");
	u = "urn:other:x:";
	cr_assert_null(imp_urn_tail(&t.comp, u, strlen(u), "urn:z:"));
}

/* ---- CISO Assistant --------------------------------------------------------- */

#define CISO_HEAD \
	"urn: urn:intuitem:risk:library:acme-lib\n" \
	"name: ACME library\n" \
	"version: 3\n" \
	"publication_date: 2025-01-02\n" \
	"provider: ACME\n" \
	"copyright: ACME terms\n" \
	"objects:\n"

static const char ciso_fw[] = CISO_HEAD
	"  reference_controls:\n"
	"  - urn: urn:intuitem:risk:function:acme:rc1\n"
	"    ref_id: RC1\n"
	"  framework:\n"
	"    urn: urn:intuitem:risk:framework:acme\n"
	"    ref_id: ACME\n"
	"    name: ACME framework\n"
	"    requirement_nodes:\n"
	"    - urn: urn:intuitem:risk:req_node:acme:ch1\n"
	"      assessable: false\n"
	"      depth: 1\n"
	"      ref_id: Chapter 1\n"
	"      name: Governance\n"
	"    - urn: urn:intuitem:risk:req_node:acme:1.1\n"
	"      assessable: true\n"
	"      depth: 2\n"
	"      parent_urn: urn:intuitem:risk:req_node:acme:ch1\n"
	"      ref_id: '1.1'\n"
	"      name: Policy\n"
	"      description: A long paraphrase that is not a title.\n"
	"    - urn: urn:intuitem:risk:req_node:acme:1.1.a\n"
	"      assessable: true\n"
	"      depth: 3\n"
	"      parent_urn: urn:intuitem:risk:req_node:acme:1.1\n"
	"      ref_id: 1.1.a\n"
	"      description: Point a\n"
	"    - urn: urn:intuitem:risk:req_node:acme:node5\n"
	"      assessable: true\n"
	"      depth: 2\n"
	"      parent_urn: urn:intuitem:risk:req_node:acme:ch1\n"
	"      description: \"Two lines\\nof text\"\n"
	"    - urn: urn:intuitem:risk:req_node:acme:x1\n"
	"      assessable: true\n"
	"      depth: 1\n"
	"      ref_id: X\n"
	"    - urn: urn:intuitem:risk:req_node:acme:x2\n"
	"      assessable: true\n"
	"      depth: 1\n"
	"      ref_id: X\n";

Test(ciso, framework)
{
	struct ismc_catalog *cat;
	const struct ismc_req *r;

	cat = ismc_data_catalog_file(&t.comp, ismc_test_add(&t, "acme.yaml",
	    ciso_fw));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_not_null(cat);
	cr_assert_str_eq(cat->id, "acme");
	cr_assert_eq(cat->naliases, 1);
	cr_assert_str_eq(cat->aliases[0], "acme-lib");
	cr_assert_str_eq(cat->title, "ACME framework");
	cr_assert_str_eq(cat->version, "3");
	cr_assert_str_eq(cat->publisher, "ACME");
	cr_assert_str_eq(cat->licence, "ACME terms");
	cr_assert_str_eq(cat->source, "CISO Assistant library "
	    "urn:intuitem:risk:library:acme-lib, version 3 (2025-01-02)");
	cr_assert_str_eq(cat->kind, "requirements");
	cr_assert_eq(cat->nnodes, 6);
	cr_assert_eq(cat->nreqs, 5);
	cr_assert_eq(cat->nlevels, 3);
	cr_assert_str_eq(cat->levels[2], "depth-3");
	/* "Chapter 1" has a blank: the URN's last part is the id. */
	r = req(cat, "ch1");
	cr_assert_not_null(r);
	cr_assert(r->is_group);
	cr_assert_str_eq(r->ref, "Chapter 1");
	cr_assert_str_eq(r->title, "Governance");
	/* An assessable node with children stays a requirement. */
	r = req(cat, "1.1");
	cr_assert(!r->is_group);
	cr_assert_str_eq(r->title, "Policy");
	cr_assert_null(r->ref);
	cr_assert_eq(req(cat, "1.1.a")->parent, r);
	cr_assert_str_eq(req(cat, "1.1.a")->title, "Point a");
	cr_assert_str_eq(req(cat, "1.1.a")->level, "depth-3");
	/* No ref_id, and a description of two lines: no title. */
	cr_assert_null(req(cat, "node5")->title);
	/* A ref_id used twice names neither node. */
	cr_assert_null(req(cat, "X"));
	cr_assert_not_null(req(cat, "x1"));
	cr_assert_str_eq(req(cat, "x2")->ref, "X");
	/* The URN finds the node too (mapping sets use it). */
	cr_assert_eq(req(cat, "urn:intuitem:risk:req_node:acme:1.1"), r);
	cr_assert_eq(t.comp.ncatalogs, 1);
}

static void
bad_fw(const char *nodes, const char *diags)
{
	struct ismc_buf b;

	ismc_buf_init(&b);
	ismc_buf_printf(&b, CISO_HEAD "  framework:\n    urn: "
	    "urn:intuitem:risk:framework:acme\n    requirement_nodes:\n%s",
	    nodes);
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "acme.yaml", ismc_buf_cstr(&b))));
	cr_assert_str_eq(ismc_test_diags(&t), diags);
	ismc_buf_free(&b);
}

Test(ciso, framework_errors)
{
	bad_fw("    - assessable: true\n",
	    "acme.yaml:11:7: error: missing required key 'urn' in a "
	    "requirement node\n");
	ismc_test_clear_diags(&t);
	bad_fw("    - urn: urn:intuitem:risk:req_node:acme:a\n"
	    "      assessable: maybe\n",
	    "acme.yaml:12:19: error: expected true or false for 'assessable'\n");
	ismc_test_clear_diags(&t);
	bad_fw("    - urn: urn:intuitem:risk:req_node:acme:a\n"
	    "      assessable: true\n"
	    "      parent_urn: urn:intuitem:risk:req_node:acme:b\n"
	    "    - urn: urn:intuitem:risk:req_node:acme:b\n"
	    "      assessable: false\n"
	    "    - urn: urn:intuitem:risk:req_node:acme:c\n"
	    "      assessable: true\n"
	    "      parent_urn: urn:intuitem:risk:req_node:acme:zz\n"
	    "    - urn: urn:intuitem:risk:req_node:acme:b\n"
	    "      assessable: true\n",
	    "acme.yaml:13:19: error: parent "
	    "'urn:intuitem:risk:req_node:acme:b' of 'a' must be listed "
	    "before it\n"
	    "acme.yaml:18:19: error: unknown parent "
	    "'urn:intuitem:risk:req_node:acme:zz' of 'c'\n"
	    "acme.yaml:19:12: error: duplicate urn "
	    "'urn:intuitem:risk:req_node:acme:b'\n");
	ismc_test_clear_diags(&t);
	bad_fw("      []\n", "acme.yaml:11:7: error: 'requirement_nodes' "
	    "lists no node\n");
}

Test(ciso, depth_mismatch_warns)
{
	struct ismc_buf b;

	ismc_buf_init(&b);
	ismc_buf_printf(&b, CISO_HEAD "  framework:\n    urn: "
	    "urn:intuitem:risk:framework:acme\n    requirement_nodes:\n"
	    "    - urn: urn:intuitem:risk:req_node:acme:a\n"
	    "      assessable: true\n"
	    "      depth: 2\n");
	cr_assert_not_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "acme.yaml", ismc_buf_cstr(&b))));
	cr_assert_str_eq(ismc_test_diags(&t), "acme.yaml:13:14: warning: "
	    "depth 2 of 'a' does not match its place in the tree (depth 1) "
	    "[-Wimport-depth]\n");
	ismc_buf_free(&b);
}

Test(ciso, library_without_framework)
{
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "m.yaml", CISO_HEAD "  requirement_mapping_sets: []\n")));
	cr_assert_str_eq(ismc_test_diags(&t), "m.yaml:8:3: error: this CISO "
	    "Assistant library holds mapping sets, not a framework: name it "
	    "with 'mappings' in a spec, or put it in a -I directory\n");
}

static const char ciso_fw2[] =
	"urn: urn:intuitem:risk:library:other\n"
	"objects:\n"
	"  framework:\n"
	"    urn: urn:intuitem:risk:framework:other\n"
	"    name: Other\n"
	"    requirement_nodes:\n"
	"    - urn: urn:intuitem:risk:req_node:other:a.1\n"
	"      assessable: true\n"
	"      ref_id: A.1\n"
	"    - urn: urn:intuitem:risk:req_node:other:a.2\n"
	"      assessable: true\n"
	"      ref_id: A.2\n";

#define SET_HEAD(id, src, tgt) \
	"  - urn: urn:intuitem:risk:req_mapping_set:" id "\n" \
	"    name: " id "\n" \
	"    source_framework_urn: urn:intuitem:risk:framework:" src "\n" \
	"    target_framework_urn: urn:intuitem:risk:framework:" tgt "\n" \
	"    requirement_mappings:\n"
#define ROW(s, rel, t) \
	"    - source_requirement_urn: urn:intuitem:risk:req_node:" s "\n" \
	"      target_requirement_urn: urn:intuitem:risk:req_node:" t "\n" \
	"      relationship: " rel "\n"

static const char ciso_sets[] = CISO_HEAD
	"  requirement_mapping_sets:\n"
	SET_HEAD("acme-to-other", "acme", "other")
	ROW("acme:1.1", "equal", "other:a.1")
	"      strength_of_relationship: 8\n"
	"      annotation: same policy\n"
	ROW("acme:1.1.a", "subset", "other:a.1")
	ROW("acme:node5", "superset", "other:a.2")
	"      rationale: semantic\n"
	ROW("acme:x1", "intersect", "other:a.2")
	ROW("acme:x1", "intersect", "other:a.2")
	ROW("acme:x2", "not_related", "other:a.2")
	"      strength_of_relationship: 0\n"
	SET_HEAD("acme-to-other-revert", "other", "acme")
	ROW("other:a.1", "equal", "acme:1.1");

Test(ciso, mapping_sets)
{
	struct ismc_mapping_set **sets, *m;
	size_t n;

	cr_assert_not_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "acme.yaml", ciso_fw)));
	cr_assert_not_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "other.yaml", ciso_fw2)));
	n = ismc_import_mappings(&t.comp, ismc_test_add(&t, "sets.yaml",
	    ciso_sets), &sets);
	cr_assert_str_eq(ismc_test_diags(&t), "sets.yaml:9:5: warning: "
	    "mapping set 'acme-to-other' repeats 1 row exactly; the repeats "
	    "are dropped [-Wduplicate-row]\n");
	cr_assert_eq(n, 2);
	m = sets[0];
	cr_assert_str_eq(m->id, "acme-to-other");
	cr_assert_str_eq(m->source, "acme");
	cr_assert_str_eq(m->target, "other");
	cr_assert_str_eq(m->provenance, "ACME");
	cr_assert_str_eq(m->title, "acme-to-other");
	cr_assert_eq(m->nrows, 5);
	cr_assert_str_eq(m->rows[0].source, "1.1");
	cr_assert_str_eq(m->rows[0].target, "A.1");
	cr_assert_eq(m->rows[0].rel, ISMC_REL_EQUAL);
	cr_assert_eq(m->rows[0].strength, 8);
	cr_assert_str_eq(m->rows[0].rationale, "same policy");
	cr_assert_eq(m->rows[1].rel, ISMC_REL_SUBSET);
	cr_assert_str_eq(m->rows[1].source, "1.1.a");
	cr_assert_eq(m->rows[2].rel, ISMC_REL_SUPERSET);
	cr_assert_str_eq(m->rows[2].rationale, "semantic");
	cr_assert_eq(m->rows[3].rel, ISMC_REL_INTERSECTS);
	cr_assert_str_eq(m->rows[3].source, "x1");
	cr_assert_eq(m->rows[4].rel, ISMC_REL_NOT_RELATED);
	cr_assert_eq(m->rows[4].strength, 0);
	m = sets[1];
	cr_assert_str_eq(m->id, "acme-to-other-revert");
	cr_assert_str_eq(m->source, "other");
	cr_assert_eq(m->nrows, 1);
	cr_assert_str_eq(m->rows[0].source, "A.1");
	cr_assert_str_eq(m->rows[0].target, "1.1");
}

Test(ciso, mapping_set_without_its_frameworks)
{
	struct ismc_mapping_set **sets;

	/* Nothing loaded and nothing next to the file: the URNs' last
	 * parts, with one warning per side. */
	cr_assert_eq(ismc_import_mappings(&t.comp, ismc_test_add(&t,
	    "/nonexistent/sets.yaml", CISO_HEAD "  requirement_mapping_set:\n"
	    "    urn: urn:intuitem:risk:req_mapping_set:s\n"
	    "    source_framework_urn: urn:intuitem:risk:framework:acme\n"
	    "    target_framework_urn: urn:intuitem:risk:framework:other\n"
	    "    requirement_mappings:\n"
	    "    - source_requirement_urn: urn:intuitem:risk:req_node:acme:1.1\n"
	    "      target_requirement_urn: urn:intuitem:risk:req_node:other:a.1\n"
	    "      relationship: equal\n"), &sets), 1);
	cr_assert_str_eq(ismc_test_diags(&t),
	    "/nonexistent/sets.yaml:10:27: warning: framework 'acme' is not "
	    "loaded and its CISO Assistant library is not next to this file; "
	    "requirement ids are taken from the URNs' last parts "
	    "[-Wimport-ids]\n"
	    "/nonexistent/sets.yaml:11:27: warning: framework 'other' is not "
	    "loaded and its CISO Assistant library is not next to this file; "
	    "requirement ids are taken from the URNs' last parts "
	    "[-Wimport-ids]\n");
	cr_assert_str_eq(sets[0]->rows[0].source, "1.1");
	cr_assert_str_eq(sets[0]->rows[0].target, "a.1");
}

Test(ciso, mapping_errors)
{
	struct ismc_mapping_set **sets;

	cr_assert_not_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "acme.yaml", ciso_fw)));
	cr_assert_not_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "other.yaml", ciso_fw2)));
	cr_assert_eq(ismc_import_mappings(&t.comp, ismc_test_add(&t,
	    "sets.yaml", CISO_HEAD "  requirement_mapping_sets:\n"
	    SET_HEAD("s", "acme", "other")
	    ROW("acme:1.1", "intersects", "other:a.1")
	    ROW("acme:x1", "equal", "other:a.1")
	    ROW("acme:x1", "subset", "other:a.1")
	    "    - source_requirement_urn: urn:intuitem:risk:req_node:acme:x2\n"
	    "      relationship: equal\n"
	    "      strength_of_relationship: 11\n"), &sets), 0);
	cr_assert_null(sets);
	cr_assert_str_eq(ismc_test_diags(&t),
	    "sets.yaml:16:21: error: unknown relationship 'intersects'; did "
	    "you mean 'intersect'?\n"
	    "sets.yaml:20:7: error: conflicting mapping rows for x1 -> A.1: "
	    "equal, then subset\n"
	    "sets.yaml:23:7: error: missing required key "
	    "'target_requirement_urn' in a requirement mapping\n");
}

/* ---- OSCAL catalogs --------------------------------------------------------- */

static const char oscal_json[] =
	"{\n"
	"  \"catalog\": {\n"
	"    \"uuid\": \"11111111-2222-4333-8444-555555555555\",\n"
	"    \"metadata\": {\n"
	"      \"title\": \"Tiny Catalog\",\n"
	"      \"version\": \"1.0\",\n"
	"      \"oscal-version\": \"1.1.2\",\n"
	"      \"parties\": [{\"uuid\": \"p\", \"type\": \"organization\",\n"
	"                     \"name\": \"Tiny Org\"}]\n"
	"    },\n"
	"    \"groups\": [\n"
	"      {\"id\": \"ac\", \"class\": \"family\", \"title\": \"Access\",\n"
	"       \"controls\": [\n"
	"         {\"id\": \"ac-1\", \"title\": \"Policy\",\n"
	"          \"props\": [{\"name\": \"label\", \"value\": \"AC-1\"}],\n"
	"          \"controls\": [\n"
	"            {\"id\": \"ac-1.1\", \"title\": \"Review\",\n"
	"             \"props\": [{\"name\": \"label\", \"value\": \"AC-1(1)\"}]},\n"
	"            {\"id\": \"ac-1.2\", \"title\": \"Gone\",\n"
	"             \"props\": [{\"name\": \"status\", \"value\": \"withdrawn\"}]}\n"
	"          ]},\n"
	"         {\"id\": \"ac-2\", \"title\": \"Accounts\"}\n"
	"       ]},\n"
	"      {\"title\": \"No id\", \"groups\": [\n"
	"        {\"id\": \"sub\", \"title\": \"Nested\", \"controls\": [\n"
	"          {\"id\": \"x-1\", \"title\": \"Deep\"}]}]}\n"
	"    ],\n"
	"    \"controls\": [{\"id\": \"top-1\", \"title\": \"Ungrouped\"}]\n"
	"  }\n"
	"}\n";

static void
check_tiny(const struct ismc_catalog *cat)
{
	const struct ismc_req *r;

	cr_assert_str_eq(cat->id, "tiny");
	cr_assert_str_eq(cat->title, "Tiny Catalog");
	cr_assert_str_eq(cat->version, "1.0");
	cr_assert_str_eq(cat->publisher, "Tiny Org");
	cr_assert_str_eq(cat->source, "OSCAL catalog "
	    "11111111-2222-4333-8444-555555555555, OSCAL version 1.1.2");
	cr_assert_str_eq(cat->kind, "controls");
	cr_assert_eq(cat->nnodes, 9);
	cr_assert_eq(cat->nreqs, 5);
	cr_assert_eq(count_withdrawn(cat), 1);
	r = req(cat, "ac-1.1");
	cr_assert_str_eq(r->ref, "AC-1(1)");
	cr_assert_str_eq(r->level, "enhancement");
	cr_assert_eq(r->parent, req(cat, "ac-1"));
	cr_assert(!req(cat, "ac-1")->is_group);
	cr_assert_str_eq(req(cat, "ac-1")->level, "control");
	cr_assert_str_eq(req(cat, "ac")->level, "family");
	r = req(cat, "ac-1.2");
	cr_assert(r->withdrawn);
	cr_assert(r->is_group);
	cr_assert_eq(r->req_index, SIZE_MAX);
	cr_assert_str_eq(req(cat, "group-2")->title, "No id");
	cr_assert_str_eq(req(cat, "group-2")->level, "group");
	cr_assert_eq(req(cat, "x-1")->parent, req(cat, "sub"));
	cr_assert_null(req(cat, "top-1")->parent);
	cr_assert_str_eq(cat->reqs[4]->id, "top-1");
}

Test(oscal, catalog_json)
{
	struct ismc_catalog *cat;

	cat = ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "dir/Tiny_catalog.json", oscal_json));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_not_null(cat);
	check_tiny(cat);
}

Test(oscal, catalog_yaml)
{
	static const char yaml[] =
	    "---\n"
	    "catalog:\n"
	    "  uuid: 11111111-2222-4333-8444-555555555555\n"
	    "  metadata:\n"
	    "    title: Tiny Catalog\n"
	    "    version: '1.0'\n"
	    "    oscal-version: 1.1.2\n"
	    "    parties:\n"
	    "      - {uuid: p, type: organization, name: Tiny Org}\n"
	    "  groups:\n"
	    "    - id: ac\n"
	    "      class: family\n"
	    "      title: Access\n"
	    "      controls:\n"
	    "        - id: ac-1\n"
	    "          title: Policy\n"
	    "          props: [{name: label, value: AC-1}]\n"
	    "          controls:\n"
	    "            - id: ac-1.1\n"
	    "              title: Review\n"
	    "              props: [{name: label, value: AC-1(1)}]\n"
	    "            - id: ac-1.2\n"
	    "              title: Gone\n"
	    "              props: [{name: status, value: withdrawn}]\n"
	    "        - {id: ac-2, title: Accounts}\n"
	    "    - title: No id\n"
	    "      groups:\n"
	    "        - id: sub\n"
	    "          title: Nested\n"
	    "          controls: [{id: x-1, title: Deep}]\n"
	    "  controls: [{id: top-1, title: Ungrouped}]\n";
	struct ismc_catalog *cat;

	cat = ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "tiny.yaml", yaml));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_not_null(cat);
	check_tiny(cat);
}

Test(oscal, json_errors_are_located)
{
	/* jansson has no positions: the text read again as YAML has. */
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "bad.json", "{\"catalog\": {\"uuid\": \"u\", \"metadata\": "
	    "{\"title\": \"T\"}, \"groups\": [{\"id\": \"g\", \"title\": "
	    "\"G\", \"controls\": [{\"title\": \"no id\"}, {\"id\": \"c 1\","
	    " \"title\": \"blank\"}, {\"id\": [1], \"title\": \"x\"}, "
	    "{\"id\": \"g\", \"title\": \"dup\"}]}]}}")));
	cr_assert_str_eq(ismc_test_diags(&t),
	    "bad.json:1:105: error: missing required key 'id' in a control\n"
	    "bad.json:1:132: error: invalid control id 'c 1': it must not "
	    "contain blanks or control characters\n"
	    "bad.json:1:165: error: expected a string for 'id'\n"
	    "bad.json:1:192: error: duplicate id 'g'\n");
}

Test(oscal, json_errors_name_the_path)
{
	struct ismc_buf b;
	size_t i;

	/* A key YAML 1.1 cannot read (over 1,024 characters): the JSON
	 * path stands in for the line and column. */
	ismc_buf_init(&b);
	ismc_buf_adds(&b, "{\"catalog\": {\"uuid\": \"u\", \"");
	for (i = 0; i < 1100; i++)
		ismc_buf_addc(&b, 'k');
	ismc_buf_adds(&b, "\": 1, \"metadata\": {\"title\": \"T\"}, "
	    "\"groups\": [{\"id\": \"g\", \"title\": \"G\", \"controls\": "
	    "[{\"title\": \"no id\"}]}]}}");
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "long.json", ismc_buf_cstr(&b))));
	cr_assert_str_eq(ismc_test_diags(&t), "long.json: error: "
	    "$.catalog.groups[0].controls[0]: missing required key 'id' in a "
	    "control\n");
	ismc_buf_free(&b);
}

Test(oscal, json_syntax_errors_are_located)
{
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "bad.json", "{\"catalog\": {\n  \"uuid\": \"u\",\n  \"metadata\""
	    " {}\n}}\n")));
	cr_assert_str_eq(ismc_test_diags(&t), "bad.json:3:14: error: invalid "
	    "JSON: ':' expected near '{'\n");
	ismc_test_clear_diags(&t);
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "dup.json", "{\"catalog\": {\"uuid\": \"u\", \"uuid\": \"v\"}}")));
	cr_assert_str_eq(ismc_test_diags(&t), "dup.json:1:32: error: invalid "
	    "JSON: duplicate object key near '\"uuid\"'\n");
	ismc_test_clear_diags(&t);
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "nul.json", "{\"catalog\": {\"uuid\": \"a\\u0000b\"}}")));
	cr_assert_str_eq(ismc_test_diags(&t), "nul.json:1:31: error: invalid "
	    "JSON: \\u0000 is not allowed without JSON_ALLOW_NUL near "
	    "'\"a\\u0000b\"'\n");
}

Test(oscal, json_too_deep)
{
	struct ismc_buf b;
	size_t i;

	ismc_buf_init(&b);
	ismc_buf_adds(&b, "{\"catalog\": {\"uuid\": \"u\", \"x\": ");
	for (i = 0; i < 100; i++)
		ismc_buf_addc(&b, '[');
	for (i = 0; i < 100; i++)
		ismc_buf_addc(&b, ']');
	ismc_buf_adds(&b, "}}");
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "deep.json", ismc_buf_cstr(&b))));
	cr_assert_str_eq(ismc_test_diags(&t), "deep.json: error: invalid "
	    "JSON: nested deeper than 64 levels\n");
	ismc_buf_free(&b);
}

Test(oscal, not_a_catalog)
{
	cr_assert_null(ismc_data_catalog_file(&t.comp, ismc_test_add(&t,
	    "m.json", "{\"mapping-collection\": {\"uuid\": \"u\"}}")));
	cr_assert_str_eq(ismc_test_diags(&t), "m.json: error: not a catalog: "
	    "the file is an OSCAL mapping collection\n");
}

/* ---- OSCAL profiles (files on disk: hrefs are relative) ------------------ */

static char tmpdir[64];

static void
write_file(const char *name, const char *text)
{
	char path[256];
	FILE *fp;

	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	cr_assert_not_null(fp = fopen(path, "w"));
	fputs(text, fp);
	cr_assert_eq(fclose(fp), 0);
}

static void
profile_setup(void)
{
	setup();
	strcpy(tmpdir, "/tmp/ismc-import-XXXXXX");
	if (mkdtemp(tmpdir) == NULL)
		ismc_test_die("mkdtemp");
	write_file("Tiny_catalog.json", oscal_json);
}

static void
profile_teardown(void)
{
	char path[512];
	struct dirent *de;
	DIR *d;

	if ((d = opendir(tmpdir)) != NULL) {
		while ((de = readdir(d)) != NULL) {
			if (de->d_name[0] == '.')
				continue;
			snprintf(path, sizeof path, "%s/%s", tmpdir,
			    de->d_name);
			unlink(path);
		}
		closedir(d);
	}
	rmdir(tmpdir);
	teardown();
}

TestSuite(profile, .init = profile_setup, .fini = profile_teardown);

static struct ismc_catalog *
load_profile(const char *name, const char *text)
{
	char path[256];

	write_file(name, text);
	snprintf(path, sizeof path, "%s/%s", tmpdir, name);
	return ismc_data_catalog_load(&t.comp, path);
}

#define PROFILE(imports, backmatter) \
	"{\"profile\": {\"uuid\": \"p\", \"metadata\": {\"title\": " \
	"\"Tiny baseline\"}, \"imports\": [" imports "]" backmatter "}}"

Test(profile, with_ids_through_back_matter)
{
	struct ismc_catalog *cat;

	/* The published link leads nowhere; the file beside the profile
	 * has the same name. */
	cat = load_profile("Tiny-LOW_profile.json", PROFILE(
	    "{\"href\": \"#r1\", \"include-controls\": [{\"with-ids\": "
	    "[\"ac-1\", \"ac-1.1\", \"x-1\", \"ac-1.2\", \"nope\"]}]}",
	    ", \"back-matter\": {\"resources\": [{\"uuid\": \"r1\", "
	    "\"rlinks\": [{\"href\": \"../xml/Tiny_catalog.xml\"}, "
	    "{\"href\": \"../../json/Tiny_catalog.json\", \"media-type\": "
	    "\"application/oscal.catalog+json\"}]}]}"));
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	cr_assert_eq(strstr(ismc_test_diags(&t), "Tiny-LOW_profile.json:1:165: "
	    "warning: catalog 'tiny' has no control 'nope' "
	    "[-Wimport-unknown-id]\n") != NULL, 1,
	    "%s", ismc_test_diags(&t));
	cr_assert_str_eq(cat->id, "tiny-low");
	cr_assert_str_eq(cat->title, "Tiny baseline");
	/* ac (family), ac-1, ac-1.1, ac-1.2 (withdrawn), group-2, sub, x-1 */
	cr_assert_eq(cat->nnodes, 7);
	cr_assert_eq(cat->nreqs, 3);
	cr_assert_eq(count_withdrawn(cat), 1);
	cr_assert_null(req(cat, "ac-2"));
	cr_assert_null(req(cat, "top-1"));
	cr_assert_eq(req(cat, "ac-1.1")->parent, req(cat, "ac-1"));
	cr_assert_str_eq(req(cat, "ac-1.1")->ref, "AC-1(1)");
}

Test(profile, include_all_and_exclude)
{
	struct ismc_catalog *cat;

	cat = load_profile("all_profile.yaml",
	    "profile:\n"
	    "  uuid: p\n"
	    "  metadata: {title: All but ac-1}\n"
	    "  imports:\n"
	    "    - href: Tiny_catalog.json\n"
	    "      include-all: {}\n"
	    "      exclude-controls:\n"
	    "        - with-ids: [ac-1]\n"
	    "          with-child-controls: 'yes'\n"
	    "        - matching: [{pattern: 'top-*'}]\n");
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_not_null(cat);
	cr_assert_str_eq(cat->id, "all");
	cr_assert_eq(cat->nreqs, 2);
	cr_assert_not_null(req(cat, "ac-2"));
	cr_assert_not_null(req(cat, "x-1"));
	cr_assert_null(req(cat, "ac-1.1"));
	cr_assert_null(req(cat, "top-1"));
}

Test(profile, of_a_profile)
{
	struct ismc_catalog *cat;

	write_file("base_profile.json", PROFILE("{\"href\": "
	    "\"Tiny_catalog.json\", \"include-controls\": [{\"matching\": "
	    "[{\"pattern\": \"ac-*\"}]}]}", ""));
	cat = load_profile("narrow_profile.json", PROFILE("{\"href\": "
	    "\"base_profile.json\", \"include-controls\": [{\"with-ids\": "
	    "[\"ac-2\"]}]}", ""));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_not_null(cat);
	cr_assert_eq(cat->nreqs, 1);
	cr_assert_eq(cat->nnodes, 2);
}

Test(profile, errors)
{
	cr_assert_null(load_profile("loop_profile.json", PROFILE("{\"href\": "
	    "\"loop_profile.json\", \"include-all\": {}}", "")));
	cr_assert(strstr(ismc_test_diags(&t), "loop_profile.json:1:88: error: "
	    "this import leads back to a profile that imports it (a loop)\n") !=
	    NULL, "%s", ismc_test_diags(&t));
	ismc_test_clear_diags(&t);
	cr_assert_null(load_profile("url_profile.json", PROFILE("{\"href\": "
	    "\"https://example.org/cat.json\", \"include-all\": {}}", "")));
	cr_assert(strstr(ismc_test_diags(&t), "url_profile.json:1:88: error: "
	    "'https://example.org/cat.json' is a URL; ismc does not fetch "
	    "files: save it and name the copy\n") != NULL, "%s",
	    ismc_test_diags(&t));
	ismc_test_clear_diags(&t);
	cr_assert_null(load_profile("gone_profile.json", PROFILE("{\"href\": "
	    "\"#nope\", \"include-all\": {}}", "")));
	cr_assert(strstr(ismc_test_diags(&t), "gone_profile.json:1:88: error: "
	    "no resource 'nope' in the profile's back matter\n") != NULL, "%s",
	    ismc_test_diags(&t));
}

/* ---- OSCAL mapping collections --------------------------------------------- */

static const char mc_json[] =
	"{\"mapping-collection\": {\n"
	"  \"uuid\": \"mc\",\n"
	"  \"metadata\": {\"title\": \"A to B\", \"version\": \"2\"},\n"
	"  \"provenance\": {\"method\": \"human\", \"matching-rationale\": "
	"\"semantic\", \"status\": \"complete\", \"mapping-description\": "
	"\"by hand\"},\n"
	"  \"mappings\": [{\n"
	"    \"uuid\": \"m1\",\n"
	"    \"source-resource\": {\"type\": \"catalog\", \"href\": "
	"\"catalogs/A_cat/catalog.json\"},\n"
	"    \"target-resource\": {\"type\": \"catalog\", \"href\": "
	"\"B_catalog.yaml\"},\n"
	"    \"maps\": [\n"
	"      {\"uuid\": \"1\", \"relationship\": \"equivalent-to\", "
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"a1\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b1\"}], "
	"\"confidence-score\": {\"percentage\": 0.84}},\n"
	"      {\"uuid\": \"2\", \"relationship\": \"superset-of\", "
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"a2\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b2\"}, "
	"{\"type\": \"control\", \"id-ref\": \"b3\"}], \"remarks\": \"why\"},\n"
	"      {\"uuid\": \"3\", \"relationship\": \"equal-to\", "
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"a3\"}, "
	"{\"type\": \"control\", \"id-ref\": \"a4\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b4\"}]},\n"
	"      {\"uuid\": \"4\", \"relationship\": \"subset-of\", "
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"a5\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b5\"}, "
	"{\"type\": \"control\", \"id-ref\": \"b6\"}]},\n"
	"      {\"uuid\": \"5\", \"relationship\": \"intersects-with\", "
	"\"sources\": [{\"type\": \"statement\", \"id-ref\": \"a6_smt\"}, "
	"{\"type\": \"control\", \"id-ref\": \"a6\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b7\"}]},\n"
	"      {\"uuid\": \"6\", \"relationship\": \"no-relationship\", "
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"a7\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b8\"}]},\n"
	"      {\"uuid\": \"7\", \"relationship\": \"superset-of\", "
	"\"sources\": [{\"type\": \"control\", \"id-ref\": \"a9\"}, "
	"{\"type\": \"control\", \"id-ref\": \"a8\"}, "
	"{\"type\": \"control\", \"id-ref\": \"a9\"}], "
	"\"targets\": [{\"type\": \"control\", \"id-ref\": \"b9\"}]}\n"
	"    ]}]}}\n";

Test(oscal_map, collection)
{
	struct ismc_mapping_set **sets, *m;

	cr_assert_eq(ismc_import_mappings(&t.comp, ismc_test_add(&t,
	    "A-to-B_mapping-collection.json", mc_json), &sets), 1);
	cr_assert_str_eq(ismc_test_diags(&t),
	    "A-to-B_mapping-collection.json:9:13: warning: 1 map of 'a-to-b' "
	    "relates several sources or targets in a way pairwise rows cannot "
	    "express; skipped [-Wimport-skipped]\n"
	    "A-to-B_mapping-collection.json:9:13: warning: 1 statement-level "
	    "reference of 'a-to-b' skipped: ismc maps whole controls "
	    "[-Wimport-skipped]\n");
	m = sets[0];
	cr_assert_str_eq(m->id, "a-to-b");
	cr_assert_str_eq(m->source, "a-cat");
	cr_assert_str_eq(m->target, "b");
	cr_assert_str_eq(m->title, "A to B");
	cr_assert_str_eq(m->origin, "OSCAL mapping collection mc, version 2");
	cr_assert_str_eq(m->method, "by hand");
	cr_assert_eq(m->nrows, 7);
	cr_assert_eq(m->rows[0].rel, ISMC_REL_EQUAL);
	cr_assert_eq(m->rows[0].strength, 8);
	cr_assert_null(m->rows[0].cover);
	/* One source, two targets: each target lies inside it. */
	cr_assert_str_eq(m->rows[1].source, "a2");
	cr_assert_str_eq(m->rows[1].target, "b2");
	cr_assert_eq(m->rows[1].rel, ISMC_REL_SUPERSET);
	cr_assert_str_eq(m->rows[1].rationale, "why");
	cr_assert_str_eq(m->rows[2].target, "b3");
	/* Two sources equal to one target: a covering set. */
	cr_assert_eq(m->rows[3].rel, ISMC_REL_EQUAL);
	cr_assert(ismc_mapping_row_is_set(&m->rows[3]));
	cr_assert_str_eq(ismc_mapping_row_source_text(&t.comp.arena,
	    &m->rows[3]), "a3 + a4");
	cr_assert_str_eq(m->rows[3].target, "b4");
	/* The statement reference is left out of the intersection. */
	cr_assert_eq(m->rows[4].rel, ISMC_REL_INTERSECTS);
	cr_assert_str_eq(m->rows[4].source, "a6");
	cr_assert_eq(m->rows[5].rel, ISMC_REL_NOT_RELATED);
	/* Sources that together contain a target, one named twice. */
	cr_assert_eq(m->rows[6].rel, ISMC_REL_SUPERSET);
	cr_assert_eq(m->rows[6].cover->nmembers, 2);
	cr_assert_str_eq(ismc_mapping_row_source_text(&t.comp.arena,
	    &m->rows[6]), "a9 + a8");
}

Test(oscal_map, errors)
{
	struct ismc_mapping_set **sets;

	cr_assert_eq(ismc_import_mappings(&t.comp, ismc_test_add(&t,
	    "x_mapping-collection.yaml",
	    "mapping-collection:\n"
	    "  uuid: u\n"
	    "  metadata: {title: t}\n"
	    "  mappings:\n"
	    "    - source-resource: {type: catalog, href: a.json}\n"
	    "      target-resource: {type: catalog, href: b.json}\n"
	    "      maps:\n"
	    "        - relationship: subset\n"
	    "          sources: [{type: control, id-ref: a}]\n"
	    "          targets: [{type: control, id-ref: b}]\n"
	    "        - relationship: equal-to\n"
	    "          sources: [{type: control, id_ref: a}]\n"
	    "          targets: []\n"
	    "        - relationship: equal-to\n"
	    "          sources: [{type: control, id-ref: a}]\n"
	    "          targets: [{type: control, id-ref: b}]\n"
	    "          confidence-score: {percentage: '1.5'}\n"), &sets), 0);
	cr_assert_str_eq(ismc_test_diags(&t),
	    "x_mapping-collection.yaml:8:25: error: unknown relationship "
	    "'subset'; expected equivalent-to, equal-to, subset-of, "
	    "superset-of, intersects-with or no-relationship\n"
	    "x_mapping-collection.yaml:12:37: error: unknown key 'id_ref' in "
	    "a map reference; did you mean 'id-ref'?\n"
	    "x_mapping-collection.yaml:12:21: error: missing required key "
	    "'id-ref' in a map reference\n"
	    "x_mapping-collection.yaml:13:20: error: 'targets' lists nothing\n"
	    "x_mapping-collection.yaml:17:42: error: a confidence percentage "
	    "is a number from 0 to 1\n");
}

/* ---- the reference copies ------------------------------------------------------ */

/* $ISMC_REFERENCE, else ../shared/reference beside the source tree. */
static char *
refpath(const char *rel)
{
	char why[512], *p = ismc_test_refpath(rel, why, sizeof why);

	if (p == NULL) {
		fprintf(stderr, "skipped: %s\n", why);
		cr_skip_test("no reference data");
	}
	return p;
}

static struct ismc_catalog *
ref_catalog(const char *rel)
{
	char *p = refpath(rel);
	struct ismc_catalog *cat = ismc_data_catalog_load(&t.comp, p);

	free(p);
	cr_assert_not_null(cat, "%s", ismc_test_diags(&t));
	return cat;
}

static size_t
ref_mappings(const char *rel, struct ismc_mapping_set ***sets)
{
	char *p = refpath(rel);
	uint32_t file = ismc_compilation_read(&t.comp, p, ISMC_INPUT_MAPPING,
	    0, ISMC_NO_SPAN, NULL);

	free(p);
	cr_assert_neq(file, ISMC_NO_FILE);
	return ismc_import_mappings(&t.comp, file, sets);
}

#define CA	"ciso-assistant/raw/"

Test(reference, ciso_frameworks)
{
	static const struct {
		const char	*file;
		const char	*id;
		size_t		 nodes;
		size_t		 reqs;
	} fw[] = {
		{ "iso27001-2022.yaml", "iso27001-2022", 140, 123 },
		{ "dora.yaml", "dora", 682, 260 },
		{ "rts-dora-ict-risk-management.yaml",
		    "rts-dora-ict-risk-management", 618, 554 },
		{ "nis2-directive.yaml", "nis2-directive", 17, 13 },
		{ "annex-nis2-regulation--2024-2690-with-technical-"
		    "implementation-guidance-by-enisa.yaml",
		    "annex-technical-and-methodological-requirements-nis2",
		    439, 351 },
		{ "soc2-2017.yaml", "soc2-2017", 371, 358 },
		{ "soc2_2017_with_rev_2022.yaml", "soc2-2017-rev-2022", 375,
		    301 },
	};
	struct ismc_catalog *cat;
	char rel[256];
	size_t i;

	for (i = 0; i < sizeof fw / sizeof fw[0]; i++) {
		snprintf(rel, sizeof rel, CA "%s", fw[i].file);
		cat = ref_catalog(rel);
		cr_assert_str_eq(cat->id, fw[i].id);
		cr_assert_eq(cat->nnodes, fw[i].nodes, "%s: %zu nodes",
		    fw[i].id, cat->nnodes);
		cr_assert_eq(cat->nreqs, fw[i].reqs, "%s: %zu requirements",
		    fw[i].id, cat->nreqs);
	}
	cr_assert_str_eq(ismc_test_diags(&t), "");
	/* The ISO library names Annex A as ISO does. */
	cat = t.comp.catalogs[0];
	cr_assert_str_eq(req(cat, "A.5.1")->title,
	    "Policies for information security");
	cr_assert_str_eq(req(cat, "A.5.1")->parent->id, "A.5");
	cr_assert_eq(req(cat, "A.8.34")->req_index + 1, cat->nreqs);
}

Test(reference, ciso_mapping_sets)
{
	struct ismc_mapping_set **sets;

	/* The frameworks' libraries lie next to the mapping files. */
	cr_assert_eq(ref_mappings(CA "mapping-soc2-2017-rev-2022-to-"
	    "iso27001-2022.yaml", &sets), 2, "%s", ismc_test_diags(&t));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_str_eq(sets[0]->id,
	    "mapping-soc2-2017-rev-2022-to-iso27001-2022");
	cr_assert_str_eq(sets[0]->source, "soc2-2017-rev-2022");
	cr_assert_str_eq(sets[0]->target, "iso27001-2022");
	cr_assert_eq(sets[0]->nrows, 1405);
	cr_assert_eq(count_rel(sets[0], ISMC_REL_INTERSECTS), 1405);
	cr_assert_str_eq(sets[0]->rows[0].source, "CC6.1.1");
	cr_assert_str_eq(sets[0]->rows[0].target, "A.5.13");
	cr_assert_str_eq(sets[1]->source, "iso27001-2022");
	cr_assert_eq(sets[1]->nrows, 1405);

	cr_assert_eq(ref_mappings(CA "mapping-annex-technical-and-"
	    "methodological-requirements-nis2-and-iso27001-2022.yaml", &sets),
	    2);
	/* 954 rows, 28 of them exact repeats. */
	cr_assert_eq(sets[0]->nrows, 926);
	cr_assert_eq(count_rel(sets[0], ISMC_REL_INTERSECTS), 926);
	cr_assert_eq(sets[1]->nrows, 926);
	cr_assert(strstr(ismc_test_diags(&t), "repeats 28 rows exactly") !=
	    NULL, "%s", ismc_test_diags(&t));
}

#define OS	"oscal/sp800-53/rev5/"

static void
check_800_53(const struct ismc_catalog *cat)
{
	size_t i, groups = 0;

	cr_assert_str_eq(cat->id, "nist-sp-800-53-rev5");
	cr_assert_str_eq(cat->version, "5.0.1");
	for (i = 0; i < cat->nnodes; i++)
		groups += cat->nodes[i]->is_group && !cat->nodes[i]->withdrawn;
	cr_assert_eq(groups, 20);
	/* 1,189 controls and enhancements, 182 of them withdrawn. */
	cr_assert_eq(cat->nnodes - groups, 1189);
	cr_assert_eq(count_withdrawn(cat), 182);
	cr_assert_eq(cat->nreqs, 1007);
	cr_assert_str_eq(req(cat, "ac-2.1")->ref, "AC-2(1)");
	cr_assert_eq(req(cat, "ac-2.1")->parent, req(cat, "ac-2"));
	cr_assert(req(cat, "sc-19")->withdrawn);
}

Test(reference, sp800_53_json)
{
	struct ismc_catalog *cat = ref_catalog(OS
	    "NIST_SP-800-53_rev5_catalog.json");

	cr_assert_str_eq(ismc_test_diags(&t), "");
	check_800_53(cat);
}

Test(reference, sp800_53_yaml)
{
	struct ismc_catalog *cat = ref_catalog(OS
	    "NIST_SP-800-53_rev5_catalog.yaml");

	cr_assert_str_eq(ismc_test_diags(&t), "");
	check_800_53(cat);
}

Test(reference, moderate_baseline)
{
	struct ismc_catalog *cat;

	cat = ref_catalog(OS "NIST_SP-800-53_rev5_MODERATE-baseline_"
	    "profile.json");
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_str_eq(cat->id, "nist-sp-800-53-rev5-moderate-baseline");
	/* 177 controls and 110 enhancements in 18 families. */
	cr_assert_eq(cat->nreqs, 287);
	cr_assert_eq(cat->nnodes, 287 + 18);
	cr_assert_eq(count_withdrawn(cat), 0);
	cr_assert_not_null(req(cat, "ac-2.13"));
	cr_assert_null(req(cat, "ac-2.6"));
	cr_assert_null(req(cat, "pm"));
	/* The YAML copy, in a run of its own: one id per run. */
	ismc_test_fini(&t);
	ismc_test_init(&t);
	cat = ref_catalog(OS "NIST_SP-800-53_rev5_MODERATE-baseline_"
	    "profile.yaml");
	cr_assert_eq(cat->nreqs, 287);
}

Test(reference, oscal_mapping_collections)
{
	struct ismc_mapping_set **sets;

	cr_assert_eq(ref_mappings("oscal/mapping/degenaro-example-mapping/"
	    "NIST_CSF_v2.0-to-NIST_SP-800-53_rev5_mapping-collection.json",
	    &sets), 1, "%s", ismc_test_diags(&t));
	cr_assert_str_eq(ismc_test_diags(&t), "");
	cr_assert_str_eq(sets[0]->id, "nist-csf-v2.0-to-nist-sp-800-53-rev5");
	cr_assert_str_eq(sets[0]->source, "nist-csf-v2.0");
	cr_assert_str_eq(sets[0]->target, "nist-sp-800-53-rev5");
	/* 106 maps from one source to 1-40 targets: 737 pairs. */
	cr_assert_eq(sets[0]->nrows, 737);
	cr_assert_eq(count_rel(sets[0], ISMC_REL_SUPERSET), 737);
	cr_assert_eq(ref_mappings("oscal/mapping/oscal-compass-oscal-content/"
	    "mapping-collections_nist_ai_rmf_to_iso_42001_mapping-collection."
	    "json", &sets), 1);
	cr_assert_eq(sets[0]->nrows, 192);
	cr_assert_eq(count_rel(sets[0], ISMC_REL_INTERSECTS), 192);
	cr_assert_str_eq(sets[0]->target, "iso-iec-42001-1.0.0");
	/* The PCI example spells id-ref "id_ref": refused, located. */
	ismc_test_clear_diags(&t);
	cr_assert_eq(ref_mappings("oscal/mapping/oscal-compass-oscal-content/"
	    "examples-direct-mapping_mapping-collections_PCI_v4-to-NIST_800-"
	    "53_rev4_mapping-collection.json", &sets), 0);
	cr_assert(strstr(ismc_test_diags(&t), "mapping-collection.json:38:17: "
	    "error: unknown key 'id_ref' in a map reference; did you mean "
	    "'id-ref'?\n") != NULL, "%s", ismc_test_diags(&t));
}

/* ---- the OSCAL export -------------------------------------------------------- */

static void
export_setup(void)
{
	profile_setup();	/* a temporary directory: the search path */
	write_file("ctl.yaml", "format: ismc-catalog/1\ncatalog: {id: ctl, "
	    "title: Controls, kind: controls, levels: [c]}\nnodes:\n"
	    "  - {id: c1, level: c}\n  - {id: c2, level: c}\n"
	    "  - {id: c3, level: c}\n");
	write_file("hub.yaml", "format: ismc-catalog/1\ncatalog: {id: hub, "
	    "title: Hub, levels: [h]}\nnodes:\n  - {id: h1, level: h}\n");
	write_file("req.yaml", "format: ismc-catalog/1\ncatalog: {id: req, "
	    "title: Requirements, levels: [r]}\nnodes:\n"
	    "  - {id: r1, level: r}\n  - {id: r2, level: r}\n"
	    "  - {id: r3, level: r}\n");
	if (mkdir(ismc_arena_printf(&t.comp.arena, "%s/mappings", tmpdir),
	    0777) != 0)
		ismc_test_die("mkdir");
	/* c1 = h1 and h1 contains r1: c1 contains r1, inferred. */
	write_file("mappings/ctl--hub.yaml", "format: ismc-mapping/1\n"
	    "mapping: {id: ctl--hub, source: ctl, target: hub, provenance: "
	    "test}\nrows:\n  - {source: c1, rel: equal, target: h1, "
	    "strength: 8}\n");
	write_file("mappings/hub--req.yaml", "format: ismc-mapping/1\n"
	    "mapping: {id: hub--req, source: hub, target: req, provenance: "
	    "test}\nrows:\n  - {source: h1, rel: superset, target: r1, "
	    "strength: 6}\n");
}

TestSuite(export, .init = export_setup, .fini = profile_teardown);

static const char export_spec[] =
	"framework ctl\n"
	"framework hub\n"
	"framework req\n"
	"isms \"ACME ISMS\" { organisation \"ACME\"; version \"2.1\" }\n"
	"control c1 { applicable; status implemented }\n"
	"control c2 { applicable; status implemented }\n"
	"control c3 { excluded \"not used\" }\n"
	"map c2 subset req:r2 { strength 7; rationale \"same intent\" }\n"
	"map c1, c2 superset req:r3 { residual \"the reporting deadline\" }\n";

/* The spec compiled, analysed and exported; the JSON parsed. */
static json_t *
export_json(char **text)
{
	struct ismc_spec_file file;
	struct ismc_program prog;
	struct ismc_item *items = NULL;
	struct ismc_ir *ir;
	struct ismc_buf b;
	json_error_t err;
	json_t *doc;

	ismc_compilation_add_search_dir(&t.comp, tmpdir);
	cr_assert_eq(ismc_test_parse(&t, export_spec, &items), 0);
	memset(&file, 0, sizeof file);
	file.file = items->span.file;
	file.items = items;
	memset(&prog, 0, sizeof prog);
	prog.files = &file;
	prog.nfiles = 1;
	ir = ismc_sema_run(&t.comp, &prog, NULL);
	cr_assert_not_null(ir, "%s", ismc_test_diags(&t));
	cr_assert_not_null(ismc_gap_analyse(&t.comp, ir, ISMC_GAP_STRICT));
	cr_assert(ismc_export_oscal_applies(ir));
	ismc_buf_init(&b);
	ismc_export_oscal(ir, "2026-01-01T00:00:00Z", &b);
	doc = json_loads(ismc_buf_cstr(&b), 0, &err);
	cr_assert_not_null(doc, "%s: %s", err.text, ismc_buf_cstr(&b));
	*text = strdup(ismc_buf_cstr(&b));
	ismc_buf_free(&b);
	return doc;
}

static const char *
str_at(json_t *v, const char *path)
{
	json_t *x = json_object_get(v, path);

	cr_assert(json_is_string(x), "%s is not a string", path);
	return json_string_value(x);
}

Test(export, uuid_is_rfc_9562_version_5)
{
	char u[37];

	/* Python: uuid.uuid5(uuid.uuid5(uuid.NAMESPACE_URL,
	 * "https://example.invalid/ismc/oscal-mapping"), "test") */
	ismc_export_uuid("test", u);
	cr_assert_str_eq(u, "7ab6ad35-1ff3-576c-ad25-536385025c3e");
}

Test(export, collection)
{
	json_t *doc, *mc, *mappings, *m, *maps, *map;
	char *text, *again;

	doc = export_json(&text);
	mc = json_object_get(doc, "mapping-collection");
	cr_assert_str_eq(str_at(json_object_get(mc, "metadata"), "title"),
	    "Control mappings of ACME");
	cr_assert_str_eq(str_at(json_object_get(mc, "metadata"),
	    "last-modified"), "2026-01-01T00:00:00Z");
	cr_assert_str_eq(str_at(json_object_get(mc, "metadata"), "version"),
	    "2.1");
	cr_assert_str_eq(str_at(json_object_get(mc, "provenance"), "method"),
	    "hybrid");
	mappings = json_object_get(mc, "mappings");
	/* ctl -> req only: the spec's rows and the inferred c1 -> r1. */
	cr_assert_eq(json_array_size(mappings), 1, "%s", text);
	m = json_array_get(mappings, 0);
	cr_assert_str_eq(str_at(json_object_get(m, "source-resource"),
	    "href"), "urn:ismc:catalog:ctl");
	cr_assert_str_eq(str_at(json_object_get(m, "target-resource"),
	    "href"), "urn:ismc:catalog:req");
	maps = json_object_get(m, "maps");
	cr_assert_eq(json_array_size(maps), 3, "%s", text);
	map = json_array_get(maps, 0);
	cr_assert_str_eq(str_at(map, "relationship"), "subset-of");
	cr_assert_str_eq(str_at(json_array_get(json_object_get(map,
	    "sources"), 0), "id-ref"), "c2");
	cr_assert_str_eq(str_at(map, "remarks"), "same intent");
	cr_assert_eq(json_real_value(json_object_get(json_object_get(map,
	    "confidence-score"), "percentage")), 0.7);
	map = json_array_get(maps, 1);
	cr_assert_str_eq(str_at(map, "relationship"), "superset-of");
	cr_assert_eq(json_array_size(json_object_get(map, "sources")), 2);
	cr_assert_str_eq(str_at(map, "remarks"),
	    "Residual: the reporting deadline");
	map = json_array_get(maps, 2);
	cr_assert_str_eq(str_at(map, "relationship"), "superset-of");
	cr_assert_str_eq(str_at(json_array_get(json_object_get(map,
	    "targets"), 0), "id-ref"), "r1");
	cr_assert_str_eq(str_at(map, "remarks"), "Inferred through hub:h1 "
	    "(ctl--hub, then hub--req).");
	/* The weaker link's strength. */
	cr_assert_eq(json_real_value(json_object_get(json_object_get(map,
	    "confidence-score"), "percentage")), 0.6);
	json_decref(doc);
	/* The same spec, the same bytes. */
	ismc_test_fini(&t);
	ismc_test_init(&t);
	doc = export_json(&again);
	cr_assert_str_eq(again, text);
	json_decref(doc);
	free(text);
	free(again);
}

/* "c1+c2 superset r3", "c2 subset r2": a row as the export's maps name
 * it. */
static const char *
row_key(struct ismc_arena *a, const struct ismc_mapping_row *row)
{
	const char *src = row->source;
	size_t i;

	if (row->cover != NULL && row->cover->nmembers > 1) {
		src = row->cover->members[0];
		for (i = 1; i < row->cover->nmembers; i++)
			src = ismc_arena_printf(a, "%s+%s", src,
			    row->cover->members[i]);
	}
	return ismc_arena_printf(a, "%s %s %s %u", src,
	    ismc_rel_name(row->rel), row->target, row->strength);
}

Test(export, round_trip)
{
	static const char *const want[] = {
		"c2 subset r2 7",
		"c1+c2 superset r3 0",
		"c1 superset r1 6",
	};
	struct ismc_mapping_set **sets;
	json_t *doc;
	char *text;
	size_t n, i;
	uint32_t f;

	doc = export_json(&text);
	json_decref(doc);
	/* ismc reads its own export as it reads any OSCAL collection. */
	f = ismc_test_add(&t, "mappings.oscal.json", text);
	n = ismc_import_mappings(&t.comp, f, &sets);
	cr_assert_eq(n, 1, "%s", ismc_test_diags(&t));
	cr_assert_str_eq(sets[0]->source, "ctl");
	cr_assert_str_eq(sets[0]->target, "req");
	cr_assert_eq(sets[0]->nrows, sizeof want / sizeof want[0], "%s",
	    text);
	for (i = 0; i < sets[0]->nrows; i++)
		cr_assert_str_eq(row_key(&t.comp.arena, &sets[0]->rows[i]),
		    want[i]);
	/* The residual comes back as one (from ismc's prop), and in the
	 * row's text (from the remarks). */
	cr_assert_not_null(sets[0]->rows[1].cover);
	cr_assert_str_eq(sets[0]->rows[1].cover->residual,
	    "the reporting deadline");
	cr_assert_null(sets[0]->rows[0].cover);
	cr_assert_not_null(strstr(sets[0]->rows[1].rationale,
	    "Residual: the reporting deadline"));
	free(text);
}
