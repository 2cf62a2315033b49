/*
 * Tests for output.c.  Each test runs inside its own fresh directory made
 * with mkdtemp under /tmp, so every path below is relative and every
 * diagnostic can be compared in full.  The tests run as root, so failures
 * are forced with a parent path component that is a regular file.
 *
 * Temporary files are unnamed (O_TMPFILE) where the system allows, else
 * named; output_test_no_tmpfile forces the named fallback, and the tests
 * that matter run both ways.
 */
/* O_TMPFILE, to probe for it, is declared only under _GNU_SOURCE. */
#define _GNU_SOURCE

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>

#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "out/output.h"
#include "base/xmalloc.h"

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
	struct output_set empty = OUTPUT_SET_INIT;

	strcpy(fx->dir, "/tmp/test_output.XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	assert_non_null(getcwd(fx->cwd, sizeof(fx->cwd)));
	assert_int_equal(chdir(fx->dir), 0);
	fx->mask = umask(022);
	output_test_no_tmpfile = false;
	diag_init(&fx->d);
	fx->set = empty;
	*state = fx;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *fx = *state;

	output_set_release(&fx->set);
	assert_int_equal(fx->set.held, 0);
	output_test_no_tmpfile = false;
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
	output_add(&fx->set, path, xstrndup(text, strlen(text)),
	    strlen(text));
}

