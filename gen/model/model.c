#include "model.h"
#include "model_check.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/suggest.h"
#include "base/xmalloc.h"

struct fields;

static void check_keys(struct check *, const struct value *,
    const char *const *, size_t, struct fields *);
static const struct value *field(struct check *, const struct fields *,
    int, bool);
static const char *get_str(struct check *, const struct fields *, int,
    bool);
static bool get_int(struct check *, const struct fields *, int,
    long long *);
static const struct text *get_loc(struct check *, const struct fields *,
    int, bool);
static const char *get_ident(struct check *, const struct fields *, int,
    bool);

#define NKEYS(k) (sizeof(k) / sizeof((k)[0]))

/*
 * The keys of each map of the schema, named by their index in a struct
 * fields.  The order of each list is the one suggest() tries them in.
 */
enum { ROOT_SCHEMA, ROOT_REGISTRY, ROOT_SETS, ROOT_CLASSES, ROOT_STATUSES };
static const char *const root_keys[] = {
	[ROOT_SCHEMA] = "schema", [ROOT_REGISTRY] = "registry",
	[ROOT_SETS] = "sets", [ROOT_CLASSES] = "classes",
	[ROOT_STATUSES] = "statuses"
};
enum { REG_NAME, REG_TITLE, REG_LOCALES, REG_C_PREFIX, REG_DESCRIPTION };
static const char *const registry_keys[] = {
	[REG_NAME] = "name", [REG_TITLE] = "title",
	[REG_LOCALES] = "locales", [REG_C_PREFIX] = "c_prefix",
	[REG_DESCRIPTION] = "description"
};
enum { CLASS_ID, CLASS_FIRST, CLASS_LAST, CLASS_TITLE, CLASS_DESCRIPTION };
static const char *const class_keys[] = {
	[CLASS_ID] = "id", [CLASS_FIRST] = "first", [CLASS_LAST] = "last",
	[CLASS_TITLE] = "title", [CLASS_DESCRIPTION] = "description"
};
enum { SET_ID, SET_TITLE, SET_DESCRIPTION };
static const char *const set_keys[] = {
	[SET_ID] = "id", [SET_TITLE] = "title",
	[SET_DESCRIPTION] = "description"
};
enum {
	ST_CODE, ST_PHRASE, ST_ID, ST_ALIASES, ST_NAMES, ST_STATUS, ST_SET,
	ST_SOURCE, ST_REF, ST_EXPIRES, ST_HISTORY, ST_SUBCODES, ST_NOTE,
	ST_DESCRIPTION, ST_DOCS_ONLY
};
static const char *const status_keys[] = {
	[ST_CODE] = "code", [ST_PHRASE] = "phrase", [ST_ID] = "id",
	[ST_ALIASES] = "aliases", [ST_NAMES] = "names",
	[ST_STATUS] = "status", [ST_SET] = "set", [ST_SOURCE] = "source",
	[ST_REF] = "ref", [ST_EXPIRES] = "expires",
	[ST_HISTORY] = "history", [ST_SUBCODES] = "subcodes",
	[ST_NOTE] = "note", [ST_DESCRIPTION] = "description",
	[ST_DOCS_ONLY] = "docs_only"
};
enum { HIST_PHRASE, HIST_REF };
static const char *const history_keys[] = {
	[HIST_PHRASE] = "phrase", [HIST_REF] = "ref"
};
enum { SUB_SUB, SUB_PHRASE, SUB_DESCRIPTION };
static const char *const subcode_keys[] = {
	[SUB_SUB] = "sub", [SUB_PHRASE] = "phrase",
	[SUB_DESCRIPTION] = "description"
};

/*
 * A map's members under the keys of its list, found in one pass by
 * check_keys.  A big registry has 100k status maps, and looking each
 * of their keys up by name took half the time of building them.
 */
#define FIELDS_MAX	NKEYS(status_keys)	/* the longest list */

struct fields {
	const struct value *map;
	const char *const *keys;
	const struct value *val[FIELDS_MAX];	/* or NULL: not given */
};

