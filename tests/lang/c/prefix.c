/* --c-prefix hs: every name follows the prefix. */
#include <string.h>

#define HS_IMPLEMENTATION
#include "hs.h"

#define COUNT(code, name, phrase) + 1

int
main(void)
{
	enum hs s = HS_NOT_FOUND;
	int count = 0 HS_MAP(COUNT);

	return !(s == 404 && strcmp(hs_reason(404), "Not Found") == 0 &&
	    strcmp(hs_name(404), "NOT_FOUND") == 0 &&
	    hs_description(404) != NULL && hs_is_client_error(404) &&
	    hs_reason(999) == NULL && count > 50);
}
