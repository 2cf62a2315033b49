#include "run.h"

#include <pthread.h>
#include <stdatomic.h>

struct pool {
	bool (*fn)(void *ctx, size_t i, size_t worker);
	void *ctx;
	size_t n;
	atomic_size_t next;	/* the next task to start */
	atomic_size_t failed;	/* the lowest task that failed, or n */
	atomic_size_t workers;	/* how many have started */
};

/* The caller, and each thread started, numbered as they start. */
static void *
work(void *arg)
{
	struct pool *p = arg;
	size_t k = atomic_fetch_add(&p->workers, 1), i, low;

	while ((i = atomic_fetch_add(&p->next, 1)) < p->n) {
		if (i > atomic_load(&p->failed) || p->fn(p->ctx, i, k))
			continue;
		low = atomic_load(&p->failed);
		while (i < low &&
		    !atomic_compare_exchange_weak(&p->failed, &low, i))
			continue;
	}
	return NULL;
}

size_t
pool_run(size_t n, size_t threads,
    bool (*fn)(void *ctx, size_t i, size_t worker), void *ctx)
{
	pthread_t tid[POOL_MAX_THREADS];
	struct pool p = { fn, ctx, n, 0, n, 0 };
	size_t k, started = 0;

	if (threads > n)
		threads = n;
	if (threads > POOL_MAX_THREADS)
		threads = POOL_MAX_THREADS;
	for (k = 1; k < threads; k++)
		if (pthread_create(&tid[started], NULL, work, &p) == 0)
			started++;
	work(&p);
	for (k = 0; k < started; k++)
		pthread_join(tid[k], NULL);
	return atomic_load(&p.failed);
}