static const char *const status_names[] = {
	"standard", "deprecated", "unused", "experimental", "temporary",
	"unofficial"
};

bool
model_is_ident(const char *s)
{
	if (*s < 'a' || *s > 'z')
		return false;
	for (s++; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return false;
	return true;
}

static bool
is_map(struct check *c, const struct value *v, const char *what)
{
	if (v->kind == VALUE_MAP)
		return true;
	diag_error(c->d, POS(c, v), "%s must be a map, not %s %s", what,
	    value_kind_article(v->kind), value_kind_name(v->kind));
	return false;
}

static bool
is_list(struct check *c, const struct value *v, const char *what)
{
	if (v->kind == VALUE_LIST)
		return true;
	diag_error(c->d, POS(c, v), "'%s' must be a list, not %s %s", what,
	    value_kind_article(v->kind), value_kind_name(v->kind));
	return false;
}

/*
 * Sorts the members of map into f by key.  Unknown keys are errors,
 * except x- extensions.  Keys are unique (see load.h); the first
 * member wins all the same, as with value_get.
 */
static void
check_keys(struct check *c, const struct value *map, const char *const *keys,
    size_t nkeys, struct fields *f)
{
	size_t i, j, k = nkeys - 1;

	assert(nkeys <= FIELDS_MAX);
	f->map = map;
	f->keys = keys;
	memset(f->val, 0, sizeof(f->val));
	for (i = 0; i < map->len; i++) {
		const char *key = map->u.keys[i].s;
		const char *hint;

		if (strncmp(key, "x-", 2) == 0)
			continue;
		/* Maps mostly follow the list: look after the last key first. */
		for (j = 0; j < nkeys; j++) {
			k = k + 1 < nkeys ? k + 1 : 0;
			if (key[0] == keys[k][0] && strcmp(key, keys[k]) == 0)
				break;
		}
		if (j < nkeys) {
			if (f->val[k] == NULL)
				f->val[k] = map->items[i];
			continue;
		}
		hint = suggest(key, strlen(key), keys, nkeys);
		if (hint != NULL)
			diag_error(c->d, KEY_POS(c, map, i),
			    "unknown key '%s'; did you mean '%s'?", key, hint);
		else
			diag_error(c->d, KEY_POS(c, map, i),
			    "unknown key '%s'", key);
	}
}

/* The member under f->keys[k], or NULL, reported if required. */
static const struct value *
field(struct check *c, const struct fields *f, int k, bool required)
{
	const struct value *v = f->val[k];

	if (v == NULL && required)
		diag_error(c->d, POS(c, f->map), "missing required key '%s'",
		    f->keys[k]);
	return v;
}

/* Any non-null scalar reads as its text: `phrase: No` is "No". */
static const char *
get_str(struct check *c, const struct fields *f, int k, bool required)
{
	const struct value *v = field(c, f, k, required);
	const char *key = f->keys[k];

	if (v == NULL)
		return NULL;
	if (v->kind == VALUE_LIST || v->kind == VALUE_MAP ||
	    v->kind == VALUE_NULL) {
		diag_error(c->d, POS(c, v), "'%s' must be a string, not a %s",
		    key, value_kind_name(v->kind));
		return NULL;
	}
	if (v->len == 0 && required) {
		diag_error(c->d, POS(c, v), "'%s' must not be empty", key);
		return NULL;
	}
	return v->str;
}

static bool
get_int(struct check *c, const struct fields *f, int k, long long *out)
{
	const struct value *v = field(c, f, k, true);
	const char *key = f->keys[k];

	if (v == NULL)
		return false;
	if (v->kind != VALUE_INT || !v->plain) {
		diag_error(c->d, POS(c, v), "'%s' must be an integer, not %s%s",
		    key, v->plain ? "a " : "a quoted ",
		    value_kind_name(v->kind));
		return false;
	}
	*out = v->u.i;
	return true;
}

static const char *
get_ident(struct check *c, const struct fields *f, int k, bool required)
{
	const char *s = get_str(c, f, k, required);

	if (s != NULL && !model_is_ident(s)) {
		diag_error(c->d, POS(c, f->val[k]),
		    "'%s' is not a valid identifier (use [a-z][a-z0-9_]*)", s);
		return NULL;
	}
	return s;
}

static const struct text *
loc_from(struct check *c, const struct value *v, const char *key)
{
	struct text *out = arena_array(c->a, c->r->nlocales, sizeof(*out));
	size_t i;
	int li;

	if (v->kind != VALUE_MAP) {
		if (v->kind == VALUE_LIST || v->kind == VALUE_NULL) {
			diag_error(c->d, POS(c, v), "'%s' must be a string or a "
			    "locale map, not a %s", key,
			    value_kind_name(v->kind));
			return NULL;
		}
		out[0].s = v->str;
		out[0].len = v->len;
		return out;
	}
	for (i = 0; i < v->len; i++) {
		const char *lkey = v->u.keys[i].s;
		const struct value *t = v->items[i];

		li = model_locale(c->r, lkey);
		if (li < 0) {
			diag_error(c->d, KEY_POS(c, v, i), "locale '%s' is not "
			    "declared in 'registry.locales'", lkey);
			continue;
		}
		if (t->kind == VALUE_MAP || t->kind == VALUE_LIST ||
		    t->kind == VALUE_NULL) {
			diag_error(c->d, POS(c, t), "'%s.%s' must be a "
			    "string, not a %s", key, lkey,
			    value_kind_name(t->kind));
			continue;
		}
		out[li].s = t->str;
		out[li].len = t->len;
	}
	if (out[0].s == NULL)
		diag_error(c->d, POS(c, v), "'%s' has no text in the default "
		    "locale '%s'", key, c->r->locales[0]);
	return out;
}

static const struct text *
get_loc(struct check *c, const struct fields *f, int k, bool required)
{
	const struct value *v = field(c, f, k, required);

	return v != NULL ? loc_from(c, v, f->keys[k]) : NULL;
}

/*
 * A copy of the subtree v in the model's arena: the tree's nodes go
 * once the model is built.  Texts are borrowed; they live as long as
 * the model must.  The loader bounds nesting, which bounds the
 * recursion.
 */
static const struct value *
copy_value(struct arena *a, const struct value *v)
{
	struct value *k = arena_alloc(a, sizeof(*k));
	const struct value **items = NULL;
	size_t i;

	*k = *v;
	if (v->kind == VALUE_LIST || v->kind == VALUE_MAP)
		items = arena_array(a, v->len, sizeof(*items));
	for (i = 0; items != NULL && i < v->len; i++)
		items[i] = copy_value(a, v->items[i]);
	if (items != NULL)
		k->items = items;
	if (v->kind == VALUE_MAP)
		k->u.keys = arena_array(a, v->len, sizeof(*k->u.keys));
	if (v->kind == VALUE_MAP && v->len > 0)
		memcpy((struct mkey *)k->u.keys, v->u.keys,
		    v->len * sizeof(*k->u.keys));
	return k;
}

/*
 * The x- keys of map v, for templates (see view.h): a map of them
 * alone, copied, or NULL when there are none.
 */
static const struct value *
ext_of(struct check *c, const struct value *v)
{
	struct value *m;
	struct mkey *keys;
	size_t i, n = 0;

	for (i = 0; i < v->len; i++)
		n += strncmp(v->u.keys[i].s, "x-", 2) == 0;
	if (n == 0)
		return NULL;
	keys = arena_array(c->a, n, sizeof(*keys));
	m = value_map(c->a, keys, n);
	m->line = v->line;
	m->col = v->col;
	for (i = 0, n = 0; i < v->len; i++) {
		if (strncmp(v->u.keys[i].s, "x-", 2) != 0)
			continue;
		keys[n] = v->u.keys[i];
		m->items[n++] = copy_value(c->a, v->items[i]);
	}
	return m;
}

int
model_locale(const struct registry *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->nlocales; i++)
		if (strcmp(r->locales[i], name) == 0)
			return (int)i;
	return -1;
}

