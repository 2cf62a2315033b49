#include "view_int.h"

#include <stdio.h>
#include <string.h>

/* The fields of x's title and description, each also in every locale. */
#define TEXTS(b, x) \
	{ VK_TITLE, view_loc(b, (x)->title) }, \
	{ VK_DESCRIPTION, view_loc(b, (x)->description) }, \
	{ VK_TITLE_LOCALES, view_loc_all(b, (x)->title) }, \
	{ VK_DESCRIPTION_LOCALES, view_loc_all(b, (x)->description) }

/* The key names, in the order of enum vkey. */
static const char *const key_names[VK_N] = {
	"aliases", "alias_names", "all_statuses", "by_name", "by_phrase",
	"class", "classes", "code", "count", "current", "data",
	"default_locale", "dense", "description", "description_locales",
	"docs_only", "expires", "extensions", "first", "flags", "gen",
	"history", "id", "is_bool", "is_default_locale", "is_deprecated",
	"is_experimental", "is_finite", "is_float", "is_int", "is_list",
	"is_map", "is_null", "is_standard", "is_string", "is_temporary",
	"is_unofficial", "is_unused", "items", "key", "kind", "lang", "last",
	"locale", "locales", "lookup", "members", "name", "names",
	"names_by_lang", "note", "note_locales", "notice", "phrase", "phrases",
	"prefix", "ref", "registry", "set", "sets", "slots", "source", "status",
	"statuses", "sub", "subcodes", "text", "title", "title_locales",
	"unofficial", "used_flags", "value", "version"
};

void
view_keys_init(struct view_keys *vk, struct keys *keys)
{
	size_t i;

	for (i = 0; i < VK_N; i++) {
		vk->k[i].s = keys_add(keys, key_names[i], strlen(key_names[i]));
		vk->k[i].line = vk->k[i].col = 0;
		vk->used[i] = vk->first[i] = true;
	}
}

void
view_keys_use(struct view_keys *vk, const char *key, bool first)
{
	size_t i;

	for (i = 0; i < VK_N; i++)
		if (vk->k[i].s == key) {
			vk->used[i] = true;
			vk->first[i] = vk->first[i] || first;
		}
}

/* The map has room for every field; len counts those it holds. */
const struct value *
view_map(struct build *b, const struct field *f, size_t n,
    const struct value *ext)
{
	size_t i, k = 0, next = ext != NULL ? ext->len : 0;
	struct mkey *mk = arena_array(b->a, n + next, sizeof(*mk));
	struct value *m = value_map(b->a, mk, n + next);

	for (i = 0; i < n; i++) {
		if (!view_want(b, f[i].k))
			continue;
		mk[k] = b->vk->k[f[i].k];
		m->items[k++] = f[i].v;
	}
	for (i = 0; i < next; i++, k++) {
		mk[k] = ext->u.keys[i];
		m->items[k] = ext->items[i];
	}
	m->len = (unsigned)k;
	return m;
}

bool
view_picks(const struct build *b, const struct status *s, bool code)
{
	size_t i;

	if (!code)
		return s->kind == STATUS_UNOFFICIAL;
	if (s->docs_only)
		return false;
	if (s->kind != STATUS_UNOFFICIAL || b->o->include_all)
		return true;
	for (i = 0; i < b->o->ninclude; i++)
		if (strcmp(b->o->include[i], s->set) == 0)
			return true;
	return false;
}

const struct value *
view_list(struct build *b, const struct value **items, size_t n)
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
 * The views of the statuses [lo, hi) view_picks takes (every one for
 * all_statuses), with flag (NULL: any), if k is used.
 */
static const struct value *
pick_views(struct build *b, enum vkey k, size_t lo, size_t hi, bool code,
    const char *flag)
{
	const struct value **items;
	const struct status *s;
	size_t i, j, n = 0;

	if (!view_want(b, k))
		return NULL;
	items = arena_array(b->a, hi - lo, sizeof(*items));
	for (i = lo; i < hi; i++) {
		s = &b->r->statuses[i];
		for (j = 0; flag != NULL && j < s->nflags; j++)
			if (s->flags[j] == flag)
				break;
		if ((k == VK_ALL_STATUSES || view_picks(b, s, code)) &&
		    (flag == NULL || j < s->nflags))
			items[n++] = b->views[i];
	}
	return view_list(b, items, n);
}

