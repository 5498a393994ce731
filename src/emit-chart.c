/*
 * emit-chart.c - charts as files: PNG and SVG drawn by the one painter
 * (chart-paint.h) on a surface of each kind, and the display-list dump.
 *
 * Each exports its row of the renderer registry (backend.h); a chart is
 * laid out once per build and drawn once per format.
 */
#include <config.h>

#include <stddef.h>

#include <cairo.h>

#include "backend.h"
#include "buf.h"
#include "chart-layout.h"
#include "chart-paint.h"
#include "chart-surface.h"

static cairo_status_t
draw(cairo_t *cr, void *dl)
{
	return ismc_chart_paint(cr, dl, true);
}

static const char *
render_surface(enum ismc_surface_kind kind, const struct ismc_dl *dl,
    struct ismc_buf *out)
{
	cairo_status_t st;

	st = ismc_surface_render(kind, dl->width, dl->height, NULL, draw,
	    (void *)dl, out);
	return st == CAIRO_STATUS_SUCCESS ? NULL : cairo_status_to_string(st);
}

static const char *
render_png(const struct ismc_render_job *job, struct ismc_buf *out)
{
	return render_surface(ISMC_SURFACE_PNG, job->chart, out);
}

static const char *
render_svg(const struct ismc_render_job *job, struct ismc_buf *out)
{
	return render_surface(ISMC_SURFACE_SVG, job->chart, out);
}

static const char *
render_dl(const struct ismc_render_job *job, struct ismc_buf *out)
{
	ismc_dl_dump(job->chart, out);
	return NULL;
}

const struct ismc_renderer ismc_render_png = {
	.format = "png",
	.ext = "png",
	.scope = ISMC_RENDER_CHART,
	.render = render_png,
};

const struct ismc_renderer ismc_render_svg = {
	.format = "svg",
	.ext = "svg",
	.scope = ISMC_RENDER_CHART,
	.render = render_svg,
};

/* Only on request: a debugging and testing aid, not a deliverable. */
const struct ismc_renderer ismc_render_dl = {
	.format = "dl",
	.ext = "dl.txt",
	.scope = ISMC_RENDER_CHART,
	.on_request = true,
	.render = render_dl,
};