const char *
model_status_name(enum status_kind kind)
{
	switch (kind) {
	case STATUS_STANDARD:
		return "standard";
	case STATUS_DEPRECATED:
		return "deprecated";
	case STATUS_UNUSED:
		return "unused";
	case STATUS_EXPERIMENTAL:
		return "experimental";
	case STATUS_TEMPORARY:
		return "temporary";
	case STATUS_UNOFFICIAL:
		return "unofficial";
	}
	return "standard";
}

static void
build_registry(struct check *c, const struct value *v)
{
	struct registry *r = c->r;
	const struct value *locs;
	struct fields f;
	size_t i;

	if (!is_map(c, v, "'registry'"))
		return;
	check_keys(c, v, registry_keys, NKEYS(registry_keys), &f);
	r->node = ext_of(c, v);
	r->name = get_ident(c, &f, REG_NAME, true);
	r->c_prefix = get_ident(c, &f, REG_C_PREFIX, false);
	if (r->c_prefix == NULL)
		r->c_prefix = r->name;
	locs = field(c, &f, REG_LOCALES, true);
	if (locs == NULL || !is_list(c, locs, "locales"))
		return;
	if (locs->len == 0) {
		diag_error(c->d, POS(c, locs), "'locales' must not be empty");
		return;
	}
	r->locales = arena_array(c->a, locs->len, sizeof(*r->locales));
	for (i = 0; i < locs->len; i++) {
		const struct value *l = locs->items[i];

		if (l->kind != VALUE_STRING || l->len == 0) {
			diag_error(c->d, POS(c, l), "a locale must be a string "
			    "such as 'en' or 'zh-CN'");
			return;
		}
		if (model_locale(r, l->str) >= 0) {
			diag_error(c->d, POS(c, l), "duplicate locale '%s'",
			    l->str);
			continue;
		}
		r->locales[r->nlocales++] = l->str;
	}
	r->title = get_loc(c, &f, REG_TITLE, true);
	r->description = get_loc(c, &f, REG_DESCRIPTION, false);
	model_check_registry_words(c, v);
}

