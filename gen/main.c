/*
 * gen: generates code and docs for status-code registries.  main reads
 * the options, runs one task, prints the diagnostics and picks the exit
 * status; everything else lives in run/.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/suggest.h"
#include "base/xmalloc.h"
#include "run/run.h"

/* The tasks that generate or render come first. */
enum task {
	TASK_GENERATE, TASK_RENDER, TASK_DIFF, TASK_LIST, TASK_LIST_LOCALES,
	TASK_LIST_SETS, TASK_HELP, TASK_VERSION
};

/*
 * An option's id is where parse_opt stores it in struct gen_opts (a
 * value, or true), or one of these past the struct, or OPT_TASK plus
 * the task it asks for.
 */
#define AT(field)	((int)offsetof(struct gen_opts, field))
enum { OPT_LANG = 1000, OPT_MAX_INPUT, OPT_JOBS, OPT_TASK };
_Static_assert(sizeof(struct gen_opts) < OPT_LANG, "ids overlap fields");

static const struct opts_def opt_defs[] = {
	{ 'l', "lang", true, OPT_LANG },
	{ 'o', "output", true, AT(output) },
	{ 0, "out", true, AT(out_dir) },
	{ 0, "data", true, AT(data) },
	{ 0, "templates", true, AT(templates) },
	{ 0, "locale", true, AT(locale) },
	{ 0, "c-prefix", true, AT(c_prefix) },
	{ 0, "include", true, AT(include) },
	{ 0, "include-unofficial", false, AT(include_all) },
	{ 0, "check", false, AT(check) },
	{ 0, "diff", false, AT(diff) },
	{ 0, "depfile", true, AT(depfile) },
	{ 0, "stamp", true, AT(stamp) },
	{ 0, "list-outputs", false, AT(list_outputs) },
	{ 0, "list-langs", false, OPT_TASK + TASK_LIST },
	{ 0, "list-locales", false, OPT_TASK + TASK_LIST_LOCALES },
	{ 0, "list-sets", false, OPT_TASK + TASK_LIST_SETS },
	{ 0, "max-input-size", true, OPT_MAX_INPUT },
	{ 'j', "jobs", true, OPT_JOBS },
	{ 0, "partials", true, AT(partials) },
	{ 0, "escape", true, AT(escape) },
	{ 0, "strict", false, AT(strict) },
	{ 'h', "help", false, OPT_TASK + TASK_HELP },
	{ 0, "version", false, OPT_TASK + TASK_VERSION },
	{ 0, "format", true, AT(format) }
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

/* A word of the command line, quoted for the shell when it must be. */
static void
add_word(struct buf *b, const char *w)
{
	const char *safe = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-+=/.,:@%", *q;

	if (b->len > 0)
		buf_addc(b, ' ');
	if (*w != '\0' && w[strspn(w, safe)] == '\0') {
		buf_adds(b, w);
		return;
	}
	for (buf_addc(b, '\''); (q = strchr(w, '\'')) != NULL; w = q + 1)
		buf_addf(b, "%.*s'\\''", (int)(q - w), w);
	buf_addf(b, "%s'", w);
}

/* Returns 0, or -1 after reporting a usage error into d. */
static int
parse_opt(int c, const char *arg, struct gen_opts *o, enum task *task,
    struct diag *d)
{
	if (c >= OPT_TASK)
		*task = (enum task)(c - OPT_TASK);
	else if (c == OPT_LANG)
		o->langs[o->nlangs++] = arg;
	else if (c == OPT_MAX_INPUT &&
	    parse_size(arg, &o->limits.max_bytes) != 0)
		diag_fail(d, DIAG_USAGE, "--max-input-size takes a positive "
		    "number of bytes, not '%s'", arg);
	else if (c == OPT_JOBS && parse_size(arg, &o->jobs) != 0)
		diag_fail(d, DIAG_USAGE, "--jobs takes a positive number, "
		    "not '%s'", arg);
	else if (c < OPT_LANG && arg != NULL)
		*(const char **)(void *)((char *)o + c) = arg;
	else if (c < OPT_LANG)
		*(bool *)(void *)((char *)o + c) = true;
	return diag_has_errors(d) ? -1 : 0;
}

#define NOPTS	(sizeof(opt_defs) / sizeof(opt_defs[0]))

/* An option without its value, or an unknown one: maybe a typo. */
static void
bad_option(struct diag *d, const struct opts *s)
{
	const char *names[NOPTS], *hint = NULL, *arg = s->bad;
	size_t i, n = strcspn(arg, "=") - 2;
	bool begun = strncmp(arg, "--", 2) != 0;

	if (s->missing != NULL) {
		diag_fail(d, DIAG_USAGE, "option '%s%s' needs a value",
		    arg[1] == '-' ? "--" : "-", arg[1] == '-' ?
		    s->missing->name : (char[]){ s->missing->letter, '\0' });
		return;
	}
	for (i = 0; i < NOPTS; i++) {
		names[i] = opt_defs[i].name;
		begun = begun || strncmp(names[i], arg + 2, n) == 0;
	}
	if (!begun && (hint = suggest(arg + 2, n, names, NOPTS)) != NULL)
		diag_fail(d, DIAG_USAGE, "unknown option '%s'; did you mean "
		    "'--%s'?", arg, hint);
	else
		diag_fail(d, DIAG_USAGE, "unknown option '%s'; see 'gen "
		    "--help'", arg);
}

/* What --out must not be given: a file, or a name gen gives files. */
static bool
is_file_name(const char *path)
{
	const char *dot = strrchr(path, '.');
	char ext[8];
	struct stat st;

	if (stat(path, &st) == 0)
		return S_ISREG(st.st_mode);
	return dot != NULL && strlen(dot) < 6 &&
	    (snprintf(ext, sizeof(ext), " %s ", dot), strstr(" .h .c .py "
	    ".go .md .ts .rs .json ", ext) != NULL);
}

/* --templates and --partials: a missing directory is an error of its own. */
static void
need_dir(const char *opt, const char *path, struct diag *d)
{
	struct stat st;
	int err = path == NULL ? 0 : stat(path, &st) != 0 ? errno :
	    !S_ISDIR(st.st_mode) ? ENOTDIR : 0;

	if (err != 0 && !diag_has_errors(d))
		diag_fail(d, DIAG_NOINPUT, "%s %s: %s", opt, path,
		    strerror(err));
}

static void
check_combinations(const struct gen_opts *o, enum task task, size_t nargs,
    char **args, struct diag *d)
{
	const char *one = o->check ? "--check" : o->depfile ? "--depfile" :
	    o->list_outputs ? "--list-outputs" : NULL;

	if (task == TASK_RENDER && nargs != 1)
		diag_fail(d, DIAG_USAGE, "gen render takes one template");
	else if (task == TASK_RENDER && (o->nlangs || o->out_dir ||
	    o->depfile))
		diag_fail(d, DIAG_USAGE, "gen render takes no --lang, --out "
		    "or --depfile");
	else if (task == TASK_DIFF && nargs != 2)
		diag_fail(d, DIAG_USAGE, "gen diff takes two registries");
	else if (task == TASK_DIFF && (o->output || o->out_dir || o->data ||
	    o->check || o->depfile || o->partials || o->escape || o->strict))
		diag_fail(d, DIAG_USAGE, "gen diff takes no -o, --out, --data, "
		    "--check, --depfile or gen render's options");
	else if (task != TASK_GENERATE)
		return;
	else if (nargs != 0)
		diag_fail(d, DIAG_USAGE, "unexpected argument '%s'; see "
		    "'gen --help'", args[0]);
	else if (task == TASK_GENERATE && o->nlangs == 0)
		diag_fail(d, DIAG_USAGE, "no language given; use --lang "
		    "(see 'gen --list-langs')");
	else if (o->output && o->out_dir)
		diag_fail(d, DIAG_USAGE, "-o and --out do not go together");
	else if (one != NULL && !o->output && !o->out_dir)
		diag_fail(d, DIAG_USAGE, "%s needs -o or --out", one);
	else if (o->diff && !o->check)
		diag_fail(d, DIAG_USAGE, "--diff goes with --check");
	else if (o->out_dir != NULL && is_file_name(o->out_dir))
		diag_fail(d, DIAG_USAGE, "--out takes a directory, not the "
		    "file '%s'; use -o FILE for one output", o->out_dir);
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
	case TASK_LIST: case TASK_LIST_LOCALES: case TASK_LIST_SETS:
		return generate_list(o, (enum gen_list)(task - TASK_LIST), d);
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
	const char *nocolor = getenv("NO_COLOR"), *p;
	struct buf cmd = BUF_INIT;
	struct opts s;
	int c, from, status;

	o.langs = xcalloc((size_t)argc, sizeof(*o.langs));
	add_word(&cmd, argv[0]);
	if (argc > 1 && (strcmp(argv[1], "render") == 0 ||
	    strcmp(argv[1], "diff") == 0)) {
		task = argv[1][0] == 'r' ? TASK_RENDER : TASK_DIFF;
		argv++;
		argc--;
	}
	opts_init(&s, opt_defs, NOPTS, argc, argv);
	for (from = s.next; (c = opts_next(&s)) >= 0; from = s.next) {
		while (c != AT(check) && c != AT(diff) && from < s.next)
			add_word(&cmd, argv[from++]);
		/* The option as given: "--out=", or "-o" before "". */
		p = argv[s.next - 1][0] != '\0' ? argv[s.next - 1] :
		    argv[s.next - 2];
		if (s.value != NULL && *s.value == '\0')
			diag_fail(&d, DIAG_USAGE, "option '%.*s' needs a "
			    "value, not ''", (int)strcspn(p, "="), p);
		if (diag_has_errors(&d) ||
		    parse_opt(c, s.value, &o, &task, &d) != 0)
			break;
	}
	o.command = cmd.ptr;
	if (c == OPTS_BAD)
		bad_option(&d, &s);
	o.operands = s.operands;
	if (!diag_has_errors(&d) && task <= TASK_DIFF)
		check_combinations(&o, task, (size_t)s.noperands, s.operands,
		    &d);
	need_dir("--templates", o.templates, &d);
	need_dir("--partials", o.partials, &d);
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
	buf_release(&cmd);
	free(o.langs);
	return status;
}
