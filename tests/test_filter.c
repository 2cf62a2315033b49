#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "base/buf.h"
#include "tmpl/escape.h"
#include "tmpl/filter.h"
#include "check.h"

struct row {
	const char *name;
	enum filter_id id;
	const char *in;
	const char *want;
};

static const struct row rows[] = {
	/* snake */
	{ "snake from pascal", FILTER_SNAKE, "NotFound", "not_found" },
	{ "snake initialism run", FILTER_SNAKE, "HTTPVersion", "http_version" },
	{ "snake keeps snake", FILTER_SNAKE, "http_version_not_supported",
	    "http_version_not_supported" },
	{ "snake from phrase", FILTER_SNAKE, "Request-URI Too Long",
	    "request_uri_too_long" },
	{ "snake collapses separators", FILTER_SNAKE, "__a..b -c_", "a_b_c" },
	{ "snake digit stays with word", FILTER_SNAKE, "http2Server",
	    "http2_server" },
	{ "snake utf8 initialism", FILTER_SNAKE, "UTF8Name", "utf8_name" },
	{ "snake word of digits", FILTER_SNAKE, "status_2xx", "status_2xx" },
	{ "snake digits then capital", FILTER_SNAKE, "404NotFound",
	    "404_not_found" },
	{ "snake empty", FILTER_SNAKE, "", "" },
	{ "snake only separators", FILTER_SNAKE, "_-. ", "" },
	{ "snake keeps other bytes", FILTER_SNAKE, "I'm a \xe4\xb8\xad{x}",
	    "i'm_a_\xe4\xb8\xad{x}" },

	/* upper_snake, kebab */
	{ "upper snake", FILTER_UPPER_SNAKE, "not_found", "NOT_FOUND" },
	{ "upper snake from camel", FILTER_UPPER_SNAKE, "requestURITooLong",
	    "REQUEST_URI_TOO_LONG" },
	{ "upper snake phrase", FILTER_UPPER_SNAKE, "I'm a teapot",
	    "I'M_A_TEAPOT" },
	{ "kebab from pascal", FILTER_KEBAB, "NotFound", "not-found" },
	{ "kebab phrase", FILTER_KEBAB, "Non-Authoritative Information",
	    "non-authoritative-information" },

	/* pascal */
	{ "pascal initialisms", FILTER_PASCAL, "http_version_not_supported",
	    "HTTPVersionNotSupported" },
	{ "pascal inner initialism", FILTER_PASCAL, "request_uri_too_long",
	    "RequestURITooLong" },
	{ "pascal ok is no initialism", FILTER_PASCAL, "ok", "Ok" },
	{ "pascal upper ok", FILTER_PASCAL, "OK", "Ok" },
	{ "pascal id", FILTER_PASCAL, "id", "ID" },
	{ "pascal ids", FILTER_PASCAL, "ids", "Ids" },
	{ "pascal utf8", FILTER_PASCAL, "utf8_name", "UTF8Name" },
	{ "pascal several initialisms", FILTER_PASCAL, "json_api_url",
	    "JSONAPIURL" },
	{ "pascal every initialism", FILTER_PASCAL,
	    "acl_api_ascii_cpu_css_dns_eof_guid_html_http_https_id_ip_json_"
	    "qps_ram_rpc_sla_smtp_sql_ssh_tcp_tls_ttl_udp_ui_uid_uuid_uri_"
	    "url_utf8_vm_xml_xmpp_xsrf_xss",
	    "ACLAPIASCIICPUCSSDNSEOFGUIDHTMLHTTPHTTPSIDIPJSONQPSRAMRPCSLA"
	    "SMTPSQLSSHTCPTLSTTLUDPUIUIDUUIDURIURLUTF8VMXMLXMPPXSRFXSS" },
	{ "pascal near initialisms", FILTER_PASCAL, "bcl_zip_a_xs_kss_1d",
	    "BclZipAXsKss1d" },
	{ "pascal upper snake", FILTER_PASCAL, "MULTIPLE_CHOICES",
	    "MultipleChoices" },
	{ "pascal phrase", FILTER_PASCAL, "I'm a teapot", "I'mATeapot" },
	{ "pascal chinese", FILTER_PASCAL, "\xe7\x8a\xb6\xe6\x80\x81",
	    "\xe7\x8a\xb6\xe6\x80\x81" },

	/* upper_camel: pascal without initialisms */
	{ "upper_camel no initialisms", FILTER_UPPER_CAMEL,
	    "http_version_not_supported", "HttpVersionNotSupported" },
	{ "upper_camel from upper", FILTER_UPPER_CAMEL, "URI_TOO_LONG",
	    "UriTooLong" },
	{ "upper_camel ok", FILTER_UPPER_CAMEL, "ok", "Ok" },

	/* camel */
	{ "camel first initialism lower", FILTER_CAMEL, "http_version",
	    "httpVersion" },
	{ "camel from pascal", FILTER_CAMEL, "HTTPVersion", "httpVersion" },
	{ "camel later initialism", FILTER_CAMEL, "url_of_id", "urlOfID" },
	{ "camel plain", FILTER_CAMEL, "not_found", "notFound" },

	/* lower, upper */
	{ "lower ascii only", FILTER_LOWER, "Not Found \xc3\x89",
	    "not found \xc3\x89" },
	{ "upper ascii only", FILTER_UPPER, "tsch\xc3\xbc\xc3\x9f_x",
	    "TSCH\xc3\xbc\xc3\x9f_X" },
};

