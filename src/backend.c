/*
 * backend.c - the registry of reports, charts and renderers, and the loop
 * that turns a finished IR into files.
 *
 * The three tables below are the whole list of what `ismc build` can
 * write; their order is the order of the files, of the PDF's charts and
 * of --format's help. Each row is defined in the file that implements it.
 */
#include <config.h>

#include "backend.h"

#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "catalog.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "coverage.h"
#include "date.h"
#include "diag.h"
#include "ir.h"
#include "outdir.h"
#include "progress.h"
#include "xalloc.h"

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* ---- the registry ------------------------------------------------------ */

extern const struct ismc_report_def ismc_report_soa_def;
extern const struct ismc_report_def ismc_report_clauses_def;
extern const struct ismc_report_def ismc_report_risks_def;
extern const struct ismc_report_def ismc_report_kpis_def;
extern const struct ismc_report_def ismc_report_findings_def;
extern const struct ismc_report_def ismc_report_review_def;
extern const struct ismc_report_def ismc_report_gap_def;
extern const struct ismc_report_def ismc_report_coverage_def;
extern const struct ismc_report_def ismc_report_remediation_def;
extern const struct ismc_report_def ismc_report_trace_def;
extern const struct ismc_report_def ismc_report_roadmap_def;
extern const struct ismc_report_def ismc_report_inputs_def;
extern const struct ismc_report_def ismc_report_readiness_def;
extern const struct ismc_report_def ismc_report_isms_def;
extern const struct ismc_report_def ismc_report_frameworks_def;
extern const struct ismc_report_def ismc_report_audits_def;
extern const struct ismc_report_def ismc_report_scales_def;
extern const struct ismc_report_def ismc_report_bands_def;
extern const struct ismc_report_def ismc_report_heatmap_def;

static const struct ismc_report_def *const report_table[] = {
	&ismc_report_soa_def,
	&ismc_report_clauses_def,
	&ismc_report_risks_def,
	&ismc_report_kpis_def,
	&ismc_report_findings_def,
	&ismc_report_review_def,
	&ismc_report_readiness_def,
	&ismc_report_gap_def,
	&ismc_report_coverage_def,
	&ismc_report_remediation_def,
	&ismc_report_trace_def,
	&ismc_report_roadmap_def,
	&ismc_report_inputs_def,
	/* Internal: read by the documents and charts, never written. */
	&ismc_report_isms_def,
	&ismc_report_frameworks_def,
	&ismc_report_audits_def,
	&ismc_report_scales_def,
	&ismc_report_bands_def,
	&ismc_report_heatmap_def,
};

extern const struct ismc_chart_def ismc_chart_risk_def;
extern const struct ismc_chart_def ismc_chart_coverage_def;
extern const struct ismc_chart_def ismc_chart_kpi_def;
extern const struct ismc_chart_def ismc_chart_timeline_def;

static const struct ismc_chart_def *const chart_table[] = {
	&ismc_chart_risk_def,
	&ismc_chart_coverage_def,
	&ismc_chart_kpi_def,
	&ismc_chart_timeline_def,
};

extern const struct ismc_renderer ismc_render_csv;
extern const struct ismc_renderer ismc_render_md;
extern const struct ismc_renderer ismc_render_json;
extern const struct ismc_renderer ismc_render_png;
extern const struct ismc_renderer ismc_render_svg;
extern const struct ismc_renderer ismc_render_dl;
extern const struct ismc_renderer ismc_render_pdf;
extern const struct ismc_renderer ismc_render_oscal;
extern const struct ismc_renderer ismc_render_xlsx;
extern const struct ismc_renderer ismc_render_html;

static const struct ismc_renderer *const renderer_table[] = {
	&ismc_render_csv,
	&ismc_render_md,
	&ismc_render_json,
	&ismc_render_png,
	&ismc_render_svg,
	&ismc_render_dl,
	&ismc_render_pdf,
	&ismc_render_oscal,
	&ismc_render_xlsx,
	&ismc_render_html,
};

/* ---- the outputs of one build ------------------------------------------ */

