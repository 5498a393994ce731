/*
 * cli.c - the command line, GNU style: getopt_long with abbreviations,
 * options and operands in any order, `--` to end options, and GCC's
 * spellings for the compiler options (-Werror, -w, -fmax-errors=N).
 *
 * Each option is one row of `options`, naming the commands that take it;
 * the getopt tables of a command and its --help are built from the rows.
 */
#include <config.h>

#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "backend.h"
#include "date.h"
#include "diag.h"
#include "gap.h"
#include "number.h"
#include "progress.h"
#include "suggest.h"
#include "xalloc.h"

/* ---- the commands ------------------------------------------------------ */

enum {
	C_CHECK		= 1 << 0,
	C_BUILD		= 1 << 1,
	C_EXPLAIN	= 1 << 2,
	C_DIFF		= 1 << 3,
	C_HELP		= 1 << 4,
	C_FMT		= 1 << 5,
};
#define C_COMPILE	(C_CHECK | C_BUILD | C_EXPLAIN | C_DIFF)
#define C_ALL		(C_COMPILE | C_FMT | C_HELP)
#define C_DIAG		(C_COMPILE | C_FMT)	/* report diagnostics */

struct cli_command {
	const char		*name;
	unsigned		 bit;
	enum ismc_command	 command;
	const char		*operands;	/* synopsis after [options] */
	const char		*summary;	/* for the list of commands */
	const char		*about;		/* for COMMAND --help */
};

static const struct cli_command commands[] = {
	{ "check", C_CHECK, ISMC_CMD_CHECK, "SPEC...",
	  "report problems in the specs; write nothing",
	  "Compiles the specs and reports every problem found, as a C compiler\n"
	  "does; writes no outputs. With --require, also gates on coverage." },
	{ "build", C_BUILD, ISMC_CMD_BUILD, "SPEC... -o DIR",
	  "also write the reports, charts and PDF into DIR",
	  "Compiles the specs and writes the Statement of Applicability, the\n"
	  "risk register, KPIs, findings, gap analyses, charts and the\n"
	  "auditor's PDF into DIR. A build that fails leaves DIR as it was." },
	{ "explain", C_EXPLAIN, ISMC_CMD_EXPLAIN,
	  "FRAMEWORK:REQUIREMENT SPEC...",
	  "show how one requirement is or is not met",
	  "Shows how one requirement, such as dora:28.3, is or is not covered,\n"
	  "and by which controls through which mapping rows." },
	{ "diff", C_DIFF, ISMC_CMD_DIFF, "OLD NEW",
	  "summarise what changed between two specs",
	  "Summarises what changed between two specs: risk totals, coverage\n"
	  "per framework, requirements, controls and risks, in Markdown or\n"
	  "JSON. OLD and NEW are each a spec file, or a directory whose\n"
	  "*.isms files form the spec. Exit status as diff(1): 0 no changes,\n"
	  "1 changes, 2 trouble (usage, I/O, or errors in either spec)." },
	{ "fmt", C_FMT, ISMC_CMD_FMT, "FILE...",
	  "rewrite spec files in the canonical layout",
	  "Rewrites each spec file in the canonical layout (indentation, one\n"
	  "item per line, aligned columns), keeping every comment; '-' reads\n"
	  "standard input and writes standard output. A file already in the\n"
	  "layout is left untouched. With --check, writes nothing and reports\n"
	  "each file that is not in the layout as an error (exit status 1)." },
	{ "help", C_HELP, ISMC_CMD_CHECK, "[COMMAND | warnings]",
	  "show the help of ismc, of one command, or the warning names",
	  "Shows the help of ismc, or of one command and its options; 'ismc\n"
	  "help warnings' lists the warnings that -W and -Wno- name." },
};
#define NCOMMANDS	(sizeof commands / sizeof *commands)

/* ---- the options ------------------------------------------------------- */

/* getopt values of options without a short letter. */
enum {
	OPT_FORMAT = 256,
	OPT_DIFF_FORMAT,
	OPT_CATALOG,
	OPT_TEXTS,
	OPT_COVERAGE,
	OPT_REQUIRE,
	OPT_AS_OF,
	OPT_MAX_ERRORS,
	OPT_DIAGNOSTICS,
	OPT_DIAGNOSTICS_FORMAT,
	OPT_COLOR,
	OPT_DUMP_TOKENS,
	OPT_DUMP_AST,
	OPT_DUMP_IR,
	OPT_VERSION,
	OPT_CHECK,
	OPT_SANDBOX,
	OPT_CSV_BOM,
	OPT_PROGRESS,
	OPT_NO_PROGRESS,
	OPT_PRINT_SEARCH_PATH,
};

struct cli_option {
	const char	*name;		/* long name without "--", or NULL */
	int		 key;		/* short letter, or an OPT_ value */
	int		 has_arg;	/* no_, required_ or optional_argument */
	const char	*arg;		/* the argument's name in the help */
	unsigned	 commands;	/* C_ bits of the commands taking it */
	const char	*help;		/* NULL: accepted, but not listed */
	const char	*synopsis;	/* the left column, when not derived
					 * from name, key and arg */
};

