#include "model_int.h"

#include <assert.h>
#include <string.h>

#include "base/case.h"
#include "base/suggest.h"
#include "keyword.h"

enum {
	ROOT_SCHEMA, ROOT_REGISTRY, ROOT_SETS, ROOT_FLAGS, ROOT_CLASSES,
	ROOT_STATUSES
};
static const char *const root_keys[] = {
	"schema", "registry", "sets", "flags", "classes", "statuses"
};
enum { REG_NAME, REG_TITLE, REG_LOCALES, REG_C_PREFIX, REG_DESCRIPTION };
static const char *const registry_keys[] = {
	"name", "title", "locales", "c_prefix", "description"
};
enum { CLASS_ID, CLASS_FIRST, CLASS_LAST, CLASS_TITLE, CLASS_DESCRIPTION };
static const char *const class_keys[] = {
	"id", "first", "last", "title", "description"
};
/* A set's keys, and a flag's: the same and a ref. */
enum { SET_ID, SET_TITLE, SET_DESCRIPTION, SET_REF };
static const char *const set_keys[] = { "id", "title", "description", "ref" };

bool
model_is_ident(const char *s)
{
	return *s >= 'a' && *s <= 'z' &&
	    s[strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789_")] == '\0';
}

bool
model_is(struct check *c, const struct value *v, enum value_kind kind,
    const char *what)
{
	const char *q = kind == VALUE_LIST ? "'" : "";

	if (v->kind == kind)
		return true;
	diag_error(c->d, POS(c, v), "%s%s%s must be a %s, not %s %s", q, what,
	    q, kind == VALUE_LIST ? "list" : "map",
	    value_kind_article(v->kind), value_kind_name(v->kind));
	return false;
}

static const struct value *
copy_ext(struct check *c, const struct value *m, size_t n)
{
	struct mkey *keys = arena_array(c->a, n, sizeof(*keys));
	struct value *x = value_map(c->a, keys, n);
	size_t i;

	x->line = m->line;
	x->col = m->col;
	for (i = 0, n = 0; i < m->len; i++) {
		if (strncmp(m->u.keys[i].s, "x-", 2) != 0)
			continue;
		keys[n] = m->u.keys[i];
		x->items[n++] = model_copy_value(c->a, m->items[i]);
	}
	return x;
}

/* Keys are unique (see load.h); the first member wins all the same. */
const struct value *
model_read(struct check *c, const struct value *map,
    const char *const *keys, size_t nkeys, struct fields *f)
{
	size_t i, j, k = nkeys - 1, next = 0;

	assert(nkeys <= FIELDS_MAX);
	f->map = map;
	f->keys = keys;
	memset(f->val, 0, sizeof(f->val));
	for (i = 0; i < map->len; i++) {
		const char *key = map->u.keys[i].s;

		if (strncmp(key, "x-", 2) == 0) {
			next++;
			continue;
		}
		/* Maps mostly follow the list: look past the last key first. */
		for (j = 0; j < nkeys; j++) {
			k = k + 1 < nkeys ? k + 1 : 0;
			if (key[0] == keys[k][0] && strcmp(key, keys[k]) == 0)
				break;
		}
		if (j == nkeys)
			suggest_lookup(c->d, KEY_POS(c, map, i), "key", key,
			    keys, nkeys);
		else if (f->val[k] == NULL)
			f->val[k] = map->items[i];
	}
	return next > 0 ? copy_ext(c, map, next) : NULL;
}

static const struct value *
field(struct check *c, const struct fields *f, int k, bool required)
{
	const struct value *v = f->val[k];

	if (v == NULL && required)
		diag_error(c->d, POS(c, f->map), "missing required key '%s'",
		    f->keys[k]);
	return v;
}

/* A list's or a map's str is no text: it shares its place with items. */
static bool
has_text(const struct value *v)
{
	return v->kind != VALUE_LIST && v->kind != VALUE_MAP &&
	    v->kind != VALUE_NULL;
}

/* The index of locale name in r->locales, or -1. */
static int
model_locale(const struct registry *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nlocales; i++)
		if (strcmp(r->locales[i], name) == 0)
			return (int)i;
	return -1;
}

