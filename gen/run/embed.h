/*
 * embed: the data and templates built into the gen binary.
 *
 * The build embeds data/http_status.yaml and every file under templates/
 * (see mkembed.c), so `gen --lang c` works from any directory with no
 * other files present.  Paths are relative to the source tree, e.g.
 * "templates/c/lang.yaml".  Contents are NUL-terminated; len excludes the
 * NUL.  Everything here is static and lives for the whole run.
 */
#ifndef GEN_EMBED_H
#define GEN_EMBED_H

#include <stddef.h>

struct embed_file {
	const char *path;
	const char *data;
	size_t len;
};

/* Sorted by path; terminated by an entry whose path is NULL. */
extern const struct embed_file embed_files[];
extern const size_t embed_count;

/* The embedded file at path, or NULL. */
const struct embed_file *embed_find(const char *path);

#endif
