"""The site behind Debian's nginx with the repository's configuration (issue 15, "A real server, tested").

deploy/nginx/gxkjzh.conf, in README.md's server block (tests/nginx_server.py), serves the production build (the
session's `sample_site`: what `make site` builds and `make site-archive` packs, byte for byte) on 127.0.0.1 and
[::1], under the path of its site_url and under a second path, as a 专栏 of a portal would. Plain HTTP with urllib:
pages, gzip, each file type's MIME type, cache and security headers, the Chinese 404 page, every page's links
under both paths. The browser sweep over the sitemap runs behind the same file (tests/test_browser.py).
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from http.client import HTTPResponse
from pathlib import Path
from typing import Any
from urllib.error import HTTPError
from urllib.parse import quote, unquote, urljoin, urlsplit
from urllib.request import HTTPRedirectHandler, Request, build_opener

import pytest
from nginx_server import free_port, running_nginx, server_block

from conftest import ROOT

SECOND_PREFIX = "/kjt/zhuanlan/"  # a column of the department's portal, not the path the site was built for


class _NoRedirect(HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_OPENER = build_opener(_NoRedirect)


@dataclass
class Answer:
    status: int
    headers: Any
    body: bytes

    def header(self, name: str) -> str:
        return str(self.headers.get(name, ""))


def fetch(url: str, **headers: str) -> Answer:
    """One GET, redirects not followed, errors returned as answers; a path in Chinese is percent-encoded."""
    try:
        response: HTTPResponse = _OPENER.open(Request(quote(url, safe=":/?&=%[]"), headers=headers), timeout=10)
    except HTTPError as error:
        return Answer(error.code, error.headers, error.read())
    with response:
        return Answer(response.status, response.headers, response.read())


@dataclass
class NginxSite:
    site: Path
    prefix: str  # the path of the site's address (site_url), where its 404 page's links point
    urls: dict[tuple[str, str], str]  # (host, prefix) -> the base URL of the site there
    mime_url: str  # a folder of files of the kinds the sample data has none of (a WebP case image)

    def url(self, path: str = "", host: str = "127.0.0.1", prefix: str = "") -> str:
        return self.urls[(host, prefix or self.prefix)] + path


def site_prefix(site: Path) -> str:
    """The path of the built site's address: where its sitemap says its home page is."""
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    return min((urlsplit(loc).path for loc in locs), key=len)


@pytest.fixture(scope="module")
def site_behind(sample_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[NginxSite]:
    from PIL import Image

    mime = tmp_path_factory.mktemp("mime-files")
    Image.new("RGB", (8, 8), (200, 30, 30)).save(mime / "case.webp", "WEBP")
    (mime / "release.zip").write_bytes(b"PK\x05\x06" + bytes(18))  # an earlier data release (an empty zip)
    (mime / "csp-hashes.conf").write_text(
        'set $gxkjzh_script_hashes "";\nset $gxkjzh_image_hosts "";\n', encoding="utf-8"
    )
    prefix = site_prefix(sample_site)
    assert prefix != SECOND_PREFIX
    ports = {prefix: free_port(), SECOND_PREFIX: free_port(), "/mime/": free_port()}
    folders = {prefix: sample_site, SECOND_PREFIX: sample_site, "/mime/": mime}
    servers = [server_block(port, folders[p], p) for p, port in ports.items()]
    with running_nginx(tmp_path_factory.mktemp("nginx"), servers) as log:
        urls = {
            (host, p): f"http://{name}:{port}{p}"
            for p, port in ports.items()
            for host, name in (("127.0.0.1", "127.0.0.1"), ("::1", "[::1]"))
        }
        yield NginxSite(sample_site, prefix, urls, urls[("127.0.0.1", "/mime/")])
        errors = [
            line for line in log.read_text(encoding="utf-8").splitlines() if "[emerg]" in line or "[crit]" in line
        ]
        assert errors == []


def file_for(site: Path, path: str) -> Path:
    file = site / unquote(path)
    return file / "index.html" if path == "" or path.endswith("/") else file


# ---- pages, on IPv4 and IPv6 --------------------------------------------------------------------------


@pytest.mark.parametrize("host", ["127.0.0.1", "::1"])
def test_pages_are_served_as_built_on_ipv4_and_ipv6(site_behind: NginxSite, host: str) -> None:
    for path in ["", "zones/", "zones/nanning-hitech/", "progress/", "news/", "search/search_index.json"]:
        answer = fetch(site_behind.url(path, host))
        assert (answer.status, answer.body) == (200, file_for(site_behind.site, path).read_bytes()), path


def test_a_folder_without_its_slash_is_redirected_within_the_path(site_behind: NginxSite) -> None:
    answer = fetch(site_behind.url("zones"))
    assert (answer.status, answer.header("Location")) == (301, site_behind.prefix + "zones/")


# ---- gzip, MIME types, caching ------------------------------------------------------------------------


def test_text_is_gzipped_for_browsers_that_ask(site_behind: NginxSite) -> None:
    csv = next(site_behind.site.glob("data/*.csv"))
    for path in ["", "assets/site.css", "assets/vendor/plotly/plotly-site.min.js", "search/search_index.json",
                 "sitemap.xml", f"data/{csv.name}"]:  # fmt: skip
        answer = fetch(site_behind.url(path), **{"Accept-Encoding": "gzip"})
        assert answer.header("Content-Encoding") == "gzip", path
        assert answer.header("Vary") == "Accept-Encoding", path
        assert gzip.decompress(answer.body) == file_for(site_behind.site, path).read_bytes(), path
        assert fetch(site_behind.url(path)).header("Content-Encoding") == "", path  # and plain for the others


# Every kind of file the site serves, by its extension: the Content-Type nginx must send (with `nosniff`, a
# browser trusts it: a script served as text/plain would not run). Text types carry the charset.
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "application/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".map": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".webp": "image/webp",
    ".svg": "image/svg+xml",  # the large cursor of the reading aids
    ".gz": "application/gzip",
    ".zip": "application/zip",  # the earlier data releases (issue 16): none in a build without history
    ".conf": "application/octet-stream",
    "": "application/octet-stream",  # the vendored plotly's LICENSE and VERSION
}


