/*
 * suggest: "did you mean" for misspelled names.
 */
#ifndef GEN_SUGGEST_H
#define GEN_SUGGEST_H

#include <stddef.h>

/*
 * The candidate closest to word[0..len) by edit distance (insertions,
 * deletions, substitutions and swaps of neighbours), or NULL when none is
 * within max(1, len / 3) edits; failing that, the only candidate that
 * starts with word when case is ignored ("zh" suggests "zh-CN").  cands
 * has n entries; ties go to the earlier one.  The result is one of the
 * cands pointers.
 */
const char *suggest(const char *word, size_t len, const char *const *cands,
    size_t n);

/*
 * Writes into out[size] the tail of an "unknown thing 'word'" message
 * and returns out: "; did you mean 'x'?" when suggest finds x, else
 * "; expected one of: a, b, c" (whole names, ending in "..." when they
 * do not all fit), or "" when there are no candidates.  For usage
 * errors, where the user may not know the names at all; size must be at
 * least 32.
 */
const char *suggest_tail(char *out, size_t size, const char *word,
    size_t len, const char *const *cands, size_t n);

/*
 * The edit distance, as suggest counts it, between a[0..la), of any
 * length, and b[0..lb), a name to suggest, of at most 63 bytes.
 */
size_t suggest_distance(const char *a, size_t la, const char *b, size_t lb);

#endif
