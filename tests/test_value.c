/*
 * Tests for value.c: the builders that views use in bulk (numbers as
 * text, the shared null, booleans and empty list, members made in a
 * lazy map's room) and lookups with a position hint.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/value.h"
#include "base/xmalloc.h"

static int
setup(void **state)
{
	struct arena *a = xcalloc(1, sizeof(*a));

	*state = a;
	return 0;
}

static int
teardown(void **state)
{
	arena_release(*state);
	free(*state);
	return 0;
}

static void
test_value_int_spells_every_range(void **state)
{
	static const struct {
		long long i;
		const char *text;
	} cases[] = {
		{ 0, "0" }, { 7, "7" }, { -1, "-1" }, { 404, "404" },
		{ 10, "10" }, { 99, "99" }, { 100, "100" }, { -10, "-10" },
		{ 1005, "1005" }, { 90210, "90210" }, { -99999, "-99999" },
		{ -100000, "-100000" },
		{ LLONG_MAX, "9223372036854775807" },
		{ LLONG_MIN, "-9223372036854775808" },
	};
	struct arena *a = *state;
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct value *v = value_int(a, cases[k].i);

		assert_int_equal(v->kind, VALUE_INT);
		assert_true(v->decimal);
		assert_true(v->u.i == cases[k].i);
		assert_string_equal(v->str, cases[k].text);
		assert_int_equal(v->len, strlen(cases[k].text));
	}
}

static void
test_value_null_and_bools_are_shared(void **state)
{
	struct arena *a = *state;

	assert_ptr_equal(value_null(a), value_null(a));
	assert_int_equal(value_null(a)->kind, VALUE_NULL);
	assert_ptr_equal(value_bool(a, true), value_bool(a, true));
	assert_true(value_bool(a, true)->u.b);
	assert_false(value_bool(a, false)->u.b);
	assert_string_equal(value_bool(a, false)->str, "false");
	assert_int_equal(value_bool(a, true)->len, 4);
	assert_int_equal(a->total, 0);
}

/*
 * A hint that points at the key finds it at once; a stale or foreign
 * one still finds the right member and is moved there; a miss leaves
 * it alone.
 */
static void
test_value_getn_at_follows_and_fixes_hints(void **state)
{
	struct arena *a = *state;
	struct value *m1 = value_map(a, 3), *m2 = value_map(a, 3);
	struct value_hint hint = { NULL, NULL, 0 };

	value_set(m1, "code", value_int(a, 1));
	value_set(m1, "phrase", value_cstr(a, "one"));
	value_set(m1, "id", value_cstr(a, "one"));
	value_set(m2, "id", value_cstr(a, "two"));
	value_set(m2, "code", value_int(a, 2));
	value_set(m2, "phrase", value_cstr(a, "two"));
	assert_int_equal(value_getn_at(m1, "phrase", 6, &hint)->len, 3);
	assert_int_equal(hint.at, 1);
	assert_string_equal(value_getn_at(m2, "phrase", 6, &hint)->str,
	    "two");
	assert_int_equal(hint.at, 2);
	assert_true(value_getn_at(m2, "code", 4, &hint)->u.i == 2);
	assert_int_equal(hint.at, 1);
	assert_null(value_getn_at(m1, "missing", 7, &hint));
	assert_int_equal(hint.at, 1);
	hint.at = 99;
	assert_true(value_getn_at(m1, "code", 4, &hint)->u.i == 1);
	assert_int_equal(hint.at, 0);
	assert_null(value_getn_at(value_cstr(a, "x"), "code", 4, &hint));
	assert_null(value_getn_at(NULL, "code", 4, &hint));
}

/* Members of the shared-key maps below: "k<i>" is i, made when read. */
static int made;

static struct value *
shared_member(const struct value_maker *mk, const void *arg,
    const struct value *map, size_t i, struct arena *a)
{
	(void)mk;
	(void)map;
	made++;
	return value_int(a, (long long)(uintptr_t)arg * 10 + (long long)i);
}

/*
 * Maps sharing a key table read their values from their own makers,
 * and a hint remembers a find or a miss there for the same key string
 * only: another key, even one sharing the hint, is looked up afresh.
 */