struct built_report {
	const struct ismc_report_def	*def;
	const struct ismc_ir_framework	*fw;
	const struct ismc_report	*table;	/* NULL: does not apply */
};

struct built_chart {
	const struct ismc_chart_def	*def;
	const struct ismc_dl		*dl;
};

struct ismc_outputs {
	const struct ismc_ir		*ir;
	struct ismc_arena		*a;
	struct built_report		*reports;	/* heap */
	size_t				 nreports, reports_cap;
	struct built_chart		 charts[NELEM(chart_table)];
	const struct ismc_coverage	*coverage;	/* gap analysis */
	const struct ismc_coverage	*soa_coverage;
	struct ismc_text_metrics	*metrics;	/* pango's, or NULL */
	bool				 metrics_tried;
	struct ismc_diag		*diag;		/* borrowed; may be NULL */
};

struct ismc_outputs *
ismc_outputs_new(const struct ismc_ir *ir, struct ismc_arena *a)
{
	struct ismc_outputs *o;

	o = ismc_xcalloc(1, sizeof *o);
	o->ir = ir;
	o->a = a;
	return o;
}

void
ismc_outputs_free(struct ismc_outputs *o)
{
	if (o == NULL)
		return;
	ismc_pango_metrics_free(o->metrics);
	free(o->reports);
	free(o);
}

const struct ismc_ir *
ismc_outputs_ir(const struct ismc_outputs *o)
{
	return o->ir;
}

struct ismc_arena *
ismc_outputs_arena(const struct ismc_outputs *o)
{
	return o->a;
}

struct ismc_diag *
ismc_outputs_diag(const struct ismc_outputs *o)
{
	return o->diag;
}

const struct ismc_report *
ismc_outputs_report(struct ismc_outputs *o, const struct ismc_report_def *def,
    const struct ismc_ir_framework *fw)
{
	struct built_report *b;
	size_t i;

	/* A build has a few dozen tables at most: a scan is enough. */
	for (i = 0; i < o->nreports; i++)
		if (o->reports[i].def == def && o->reports[i].fw == fw)
			return o->reports[i].table;
	if (o->nreports == o->reports_cap) {
		o->reports_cap = o->reports_cap != 0 ? o->reports_cap * 2 : 16;
		o->reports = ismc_xreallocarray(o->reports, o->reports_cap,
		    sizeof *o->reports);
	}
	b = &o->reports[o->nreports++];
	b->def = def;
	b->fw = fw;
	b->table = def->scope == ISMC_SCOPE_BUILD ? def->build(o->ir, o->a) :
	    def->build_fw(o->ir, fw, o->a);
	return b->table;
}

const struct ismc_report *
ismc_outputs_fw_report(struct ismc_outputs *o,
    const struct ismc_report_def *def, size_t fw)
{
	if (fw >= o->ir->nframeworks)
		return NULL;
	return ismc_outputs_report(o, def, &o->ir->frameworks[fw]);
}

const struct ismc_coverage *
ismc_outputs_coverage(struct ismc_outputs *o)
{
	if (o->coverage == NULL)
		o->coverage = ismc_coverage_from_ir(o->ir, o->a);
	return o->coverage;
}

const struct ismc_coverage *
ismc_outputs_soa_coverage(struct ismc_outputs *o)
{
	if (o->soa_coverage == NULL)
		o->soa_coverage = ismc_coverage_from_soa(o->ir, o->a);
	return o->soa_coverage;
}

const struct ismc_text_metrics *
ismc_outputs_metrics(struct ismc_outputs *o)
{
	if (!o->metrics_tried) {
		o->metrics = ismc_pango_metrics_new();
		o->metrics_tried = true;
	}
	return o->metrics;
}

