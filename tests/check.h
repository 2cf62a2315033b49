/*
 * check: what the tests check gen's structures with.  buf_check tells
 * whether b keeps buf.h's invariants.  entry_text gives entry i of d as
 * diag_print writes it (no colour, no newline), in a string the caller
 * frees, for diagnostic tests to compare.
 */
#ifndef GEN_TESTS_CHECK_H
#define GEN_TESTS_CHECK_H

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "base/buf.h"
#include "base/diag.h"

static inline bool
buf_check(const struct buf *b)
{
	if (b->cap == 0)
		return b->ptr == buf_empty && b->len == 0 &&
		    buf_empty[0] == '\0';
	return b->ptr != NULL && b->len < b->cap && b->ptr[b->len] == '\0';
}

static inline char *
entry_text(const struct diag *d, size_t i)
{
	struct diag one = *d;
	char *s = NULL;
	size_t n = 0;
	FILE *fp;

	one.items += i;
	one.n = 1;
	if ((fp = open_memstream(&s, &n)) == NULL)
		abort();
	diag_print(&one, fp, false);
	if (fclose(fp) != 0 || n == 0)
		abort();
	s[n - 1] = '\0';	/* the newline */
	return s;
}

#endif
