"""A small static server with on-the-fly gzip, for measuring page weight as a real web server would send it.

`python tests/bench/serve.py DIR [--port N]` serves DIR on 127.0.0.1. Text types (HTML, CSS, JS, JSON,
XML, SVG, plain text) are gzipped when the client accepts it (level 6, as nginx's `gzip on` does by
default with `gzip_comp_level 6`); images and fonts are sent as they are. Compressed bodies are cached
in memory, so repeated runs measure the page, not the server.
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml",
    ".svg": "image/svg+xml",
    ".txt": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".webp": "image/webp",
    ".ico": "image/x-icon",
    ".woff2": "font/woff2",
    ".gz": "application/gzip",
}
COMPRESSIBLE = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt"}
CACHE: dict[Path, bytes] = {}
CACHE_LOCK = threading.Lock()


class GzipHandler(SimpleHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive, as browsers expect from a real server

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_GET(self) -> None:
        self.send(head_only=False)

    def do_HEAD(self) -> None:
        self.send(head_only=True)

    def send(self, head_only: bool) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?", 1)[0].endswith("/"):
                self.send_response(301)
                self.send_header("Location", self.path.split("?", 1)[0] + "/")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            path = path / "index.html"
        if not path.is_file():
            body = b"not found"
            self.send_response(404)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if not head_only:
                self.wfile.write(body)
            return
        suffix = path.suffix.lower()
        body = path.read_bytes()
        gzipped = suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gzipped:
            with CACHE_LOCK:
                if path not in CACHE:
                    CACHE[path] = gzip.compress(body, compresslevel=6, mtime=0)
                body = CACHE[path]
        self.send_response(200)
        self.send_header(
            "Content-Type", TYPES.get(suffix) or mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        )
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        if suffix in COMPRESSIBLE:
            self.send_header("Vary", "Accept-Encoding")
        if gzipped:
            self.send_header("Content-Encoding", "gzip")
        self.end_headers()
        if not head_only:
            self.wfile.write(body)


def start_server(directory: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve `directory` in a background thread; returns the server and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), partial(GzipHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args()
    server, url = start_server(args.directory, args.port)
    print(f"serving {args.directory} at {url} (gzip on)")
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
