#include "view.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/xmalloc.h"

static size_t count_ext(const struct value *node);
static void copy_ext(struct value *to, const struct value *node);

/* What every builder below needs. */
struct view {
	struct value_maker mk;		/* first: the makers cast back */
	struct arena *a;
	const struct registry *r;
	const struct ctx_opts *o;
	/* The statuses select_views looks at: all, or one class's. */
	size_t from, to;
	const struct view *keep;	/* a copy that outlives ctx_build */
	/* Per status: its id and aliases in the output's case; converted */
	const char ***conv;
	/* Room for a selection being made; freed by ctx_build. */
	const struct status **pick;
};

/*
 * A list of statuses whose views are made as the renderer reaches
 * them: a status's view is some thirty keys, and a big registry's
 * statuses would otherwise all be built, for every output, before
 * the first byte is rendered.
 */
struct status_list {
	struct value_maker mk;		/* first: make_status casts back */
	const struct view *v;
	const struct status **which;
};

/*
 * The keys of a status's view, before its x- keys.  A view is a lazy
 * map (see value.h): it makes a key's value when a template first reads
 * it, and most templates read a handful of the thirty.
 */
enum status_key {
	SK_CODE, SK_PHRASE, SK_ID, SK_NAME, SK_NAMES, SK_ALIAS_NAMES,
	SK_ALIASES, SK_CLASS, SK_STATUS, SK_IS_STANDARD, SK_IS_DEPRECATED,
	SK_IS_UNUSED, SK_IS_EXPERIMENTAL, SK_IS_TEMPORARY, SK_IS_UNOFFICIAL,
	SK_DOCS_ONLY, SK_SET, SK_SOURCE, SK_REF, SK_EXPIRES, SK_DESCRIPTION,
	SK_NOTE, SK_DESCRIPTION_LOCALES, SK_NOTE_LOCALES, SK_NAMES_BY_LANG,
	SK_HISTORY, SK_SUBCODES, SK_EXTENSIONS,
	SK_NKEYS
};

#define KEY(s)	{ .key = s, .keylen = sizeof(s) - 1 }

/* Copied whole into each view: every value NULL, to be made. */
static const struct member status_keys[SK_NKEYS] = {
	[SK_CODE] = KEY("code"),
	[SK_PHRASE] = KEY("phrase"),
	[SK_ID] = KEY("id"),
	[SK_NAME] = KEY("name"),
	[SK_NAMES] = KEY("names"),
	[SK_ALIAS_NAMES] = KEY("alias_names"),
	[SK_ALIASES] = KEY("aliases"),
	[SK_CLASS] = KEY("class"),
	[SK_STATUS] = KEY("status"),
	[SK_IS_STANDARD] = KEY("is_standard"),
	[SK_IS_DEPRECATED] = KEY("is_deprecated"),
	[SK_IS_UNUSED] = KEY("is_unused"),
	[SK_IS_EXPERIMENTAL] = KEY("is_experimental"),
	[SK_IS_TEMPORARY] = KEY("is_temporary"),
	[SK_IS_UNOFFICIAL] = KEY("is_unofficial"),
	[SK_DOCS_ONLY] = KEY("docs_only"),
	[SK_SET] = KEY("set"),
	[SK_SOURCE] = KEY("source"),
	[SK_REF] = KEY("ref"),
	[SK_EXPIRES] = KEY("expires"),
	[SK_DESCRIPTION] = KEY("description"),
	[SK_NOTE] = KEY("note"),
	[SK_DESCRIPTION_LOCALES] = KEY("description_locales"),
	[SK_NOTE_LOCALES] = KEY("note_locales"),
	[SK_NAMES_BY_LANG] = KEY("names_by_lang"),
	[SK_HISTORY] = KEY("history"),
	[SK_SUBCODES] = KEY("subcodes"),
	[SK_EXTENSIONS] = KEY("extensions")
};

static struct value *status_view(const struct view *v,
    const struct status *s, struct arena *a);

static struct value *
str_or_null(struct view *v, const char *s)
{
	return s != NULL ? value_cstr(v->a, s) : value_null(v->a);
}

