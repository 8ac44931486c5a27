"""Tables a reader can read (issue 14, tables).

At 1280 px the pages with the widest tables (the zone list, the targets, the progress overview, the composite index,
a zone page) show every column of every table inside the content column, under a header row of a few lines, and
still show everything the old wide tables did. The phone's checks of every table (375 px: the latest year's cells
on the screen, a visible cue where a table still scrolls) are part of the sitemap sweep in tests/test_browser.py
(`table_problems`). The marks that sweep relies on, `data-latest-year`, are checked here against the YAML: on the
latest year's column (or cells), with the values written in the data.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import test_browser
from test_browser import Watch, open_page

from conftest import SAMPLE, load_catalog

# the served sample site and a 1280 px context: test_browser.py's fixtures
served, site, base_url, context = test_browser.served, test_browser.site, test_browser.base_url, test_browser.context

pytestmark = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is missing")

WIDE_PAGES = ("zones/", "progress/targets/", "progress/", "analysis/", "zones/nanning-hitech/")
HEADER_MAX_PX = 110  # about three lines of the tables' type and the cells' padding

# Per shown table: by how much it is wider than the box it scrolls in, the header row's height, and the header
# cells lying (even partly) outside the page's content column.
TABLE_FIT = """() => [...document.querySelectorAll('article table')]
  .filter(t => t.getBoundingClientRect().width > 0)
  .map(t => {
    const article = t.closest('article').getBoundingClientRect();
    let over = 0;
    for (let box = t; box && box.tagName !== 'ARTICLE'; box = box.parentElement)
      if (/auto|scroll/.test(getComputedStyle(box).overflowX)) over = Math.max(over, box.scrollWidth - box.clientWidth);
    const heads = t.tHead ? [...t.tHead.rows[0].cells] : [];
    return {
      first: heads.length ? heads[0].textContent.trim() : '',
      over,
      header: t.tHead ? Math.round(t.tHead.getBoundingClientRect().height) : 0,
      cut: heads.filter(th => th.getBoundingClientRect().right > article.right + 1).map(th => th.textContent.trim()),
      heads: heads.map(th => th.textContent.trim()),
    };
  })"""


def test_wide_tables_fit_the_content_column_at_1280_px(context: Any, base_url: str) -> None:
    from generator import i18n
    from generator.analysis.targets import STATUSES
    from generator.site.progress_words import status_label

    catalog = load_catalog(SAMPLE)
    problems: list[str] = []
    headers: dict[str, set[str]] = {}
    for path in WIDE_PAGES:
        watch = Watch()
        page = open_page(context, base_url + path, watch)
        page.wait_for_load_state("load")
        tables = page.evaluate(TABLE_FIT)
        assert tables, path
        headers[path] = {h for t in tables for h in t["heads"]}
        for t in tables:
            if t["over"] > 1 or t["cut"]:
                problems.append(f"/{path} {t['first']}: {t['over']} px wider than its box, cut: {t['cut']}")
            if t["header"] > HEADER_MAX_PX:
                problems.append(f"/{path} {t['first']}: header row {t['header']} px high")
        watch.assert_clean()
        page.close()
    assert problems == [], "\n".join(problems)
    # nothing the wide tables showed is gone: the composite index's categories and the targets' statuses
    with i18n.use("zh_CN"):
        statuses = {status_label(s) for s in STATUSES}
        status_word = i18n.pgettext("templates", "Status")
    assert all(any(h.startswith(c.name) for h in headers["analysis/"]) for c in catalog.categories), headers[
        "analysis/"
    ]
    assert statuses <= headers["progress/"], headers["progress/"]
    assert status_word in headers["progress/targets/"], headers["progress/targets/"]


# ---- the marks against the data ---------------------------------------------------------------------------------


class Tables(HTMLParser):
    """The page's tables: per table, its rows; per row, its cells as (tag, attributes, text). A cell's column name
    (`.cell-label`, shown where the table is laid out as cards) is not part of its text."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[tuple[str, dict[str, str | None], str]]]] = []
        self.cell: list[Any] | None = None
        self.label = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.tables:
            self.cell = [tag, dict(attrs), ""]
        elif tag == "span" and ("class", "cell-label") in attrs:
            self.label = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "span":
            self.label = False
        if tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append((self.cell[0], self.cell[1], " ".join(self.cell[2].split())))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None and not self.label:
            self.cell[2] += data


def tables_of(root: Path, path: str) -> list[list[list[tuple[str, dict[str, str | None], str]]]]:
    parser = Tables()
    parser.feed((root / path / "index.html").read_text(encoding="utf-8"))
    return parser.tables