static const struct cli_option options[] = {
	{ "output", 'o', required_argument, "DIR", C_BUILD,
	  "output directory (created if missing)", NULL },
	{ "format", OPT_FORMAT, required_argument, "LIST", C_BUILD,
	  "only these output formats: csv, md, json, png,\n"
	  "svg, pdf, xlsx, html, dl, oscal (comma-\n"
	  "separated; default: all but dl, a text dump of\n"
	  "each chart's layout, and oscal, the mappings as an\n"
	  "OSCAL mapping collection, written when there is\n"
	  "one to map)", NULL },
	{ "csv-bom", OPT_CSV_BOM, no_argument, NULL, C_BUILD,
	  "start each CSV file with a UTF-8 byte order mark\n"
	  "(so spreadsheets do not guess another encoding)", NULL },
	{ "progress", OPT_PROGRESS, no_argument, NULL, C_CHECK | C_BUILD,
	  "name each stage on standard error, even where it\n"
	  "is no terminal (default: on a terminal outside CI,\n"
	  "once the run has taken about a second)", NULL },
	{ "no-progress", OPT_NO_PROGRESS, no_argument, NULL,
	  C_CHECK | C_BUILD, "never name the stages", NULL },
	{ NULL, 'M', required_argument, "D", C_CHECK | C_BUILD,
	  "write a make dependency file: every spec, include,\n"
	  "catalog, mapping set and texts file read", "-MD" },
	{ NULL, 'M', required_argument, "F FILE", C_CHECK | C_BUILD,
	  "its name (default for build: DIR.d); implies -MD", "-MF FILE" },
	{ NULL, 'M', required_argument, "T TARGET", C_CHECK | C_BUILD,
	  "the rule's target, repeatable (default for build:\n"
	  "DIR, whose time every build renews)", "-MT TARGET" },
	{ NULL, 'M', required_argument, "P", C_CHECK | C_BUILD,
	  "add an empty rule for each file read, so make does\n"
	  "not fail when one is deleted", "-MP" },
	{ "format", OPT_DIFF_FORMAT, required_argument, "FORMAT", C_DIFF,
	  "md (the default: a summary for a review comment)\n"
	  "or json (the report envelope of doc/outputs.md)", NULL },
	{ NULL, 'I', required_argument, "DIR", C_COMPILE,
	  "look for framework catalogs in DIR first", NULL },
	{ "catalog", OPT_CATALOG, required_argument, "FILE",
	  C_CHECK | C_BUILD, "load and check one catalog file", NULL },
	{ "texts", OPT_TEXTS, required_argument, "FILE",
	  C_CHECK | C_BUILD | C_EXPLAIN,
	  "full requirement texts from a file you licensed,\n"
	  "shown in the SoA (doc/catalog-format.md)", NULL },
	{ "sandbox", OPT_SANDBOX, optional_argument, "DIR", C_COMPILE,
	  "untrusted specs: read includes and mapping files\n"
	  "only from the specs' directories (or DIR) and the\n"
	  "catalog search path, and quote no line of a file\n"
	  "that is not a spec (doc/security.md)", NULL },
	{ "coverage", OPT_COVERAGE, required_argument, "POLICY", C_COMPILE,
	  "strict (set-theory, the default) or all-mapped\n"
	  "(met when every mapped control is implemented)", NULL },
	{ "require", OPT_REQUIRE, required_argument, "FW>=N%",
	  C_CHECK | C_BUILD,
	  "exit 3 when FW's full coverage is below N%\n"
	  "(the reports are still written)", NULL },
	{ "as-of", OPT_AS_OF, required_argument, "DATE", C_COMPILE,
	  "judge deadlines and evidence validity as of DATE\n"
	  "(YYYY-MM-DD; default: the spec's own date)", NULL },
	{ NULL, 'W', required_argument, "error", C_COMPILE,
	  "treat warnings as errors", "-Werror" },
	{ NULL, 'W', required_argument, "NAME", C_COMPILE,
	  "turn the warning NAME off or on (names: ismc(1))",
	  "-Wno-NAME, -WNAME" },
	{ NULL, 'W', required_argument, "error=NAME", C_COMPILE,
	  "make the warning NAME an error (-Wno-error=NAME:\n"
	  "keep it a warning under -Werror)", "-Werror=NAME" },
	{ NULL, 'w', no_argument, NULL, C_COMPILE,
	  "do not report warnings", NULL },
	{ "max-errors", OPT_MAX_ERRORS, required_argument, "N", C_DIAG,
	  "stop after N errors (default 50, 0 = no limit);\n"
	  "also -fmax-errors=N", NULL },
	{ NULL, 'f', required_argument, "max-errors=N", C_DIAG, NULL,
	  "-fmax-errors=N" },
	{ "diagnostics", OPT_DIAGNOSTICS, required_argument, "STYLE",
	  C_DIAG,
	  "plain: no source line or caret under messages;\n"
	  "fancy (the default): with them", NULL },
	{ "diagnostics-format", OPT_DIAGNOSTICS_FORMAT, required_argument,
	  "FORMAT", C_CHECK | C_BUILD | C_EXPLAIN | C_FMT,
	  "text (the default), json (as GCC's) or sarif\n"
	  "(SARIF 2.1.0), written to standard error", NULL },
	{ "color", OPT_COLOR, optional_argument, "WHEN", C_DIAG,
	  "colour diagnostics: auto (on a terminal unless\n"
	  "NO_COLOR is set; the default), always (the\n"
	  "default of a bare --color) or never", NULL },
	{ "print-search-path", OPT_PRINT_SEARCH_PATH, no_argument, NULL,
	  C_COMPILE, "print the catalog directories in the order they\n"
	  "are searched (-I, ISMC_PATH, the installed ones)", NULL },
	{ "dump-tokens", OPT_DUMP_TOKENS, no_argument, NULL,
	  C_CHECK | C_BUILD, "print the token stream of each file", NULL },
	{ "dump-ast", OPT_DUMP_AST, no_argument, NULL, C_CHECK | C_BUILD,
	  "print the syntax tree of each file", NULL },
	{ "dump-ir", OPT_DUMP_IR, no_argument, NULL, C_CHECK | C_BUILD,
	  "print the resolved IR", NULL },
	{ "check", OPT_CHECK, no_argument, NULL, C_FMT,
	  "write nothing; report each file not in the layout", NULL },
	{ "help", 'h', no_argument, NULL, C_ALL, "show this help", NULL },
	{ "version", OPT_VERSION, no_argument, NULL, C_ALL,
	  "show the version", NULL },
};
#define NOPTIONS	(sizeof options / sizeof *options)