static void
build_class(struct check *c, const struct value *v, void *p)
{
	struct status_class *k = p;
	struct fields f;

	k->pos = value_pos(c->path, v);
	k->node = ext_of(c, v);
	check_keys(c, v, class_keys, NKEYS(class_keys), &f);
	k->id = get_ident(c, &f, CLASS_ID, true);
	if (get_int(c, &f, CLASS_FIRST, &k->first) &&
	    get_int(c, &f, CLASS_LAST, &k->last) && k->first > k->last)
		diag_error(c->d, POS(c, f.val[CLASS_LAST]), "class '%s' ends "
		    "(%lld) before it starts (%lld)", k->id ? k->id : "?",
		    k->last, k->first);
	k->title = get_loc(c, &f, CLASS_TITLE, true);
	k->description = get_loc(c, &f, CLASS_DESCRIPTION, true);
}

static void
build_set(struct check *c, const struct value *v, void *p)
{
	struct status_set *s = p;
	struct fields f;

	s->pos = value_pos(c->path, v);
	s->node = ext_of(c, v);
	check_keys(c, v, set_keys, NKEYS(set_keys), &f);
	s->id = get_ident(c, &f, SET_ID, true);
	s->title = get_loc(c, &f, SET_TITLE, true);
	s->description = get_loc(c, &f, SET_DESCRIPTION, false);
}

/* "an item of 'statuses'", for messages. */
static const char *
what_item(struct check *c, const char *list)
{
	size_t n = strlen(list) + 32;
	char *s = arena_alloc(c->a, n);

	snprintf(s, n, "an item of '%s'", list);
	return s;
}

/*
 * Builds a list of maps with fn and returns the array; *n receives the
 * length.  Items are zeroed first, so a failed one keeps NULL fields.
 */
static void *
build_list(struct check *c, const struct value *list, const char *what,
    size_t size, void (*fn)(struct check *, const struct value *, void *),
    size_t *n)
{
	size_t i;
	char *items;
	const char *item;

	*n = 0;
	if (list == NULL || !is_list(c, list, what))
		return NULL;
	items = arena_array(c->a, list->len, size);
	item = what_item(c, what);
	for (i = 0; i < list->len; i++) {
		const struct value *v = list->items[i];

		if (is_map(c, v, item))
			fn(c, v, items + i * size);
	}
	*n = list->len;
	return items;
}

