/* Unit tests for the JSON writer and UTF-8 repair. */
#include "config.h"

#include <stdlib.h>

#include "buf.h"
#include "json.h"
#include "utf8.h"
#include "tap.h"

static const struct {
	const char	*in;
	const char	*want;
} escapes[] = {
	{ "plain", "\"plain\"" },
	{ "q\"b\\", "\"q\\\"b\\\\\"" },
	{ "nl\nt\tcr\r", "\"nl\\nt\\tcr\\r\"" },
	{ "esc\x1b[31m", "\"esc\\u001b[31m\"" },
	{ "del\x7f", "\"del\\u007f\"" },
	{ "日本語", "\"日本語\"" },
	{ "bad\xff\xfe", "\"bad\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "overlong\xc0\xaf", "\"overlong\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "surrogate\xed\xa0\x80", "\"surrogate\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "cut\xe6\x97", "\"cut\xef\xbf\xbd\xef\xbf\xbd\"" },
	{ "csi\xc2\x9b" "1m", "\"csi\\u009b1m\"" },
	{ "rlo\xe2\x80\xaegnp", "\"rlo\\u202egnp\"" },
	{ "lsep\xe2\x80\xa8x\xe2\x81\xa6y", "\"lsep\\u2028x\\u2066y\"" },
};

int
main(void)
{
	struct buf	 b = BUF_INIT;
	struct json	 j;
	size_t		 i;
	char		*s;

	for (i = 0; i < sizeof escapes / sizeof escapes[0]; i++) {
		buf_reset(&b);
		json_escape(&b, escapes[i].in);
		is_str(buf_str(&b), escapes[i].want, "escape case %zu", i);
	}
	buf_reset(&b);
	json_init(&j, &b, false);
	json_object_begin(&j);
	json_kv_string(&j, "a", "x");
	json_kv_int(&j, "n", -3);
	json_key(&j, "list");
	json_array_begin(&j);
	json_bool(&j, true);
	json_null(&j);
	json_object_begin(&j);
	json_object_end(&j);
	json_array_end(&j);
	json_kv_string(&j, "none", NULL);
	json_object_end(&j);
	is_str(buf_str(&b), "{\"a\":\"x\",\"n\":-3,\"list\":[true,null,{}],\"none\":null}",
	    "nested writer puts commas where they belong");

	s = utf8_repair("a\0b\xff", 4);
	is_str(s, "ab\xef\xbf\xbd", "repair drops NUL and replaces bad bytes");
	free(s);
	ok(utf8_valid("日本", 6), "valid UTF-8 accepted");
	ok(!utf8_valid("\xe6\x97", 2), "truncated sequence rejected");
	buf_free(&b);
	return done_testing();
}
