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
 * Everything lives in the arena passed to model_build, but for texts,
 * which are borrowed from the tree: the arena that holds them must
 * outlive the model.  The tree's nodes may go once the model is built;
 * the x- keys the model keeps are copied.
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "base/value.h"

enum status_kind {
	STATUS_STANDARD, STATUS_DEPRECATED, STATUS_UNUSED,
	STATUS_EXPERIMENTAL, STATUS_TEMPORARY, STATUS_UNOFFICIAL
};

/* A locale's text, and its length, so that views need not measure it. */
struct text {
	const char *s;		/* or NULL: the data gives none */
	size_t len;
};

struct history {
	const char *phrase, *ref;	/* the latter or NULL */
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
	const char *phrase, *id;
	size_t phrase_len, id_len;	/* see struct text */
	struct srcpos id_pos;		/* of `id`, else of the status */
	const char **aliases;
	struct srcpos *alias_pos;
	size_t naliases;
	const struct value *names;	/* map: language -> list, or NULL */
	enum status_kind kind;
	const char *set;		/* set id or NULL */
	struct srcpos set_pos;
	bool docs_only;		/* shares its code; Markdown only */
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
	const struct text *title, *description;
	const struct value *node;	/* its x- keys only, or NULL */
};

struct status_set {
	struct srcpos pos;
	const char *id;
	const struct text *title, *description;	/* the latter or NULL */
	const struct value *node;	/* its x- keys only, or NULL */
};

struct registry {
	const char *path;		/* of the data, for positions */
	const char *name, *c_prefix;
	const struct text *title, *description;	/* the latter or NULL */
	const char **locales;
	size_t nlocales;
	struct status_class *classes;
	size_t nclasses;
	struct status_set *sets;
	size_t nsets;
	struct status *statuses;	/* sorted by code */
	size_t nstatuses;
	const struct value *node;	/* its x- keys only, or NULL */
	const struct value *root;	/* its x- keys only, or NULL */
};

/*
 * Validates root, loaded from path, against the schema and builds *out
 * in arena a.  Returns 0, or -1 after reporting every error into d (up
 * to its cap); *out is written only on success.  The model then reads
 * no node of the tree, which may go.
 */
int model_build(struct arena *a, const char *path, const struct value *root,
    struct diag *d, struct registry **out);

/*
 * The checks across statuses, on a model model_build built: classes
 * that overlap, codes outside every class or shared, identifiers that
 * read alike in some language or are its keywords, `names:`, sets.
 * They need only the model, so that the tree can go first.  Returns 0,
 * or -1 after reporting every error into d; a registry that fails its
 * checks is not to be used.
 */
int model_check(struct arena *a, struct registry *r, struct diag *d);

/* A status with the given code, or NULL; binary search. */
const struct status *model_find_code(const struct registry *r,
    long long code);

/* The index of locale name in r->locales, or -1. */
int model_locale(const struct registry *r, const char *name);

/* True when s matches [a-z][a-z0-9_]*. */
bool model_is_ident(const char *s);

#endif
