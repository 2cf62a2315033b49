/* suggest: "did you mean" for misspelled names. */
#ifndef GEN_SUGGEST_H
#define GEN_SUGGEST_H

#include <stddef.h>

#include "diag.h"

/* A set of more names than this is too long to list in a message. */
#define SUGGEST_LIST_MAX 12

/*
 * The one of cands[0..n) closest to word[0..len) by optimal string alignment
 * distance, within max(1, len / 3) edits, the earlier on a tie; failing that,
 * the only one word begins, ignoring case ("zh" suggests "zh-CN"); else NULL.
 */
const char *suggest(const char *word, size_t len, const char *const *cands,
    size_t n);

/*
 * Writes into out[size >= 32] and returns the tail of an "unknown thing
 * 'word'" message: "; did you mean 'x'?" when suggest finds x, else
 * "; expected one of: a, b, c" (whole names, then "..." when they do not
 * all fit) for 1 to SUGGEST_LIST_MAX candidates, or "".
 */
const char *suggest_tail(char *out, size_t size, const char *word,
    size_t len, const char *const *cands, size_t n);

/*
 * Records the error "unknown WHAT 'WORD'" at pos in d (NULL: a usage error),
 * with suggest_tail's hint: every closed set of names reports this way.
 * suggest_lookup returns the index of word in cands[0..n), or n after
 * reporting it.
 */
void suggest_unknown(struct diag *d, const struct srcpos *pos,
    const char *what, const char *word, size_t len,
    const char *const *cands, size_t n);
size_t suggest_lookup(struct diag *d, const struct srcpos *pos,
    const char *what, const char *word, const char *const *cands, size_t n);

/* Edit distance of a[0..la) and b[0..lb <= 63), as suggest counts it. */
size_t suggest_distance(const char *a, size_t la, const char *b, size_t lb);

#endif
