/*
 * view: the value tree that templates read, made from the model for one output
 * (a language, a locale), whole, before rendering, and only with the keys its
 * templates name (templates.md lists them).  Calling sequence: view_keys_init
 * and view_base_build once per run, before any thread starts; mark the keys
 * each output uses; view_build per output.  Texts are the model's.
 */
#ifndef GEN_VIEW_H
#define GEN_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/case.h"
#include "base/value.h"
#include "model/model.h"

/* Every key of a view. */
enum vkey {
	VK_ALIASES, VK_ALIAS_NAMES, VK_ALL_STATUSES, VK_BY_NAME, VK_BY_PHRASE,
	VK_CLASS, VK_CLASSES, VK_CODE, VK_COUNT, VK_CURRENT, VK_DATA,
	VK_DEFAULT_LOCALE, VK_DENSE, VK_DESCRIPTION, VK_DESCRIPTION_LOCALES,
	VK_DOCS_ONLY, VK_EXPIRES, VK_EXTENSIONS, VK_FIRST, VK_FLAGS, VK_GEN,
	VK_HISTORY, VK_ID, VK_IS_BOOL, VK_IS_DEFAULT_LOCALE, VK_IS_DEPRECATED,
	VK_IS_EXPERIMENTAL, VK_IS_FINITE, VK_IS_FLOAT, VK_IS_INT, VK_IS_LIST,
	VK_IS_MAP, VK_IS_NULL, VK_IS_STANDARD, VK_IS_STRING, VK_IS_TEMPORARY,
	VK_IS_UNOFFICIAL, VK_IS_UNUSED, VK_ITEMS, VK_KEY, VK_KIND, VK_LANG,
	VK_LAST, VK_LOCALE, VK_LOCALES, VK_LOOKUP, VK_MEMBERS, VK_NAME,
	VK_NAMES, VK_NAMES_BY_LANG, VK_NOTE, VK_NOTE_LOCALES, VK_NOTICE,
	VK_PHRASE, VK_PHRASES, VK_PREFIX, VK_REF, VK_REGISTRY, VK_SET, VK_SETS,
	VK_SLOTS, VK_SOURCE, VK_STATUS, VK_STATUSES, VK_SUB, VK_SUBCODES,
	VK_TEXT, VK_TITLE, VK_TITLE_LOCALES, VK_UNOFFICIAL, VK_USED_FLAGS,
	VK_VALUE, VK_VERSION,
	VK_N
};

/*
 * The keys, interned, and which of them an output's templates name:
 * view_build leaves the others out, and does not make their values.
 */
struct view_keys {
	struct mkey k[VK_N];
	bool used[VK_N];
	/*
	 * Named as a name's first part: a status is only ever a section's
	 * item, so only these go in its view (not registry.name's `name`).
	 */
	bool first[VK_N];
};

/* Interns every key into keys and marks them all used. */
void view_keys_init(struct view_keys *vk, struct keys *keys);

/* Marks the view key the interned key is, if any, used (and first). */
void view_keys_use(struct view_keys *vk, const char *key, bool first);

struct view_opts {
	const char *lang;		/* key into each status's names */
	enum case_id ident_case;	/* how id and aliases become names */
	size_t locale;			/* index into registry locales */
	const char *data_path;		/* as named in generated headers */
	const char *const *include;	/* sets joining the code outputs */
	size_t ninclude;
	bool include_all;		/* every unofficial set joins */
};

/*
 * What all outputs' views share: each status's scalars and texts and, with o
 * (any output's: lookup reads only the sets included), the lookup tables.
 */
struct view_base;
struct view_base *view_base_build(struct arena *a, const struct registry *r,
    const struct view_opts *o, const struct view_keys *vk);

/* The notice written at the top of every generated file. */
const char *view_notice(struct arena *a, const char *data_path);

/*
 * Builds the view in a; never fails.  The tree borrows texts from r,
 * keys from vk and values from base, view_base_build's for r.
 */
const struct value *view_build(struct arena *a, const struct registry *r,
    const struct view_base *base, const struct view_opts *o,
    const struct view_keys *vk);

#endif
