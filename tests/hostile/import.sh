#!/bin/sh
# import: hostile subscription lists.  `kiji import` never runs a command
# (newsboat exec:, filter:, |cmd, $(cmd), `cmd`), never reads an external
# entity or DTD, takes only http, https and file URLs, shows no raw control
# in its notes, and `kiji export-opml` writes well-formed XML back.
. "$KIJI_SRCDIR/tests/lib.sh"
. "$KIJI_SRCDIR/tests/hostile/lib.sh"
server_start
cd "$T" || exit 1
secret="kiji-secret-$$-$(date +%s)"
printf '%s\n' "$secret" >"$T/secret.txt"
P=$T/PWNED

cat >"$T/evil.opml" <<XML
<?xml version="1.0"?>
<!DOCTYPE opml SYSTEM "http://127.0.0.1:$TRAP_PORT/dtd" [
<!ENTITY sec SYSTEM "file://$T/secret.txt">
<!ENTITY net SYSTEM "http://127.0.0.1:$TRAP_PORT/e">
]>
<opml version="2.0"><head><title>evil &sec;</title></head><body>
<outline text="Sec">
  <outline type="rss" text="t&#x9b;2J &#x202e;x" xmlUrl="$BASE/ok.xml"/>
  <outline type="rss" text="js" xmlUrl="javascript:alert(1)"/>
  <outline type="rss" text="data" xmlUrl="data:text/xml,&lt;rss/&gt;"/>
  <outline type="rss" text="gopher" xmlUrl="gopher://127.0.0.1:$TRAP_PORT/"/>
  <outline type="rss" text="exec" xmlUrl="exec:touch $P"/>
  <outline type="rss" text="sh" xmlUrl="\$(touch $P)"/>
  <outline type="rss" text="&#x202e;rtl" xmlUrl="$BASE/feed/1"/>
</outline></body></opml>
XML
"$KIJI" import "$T/evil.opml" >"$T/imp.out" 2>"$T/imp.err"
st=$?
ok $([ $st -le 1 ] && echo 0 || echo 1) "import of a hostile OPML file ends (status $st)"
"$KIJI" feeds >"$T/feeds.out" 2>&1
grep -q "$BASE/ok.xml" "$T/feeds.out" && grep -q "$BASE/feed/1" "$T/feeds.out"
ok $? "the http feeds are subscribed"
! grep -qE "javascript:|data:|gopher:|exec:|touch" "$T/feeds.out"
ok $? "no other scheme and no command is subscribed"
! grep -q "$secret" "$T/imp.out" "$T/imp.err" "$T/feeds.out" "$XDG_CONFIG_HOME/kiji/feeds"
ok $? "the external entity's file is never read"
! has_controls "$T/imp.out" && ! has_controls "$T/imp.err" && ! has_controls "$T/feeds.out"
ok $? "no raw control in import notes or kiji feeds"

# An external entity in an attribute is not well-formed: a clear error.
cat >"$T/attr.opml" <<XML
<?xml version="1.0"?>
<!DOCTYPE opml [<!ENTITY sec SYSTEM "file://$T/secret.txt">]>
<opml version="2.0"><body><outline type="rss" text="&sec;" xmlUrl="http://127.0.0.1/&sec;"/></body></opml>
XML
"$KIJI" import "$T/attr.opml" >"$T/attr.out" 2>"$T/attr.err"
is "$?" 1 "an external entity in an attribute: import fails"
grep -q "well-formed" "$T/attr.err" && ! grep -q "$secret" "$T/attr.out" "$T/attr.err"
ok $? "it says the XML is not well-formed, and shows no secret"

cat >"$T/urls" <<URLS
$BASE/feed/2 news "~Two"
exec:touch $P
filter:touch $P:$BASE/feed/3
|touch $P
\$(touch $P)
\`touch $P\`
"query:Unread:unread = \"yes\""
$BASE/feed/4;touch\$IFS$P "tag"
URLS
printf 'http://127.0.0.1/bad\377\376utf8\n' >>"$T/urls"
"$KIJI" import "$T/urls" >"$T/imp2.out" 2>"$T/imp2.err"
st=$?
ok $([ $st -le 1 ] && echo 0 || echo 1) "import of a hostile urls file ends (status $st)"
"$KIJI" feeds >"$T/feeds2.out" 2>&1
grep -q "$BASE/feed/2" "$T/feeds2.out"
ok $? "the plain feed is subscribed"
! grep -qE "exec:|filter:|query:" "$T/feeds2.out"
ok $? "newsboat commands and queries are not subscribed"
! has_controls "$T/imp2.out" && ! has_controls "$T/imp2.err"
ok $? "no raw control in the notes"
sleep 0.3
[ ! -e "$P" ]
ok $? "no command ran"
[ ! -s "$SRV/trap.log" ]
ok $? "the trap port saw no connection"

"$KIJI" export-opml -o "$T/out.opml" 2>"$T/exp.err"
ok $? "export-opml writes the subscriptions"
"$PYTHON3" -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$T/out.opml"
ok $? "the exported OPML is well-formed XML"
! has_controls "$T/out.opml"
ok $? "the exported OPML carries no raw control"
FULL=$(full_device)
"$KIJI" export-opml -o "$FULL" >/dev/null 2>"$T/full.err"
is "$?" 1 "export-opml to a full device fails"
grep -qi "space" "$T/full.err"
ok $? "it says the device is full"
[ -c "$FULL" ] && ! ls "$FULL".tmp.* >/dev/null 2>&1
ok $? "the device is still a device, written in place and never replaced"
ln -s /proc/self/fd/1 "$T/stdout"
"$KIJI" export-opml -o "$T/stdout" 2>&1 | cat >"$T/stdout.opml"
grep -q "$BASE/feed/2" "$T/stdout.opml" && [ -L "$T/stdout" ]
ok $? "export-opml -o a link to a pipe writes into the pipe, link kept"
done_testing