/* The chosen locale's text, else the default locale's, else NULL. */
static const struct text *
loc_text(const struct view *v, const struct text *texts)
{
	if (texts == NULL)
		return NULL;
	if (texts[v->o->locale].s != NULL)
		return &texts[v->o->locale];
	return texts[0].s != NULL ? &texts[0] : NULL;
}

static struct value *
loc(struct view *v, const struct text *texts)
{
	const struct text *t = loc_text(v, texts);

	return t != NULL ? value_cstrn(v->a, t->s, t->len) : value_null(v->a);
}

/*
 * Every locale's text at once, for outputs that carry them all: a list
 * of {locale, text} in the order of registry.locales, holding only the
 * locales the data gives (the default one always); null when the data
 * has no such field.
 */
static struct value *
loc_all(struct view *v, const struct text *texts)
{
	struct value *list;
	size_t i, n = 0;

	if (texts == NULL)
		return value_null(v->a);
	for (i = 0; i < v->r->nlocales; i++)
		n += texts[i].s != NULL;
	list = value_list(v->a, n);
	for (i = 0; i < v->r->nlocales; i++) {
		struct value *m;

		if (texts[i].s == NULL)
			continue;
		m = value_map(v->a, 2);
		value_set(m, "locale", value_cstr(v->a, v->r->locales[i]));
		value_set(m, "text", value_cstrn(v->a, texts[i].s,
		    texts[i].len));
		value_push(list, m);
	}
	return list;
}

/*
 * A data value as a node a template can walk without knowing its shape:
 * kind, value (a scalar itself, else null), one is_KIND flag per kind,
 * items (a list's nodes) and members ({key, value} of a map, in order).
 * The loader bounds nesting (256 levels), which bounds this recursion.
 */
static struct value *
node_of(struct view *v, struct value *d)
{
	static const struct {
		enum value_kind kind;
		const char *flag;
	} kinds[] = {
		{ VALUE_NULL, "is_null" }, { VALUE_BOOL, "is_bool" },
		{ VALUE_INT, "is_int" }, { VALUE_FLOAT, "is_float" },
		{ VALUE_STRING, "is_string" }, { VALUE_LIST, "is_list" },
		{ VALUE_MAP, "is_map" }
	};
	struct value *m = value_map(v->a, 5 + 7);
	struct value *items, *members;
	size_t i, n;

	n = d->kind == VALUE_LIST ? d->u.list.n : 0;
	items = value_list(v->a, n);
	for (i = 0; i < n; i++)
		value_push(items, node_of(v, d->u.list.items[i]));
	n = d->kind == VALUE_MAP ? d->u.map.n : 0;
	members = value_list(v->a, n);
	for (i = 0; i < n; i++) {
		struct value *mm = value_map(v->a, 2);

		value_set(mm, "key", value_cstr(v->a, d->u.map.items[i].key));
		value_set(mm, "value", node_of(v, d->u.map.items[i].val));
		value_push(members, mm);
	}
	value_set(m, "kind", value_cstr(v->a, value_kind_name(d->kind)));
	value_set(m, "value", d->kind == VALUE_LIST || d->kind == VALUE_MAP ?
	    value_null(v->a) : d);
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		value_set(m, kinds[i].flag,
		    value_bool(v->a, d->kind == kinds[i].kind));
	/* JSON, for one, has no spelling for an infinity or a NaN. */
	value_set(m, "is_finite", value_bool(v->a, d->kind == VALUE_INT ||
	    (d->kind == VALUE_FLOAT && isfinite(d->u.f))));
	value_set(m, "items", items);
	value_set(m, "members", members);
	return m;
}

/* The x- keys of a data map as a list of {key, value} nodes. */
static struct value *
extensions_of(struct view *v, const struct value *node)
{
	struct value *list = value_list(v->a, count_ext(node));
	size_t i;

	for (i = 0; node != NULL && i < node->u.map.n; i++) {
		const struct member *mb = &node->u.map.items[i];
		struct value *m;

		if (strncmp(mb->key, "x-", 2) != 0)
			continue;
		m = value_map(v->a, 2);
		value_set(m, "key", value_cstr(v->a, mb->key));
		value_set(m, "value", node_of(v, mb->val));
		value_push(list, m);
	}
	return list;
}

