/*
 * driver.c - the pipeline: sources, front end, semantic analysis, and
 * the backends, stopping at the first stage that reported errors.
 */
#include <config.h>

#include "driver.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ast.h"
#include "backend.h"
#include "buf.h"
#include "catalog.h"
#include "compilation.h"
#include "datafile.h"
#include "depfile.h"
#include "diag.h"
#include "diff.h"
#include "emit.h"
#include "frontend.h"
#include "explain.h"
#include "gap.h"
#include "inputs.h"
#include "ir.h"
#include "outdir.h"
#include "parse.h"
#include "paths.h"
#include "progress.h"
#include "readiness.h"
#include "sema.h"

void
ismc_options_init(struct ismc_options *o)
{
	memset(o, 0, sizeof *o);
	o->max_errors = 50;
	o->out = stdout;
	o->err = stderr;
}

/* -I directories first, then ISMC_PATH, then the shipped catalogs of the
 * data directory: $ISMC_DATADIR, else the installed one. An uninstalled
 * ismc is pointed at its source tree through ISMC_DATADIR (make check and
 * make example set it): nothing is looked up in the tree it was built
 * from otherwise. */
static void
set_search_path(struct ismc_compilation *c, const struct ismc_options *o)
{
	const char *env = getenv("ISMC_PATH"), *data = getenv("ISMC_DATADIR");
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
	ismc_compilation_add_shipped_dir(c, ismc_arena_printf(&c->arena,
	    "%s/frameworks", data != NULL && *data != '\0' ? data :
	    ismc_paths_datadir()));
}

void
ismc_driver_setup_diag(struct ismc_diag *d, const struct ismc_options *o)
{
	ismc_diag_set_warnings(d, &o->wflags);
	d->format = o->diag_format;
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

/*
 * SIGINT, SIGTERM or SIGHUP during a build removes the temporaries and
 * then ends ismc by the signal itself, so the caller sees the usual status
 * (130, 143, 129); the previous outputs stay as they were. Pango and
 * fontconfig start threads, and a signal may be handled on any of them,
 * so blocking the signals in the main thread cannot keep a handler away
 * from an outdir being committed or freed. Instead the outdir is handed
 * over atomically: whichever of the handler and the main thread takes
 * `signal_outdir` first owns it. While the main thread commits or aborts
 * (`signal_finishing`), a handler only records the signal, which is
 * re-raised once the outputs are complete.
 */
#define NCLEANUP_SIGNALS	3
static const int cleanup_signals[NCLEANUP_SIGNALS] = {
	SIGINT, SIGTERM, SIGHUP
};
static _Atomic(struct ismc_outdir *) signal_outdir;
static atomic_int signal_finishing;
static atomic_int signal_deferred;
static pthread_t signal_main_thread;

static _Noreturn void
die_of(int sig)
{
	sigset_t set;

	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);	/* not reached */
}

static void
on_cleanup_signal(int sig)
{
	struct ismc_outdir *od;

	/* Only the main thread makes temporaries. Handled on another thread
	 * (pango's, glib's), the signal would have their list removed while
	 * the main thread goes on adding to it: the main thread takes it. */
	if (!pthread_equal(pthread_self(), signal_main_thread)) {
		pthread_kill(signal_main_thread, sig);
		return;
	}
	od = atomic_exchange(&signal_outdir, NULL);
	if (od != NULL) {
		ismc_outdir_unlink_temps(od);
		die_of(sig);
	}
	if (atomic_load(&signal_finishing)) {
		atomic_store(&signal_deferred, sig);
		if (atomic_load(&signal_finishing))
			return;		/* the main thread re-raises it */
	}
	die_of(sig);
}

/*
 * Installs the handler for each of the signals that is not ignored (under
 * nohup, or in a background job of a shell, the caller wants it ignored).
 * The previous actions go to `old`. (SIGXFSZ is ignored for the whole run,
 * in main.c.)
 */
static void
catch_signals(struct sigaction old[NCLEANUP_SIGNALS])
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < NCLEANUP_SIGNALS; i++)
		sigaddset(&sa.sa_mask, cleanup_signals[i]);
	sa.sa_flags = SA_RESTART;
	sa.sa_handler = on_cleanup_signal;
	signal_main_thread = pthread_self();
	for (i = 0; i < NCLEANUP_SIGNALS; i++) {
		sigaction(cleanup_signals[i], NULL, &old[i]);
		if (old[i].sa_handler != SIG_IGN)
			sigaction(cleanup_signals[i], &sa, NULL);
	}
}

