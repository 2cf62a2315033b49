/*
 * Tests for pool.c: every task once, on workers below the thread count
 * that never run two tasks at once, and a failure stops what follows.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdatomic.h>
#include <string.h>

#include "run/run.h"

#define NTASKS	2000

struct tasks {
	atomic_int runs[NTASKS];
	size_t fail_at;		/* the task that fails, or NTASKS */
	size_t threads;		/* workers must stay below, when not 0 */
	atomic_int busy[POOL_MAX_THREADS];	/* tasks running per worker */
	atomic_int bad;		/* a worker out of range, or shared */
};

static bool
task(void *ctx, size_t i, size_t worker)
{
	struct tasks *t = ctx;
	size_t most = t->threads > POOL_MAX_THREADS ? POOL_MAX_THREADS :
	    t->threads;

	if (worker >= (most > 0 ? most : 1) ||
	    atomic_fetch_add(&t->busy[worker], 1) != 0) {
		atomic_store(&t->bad, 1);
		return true;
	}
	atomic_fetch_add(&t->runs[i], 1);
	atomic_fetch_sub(&t->busy[worker], 1);
	return i != t->fail_at;
}

static void
start(struct tasks *t, size_t fail_at)
{
	size_t i;

	for (i = 0; i < NTASKS; i++)
		atomic_init(&t->runs[i], 0);
	for (i = 0; i < POOL_MAX_THREADS; i++)
		atomic_init(&t->busy[i], 0);
	atomic_init(&t->bad, 0);
	t->fail_at = fail_at;
	t->threads = 0;
}

/*
 * With any number of threads, each task runs exactly once, on a worker
 * below the number of threads (capped) that runs one task at a time.
 */
static void
test_pool_runs_every_task_once(void **state)
{
	static struct tasks t;
	static const size_t threads[] = { 0, 1, 2, 7, POOL_MAX_THREADS + 5 };
	size_t k, i;

	(void)state;
	for (k = 0; k < sizeof(threads) / sizeof(threads[0]); k++) {
		start(&t, NTASKS);
		t.threads = threads[k];
		assert_int_equal(pool_run(NTASKS, threads[k], task, &t),
		    NTASKS);
		assert_int_equal(atomic_load(&t.bad), 0);
		for (i = 0; i < NTASKS; i++)
			assert_int_equal(atomic_load(&t.runs[i]), 1);
	}
	assert_int_equal(pool_run(0, 4, task, &t), 0);
}

/*
 * A failure is reported by its index; every task before it ran, and in
 * one thread nothing after it did.  With several, tasks after it may
 * have started before it failed (how many depends on timing), but none
 * runs twice.
 */
static void
test_pool_stops_after_a_failure(void **state)
{
	static struct tasks t;
	size_t i;

	(void)state;
	start(&t, 10);
	t.threads = 1;
	assert_int_equal(pool_run(NTASKS, 1, task, &t), 10);
	for (i = 0; i < NTASKS; i++)
		assert_int_equal(atomic_load(&t.runs[i]), i <= 10);
	start(&t, 10);
	t.threads = 4;
	assert_int_equal(pool_run(NTASKS, 4, task, &t), 10);
	assert_int_equal(atomic_load(&t.bad), 0);
	for (i = 0; i < NTASKS; i++)
		assert_in_range(atomic_load(&t.runs[i]), i <= 10, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pool_runs_every_task_once),
		cmocka_unit_test(test_pool_stops_after_a_failure),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
