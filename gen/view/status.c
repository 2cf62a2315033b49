#include "view_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The keys of a status's view, before its x- keys. */
static const enum vkey status_keys[NSTATUS_KEYS] = {
	VK_CODE, VK_PHRASE, VK_ID, VK_NAME, VK_NAMES, VK_ALIAS_NAMES,
	VK_ALIASES, VK_CLASS, VK_STATUS, VK_IS_STANDARD, VK_IS_DEPRECATED,
	VK_IS_UNUSED, VK_IS_EXPERIMENTAL, VK_IS_TEMPORARY, VK_IS_UNOFFICIAL,
	VK_DOCS_ONLY, VK_SET, VK_SOURCE, VK_REF, VK_EXPIRES, VK_DESCRIPTION,
	VK_NOTE, VK_DESCRIPTION_LOCALES, VK_NOTE_LOCALES, VK_NAMES_BY_LANG,
	VK_HISTORY, VK_SUBCODES, VK_FLAGS, VK_PHRASES, VK_EXTENSIONS
};

/* Each kind of status: its name in the view, and its is_KIND key. */
#define STR(s)	{ .kind = VALUE_STRING, .str = (s), .len = sizeof(s) - 1 }
static const struct value kind_names[] = {
	STR("standard"), STR("deprecated"), STR("unused"),
	STR("experimental"), STR("temporary"), STR("unofficial")
};
static const enum vkey is_kind[] = {
	VK_IS_STANDARD, VK_IS_DEPRECATED, VK_IS_UNUSED, VK_IS_EXPERIMENTAL,
	VK_IS_TEMPORARY, VK_IS_UNOFFICIAL
};

static const struct value *node_of(struct build *b, const struct value *d);

/* The last strings made values, which most statuses repeat (sources). */
struct seen {
	const struct value *v[8];
	unsigned next;
};

static const struct value *
base_str(struct arena *a, struct seen *seen, const char *s)
{
	unsigned i;

	if (s == NULL)
		return &value_null_v;
	for (i = 0; i < 8; i++)
		if (seen->v[i] != NULL && strcmp(seen->v[i]->str, s) == 0)
			return seen->v[i];
	return seen->v[seen->next++ % 8] = value_str(a, s, strlen(s));
}

static void
base_status(struct arena *a, const struct registry *r,
    const struct status *s, const struct value *const *classes,
    struct seen *seen, struct status_base *sb)
{
	size_t i, n = r->nlocales;

	sb->code = value_int(a, s->code);
	sb->phrase = value_str(a, s->phrase, s->phrase_len);
	sb->id = value_str(a, s->id, s->id_len);
	sb->class_id = classes[s->class_index];
	sb->set = base_str(a, seen, s->set);
	sb->source = base_str(a, seen, s->source);
	sb->ref = value_cstr(a, s->ref);
	sb->expires = base_str(a, seen, s->expires);
	sb->text = arena_array(a, 2 * n, sizeof(*sb->text));
	for (i = 0; i < n; i++) {
		if (s->description[i].s != NULL)
			sb->text[i] = value_str(a, s->description[i].s,
			    s->description[i].len);
		if (s->note != NULL && s->note[i].s != NULL)
			sb->text[n + i] = value_str(a, s->note[i].s,
			    s->note[i].len);
	}
}

struct view_base *
view_base_build(struct arena *a, const struct registry *r,
    const struct view_opts *o, const struct view_keys *vk)
{
	struct view_base *vb = arena_alloc(a, sizeof(*vb));
	const struct value **classes;
	struct seen seen = { { NULL }, 0 };
	size_t i;

	classes = arena_array(a, r->nclasses, sizeof(*classes));
	for (i = 0; i < r->nclasses; i++)
		classes[i] = value_cstr(a, r->classes[i].id);
	vb->st = arena_array(a, r->nstatuses, sizeof(*vb->st));
	for (i = 0; i < r->nstatuses; i++)
		base_status(a, r, &r->statuses[i], classes, &seen,
		    &vb->st[i]);
	if (o != NULL) {
		struct build b = { .a = a, .r = r, .o = o, .vk = vk,
		    .base = vb };

		vb->lookup = view_lookup(&b);
	}
	return vb;
}

/* The output's locale's text of texts[0..nlocales), else the default's. */
static const struct value *
base_loc(const struct build *b, const struct value *const *texts)
{
	const struct value *t = texts[b->o->locale];

	if (t == NULL)
		t = texts[0];
	return t != NULL ? t : &value_null_v;
}

/* The map {k1: v1, k2: v2}. */
static const struct value *
pair(struct build *b, enum vkey k1, const struct value *v1, enum vkey k2,
    const struct value *v2)
{
	const struct field f[] = { { k1, v1 }, { k2, v2 } };

	return view_map(b, f, 2, NULL);
}

const struct value *
view_loc(struct build *b, const struct text *texts)
{
	size_t l = b->o->locale;

	if (texts != NULL && texts[l].s == NULL)
		l = 0;
	if (texts == NULL || texts[l].s == NULL)
		return &value_null_v;
	return value_str(b->a, texts[l].s, texts[l].len);
}