def test_every_kind_of_file_has_its_mime_type(site_behind: NginxSite) -> None:
    kinds: dict[str, str] = {}
    for file in sorted(site_behind.site.rglob("*")):
        if file.is_file():
            kinds.setdefault(file.suffix, file.relative_to(site_behind.site).as_posix())
    for required in (".csv", ".xlsx", ".json", ".xml", ".pdf"):  # the open data and the summary PDFs
        assert required in kinds, f"the sample site has no {required} file"
    assert set(kinds) | {".webp", ".zip"} == set(TYPES), "a new kind of file: add its type to deploy/nginx/gxkjzh.conf"
    got = {suffix: fetch(site_behind.url(path)).header("Content-Type") for suffix, path in kinds.items()}
    got[".webp"] = fetch(site_behind.mime_url + "case.webp").header("Content-Type")  # case images may be WebP
    got[".zip"] = fetch(site_behind.mime_url + "release.zip").header("Content-Type")
    assert got == TYPES


def test_pages_are_revalidated_and_the_themes_hashed_bundles_cached_for_a_year(site_behind: NginxSite) -> None:
    page = fetch(site_behind.url("zones/"))
    assert page.header("Cache-Control") == "no-cache" and page.header("ETag")
    again = fetch(site_behind.url("zones/"), **{"If-None-Match": page.header("ETag")})
    assert (again.status, again.body) == (304, b"")  # a new release shows at once, an unchanged page costs nothing
    bundles = [
        p for p in site_behind.site.glob("assets/*/*.min.*") if re.search(r"\.[0-9a-f]{8}\.min\.(js|css)$", p.name)
    ]
    assert len(bundles) >= 3
    for bundle in bundles:
        answer = fetch(site_behind.url(bundle.relative_to(site_behind.site).as_posix()))
        assert answer.header("Cache-Control") == "max-age=31536000", bundle.name
    for path in ["assets/site.css", "assets/charts.js", "assets/vendor/plotly/plotly-site.min.js"]:
        assert fetch(site_behind.url(path)).header("Cache-Control") == "no-cache", path  # no hash in the name


# ---- security headers ---------------------------------------------------------------------------------


class _Scripts(HTMLParser):
    """The text of each inline script a browser runs, read with an HTML parser (not the build's own regex)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.inline: list[str] = []
        self._open: bool = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self._open = tag == "script" and "src" not in found and found.get("type") in (None, "text/javascript")
        if self._open:
            self.inline.append("")

    def handle_data(self, data: str) -> None:
        if self._open:
            self.inline[-1] += data

    def handle_endtag(self, tag: str) -> None:
        self._open = False


def csp_hash(text: str) -> str:
    import base64
    import hashlib

    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def directives(policy: str) -> dict[str, str]:
    """A Content-Security-Policy's directives: name -> its sources as written."""
    parts = [part.strip().split(" ", 1) for part in policy.split(";") if part.strip()]
    return {part[0]: part[1] if len(part) > 1 else "" for part in parts}


def inline_hashes(site: Path) -> set[str]:
    """The CSP hash of every inline script of the site's pages."""
    found = set()
    for page in site.rglob("*.html"):
        parsed = _Scripts()
        parsed.feed(page.read_text(encoding="utf-8"))
        found |= {csp_hash(text) for text in parsed.inline}
    return found


