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

/* What a schema check needs while it walks the document. */
struct check {
	struct arena *a;
	struct diag *d;
	const char *path;	/* of the document, for positions */
	struct registry *r;
	struct buf scratch;	/* spell's, reused so as not to allocate */
	/*
	 * What only the checks use (every id spelt in every case, sorted
	 * copies): freed when the model is built.
	 */
	struct arena tmp;
	/*
	 * What model_check_idents learnt of every id and alias (hashes of
	 * their spellings), in tmp, for model_check_names; or NULL.
	 */
	struct spellings *spelt;
};

/* Where value v, or key i of map m, was written. */
#define POS(c, v) \
	(&(struct srcpos){ (c)->path, (v)->line, (v)->col })
#define KEY_POS(c, m, i) \
	(&(struct srcpos){ (c)->path, (m)->u.keys[i].line, (m)->u.keys[i].col })

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