static void
restore_signals(const struct sigaction old[NCLEANUP_SIGNALS])
{
	size_t i;

	for (i = 0; i < NCLEANUP_SIGNALS; i++)
		sigaction(cleanup_signals[i], &old[i], NULL);
}

/* Takes the outdir back from the handlers before commit or abort frees
 * it. A handler that took it first is removing the temporaries and ending
 * ismc: wait for that. */
static void
reclaim_outdir(void)
{
	atomic_store(&signal_finishing, 1);
	if (atomic_exchange(&signal_outdir, NULL) == NULL)
		for (;;)
			pause();
}

/* After commit or abort: a signal that came meanwhile ends ismc now. */
static void
settle_signals(void)
{
	int sig;

	atomic_store(&signal_finishing, 0);
	if ((sig = atomic_load(&signal_deferred)) != 0)
		die_of(sig);
}

/* Every file the build read, so that no output replaces one (the specs,
 * includes, catalogs, mapping sets, texts, and the files the catalog
 * search looked into). */
static void
protect_inputs(struct ismc_compilation *c, struct ismc_outdir *od)
{
	const struct ismc_source *f;
	size_t i;

	for (i = 0; i < c->sources.count; i++) {
		f = c->sources.files[i];
		if (f->ino != 0)
			ismc_outdir_protect(od, f->dev, f->ino,
			    ismc_arena_printf(&c->arena, "%s '%s'",
			    ismc_input_kind_name(f->kind), f->path));
	}
}

static bool
build_outputs(struct ismc_compilation *c, const struct ismc_options *o,
    const struct ismc_ir *ir, bool *io_failed)
{
	struct ismc_render_opts ro = { .csv_bom = o->csv_bom,
	    .progress = c->diag.progress };
	struct sigaction old[NCLEANUP_SIGNALS];
	struct ismc_outdir *od;
	bool ok;

	if ((od = ismc_outdir_open(o->outdir, &c->diag)) == NULL) {
		*io_failed = true;
		return false;
	}
	protect_inputs(c, od);
	/* The depfile comes after the outputs: inside their directory it
	 * could replace one of them (-MF out/risks.csv), or be lost when the
	 * directory is replaced whole. */
	if (o->depfile_on && ismc_outdir_holds(od, o->depfile)) {
		ismc_diag_error(&c->diag, ISMC_NO_SPAN, "will not write the "
		    "dependency file '%s' into the output directory '%s', "
		    "which holds the build's outputs only; nothing was "
		    "written", o->depfile, o->outdir);
		ismc_outdir_abort(od);
		*io_failed = true;
		return false;
	}
	atomic_store(&signal_outdir, od);
	catch_signals(old);
	ok = ismc_backend_run_dir(ir, &c->arena, &c->diag, &ro,
	    o->formats, o->nformats, od);
	reclaim_outdir();
	if (!ok) {
		ismc_outdir_abort(od);
		*io_failed = c->diag.errors > 0;
	} else {
		ismc_progress_stage(c->diag.progress, "moving the outputs "
		    "into %s", o->outdir);
		if (!ismc_outdir_commit(od)) {
			*io_failed = true;
			ok = false;
		}
	}
	settle_signals();
	restore_signals(old);
	return ok;
}


static void
check_catalogs(struct ismc_compilation *c, const struct ismc_options *o)
{
	size_t i;

	for (i = 0; i < o->ncatalogs; i++)
		ismc_data_catalog_load(c, o->catalogs[i]);
}

/* One compilation from spec files to an analysed IR. */
struct run {
	struct ismc_compilation	 c;
	struct ismc_program	 prog;
	struct ismc_ir		*ir;		/* NULL after front-end errors */
	bool			 io_failed;
	unsigned		 gate_errors;	/* --require floors missed */
};

/* I/O or usage trouble first, then errors in the input, then a missed
 * coverage floor: a pipeline tells "gate failed" from "spec broken". */
static int
exit_status(const struct run *r)
{
	if (r->io_failed || r->c.io_failed)
		return ISMC_EXIT_USAGE;
	if (r->c.diag.errors > r->gate_errors)
		return ISMC_EXIT_INPUT;
	return r->gate_errors > 0 ? ISMC_EXIT_GATE : ISMC_EXIT_OK;
}