static void
build_history(struct check *c, const struct value *v, void *p)
{
	struct history *h = p;
	struct fields f;

	h->node = ext_of(c, v);
	check_keys(c, v, history_keys, NKEYS(history_keys), &f);
	h->phrase = get_str(c, &f, HIST_PHRASE, true);
	h->ref = get_str(c, &f, HIST_REF, false);
}

static void
build_subcode(struct check *c, const struct value *v, void *p)
{
	struct subcode *s = p;
	struct fields f;

	s->pos = value_pos(c->path, v);
	s->node = ext_of(c, v);
	check_keys(c, v, subcode_keys, NKEYS(subcode_keys), &f);
	if (get_int(c, &f, SUB_SUB, &s->sub) && s->sub < 0)
		diag_error(c->d, POS(c, f.val[SUB_SUB]),
		    "'sub' must not be negative");
	s->phrase = get_str(c, &f, SUB_PHRASE, true);
	s->description = get_loc(c, &f, SUB_DESCRIPTION, true);
}

/*
 * What a message quotes of v: a scalar's text, "" for a list or a map,
 * whose str is no text (it shares its place with their items).
 */
static const char *
shown(const struct value *v)
{
	return v->kind == VALUE_LIST || v->kind == VALUE_MAP ? "" : v->str;
}

static void
build_aliases(struct check *c, const struct fields *f, struct status *s)
{
	const struct value *list = f->val[ST_ALIASES];
	size_t i;

	if (list == NULL || !is_list(c, list, "aliases"))
		return;
	s->aliases = arena_array(c->a, list->len, sizeof(*s->aliases));
	s->alias_pos = arena_array(c->a, list->len,
	    sizeof(*s->alias_pos));
	for (i = 0; i < list->len; i++) {
		const struct value *a = list->items[i];

		if (a->kind != VALUE_STRING || !model_is_ident(a->str)) {
			diag_error(c->d, POS(c, a), "alias '%s' is not a valid "
			    "identifier (use [a-z][a-z0-9_]*)", shown(a));
			continue;
		}
		s->alias_pos[s->naliases] = value_pos(c->path, a);
		s->aliases[s->naliases++] = a->str;
	}
}

/* names: {LANG: [Name, ...]}, each name as the language spells it. */
static void
check_names(struct check *c, const struct fields *f, struct status *s)
{
	const struct value *names = f->val[ST_NAMES];
	size_t i, j;

	if (names == NULL || !is_map(c, names, "'names'"))
		return;
	for (i = 0; i < names->len; i++) {
		const struct value *l = names->items[i];

		if (!is_list(c, l, names->u.keys[i].s))
			return;
		for (j = 0; j < l->len; j++) {
			const struct value *n = l->items[j];
			const char *text = shown(n), *q = text;

			while ((*q >= 'a' && *q <= 'z') || *q == '_' ||
			    (*q >= 'A' && *q <= 'Z') ||
			    (q > text && *q >= '0' && *q <= '9'))
				q++;
			if (n->kind != VALUE_STRING || n->len == 0 || *q) {
				diag_error(c->d, POS(c, n), "'%s' is not a valid "
				    "name", text);
				return;
			}
		}
	}
	s->names = copy_value(c->a, names);
}

/* The default id: the phrase in snake case, ASCII letters and digits. */
static const char *
phrase_id(struct check *c, const char *phrase)
{
	size_t n = strlen(phrase), i, o = 0;
	char *id = arena_alloc(c->a, n + 1);

	for (i = 0; i < n; i++) {
		char ch = phrase[i];

		if (ch >= 'A' && ch <= 'Z')
			ch = (char)(ch - 'A' + 'a');
		if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9'))
			id[o++] = ch;
		else if (ch != '\'' && o > 0 && id[o - 1] != '_')
			id[o++] = '_';
	}
	while (o > 0 && id[o - 1] == '_')
		o--;
	id[o] = '\0';
	return id;
}

