/* cfg-fuzz: cfg_parse_string() on arbitrary text; errors are collected,
 * never fatal, and every directive keeps its words. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cfg.h"
#include "fuzz.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct cfg			*cfg;
	const struct cfg_directive	*d;
	char				*text, **argv, *cause = NULL;
	size_t				 i;
	int				 argc;

	text = malloc(size + 1);
	if (text == NULL) {
		abort();
	}
	memcpy(text, data, size);
	text[size] = '\0';
	cfg = cfg_new();
	cfg_parse_string(cfg, "fuzz", text);
	for (i = 0; i < cfg_error_count(cfg); i++) {
		if (cfg_error(cfg, i) == NULL) {
			abort();
		}
	}
	for (i = 0; i < cfg_directive_count(cfg); i++) {
		d = cfg_directive_get(cfg, i);
		if (d->argc < 1 || d->argv[0] == NULL) {
			abort();
		}
	}
	cfg_free(cfg);
	argc = cfg_split(text, &argv, &cause);
	if (argc >= 0) {
		cfg_free_argv(argv, argc);
	}
	free(cause);
	free(text);
	return 0;
}
