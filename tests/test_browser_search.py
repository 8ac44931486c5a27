"""Search in a real browser, as a reader types Chinese words (issue 14, "Search finds Chinese words").

The queries and what they must find come from the sample data: an indicator's name, each zone's name, a
term of the guideline that a tag, an indicator and a case share (中试). What a result "contains" is read from
the built search index (the text Material searches), the snippets from the result list as shown.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import pytest
from chart_contract import CHROMIUM
from test_browser import Watch, open_page, serving

from conftest import SAMPLE, load_catalog

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
)
playwright_sync = pytest.importorskip("playwright.sync_api")

TAG = re.compile(r"<[^>]+>")


@pytest.fixture(scope="module")
def served_sample(sample_site: Path) -> Iterator[tuple[Path, str]]:
    """The session's sample site (conftest: built once, shared with the other whole-site tests) served on
    127.0.0.1: search needs no second build (nothing here navigates, so the site's own address is no matter)."""
    with serving(sample_site) as url:
        yield sample_site, url


class Search:
    """One page of the served site with its search open, for every query of the module: the first query comes in
    by the address (deep link ?q=, as Material supports), each later one is typed into the search box, as a
    reader searches again. Material's worker and index start once, not once per query; what a query shows is
    read as before (`read_results`), after the previous query's results were taken off the list."""

    def __init__(self, browser: Any, base_url: str) -> None:
        self.base_url = base_url
        self.ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
        self.ctx.set_default_timeout(10_000)
        self.page: Any = None
        self.watch = Watch()

    def __call__(self, term: str) -> list[dict[str, Any]]:
        """What the search shows for `term`; no console error, failed or foreign request while it ran."""
        if self.page is None:
            self.page = open_page(self.ctx, f"{self.base_url}?q={quote(term)}", self.watch)
        else:
            type_query(self.page, term)
        items = read_results(self.page, term, self.base_url)
        self.watch.assert_clean()
        return items

    def close(self) -> None:
        self.ctx.close()


def type_query(page: Any, term: str) -> None:
    """`term` typed into the open search box in place of the last query, the shown results taken off first, so
    that the results read next are this query's (Material renders a new list when the worker answers)."""
    box = page.locator("input[data-md-component=search-query]")
    if box.input_value() == term:  # the same query again: Material does not search again; its list stands
        return
    page.eval_on_selector(".md-search-result__list", "el => el.replaceChildren()")
    box.fill(term)
    box.dispatch_event("keyup")  # typing Chinese does not fire Material's search by itself


@pytest.fixture(scope="module")
def search(browser: Any, served_sample: tuple[Path, str]) -> Iterator[Search]:
    searching = Search(browser, served_sample[1])
    yield searching
    searching.close()


def index_texts(site: Path) -> dict[str, str]:
    """Each searchable location -> its title and text as the reader sees them (no markup, no word breaks)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    return {d["location"]: TAG.sub("", d["title"] + " " + d["text"]).replace("\u200b", "") for d in index["docs"]}


class _HeadRows(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.rows: list[str] = []
        self.cells: list[str] | None = None
        self.depth = 0

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag == "thead":
            self.depth += 1
        elif tag == "tr" and self.depth:
            self.cells = []
        elif tag == "th" and self.cells is not None:
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self.depth -= 1
        elif tag == "tr" and self.cells is not None:
            if len(self.cells) >= 2:
                self.rows.append(" ".join(c.strip() for c in self.cells))
            self.cells = None

    def handle_data(self, data: str) -> None:
        if self.cells:
            self.cells[-1] += data


def heading_rows(site: Path, locations: set[str]) -> set[str]:
    """The heading rows (two cells or more, joined by a space) of the tables on the pages found."""
    rows: set[str] = set()
    for path in sorted({loc.split("#")[0] for loc in locations}):
        parser = _HeadRows()
        parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
        rows.update(parser.rows)
    return rows


RESULTS = """els => els.map(li => ({
  href: li.querySelector('a').href,
  snippets: [...li.querySelectorAll('article')].map(a => {
    const copy = a.cloneNode(true);
    copy.querySelectorAll('h1, h2, .md-search-result__icon').forEach(e => e.remove());
    return copy.textContent.replace(/\u200b/g, '').replace(/\\s+/g, ' ').trim();
  }).filter(Boolean),
}))"""


def read_results(page: Any, term: str, root: str) -> list[dict[str, Any]]:
    """The results the open search dialog shows: per result item its page's location (relative to `root`)
    and the snippets of its entries (the text below each title), in order; every result, scrolled into view."""
    page.wait_for_selector(".md-search-result__item")
    meta = page.locator(".md-search-result__meta").inner_text()
    total = int(re.sub(r"\D", "", meta) or 1)  # "找到 N 个符合条件的结果"
    for _ in range(3 + total // 2):  # Material shows 10 results, then 4 more each time the list's end is reached
        if page.locator(".md-search-result__item").count() >= total:
            break
        page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTo(0, 0)")
        page.wait_for_timeout(50)
        page.eval_on_selector(".md-search__scrollwrap", "el => el.scrollTo(0, el.scrollHeight)")
        page.wait_for_timeout(100)
    items: list[dict[str, Any]] = page.eval_on_selector_all(".md-search-result__item", RESULTS)
    assert len(items) == total, (term, meta, len(items))
    for item in items:
        item["location"] = urlsplit(item["href"]).path.removeprefix(urlsplit(root).path)
    return items


def snippets_are_page_text(site: Path, items: list[dict[str, Any]]) -> None:
    rows = heading_rows(site, {item["location"] for item in items})
    assert rows, "the pages found have tables: the check below must have something to compare"
    for item in items:
        for snippet in item["snippets"]:
            shown = " ".join(snippet.split())
            assert not [row for row in rows if row in shown], (item["location"], snippet)


def test_an_indicators_name_finds_its_page_first(search: Search, served_sample: tuple[Path, str]) -> None:
    site = served_sample[0]
    catalog = load_catalog(SAMPLE)
    indicator = next(i for i in catalog.indicators if i.name.startswith("技术合同"))
    items = search("技术合同")
    assert items[0]["location"] == f"indicators/{indicator.id}/", [i["location"] for i in items[:5]]
    snippets_are_page_text(site, items)


def test_a_term_finds_only_pages_that_contain_it(search: Search, served_sample: tuple[Path, str]) -> None:
    site = served_sample[0]
    texts = index_texts(site)
    holding = {loc.split("#")[0] for loc, text in texts.items() if "中试" in text}
    items = search("中试")
    found = [item["location"] for item in items]
    assert found, "no result"
    # every page shown contains the term, and every page of the index that contains it is shown
    assert [loc for loc in found if loc not in holding] == []
    assert set(found) == holding
    # the pages named after it: the indicator, the tag's case
    catalog = load_catalog(SAMPLE)
    assert {f"indicators/{i.id}/" for i in catalog.indicators if "中试" in i.name} <= set(found)
    assert {f"cases/{c.slug}/" for c in catalog.cases if "中试" in c.case.title} <= set(found)
    snippets_are_page_text(site, items)


def test_each_zones_name_finds_its_zone_page_first(search: Search, served_sample: tuple[Path, str]) -> None:
    site = served_sample[0]
    catalog = load_catalog(SAMPLE)
    assert len(catalog.zones) >= 6
    wrong = {}
    for zone_id, record in sorted(catalog.zones.items()):
        items = search(record.zone.name)
        if items[0]["location"] != f"zones/{zone_id}/":
            wrong[record.zone.name] = [i["location"] for i in items[:3]]
        snippets_are_page_text(site, items)
    assert wrong == {}


def test_each_zones_short_name_finds_its_zone_page_first(search: Search, served_sample: tuple[Path, str]) -> None:
    """The site's other pages call a zone by its short name (南宁示范区 …): typed, it finds the zone."""
    site = served_sample[0]
    catalog = load_catalog(SAMPLE)
    short = {zone_id: r.zone.short_name for zone_id, r in sorted(catalog.zones.items()) if r.zone.short_name}
    assert len(short) >= 6
    wrong = {}
    for zone_id, name in short.items():
        items = search(name)
        if not items or items[0]["location"] != f"zones/{zone_id}/":
            wrong[name] = [i["location"] for i in items[:3]]
        snippets_are_page_text(site, items)
    assert wrong == {}


def test_snippets_show_page_text_not_table_headings(search: Search, served_sample: tuple[Path, str]) -> None:
    site = served_sample[0]
    catalog = load_catalog(SAMPLE)
    zone = catalog.zones[sorted(catalog.zones)[0]].zone
    for term in (catalog.indicators[0].name, zone.name, zone.parks[0].name):
        items = search(term)
        assert items, term
        snippets_are_page_text(site, items)


def test_the_offline_preview_finds_the_same(browser: Any, offline_preview: Path) -> None:
    """Opened from disk, search runs in the iframe-worker shim (README, offline preview): the same queries
    find the same pages, in the preview's own addresses (no directory URLs)."""
    catalog = load_catalog(SAMPLE)
    texts = index_texts(offline_preview)
    indicator = next(i for i in catalog.indicators if i.name.startswith("技术合同"))
    [indicator_page] = [loc for loc, text in texts.items() if "#" not in loc and f"/{indicator.id}" in loc]
    holding = {loc.split("#")[0] for loc, text in texts.items() if "中试" in text}
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(15_000)
    errors: list[str] = []
    root = offline_preview.as_uri() + "/"
    try:
        page = ctx.new_page()
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.on("request", lambda req: req.url.startswith("file://") or errors.append(req.url))
        for term in ("技术合同", "中试"):  # one page: the first by the address, the second typed (`Search`)
            if page.url == "about:blank":
                page.goto((offline_preview / "index.html").as_uri() + f"?q={quote(term)}")
            else:
                type_query(page, term)
            items = read_results(page, term, root)
            if term == "技术合同":
                assert items[0]["location"] == indicator_page, [i["location"] for i in items[:5]]
            else:
                assert {item["location"] for item in items} == holding
    finally:
        ctx.close()
    assert errors == []