static void
build_kind(struct check *c, const struct fields *f, struct status *s)
{
	const char *kind = get_str(c, f, ST_STATUS, true);
	const char *hint;
	size_t k;

	if (kind == NULL)
		return;
	for (k = 0; k < NKEYS(status_names); k++)
		if (strcmp(kind, status_names[k]) == 0) {
			s->kind = (enum status_kind)k;
			return;
		}
	hint = suggest(kind, strlen(kind), status_names, NKEYS(status_names));
	diag_error(c->d, POS(c, f->val[ST_STATUS]), "unknown status '%s'%s%s%s",
	    kind, hint ? "; did you mean '" : "", hint ? hint : "",
	    hint ? "'?" : "");
}

/*
 * docs_only: an unofficial code whose number another entry already has
 * stays out of the code outputs, so that each number has one name there.
 */
static void
build_docs_only(struct check *c, const struct fields *f, struct status *s)
{
	const struct value *d = f->val[ST_DOCS_ONLY];

	if (d == NULL)
		return;
	if (d->kind != VALUE_BOOL || !d->plain) {
		diag_error(c->d, POS(c, d), "'docs_only' must be true or false");
		return;
	}
	s->docs_only = d->u.b;
	if (s->docs_only && s->kind != STATUS_UNOFFICIAL)
		diag_error(c->d, POS(c, d), "'docs_only' applies only to "
		    "unofficial codes");
}

static void
build_status(struct check *c, const struct value *v, void *p)
{
	struct status *s = p;
	struct fields f;

	s->pos = value_pos(c->path, v);
	s->node = ext_of(c, v);
	check_keys(c, v, status_keys, NKEYS(status_keys), &f);
	get_int(c, &f, ST_CODE, &s->code);
	s->phrase = get_str(c, &f, ST_PHRASE, true);
	s->id = get_ident(c, &f, ST_ID, false);
	s->id_pos = value_pos(c->path, f.val[ST_ID] != NULL ? f.val[ST_ID] : v);
	if (s->id == NULL && f.val[ST_ID] == NULL && s->phrase != NULL) {
		s->id = phrase_id(c, s->phrase);
		if (!model_is_ident(s->id))
			diag_error(c->d, POS(c, f.val[ST_PHRASE]),
			    "cannot derive an identifier from '%s'; add 'id'",
			    s->phrase);
	}
	/* Measured here, where they are fresh; see struct text. */
	s->phrase_len = s->phrase != NULL ? strlen(s->phrase) : 0;
	s->id_len = s->id != NULL ? strlen(s->id) : 0;
	build_aliases(c, &f, s);
	check_names(c, &f, s);
	build_kind(c, &f, s);
	s->set = get_ident(c, &f, ST_SET, false);
	if (s->set != NULL)
		s->set_pos = value_pos(c->path, f.val[ST_SET]);
	build_docs_only(c, &f, s);
	s->source = get_str(c, &f, ST_SOURCE, false);
	s->ref = get_str(c, &f, ST_REF, false);
	s->expires = get_str(c, &f, ST_EXPIRES, false);
	s->history = build_list(c, f.val[ST_HISTORY], "history",
	    sizeof(*s->history), build_history, &s->nhistory);
	s->subcodes = build_list(c, f.val[ST_SUBCODES], "subcodes",
	    sizeof(*s->subcodes), build_subcode, &s->nsubcodes);
	s->note = get_loc(c, &f, ST_NOTE, false);
	s->description = get_loc(c, &f, ST_DESCRIPTION, true);
}

static int
cmp_status(const void *pa, const void *pb)
{
	const struct status *a = pa, *b = pb;

	if (a->code != b->code)
		return a->code < b->code ? -1 : 1;
	if (a->docs_only != b->docs_only)
		return a->docs_only ? 1 : -1;
	if (a->pos.line != b->pos.line)
		return a->pos.line < b->pos.line ? -1 : 1;
	if (a->pos.col != b->pos.col)
		return a->pos.col < b->pos.col ? -1 : 1;
	return 0;
}

