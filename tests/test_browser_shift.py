"""Pages whose scripts add controls (the case library's filter, the comparison's choice of zones and year) draw
them at their size from the first paint: nothing the reader is looking at moves when the script arrives. The same
check runs on every page in the sitemap sweep (`layout_shift_problems` in tests/test_browser.py); these two pages
are where it was first seen, at Lighthouse's phone size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import test_browser
from test_browser import Watch, layout_shift_problems, open_page, watch_layout_shifts

served, site, base_url = test_browser.served, test_browser.site, test_browser.base_url

pytestmark = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is missing")


@pytest.mark.parametrize("path", ["cases/", "compare/"])
def test_controls_drawn_by_a_script_move_nothing(browser: Any, base_url: str, path: str) -> None:
    ctx = browser.new_context(viewport={"width": 412, "height": 823}, locale="zh-CN")
    watch_layout_shifts(ctx)
    try:
        watch = Watch()
        page = open_page(ctx, base_url + path, watch)
        page.wait_for_load_state("networkidle")
        page.wait_for_function("() => document.querySelector('[data-ready]') !== null")
        page.wait_for_timeout(300)
        assert layout_shift_problems(page, path) == []
        watch.assert_clean()
    finally:
        ctx.close()
