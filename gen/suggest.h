/*
 * suggest: "did you mean" for misspelled names.
 */
#ifndef GEN_SUGGEST_H
#define GEN_SUGGEST_H

#include <stddef.h>

/*
 * The candidate closest to word[0..len) by edit distance (insertions,
 * deletions, substitutions and swaps of neighbours), or NULL when none is
 * within max(1, len / 3) edits.  cands has n entries; ties go to the
 * earlier one.  The result is one of the cands pointers.
 */
const char *suggest(const char *word, size_t len, const char *const *cands,
    size_t n);

#endif
