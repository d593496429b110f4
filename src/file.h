/* file: whole-file reads and atomic replacement. */
#ifndef KIJI_FILE_H
#define KIJI_FILE_H

#include <stdbool.h>
#include <stddef.h>

/* Read all of path ("-" is standard input); NULL with *cause on error. The
 * result is NUL-terminated (not counted in *len); the caller frees it. */
char	*file_read(const char *path, size_t *len, char **cause);

/* Replace path with data: temporary file beside it, fsync, rename, fsync of
 * the directory.  On any failure the old file is untouched.  A path that
 * exists and is not a regular file (/dev/stdout, a FIFO) is written in
 * place, never replaced; a directory is an error. */
bool	 file_write_atomic(const char *path, const char *data, size_t len,
	     char **cause);

#endif