const struct value *
view_loc_all(struct build *b, const struct text *texts)
{
	struct value *list;
	size_t i, n = 0;

	if (texts == NULL)
		return &value_null_v;
	for (i = 0; i < b->r->nlocales; i++)
		n += texts[i].s != NULL;
	list = value_list(b->a, n);
	for (i = 0, n = 0; i < b->r->nlocales; i++)
		if (texts[i].s != NULL)
			list->items[n++] = pair(b, VK_LOCALE, b->locale[i],
			    VK_TEXT, value_str(b->a, texts[i].s, texts[i].len));
	return list;
}

/* A list's items as nodes, or a map's members as {key, value} nodes. */
static const struct value *
nodes_of(struct build *b, const struct value *d)
{
	struct value *list = value_list(b->a, d->len);
	const struct value *node;
	size_t i;

	for (i = 0; i < d->len; i++) {
		node = node_of(b, d->items[i]);
		list->items[i] = d->kind == VALUE_LIST ? node : pair(b, VK_KEY,
		    value_cstr(b->a, d->u.keys[i].s), VK_VALUE, node);
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
	bool list = d->kind == VALUE_LIST, map = d->kind == VALUE_MAP;
	const struct field f[] = {
		{ VK_KIND, value_cstr(b->a,
		    value_kind_name((enum value_kind)d->kind)) },
		{ VK_VALUE, list || map ? &value_null_v : d },
		{ VK_IS_NULL, value_bool(d->kind == VALUE_NULL) },
		{ VK_IS_BOOL, value_bool(d->kind == VALUE_BOOL) },
		{ VK_IS_INT, value_bool(d->kind == VALUE_INT) },
		{ VK_IS_FLOAT, value_bool(d->kind == VALUE_FLOAT) },
		{ VK_IS_STRING, value_bool(d->kind == VALUE_STRING) },
		{ VK_IS_LIST, value_bool(list) },
		{ VK_IS_MAP, value_bool(map) },
		/* JSON, for one, has no spelling for an infinity or a NaN. */
		{ VK_IS_FINITE, value_bool(d->kind == VALUE_INT ||
		    (d->kind == VALUE_FLOAT && isfinite(d->u.f))) },
		{ VK_ITEMS, list ? nodes_of(b, d) : &value_empty_list },
		{ VK_MEMBERS, map ? nodes_of(b, d) : &value_empty_list }
	};

	return view_map(b, f, NELEM(f), NULL);
}

const struct value *
view_extensions(struct build *b, const struct value *ext)
{
	if (ext == NULL || !view_want(b, VK_EXTENSIONS))
		return &value_empty_list;
	return nodes_of(b, ext);
}

const struct value *
view_convert(struct build *b, const char *id)
{
	buf_reset(&b->scratch);
	case_apply(&b->scratch, b->o->ident_case, id, strlen(id));
	return value_copy_str(b->a, b->scratch.ptr, b->scratch.len);
}

/* The data's `names:` for the output's language, else ids in its case. */
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

/* The data's `names:` or `phrases:`, a list of {lang, k}. */
static const struct value *
by_lang(struct build *b, const struct value *m, enum vkey k)
{
	size_t i, n = m != NULL ? m->len : 0;
	struct value *list = value_list(b->a, n);

	for (i = 0; i < n; i++)
		list->items[i] = pair(b, VK_LANG,
		    value_cstr(b->a, m->u.keys[i].s), k, m->items[i]);
	return list;
}

/* A list of fn(b, s, i) for i in [0, n). */
static const struct value *
list_of(struct build *b, const struct status *s, size_t n,
    const struct value *(*fn)(struct build *, const struct status *, size_t))
{
	struct value *list = value_list(b->a, n);
	size_t i;

	for (i = 0; i < n; i++)
		list->items[i] = fn(b, s, i);
	return list;
}

static const struct value *
alias(struct build *b, const struct status *s, size_t i)
{
	return value_cstr(b->a, s->aliases[i]);
}

/* Flag i of s, as b->flags has it: check_flags made s's ids the flags'. */
static const struct value *
flag(struct build *b, const struct status *s, size_t i)
{
	size_t k = 0;

	while (b->r->flags[k].id != s->flags[i])
		k++;
	return b->flags[k];
}

static const struct value *
history(struct build *b, const struct status *s, size_t i)
{
	const struct history *h = &s->history[i];
	const struct field f[] = {
		{ VK_PHRASE, value_cstr(b->a, h->phrase) },
		{ VK_REF, value_cstr(b->a, h->ref) },
		/* The status's phrase is hidden inside {{#history}}. */
		{ VK_CURRENT, b->base->st[s - b->r->statuses].phrase },
		{ VK_EXTENSIONS, view_extensions(b, h->node) }
	};

	return view_map(b, f, NELEM(f), h->node);
}

static const struct value *
subcode(struct build *b, const struct status *s, size_t i)
{
	const struct subcode *sc = &s->subcodes[i];
	char code[48];	/* "404.1" */
	int n = snprintf(code, sizeof(code), "%lld.%lld", s->code, sc->sub);
	const struct field f[] = {
		{ VK_CODE, value_copy_str(b->a, code, (size_t)n) },
		{ VK_SUB, value_int(b->a, sc->sub) },
		{ VK_PHRASE, value_cstr(b->a, sc->phrase) },
		{ VK_DESCRIPTION, view_loc(b, sc->description) },
		{ VK_DESCRIPTION_LOCALES, view_want(b, VK_DESCRIPTION_LOCALES) ?
		    view_loc_all(b, sc->description) : NULL },
		{ VK_EXTENSIONS, view_extensions(b, sc->node) }
	};

	return view_map(b, f, NELEM(f), sc->node);
}

/* A status's texts and lists. */
static const struct value *
status_more(struct build *b, const struct status *s,
    const struct status_base *sb, enum vkey k)
{
	const struct value *v;

	switch (k) {
	case VK_PHRASE:
		/* The output's language may word it as its library does. */
		return s->phrases != NULL && (v = value_find(s->phrases,
		    b->o->lang)) != NULL ? v : sb->phrase;
	case VK_DESCRIPTION:
		return base_loc(b, sb->text);
	case VK_NOTE:
		return s->note != NULL ? base_loc(b, sb->text +
		    b->r->nlocales) : &value_null_v;
	case VK_DESCRIPTION_LOCALES:
		return view_loc_all(b, s->description);
	case VK_NOTE_LOCALES:
		return view_loc_all(b, s->note);
	case VK_NAMES_BY_LANG:
		return by_lang(b, s->names, VK_NAMES);
	case VK_PHRASES:
		return by_lang(b, s->phrases, VK_PHRASE);
	case VK_FLAGS:
		return list_of(b, s, s->nflags, flag);
	case VK_HISTORY:
		return list_of(b, s, s->nhistory, history);
	case VK_SUBCODES:
		return list_of(b, s, s->nsubcodes, subcode);
	case VK_EXTENSIONS:
		return view_extensions(b, s->node);
	default:
		abort();	/* status_keys has no other */
	}
}

static const struct value *
status_value(struct build *b, const struct status *s, enum vkey k,
    const struct value *names)
{
	const struct status_base *sb = &b->base->st[s - b->r->statuses];

	switch (k) {
	case VK_CODE:
		return sb->code;
	case VK_ID:
		return sb->id;
	case VK_NAME:
		return names->len > 0 ? names->items[0] : &value_null_v;
	case VK_NAMES:
		return names;
	case VK_ALIAS_NAMES:
		return names->len > 1 ? view_list(b, names->items + 1,
		    names->len - 1) : &value_empty_list;
	case VK_ALIASES:
		return list_of(b, s, s->naliases, alias);
	case VK_CLASS:
		return sb->class_id;
	case VK_STATUS:
		return &kind_names[s->kind];
	case VK_IS_STANDARD:
	case VK_IS_DEPRECATED:
	case VK_IS_UNUSED:
	case VK_IS_EXPERIMENTAL:
	case VK_IS_TEMPORARY:
	case VK_IS_UNOFFICIAL:
		return value_bool(is_kind[s->kind] == k);
	case VK_DOCS_ONLY:
		return value_bool(s->docs_only);
	case VK_SET:
		return sb->set;
	case VK_SOURCE:
		return sb->source;
	case VK_REF:
		return sb->ref;
	case VK_EXPIRES:
		return sb->expires;
	default:
		return status_more(b, s, sb, k);
	}
}

/* The keys the templates use, shared by every status (b->shape), x- keys. */
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
	if (b->vk->first[VK_NAME] || b->vk->first[VK_NAMES] ||
	    b->vk->first[VK_ALIAS_NAMES])
		names = names_of(b, s);
	for (i = 0; i < b->nshape; i++)
		m->items[i] = status_value(b, s, b->shape_k[i], names);
	for (i = 0; i < next; i++)
		m->items[b->nshape + i] = s->node->items[i];
	return m;
}

void
view_statuses(struct build *b)
{
	size_t i;

	b->shape = arena_array(b->a, NSTATUS_KEYS, sizeof(*b->shape));
	for (i = 0; i < NSTATUS_KEYS; i++) {
		if (!b->vk->first[status_keys[i]])
			continue;
		b->shape[b->nshape] = b->vk->k[status_keys[i]];
		b->shape_k[b->nshape++] = status_keys[i];
	}
	b->views = arena_array(b->a, b->r->nstatuses, sizeof(*b->views));
	if (!view_want(b, VK_STATUSES) && !view_want(b, VK_ALL_STATUSES) &&
	    !view_want(b, VK_UNOFFICIAL))
		return;
	for (i = 0; i < b->r->nstatuses; i++)
		b->views[i] = status_view(b, &b->r->statuses[i]);
}
