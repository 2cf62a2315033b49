/*
 * case: identifiers spelt in the cases target languages name things in.
 *
 * A text is split into words at '_', '-', ' ', '.' and at case changes,
 * then joined again:
 *
 *	snake		not_found	upper_snake	NOT_FOUND
 *	kebab		not-found	camel		notFound
 *	pascal		NotFound	lower, upper	whole text case
 *	upper_camel	HttpVersion (pascal without initialisms: Rust, C#)
 *
 * A word starts at an upper-case letter after a lower-case letter or a
 * digit ("notFound", "http2Server"), and at the last capital of a run
 * that goes on in lower case ("HTTPVersion"); digits never start one.
 * pascal and camel spell Go's initialisms (the list golint used: HTTP,
 * ID, URL...) in upper case, except as the first word of camel.  Only
 * ASCII letters change, and the locale never matters.
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
