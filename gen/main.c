/*
 * gen: generates code and docs for status-code registries.  main reads
 * the options, runs one task, prints the diagnostics and picks the exit
 * status; everything else lives in run/.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/xmalloc.h"
#include "run/run.h"

enum {
	OPT_LANG, OPT_OUTPUT, OPT_OUT, OPT_DATA, OPT_TEMPLATES, OPT_LOCALE,
	OPT_C_PREFIX, OPT_INCLUDE, OPT_INCLUDE_ALL, OPT_CHECK, OPT_DEPFILE,
	OPT_LIST_LANGS, OPT_LIST_LOCALES, OPT_LIST_SETS, OPT_MAX_INPUT,
	OPT_JOBS, OPT_PARTIALS, OPT_ESCAPE, OPT_STRICT, OPT_HELP, OPT_VERSION,
	OPT_FORMAT
};

static const struct opts_def opt_defs[] = {
	{ 'l', "lang", true, OPT_LANG },
	{ 'o', "output", true, OPT_OUTPUT },
	{ 0, "out", true, OPT_OUT },
	{ 0, "data", true, OPT_DATA },
	{ 0, "templates", true, OPT_TEMPLATES },
	{ 0, "locale", true, OPT_LOCALE },
	{ 0, "c-prefix", true, OPT_C_PREFIX },
	{ 0, "include", true, OPT_INCLUDE },
	{ 0, "include-unofficial", false, OPT_INCLUDE_ALL },
	{ 0, "check", false, OPT_CHECK },
	{ 0, "depfile", true, OPT_DEPFILE },
	{ 0, "list-langs", false, OPT_LIST_LANGS },
	{ 0, "list-locales", false, OPT_LIST_LOCALES },
	{ 0, "list-sets", false, OPT_LIST_SETS },
	{ 0, "max-input-size", true, OPT_MAX_INPUT },
	{ 'j', "jobs", true, OPT_JOBS },
	{ 0, "partials", true, OPT_PARTIALS },
	{ 0, "escape", true, OPT_ESCAPE },
	{ 0, "strict", false, OPT_STRICT },
	{ 'h', "help", false, OPT_HELP },
	{ 0, "version", false, OPT_VERSION },
	{ 0, "format", true, OPT_FORMAT }
};

static int
parse_size(const char *s, size_t *out)
{
	char *end;
	unsigned long long n = strtoull(s, &end, 10);

	if (*s < '0' || *s > '9' || *end != '\0' || n == 0)
		return -1;
	*out = (size_t)n;
	return 0;
}

/* The tasks that generate or render come first. */
enum task {
	TASK_GENERATE, TASK_RENDER, TASK_DIFF, TASK_LIST, TASK_LIST_LOCALES,
	TASK_LIST_SETS, TASK_HELP, TASK_VERSION
};

/* Returns 0, or -1 after reporting a usage error into d. */
static int
parse_opt(int c, const char *arg, struct gen_opts *o, enum task *task,
    struct diag *d)
{
	switch (c) {
	case OPT_LANG: o->langs[o->nlangs++] = arg; break;
	case OPT_OUTPUT: o->output = arg; break;
	case OPT_OUT: o->out_dir = arg; break;
	case OPT_DATA: o->data = arg; break;
	case OPT_TEMPLATES: o->templates = arg; break;
	case OPT_LOCALE: o->locale = arg; break;
	case OPT_C_PREFIX: o->c_prefix = arg; break;
	case OPT_INCLUDE: o->include = arg; break;
	case OPT_INCLUDE_ALL: o->include_all = true; break;
	case OPT_CHECK: o->check = true; break;
	case OPT_DEPFILE: o->depfile = arg; break;
	case OPT_LIST_LANGS: *task = TASK_LIST; break;
	case OPT_LIST_LOCALES: *task = TASK_LIST_LOCALES; break;
	case OPT_LIST_SETS: *task = TASK_LIST_SETS; break;
	case OPT_PARTIALS: o->partials = arg; break;
	case OPT_ESCAPE: o->escape = arg; break;
	case OPT_STRICT: o->strict = true; break;
	case OPT_FORMAT: o->format = arg; break;
	case OPT_HELP: *task = TASK_HELP; break;
	case OPT_VERSION: *task = TASK_VERSION; break;
	case OPT_MAX_INPUT:
		if (parse_size(arg, &o->limits.max_bytes) != 0)
			diag_fail(d, DIAG_USAGE, "--max-input-size takes a "
			    "positive number of bytes, not '%s'", arg);
		break;
	case OPT_JOBS:
		if (parse_size(arg, &o->jobs) != 0)
			diag_fail(d, DIAG_USAGE, "--jobs takes a positive "
			    "number, not '%s'", arg);
		break;
	default:
		diag_fail(d, DIAG_USAGE, "unknown option; see 'gen --help'");
	}
	return diag_has_errors(d) ? -1 : 0;
}