/* ---- messages ---------------------------------------------------------- */

/* The command whose options are being read, for messages. */
static const struct cli_command *current;

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
	if (current != NULL && current->bit != C_HELP)
		fprintf(stderr, "\nTry 'ismc %s --help' for more information.\n",
		    current->name);
	else
		fputs("\nTry 'ismc --help' for more information.\n", stderr);
	return ISMC_EXIT_USAGE;
}

/* ---- help -------------------------------------------------------------- */

#define HELP_COLUMN	26

static void
option_synopsis(const struct cli_option *opt, char *buf, size_t size)
{
	char letter[8] = "";

	if (opt->key < 256)
		snprintf(letter, sizeof letter, "-%c%s", opt->key,
		    opt->name != NULL ? ", " : "");
	if (opt->synopsis != NULL)
		snprintf(buf, size, "%s", opt->synopsis);
	else if (opt->name == NULL)
		snprintf(buf, size, "%s%s%s", letter, opt->arg ? " " : "",
		    opt->arg ? opt->arg : "");
	else if (opt->has_arg == optional_argument)
		snprintf(buf, size, "%s--%s[=%s]", letter, opt->name, opt->arg);
	else
		snprintf(buf, size, "%s--%s%s%s", letter, opt->name,
		    opt->arg ? "=" : "", opt->arg ? opt->arg : "");
}

/* One row: the synopsis, then the help, its continuation lines aligned. */
static void
print_option(FILE *out, const struct cli_option *opt)
{
	char syn[64];
	const char *h = opt->help, *nl;
	int len;

	option_synopsis(opt, syn, sizeof syn);
	len = fprintf(out, "  %s", syn);
	if (len + 2 > HELP_COLUMN) {
		fputc('\n', out);
		len = 0;
	}
	for (;;) {
		nl = strchr(h, '\n');
		fprintf(out, "%*s%.*s\n", HELP_COLUMN - len, "",
		    nl ? (int)(nl - h) : (int)strlen(h), h);
		if (nl == NULL)
			break;
		h = nl + 1;
		len = 0;
	}
}

static void
print_options(FILE *out, unsigned bits)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if ((options[i].commands & bits) != 0 && options[i].help)
			print_option(out, &options[i]);
}

static const char trailer[] =
"Environment: ISMC_PATH (catalog directories, colon-separated), ISMC_DATADIR\n"
"(the data directory, instead of the installed one), NO_COLOR,\n"
"SOURCE_DATE_EPOCH (the PDF's date; default: the spec's date).\n"
"Exit status: 0 success, 1 errors in the input, 2 usage or I/O errors,\n"
"3 a --require floor not met (and nothing else wrong).\n"
"See ismc(1) and doc/language.md.\n";

