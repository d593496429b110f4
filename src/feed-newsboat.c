/* feed-newsboat: HTML from newsboat's cache, cleaned as the parser cleans
 * a feed's. */
#include "config.h"
#include "feed-newsboat.h"

#include "feed-int.h"

char *
feed_newsboat_html(const char *html, const char *base)
{
	return feed_html_clean(html, base);
}