def test_every_answer_carries_the_security_headers_and_the_csp_allows_exactly_the_pages_inline_scripts(
    site_behind: NginxSite,
) -> None:
    inline = inline_hashes(site_behind.site)
    assert len(inline) >= 3
    answers = {
        "page": fetch(site_behind.url("zones/")),
        "404": fetch(site_behind.url("no/such/page/")),
        "redirect": fetch(site_behind.url("zones")),
        "script": fetch(site_behind.url("assets/charts.js")),
        "hashed bundle": fetch(site_behind.url(next(site_behind.site.glob("assets/javascripts/bundle.*.min.js")).relative_to(site_behind.site).as_posix())),
        "PDF": fetch(site_behind.url(next(site_behind.site.rglob("*.pdf")).relative_to(site_behind.site).as_posix())),
        "IPv6": fetch(site_behind.url("", "::1")),
        "second path": fetch(site_behind.url("", prefix=SECOND_PREFIX)),
    }  # fmt: skip
    for kind, answer in answers.items():
        policy = directives(answer.header("Content-Security-Policy"))
        script_src = policy.get("script-src", "").split()
        assert script_src[:1] == ["'self'"] and set(script_src[1:]) == inline, kind
        assert "'unsafe-eval'" not in script_src and "'unsafe-inline'" not in script_src, kind
        assert policy["default-src"] == "'self'" and policy["object-src"] == "'none'", kind
        assert policy["frame-ancestors"] == "'self'" and policy["base-uri"] == "'self'", kind
        assert policy["style-src"] == "'self' 'unsafe-inline'", kind  # plotly.js's <style> element (README)
        assert answer.header("X-Content-Type-Options") == "nosniff", kind
        assert answer.header("Referrer-Policy") == "strict-origin-when-cross-origin", kind
        assert answer.header("X-Frame-Options") == "SAMEORIGIN", kind
        assert "camera=()" in answer.header("Permissions-Policy"), kind
        assert answer.header("Strict-Transport-Security") == "", kind  # over HTTPS only: commented in the file
    assert "# add_header Strict-Transport-Security" in (ROOT / "deploy/nginx/gxkjzh.conf").read_text(encoding="utf-8")


# ---- the 404 page --------------------------------------------------------------------------------------


class _Links(HTMLParser):
    """Every address a page loads or links: href and src, with the tag and its text for links."""

    def __init__(self) -> None:
        super().__init__()
        self.refs: list[tuple[str, str]] = []  # (tag, address)
        self.anchors: list[tuple[str, str]] = []  # (address, text) of <a>
        self._anchor: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src"):
            if found.get(name):
                self.refs.append((tag, found[name] or ""))
        if tag == "a":
            self._anchor = [found.get("href") or "", ""]

    def handle_data(self, data: str) -> None:
        if self._anchor is not None:
            self._anchor[1] += data

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._anchor is not None:
            self.anchors.append((self._anchor[0], self._anchor[1].strip()))
            self._anchor = None


def test_a_missing_page_gets_the_chinese_404_page_with_working_links_home_and_to_search(site_behind: NginxSite) -> None:
    for host in ("127.0.0.1", "::1"):
        url = site_behind.url("zones/no-such-zone/2031/", host)
        answer = fetch(url, **{"Accept-Encoding": "gzip"})
        assert answer.status == 404 and answer.header("Content-Type") == "text/html; charset=utf-8"
        html = gzip.decompress(answer.body).decode("utf-8")
        assert html == (site_behind.site / "404.html").read_text(encoding="utf-8")
        assert "<h1>页面不存在</h1>" in html
        parsed = _Links()
        parsed.feed(html)
        links = dict((text, href) for href, text in parsed.anchors)
        home, search = urljoin(url, links["回到首页"]), urljoin(url, links["搜索本站"])
        assert home == site_behind.url("", host) and search == site_behind.url("?q=", host)
        assert fetch(home).body == (site_behind.site / "index.html").read_bytes()
        assert fetch(search).status == 200
        for tag, ref in parsed.refs:  # its styles and scripts load at any depth
            if tag in ("link", "script") and not urlsplit(ref).scheme:
                assert fetch(urljoin(url, ref)).status == 200, ref


# ---- the same archive under any path (a 专栏 of the portal) -----------------------------------------


