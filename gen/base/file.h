/* file: reading whole input files into an arena. */
#ifndef GEN_FILE_H
#define GEN_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

/*
 * Reads the file at path into the arena, NUL-terminated, into *text and *len.
 * Returns 0; 1 when it does not exist and missing_ok is set (nothing reported);
 * -1 after reporting into d: DIAG_NOINPUT if it cannot be opened, DIAG_IOERR if
 * reading fails, DIAG_DATA "PATH: file is larger than N bytes" past max bytes.
 */
int file_read(struct arena *a, const char *path, size_t max, bool missing_ok,
    struct diag *d, const char **text, size_t *len);

/* True when path names a directory. */
bool file_is_dir(const char *path);

#endif
