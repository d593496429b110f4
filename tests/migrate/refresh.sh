#!/bin/sh
# kiji import-newsboat then kiji refresh of the same feed (file://): the
# refresh updates the imported items instead of adding copies, and their
# read and starred states stay.
. "$KIJI_SRCDIR/tests/lib.sh"
MKCACHE="$KIJI_SRCDIR/tests/migrate/mkcache.py"
FEED="file://$T/feed.xml"

# The feed as it is now; newsboat saw the same items earlier.
cat > "$T/feed.xml" <<'XML'
<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example</title>
<link>https://example.org/</link>
<item><title>With a guid</title><guid isPermaLink="false">tag:example.org,1</guid>
<link>https://example.org/1</link><description>&lt;p&gt;one&lt;/p&gt;</description></item>
<item><title>Link and date</title><link>https://example.org/2</link>
<pubDate>Mon, 01 Jan 2024 10:00:00 +0000</pubDate><description>two</description></item>
<item><title>Permalink guid</title><guid>https://example.org/3</guid>
<description>three</description></item>
<item><title>Link only</title><link>https://example.org/4</link>
<description>four</description></item>
<item><title>New since newsboat</title><guid>tag:example.org,5</guid>
<description>five</description></item>
</channel></rss>
XML
# newsboat's guids: the guid, else link + the feed's date text, else link.
printf '%s\n' \
"feed	$FEED	https://example.org/	Example" \
"item	$FEED	tag:example.org,1	With a guid	https://example.org/1	1704103200	0		0	text/html	<p>one</p>" \
"item	$FEED	https://example.org/2Mon, 01 Jan 2024 10:00:00 +0000	Link and date	https://example.org/2	1704103200	1	s	0	text/html	two" \
"item	$FEED	https://example.org/3	Permalink guid	https://example.org/3	1704103200	0	s	0	text/html	three" \
"item	$FEED	https://example.org/4	Link only	https://example.org/4	1704103200	1		0	text/html	four" \
    | "$PYTHON3" "$MKCACHE" "$T/cache.db"
ok $? "build a newsboat cache for a file:// feed"
printf '%s "Tag"\n' "$FEED" > "$T/urls"

"$KIJI" import-newsboat --urls "$T/urls" --cache "$T/cache.db" > "$T/out" 2>&1
ok $? "import-newsboat"
is "$(sed -n 2p "$T/out")" "4 items imported (of 4 newsboat kept), 2 marked read, 2 starred" \
    "four items imported"

"$KIJI" refresh --quiet > "$T/out" 2>&1
ok $? "kiji refresh of the same feed"

# title read starred, by title.
states() {
	"$KIJI" items --json | "$PYTHON3" -c '
import json, sys
for i in sorted(json.load(sys.stdin), key=lambda i: i["title"]):
    print("%s|%s|%s" % (i["title"], i["read"], i["starred"]))'
}
is "$(states)" "Link and date|False|True
Link only|False|False
New since newsboat|False|False
Permalink guid|True|True
With a guid|True|False" \
    "the refresh added only the new item; states kept"
is "$("$KIJI" items --json | "$PYTHON3" -c '
import json, sys
print(len([i for i in json.load(sys.stdin) if i["guid"] == "tag:example.org,1"]))')" 1 \
    "the guid item is one row"
done_testing