static void
test_value_shared_keys_remember_finds_and_misses(void **state)
{
	static const struct member keys[] = {
		{ "k0", 2, { NULL, 0, 0 }, NULL },
		{ "k1", 2, { NULL, 0, 0 }, NULL },
		{ "k2", 2, { NULL, 0, 0 }, NULL },
	};
	static const struct value_maker mk = { NULL, shared_member };
	struct arena *a = *state;
	struct value *m1 = value_lazy_map(a, keys, 3, &mk, (void *)1);
	struct value *m2 = value_lazy_map(a, keys, 3, &mk, (void *)2);
	struct value_hint hint = { NULL, NULL, 0 };
	const char *k2 = "k2", *nope = "nope", *k1 = "k1";

	made = 0;
	assert_int_equal(value_getn_at(m1, k2, 2, &hint)->u.i, 12);
	assert_ptr_equal(hint.shared, keys);
	assert_int_equal(value_getn_at(m2, k2, 2, &hint)->u.i, 22);
	assert_int_equal(value_getn_at(m2, k2, 2, &hint)->u.i, 22);
	assert_int_equal(made, 2);	/* each value made once */
	assert_null(value_getn_at(m1, nope, 4, &hint));
	assert_int_equal(hint.at, VALUE_ABSENT);
	assert_null(value_getn_at(m2, nope, 4, &hint));
	/* Another key with the same hint is not taken for missing. */
	assert_int_equal(value_getn_at(m2, k1, 2, &hint)->u.i, 21);
	assert_int_equal(value_getn(m1, "k0", 2)->u.i, 10);
	assert_int_equal(value_member(m2, 0)->u.i, 20);
}

/*
 * Members "s<i>" (a string) and "n<i>" (a number), made in the map's
 * room, or, past it, in its arena.
 */
static struct value *
room_member(const struct value_maker *mk, const void *arg,
    const struct value *map, size_t i, struct arena *a)
{
	static const char *const words[] = { "zero", "one", "two", "three" };

	(void)mk;
	(void)arg;
	(void)a;
	made++;
	if (i % 2 == 0)
		return value_cstr_in(map, words[i / 2 % 4]);
	return value_int_in(map, -1000000000000LL * (long long)i);
}

/*
 * Members made in place fill the room a lazy map keeps, then its arena,
 * and each keeps its own value; a member set before its lookup is not
 * made; an empty list is shared, and holds nothing.
 */
static void
test_value_lazy_members_made_in_room(void **state)
{
	enum { N = 40 };
	static const struct value_maker mk = { NULL, room_member };
	struct arena *a = *state;
	struct member keys[N];
	struct value *m1, *m2, *v;
	char name[N][8];
	size_t i;

	for (i = 0; i < N; i++) {
		snprintf(name[i], sizeof(name[i]), "%c%zu",
		    i % 2 == 0 ? 's' : 'n', i);
		keys[i] = (struct member){ name[i], strlen(name[i]),
		    { NULL, 0, 0 }, NULL };
	}
	m1 = value_lazy_map(a, keys, N, &mk, NULL);
	m2 = value_lazy_map(a, keys, N, &mk, NULL);
	value_set_lazy(m2, 3, value_null(a));
	made = 0;
	for (i = 0; i < N; i++) {
		v = value_member(m1, i);
		if (i % 2 == 0) {
			assert_int_equal(v->kind, VALUE_STRING);
		} else {
			assert_int_equal(v->kind, VALUE_INT);
			assert_true(v->decimal);
		}
		/* A string or a number wider than the room holds. */
		assert_true(v->str[v->len] == '\0');
		assert_int_equal(value_member(m2, i)->kind,
		    i == 3 ? VALUE_NULL : v->kind);
	}
	assert_int_equal(made, 2 * N - 1);
	for (i = 0; i < N; i++) {
		v = value_member(m1, i);
		if (i % 2 == 0) {
			assert_string_equal(v->str, ((const char *[]){
			    "zero", "one", "two", "three" })[i / 2 % 4]);
		} else {
			assert_true(v->u.i == -1000000000000LL * (long long)i);
			assert_int_equal(v->len, strlen(v->str));
			assert_true(strtoll(v->str, NULL, 10) == v->u.i);
		}
	}
	assert_int_equal(made, 2 * N - 1);
	assert_ptr_equal(value_list(a, 0), value_list(a, 0));
	assert_int_equal(value_list(a, 0)->kind, VALUE_LIST);
	assert_int_equal(value_list(a, 0)->u.list.n, 0);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_value_int_spells_every_range),
		T(test_value_null_and_bools_are_shared),
		T(test_value_getn_at_follows_and_fixes_hints),
		T(test_value_shared_keys_remember_finds_and_misses),
		T(test_value_lazy_members_made_in_room),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
