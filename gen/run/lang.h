/*
 * lang: target languages, each a directory of templates and a manifest.
 *
 * A language NAME is the directory templates/NAME/ holding lang.yaml and
 * its templates.  The built-in ones are embedded in the binary (see
 * embed.h).  With --templates DIR, DIR/NAME/ is searched first, file by
 * file: a user directory may hold a whole new language, or only the one
 * template or partial of a built-in language that it overrides.
 *
 * lang.yaml:
 *	name: c				the language's name (= directory)
 *	description: C header		one line, for --list-langs
 *	escape: c			none|html|c|python|go|markdown, or
 *					a map: a table escaper (escape.h)
 *	case: upper_snake		how id and aliases become `names`
 *	header: {prefix: "/ * ", suffix: " * /"}   the do-not-edit line;
 *					`as: string` escapes the notice as
 *					{{name}} does instead of as comment
 *	outputs:
 *	  - template: http_status.h.mustache
 *	    path: "c/{{registry.name}}.h"	a template over the view
 *	    per_locale: false		true: one file per registry locale
 *
 * Everything lives in the arena passed in.  Every file read is recorded
 * in struct lang_src.deps for depfiles (embedded files are not).
 */
#ifndef GEN_LANG_H
#define GEN_LANG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/arena.h"
#include "base/diag.h"
#include "tmpl/escape.h"
#include "tmpl/filter.h"
#include "tmpl/tmpl.h"

struct lang_output {
	struct srcpos pos;
	const char *template;
	const char *path;
	bool per_locale;
};

struct lang_src {
	struct arena *a;
	const char *user_dir;		/* --templates DIR, or NULL */
	const char **deps;		/* files read from disk */
	size_t ndeps, capdeps;
};

struct lang {
	struct lang_src *src;
	const char *name;
	const char *description;
	enum escape_mode escape;
	const struct escape_table *escape_table;	/* or NULL: escape */
	enum filter_id ident_case;
	const char *header_prefix, *header_suffix;
	bool header_string;		/* notice as a string, not a comment */
	struct lang_output *outputs;
	size_t noutputs;
};

/*
 * Loads language name's manifest into *out.  Returns 0, or -1 after
 * reporting into d ("unknown language 'x'; did you mean 'c'?" or the
 * manifest's errors).
 */
int lang_load(struct lang_src *src, const char *name, struct diag *d,
    struct lang **out);

/*
 * Sets *names to every language name, built-in and from the user
 * directory, sorted and without repeats; *n receives the count.
 */
void lang_names(struct lang_src *src, const char ***names, size_t *n);

/*
 * Reads file (relative to the language directory): the user directory's
 * copy if there is one, else the built-in one.  Sets *path (for
 * diagnostics), *text and *len, valid as long as the arena.  Returns 0,
 * 1 when neither exists, -1 after reporting a read error into d.
 */
int lang_read(const struct lang *l, const char *file, const char **path,
    const char **text, size_t *len, struct diag *d);

/* A partial loader (see tmpl.h) that finds NAME.mustache with lang_read. */
struct tmpl_loader lang_loader(const struct lang *l);

#endif