/* Settles path with text at once, through a writer fed in one piece. */
static int
stage(struct fixture *fx, const char *path, const char *text)
{
	struct output_writer w;

	output_begin(&fx->set, path, &w);
	output_feed(&w, text, strlen(text));
	return output_finish(&w, &fx->d);
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

/* Asserts that dir holds exactly the names in want ("a b c", sorted). */
static void
assert_listing(const char *dir, const char *want)
{
	char got[32 * 257] = "", names[32][256];
	struct dirent *e;
	size_t n = 0, i, j;
	DIR *dp;

	assert_non_null(dp = opendir(dir));
	while ((e = readdir(dp)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		assert_true(n < 32);
		snprintf(names[n++], sizeof(names[0]), "%s", e->d_name);
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
	s = diag_format(d, i);
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

/*
 * Whether the current directory takes unnamed files.  Where it does not,
 * gen falls back to named ones, and the tests say so rather than fail.
 */
static bool
tmpfile_works(void)
{
#ifdef O_TMPFILE
	int fd = open(".", O_TMPFILE | O_RDWR, 0600);

	if (fd != -1) {
		close(fd);
		return true;
	}
#endif
	print_message("note: no O_TMPFILE here: only the named fallback "
	    "is tested\n");
	return false;
}

/* Counts the hidden (temporary) names in dir. */
static size_t
count_hidden(const char *dir)
{
	struct dirent *e;
	size_t n = 0;
	DIR *dp;

	assert_non_null(dp = opendir(dir));
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0)
			n++;
	closedir(dp);
	return n;
}

/* Removes what count_hidden counts. */
static void
remove_hidden(const char *dir)
{
	struct dirent *e;
	char sub[PATH_MAX];
	DIR *dp;

	assert_non_null(dp = opendir(dir));
	while ((e = readdir(dp)) != NULL)
		if (e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		    strcmp(e->d_name, "..") != 0) {
			snprintf(sub, sizeof(sub), "%s/%s", dir, e->d_name);
			remove_tree(sub);
		}
	closedir(dp);
}

/* Adding */

static void
test_output_add_replaces_repeated_path(void **state)
{
	struct fixture *fx = *state;

	add(fx, "x.txt", "one");
	add(fx, "y.txt", "why");
	add(fx, "x.txt", "two!");
	assert_int_equal(fx->set.n, 2);
	assert_string_equal(fx->set.items[0].path, "x.txt");
	assert_int_equal(fx->set.items[0].len, 4);
	assert_memory_equal(fx->set.items[0].data, "two!", 4);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_file("x.txt", "two!");
}

/* Committing */

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
test_output_commit_new_file_mode_follows_umask(void **state)
{
	struct fixture *fx = *state;

	umask(027);
	add(fx, "f.txt", "x");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(mode_of("f.txt"), 0640);
}

/*
 * Writers may complete on several threads, where reading the umask
 * (which sets it) is not safe: the set's own copy is used, as read
 * before, whatever the process's is by then.
 */
static void
test_output_writer_uses_umask_read_before(void **state)
{
	struct fixture *fx = *state;

	umask(027);
	output_set_umask(&fx->set);
	umask(077);
	assert_int_equal(stage(fx, "w.txt", "x"), 0);
	add(fx, "c.txt", "y");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(mode_of("w.txt"), 0640);
	assert_int_equal(mode_of("c.txt"), 0640);
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
	assert_int_equal(stat("same.txt", &after), 0);
	assert_int_equal(after.st_mtime, OLD_TIME);
	assert_int_equal(after.st_ino, before.st_ino);
	assert_int_equal(stat("other.txt", &after), 0);
	assert_true(after.st_mtime != OLD_TIME);
	assert_file("other.txt", "new\n");
}

/*
 * Content pairs that differ only at the edges: a prefix either way, the
 * last byte, and empty files.
 */
static void
test_output_commit_replaces_changed_content(void **state)
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

	for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		print_message("row: %s\n", rows[i].name);
		put_file("f.txt", rows[i].old, 0644);
		assert_int_equal(stat("f.txt", &before), 0);
		add(fx, "f.txt", rows[i].new);
		assert_int_equal(output_commit(&fx->set, &fx->d), 0);
		assert_int_equal(fx->set.items[0].changed, rows[i].changed);
		assert_file("f.txt", rows[i].new);
		assert_int_equal(stat("f.txt", &after), 0);
		assert_int_equal(after.st_ino != before.st_ino,
		    rows[i].changed);
		assert_listing(".", "f.txt");
	}
}

/* Larger than one read chunk, differing only in the very last byte. */
static void
test_output_commit_compares_large_files(void **state)
{
	struct fixture *fx = *state;
	size_t len = 100000;
	char *text = xmalloc(len + 1);
	char *s;

	memset(text, 'a', len);
	text[len] = '\0';
	put_file("big.txt", text, 0644);
	text[len - 1] = 'b';
	output_add(&fx->set, "big.txt", text, len);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_true(fx->set.items[0].changed);
	s = slurp("big.txt");
	assert_int_equal(strlen(s), len);
	assert_int_equal(s[len - 1], 'b');
	free(s);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_false(fx->set.items[0].changed);
}

static void
test_output_commit_keeps_existing_permissions(void **state)
{
	struct fixture *fx = *state;

	put_file("script.sh", "old\n", 0751);
	put_file("secret.txt", "old\n", 0600);
	add(fx, "script.sh", "new\n");
	add(fx, "secret.txt", "new\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_file("script.sh", "new\n");
	assert_int_equal(mode_of("script.sh"), 0751);
	assert_int_equal(mode_of("secret.txt"), 0600);
}

/*
 * The second file cannot be created after the first one's temporary file
 * is already written: the first target must keep its old content and no
 * temporary file may stay behind.
 */
static void
test_output_commit_failure_changes_no_target(void **state)
{
	struct fixture *fx = *state;
	struct stat st;

	assert_int_equal(mkdir("sub", 0777), 0);
	put_file("sub/first.txt", "old\n", 0644);
	put_file("blocker", "i am a file\n", 0644);
	add(fx, "sub/first.txt", "new\n");
	add(fx, "blocker/second.txt", "x\n");
	add(fx, "third.txt", "3\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_CANTCREAT);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0, "gen: error: blocker: Not a directory");
	assert_file("sub/first.txt", "old\n");
	assert_int_equal(stat("sub/first.txt", &st), 0);
	assert_int_equal(st.st_mtime, OLD_TIME);
	assert_listing(".", "blocker sub");
	assert_listing("sub", "first.txt");
}

/* A target that is a directory fails while comparing, before any write. */
static void
test_output_commit_reports_unreadable_target(void **state)
{
	struct fixture *fx = *state;

	put_file("first.txt", "old\n", 0644);
	assert_int_equal(mkdir("dir", 0777), 0);
	add(fx, "first.txt", "new\n");
	add(fx, "dir", "x\n");
	assert_int_equal(output_commit(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_IOERR);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0, "gen: error: dir: Is a directory");
	assert_file("first.txt", "old\n");
	assert_listing(".", "dir first.txt");
	assert_listing("dir", "");
}

static void
test_output_commit_writes_stdout(void **state)
{
	struct fixture *fx = *state;
	int saved, fd;

	add(fx, "-", "to stdout\n");
	add(fx, "file.txt", "to file\n");
	fflush(stdout);
	assert_true((saved = dup(STDOUT_FILENO)) >= 0);
	fd = open("captured", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	assert_true(fd >= 0);
	assert_int_equal(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
	close(fd);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	fflush(stdout);
	assert_int_equal(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
	close(saved);
	assert_true(fx->set.items[0].changed);
	assert_file("captured", "to stdout\n");
	assert_file("file.txt", "to file\n");
	assert_listing(".", "captured file.txt");
}

/*
 * Modes do not depend on the kind of temporary file: a new file gets
 * 0666 less the umask, a replaced one keeps its own.
 */
static void
test_output_commit_modes_same_either_way(void **state)
{
	struct fixture *fx = *state;
	int named;

	umask(027);
	for (named = 0; named <= 1; named++) {
		print_message("named: %d\n", named);
		output_test_no_tmpfile = named;
		put_file("script.sh", "old\n", 0751);
		put_file("secret.txt", "old\n", 0600);
		add(fx, "script.sh", named ? "n1\n" : "n0\n");
		add(fx, "secret.txt", named ? "n1\n" : "n0\n");
		add(fx, named ? "new1.txt" : "new0.txt", "x");
		assert_int_equal(output_commit(&fx->set, &fx->d), 0);
		assert_file("script.sh", named ? "n1\n" : "n0\n");
		assert_int_equal(mode_of("script.sh"), 0751);
		assert_int_equal(mode_of("secret.txt"), 0600);
		assert_int_equal(mode_of(named ? "new1.txt" : "new0.txt"),
		    0640);
		output_set_release(&fx->set);
	}
	assert_listing(".", "new0.txt new1.txt script.sh secret.txt");
}

/*
 * A symbolic link stays a link: the file behind it, in another
 * directory, is replaced, and its temporary file is made there.
 */
static void
test_output_commit_replaces_through_symlink(void **state)
{
	struct fixture *fx = *state;
	struct stat st;
	int named;

	assert_int_equal(mkdir("real", 0777), 0);
	assert_int_equal(symlink("real/f.txt", "link.txt"), 0);
	for (named = 0; named <= 1; named++) {
		print_message("named: %d\n", named);
		output_test_no_tmpfile = named;
		put_file("real/f.txt", "old\n", 0600);
		assert_int_equal(stage(fx, "link.txt",
		    named ? "n1\n" : "n0\n"), 0);
		assert_int_equal(output_commit(&fx->set, &fx->d), 0);
		assert_int_equal(lstat("link.txt", &st), 0);
		assert_true(S_ISLNK(st.st_mode));
		assert_file("real/f.txt", named ? "n1\n" : "n0\n");
		assert_int_equal(mode_of("real/f.txt"), 0600);
		assert_listing(".", "link.txt real");
		assert_listing("real", "f.txt");
		output_set_release(&fx->set);
	}
}

/* A FIFO is written in place, never replaced by a regular file. */
static void
test_output_commit_writes_fifo_in_place(void **state)
{
	struct fixture *fx = *state;
	struct stat st;
	char got[32];
	ssize_t n;
	int rd;

	assert_int_equal(mkfifo("fifo", 0644), 0);
	/* A reader first, so that opening for writing does not block. */
	assert_true((rd = open("fifo", O_RDONLY | O_NONBLOCK)) >= 0);
	assert_int_equal(stage(fx, "fifo", "through\n"), 0);
	assert_int_equal(fx->set.held, 0);
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

/* Checking */

static void
test_output_check_reports_stale_and_missing(void **state)
{
	struct fixture *fx = *state;
	struct stat st;

	put_file("same.txt", "same\n", 0644);
	put_file("stale.txt", "old\n", 0644);
	add(fx, "same.txt", "same\n");
	add(fx, "stale.txt", "new\n");
	add(fx, "sub/missing.txt", "m\n");
	add(fx, "-", "never compared\n");
	assert_int_equal(output_check(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_STALE);
	assert_int_equal(fx->d.n, 2);
	assert_diag(&fx->d, 0, "gen: error: stale.txt: out of date");
	assert_diag(&fx->d, 1, "gen: error: sub/missing.txt: missing");
	assert_false(fx->set.items[0].changed);
	assert_true(fx->set.items[1].changed);
	assert_true(fx->set.items[2].changed);
	assert_false(fx->set.items[3].changed);
	assert_file("stale.txt", "old\n");
	assert_int_equal(stat("stale.txt", &st), 0);
	assert_int_equal(st.st_mtime, OLD_TIME);
	assert_listing(".", "same.txt stale.txt");
}

static void
test_output_check_passes_when_current(void **state)
{
	struct fixture *fx = *state;

	add(fx, "a/one.txt", "1\n");
	add(fx, "two.txt", "");
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(output_check(&fx->set, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	assert_int_equal(fx->d.fail, DIAG_OK);
	assert_false(fx->set.items[0].changed);
	assert_false(fx->set.items[1].changed);
}

/* Staging */

/*
 * A staged file is compared and written to a temporary file at once, its
 * bytes are freed, and only the commit renames it; an unchanged one gets
 * no temporary file and keeps its mtime.  The temporary file has no name
 * until the commit, unless O_TMPFILE is unavailable or, here, turned off.
 */
static void
stage_then_commit(struct fixture *fx, bool named)
{
	struct stat st;

	put_file("same.txt", "same\n", 0644);
	put_file("old.txt", "old\n", 0644);
	assert_int_equal(stage(fx, "same.txt", "same\n"), 0);
	assert_int_equal(stage(fx, "old.txt", "new\n"), 0);
	assert_int_equal(stage(fx, "sub/new.txt", "brand new\n"), 0);
	assert_null(fx->set.items[1].data);
	assert_false(fx->set.items[0].changed);
	assert_true(fx->set.items[1].changed);
	assert_int_equal(fx->set.items[0].fd, -1);
	assert_null(fx->set.items[0].temp);
	if (named) {
		assert_int_equal(fx->set.items[1].fd, -1);
		assert_int_equal(stat(fx->set.items[1].temp, &st), 0);
		assert_int_equal(count_hidden("."), 1);
		assert_int_equal(count_hidden("sub"), 1);
		assert_int_equal(fx->set.held, 0);
	} else {
		assert_true(fx->set.items[1].fd >= 0);
		assert_null(fx->set.items[1].temp);
		assert_listing(".", "old.txt same.txt sub");
		assert_listing("sub", "");
		assert_int_equal(fx->set.held, 2);
	}
	assert_file("old.txt", "old\n");
	assert_int_equal(stat("sub/new.txt", &st), -1);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(fx->set.held, 0);
	assert_int_equal(fx->set.items[1].fd, -1);
	assert_null(fx->set.items[1].temp);
	assert_file("old.txt", "new\n");
	assert_file("sub/new.txt", "brand new\n");
	assert_int_equal(mode_of("sub/new.txt"), 0644);
	assert_int_equal(stat("same.txt", &st), 0);
	assert_int_equal(st.st_mtime, OLD_TIME);
	assert_listing(".", "old.txt same.txt sub");
	assert_listing("sub", "new.txt");
}

static void
test_output_settled_keeps_temp_unnamed_until_commit(void **state)
{
	stage_then_commit(*state, !tmpfile_works());
}

static void
test_output_settled_named_fallback_writes_temp(void **state)
{
	output_test_no_tmpfile = true;
	stage_then_commit(*state, true);
}

/*
 * Released before the commit, a staged set changes nothing and leaves no
 * temporary file; staging a path again drops the earlier temporary file.
 * Both ways: unnamed and named.
 */
static void
test_output_settled_release_leaves_nothing(void **state)
{
	struct fixture *fx = *state;
	bool unnamed = tmpfile_works();
	char want[64];
	int named;

	for (named = 0; named <= 1; named++) {
		print_message("named: %d\n", named);
		output_test_no_tmpfile = named;
		put_file("a.txt", "old\n", 0644);
		assert_int_equal(stage(fx, "a.txt", "first\n"), 0);
		assert_int_equal(stage(fx, "a.txt", "second\n"), 0);
		assert_int_equal(fx->set.n, 1);
		if (named || !unnamed) {
			assert_non_null(fx->set.items[0].temp);
			snprintf(want, sizeof(want), "%s a.txt",
			    fx->set.items[0].temp);
			assert_listing(".", want);
		} else {
			assert_null(fx->set.items[0].temp);
			assert_int_equal(fx->set.held, 1);
			assert_listing(".", "a.txt");
		}
		output_set_release(&fx->set);
		assert_int_equal(fx->set.held, 0);
		assert_file("a.txt", "old\n");
		assert_listing(".", "a.txt");
	}
}

/*
 * The point of unnamed files: a run killed with SIGKILL after staging
 * leaves no temporary file at all (a named one would stay).
 */
static void
test_output_settled_killed_run_leaves_no_temp(void **state)
{
	struct fixture *fx = *state;
	bool unnamed = tmpfile_works();
	int status, named, ready[2];
	pid_t pid;
	char c;

	put_file("a.txt", "old\n", 0644);
	for (named = 0; named <= 1; named++) {
		print_message("named: %d\n", named);
		output_test_no_tmpfile = named;
		assert_int_equal(pipe(ready), 0);
		assert_true((pid = fork()) != -1);
		/*
		 * The parent kills the child, as a user would: a child
		 * killing itself lets valgrind report its leaks first.
		 */
		if (pid == 0) {
			close(ready[0]);
			if (stage(fx, "a.txt", "new\n") != 0 ||
			    stage(fx, "sub/b.txt", "b\n") != 0 ||
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
		assert_file("a.txt", "old\n");
		assert_int_equal(count_hidden("."),
		    named || !unnamed ? 1 : 0);
		assert_int_equal(count_hidden("sub"),
		    named || !unnamed ? 1 : 0);
		remove_tree("sub");
		remove_hidden(".");
		assert_listing(".", "a.txt");
	}
}

/*
 * Unnamed files are all given their names before any rename, so one
 * that cannot be named (its directory moved away) changes no target.
 */
static void
test_output_commit_naming_failure_changes_no_target(void **state)
{
	struct fixture *fx = *state;

	if (!tmpfile_works())
		return;
	put_file("a.txt", "old\n", 0644);
	assert_int_equal(stage(fx, "a.txt", "new\n"), 0);
	assert_int_equal(stage(fx, "sub/b.txt", "b\n"), 0);
	assert_int_equal(fx->set.held, 2);
	assert_int_equal(rename("sub", "gone"), 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), -1);
	assert_int_equal(fx->d.fail, DIAG_IOERR);
	assert_int_equal(fx->d.n, 1);
	assert_diag(&fx->d, 0,
	    "gen: error: sub/b.txt: No such file or directory");
	assert_int_equal(fx->set.held, 0);
	assert_file("a.txt", "old\n");
	assert_listing(".", "a.txt gone");
	assert_listing("gone", "");
}

/*
 * With 100 outputs and a limit of 64 descriptors, staging holds at most
 * a quarter of the limit open; the rest fall back to named files, and
 * the commit (which writes the outputs only added) still succeeds.
 */
static void
test_output_settled_bounds_open_descriptors(void **state)
{
	struct fixture *fx = *state;
	struct rlimit saved, low;
	char path[32], text[32];
	bool unnamed = tmpfile_works();
	int i;

	assert_int_equal(getrlimit(RLIMIT_NOFILE, &saved), 0);
	low = saved;
	low.rlim_cur = 64;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "f%03d.txt", i);
		snprintf(text, sizeof(text), "file %d\n", i);
		if (i < 60)
			assert_int_equal(stage(fx, path, text), 0);
		else
			add(fx, path, text);
	}
	assert_int_equal(fx->set.held, unnamed ? 16 : 0);
	assert_int_equal(count_hidden("."), unnamed ? 60 - 16 : 60);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	assert_int_equal(fx->set.held, 0);
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &saved), 0);
	for (i = 0; i < 100; i++) {
		snprintf(path, sizeof(path), "f%03d.txt", i);
		snprintf(text, sizeof(text), "file %d\n", i);
		assert_file(path, text);
	}
	assert_int_equal(count_hidden("."), 0);
}

/* A target that cannot be created fails the stage and writes nothing. */
static void
test_output_settled_reports_uncreatable_target(void **state)
{
	struct fixture *fx = *state;

	put_file("file", "x\n", 0644);
	assert_int_equal(stage(fx, "file/sub/out.txt", "text\n"), -1);
	assert_int_equal(fx->d.fail, DIAG_CANTCREAT);
	assert_diag(&fx->d, 0, "gen: error: file: Not a directory");
	output_set_release(&fx->set);
	assert_listing(".", "file");
}

/* Writing while rendering */

/*
 * len bytes of text, NUL-free, no two nearby lines alike, so that a
 * misplaced chunk shows; the caller frees the result.
 */
static char *
big_text(size_t len)
{
	char *s = xmalloc(len + 1);
	size_t i;

	for (i = 0; i < len; i++)
		s[i] = i % 61 == 60 ? '\n' : (char)('a' + i * 7 % 26 +
		    i / 61 % 3);
	s[len] = '\0';
	return s;
}

/* Feeds text[0..len) to a writer for path, chunk bytes at a time. */
static int
stream(struct fixture *fx, const char *path, const char *text, size_t len,
    size_t chunk)
{
	struct output_writer w;
	size_t off, k;

	output_begin(&fx->set, path, &w);
	for (off = 0; off < len; off += k) {
		k = len - off < chunk ? len - off : chunk;
		output_feed(&w, text + off, k);
	}
	return output_finish(&w, &fx->d);
}

#define NO_FLIP ((size_t)-1)

/*
 * Old and new content are prefixes of one big text, the new one with
 * at most one byte changed: at the start, in a later chunk, at the end;
 * a target longer or shorter than the output; empty and missing ones.
 */
static const struct {
	const char *name;
	bool missing;
	size_t oldlen, newlen, flip;
} writer_rows[] = {
	{ "same", false, 300000, 300000, NO_FLIP },
	{ "first byte", false, 300000, 300000, 0 },
	{ "past the threshold", false, 300000, 300000,
	    BUF_SINK_THRESHOLD + 5 },
	{ "last byte", false, 300000, 300000, 299999 },
	{ "target longer", false, 300000, 200000, NO_FLIP },
	{ "target shorter", false, 200000, 300000, NO_FLIP },
	{ "to empty", false, 300000, 0, NO_FLIP },
	{ "from empty", false, 0, 10, NO_FLIP },
	{ "both empty", false, 0, 0, NO_FLIP },
	{ "missing", true, 0, 300000, NO_FLIP },
	{ "missing, empty", true, 0, 0, NO_FLIP },
};

/*
 * Streams row i in chunks of the given size and checks what is staged,
 * then what the commit leaves: the new content, and the old file (its
 * inode and mtime) kept when nothing changed.
 */
static void
check_writer_row(struct fixture *fx, size_t i, size_t chunk, bool named)
{
	struct stat before, after;
	char *old, *want;
	bool changed, unnamed = !named && tmpfile_works();

	print_message("row: %s, chunk %zu, named %d\n", writer_rows[i].name,
	    chunk, named);
	output_test_no_tmpfile = named;
	unlink("f.txt");
	if (!writer_rows[i].missing) {
		old = big_text(writer_rows[i].oldlen);
		put_file("f.txt", old, 0640);
		free(old);
		assert_int_equal(stat("f.txt", &before), 0);
	}
	want = big_text(writer_rows[i].newlen);
	if (writer_rows[i].flip != NO_FLIP)
		want[writer_rows[i].flip] = '#';
	changed = writer_rows[i].missing || writer_rows[i].flip != NO_FLIP ||
	    writer_rows[i].oldlen != writer_rows[i].newlen;
	assert_int_equal(stream(fx, "f.txt", want, writer_rows[i].newlen,
	    chunk), 0);
	assert_int_equal(fx->set.n, 1);
	assert_true(fx->set.items[0].staged);
	assert_null(fx->set.items[0].data);
	assert_int_equal(fx->set.items[0].changed, changed);
	assert_int_equal(fx->set.held, changed && unnamed ? 1 : 0);
	assert_int_equal(count_hidden("."), changed && !unnamed ? 1 : 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_int_equal(fx->d.n, 0);
	assert_file("f.txt", want);
	assert_int_equal(mode_of("f.txt"),
	    writer_rows[i].missing ? 0644 : 0640);
	assert_int_equal(stat("f.txt", &after), 0);
	if (!writer_rows[i].missing) {
		assert_int_equal(after.st_ino != before.st_ino, changed);
		assert_int_equal(after.st_mtime == OLD_TIME, !changed);
	}
	assert_listing(".", "f.txt");
	output_set_release(&fx->set);
	free(want);
}

/*
 * Each row fed in small chunks, in chunks of the renderer's size and in
 * one go, to unnamed and to named temporary files.
 */
static void
test_output_writer_replaces_only_changed_content(void **state)
{
	static const size_t chunks[] = { 1000, BUF_SINK_THRESHOLD, 300000 };
	size_t i, c;
	int named;

	for (named = 0; named <= 1; named++)
		for (i = 0; i < sizeof(writer_rows) / sizeof(writer_rows[0]);
		    i++)
			for (c = 0; c < sizeof(chunks) / sizeof(chunks[0]);
			    c++)
				check_writer_row(*state, i, chunks[c], named);
}

/*
 * An aborted writer leaves no temporary file and does not join the set,
 * whether it had found a difference yet or not; an earlier item for the
 * same path stays as it was.  Both ways: unnamed and named.
 */
static void
test_output_writer_abort_leaves_nothing(void **state)
{
	struct fixture *fx = *state;
	struct output_writer w;
	int named;

	for (named = 0; named <= 1; named++) {
		print_message("named: %d\n", named);
		output_test_no_tmpfile = named;
		put_file("a.txt", "old\n", 0644);
		output_begin(&fx->set, "a.txt", &w);
		output_feed(&w, "ol", 2);
		output_abort(&w);
		output_begin(&fx->set, "a.txt", &w);
		output_feed(&w, "new\n", 4);
		output_feed(&w, "more\n", 5);
		output_abort(&w);
		output_begin(&fx->set, "sub/b.txt", &w);
		output_feed(&w, "b\n", 2);
		output_abort(&w);
		assert_int_equal(fx->set.n, 0);
		assert_int_equal(fx->set.held, 0);
		assert_int_equal(stage(fx, "c.txt", "c\n"), 0);
		output_begin(&fx->set, "c.txt", &w);
		output_feed(&w, "other\n", 6);
		output_abort(&w);
		assert_int_equal(fx->set.n, 1);
		assert_int_equal(output_commit(&fx->set, &fx->d), 0);
		assert_file("a.txt", "old\n");
		assert_file("c.txt", "c\n");
		/* Directories made on the way stay, as with a failed commit. */
		assert_listing(".", "a.txt c.txt sub");
		assert_listing("sub", "");
		output_set_release(&fx->set);
		assert_int_equal(unlink("c.txt"), 0);
	}
}

/* A writer for a path already in the set replaces that item. */
static void
test_output_writer_replaces_repeated_path(void **state)
{
	struct fixture *fx = *state;

	put_file("a.txt", "old\n", 0644);
	assert_int_equal(stage(fx, "a.txt", "first\n"), 0);
	add(fx, "b.txt", "b\n");
	assert_int_equal(stream(fx, "a.txt", "second\n", 7, 3), 0);
	assert_int_equal(fx->set.n, 2);
	assert_int_equal(fx->set.held, tmpfile_works() ? 1 : 0);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	assert_file("a.txt", "second\n");
	assert_file("b.txt", "b\n");
	assert_listing(".", "a.txt b.txt");
}

/*
 * Failures are reported by output_finish, as the commit would report
 * them, and leave the set and the directory as they were.
 */
static void
test_output_writer_reports_failures(void **state)
{
	struct fixture *fx = *state;

	put_file("file", "x\n", 0644);
	assert_int_equal(mkdir("dir", 0777), 0);
	assert_int_equal(stream(fx, "file/sub/out.txt", "text\n", 5, 2), -1);
	assert_int_equal(fx->d.fail, DIAG_CANTCREAT);
	assert_diag(&fx->d, 0, "gen: error: file: Not a directory");
	assert_int_equal(stream(fx, "dir", "text\n", 5, 2), -1);
	assert_int_equal(stream(fx, "dir", "", 0, 2), -1);
	assert_int_equal(fx->d.n, 3);
	assert_diag(&fx->d, 1, "gen: error: dir: Is a directory");
	assert_diag(&fx->d, 2, "gen: error: dir: Is a directory");
	assert_int_equal(fx->set.n, 0);
	assert_int_equal(fx->set.held, 0);
	assert_listing(".", "dir file");
	assert_listing("dir", "");
}

/* A FIFO's bytes wait in memory and are written in place at the commit. */
static void
test_output_writer_keeps_fifo_for_commit(void **state)
{
	struct fixture *fx = *state;
	char got[32];
	ssize_t n;
	int rd;

	assert_int_equal(mkfifo("fifo", 0644), 0);
	assert_true((rd = open("fifo", O_RDONLY | O_NONBLOCK)) >= 0);
	assert_int_equal(stream(fx, "fifo", "through\n", 8, 3), 0);
	assert_int_equal(fx->set.held, 0);
	assert_false(fx->set.items[0].staged);
	assert_int_equal(fx->set.items[0].len, 8);
	assert_int_equal(output_commit(&fx->set, &fx->d), 0);
	n = read(rd, got, sizeof(got) - 1);
	close(rd);
	assert_int_equal(n, 8);
	got[n] = '\0';
	assert_string_equal(got, "through\n");
	assert_listing(".", "fifo");
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int
main(void)
{
	const struct CMUnitTest tests[] = {
		T(test_output_add_replaces_repeated_path),
		T(test_output_commit_writes_new_files_and_parents),
		T(test_output_commit_new_file_mode_follows_umask),
		T(test_output_writer_uses_umask_read_before),
		T(test_output_commit_leaves_unchanged_file_alone),
		T(test_output_commit_replaces_changed_content),
		T(test_output_commit_compares_large_files),
		T(test_output_commit_keeps_existing_permissions),
		T(test_output_commit_failure_changes_no_target),
		T(test_output_commit_reports_unreadable_target),
		T(test_output_commit_writes_stdout),
		T(test_output_check_reports_stale_and_missing),
		T(test_output_check_passes_when_current),
		T(test_output_commit_modes_same_either_way),
		T(test_output_commit_replaces_through_symlink),
		T(test_output_commit_writes_fifo_in_place),
		T(test_output_settled_keeps_temp_unnamed_until_commit),
		T(test_output_settled_named_fallback_writes_temp),
		T(test_output_settled_release_leaves_nothing),
		T(test_output_settled_killed_run_leaves_no_temp),
		T(test_output_settled_bounds_open_descriptors),
		T(test_output_commit_naming_failure_changes_no_target),
		T(test_output_settled_reports_uncreatable_target),
		T(test_output_writer_replaces_only_changed_content),
		T(test_output_writer_abort_leaves_nothing),
		T(test_output_writer_replaces_repeated_path),
		T(test_output_writer_reports_failures),
		T(test_output_writer_keeps_fifo_for_commit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
