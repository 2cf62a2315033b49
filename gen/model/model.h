/*
 * model: the registry (data schema version 1), validated.  Types follow
 * the schema, not YAML: `phrase: No` is "No", a quoted code an error.
 * A locale text (struct text *) is indexed like registry.locales, with
 * NULL where the data gives none.  The model lives in model_build's
 * arena but for its texts, borrowed from the tree's texts arena, which
 * must outlive it; the tree's nodes may go (x- keys are copied).
 */
#ifndef GEN_MODEL_H
#define GEN_MODEL_H

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
	const char **flags;		/* once checked, the registry's ids */
	struct srcpos *flag_pos;
	size_t nflags;
	const struct value *names;	/* map: language -> list, or NULL */
	const struct value *phrases;	/* map: language -> phrase, or NULL */
	enum status_kind kind;
	const char *set;		/* set id or NULL */
	struct srcpos set_pos;
	size_t set_index;		/* once checked; nsets: none */
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

/* A class of codes, a set of unofficial codes, or a flag. */
struct group {
	struct srcpos pos;
	const char *id, *ref;		/* ref: a flag's, or NULL */
	long long first, last;		/* a class's range */
	const struct text *title, *description;	/* the latter: or NULL */
	const struct value *node;	/* its x- keys only, or NULL */
};

struct registry {
	const char *path;		/* of the data, for positions */
	const char *name, *c_prefix;
	const struct text *title, *description;	/* the latter or NULL */
	const char **locales;
	size_t nlocales;
	struct group *classes;
	size_t nclasses;
	struct group *sets, *flags;
	size_t nsets, nflags;
	struct status *statuses;	/* sorted by code */
	size_t nstatuses;
	const struct value *node;	/* its x- keys only, or NULL */
	const struct value *root;	/* its x- keys only, or NULL */
};

/*
 * Validates root, loaded from path, and builds *out in arena a.  Returns
 * 0, or -1 after reporting every error into d (up to its cap).
 */
int model_build(struct arena *a, const char *path, const struct value *root,
    struct diag *d, struct registry **out);

/*
 * The checks across statuses, classes and sets, on the model alone:
 * overlaps, shared or stray codes, identifiers alike or keywords in some
 * language, `names:`.  Returns 0, or -1 after reporting every error.
 */
int model_check(struct arena *a, struct registry *r, struct diag *d);

/* True when s matches [a-z][a-z0-9_]*. */
bool model_is_ident(const char *s);

#endif
