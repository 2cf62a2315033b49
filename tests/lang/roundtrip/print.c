/*
 * Writes every code's phrase and description from the header generated
 * for tests/lang/awkward.yaml, each followed by a NUL byte, in code
 * order, for tests/test_roundtrip.sh to compare with the YAML's bytes.
 */
#include <stdio.h>
#include <string.h>

#define AWKWARD_IMPLEMENTATION
#include "awkward.h"

static int bad;

static void
put(const char *s)
{
	if (s == NULL) {
		bad = 1;
		return;
	}
	fwrite(s, 1, strlen(s) + 1, stdout);
}

/* The X-macro's phrase and name must match the functions' answers. */
#define PRINT(code, name, phrase) \
	if (strcmp(phrase, awkward_reason(code)) != 0 || \
	    strcmp(#name, awkward_name(code)) != 0 || \
	    AWKWARD_##name != (code)) \
		bad = 1; \
	put(awkward_reason(code)); \
	put(awkward_description(code));

int
main(void)
{
	AWKWARD_MAP(PRINT)
	if (AWKWARD_OLD_QUOTE != AWKWARD_QUOTE_BACKSLASH ||
	    awkward_reason(444) != NULL || !awkward_is_high(404))
		bad = 1;
	if (bad)
		fprintf(stderr, "print.c: the header disagrees with itself\n");
	return bad;
}
