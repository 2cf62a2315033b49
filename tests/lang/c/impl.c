/* The translation unit that holds the generated functions. */
#include <string.h>

#define HTTP_STATUS_IMPLEMENTATION
#include "http_status.h"
#include "http_status.h"

int impl_reason_is(int code, const char *phrase);

int
impl_reason_is(int code, const char *phrase)
{
	const char *r = http_status_reason(code);

	return r != NULL && strcmp(r, phrase) == 0;
}