const struct ismc_dl *
ismc_outputs_chart(struct ismc_outputs *o, const struct ismc_chart_def *def)
{
	struct ismc_chart_opts opts = { .width = ISMC_CHART_WIDTH };
	size_t i;

	for (i = 0; i < NELEM(chart_table); i++) {
		if (o->charts[i].def == def)
			return o->charts[i].dl;
		if (o->charts[i].def != NULL)
			continue;
		opts.metrics = ismc_outputs_metrics(o);	/* NULL: estimate */
		o->charts[i].def = def;
		o->charts[i].dl = def->layout(o, &opts);
		return o->charts[i].dl;
	}
	return def->layout(o, &opts);	/* not registered: not kept */
}

int64_t
ismc_outputs_epoch(const struct ismc_outputs *o)
{
	const struct ismc_ir *ir = o->ir;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long v;

	if (sde != NULL && *sde != '\0') {
		errno = 0;
		v = strtoll(sde, &end, 10);
		/* The reproducible-builds spec: a decimal count of seconds;
		 * anything else is ignored rather than guessed at. */
		if (errno == 0 && *end == '\0' && v >= 0 &&
		    v <= (long long)INT64_MAX / 2)
			return v;
	}
	if (ir->isms.has_date)
		return (int64_t)ismc_date_to_days(ir->isms.date) * 86400;
	return 0;
}

void
ismc_outputs_datetime(const struct ismc_outputs *o, char *buf, size_t size)
{
	time_t t = (time_t)ismc_outputs_epoch(o);
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(buf, size, "1970-01-01T00:00:00Z");
}

/* ---- running the registry ---------------------------------------------- */

struct run {
	struct ismc_outputs	*out;
	struct ismc_diag	*d;
	const struct ismc_render_opts *opts;
	const char *const	*formats;
	size_t			 nformats;
	ismc_backend_sink	*put;
	void			*ctx;
};

static bool
wanted(const struct run *run, const struct ismc_renderer *r)
{
	size_t i;

	if (run->nformats == 0)
		return !r->on_request;
	for (i = 0; i < run->nformats; i++)
		if (strcmp(run->formats[i], r->format) == 0)
			return true;
	return false;
}

/* Renders one file as stem.ext and hands it to the sink. */
static bool
write_one(const struct run *run, const struct ismc_renderer *r,
    const struct ismc_render_job *job, const char *stem)
{
	struct ismc_buf b;
	const char *name, *why;
	bool ok;

	name = ismc_arena_printf(run->out->a, "%s.%s", stem, r->ext);
	ismc_progress_stage(run->opts->progress, "writing %s", name);
	ismc_buf_init(&b);
	why = NULL;
	if (r->table != NULL)
		r->table(job->report, &b);
	else
		why = r->render(job, &b);
	if (why != NULL) {
		ismc_diag_error(run->d, ISMC_NO_SPAN, "cannot render '%s': %s",
		    name, why);
		ok = false;
	} else
		ok = run->put(run->ctx, name, &b);
	ismc_buf_free(&b);
	return ok;
}

bool
ismc_outputs_each_report(struct ismc_outputs *o, ismc_report_visitor *fn,
    void *ctx)
{
	const struct ismc_ir_framework *fw;
	const struct ismc_report_def *def;
	const struct ismc_report *r;
	size_t i, j;

	for (i = 0; i < NELEM(report_table); i++) {
		def = report_table[i];
		if (def->internal)
			continue;
		for (j = 0; j < (def->scope == ISMC_SCOPE_BUILD ? 1 :
		    o->ir->nframeworks); j++) {
			fw = def->scope == ISMC_SCOPE_BUILD ? NULL :
			    &o->ir->frameworks[j];
			if (def->scope == ISMC_SCOPE_CONTROLS &&
			    !ismc_catalog_is_controls(fw->catalog))
				continue;
			if ((r = ismc_outputs_report(o, def, fw)) == NULL)
				continue;	/* the report does not apply */
			if (!fn(ctx, fw == NULL ? def->name :
			    ismc_arena_printf(o->a, "%s-%s", def->name,
			    fw->catalog->id), r))
				return false;
		}
	}
	return true;
}