/* Statuses sort by code and classes are disjoint: k has [lo[k], hi[k]). */
static const struct value *
classes_view(struct build *b)
{
	const struct registry *r = b->r;
	struct value *list = value_list(b->a, r->nclasses);
	size_t *lo = arena_array(b->a, 2 * r->nclasses, sizeof(*lo));
	size_t *hi = lo + r->nclasses, i, k;

	for (i = r->nstatuses; i-- > 0;)
		lo[r->statuses[i].class_index] = i;
	for (i = 0; i < r->nstatuses; i++)
		hi[r->statuses[i].class_index] = i + 1;
	for (k = 0; k < r->nclasses; k++) {
		const struct group *c = &r->classes[k];
		const struct field f[] = {
			{ VK_ID, value_cstr(b->a, c->id) },
			{ VK_NAME, view_convert(b, c->id) },
			{ VK_FIRST, value_int(b->a, c->first) },
			{ VK_LAST, value_int(b->a, c->last) },
			TEXTS(b, c),
			{ VK_STATUSES, pick_views(b, VK_STATUSES, lo[k], hi[k],
			    true, NULL) },
			{ VK_ALL_STATUSES,
			    view_list(b, b->views + lo[k], hi[k] - lo[k]) },
			{ VK_EXTENSIONS, view_extensions(b, c->node) }
		};

		list->items[k] = view_map(b, f, NELEM(f), c->node);
	}
	return list;
}

/*
 * Every set's statuses, in one pass: a counting sort of the views by set into
 * one array, set k's from at[k] to at[k + 1] (at[nsets]: those in no set).
 */
static const struct value **
set_views(struct build *b, size_t *at)
{
	const struct registry *r = b->r;
	const struct value **all = arena_array(b->a, r->nstatuses,
	    sizeof(*all));
	size_t i, k;

	for (i = 0; i < r->nstatuses; i++)
		at[r->statuses[i].set_index]++;
	for (k = 1; k <= r->nsets; k++)
		at[k] += at[k - 1];
	for (i = r->nstatuses; i-- > 0;)
		all[--at[r->statuses[i].set_index]] = b->views[i];
	return all;
}

static const struct value *
sets_view(struct build *b)
{
	const struct registry *r = b->r;
	struct value *list = value_list(b->a, r->nsets);
	size_t *at = arena_array(b->a, r->nsets + 1, sizeof(*at)), k;
	const struct value **all = view_want(b, VK_STATUSES) ?
	    set_views(b, at) : NULL;

	for (k = 0; k < r->nsets; k++) {
		const struct group *s = &r->sets[k];
		const struct field f[] = {
			{ VK_ID, value_cstr(b->a, s->id) },
			TEXTS(b, s),
			{ VK_STATUSES, all != NULL ? view_list(b, all + at[k],
			    at[k + 1] - at[k]) : NULL },
			{ VK_EXTENSIONS, view_extensions(b, s->node) }
		};

		list->items[k] = view_map(b, f, NELEM(f), s->node);
	}
	return list;
}

/*
 * Flag g's view, or (!whole, before the statuses' views) the {id, name,
 * title} that its statuses list.
 */
static const struct value *
flag_view(struct build *b, const struct group *g, bool whole)
{
	const struct field f[] = {
		{ VK_ID, value_cstr(b->a, g->id) },
		{ VK_NAME, view_convert(b, g->id) },
		TEXTS(b, g),
		{ VK_REF, value_cstr(b->a, g->ref) },
		{ VK_STATUSES, whole ? pick_views(b, VK_STATUSES, 0,
		    b->r->nstatuses, true, g->id) : NULL },
		{ VK_ALL_STATUSES, whole ? pick_views(b, VK_ALL_STATUSES, 0,
		    b->r->nstatuses, true, g->id) : NULL },
		{ VK_EXTENSIONS, view_extensions(b, g->node) }
	};

	return view_map(b, f, whole ? NELEM(f) : 3, whole ? g->node : NULL);
}

