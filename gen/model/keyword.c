#include "keyword.h"

#include <stdbool.h>
#include <string.h>

/*
 * Each language's words, separated by single spaces: only ids that fold
 * like some keyword are looked up, so a linear search is enough.
 */
static const struct {
	const char *lang;	/* gen's language name */
	const char *title;	/* for messages */
	const char *words;
} tables[] = {
	{ "c", "C",	/* C89, C99, C11 and C23 */
	    "_Alignas _Alignof _Atomic _BitInt _Bool _Complex _Decimal128 "
	    "_Decimal32 _Decimal64 _Generic _Imaginary _Noreturn "
	    "_Static_assert _Thread_local alignas alignof auto bool break case "
	    "char const constexpr continue default do double else enum extern "
	    "false float for goto if inline int long nullptr register restrict "
	    "return short signed sizeof static static_assert struct switch "
	    "thread_local true typedef typeof typeof_unqual union unsigned "
	    "void volatile while" },
	{ "c", "C++",	/* C++98 to C++20, with alternative tokens */
	    "alignas alignof and and_eq asm auto bitand bitor bool break case "
	    "catch char char16_t char32_t char8_t class co_await co_return "
	    "co_yield compl concept const const_cast consteval constexpr "
	    "constinit continue decltype default delete do double dynamic_cast "
	    "else enum explicit export extern false float for friend goto if "
	    "inline int long mutable namespace new noexcept not not_eq nullptr "
	    "operator or or_eq private protected public register "
	    "reinterpret_cast requires return short signed sizeof static "
	    "static_assert static_cast struct switch template this "
	    "thread_local throw true try typedef typeid typename union "
	    "unsigned using virtual void volatile wchar_t while xor xor_eq" },
	{ "python", "Python",	/* soft ones (match, case, type, _) too */
	    "False None True _ and as assert async await break case class "
	    "continue def del elif else except finally for from global if "
	    "import in is lambda match nonlocal not or pass raise return try "
	    "type while with yield" },
	{ "go", "Go",
	    "break case chan const continue default defer else fallthrough for "
	    "func go goto if import interface map package range return select "
	    "struct switch type var" },
	{ "typescript", "TypeScript",	/* strict mode and modules too */
	    "await break case catch class const continue debugger default "
	    "delete do else enum export extends false finally for function if "
	    "implements import in instanceof interface let new null package "
	    "private protected public return static super switch this throw "
	    "true try typeof var void while with yield" },
	{ "rust", "Rust",	/* strict and reserved, to edition 2024 */
	    "Self abstract as async await become box break const continue "
	    "crate do dyn else enum extern false final fn for gen if impl in "
	    "let loop macro match mod move mut override priv pub ref return "
	    "self static struct super trait true try type typeof unsafe "
	    "unsized use virtual where while yield" }
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

/* Whether words, separated by single spaces, hold word. */
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
	const char **v, *p;
	size_t t, m = NTABLES;

	for (t = 0; t < NTABLES; t++)
		for (p = tables[t].words; (p = strchr(p, ' ')) != NULL; p++)
			m++;
	v = arena_array(a, m, sizeof(*v));
	for (t = 0, m = 0; t < NTABLES; t++)
		for (p = tables[t].words; p != NULL; p = strchr(p, ' ')) {
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

	for (i = 0; lang != NULL && i < NTABLES; i++)
		known = known || strcmp(tables[i].lang, lang) == 0;
	for (i = 0; i < NTABLES; i++)
		if ((!known || strcmp(tables[i].lang, lang) == 0) &&
		    has_word(tables[i].words, word))
			return tables[i].title;
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
