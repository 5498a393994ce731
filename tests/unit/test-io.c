/*
 * test-io.c - the guarded read, encodings, the source manager's identity
 * table, the sandbox's path check, format sniffing and header peeks.
 */
#include <config.h>

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "datafile.h"
#include "fileio.h"
#include "helpers.h"
#include "source.h"
#include "yamlnode.h"

static char dir[] = "/tmp/ismc-test-io.XXXXXX";

static void
setup(void)
{
	cr_assert_not_null(mkdtemp(dir), "mkdtemp: %s", strerror(errno));
}

static void
teardown(void)
{
	char *cmd;

	if (asprintf(&cmd, "rm -rf '%s'", dir) >= 0) {
		if (system(cmd) != 0)
			perror("rm");
		free(cmd);
	}
}

TestSuite(fileio, .init = setup, .fini = teardown);
TestSuite(encoding);
TestSuite(sniff);

static char *
path(const char *name)
{
	char *p;

	if (asprintf(&p, "%s/%s", dir, name) < 0)
		cr_assert_fail("out of memory");
	return p;
}

static char *
write_file(const char *name, const char *text)
{
	char *p = path(name);
	FILE *f = fopen(p, "w");

	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
	return p;
}

/* ---- the guarded read ---------------------------------------------------- */

Test(fileio, regular_file)
{
	struct ismc_file_data fd;
	char *p = write_file("a.isms", "framework x\n");
	struct stat st;

	cr_assert(ismc_file_read(p, 0, &fd));
	cr_assert_eq(fd.len, 12);
	cr_assert_str_eq(fd.text, "framework x\n");
	cr_assert_eq(stat(p, &st), 0);
	cr_assert_eq(fd.id.ino, st.st_ino);
	free(fd.text);
	free(p);
}

Test(fileio, fifo_refused_without_blocking)
{
	struct ismc_file_data fd;
	char *p = path("fifo.yaml");

	cr_assert_eq(mkfifo(p, 0600), 0);
	/* No writer: a blocking open would never return. */
	cr_assert_not(ismc_file_read(p, 0, &fd));
	cr_assert_eq(fd.status, ISMC_READ_NOT_REGULAR);
	cr_assert_null(fd.text);
	cr_assert_str_eq(ismc_file_strerror(&fd), "not a regular file");
	free(p);
}

Test(fileio, devices_refused)
{
	struct ismc_file_data fd;

	cr_assert_not(ismc_file_read("/dev/zero", 0, &fd));
	cr_assert_eq(fd.status, ISMC_READ_NOT_REGULAR);
	cr_assert_not(ismc_file_read("/dev/null", 0, &fd));
	cr_assert_eq(fd.status, ISMC_READ_NOT_REGULAR);
	/* Unless the user named a stream on the command line. */
	cr_assert(ismc_file_read("/dev/null", ISMC_READ_STREAM_OK, &fd));
	cr_assert_eq(fd.len, 0);
	free(fd.text);
}

Test(fileio, directory_and_missing)
{
	struct ismc_file_data fd;

	cr_assert_not(ismc_file_read(dir, 0, &fd));
	cr_assert_eq(fd.status, ISMC_READ_ERRNO);
	cr_assert_eq(fd.errnum, EISDIR);
	cr_assert_not(ismc_file_read("/nonexistent/x", 0, &fd));
	cr_assert_eq(fd.errnum, ENOENT);
	cr_assert_str_eq(ismc_file_strerror(&fd), strerror(ENOENT));
}

Test(fileio, proc_refused)
{
	struct ismc_file_data fd;

	if (access("/proc/self/status", R_OK) != 0)
		cr_skip_test("no /proc here");
	cr_assert_not(ismc_file_read("/proc/self/status", 0, &fd));
	cr_assert_eq(fd.status, ISMC_READ_PSEUDO);
	cr_assert_null(fd.text);
	/* A link into /proc is refused just the same. */
	cr_assert_eq(symlink("/proc/self/environ", path("env.yaml")), 0);
	cr_assert_not(ismc_file_read(path("env.yaml"), 0, &fd));
	cr_assert_eq(fd.status, ISMC_READ_PSEUDO);
}

