#!/usr/bin/env python3
"""Write the large hostile fixtures into DIR (generated at test time, never
stored): quadratic.xml (a 100 kB entity referenced 10,000 times), title1m.xml
(a 1 MB title), deep.html and deep.xml (HTML nested 100,000 deep, alone and
as an item's content), million.xml (1,000,000 items)."""
import os
import sys

d = sys.argv[1]
which = sys.argv[2:] or ["quadratic", "title1m", "deep", "million"]


def w(name, data):
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)


if "quadratic" in which:
    ent = b"x" * 100000
    refs = b"&big;" * 10000
    w("quadratic.xml", b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY big "' + ent +
      b'">]>\n<rss version="2.0"><channel><title>Quadratic</title><item><guid>q1</guid><title>q</title>'
      b"<description>" + refs + b"</description></item><item><guid>q2</guid><title>after</title></item>"
      b"</channel></rss>\n")
if "title1m" in which:
    title = ("長い" * 100000 + "A" * 600000).encode()
    w("title1m.xml", b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>' +
      title + b"</title><item><guid>t1</guid><title>" + title +
      b"</title><link>http://127.0.0.1/" + b"a" * 1000000 + b"</link><description>short</description></item>"
      b"<item><guid>t2</guid><title>normal</title></item></channel></rss>\n")
if "deep" in which:
    html = b"<div>" * 100000 + b"deep text" + b"</div>" * 100000
    w("deep.html", b"<p>before</p>" + html + b"<p>after</p>")
    esc = html.replace(b"<", b"&lt;").replace(b">", b"&gt;")
    w("deep.xml", b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Deep</title>'
      b"<item><guid>d1</guid><title>deep item</title><description>" + esc +
      b"</description></item>" + b"<x>" * 100000 + b"</x>" * 100000 +
      b"<item><guid>d2</guid><title>after deep</title></item></channel></rss>\n")
if "million" in which:
    with open(os.path.join(d, "million.xml"), "wb") as f:
        f.write(b'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Million</title>')
        for k in range(0, 1000000, 1000):
            f.write(b"".join(b"<item><guid>m%d</guid><title>item %d</title></item>" % (i, i)
                             for i in range(k, k + 1000)))
        f.write(b"</channel></rss>\n")
