/*
 * The C test program's checks: tests/test_lang_c.sh compiles this file
 * and impl.c against the generated header, as C89 through C2x and as
 * C++98 through C++20, and runs the result.  EXPECTED_COUNT is the number
 * of codes in the data (given with -D).
 */
#include <stdio.h>
#include <string.h>

#include "http_status.h"
#include "http_status.h"
#include "check.h"
#include "flag_codes.h"	/* written by tests/test_lang_c.sh from the data */

int impl_reason_is(int code, const char *phrase);

#define COUNT(code, name, phrase) + 1
#define SAME(code, name, phrase) \
	CHECK(HTTP_STATUS_##name == (code)); \
	CHECK(impl_reason_is(code, phrase)); \
	CHECK(strcmp(http_status_name(code), #name) == 0); \
	CHECK(http_status_description(code) != NULL);

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/*
 * The HTTP_STATUS_* names that llhttp (Node.js's parser) and the older
 * http-parser give the codes we also define: code written against them
 * must compile against our header unchanged.  Their names for unofficial
 * codes exist only when those codes are included (-DUNOFFICIAL).
 */
#define K(name, code) { HTTP_STATUS_##name, code, #name }
static const struct known {
	int value, code;
	const char *name;
} llhttp_names[] = {
	K(CONTINUE, 100), K(SWITCHING_PROTOCOLS, 101),
	K(PROCESSING, 102), K(EARLY_HINTS, 103), K(OK, 200),
	K(CREATED, 201), K(ACCEPTED, 202),
	K(NON_AUTHORITATIVE_INFORMATION, 203), K(NO_CONTENT, 204),
	K(RESET_CONTENT, 205), K(PARTIAL_CONTENT, 206),
	K(MULTI_STATUS, 207), K(ALREADY_REPORTED, 208), K(IM_USED, 226),
	K(MULTIPLE_CHOICES, 300), K(MOVED_PERMANENTLY, 301),
	K(FOUND, 302), K(SEE_OTHER, 303), K(NOT_MODIFIED, 304),
	K(USE_PROXY, 305), K(SWITCH_PROXY, 306),
	K(TEMPORARY_REDIRECT, 307), K(PERMANENT_REDIRECT, 308),
	K(BAD_REQUEST, 400), K(UNAUTHORIZED, 401),
	K(PAYMENT_REQUIRED, 402), K(FORBIDDEN, 403), K(NOT_FOUND, 404),
	K(METHOD_NOT_ALLOWED, 405), K(NOT_ACCEPTABLE, 406),
	K(PROXY_AUTHENTICATION_REQUIRED, 407), K(REQUEST_TIMEOUT, 408),
	K(CONFLICT, 409), K(GONE, 410), K(LENGTH_REQUIRED, 411),
	K(PRECONDITION_FAILED, 412), K(PAYLOAD_TOO_LARGE, 413),
	K(URI_TOO_LONG, 414), K(UNSUPPORTED_MEDIA_TYPE, 415),
	K(RANGE_NOT_SATISFIABLE, 416), K(EXPECTATION_FAILED, 417),
	K(IM_A_TEAPOT, 418), K(MISDIRECTED_REQUEST, 421),
	K(UNPROCESSABLE_ENTITY, 422), K(LOCKED, 423),
	K(FAILED_DEPENDENCY, 424), K(TOO_EARLY, 425),
	K(UPGRADE_REQUIRED, 426), K(PRECONDITION_REQUIRED, 428),
	K(TOO_MANY_REQUESTS, 429),
	K(REQUEST_HEADER_FIELDS_TOO_LARGE, 431),
	K(UNAVAILABLE_FOR_LEGAL_REASONS, 451),
	K(INTERNAL_SERVER_ERROR, 500), K(NOT_IMPLEMENTED, 501),
	K(BAD_GATEWAY, 502), K(SERVICE_UNAVAILABLE, 503),
	K(GATEWAY_TIMEOUT, 504), K(HTTP_VERSION_NOT_SUPPORTED, 505),
	K(VARIANT_ALSO_NEGOTIATES, 506), K(INSUFFICIENT_STORAGE, 507),
	K(LOOP_DETECTED, 508), K(NOT_EXTENDED, 510),
	K(NETWORK_AUTHENTICATION_REQUIRED, 511),
#ifdef UNOFFICIAL
	K(LOGIN_TIMEOUT, 440), K(NO_RESPONSE, 444), K(RETRY_WITH, 449),
	K(REQUEST_HEADER_TOO_LARGE, 494), K(SSL_CERTIFICATE_ERROR, 495),
	K(SSL_CERTIFICATE_REQUIRED, 496),
	K(HTTP_REQUEST_SENT_TO_HTTPS_PORT, 497),
	K(CLIENT_CLOSED_REQUEST, 499), K(BANDWIDTH_LIMIT_EXCEEDED, 509),
	K(WEB_SERVER_UNKNOWN_ERROR, 520), K(WEB_SERVER_IS_DOWN, 521),
	K(CONNECTION_TIMEOUT, 522), K(ORIGIN_IS_UNREACHABLE, 523),
	K(TIMEOUT_OCCURED, 524), K(SSL_HANDSHAKE_FAILED, 525),
	K(INVALID_SSL_CERTIFICATE, 526), K(SITE_IS_FROZEN, 530),
	K(NETWORK_READ_TIMEOUT, 598), K(NETWORK_CONNECT_TIMEOUT, 599),
	K(PAGE_EXPIRED, 419), K(ENHANCE_YOUR_CALM, 420),
	K(CLIENT_CLOSED_LOAD_BALANCED_REQUEST, 460),
	K(INVALID_X_FORWARDED_FOR, 463), K(INVALID_TOKEN, 498),
	K(RAILGUN_ERROR, 527), K(SITE_IS_OVERLOADED, 529),
	K(IDENTITY_PROVIDER_AUTHENTICATION_ERROR, 561),
#endif
};

/*
 * Each capability of issue 16 on the HTTP registry, at its edges: the
 * first code (100) and the last (511, or 599 with the unofficial codes),
 * just outside them, gaps, names in mixed case, aliases, earlier phrases.
 */
static void
check_capabilities(void)
{
	struct api a;

	a.count = HTTP_STATUS_COUNT;
	a.codes = http_status_codes;
	a.reason = http_status_reason;
	a.name = http_status_name;
	a.description = http_status_description;
	a.class_of = http_status_class;
	a.from_name = http_status_from_name;
	a.from_phrase = http_status_from_phrase;
	check_api(&a, EXPECTED_COUNT);

	/* Every code, ascending. */
	CHECK(sizeof(http_status_codes) / sizeof(http_status_codes[0]) ==
	    HTTP_STATUS_COUNT);
	SAME_INT(http_status_codes[0], 100);
#ifdef UNOFFICIAL
	SAME_INT(http_status_codes[HTTP_STATUS_COUNT - 1], 599);
	SAME_STR(http_status_reason(599), "Network Connect Timeout Error");
	SAME_STR(http_status_reason(419), "Page Expired");
#else
	SAME_INT(http_status_codes[HTTP_STATUS_COUNT - 1], 511);
	SAME_STR(http_status_reason(512), NULL);
	SAME_STR(http_status_reason(419), NULL);
	SAME_STR(http_status_name(599), NULL);
#endif
	SAME_STR(http_status_name(100), "CONTINUE");
	SAME_STR(http_status_reason(99), NULL);
	SAME_STR(http_status_reason(600), NULL);
	SAME_STR(http_status_reason(299), NULL);
	SAME_STR(http_status_description(209), NULL);

	/* Class of a code: by its range, registered or not. */
	SAME_STR(http_status_class(100), "informational");
	SAME_STR(http_status_class(200), "success");
	SAME_STR(http_status_class(299), "success");
	SAME_STR(http_status_class(308), "redirection");
	SAME_STR(http_status_class(404), "client_error");
	SAME_STR(http_status_class(511), "server_error");
	SAME_STR(http_status_class(599), "server_error");
	SAME_STR(http_status_class(99), NULL);
	SAME_STR(http_status_class(600), NULL);
	SAME_STR(http_status_class(-1), NULL);
	SAME_STR(http_status_class(0), NULL);

	/* By name: id or alias, any ASCII case, never the enum's prefix. */
	SAME_INT(http_status_from_name("not_found"), 404);
	SAME_INT(http_status_from_name("Not_Found"), HTTP_STATUS_NOT_FOUND);
	SAME_INT(http_status_from_name("NOT_FOUND"), 404);
	SAME_INT(http_status_from_name("continue"), 100);
	SAME_INT(http_status_from_name("network_authentication_required"),
	    511);
	SAME_INT(http_status_from_name("payload_too_large"), 413);
	SAME_INT(http_status_from_name("Request_Entity_Too_Large"), 413);
	SAME_INT(http_status_from_name("content_too_large"), 413);
	SAME_INT(http_status_from_name("switch_proxy"), 306);
	SAME_INT(http_status_from_name("HTTP_STATUS_NOT_FOUND"), -1);
	SAME_INT(http_status_from_name("not_foun"), -1);
	SAME_INT(http_status_from_name("not_foundx"), -1);
	SAME_INT(http_status_from_name("not found"), -1);
	SAME_INT(http_status_from_name("404"), -1);
	SAME_INT(http_status_from_name("aaa"), -1);
	SAME_INT(http_status_from_name("zzz"), -1);

	/* By phrase: now or before, any ASCII case. */
	SAME_INT(http_status_from_phrase("Not Found"), 404);
	SAME_INT(http_status_from_phrase("not found"), 404);
	SAME_INT(http_status_from_phrase("NOT FOUND"), 404);
	SAME_INT(http_status_from_phrase("Continue"), 100);
	SAME_INT(http_status_from_phrase("I'm a Teapot"), 418);
	SAME_INT(http_status_from_phrase("Content Too Large"), 413);
	SAME_INT(http_status_from_phrase("Request Entity Too Large"), 413);
	SAME_INT(http_status_from_phrase("payload too large"), 413);
	SAME_INT(http_status_from_phrase("Moved Temporarily"), 302);
	SAME_INT(http_status_from_phrase("Request Time-out"), 408);
	SAME_INT(http_status_from_phrase("(Unused)"), 306);
	SAME_INT(http_status_from_phrase("Switch Proxy"), 306);
	SAME_INT(http_status_from_phrase("Network Authentication Required"),
	    511);
	SAME_INT(http_status_from_phrase("Not_Found"), -1);
	SAME_INT(http_status_from_phrase("Not Found "), -1);
	SAME_INT(http_status_from_phrase("Not"), -1);
}

/* Whether code is in list, which ends with -1. */
static int
listed(const int *list, int code)
{
	for (; *list != -1; list++)
		if (*list == code)
			return 1;
	return 0;
}

/*
 * The predicate is of the flag id holds for exactly the codes the data
 * gives that flag (want, ending with -1) among the header's codes, and
 * for no code the header does not know.
 */
static void
check_flag(const char *id, int (*is)(int), const int *want)
{
	static const int unknown[] = { -1, 0, 1, 99, 600, 999, 1000, 99999 };
	int code, n = 0, flagged = 0;
	size_t i;

	for (i = 0; want[i] != -1; i++)
		n++;
	if (n == 0) {
		fprintf(stderr, "flag %s: the data gives it no code\n", id);
		failures++;
	}
	for (i = 0; i < HTTP_STATUS_COUNT; i++) {
		code = http_status_codes[i];
		if (!is(code) != !listed(want, code)) {
			fprintf(stderr, "http_status_is_%s(%d) is %d, the data "
			    "says %d\n", id, code, is(code), listed(want, code));
			failures++;
		}
		if (is(code))
			flagged++;
	}
	for (code = -5; code < 1100; code++)
		if (http_status_reason(code) == NULL && is(code)) {
			fprintf(stderr, "http_status_is_%s(%d) holds for an "
			    "unknown code\n", id, code);
			failures++;
		}
	for (i = 0; i < sizeof(unknown) / sizeof(unknown[0]); i++)
		CHECK(!is(unknown[i]));
	/* Every code the data flags is in the header (all are official). */
	SAME_INT(flagged, n);
}

/* The flag predicates: each flag of the data, then codes by hand. */
static void
check_flags(void)
{
	static const int cacheable[] = { FLAG_CODES_cacheable };
	static const int no_content[] = { FLAG_CODES_no_content };
	static const int retryable[] = { FLAG_CODES_retryable };

	check_flag("cacheable", http_status_is_cacheable, cacheable);
	check_flag("no_content", http_status_is_no_content, no_content);
	check_flag("retryable", http_status_is_retryable, retryable);

	CHECK(http_status_is_cacheable(204));
	CHECK(http_status_is_no_content(204));
	CHECK(!http_status_is_retryable(204));
	CHECK(http_status_is_cacheable(HTTP_STATUS_OK));
	CHECK(!http_status_is_no_content(200));
	CHECK(!http_status_is_retryable(200));
	CHECK(http_status_is_cacheable(404));
	CHECK(!http_status_is_cacheable(403));
	CHECK(http_status_is_no_content(100));
	CHECK(http_status_is_no_content(304));
	CHECK(!http_status_is_no_content(302));
	CHECK(http_status_is_retryable(503));
	CHECK(http_status_is_retryable(429));
	CHECK(http_status_is_retryable(408));
	CHECK(!http_status_is_retryable(400));
	CHECK(!http_status_is_retryable(500));
	CHECK(!http_status_is_cacheable(418));
	CHECK(!http_status_is_cacheable(-1));
	CHECK(!http_status_is_no_content(0));
	CHECK(!http_status_is_retryable(600));
}

int
main(void)
{
	static const int known[] = {
		HTTP_STATUS_CONTINUE, HTTP_STATUS_SWITCHING_PROTOCOLS,
		HTTP_STATUS_OK, HTTP_STATUS_CREATED, HTTP_STATUS_NO_CONTENT,
		HTTP_STATUS_MOVED_PERMANENTLY, HTTP_STATUS_FOUND,
		HTTP_STATUS_NOT_MODIFIED, HTTP_STATUS_TEMPORARY_REDIRECT,
		HTTP_STATUS_BAD_REQUEST, HTTP_STATUS_UNAUTHORIZED,
		HTTP_STATUS_FORBIDDEN, HTTP_STATUS_NOT_FOUND,
		HTTP_STATUS_METHOD_NOT_ALLOWED, HTTP_STATUS_CONFLICT,
		HTTP_STATUS_CONTENT_TOO_LARGE, HTTP_STATUS_PAYLOAD_TOO_LARGE,
		HTTP_STATUS_REQUEST_ENTITY_TOO_LARGE,
		HTTP_STATUS_TOO_MANY_REQUESTS, HTTP_STATUS_INTERNAL_SERVER_ERROR,
		HTTP_STATUS_BAD_GATEWAY, HTTP_STATUS_SERVICE_UNAVAILABLE,
		HTTP_STATUS_GATEWAY_TIMEOUT
	};
	enum http_status s = HTTP_STATUS_NOT_FOUND;
	int count = 0 HTTP_STATUS_MAP(COUNT);
	size_t i;

	for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
		CHECK(http_status_reason(known[i]) != NULL);
	for (i = 0; i < sizeof(llhttp_names) / sizeof(llhttp_names[0]); i++)
		if (llhttp_names[i].value != llhttp_names[i].code) {
			fprintf(stderr, "HTTP_STATUS_%s is %d, llhttp: %d\n",
			    llhttp_names[i].name, llhttp_names[i].value,
			    llhttp_names[i].code);
			failures++;
		}
	CHECK(s == 404);
	CHECK(HTTP_STATUS_PAYLOAD_TOO_LARGE == 413);
	CHECK(HTTP_STATUS_CONTENT_TOO_LARGE == 413);
	CHECK(same(http_status_reason(404), "Not Found"));
	CHECK(same(http_status_reason(200), "OK"));
	CHECK(same(http_status_reason(413), "Content Too Large"));
	CHECK(same(http_status_name(404), "NOT_FOUND"));
	CHECK(same(http_status_name(413), "CONTENT_TOO_LARGE"));
	CHECK(http_status_description(404) != NULL &&
	    strlen(http_status_description(404)) > 10);
	CHECK(http_status_reason(999) == NULL);
	CHECK(http_status_reason(0) == NULL);
	CHECK(http_status_reason(-1) == NULL);
	CHECK(http_status_name(299) == NULL);
	CHECK(http_status_description(600) == NULL);
	CHECK(http_status_is_informational(100));
	CHECK(http_status_is_success(204));
	CHECK(http_status_is_redirection(308));
	CHECK(http_status_is_client_error(404));
	CHECK(http_status_is_client_error(499));
	CHECK(!http_status_is_client_error(500));
	CHECK(!http_status_is_client_error(399));
	CHECK(http_status_is_server_error(503));
	CHECK(!http_status_is_success(404));
	CHECK(count == EXPECTED_COUNT);
	HTTP_STATUS_MAP(SAME)
	check_capabilities();
	check_flags();
	if (failures != 0) {
		fprintf(stderr, "%d checks failed (X-macro count %d, "
		    "expected %d)\n", failures, count, EXPECTED_COUNT);
		return 1;
	}
	return 0;
}
