/*
 * generate: what gen does, as functions of its options.  generate_run
 * renders the languages and commits (or checks) the outputs; render_run
 * renders one template against any YAML document (`gen render`).  Each
 * task reports into d and returns 0 or -1.
 */
#ifndef GEN_GENERATE_H
#define GEN_GENERATE_H

#include <stdbool.h>
#include <stddef.h>

#include "base/diag.h"
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
	const char *depfile;		/* --depfile FILE */
	struct load_limits limits;	/* --max-input-size ... */
	size_t jobs;			/* --jobs; 0: one per processor */

	/* gen render */
	const char *template;
	const char *partials;		/* --partials DIR */
	const char *escape;		/* --escape MODE */
	bool strict;			/* --strict */
};

int generate_run(const struct gen_opts *o, struct diag *d);
int render_run(const struct gen_opts *o, struct diag *d);

/* Prints the language names and descriptions, one a line. */
int generate_list_langs(const struct gen_opts *o, struct diag *d);

/*
 * Prints, one a line, the locales of the registry (--data, or the
 * built-in one), the default first, or with sets the ids of its sets
 * in the order of the data.
 */
int generate_list(const struct gen_opts *o, bool sets, struct diag *d);

/* Reading the command line (opts.c) */

/*
 * opts: reads a command line against a table of options as GNU
 * getopt_long reads it, which scripts rely on, in plain C11 and POSIX:
 *	-l VALUE, -lVALUE, and letters in a cluster: -hl VALUE;
 *	--name VALUE, --name=VALUE, and any prefix of a long name that
 *	matches only one option (a whole name wins over longer names);
 *	options after operands are still options, unless POSIXLY_CORRECT
 *	is set, when the first operand ends them; "--" ends them too;
 *	"-" alone is an operand.
 * A value is the next argument whatever it looks like: in
 * `-o --check`, --check is the name of a file.
 *
 * Calling sequence: opts_init, then opts_next until it returns
 * OPTS_END or OPTS_BAD.  Nothing is allocated.
 */

struct opts_def {
	char letter;		/* -l; 0: none */
	const char *name;	/* --name, without the dashes; NULL: none */
	bool has_value;
	int id;			/* what opts_next returns; 0 or more */
};

/* What opts_next returns past the options, or on a bad one. */
#define OPTS_END	(-1)
#define OPTS_BAD	(-2)

struct opts {
	const char *value;	/* the value of the option just read */
	const char *bad;	/* after OPTS_BAD: the argument to quote */
	char **operands;	/* after OPTS_END: the operands, in order */
	int noperands;

	/* Private. */
	const struct opts_def *defs;
	size_t ndefs;
	int argc;
	char **argv;
	int next;		/* the next argument to read */
	int cur;		/* the argument whose letters are being read */
	const char *letters;	/* the rest of a cluster, or NULL */
	bool in_order;		/* POSIXLY_CORRECT: an operand ends them */
};

/*
 * Gets s ready to read argv[1..argc) against the ndefs rows of defs,
 * which must outlive s.  The operands are gathered at the front of
 * argv, from argv[1], as they are met.
 */
void opts_init(struct opts *s, const struct opts_def *defs, size_t ndefs,
    int argc, char **argv);

/*
 * Reads the next option and returns its id, with its value in s->value
 * (NULL for an option that takes none).  Returns OPTS_END when the
 * options are over, with the operands in s->operands.  Returns OPTS_BAD
 * on an unknown or ambiguous option, or one with a missing or an
 * unwanted value, with s->bad the argument to name (for an unknown
 * letter inside a cluster, what getopt_long's caller named: the last
 * operand before it, or else the argument before it).
 */
int opts_next(struct opts *s);

#endif
