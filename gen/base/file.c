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
	int fd = open(path, O_RDONLY | O_CLOEXEC), rc = -1;

	if (fd < 0) {
		if (errno == ENOENT && missing_ok)
			return 1;
		diag_sys(d, DIAG_NOINPUT, path, errno);
		return -1;
	}
	do {
		buf_grow(&b, 65536);
		n = read(fd, b.ptr + b.len, b.cap - b.len - 1);
		if (n > 0)
			b.len += (size_t)n;
	} while ((n > 0 && b.len <= max) || (n < 0 && errno == EINTR));
	if (n < 0) {
		diag_sys(d, errno == EISDIR ? DIAG_NOINPUT : DIAG_IOERR, path,
		    errno);
	} else if (b.len > max) {
		diag_fail(d, DIAG_DATA, "%s: file is larger than %zu bytes",
		    path, max);
	} else {
		*text = arena_strndup(a, b.ptr, b.len);
		*len = b.len;
		rc = 0;
	}
	close(fd);
	buf_release(&b);
	return rc;
}

bool
file_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}
