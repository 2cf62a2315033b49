#include "view_int.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "base/xmalloc.h"

/* The key names, in the order of enum vkey. */
static const char *const key_names[VK_N] = {
	"alias_names", "aliases", "all_statuses", "class", "classes", "code",
	"current", "data", "default_locale", "description",
	"description_locales", "docs_only", "expires", "extensions", "first",
	"gen", "history", "id", "is_bool", "is_default_locale",
	"is_deprecated", "is_experimental", "is_finite", "is_float", "is_int",
	"is_list", "is_map", "is_null", "is_standard", "is_string",
	"is_temporary", "is_unofficial", "is_unused", "items", "key", "kind",
	"lang", "last", "locale", "locales", "members", "name", "names",
	"names_by_lang", "note", "note_locales", "notice", "phrase", "prefix",
	"ref", "registry", "set", "sets", "source", "status", "statuses",
	"sub", "subcodes", "text", "title", "title_locales", "unofficial",
	"value", "version"
};

void
view_keys_init(struct view_keys *vk, struct keys *keys)
{
	size_t i;

	for (i = 0; i < VK_N; i++) {
		vk->k[i].s = keys_add(keys, key_names[i], strlen(key_names[i]));
		vk->k[i].line = vk->k[i].col = 0;
		vk->used[i] = true;
	}
}

void
view_keys_use(struct view_keys *vk, const char *key)
{
	size_t i;

	for (i = 0; i < VK_N; i++)
		if (vk->k[i].s == key)
			vk->used[i] = true;
}

bool
view_want(const struct build *b, enum vkey k)
{
	return b->vk->used[k];
}

/*
 * A map of those of keys[0..n) that the templates use, with vals[i]
 * under keys[i], and then the x- keys of ext (the model's, or NULL).
 */
const struct value *
view_map(struct build *b, const enum vkey *keys, const struct value **vals,
    size_t n, const struct value *ext)
{
	size_t i, k = 0, next = ext != NULL ? ext->len : 0;
	struct mkey *mk = arena_array(b->a, n + next, sizeof(*mk));
	struct value *m;

	for (i = 0; i < n; i++)
		k += view_want(b, keys[i]);
	m = value_map(b->a, mk, k + next);
	for (i = 0, k = 0; i < n; i++) {
		if (!view_want(b, keys[i]))
			continue;
		mk[k] = b->vk->k[keys[i]];
		m->items[k++] = vals[i];
	}
	for (i = 0; i < next; i++) {
		mk[k] = ext->u.keys[i];
		m->items[k++] = ext->items[i];
	}
	return m;
}

const struct value *
view_str(struct build *b, const char *s)
{
	return value_cstr(b->a, s);
}

static bool
in_code(const struct build *b, const struct status *s)
{
	size_t i;

	if (s->docs_only)
		return false;
	if (s->kind != STATUS_UNOFFICIAL || b->o->include_all)
		return true;
	for (i = 0; i < b->o->ninclude; i++)
		if (strcmp(b->o->include[i], s->set) == 0)
			return true;
	return false;
}

enum pick { PICK_ALL, PICK_CODE, PICK_UNOFFICIAL };

static bool
picks(const struct build *b, const struct status *s, enum pick p)
{
	switch (p) {
	case PICK_ALL:
		return true;
	case PICK_CODE:
		return in_code(b, s);
	case PICK_UNOFFICIAL:
		return s->kind == STATUS_UNOFFICIAL;
	}
	return true;
}

/* A list of items[0..n), borrowed. */
static const struct value *
list_of(struct build *b, const struct value **items, size_t n)
{
	struct value *list;

	if (n == 0)
		return &value_empty_list;
	list = arena_alloc(b->a, sizeof(*list));
	list->kind = VALUE_LIST;
	list->len = (unsigned)n;
	list->items = items;
	return list;
}

/*
 * The views of the statuses [lo, hi) that p picks, when the templates
 * use key k, the list's.
 */
static const struct value *
pick_views(struct build *b, enum vkey k, size_t lo, size_t hi, enum pick p)
{
	const struct value **items;
	size_t i, n = 0;

	if (!view_want(b, k))
		return NULL;
	if (p == PICK_ALL)
		return list_of(b, b->views + lo, hi - lo);
	for (i = lo; i < hi; i++)
		n += picks(b, &b->r->statuses[i], p);
	items = arena_array(b->a, n, sizeof(*items));
	for (i = lo, n = 0; i < hi; i++)
		if (picks(b, &b->r->statuses[i], p))
			items[n++] = b->views[i];
	return list_of(b, items, n);
}

