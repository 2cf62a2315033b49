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

int impl_reason_is(int code, const char *phrase);

static int failures;

#define CHECK(cond) check((cond) != 0, #cond, __LINE__)

#define COUNT(code, name, phrase) + 1
#define SAME(code, name, phrase) \
	CHECK(HTTP_STATUS_##name == (code)); \
	CHECK(impl_reason_is(code, phrase)); \
	CHECK(strcmp(http_status_name(code), #name) == 0); \
	CHECK(http_status_description(code) != NULL);

static void
check(int ok, const char *what, int line)
{
	if (!ok) {
		fprintf(stderr, "main.c:%d: check failed: %s\n", line, what);
		failures++;
	}
}

static int
same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
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
	if (failures != 0) {
		fprintf(stderr, "%d checks failed (X-macro count %d, "
		    "expected %d)\n", failures, count, EXPECTED_COUNT);
		return 1;
	}
	return 0;
}