static int
setup(void **state)
{
	static struct buf b;

	buf_init(&b);
	*state = &b;
	return 0;
}

static int
teardown(void **state)
{
	buf_release(*state);
	return 0;
}

static void
test_filter_apply_table(void **state)
{
	struct buf *b = *state;
	const struct row *r;
	size_t i;

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		r = &rows[i];
		buf_reset(b);
		if (filter_apply(b, r->id, ESCAPE_C, NULL, r->in,
		    strlen(r->in)))
			fail_msg("%s: claims to have escaped", r->name);
		if (!buf_check(b))
			fail_msg("%s: buffer invariants broken", r->name);
		if (strcmp(b->ptr, r->want) != 0 || strlen(r->want) != b->len)
			fail_msg("%s: got \"%s\", want \"%s\"", r->name, b->ptr,
			    r->want);
	}
}

/* Only the given length is read: the NUL and "Bar" are not part of it. */
static void
test_filter_apply_respects_length(void **state)
{
	struct buf *b = *state;

	filter_apply(b, FILTER_SNAKE, ESCAPE_NONE, NULL, "FooBar", 3);
	assert_string_equal(b->ptr, "foo");
	buf_reset(b);
	filter_apply(b, FILTER_UPPER, ESCAPE_NONE, NULL, "a\0b", 3);
	assert_int_equal(b->len, 3);
	assert_memory_equal(b->ptr, "A\0B", 3);
}

/*
 * model_ident.c spells a plain id (words of [a-z0-9] joined by single
 * underscores, as validated ids are) without converting it three times:
 * it is its own snake spelling, its upper snake one is it raised, and
 * its camel one is its pascal one with the first word as written.  If
 * this fails, change model_ident.c's is_plain along with the filters.
 */
static void
test_filter_plain_ids_keep_model_ident_rules(void **state)
{
	static const char *const ids[] = {
		"ok", "not_found", "http_version_not_supported", "id",
		"id_x", "url_of_id", "a1", "a_1", "a_1b", "http2_server",
		"x1_ok_none", "uri_too_long", "b_2b_d", "json_api_id_9"
	};
	struct buf *b = *state;
	char want[64];
	size_t i, j, first;

	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		const char *id = ids[i];
		size_t len = strlen(id);

		buf_reset(b);
		filter_apply(b, FILTER_SNAKE, ESCAPE_NONE, NULL, id, len);
		if (strcmp(b->ptr, id) != 0)
			fail_msg("%s: snake case reads \"%s\"", id, b->ptr);
		for (j = 0; j <= len; j++)
			want[j] = id[j] >= 'a' && id[j] <= 'z' ?
			    (char)(id[j] - 'a' + 'A') : id[j];
		buf_reset(b);
		filter_apply(b, FILTER_UPPER_SNAKE, ESCAPE_NONE, NULL, id, len);
		if (strcmp(b->ptr, want) != 0)
			fail_msg("%s: upper snake case reads \"%s\"", id,
			    b->ptr);
		buf_reset(b);
		filter_apply(b, FILTER_PASCAL, ESCAPE_NONE, NULL, id, len);
		assert_true(b->len < sizeof(want));
		memcpy(want, b->ptr, b->len + 1);
		first = strcspn(id, "_");
		memcpy(want, id, first);
		buf_reset(b);
		filter_apply(b, FILTER_CAMEL, ESCAPE_NONE, NULL, id, len);
		if (strcmp(b->ptr, want) != 0)
			fail_msg("%s: camel case reads \"%s\", want \"%s\"",
			    id, b->ptr, want);
	}
}