/*
 * Entries sharing a code are sorted with the one the code outputs use
 * first and the docs_only ones after it.  Two sets may share a number,
 * and a set may reuse a registered one, only when all but one entry say
 * docs_only; within one set a number is used once.
 */
static void
check_shared(struct check *c, size_t i)
{
	struct status *st = c->r->statuses, *s = &st[i], *first;
	size_t j = i;

	while (j > 0 && st[j - 1].code == s->code)
		j--;
	if (j == i)
		return;
	first = &st[j];
	for (; j < i; j++)
		if (s->set != NULL && st[j].set != NULL &&
		    strcmp(s->set, st[j].set) == 0) {
			diag_error(c->d, &s->pos, "duplicate code %lld in set "
			    "'%s'", s->code, s->set);
			diag_note(c->d, &st[j].pos, "first defined here");
			return;
		}
	if (s->docs_only)
		return;
	if (s->kind != STATUS_UNOFFICIAL) {
		diag_error(c->d, &s->pos, "duplicate code %lld", s->code);
		diag_note(c->d, &first->pos, "first defined here");
	} else if (first->kind != STATUS_UNOFFICIAL) {
		diag_error(c->d, &s->pos, "code %lld of set '%s' is a "
		    "registered code; mark it 'docs_only: true'", s->code,
		    s->set);
		diag_note(c->d, &first->pos, "registered here");
	} else {
		diag_error(c->d, &s->pos, "code %lld of set '%s' is also used "
		    "by set '%s'; mark all but one 'docs_only: true'",
		    s->code, s->set, first->set);
		diag_note(c->d, &first->pos, "used by '%s' here", first->set);
	}
}

/*
 * Registries are mostly written in order of code, and sorting 100k
 * statuses cost 20 ms while every other thread waited: a look along
 * the list comes first.  No two statuses share a position, so the
 * order is total and the result the same either way.
 */
static void
sort_statuses(struct registry *r)
{
	size_t i;

	for (i = 1; i < r->nstatuses; i++)
		if (cmp_status(&r->statuses[i - 1], &r->statuses[i]) > 0) {
			qsort(r->statuses, r->nstatuses, sizeof(*r->statuses),
			    cmp_status);
			return;
		}
}

static void
check_codes(struct check *c)
{
	struct registry *r = c->r;
	size_t i, k;

	sort_statuses(r);
	for (i = 0; i < r->nstatuses; i++) {
		struct status *s = &r->statuses[i];

		check_shared(c, i);
		for (k = 0; k < r->nclasses; k++)
			if (s->code >= r->classes[k].first &&
			    s->code <= r->classes[k].last)
				break;
		if (k == r->nclasses)
			diag_error(c->d, &s->pos, "code %lld is outside every "
			    "class range", s->code);
		s->class_index = k;
	}
}

static void
unknown_set(struct check *c, const struct status *s)
{
	const struct registry *r = c->r;
	const char **ids = arena_array(&c->tmp, r->nsets + 1, sizeof(*ids));
	const char *hint;
	size_t k;

	for (k = 0; k < r->nsets; k++)
		ids[k] = r->sets[k].id ? r->sets[k].id : "";
	hint = suggest(s->set, strlen(s->set), ids, r->nsets);
	diag_error(c->d, &s->set_pos,
	    "unknown set '%s'%s%s%s", s->set, hint ? "; did you mean '" : "",
	    hint ? hint : "", hint ? "'?" : "");
}

/* Returns the number of problems, reported only when `report`. */
static size_t
check_sets(struct check *c, bool report)
{
	const struct registry *r = c->r;
	size_t i, k, bad = 0;

	for (i = 0; i < r->nstatuses; i++) {
		const struct status *s = &r->statuses[i];

		if (s->kind == STATUS_UNOFFICIAL && s->set == NULL) {
			bad++;
			if (report)
				diag_error(c->d, &s->pos, "unofficial code "
				    "%lld needs a 'set'", s->code);
			continue;
		}
		if (s->set == NULL)
			continue;
		for (k = 0; k < r->nsets; k++)
			if (r->sets[k].id && strcmp(r->sets[k].id, s->set) == 0)
				break;
		if (k == r->nsets) {
			bad++;
			if (report)
				unknown_set(c, s);
		}
	}
	return bad;
}

