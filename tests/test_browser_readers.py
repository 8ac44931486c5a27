"""What a reader sees first, in a real browser (issue 14): the home page's four answers (target progress, the
performance groups, the zones by stage, the latest news) begin within the first two screens of a phone (375 × 812)
and within the first screen at 1280 px; the zone list at 1280 px names each zone by its short name on one line (the
full name in the link's title) under a header row of at most two lines. Only these two pages are opened (the
sitemap sweep lives in tests/test_browser.py); the fixtures are test_browser.py's."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import CHROMIUM, Watch, base_url, open_page, served, site  # noqa: F401 (fixtures)

from conftest import SAMPLE, load_catalog

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")

# Each block of the home page and what it answers; its heading is the block's first line.
HOME_BLOCKS = ("#home-targets", "#home-groups", "#home-zones", "#home-news")


def _context(browser: Any, width: int, height: int) -> Any:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="zh-CN")
    context.set_default_timeout(10_000)
    return context


@pytest.mark.parametrize(("width", "height", "screens"), [(375, 812, 2), (1280, 800, 1)])
def test_the_home_pages_four_answers_begin_in_the_first_screens(
    browser: Any,
    base_url: str,  # noqa: F811
    width: int,
    height: int,
    screens: int,
) -> None:
    context = _context(browser, width, height)
    try:
        watch = Watch()
        page = open_page(context, base_url, watch)
        page.wait_for_load_state("load")
        limit = height * screens
        late = []
        for selector in HOME_BLOCKS:
            assert page.locator(selector).count() == 1, f"{selector} is not on the home page"
            heading = page.locator(f"{selector} h2").first.bounding_box()
            assert heading is not None, selector
            if heading["y"] + heading["height"] > limit:
                late.append(f"{selector} at {round(heading['y'])} px")
        assert late == [], f"below the first {screens} screen(s) ({limit} px) at {width} px: {late}"
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        watch.assert_clean()
    finally:
        context.close()


# The zone list's table at 1280 px: its header row's lines and each zone's row (its link's text, title and lines).
ZONE_LIST = """() => {
  const table = document.querySelector('article table');
  const lines = (cell, height) => {
    const style = getComputedStyle(cell);
    const inner = height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom);
    return inner / parseFloat(style.lineHeight);
  };
  const head = table.tHead.rows[0];
  return {
    header: Math.max(...[...head.cells].map(th => lines(th, head.getBoundingClientRect().height))),
    rows: [...table.tBodies[0].rows].map(row => {
      const a = row.cells[0].querySelector('a');
      return {href: a.getAttribute('href'), text: a.textContent.trim(), title: a.getAttribute('title'),
              linkLines: a.getClientRects().length, lines: lines(row.cells[0], row.getBoundingClientRect().height)};
    }),
  };
}"""


def test_the_zone_list_at_1280_px_names_each_zone_on_one_line_under_a_short_header(
    browser: Any,
    base_url: str,  # noqa: F811
) -> None:
    catalog = load_catalog(SAMPLE)
    context = _context(browser, 1280, 800)
    try:
        watch = Watch()
        page = open_page(context, base_url + "zones/", watch)
        page.wait_for_load_state("load")
        found = page.evaluate(ZONE_LIST)
        assert found["header"] <= 2.1, f"the header row is {found['header']:.1f} lines high"
        assert len(found["rows"]) == len(catalog.zones)
        for row in found["rows"]:
            zone = catalog.zones[row["href"].rstrip("/").rsplit("/", 1)[-1]]
            short = zone.zone.short_name or zone.zone.name
            assert (row["text"], row["title"]) == (short, zone.zone.name if short != zone.zone.name else None), row
            assert row["linkLines"] == 1, row  # the name on one line
            assert row["lines"] <= 2.1, row  # the name, and the city and level under it
        watch.assert_clean()
    finally:
        context.close()
