#!/usr/bin/env python3
"""A hostile feed server for kiji's tests (stdlib only, 127.0.0.1 only).

Usage: server.py STATEDIR
Listens on 127.0.0.1, port 0, and writes to STATEDIR:
  port        the HTTP port
  trap-port   a second listening socket nobody may contact
  trap.log    one line per connection to the trap port
  requests    one line per request: "METHOD PATH"
Serves, by path:
  /feed/N            a small RSS feed: items "feed N item K" (K < 5) whose
                     text changes on each request, plus one new item per request
  /ok.xml            a valid feed with one item
  /huge              a 200 MB body, generated on the fly
  /gzip-bomb         gzip content-encoding: 1 GB of spaces in ~1 MB
  /endless           a body that never ends (chunked, as fast as possible)
  /drip              one byte of a valid feed every 2 seconds
  /loop              a redirect to itself; /loop-a and /loop-b redirect to each other
  /to-file           302 to file:///etc/passwd
  /to-scheme/S       302 to S://127.0.0.1:TRAP/ (gopher, dict, ftp, ldap, telnet, smb, scp)
  /xxe-port          a feed whose entity and DTD point at the trap port
  /hostile           titles, links and bodies full of escapes and bidi overrides
  /items/N           a feed of N items, generated on the fly
  /static/NAME       the file NAME from tests/data/hostile
Stops on SIGTERM.
"""
import gzip
import io
import os
import socket
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

STATE = sys.argv[1]
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "hostile")
TRAP_PORT = 0
LOCK = threading.Lock()
BOMB = None
COUNT = {}


def log(name, line):
    with LOCK:
        with open(os.path.join(STATE, name), "a") as f:
            f.write(line + "\n")


def rss(title, items):
    out = ['<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>',
           "<title>%s</title><link>http://127.0.0.1/</link>" % title]
    for key, t, body in items:
        out.append("<item><guid>%s</guid><title>%s</title><link>http://127.0.0.1/%s</link>"
                   "<description>%s</description></item>" % (key, t, key, body))
    out.append("</channel></rss>\n")
    return "".join(out).encode()


def bomb():
    global BOMB
    if BOMB is None:
        buf = io.BytesIO()
        z = zlib.compressobj(9, zlib.DEFLATED, 31)
        chunk = b" " * (1 << 20)
        head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>bomb</title><description>'
        buf.write(z.compress(head))
        for _ in range(1024):
            buf.write(z.compress(chunk))
        buf.write(z.flush())
        BOMB = buf.getvalue()
    return BOMB


