#include "view_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The keys of a status's view, before its x- keys. */
const enum vkey view_status_keys[] = {
	VK_CODE, VK_PHRASE, VK_ID, VK_NAME, VK_NAMES, VK_ALIAS_NAMES,
	VK_ALIASES, VK_CLASS, VK_STATUS, VK_IS_STANDARD, VK_IS_DEPRECATED,
	VK_IS_UNUSED, VK_IS_EXPERIMENTAL, VK_IS_TEMPORARY, VK_IS_UNOFFICIAL,
	VK_DOCS_ONLY, VK_SET, VK_SOURCE, VK_REF, VK_EXPIRES, VK_DESCRIPTION,
	VK_NOTE, VK_DESCRIPTION_LOCALES, VK_NOTE_LOCALES, VK_NAMES_BY_LANG,
	VK_HISTORY, VK_SUBCODES, VK_EXTENSIONS
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

const struct value *
view_loc(struct build *b, const struct text *texts)
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
const struct value *
view_loc_all(struct build *b, const struct text *texts)
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
		list->items[n++] = view_map(b, keys, vals, 2, NULL);
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
		mv[0] = view_str(b, d->u.keys[i].s);
		mv[1] = node_of(b, d->items[i]);
		members->items[i] = view_map(b, member_keys, mv, 2, NULL);
	}
	vals[0] = view_str(b, value_kind_name((enum value_kind)d->kind));
	vals[1] = list || map ? &value_null_v : d;
	for (i = VALUE_NULL; i <= VALUE_MAP; i++)
		vals[2 + i] = value_bool(d->kind == i);
	/* JSON, for one, has no spelling for an infinity or a NaN. */
	vals[9] = value_bool(d->kind == VALUE_INT ||
	    (d->kind == VALUE_FLOAT && isfinite(d->u.f)));
	vals[10] = items;
	vals[11] = members;
	return view_map(b, keys, vals, NELEM(keys), NULL);
}

/* The x- keys of a data map as a list of {key, value} nodes. */
const struct value *
view_extensions(struct build *b, const struct value *ext)
{
	static const enum vkey keys[] = { VK_KEY, VK_VALUE };
	const struct value *vals[2];
	struct value *list;
	size_t i;

	if (ext == NULL || !view_want(b, VK_EXTENSIONS))
		return &value_empty_list;
	list = value_list(b->a, ext->len);
	for (i = 0; i < ext->len; i++) {
		vals[0] = view_str(b, ext->u.keys[i].s);
		vals[1] = node_of(b, ext->items[i]);
		list->items[i] = view_map(b, keys, vals, 2, NULL);
	}
	return list;
}

/* id in the output's case, in the view's arena. */
const struct value *
view_convert(struct build *b, const char *id)
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
	list->items[0] = view_convert(b, s->id);
	for (i = 0; i < s->naliases; i++)
		list->items[1 + i] = view_convert(b, s->aliases[i]);
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
		vals[0] = view_str(b, s->names->u.keys[i].s);
		vals[1] = s->names->items[i];
		list->items[i] = view_map(b, keys, vals, 2, NULL);
	}
	return list;
}

static const struct value *
aliases_of(struct build *b, const struct status *s)
{
	struct value *list = value_list(b->a, s->naliases);
	size_t i;

	for (i = 0; i < s->naliases; i++)
		list->items[i] = view_str(b, s->aliases[i]);
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

		vals[0] = view_str(b, h->phrase);
		vals[1] = view_str(b, h->ref);
		/* The status's own phrase is hidden inside {{#history}}. */
		vals[2] = value_str(b->a, s->phrase, s->phrase_len);
		vals[3] = view_extensions(b, h->node);
		list->items[i] = view_map(b, keys, vals, NELEM(keys), h->node);
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
		vals[2] = view_str(b, sc->phrase);
		vals[3] = view_loc(b, sc->description);
		vals[4] = view_want(b, VK_DESCRIPTION_LOCALES) ?
		    view_loc_all(b, sc->description) : NULL;
		vals[5] = view_extensions(b, sc->node);
		list->items[i] = view_map(b, keys, vals, NELEM(keys), sc->node);
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
		return view_loc_all(b, s->description);
	case VK_NOTE_LOCALES:
		return view_loc_all(b, s->note);
	case VK_NAMES_BY_LANG:
		return names_by_lang(b, s);
	case VK_HISTORY:
		return history_of(b, s);
	case VK_SUBCODES:
		return subcodes_of(b, s);
	case VK_EXTENSIONS:
		return view_extensions(b, s->node);
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
		return view_str(b, b->r->classes[s->class_index].id);
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
		return view_str(b, s->set);
	case VK_SOURCE:
		return view_str(b, s->source);
	case VK_REF:
		return view_str(b, s->ref);
	case VK_EXPIRES:
		return view_str(b, s->expires);
	case VK_DESCRIPTION:
		return view_loc(b, s->description);
	case VK_NOTE:
		return view_loc(b, s->note);
	default:
		return status_part(b, s, k, names);
	}
}

/*
 * A status's view: the keys the templates use, in one array that every
 * status without x- keys shares (b->shape), then its x- keys.
 */
const struct value *
view_status(struct build *b, const struct status *s)
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
	if (view_want(b, VK_NAME) || view_want(b, VK_NAMES) || view_want(b, VK_ALIAS_NAMES))
		names = names_of(b, s);
	for (i = 0; i < b->nshape; i++)
		m->items[i] = status_value(b, s, b->shape_k[i], names);
	for (i = 0; i < next; i++)
		m->items[b->nshape + i] = s->node->items[i];
	return m;
}

