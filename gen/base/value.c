#include "value.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

const struct value value_null_v = { .kind = VALUE_NULL, .str = "" };
const struct value value_true_v = {
	.kind = VALUE_BOOL, .str = "true", .len = 4, .u.b = true
};
const struct value value_false_v = {
	.kind = VALUE_BOOL, .str = "false", .len = 5, .u.b = false
};
const struct value value_empty_list = { .kind = VALUE_LIST };
const struct value value_empty_map = { .kind = VALUE_MAP };

struct slot {
	const char *s;		/* NULL: free */
	size_t len;
};

struct keys {
	struct arena a;
	struct slot *slots;
	size_t cap, n;		/* cap is a power of two */
};

/* FNV-1a. */
static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 14695981039346656037u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

struct keys *
keys_new(void)
{
	struct keys *k = xcalloc(1, sizeof(*k));

	k->cap = 64;
	k->slots = xcalloc(k->cap, sizeof(*k->slots));
	return k;
}

void
keys_free(struct keys *k)
{
	if (k == NULL)
		return;
	arena_release(&k->a);
	free(k->slots);
	free(k);
}

/* The slot of s[0..n), or the free slot where it would go. */
static struct slot *
probe(const struct keys *k, const char *s, size_t n, uint64_t h)
{
	size_t i, mask = k->cap - 1;
	struct slot *e;

	for (i = (size_t)h & mask;; i = (i + 1) & mask) {
		e = &k->slots[i];
		if (e->s == NULL || (e->len == n && memcmp(e->s, s, n) == 0))
			return e;
	}
}

static void
grow(struct keys *k)
{
	struct slot *old = k->slots;
	size_t i, oldcap = k->cap;

	k->cap = xmul(k->cap, 2);
	k->slots = xcalloc(k->cap, sizeof(*k->slots));
	for (i = 0; i < oldcap; i++)
		if (old[i].s != NULL)
			*probe(k, old[i].s, old[i].len,
			    hash(old[i].s, old[i].len)) = old[i];
	free(old);
}

const char *
keys_add(struct keys *k, const char *s, size_t n)
{
	uint64_t h = hash(s, n);
	struct slot *e = probe(k, s, n, h);

	if (e->s != NULL)
		return e->s;
	/* Half full at most, so that a probe ends soon. */
	if (2 * (k->n + 1) > k->cap) {
		grow(k);
		e = probe(k, s, n, h);
	}
	e->s = arena_strndup(&k->a, s, n);
	e->len = n;
	k->n++;
	return e->s;
}

const char *
keys_find(const struct keys *k, const char *s, size_t n)
{
	return probe(k, s, n, hash(s, n))->s;
}

struct value *
value_str(struct arena *a, const char *s, size_t len)
{
	struct value *v = arena_alloc(a, sizeof(*v));

	v->kind = VALUE_STRING;
	v->str = s;
	v->len = (unsigned)len;
	return v;
}

struct value *
value_copy_str(struct arena *a, const char *s, size_t len)
{
	return value_str(a, arena_strndup(a, s, len), len);
}

const struct value *
value_cstr(struct arena *a, const char *s)
{
	return s != NULL ? value_str(a, s, strlen(s)) : &value_null_v;
}

/* By hand: snprintf would cost more than the rest of a view's number. */
char *
value_spell_int(char *end, long long i)
{
	unsigned long long u = i < 0 ? 0 - (unsigned long long)i :
	    (unsigned long long)i;
	char *p = end;

	do
		*--p = (char)('0' + u % 10);
	while ((u /= 10) != 0);
	if (i < 0)
		*--p = '-';
	return p;
}

struct value *
value_int(struct arena *a, long long i)
{
	char tmp[VALUE_INT_MAX], *end = tmp + VALUE_INT_MAX;
	const char *p = value_spell_int(end, i);
	struct value *v = value_copy_str(a, p, (size_t)(end - p));

	v->kind = VALUE_INT;
	v->decimal = true;
	v->u.i = i;
	return v;
}

/* A list or a map of n items, which go right after it. */
static struct value *
with_items(struct arena *a, enum value_kind kind, size_t n)
{
	struct value *v = arena_alloc(a, xadd(sizeof(*v),
	    xmul(n, sizeof(*v->items))));

	v->kind = (unsigned char)kind;
	v->len = (unsigned)n;
	v->items = (const struct value **)(v + 1);
	return v;
}

struct value *
value_list(struct arena *a, size_t n)
{
	if (n == 0)
		return (struct value *)&value_empty_list;
	return with_items(a, VALUE_LIST, n);
}

struct value *
value_map(struct arena *a, const struct mkey *keys, size_t n)
{
	struct value *v = with_items(a, VALUE_MAP, n);

	v->u.keys = keys;
	return v;
}

const struct value *
value_find(const struct value *v, const char *key)
{
	unsigned i;

	if (v == NULL || v->kind != VALUE_MAP)
		return NULL;
	for (i = 0; i < v->len; i++)
		if (strcmp(v->u.keys[i].s, key) == 0)
			return v->items[i];
	return NULL;
}

const char *
value_kind_name(enum value_kind kind)
{
	static const char *const names[] = {
		[VALUE_NULL] = "null", [VALUE_BOOL] = "boolean",
		[VALUE_INT] = "integer", [VALUE_FLOAT] = "number",
		[VALUE_STRING] = "string", [VALUE_LIST] = "list",
		[VALUE_MAP] = "map"
	};

	return names[kind];
}