static void
print_general_help(FILE *out)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "%s ismc %s %s%s\n", i == 0 ? "usage:" : "      ",
		    commands[i].name,
		    commands[i].bit == C_HELP ? "" : "[options] ",
		    commands[i].operands);
	fputs("       ismc COMMAND --help | ismc --help | ismc --version\n"
	    "\n"
	    "Compiles ISMS specifications (*.isms) and reports problems; "
	    "'build' also\n"
	    "writes the Statement of Applicability, the risk register, gap "
	    "analyses,\n"
	    "charts and the auditor's PDF to DIR.\n"
	    "\nCommands:\n", out);
	for (i = 0; i < NCOMMANDS; i++)
		fprintf(out, "  %-10s%s\n", commands[i].name,
		    commands[i].summary);
	fputs("\nOptions (each command takes some: 'ismc help COMMAND' lists "
	    "them):\n", out);
	print_options(out, C_ALL);
	fputs("\nOutputs of 'build': soa-<framework>, clauses-<framework>, "
	    "risks, kpis,\nfindings, review, gap-<framework>, "
	    "remediation-<framework>, coverage,\ntraceability and inputs as "
	    ".csv, .md and .json; heatmap-risk,\nheatmap-coverage and kpi "
	    "charts as .png and .svg; report.pdf;\nwith --format oscal, "
	    "mappings.oscal.json.\n", out);
	fputs(trailer, out);
}

static void
print_command_help(FILE *out, const struct cli_command *cmd)
{
	fprintf(out, "usage: ismc %s %s%s\n\n%s\n\nOptions:\n", cmd->name,
	    cmd->bit == C_HELP ? "" : "[options] ", cmd->operands,
	    cmd->about);
	print_options(out, cmd->bit);
	fputc('\n', out);
	fputs(trailer, out);
}

/* ---- option values ----------------------------------------------------- */

static const char **
push(const char **list, size_t *n, const char *s)
{
	list = ismc_xreallocarray(list, *n + 1, sizeof *list);
	list[(*n)++] = s;
	return list;
}

/* Keeps a heap string for the options' lifetime. */
static char *
own(struct ismc_options *o, char *s)
{
	o->owned = ismc_xreallocarray(o->owned, o->nowned + 1,
	    sizeof *o->owned);
	o->owned[o->nowned++] = s;
	return s;
}

/* A count as specs write one: ASCII digits only, at most max. */
static bool
parse_count(const char *v, unsigned max, unsigned *out)
{
	struct ismc_number n;

	if (ismc_number_parse(v, strlen(v), &n) != ISMC_NUMBER_OK ||
	    !n.is_int || n.ival > max)
		return false;
	*out = (unsigned)n.ival;
	return true;
}

static int
parse_max_errors(struct ismc_options *o, const char *v)
{
	if (!parse_count(v, 1000000, &o->max_errors))
		return usage_error("invalid --max-errors value '%s' (use a "
		    "number from 0 to 1000000)", v);
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
		if (!ismc_backend_format_known(f)) {
			usage_error("unknown --format '%s' (use one of %s)", f,
			    ismc_backend_format_list());
			free(f);
			return ISMC_EXIT_USAGE;
		}
		o->formats = push(o->formats, &o->nformats, f);
		p = comma ? comma + 1 : p + strlen(p);
	}
	return 0;
}

/* FRAMEWORK>=N or FRAMEWORK>=N%, N written as specs write numbers. */
static int
parse_require(struct ismc_options *o, const char *v)
{
	const char *ge = strstr(v, ">="), *num;
	struct ismc_requirement *q;
	struct ismc_number n;
	size_t len;

	if (ge == NULL || ge == v)
		return usage_error("invalid --require '%s' (use FRAMEWORK>=N%%, "
		    "e.g. dora>=80%%)", v);
	num = ge + 2;
	len = strlen(num);
	if (len > 0 && num[len - 1] == '%')
		len--;
	if (ismc_number_parse(num, len, &n) != ISMC_NUMBER_OK)
		return usage_error("invalid --require '%s': '%.*s' is not a "
		    "number (use FRAMEWORK>=N%%, e.g. dora>=80%%)", v,
		    (int)len, num);
	if (n.num > 100)
		return usage_error("invalid --require '%s': a coverage floor "
		    "is a percentage from 0 to 100", v);
	o->requires = ismc_xreallocarray(o->requires, o->nrequires + 1,
	    sizeof *o->requires);
	q = &o->requires[o->nrequires++];
	q->framework = strndup(v, (size_t)(ge - v));
	q->floor = strndup(num, len);
	if (q->framework == NULL || q->floor == NULL)
		ismc_out_of_memory();
	q->percent = n.num;
	q->spelling = v;
	return 0;
}

static int
parse_enum(const char *opt, const char *v, const char *const *names,
    size_t n, int *out)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcmp(v, names[i]) == 0) {
			*out = (int)i;
			return 0;
		}
	return usage_error("invalid %s '%s' (use %s%s%s%s %s)", opt, v,
	    names[0], n > 2 ? ", " : "", n > 2 ? names[1] : "",
	    n > 2 ? " or" : " or", names[n - 1]);
}

static int
parse_color(struct ismc_options *o, const char *v)
{
	static const char *const names[] = { "auto", "always", "never" };
	static const enum ismc_color modes[] = {
		ISMC_COLOR_AUTO, ISMC_COLOR_ALWAYS, ISMC_COLOR_NEVER,
	};
	int i = 0;

	if (v == NULL) {		/* bare --color, as ls(1) */
		o->color = ISMC_COLOR_ALWAYS;
		return 0;
	}
	if (parse_enum("--color", v, names, 3, &i) != 0)
		return ISMC_EXIT_USAGE;
	o->color = modes[i];
	return 0;
}

