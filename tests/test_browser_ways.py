"""Ways through, in a real browser (issue 14): an empty filter result says how to widen it. Only the case library
is opened (the sitemap sweep lives in tests/test_browser.py); the fixtures are test_browser.py's."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from test_browser import CHROMIUM, Watch, base_url, open_page, served, site  # noqa: F401 (fixtures)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")

FIELDS = {"task": ("主要任务", "task_name"), "city": ("设区市", "city_name"), "year": ("年份", "year")}


def _matches(case: dict[str, Any], chosen: dict[str, str]) -> bool:
    return all(str(case[key]) == value for key, value in chosen.items())


def _empty_pair(cases: list[dict[str, Any]]) -> dict[str, str]:
    """A task and a city that each have cases but no case together (from the built cases/index.json)."""
    for task in sorted({c["task"] for c in cases}):
        for city in sorted({c["city"] for c in cases}):
            if not any(_matches(c, {"task": task, "city": city}) for c in cases):
                return {"task": task, "city": city}
    raise AssertionError("the sample data has no empty task × city combination")


def _name(cases: list[dict[str, Any]], key: str, value: str) -> str:
    return str(next(c[FIELDS[key][1]] for c in cases if str(c[key]) == value))


@pytest.mark.parametrize("width", [375, 1280])
def test_an_empty_case_filter_says_how_to_widen_it(browser: Any, base_url: str, site: Path, width: int) -> None:  # noqa: F811
    cases = json.loads((site / "cases/index.json").read_text(encoding="utf-8"))["cases"]
    chosen = _empty_pair(cases)
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    context.set_default_timeout(10_000)
    try:
        watch = Watch()
        page = open_page(context, base_url + f"cases/?task={chosen['task']}&city={chosen['city']}", watch)
        page.wait_for_selector("#case-filter[data-ready]", state="attached")
        assert page.locator(".case-item:visible").count() == 0
        live = page.locator("#case-count")
        assert live.get_attribute("aria-live") == "polite"
        assert live.inner_text() == "没有同时符合所选全部条件的案例。可以去掉其中一个条件再看："
        # one button per chosen filter, naming it and how many cases are left without it, then one for all
        buttons = page.locator(".case-widen button")
        expected = []
        for key in ("task", "city"):
            rest = {k: v for k, v in chosen.items() if k != key}
            left = sum(1 for c in cases if _matches(c, rest))
            expected.append(f"去掉“{FIELDS[key][0]}：{_name(cases, key, chosen[key])}”（{left} 个案例）")
        expected.append(f"清除全部筛选（{len(cases)} 个案例）")
        assert buttons.all_inner_texts() == expected
        box = buttons.nth(1).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width  # on screen on a phone
        buttons.nth(1).click()  # remove the city: the task's cases come back
        left = sum(1 for c in cases if _matches(c, {"task": chosen["task"]}))
        assert page.locator(".case-item:visible").count() == left > 0
        assert live.inner_text() == f"共 {left} 个案例"
        assert page.locator(".case-widen button").count() == 0
        assert page.url.endswith(f"cases/?task={chosen['task']}")
        assert page.get_by_label("设区市").input_value() == ""
        watch.assert_clean()
    finally:
        context.close()
