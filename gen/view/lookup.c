/* {{#lookup}}: the tables generated lookups read (templates.md), once a run. */
#include "view_int.h"

#include <stdlib.h>
#include <string.h>

/* A name or phrase, and what it finds. */
struct entry {
	const char *key;
	size_t len;
	size_t status;		/* in the registry's statuses */
	unsigned rank;		/* +2: alias or phrase it had; +1: unofficial */
};

/* By key, then current before earlier, official first, then by code. */
static int
entry_cmp(const void *pa, const void *pb)
{
	const struct entry *a = pa, *b = pb;
	int c = strcmp(a->key, b->key);

	if (c != 0)
		return c;
	if (a->rank != b->rank)
		return a->rank < b->rank ? -1 : 1;
	return a->status < b->status ? -1 : a->status > b->status;
}

/* {key, code} of e[0..n), sorted, each key once: entry_cmp's first. */
static const struct value *
table(struct build *b, struct entry *e, size_t n)
{
	struct mkey *shape = arena_array(b->a, 2, sizeof(*shape));
	struct value *list = value_list(b->a, n), *m;
	size_t i, k = 0;

	if (n == 0)
		return &value_empty_list;
	qsort(e, n, sizeof(*e), entry_cmp);
	shape[0] = b->vk->k[VK_KEY];
	shape[1] = b->vk->k[VK_CODE];
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(e[i].key, e[i - 1].key) == 0)
			continue;
		m = value_map(b->a, shape, 2);
		m->items[0] = value_str(b->a, e[i].key, e[i].len);
		m->items[1] = b->base->st[e[i].status].code;
		list->items[k++] = m;
	}
	list->len = (unsigned)k;
	return list;
}

static const char *
fold(struct arena *a, const char *s, size_t len)
{
	char *f = arena_strndup(a, s, len);
	size_t i;

	for (i = 0; i < len; i++)
		if (f[i] >= 'A' && f[i] <= 'Z')
			f[i] = (char)(f[i] - 'A' + 'a');
	return f;
}

/*
 * The statuses pick[0..n)'s ids and aliases, or phrases: now, each language's
 * own (so that every output finds the phrase it writes), and before.
 */
static const struct value *
keys_of(struct build *b, const size_t *pick, size_t n, bool phrases)
{
	const struct status *s;
	const struct value *own;
	struct entry *e;
	size_t i, k, len = 0;
	unsigned rank;
	const char *t;

	for (i = 0; i < n; i++) {
		s = &b->r->statuses[pick[i]];
		len += 1 + (phrases ? s->nhistory : s->naliases);
		len += phrases && s->phrases ? s->phrases->len : 0;
	}
	e = arena_array(b->a, len, sizeof(*e));
	for (i = 0, len = 0; i < n; i++) {
		s = &b->r->statuses[pick[i]];
		rank = s->kind == STATUS_UNOFFICIAL;
		e[len++] = phrases ? (struct entry){ fold(b->a, s->phrase,
		    s->phrase_len), s->phrase_len, pick[i], rank } :
		    (struct entry){ s->id, s->id_len, pick[i], rank };
		for (k = 0; k < (phrases ? s->nhistory : s->naliases); k++) {
			t = phrases ? s->history[k].phrase : s->aliases[k];
			e[len++] = (struct entry){ phrases ? fold(b->a, t,
			    strlen(t)) : t, strlen(t), pick[i], 2 + rank };
		}
		for (k = 0; phrases && s->phrases && k < s->phrases->len; k++) {
			own = s->phrases->items[k];
			e[len++] = (struct entry){ fold(b->a, own->str,
			    own->len), own->len, pick[i], rank };
		}
	}
	return table(b, e, len);
}

/* Each code's position in pick[0..n), from the first to the last. */
static const struct value *
slots(struct build *b, const size_t *pick, size_t n, long long first,
    size_t span)
{
	struct value *list = value_list(b->a, span);
	const struct value *none = value_int(b->a, -1);
	size_t i;

	for (i = 0; i < span; i++)
		list->items[i] = none;
	for (i = 0; i < n; i++)
		list->items[b->r->statuses[pick[i]].code - first] =
		    value_int(b->a, (long long)i);
	return list;
}

static const struct value *
lookup_map(struct build *b, const size_t *pick, size_t n)
{
	long long first = n > 0 ? b->r->statuses[pick[0]].code : 0;
	long long last = n > 0 ? b->r->statuses[pick[n - 1]].code : -1;
	/* No more than four slots a status; the difference cannot wrap. */
	bool dense = n > 0 && (unsigned long long)last -
	    (unsigned long long)first < 4 * (unsigned long long)n;
	const struct field f[] = {
		{ VK_FIRST, n > 0 ? b->base->st[pick[0]].code : &value_null_v },
		{ VK_LAST, n > 0 ? b->base->st[pick[n - 1]].code :
		    &value_null_v },
		{ VK_COUNT, value_int(b->a, (long long)n) },
		{ VK_DENSE, value_bool(dense) },
		{ VK_SLOTS, dense ? slots(b, pick, n, first,
		    (size_t)(last - first) + 1) : &value_empty_list },
		{ VK_BY_NAME, keys_of(b, pick, n, false) },
		{ VK_BY_PHRASE, keys_of(b, pick, n, true) }
	};

	return view_map(b, f, NELEM(f), NULL);
}

const struct value *
view_lookup(struct build *b)
{
	const struct registry *r = b->r;
	size_t *pick = arena_array(b->a, r->nstatuses, sizeof(*pick)), i, n = 0;

	for (i = 0; i < r->nstatuses; i++)
		if (view_picks(b, &r->statuses[i], true))
			pick[n++] = i;
	return lookup_map(b, pick, n);
}