static int
parse_diagnostics(struct ismc_options *o, const char *v)
{
	static const char *const names[] = { "plain", "fancy" };
	int i = 0;

	if (parse_enum("--diagnostics", v, names, 2, &i) != 0)
		return ISMC_EXIT_USAGE;
	o->plain = i == 0;
	return 0;
}

static int
parse_diff_format(struct ismc_options *o, const char *v)
{
	static const char *const names[] = { "md", "json" };
	int i = 0;

	if (parse_enum("--format", v, names, 2, &i) != 0)
		return ISMC_EXIT_USAGE;
	o->diff_json = i == 1;
	return 0;
}

static int
parse_diagnostics_format(struct ismc_options *o, const char *v)
{
	static const char *const names[] = { "text", "json", "sarif" };
	static const enum ismc_diag_format formats[] = {
		ISMC_DIAG_TEXT, ISMC_DIAG_JSON, ISMC_DIAG_SARIF
	};
	int i = 0;

	if (parse_enum("--diagnostics-format", v, names, 3, &i) != 0)
		return ISMC_EXIT_USAGE;
	o->diag_format = formats[i];
	return 0;
}

/* -Werror, -WNAME, -Wno-NAME, -Werror=NAME, -Wno-error=NAME, as GCC. */
static int
parse_warning(struct ismc_options *o, const char *v)
{
	const char *name = v, *near;

	if (ismc_wflags_parse(&o->wflags, v))
		return 0;
	if (strncmp(name, "error=", 6) == 0)
		name += 6;
	else if (strncmp(name, "no-error=", 9) == 0)
		name += 9;
	else if (strncmp(name, "no-", 3) == 0)
		name += 3;
	if ((near = ismc_warning_suggest(name)) != NULL)
		return usage_error("unknown warning option '-W%s'; did you "
		    "mean '-W%.*s%s'?", v, (int)(name - v), v, near);
	return usage_error("unknown warning option '-W%s'", v);
}

/*
 * -MD, -MP, -MF FILE, -MT TARGET (or -MFFILE, -MTTARGET): GCC's
 * dependency options. getopt_long hands over "D", "FFILE" or "F"; the
 * file then is the next argument, taken here.
 */
static int
parse_m(struct ismc_options *o, const char *v, int argc, char **argv)
{
	const char *arg = v + 1;

	if (strcmp(v, "D") == 0 || strcmp(v, "MD") == 0) {
		o->depfile_on = true;
		return 0;
	}
	if (strcmp(v, "P") == 0) {
		o->dep_phony = true;
		return 0;
	}
	if (v[0] != 'F' && v[0] != 'T')
		return usage_error("unknown option '-M%s' (use -MD, -MF FILE, "
		    "-MT TARGET or -MP)", v);
	if (*arg == '\0') {
		if (optind >= argc)
			return usage_error("option '-M%s' needs an argument (%s)",
			    v, v[0] == 'F' ? "FILE" : "TARGET");
		arg = argv[optind++];
	}
	if (v[0] == 'F') {
		o->depfile = arg;
		o->depfile_on = true;
	} else
		o->dep_targets = push(o->dep_targets, &o->ndep_targets, arg);
	return 0;
}

/* -fNAME[=VALUE]: GCC's spelling of some long options. */
static int
parse_f(struct ismc_options *o, const char *v)
{
	if (strncmp(v, "max-errors=", 11) == 0)
		return parse_max_errors(o, v + 11);
	return usage_error("unknown option '-f%s'", v);
}

static int
apply_option(struct ismc_options *o, int key, const char *v)
{
	enum ismc_gap_policy p;

	switch (key) {
	case 'o':
		o->outdir = v;
		return 0;
	case 'I':
		o->include_dirs = push(o->include_dirs, &o->ninclude_dirs, v);
		return 0;
	case 'W':
		return parse_warning(o, v);
	case 'w':
		o->no_warnings = true;
		return 0;
	case 'f':
		return parse_f(o, v);
	case OPT_FORMAT:
		return parse_formats(o, v);
	case OPT_DIFF_FORMAT:
		return parse_diff_format(o, v);
	case OPT_CATALOG:
		o->catalogs = push(o->catalogs, &o->ncatalogs, v);
		return 0;
	case OPT_TEXTS:
		o->texts = push(o->texts, &o->ntexts, v);
		return 0;
	case OPT_COVERAGE:
		if (!ismc_gap_policy_parse(v, &p))
			return usage_error("unknown --coverage policy '%s' (use "
			    "strict or all-mapped)", v);
		o->coverage = (int)p;
		return 0;
	case OPT_REQUIRE:
		return parse_require(o, v);
	case OPT_AS_OF:
		return parse_as_of(o, v);
	case OPT_MAX_ERRORS:
		return parse_max_errors(o, v);
	case OPT_DIAGNOSTICS:
		return parse_diagnostics(o, v);
	case OPT_DIAGNOSTICS_FORMAT:
		return parse_diagnostics_format(o, v);
	case OPT_COLOR:
		return parse_color(o, v);
	case OPT_DUMP_TOKENS:
		o->dump_tokens = true;
		return 0;
	case OPT_DUMP_AST:
		o->dump_ast = true;
		return 0;
	case OPT_DUMP_IR:
		o->dump_ir = true;
		return 0;
	case OPT_CHECK:
		o->fmt_check = true;
		return 0;
	case OPT_CSV_BOM:
		o->csv_bom = true;
		return 0;
	case OPT_PROGRESS:
		o->progress = ISMC_PROGRESS_ALWAYS;
		return 0;
	case OPT_NO_PROGRESS:
		o->progress = ISMC_PROGRESS_NEVER;
		return 0;
	case OPT_SANDBOX:
		o->sandbox = true;
		o->sandbox_root = v;	/* NULL: the specs' directories */
		return 0;
	case OPT_PRINT_SEARCH_PATH:
		o->print_search_path = true;
		return 0;
	}
	return usage_error("option not handled (%d)", key);	/* a bug */
}

