#include "keyword.h"

#include <stdbool.h>
#include <string.h>

/*
 * Whether words, separated by single spaces, hold word: only ids that
 * fold like some keyword are looked up, so a linear search is enough.
 */
static bool
has_word(const char *words, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = words; n > 0 && (p = strstr(p, word)) != NULL; p++)
		if ((p == words || p[-1] == ' ') && (p[n] == ' ' || !p[n]))
			return true;
	return false;
}

const char **
keyword_all(struct arena *a, size_t *n)
{
	const struct keyword_table *k = keyword_tables;
	const char **v, *p;
	size_t t, m = keyword_ntables;

	for (t = 0; t < keyword_ntables; t++)
		for (p = k[t].words; (p = strchr(p, ' ')) != NULL; p++)
			m++;
	v = arena_array(a, m, sizeof(*v));
	for (t = 0, m = 0; t < keyword_ntables; t++)
		for (p = k[t].words; p != NULL; p = strchr(p, ' ')) {
			p += *p == ' ';
			v[m++] = arena_strndup(a, p, strcspn(p, " "));
		}
	*n = m;
	return v;
}

const char *
keyword_in(const char *lang, const char *word)
{
	bool known = false;
	size_t i;

	for (i = 0; lang != NULL && i < keyword_ntables; i++)
		known = known || strcmp(keyword_tables[i].lang, lang) == 0;
	for (i = 0; i < keyword_ntables; i++)
		if ((!known || strcmp(keyword_tables[i].lang, lang) == 0) &&
		    has_word(keyword_tables[i].words, word))
			return keyword_tables[i].title;
	return NULL;
}

/*
 * C11 7.1.3: names starting with an underscore and a capital or a second
 * underscore are reserved everywhere, other leading underscores at file
 * scope, where enum constants live; C++ reserves any double underscore.
 */
const char *
keyword_c_reserved(const char *name)
{
	if (name[0] == '_' && name[1] >= 'A' && name[1] <= 'Z')
		return "it begins with an underscore and a capital letter";
	if (strstr(name, "__") != NULL)
		return "it contains a double underscore";
	if (name[0] == '_')
		return "it begins with an underscore, which is reserved at "
		    "file scope";
	return NULL;
}
