/*
 * fuzz_load: libFuzzer target for the data path.  The input is taken as a
 * YAML file and loaded both ways gen can: load_yaml then model_build on
 * the whole tree, and load_yaml_streamed with model_stream building the
 * statuses as they load.  Both must reject anything without crashing,
 * leaking or tripping a sanitizer, and must agree: one accepting what the
 * other refuses, or building another number of statuses, aborts.  Every
 * run starts from an empty arena and diag so that state cannot hide a
 * bug found by an earlier input.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "arena.h"
#include "diag.h"
#include "load.h"
#include "model.h"
#include "value.h"

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
	done(&a, &d);
	done(&sa, &sd);
	return 0;
}
