/* feed-newsboat: the parser's treatment of item text for items that come
 * from newsboat's cache instead of a feed document (see store-newsboat.h),
 * so that they reach the store as safe as parsed ones. */
#ifndef KIJI_FEED_NEWSBOAT_H
#define KIJI_FEED_NEWSBOAT_H

/* html made safe as feed_parse() makes an item's HTML: scripts, event
 * handlers and javascript: URLs removed, relative href/src resolved against
 * base (may be NULL).  NULL for NULL; the caller frees the result. */
char	*feed_newsboat_html(const char *html, const char *base);

#endif