static void
run_init(struct run *r, const struct ismc_options *o)
{
	memset(r, 0, sizeof *r);
	ismc_compilation_init(&r->c, o->err);
	ismc_driver_setup_diag(&r->c.diag, o);
	set_search_path(&r->c, o);
	if (o->has_as_of) {
		r->c.has_as_of = true;
		r->c.as_of = o->as_of;
	}
}

/*
 * Front end, semantic analysis and, where the spec uses frameworks that
 * mappings connect, the gap analysis: each stage runs only when the ones
 * before it reported no errors.
 */
static void
run_compile(struct run *r, const struct ismc_options *o,
    const char *const *specs, size_t nspecs)
{
	struct ismc_compilation *c = &r->c;
	struct ismc_sema_options so;

	if (o->sandbox)
		ismc_compilation_sandbox(c, o->sandbox_root, specs, nspecs);
	ismc_progress_stage(c->diag.progress, "reading %zu spec file%s",
	    nspecs, nspecs == 1 ? "" : "s");
	ismc_frontend_load(c, specs, nspecs, &r->prog);
	r->io_failed = c->io_failed;
	dump_front(c, o, &r->prog);
	if (c->diag.errors != 0 || nspecs == 0)
		return;
	memset(&so, 0, sizeof so);
	so.texts = o->texts;
	so.ntexts = o->ntexts;
	ismc_progress_stage(c->diag.progress, "checking");
	r->ir = ismc_sema_run(c, &r->prog, &so);
	/* The IR keeps nothing of the trees: on a large spec they are most
	 * of the memory that the analyses and the outputs would share. */
	ismc_frontend_release(&r->prog);
	if (c->diag.errors != 0)
		return;
	ismc_readiness_analyse(c, r->ir);
	if (r->ir->nframeworks > 1) {
		ismc_progress_stage(c->diag.progress, "analysing the coverage "
		    "of %zu frameworks", r->ir->nframeworks);
		ismc_gap_analyse(c, r->ir, (enum ismc_gap_policy)o->coverage);
	}
	if (o->dump_ir && c->diag.errors == 0)
		ismc_ir_dump(o->out, r->ir);
}

static int
run_finish(struct run *r)
{
	int status;

	ismc_diag_summary(&r->c.diag);
	status = exit_status(r);
	ismc_compilation_destroy(&r->c);
	return status;
}

/* --require: each floor on full coverage is met, or an error says by how
 * much it is missed. A floor naming a framework that is not analysed is a
 * usage error: the gate cannot be judged. */
static void
check_requirements(struct run *r, const struct ismc_options *o)
{
	const struct ismc_ir *ir = r->ir;
	const struct ismc_ir_framework *fw;
	const struct ismc_gap_fw *g;
	size_t i;

	for (i = 0; i < o->nrequires; i++) {
		const struct ismc_requirement *q = &o->requires[i];
		double pct;

		if ((fw = ismc_ir_framework_find(ir, q->framework)) == NULL) {
			ismc_diag_error(&r->c.diag, ISMC_NO_SPAN, "--require "
			    "%s: the spec does not use framework '%s'",
			    q->spelling, q->framework);
			r->io_failed = true;
			continue;
		}
		if ((g = ismc_gap_find(ir->gap, fw)) == NULL) {
			ismc_diag_error(&r->c.diag, ISMC_NO_SPAN, "--require "
			    "%s: no mapping set reaches %s, so its coverage is "
			    "not analysed", q->spelling, fw->catalog->id);
			r->io_failed = true;
			continue;
		}
		pct = ismc_gap_pct(g->n.full, &g->n);
		if (pct != pct)
			pct = 0.0;	/* nothing assessed: nothing covered */
		if (pct + 1e-9 < q->percent) {
			ismc_diag_error(&r->c.diag, ISMC_NO_SPAN, "coverage of "
			    "%s is %.1f%% (%s policy), %.1f points below the "
			    "required %s%%", g->fw->catalog->id, pct,
			    ismc_gap_policy_name(ir->gap->policy),
			    q->percent - pct, q->floor);
			r->gate_errors++;
		}
	}
}

