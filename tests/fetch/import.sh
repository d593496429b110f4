#!/bin/sh
# kiji import (OPML, newsboat urls) and kiji export-opml.
. "$KIJI_SRCDIR/tests/lib.sh"
D=$KIJI_SRCDIR/tests/data/fetch
FEEDS=$XDG_CONFIG_HOME/kiji/feeds
cd "$T" || exit 1

# feed_lines: "URL|title|section" per subscription, read independently of
# kiji with a small parser of the feeds file format.
feed_lines() {
	"${PYTHON3:-python3}" - "$FEEDS" <<'PY'
import sys
section = ""
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    if line.startswith("[") and line.endswith("]"):
        section = line[1:-1]
        continue
    parts = line.split(None, 1)
    print("%s|%s|%s" % (parts[0], parts[1] if len(parts) > 1 else "", section))
PY
}

"$KIJI" import "$D/nested.opml" >"$T/out" 2>"$T/err"
is "$?" 0 "OPML import exits 0"
is "$(feed_lines | sort)" "$(sort <<EOW
http://127.0.0.1:9/ipa.xml?a=1&b=2|IPA|Security/Japan
http://127.0.0.1:9/loose.xml|Loose feed|
https://127.0.0.1:9/jpcert.rdf|JPCERT & co|Security
EOW
)" "feeds, titles and nested sections"
is "$(grep -c skipped "$T/err")" 2 "two hostile OPML entries refused"
grep -q "exec:touch /tmp/kiji-import-pwned.*never run" "$T/err"
ok $? "exec: entry named as never run"
ok "$([ ! -e /tmp/kiji-import-pwned ] && echo 0 || echo 1)" "nothing executed"
is "$(cat "$T/out")" "3 feeds imported, 0 already subscribed" "OPML import summary"

"$KIJI" import "$D/urls" >"$T/out" 2>"$T/err"
is "$?" 0 "urls import exits 0"
is "$(cat "$T/out")" "2 feeds imported, 1 already subscribed" "urls import skips known feeds"
is "$(feed_lines | grep one.xml)" "http://127.0.0.1:9/one.xml|First feed|news" "first tag is the section, ~tag the title"
is "$(feed_lines | grep two.xml)" "https://127.0.0.1:9/two.xml||tech news" "quoted tag"
is "$(grep -c "never run" "$T/err")" 4 "exec:, filter:, | and \$( ) refused"
is "$(grep -c "query" "$T/err")" 1 "query feed skipped with a note"
ok "$([ ! -e "$T/KIJI_PWNED" ] && [ ! -e KIJI_PWNED ] && echo 0 || echo 1)" "no command ran"
is "$(feed_lines | wc -l | tr -d ' ')" 5 "five subscriptions in all"

"$KIJI" import "$T/missing.opml" >/dev/null 2>"$T/err"
is "$?" 1 "missing file fails"
printf '<opml><body><outline' >"$T/broken.opml"
"$KIJI" import "$T/broken.opml" >/dev/null 2>"$T/err"
is "$?" 1 "broken OPML fails"
grep -q "not well-formed" "$T/err"
ok $? "broken OPML reason"

# Export, then import into a fresh configuration: the same subscriptions.
"$KIJI" export-opml -o "$T/out.opml"
is "$?" 0 "export-opml -o"
"${PYTHON3:-python3}" -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$T/out.opml"
ok $? "exported OPML is well-formed"
grep -q 'xmlUrl="http://127.0.0.1:9/ipa.xml?a=1&amp;b=2"' "$T/out.opml"
ok $? "ampersand escaped"
grep -q '<opml version="2.0">' "$T/out.opml"
ok $? "OPML 2.0"
feed_lines | sort >"$T/before"
"$KIJI" export-opml >"$T/stdout.opml"
grep -v dateCreated "$T/stdout.opml" >"$T/a"
grep -v dateCreated "$T/out.opml" >"$T/b"
cmp -s "$T/a" "$T/b"
ok $? "export to stdout matches -o"
rm -f "$FEEDS"
"$KIJI" import "$T/out.opml" >/dev/null 2>&1
is "$?" 0 "re-import exported OPML"
feed_lines | sed 's/|[^|]*|/|T|/' | sort >"$T/after"
sed 's/|[^|]*|/|T|/' "$T/before" >"$T/before2"
cmp -s "$T/before2" "$T/after"
ok $? "round trip keeps URLs and sections"
done_testing
