/* view_int: what view.c and status.c share; other modules use view.h. */
#ifndef GEN_VIEW_INT_H
#define GEN_VIEW_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "view.h"

#define NSTATUS_KEYS	30
#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

/*
 * What every output's view of a status shares, made once per run: its
 * scalars, and each locale's description and note (NULL: none).
 */
struct status_base {
	const struct value *code, *phrase, *id, *class_id, *set, *source;
	const struct value *ref, *expires;
	const struct value **text;	/* descriptions, then notes */
};

struct view_base {
	struct status_base *st;
	const struct value *lookup;	/* or NULL: no output reads it */
};

/* Where a view is being built, and what it is made of. */
struct build {
	struct arena *a;
	const struct registry *r;
	const struct view_opts *o;
	const struct view_keys *vk;
	const struct view_base *base;
	struct buf scratch;		/* case conversions */
	const struct value **locale;	/* each locale's name */
	const struct value **views;	/* each status's, or NULL: no list */
	const struct value **flags;	/* each flag's {id, name, title} */
	/* The keys of a status's view, x- keys aside, and which they are */
	struct mkey *shape;
	enum vkey shape_k[NSTATUS_KEYS];
	size_t nshape;
};

/* A member of a map being made. */
struct field {
	enum vkey k;
	const struct value *v;
};

static inline bool
view_want(const struct build *b, enum vkey k)
{
	return b->vk->used[k];
}

/* A map of the fields f[0..n) the templates use, then ext's x- keys. */
const struct value *view_map(struct build *b, const struct field *f,
    size_t n, const struct value *ext);

/* A list of items[0..n), borrowed. */
const struct value *view_list(struct build *b, const struct value **items,
    size_t n);

/* The chosen locale's text of texts, else the default one's, or null. */
const struct value *view_loc(struct build *b, const struct text *texts);

/* The {locale, text} of each locale texts gives; null for NULL. */
const struct value *view_loc_all(struct build *b, const struct text *texts);

/* ext's x- keys as {key, value} nodes, if the templates use them. */
const struct value *view_extensions(struct build *b, const struct value *ext);

/* id in the output's case. */
const struct value *view_convert(struct build *b, const char *id);

/* Sets b->shape and, if some list of statuses is used, b->views. */
void view_statuses(struct build *b);

/* Whether the code outputs' lists hold s (else: the unofficial list). */
bool view_picks(const struct build *b, const struct status *s, bool code);

/* The tables that find a status by code, name or phrase (lookup.c). */
const struct value *view_lookup(struct build *b);

#endif
