/*
 * ctx: the view of the registry that templates read.
 *
 * ctx_build turns a validated registry into a value tree for one target
 * language and one locale.  Every key is always present (null when the
 * data has no value), so strict rendering catches misspelled names in
 * templates without tripping over optional fields.
 *
 * Root keys: gen {version, data, notice}, registry {name, title,
 * description, locales, locale, default_locale, is_default_locale,
 * prefix}, classes, statuses (the code outputs' statuses), all_statuses,
 * unofficial, sets.  A status has code, phrase, id, name, names,
 * alias_names, aliases, class, status, is_standard ... is_unofficial,
 * set, source, ref, expires, description, note, history, subcodes and its
 * x- extensions.  Every localised text also comes as NAME_locales, a list
 * of {locale, text} of every locale the data gives, and the x- keys of
 * the root and of every map of the data also come as `extensions`, a
 * list of {key, value} whose values are shape-describing
 * nodes (kind, value, is_KIND, items, members), for outputs such as JSON
 * that carry everything.  README.md lists them with their meaning.
 *
 * The tree lives in the arena given; strings are borrowed from the model.
 */
#ifndef GEN_CTX_H
#define GEN_CTX_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "tmpl/filter.h"
#include "model/model.h"
#include "base/value.h"

struct ctx_opts {
	const char *lang;		/* key into each status's names */
	enum filter_id ident_case;	/* how id and aliases become names */
	size_t locale;			/* index into registry locales */
	const char *data_path;		/* as named in generated headers */
	const char *const *include;	/* sets joining the code outputs */
	size_t ninclude;
	bool include_all;		/* every unofficial set joins */
};

/* The notice written at the top of every generated file. */
const char *ctx_notice(struct arena *a, const char *data_path);

/*
 * Builds the view in a; never fails (the model is already valid).  The
 * lists of statuses are lazy (see value.h): a status's view is made
 * when the renderer reaches it, in the renderer's arena for that list,
 * and its values when first read.  The view reads r and o as long as it
 * is used: both must outlive it.
 */
struct value *ctx_build(struct arena *a, const struct registry *r,
    const struct ctx_opts *o);

#endif