static int
run_explain(const struct ismc_options *o)
{
	struct run r;
	const char *colon = strchr(o->explain, ':');
	char *fw;

	run_init(&r, o);
	run_compile(&r, o, o->specs, o->nspecs);
	if (r.ir != NULL && r.c.diag.errors == 0) {
		fw = ismc_arena_strndup(&r.c.arena, o->explain,
		    (size_t)(colon - o->explain));
		if (r.ir->gap == NULL)
			ismc_gap_analyse(&r.c, r.ir,
			    (enum ismc_gap_policy)o->coverage);
		if (!ismc_explain_print(r.ir, fw, colon + 1, o->out))
			ismc_diag_error(&r.c.diag, ISMC_NO_SPAN, "no "
			    "requirement '%s' in the frameworks this spec "
			    "uses", o->explain);
	}
	return run_finish(&r);
}

/* Writes the comparison; returns whether anything changed. */
static bool
print_diff(struct run *old, struct run *new, const struct ismc_options *o)
{
	struct ismc_report *r = ismc_diff_build(old->ir, new->ir,
	    o->diff_names[0], o->diff_names[1], &new->c.arena);
	struct ismc_buf b;

	ismc_buf_init(&b);
	if (o->diff_json)
		ismc_emit_json(r, &b);
	else
		ismc_diff_md(r, &b);
	fwrite(b.data, 1, b.len, o->out);
	ismc_buf_free(&b);
	return ismc_diff_changed(r);
}

/*
 * As diff(1): 0 when nothing changed, 1 when something did, 2 for
 * trouble, which includes errors in either spec (nothing is compared).
 */
static int
run_diff(const struct ismc_options *o)
{
	struct run old, new;
	bool changed = false;
	int s1, s2;

	run_init(&old, o);
	run_init(&new, o);
	run_compile(&old, o, o->specs, o->diff_nold);
	run_compile(&new, o, o->specs + o->diff_nold,
	    o->nspecs - o->diff_nold);
	if (old.ir != NULL && new.ir != NULL && old.c.diag.errors == 0 &&
	    new.c.diag.errors == 0)
		changed = print_diff(&old, &new, o);
	s1 = run_finish(&old);
	s2 = run_finish(&new);
	if (s1 != ISMC_EXIT_OK || s2 != ISMC_EXIT_OK)
		return ISMC_EXIT_DIFF_TROUBLE;
	return changed ? ISMC_EXIT_DIFF_CHANGED : ISMC_EXIT_DIFF_SAME;
}

/* --print-search-path: the catalog directories, one a line, in order. */
static int
print_search_path(const struct ismc_options *o)
{
	struct run r;
	size_t i;

	run_init(&r, o);
	for (i = 0; i < r.c.nsearch; i++)
		fprintf(o->out, "%s\n", r.c.search_path[i]);
	return run_finish(&r);
}

int
ismc_driver_run(const struct ismc_options *o)
{
	struct ismc_progress progress;
	struct run r;

	if (o->print_search_path)
		return print_search_path(o);
	if (o->command == ISMC_CMD_EXPLAIN)
		return run_explain(o);
	if (o->command == ISMC_CMD_DIFF)
		return run_diff(o);
	run_init(&r, o);
	/* Machine-readable diagnostics on standard error leave it to
	 * them, unless --progress insists. */
	ismc_progress_init(&progress, o->err, o->diag_format ==
	    ISMC_DIAG_TEXT || o->progress != ISMC_PROGRESS_AUTO ?
	    (enum ismc_progress_mode)o->progress : ISMC_PROGRESS_NEVER);
	r.c.diag.progress = &progress;
	check_catalogs(&r.c, o);
	run_compile(&r, o, o->specs, o->nspecs);
	if (r.ir != NULL && r.c.diag.errors == 0 && o->nrequires > 0)
		check_requirements(&r, o);
	/* A missed floor still writes the reports: they show the gaps. */
	if (o->command == ISMC_CMD_BUILD && r.c.diag.errors == r.gate_errors &&
	    r.ir != NULL && !r.io_failed) {
		ismc_inputs_digest(&r.c, r.ir);
		build_outputs(&r.c, o, r.ir, &r.io_failed);
	}
	/* After the outputs: a depfile names a build that happened. */
	if (o->depfile_on && r.c.diag.errors == r.gate_errors &&
	    !r.io_failed && !ismc_depfile_write(o->depfile, o->dep_targets,
	    o->ndep_targets, &r.c.sources, o->dep_phony, &r.c.diag))
		r.io_failed = true;
	return run_finish(&r);
}
