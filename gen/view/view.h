/*
 * view: the value tree that templates read, made from the model.
 *
 * view_build turns a validated registry into a tree for one output: one
 * target language (how ids become names) and one locale.  It is built
 * whole before rendering starts, and only with the keys the output's
 * templates name (struct view_keys.used): a C header needs five of a
 * status's thirty keys.  A status has one view, which every list that
 * holds it (statuses, all_statuses, a class's, a set's) shares.  Every
 * key a view can have is present (null when the data has no value), so
 * strict rendering catches misspelled names in templates.
 *
 * Root keys: gen {version, data, notice}, registry, classes, statuses
 * (the code outputs'), all_statuses, unofficial, sets, lookup;
 * doc/templates.md lists the keys of each.  Every localised text also
 * comes as NAME_locales, a list of {locale, text}, and the x- keys of
 * every map of the data also come as `extensions`, a list of {key,
 * value} whose values are nodes that describe their shape (kind, value,
 * is_KIND, items, members), for outputs such as JSON that carry
 * everything.
 *
 * Calling sequence: view_keys_init and view_base_build once per run,
 * before any thread starts, mark the keys each output uses, then
 * view_build for each output.  The tree lives in the arena given;
 * texts are borrowed from the model.
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
	VK_ALIAS_NAMES, VK_ALIASES, VK_ALL_STATUSES, VK_BY_NAME, VK_BY_PHRASE,
	VK_CLASS, VK_CLASSES, VK_CODE, VK_CURRENT, VK_DATA, VK_DEFAULT_LOCALE,
	VK_DENSE, VK_DESCRIPTION,
	VK_DESCRIPTION_LOCALES, VK_DOCS_ONLY, VK_EXPIRES, VK_EXTENSIONS,
	VK_FIRST, VK_GEN, VK_HISTORY, VK_ID, VK_IS_BOOL, VK_IS_DEFAULT_LOCALE,
	VK_IS_DEPRECATED, VK_IS_EXPERIMENTAL, VK_IS_FINITE, VK_IS_FLOAT,
	VK_IS_INT, VK_IS_LIST, VK_IS_MAP, VK_IS_NULL, VK_IS_STANDARD,
	VK_IS_STRING, VK_IS_TEMPORARY, VK_IS_UNOFFICIAL, VK_IS_UNUSED,
	VK_ITEMS, VK_KEY, VK_KIND, VK_LANG, VK_LAST, VK_LOCALE, VK_LOCALES,
	VK_LOOKUP, VK_MEMBERS, VK_NAME, VK_NAMES, VK_NAMES_BY_LANG, VK_NOTE,
	VK_NOTE_LOCALES, VK_NOTICE, VK_PHRASE, VK_PREFIX, VK_REF, VK_REGISTRY,
	VK_SET, VK_SETS, VK_SLOTS, VK_SOURCE, VK_STATUS, VK_STATUSES, VK_SUB,
	VK_SUBCODES, VK_TEXT, VK_TITLE, VK_TITLE_LOCALES, VK_UNOFFICIAL,
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
	 * Named first, where a name is looked up through the context
	 * stack: a status can only be a section's item, never what a
	 * dotted name reaches, so only these keys go in its view (the
	 * `name` of {{registry.name}} is no status's).
	 */
	bool first[VK_N];
};

/* Interns every key into keys and marks them all used. */
void view_keys_init(struct view_keys *vk, struct keys *keys);

/*
 * Marks the view key that the interned key names, if it is one, as
 * used, and as named first if first; for an output whose used[] and
 * first[] start all false.
 */
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
 * What the views of every output share, made once per run in arena a:
 * each status's scalars and texts, which many views would otherwise
 * each hold a copy of.  r is read during the call; the result borrows
 * texts from r.
 */
struct view_base;
struct view_base *view_base_build(struct arena *a, const struct registry *r);

/* The notice written at the top of every generated file. */
const char *view_notice(struct arena *a, const char *data_path);

/*
 * Builds the view in a; never fails (the model is already valid).  r,
 * o and vk are read during the call only; the tree borrows texts from
 * r, keys from vk and values from base, view_base_build's for r.
 */
const struct value *view_build(struct arena *a, const struct registry *r,
    const struct view_base *base, const struct view_opts *o,
    const struct view_keys *vk);

#endif
