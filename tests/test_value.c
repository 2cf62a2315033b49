/*
 * Tests for value.c: interned keys (one pointer per text, kept across
 * growth), maps read by pointer (value_get) and by text (value_find),
 * the shared constants, and the builders views use in bulk.
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

/* The shared constants are const objects, not values a caller may fill. */
#define IS_CONST_VALUE(p) _Generic((p), const struct value *: 1, default: 0)
_Static_assert(IS_CONST_VALUE(&value_null_v), "value_null_v is const");
_Static_assert(IS_CONST_VALUE(&value_true_v), "value_true_v is const");
_Static_assert(IS_CONST_VALUE(&value_false_v), "value_false_v is const");
_Static_assert(IS_CONST_VALUE(&value_empty_list),
    "value_empty_list is const");
_Static_assert(IS_CONST_VALUE(&value_empty_map), "value_empty_map is const");
_Static_assert(IS_CONST_VALUE(value_bool(true)), "value_bool gives const");

struct fixture {
	struct arena a;
	struct keys *keys;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof(*f));

	f->keys = keys_new();
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	keys_free(f->keys);
	arena_release(&f->a);
	free(f);
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
	struct fixture *f = *state;
	size_t k;

	for (k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
		struct value *v = value_int(&f->a, cases[k].i);

		print_message("case %s\n", cases[k].text);
		assert_int_equal(v->kind, VALUE_INT);
		assert_true(v->decimal);
		assert_true(v->u.i == cases[k].i);
		assert_string_equal(v->str, cases[k].text);
		assert_int_equal(v->len, strlen(cases[k].text));
		assert_int_equal(v->line, 0);
		assert_int_equal(v->col, 0);
	}
}

/*
 * null, the booleans and the empty list are shared objects: asking for
 * them allocates nothing, and they read as the values they stand for.
 */
static void
test_value_constants_are_shared(void **state)
{
	struct fixture *f = *state;

	assert_ptr_equal(value_bool(true), &value_true_v);
	assert_ptr_equal(value_bool(false), &value_false_v);
	assert_ptr_equal(value_cstr(&f->a, NULL), &value_null_v);
	assert_ptr_equal(value_list(&f->a, 0), &value_empty_list);
	assert_null(f->a.head);

	assert_int_equal(value_null_v.kind, VALUE_NULL);
	assert_string_equal(value_null_v.str, "");
	assert_int_equal(value_true_v.kind, VALUE_BOOL);
	assert_true(value_true_v.u.b);
	assert_string_equal(value_true_v.str, "true");
	assert_int_equal(value_true_v.len, 4);
	assert_false(value_false_v.u.b);
	assert_string_equal(value_false_v.str, "false");
	assert_int_equal(value_false_v.len, 5);
	assert_int_equal(value_empty_list.kind, VALUE_LIST);
	assert_int_equal(value_empty_list.len, 0);
	assert_int_equal(value_empty_map.kind, VALUE_MAP);
	assert_int_equal(value_empty_map.len, 0);
	assert_null(value_get(&value_empty_map, keys_add(f->keys, "a", 1)));
	assert_null(value_find(&value_empty_map, "a"));
}

/*
 * The same text gives the same pointer, whatever buffer it comes from
 * and however long that buffer goes on; other texts, a prefix included,
 * get their own.  The copy is the table's, NUL-terminated.
 */
static void
test_keys_add_interns_equal_texts_once(void **state)
{
	struct fixture *f = *state;
	char buf[] = "codex";
	const char *code = keys_add(f->keys, "code", 4), *empty;

	assert_non_null(code);
	assert_string_equal(code, "code");
	assert_ptr_equal(keys_add(f->keys, buf, 4), code);
	assert_ptr_equal(keys_add(f->keys, "code and more", 4), code);
	assert_true(keys_add(f->keys, buf, 5) != code);
	assert_string_equal(keys_add(f->keys, buf, 5), "codex");
	assert_true(keys_add(f->keys, "cod", 3) != code);
	/* The table keeps its own copy: the caller's buffer may change. */
	buf[0] = 'm';
	assert_string_equal(code, "code");
	assert_ptr_equal(keys_find(f->keys, "code", 4), code);
	/* The empty key is a key like any other. */
	empty = keys_add(f->keys, "", 0);
	assert_string_equal(empty, "");
	assert_ptr_equal(keys_find(f->keys, "x", 0), empty);
}

