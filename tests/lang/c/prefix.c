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
	    hs_reason(999) == NULL && count > 50 && HS_COUNT == count &&
	    hs_codes[0] == 100 && strcmp(hs_class(404), "client_error") == 0 &&
	    hs_from_name("Not_Found") == 404 &&
	    hs_from_phrase("not found") == 404);
}
