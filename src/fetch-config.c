/* fetch-config: the fetcher's settings, built in or from the options. */
#include "config.h"

#include <string.h>

#include "cfg.h"
#include "fetch.h"

void
fetch_config_init(struct fetch_config *c)
{
	memset(c, 0, sizeof *c);
	c->max_parallel = 16;
	c->max_per_host = 4;
	c->connect_timeout = 15;
	c->timeout = 60;
	c->low_speed_time = 30;
	c->max_size = 16LL * 1024 * 1024;
	c->keep_days = 90;
}

void
fetch_config_load(struct fetch_config *c, const struct cfg *cfg,
    const char *feeds_file)
{
	fetch_config_init(c);
	c->max_parallel = (int)cfg_int(cfg, OPTION_MAX_PARALLEL);
	c->max_per_host = (int)cfg_int(cfg, OPTION_MAX_PER_HOST);
	c->connect_timeout = (long)cfg_int(cfg, OPTION_CONNECT_TIMEOUT);
	c->timeout = (long)cfg_int(cfg, OPTION_TIMEOUT);
	c->low_speed_time = (long)cfg_int(cfg, OPTION_LOW_SPEED_TIME);
	c->max_size = cfg_int(cfg, OPTION_MAX_SIZE) * 1024 * 1024;
	c->user_agent = cfg_string(cfg, OPTION_USER_AGENT);
	c->keep_days = (int)cfg_int(cfg, OPTION_KEEP_DAYS);
	c->feeds_file = feeds_file;
}