/* The data's `names:`, every language: a list of {lang, names}. */
static struct value *
names_by_lang(struct view *v, const struct status *s)
{
	size_t i, k, n = s->names != NULL ? s->names->u.map.n : 0;
	struct value *list = value_list(v->a, n);

	for (i = 0; i < n; i++) {
		const struct member *mb = &s->names->u.map.items[i];
		struct value *m = value_map(v->a, 2);
		struct value *names = value_list(v->a, mb->val->u.list.n);

		for (k = 0; k < mb->val->u.list.n; k++)
			value_push(names, value_cstr(v->a,
			    mb->val->u.list.items[k]->str));
		value_set(m, "lang", value_cstr(v->a, mb->key));
		value_set(m, "names", names);
		value_push(list, m);
	}
	return list;
}

static const char *
convert(struct view *v, const char *id)
{
	struct buf b = BUF_INIT;
	char *s;

	filter_apply(&b, v->o->ident_case, ESCAPE_NONE, id, strlen(id));
	s = arena_strndup(v->a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

/*
 * The status's id, then its aliases, in the output's case, made in a
 * (which lives as long as the view).  A template walks the statuses
 * several times, making their views anew each time, and converting
 * costs more than the rest of a view: each status's are kept.
 */
static const char **
converted(const struct view *v, const struct status *s, struct arena *a)
{
	const char ***slot = &v->conv[s - v->r->statuses];
	struct view tmp = *v;
	size_t i;

	if (*slot != NULL)
		return *slot;
	tmp.a = a;
	*slot = arena_array(a, 1 + s->naliases, sizeof(**slot));
	(*slot)[0] = convert(&tmp, s->id);
	for (i = 0; i < s->naliases; i++)
		(*slot)[1 + i] = convert(&tmp, s->aliases[i]);
	return *slot;
}

/* The data's names of the status in the output's language, or NULL. */
static const struct value *
names_given(const struct view *v, const struct status *s)
{
	return s->names != NULL ? value_get(s->names, v->o->lang) : NULL;
}

static struct value *
names_of(struct view *v, const struct status *s, struct arena *keep)
{
	const struct value *over = names_given(v, s);
	const struct value *name;
	const char **conv;
	struct value *list;
	size_t i;

	if (over != NULL) {
		list = value_list(v->a, over->u.list.n);
		for (i = 0; i < over->u.list.n; i++) {
			name = over->u.list.items[i];
			value_push(list, value_cstrn(v->a, name->str,
			    name->len));
		}
		return list;
	}
	conv = converted(v, s, keep);
	list = value_list(v->a, 1 + s->naliases);
	for (i = 0; i < 1 + s->naliases; i++)
		value_push(list, value_cstr(v->a, conv[i]));
	return list;
}

static struct value *
tail_of(struct view *v, const struct value *list)
{
	struct value *t = value_list(v->a, list->u.list.n > 0 ?
	    list->u.list.n - 1 : 0);
	size_t i;

	for (i = 1; i < list->u.list.n; i++)
		value_push(t, list->u.list.items[i]);
	return t;
}

static struct value *
history_of(struct view *v, const struct status *s)
{
	struct value *list = value_list(v->a, s->nhistory);
	size_t i;

	for (i = 0; i < s->nhistory; i++) {
		const struct value *node = s->history[i].node;
		struct value *h = value_map(v->a, 4 + count_ext(node));

		value_set(h, "phrase", value_cstr(v->a, s->history[i].phrase));
		value_set(h, "ref", str_or_null(v, s->history[i].ref));
		/* The status's own phrase is hidden inside {{#history}}. */
		value_set(h, "current", value_cstr(v->a, s->phrase));
		value_set(h, "extensions", extensions_of(v, node));
		copy_ext(h, node);
		value_push(list, h);
	}
	return list;
}

static struct value *
subcodes_of(struct view *v, const struct status *s)
{
	struct value *list = value_list(v->a, s->nsubcodes);
	char tmp[48];
	size_t i;

	for (i = 0; i < s->nsubcodes; i++) {
		const struct subcode *sc = &s->subcodes[i];
		struct value *m = value_map(v->a, 6 + count_ext(sc->node));

		snprintf(tmp, sizeof(tmp), "%lld.%lld", s->code, sc->sub);
		value_set(m, "code", value_string(v->a, tmp, strlen(tmp)));
		value_set(m, "sub", value_int(v->a, sc->sub));
		value_set(m, "phrase", value_cstr(v->a, sc->phrase));
		value_set(m, "description", loc(v, sc->description));
		value_set(m, "description_locales",
		    loc_all(v, sc->description));
		value_set(m, "extensions", extensions_of(v, sc->node));
		copy_ext(m, sc->node);
		value_push(list, m);
	}
	return list;
}

static size_t
count_ext(const struct value *node)
{
	size_t i, n = 0;

	for (i = 0; node != NULL && i < node->u.map.n; i++)
		n += strncmp(node->u.map.items[i].key, "x-", 2) == 0;
	return n;
}

static void
copy_ext(struct value *to, const struct value *node)
{
	size_t i;

	for (i = 0; node != NULL && i < node->u.map.n; i++)
		if (strncmp(node->u.map.items[i].key, "x-", 2) == 0)
			value_set(to, node->u.map.items[i].key,
			    node->u.map.items[i].val);
}

static struct value *
aliases_of(struct view *v, const struct status *s)
{
	struct value *al = value_list(v->a, s->naliases);
	size_t i;

	for (i = 0; i < s->naliases; i++)
		value_push(al, value_cstr(v->a, s->aliases[i]));
	return al;
}

/* The first of names_of, or NULL, without making the list. */
static const char *
first_name(const struct view *v, const struct status *s)
{
	const struct value *over = names_given(v, s);

	if (over == NULL)
		return converted(v, s, v->a)[0];
	return over->u.list.n > 0 ? over->u.list.items[0]->str : NULL;
}

/* A scalar member of a view: s, or null for NULL. */
static struct value *
str_in(const struct value *map, const char *s)
{
	return s != NULL ? value_cstr_in(map, s) : value_null(NULL);
}

/* A locale's text as a member of a view, or null for none. */
static struct value *
text_in(const struct value *map, const struct text *t)
{
	return t != NULL ? value_cstrn_in(map, t->s, t->len) :
	    value_null(NULL);
}

/*
 * The members of a status's view that are lists, made in a (the arena
 * of the status's view).
 */
static struct value *
status_part(const struct view *base, const struct status *s,
    const struct value *map, size_t i, struct arena *a)
{
	struct view v = *base;

	v.a = a;
	switch ((enum status_key)i) {
	case SK_NAMES:
		return names_of(&v, s, base->a);
	case SK_ALIAS_NAMES:
		return tail_of(&v, value_member(map, SK_NAMES));
	case SK_ALIASES:
		return aliases_of(&v, s);
	case SK_DESCRIPTION_LOCALES:
		return loc_all(&v, s->description);
	case SK_NOTE_LOCALES:
		return loc_all(&v, s->note);
	case SK_NAMES_BY_LANG:
		return names_by_lang(&v, s);
	case SK_HISTORY:
		return history_of(&v, s);
	case SK_SUBCODES:
		return subcodes_of(&v, s);
	case SK_EXTENSIONS:
		return extensions_of(&v, s->node);
	case SK_CODE:
	case SK_PHRASE:
	case SK_ID:
	case SK_NAME:
	case SK_CLASS:
	case SK_STATUS:
	case SK_SET:
	case SK_SOURCE:
	case SK_REF:
	case SK_EXPIRES:
	case SK_DESCRIPTION:
	case SK_NOTE:
	case SK_IS_STANDARD:
	case SK_IS_DEPRECATED:
	case SK_IS_UNUSED:
	case SK_IS_EXPERIMENTAL:
	case SK_IS_TEMPORARY:
	case SK_IS_UNOFFICIAL:
	case SK_DOCS_ONLY:
	case SK_NKEYS:
		break;
	}
	/* The flags and x- keys are set when the view is made: never lazy. */
	abort();
}

/*
 * Makes member i of a status's view.  The scalars, which templates
 * read most, are made here without a copy of the view, in the view's
 * room (value_cstr_in).
 */
static struct value *
status_member(const struct value_maker *mk, const void *arg,
    const struct value *map, size_t i, struct arena *a)
{
	const struct view *v = (const struct view *)mk;
	const struct status *s = arg;

	switch ((enum status_key)i) {
	case SK_CODE:
		return value_int_in(map, s->code);
	case SK_PHRASE:
		return value_cstrn_in(map, s->phrase, s->phrase_len);
	case SK_ID:
		return value_cstrn_in(map, s->id, s->id_len);
	case SK_NAME:
		return str_in(map, first_name(v, s));
	case SK_CLASS:
		return value_cstr_in(map, v->r->classes[s->class_index].id);
	case SK_STATUS:
		return value_cstr_in(map, model_status_name(s->kind));
	case SK_SET:
		return str_in(map, s->set);
	case SK_SOURCE:
		return str_in(map, s->source);
	case SK_REF:
		return str_in(map, s->ref);
	case SK_EXPIRES:
		return str_in(map, s->expires);
	case SK_DESCRIPTION:
		return text_in(map, loc_text(v, s->description));
	case SK_NOTE:
		return text_in(map, loc_text(v, s->note));
	default:
		return status_part(v, s, map, i, a);
	}
}

/*
 * The flags of a status's view, set as the view is made: a flag is a
 * shared constant, which costs a store to set and several calls to
 * make at its first lookup.
 */
static void
set_flags(struct value *m, const struct status *s)
{
	struct value *yes = value_bool(NULL, true);
	struct value *no = value_bool(NULL, false);

	value_set_lazy(m, SK_IS_STANDARD,
	    s->kind == STATUS_STANDARD ? yes : no);
	value_set_lazy(m, SK_IS_DEPRECATED,
	    s->kind == STATUS_DEPRECATED ? yes : no);
	value_set_lazy(m, SK_IS_UNUSED, s->kind == STATUS_UNUSED ? yes : no);
	value_set_lazy(m, SK_IS_EXPERIMENTAL,
	    s->kind == STATUS_EXPERIMENTAL ? yes : no);
	value_set_lazy(m, SK_IS_TEMPORARY,
	    s->kind == STATUS_TEMPORARY ? yes : no);
	value_set_lazy(m, SK_IS_UNOFFICIAL,
	    s->kind == STATUS_UNOFFICIAL ? yes : no);
	value_set_lazy(m, SK_DOCS_ONLY, s->docs_only ? yes : no);
}

/* A status's view, in a: its keys, and values made when first read. */
static struct value *
status_view(const struct view *v, const struct status *s, struct arena *a)
{
	struct value *m;

	/* Most statuses have no x- keys: their views share one key table. */
	if (s->node == NULL) {
		m = value_lazy_map(a, status_keys, SK_NKEYS, &v->mk, s);
	} else {
		m = value_map(a, SK_NKEYS + count_ext(s->node));
		value_set_all(m, status_keys, SK_NKEYS);
		copy_ext(m, s->node);
		value_make_lazy(m, &v->mk, s, a);
	}
	set_flags(m, s);
	return m;
}

static bool
in_code(struct view *v, const struct status *s)
{
	size_t i;

	if (s->docs_only)
		return false;
	if (s->kind != STATUS_UNOFFICIAL || v->o->include_all)
		return true;
	for (i = 0; i < v->o->ninclude; i++)
		if (strcmp(v->o->include[i], s->set) == 0)
			return true;
	return false;
}

static struct value *
make_status(const struct value_maker *mk, size_t i, struct arena *a)
{
	const struct status_list *sl = (const struct status_list *)mk;

	return status_view(sl->v, sl->which[i], a);
}

/* A lazy list of the views of which[0..n), copied into the view's arena. */
static struct value *
views_of(struct view *v, const struct status **which, size_t n)
{
	struct status_list *sl = arena_alloc(v->a, sizeof(*sl));

	sl->mk.item = make_status;
	sl->v = v->keep;
	sl->which = arena_array(v->a, n, sizeof(*sl->which));
	if (n > 0)
		memcpy(sl->which, which, n * sizeof(*which));
	return value_lazy_list(v->a, n, &sl->mk);
}

/*
 * The statuses for which keep() holds, as a lazy list of their views.
 * One pass picks them into room kept for the whole build: a big
 * registry's statuses are read from memory, not cache, and a count
 * before the pick would read them all twice.
 */
static struct value *
select_views(struct view *v,
    bool (*keep)(struct view *, const struct status *, const void *),
    const void *arg)
{
	size_t i, n = 0;

	if (v->pick == NULL)
		v->pick = xmalloc(xmul(v->r->nstatuses + 1, sizeof(*v->pick)));
	for (i = v->from; i < v->to; i++)
		if (keep(v, &v->r->statuses[i], arg))
			v->pick[n++] = &v->r->statuses[i];
	return views_of(v, v->pick, n);
}

static bool
keep_code(struct view *v, const struct status *s, const void *arg)
{
	(void)arg;
	return in_code(v, s);
}

static bool
keep_unofficial(struct view *v, const struct status *s, const void *arg)
{
	(void)v;
	(void)arg;
	return s->kind == STATUS_UNOFFICIAL;
}

static bool
keep_any(struct view *v, const struct status *s, const void *arg)
{
	(void)v;
	(void)s;
	(void)arg;
	return true;
}

static bool
keep_class(struct view *v, const struct status *s, const void *arg)
{
	const size_t *k = arg;

	return s->class_index == *k && in_code(v, s);
}

static bool
keep_class_all(struct view *v, const struct status *s, const void *arg)
{
	const size_t *k = arg;

	(void)v;
	return s->class_index == *k;
}

/*
 * The first status whose code is above code.  Statuses are sorted by
 * code and classes are ranges of codes that do not overlap, so a class's
 * statuses sit together: finding them costs two searches, not a scan
 * of the registry per class.
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

static struct value *
classes_view(struct view *v)
{
	struct value *list = value_list(v->a, v->r->nclasses);
	size_t k;

	for (k = 0; k < v->r->nclasses; k++) {
		const struct status_class *c = &v->r->classes[k];
		struct value *m = value_map(v->a, 11 + count_ext(c->node));

		value_set(m, "id", value_cstr(v->a, c->id));
		value_set(m, "name", value_cstr(v->a, convert(v, c->id)));
		value_set(m, "first", value_int(v->a, c->first));
		value_set(m, "last", value_int(v->a, c->last));
		value_set(m, "title", loc(v, c->title));
		value_set(m, "description", loc(v, c->description));
		value_set(m, "title_locales", loc_all(v, c->title));
		value_set(m, "description_locales", loc_all(v, c->description));
		v->from = c->first > LLONG_MIN ?
		    after_code(v->r, c->first - 1) : 0;
		v->to = after_code(v->r, c->last);
		value_set(m, "statuses", select_views(v, keep_class, &k));
		value_set(m, "all_statuses",
		    select_views(v, keep_class_all, &k));
		v->from = 0;
		v->to = v->r->nstatuses;
		value_set(m, "extensions", extensions_of(v, c->node));
		copy_ext(m, c->node);
		value_push(list, m);
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
 * The statuses of every set, each a lazy list of views, from one pass
 * over the registry: a pass per set would read every status as many
 * times as there are sets.  The picks go in set order into v->pick,
 * at offsets counted first over the statuses that have a set.
 */
static struct value **
set_views(struct view *v)
{
	const struct registry *r = v->r;
	size_t *at = xcalloc(r->nsets + 1, sizeof(*at));
	size_t *of = xmalloc(xmul(r->nstatuses + 1, sizeof(*of)));
	struct value **lists = arena_array(v->a, r->nsets, sizeof(*lists));
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
	if (v->pick == NULL)
		v->pick = xmalloc(xmul(r->nstatuses + 1, sizeof(*v->pick)));
	for (i = 0; i < r->nstatuses; i++)
		v->pick[at[of[i]]++] = &r->statuses[i];
	/* Each set's picks now end where the next set's begin. */
	for (k = 0, start = 0; k < r->nsets; start = at[k], k++)
		lists[k] = views_of(v, v->pick + start, at[k] - start);
	free(of);
	free(at);
	return lists;
}

static struct value *
sets_view(struct view *v)
{
	struct value *list = value_list(v->a, v->r->nsets);
	struct value **statuses = set_views(v);
	size_t k;

	for (k = 0; k < v->r->nsets; k++) {
		const struct status_set *s = &v->r->sets[k];
		struct value *m = value_map(v->a, 7 + count_ext(s->node));

		value_set(m, "id", value_cstr(v->a, s->id));
		value_set(m, "title", loc(v, s->title));
		value_set(m, "description", loc(v, s->description));
		value_set(m, "title_locales", loc_all(v, s->title));
		value_set(m, "description_locales", loc_all(v, s->description));
		value_set(m, "statuses", statuses[k]);
		value_set(m, "extensions", extensions_of(v, s->node));
		copy_ext(m, s->node);
		value_push(list, m);
	}
	return list;
}

static struct value *
registry_view(struct view *v)
{
	const struct registry *r = v->r;
	struct value *m = value_map(v->a, 11 + count_ext(r->node));
	struct value *locs = value_list(v->a, r->nlocales);
	size_t i;

	for (i = 0; i < r->nlocales; i++)
		value_push(locs, value_cstr(v->a, r->locales[i]));
	value_set(m, "name", value_cstr(v->a, r->name));
	value_set(m, "title", loc(v, r->title));
	value_set(m, "description", loc(v, r->description));
	value_set(m, "locales", locs);
	value_set(m, "locale", value_cstr(v->a, r->locales[v->o->locale]));
	value_set(m, "default_locale", value_cstr(v->a, r->locales[0]));
	value_set(m, "is_default_locale", value_bool(v->a, v->o->locale == 0));
	value_set(m, "prefix", value_cstr(v->a, r->c_prefix));
	value_set(m, "title_locales", loc_all(v, r->title));
	value_set(m, "description_locales", loc_all(v, r->description));
	value_set(m, "extensions", extensions_of(v, r->node));
	copy_ext(m, r->node);
	return m;
}

const char *
ctx_notice(struct arena *a, const char *data_path)
{
	struct buf b = BUF_INIT;
	char *s;

	buf_addf(&b, "Code generated by gen from %s. DO NOT EDIT.", data_path);
	s = arena_strndup(a, b.ptr, b.len);
	buf_release(&b);
	return s;
}

struct value *
ctx_build(struct arena *a, const struct registry *r, const struct ctx_opts *o)
{
	struct view v = { { NULL, status_member }, a, r, o, 0, r->nstatuses,
	    NULL, arena_array(a, r->nstatuses, sizeof(*v.conv)), NULL };
	struct view *keep = arena_alloc(a, sizeof(*keep));
	struct value *root = value_map(a, 9 + count_ext(r->root));
	struct value *g = value_map(a, 3);

	*keep = v;
	v.keep = keep;
	value_set(g, "version", value_cstr(a, GEN_VERSION));
	value_set(g, "data", value_cstr(a, o->data_path));
	value_set(g, "notice", value_cstr(a, ctx_notice(a, o->data_path)));
	value_set(root, "gen", g);
	value_set(root, "registry", registry_view(&v));
	value_set(root, "classes", classes_view(&v));
	value_set(root, "statuses", select_views(&v, keep_code, NULL));
	value_set(root, "all_statuses", select_views(&v, keep_any, NULL));
	value_set(root, "unofficial",
	    select_views(&v, keep_unofficial, NULL));
	value_set(root, "sets", sets_view(&v));
	value_set(root, "extensions", extensions_of(&v, r->root));
	copy_ext(root, r->root);
	free(v.pick);
	return root;
}