/* Writes one report in every report format wanted. */
static bool
write_report(void *ctx, const char *stem, const struct ismc_report *r)
{
	const struct run *run = ctx;
	struct ismc_render_job job = { .outputs = run->out,
	    .opts = run->opts, .report = r };
	size_t i;

	for (i = 0; i < NELEM(renderer_table); i++) {
		if (renderer_table[i]->scope != ISMC_RENDER_REPORT ||
		    !wanted(run, renderer_table[i]))
			continue;
		if (!write_one(run, renderer_table[i], &job, stem))
			return false;
	}
	return true;
}

static bool
write_reports(const struct run *run)
{
	return ismc_outputs_each_report(run->out, write_report, (void *)run);
}

static bool
any_wanted(const struct run *run, enum ismc_render_scope scope)
{
	size_t i;

	for (i = 0; i < NELEM(renderer_table); i++)
		if (renderer_table[i]->scope == scope &&
		    wanted(run, renderer_table[i]))
			return true;
	return false;
}

static bool
write_charts(const struct run *run)
{
	struct ismc_render_job job = { .outputs = run->out,
	    .opts = run->opts };
	const struct ismc_renderer *r;
	size_t i, j;

	if (!any_wanted(run, ISMC_RENDER_CHART))
		return true;		/* no layout for nothing */
	for (i = 0; i < NELEM(chart_table); i++) {
		/* NULL: the chart does not apply (no roadmap). */
		if ((job.chart = ismc_outputs_chart(run->out,
		    chart_table[i])) == NULL)
			continue;
		for (j = 0; j < NELEM(renderer_table); j++) {
			r = renderer_table[j];
			if (r->scope != ISMC_RENDER_CHART || !wanted(run, r))
				continue;
			if (!write_one(run, r, &job, chart_table[i]->name))
				return false;
		}
	}
	return true;
}

static bool
write_documents(const struct run *run)
{
	struct ismc_render_job job = { .outputs = run->out,
	    .opts = run->opts };
	const struct ismc_renderer *r;
	size_t i;

	for (i = 0; i < NELEM(renderer_table); i++) {
		r = renderer_table[i];
		if (r->scope != ISMC_RENDER_DOCUMENT || !wanted(run, r) ||
		    (r->applies != NULL && !r->applies(run->out)))
			continue;
		if (!write_one(run, r, &job, r->stem))
			return false;
	}
	return true;
}

bool
ismc_backend_run(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_diag *d, const struct ismc_render_opts *opts,
    const char *const *formats, size_t nformats,
    ismc_backend_sink *put, void *ctx)
{
	static const struct ismc_render_opts defaults;
	struct run run;
	bool ok;

	run.out = ismc_outputs_new(ir, a);
	run.out->diag = d;
	run.d = d;
	run.opts = opts != NULL ? opts : &defaults;
	run.formats = formats;
	run.nformats = nformats;
	run.put = put;
	run.ctx = ctx;
	/* I/O errors are the sink's to report (an outdir through its
	 * engine), rendering errors go through `d`. */
	ok = write_reports(&run) && write_charts(&run) &&
	    write_documents(&run);
	ismc_outputs_free(run.out);
	return ok;
}

static bool
outdir_put(void *od, const char *name, const struct ismc_buf *b)
{
	return ismc_outdir_add(od, name, b);
}

bool
ismc_backend_run_dir(const struct ismc_ir *ir, struct ismc_arena *a,
    struct ismc_diag *d, const struct ismc_render_opts *opts,
    const char *const *formats, size_t nformats,
    struct ismc_outdir *od)
{
	return ismc_backend_run(ir, a, d, opts, formats, nformats, outdir_put,
	    od);
}

bool
ismc_backend_format_known(const char *name)
{
	size_t i;

	for (i = 0; i < NELEM(renderer_table); i++)
		if (strcmp(renderer_table[i]->format, name) == 0)
			return true;
	return false;
}

const char *
ismc_backend_format_list(void)
{
	static char list[256];
	size_t i, n = 0;

	if (list[0] != '\0')
		return list;
	for (i = 0; i < NELEM(renderer_table); i++)
		n += (size_t)snprintf(list + n, sizeof list - n, "%s%s",
		    i > 0 ? ", " : "", renderer_table[i]->format);
	return list;
}
