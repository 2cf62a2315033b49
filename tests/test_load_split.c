/*
 * Tests for load_split.c: a file loaded in pieces on threads gives its
 * stream the items, positions and errors of the whole load, or says
 * LOAD_AGAIN when a cut was not where an item starts.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "load/load.h"

/* Small pieces, so that small files are cut. */
#define PIECE	((size_t)8 * 1024)
#define NITEMS	1500

/* What a stream, or one of its pieces, was given. */
struct items {
	long long *code;
	unsigned *line;
	size_t n, cap;
	size_t forks, keeps, drops;	/* of the whole */
	int rc;
};

static bool
begin(void *ctx, const struct member *done, size_t n)
{
	(void)ctx;
	(void)done;
	(void)n;
	return true;
}

static void
push(struct items *it, long long code, unsigned line)
{
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 64;
		it->code = realloc(it->code, it->cap * sizeof(*it->code));
		it->line = realloc(it->line, it->cap * sizeof(*it->line));
		assert_non_null(it->code);
		assert_non_null(it->line);
	}
	it->code[it->n] = code;
	it->line[it->n++] = line;
}

static void
item(void *ctx, const struct value *v)
{
	const struct value *code = v ? value_get(v, "code") : NULL;

	push(ctx, code && code->kind == VALUE_INT ? code->u.i : -1,
	    v ? v->pos.line : 0);
}

static void *
fork_items(void *ctx, struct arena *a, struct diag *d)
{
	struct items *whole = ctx;

	(void)d;
	whole->forks++;
	return arena_alloc(a, sizeof(struct items));
}

static void
join_items(void *ctx, void *piece, bool keep)
{
	struct items *whole = ctx, *it = piece;
	size_t i;

	if (keep) {
		whole->keeps++;
		for (i = 0; i < it->n; i++)
			push(whole, it->code[i], it->line[i]);
	} else {
		whole->drops++;
	}
	free(it->code);
	free(it->line);
}

static void
items_free(struct items *it)
{
	free(it->code);
	free(it->line);
}

/*
 * Writes a file of head, then `statuses:` with NITEMS items at column
 * col, with middle (if not NULL) after item NITEMS / 2 and tail after
 * the last.  Line ends are eol.
 */
static char *
write_file(const char *head, size_t col, const char *middle,
    const char *tail, const char *eol)
{
	char path[] = "/tmp/test_load_split.XXXXXX";
	int fd = mkstemp(path);
	FILE *fp;
	size_t i;

	assert_true(fd >= 0);
	fp = fdopen(fd, "w");
	assert_non_null(fp);
	fprintf(fp, "%s%sstatuses:%s", head, eol, eol);
	for (i = 0; i < NITEMS; i++) {
		fprintf(fp, "%*s- code: %zu%s", (int)col, "", i, eol);
		fprintf(fp, "%*s  phrase: 'P %zu'%s", (int)col, "", i, eol);
		fprintf(fp, "%*s  text: |%s%*s    block%s%*s    text%s",
		    (int)col, "", eol, (int)col, "", eol, (int)col, "", eol);
		if (i == NITEMS / 2 && middle != NULL)
			fprintf(fp, "%s", middle);
	}
	fprintf(fp, "%s", tail);
	assert_int_equal(fclose(fp), 0);
	return strdup(path);
}

/*
 * Loads path whole and in pieces; returns the split load's result, and
 * the whole's in whole->rc.
 */
static int
both(const char *path, size_t jobs, struct items *whole,
    struct items *split, struct diag *d)
{
	struct load_stream st = {
	    "statuses", begin, item, NULL, fork_items, join_items
	};
	struct arena a = ARENA_INIT, b = ARENA_INIT;
	struct diag dw = DIAG_INIT;
	struct value *root;
	int rc;

	st.ctx = whole;
	whole->rc = load_file_streamed(&a, path, NULL, &st, &dw, &root);
	st.ctx = split;
	rc = load_file_split(&b, path, NULL, &st, jobs, PIECE, d, &root);
	diag_release(&dw);
	arena_release(&a);
	arena_release(&b);
	return rc;
}

