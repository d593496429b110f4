/* memo-cfg: the memo's settings from the configuration (memo-* options). */
#ifndef KIJI_MEMO_CFG_H
#define KIJI_MEMO_CFG_H

#include <stddef.h>

#include "memo.h"

struct cfg;

/* The templates; the strings belong to cfg (or are static translations). */
void	 memo_cfg_style(const struct cfg *, struct memo_style *);
/* The configured section names (see memo_sections_parse(); free them with
 * memo_names_free()) and *default_section, the index memo-default-section
 * names (-1: the last; also when it names no section). */
char	**memo_cfg_sections(const struct cfg *, size_t *n,
	      int *default_section);

#endif
