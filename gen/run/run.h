/*
 * run: what every task of gen shares (run.c), for generate.c.
 *
 * A struct run_base holds one run's options, its diagnostics, the arena
 * that the model and the templates live in, the table of interned keys
 * (value.h) and the languages' sources.  run_load reads the registry
 * into it: the data file, or the built-in one.
 */
#ifndef GEN_RUN_H
#define GEN_RUN_H

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"
#include "generate.h"
#include "lang.h"
#include "model/model.h"

/*
 * No single output may grow past this: a template that loops without
 * bound fails with a message instead of filling the disk.  The built-in
 * templates write a few hundred kilobytes for the built-in registry.
 */
#define RUN_MAX_OUTPUT	((size_t)1 << 30)

struct run_base {
	const struct gen_opts *o;
	struct diag *d;
	struct arena a;			/* the model, templates, texts */
	struct keys *keys;
	struct lang_src src;
	struct registry *r;		/* set by run_load */
	const char *data_path;		/* as generated files name it */
};

void run_base_init(struct run_base *b, const struct gen_opts *o,
    struct diag *d);
void run_base_release(struct run_base *b);

/*
 * Loads and checks the registry (--data, or the built-in one) into b.
 * The tree's nodes go once the model is built.  Returns 0, or -1 after
 * reporting.
 */
int run_load(struct run_base *b);

#endif
