"""Every internal link and anchor in the built site resolves, raw HTML included (which `mkdocs build
--strict` does not check); every page has a unique, descriptive <title> and a language."""

from __future__ import annotations

import posixpath
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import SAMPLE

LINK_ATTRS = {("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")}


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.title = ""
        self.lang = ""
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value and (name == "id" or tag == "a"):
                self.ids.add(value)
            if (tag, name) in LINK_ATTRS and value is not None:
                self.links.append(value)
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        self._in_title = tag == "title"

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


@pytest.fixture
def site(sample_site: Path) -> Path:
    return sample_site  # the run's one build of the sample data (conftest)


def _parse(site: Path) -> dict[str, _Page]:
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = _Page()
        page.feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = page
    assert len(pages) > 50  # guards against a glob that finds nothing
    return pages


def _site_config() -> dict[str, str]:
    import yaml

    return yaml.safe_load((SAMPLE / "site.yaml").read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def _target(site: Path, page: str, href: str) -> tuple[str | None, str]:
    """The site file a link points to (None for other hosts and schemes) and its fragment. Root-relative
    links (the 404 page's) are read under the site URL's path."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    path = unquote(parts.path)
    if path.startswith("/"):
        prefix = urlsplit(_site_config()["site_url"]).path
        assert path.startswith(prefix), href
        page, path = "index.html", path[len(prefix) :] or "./"
    if not path:
        return page, unquote(parts.fragment)
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(page), path))
    if path.endswith("/") or (site / joined).is_dir():
        joined = posixpath.join(joined, "index.html")
    return joined, unquote(parts.fragment)


def test_every_internal_link_and_anchor_resolves(site: Path) -> None:
    pages = _parse(site)
    broken: dict[str, list[str]] = defaultdict(list)
    checked = 0
    for name, page in pages.items():
        for href in page.links:
            if href.startswith(("mailto:", "tel:")):
                continue
            target, fragment = _target(site, name, href)
            if target is None:
                continue
            checked += 1
            missing = target.startswith("../") or not (site / target).is_file()
            if missing or (fragment and target in pages and fragment not in pages[target].ids):
                broken[name].append(href)
    assert checked > 1000
    assert not broken, dict(list(broken.items())[:10])


def test_only_known_hosts_are_linked(site: Path) -> None:
    hosts = set()
    for page in _parse(site).values():
        for href in page.links:
            if urlsplit(href).netloc:
                hosts.add(urlsplit(href).netloc)
    config = _site_config()
    keys = ("site_url", "policy_url", "error_report", "question_channel")  # question_channel: issue 15
    own = {urlsplit(config[key]).netloc for key in keys if key in config}
    own |= {urlsplit(url).netloc for url in (config.get("gov_badge") or {}).values()}  # as issued (issue 15)
    # the ICP and the public-security filing lookups; no CDN, no fonts, no GitHub API
    assert hosts <= own | {"beian.miit.gov.cn", "beian.mps.gov.cn"}, hosts


def test_every_page_has_a_language_and_a_unique_descriptive_title(site: Path) -> None:
    pages = _parse(site)
    titles: dict[str, list[str]] = defaultdict(list)
    for name, page in pages.items():
        if name == "404.html":
            continue
        assert page.lang == "zh", name
        title = " ".join(page.title.split())
        assert len(title) > 4 and "广西" in title, (name, title)  # the page's own title and the site's name
        titles[title].append(name)
    duplicates = {t: n for t, n in titles.items() if len(n) > 1}
    assert not duplicates, duplicates
