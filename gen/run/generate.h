/*
 * generate: the two things gen does, as functions of its options.
 *
 * generate_run loads and validates the registry, renders every requested
 * language and commits (or checks) the outputs; render_run renders one
 * template against any YAML document (`gen render`).  Both report into
 * the caller's diag and return 0 or -1; main.c prints and picks the exit
 * status.
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

/* Prints the language names, one a line (for --list-langs). */
int generate_list_langs(const struct gen_opts *o, struct diag *d);

/*
 * Prints the locales of the registry (--data, or the built-in one), one a
 * line, the default first (for --list-locales and shell completion).
 */
int generate_list_locales(const struct gen_opts *o, struct diag *d);

/*
 * Prints the ids of the registry's sets (--data, or the built-in one), one
 * a line, in the order of the data (for --list-sets and shell completion).
 */
int generate_list_sets(const struct gen_opts *o, struct diag *d);

#endif
