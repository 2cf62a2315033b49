/*
 * diag: diagnostics with source positions, collected and printed later
 * by main.c, in GCC's shape ("FILE:12:5: error: unknown key 'phrse'").
 * After DIAG_MAX_ERRORS errors one "too many errors" line is recorded
 * and further errors, and their notes, are dropped.
 *
 * DIAG_INIT, diag_error/diag_note/diag_sys..., diag_print, diag_release.
 */
#ifndef GEN_DIAG_H
#define GEN_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define DIAG_MAX_ERRORS 20

/* A place in an input file; line and column count from 1. */
struct srcpos {
	const char *file;
	unsigned line, col;
};

enum diag_level { DIAG_ERROR, DIAG_NOTE };

/* The kind of the first error, for main.c's exit status; DIAG_OK: none. */
enum diag_fail {
	DIAG_OK,
	DIAG_USAGE,		/* bad command line */
	DIAG_DATA,		/* bad data or template */
	DIAG_NOINPUT,		/* an input file cannot be opened */
	DIAG_CANTCREAT,		/* an output file cannot be created */
	DIAG_IOERR,		/* reading or writing failed midway */
	DIAG_STALE,		/* --check found outdated outputs */
	DIAG_INTERNAL		/* a bug of gen's: a step failed silently */
};

struct diag_entry {
	enum diag_level level;
	struct srcpos pos;	/* pos.file NULL: no position; else owned */
	char *msg;
};

struct diag {
	struct diag_entry *items;
	size_t n, cap;
	size_t errors;		/* errors reported, including dropped ones */
	enum diag_fail fail;
};

#define DIAG_INIT { NULL, 0, 0, 0, DIAG_OK }

void diag_init(struct diag *d);
void diag_release(struct diag *d);

/*
 * Reporting, printf-style; the first error sets the failure kind.  diag_error
 * records one at pos (NULL: none) of kind DIAG_DATA; diag_note a note on the
 * error before it; diag_fail one of the given kind, without position.
 */
void diag_report(struct diag *d, enum diag_fail kind, enum diag_level level,
    const struct srcpos *pos, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

#define diag_error(d, pos, ...) \
	diag_report((d), DIAG_DATA, DIAG_ERROR, (pos), __VA_ARGS__)
#define diag_note(d, pos, ...) \
	diag_report((d), DIAG_OK, DIAG_NOTE, (pos), __VA_ARGS__)
#define diag_fail(d, kind, ...) \
	diag_report((d), (kind), DIAG_ERROR, NULL, __VA_ARGS__)

/* Records "PATH: strerror(err)", as err(3); thread-safe per diag. */
void diag_sys(struct diag *d, enum diag_fail kind, const char *path, int err);

/*
 * Moves every entry of from (left empty) to the end of d, with its count
 * of errors and, if d has none, its failure kind.
 */
void diag_take(struct diag *d, struct diag *from);

static inline bool
diag_has_errors(const struct diag *d)
{
	return d->errors != 0;
}

/* True once "too many errors" was recorded: stop collecting. */
static inline bool
diag_full(const struct diag *d)
{
	return d->errors > DIAG_MAX_ERRORS;
}

/* Prints every entry, one line each, to fp, with GCC's colours or none. */
void diag_print(const struct diag *d, FILE *fp, bool color);

#endif
