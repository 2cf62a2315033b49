/*
 * What every generated C header must do, whatever its registry: the
 * checks that tests/lang/c/main.c (HTTP), grpc.c and smtp.c share.
 * Each program fills a struct api with its header's functions and calls
 * check_api, then checks its registry's own codes, names and phrases
 * with CHECK, SAME_STR and SAME_INT.  Included once per program.
 */
#include <stdio.h>
#include <string.h>

static int failures;

#define CHECK(cond) check((cond) != 0, #cond, __FILE__, __LINE__)
#define SAME_STR(got, want) \
	same_str((got), (want), #got, __FILE__, __LINE__)
#define SAME_INT(got, want) \
	same_int((got), (want), #got, __FILE__, __LINE__)

/* One generated header's names, so that one checker serves them all. */
struct api {
	int count;
	const int *codes;
	const char *(*reason)(int);
	const char *(*name)(int);
	const char *(*description)(int);
	const char *(*class_of)(int);
	int (*from_name)(const char *);
	int (*from_phrase)(const char *);
};

static void
check(int ok, const char *what, const char *file, int line)
{
	if (!ok) {
		fprintf(stderr, "%s:%d: check failed: %s\n", file, line, what);
		failures++;
	}
}

/* got is the string want, or both are NULL. */
static void
same_str(const char *got, const char *want, const char *what,
    const char *file, int line)
{
	if (got == NULL && want == NULL)
		return;
	if (got != NULL && want != NULL && strcmp(got, want) == 0)
		return;
	fprintf(stderr, "%s:%d: %s is %s%s%s, expected %s%s%s\n", file, line,
	    what, got ? "\"" : "", got ? got : "NULL", got ? "\"" : "",
	    want ? "\"" : "", want ? want : "NULL", want ? "\"" : "");
	failures++;
}

static void
same_int(int got, int want, const char *what, const char *file,
    int line)
{
	if (got == want)
		return;
	fprintf(stderr, "%s:%d: %s is %d, expected %d\n", file, line, what, got,
	    want);
	failures++;
}

/* Copies s into buf[size] in ASCII lower case (or upper case); 0 if long. */
static int
recase(char *buf, size_t size, const char *s, int upper)
{
	size_t i;

	for (i = 0; s[i] != '\0'; i++) {
		if (i + 1 >= size)
			return 0;
		buf[i] = s[i];
		if (upper && s[i] >= 'a' && s[i] <= 'z')
			buf[i] = (char)(s[i] - 'a' + 'A');
		if (!upper && s[i] >= 'A' && s[i] <= 'Z')
			buf[i] = (char)(s[i] - 'A' + 'a');
	}
	buf[i] = '\0';
	return 1;
}

/*
 * Every code of a->codes: ascending, with a phrase, a name, a description
 * and a class; found again by its name and its phrase in either case.
 * Then the bounds: just outside the first and last codes nothing is found.
 */
static void
check_api(const struct api *a, int count_from_map)
{
	char low[512], up[512];
	const char *r;
	int i, c, f;

	SAME_INT(a->count, count_from_map);
	CHECK(a->count > 0);
	for (i = 0; i < a->count; i++) {
		c = a->codes[i];
		if (i > 0 && a->codes[i - 1] >= c) {
			fprintf(stderr, "codes[%d] = %d is not above codes[%d] "
			    "= %d\n", i, c, i - 1, a->codes[i - 1]);
			failures++;
		}
		r = a->reason(c);
		if (r == NULL || a->name(c) == NULL ||
		    a->description(c) == NULL || a->class_of(c) == NULL) {
			fprintf(stderr, "code %d lacks a phrase, name, "
			    "description or class\n", c);
			failures++;
			continue;
		}
		CHECK(recase(low, sizeof(low), a->name(c), 0));
		CHECK(recase(up, sizeof(up), a->name(c), 1));
		SAME_INT(a->from_name(low), c);
		SAME_INT(a->from_name(up), c);
		/* A phrase two codes share finds the one that has it now. */
		f = a->from_phrase(r);
		CHECK(f >= 0);
		CHECK(recase(low, sizeof(low), r, 0));
		CHECK(recase(up, sizeof(up), r, 1));
		SAME_INT(a->from_phrase(low), f);
		SAME_INT(a->from_phrase(up), f);
		if (f >= 0 && f != c) {
			CHECK(recase(up, sizeof(up), a->reason(f), 0));
			SAME_STR(up, low);
		}
	}
	c = a->codes[0];
	SAME_STR(a->reason(c - 1), NULL);
	SAME_STR(a->name(c - 1), NULL);
	SAME_STR(a->description(c - 1), NULL);
	c = a->codes[a->count - 1];
	SAME_STR(a->reason(c + 1), NULL);
	SAME_STR(a->name(c + 1), NULL);
	SAME_STR(a->description(c + 1), NULL);
	SAME_INT(a->from_name(""), -1);
	SAME_INT(a->from_name(NULL), -1);
	SAME_INT(a->from_phrase(""), -1);
	SAME_INT(a->from_phrase(NULL), -1);
	SAME_INT(a->from_name("no such name"), -1);
	SAME_INT(a->from_phrase("No Such Phrase At All"), -1);
}