static void
assert_same(const struct items *a, const struct items *b)
{
	assert_int_equal(a->n, b->n);
	assert_memory_equal(a->code, b->code, a->n * sizeof(*a->code));
	assert_memory_equal(a->line, b->line, a->n * sizeof(*a->line));
}

/* Cut into `jobs` pieces, the items and their lines are the whole's. */
static void
test_split_loads_as_whole(void **state)
{
	static const struct {
		size_t col;
		const char *eol;
		size_t jobs;
	} cases[] = {
		{ 2, "\n", 2 }, { 2, "\n", 5 }, { 0, "\n", 3 },
		{ 4, "\r\n", 2 }
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct items whole = { 0 }, split = { 0 };
		struct diag d = DIAG_INIT;
		char *path = write_file("head: 1", cases[i].col, NULL, "",
		    cases[i].eol);

		assert_int_equal(both(path, cases[i].jobs, &whole, &split, &d),
		    0);
		assert_int_equal(whole.rc, 0);
		assert_int_equal(whole.n, NITEMS);
		assert_same(&whole, &split);
		assert_int_equal(split.forks, cases[i].jobs - 1);
		assert_int_equal(split.keeps, cases[i].jobs - 1);
		assert_int_equal(d.n, 0);
		diag_release(&d);
		items_free(&whole);
		items_free(&split);
		unlink(path);
		free(path);
	}
}

/*
 * Where the text does not hold at a cut, the pieces are dropped:
 * lines that look like items inside a quoted scalar; a list of the
 * same indentation after the streamed one; an error; a lone CR, a line
 * break for libyaml, before a cut.
 */
static void
test_split_drops_what_does_not_hold(void **state)
{
	struct buf quoted = BUF_INIT, after = BUF_INIT;
	size_t i;

	(void)state;
	buf_add(&quoted, "    note: \"a quoted text\n", 25);
	buf_add(&after, "tail:\n", 6);
	/* Longer than the statuses, so that a cut falls in each. */
	for (i = 0; i < 12 * NITEMS; i++) {
		buf_add(&quoted, "  - code: 1\n", 12);
		buf_add(&after, "  - code: 1\n", 12);
	}
	buf_add(&quoted, "    \"\n", 6);
	buf_addc(&quoted, '\0');
	buf_addc(&after, '\0');
	{
		const char *heads[] = {
		    "head: 1", "head: 1", "head: 1", "head: 1\r# x"
		};
		const char *middles[] = {
		    quoted.ptr, NULL, "    code: 2\n", NULL
		};
		const char *tails[] = { "", after.ptr, "", "" };
		const bool valid[] = { true, true, false, true };

		for (i = 0; i < 4; i++) {
			struct items whole = { 0 }, split = { 0 };
			struct diag d = DIAG_INIT;
			char *path = write_file(heads[i], 2, middles[i],
			    tails[i], "\n");

			assert_int_equal(both(path, 2, &whole, &split, &d),
			    LOAD_AGAIN);
			assert_int_equal(whole.rc == 0, valid[i]);
			assert_int_equal(whole.n, NITEMS);
			assert_true(split.forks > 0);
			assert_int_equal(split.keeps, 0);
			assert_int_equal(split.drops, split.forks);
			diag_release(&d);
			items_free(&whole);
			items_free(&split);
			unlink(path);
			free(path);
		}
	}
	buf_release(&quoted);
	buf_release(&after);
}

/* Tag directives would differ in a piece: such a file loads whole. */
static void
test_split_leaves_directives_whole(void **state)
{
	struct items whole = { 0 }, split = { 0 };
	struct diag d = DIAG_INIT;
	char *path = write_file("%TAG !e! tag:example.com,2000:\n---\nhead: 1",
	    2, NULL, "", "\n");

	(void)state;
	assert_int_equal(both(path, 2, &whole, &split, &d), 0);
	assert_int_equal(split.forks, 0);
	assert_same(&whole, &split);
	diag_release(&d);
	items_free(&whole);
	items_free(&split);
	unlink(path);
	free(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_split_loads_as_whole),
		cmocka_unit_test(test_split_drops_what_does_not_hold),
		cmocka_unit_test(test_split_leaves_directives_whole),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