/* ---- getopt ------------------------------------------------------------ */

/* The getopt_long tables of one command, built from `options`. */
struct cli_getopt {
	char		short_opts[3 + 3 * NOPTIONS + 1];
	struct option	long_opts[NOPTIONS + 1];
};

static void
build_getopt(struct cli_getopt *g, unsigned bit)
{
	char *s = g->short_opts;
	size_t i, n = 0;

	/* '-': operands come back in order as option 1, whatever
	 * POSIXLY_CORRECT says; ':': a missing argument returns ':'. */
	*s++ = '-';
	*s++ = ':';
	for (i = 0; i < NOPTIONS; i++) {
		const struct cli_option *opt = &options[i];

		if ((opt->commands & bit) == 0)
			continue;
		*s = '\0';
		if (opt->key < 256 && strchr(g->short_opts + 2, opt->key) ==
		    NULL) {
			*s++ = (char)opt->key;
			if (opt->has_arg != no_argument)
				*s++ = ':';
			if (opt->has_arg == optional_argument)
				*s++ = ':';
		}
		if (opt->name != NULL)
			g->long_opts[n++] = (struct option){ opt->name,
			    opt->has_arg, NULL, opt->key };
	}
	*s = '\0';
	memset(&g->long_opts[n], 0, sizeof g->long_opts[n]);
}

static const struct cli_option *
option_by_key(int key)
{
	size_t i;

	for (i = 0; i < NOPTIONS; i++)
		if (options[i].key == key)
			return &options[i];
	return NULL;
}

/* The commands taking an option, for "is an option of 'ismc build'". */
static void
commands_taking(unsigned bits, char *buf, size_t size)
{
	size_t i, n = 0, len = 0;

	buf[0] = '\0';
	for (i = 0; i < NCOMMANDS && len < size; i++)
		if ((bits & commands[i].bit) != 0 && commands[i].bit != C_HELP)
			len += (size_t)snprintf(buf + len, size - len,
			    "%s'ismc %s'", n++ == 0 ? "" : ", ",
			    commands[i].name);
}

/*
 * getopt_long refused "--NAME[=VALUE]": say why. Unknown, ambiguous, an
 * option of another command, or an argument it does not take.
 */
static int
bad_long_option(const char *arg)
{
	const char *name = arg + 2, *eq = strchr(name, '=');
	size_t len = eq ? (size_t)(eq - name) : strlen(name), i, nmatch = 0;
	const struct cli_option *exact = NULL, *elsewhere = NULL;
	struct ismc_suggest sg;
	char *want = strndup(name, len);
	char list[256] = "";
	int status;

	if (want == NULL)
		ismc_out_of_memory();
	ismc_suggest_init(&sg, want);
	for (i = 0; i < NOPTIONS; i++) {
		const struct cli_option *opt = &options[i];

		if (opt->name == NULL)
			continue;
		if ((opt->commands & current->bit) == 0) {
			if (strcmp(opt->name, want) == 0)
				elsewhere = opt;
			continue;
		}
		ismc_suggest_offer(&sg, opt->name);
		if (strcmp(opt->name, want) == 0)
			exact = opt;
		else if (strncmp(opt->name, want, len) == 0) {
			if (nmatch++ > 0)
				strncat(list, ", ", sizeof list - strlen(list)
				    - 1);
			strncat(list, "--", sizeof list - strlen(list) - 1);
			strncat(list, opt->name, sizeof list - strlen(list)
			    - 1);
		}
	}
	if (exact != NULL)
		status = usage_error("option '--%s' takes no argument", want);
	else if (nmatch > 1)
		status = usage_error("option '--%s' is ambiguous: %s", want,
		    list);
	else if (elsewhere != NULL) {
		commands_taking(elsewhere->commands, list, sizeof list);
		status = usage_error("'--%s' is not an option of 'ismc %s' "
		    "(only of %s)", want, current->name, list);
	}
	else if (ismc_suggest_result(&sg) != NULL)
		status = usage_error("unknown option '--%s'; did you mean "
		    "'--%s'?", want, ismc_suggest_result(&sg));
	else
		status = usage_error("unknown option '--%s'", want);
	free(want);
	return status;
}

