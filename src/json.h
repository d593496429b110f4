/* json: a small streaming JSON writer into a buf.  Strings are escaped and
 * invalid UTF-8 is replaced with U+FFFD, so the output is always valid JSON. */
#ifndef KIJI_JSON_H
#define KIJI_JSON_H

#include <stdbool.h>

#include "buf.h"

#define JSON_MAX_DEPTH 32

struct json {
	struct buf	*out;
	int		 depth;
	bool		 pretty;
	bool		 after_key;
	bool		 nonempty[JSON_MAX_DEPTH];
};

void	json_init(struct json *, struct buf *, bool pretty);
void	json_object_begin(struct json *);
void	json_object_end(struct json *);
void	json_array_begin(struct json *);
void	json_array_end(struct json *);
void	json_key(struct json *, const char *);
void	json_string(struct json *, const char *);	/* NULL writes null */
void	json_int(struct json *, long long);
void	json_bool(struct json *, bool);
void	json_null(struct json *);
void	json_kv_string(struct json *, const char *, const char *);
void	json_kv_int(struct json *, const char *, long long);
void	json_kv_bool(struct json *, const char *, bool);
void	json_escape(struct buf *, const char *);	/* quoted string */

#endif
