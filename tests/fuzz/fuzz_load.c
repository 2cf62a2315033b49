/*
 * fuzz_load: libFuzzer target for the data path.  The input is taken as a
 * YAML file: load_yaml, then model_build on what loaded.  Both must
 * reject anything without crashing, leaking or tripping a sanitizer, and
 * every run starts from an empty arena and diag so that state cannot
 * hide a bug found by an earlier input.
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a = ARENA_INIT;
	struct diag d = DIAG_INIT;
	struct value *root = NULL;
	struct registry *reg = NULL;

	if (load_yaml(&a, "fuzz.yaml", (const char *)data, size, &limits,
	    &d, &root) == 0)
		(void)model_build(&a, root, &d, &reg);
	/* Formatting every entry exercises the stored positions too. */
	for (size_t i = 0; i < d.n; i++)
		free(diag_format(&d, i));
	diag_release(&d);
	arena_release(&a);
	return 0;
}
