/*
 * model_check: what model.c and model_ident.c share, for the checks
 * that run while the model is built.  Not for other modules.
 */
#ifndef GEN_MODEL_CHECK_H
#define GEN_MODEL_CHECK_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model.h"

struct spellings;

/*
 * Below this many statuses, threads cost more to start (a stack, a
 * malloc arena each) than they save: a build step on a registry of a
 * hundred codes stays on one thread, and checks before rendering.
 */
#define CHECK_THREADS_MIN	4096

/* What a schema check needs while it walks the document. */
struct check {
	struct arena *a;
	struct diag *d;
	struct registry *r;
	struct buf scratch;	/* spell's, reused so as not to allocate */
	/*
	 * What only the checks use (every id spelt in every case, sorted
	 * copies): freed when the model is built, as it would otherwise
	 * stay as long as the model, some 40 MB for 100k statuses.
	 */
	struct arena tmp;
	/*
	 * Statuses are built from nodes that die after the call (see
	 * model_stream): what the model keeps of them is copied.
	 */
	bool copy;
	size_t threads;		/* the identifier checks may use */
	/*
	 * What model_check_idents learnt of every id and alias (hashes of
	 * their spellings), in tmp, for model_check_names; or NULL.
	 */
	struct spellings *spelt;
};

/*
 * Identifiers (model_ident.c).  Every id and alias, spelt in each case
 * a target language prints names in, must be unique and no keyword;
 * each language's `names:` must not meet another status's names there;
 * the registry's name and C prefix must be usable as names.
 * model_check_names reads what model_check_idents left in c->spelt, so
 * it comes after.
 */
void model_check_idents(struct check *c);
void model_check_names(struct check *c);
void model_check_registry_words(struct check *c, const struct value *v);

#endif
