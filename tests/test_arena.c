/*
 * Tests for arena.c: zeroed, aligned memory, packed strings, and
 * arena_keep, whose memory goes with the arena's (make valgrind checks
 * that it is freed).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdalign.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/xmalloc.h"

static int
setup(void **state)
{
	*state = xcalloc(1, sizeof(struct arena));
	return 0;
}

static int
teardown(void **state)
{
	arena_release(*state);
	free(*state);
	return 0;
}

static bool
is_zero(const unsigned char *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (p[i] != 0)
			return false;
	return true;
}

static void
test_arena_alloc_is_zeroed_and_aligned(void **state)
{
	struct arena *a = *state;
	size_t n;

	for (n = 1; n < 5000; n += 97) {
		unsigned char *p = arena_alloc(a, n);

		assert_true((uintptr_t)p % alignof(max_align_t) == 0);
		assert_true(is_zero(p, n));
		memset(p, 0xAB, n);
	}
}

/*
 * Strings are packed, with no rounding, and whatever comes after one is
 * aligned all the same, even after a string that filled a block of its
 * own; every string keeps its text.
 */
static void
test_arena_strings_are_packed(void **state)
{
	struct arena *a = *state;
	size_t big = 3 << 20, i;
	char *s[40], *t, *huge = xmalloc(big);
	unsigned char *p;

	memset(huge, 'h', big);
	s[0] = arena_strndup(a, "ab", 2);
	s[1] = arena_strndup(a, "cde", 3);
	assert_ptr_equal(s[1], s[0] + 3);
	for (i = 2; i < 40; i++) {
		s[i] = arena_strndup(a, "0123456789", i % 11);
		p = arena_alloc(a, i);
		assert_true((uintptr_t)p % alignof(max_align_t) == 0);
		assert_true(is_zero(p, i));
		memset(p, 0xFF, i);
	}
	t = arena_strndup(a, huge, big);
	p = arena_alloc(a, 24);
	assert_true((uintptr_t)p % alignof(max_align_t) == 0);
	assert_true(is_zero(p, 24));
	assert_string_equal(s[0], "ab");
	assert_string_equal(s[1], "cde");
	for (i = 2; i < 40; i++)
		assert_memory_equal(s[i], "0123456789", i % 11);
	assert_memory_equal(t, huge, big);
	assert_int_equal(t[big], '\0');
	free(huge);
}

/* Kept memory is freed with the arena's own. */
static void
test_arena_keep_frees_with_the_arena(void **state)
{
	struct arena *a = *state;
	char *p;

	arena_keep(a, NULL);
	assert_null(a->kept);
	arena_keep(a, xmalloc(100));
	assert_non_null(a->kept);
	p = xmalloc(300);
	memset(p, 0xEF, 300);
	arena_keep(a, p);
	arena_alloc(a, 1 << 20);
	assert_int_equal((unsigned char)p[299], 0xEF);
	/* teardown's arena_release frees both. */
}

/*
 * A reset arena hands out the same blocks again, in the same order and
 * zeroed as ever; what was kept goes at the reset; a big request that
 * no spare block fits gets a new one, and the spares stay for later.
 */
static void
test_arena_reset_reuses_blocks(void **state)
{
	struct arena *a = *state;
	unsigned char *first[3], *again;
	size_t k;

	for (k = 0; k < 3; k++) {
		first[k] = arena_alloc(a, 20000);
		memset(first[k], 0x5A, 20000);
	}
	arena_keep(a, xmalloc(64));
	arena_reset(a);
	assert_null(a->head);
	assert_null(a->kept);
	assert_int_equal(a->used, 0);
	for (k = 0; k < 3; k++) {
		again = arena_alloc(a, 20000);
		assert_ptr_equal(again, first[k]);
		assert_true(is_zero(again, 20000));
	}
	arena_reset(a);
	again = arena_alloc(a, 4 << 20);
	assert_true(again != first[0] && again != first[1]);
	assert_non_null(a->spare);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_arena_alloc_is_zeroed_and_aligned),
		T(test_arena_strings_are_packed),
		T(test_arena_keep_frees_with_the_arena),
		T(test_arena_reset_reuses_blocks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