static int
bad_short_option(int c)
{
	const struct cli_option *opt = option_by_key(c);
	char list[128];

	if (opt != NULL) {
		commands_taking(opt->commands, list, sizeof list);
		return usage_error("'-%c' is not an option of 'ismc %s' (only "
		    "of %s)", c, current->name, list);
	}
	return usage_error("unknown option '-%c'", c);
}

static int
missing_argument(const char *arg, int key)
{
	const struct cli_option *opt = option_by_key(key);
	const char *what = opt != NULL && opt->arg != NULL ? opt->arg :
	    "a value";

	if (strncmp(arg, "--", 2) == 0)
		return usage_error("option '%s' needs an argument (%s)", arg,
		    what);
	return usage_error("option '-%c' needs an argument (%s)", key, what);
}

/* Reads the options and operands after the command word. */
static int
read_options(struct ismc_options *o, int argc, char **argv,
    const char ***operands, size_t *noperands)
{
	struct cli_getopt g;
	int c, prev, status;

	build_getopt(&g, current->bit);
	opterr = 0;
	optind = 1;
	for (;;) {
		prev = optind;
		c = getopt_long(argc, argv, g.short_opts, g.long_opts, NULL);
		if (c == -1)
			break;
		switch (c) {
		case 1:
			*operands = push(*operands, noperands, optarg);
			break;
		case 'h':
			print_command_help(stdout, current);
			return 0;
		case OPT_VERSION:
			printf("ismc %s\n", PACKAGE_VERSION);
			return 0;
		case 'M':
			if ((status = parse_m(o, optarg, argc, argv)) != 0)
				return status;
			break;
		case ':':
			return missing_argument(argv[prev], optopt);
		case '?':
			if (prev < argc && strncmp(argv[prev], "--", 2) == 0)
				return bad_long_option(argv[prev]);
			return bad_short_option(optopt);
		default:
			if ((status = apply_option(o, c, optarg)) != 0)
				return status;
		}
	}
	while (optind < argc)
		*operands = push(*operands, noperands, argv[optind++]);
	return -1;
}

/* ---- commands ---------------------------------------------------------- */

