/*
 * main.c - the ismc command line: options in, exit status out.
 */
#include <config.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "date.h"
#include "driver.h"
#include "emit.h"
#include "gap.h"
#include "xalloc.h"

static const char usage_text[] =
"usage: ismc check [options] SPEC...\n"
"       ismc build [options] SPEC... -o DIR\n"
"       ismc explain [options] FRAMEWORK:REQUIREMENT SPEC...\n"
"       ismc diff [options] OLD-SPEC NEW-SPEC\n"
"       ismc --help | --version\n"
"\n"
"Compiles ISMS specifications (*.isms) and reports problems; 'build' also\n"
"writes the Statement of Applicability, the risk register, gap analyses,\n"
"charts and the auditor's PDF to DIR. 'explain' shows how one requirement\n"
"is or is not met; 'diff' summarises what changed between two specs.\n"
"\n"
"Options:\n"
"  -o DIR                  output directory for 'build' (created if missing)\n"
"  --format=LIST           only these output formats: csv, md, json, png,\n"
"                          svg, pdf (comma-separated; default: all)\n"
"  -I DIR                  look for framework catalogs in DIR first\n"
"  --catalog FILE          load and check one catalog file\n"
"  --texts FILE            full requirement texts from a file you licensed,\n"
"                          shown in the SoA (doc/catalog-format.md)\n"
"  --coverage=POLICY       strict (set-theory, the default) or all-mapped\n"
"                          (met when every mapped control is implemented)\n"
"  --require FW>=N%        fail (exit 1) when FW's full coverage is below N%\n"
"  --as-of DATE            judge deadlines and evidence validity as of DATE\n"
"                          (YYYY-MM-DD; default: the spec's own date)\n"
"  -Werror                 treat warnings as errors\n"
"  -w                      do not report warnings\n"
"  --max-errors=N          stop after N errors (default 50, 0 = no limit)\n"
"  --diagnostics=plain     no source line or caret under messages\n"
"  --color=auto|always|never\n"
"                          colour diagnostics (auto: on a terminal unless\n"
"                          NO_COLOR is set)\n"
"  --dump-tokens           print the token stream of each file\n"
"  --dump-ast              print the syntax tree of each file\n"
"  --dump-ir               print the resolved IR\n"
"  -h, --help              show this help\n"
"  --version               show the version\n"
"\n"
"Outputs of 'build': soa-<framework>, risks, kpis, findings, review,\n"
"gap-<framework>, remediation-<framework> and traceability as .csv, .md and\n"
".json; heatmap-risk, heatmap-coverage and kpi charts as .png and .svg;\n"
"report.pdf.\n"
"Environment: ISMC_PATH (catalog directories, colon-separated), NO_COLOR,\n"
"SOURCE_DATE_EPOCH (the PDF's date; default: the spec's date).\n"
"Exit status: 0 success, 1 errors in the input, 2 usage or I/O errors.\n"
"See ismc(1) and doc/language.md.\n";

static int usage_error(const char *, ...)
    __attribute__((format(printf, 1, 2)));

static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("ismc: error: ", stderr);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nTry 'ismc --help' for more information.\n", stderr);
	return 2;
}

static const char **
push(const char **list, size_t *n, const char *s)
{
	list = ismc_xreallocarray(list, *n + 1, sizeof *list);
	list[(*n)++] = s;
	return list;
}

