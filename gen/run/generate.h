/*
 * generate: gen's tasks, as functions of its options: generate_run
 * writes (or checks) the languages' outputs, render_run is `gen
 * render`, diff_run `gen diff`.  Each reports into d and returns 0 or -1.
 */
#ifndef GEN_GENERATE_H
#define GEN_GENERATE_H

#include "load/load.h"

struct gen_opts {
	const char **langs;		/* --lang, in order */
	size_t nlangs;
	const char *output;		/* -o FILE */
	const char *out_dir;		/* --out DIR */
	const char *data;		/* --data FILE; NULL: embedded */
	const char *templates;		/* --templates DIR */
	const char *locale;		/* --locale */
	const char *c_prefix;		/* --c-prefix */
	const char *include;		/* --include SET,... */
	bool include_all;		/* --include-unofficial */
	bool check;			/* --check */
	bool diff;			/* --diff, under --check */
	bool list_outputs;		/* --list-outputs */
	const char *depfile;		/* --depfile FILE */
	const char *stamp;		/* --stamp FILE */
	const char *command;		/* the command line, without --check */
	struct load_limits limits;	/* --max-input-size ... */
	size_t jobs;			/* --jobs; 0: one per processor */
	char **operands;		/* render's TEMPLATE, diff's OLD NEW */
	/* gen render */
	const char *partials;		/* --partials DIR */
	const char *escape;		/* --escape MODE */
	bool strict;			/* --strict */
	/* gen diff */
	const char *format;		/* --format text|json */
};

int generate_run(const struct gen_opts *o, struct diag *d);
int render_run(const struct gen_opts *o, struct diag *d);

/* In diff.c; an edit that breaks sets d->fail to DIAG_STALE, silently. */
int diff_run(const struct gen_opts *o, struct diag *d);

/*
 * Prints, one a line, the languages and their descriptions, or the
 * registry's locales (the default first), or its sets' ids.
 */
enum gen_list { LIST_LANGS, LIST_LOCALES, LIST_SETS };
int generate_list(const struct gen_opts *o, enum gen_list what,
    struct diag *d);

/*
 * opts (opts.c): a command line read as GNU getopt_long reads it, which scripts
 * rely on: -lVALUE, -hl VALUE, --name=VALUE, unambiguous prefixes (a whole name
 * wins), options after operands (unless POSIXLY_CORRECT), "--", "-" as an
 * operand; a value is the next argument, whatever it looks like.  opts_init,
 * then opts_next until OPTS_END or OPTS_BAD; nothing is allocated.
 */
struct opts_def {
	char letter;		/* -l; 0: none */
	const char *name;	/* --name, without the dashes; NULL: none */
	bool has_value;
	int id;			/* what opts_next returns; 0 or more */
};

#define OPTS_END	(-1)
#define OPTS_BAD	(-2)

struct opts {
	const char *value;	/* the value of the option just read */
	const char *bad;	/* after OPTS_BAD: the argument to quote */
	const struct opts_def *missing;	/* and if its value is missing */
	char **operands;	/* after OPTS_END: in order, over argv + 1 */
	int noperands;
	/* Private. */
	const struct opts_def *defs;
	size_t ndefs;
	int argc;
	char **argv;
	int next;		/* the next argument to read */
	const char *letters;	/* the rest of argv[next - 1], or NULL */
	bool in_order;		/* POSIXLY_CORRECT: an operand ends them */
};

/* Reads argv[1..argc) against defs[0..ndefs), which must outlive s. */
void opts_init(struct opts *s, const struct opts_def *defs, size_t ndefs,
    int argc, char **argv);

/*
 * Returns the next option's id, with its value in s->value (or NULL); OPTS_END
 * past the options; OPTS_BAD on an unknown or ambiguous option or a missing or
 * unwanted value, with s->bad the argument getopt_long's caller would name.
 */
int opts_next(struct opts *s);

#endif
