"""The library's filter in a real browser (Debian's Chromium through Playwright): choices from the JSON,
filtering in place, the live count, and the filter kept in (and read from) the address."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import SAMPLE, build_site

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed")
    site = build_site(tmp_path_factory.mktemp("filter"), SAMPLE)
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


def _visible(page: object) -> int:
    return page.locator(".case-item:visible").count()  # type: ignore[attr-defined,no-any-return]


def test_filter_applies_the_address_and_writes_it_back(served: str) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(served + "cases/?task=platforms")
        page.wait_for_selector("#case-filter-task")
        total = page.locator(".case-item").count()
        shown = _visible(page)
        assert 0 < shown < total
        assert page.locator("#case-count").inner_text() == f"共 {shown} 个案例"
        assert page.get_by_label("主要任务").input_value() == "platforms"
        page.get_by_label("主要任务").select_option("")
        assert _visible(page) == total and page.url == served + "cases/"
        city = page.locator("#case-filter-city option").nth(1).get_attribute("value")
        page.get_by_label("设区市").select_option(city)
        assert page.url.endswith(f"cases/?city={city}")
        assert 0 < _visible(page) < total
        assert page.locator("#case-count").get_attribute("aria-live") == "polite"
        page.get_by_role("button", name="清除筛选").click()
        assert _visible(page) == total
        browser.close()


def test_filter_runs_after_instant_navigation(served: str) -> None:
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        page = browser.new_page()
        page.goto(served + "policy/tasks/")
        page.locator('article a[href*="task=mechanism"]').click()  # Material loads it without a full reload
        page.wait_for_selector("#case-filter-task")
        assert page.get_by_label("主要任务").input_value() == "mechanism"
        assert page.locator("#case-count").inner_text() == f"共 {_visible(page)} 个案例"
        browser.close()
