/*
 * fuzz_load: libFuzzer target for the data path.  The input is taken as a
 * YAML file and loaded every way gen can: load_yaml then model_build on
 * the whole tree; load_yaml_streamed with model_stream building the
 * statuses as they load; and, from a file, load_file_split with pieces
 * of a few bytes, so that nearly every input is cut somewhere.  All must
 * reject anything without crashing, leaking or tripping a sanitizer, and
 * must agree: one accepting what another refuses, or building other
 * statuses (codes, lines), aborts; a split load may only say LOAD_AGAIN
 * instead.  Every run starts from an empty arena and diag so that state
 * cannot hide a bug found by an earlier input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "base/arena.h"
#include "base/diag.h"
#include "load/load.h"
#include "model/model.h"
#include "base/value.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/*
 * Smaller limits than the defaults keep each run fast; the depth limit is
 * the real one, because hostile nesting is what it guards against.
 */
static const struct load_limits limits = {
	1024 * 1024, LOAD_MAX_DEPTH, 200000
};

/* Formatting every entry exercises the stored positions too. */
static void
done(struct arena *a, struct diag *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(diag_format(d, i));
	diag_release(d);
	arena_release(a);
}

/* The input as a file, for load_file_split: one per process, reused. */
static const char *
as_file(const uint8_t *data, size_t size)
{
	static char path[] = "/tmp/fuzz_load.XXXXXX";
	static int fd = -1;

	if (fd == -1 && (fd = mkstemp(path)) == -1)
		abort();
	if (ftruncate(fd, 0) != 0 ||
	    pwrite(fd, data, size, 0) != (ssize_t)size)
		abort();
	return path;
}

/* The split load must build what the streamed one built, or give up. */
static void
split_agrees(const uint8_t *data, size_t size, int want,
    const struct registry *r)
{
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	struct model_stream *ms = model_stream_new(&a, &d);
	struct registry *got = NULL;
	struct value *root = NULL;
	size_t i;
	int rc;

	rc = load_file_split(&a, as_file(data, size), &limits,
	    model_stream_hook(ms), 3, 16, &d, &root);
	if (rc == LOAD_AGAIN) {
		model_stream_finish(ms, NULL, &got);
		done(&a, &d);
		return;
	}
	rc = model_stream_finish(ms, rc == 0 ? root : NULL, &got);
	if (rc != want || (rc == 0 && got->nstatuses != r->nstatuses))
		abort();
	for (i = 0; rc == 0 && i < r->nstatuses; i++)
		if (got->statuses[i].code != r->statuses[i].code ||
		    got->statuses[i].pos.line != r->statuses[i].pos.line ||
		    got->statuses[i].id_pos.line != r->statuses[i].id_pos.line)
			abort();
	done(&a, &d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT, sa = ARENA_INIT;
	struct diag d = DIAG_INIT, sd = DIAG_INIT;
	struct value *root = NULL, *sroot = NULL;
	struct registry *reg = NULL, *sreg = NULL;
	struct model_stream *ms;
	int rc = -1, src;

	if (load_yaml(&a, "fuzz.yaml", (const char *)data, size, &limits,
	    &d, &root) == 0)
		rc = model_build(&a, root, &d, &reg);
	ms = model_stream_new(&sa, &sd);
	src = load_yaml_streamed(&sa, "fuzz.yaml", (const char *)data, size,
	    &limits, model_stream_hook(ms), &sd, &sroot);
	src = model_stream_finish(ms, src == 0 ? sroot : NULL, &sreg);
	if (rc != src || (rc == 0 && reg->nstatuses != sreg->nstatuses))
		abort();
	split_agrees(data, size, src, sreg);
	done(&a, &d);
	done(&sa, &sd);
	return 0;
}
