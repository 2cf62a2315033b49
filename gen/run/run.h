/*
 * run: what the files of the run stage share (other modules use
 * generate.h).  run.c: struct run_base, `gen render` and the lists;
 * generate.c: a generating run; lang.c: the target languages and the
 * embedded files; pool.c: outputs rendered in parallel.
 */
#ifndef GEN_RUN_H
#define GEN_RUN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"
#include "generate.h"
#include "model/model.h"
#include "tmpl/escape.h"
#include "tmpl/filter.h"
#include "tmpl/tmpl.h"
#include "view/view.h"

/*
 * Embedded files: data/http_status.yaml and templates/, built in by
 * tools/mkembed.c, named as in the source tree ("templates/c/lang.yaml").
 * data is NUL-terminated; len excludes the NUL.  All static.
 */
struct embed_file {
	const char *path;
	const char *data;
	size_t len;
};

/* Sorted by path; terminated by an entry whose path is NULL. */
extern const struct embed_file embed_files[];
extern const size_t embed_count;

/* The embedded file at path, or NULL. */
const struct embed_file *embed_find(const char *path);

/* Languages (lang.c) */

/*
 * A language NAME is the directory templates/NAME/: its manifest,
 * lang.yaml (README.md, "Templates"), and its templates.  With
 * --templates DIR, DIR/NAME/ is searched first, file by file.
 * Everything lives in the arena of struct lang_src.
 */

struct lang_output {
	struct srcpos pos;
	const char *template;
	const char *path;
	bool per_locale;
};

struct lang_src {
	struct arena *a;
	struct keys *keys;		/* manifests' keys are interned here */
	const char *user_dir;		/* --templates DIR, or NULL */
	const char **deps;		/* files read from disk; malloc'd */
	size_t ndeps, capdeps;
};

struct lang_partial;

struct lang {
	struct lang_src *src;
	const char *name;
	const char *manifest;		/* lang.yaml's path, for messages */
	const char *description;
	enum escape_mode escape;
	const struct escape_table *escape_table;	/* or NULL: escape */
	enum case_id ident_case;
	const char *header_prefix, *header_suffix;
	bool header_string;		/* notice as a string, not a comment */
	struct lang_output *outputs;
	size_t noutputs;
	/* Set by lang_parse */
	const struct tmpl **tmpls;	/* each output's template */
	struct lang_partial *partials;
	size_t npartials, cappartials;
	bool dynamic;			/* a partial is named by a key */
};

/*
 * Loads language name's manifest into *out.  Returns 0, or -1 after
 * reporting into d ("unknown language 'x'; did you mean 'c'?" or the
 * manifest's errors).
 */
int lang_load(struct lang_src *src, const char *name, struct diag *d,
    struct lang **out);

/* Every language name, built-in or the user's, sorted, without repeats. */
void lang_names(struct lang_src *src, const char ***names, size_t *n);

/*
 * Parses the template of each output, then every partial they name, at
 * any depth (every partial of the language when one is named by a key),
 * so that rendering reads no file; a partial that does not parse is
 * reported when a render reaches it.  Names resolve to the keys of keys
 * (see tmpl_parse).  Marks in vk (see view.h) every key that the
 * templates and output paths name; every key when a partial is named by
 * a key or did not parse.  Returns 0, or -1 after reporting into d.
 */
int lang_parse(struct lang *l, const struct keys *keys, struct view_keys *vk,
    struct diag *d);

/*
 * A partial loader (see tmpl.h) over the partials lang_parse read: it
 * reads no file, so renders may use it on several threads at once.
 */
struct tmpl_loader lang_loader(const struct lang *l);

/* The usage error "unknown WHAT 'NAME'", with a hint (suggest_tail). */
void lang_unknown(struct diag *d, const char *what, const char *name,
    const char *const *cands, size_t n);

/* Sorts names and drops repeats; returns how many are left. */
size_t lang_sort_unique(const char **names, size_t n);

/* Rendering in parallel (pool.c) */

/*
 * Calls fn(ctx, i, worker) once for each i < n, on up to `threads`
 * threads, the caller's among them (worker 0).  Two calls with one
 * worker (< threads) never run at once, so a task may reuse what the
 * last one on its worker left.  Tasks start in the order of i; once one
 * returns false, those after it not started yet are skipped.  Returns
 * the lowest i whose task failed, or n, the same for any thread count.
 */
#define POOL_MAX_THREADS	16	/* more would wait for each other */

size_t pool_run(size_t n, size_t threads,
    bool (*fn)(void *ctx, size_t i, size_t worker), void *ctx);

/* The number of processors online, at least 1. */
size_t pool_cpus(void);

/* A run (run.c) */

/* A template that loops without bound fails instead of filling a disk. */
#define RUN_MAX_OUTPUT	((size_t)1 << 30)

/* One run's options, diagnostics, memory, keys (value.h) and sources. */
struct run_base {
	const struct gen_opts *o;
	struct diag *d;
	struct arena a;			/* the model, templates, texts */
	struct arena spare;		/* the tree, then memory for views */
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
 * Returns 0, or -1 after reporting.
 */
int run_load(struct run_base *b);

#endif
