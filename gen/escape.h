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
 * comment of the target: escape_comment.
 *
 * Every escaper is byte-oriented, ignores the locale, and accepts any
 * bytes; invalid UTF-8 never reaches it from a validated data file.
 */
#ifndef GEN_ESCAPE_H
#define GEN_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"

enum escape_mode {
	ESCAPE_NONE,
	ESCAPE_HTML,
	ESCAPE_C,
	ESCAPE_PYTHON,
	ESCAPE_GO,
	ESCAPE_MARKDOWN
};

/* Appends s[0..len), escaped for mode, to out. */
void escape_add(struct buf *out, enum escape_mode mode, const char *s,
    size_t len);

/*
 * Appends s[0..len) made safe inside a comment of mode's language:
 * C block comments (no "*" "/" or "/" "*" pairs, no trailing backslash
 * or trigraph), Python and Go line comments (no line breaks), Markdown and
 * HTML comments (no "--", no ">" after "-").  Line breaks become spaces.
 */
void escape_comment(struct buf *out, enum escape_mode mode, const char *s,
    size_t len);

/*
 * Sets *mode from its name ("none", "html", "c", "python", "go",
 * "markdown"; also "text" for none).  Returns 0, or -1 when the name is
 * unknown (then *mode is untouched).
 */
int escape_parse(const char *name, enum escape_mode *mode);

/* The canonical name of mode. */
const char *escape_name(enum escape_mode mode);

#endif