static const struct cli_command *
command_by_name(const char *name)
{
	size_t i;

	for (i = 0; i < NCOMMANDS; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

static int
unknown_command(const char *name)
{
	struct ismc_suggest sg;
	size_t i;

	ismc_suggest_init(&sg, name);
	for (i = 0; i < NCOMMANDS; i++)
		ismc_suggest_offer(&sg, commands[i].name);
	if (ismc_suggest_result(&sg) != NULL)
		return usage_error("unknown command '%s'; did you mean '%s'?",
		    name, ismc_suggest_result(&sg));
	return usage_error("unknown command '%s' (use check, build, explain, "
	    "diff, fmt or help)", name);
}

/* 'ismc help warnings': the names -W takes, for people and completion. */
static void
print_warnings(FILE *out)
{
	int w;

	for (w = ISMC_W_NONE + 1; w < ISMC_W_COUNT; w++)
		fprintf(out, "%-26s %s\n",
		    ismc_warning_name((enum ismc_warning)w),
		    ismc_warning_summary((enum ismc_warning)w));
}

static int
run_help(const char *const *operands, size_t n)
{
	const struct cli_command *cmd;

	if (n == 0) {
		print_general_help(stdout);
		return 0;
	}
	if (n > 1)
		return usage_error("%s", "'help' takes at most one command");
	if (strcmp(operands[0], "warnings") == 0) {
		print_warnings(stdout);
		return 0;
	}
	if ((cmd = command_by_name(operands[0])) == NULL)
		return unknown_command(operands[0]);
	print_command_help(stdout, cmd);
	return 0;
}

/* scandir(3): the *.isms entries, in byte order (not the locale's). */
static int
is_spec_entry(const struct dirent *e)
{
	size_t len = strlen(e->d_name);

	return e->d_name[0] != '.' && len > 5 &&
	    strcmp(e->d_name + len - 5, ".isms") == 0;
}

static int
entry_cmp(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

/*
 * One side of a diff: a spec file as it is, or a directory's *.isms
 * files (not its subdirectories: those are usually included), appended
 * to *list. A file both listed and included is read once (frontend.c).
 */
static int
add_side(struct ismc_options *o, const char *path, const char ***list,
    size_t *n)
{
	struct dirent **ents;
	struct stat st;
	int i, nents;
	size_t before = *n;

	if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		*list = push(*list, n, path);	/* the front end reports */
		return -1;
	}
	if ((nents = scandir(path, &ents, is_spec_entry, entry_cmp)) < 0) {
		fprintf(stderr, "ismc: error: cannot read directory '%s': "
		    "%s\n", path, strerror(errno));
		return ISMC_EXIT_USAGE;
	}
	for (i = 0; i < nents; i++) {
		char *file = own(o, ismc_xmalloc(strlen(path) +
		    strlen(ents[i]->d_name) + 2));

		sprintf(file, "%s/%s", path, ents[i]->d_name);
		free(ents[i]);
		if (stat(file, &st) == 0 && S_ISREG(st.st_mode))
			*list = push(*list, n, file);
	}
	free(ents);
	if (*n == before) {
		fprintf(stderr, "ismc: error: no *.isms files in directory "
		    "'%s'\n", path);
		return ISMC_EXIT_USAGE;
	}
	return -1;
}

/* diff OLD NEW: specs becomes the old side's files, then the new's. */
static int
diff_sides(struct ismc_options *o)
{
	const char **list = NULL;
	size_t n = 0;
	int status;

	o->diff_names[0] = o->specs[0];
	o->diff_names[1] = o->specs[1];
	status = add_side(o, o->specs[0], &list, &n);
	o->diff_nold = n;
	if (status == -1)
		status = add_side(o, o->specs[1], &list, &n);
	free(o->specs);
	o->specs = list;
	o->nspecs = n;
	return status;
}

/* -MD for build: DIR.d naming DIR; check has no output to name. */
static int
dep_defaults(struct ismc_options *o)
{
	size_t len;
	char *dir;

	if (!o->depfile_on)
		return -1;
	if (o->command != ISMC_CMD_BUILD && (o->depfile == NULL ||
	    o->ndep_targets == 0))
		return usage_error("%s", "-MD with 'check' needs -MF FILE and "
		    "-MT TARGET: there is no output directory to name");
	if (o->command != ISMC_CMD_BUILD)
		return -1;
	len = strlen(o->outdir);
	while (len > 1 && o->outdir[len - 1] == '/')
		len--;
	dir = own(o, ismc_xmalloc(len + 3));
	memcpy(dir, o->outdir, len);
	memcpy(dir + len, ".d", 3);
	if (o->depfile == NULL)
		o->depfile = own(o, ismc_xstrdup(dir));
	dir[len] = '\0';
	if (o->ndep_targets == 0)
		o->dep_targets = push(o->dep_targets, &o->ndep_targets, dir);
	return -1;
}

/* What each command needs besides options. */
static int
check_operands(struct ismc_options *o)
{
	if (o->print_search_path)
		return -1;	/* needs no operands */
	if (o->command == ISMC_CMD_EXPLAIN && o->nspecs > 0) {
		o->explain = o->specs[0];
		o->specs++;
		o->nspecs--;
	}
	if (o->command == ISMC_CMD_EXPLAIN && (o->explain == NULL ||
	    strchr(o->explain, ':') == NULL))
		return usage_error("%s", "'explain' needs FRAMEWORK:REQUIREMENT, "
		    "e.g. dora:17.1, before the spec files");
	if (o->command == ISMC_CMD_DIFF && o->nspecs != 2)
		return usage_error("%s", "'diff' needs two specs, each a file or "
		    "a directory: the old and the new");
	if (o->command == ISMC_CMD_DIFF)
		return diff_sides(o);
	if (o->nspecs == 0 && o->ncatalogs == 0)
		return usage_error("%s", "no spec files given");
	if (o->command == ISMC_CMD_FMT)
		return -1;
	if (o->command == ISMC_CMD_BUILD && o->outdir == NULL)
		return usage_error("%s", "'build' needs an output directory "
		    "(-o DIR)");
	if (o->command == ISMC_CMD_BUILD && o->nspecs == 0)
		return usage_error("%s", "'build' needs at least one spec file");
	return dep_defaults(o);
}

int
ismc_cli_parse(struct ismc_options *o, int argc, char **argv)
{
	const char *word = argc > 1 ? argv[1] : NULL;
	int status;

	current = NULL;
	if (word == NULL)
		return usage_error("%s", "no command given (check, build, "
		    "explain, diff, fmt or help)");
	if (strcmp(word, "-h") == 0 || strcmp(word, "--help") == 0) {
		print_general_help(stdout);
		return 0;
	}
	if (strcmp(word, "--version") == 0) {
		printf("ismc %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (word[0] == '-')
		return usage_error("'%s' before the command: options follow it, "
		    "as in 'ismc check %s SPEC'", word, word);
	if ((current = command_by_name(word)) == NULL)
		return unknown_command(word);
	o->command = current->command;
	status = read_options(o, argc - 1, argv + 1, &o->specs, &o->nspecs);
	if (status != -1)
		return status;
	if (current->bit == C_HELP)
		return run_help(o->specs, o->nspecs);
	return check_operands(o);
}

void
ismc_cli_free(struct ismc_options *o)
{
	if (o->explain != NULL)
		o->specs--;
	free(o->specs);
	while (o->nrequires > 0) {
		o->nrequires--;
		free((char *)o->requires[o->nrequires].framework);
		free((char *)o->requires[o->nrequires].floor);
	}
	free(o->requires);
	while (o->nformats > 0)
		free((char *)o->formats[--o->nformats]);
	free(o->formats);
	free(o->catalogs);
	free(o->texts);
	free(o->include_dirs);
	free(o->dep_targets);
	while (o->nowned > 0)
		free(o->owned[--o->nowned]);
	free(o->owned);
}