/* keys_find never adds: a text no one added finds nothing. */
static void
test_keys_find_of_unknown_key_is_null(void **state)
{
	static const struct {
		const char *s;
		size_t n;
	} unknown[] = {
		{ "phrase", 6 }, { "cod", 3 }, { "codes", 5 }, { "Code", 4 },
		{ "", 0 },
	};
	struct fixture *f = *state;
	size_t i;

	assert_null(keys_find(f->keys, "code", 4));
	keys_add(f->keys, "code", 4);
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++) {
		print_message("case '%s'\n", unknown[i].s);
		assert_null(keys_find(f->keys, unknown[i].s, unknown[i].n));
	}
	assert_null(keys_find(f->keys, "phrase", 6));
	assert_non_null(keys_find(f->keys, "code", 4));
}

/*
 * Past its first size the table grows, many times over: every key
 * keeps the pointer and the text it was first given, and is found.
 */
static void
test_keys_growth_keeps_every_pointer(void **state)
{
	enum { N = 5000 };
	struct fixture *f = *state;
	const char **first = xcalloc(N, sizeof(*first));
	char name[32];
	size_t i;
	int n;

	for (i = 0; i < N; i++) {
		n = snprintf(name, sizeof(name), "key_%zu", i);
		first[i] = keys_add(f->keys, name, (size_t)n);
		/* Earlier keys survive each growth. */
		if (i % 97 == 0)
			assert_ptr_equal(keys_find(f->keys, "key_0", 5),
			    first[0]);
	}
	for (i = 0; i < N; i++) {
		n = snprintf(name, sizeof(name), "key_%zu", i);
		assert_string_equal(first[i], name);
		assert_ptr_equal(keys_find(f->keys, name, (size_t)n), first[i]);
		assert_ptr_equal(keys_add(f->keys, name, (size_t)n), first[i]);
	}
	assert_null(keys_find(f->keys, "key_5000", 8));
	free(first);
}

/* A made map of three members under interned keys, sharing k. */
static struct value *
made_map(struct fixture *f, struct mkey *k, long long code)
{
	struct value *m = value_map(&f->a, k, 3);

	m->items[0] = value_int(&f->a, code);
	m->items[1] = value_cstr(&f->a, "text");
	m->items[2] = &value_null_v;
	return m;
}

/*
 * value_get compares the key's pointer, so it finds a member only by
 * the interned key, and a name that resolved to no key (NULL) finds
 * nothing; value_find compares the text.  Maps of one shape share
 * their array of keys and keep their own values.
 */
static void
test_value_get_by_pointer_and_find_by_text(void **state)
{
	struct fixture *f = *state;
	struct mkey k[3];
	struct value *m1, *m2;
	char copy[] = "phrase";
	const char *code, *phrase, *other;

	code = keys_add(f->keys, "code", 4);
	phrase = keys_add(f->keys, "phrase", 6);
	other = keys_add(f->keys, "other", 5);
	k[0] = (struct mkey){ code, 0, 0 };
	k[1] = (struct mkey){ phrase, 0, 0 };
	k[2] = (struct mkey){ keys_add(f->keys, "note", 4), 0, 0 };
	m1 = made_map(f, k, 200);
	m2 = made_map(f, k, 404);

	assert_true(value_get(m1, code)->u.i == 200);
	assert_true(value_get(m2, code)->u.i == 404);
	assert_string_equal(value_get(m1, phrase)->str, "text");
	assert_ptr_equal(value_get(m1, keys_find(f->keys, "note", 4)),
	    &value_null_v);
	/* Same text, another pointer: not the key. */
	assert_true(copy != phrase);
	assert_null(value_get(m1, copy));
	assert_null(value_get(m1, other));
	assert_null(value_get(m1, NULL));
	assert_null(value_get(NULL, code));
	assert_null(value_get(value_int(&f->a, 1), code));

	assert_string_equal(value_find(m1, copy)->str, "text");
	assert_true(value_find(m2, "code")->u.i == 404);
	assert_ptr_equal(value_find(m1, "note"), &value_null_v);
	assert_null(value_find(m1, "other"));
	assert_null(value_find(m1, "cod"));
	assert_null(value_find(NULL, "code"));
	assert_null(value_find(value_cstr(&f->a, "code"), "code"));
}

