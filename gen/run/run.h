/*
 * run: what the files of the run stage share (others use generate.h).
 * What can fail returns 0, or -1 after reporting into the run's diag.
 */
#ifndef GEN_RUN_H
#define GEN_RUN_H

#include "generate.h"
#include "model/model.h"
#include "tmpl/tmpl.h"
#include "view/view.h"

/* A template that loops without bound fails instead of filling a disk. */
#define RUN_MAX_OUTPUT	((size_t)1 << 30)

/* One run's options, diagnostics, memory, keys (value.h) and registry. */
struct run_base {
	const struct gen_opts *o;
	struct diag *d;
	struct arena a;			/* the model, languages, templates */
	struct arena spare;		/* the tree, then memory for views */
	struct keys *keys;
	struct registry *r;		/* set by run_load */
	const char *data_path;		/* as generated files name it */
	const char **deps;		/* files read from disk; malloc'd */
	size_t ndeps, capdeps;
};

void run_base_init(struct run_base *b, const struct gen_opts *o,
    struct diag *d);
void run_base_release(struct run_base *b);

/* Loads and checks the registry (--data, or the built-in one) into b. */
int run_load(struct run_base *b);

/* run_load; --locale, --include, --c-prefix into vo; view keys into vk. */
int run_prepare(struct run_base *b, struct view_opts *vo,
    struct view_keys *vk);

/* printf into a string of arena a. */
const char *run_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The files tools/mkembed.c builds in, named as in the source tree. */
struct embed_file {
	const char *path;		/* "templates/c/lang.yaml" */
	const char *data;		/* NUL-terminated */
	size_t len;			/* without the NUL */
};

extern const struct embed_file embed_files[];
extern const size_t embed_count;

/* The embedded file at path, or NULL. */
const struct embed_file *embed_find(const char *path);

/*
 * Languages (lang.c): NAME is templates/NAME/ (lang.yaml and templates)
 * under DIR/NAME/ of --templates, file by file; in the run's arena.
 */
struct lang_output {
	struct srcpos pos;
	const char *template, *path;
	bool per_locale;
};

struct lang {
	struct run_base *b;
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

/* Loads language name's manifest into *out, or reports into b->d. */
int lang_load(struct run_base *b, const char *name, struct lang **out);

/* Every language name, built-in or the user's, sorted, without repeats. */
void lang_names(struct run_base *b, const char ***names, size_t *n);

/*
 * Reads file of language l: the user's copy (recorded for the depfile),
 * else the built-in one.  Returns 0, 1 when neither exists, or -1.
 */
int lang_read(const struct lang *l, const char *file, const char **path,
    const char **text, size_t *len);

/*
 * Parses each output's template and the partials they name, at any
 * depth (all of them when a key names one), so that rendering reads no
 * file, and marks in vk (view.h) every key they and the output paths
 * name (every key when a key names a partial or one did not parse).
 */
int lang_parse(struct lang *l, struct view_keys *vk);

/* A tmpl_loader's find (tmpl.h) over the partials of ctx, a language. */
int lang_find_partial(void *ctx, const char *name, struct arena *a,
    struct diag *d, const struct tmpl **out);

/* Sorts names and drops repeats; returns how many are left. */
size_t lang_sort_unique(const char **names, size_t n);

/*
 * Rendering in parallel (pool.c): fn(ctx, i, worker) once for each
 * i < n, in order, on up to `threads` threads, the caller's among them;
 * worker < threads, and calls on one worker never overlap.  Once a task
 * returns false, those after it not started yet are skipped.  Returns
 * the lowest i that failed, or n, whatever the thread count.
 */
#define POOL_MAX_THREADS	16	/* more would wait for each other */

size_t pool_run(size_t n, size_t threads,
    bool (*fn)(void *ctx, size_t i, size_t worker), void *ctx);

#endif