def marked(row: list[tuple[str, dict[str, str | None], str]]) -> list[tuple[str, str]]:
    """The (year, text) of the row's cells marked as the latest year's."""
    return [(str(a["data-latest-year"]), text) for _, a, text in row if "data-latest-year" in a]


def shown(reading: Any) -> str:
    """A value as the site shows it: as written in the YAML, thousands separated (the site's one number rule)."""
    from generator.site.figures import figure

    return reading.marker or figure(reading.text) if reading is not None else "—"


def test_latest_year_marks_sit_on_the_latest_years_values(site: Path) -> None:
    """Zone pages: each indicator's table marks the zone's latest report year and its value as written in the YAML;
    indicator pages: the trends table marks the latest year any zone reported and each zone's value of that year;
    the zone list: each zone's key indicators, the value of its latest report (not the baseline) and its year."""
    from generator.site.zone_pages import KEY_INDICATORS

    catalog = load_catalog(SAMPLE)
    checked = 0
    for zone in catalog.zones.values():
        if not zone.reports:
            continue
        latest = max(zone.reports)
        blocks = [t for t in tables_of(site, f"zones/{zone.id}") if t and t[0] and re.match(r"\d{4}", t[0][1][2] or "")]
        assert blocks, zone.id
        readings = zone.reports[latest].readings
        values = {shown(r) for r in readings.values()} | {"—"}
        for table in blocks:
            head = marked(table[0])
            assert [y for y, _ in head] == [str(latest)] and head[0][1].startswith(str(latest)), (zone.id, table[0])
            value = marked(table[1])
            assert value and value[0][0] == str(latest) and value[0][1] in values, (zone.id, table[1])
            checked += 1
    assert checked > 50
    for ind in catalog.indicators:
        path = site / "indicators" / ind.id / "index.html"
        if not path.exists():  # a qualitative indicator: no page of values
            continue
        trends = [
            t for t in tables_of(site, f"indicators/{ind.id}") if len(t[0]) > 2 and re.match(r"\d{4}", t[0][1][2])
        ]
        if not trends:
            continue
        reported = [(z, y) for z in catalog.zones.values() for y, r in z.reports.items() if ind.id in r.readings]
        last = max(y for _, y in reported)
        (head,) = [marked(trends[-1][0])]
        assert [y for y, _ in head] == [str(last)], (path, trends[-1][0])
        by_name = {(z.zone.short_name or z.zone.name): z for z in catalog.zones.values()}
        for row in trends[-1][1:]:
            zone = by_name[row[0][2]]
            report = zone.reports.get(last)
            expected = shown(report.readings.get(ind.id)) if report else "—"
            cells = marked(row)
            assert len(cells) == 1 and cells[0][0] == str(last) and cells[0][1].startswith(expected), (ind.id, row)
    (listing,) = [t for t in tables_of(site, "zones") if len(t) > 1]
    heads = [text for _, _, text in listing[0]]
    for row in listing[1:]:
        name = row[0][2]
        zone = next(z for z in catalog.zones.values() if name.startswith(z.zone.short_name or z.zone.name))
        years = [y for y in sorted(zone.reports, reverse=True) if not zone.reports[y].report.baseline]
        for ind_id in KEY_INDICATORS:
            (column,) = [k for k, head in enumerate(heads) if head.startswith(catalog.indicator(ind_id).name)]
            _, attrs, text = row[column]
            latest = next((y for y in years if ind_id in zone.reports[y].readings), None)
            if latest is None:
                assert "data-latest-year" not in attrs and text == "—", (name, ind_id, row[column])
                continue
            assert attrs.get("data-latest-year") == str(latest), (name, ind_id, row[column])
            assert text.startswith(shown(zone.reports[latest].readings[ind_id])), (name, ind_id, text)
            checked += 1
    assert checked > 60


# ---- a phone's scrolling tables: each region named for its own table --------------------------------------------

REGION_NAMES = """() => [...document.querySelectorAll('article [role=region]')]
  .map(r => r.getAttribute('aria-label') || '')"""


def test_each_scrolling_tables_region_has_a_name_of_its_own_on_a_phone(browser: Any, base_url: str) -> None:
    """axe's landmark-unique: two regions of one page with one name are one place to a screen reader's list of
    landmarks. /analysis/ has tables that scroll at 375 px; each region names its table."""
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    try:
        watch = Watch()
        page = open_page(ctx, base_url + "analysis/", watch)
        page.wait_for_load_state("load")
        names = page.evaluate(REGION_NAMES)
        assert len(names) >= 2, names
        assert all(names) and len(set(names)) == len(names), names
        watch.assert_clean()
    finally:
        ctx.close()
