/*
 * filter: {{name | filter | ...}}, applied left to right to the text: case.h's
 * cases by name, and `comment` (escape_comment_by), which replaces escaping.
 */
#ifndef GEN_FILTER_H
#define GEN_FILTER_H

#include "base/case.h"
#include "escape.h"

/* A case filter's id is its case's. */
enum filter_id {
	FILTER_SNAKE = CASE_SNAKE,
	FILTER_UPPER_SNAKE = CASE_UPPER_SNAKE,
	FILTER_KEBAB = CASE_KEBAB,
	FILTER_CAMEL = CASE_CAMEL,
	FILTER_PASCAL = CASE_PASCAL,
	FILTER_UPPER_CAMEL = CASE_UPPER_CAMEL,
	FILTER_LOWER = CASE_LOWER,
	FILTER_UPPER = CASE_UPPER,
	FILTER_COMMENT = CASE_N,
	FILTER_N
};

/* Sets *id for the filter named name[0..len); -1 when there is none. */
int filter_find(const char *name, size_t len, enum filter_id *id);

/* The filters' names, by id; a case filter's is its case's name. */
extern const char *const filter_names[FILTER_N];

/* The filter name closest to name[0..len), or NULL when none is close. */
const char *filter_suggest(const char *name, size_t len);

/*
 * Appends s[0..len) through filter id to out, for a target escaping as
 * escape_by(mode, table); true if that made it safe (FILTER_COMMENT).
 */
bool filter_apply(struct buf *out, enum filter_id id, enum escape_mode mode,
    const struct escape_table *table, const char *s, size_t len);

#endif
