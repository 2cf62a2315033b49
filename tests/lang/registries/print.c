/*
 * Writes every code's phrase and description from a header gen wrote
 * for any registry, each followed by a NUL byte, in code order, for
 * tests/test_registries.sh to compare with the YAML's bytes.  The
 * registry's names come from the command line: -DHEADER='"x.h"'
 * -DPREFIX=x -DUPREFIX=X.  impl.c, compiled with X_IMPLEMENTATION,
 * holds the functions.
 */
#include <stdio.h>
#include <string.h>

#include HEADER

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define FN(suffix) CAT(PREFIX, suffix)
#define CONST(name) CAT(CAT(UPREFIX, _), name)

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

/* The X-macro, the enum and the functions must agree. */
#define PRINT(code, name, phrase) \
	if (FN(_reason)(code) == NULL || \
	    strcmp(phrase, FN(_reason)(code)) != 0 || \
	    strcmp(#name, FN(_name)(code)) != 0 || CONST(name) != (code)) \
		bad = 1; \
	put(FN(_reason)(code)); \
	put(FN(_description)(code));

#define PLUS_ONE(code, name, phrase) + 1

/*
 * The codes, ascending, are the X-macro's, each found again by its name
 * (the id, unless the data gives C names of its own) and its phrase.
 */
static void
check_codes(void)
{
	int i, c;

	if (CONST(COUNT) != 0 CAT(UPREFIX, _MAP)(PLUS_ONE))
		bad = 1;
	for (i = 0; i < CONST(COUNT); i++) {
		c = FN(_codes)[i];
		if ((i > 0 && FN(_codes)[i - 1] >= c) ||
		    FN(_reason)(c) == NULL || FN(_class)(c) == NULL ||
		    FN(_from_name)(FN(_name)(c)) != c ||
		    FN(_from_phrase)(FN(_reason)(c)) < 0) {
			fprintf(stderr, "print.c: code %d disagrees\n", c);
			bad = 1;
		}
	}
	if (FN(_from_name)("") != -1 || FN(_from_phrase)("") != -1)
		bad = 1;
}

int
main(void)
{
	CAT(UPREFIX, _MAP)(PRINT)
	check_codes();
	if (FN(_reason)(-1) != NULL)
		bad = 1;
	if (bad)
		fprintf(stderr, "print.c: the header disagrees with itself\n");
	return bad;
}
