/* file: whole-file reads and atomic replacement. */
#include "config.h"
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "i18n.h"
#include "xalloc.h"

char *
file_read(const char *path, size_t *len, char **cause)
{
	struct buf	b = BUF_INIT;
	char		chunk[65536];
	ssize_t		n;
	int		fd, saved;

	fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		*cause = xasprintf(_("cannot open %s: %s"), path, strerror(errno));
		return NULL;
	}
	for (;;) {
		n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n < 0) {
			saved = errno;
			*cause = xasprintf(_("cannot read %s: %s"), path, strerror(saved));
			buf_free(&b);
			if (fd != STDIN_FILENO) {
				close(fd);
			}
			return NULL;
		}
		if (n == 0) {
			break;
		}
		buf_add(&b, chunk, (size_t)n);
	}
	if (fd != STDIN_FILENO) {
		close(fd);
	}
	*len = b.len;
	return buf_detach(&b);
}

static bool
file_write_all(int fd, const char *data, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(fd, data, len);
		if (n < 0 && errno == EINTR) {
			continue;
		}
		if (n <= 0) {
			if (n == 0) {
				errno = ENOSPC;
			}
			return false;
		}
		data += n;
		len -= (size_t)n;
	}
	return true;
}

/* fsync the directory holding path so that a rename survives a crash. */
static void
file_sync_dir(const char *path)
{
	char	*dir = xstrdup(path), *slash = strrchr(dir, '/');
	int	 fd;

	if (slash == NULL) {
		strcpy(dir, ".");
	} else if (slash == dir) {
		slash[1] = '\0';
	} else {
		*slash = '\0';
	}
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Write data into path, which exists and is not a regular file (a device
 * such as /dev/stdout or /dev/full, a FIFO): renaming over it would replace
 * the device itself with a file. */
static bool
file_write_special(const char *path, const struct stat *st, const char *data,
    size_t len, char **cause)
{
	int	fd, saved = 0;

	if (S_ISDIR(st->st_mode)) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(EISDIR));
		return false;
	}
	if ((fd = open(path, O_WRONLY | O_NOCTTY)) < 0) {
		saved = errno;
	} else if (!file_write_all(fd, data, len)) {
		saved = errno;
		close(fd);
	} else if (close(fd) != 0) {
		saved = errno;
	}
	if (saved != 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path,
		    strerror(saved));
		return false;
	}
	return true;
}

bool
file_write_atomic(const char *path, const char *data, size_t len, char **cause)
{
	char		*tmp;
	struct stat	 st;
	int		 fd, saved;

	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		return file_write_special(path, &st, data, len, cause);
	}
	tmp = xasprintf("%s.tmp.XXXXXX", path);
	fd = mkstemp(tmp);
	if (fd < 0) {
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(errno));
		free(tmp);
		return false;
	}
	/* Keep the old file's permissions; new files get 0644 less umask. */
	if (stat(path, &st) == 0) {
		fchmod(fd, st.st_mode & 07777);
	} else {
		mode_t mask = umask(0);

		umask(mask);
		fchmod(fd, 0666 & ~mask);
	}
	if (!file_write_all(fd, data, len) || fsync(fd) != 0) {
		saved = errno;
		close(fd);
		unlink(tmp);
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(saved));
		free(tmp);
		return false;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		unlink(tmp);
		*cause = xasprintf(_("cannot write %s: %s"), path, strerror(saved));
		free(tmp);
		return false;
	}
	file_sync_dir(path);
	free(tmp);
	return true;
}
