/*
 * keyword: the reserved words of the languages gen writes identifiers
 * for, compared exactly.  Languages are named as gen names them ("c",
 * "python", ...); "c" has C++'s words too, as its header is C++ too.
 */
#ifndef GEN_KEYWORD_H
#define GEN_KEYWORD_H

#include <stddef.h>

#include "base/arena.h"

/* The tables of data/keywords.txt, which the build writes as C. */
extern const struct keyword_table {
	const char *lang, *title, *words;	/* words: single spaces */
} keyword_tables[];
extern const size_t keyword_ntables;

/*
 * The display name ("C++", "Python", ...) of the first language that
 * reserves word, or NULL; only lang's tables are read, or all of them
 * when lang is NULL or has none.
 */
const char *keyword_in(const char *lang, const char *word);

/* Why name is reserved to the C implementation, or NULL. */
const char *keyword_c_reserved(const char *name);

/* Every word of every table, in order, copied into a; length in *n. */
const char **keyword_all(struct arena *a, size_t *n);

#endif