/* The flags' views, or (!whole) their items in b->flags. */
static const struct value *
flags_view(struct build *b, bool whole)
{
	struct value *list = value_list(b->a, b->r->nflags);
	size_t k;

	if (!view_want(b, VK_FLAGS) && !view_want(b, VK_USED_FLAGS))
		return NULL;
	for (k = 0; k < b->r->nflags; k++)
		list->items[k] = flag_view(b, &b->r->flags[k], whole);
	if (!whole)
		b->flags = list->items;
	return list;
}

/* The flags some status has, which the Markdown lists; flags is theirs. */
static const struct value *
used_flags(struct build *b, const struct value *flags)
{
	const struct registry *r = b->r;
	const struct value **items;
	size_t i, j, k, n = 0;

	if (flags == NULL || !view_want(b, VK_USED_FLAGS))
		return NULL;
	items = arena_array(b->a, r->nflags, sizeof(*items));
	for (k = 0; k < r->nflags; k++)
		for (i = 0; i < r->nstatuses; i++) {
			for (j = 0; j < r->statuses[i].nflags &&
			    r->statuses[i].flags[j] != r->flags[k].id; j++)
				continue;
			if (j < r->statuses[i].nflags) {
				items[n++] = flags->items[k];
				break;
			}
		}
	return view_list(b, items, n);
}

const char *
view_notice(struct arena *a, const char *data_path)
{
	size_t n = strlen(data_path) + 64;	/* the rest takes 44 */
	char *s = arena_alloc(a, n);

	snprintf(s, n, "Code generated by gen from %s. DO NOT EDIT.",
	    data_path);
	return s;
}

static const struct value *
root_view(struct build *b)
{
	const struct registry *r = b->r;
	const struct value *flags = flags_view(b, true);
	const struct field gen[] = {
		{ VK_VERSION, value_cstr(b->a, GEN_VERSION) },
		{ VK_DATA, value_cstr(b->a, b->o->data_path) },
		{ VK_NOTICE,
		    value_cstr(b->a, view_notice(b->a, b->o->data_path)) }
	};
	const struct field reg[] = {
		{ VK_NAME, value_cstr(b->a, r->name) },
		TEXTS(b, r),
		{ VK_LOCALES, view_list(b, b->locale, r->nlocales) },
		{ VK_LOCALE, b->locale[b->o->locale] },
		{ VK_DEFAULT_LOCALE, b->locale[0] },
		{ VK_IS_DEFAULT_LOCALE, value_bool(b->o->locale == 0) },
		{ VK_PREFIX, value_cstr(b->a, r->c_prefix) },
		{ VK_EXTENSIONS, view_extensions(b, r->node) }
	};
	const struct field f[] = {
		{ VK_GEN, view_map(b, gen, NELEM(gen), NULL) },
		{ VK_REGISTRY, view_map(b, reg, NELEM(reg), r->node) },
		{ VK_CLASSES, classes_view(b) },
		{ VK_STATUSES, pick_views(b, VK_STATUSES, 0, r->nstatuses,
		    true, NULL) },
		{ VK_ALL_STATUSES, view_list(b, b->views, r->nstatuses) },
		{ VK_UNOFFICIAL, pick_views(b, VK_UNOFFICIAL, 0,
		    r->nstatuses, false, NULL) },
		{ VK_SETS, sets_view(b) },
		{ VK_FLAGS, view_want(b, VK_FLAGS) ? flags : NULL },
		{ VK_USED_FLAGS, used_flags(b, flags) },
		{ VK_LOOKUP, b->base->lookup },
		{ VK_EXTENSIONS, view_extensions(b, r->root) }
	};

	return view_map(b, f, NELEM(f), r->root);
}

const struct value *
view_build(struct arena *a, const struct registry *r,
    const struct view_base *base, const struct view_opts *o,
    const struct view_keys *vk)
{
	struct build b = { a, r, o, vk, base, BUF_INIT, NULL, NULL, NULL,
	    NULL, {0}, 0 };
	const struct value *root;
	size_t i;

	b.locale = arena_array(a, r->nlocales, sizeof(*b.locale));
	for (i = 0; i < r->nlocales; i++)
		b.locale[i] = value_cstr(a, r->locales[i]);
	flags_view(&b, false);
	view_statuses(&b);
	root = root_view(&b);
	buf_release(&b.scratch);
	return root;
}
