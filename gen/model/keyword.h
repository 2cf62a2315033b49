/*
 * keyword: the reserved words of the languages gen writes identifiers
 * for (C, C++, Python, Go, TypeScript, Rust), so that the model can
 * refuse a name that would not compile.  Comparisons are exact and
 * case-sensitive, as the languages' own are.  Languages are named as gen
 * names them ("c", "python", ...); "c" has C++'s words too, since the C
 * header must also compile as C++.
 */
#ifndef GEN_KEYWORD_H
#define GEN_KEYWORD_H

#include <stddef.h>

#include "base/arena.h"

/*
 * The display name ("C++", "Python", ...) of the first language in
 * which word is reserved, or NULL when none reserves it.  Only the
 * tables of the language named lang ("c", "go", ...) are read, but for
 * NULL, or a language gen has none for, of which nothing is known.
 */
const char *keyword_in(const char *lang, const char *word);

/*
 * Why name is reserved to the C implementation ("it starts with an
 * underscore and a capital", "it contains a double underscore"), or
 * NULL when a program may use it.
 */
const char *keyword_c_reserved(const char *name);

/*
 * Every word of every table, in the order of the tables, for checking
 * many words at once: an array of copies in arena a, whose length goes
 * to *n.  A word that several languages reserve comes once for each.
 */
const char **keyword_all(struct arena *a, size_t *n);

#endif
