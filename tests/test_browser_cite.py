"""Cite a chart in the browser (issue 16, section 2), from the offline preview opened from disk: the chart's CSV
link downloads exactly the numbers the drawn chart shows, and its permalink is the chart's anchor."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import test_browser

pytest.importorskip("playwright.sync_api")

CHART = "chart-nanning-hitech-tech_contract_turnover"


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from test_browser.downloading_page(browser, 375)


def test_a_charts_csv_link_downloads_the_numbers_the_chart_draws(offline_preview: Path, page: Any) -> None:
    page.goto((offline_preview / "zones/nanning-hitech/index.html").as_uri())
    block = page.locator(f".chart:has(#{CHART})")
    link = block.get_by_role("link", name="下载本图数据（CSV）")
    link.scroll_into_view_if_needed()
    page.wait_for_selector(f'#{CHART}[data-rendered="true"]')
    drawn = page.evaluate(f"(() => {{ const d = document.getElementById('{CHART}').data[0]; return [d.x, d.y]; }})()")
    with page.expect_download() as info:
        link.click()
    file = info.value
    assert file.failure() is None and file.suggested_filename == f"{CHART}.csv"
    text = Path(file.path()).read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))[1:]
    assert [r[0] for r in rows] == drawn[0]
    for (_year, cell), value in zip(rows, drawn[1], strict=True):
        assert (Decimal(cell) == Decimal(repr(value))) if value is not None else cell, (cell, value)
    permalink = block.get_by_role("link", name="本图链接")
    permalink.click()
    assert page.evaluate("location.hash") == f"#{CHART}"
