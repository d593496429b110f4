"""A loopback HTTP server for kiji's end-to-end tests.

Serves the files of a directory on 127.0.0.1 (port chosen by the system,
written to a file).  /slow/NAME answers NAME after four seconds, /fail/NAME
with a 500, so that the tests can type while a refresh is under way and see
a feed fail."""
import http.server
import os
import sys
import time


class Handler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_GET(self):
        if self.path.startswith("/fail/"):
            self.send_error(500, "Internal Server Error")
            return
        if self.path.startswith("/slow/"):
            time.sleep(4)
            self.path = self.path[len("/slow"):]
        super().do_GET()


def main():
    root, portfile = sys.argv[1], sys.argv[2]
    os.chdir(root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(portfile + ".tmp", "w") as f:
        f.write(str(server.server_address[1]))
    os.rename(portfile + ".tmp", portfile)
    server.serve_forever()


if __name__ == "__main__":
    main()
