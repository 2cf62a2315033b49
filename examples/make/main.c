/* Prints the code, name and reason phrase of every status in the registry. */
#include <stdio.h>

#define HTTP_STATUS_IMPLEMENTATION
#include "http_status.h"

#define PRINT(code, name, phrase) printf("%d %s %s\n", code, #name, phrase);

int
main(void)
{
	HTTP_STATUS_MAP(PRINT)
	return http_status_is_success(HTTP_STATUS_OK) ? 0 : 1;
}
