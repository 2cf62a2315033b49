#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "model/keyword.h"

struct row {
	const char *name;
	const char *lang;	/* NULL: any language */
	const char *word;
	const char *want;	/* the language reported, or NULL */
};

static const struct row rows[] = {
	{ "C keyword", "c", "switch", "C" },
	{ "C23 keyword", "c", "typeof", "C" },
	{ "C11 keyword with underscore", "c", "_Generic", "C" },
	{ "C++ keyword counts for c", "c", "class", "C++" },
	{ "C++ alternative token", "c", "xor_eq", "C++" },
	{ "C++20 keyword", "c", "co_await", "C++" },
	{ "Python capitalised keyword", "python", "None", "Python" },
	{ "Python soft keyword", "python", "match", "Python" },
	{ "Go keyword", "go", "fallthrough", "Go" },
	{ "Go keyword is no Python one", "python", "func", NULL },
	{ "TypeScript strict-mode word", "typescript", "implements",
	    "TypeScript" },
	{ "Rust Self", "rust", "Self", "Rust" },
	{ "Rust reserved word", "rust", "become", "Rust" },
	{ "case matters", "go", "Func", NULL },
	{ "upper case is never a keyword", NULL, "CONTINUE", NULL },
	{ "unknown language checks every table", "kotlin", "fn", "Rust" },
	{ "markdown has no table", "markdown", "fn", "Rust" },
	{ "c has tables of its own", "c", "fn", NULL },
	{ "python has a table of its own", "python", "fn", NULL },
	{ "go has a table of its own", "go", "fn", NULL },
	{ "first table wins", NULL, "continue", "C" },
	{ "plain identifier", NULL, "not_found", NULL },
	{ "pascal identifier", NULL, "NotFound", NULL },
};

static void
test_keyword_table(void **state)
{
	size_t i;
	int bad = 0;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		const char *got = keyword_in(r->lang, r->word);

		if ((got == NULL) != (r->want == NULL) ||
		    (got != NULL && strcmp(got, r->want) != 0)) {
			fprintf(stderr, "%s: '%s' gave %s, want %s\n", r->name,
			    r->word, got ? got : "NULL",
			    r->want ? r->want : "NULL");
			bad++;
		}
	}
	assert_int_equal(bad, 0);
}

/* keyword_all splits every table into its words, first to last. */
static void
test_keyword_all_lists_every_word(void **state)
{
	struct arena a = ARENA_INIT;
	const char **v;
	size_t i, n = 0;

	(void)state;
	v = keyword_all(&a, &n);
	assert_int_equal(n, 313);
	assert_string_equal(v[0], "_Alignas");
	assert_string_equal(v[58], "while");
	assert_string_equal(v[59], "alignas");
	assert_string_equal(v[n - 1], "yield");
	for (i = 0; i < n; i++)
		assert_true(v[i][0] != '\0' && strchr(v[i], ' ') == NULL);
	arena_release(&a);
}

static void
test_keyword_c_reserved(void **state)
{
	(void)state;
	assert_string_equal(keyword_c_reserved("_Ok"),
	    "it begins with an underscore and a capital letter");
	assert_string_equal(keyword_c_reserved("__ok"),
	    "it contains a double underscore");
	assert_string_equal(keyword_c_reserved("HTTP__OK"),
	    "it contains a double underscore");
	assert_string_equal(keyword_c_reserved("_ok"),
	    "it begins with an underscore, which is reserved at file scope");
	assert_null(keyword_c_reserved("HTTP_STATUS_OK"));
	assert_null(keyword_c_reserved("ok_"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keyword_table),
		cmocka_unit_test(test_keyword_all_lists_every_word),
		cmocka_unit_test(test_keyword_c_reserved),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
