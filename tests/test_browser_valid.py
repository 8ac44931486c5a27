"""Search starts when the reader opens it (issue 14, fast pages): no page load fetches Material's search index
or creates its search worker; opening search does, once, and search then finds its pages as before.
Reuses the served sample site and the helpers of tests/test_browser.py."""

from __future__ import annotations

from typing import Any

import pytest
from test_browser import CHROMIUM, Watch, base_url, context, open_page, served, site  # noqa: F401

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")

SEARCH_PARTS = ("/search/search_index.json", "/assets/javascripts/workers/search.")


def search_requests(urls: list[str]) -> list[str]:
    return [u for u in urls if any(part in u for part in SEARCH_PARTS)]


def test_search_index_and_worker_load_only_when_search_is_opened(context: Any, base_url: str) -> None:  # noqa: F811
    watch = Watch()
    requested: list[str] = []
    context.on("request", lambda request: requested.append(request.url))  # workers' requests too
    page = open_page(context, base_url + "zones/nanning-hitech/", watch)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    assert search_requests(requested) == []
    box = page.locator("input[data-md-component=search-query]")
    box.click()
    box.fill("南宁高新区")
    box.dispatch_event("keyup")  # typing Chinese does not fire Material's search by itself
    page.wait_for_selector(".md-search-result__item")
    links = page.eval_on_selector_all(".md-search-result__item a", "els => els.map(a => a.href)")
    assert any("zones/nanning-hitech/" in link for link in links), links[:5]
    assert sorted(u.split("/")[-1].split(".")[0] for u in search_requests(requested)) == ["search", "search_index"]
    watch.assert_clean()


def test_a_result_page_highlights_the_searched_words(context: Any, base_url: str) -> None:  # noqa: F811
    """?h= (Material's search.highlight, the address a result links to) needs the index at once."""
    watch = Watch()
    page = open_page(context, base_url + "zones/nanning-hitech/?h=%E7%A4%BA%E8%8C%83%E5%8C%BA", watch)  # 示范区
    page.wait_for_selector("article mark", timeout=15_000)
    watch.assert_clean()


def test_a_chart_just_below_the_first_screen_waits_for_the_first_scroll(browser: Any, base_url: str) -> None:  # noqa: F811
    """plotly.js (the page's longest task) is not fetched while no chart is in the first screen, even one inside
    the observer's 200 px margin below it; the reader's first scroll fetches it and the chart is drawn."""
    path = base_url + "indicators/tech_contract_turnover/"
    probe = browser.new_page(viewport={"width": 412, "height": 2000})
    probe.goto(path)
    top = probe.evaluate("document.querySelector('.chart-plot').getBoundingClientRect().top")
    probe.close()
    ctx = browser.new_context(viewport={"width": 412, "height": int(top) - 100}, locale="zh-CN")  # 100 px below
    try:
        watch = Watch()
        page = open_page(ctx, path, watch)
        page.wait_for_load_state("networkidle")
        page.wait_for_timeout(500)
        assert [u for u in watch.requested if "/vendor/plotly/" in u] == []
        assert page.evaluate("document.querySelectorAll('.chart-plot[data-rendered]').length") == 0
        page.mouse.wheel(0, 40)
        page.wait_for_selector(".chart-plot[data-rendered]", timeout=15_000)
        assert len([u for u in watch.requested if "/vendor/plotly/" in u]) == 2  # the bundle and its locale
        watch.assert_clean()
    finally:
        ctx.close()
