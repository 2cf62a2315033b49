#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

int
file_read(struct arena *a, const char *path, size_t max, bool missing_ok,
    struct diag *d, const char **text, size_t *len)
{
	struct buf b = BUF_INIT;
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT && missing_ok)
			return 1;
		diag_sys(d, DIAG_NOINPUT, path, errno);
		return -1;
	}
	for (;;) {
		buf_grow(&b, 65536);
		n = read(fd, b.ptr + b.len, b.cap - b.len - 1);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		b.len += (size_t)n;
		if (b.len > max)
			break;
	}
	if (n < 0) {
		diag_sys(d, errno == EISDIR ? DIAG_NOINPUT : DIAG_IOERR, path,
		    errno);
	} else if (b.len > max) {
		diag_fail(d, DIAG_DATA, "%s: file is larger than %zu bytes",
		    path, max);
		n = -1;
	}
	close(fd);
	if (n < 0) {
		buf_release(&b);
		return -1;
	}
	*text = arena_strndup(a, b.ptr, b.len);
	*len = b.len;
	buf_release(&b);
	return 0;
}

bool
file_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