/*
 * A phrase, title or reference is one line: no control character but
 * tab and line feed, which descriptions, notes and x- values may hold.
 */
static bool
is_line(struct check *c, const struct value *v, const char *key,
    const char *loc)
{
	const unsigned char *s = (const unsigned char *)v->str;
	unsigned cp = 0;
	size_t i;

	for (i = 0; i < v->len && cp == 0; i++) {
		if ((s[i] < 0x20 && s[i] != '\t' && s[i] != '\n') ||
		    s[i] == 0x7f)
			cp = s[i];
		else if (s[i] == 0xc2 && i + 1 < v->len && s[i + 1] <= 0x9f)
			cp = s[i + 1];	/* U+0080-009F */
	}
	if (cp == 0)
		return true;
	diag_error(c->d, POS(c, v), "'%s%s%s' holds the control character "
	    "U+%04X, which only descriptions, notes and x- values may hold",
	    key, loc != NULL ? "." : "", loc != NULL ? loc : "", cp);
	return false;
}

const char *
model_get_str(struct check *c, const struct fields *f, int k, int how)
{
	const struct value *v = field(c, f, k, how & GET_REQUIRED);
	const char *key = f->keys[k];

	if (v == NULL)
		return NULL;
	if (!has_text(v)) {
		diag_error(c->d, POS(c, v), "'%s' must be a string, not a %s",
		    key, value_kind_name(v->kind));
		return NULL;
	}
	if (v->len == 0 && (how & GET_REQUIRED)) {
		diag_error(c->d, POS(c, v), "'%s' must not be empty", key);
		return NULL;
	}
	if ((how & GET_LINE) && !is_line(c, v, key, NULL))
		return NULL;
	if ((how & GET_IDENT) && !model_is_ident(v->str)) {
		diag_error(c->d, POS(c, v), "'%s' is not a valid identifier "
		    "(use [a-z][a-z0-9_]*)", v->str);
		return NULL;
	}
	return v->str;
}

bool
model_get_int(struct check *c, const struct fields *f, int k, long long *out)
{
	const struct value *v = field(c, f, k, true);

	if (v == NULL)
		return false;
	if (v->kind != VALUE_INT || !v->plain) {
		diag_error(c->d, POS(c, v), "'%s' must be an integer, not %s%s",
		    f->keys[k], v->plain ? "a " : "a quoted ",
		    value_kind_name(v->kind));
		return false;
	}
	*out = v->u.i;
	return true;
}

/* With GET_LINE, each text is checked once the locales are. */
const struct text *
model_get_loc(struct check *c, const struct fields *f, int k, int how)
{
	const struct value *v = field(c, f, k, how & GET_REQUIRED), *t;
	const char *key = f->keys[k];
	struct text *out;
	size_t i;
	int li;

	if (v == NULL)
		return NULL;
	if (v->kind != VALUE_MAP && !has_text(v)) {
		diag_error(c->d, POS(c, v), "'%s' must be a string or a locale "
		    "map, not a %s", key, value_kind_name(v->kind));
		return NULL;
	}
	out = arena_array(c->a, c->r->nlocales, sizeof(*out));
	if (v->kind != VALUE_MAP) {
		out[0] = (struct text){ v->str, v->len };
		if (how & GET_LINE)
			is_line(c, v, key, NULL);
		return out;
	}
	for (i = 0; i < v->len; i++) {
		t = v->items[i];
		if ((li = model_locale(c->r, v->u.keys[i].s)) < 0)
			diag_error(c->d, KEY_POS(c, v, i), "locale '%s' is not "
			    "declared in 'registry.locales'", v->u.keys[i].s);
		else if (!has_text(t))
			diag_error(c->d, POS(c, t), "'%s.%s' must be a string, "
			    "not a %s", key, v->u.keys[i].s,
			    value_kind_name(t->kind));
		else
			out[li] = (struct text){ t->str, t->len };
	}
	if (out[0].s == NULL)
		diag_error(c->d, POS(c, v), "'%s' has no text in the default "
		    "locale '%s'", key, c->r->locales[0]);
	for (i = 0; (how & GET_LINE) && i < v->len; i++)
		if (has_text(v->items[i]))
			is_line(c, v->items[i], key, v->u.keys[i].s);
	return out;
}