def test_every_pages_links_and_files_resolve_under_two_paths(site_behind: NginxSite) -> None:
    """Every page under the site's own path and under a second one: the page itself, every file it loads and every
    page it links, fetched over HTTP (each distinct address once). The 404 page is the exception: its links are
    absolute (it is shown at any depth), to the path of site_url (above)."""
    pages = sorted(p.relative_to(site_behind.site).as_posix() for p in site_behind.site.rglob("index.html"))
    assert len(pages) > 50
    for prefix in (site_behind.prefix, SECOND_PREFIX):
        base = site_behind.url("", prefix=prefix)
        seen: dict[str, int] = {}
        problems = []
        for page in pages:
            url = base + page.removesuffix("index.html")
            answer = fetch(url)
            assert answer.status == 200, url
            parsed = _Links()
            parsed.feed(answer.body.decode("utf-8"))
            for _tag, ref in parsed.refs:
                target = urljoin(url, ref).split("#", 1)[0]
                parts = urlsplit(target)
                if parts.scheme != "http" or parts.netloc != urlsplit(base).netloc:
                    continue  # another host (the ICP filing, the canonical address …) or mailto:
                if not parts.path.startswith(prefix):
                    problems.append(f"{page}: {ref} leaves {prefix}")
                    continue
                if target not in seen:
                    seen[target] = fetch(target).status
                if seen[target] != 200:
                    problems.append(f"{page}: {ref} -> {target} {seen[target]}")
        assert problems == [], "\n".join(problems[:20])
        assert len(seen) > len(pages)


# ---- the build's part, and the machine's --------------------------------------------------------------


def test_the_build_hashes_each_inline_script_a_browser_runs_and_nothing_else() -> None:
    from generator.site.csp import inline_scripts, script_hash

    html = (
        '<script>a()</script><script src="x.js"></script><script type="application/json">{"b": 1}</script>'
        '<SCRIPT type="module">\nc()\n</SCRIPT ><script defer type="text/javascript">d</script>'
    )
    assert inline_scripts(html) == ["a()", "\nc()\n", "d"]
    assert script_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"  # SHA-256 of nothing
    assert script_hash("a()") == csp_hash("a()")


def test_the_built_site_carries_its_snippet_for_nginx(sample_site: Path) -> None:
    """csp-hashes.conf at the root of the build (so in the archive): one `set` of every inline script's hash."""
    snippet = (sample_site / "csp-hashes.conf").read_text(encoding="utf-8")
    lines = [line for line in snippet.splitlines() if not line.startswith("#")]
    inline = inline_hashes(sample_site)
    # the sample takes no image from another host (its website badge is not set: a placeholder)
    assert lines == [f'set $gxkjzh_script_hashes "{" ".join(sorted(inline))}";', 'set $gxkjzh_image_hosts "";']


def test_make_sysdeps_and_ci_install_debians_nginx() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    sysdeps = re.search(r"^SYSDEPS := (.*)$", makefile, re.M)
    assert sysdeps and "nginx" in sysdeps.group(1).split()
    condition = makefile.split("\nsysdeps:\n", 1)[1].split("then", 1)[0]
    assert "command -v nginx" in condition  # a machine without nginx gets it
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert re.search(r"apt-get install [^\n]*(\\\n[^\n]*)*\bnginx\b", ci)


# ---- images from other hosts: the website badge as issued ------------------------------------------------------


def test_the_csp_allows_the_hosts_the_pages_take_images_from_and_nothing_from_the_data_slips_into_nginx(
    mini_site: Path,
) -> None:
    """The Party and government website badge is an image on its issuer's host (site.yaml's gov_badge.image):
    every build lists the origins of the images its pages take from other hosts in csp-hashes.conf, which the
    policy's img-src reads, so the badge shows under the tested CSP. Only a well-formed origin gets there: an
    address is data, and nothing of it but scheme, host and port may reach an nginx configuration."""
    from generator.site.csp import image_origins

    snippet = (mini_site / "csp-hashes.conf").read_text(encoding="utf-8")
    assert 'set $gxkjzh_image_hosts "https://example.org";' in snippet.splitlines()  # the mini site's badge
    html = (
        '<img src="https://DCS.conac.cn/image/red.png" alt="x"><img alt="y" src=\'http://b.example:8080/p.png\'>'
        '<img src="../assets/local.png"><img src="data:image/png;base64,AAAA">'
        '<img src="https://evil.example/x.png&quot;; add_header X 1; set $a &quot;"><img src="https://a&quot;b.example/">'
        '<img src="https://c.example:80x/"><img src="javascript:alert(1)"><a href="https://d.example/">no image</a>'
    )
    assert image_origins(html) == ["http://b.example:8080", "https://dcs.conac.cn", "https://evil.example"]
    conf = (ROOT / "deploy" / "nginx" / "gxkjzh.conf").read_text(encoding="utf-8")
    assert "img-src 'self' data: $gxkjzh_image_hosts;" in conf
