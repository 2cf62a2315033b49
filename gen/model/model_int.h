/*
 * model_int: what the files of the model stage share; see model.h.
 *
 * model.c reads maps and builds the registry, its classes and its sets;
 * status.c builds a status and runs the checks across statuses, of
 * which ident.c checks ids, aliases and `names:`.  All of them work on
 * one struct check, which lives while model_build or model_check runs.
 */
#ifndef GEN_MODEL_INT_H
#define GEN_MODEL_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/value.h"
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
 * Reading maps (model.c)
 *
 * model_read sorts the members of map into f, in one pass, by the keys
 * of its list (at most FIELDS_MAX, a status's); a key not in it is an
 * error, but for x- extensions, which it returns copied into a map of
 * their own (or NULL when there are none).  The getters read f->val[k],
 * the member under keys[k]: a missing required key is reported at the
 * map, a value of the wrong type at the value, and the getter returns
 * NULL (or false).  A string is any non-null scalar's text (`phrase:
 * No` is "No"); a locale text is one, or a locale map, as an array
 * indexed like r->locales.  An integer is always required.
 */
#define FIELDS_MAX	15

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

/* "unknown WHAT 'S'", with the closest of cands[0..n) if one is near. */
void model_unknown(struct check *c, const struct srcpos *pos,
    const char *what, const char *s, const char *const *cands, size_t n);

/* A copy of the subtree v in the model's arena, texts borrowed. */
const struct value *model_copy_value(struct arena *a, const struct value *v);

/*
 * Builds each item of list, which must be a map, with fn into an array
 * of zeroed items of the given size (a failed one keeps NULL fields),
 * which it returns; *n receives the length.  NULL when list is NULL or
 * no list (reported as `what`).
 */
void *model_build_list(struct check *c, const struct value *list,
    const char *what, size_t size,
    void (*fn)(struct check *, const struct value *, void *), size_t *n);

/* Builds the struct status at p from map v, for model_build_list. */
void model_build_status(struct check *c, const struct value *v, void *p);

/*
 * Identifiers (ident.c): every id and alias, spelt in each case a target
 * language prints names in, must be unique and no keyword; each
 * language's `names:` must not meet another status's names there.
 * model_check_word reports word, which gen prints bare in language lang
 * (NULL: any; `what` in messages: "c_prefix", "go name"), if it is one
 * of lang's keywords or, in C, reserved to the implementation, and
 * returns whether it did.
 */
void model_check_idents(struct check *c);
bool model_check_word(struct check *c, const struct srcpos *pos,
    const char *word, const char *lang, const char *what);

#endif
