/*
 * Tests for output.c.  Each test runs inside its own fresh directory made
 * with mkdtemp under /tmp, so every path below is relative and every
 * diagnostic can be compared in full.  The tests run as root, so failures
 * are forced with a parent path component that is a regular file, a name
 * too long for its temporary file, or a directory moved away.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out/output.h"
#include "base/xmalloc.h"
#include "check.h"

#define OLD_TIME 1000000000	/* 2001-09-09: far from "now" */

struct fixture {
	char dir[64];
	char cwd[PATH_MAX];
	mode_t mask;
	struct diag d;
	struct output_set set;
};

static void
remove_tree(const char *path)
{
	struct dirent *e;
	struct stat st;
	char sub[PATH_MAX];
	DIR *dp;

	if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		assert_non_null(dp = opendir(path));
		while ((e = readdir(dp)) != NULL) {
			if (strcmp(e->d_name, ".") == 0 ||
			    strcmp(e->d_name, "..") == 0)
				continue;
			snprintf(sub, sizeof(sub), "%s/%s", path, e->d_name);
			remove_tree(sub);
		}
		closedir(dp);
		assert_int_equal(rmdir(path), 0);
	} else {
		assert_int_equal(unlink(path), 0);
	}
}

static int
setup(void **state)
{
	struct fixture *fx = xcalloc(1, sizeof(*fx));

	strcpy(fx->dir, "/tmp/test_output.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	assert_non_null(getcwd(fx->cwd, sizeof(fx->cwd)));
	assert_int_equal(chdir(fx->dir), 0);
	fx->mask = umask(022);
	diag_init(&fx->d);
	output_set_init(&fx->set);
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	output_set_release(&fx->set);
	assert_int_equal(fx->set.n, 0);
	diag_release(&fx->d);
	umask(fx->mask);
	assert_int_equal(chdir(fx->cwd), 0);
	remove_tree(fx->dir);
	free(fx);
	return 0;
}

/* Helpers */

static void
add(struct fixture *fx, const char *path, const char *text)
{
	output_add(&fx->set, path, xstrndup(text, strlen(text)), strlen(text));
}

/* Settles path with text in a slot of its own. */
static int
settle(struct fixture *fx, const char *path, const char *text)
{
	size_t i = output_reserve(&fx->set, 1);

	return output_settle(&fx->set, i, path, text, strlen(text), &fx->d);
}

static void
put_file(const char *path, const char *text, mode_t mode)
{
	struct timespec times[2];
	FILE *fp;

	assert_non_null(fp = fopen(path, "w"));
	assert_int_equal(fputs(text, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(chmod(path, mode), 0);
	times[0].tv_sec = times[1].tv_sec = OLD_TIME;
	times[0].tv_nsec = times[1].tv_nsec = 0;
	assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
}

/* Returns the whole file as a string the caller frees. */
static char *
slurp(const char *path)
{
	char *s = xmalloc(1 << 20);
	size_t n;
	FILE *fp;

	assert_non_null(fp = fopen(path, "r"));
	n = fread(s, 1, (1 << 20) - 1, fp);
	s[n] = '\0';
	fclose(fp);
	return s;
}

static void
assert_file(const char *path, const char *text)
{
	char *s = slurp(path);

	assert_string_equal(s, text);
	free(s);
}

/*
 * Asserts that dir holds exactly the names in want ("a b c", sorted),
 * where "?" stands for one temporary file, ".NAME.XXXXXX".
 */
static void
assert_listing(const char *dir, const char *want)
{
	char got[32 * 257] = "", names[32][256], *x;
	struct dirent *e;
	size_t n = 0, i, j;
	DIR *dp;

	assert_non_null(dp = opendir(dir));
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		assert_true(n < 32);
		snprintf(names[n], sizeof(names[0]), "%s", e->d_name);
		x = strrchr(names[n], '.');
		if (names[n][0] == '.' && x != names[n] && strlen(x) == 7)
			strcpy(names[n], "?");
		n++;
	}
	closedir(dp);
	/* Insertion sort: readdir order is arbitrary. */
	for (i = 1; i < n; i++)
		for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
			char t[256];

			memcpy(t, names[j], sizeof(t));
			memcpy(names[j], names[j - 1], sizeof(t));
			memcpy(names[j - 1], t, sizeof(t));
		}
	for (i = 0; i < n; i++) {
		if (i > 0)
			strcat(got, " ");
		strcat(got, names[i]);
	}
	assert_string_equal(got, want);
}

static void
assert_diag(const struct diag *d, size_t i, const char *want)
{
	char *s;

	assert_true(i < d->n);
	s = entry_text(d, i);
	assert_string_equal(s, want);
	free(s);
}

static mode_t
mode_of(const char *path)
{
	struct stat st;

	assert_int_equal(stat(path, &st), 0);
	return st.st_mode & 07777;
}

static void
assert_untouched(const char *path, const char *text)
{
	struct stat st;

	assert_file(path, text);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mtime, OLD_TIME);
}

