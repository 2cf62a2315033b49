#include "ctx.h"

#include <string.h>

#include "buf.h"

/* What every builder below needs. */
struct view {
	struct arena *a;
	const struct registry *r;
	const struct ctx_opts *o;
};

static struct value *
str_or_null(struct view *v, const char *s)
{
	return s != NULL ? value_cstr(v->a, s) : value_null(v->a);
}

/* The chosen locale's text, else the default locale's, else null. */
static struct value *
loc(struct view *v, const char **texts)
{
	if (texts == NULL)
		return value_null(v->a);
	if (texts[v->o->locale] != NULL)
		return value_cstr(v->a, texts[v->o->locale]);
	return str_or_null(v, texts[0]);
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

static struct value *
names_of(struct view *v, const struct status *s)
{
	const struct value *over = value_get(s->names, v->o->lang);
	struct value *list;
	size_t i;

	if (over != NULL) {
		list = value_list(v->a, over->u.list.n);
		for (i = 0; i < over->u.list.n; i++)
			value_push(list, value_cstr(v->a,
			    over->u.list.items[i]->str));
		return list;
	}
	list = value_list(v->a, 1 + s->naliases);
	value_push(list, value_cstr(v->a, convert(v, s->id)));
	for (i = 0; i < s->naliases; i++)
		value_push(list, value_cstr(v->a, convert(v, s->aliases[i])));
	return list;
}

static struct value *
tail_of(struct view *v, const struct value *list)
{
	struct value *t = value_list(v->a, list->u.list.n);
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
		struct value *h = value_map(v->a, 2);

		value_set(h, "phrase", value_cstr(v->a, s->history[i].phrase));
		value_set(h, "ref", str_or_null(v, s->history[i].ref));
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
		struct value *m = value_map(v->a, 4);

		snprintf(tmp, sizeof(tmp), "%lld.%lld", s->code, sc->sub);
		value_set(m, "code", value_string(v->a, tmp, strlen(tmp)));
		value_set(m, "sub", value_int(v->a, sc->sub));
		value_set(m, "phrase", value_cstr(v->a, sc->phrase));
		value_set(m, "description", loc(v, sc->description));
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
status_view(struct view *v, const struct status *s)
{
	struct value *m = value_map(v->a, 28 + count_ext(s->node));
	struct value *names = names_of(v, s);
	size_t i;

	value_set(m, "code", value_int(v->a, s->code));
	value_set(m, "phrase", value_cstr(v->a, s->phrase));
	value_set(m, "id", value_cstr(v->a, s->id));
	value_set(m, "name", names->u.list.n ? names->u.list.items[0] :
	    value_null(v->a));
	value_set(m, "names", names);
	value_set(m, "alias_names", tail_of(v, names));
	{
		struct value *al = value_list(v->a, s->naliases);

		for (i = 0; i < s->naliases; i++)
			value_push(al, value_cstr(v->a, s->aliases[i]));
		value_set(m, "aliases", al);
	}
	value_set(m, "class", value_cstr(v->a, v->r->classes[s->class_index].id));
	value_set(m, "status", value_cstr(v->a, model_status_name(s->kind)));
	value_set(m, "is_standard", value_bool(v->a, s->kind == STATUS_STANDARD));
	value_set(m, "is_deprecated",
	    value_bool(v->a, s->kind == STATUS_DEPRECATED));
	value_set(m, "is_unused", value_bool(v->a, s->kind == STATUS_UNUSED));
	value_set(m, "is_experimental",
	    value_bool(v->a, s->kind == STATUS_EXPERIMENTAL));
	value_set(m, "is_temporary",
	    value_bool(v->a, s->kind == STATUS_TEMPORARY));
	value_set(m, "is_unofficial",
	    value_bool(v->a, s->kind == STATUS_UNOFFICIAL));
	value_set(m, "set", str_or_null(v, s->set));
	value_set(m, "source", str_or_null(v, s->source));
	value_set(m, "ref", str_or_null(v, s->ref));
	value_set(m, "expires", str_or_null(v, s->expires));
	value_set(m, "description", loc(v, s->description));
	value_set(m, "note", loc(v, s->note));
	value_set(m, "history", history_of(v, s));
	value_set(m, "subcodes", subcodes_of(v, s));
	copy_ext(m, s->node);
	return m;
}

static bool
in_code(struct view *v, const struct status *s)
{
	size_t i;

	if (s->kind != STATUS_UNOFFICIAL || v->o->include_all)
		return true;
	for (i = 0; i < v->o->ninclude; i++)
		if (strcmp(v->o->include[i], s->set) == 0)
			return true;
	return false;
}

/* The statuses for which keep() holds, from the prebuilt views. */
static struct value *
select_views(struct view *v, struct value **views,
    bool (*keep)(struct view *, const struct status *, const void *),
    const void *arg)
{
	struct value *list;
	size_t i, n = 0;

	for (i = 0; i < v->r->nstatuses; i++)
		n += keep(v, &v->r->statuses[i], arg);
	list = value_list(v->a, n);
	for (i = 0; i < v->r->nstatuses; i++)
		if (keep(v, &v->r->statuses[i], arg))
			value_push(list, views[i]);
	return list;
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

static bool
keep_set(struct view *v, const struct status *s, const void *arg)
{
	(void)v;
	return s->set != NULL && strcmp(s->set, arg) == 0;
}

static struct value *
classes_view(struct view *v, struct value **views)
{
	struct value *list = value_list(v->a, v->r->nclasses);
	size_t k;

	for (k = 0; k < v->r->nclasses; k++) {
		const struct status_class *c = &v->r->classes[k];
		struct value *m = value_map(v->a, 8);

		value_set(m, "id", value_cstr(v->a, c->id));
		value_set(m, "name", value_cstr(v->a, convert(v, c->id)));
		value_set(m, "first", value_int(v->a, c->first));
		value_set(m, "last", value_int(v->a, c->last));
		value_set(m, "title", loc(v, c->title));
		value_set(m, "description", loc(v, c->description));
		value_set(m, "statuses", select_views(v, views, keep_class, &k));
		value_set(m, "all_statuses",
		    select_views(v, views, keep_class_all, &k));
		value_push(list, m);
	}
	return list;
}

static struct value *
sets_view(struct view *v, struct value **views)
{
	struct value *list = value_list(v->a, v->r->nsets);
	size_t k;

	for (k = 0; k < v->r->nsets; k++) {
		const struct status_set *s = &v->r->sets[k];
		struct value *m = value_map(v->a, 4);

		value_set(m, "id", value_cstr(v->a, s->id));
		value_set(m, "title", loc(v, s->title));
		value_set(m, "description", loc(v, s->description));
		value_set(m, "statuses", select_views(v, views, keep_set, s->id));
		value_push(list, m);
	}
	return list;
}

static struct value *
registry_view(struct view *v)
{
	const struct registry *r = v->r;
	struct value *m = value_map(v->a, 8 + count_ext(r->node));
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
	struct view v = { a, r, o };
	struct value *root = value_map(a, 8), *g = value_map(a, 3);
	struct value **views = arena_array(a, r->nstatuses, sizeof(*views));
	size_t i;

	for (i = 0; i < r->nstatuses; i++)
		views[i] = status_view(&v, &r->statuses[i]);
	value_set(g, "version", value_cstr(a, GEN_VERSION));
	value_set(g, "data", value_cstr(a, o->data_path));
	value_set(g, "notice", value_cstr(a, ctx_notice(a, o->data_path)));
	value_set(root, "gen", g);
	value_set(root, "registry", registry_view(&v));
	value_set(root, "classes", classes_view(&v, views));
	value_set(root, "statuses", select_views(&v, views, keep_code, NULL));
	value_set(root, "all_statuses", select_views(&v, views, keep_any, NULL));
	value_set(root, "unofficial",
	    select_views(&v, views, keep_unofficial, NULL));
	value_set(root, "sets", sets_view(&v, views));
	return root;
}
