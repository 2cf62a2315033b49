/*
 * pool: independent tasks on a few threads.
 *
 * pool_run(n, threads, fn, ctx) calls fn(ctx, i) once for each i < n,
 * on up to `threads` threads, the caller's among them, and returns when
 * every call has returned.  Tasks start in the order of i.  Once a task
 * returns false, the tasks after it that have not started are skipped,
 * so a run that fails early wastes little; those before it all run.
 * fn records what it did: pool_run only returns the lowest i whose task
 * failed, or n.
 *
 * With threads <= 1 the tasks run one after another in the calling
 * thread, and a thread that cannot be started leaves its share to the
 * others: the results are the same either way.
 */
#ifndef GEN_POOL_H
#define GEN_POOL_H

#include <stdbool.h>
#include <stddef.h>

/* More threads than this would only wait for each other. */
#define POOL_MAX_THREADS	16

size_t pool_run(size_t n, size_t threads, bool (*fn)(void *ctx, size_t i),
    void *ctx);

/* The number of processors online, at least 1. */
size_t pool_cpus(void);

#endif
