"""The static server of a build: what `.ci/serve` (README command 1) and the e2e specs
(playwright.config.mjs) serve dist/ with. It sends what a portal's server should send
(README "Serving Linli"):

- the `.br` or `.gz` copy .ci/post-build writes beside each file, when the browser
  accepts it (`Content-Encoding`, `Vary: Accept-Encoding`), so what is measured here is
  what a phone gets;
- `Cache-Control: immutable` for files named by their content, `no-cache` for the
  entries whose names stay (index.html, linli.js, sw.js, the workers' entries, the
  manifest);
- `Access-Control-Allow-Origin: *` (a host page on another origin imports linli.js, and
  its glue fetches the wasm), and the wasm's and the web app manifest's media types;
- HTTP/1.1 with persistent connections, as any portal's server (Python's default,
  HTTP/1.0, opens a connection per file: a round trip more each on a phone's network).

    python3 serve.py PORT DIR
"""

import functools
import http.server
import os
import re
import sys

# A name with a 16-hex-digit content hash (linli-0123456789abcdef.js, its parts, the
# workers' modules): the same name never holds other bytes.
CONTENT_NAMED = re.compile(r"-[0-9a-f]{16}[-_.]")


class Handler(http.server.SimpleHTTPRequestHandler):
    # Every response of SimpleHTTPRequestHandler carries its Content-Length, as
    # persistent connections need.
    protocol_version = "HTTP/1.1"
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".webmanifest": "application/manifest+json",
        ".js": "text/javascript",
    }

    def translate_path(self, path):
        """The file to send: the .br or .gz copy when the browser accepts it (the
        handler sends the path this returns; `original` keeps its media type)."""
        real = super().translate_path(path)
        wanted = os.path.join(real, "index.html") if os.path.isdir(real) else real
        accepted = self.headers.get("Accept-Encoding", "")
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            if re.search(rf"\b{encoding}\b", accepted) and os.path.isfile(wanted + suffix):
                self.encoding, self.original = encoding, wanted
                return wanted + suffix
        self.encoding = None
        return real

    def guess_type(self, path):
        return super().guess_type(self.original if self.encoding else path)

    def end_headers(self):
        if getattr(self, "encoding", None):
            self.send_header("Content-Encoding", self.encoding)
        self.send_header("Vary", "Accept-Encoding")
        name = self.path.split("?")[0].rsplit("/", 1)[-1]
        if CONTENT_NAMED.search(name):
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        else:
            self.send_header("Cache-Control", "no-cache")
        self.send_header("Access-Control-Allow-Origin", "*")
        super().end_headers()

    def log_message(self, *args):
        pass


def main():
    port, root = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(Handler, directory=root)
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        server.serve_forever()


if __name__ == "__main__":
    main()