static void
test_filter_comment_escapes_for_mode(void **state)
{
	struct buf *b = *state;

	assert_true(filter_apply(b, FILTER_COMMENT, ESCAPE_C, NULL,
	    "a */ b\nc", 8));
	assert_string_equal(b->ptr, "a * / b c");
	buf_reset(b);
	assert_true(filter_apply(b, FILTER_COMMENT, ESCAPE_HTML, NULL,
	    "a-->", 4));
	assert_string_equal(b->ptr, "a- ->");
	buf_reset(b);
	assert_true(filter_apply(b, FILTER_COMMENT, ESCAPE_GO, NULL,
	    "x\ny", 3));
	assert_string_equal(b->ptr, "x y");
	assert_true(buf_check(b));
}

static void
test_filter_find_and_name(void **state)
{
	static const enum filter_id ids[] = {
		FILTER_SNAKE, FILTER_UPPER_SNAKE, FILTER_KEBAB, FILTER_CAMEL,
		FILTER_PASCAL, FILTER_LOWER, FILTER_UPPER, FILTER_COMMENT
	};
	const char *name;
	enum filter_id id;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		name = filter_names[ids[i]];
		id = ids[i] == FILTER_SNAKE ? FILTER_UPPER : FILTER_SNAKE;
		assert_int_equal(filter_find(name, strlen(name), &id), 0);
		assert_int_equal(id, ids[i]);
	}
	assert_string_equal(filter_names[FILTER_UPPER_SNAKE], "upper_snake");
	assert_int_equal(filter_find("upper_snake", 5, &id), 0);
	assert_int_equal(id, FILTER_UPPER);
	id = FILTER_KEBAB;
	assert_int_equal(filter_find("snak", 4, &id), -1);
	assert_int_equal(filter_find("snakes", 6, &id), -1);
	assert_int_equal(filter_find("Snake", 5, &id), -1);
	assert_int_equal(filter_find("", 0, &id), -1);
	assert_int_equal(id, FILTER_KEBAB);
}

struct suggest_row {
	const char *name;
	const char *in;
	const char *want;	/* NULL: no suggestion */
};

static const struct suggest_row suggest_rows[] = {
	{ "missing letter", "uper", "upper" },
	{ "missing last", "snak", "snake" },
	{ "transposition", "pasacl", "pascal" },
	{ "transposition at end", "camle", "camel" },
	{ "two transpositions", "apscla", "pascal" },
	{ "two edits", "commnt_", "comment" },
	{ "long name", "upper_snak", "upper_snake" },
	{ "upper case typo", "Lower", "lower" },
	{ "case counts as edits", "UPPER_SNAKE_", NULL },
	{ "far away", "xyz", NULL },
	{ "empty", "", NULL },
	{ "too long", "snakesnakesnakesnakesnakesnakesnake", NULL },
};

static void
test_filter_suggest_table(void **state)
{
	const struct suggest_row *r;
	const char *got;
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(suggest_rows) / sizeof(suggest_rows[0]); i++) {
		r = &suggest_rows[i];
		got = filter_suggest(r->in, strlen(r->in));
		if (r->want == NULL ? got != NULL :
		    got == NULL || strcmp(got, r->want) != 0)
			fail_msg("%s: got %s, want %s", r->name,
			    got ? got : "NULL", r->want ? r->want : "NULL");
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_filter_apply_table, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_apply_respects_length, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_plain_ids_keep_model_ident_rules, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    test_filter_comment_escapes_for_mode, setup, teardown),
		cmocka_unit_test(test_filter_find_and_name),
		cmocka_unit_test(test_filter_suggest_table),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
