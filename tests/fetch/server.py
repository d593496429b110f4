#!/usr/bin/env python3
"""A misbehaving HTTP server for kiji's fetch tests (stdlib only, loopback).

    server.py --root DIR --log FILE

Listens on 127.0.0.1 on a free port and prints the port on stdout.  Every
request's path and headers go to FILE, one JSON object per line.  Paths:

  /feed/NAME          DIR/NAME with ETag and Last-Modified; 304 when the
                      request's If-None-Match or If-Modified-Since matches
  /gzip/NAME          the same, gzip-encoded when the client accepts it
  /redirect/N/NAME    N 302 redirects, then /feed/NAME
  /moved/NAME         301 to /feed/NAME;  /moved308/NAME: 308
  /loop               302 to itself, forever
  /tofile             302 to file:///etc/passwd
  /toftp              302 to ftp://127.0.0.1/feed.xml
  /status/CODE        an empty answer with that status
  /drip               headers, then one byte per second
  /hang               accepts and never answers
  /truncated/NAME     Content-Length larger than the body sent
  /charset/CS/NAME    DIR/NAME sent as Content-Type: application/xml; charset=CS
  /huge               3 MiB of XML
  /bomb               a small gzip body that decodes to 64 MiB
  /auth/NAME          /feed/NAME behind Basic auth (user "u", password "p w")
  /notfeed            an HTML page
  /slow/NAME          /feed/NAME after 0.4 s; the log entry's "active" is
                      how many /slow/ requests were being served at once
"""
import argparse
import base64
import gzip
import json
import os
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

LAST_MODIFIED = "Mon, 01 Jan 2024 00:00:00 GMT"


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def record(self, active=0):
        entry = {"path": self.path, "active": active,
                 "headers": {k.lower(): v for k, v in self.headers.items()}}
        with self.server.log_lock:
            with open(self.server.log, "a", encoding="utf-8") as f:
                f.write(json.dumps(entry) + "\n")

    def fixture(self, name):
        if "/" in name or name.startswith("."):
            return None
        path = os.path.join(self.server.root, name)
        if not os.path.isfile(path):
            return None
        with open(path, "rb") as f:
            return f.read()

    def send(self, code, body=b"", headers=()):
        self.send_response(code)
        for k, v in headers:
            self.send_header(k, v)
        if not any(k.lower() == "content-length" for k, _ in headers):
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if body:
            self.wfile.write(body)

    def redirect(self, code, where):
        self.send(code, b"", [("Location", where)])

    def serve_feed(self, name, encode=False, charset=None):
        body = self.fixture(name)
        if body is None:
            self.send(404)
            return
        etag = '"v1-%s"' % name
        inm = self.headers.get("If-None-Match")
        ims = self.headers.get("If-Modified-Since")
        if inm == etag or (inm is None and ims == LAST_MODIFIED):
            self.send(304, b"", [("ETag", etag)])
            return
        ctype = "application/xml"
        if charset:
            ctype += "; charset=" + charset
        headers = [("Content-Type", ctype), ("ETag", etag),
                   ("Last-Modified", LAST_MODIFIED)]
        if encode and "gzip" in self.headers.get("Accept-Encoding", ""):
            body = gzip.compress(body)
            headers.append(("Content-Encoding", "gzip"))
        self.send(200, body, headers)

    def drip(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        try:
            for _ in range(60):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
        except OSError:
            pass

    def truncated(self, name):
        body = self.fixture(name) or b"<rss>"
        self.send_response(200)
        self.send_header("Content-Type", "application/xml")
        self.send_header("Content-Length", str(len(body) + 5000))
        self.end_headers()
        self.wfile.write(body)
        self.wfile.flush()
        self.close_connection = True

    def huge(self):
        item = b"<item><title>x</title><description>" + b"y" * 1000 + \
            b"</description></item>\n"
        body = b"<rss version='2.0'><channel><title>huge</title>" + \
            item * 3000 + b"</channel></rss>"
        self.send(200, body, [("Content-Type", "application/xml")])

    def bomb(self):
        body = gzip.compress(b"<rss>" + b" " * (64 << 20), 9)
        self.send(200, body, [("Content-Type", "application/xml"),
                              ("Content-Encoding", "gzip")])

    def auth(self, name):
        want = "Basic " + base64.b64encode(b"u:p w").decode()
        if self.headers.get("Authorization") != want:
            self.send(401, b"", [("WWW-Authenticate", 'Basic realm="t"')])
            return
        self.serve_feed(name)

    def slow(self, name):
        with self.server.log_lock:
            self.server.active += 1
            active = self.server.active
        self.record(active)
        time.sleep(0.4)
        with self.server.log_lock:
            self.server.active -= 1
        self.serve_feed(name)

    def do_GET(self):
        parts = self.path.split("?")[0].strip("/").split("/")
        kind, rest = parts[0], parts[1:]
        if kind == "slow" and len(rest) == 1:
            self.slow(rest[0])
            return
        self.record()
        port = self.server.server_address[1]
        if kind == "feed" and len(rest) == 1:
            self.serve_feed(rest[0])
        elif kind == "gzip" and len(rest) == 1:
            self.serve_feed(rest[0], encode=True)
        elif kind == "redirect" and len(rest) == 2:
            n = int(rest[0])
            where = ("/redirect/%d/%s" % (n - 1, rest[1]) if n > 1
                     else "/feed/" + rest[1])
            self.redirect(302, "http://127.0.0.1:%d%s" % (port, where))
        elif kind == "moved" and len(rest) == 1:
            self.redirect(301, "/feed/" + rest[0])
        elif kind == "moved308" and len(rest) == 1:
            self.redirect(308, "/feed/" + rest[0])
        elif kind == "loop":
            self.redirect(302, "/loop")
        elif kind == "tofile":
            self.redirect(302, "file:///etc/passwd")
        elif kind == "toftp":
            self.redirect(302, "ftp://127.0.0.1/feed.xml")
        elif kind == "status" and len(rest) == 1:
            self.send(int(rest[0]))
        elif kind == "drip":
            self.drip()
        elif kind == "hang":
            time.sleep(600)
        elif kind == "truncated" and len(rest) == 1:
            self.truncated(rest[0])
        elif kind == "charset" and len(rest) == 2:
            self.serve_feed(rest[1], charset=rest[0])
        elif kind == "huge":
            self.huge()
        elif kind == "bomb":
            self.bomb()
        elif kind == "auth" and len(rest) == 1:
            self.auth(rest[0])
        elif kind == "notfeed":
            self.send(200, b"<html><body>hello</body></html>",
                      [("Content-Type", "text/html")])
        else:
            self.send(404)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass        # clients hanging up on purpose are part of the tests


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", required=True)
    ap.add_argument("--log", required=True)
    args = ap.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.root = args.root
    server.log = args.log
    server.log_lock = threading.Lock()
    server.active = 0
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
