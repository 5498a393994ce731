/*
 * driver.c - the pipeline: sources, front end, semantic analysis, and
 * the backends, stopping at the first stage that reported errors.
 */
#include <config.h>

#include "driver.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "catalog.h"
#include "compilation.h"
#include "diag.h"
#include "emit.h"
#include "frontend.h"
#include "ir.h"
#include "outdir.h"
#include "parse.h"
#include "sema.h"

void
ismc_options_init(struct ismc_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_errors = 50;
	o->out = stdout;
	o->err = stderr;
}

/* -I directories first, then ISMC_PATH, then the source tree, then the
 * installed data directory. */
static void
set_search_path(struct ismc_compilation *c, const struct ismc_options *o)
{
	const char *env = getenv("ISMC_PATH");
	size_t i;

	for (i = 0; i < o->ninclude_dirs; i++)
		ismc_compilation_add_search_dir(c, o->include_dirs[i]);
	while (env != NULL && *env != '\0') {
		const char *colon = strchr(env, ':');
		size_t len = colon ? (size_t)(colon - env) : strlen(env);

		if (len > 0) {
			char *dir = ismc_arena_strndup(&c->arena, env, len);

			ismc_compilation_add_search_dir(c, dir);
		}
		env = colon ? colon + 1 : NULL;
	}
	ismc_compilation_add_search_dir(c, ISMC_SRCDIR "/frameworks");
	ismc_compilation_add_search_dir(c, ISMC_PKGDATADIR "/frameworks");
}

static void
configure_diag(struct ismc_diag *d, const struct ismc_options *o)
{
	d->werror = o->werror;
	d->no_warnings = o->no_warnings;
	d->plain = o->plain;
	d->max_errors = o->max_errors;
	switch (o->color) {
	case ISMC_COLOR_ALWAYS:
		d->color = true;
		break;
	case ISMC_COLOR_NEVER:
		d->color = false;
		break;
	case ISMC_COLOR_AUTO:
		d->color = getenv("NO_COLOR") == NULL &&
		    isatty(fileno(o->err));
		break;
	}
}

static void
dump_front(struct ismc_compilation *c, const struct ismc_options *o,
    const struct ismc_program *prog)
{
	size_t i;

	for (i = 0; i < prog->nfiles; i++) {
		const struct ismc_source *src = ismc_sources_get(&c->sources,
		    prog->files[i].file);

		if (o->dump_tokens) {
			fprintf(o->out, "# tokens of %s\n", src->path);
			ismc_dump_tokens(c, prog->files[i].file, o->out);
		}
		if (o->dump_ast) {
			fprintf(o->out, "# syntax tree of %s\n", src->path);
			ismc_ast_dump(o->out, prog->files[i].items, 0);
		}
	}
}

static bool
build_outputs(struct ismc_compilation *c, const struct ismc_options *o,
    const struct ismc_ir *ir, bool *io_failed)
{
	struct ismc_outdir *od;

	if ((od = ismc_outdir_open(o->outdir, &c->diag)) == NULL) {
		*io_failed = true;
		return false;
	}
	if (!ismc_emit_reports(ir, &c->arena, od, &c->diag)) {
		ismc_outdir_abort(od);
		*io_failed = c->diag.errors > 0;
		return false;
	}
	if (!ismc_outdir_commit(od)) {
		*io_failed = true;
		return false;
	}
	return true;
}

static int
exit_status(const struct ismc_compilation *c, bool io_failed)
{
	if (io_failed)
		return ISMC_EXIT_USAGE;
	return c->diag.errors > 0 ? ISMC_EXIT_INPUT : ISMC_EXIT_OK;
}

static void
check_catalogs(struct ismc_compilation *c, const struct ismc_options *o)
{
	size_t i;

	for (i = 0; i < o->ncatalogs; i++)
		ismc_catalog_load(c, o->catalogs[i]);
}

int
ismc_driver_run(const struct ismc_options *o)
{
	struct ismc_compilation c;
	struct ismc_program prog;
	struct ismc_ir *ir = NULL;
	bool io_failed = false;
	int status;

	ismc_compilation_init(&c, o->err);
	configure_diag(&c.diag, o);
	set_search_path(&c, o);
	if (o->has_as_of) {
		c.has_as_of = true;
		c.as_of.year = o->as_of[0];
		c.as_of.month = o->as_of[1];
		c.as_of.day = o->as_of[2];
	}
	check_catalogs(&c, o);
	ismc_frontend_load(&c, o->specs, o->nspecs, &prog);
	io_failed = prog.io_failed;
	dump_front(&c, o, &prog);
	if (c.diag.errors == 0 && o->nspecs > 0) {
		ir = ismc_sema_run(&c, &prog);
		if (o->dump_ir && c.diag.errors == 0)
			ismc_ir_dump(o->out, ir);
	}
	if (o->command == ISMC_CMD_BUILD && c.diag.errors == 0 && ir != NULL &&
	    !io_failed)
		build_outputs(&c, o, ir, &io_failed);
	ismc_diag_summary(&c.diag);
	status = exit_status(&c, io_failed);
	ismc_compilation_destroy(&c);
	return status;
}
