"""Debian's nginx with the repository's configuration (deploy/nginx/gxkjzh.conf), for the tests (issue 15).

The server block is README.md's (section "A server in mainland China") with only its addresses replaced: the
listening ports (127.0.0.1 and [::1], a free port each run), the site's folder, the path it is served under and
the path of deploy/nginx/gxkjzh.conf. nginx runs as the test's own process: its own prefix, pid, logs and temporary
folders under the test's temporary folder, in the foreground, one process; it starts in milliseconds.

Where nginx is missing, tests skip with the reason; with CI=true they fail, since CI installs it (`make sysdeps`).
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
NGINX_CONF = ROOT / "deploy" / "nginx" / "gxkjzh.conf"
README = ROOT / "README.md"

# What README's server block names, replaced by the tests' own addresses.
README_LISTEN = ("listen 80;", "listen [::]:80;")
README_FOLDER = "/srv/gxkjzh/current/"
README_PREFIX = "/gx-tech-transfer-zones/"
README_INCLUDE = "/etc/nginx/snippets/gxkjzh.conf"


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def require_nginx(what: str = "") -> str:
    """The nginx binary; skips the test where it is missing (saying `what` was not checked), fails it when CI=true."""
    found = nginx_binary()
    if found is None:
        reason = "nginx is not installed (make sysdeps installs Debian's nginx)" + (f": {what}" if what else "")
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason}: in CI it must be")
        pytest.skip(reason)
    return found


def free_port() -> int:
    """A port free on both 127.0.0.1 and ::1."""
    for _ in range(50):
        with socket.socket(socket.AF_INET) as v4:
            v4.bind(("127.0.0.1", 0))
            port = int(v4.getsockname()[1])
            try:
                with socket.socket(socket.AF_INET6) as v6:
                    v6.bind(("::1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no port free on both 127.0.0.1 and ::1")


def readme_server_block() -> str:
    """The nginx server block of README.md's deployment section (the one ```nginx block there)."""
    blocks = re.findall(r"```nginx\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(blocks) == 1, "README.md must show one nginx server block"
    return blocks[0]


def server_block(port: int, folder: Path, prefix: str) -> str:
    """README's server block listening on 127.0.0.1:port and [::1]:port, serving `folder` at `prefix`."""
    block = readme_server_block()
    for old in (*README_LISTEN, README_FOLDER, README_PREFIX, README_INCLUDE):
        assert old in block, f"README's nginx block no longer has {old!r}"
    block = block.replace(README_LISTEN[0], f"listen 127.0.0.1:{port};")
    block = block.replace(README_LISTEN[1], f"listen [::1]:{port};")
    block = block.replace(README_FOLDER, str(folder).rstrip("/") + "/")
    block = block.replace(README_PREFIX, prefix)
    return block.replace(README_INCLUDE, str(NGINX_CONF))


def main_config(work: Path, servers: list[str]) -> str:
    """nginx.conf for a test run: the servers in an http block, everything nginx writes under `work`."""
    temp = "\n".join(
        f"    {name}_temp_path {work}/{name};" for name in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")
    )
    return (
        f"daemon off;\nmaster_process off;\nworker_processes 1;\npid {work}/nginx.pid;\n"
        f"error_log {work}/error.log warn;\nevents {{ worker_connections 256; }}\n"
        f"http {{\n    access_log off;\n{temp}\n" + "\n".join(servers) + "\n}\n"
    )


@contextmanager
def running_nginx(work: Path, servers: list[str]) -> Iterator[Path]:
    """nginx serving `servers` (server blocks) until the block ends; yields its error log."""
    binary = require_nginx()
    work.mkdir(parents=True, exist_ok=True)
    conf = work / "nginx.conf"
    conf.write_text(main_config(work, servers), encoding="utf-8")
    args = [binary, "-p", str(work), "-e", str(work / "error.log"), "-c", str(conf)]
    check = subprocess.run([*args, "-t", "-q"], capture_output=True, text=True)
    assert check.returncode == 0, f"nginx -t:\n{check.stderr}\n{conf.read_text(encoding='utf-8')}"
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        ports = sorted({int(p) for p in re.findall(r"listen 127\.0\.0\.1:(\d+);", "\n".join(servers))})
        deadline = time.monotonic() + 10
        for host in ("127.0.0.1", "::1"):
            for port in ports:
                while True:
                    assert proc.poll() is None, f"nginx stopped: {proc.stderr.read() if proc.stderr else ''}"
                    try:
                        socket.create_connection((host, port), timeout=1).close()
                        break
                    except OSError:
                        assert time.monotonic() < deadline, f"nginx does not answer on [{host}]:{port}"
                        time.sleep(0.01)
        yield work / "error.log"
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


@dataclass
class SiteServer:
    """The browser tests' server: nginx with the repository's configuration where nginx is installed, else
    Python's http.server (and the CSP is not checked: test_browser_nginx.py says so, or fails under CI)."""

    folder: Path
    port: int
    work: Path
    stack: Any = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    @property
    def nginx(self) -> bool:
        return nginx_binary() is not None

    def start(self) -> None:
        from contextlib import ExitStack

        self.stack = ExitStack()
        if self.nginx:
            self.stack.enter_context(running_nginx(self.work, [server_block(self.port, self.folder, "/")]))
            return
        if os.environ.get("CI") == "true":
            raise AssertionError("nginx is not installed: in CI the browser tests run behind it (make sysdeps)")
        import threading
        from functools import partial
        from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

        class Quiet(SimpleHTTPRequestHandler):
            def log_message(self, format: str, *args: Any) -> None:
                pass

        server = ThreadingHTTPServer(("127.0.0.1", self.port), partial(Quiet, directory=str(self.folder)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        self.stack.callback(server.server_close)
        self.stack.callback(server.shutdown)

    def stop(self) -> None:
        if self.stack is not None:
            self.stack.close()


# ---- CSP violations in the browser (collected in the sitemap sweep of tests/test_browser.py) ------------

CSP_LISTENER = """document.addEventListener('securitypolicyviolation', e => {
  (window.__cspViolations = window.__cspViolations || []).push(
    `${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${(e.sample || '').slice(0, 40)}) at ${e.sourceFile || ''}:${e.lineNumber}`);
});"""


def watch_csp(context: Any) -> None:
    """Every page of the browser context records the Content-Security-Policy violations it sees."""
    context.add_init_script(CSP_LISTENER)


def csp_violations(page: Any, path: str) -> list[str]:
    """The page's CSP violations so far, named by page."""
    return [f"/{path}: CSP {v}" for v in page.evaluate("() => window.__cspViolations || []")]
