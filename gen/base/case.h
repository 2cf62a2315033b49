/*
 * case: identifiers spelt in the cases target languages name things in.
 *
 * Text splits into words at '_', '-', ' ', '.', at a capital after a lowercase
 * letter or digit ("http2Server"), and at the last capital of a run going on in
 * lowercase ("HTTPVersion"), then joined: snake not_found, upper_snake
 * NOT_FOUND, kebab not-found, camel notFound, pascal NotFound; lower and upper
 * change the whole text.  pascal and camel spell Go's initialisms (HTTP, ID,
 * URL...) in capitals, but as camel's first word; upper_camel is pascal without
 * them (HttpVersion).  Only ASCII letters change, in any locale.
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
