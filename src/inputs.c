/*
 * inputs.c - the files a build used, with their digests, into the IR.
 */
#include <config.h>

#include "inputs.h"

#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "import.h"
#include "ir.h"
#include "mapping.h"

/*
 * How a report names file `src`: a shipped file by its place among ismc's
 * data ("frameworks/mappings/x.yaml"), so that outputs do not depend on
 * where ismc was built or installed; a spec relative to the directory of
 * the first spec (`root`), so that they do not depend on the directory
 * ismc ran in; any other as it was read.
 */
static const char *
shown_path(struct ismc_compilation *c, const struct ismc_source *src,
    const char *root, size_t nroot)
{
	const char *dir, *base;
	size_t i, n;

	if (src->kind == ISMC_INPUT_SPEC && nroot > 0 &&
	    strncmp(src->path, root, nroot) == 0 && src->path[nroot] == '/')
		return src->path + nroot + 1;

	for (i = 0; src->shipped && i < c->nsearch; i++) {
		dir = c->search_path[i];
		n = strlen(dir);
		if (!c->search_shipped[i] || strncmp(src->path, dir, n) != 0 ||
		    src->path[n] != '/')
			continue;
		base = strrchr(dir, '/');
		return ismc_arena_printf(&c->arena, "%s%s",
		    base != NULL ? base + 1 : dir, src->path + n);
	}
	return src->path;
}

/* The directory of the first spec read (the first on the command line),
 * which reports name the specs relative to. */
static const char *
spec_root(const struct ismc_compilation *c, size_t *nroot)
{
	const struct ismc_source *src;
	const char *slash;
	size_t i;

	*nroot = 0;
	for (i = 0; i < c->sources.count; i++) {
		src = c->sources.files[i];
		if (src->kind != ISMC_INPUT_SPEC)
			continue;
		slash = strrchr(src->path, '/');
		*nroot = slash != NULL ? (size_t)(slash - src->path) : 0;
		return src->path;
	}
	return NULL;
}

/* "path:line", without printf's machinery: a report may cite every risk
 * of a register of a hundred thousand. */
static const char *
path_line(struct ismc_arena *a, const char *path, unsigned line)
{
	char digits[3 * sizeof line], *p;
	size_t np = strlen(path), nd = 0, i;

	do
		digits[nd++] = (char)('0' + line % 10);
	while ((line /= 10) != 0);
	p = ismc_arena_alloc_align(a, np + nd + 2, 1);
	memcpy(p, path, np);
	p[np] = ':';
	for (i = 0; i < nd; i++)
		p[np + 1 + i] = digits[nd - 1 - i];
	p[np + 1 + nd] = '\0';
	return p;
}

const char *
ismc_inputs_where(struct ismc_compilation *c, struct ismc_span span)
{
	const char *root, *path;
	unsigned line, col;
	size_t nroot;

	if (span.file == ISMC_NO_FILE || span.file >= c->sources.count)
		return NULL;
	root = spec_root(c, &nroot);
	path = shown_path(c, c->sources.files[span.file], root, nroot);
	if (span.start == ISMC_WHOLE_FILE)
		return path;
	ismc_sources_linecol(&c->sources, span.file, span.start, &line, &col);
	return path_line(&c->arena, path, line);
}

/* The ids the file gave: its catalog, or the sets the build used. */
static const char *
ids_of(struct ismc_compilation *c, const struct ismc_ir *ir, uint32_t file)
{
	struct ismc_buf b;
	const char *ids;
	size_t i;

	ismc_buf_init(&b);
	for (i = 0; i < c->ncatalogs; i++)
		if (c->catalogs[i]->file == file)
			ismc_buf_printf(&b, "%s%s", b.len ? " " : "",
			    c->catalogs[i]->id);
	for (i = 0; i < ir->nmapping_sets; i++)
		if (ir->mapping_sets[i]->file == file)
			ismc_buf_printf(&b, "%s%s", b.len ? " " : "",
			    ir->mapping_sets[i]->id);
	ids = b.len > 0 ? ismc_arena_strdup(&c->arena, ismc_buf_cstr(&b)) :
	    NULL;
	ismc_buf_free(&b);
	return ids;
}

/* By kind (specs, catalogs, mapping sets, texts), then by path: the
 * order of files on the command line does not change the report. */
static int
cmp_input(const void *pa, const void *pb)
{
	const struct ismc_ir_input *a = pa, *b = pb;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(a->path, b->path);
}

void
ismc_inputs_record(struct ismc_compilation *c, struct ismc_ir *ir)
{
	const struct ismc_source *src;
	struct ismc_ir_input *in;
	const char *root;
	size_t i, n = 0, nroot;

	for (i = 0; i < c->sources.count; i++)
		n += c->sources.files[i]->kind != ISMC_INPUT_OTHER;
	root = spec_root(c, &nroot);
	ir->inputs = ISMC_NEW_ARRAY(&c->arena, struct ismc_ir_input,
	    n ? n : 1);
	ir->ninputs = 0;
	for (i = 0; i < c->sources.count; i++) {
		src = c->sources.files[i];
		if (src->kind == ISMC_INPUT_OTHER)
			continue;
		in = &ir->inputs[ir->ninputs++];
		in->kind = src->kind;
		in->path = shown_path(c, src, root, nroot);
		in->shipped = src->shipped;
		in->file = (uint32_t)i;
		if (src->kind == ISMC_INPUT_SPEC)
			continue;
		in->ids = ids_of(c, ir, (uint32_t)i);
		in->format = ismc_data_format_name(ismc_data_sniff(src->text,
		    src->len));
	}
	if (ir->ninputs > 1)
		qsort(ir->inputs, ir->ninputs, sizeof *ir->inputs, cmp_input);
}

void
ismc_inputs_digest(struct ismc_compilation *c, struct ismc_ir *ir)
{
	size_t i;

	for (i = 0; i < ir->ninputs; i++)
		ir->inputs[i].sha256 = ismc_sources_digest(&c->sources,
		    ir->inputs[i].file);
}
