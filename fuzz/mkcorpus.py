#!/usr/bin/env python3
"""Write kiji's seed corpora into fuzz/corpus/<harness>/.

Run from the top of the source tree: python3 fuzz/mkcorpus.py [SHARED]
SHARED (default ../shared) holds conformance/; a small selection of the
feedparser (BSD-2-Clause) and newsboat (MIT) fixtures is copied with our own
tests/data files.  Harnesses that take choices from their first bytes get
those bytes prepended (see each harness).
"""
import glob
import hashlib
import os
import shutil
import sys

TOP = os.getcwd()
SHARED = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TOP, "..", "shared")
CONF = os.path.join(SHARED, "conformance")
OUT = os.path.join(TOP, "fuzz", "corpus")

NEWSBOAT = ["atom10_1.xml", "rss10_1.xml", "rss20_2.xml", "rss091_1.xml",
            "multiple_item_links.atom"]


def write(harness, data, prefix=b""):
    d = os.path.join(OUT, harness)
    os.makedirs(d, exist_ok=True)
    blob = prefix + data
    name = hashlib.sha1(blob).hexdigest()[:16]
    with open(os.path.join(d, name), "wb") as f:
        f.write(blob)


def feeds():
    files = sorted(glob.glob(os.path.join(TOP, "tests/data/parse/*")))
    files += sorted(glob.glob(os.path.join(TOP, "tests/data/hostile/*.xml")))
    fp = os.path.join(CONF, "feedparser")
    every = sorted(glob.glob(os.path.join(fp, "**", "*.xml"), recursive=True))
    files += every[::60]    # about 35 files of all kinds
    for rel in NEWSBOAT:
        files.append(os.path.join(CONF, "newsboat", "data", rel))
    return [f for f in files if os.path.isfile(f)]


def main():
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    for i, path in enumerate(feeds()):
        data = open(path, "rb").read()
        if len(data) > 64 * 1024:
            continue
        # byte 0: charset (low nibble) and base URL (high nibble)
        write("feed-fuzz", data, bytes([(i * 0x11) & 0xf7 if i % 3 else 0]))
    for i, path in enumerate(sorted(glob.glob(os.path.join(TOP, "tests/data/text/*.html")))):
        data = open(path, "rb").read()
        # byte 0: ambiguous width and base; byte 1: width
        write("html-fuzz", data, bytes([i * 2, (20, 40, 80, 1)[i % 4]]))
        write("layout-fuzz", data[:4096], bytes([(20, 7, 80, 0x80 | 40)[i % 4], 0]))
    for path in sorted(glob.glob(os.path.join(TOP, "tests/data/text/*.txt")))[:6]:
        data = open(path, "rb").read()[:4096]
        write("layout-fuzz", data.replace(b"\n\n", b"\xff\x01"), bytes([30, 2]))
    dates = [b"Tue, 09 Sep 2025 17:00:00 GMT", b"2025-09-09T17:00:00+09:00",
             b"2025-09", b"2025", b"Sun Nov  6 08:49:37 1994",
             b"Thu, 01 Jan 1970 00:00:00 Z", b"09 Sep 25 17:00 EDT",
             b"2025-04-11T23:52+09:00", b"Mon, 31 Dec 9999 23:59:59 -2359",
             b"2004-08-20", b"Tue, 9 Sep 2025 5:00:00 PM PST"]
    for d in dates:
        write("date-fuzz", d)
    cfgs = [b"# kiji\nrefresh-interval 30\nbrowser \"firefox --new-tab\"\n",
            b"bind j next-item\nunbind q\ncolor title bold \"red\"\n",
            b"ambiguous-width 2\nshow-read no\nmemo-dir \"~/memo\\\\x\"\n",
            b"bogus-option 1\nrefresh-interval -5\n\"unterminated\n",
            b"bind C-n next-unread\nbind M-x quit\nbind F12 open\nbind Space page-down\n"
            b"color cursor white red bold\ncolor unread brightgreen default underline\n"
            b"bind Z no-such-action\ncolor nothing red blue\nbrowser \"x --new-tab %s\"\n",
            b"C-n", b"Escape", b"PageDown"]
    for c in cfgs:
        write("cfg-fuzz", c)
    memos = [
        [b"# Issue %n", b"This week:", b"- %m/%d %t (%f) <%u>", b"* %t - %u",
         b"News, Vulnerabilities, Tools", b"Headline *one*", b"CVE-2024-3094 xz \x1b[31mbackdoor",
         b"https://example.com/a_b(c)", b"Security \xe2\x80\xae Feed", b"> quoted\nline",
         b"JVN#12345678 \xe6\x97\xa5\xe6\x9c\xac", b"http://127.0.0.1/x;$(id)"],
        [b"%n%%%x", b"", b"%t%t%u%f%y%m%d%", b"%", b"a,,b, ,c", b"", b"#", b"", b"", b"", b"- list", b""],
    ]
    for m in memos:
        write("memo-fuzz", b"\0".join(m))
    for path in sorted(glob.glob(os.path.join(TOP, "tests/data/fetch/*.opml"))) + \
            [os.path.join(TOP, "tests/data/fetch/urls")]:
        if os.path.isfile(path):
            write("opml-fuzz", open(path, "rb").read())
    write("opml-fuzz", b'<?xml version="1.0"?>\n<!DOCTYPE opml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
          b'<opml version="1.0"><body><outline text="&x;" xmlUrl="http://127.0.0.1/&x;"/>'
          b'<outline text="a\x1b[2J"><outline xmlUrl="javascript:alert(1)"/>'
          b'<outline xmlUrl="https://127.0.0.1/ok" title="\xe2\x80\xaert"/></outline></body></opml>\n')
    write("opml-fuzz", b"http://127.0.0.1/a tag \"~Title\"\nexec:touch X\n|id\n$(id)\n`id`\n"
          b"filter:x:http://127.0.0.1/f\nhttps://127.0.0.1/b \"query:x:y\"\n")
    demo = os.path.join(TOP, "doc", "demo")
    for path in sorted(glob.glob(os.path.join(demo, "*.conf"))):
        write("cfg-fuzz", open(path, "rb").read())


main()
