#!/bin/sh
# Titles with markup: kiji parse --json keeps it as feedparser does, the
# store (and so kiji items, the reader and the memo) holds plain text.
. "$KIJI_SRCDIR/tests/lib.sh"
D="$T/data"
k() { "$KIJI" -d "$D" "$@"; }
py() { "$PYTHON3" -c "import json, sys; d = json.load(sys.stdin); print($1)"; }
ATOM="$KIJI_SRCDIR/tests/data/ui/feeds/advisories.xml"
cat > "$T/rss.xml" <<'XML'
<?xml version="1.0"?>
<rss version="2.0"><channel><title>RSS &amp;amp; more</title>
<item><guid>r1</guid><title>AT&amp;T &lt;b&gt;news&lt;/b&gt;</title><pubDate>Tue, 01 Dec 2026 10:00:00 +0000</pubDate></item>
<item><guid>r2</guid><title>Use &lt;script&gt; tags, a &lt; b</title><pubDate>Tue, 01 Dec 2026 09:00:00 +0000</pubDate></item>
<item><guid>r3</guid><title><![CDATA[Hello <em>world</em> &amp; more]]></title><pubDate>Tue, 01 Dec 2026 08:00:00 +0000</pubDate></item>
</channel></rss>
XML

is "$(k parse --json "$ATOM" | py '[i["title"] for i in d["items"]]')" \
    "['Patch <b>now</b>: AT&amp;T <i>router</i> &lt;admin&gt; bypass', 'Mail server <em>update</em> &amp; fixes']" \
    "parse --json keeps the markup of Atom html and xhtml titles"
is "$(k parse --json "$T/rss.xml" | py 'd["items"][0]["title"]')" \
    "AT&T <b>news</b>" "... and of RSS titles"

k add "file://$ATOM" && k add "file://$T/rss.xml"
ok $? "add two feeds"
k refresh >/dev/null 2>&1
ok $? "refresh"
is "$(k items --json | py '[i["title"] for i in d]')" \
    "['Patch now: AT&T router <admin> bypass', 'Mail server update & fixes', 'AT&T news', 'Use <script> tags, a < b', 'Hello world & more']" \
    "items carry plain titles: tags stripped, entities decoded; text kept"
k items > "$T/items.txt"
grep -q '  Vendor Advisories  Patch now: AT&T router <admin> bypass$' "$T/items.txt"
ok $? "kiji items shows the plain title and the feed's plain title"
is "$(k feeds --json | py '[f["feed_title"] for f in d]')" \
    "['Vendor Advisories', 'RSS & more']" \
    "feed titles are made plain too (a doubly escaped RSS one as feedparser reads it)"
is "$(k items --search 'router admin' --json | py 'len(d)')" 1 \
    "the plain title is what search sees"
done_testing
