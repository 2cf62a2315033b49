/*
 * output_int: what output.c lends output_writer.c.  Not for other
 * modules; see output.h for what these files do.
 */
#ifndef GEN_OUTPUT_INT_H
#define GEN_OUTPUT_INT_H

#include <sys/types.h>

#include "output.h"

/* Fills f->target (and f->stream) from f->path. */
void out_resolve(struct output_file *f);

/* Adds *nf to the set, replacing an item with its path; returns it. */
struct output_file *out_insert(struct output_set *set,
    const struct output_file *nf);

/* Makes path's directories; an errno value and *bad (owned) on failure. */
int out_make_parents(const char *path, char **bad);

/* f's temporary file, unnamed when it can be; -1 with errno set. */
int out_create_temp(struct output_set *set, struct output_file *f);

/* fchmod and fsync; 0 or an errno value (err when already set). */
int out_complete_temp(struct output_file *f, int fd, mode_t mask, int err);

void out_drop_temp(struct output_set *set, struct output_file *f);
/* The set's umask (output_set_umask), else the process's now. */
mode_t out_umask(const struct output_set *set);
int out_write_all(int fd, const char *p, size_t len);

#endif
