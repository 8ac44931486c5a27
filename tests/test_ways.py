"""Ways through the site (issue 14, "Ways through"): an indicator heading on a zone page leads to its indicator
page, a summary page to its zone, every reported year has its PDF (kept between CI runs), the PDF's links use the
site's real address, and a news post says its whole news where it is listed. The empty case filter's way out is
a browser test (tests/test_browser_ways.py)."""

from __future__ import annotations

import html

import pytest

from conftest import SAMPLE, generated
from generator.data.kinds import KINDS
from generator.site import paths
from generator.site.common import zone_short


def _plain(markdown: str) -> str:
    return html.unescape(markdown)


# ---- 1. an indicator heading on a zone page links to its indicator page ------------------------------------


@pytest.mark.xfail(
    strict=True, reason="issue 14: an indicator heading on a zone page is plain text, no link to its page"
)
def test_zone_page_indicator_headings_link_their_indicator_pages() -> None:
    """Every common quantitative indicator's heading on every zone page with reports is a link to that
    indicator's page (the pages made: `indicator_page`); the zone's own indicators, which have no page, stay
    plain headings."""
    catalog, site = generated(SAMPLE, pdf=False)
    with_page = [ind for ind in catalog.indicators if KINDS[ind.kind].numeric]
    assert with_page and all(paths.indicator_page(ind.id) in site.pages for ind in with_page)
    checked = 0
    for zone in catalog.zones.values():
        if not zone.reports:
            continue
        here = paths.zone_page(zone.id)
        headings = [line for line in _plain(site.pages[here]).splitlines() if line.startswith("### ")]
        for ind in with_page:
            target = paths.href(here, paths.indicator_page(ind.id))
            linked = [line for line in headings if line.startswith(f"### [{ind.name}]({target})")]
            assert len(linked) == 1, (zone.id, ind.id, [line for line in headings if ind.name in line])
            checked += 1
        for own in zone.own_indicators:
            assert any(line.startswith(f"### {own.name}") for line in headings), (zone.id, own.id)
    assert checked == len(with_page) * sum(1 for z in catalog.zones.values() if z.reports)


# ---- 2. a summary page links to its zone at the top -----------------------------------------------------


@pytest.mark.xfail(strict=True, reason="issue 14: a summary page names its zone only inside the disclaimer")
def test_summary_page_links_its_zone_right_under_its_title() -> None:
    """The first thing under a summary page's title is a link to its zone's page (before the disclaimer)."""
    catalog, site = generated(SAMPLE, pdf=False)
    pages = 0
    for zone in catalog.zones.values():
        for year in zone.reports:
            here = paths.year_page(zone.id, year)
            body = site.pages[here].split("\n---\n", 1)[1]
            first = next(line for line in body.split("\n# ", 1)[1].splitlines()[1:] if line.strip())
            target = paths.href(here, paths.zone_page(zone.id))
            assert f"]({target})" in first and "!!!" not in first, (here, first)
            assert zone_short(zone) in _plain(first), (here, first)
            pages += 1
    assert pages == sum(len(z.reports) for z in catalog.zones.values()) == 14