static void
check_combinations(const struct gen_opts *o, enum task task, size_t nargs,
    char **args, struct diag *d)
{
	if (task == TASK_RENDER) {
		if (nargs != 1)
			diag_fail(d, DIAG_USAGE,
			    "gen render takes one template");
		else if (o->nlangs || o->out_dir || o->depfile)
			diag_fail(d, DIAG_USAGE, "gen render takes no --lang, "
			    "--out or --depfile");
		return;
	}
	if (task == TASK_DIFF) {
		if (nargs != 2)
			diag_fail(d, DIAG_USAGE, "gen diff takes two registries");
		else if (o->output || o->out_dir || o->data || o->check ||
		    o->depfile || o->partials || o->escape || o->strict)
			diag_fail(d, DIAG_USAGE, "gen diff takes no -o, --out, "
			    "--data, --check, --depfile or gen render's options");
		return;
	}
	if (nargs != 0)
		diag_fail(d, DIAG_USAGE, "unexpected argument '%s'; see "
		    "'gen --help'", args[0]);
	else if (task == TASK_GENERATE && o->nlangs == 0)
		diag_fail(d, DIAG_USAGE, "no language given; use --lang "
		    "(see 'gen --list-langs')");
	else if (o->output && o->out_dir)
		diag_fail(d, DIAG_USAGE, "-o and --out do not go together");
	else if (o->check && !o->output && !o->out_dir)
		diag_fail(d, DIAG_USAGE, "--check needs -o or --out");
	else if (o->depfile && !o->output && !o->out_dir)
		diag_fail(d, DIAG_USAGE, "--depfile needs -o or --out");
	else if (o->partials || o->escape || o->strict)
		diag_fail(d, DIAG_USAGE, "--partials, --escape and --strict "
		    "belong to gen render");
	else if (o->format)
		diag_fail(d, DIAG_USAGE, "--format belongs to gen diff");
}

static int
exit_status(const struct diag *d)
{
	switch (d->fail) {
	case DIAG_OK: return 0;
	case DIAG_STALE: return 1;
	case DIAG_USAGE: return 64;
	case DIAG_DATA: return 65;
	case DIAG_NOINPUT: return 66;
	case DIAG_CANTCREAT: return 73;
	case DIAG_IOERR: return 74;
	case DIAG_INTERNAL: return 70;
	}
	return 70;
}

static int
run_task(enum task task, const struct gen_opts *o, struct diag *d)
{
	switch (task) {
	case TASK_HELP:
		fputs(embed_find("doc/usage.txt")->data, stdout);
		return 0;
	case TASK_VERSION:
		printf("gen %s\n", GEN_VERSION);
		return 0;
	case TASK_LIST:
		return generate_list(o, LIST_LANGS, d);
	case TASK_LIST_LOCALES:
		return generate_list(o, LIST_LOCALES, d);
	case TASK_LIST_SETS:
		return generate_list(o, LIST_SETS, d);
	case TASK_RENDER:
		return render_run(o, d);
	case TASK_DIFF:
		return diff_run(o, d);
	case TASK_GENERATE:
		return generate_run(o, d);
	}
	return -1;
}

int
main(int argc, char **argv)
{
	struct gen_opts o = { .limits = LOAD_LIMITS_DEFAULT };
	struct diag d = DIAG_INIT;
	enum task task = TASK_GENERATE;
	const char *nocolor = getenv("NO_COLOR");
	struct opts s;
	int c, status;

	o.langs = xcalloc((size_t)argc, sizeof(*o.langs));
	if (argc > 1 && (strcmp(argv[1], "render") == 0 ||
	    strcmp(argv[1], "diff") == 0)) {
		task = argv[1][0] == 'r' ? TASK_RENDER : TASK_DIFF;
		argv++;
		argc--;
	}
	opts_init(&s, opt_defs, sizeof(opt_defs) / sizeof(opt_defs[0]),
	    argc, argv);
	while ((c = opts_next(&s)) >= 0)
		if (parse_opt(c, s.value, &o, &task, &d) != 0)
			break;
	if (c == OPTS_BAD && s.missing != NULL)
		diag_fail(&d, DIAG_USAGE, "option '%s%s' needs a value",
		    s.bad[1] == '-' ? "--" : "-", s.bad[1] == '-' ?
		    s.missing->name : (char[]){ s.missing->letter, '\0' });
	else if (c == OPTS_BAD)
		diag_fail(&d, DIAG_USAGE, "unknown option '%s'; see "
		    "'gen --help'", s.bad);
	if (!diag_has_errors(&d) && task == TASK_RENDER && s.noperands > 0)
		o.template = s.operands[0];
	o.diff = s.operands;
	if (!diag_has_errors(&d) && task <= TASK_DIFF)
		check_combinations(&o, task, (size_t)s.noperands, s.operands,
		    &d);
	if (!diag_has_errors(&d) && run_task(task, &o, &d) != 0 &&
	    !diag_has_errors(&d))
		diag_fail(&d, DIAG_INTERNAL, "internal error: a step failed "
		    "without saying why; please report it");
	/* --help > /dev/full must fail, not exit 0 having said nothing. */
	if ((fflush(stdout) != 0 || ferror(stdout)) && !diag_has_errors(&d))
		diag_sys(&d, DIAG_IOERR, "standard output", errno);
	diag_print(&d, stderr, isatty(STDERR_FILENO) &&
	    (nocolor == NULL || *nocolor == '\0'));
	status = exit_status(&d);
	diag_release(&d);
	free(o.langs);
	return status;
}
