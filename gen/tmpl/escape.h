/*
 * escape: making text safe for the place a template puts it.
 *
 * Each template declares the target it produces.  `{{name}}` passes the
 * value through that target's escaper, so that no data can end the
 * string literal it sits in:
 *
 *	ESCAPE_NONE	 text as is (plain text, `{{{name}}}`, `{{&name}}`)
 *	ESCAPE_HTML	 & < > " as entities, as the Mustache spec requires
 *	ESCAPE_C	 body of a C string literal, valid from C89 to C23 and
 *			 C++98 on: \" \\ \n \t, other controls and every byte
 *			 >= 0x80 as three-digit octal, '?' after '?' as \? so
 *			 no trigraph forms
 *	ESCAPE_PYTHON	 body of a "..." or """...""" Python str literal
 *	ESCAPE_GO	 body of a "..." Go interpreted string literal
 *	ESCAPE_MARKDOWN	 inline Markdown text, also safe in a table cell:
 *			 punctuation with meaning is backslash-escaped, | too,
 *			 < as &lt;, line breaks become spaces
 *
 * The `comment` filter (see filter.h) instead makes text safe inside a
 * comment of the target: escape_comment_by.
 *
 * No escaper but ESCAPE_NONE writes a code point of escape_is_unsafe
 * (controls, and the format controls that reorder or hide text: the
 * "Trojan Source" attacks) as it is: a string literal gets the
 * language's escape, a comment the visible "<U+202E>", Markdown a code
 * span `U+202E`, HTML a character reference; tab and line breaks become
 * spaces in comments and Markdown.  Table escapers do the same whatever
 * their `classes` say.  Every escaper is byte-oriented, ignores the
 * locale, and accepts any bytes.
 *
 * A language whose strings none of these modes fits declares a table
 * escaper in its lang.yaml instead (escape_table_parse), so a new
 * language never needs C; the built-in TypeScript, Rust and JSON targets
 * are written that way.
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
	ESCAPE_HTML,
	ESCAPE_C,
	ESCAPE_PYTHON,
	ESCAPE_GO,
	ESCAPE_MARKDOWN
};

/*
 * Sets *mode from its name ("none", "html", "c", "python", "go",
 * "markdown"; also "text" for none).  Returns 0, or -1 when the name is
 * unknown (then *mode is untouched).
 */
int escape_parse(const char *name, enum escape_mode *mode);

/*
 * Whether cp may not appear as it is in any output: a C0 control
 * (U+0000-001F), DEL or a C1 control (U+007F-009F), or a format
 * control that reorders or hides text (U+061C, U+180E, U+200B-200F,
 * U+202A-202E, U+2060-2064, U+2066-2069, U+FEFF).
 */
bool escape_is_unsafe(uint32_t cp);

/*
 * Table escapers: the map of a manifest's `escape:` key, as README.md
 * ("Escape tables") describes it: `chars` (text -> replacement), `format`
 * (one %x, %X, %d or %o, with an optional 0 and width; %% for '%'),
 * `units` (code_point, utf16 or utf8), `classes` (line_separator and
 * non_ascii add code points to format; control, bidi, format and bom
 * name those of escape_is_unsafe) and `comment_break`.
 *
 * At each position the longest `chars` key that matches wins; else a
 * code point of escape_is_unsafe or of `classes` is formatted (without a
 * format, one of escape_is_unsafe is spelt "<U+XXXX>", through `chars`);
 * else it is copied.
 */
struct escape_table;

/*
 * Builds the table escaper described by map v, loaded from path, into
 * *out, in arena a (strings are borrowed from v).  Returns 0, or -1
 * after reporting every problem into d at its position; *out is written
 * only on success.
 */
int escape_table_parse(struct arena *a, const char *path,
    const struct value *v, struct diag *d, const struct escape_table **out);

/* Appends s[0..len) to out, escaped by table t if not NULL, else by mode. */
void escape_by(struct buf *out, enum escape_mode mode,
    const struct escape_table *t, const char *s, size_t len);

/*
 * Appends s[0..len) made safe inside a comment of the target: C block
 * comments (no "*" "/" or "/" "*" pairs, no trailing backslash or
 * trigraph), Python and Go line comments (no line breaks), Markdown and
 * HTML comments (no "--", no ">" after "-").  Tab and line breaks become
 * spaces, other code points of escape_is_unsafe "<U+XXXX>".
 *
 * By table t, when it is not NULL: U+2028 and U+2029 become spaces too,
 * code points of t's classes are written with its format, `chars` are
 * not applied, and each `comment_break` sequence gets a space before its
 * last character, judged together with what out already holds (from
 * where this text starts).
 */
void escape_comment_by(struct buf *out, enum escape_mode mode,
    const struct escape_table *t, const char *s, size_t len);

#endif
