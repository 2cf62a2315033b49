#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "base/suggest.h"

static const char *const langs[] = { "c", "go", "markdown", "python" };
static const char *const locales[] = { "en", "zh-CN", "zh-TW" };
static const char *const keys[] = { "code", "phrase", "id", "aliases" };

struct row {
	const char *name;
	const char *const *cands;
	size_t n;
	const char *word;
	const char *want;	/* NULL: no suggestion */
};

#define CANDS(a) (a), sizeof(a) / sizeof((a)[0])

static const struct row rows[] = {
	{ "one typo", CANDS(keys), "phrse", "phrase" },
	{ "swapped neighbours", CANDS(langs), "pyhton", "python" },
	{ "one letter word", CANDS(langs), "cc", "c" },
	{ "too far", CANDS(langs), "cobol", NULL },
	{ "exact match is its own hint", CANDS(keys), "code", "code" },
	{ "unique prefix", CANDS(langs), "py", "python" },
	{ "prefix ignores case", CANDS(langs), "MARK", "markdown" },
	{ "ambiguous prefix", CANDS(locales), "zh", NULL },
	{ "case only", CANDS(locales), "ZH-tw", "zh-TW" },
	{ "single letter is no prefix", CANDS(keys), "p", NULL },
	{ "no candidates", NULL, 0, "x", NULL },
};

static void
test_suggest_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		const struct row *r = &rows[i];
		const char *got = suggest(r->word, strlen(r->word), r->cands,
		    r->n);

		if (r->want == NULL && got == NULL)
			continue;
		if (r->want == NULL || got == NULL || strcmp(got, r->want))
			fail_msg("%s: '%s' suggested '%s', expected '%s'",
			    r->name, r->word, got ? got : "(none)",
			    r->want ? r->want : "(none)");
	}
}

static void
test_suggest_tail_hint_or_list(void **state)
{
	char tail[64];

	(void)state;
	assert_string_equal(suggest_tail(tail, sizeof(tail), "pyton", 5,
	    CANDS(langs)), "; did you mean 'python'?");
	assert_string_equal(suggest_tail(tail, sizeof(tail), "fr", 2,
	    CANDS(locales)), "; expected one of: en, zh-CN, zh-TW");
	assert_string_equal(suggest_tail(tail, sizeof(tail), "x", 1, NULL,
	    0), "");
}

static void
test_suggest_tail_cuts_long_lists(void **state)
{
	char tail[32];

	(void)state;
	assert_string_equal(suggest_tail(tail, sizeof(tail), "fr", 2,
	    CANDS(locales)), "; expected one of: en, ...");
	assert_string_equal(suggest_tail(tail, 33, "fr", 2, CANDS(langs)),
	    "; expected one of: c, go, ...");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_table),
		cmocka_unit_test(test_suggest_tail_hint_or_list),
		cmocka_unit_test(test_suggest_tail_cuts_long_lists),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