HOSTILE = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel>'
    '<title>Evil &#x1b;]0;owned&#x7;&#x1b;[2J channel &#x202e;txt.exe</title>'
    '<link>http://127.0.0.1/&#x1b;[31m</link>'
    '<item><guid>h1</guid><title>Title &#x1b;[31mred&#x1b;[0m &#x9b;1m &#x1b;]8;;http://evil/&#x1b;\\link'
    ' &#x202e;gnp.exe &#x2066;iso&#x2069;</title>'
    '<link>http://127.0.0.1/a&#x1b;[2Jb</link>'
    '<description>&lt;p&gt;Body &#x1b;[5mblink &#x1b;P1;2|secret&#x1b;\\ &#x1b;_apc&#x1b;\\'
    ' &#x202d;ltr&#x202c; &amp;#27;[31m &amp;#x9b;2J&lt;/p&gt;'
    '&lt;a href="javascript:alert(1)"&gt;js&lt;/a&gt; '
    '&lt;a href="data:text/html;base64,PHNjcmlwdD4="&gt;data&lt;/a&gt; '
    '&lt;a href="http://127.0.0.1/x;$(touch /tmp/pwned)`id`|&amp;amp;"&gt;meta&lt;/a&gt;</description></item>'
    '</channel></rss>\n')


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def send(self, code, body, ctype="application/rss+xml", extra=()):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in extra:
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def redirect(self, where):
        self.send(302, b"", "text/plain", [("Location", where)])

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        log("requests", "%s %s" % (self.command, self.path))
        p = self.path
        try:
            self.route(p)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def route(self, p):
        host = "127.0.0.1:%d" % self.server.server_address[1]
        if p.startswith("/feed/"):
            # Five fixed items whose text changes on every request, and one
            # new item per request: every refresh writes.
            n = int(p[6:])
            with LOCK:
                COUNT[n] = COUNT.get(n, 0) + 1
                v = COUNT[n]
            items = [("f%d-i%d" % (n, k), "feed %d item %d" % (n, k), "body %d v%d" % (k, v))
                     for k in range(5)]
            items.append(("f%d-v%d" % (n, v), "feed %d new %d" % (n, v), "x" * 2000))
            self.send(200, rss("Feed %d" % n, items))
        elif p == "/ok.xml":
            self.send(200, rss("Good feed", [("ok1", "good item", "fine")]))
        elif p == "/huge":
            self.stream_fixed(200 * 1000 * 1000)
        elif p == "/gzip-bomb":
            body = bomb()
            self.send(200, body, extra=[("Content-Encoding", "gzip")])
        elif p == "/endless":
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            chunk = b"<item><title>x</title></item>" * 2000
            frame = b"%x\r\n%s\r\n" % (len(chunk), chunk)
            self.wfile.write(b"%x\r\n%s\r\n" % (len(b"<rss><channel>"), b"<rss><channel>"))
            while True:
                self.wfile.write(frame)
        elif p == "/drip":
            body = rss("Drip", [("d1", "drip item", "slow")])
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            for b in body:
                self.wfile.write(bytes([b]))
                self.wfile.flush()
                time.sleep(2)
        elif p == "/loop":
            self.redirect("http://%s/loop" % host)
        elif p == "/loop-a":
            self.redirect("/loop-b")
        elif p == "/loop-b":
            self.redirect("/loop-a")
        elif p == "/to-file":
            self.redirect("file:///etc/passwd")
        elif p.startswith("/to-scheme/"):
            self.redirect("%s://127.0.0.1:%d/x" % (p[11:], TRAP_PORT))
        elif p == "/xxe-port":
            body = ('<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "http://127.0.0.1:%d/dtd" [\n'
                    '<!ENTITY net SYSTEM "http://127.0.0.1:%d/entity">\n'
                    '<!ENTITY %% pe SYSTEM "http://127.0.0.1:%d/pe"> %%pe;\n]>\n'
                    '<rss version="2.0"><channel><title>XXE port</title>'
                    '<item><guid>x1</guid><title>net &net;</title></item></channel></rss>\n'
                    % (TRAP_PORT, TRAP_PORT, TRAP_PORT)).encode()
            self.send(200, body)
        elif p == "/hostile":
            self.send(200, HOSTILE.encode())
        elif p.startswith("/items/"):
            self.stream_items(int(p[7:]))
        elif p.startswith("/static/"):
            name = os.path.basename(p[8:])
            with open(os.path.join(DATA, name), "rb") as f:
                self.send(200, f.read())
        else:
            self.send(404, b"not found", "text/plain")

    def stream_fixed(self, total):
        head = b'<?xml version="1.0"?><rss version="2.0"><channel><title>huge</title><description>'
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        self.wfile.write(head)
        left = total - len(head)
        chunk = b"A" * (1 << 16)
        while left > 0:
            n = min(left, len(chunk))
            self.wfile.write(chunk[:n])
            left -= n

    def stream_items(self, n):
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def put(b):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(b), b))
        put(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Many</title>')
        batch = []
        for k in range(n):
            batch.append(b"<item><guid>m%d</guid><title>item %d</title></item>" % (k, k))
            if len(batch) == 1000:
                put(b"".join(batch))
                batch = []
        if batch:
            put(b"".join(batch))
        put(b"</channel></rss>\n")
        self.wfile.write(b"0\r\n\r\n")


def trap(sock):
    while True:
        conn, addr = sock.accept()
        log("trap.log", "connection from %s:%d" % addr)
        conn.close()


def main():
    global TRAP_PORT
    t = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    t.bind(("127.0.0.1", 0))
    t.listen(16)
    TRAP_PORT = t.getsockname()[1]
    threading.Thread(target=trap, args=(t,), daemon=True).start()
    bomb()    # ready before the port is published (about 3 s)
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    open(os.path.join(STATE, "trap.log"), "a").close()
    with open(os.path.join(STATE, "trap-port.tmp"), "w") as f:
        f.write("%d\n" % TRAP_PORT)
    os.rename(os.path.join(STATE, "trap-port.tmp"), os.path.join(STATE, "trap-port"))
    with open(os.path.join(STATE, "port.tmp"), "w") as f:
        f.write("%d\n" % srv.server_address[1])
    os.rename(os.path.join(STATE, "port.tmp"), os.path.join(STATE, "port"))
    srv.serve_forever()


main()
