"""The hashes of the built pages' inline scripts, for the server's Content-Security-Policy (issue 15).

The theme writes a few small scripts into every page (Material's `__md_scope` line, which names the page's depth,
its palette and anchor scripts; ours in site_src/overrides/main.html and its partials). A policy without
'unsafe-inline' allows each by its SHA-256, and those change with the theme, the overrides and the site's address,
so every build writes them into `csp-hashes.conf` at the site's root, read by deploy/nginx/gxkjzh.conf (README,
"A server in mainland China"). Nothing else: external scripts are allowed as 'self', and JSON data blocks
(`<script type="application/json">`) are not run.

The same file names the origins of the images the pages take from other hosts, for the policy's img-src: the
Party and government website badge is an image on its issuer's host (site.yaml's `gov_badge.image`). An address
is data: only its scheme, a well-formed host name and a port reach the file, never anything else it holds.
"""

from __future__ import annotations

import base64
import hashlib
import re
import string
from pathlib import Path
from urllib.parse import urlsplit

SNIPPET = "csp-hashes.conf"
VARIABLE = "gxkjzh_script_hashes"
IMAGE_VARIABLE = "gxkjzh_image_hosts"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.S | re.I)
_SRC = re.compile(r"\ssrc\s*=", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*["']?([^"'\s>]+)""", re.I)
_RUN = {"", "text/javascript", "application/javascript", "module"}
_IMG = re.compile(r"""<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)
_LABEL = frozenset(string.ascii_lowercase + string.digits + "-")


def inline_scripts(html: str) -> list[str]:
    """The text of each inline script a browser would run, exactly as the page holds it."""
    found = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match.group(1), match.group(2)
        kind = _TYPE.search(attrs)
        if _SRC.search(attrs) or (kind and kind.group(1).lower() not in _RUN):
            continue
        found.append(body)
    return found


def script_hash(body: str) -> str:
    """A CSP source for one inline script: 'sha256-<base64 of its UTF-8 bytes' SHA-256>'."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def site_script_hashes(site: Path) -> list[str]:
    """Every distinct inline script's hash over the site's HTML files, sorted (the same site, the same list)."""
    hashes: set[str] = set()
    for page in site.rglob("*.html"):
        hashes.update(script_hash(body) for body in inline_scripts(page.read_text(encoding="utf-8")))
    return sorted(hashes)


def image_origins(html: str) -> list[str]:
    """The origins (scheme://host[:port], lower case) of the images a page takes from other hosts, sorted; an
    address whose host or port is not well formed is left out (it names no host a browser could load from)."""
    found: set[str] = set()
    for match in _IMG.finditer(html):
        try:
            parts = urlsplit(match.group(1) if match.group(1) is not None else match.group(2))
            port = parts.port
        except ValueError:
            continue
        host = (parts.hostname or "").lower()
        if parts.scheme.lower() in {"http", "https"} and well_formed_host(host):
            found.add(f"{parts.scheme.lower()}://{host}" + (f":{port}" if port is not None else ""))
    return sorted(found)


def well_formed_host(host: str) -> bool:
    """A DNS host name in lower case: dot-separated labels of 1 to 63 letters, digits and inner hyphens."""
    return all(
        0 < len(label) <= 63 and set(label) <= _LABEL and not label.startswith("-") and not label.endswith("-")
        for label in host.split(".")
    )


def site_image_origins(site: Path) -> list[str]:
    """Every other host the site's pages take images from, sorted."""
    found: set[str] = set()
    for page in site.rglob("*.html"):
        found.update(image_origins(page.read_text(encoding="utf-8")))
    return sorted(found)


def write_csp_snippet(site: Path) -> Path:
    """`csp-hashes.conf` at the root of the built site: nginx `set`s of the hashes and of the image hosts, for the
    server level."""
    hashes = " ".join(site_script_hashes(site))
    hosts = " ".join(site_image_origins(site))
    snippet = site / SNIPPET
    snippet.write_text(
        "# Written by the build (generator/site/csp.py): the SHA-256 of every inline script of this site's pages,\n"
        "# and the other hosts its pages take images from (the website badge as issued), for the\n"
        "# Content-Security-Policy of deploy/nginx/gxkjzh.conf. Include it at server level, then reload nginx.\n"
        f'set ${VARIABLE} "{hashes}";\n'
        f'set ${IMAGE_VARIABLE} "{hosts}";\n',
        encoding="utf-8",
    )
    return snippet