/* The loader bounds nesting, which bounds the recursion. */
const struct value *
model_copy_value(struct arena *a, const struct value *v)
{
	struct value *k = arena_alloc(a, sizeof(*k));
	const struct value **items;
	size_t i;

	*k = *v;
	if (v->kind != VALUE_LIST && v->kind != VALUE_MAP)
		return k;
	k->items = items = arena_array(a, v->len, sizeof(*items));
	for (i = 0; i < v->len; i++)
		items[i] = model_copy_value(a, v->items[i]);
	if (v->kind == VALUE_MAP)
		k->u.keys = memcpy(arena_array(a, v->len, sizeof(*v->u.keys)),
		    v->u.keys, v->len * sizeof(*v->u.keys));
	return k;
}

/* The name becomes file, package and (pascal) class names. */
static void
check_registry_words(struct check *c, const struct fields *f)
{
	const struct registry *r = c->r;
	const struct value *name = f->val[REG_NAME];
	const struct value *prefix = f->val[REG_C_PREFIX];
	const char *kw;

	if (r->name != NULL && !model_check_word(c, POS(c, name), r->name,
	    NULL, "registry name")) {
		buf_reset(&c->scratch);
		case_apply(&c->scratch, CASE_PASCAL, r->name, strlen(r->name));
		if ((kw = keyword_in(NULL, c->scratch.ptr)) != NULL)
			diag_error(c->d, POS(c, name), "registry name '%s' "
			    "reads '%s' in pascal case, a keyword of %s",
			    r->name, c->scratch.ptr, kw);
	}
	if (prefix != NULL && r->c_prefix != NULL)
		model_check_word(c, POS(c, prefix), r->c_prefix, "c",
		    "c_prefix");
}

static void
build_registry(struct check *c, const struct value *v)
{
	struct registry *r = c->r;
	const struct value *locs, *l;
	struct fields f;
	size_t i;

	if (v == NULL || !model_is(c, v, VALUE_MAP, "'registry'"))
		return;
	r->node = model_read(c, v, registry_keys, NKEYS(registry_keys), &f);
	r->name = model_get_str(c, &f, REG_NAME, GET_REQUIRED | GET_IDENT);
	r->c_prefix = model_get_str(c, &f, REG_C_PREFIX, GET_IDENT);
	if (r->c_prefix == NULL)
		r->c_prefix = r->name;
	locs = field(c, &f, REG_LOCALES, true);
	if (locs == NULL || !model_is(c, locs, VALUE_LIST, "locales"))
		return;
	if (locs->len == 0) {
		diag_error(c->d, POS(c, locs), "'locales' must not be empty");
		return;
	}
	r->locales = arena_array(c->a, locs->len, sizeof(*r->locales));
	for (i = 0; i < locs->len; i++) {
		l = locs->items[i];
		if (l->kind != VALUE_STRING || l->len == 0) {
			diag_error(c->d, POS(c, l), "a locale must be a string "
			    "such as 'en' or 'zh-CN'");
			return;
		}
		if (model_locale(r, l->str) >= 0)
			diag_error(c->d, POS(c, l), "duplicate locale '%s'",
			    l->str);
		else
			r->locales[r->nlocales++] = l->str;
	}
	r->title = model_get_loc(c, &f, REG_TITLE, GET_REQUIRED | GET_LINE);
	r->description = model_get_loc(c, &f, REG_DESCRIPTION, 0);
	check_registry_words(c, &f);
}

