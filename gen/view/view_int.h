/*
 * view_int: what view.c and status.c share.  Not for other modules; see
 * view.h.
 */
#ifndef GEN_VIEW_INT_H
#define GEN_VIEW_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "view.h"

#define NSTATUS_KEYS	28
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/* Where a view is being built, and what it is made of. */
struct build {
	struct arena *a;
	const struct registry *r;
	const struct view_opts *o;
	const struct view_keys *vk;
	struct buf scratch;		/* case conversions */
	const struct value **locale;	/* each locale's name */
	const struct value **views;	/* each status's, or NULL: no list */
	/* The keys of a status's view, x- keys aside, and which they are */
	struct mkey *shape;
	enum vkey shape_k[NSTATUS_KEYS];
	size_t nshape;
};

/* The keys of a status's view, before its x- keys, in their order. */
extern const enum vkey view_status_keys[NSTATUS_KEYS];

/* Whether the output's templates name key k. */
bool view_want(const struct build *b, enum vkey k);

/*
 * A map of those of keys[0..n) that the templates use, with vals[i]
 * under keys[i], and then the x- keys of ext (the model's, or NULL).
 */
const struct value *view_map(struct build *b, const enum vkey *keys,
    const struct value **vals, size_t n, const struct value *ext);

/* The string s, borrowed, or null for NULL. */
const struct value *view_str(struct build *b, const char *s);

/* The chosen locale's text of texts, else the default one's, or null. */
const struct value *view_loc(struct build *b, const struct text *texts);

/*
 * Every locale's text at once: a list of {locale, text} in the order
 * of registry.locales, of the locales the data gives; null when texts
 * is NULL.
 */
const struct value *view_loc_all(struct build *b, const struct text *texts);

/* The x- keys of a data map (ext, the model's) as {key, value} nodes. */
const struct value *view_extensions(struct build *b, const struct value *ext);

/* id in the output's case, in the view's arena. */
const struct value *view_convert(struct build *b, const char *id);

/* The view of status s (status.c). */
const struct value *view_status(struct build *b, const struct status *s);

#endif
