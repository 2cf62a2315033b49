#include "value.h"

#include <assert.h>
#include <string.h>

#include "xmalloc.h"

struct value *
value_new(struct arena *a, enum value_kind kind, const struct srcpos *pos)
{
	struct value *v = arena_alloc(a, sizeof(*v));

	v->kind = kind;
	if (pos != NULL)
		v->pos = *pos;
	v->str = "";
	return v;
}

/* Not const, to fit the builders' type; nothing writes to them. */
static struct value shared_null = { .kind = VALUE_NULL, .str = "" };
static struct value shared_true = {
	.kind = VALUE_BOOL, .str = "true", .len = 4, .u.b = true
};
static struct value shared_false = {
	.kind = VALUE_BOOL, .str = "false", .len = 5, .u.b = false
};

struct value *
value_null(struct arena *a)
{
	(void)a;
	return &shared_null;
}

struct value *
value_bool(struct arena *a, bool b)
{
	(void)a;
	return b ? &shared_true : &shared_false;
}

/*
 * Digits by hand, two a division: snprintf costs more than the rest of
 * a view's number, and the renderer writes numbers by the million.
 */
char *
value_spell_int(char *end, long long i)
{
	static const char pairs[] =
	    "00010203040506070809101112131415161718192021222324"
	    "25262728293031323334353637383940414243444546474849"
	    "50515253545556575859606162636465666768697071727374"
	    "75767778798081828384858687888990919293949596979899";
	unsigned long long u = i < 0 ? 0 - (unsigned long long)i :
	    (unsigned long long)i;
	char *p = end;

	while (u >= 100) {
		p -= 2;
		memcpy(p, pairs + 2 * (u % 100), 2);
		u /= 100;
	}
	if (u >= 10) {
		p -= 2;
		memcpy(p, pairs + 2 * u, 2);
	} else {
		*--p = (char)('0' + u);
	}
	if (i < 0)
		*--p = '-';
	return p;
}

/*
 * A value of kind with extra bytes after it, in p; p is zero, as an
 * arena's memory and a lazy map's room are.
 */
static struct value *
put(void *p, enum value_kind kind)
{
	struct value *v = p;

	v->kind = kind;
	v->str = "";
	return v;
}

/* i spelt at the end of tmp: its length, and *digits where it starts. */
static size_t
int_text(char tmp[VALUE_INT_MAX], long long i, const char **digits)
{
	*digits = value_spell_int(tmp + VALUE_INT_MAX, i);
	return (size_t)(tmp + VALUE_INT_MAX - *digits);
}

/*
 * i as a value in p, which has room for its len digits, at digits, and
 * a NUL right after the value.
 */
static struct value *
put_int(void *p, long long i, const char *digits, size_t len)
{
	struct value *v = put(p, VALUE_INT);
	char *str = (char *)(v + 1);

	memcpy(str, digits, len);
	v->decimal = true;
	v->u.i = i;
	v->str = str;
	v->len = len;
	return v;
}

/*
 * The digits go right after the value, in one allocation: a view makes
 * a status's code each time a template walks the statuses.
 */
struct value *
value_int(struct arena *a, long long i)
{
	char tmp[VALUE_INT_MAX];
	const char *p;
	size_t len = int_text(tmp, i, &p);

	return put_int(arena_alloc(a, sizeof(struct value) + len + 1), i, p,
	    len);
}

struct value *
value_string(struct arena *a, const char *s, size_t len)
{
	struct value *v = put(arena_alloc(a, xadd(sizeof(*v), xadd(len, 1))),
	    VALUE_STRING);
	char *str = (char *)(v + 1);

	memcpy(str, s, len);
	v->str = str;
	v->len = len;
	return v;
}

struct value *
value_cstr(struct arena *a, const char *s)
{
	return value_cstrn(a, s, strlen(s));
}

struct value *
value_cstrn(struct arena *a, const char *s, size_t len)
{
	struct value *v = put(arena_alloc(a, sizeof(*v)), VALUE_STRING);

	v->str = s;
	v->len = len;
	return v;
}

