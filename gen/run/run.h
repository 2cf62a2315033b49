/*
 * run: what the files of the run stage share.  Not for other modules;
 * see generate.h.
 *
 * run.c: what every task shares (struct run_base), `gen render` and the
 * lists; generate.c: a generating run; lang.c: target languages; pool.c:
 * outputs rendered in parallel; embed.c (made by tools/mkembed.c): the data
 * and templates built into the binary.
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

/* Embedded files (embed.c) */

/*
 * embed: the data and templates built into the gen binary.
 *
 * The build embeds data/http_status.yaml and every file under templates/
 * (see tools/mkembed.c), so `gen --lang c` works from any directory with no
 * other files present.  Paths are relative to the source tree, e.g.
 * "templates/c/lang.yaml".  Contents are NUL-terminated; len excludes the
 * NUL.  Everything here is static and lives for the whole run.
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
 * lang: target languages, each a directory of templates and a manifest.
 *
 * A language NAME is the directory templates/NAME/ holding lang.yaml and
 * its templates.  The built-in ones are embedded in the binary (see
 * embed.h).  With --templates DIR, DIR/NAME/ is searched first, file by
 * file: a user directory may hold a whole new language, or only the one
 * template or partial of a built-in language that it overrides.
 *
 * lang.yaml:
 *	name: c				the language's name (= directory)
 *	description: C header		one line, for --list-langs
 *	escape: c			none|html|c|python|go|markdown, or
 *					a map: a table escaper (escape.h)
 *	case: upper_snake		how id and aliases become `names`
 *	header: {prefix: "/ * ", suffix: " * /"}   the do-not-edit line;
 *					`as: string` escapes the notice as
 *					{{name}} does instead of as comment
 *	outputs:
 *	  - template: http_status.h.mustache
 *	    path: "c/{{registry.name}}.h"	a template over the view
 *	    per_locale: false		true: one file per registry locale
 *
 * Everything lives in the arena passed in.  Every file read is recorded
 * in struct lang_src.deps for depfiles (embedded files are not).
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
	const char **deps;		/* files read from disk */
	size_t ndeps, capdeps;
};

/* A partial of a language, read and parsed once, before rendering. */
struct lang_partial {
	const char *name;		/* NAME, of NAME.mustache */
	const char *path;
	const char *text;		/* NULL: there is no such file */
	size_t len;
	const struct tmpl *t;		/* NULL: none, or it did not parse */
};

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

/*
 * Sets *names to every language name, built-in and from the user
 * directory, sorted and without repeats; *n receives the count.
 */
void lang_names(struct lang_src *src, const char ***names, size_t *n);

/*
 * Reads file (relative to the language directory): the user directory's
 * copy if there is one, else the built-in one.  Sets *path (for
 * diagnostics), *text and *len, valid as long as the arena.  Returns 0,
 * 1 when neither exists, -1 after reporting a read error into d.
 */
int lang_read(const struct lang *l, const char *file, const char **path,
    const char **text, size_t *len, struct diag *d);

/*
 * Parses the template of each output, reporting into d, then every
 * partial they name, at any depth (every partial of the language when
 * one is named by a key), so that rendering reads no file: a partial
 * that does not parse is reported when a render reaches it.  Names
 * resolve to the keys of keys (see tmpl_parse).  Returns 0, or -1 after
 * reporting ("template 'x' not found", a read error, a parse error).
 */
int lang_parse(struct lang *l, const struct keys *keys, struct diag *d);

/*
 * Marks in vk (see view.h) every key that l's templates and output
 * paths name; every key when a partial is named by a key or did not
 * parse, as its names are then unknown.
 */
void lang_use_keys(const struct lang *l, const struct keys *keys,
    struct view_keys *vk);

/*
 * A partial loader (see tmpl.h) over the partials lang_parse read: it
 * reads no file, so renders may use it on several threads at once.
 */
struct tmpl_loader lang_loader(const struct lang *l);

/* Rendering in parallel (pool.c) */

/*
 * pool: independent tasks on a few threads.
 *
 * pool_run(n, threads, fn, ctx) calls fn(ctx, i, worker) once for each
 * i < n, on up to `threads` threads, the caller's among them, and
 * returns when every call has returned.  worker (< threads) tells the
 * threads apart: two calls with one worker never run at once, so that
 * a task may reuse what the last one on its worker left (memory).  Tasks start in the order of i.  Once a task
 * returns false, the tasks after it that have not started are skipped,
 * so a run that fails early wastes little; those before it all run.
 * fn records what it did: pool_run only returns the lowest i whose task
 * failed, or n.
 *
 * With threads <= 1 the tasks run one after another in the calling
 * thread, and a thread that cannot be started leaves its share to the
 * others: the results are the same either way.
 */

/* More threads than this would only wait for each other. */
#define POOL_MAX_THREADS	16

size_t pool_run(size_t n, size_t threads,
    bool (*fn)(void *ctx, size_t i, size_t worker), void *ctx);

/* The number of processors online, at least 1. */
size_t pool_cpus(void);

/* A run (run.c) */

/*
 * A struct run_base holds one run's options, its diagnostics, the arena
 * that the model and the templates live in, the table of interned keys
 * (value.h) and the languages' sources.  run_load reads the registry
 * into it: the data file, or the built-in one.
 */

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
	/*
	 * The tree's nodes while it loads, then empty: fresh memory costs
	 * most of what is done with it the first time (page faults, and
	 * more so in a virtual machine), so views reuse this.
	 */
	struct arena spare;
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
 * The tree's nodes go once the model is built (b->spare).  Returns 0, or -1 after
 * reporting.
 */
int run_load(struct run_base *b);

#endif