/*
 * The first status whose code is above code.  Statuses are sorted by
 * code and classes are ranges of codes that do not overlap, so a class's
 * statuses sit together: finding them costs two searches.
 */
static size_t
after_code(const struct registry *r, long long code)
{
	size_t lo = 0, hi = r->nstatuses, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (r->statuses[mid].code <= code)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const struct value *
classes_view(struct build *b)
{
	static const enum vkey keys[] = {
		VK_ID, VK_NAME, VK_FIRST, VK_LAST, VK_TITLE, VK_DESCRIPTION,
		VK_TITLE_LOCALES, VK_DESCRIPTION_LOCALES, VK_STATUSES,
		VK_ALL_STATUSES, VK_EXTENSIONS
	};
	const struct value *vals[NELEM(keys)];
	struct value *list = value_list(b->a, b->r->nclasses);
	size_t k, lo, hi;

	for (k = 0; k < b->r->nclasses; k++) {
		const struct status_class *c = &b->r->classes[k];

		lo = c->first > LLONG_MIN ? after_code(b->r, c->first - 1) : 0;
		hi = after_code(b->r, c->last);
		vals[0] = view_str(b, c->id);
		vals[1] = view_convert(b, c->id);
		vals[2] = value_int(b->a, c->first);
		vals[3] = value_int(b->a, c->last);
		vals[4] = view_loc(b, c->title);
		vals[5] = view_loc(b, c->description);
		vals[6] = view_loc_all(b, c->title);
		vals[7] = view_loc_all(b, c->description);
		vals[8] = pick_views(b, VK_STATUSES, lo, hi, PICK_CODE);
		vals[9] = pick_views(b, VK_ALL_STATUSES, lo, hi, PICK_ALL);
		vals[10] = view_extensions(b, c->node);
		list->items[k] = view_map(b, keys, vals, NELEM(keys), c->node);
	}
	return list;
}

/*
 * The index of the set named id, or nsets; *hint is where the last one
 * was, which the next status most often shares.
 */
static size_t
set_index(const struct registry *r, const char *id, size_t *hint)
{
	size_t k;

	if (*hint < r->nsets && strcmp(r->sets[*hint].id, id) == 0)
		return *hint;
	for (k = 0; k < r->nsets; k++)
		if (strcmp(r->sets[k].id, id) == 0)
			return *hint = k;
	return r->nsets;
}

/*
 * The views of every set's statuses, from one pass over the registry:
 * in set order, at offsets counted first.  Sets' lists end where the
 * next set's begin; at[k] is where set k's ends.
 */
static const struct value **
set_views(struct build *b, size_t *at)
{
	const struct registry *r = b->r;
	const struct value **all;
	size_t *of = xmalloc(xmul(r->nstatuses + 1, sizeof(*of)));
	size_t i, k, hint = 0, start = 0, n;

	for (i = 0; i < r->nstatuses; i++) {
		of[i] = r->statuses[i].set == NULL ? r->nsets :
		    set_index(r, r->statuses[i].set, &hint);
		at[of[i]]++;
	}
	for (k = 0; k <= r->nsets; k++) {
		n = at[k];
		at[k] = start;
		start += n;
	}
	all = arena_array(b->a, start, sizeof(*all));
	for (i = 0; i < r->nstatuses; i++)
		all[at[of[i]]++] = b->views[i];
	free(of);
	return all;
}

static const struct value *
sets_view(struct build *b)
{
	static const enum vkey keys[] = {
		VK_ID, VK_TITLE, VK_DESCRIPTION, VK_TITLE_LOCALES,
		VK_DESCRIPTION_LOCALES, VK_STATUSES, VK_EXTENSIONS
	};
	const struct value *vals[NELEM(keys)];
	struct value *list = value_list(b->a, b->r->nsets);
	size_t *at = xcalloc(b->r->nsets + 1, sizeof(*at));
	const struct value **all = view_want(b, VK_STATUSES) ? set_views(b, at) :
	    NULL;
	size_t k, start = 0;

	for (k = 0; k < b->r->nsets; start = at[k], k++) {
		const struct status_set *s = &b->r->sets[k];

		vals[0] = view_str(b, s->id);
		vals[1] = view_loc(b, s->title);
		vals[2] = view_loc(b, s->description);
		vals[3] = view_loc_all(b, s->title);
		vals[4] = view_loc_all(b, s->description);
		vals[5] = all != NULL ? list_of(b, all + start, at[k] - start) :
		    NULL;
		vals[6] = view_extensions(b, s->node);
		list->items[k] = view_map(b, keys, vals, NELEM(keys), s->node);
	}
	free(at);
	return list;
}

static const struct value *
registry_view(struct build *b)
{
	static const enum vkey keys[] = {
		VK_NAME, VK_TITLE, VK_DESCRIPTION, VK_LOCALES, VK_LOCALE,
		VK_DEFAULT_LOCALE, VK_IS_DEFAULT_LOCALE, VK_PREFIX,
		VK_TITLE_LOCALES, VK_DESCRIPTION_LOCALES, VK_EXTENSIONS
	};
	const struct registry *r = b->r;
	const struct value *vals[NELEM(keys)];

	vals[0] = view_str(b, r->name);
	vals[1] = view_loc(b, r->title);
	vals[2] = view_loc(b, r->description);
	vals[3] = list_of(b, b->locale, r->nlocales);
	vals[4] = b->locale[b->o->locale];
	vals[5] = b->locale[0];
	vals[6] = value_bool(b->o->locale == 0);
	vals[7] = view_str(b, r->c_prefix);
	vals[8] = view_loc_all(b, r->title);
	vals[9] = view_loc_all(b, r->description);
	vals[10] = view_extensions(b, r->node);
	return view_map(b, keys, vals, NELEM(keys), r->node);
}

const char *
view_notice(struct arena *a, const char *data_path)
{
	struct buf b = BUF_INIT;
	char *s;

	buf_addf(&b, "Code generated by gen from %s. DO NOT EDIT.", data_path);
	s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

/* Every status's view, when some list of statuses is used. */
static void
make_views(struct build *b)
{
	size_t i;

	b->shape = arena_array(b->a, NSTATUS_KEYS, sizeof(*b->shape));
	for (i = 0; i < NSTATUS_KEYS; i++) {
		if (!view_want(b, view_status_keys[i]))
			continue;
		b->shape[b->nshape] = b->vk->k[view_status_keys[i]];
		b->shape_k[b->nshape++] = view_status_keys[i];
	}
	b->views = arena_array(b->a, b->r->nstatuses, sizeof(*b->views));
	if (!view_want(b, VK_STATUSES) && !view_want(b, VK_ALL_STATUSES) &&
	    !view_want(b, VK_UNOFFICIAL))
		return;
	for (i = 0; i < b->r->nstatuses; i++)
		b->views[i] = view_status(b, &b->r->statuses[i]);
}

const struct value *
view_build(struct arena *a, const struct registry *r,
    const struct view_opts *o, const struct view_keys *vk)
{
	static const enum vkey gen_keys[] = { VK_VERSION, VK_DATA, VK_NOTICE };
	static const enum vkey keys[] = {
		VK_GEN, VK_REGISTRY, VK_CLASSES, VK_STATUSES, VK_ALL_STATUSES,
		VK_UNOFFICIAL, VK_SETS, VK_EXTENSIONS
	};
	struct build b = { a, r, o, vk, BUF_INIT, NULL, NULL, NULL, {0}, 0 };
	const struct value *vals[NELEM(keys)], *gen[NELEM(gen_keys)];
	size_t i;

	b.locale = arena_array(a, r->nlocales, sizeof(*b.locale));
	for (i = 0; i < r->nlocales; i++)
		b.locale[i] = view_str(&b, r->locales[i]);
	make_views(&b);
	gen[0] = view_str(&b, GEN_VERSION);
	gen[1] = view_str(&b, o->data_path);
	gen[2] = view_str(&b, view_notice(a, o->data_path));
	vals[0] = view_map(&b, gen_keys, gen, NELEM(gen_keys), NULL);
	vals[1] = registry_view(&b);
	vals[2] = classes_view(&b);
	vals[3] = pick_views(&b, VK_STATUSES, 0, r->nstatuses, PICK_CODE);
	vals[4] = pick_views(&b, VK_ALL_STATUSES, 0, r->nstatuses,
	    PICK_ALL);
	vals[5] = pick_views(&b, VK_UNOFFICIAL, 0, r->nstatuses,
	    PICK_UNOFFICIAL);
	vals[6] = sets_view(&b);
	vals[7] = view_extensions(&b, r->root);
	buf_release(&b.scratch);
	return view_map(&b, keys, vals, NELEM(keys), r->root);
}
