/*
 * diag_text: what diagnostic tests compare.  entry_text gives entry i of
 * d as diag_print writes it (no colour, no newline), in a string the
 * caller frees.
 */
#ifndef GEN_TESTS_DIAG_TEXT_H
#define GEN_TESTS_DIAG_TEXT_H

#include <stdio.h>
#include <stdlib.h>

#include "base/diag.h"

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
