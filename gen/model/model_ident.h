/*
 * model_ident: what model_ident.c, the identifier checks, lends
 * model_names.c, the checks of `names:`.  Not for other modules; see
 * model_check.h for what they check.
 */
#ifndef GEN_MODEL_IDENT_H
#define GEN_MODEL_IDENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "tmpl/filter.h"
#include "model_check.h"

/* An id or alias as the data writes it. */
struct ident {
	const char *id;
	const struct srcpos *pos;
};

/*
 * The cases in which templates spell ids and aliases (ident_cases, in
 * model_ident.c).  Two ids spelled alike in one of them ('a_1' and
 * 'a1' are both 'A1' in pascal case) would become one name in some
 * output.
 */
#define NIDENT_CASES	4
extern const enum filter_id ident_cases[NIDENT_CASES];

/* Where struct spellings keeps the ids as written, after the cases. */
#define AS_WRITTEN	NIDENT_CASES

/*
 * Ids are spelt in each case in SPELL_PARTS ranges of statuses, taken
 * by the threads in turn: more parts than threads, as the checks share
 * the processors with the rendering of the last output.
 */
#define SPELL_PARTS	16

/* An id that reads as an earlier one: prev is the last such before i. */
struct repeat {
	size_t i;
	size_t prev;
};

struct repeats {
	struct repeat *v;
	size_t n;
	size_t cap;
};

/* A status with `names:`, and its first id's index. */
struct named {
	size_t status;
	size_t at;
};

struct nameds {
	struct named *v;
	size_t n;
	size_t cap;
};

/*
 * Every id and alias in file order, with a hash of each spelling, for
 * model_check_names too.  The spellings themselves are not kept: only
 * ids whose hashes meet are spelt again, which writes some 20 MB less
 * at 100k statuses.
 */
struct spellings {
	const struct registry *r;
	struct ident *ids;
	size_t n;
	uint32_t *hash[NIDENT_CASES + 1];
	unsigned char *kw;		/* bit k: a keyword in case k */
	struct repeats rep[NIDENT_CASES + 1];
	/*
	 * Each part's first id, whether some id of its is not plain, and
	 * its statuses that have `names:`.
	 */
	size_t base[SPELL_PARTS];
	bool odd[SPELL_PARTS];
	struct nameds named[SPELL_PARTS];
};

/* A hash of name[0..len): only equal hashes are compared. */
uint32_t ident_hash(const char *s, size_t len);

/* id in case f, in b; the result lives until b changes. */
const char *ident_spell_in(struct buf *b, const char *id, enum filter_id f);

/* id in case f, kept in the check's memory. */
const char *ident_spell(struct check *c, const char *id, enum filter_id f);

#endif