/*
 * n bytes from a lazy map's room, else from its arena.  Taken in
 * order and never given back: what the map makes lives as long as it.
 */
static void *
take_room(const struct value *map, size_t n)
{
	struct value_thunk *t = map->u.map.lazy;
	void *p;

	assert(map->kind == VALUE_MAP && map->lazy);
	n = (n + alignof(struct value) - 1) & ~(alignof(struct value) - 1);
	if (VALUE_ROOM - t->used < n)
		return arena_alloc(t->a, n);
	p = t->room + t->used;
	t->used += n;
	return p;
}

struct value *
value_cstr_in(const struct value *map, const char *s)
{
	return value_cstrn_in(map, s, strlen(s));
}

struct value *
value_cstrn_in(const struct value *map, const char *s, size_t len)
{
	struct value *v = put(take_room(map, sizeof(*v)), VALUE_STRING);

	v->str = s;
	v->len = len;
	return v;
}

struct value *
value_int_in(const struct value *map, long long i)
{
	char tmp[VALUE_INT_MAX];
	const char *p;
	size_t len = int_text(tmp, i, &p);

	return put_int(take_room(map, sizeof(struct value) + len + 1), i, p,
	    len);
}

/*
 * The items go right after the list or map, in one allocation.  An
 * empty list holds nothing to set: a view's statuses have their empty
 * lists of aliases, history and subcodes made for each walk.
 */
struct value *
value_list(struct arena *a, size_t cap)
{
	static struct value shared_empty = { .kind = VALUE_LIST, .str = "" };
	struct value *v;

	if (cap == 0)
		return &shared_empty;
	v = put(arena_alloc(a, xadd(sizeof(*v),
	    xmul(cap, sizeof(*v->u.list.items)))), VALUE_LIST);
	v->u.list.items = (struct value **)(v + 1);
	v->u.list.cap = cap;
	return v;
}

struct value *
value_map(struct arena *a, size_t cap)
{
	struct value *v = put(arena_alloc(a, xadd(sizeof(*v),
	    xmul(cap, sizeof(*v->u.map.items)))), VALUE_MAP);

	v->u.map.items = (struct member *)(v + 1);
	v->u.map.cap = cap;
	return v;
}

struct value *
value_lazy_list(struct arena *a, size_t n, const struct value_maker *mk)
{
	struct value *v = value_new(a, VALUE_LIST, NULL);

	v->lazy = true;
	v->u.list.n = n;
	v->u.list.maker = mk;
	return v;
}

void
value_make_lazy(struct value *map, const struct value_maker *mk,
    const void *arg, struct arena *a)
{
	struct value_thunk *t = arena_alloc(a, sizeof(*t));
	size_t i;

	assert(map->kind == VALUE_MAP && !map->lazy);
	t->mk = mk;
	t->arg = arg;
	t->a = a;
	t->vals = arena_array(a, map->u.map.n, sizeof(*t->vals));
	for (i = 0; i < map->u.map.n; i++)
		t->vals[i] = map->u.map.items[i].val;
	map->lazy = true;
	map->u.map.lazy = t;
}

/* A lazy map with its thunk and values, made in one allocation. */
struct lazy_map {
	struct value v;
	struct value_thunk t;
	struct value *vals[];
};

static_assert(sizeof(struct member) > 2 * sizeof(struct value *),
    "a lazy map is smaller than its keys");

struct value *
value_lazy_map(struct arena *a, const struct member *keys, size_t n,
    const struct value_maker *mk, const void *arg)
{
	/*
	 * keys[0..n) exists, and a key is more than twice the size of a
	 * value's pointer: no overflow, and no call to check for one for
	 * each view.
	 */
	struct lazy_map *lm = arena_alloc(a, sizeof(*lm) +
	    n * sizeof(lm->vals[0]));
	struct value *v = &lm->v;
	struct value_thunk *t = &lm->t;

	v->kind = VALUE_MAP;
	v->str = "";
	t->mk = mk;
	t->arg = arg;
	t->a = a;
	t->vals = lm->vals;
	/* Never written through: a lazy map's values live in t->vals. */
	v->u.map.items = (struct member *)keys;
	v->u.map.n = n;
	v->u.map.lazy = t;
	v->lazy = true;
	v->shared = true;
	return v;
}

