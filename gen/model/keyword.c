#include "keyword.h"

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

/* C89, C99, C11 and C23. */
static const char *const c_words[] = {
	"_Alignas", "_Alignof", "_Atomic", "_BitInt", "_Bool", "_Complex",
	"_Decimal128", "_Decimal32", "_Decimal64", "_Generic", "_Imaginary",
	"_Noreturn", "_Static_assert", "_Thread_local", "alignas", "alignof",
	"auto", "bool", "break", "case", "char", "const", "constexpr",
	"continue", "default", "do", "double", "else", "enum", "extern",
	"false", "float", "for", "goto", "if", "inline", "int", "long",
	"nullptr", "register", "restrict", "return", "short", "signed",
	"sizeof", "static", "static_assert", "struct", "switch",
	"thread_local", "true", "typedef", "typeof", "typeof_unqual", "union",
	"unsigned", "void", "volatile", "while"
};

/* C++98 to C++20, with the alternative operator spellings. */
static const char *const cpp_words[] = {
	"alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand",
	"bitor", "bool", "break", "case", "catch", "char", "char16_t",
	"char32_t", "char8_t", "class", "co_await", "co_return", "co_yield",
	"compl", "concept", "const", "const_cast", "consteval", "constexpr",
	"constinit", "continue", "decltype", "default", "delete", "do",
	"double", "dynamic_cast", "else", "enum", "explicit", "export",
	"extern", "false", "float", "for", "friend", "goto", "if", "inline",
	"int", "long", "mutable", "namespace", "new", "noexcept", "not",
	"not_eq", "nullptr", "operator", "or", "or_eq", "private",
	"protected", "public", "register", "reinterpret_cast", "requires",
	"return", "short", "signed", "sizeof", "static", "static_assert",
	"static_cast", "struct", "switch", "template", "this", "thread_local",
	"throw", "true", "try", "typedef", "typeid", "typename", "union",
	"unsigned", "using", "virtual", "void", "volatile", "wchar_t", "while",
	"xor", "xor_eq"
};

/* Keywords and soft keywords (match, case, type, _) of Python 3. */
static const char *const python_words[] = {
	"False", "None", "True", "_", "and", "as", "assert", "async", "await",
	"break", "case", "class", "continue", "def", "del", "elif", "else",
	"except", "finally", "for", "from", "global", "if", "import", "in",
	"is", "lambda", "match", "nonlocal", "not", "or", "pass", "raise",
	"return", "try", "type", "while", "with", "yield"
};

static const char *const go_words[] = {
	"break", "case", "chan", "const", "continue", "default", "defer",
	"else", "fallthrough", "for", "func", "go", "goto", "if", "import",
	"interface", "map", "package", "range", "return", "select", "struct",
	"switch", "type", "var"
};

/* Reserved words, plus those reserved in strict mode and modules. */
static const char *const typescript_words[] = {
	"await", "break", "case", "catch", "class", "const", "continue",
	"debugger", "default", "delete", "do", "else", "enum", "export",
	"extends", "false", "finally", "for", "function", "if", "implements",
	"import", "in", "instanceof", "interface", "let", "new", "null",
	"package", "private", "protected", "public", "return", "static",
	"super", "switch", "this", "throw", "true", "try", "typeof", "var",
	"void", "while", "with", "yield"
};

/* Strict and reserved keywords of every edition to 2024. */
static const char *const rust_words[] = {
	"Self", "abstract", "as", "async", "await", "become", "box", "break",
	"const", "continue", "crate", "do", "dyn", "else", "enum", "extern",
	"false", "final", "fn", "for", "gen", "if", "impl", "in", "let",
	"loop", "macro", "match", "mod", "move", "mut", "override", "priv",
	"pub", "ref", "return", "self", "static", "struct", "super", "trait",
	"true", "try", "type", "typeof", "unsafe", "unsized", "use",
	"virtual", "where", "while", "yield"
};

#define WORDS(t) (t), sizeof(t) / sizeof((t)[0])

/* Each table is in strcmp order, for bsearch (keyword_all checks). */
static const struct {
	const char *lang;	/* gen's language name */
	const char *title;	/* for messages */
	const char *const *words;
	size_t n;
} tables[] = {
	{ "c", "C", WORDS(c_words) },
	{ "c", "C++", WORDS(cpp_words) },
	{ "python", "Python", WORDS(python_words) },
	{ "go", "Go", WORDS(go_words) },
	{ "typescript", "TypeScript", WORDS(typescript_words) },
	{ "rust", "Rust", WORDS(rust_words) }
};

#define NTABLES (sizeof(tables) / sizeof(tables[0]))

static int
cmp_word(const void *key, const void *p)
{
	return strcmp(key, *(const char *const *)p);
}

const char **
keyword_all(struct arena *a, size_t *n)
{
	const char **v;
	size_t t, i, m = 0;

	for (t = 0; t < NTABLES; t++)
		m += tables[t].n;
	v = arena_array(a, m, sizeof(*v));
	for (t = 0, m = 0; t < NTABLES; t++)
		for (i = 0; i < tables[t].n; i++) {
			assert(i == 0 || strcmp(tables[t].words[i - 1],
			    tables[t].words[i]) < 0);
			v[m++] = tables[t].words[i];
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
		    bsearch(word, tables[i].words, tables[i].n,
		    sizeof(*tables[i].words), cmp_word) != NULL)
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