/* Class and set lists are short: comparing every pair is fine. */
static void
check_unique(struct check *c, const char *what, const char *id,
    const struct srcpos *pos, const char *prev, const struct srcpos *ppos)
{
	if (id == NULL || prev == NULL || strcmp(id, prev) != 0)
		return;
	diag_error(c->d, pos, "duplicate %s id '%s'", what, id);
	diag_note(c->d, ppos, "first defined here");
}

static void
check_classes(struct check *c)
{
	const struct registry *r = c->r;
	size_t i, j;

	for (i = 0; i < r->nsets; i++)
		for (j = 0; j < i; j++)
			check_unique(c, "set", r->sets[i].id, &r->sets[i].pos,
			    r->sets[j].id, &r->sets[j].pos);
	for (i = 0; i < r->nclasses; i++)
		for (j = 0; j < i; j++) {
			const struct status_class *a = &r->classes[j];
			const struct status_class *b = &r->classes[i];

			check_unique(c, "class", b->id, &b->pos, a->id,
			    &a->pos);
			if (b->first <= a->last && a->first <= b->last) {
				diag_error(c->d, &b->pos, "class '%s' overlaps "
				    "class '%s'", b->id ? b->id : "?",
				    a->id ? a->id : "?");
				diag_note(c->d, &a->pos, "'%s' defined here",
				    a->id ? a->id : "?");
			}
		}
}

/* What the checks hold apart from the model. */
static void
release_checks(struct check *c)
{
	buf_release(&c->scratch);
	arena_release(&c->tmp);
}

/* model_build's work; the caller owns c and its scratch buffer. */
static int
build_model(struct check *c, const struct value *root,
    struct registry **out)
{
	struct registry *r = c->r;
	const struct value *v;
	struct fields f;
	size_t before = c->d->errors;
	long long schema;

	if (!is_map(c, root, "the document"))
		return -1;
	check_keys(c, root, root_keys, NKEYS(root_keys), &f);
	r->root = ext_of(c, root);
	if (f.val[ROOT_SCHEMA] != NULL &&
	    get_int(c, &f, ROOT_SCHEMA, &schema) && schema != 1)
		diag_error(c->d, POS(c, f.val[ROOT_SCHEMA]),
		    "unsupported schema version %lld (this gen reads 1)",
		    schema);
	v = field(c, &f, ROOT_REGISTRY, true);
	if (v != NULL)
		build_registry(c, v);
	if (r->nlocales == 0)
		return -1;
	r->sets = build_list(c, f.val[ROOT_SETS], "sets",
	    sizeof(*r->sets), build_set, &r->nsets);
	r->classes = build_list(c, field(c, &f, ROOT_CLASSES, true),
	    "classes", sizeof(*r->classes), build_class, &r->nclasses);
	r->statuses = build_list(c, field(c, &f, ROOT_STATUSES, true),
	    "statuses", sizeof(*r->statuses), build_status, &r->nstatuses);
	if (c->d->errors != before)
		return -1;
	check_classes(c);
	check_codes(c);
	model_check_idents(c);
	model_check_names(c);
	check_sets(c, true);
	if (c->d->errors != before)
		return -1;
	*out = r;
	return 0;
}

int
model_build(struct arena *a, const char *path, const struct value *root,
    struct diag *d, struct registry **out)
{
	struct check c = { a, d, path, NULL, BUF_INIT, ARENA_INIT, NULL };
	int rc;

	c.r = arena_alloc(a, sizeof(*c.r));
	rc = build_model(&c, root, out);
	release_checks(&c);
	return rc;
}

const struct status *
model_find_code(const struct registry *r, long long code)
{
	size_t lo = 0, hi = r->nstatuses;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (r->statuses[mid].code < code)
			lo = mid + 1;
		else if (r->statuses[mid].code > code)
			hi = mid;
		else
			return &r->statuses[mid];
	}
	return NULL;
}
