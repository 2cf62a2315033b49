/* model_int: shared by model.c (registry, classes, sets), status.c, ident.c. */
#ifndef GEN_MODEL_INT_H
#define GEN_MODEL_INT_H

#include "base/buf.h"
#include "model.h"

struct check {
	struct arena *a;	/* the model's */
	struct diag *d;
	const char *path;	/* of the document, for positions */
	struct registry *r;
	struct buf scratch;	/* spellings, reused */
	struct arena tmp;	/* what only the checks use */
};

#define CHECK_INIT(a, d, path) \
	{ (a), (d), (path), NULL, BUF_INIT, ARENA_INIT }

/* Where value v, or key i of map m, was written. */
#define POS(c, v) \
	(&(struct srcpos){ (c)->path, (v)->line, (v)->col })
#define KEY_POS(c, m, i) \
	(&(struct srcpos){ (c)->path, (m)->u.keys[i].line, (m)->u.keys[i].col })

#define NKEYS(k) (sizeof(k) / sizeof((k)[0]))

/*
 * model_read sorts the members of map into f by keys[0..nkeys); another key is
 * an error but for x- ones, returned copied into a map (or NULL).  The getters
 * of f->val[k] report a missing required key at the map, a bad value at the
 * value, and return NULL (or false); integers are always required.
 */
#define FIELDS_MAX	17

struct fields {
	const struct value *map;
	const char *const *keys;
	const struct value *val[FIELDS_MAX];	/* or NULL: not given */
};

/* What a getter asks of its value, or'ed together. */
enum {
	GET_REQUIRED = 1,	/* present, and for a string not empty */
	GET_LINE = 2,		/* no control character but tab, line feed */
	GET_IDENT = 4		/* [a-z][a-z0-9_]* */
};

const struct value *model_read(struct check *c, const struct value *map,
    const char *const *keys, size_t nkeys, struct fields *f);
const char *model_get_str(struct check *c, const struct fields *f, int k,
    int how);
bool model_get_int(struct check *c, const struct fields *f, int k,
    long long *out);
const struct text *model_get_loc(struct check *c, const struct fields *f,
    int k, int how);

/* Whether v is a map (a list); if not, reported as `what` ('what'). */
bool model_is(struct check *c, const struct value *v, enum value_kind kind,
    const char *what);

/* A copy of the subtree v in the model's arena, texts borrowed. */
const struct value *model_copy_value(struct arena *a, const struct value *v);

/*
 * Builds each item of list (a map) with fn into an array of zeroed items
 * of the given size, its length in *n; NULL when list is NULL or no list.
 */
void *model_build_list(struct check *c, const struct value *list,
    const char *what, size_t size,
    void (*fn)(struct check *, const struct value *, void *), size_t *n);

/* Builds the struct status at p from map v, for model_build_list. */
void model_build_status(struct check *c, const struct value *v, void *p);

/*
 * Every id and alias, spelt in each case languages print, must be unique
 * and no keyword, and `names:` must not meet other names.
 * model_check_word reports word, printed bare in lang (NULL: any), if it
 * is a keyword there or reserved in C, and returns whether it did.
 */
void model_check_idents(struct check *c);
bool model_check_word(struct check *c, const struct srcpos *pos,
    const char *word, const char *lang, const char *what);

#endif
