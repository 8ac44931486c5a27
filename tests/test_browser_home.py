"""The home page in a real browser (issue 14): on a phone (375 px) the zones counted by status and the target
counts lie within the first two screens; at 1280 px within the first screen and a half; the sample-data banner
is on the first screen at both widths."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import CHROMIUM, Watch, base_url, open_page, served, site  # noqa: F401

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")

SCREEN = 800  # the viewport's height


def _box(page: Any, selector: str) -> dict[str, float]:
    assert page.locator(selector).count() == 1, f"{selector} is not on the home page"
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not on the home page"
    return dict(box)


@pytest.mark.parametrize(("width", "screens"), [(375, 2), (1280, 1.5)])
def test_zones_by_status_and_target_counts_are_in_the_first_screens(
    browser: Any,
    base_url: str,  # noqa: F811
    width: int,
    screens: float,
) -> None:
    watch = Watch()
    context = browser.new_context(viewport={"width": width, "height": SCREEN}, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = open_page(context, base_url, watch)
    limit = SCREEN * screens
    for selector in ("#home-zones", "#home-targets"):
        box = _box(page, selector)
        assert box["y"] < limit, (width, selector, box)
    # the count of every stage and the whole list of target counts lie inside the limit
    for selector in ("#home-zones .home-counts", "#home-targets ul"):
        box = _box(page, selector)
        assert box["y"] + box["height"] <= limit, (width, selector, box)
    banner = _box(page, ".sample-banner")
    assert banner["y"] + banner["height"] <= SCREEN
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    watch.assert_clean()
    context.close()