/* Value of "--name=value" or "--name value"; advances *i for the latter. */
static const char *
option_value(int argc, char **argv, int *i, const char *name)
{
	size_t len = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, len) != 0)
		return NULL;
	if (a[len] == '=')
		return a + len + 1;
	if (a[len] == '\0' && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

static int
parse_max_errors(struct ismc_options *o, const char *v)
{
	char *end;
	unsigned long n = strtoul(v, &end, 10);

	if (*v == '\0' || *end != '\0' || n > 1000000)
		return usage_error("invalid --max-errors value '%s'", v);
	o->max_errors = (unsigned)n;
	return 0;
}

static int
parse_as_of(struct ismc_options *o, const char *v)
{
	switch (ismc_date_parse(v, strlen(v), &o->as_of)) {
	case ISMC_DATE_OK:
		o->has_as_of = true;
		return 0;
	case ISMC_DATE_INVALID:
		return usage_error("invalid --as-of date '%s' (no such day)",
		    v);
	case ISMC_DATE_SHAPE:
		break;
	}
	return usage_error("invalid --as-of date '%s' (use YYYY-MM-DD, "
	    "as in specs)", v);
}

/* --format pdf,csv: a comma-separated list, the option repeatable. */
static int
parse_formats(struct ismc_options *o, const char *v)
{
	const char *p = v, *comma;
	char *f;

	while (*p != '\0') {
		comma = strchr(p, ',');
		f = strndup(p, comma ? (size_t)(comma - p) : strlen(p));
		if (f == NULL)
			ismc_out_of_memory();
		if (!ismc_emit_format_known(f)) {
			usage_error("unknown --format '%s' (use csv, md, json, "
			    "png, svg or pdf)", f);
			free(f);
			return 2;
		}
		o->formats = push(o->formats, &o->nformats, f);
		p = comma ? comma + 1 : p + strlen(p);
	}
	return 0;
}

static int
parse_require(struct ismc_options *o, const char *v)
{
	const char *ge = strstr(v, ">=");
	struct ismc_requirement *q;
	char *end;
	double pct;

	if (ge == NULL || ge == v)
		return usage_error("invalid --require '%s' (use FRAMEWORK>=N%%, "
		    "e.g. dora>=80%%)", v);
	pct = strtod(ge + 2, &end);
	if (end == ge + 2 || (*end != '\0' && strcmp(end, "%") != 0) ||
	    pct < 0 || pct > 100)
		return usage_error("invalid --require '%s' (use FRAMEWORK>=N%%, "
		    "e.g. dora>=80%%)", v);
	o->requires = ismc_xreallocarray(o->requires, o->nrequires + 1,
	    sizeof *o->requires);
	q = &o->requires[o->nrequires++];
	q->framework = strndup(v, (size_t)(ge - v));
	if (q->framework == NULL)
		ismc_out_of_memory();
	q->percent = pct;
	q->spelling = v;
	return 0;
}

static int
parse_option(struct ismc_options *o, int argc, char **argv, int *i)
{
	const char *a = argv[*i], *v;

	if (strcmp(a, "-Werror") == 0)
		o->werror = true;
	else if (strcmp(a, "-w") == 0)
		o->no_warnings = true;
	else if (strcmp(a, "--dump-tokens") == 0)
		o->dump_tokens = true;
	else if (strcmp(a, "--dump-ast") == 0)
		o->dump_ast = true;
	else if (strcmp(a, "--dump-ir") == 0)
		o->dump_ir = true;
	else if (strncmp(a, "-o", 2) == 0 && a[2] != '\0')
		o->outdir = a + 2;
	else if (strcmp(a, "-o") == 0 && *i + 1 < argc)
		o->outdir = argv[++*i];
	else if (strncmp(a, "-I", 2) == 0 && a[2] != '\0')
		o->include_dirs = push(o->include_dirs, &o->ninclude_dirs, a + 2);
	else if (strcmp(a, "-I") == 0 && *i + 1 < argc)
		o->include_dirs = push(o->include_dirs, &o->ninclude_dirs,
		    argv[++*i]);
	else if ((v = option_value(argc, argv, i, "--texts")) != NULL)
		o->texts = push(o->texts, &o->ntexts, v);
	else if ((v = option_value(argc, argv, i, "--catalog")) != NULL)
		o->catalogs = push(o->catalogs, &o->ncatalogs, v);
	else if ((v = option_value(argc, argv, i, "--max-errors")) != NULL ||
	    (v = option_value(argc, argv, i, "-fmax-errors")) != NULL)
		return parse_max_errors(o, v);
	else if ((v = option_value(argc, argv, i, "--format")) != NULL)
		return parse_formats(o, v);
	else if ((v = option_value(argc, argv, i, "--require")) != NULL)
		return parse_require(o, v);
	else if ((v = option_value(argc, argv, i, "--coverage")) != NULL) {
		enum ismc_gap_policy p;

		if (!ismc_gap_policy_parse(v, &p))
			return usage_error("unknown --coverage policy '%s' (use "
			    "strict or all-mapped)", v);
		o->coverage = (int)p;
	} else if ((v = option_value(argc, argv, i, "--as-of")) != NULL)
		return parse_as_of(o, v);
	else if ((v = option_value(argc, argv, i, "--diagnostics")) != NULL) {
		if (strcmp(v, "plain") == 0)
			o->plain = true;
		else if (strcmp(v, "fancy") == 0)
			o->plain = false;
		else
			return usage_error("unknown --diagnostics style '%s' "
			    "(use plain or fancy)", v);
	} else if ((v = option_value(argc, argv, i, "--color")) != NULL) {
		if (strcmp(v, "auto") == 0)
			o->color = ISMC_COLOR_AUTO;
		else if (strcmp(v, "always") == 0)
			o->color = ISMC_COLOR_ALWAYS;
		else if (strcmp(v, "never") == 0)
			o->color = ISMC_COLOR_NEVER;
		else
			return usage_error("unknown --color mode '%s' (use "
			    "auto, always or never)", v);
	} else
		return usage_error("unknown or incomplete option '%s'", a);
	return 0;
}

int
main(int argc, char **argv)
{
	static char errbuf[BUFSIZ];
	struct ismc_options o;
	int i, status;

	/* Unbuffered, stderr costs a write(2) per fragment of each message:
	 * a million errors would take a minute. One per line is enough. */
	setvbuf(stderr, errbuf, _IOLBF, sizeof errbuf);
	ismc_options_init(&o);
	if (argc < 2)
		return usage_error("%s", "no command given (check, build, explain or diff)");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		fputs(usage_text, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("ismc %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "check") == 0)
		o.command = ISMC_CMD_CHECK;
	else if (strcmp(argv[1], "build") == 0)
		o.command = ISMC_CMD_BUILD;
	else if (strcmp(argv[1], "explain") == 0)
		o.command = ISMC_CMD_EXPLAIN;
	else if (strcmp(argv[1], "diff") == 0)
		o.command = ISMC_CMD_DIFF;
	else
		return usage_error("unknown command '%s' (use check, build, "
		    "explain or diff)", argv[1]);
	for (i = 2; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 ||
		    strcmp(argv[i], "--help") == 0) {
			fputs(usage_text, stdout);
			return 0;
		}
		if (strcmp(argv[i], "--") == 0) {
			while (++i < argc)
				o.specs = push(o.specs, &o.nspecs, argv[i]);
			break;
		}
		if (argv[i][0] == '-' && argv[i][1] != '\0') {
			if ((status = parse_option(&o, argc, argv, &i)) != 0)
				goto out;
			continue;
		}
		o.specs = push(o.specs, &o.nspecs, argv[i]);
	}
	status = 2;
	if (o.command == ISMC_CMD_EXPLAIN && o.nspecs > 0) {
		o.explain = o.specs[0];
		o.specs++;
		o.nspecs--;
	}
	if (o.command == ISMC_CMD_EXPLAIN && (o.explain == NULL ||
	    strchr(o.explain, ':') == NULL))
		usage_error("%s", "'explain' needs FRAMEWORK:REQUIREMENT, e.g. "
		    "dora:17.1, before the spec files");
	else if (o.command == ISMC_CMD_DIFF && o.nspecs != 2)
		usage_error("%s", "'diff' needs two spec files: the old and the "
		    "new");
	else if (o.nspecs == 0 && o.ncatalogs == 0)
		usage_error("%s", "no spec files given");
	else if (o.command == ISMC_CMD_BUILD && o.outdir == NULL)
		usage_error("%s", "'build' needs an output directory (-o DIR)");
	else if (o.command == ISMC_CMD_BUILD && o.nspecs == 0)
		usage_error("%s", "'build' needs at least one spec file");
	else
		status = ismc_driver_run(&o);
out:
	if (o.explain != NULL)
		o.specs--;
	free(o.specs);
	while (o.nrequires > 0)
		free((char *)o.requires[--o.nrequires].framework);
	free(o.requires);
	while (o.nformats > 0)
		free((char *)o.formats[--o.nformats]);
	free(o.formats);
	free(o.catalogs);
	free(o.texts);
	free(o.include_dirs);
	return status;
}
