/*
 * escape: text made safe where a template puts it, by mode or by a
 * lang.yaml's table (templates.md, "Escaping"): for any bytes, whatever
 * the locale; no mode but ESCAPE_NONE writes escape_is_unsafe raw.
 */
#ifndef GEN_ESCAPE_H
#define GEN_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/value.h"

enum escape_mode {
	ESCAPE_NONE,
	ESCAPE_HTML,		/* & < > " as entities, as the spec requires */
	ESCAPE_C,		/* a C89-C23 string literal's body */
	ESCAPE_PYTHON,		/* a "..." or """...""" str literal's body */
	ESCAPE_GO,		/* a "..." Go string literal's body */
	ESCAPE_MARKDOWN,	/* inline text, also safe in a table cell */
	ESCAPE_N
};

/* The modes' names, by enum escape_mode. */
extern const char *const escape_names[ESCAPE_N];

/*
 * Sets *mode from its name ("none" or "text", "html", "c", "python",
 * "go", "markdown").  Returns 0, or -1 when the name is unknown.
 */
int escape_parse(const char *name, enum escape_mode *mode);

/*
 * Whether cp may not appear as it is in any output: a C0 or C1 control
 * or DEL, or a format control that reorders or hides text (U+061C,
 * U+180E, U+200B-200F, U+202A-202E, U+2060-2064, U+2066-2069, U+FEFF).
 */
bool escape_is_unsafe(uint32_t cp);

/* A table escaper: a manifest's `escape:` map (templates.md). */
struct escape_table;

/*
 * Builds into *out, in arena a, the table escaper map v (from path) describes,
 * borrowing v's text.  Returns 0, or -1 after reporting each problem into d.
 */
int escape_table_parse(struct arena *a, const char *path,
    const struct value *v, struct diag *d, const struct escape_table **out);

/* Appends s[0..len) to out, escaped by table t if not NULL, else by mode. */
void escape_by(struct buf *out, enum escape_mode mode,
    const struct escape_table *t, const char *s, size_t len);

/*
 * Appends s[0..len) made safe inside a comment of the target (by t if
 * not NULL, else by mode): nothing that ends the comment or the line,
 * and unsafe code points as "<U+XXXX>".  Sequences to break are judged
 * with what out holds from where this text starts.
 */
void escape_comment_by(struct buf *out, enum escape_mode mode,
    const struct escape_table *t, const char *s, size_t len);

#endif
