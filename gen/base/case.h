/*
 * case: identifiers spelt in the cases target languages name things in.
 *
 * A text is split into words at '_', '-', ' ', '.', at an upper-case
 * letter after a lower-case letter or a digit ("http2Server"), and at
 * the last capital of a run that goes on in lower case ("HTTPVersion"),
 * then joined: snake not_found, upper_snake NOT_FOUND, kebab not-found,
 * camel notFound, pascal NotFound; lower and upper change the whole
 * text.  pascal and camel spell Go's initialisms (HTTP, ID, URL...) in
 * upper case, except as camel's first word; upper_camel is pascal
 * without them (HttpVersion).  Only ASCII letters change, whatever the
 * locale.
 */
#ifndef GEN_CASE_H
#define GEN_CASE_H

#include <stddef.h>

#include "buf.h"

enum case_id {
	CASE_SNAKE, CASE_UPPER_SNAKE, CASE_KEBAB, CASE_CAMEL, CASE_PASCAL,
	CASE_UPPER_CAMEL, CASE_LOWER, CASE_UPPER
};

#define CASE_N	(CASE_UPPER + 1)

/* The case's name, as templates and manifests write it. */
const char *case_name(enum case_id id);

/* Appends s[0..len) in case id to out. */
void case_apply(struct buf *out, enum case_id id, const char *s, size_t len);

#endif