Test(fileio, read_once_by_identity)
{
	struct ismc_sources s;
	struct ismc_file_data err;
	char *p = write_file("a.isms", "x\n"), *l = path("link.isms");
	uint32_t a, b;
	bool fresh;

	cr_assert_eq(symlink(p, l), 0);
	ismc_sources_init(&s);
	a = ismc_sources_load(&s, p, 0, &fresh, &err);
	cr_assert_eq(a, 0);
	cr_assert(fresh);
	b = ismc_sources_load(&s, l, 0, &fresh, &err);
	cr_assert_eq(b, a);
	cr_assert_not(fresh);
	cr_assert_eq(s.count, 1);
	ismc_sources_destroy(&s);
	free(p);
	free(l);
}

/* Many files: each is found again by its identity, none confused. */
Test(fileio, identity_table)
{
	struct ismc_sources s;
	struct ismc_file_data err;
	char name[32], *p;
	uint32_t ids[300];
	const struct ismc_source *src;
	size_t i;
	bool fresh;

	ismc_sources_init(&s);
	ismc_sources_add(&s, "memory", "m", 1);	/* no identity */
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "f%zu.isms", i);
		p = write_file(name, name);
		ids[i] = ismc_sources_load(&s, p, 0, &fresh, &err);
		cr_assert(fresh);
		free(p);
	}
	for (i = 0; i < 300; i++) {
		src = ismc_sources_get(&s, ids[i]);
		cr_assert_eq(ismc_sources_find_identity(&s, src->dev,
		    src->ino), ids[i]);
	}
	cr_assert_eq(ismc_sources_find_identity(&s, 0, 0), ISMC_NO_FILE);
	ismc_sources_destroy(&s);
}

Test(fileio, digest)
{
	struct ismc_sources s;
	uint32_t f;

	ismc_sources_init(&s);
	f = ismc_sources_add(&s, "abc", "abc", 3);
	/* FIPS 180-2, appendix B.1. */
	cr_assert_str_eq(ismc_sources_digest(&s, f), "ba7816bf8f01cfea414140de"
	    "5dae2223b00361a396177a9cb410ff61f20015ad");
	ismc_sources_destroy(&s);
}

Test(fileio, confined)
{
	char *root, *in = write_file("in.isms", "x"), *out = path("out.isms");
	char *resolved;
	const char *roots[1];

	cr_assert_eq(mkdir(path("tree"), 0700), 0);
	free(in);
	in = write_file("tree/in.isms", "x");
	root = ismc_path_canonical(path("tree"));
	cr_assert_not_null(root);
	roots[0] = root;
	cr_assert(ismc_path_confined(in, roots, 1, &resolved));
	free(resolved);
	/* A link inside the tree to a file outside it. */
	cr_assert_eq(symlink("/etc/passwd", path("tree/passwd.isms")), 0);
	cr_assert_not(ismc_path_confined(path("tree/passwd.isms"), roots, 1,
	    &resolved));
	cr_assert_str_eq(resolved, "/etc/passwd");
	free(resolved);
	/* "tree-2" is not inside "tree". */
	cr_assert_eq(mkdir(path("tree-2"), 0700), 0);
	free(out);
	out = write_file("tree-2/x.isms", "x");
	cr_assert_not(ismc_path_confined(out, roots, 1, &resolved));
	free(resolved);
	roots[0] = "/";
	cr_assert(ismc_path_confined(out, roots, 1, &resolved));
	free(resolved);
	free(root);
	free(in);
	free(out);
}

/* ---- encodings ---------------------------------------------------------- */

#define ENC(s)	ismc_text_foreign_encoding((s), sizeof (s) - 1)

Test(encoding, marks_and_nul_patterns)
{
	cr_assert_str_eq(ENC("\xff\xfe" "f\0r\0"), "UTF-16LE");
	cr_assert_str_eq(ENC("\xfe\xff\0f\0r"), "UTF-16BE");
	cr_assert_str_eq(ENC("\xff\xfe\0\0f\0\0\0"), "UTF-32LE");
	cr_assert_str_eq(ENC("\0\0\xfe\xff\0\0\0f"), "UTF-32BE");
	cr_assert_str_eq(ENC("f\0r\0a\0"), "UTF-16LE");
	cr_assert_str_eq(ENC("\0f\0r\0a"), "UTF-16BE");
	cr_assert_str_eq(ENC("f\0\0\0r\0\0\0"), "UTF-32LE");
	cr_assert_str_eq(ENC("\0\0\0f\0\0\0r"), "UTF-32BE");
}

Test(encoding, utf8_and_stray_nuls_are_not_foreign)
{
	cr_assert_null(ENC("framework iso27001\n"));
	cr_assert_null(ENC("\xef\xbb\xbf" "framework"));
	/* A stray NUL is the lexer's business (a located "stray byte"). */
	cr_assert_null(ENC("\0framework"));
	cr_assert_null(ENC("fr\0mework"));
	cr_assert_null(ENC(""));
	cr_assert_null(ENC("a\0"));
}