const struct value *
value_item(const struct value *list, size_t i, struct arena *a)
{
	const struct value_maker *mk;

	assert(list->kind == VALUE_LIST && i < list->u.list.n);
	if (!list->lazy)
		return list->u.list.items[i];
	mk = list->u.list.maker;
	return mk->item(mk, i, a);
}

struct value *
value_make_member(const struct value *map, size_t i)
{
	const struct value_thunk *t = map->u.map.lazy;

	t->vals[i] = t->mk->member(t->mk, t->arg, map, i, t->a);
	return t->vals[i];
}

void
value_push(struct value *list, struct value *item)
{
	assert(list->kind == VALUE_LIST && !list->lazy);
	assert(list->u.list.n < list->u.list.cap);
	list->u.list.items[list->u.list.n++] = item;
}

void
value_setn(struct value *map, const char *key, size_t n, struct value *val)
{
	struct member *m;

	assert(map->kind == VALUE_MAP && !map->lazy);
	assert(map->u.map.n < map->u.map.cap);
	m = &map->u.map.items[map->u.map.n++];
	m->key = key;
	m->keylen = n;
	m->val = val;
}

void
value_set_all(struct value *map, const struct member *members, size_t n)
{
	assert(map->kind == VALUE_MAP && !map->lazy);
	assert(n <= map->u.map.cap - map->u.map.n);
	memcpy(map->u.map.items + map->u.map.n, members, n * sizeof(*members));
	map->u.map.n += n;
}

void
value_set(struct value *map, const char *key, struct value *val)
{
	value_setn(map, key, strlen(key), val);
}

struct value *
value_getn(const struct value *v, const char *key, size_t n)
{
	size_t i;

	if (v == NULL || v->kind != VALUE_MAP)
		return NULL;
	for (i = 0; i < v->u.map.n; i++) {
		const struct member *m = &v->u.map.items[i];

		if (m->keylen == n && memcmp(m->key, key, n) == 0)
			return value_member(v, i);
	}
	return NULL;
}

/* value_getn_at when the hint does not tell at once. */
struct value *
value_scan_at(const struct value *v, const char *key, size_t n,
    struct value_hint *hint)
{
	const struct member *m;
	size_t i;

	if (v == NULL || v->kind != VALUE_MAP)
		return NULL;
	hint->key = key;
	hint->shared = v->shared ? v->u.map.items : NULL;
	if (hint->at < v->u.map.n) {
		m = &v->u.map.items[hint->at];
		if (m->keylen == n && memcmp(m->key, key, n) == 0)
			return value_member(v, hint->at);
	}
	for (i = 0; i < v->u.map.n; i++) {
		m = &v->u.map.items[i];
		if (m->keylen == n && memcmp(m->key, key, n) == 0) {
			hint->at = i;
			return value_member(v, i);
		}
	}
	if (v->shared)
		hint->at = VALUE_ABSENT;
	return NULL;
}

struct value *
value_get(const struct value *v, const char *key)
{
	return value_getn(v, key, strlen(key));
}

const char *
value_kind_name(enum value_kind kind)
{
	switch (kind) {
	case VALUE_NULL:
		return "null";
	case VALUE_BOOL:
		return "boolean";
	case VALUE_INT:
		return "integer";
	case VALUE_FLOAT:
		return "number";
	case VALUE_STRING:
		return "string";
	case VALUE_LIST:
		return "list";
	case VALUE_MAP:
		return "map";
	}
	return "value";
}

const char *
value_kind_article(enum value_kind kind)
{
	return kind == VALUE_INT ? "an" : "a";
}