/*
 * value_pos gives the position a value was loaded at, in the file
 * named; a made value has none.
 */
static void
test_value_positions_name_the_file(void **state)
{
	struct fixture *f = *state;
	struct mkey k[2];
	struct value *m;
	struct srcpos pos;

	k[0] = (struct mkey){ keys_add(f->keys, "a", 1), 3, 5 };
	k[1] = (struct mkey){ keys_add(f->keys, "b", 1), 4, 1 };
	m = value_map(&f->a, k, 2);
	m->line = 2;
	m->col = 3;
	m->items[0] = value_int(&f->a, 1);
	m->items[1] = value_int(&f->a, 2);
	pos = value_pos("x.yaml", m);
	assert_string_equal(pos.file, "x.yaml");
	assert_int_equal(pos.line, 2);
	assert_int_equal(pos.col, 3);
	pos = value_pos("y.yaml", m->items[0]);
	assert_string_equal(pos.file, "y.yaml");
	assert_int_equal(pos.line, 0);
	assert_int_equal(pos.col, 0);
}

/*
 * Strings borrow their text, or copy it; lists of n items start with n
 * NULL slots to fill.
 */
static void
test_value_builders_borrow_or_copy(void **state)
{
	struct fixture *f = *state;
	char text[] = "hello";
	struct value *borrowed = value_str(&f->a, text, 5);
	struct value *copied = value_copy_str(&f->a, text, 5);
	const struct value *c = value_cstr(&f->a, "hi");
	struct value *l = value_list(&f->a, 3);

	assert_ptr_equal(borrowed->str, text);
	assert_true(copied->str != text);
	text[0] = 'j';
	assert_string_equal(borrowed->str, "jello");
	assert_string_equal(copied->str, "hello");
	assert_int_equal(copied->len, 5);
	assert_int_equal(copied->kind, VALUE_STRING);
	assert_int_equal(c->kind, VALUE_STRING);
	assert_int_equal(c->len, 2);
	assert_int_equal(l->kind, VALUE_LIST);
	assert_int_equal(l->len, 3);
	assert_null(l->items[0]);
	assert_null(l->items[2]);
}

static void
test_value_kind_names_for_messages(void **state)
{
	static const struct {
		enum value_kind kind;
		const char *name, *article;
	} kinds[] = {
		{ VALUE_NULL, "null", "a" },
		{ VALUE_BOOL, "boolean", "a" },
		{ VALUE_INT, "integer", "an" },
		{ VALUE_FLOAT, "number", "a" },
		{ VALUE_STRING, "string", "a" },
		{ VALUE_LIST, "list", "a" },
		{ VALUE_MAP, "map", "a" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		print_message("case %s\n", kinds[i].name);
		assert_string_equal(value_kind_name(kinds[i].kind),
		    kinds[i].name);
		assert_string_equal(value_kind_article(kinds[i].kind),
		    kinds[i].article);
	}
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_value_int_spells_every_range),
		T(test_value_constants_are_shared),
		T(test_keys_add_interns_equal_texts_once),
		T(test_keys_find_of_unknown_key_is_null),
		T(test_keys_growth_keeps_every_pointer),
		T(test_value_get_by_pointer_and_find_by_text),
		T(test_value_positions_name_the_file),
		T(test_value_builders_borrow_or_copy),
		T(test_value_kind_names_for_messages),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