/* Committing what was added */

static void
test_output_commit_writes_new_files_and_parents(void **state)
{
	struct fixture *fx = *state;

	add(fx, "a/b//c/deep.txt", "deep\n");
	add(fx, "top.txt", "top\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	assert_true(fx->set.items[0].changed);
	assert_true(fx->set.items[1].changed);
	assert_file("a/b/c/deep.txt", "deep\n");
	assert_file("top.txt", "top\n");
	assert_int_equal(mode_of("top.txt"), 0644);
	assert_int_equal(mode_of("a/b/c/deep.txt"), 0644);
	assert_int_equal(mode_of("a/b"), 0755);
	assert_listing(".", "a top.txt");
	assert_listing("a/b/c", "deep.txt");
}

static void
test_output_commit_leaves_unchanged_file_alone(void **state)
{
	struct fixture *fx = *state;
	struct stat before, after;

	put_file("same.txt", "same\n", 0644);
	put_file("other.txt", "old\n", 0644);
	assert_int_equal(stat("same.txt", &before), 0);
	add(fx, "same.txt", "same\n");
	add(fx, "other.txt", "new\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_false(fx->set.items[0].changed);
	assert_true(fx->set.items[1].changed);
	assert_untouched("same.txt", "same\n");
	assert_int_equal(stat("same.txt", &after), 0);
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(stat("other.txt", &after), 0);
	assert_true(after.st_mtime != OLD_TIME);
	assert_file("other.txt", "new\n");
}

/*
 * Content pairs that differ only at the edges: a prefix either way, the
 * last byte, empty files, and files larger than one read, both ways:
 * settled, and added then committed.
 */
static void
test_output_replaces_only_changed_content(void **state)
{
	static const struct {
		const char *name, *old, *new;
		bool changed;
	} rows[] = {
		{ "shorter", "abcdef", "abc", true },
		{ "longer", "abc", "abcdef", true },
		{ "last byte", "abd", "abc", true },
		{ "from empty", "", "x", true },
		{ "to empty", "x", "", true },
		{ "both empty", "", "", false },
		{ "equal", "abc", "abc", false },
	};
	struct fixture *fx = *state;
	struct stat before, after;
	size_t i;
	int settled;

	for (settled = 0; settled <= 1; settled++)
	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("row: %s, settled %d\n", rows[i].name, settled);
		put_file("f.txt", rows[i].old, 0644);
		assert_int_equal(stat("f.txt", &before), 0);
		if (settled)
			assert_int_equal(settle(fx, "f.txt", rows[i].new), 0);
		else
			add(fx, "f.txt", rows[i].new);
		assert_int_equal(output_commit(&fx->set, &fx->d), 0);
		assert_int_equal(fx->set.items[0].changed, rows[i].changed);
		assert_file("f.txt", rows[i].new);
		assert_int_equal(stat("f.txt", &after), 0);
		assert_int_equal(after.st_ino != before.st_ino,
		    rows[i].changed);
		assert_int_equal(after.st_mtime == OLD_TIME, !rows[i].changed);
		assert_listing(".", "f.txt");
		output_set_release(&fx->set);
	}
}

/*
 * Larger than one read chunk: the same, differing only in the very last
 * byte, and one byte shorter.
 */
static void
test_output_compares_large_files(void **state)
{
	struct fixture *fx = *state;
	size_t len = 300000, i;
	char *text = xmalloc(len + 1);

	memset(text, 'a', len);
	text[len] = '\0';
	put_file("big.txt", text, 0644);
	i = output_reserve(&fx->set, 3);
	assert_int_equal(output_settle(&fx->set, i, "big.txt", text, len,
	    &fx->d), 0);
	assert_false(fx->set.items[i].changed);
	assert_int_equal(output_settle(&fx->set, i + 1, "big.txt", text,
	    len - 1, &fx->d), 0);
	assert_true(fx->set.items[i + 1].changed);
	text[len - 1] = 'b';
	assert_int_equal(output_settle(&fx->set, i + 2, "big.txt", text, len,
	    &fx->d), 0);
	assert_true(fx->set.items[i + 2].changed);
	free(text);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	text = slurp("big.txt");
	assert_int_equal(strlen(text), len);
	assert_int_equal(text[len - 1], 'b');
	free(text);
	assert_listing(".", "big.txt");
}

/* Modes */

/*
 * A new file gets 0666 less the umask read by output_set_init, whatever
 * the umask is by the time it is written (threads may be running then).
 */
static void
test_output_new_file_mode_follows_umask_read_at_init(void **state)
{
	struct fixture *fx = *state;

	umask(027);
	output_set_init(&fx->set);
	umask(077);
	assert_int_equal(settle(fx, "s.txt", "x"), 0);
	add(fx, "c.txt", "y");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(mode_of("s.txt"), 0640);
	assert_int_equal(mode_of("c.txt"), 0640);
}

static void
test_output_replaced_file_keeps_mode(void **state)
{
	struct fixture *fx = *state;

	put_file("script.sh", "old\n", 0751);
	put_file("secret.txt", "old\n", 0600);
	assert_int_equal(settle(fx, "script.sh", "new\n"), 0);
	add(fx, "secret.txt", "new\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_file("script.sh", "new\n");
	assert_file("secret.txt", "new\n");
	assert_int_equal(mode_of("script.sh"), 0751);
	assert_int_equal(mode_of("secret.txt"), 0600);
}

/* Settling */

/*
 * A settled output is compared and written to a hidden temporary file
 * beside its target at once, its bytes are freed, and only the commit
 * renames it; an unchanged one gets no temporary file and keeps its
 * mtime; missing directories are made while settling.
 */
static void
test_output_settle_writes_temp_until_commit(void **state)
{
	struct fixture *fx = *state;
	struct stat st;

	put_file("same.txt", "same\n", 0644);
	put_file("old.txt", "old\n", 0644);
	assert_int_equal(output_reserve(&fx->set, 3), 0);
	assert_int_equal(output_settle(&fx->set, 2, "sub/new.txt",
	    "brand new\n", 10, &fx->d), 0);
	assert_int_equal(output_settle(&fx->set, 0, "same.txt",
	    "same\n", 5, &fx->d), 0);
	assert_int_equal(output_settle(&fx->set, 1, "old.txt",
	    "new\n", 4, &fx->d), 0);
	assert_false(fx->set.items[0].changed);
	assert_true(fx->set.items[1].changed);
	assert_null(fx->set.items[0].data);
	assert_null(fx->set.items[1].data);
	assert_null(fx->set.items[0].temp);
	assert_file(fx->set.items[1].temp, "new\n");
	assert_int_equal(strncmp(fx->set.items[1].temp, ".old.txt.", 9), 0);
	assert_int_equal(strncmp(fx->set.items[2].temp, "sub/.new.txt.", 13),
	    0);
	assert_int_equal(mode_of(fx->set.items[1].temp), 0644);
	assert_listing(".", "? old.txt same.txt sub");
	assert_listing("sub", "?");
	assert_untouched("old.txt", "old\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	assert_null(fx->set.items[1].temp);
	assert_file("old.txt", "new\n");
	assert_file("sub/new.txt", "brand new\n");
	assert_int_equal(mode_of("sub/new.txt"), 0644);
	assert_int_equal(stat("same.txt", &st), 0);
	assert_int_equal(st.st_mtime, OLD_TIME);
	assert_listing(".", "old.txt same.txt sub");
	assert_listing("sub", "new.txt");
}

/* Settles path with text handed over in parts of `part` bytes first. */
static int
spill_settle(struct fixture *fx, const char *path, const char *text,
    size_t part)
{
	size_t i = output_reserve(&fx->set, 1), n = strlen(text), at = 0;

	for (; n - at > part; at += part)
		if (output_spill(&fx->set, i, path, text + at, part,
		    &fx->d) != 0)
			return -1;
	return output_settle(&fx->set, i, path, text + at, n - at, &fx->d);
}

/*
 * An output written in parts is compared as a whole file with its
 * target: the same bytes leave the target alone and no file behind,
 * whatever the parts; one byte more, less or else replaces it.
 */
static void
test_output_spilled_output_compares_whole(void **state)
{
	static const struct {
		const char *old, *text;
		size_t part;
		bool changed;
	} rows[] = {
		{ "abcdef\n", "abcdef\n", 1, false },
		{ "abcdef\n", "abcdef\n", 3, false },
		{ "abcdef\n", "abcdef\n", 7, false },
		{ "abcdef\n", "abcdef", 2, true },
		{ "abcdef\n", "abcdef\nx", 2, true },
		{ "abcdef\n", "abcdeF\n", 2, true },
		{ "abcdef\n", "Abcdef\n", 4, true },
		{ NULL, "abcdef\n", 2, true },
	};
	struct fixture *fx = *state;
	char name[32];
	size_t k;

	for (k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		snprintf(name, sizeof(name), "f%zu.txt", k);
		if (rows[k].old != NULL)
			put_file(name, rows[k].old, 0600);
		assert_int_equal(spill_settle(fx, name, rows[k].text,
		    rows[k].part), 0);
		assert_int_equal(fx->set.items[k].changed, rows[k].changed);
		assert_int_equal(fx->set.items[k].temp != NULL,
		    rows[k].changed);
	}
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	for (k = 0; k < sizeof(rows) / sizeof(rows[0]); k++) {
		snprintf(name, sizeof(name), "f%zu.txt", k);
		if (!rows[k].changed)
			assert_untouched(name, rows[k].text);
		else
			assert_file(name, rows[k].text);
		if (rows[k].old != NULL)
			assert_int_equal(mode_of(name), 0600);
	}
	assert_int_equal(mode_of("f7.txt"), 0644);
	assert_listing(".", "f0.txt f1.txt f2.txt f3.txt f4.txt f5.txt "
	    "f6.txt f7.txt");
}

/*
 * Files are compared a chunk of 64 KiB at a time: equal or not across
 * the edge of a chunk, and a target longer than the output by one byte
 * right after a full chunk.
 */
static void
test_output_spilled_output_across_chunks(void **state)
{
	struct fixture *fx = *state;
	size_t n = 65536 + 1, k;
	char *text = xmalloc(n + 2), *other = xmalloc(n + 2);

	memset(text, 'a', n);
	text[n] = '\0';
	put_file("same.txt", text, 0644);
	put_file("last.txt", text, 0644);
	put_file("long.txt", text, 0644);
	assert_int_equal(spill_settle(fx, "same.txt", text, 4096), 0);
	memcpy(other, text, n + 1);
	other[n - 1] = 'b';
	assert_int_equal(spill_settle(fx, "last.txt", other, 4096), 0);
	other[n - 1] = '\0';
	assert_int_equal(spill_settle(fx, "long.txt", other, 4096), 0);
	for (k = 0; k < 3; k++)
		assert_int_equal(fx->set.items[k].changed, k > 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_untouched("same.txt", text);
	assert_file("long.txt", other);
	other[n - 1] = 'b';
	assert_file("last.txt", other);
	free(text);
	free(other);
}

/*
 * A file that cannot be made is reported at the first part, once, and
 * the output fails when it settles; a stream keeps its parts.
 */
static void
test_output_spill_failures_and_streams(void **state)
{
	struct fixture *fx = *state;
	size_t i = output_reserve(&fx->set, 2);

	put_file("file", "x\n", 0644);
	assert_int_equal(output_spill(&fx->set, i, "file/out.txt", "ab", 2,
	    &fx->d), -1);
	assert_int_equal(output_spill(&fx->set, i, "file/out.txt", "cd", 2,
	    &fx->d), -1);
	assert_int_equal(output_settle(&fx->set, i, "file/out.txt", "e", 1,
	    &fx->d), -1);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0, "gen: error: file: Not a directory");
	assert_null(fx->set.items[i].path);
	assert_int_equal(output_spill(&fx->set, i + 1, "-", "ab", 2,
	    &fx->d), 0);
	assert_int_equal(output_settle(&fx->set, i + 1, "-", "c", 1, &fx->d),
	    0);
	assert_int_equal(fx->set.items[i + 1].len, 3);
	assert_memory_equal(fx->set.items[i + 1].data, "abc", 3);
	assert_listing(".", "file");
}

/* Released before the commit, a settled set changes nothing. */
static void
test_output_release_removes_uncommitted_temps(void **state)
{
	struct fixture *fx = *state;

	put_file("a.txt", "old\n", 0644);
	assert_int_equal(settle(fx, "a.txt", "new\n"), 0);
	assert_int_equal(settle(fx, "sub/b.txt", "b\n"), 0);
	assert_listing(".", "? a.txt sub");
	assert_listing("sub", "?");
	output_set_release(&fx->set);
	assert_untouched("a.txt", "old\n");
	/* Directories made on the way stay, as with a failed commit. */
	assert_listing(".", "a.txt sub");
	assert_listing("sub", "");
}

/*
 * A run killed with SIGKILL after settling leaves every target as it
 * was, and its temporary files hidden beside them: no program can
 * remove them then.
 */
static void
test_output_killed_run_leaves_targets_whole(void **state)
{
	struct fixture *fx = *state;
	int status, ready[2];
	pid_t pid;
	char c;

	put_file("a.txt", "old\n", 0644);
	assert_int_equal(pipe(ready), 0);
	assert_true((pid = fork()) != -1);
	/*
	 * The parent kills the child, as a user would: a child killing
	 * itself lets valgrind report its leaks first.
	 */
	if (pid == 0) {
		close(ready[0]);
		if (settle(fx, "a.txt", "new\n") != 0 ||
		    settle(fx, "sub/b.txt", "b\n") != 0 ||
		    write(ready[1], "x", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(ready[1]);
	assert_int_equal(read(ready[0], &c, 1), 1);
	close(ready[0]);
	assert_int_equal(kill(pid, SIGKILL), 0);
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGKILL);
	assert_untouched("a.txt", "old\n");
	assert_listing(".", "? a.txt sub");
	assert_listing("sub", "?");
}

struct slot_job {
	struct output_set *set;
	size_t i;
	struct diag d;
	int rc;
};

static void *
settle_slot(void *arg)
{
	struct slot_job *j = arg;
	char path[32], text[32];

	snprintf(path, sizeof(path), "d%zu/f%zu.txt", j->i % 3, j->i);
	snprintf(text, sizeof(text), "file %zu\n", j->i);
	j->rc = output_settle(j->set, j->i, path, text, strlen(text), &j->d);
	return NULL;
}

/*
 * Slots settle on threads of their own, at once, some making the same
 * directories; the commit renames them all.
 */
static void
test_output_settles_slots_on_threads(void **state)
{
	struct fixture *fx = *state;
	struct slot_job jobs[12];
	pthread_t tid[12];
	char path[32], text[32];
	size_t i;

	assert_int_equal(output_reserve(&fx->set, 12), 0);
	for (i = 0; i < 12; i++) {
		jobs[i].set = &fx->set;
		jobs[i].i = i;
		diag_init(&jobs[i].d);
		assert_int_equal(pthread_create(&tid[i], NULL, settle_slot,
		    &jobs[i]), 0);
	}
	for (i = 0; i < 12; i++) {
		assert_int_equal(pthread_join(tid[i], NULL), 0);
		assert_int_equal(jobs[i].rc, 0);
		assert_int_equal(jobs[i].d.n, 0);
		diag_release(&jobs[i].d);
	}
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	for (i = 0; i < 12; i++) {
		snprintf(path, sizeof(path), "d%zu/f%zu.txt", i % 3, i);
		snprintf(text, sizeof(text), "file %zu\n", i);
		assert_file(path, text);
	}
	assert_listing("d0", "f0.txt f3.txt f6.txt f9.txt");
}

/* Repeats */

/*
 * A path added or settled twice is written once, with its last bytes,
 * in the place of its first; a temporary file of the first goes.
 */
static void
test_output_repeated_path_keeps_last_bytes(void **state)
{
	struct fixture *fx = *state;

	put_file("x.txt", "old\n", 0644);
	assert_int_equal(settle(fx, "x.txt", "one\n"), 0);
	add(fx, "y.txt", "why\n");
	assert_int_equal(settle(fx, "x.txt", "old\n"), 0);
	add(fx, "z.txt", "1\n");
	add(fx, "z.txt", "2\n");
	assert_listing(".", "? x.txt");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_string_equal(fx->set.items[0].path, "x.txt");
	assert_null(fx->set.items[2].path);
	assert_untouched("x.txt", "old\n");
	assert_file("y.txt", "why\n");
	assert_file("z.txt", "2\n");
	assert_listing(".", "x.txt y.txt z.txt");
}

/* Special targets */

/* A symbolic link stays a link: the file behind it is replaced there. */
static void
test_output_replaces_through_symlink(void **state)
{
	struct fixture *fx = *state;
	struct stat st;

	assert_int_equal(mkdir("real", 0777), 0);
	assert_int_equal(mkdir("links", 0777), 0);
	assert_int_equal(symlink("../real/f.txt", "links/hop.txt"), 0);
	assert_int_equal(symlink("links/hop.txt", "link.txt"), 0);
	put_file("real/f.txt", "old\n", 0600);
	assert_int_equal(settle(fx, "link.txt", "new\n"), 0);
	assert_listing("real", "? f.txt");
	add(fx, "links/hop.txt", "newer\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(lstat("link.txt", &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_int_equal(lstat("links/hop.txt", &st), 0);
	assert_true(S_ISLNK(st.st_mode));
	assert_file("real/f.txt", "newer\n");
	assert_int_equal(mode_of("real/f.txt"), 0600);
	assert_listing(".", "link.txt links real");
	assert_listing("real", "f.txt");
}

/* A link to nothing is replaced by a file, as a missing target is. */
static void
test_output_replaces_dangling_symlink(void **state)
{
	struct fixture *fx = *state;
	struct stat st;

	assert_int_equal(symlink("nowhere/f.txt", "link.txt"), 0);
	assert_int_equal(settle(fx, "link.txt", "new\n"), 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(lstat("link.txt", &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_file("link.txt", "new\n");
}

/*
 * A FIFO is written in place at the commit, never replaced, with the
 * bytes settled: the caller's buffer is free again at once.
 */
static void
test_output_writes_fifo_in_place(void **state)
{
	struct fixture *fx = *state;
	struct stat st;
	char got[32], text[] = "through\n";
	ssize_t n;
	int rd;

	assert_int_equal(mkfifo("fifo", 0644), 0);
	/* A reader first, so that opening for writing does not block. */
	assert_true((rd = open("fifo", O_RDONLY | O_NONBLOCK)) >= 0);
	assert_int_equal(settle(fx, "fifo", text), 0);
	memset(text, 'x', 8);
	assert_true(fx->set.items[0].stream);
	assert_int_equal(fx->set.items[0].len, 8);
	assert_int_equal(read(rd, got, sizeof(got)), 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	n = read(rd, got, sizeof(got) - 1);
	close(rd);
	assert_int_equal(n, 8);
	got[n] = '\0';
	assert_string_equal(got, "through\n");
	assert_int_equal(lstat("fifo", &st), 0);
	assert_true(S_ISFIFO(st.st_mode));
	assert_listing(".", "fifo");
}

/* Runs output_commit with standard output sent to the file out. */
static int
commit_to(struct fixture *fx, const char *out)
{
	int saved, fd, rc;

	fflush(stdout);
	assert_true((saved = dup(STDOUT_FILENO)) >= 0);
	assert_true((fd = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0644)) >= 0);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	rc = output_commit(&fx->set, &fx->d);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	return rc;
}

static void
test_output_writes_stdout(void **state)
{
	struct fixture *fx = *state;

	add(fx, "-", "to stdout\n");
	assert_int_equal(settle(fx, "file.txt", "to file\n"), 0);
	assert_int_equal(commit_to(fx, "captured"), 0);
	assert_true(fx->set.items[0].changed);
	assert_file("captured", "to stdout\n");
	assert_file("file.txt", "to file\n");
	assert_listing(".", "captured file.txt");
}

/* Standard output is written before any rename: its failure stops all. */
static void
test_output_stdout_failure_changes_no_target(void **state)
{
	struct fixture *fx = *state;

	put_file("a.txt", "old\n", 0644);
	assert_int_equal(settle(fx, "a.txt", "new\n"), 0);
	add(fx, "-", "to stdout\n");
	assert_int_equal(commit_to(fx, "/dev/full"), -1);
	assert_int_equal(fx->d.fail, DIAG_IOERR);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0,
	    "gen: error: standard output: No space left on device");
	assert_untouched("a.txt", "old\n");
	assert_listing(".", "a.txt");
}

/*
 * With standard input closed, mkstemp hands out descriptor 0: the
 * temporary file must still be written, closed and renamed.
 */
static void
test_output_temp_on_descriptor_zero(void **state)
{
	struct fixture *fx = *state;
	int saved;

	put_file("a.txt", "old\n", 0644);
	saved = dup(STDIN_FILENO);	/* -1: closed already */
	close(STDIN_FILENO);
	assert_int_equal(settle(fx, "a.txt", "new\n"), 0);
	assert_int_equal(settle(fx, "b.txt", "b\n"), 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	/* Descriptor 0 is free again: nothing was left open on it. */
	assert_int_equal(fcntl(STDIN_FILENO, F_GETFD), -1);
	if (saved >= 0) {
		assert_int_equal(dup2(saved, STDIN_FILENO), STDIN_FILENO);
		close(saved);
	}
	assert_file("a.txt", "new\n");
	assert_file("b.txt", "b\n");
	assert_listing(".", "a.txt b.txt");
}

/* Failures */

/*
 * The second file cannot be created after the first one's temporary file
 * is already written: no target changes and no temporary file stays.
 */
static void
test_output_commit_failure_changes_no_target(void **state)
{
	struct fixture *fx = *state;

	assert_int_equal(mkdir("sub", 0777), 0);
	put_file("sub/first.txt", "old\n", 0644);
	put_file("blocker", "i am a file\n", 0644);
	assert_int_equal(settle(fx, "settled.txt", "s\n"), 0);
	add(fx, "sub/first.txt", "new\n");
	add(fx, "blocker/second.txt", "x\n");
	add(fx, "third.txt", "3\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_CANTCREAT);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0, "gen: error: blocker: Not a directory");
	assert_untouched("sub/first.txt", "old\n");
	assert_listing(".", "blocker sub");
	assert_listing("sub", "first.txt");
}

/*
 * Every output is compared before any is written: a target that is a
 * directory fails the commit before the first temporary file is made.
 */
static void
test_output_commit_reports_unreadable_target(void **state)
{
	struct fixture *fx = *state;

	put_file("first.txt", "old\n", 0644);
	put_file("blocker", "x\n", 0644);
	assert_int_equal(mkdir("dir", 0777), 0);
	add(fx, "blocker/x.txt", "new\n");
	add(fx, "dir", "x\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_CANTCREAT);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0, "gen: error: dir: Is a directory");
	assert_listing(".", "blocker dir first.txt");
	assert_listing("dir", "");
}

/*
 * What cannot be settled is reported with the path that failed and
 * leaves its slot empty, with nothing on disk: a parent that is a file,
 * a temporary name too long for the directory, a directory target.
 */
static void
test_output_settle_reports_failures(void **state)
{
	struct fixture *fx = *state;
	char name[256], want[320];

	memset(name, 'n', 250);
	name[250] = '\0';
	snprintf(want, sizeof(want), "gen: error: %s: File name too long",
	    name);
	put_file("file", "x\n", 0644);
	assert_int_equal(mkdir("dir", 0777), 0);
	assert_int_equal(settle(fx, "file/sub/out.txt", "text\n"), -1);
	assert_int_equal(settle(fx, name, "text\n"), -1);
	assert_int_equal(settle(fx, "dir", "text\n"), -1);
	assert_int_equal(settle(fx, "dir", ""), -1);
	assert_int_equal(fx->d.n, 4);
	assert_int_equal(fx->d.fail, DIAG_CANTCREAT);
	assert_diag(&fx->d, 0, "gen: error: file: Not a directory");
	assert_diag(&fx->d, 1, want);
	assert_diag(&fx->d, 2, "gen: error: dir: Is a directory");
	assert_diag(&fx->d, 3, "gen: error: dir: Is a directory");
	assert_int_equal(fx->set.n, 4);
	assert_null(fx->set.items[0].path);
	assert_null(fx->set.items[3].path);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_listing(".", "dir file");
	assert_listing("dir", "");
}

/*
 * A rename failing midway (the directory moved away): the targets
 * before it are replaced, the temporary files after it removed.
 */
static void
test_output_rename_failure_midway(void **state)
{
	struct fixture *fx = *state;

	put_file("a.txt", "old\n", 0644);
	put_file("c.txt", "old\n", 0644);
	assert_int_equal(settle(fx, "a.txt", "new\n"), 0);
	assert_int_equal(settle(fx, "sub/b.txt", "b\n"), 0);
	assert_int_equal(settle(fx, "c.txt", "new\n"), 0);
	assert_int_equal(rename("sub", "gone"), 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_IOERR);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0,
	    "gen: error: sub/b.txt: No such file or directory");
	assert_file("a.txt", "new\n");
	assert_untouched("c.txt", "old\n");
	assert_listing(".", "a.txt c.txt gone");
}

/* Checking */

static void
test_output_check_reports_stale_and_missing(void **state)
{
	struct fixture *fx = *state;

	put_file("same.txt", "same\n", 0644);
	put_file("stale.txt", "old\n", 0644);
	assert_int_equal(mkdir("dir", 0777), 0);
	add(fx, "same.txt", "same\n");
	add(fx, "stale.txt", "new\n");
	add(fx, "sub/missing.txt", "m\n");
	add(fx, "-", "never compared\n");
	add(fx, "dir", "d\n");
	assert_int_equal(output_check(&fx->set, false, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_STALE);
	assert_int_equal(fx->d.n, 3);
	assert_diag(&fx->d, 0, "gen: error: stale.txt: out of date");
	assert_diag(&fx->d, 1, "gen: error: sub/missing.txt: missing");
	assert_diag(&fx->d, 2, "gen: error: dir: Is a directory");
	assert_false(fx->set.items[0].changed);
	assert_true(fx->set.items[1].changed);
	assert_true(fx->set.items[2].changed);
	assert_false(fx->set.items[3].changed);
	assert_untouched("stale.txt", "old\n");
	assert_listing(".", "dir same.txt stale.txt");
}

static void
test_output_check_passes_when_current(void **state)
{
	struct fixture *fx = *state;

	add(fx, "a/one.txt", "1\n");
	add(fx, "two.txt", "");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(output_check(&fx->set, false, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	assert_int_equal(fx->d.fail, DIAG_OK);
	assert_false(fx->set.items[0].changed);
	assert_false(fx->set.items[1].changed);
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)


int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_output_commit_writes_new_files_and_parents),
		T(test_output_commit_leaves_unchanged_file_alone),
		T(test_output_replaces_only_changed_content),
		T(test_output_compares_large_files),
		T(test_output_new_file_mode_follows_umask_read_at_init),
		T(test_output_replaced_file_keeps_mode),
		T(test_output_spilled_output_compares_whole),
		T(test_output_spilled_output_across_chunks),
		T(test_output_spill_failures_and_streams),
		T(test_output_settle_writes_temp_until_commit),
		T(test_output_release_removes_uncommitted_temps),
		T(test_output_killed_run_leaves_targets_whole),
		T(test_output_settles_slots_on_threads),
		T(test_output_repeated_path_keeps_last_bytes),
		T(test_output_replaces_through_symlink),
		T(test_output_replaces_dangling_symlink),
		T(test_output_writes_fifo_in_place),
		T(test_output_writes_stdout),
		T(test_output_stdout_failure_changes_no_target),
		T(test_output_temp_on_descriptor_zero),
		T(test_output_commit_failure_changes_no_target),
		T(test_output_commit_reports_unreadable_target),
		T(test_output_settle_reports_failures),
		T(test_output_rename_failure_midway),
		T(test_output_check_reports_stale_and_missing),
		T(test_output_check_passes_when_current),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
