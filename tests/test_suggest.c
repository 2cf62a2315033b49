#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "check.h"

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

/* A set of SUGGEST_LIST_MAX names is listed; one more is not. */
static void
test_suggest_unknown_lists_small_sets(void **state)
{
	static const char *const months[] = { "jan", "feb", "mar", "apr",
	    "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "und" };
	struct srcpos pos = { "t.yaml", 2, 3 };
	struct diag d = DIAG_INIT;
	char *msg;

	(void)state;
	suggest_unknown(&d, &pos, "month", "xyzzy", 5, months, 12);
	suggest_unknown(&d, &pos, "month", "xyzzy", 5, months, 13);
	suggest_unknown(&d, &pos, "month", "unx", 3, months, 13);
	assert_int_equal(d.n, 3);
	msg = entry_text(&d, 0);
	assert_string_equal(msg, "t.yaml:2:3: error: unknown month 'xyzzy'; "
	    "expected one of: jan, feb, mar, apr, may, jun, jul, aug, sep, "
	    "oct, nov, dec");
	free(msg);
	msg = entry_text(&d, 1);
	assert_string_equal(msg, "t.yaml:2:3: error: unknown month 'xyzzy'");
	free(msg);
	msg = entry_text(&d, 2);
	assert_string_equal(msg, "t.yaml:2:3: error: unknown month 'unx'; "
	    "did you mean 'und'?");
	free(msg);
	diag_release(&d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_suggest_table),
		cmocka_unit_test(test_suggest_tail_hint_or_list),
		cmocka_unit_test(test_suggest_tail_cuts_long_lists),
		cmocka_unit_test(test_suggest_unknown_lists_small_sets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