/* ---- sniffing and header peeks --------------------------------------- */

#define SNIFF(s)	ismc_data_sniff((s), sizeof (s) - 1)

Test(sniff, ismc_formats)
{
	cr_assert_eq(SNIFF("format: ismc-catalog/1\n"), ISMC_DATA_ISMC_CATALOG);
	cr_assert_eq(SNIFF("\xef\xbb\xbf# c\r\nformat: \"ismc-mapping/1\" # x\r\n"),
	    ISMC_DATA_ISMC_MAPPING);
	cr_assert_eq(SNIFF("texts: {}\nformat: 'ismc-texts/1'\n"),
	    ISMC_DATA_ISMC_TEXTS);
	cr_assert_eq(SNIFF("format: ismc-catalog/2\n"), ISMC_DATA_UNKNOWN);
	cr_assert_eq(SNIFF("urn: urn:intuitem:risk:library:dora\nlocale: en\n"
	    "objects:\n  framework:\n"), ISMC_DATA_CISO_LIBRARY);
}

#define NATIVE(s)	ismc_data_looks_native((s), sizeof (s) - 1)

/* What the sniff cannot place but is ismc's own, broken or of another
 * version, is still loaded under its name, to say what is wrong. */
Test(sniff, looks_native)
{
	cr_assert(NATIVE("format: ismc-catalog/2\n"));
	cr_assert(NATIVE("# x\nformat: \"ismc-catalog/1\"\ncatalog: [\n"));
	cr_assert(NATIVE("nodes: []\nformat: 'ismc-mapping/1'"));
	cr_assert_not(NATIVE("a:\n  format: ismc-catalog/1\n"));
	cr_assert_not(NATIVE("format: oscal\n"));
	cr_assert_not(NATIVE("format:"));
	cr_assert_not(NATIVE(""));
}

/* The header read stops once the wanted keys are read: what follows is
 * never parsed, so its errors do not count and it costs nothing. */
Test(sniff, header_peek_stops_early)
{
	static const char *const keys[] = { "format", "catalog", NULL };
	struct ismc_sources s;
	struct ismc_ydoc doc;
	const struct ismc_ynode *hdr;
	const char *text = "# comment\n"
	    "format: ismc-catalog/1\n"
	    "skipped: {a: [1, 2, {b: c}], d: e}\n"
	    "catalog:\n"
	    "  id: x\n"
	    "  aliases: [y, z]\n"
	    "nodes: [ {id: A, ] broken\n";
	uint32_t f;

	ismc_sources_init(&s);
	f = ismc_sources_add(&s, "p.yaml", text, strlen(text));
	ismc_ydoc_parse_keys(&doc, &s, f, keys);
	cr_assert(doc.well_formed);
	cr_assert_not_null(doc.root);
	cr_assert_eq(doc.root->kind, ISMC_YNODE_MAPPING);
	cr_assert_eq(doc.root->len, 2);
	cr_assert_null(ismc_ynode_get(doc.root, "skipped"));
	hdr = ismc_ynode_get(doc.root, "catalog");
	cr_assert(ismc_ynode_equals(ismc_ynode_get(hdr, "id"), "x"));
	cr_assert_eq(ismc_ynode_get(hdr, "id")->span.start,
	    (uint32_t)(strstr(text, "id: x") - text + 4));
	cr_assert_eq(ismc_ynode_get(hdr, "aliases")->len, 2);
	ismc_ydoc_free(&doc);
	ismc_sources_destroy(&s);
}

/* Without the wanted keys the whole document is read, and an error in it
 * makes the tree not well-formed, quietly. */
Test(sniff, header_peek_without_the_keys)
{
	static const char *const keys[] = { "format", "mapping", NULL };
	struct ismc_sources s;
	struct ismc_ydoc doc;
	const char *text = "format: ismc-mapping/1\nrows: [ {a: b ]\n";
	uint32_t f;

	ismc_sources_init(&s);
	f = ismc_sources_add(&s, "p.yaml", text, strlen(text));
	ismc_ydoc_parse_keys(&doc, &s, f, keys);
	cr_assert_not(doc.well_formed);
	cr_assert_null(ismc_ynode_get(doc.root, "mapping"));
	ismc_ydoc_free(&doc);
	ismc_sources_destroy(&s);
}
