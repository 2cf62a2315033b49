/*
 * model: the validated registry (data schema version 1).
 *
 * model_build checks a loaded document (see load.h) against the schema
 * and turns it into a struct registry.  It reports every problem it
 * finds, each at the position of the offending key or value, with notes
 * pointing at first definitions of duplicates.  Scalar types follow the
 * schema, not YAML guessing: `phrase: No` is the string "No"; `code:
 * "404"` is an error because a code must be a plain integer.
 *
 * A locale map ({en: ..., zh-CN: ...}) becomes an array of texts
 * indexed like registry.locales; a locale the data does not give has a
 * NULL text.  A plain string where a locale map is allowed is the
 * default locale.
 *
 * Everything lives in the arena passed to model_build; strings are
 * borrowed from the document tree, which must outlive the model.
 *
 * A big registry is better built while it loads, so that the tree never
 * holds every status at once: model_stream gives a struct load_stream
 * (see load.h) that builds each status as the loader finishes it, and
 * copies what the model keeps out of the item's short-lived nodes.
 *
 *	struct model_stream *ms = model_stream_new(a, d);
 *	load_file_streamed(a, path, lim, model_stream_hook(ms), d, &root);
 *	model_stream_finish(ms, root, &r);	// as model_build; frees ms
 *
 * Its registry and errors are those of model_build on the same
 * document, but the errors of statuses built while loading come in
 * document order among the loader's own.
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "load/load.h"
#include "base/value.h"

enum status_kind {
	STATUS_STANDARD,
	STATUS_DEPRECATED,
	STATUS_UNUSED,
	STATUS_EXPERIMENTAL,
	STATUS_TEMPORARY,
	STATUS_UNOFFICIAL
};

/*
 * A locale's text and its length: views write the descriptions of a
 * big registry once per output, and measuring each again with strlen,
 * cold, cost more than writing it.
 */
struct text {
	const char *s;		/* or NULL: the data gives none */
	size_t len;
};

struct history {
	const char *phrase;
	const char *ref;		/* or NULL */
	const struct value *node;	/* its x- keys only, or NULL */
};

struct subcode {
	struct srcpos pos;
	long long sub;
	const char *phrase;
	const struct text *description;	/* per locale */
	const struct value *node;	/* its x- keys only, or NULL */
};

struct status {
	struct srcpos pos;
	long long code;
	const char *phrase;
	const char *id;
	size_t phrase_len, id_len;	/* see struct text */
	struct srcpos id_pos;		/* of `id`, else of the status */
	const char **aliases;
	struct srcpos *alias_pos;
	size_t naliases;
	const struct value *names;	/* map: language -> list, or NULL */
	enum status_kind kind;
	const char *set;		/* set id or NULL */
	struct srcpos set_pos;
	bool docs_only;			/* shares its code; Markdown only */
	const char *source, *ref, *expires;	/* or NULL */
	struct history *history;
	size_t nhistory;
	struct subcode *subcodes;
	size_t nsubcodes;
	const struct text *note;	/* per locale, or NULL */
	const struct text *description;	/* per locale */
	size_t class_index;
	const struct value *node;	/* its x- keys only, or NULL */
};

struct status_class {
	struct srcpos pos;
	const char *id;
	long long first, last;
	const struct text *title;
	const struct text *description;
	const struct value *node;	/* the map, for x- keys */
};

struct status_set {
	struct srcpos pos;
	const char *id;
	const struct text *title;
	const struct text *description;	/* or NULL */
	const struct value *node;	/* the map, for x- keys */
};

struct registry {
	const char *name;
	const char *c_prefix;
	const struct text *title;
	const struct text *description;	/* or NULL */
	const char **locales;
	size_t nlocales;
	struct status_class *classes;
	size_t nclasses;
	struct status_set *sets;
	size_t nsets;
	struct status *statuses;	/* sorted by code */
	size_t nstatuses;
	const struct value *node;	/* the registry map, for x- keys */
	const struct value *root;	/* the document, for its x- keys */
};

/*
 * Validates root and builds *out in arena a.  Returns 0, or -1 after
 * reporting every error into d (up to its cap); *out is written only on
 * success.
 */
int model_build(struct arena *a, const struct value *root, struct diag *d,
    struct registry **out);

struct model_stream;

struct model_stream *model_stream_new(struct arena *a, struct diag *d);
const struct load_stream *model_stream_hook(struct model_stream *ms);

/* The threads the checks may use once the statuses are in; 1 by default. */
void model_stream_threads(struct model_stream *ms, size_t n);

/*
 * Builds *out as model_build does from root, loaded through
 * model_stream_hook(ms) or not (root NULL: loading failed, nothing is
 * built), and frees what ms holds.  Returns 0 or -1.
 */
int model_stream_finish(struct model_stream *ms, const struct value *root,
    struct registry **out);

/*
 * The identifier checks (ids and aliases in every case, `names:`) are
 * the slowest, and nothing in the model depends on them: after
 * model_stream_defer, model_stream_finish leaves them out when all else
 * is right, so that the model can be read meanwhile (rendered, say,
 * with the results dropped should they fail).  model_stream_deferred
 * then says so, and model_stream_check must run them, once, on any
 * thread, reporting into d; it allocates nothing in the model's arena.
 * When anything else is wrong, model_stream_finish runs them as ever,
 * so that the messages are the same.  Returns 0 or -1.
 */
void model_stream_defer(struct model_stream *ms);
bool model_stream_deferred(const struct model_stream *ms);
int model_stream_check(struct model_stream *ms, struct diag *d);

/* The status with the given code, or NULL; binary search. */
const struct status *model_find_code(const struct registry *r,
    long long code);

/* The index of locale name in r->locales, or -1. */
int model_locale(const struct registry *r, const char *name);

/* "standard", "deprecated", ... */
const char *model_status_name(enum status_kind kind);

/* True when s matches [a-z][a-z0-9_]*. */
bool model_is_ident(const char *s);

#endif
