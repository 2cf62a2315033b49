/*
 * filter: the case and safety filters of the template language.
 *
 * A tag may pipe its value through filters, left to right:
 *
 *	{{id | upper_snake}}	NOT_FOUND
 *	{{id | pascal}}		NotFound   (Go initialisms: HTTPVersion...)
 *
 * Filters see the value's text.  The case filters are those of case.h,
 * under the same names: snake, upper_snake, kebab, camel, pascal,
 * upper_camel, lower and upper.
 *
 * `comment` makes the text safe inside a comment of the template's
 * target (escape_comment_by) and then suppresses the usual escaping.  The
 * result of the last filter is escaped for the target as usual unless a
 * filter already did; a triple mustache never escapes.
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
	FILTER_COMMENT = CASE_N
};

/*
 * Sets *id for the filter named name[0..len).  Returns 0, or -1 when no
 * filter has that name.
 */
int filter_find(const char *name, size_t len, enum filter_id *id);

/* The filter's name. */
const char *filter_name(enum filter_id id);

/*
 * The name of the filter closest to name[0..len) (for "did you mean"),
 * or NULL when none is close.
 */
const char *filter_suggest(const char *name, size_t len);

/*
 * Appends s[0..len) transformed by filter id to out, for a target that
 * escapes by table when it is not NULL (see escape_by), else by mode.
 * Returns true when the result is already safe for the target
 * (FILTER_COMMENT), false when the caller must still escape it.
 */
bool filter_apply(struct buf *out, enum filter_id id, enum escape_mode mode,
    const struct escape_table *table, const char *s, size_t len);

#endif