static void
build_class(struct check *c, const struct value *v, void *p)
{
	struct group *k = p;
	struct fields f;

	k->pos = value_pos(c->path, v);
	k->node = model_read(c, v, class_keys, NKEYS(class_keys), &f);
	k->id = model_get_str(c, &f, CLASS_ID, GET_REQUIRED | GET_IDENT);
	if (model_get_int(c, &f, CLASS_FIRST, &k->first) &&
	    model_get_int(c, &f, CLASS_LAST, &k->last) && k->first > k->last)
		diag_error(c->d, POS(c, f.val[CLASS_LAST]), "class '%s' ends "
		    "(%lld) before it starts (%lld)", k->id ? k->id : "?",
		    k->last, k->first);
	k->title = model_get_loc(c, &f, CLASS_TITLE, GET_REQUIRED | GET_LINE);
	k->description = model_get_loc(c, &f, CLASS_DESCRIPTION, GET_REQUIRED);
}

static void
build_group(struct check *c, const struct value *v, struct group *s,
    size_t nkeys)
{
	struct fields f;

	s->pos = value_pos(c->path, v);
	s->node = model_read(c, v, set_keys, nkeys, &f);
	s->id = model_get_str(c, &f, SET_ID, GET_REQUIRED | GET_IDENT);
	s->title = model_get_loc(c, &f, SET_TITLE, GET_REQUIRED | GET_LINE);
	s->description = model_get_loc(c, &f, SET_DESCRIPTION, 0);
	if (nkeys > SET_REF)
		s->ref = model_get_str(c, &f, SET_REF, GET_LINE);
}

static void
build_set(struct check *c, const struct value *v, void *p)
{
	build_group(c, v, p, SET_REF);
}

static void
build_flag(struct check *c, const struct value *v, void *p)
{
	build_group(c, v, p, NKEYS(set_keys));
}

void *
model_build_list(struct check *c, const struct value *list, const char *what,
    size_t size, void (*fn)(struct check *, const struct value *, void *),
    size_t *n)
{
	const struct value *v;
	char *items;
	size_t i;

	*n = 0;
	if (list == NULL || !model_is(c, list, VALUE_LIST, what))
		return NULL;
	items = arena_array(c->a, list->len, size);
	for (i = 0; i < list->len; i++) {
		v = list->items[i];
		if (v->kind == VALUE_MAP)
			fn(c, v, items + i * size);
		else
			diag_error(c->d, POS(c, v), "an item of '%s' must be a "
			    "map, not %s %s", what, value_kind_article(v->kind),
			    value_kind_name(v->kind));
	}
	*n = list->len;
	return items;
}

/* Stops where nothing more can be checked. */
static void
build_model(struct check *c, const struct value *root)
{
	struct registry *r = c->r;
	struct fields f;
	long long schema;

	if (!model_is(c, root, VALUE_MAP, "the document"))
		return;
	r->root = model_read(c, root, root_keys, NKEYS(root_keys), &f);
	if (f.val[ROOT_SCHEMA] != NULL &&
	    model_get_int(c, &f, ROOT_SCHEMA, &schema) && schema != 1)
		diag_error(c->d, POS(c, f.val[ROOT_SCHEMA]),
		    "unsupported schema version %lld (this gen reads 1)",
		    schema);
	build_registry(c, field(c, &f, ROOT_REGISTRY, true));
	if (r->nlocales == 0)
		return;
	r->sets = model_build_list(c, f.val[ROOT_SETS], "sets",
	    sizeof(*r->sets), build_set, &r->nsets);
	r->flags = model_build_list(c, f.val[ROOT_FLAGS], "flags",
	    sizeof(*r->flags), build_flag, &r->nflags);
	r->classes = model_build_list(c, field(c, &f, ROOT_CLASSES, true),
	    "classes", sizeof(*r->classes), build_class, &r->nclasses);
	r->statuses = model_build_list(c,
	    field(c, &f, ROOT_STATUSES, true), "statuses",
	    sizeof(*r->statuses), model_build_status, &r->nstatuses);
}

int
model_build(struct arena *a, const char *path, const struct value *root,
    struct diag *d, struct registry **out)
{
	struct check c = CHECK_INIT(a, d, path);
	size_t before = d->errors;

	c.r = arena_alloc(a, sizeof(*c.r));
	c.r->path = path;
	build_model(&c, root);
	buf_release(&c.scratch);
	arena_release(&c.tmp);
	if (d->errors != before || c.r->nlocales == 0)
		return -1;
	*out = c.r;
	return 0;
}
