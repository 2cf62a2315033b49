#include "view.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xmalloc.h"

#define NSTATUS_KEYS	28

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

/* The keys of a status's view, before its x- keys. */
static const enum vkey status_keys[] = {
	VK_CODE, VK_PHRASE, VK_ID, VK_NAME, VK_NAMES, VK_ALIAS_NAMES,
	VK_ALIASES, VK_CLASS, VK_STATUS, VK_IS_STANDARD, VK_IS_DEPRECATED,
	VK_IS_UNUSED, VK_IS_EXPERIMENTAL, VK_IS_TEMPORARY, VK_IS_UNOFFICIAL,
	VK_DOCS_ONLY, VK_SET, VK_SOURCE, VK_REF, VK_EXPIRES, VK_DESCRIPTION,
	VK_NOTE, VK_DESCRIPTION_LOCALES, VK_NOTE_LOCALES, VK_NAMES_BY_LANG,
	VK_HISTORY, VK_SUBCODES, VK_EXTENSIONS
};

#define NELEM(a)	(sizeof(a) / sizeof((a)[0]))

_Static_assert(NELEM(status_keys) == NSTATUS_KEYS, "status keys");

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

/* The statuses' kinds, as the view spells them. */
static const struct value kind_names[] = {
	{ .kind = VALUE_STRING, .str = "standard", .len = 8 },
	{ .kind = VALUE_STRING, .str = "deprecated", .len = 10 },
	{ .kind = VALUE_STRING, .str = "unused", .len = 6 },
	{ .kind = VALUE_STRING, .str = "experimental", .len = 12 },
	{ .kind = VALUE_STRING, .str = "temporary", .len = 9 },
	{ .kind = VALUE_STRING, .str = "unofficial", .len = 10 }
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

static bool
want(const struct build *b, enum vkey k)
{
	return b->vk->used[k];
}

/*
 * A map of those of keys[0..n) that the templates use, with vals[i]
 * under keys[i], and then the x- keys of ext (the model's, or NULL).
 */
static const struct value *
make_map(struct build *b, const enum vkey *keys, const struct value **vals,
    size_t n, const struct value *ext)
{
	size_t i, k = 0, next = ext != NULL ? ext->len : 0;
	struct mkey *mk = arena_array(b->a, n + next, sizeof(*mk));
	struct value *m;

	for (i = 0; i < n; i++)
		k += want(b, keys[i]);
	m = value_map(b->a, mk, k + next);
	for (i = 0, k = 0; i < n; i++) {
		if (!want(b, keys[i]))
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

static const struct value *
str(struct build *b, const char *s)
{
	return value_cstr(b->a, s);
}

/* The chosen locale's text, else the default locale's, else NULL. */
static const struct text *
loc_text(const struct build *b, const struct text *texts)
{
	if (texts == NULL)
		return NULL;
	if (texts[b->o->locale].s != NULL)
		return &texts[b->o->locale];
	return texts[0].s != NULL ? &texts[0] : NULL;
}

static const struct value *
loc(struct build *b, const struct text *texts)
{
	const struct text *t = loc_text(b, texts);

	return t != NULL ? value_str(b->a, t->s, t->len) : &value_null_v;
}

/*
 * Every locale's text at once, for outputs that carry them all: a list
 * of {locale, text} in the order of registry.locales, holding only the
 * locales the data gives (the default one always); null when the data
 * has no such field.
 */
static const struct value *
loc_all(struct build *b, const struct text *texts)
{
	static const enum vkey keys[] = { VK_LOCALE, VK_TEXT };
	const struct value *vals[2];
	struct value *list;
	size_t i, n = 0;

	if (texts == NULL)
		return &value_null_v;
	for (i = 0; i < b->r->nlocales; i++)
		n += texts[i].s != NULL;
	list = value_list(b->a, n);
	for (i = 0, n = 0; i < b->r->nlocales; i++) {
		if (texts[i].s == NULL)
			continue;
		vals[0] = b->locale[i];
		vals[1] = value_str(b->a, texts[i].s, texts[i].len);
		list->items[n++] = make_map(b, keys, vals, 2, NULL);
	}
	return list;
}

/*
 * A data value as a node a template can walk without knowing its shape:
 * kind, value (a scalar itself, else null), one is_KIND flag per kind,
 * items (a list's nodes) and members ({key, value} of a map, in order).
 * The loader bounds nesting (256 levels), which bounds this recursion.
 */
static const struct value *
node_of(struct build *b, const struct value *d)
{
	static const enum vkey keys[] = {
		VK_KIND, VK_VALUE, VK_IS_NULL, VK_IS_BOOL, VK_IS_INT,
		VK_IS_FLOAT, VK_IS_STRING, VK_IS_LIST, VK_IS_MAP, VK_IS_FINITE,
		VK_ITEMS, VK_MEMBERS
	};
	static const enum vkey member_keys[] = { VK_KEY, VK_VALUE };
	const struct value *vals[NELEM(keys)], *mv[2];
	bool list = d->kind == VALUE_LIST, map = d->kind == VALUE_MAP;
	struct value *items = value_list(b->a, list ? d->len : 0);
	struct value *members = value_list(b->a, map ? d->len : 0);
	size_t i;

	for (i = 0; list && i < d->len; i++)
		items->items[i] = node_of(b, d->items[i]);
	for (i = 0; map && i < d->len; i++) {
		mv[0] = str(b, d->u.keys[i].s);
		mv[1] = node_of(b, d->items[i]);
		members->items[i] = make_map(b, member_keys, mv, 2, NULL);
	}
	vals[0] = str(b, value_kind_name((enum value_kind)d->kind));
	vals[1] = list || map ? &value_null_v : d;
	for (i = VALUE_NULL; i <= VALUE_MAP; i++)
		vals[2 + i] = value_bool(d->kind == i);
	/* JSON, for one, has no spelling for an infinity or a NaN. */
	vals[9] = value_bool(d->kind == VALUE_INT ||
	    (d->kind == VALUE_FLOAT && isfinite(d->u.f)));
	vals[10] = items;
	vals[11] = members;
	return make_map(b, keys, vals, NELEM(keys), NULL);
}

/* The x- keys of a data map as a list of {key, value} nodes. */
static const struct value *
extensions_of(struct build *b, const struct value *ext)
{
	static const enum vkey keys[] = { VK_KEY, VK_VALUE };
	const struct value *vals[2];
	struct value *list;
	size_t i;

	if (ext == NULL || !want(b, VK_EXTENSIONS))
		return &value_empty_list;
	list = value_list(b->a, ext->len);
	for (i = 0; i < ext->len; i++) {
		vals[0] = str(b, ext->u.keys[i].s);
		vals[1] = node_of(b, ext->items[i]);
		list->items[i] = make_map(b, keys, vals, 2, NULL);
	}
	return list;
}

/* id in the output's case, in the view's arena. */
static const struct value *
convert(struct build *b, const char *id)
{
	buf_reset(&b->scratch);
	case_apply(&b->scratch, b->o->ident_case, id, strlen(id));
	return value_copy_str(b->a, b->scratch.ptr, b->scratch.len);
}

/*
 * The status's names in the output's language: the data's `names:`
 * for it, else its id and aliases in the output's case.
 */
static const struct value *
names_of(struct build *b, const struct status *s)
{
	const struct value *given = s->names != NULL ?
	    value_find(s->names, b->o->lang) : NULL;
	struct value *list;
	size_t i;

	if (given != NULL)
		return given;
	list = value_list(b->a, 1 + s->naliases);
	list->items[0] = convert(b, s->id);
	for (i = 0; i < s->naliases; i++)
		list->items[1 + i] = convert(b, s->aliases[i]);
	return list;
}

/* The list's items but the first. */
static const struct value *
tail_of(struct build *b, const struct value *list)
{
	struct value *t;

	if (list->len <= 1)
		return &value_empty_list;
	t = value_list(b->a, list->len - 1);
	memcpy(t->items, list->items + 1, t->len * sizeof(*t->items));
	return t;
}

/* The data's `names:`, every language: a list of {lang, names}. */
static const struct value *
names_by_lang(struct build *b, const struct status *s)
{
	static const enum vkey keys[] = { VK_LANG, VK_NAMES };
	const struct value *vals[2];
	size_t i, n = s->names != NULL ? s->names->len : 0;
	struct value *list = value_list(b->a, n);

	for (i = 0; i < n; i++) {
		vals[0] = str(b, s->names->u.keys[i].s);
		vals[1] = s->names->items[i];
		list->items[i] = make_map(b, keys, vals, 2, NULL);
	}
	return list;
}

static const struct value *
aliases_of(struct build *b, const struct status *s)
{
	struct value *list = value_list(b->a, s->naliases);
	size_t i;

	for (i = 0; i < s->naliases; i++)
		list->items[i] = str(b, s->aliases[i]);
	return list;
}

static const struct value *
history_of(struct build *b, const struct status *s)
{
	static const enum vkey keys[] = {
		VK_PHRASE, VK_REF, VK_CURRENT, VK_EXTENSIONS
	};
	const struct value *vals[NELEM(keys)];
	struct value *list = value_list(b->a, s->nhistory);
	size_t i;

	for (i = 0; i < s->nhistory; i++) {
		const struct history *h = &s->history[i];

		vals[0] = str(b, h->phrase);
		vals[1] = str(b, h->ref);
		/* The status's own phrase is hidden inside {{#history}}. */
		vals[2] = value_str(b->a, s->phrase, s->phrase_len);
		vals[3] = extensions_of(b, h->node);
		list->items[i] = make_map(b, keys, vals, NELEM(keys), h->node);
	}
	return list;
}

static const struct value *
subcodes_of(struct build *b, const struct status *s)
{
	static const enum vkey keys[] = {
		VK_CODE, VK_SUB, VK_PHRASE, VK_DESCRIPTION,
		VK_DESCRIPTION_LOCALES, VK_EXTENSIONS
	};
	const struct value *vals[NELEM(keys)];
	struct value *list = value_list(b->a, s->nsubcodes);
	char tmp[48];
	size_t i;

	for (i = 0; i < s->nsubcodes; i++) {
		const struct subcode *sc = &s->subcodes[i];
		int n = snprintf(tmp, sizeof(tmp), "%lld.%lld", s->code,
		    sc->sub);

		vals[0] = value_copy_str(b->a, tmp, (size_t)n);
		vals[1] = value_int(b->a, sc->sub);
		vals[2] = str(b, sc->phrase);
		vals[3] = loc(b, sc->description);
		vals[4] = want(b, VK_DESCRIPTION_LOCALES) ?
		    loc_all(b, sc->description) : NULL;
		vals[5] = extensions_of(b, sc->node);
		list->items[i] = make_map(b, keys, vals, NELEM(keys), sc->node);
	}
	return list;
}

/* The value of status key k, when the templates use k. */
static const struct value *
status_part(struct build *b, const struct status *s, enum vkey k,
    const struct value *names)
{
	switch (k) {
	case VK_ALIAS_NAMES:
		return tail_of(b, names);
	case VK_ALIASES:
		return aliases_of(b, s);
	case VK_DESCRIPTION_LOCALES:
		return loc_all(b, s->description);
	case VK_NOTE_LOCALES:
		return loc_all(b, s->note);
	case VK_NAMES_BY_LANG:
		return names_by_lang(b, s);
	case VK_HISTORY:
		return history_of(b, s);
	case VK_SUBCODES:
		return subcodes_of(b, s);
	case VK_EXTENSIONS:
		return extensions_of(b, s->node);
	default:
		break;
	}
	abort();	/* status_value has the others */
}

static const struct value *
status_value(struct build *b, const struct status *s, enum vkey k,
    const struct value *names)
{
	switch (k) {
	case VK_CODE:
		return value_int(b->a, s->code);
	case VK_PHRASE:
		return value_str(b->a, s->phrase, s->phrase_len);
	case VK_ID:
		return value_str(b->a, s->id, s->id_len);
	case VK_NAME:
		return names->len > 0 ? names->items[0] : &value_null_v;
	case VK_NAMES:
		return names;
	case VK_CLASS:
		return str(b, b->r->classes[s->class_index].id);
	case VK_STATUS:
		return &kind_names[s->kind];
	case VK_IS_STANDARD:
		return value_bool(s->kind == STATUS_STANDARD);
	case VK_IS_DEPRECATED:
		return value_bool(s->kind == STATUS_DEPRECATED);
	case VK_IS_UNUSED:
		return value_bool(s->kind == STATUS_UNUSED);
	case VK_IS_EXPERIMENTAL:
		return value_bool(s->kind == STATUS_EXPERIMENTAL);
	case VK_IS_TEMPORARY:
		return value_bool(s->kind == STATUS_TEMPORARY);
	case VK_IS_UNOFFICIAL:
		return value_bool(s->kind == STATUS_UNOFFICIAL);
	case VK_DOCS_ONLY:
		return value_bool(s->docs_only);
	case VK_SET:
		return str(b, s->set);
	case VK_SOURCE:
		return str(b, s->source);
	case VK_REF:
		return str(b, s->ref);
	case VK_EXPIRES:
		return str(b, s->expires);
	case VK_DESCRIPTION:
		return loc(b, s->description);
	case VK_NOTE:
		return loc(b, s->note);
	default:
		return status_part(b, s, k, names);
	}
}

/*
 * A status's view: the keys the templates use, in one array that every
 * status without x- keys shares (b->shape), then its x- keys.
 */
static const struct value *
status_view(struct build *b, const struct status *s)
{
	const struct value *names = &value_empty_list;
	size_t i, next = s->node != NULL ? s->node->len : 0;
	const struct mkey *keys = b->shape;
	struct value *m;

	if (next > 0) {
		struct mkey *own = arena_array(b->a, b->nshape + next,
		    sizeof(*own));

		memcpy(own, b->shape, b->nshape * sizeof(*own));
		memcpy(own + b->nshape, s->node->u.keys, next * sizeof(*own));
		keys = own;
	}
	m = value_map(b->a, keys, b->nshape + next);
	if (want(b, VK_NAME) || want(b, VK_NAMES) || want(b, VK_ALIAS_NAMES))
		names = names_of(b, s);
	for (i = 0; i < b->nshape; i++)
		m->items[i] = status_value(b, s, b->shape_k[i], names);
	for (i = 0; i < next; i++)
		m->items[b->nshape + i] = s->node->items[i];
	return m;
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

	if (!want(b, k))
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
		vals[0] = str(b, c->id);
		vals[1] = convert(b, c->id);
		vals[2] = value_int(b->a, c->first);
		vals[3] = value_int(b->a, c->last);
		vals[4] = loc(b, c->title);
		vals[5] = loc(b, c->description);
		vals[6] = loc_all(b, c->title);
		vals[7] = loc_all(b, c->description);
		vals[8] = pick_views(b, VK_STATUSES, lo, hi, PICK_CODE);
		vals[9] = pick_views(b, VK_ALL_STATUSES, lo, hi, PICK_ALL);
		vals[10] = extensions_of(b, c->node);
		list->items[k] = make_map(b, keys, vals, NELEM(keys), c->node);
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
	const struct value **all = want(b, VK_STATUSES) ? set_views(b, at) :
	    NULL;
	size_t k, start = 0;

	for (k = 0; k < b->r->nsets; start = at[k], k++) {
		const struct status_set *s = &b->r->sets[k];

		vals[0] = str(b, s->id);
		vals[1] = loc(b, s->title);
		vals[2] = loc(b, s->description);
		vals[3] = loc_all(b, s->title);
		vals[4] = loc_all(b, s->description);
		vals[5] = all != NULL ? list_of(b, all + start, at[k] - start) :
		    NULL;
		vals[6] = extensions_of(b, s->node);
		list->items[k] = make_map(b, keys, vals, NELEM(keys), s->node);
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

	vals[0] = str(b, r->name);
	vals[1] = loc(b, r->title);
	vals[2] = loc(b, r->description);
	vals[3] = list_of(b, b->locale, r->nlocales);
	vals[4] = b->locale[b->o->locale];
	vals[5] = b->locale[0];
	vals[6] = value_bool(b->o->locale == 0);
	vals[7] = str(b, r->c_prefix);
	vals[8] = loc_all(b, r->title);
	vals[9] = loc_all(b, r->description);
	vals[10] = extensions_of(b, r->node);
	return make_map(b, keys, vals, NELEM(keys), r->node);
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
		if (!want(b, status_keys[i]))
			continue;
		b->shape[b->nshape] = b->vk->k[status_keys[i]];
		b->shape_k[b->nshape++] = status_keys[i];
	}
	b->views = arena_array(b->a, b->r->nstatuses, sizeof(*b->views));
	if (!want(b, VK_STATUSES) && !want(b, VK_ALL_STATUSES) &&
	    !want(b, VK_UNOFFICIAL))
		return;
	for (i = 0; i < b->r->nstatuses; i++)
		b->views[i] = status_view(b, &b->r->statuses[i]);
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
		b.locale[i] = str(&b, r->locales[i]);
	make_views(&b);
	gen[0] = str(&b, GEN_VERSION);
	gen[1] = str(&b, o->data_path);
	gen[2] = str(&b, view_notice(a, o->data_path));
	vals[0] = make_map(&b, gen_keys, gen, NELEM(gen_keys), NULL);
	vals[1] = registry_view(&b);
	vals[2] = classes_view(&b);
	vals[3] = pick_views(&b, VK_STATUSES, 0, r->nstatuses, PICK_CODE);
	vals[4] = pick_views(&b, VK_ALL_STATUSES, 0, r->nstatuses,
	    PICK_ALL);
	vals[5] = pick_views(&b, VK_UNOFFICIAL, 0, r->nstatuses,
	    PICK_UNOFFICIAL);
	vals[6] = sets_view(&b);
	vals[7] = extensions_of(&b, r->root);
	buf_release(&b.scratch);
	return make_map(&b, keys, vals, NELEM(keys), r->root);
}
