"""Annual-report submissions by year: on time, late by N days, missing (the checker's own rule), not yet due,
revoked zones, and the zones whose evaluation is due; the page shows them."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import pytest

from conftest import MINI, SAMPLE, generated, load_catalog, plain_cells, replace_once, run_check
from generator.analysis.reporting import (
    LATE,
    MISSING,
    ON_TIME,
    PENDING,
    evaluations_due,
    owed_years,
    reporting_years,
)
from generator.analysis.stage import analyse
from generator.data.catalog import Catalog
from generator.site.common import sorted_zones
from generator.site.pages import make_pages


def _states(catalog: Catalog) -> list[tuple[int, str, str, int]]:
    return [
        (y.year, s.zone.id, s.state, s.days) for y in reporting_years(catalog, sorted_zones(catalog)) for s in y.rows
    ]


def test_on_time_report_and_evaluation_due_in_the_as_of_year() -> None:
    catalog = load_catalog(MINI)  # as of 2024-06-30; period 2023–2024; the 2023 report submitted 2024-01-20
    assert _states(catalog) == [(2023, "demo-zone", ON_TIME, 0)]
    due = evaluations_due(catalog, sorted_zones(catalog))
    assert [(e.zone.id, e.period_end, e.ended) for e in due] == [("demo-zone", 2024, False)]


def test_late_by_n_days(data_copy: Path) -> None:
    replace_once(data_copy / "zones/demo-zone/annual/2023.yaml", "submitted: 2024-01-20", "submitted: 2024-02-15")
    assert _states(load_catalog(data_copy)) == [(2023, "demo-zone", LATE, 15)]  # 31 January + 15 days


def test_missing_report_agrees_with_the_checker(data_copy: Path) -> None:
    (data_copy / "zones/demo-zone/annual/2023.yaml").unlink()
    # overdue since 2024-01-31: February (29, a leap year) + March 31 + April 30 + May 31 + June 30 = 151 days
    assert _states(load_catalog(data_copy)) == [(2023, "demo-zone", MISSING, 151)]
    _code, lines = run_check(data_copy)
    assert [line for line in lines if "report-missing" in line and "2023 年度报告" in line]


def test_not_yet_due_then_missing_then_evaluation_overdue(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDF", "0")  # the pages are checked, not the summary PDFs: no WeasyPrint renders
    replace_once(data_copy / "site.yaml", "as_of: 2024-06-30", "as_of: 2025-01-31")
    catalog = load_catalog(data_copy)
    assert _states(catalog) == [(2024, "demo-zone", PENDING, 0), (2023, "demo-zone", ON_TIME, 0)]
    _code, lines = run_check(data_copy)
    assert not [line for line in lines if "report-missing" in line and "2024 年度报告" in line]  # due on the day
    replace_once(data_copy / "site.yaml", "as_of: 2025-01-31", "as_of: 2025-03-01")
    catalog = load_catalog(data_copy)
    assert _states(catalog)[0] == (2024, "demo-zone", MISSING, 29)
    due = evaluations_due(catalog, sorted_zones(catalog))
    assert [(e.zone.id, e.ended) for e in due] == [("demo-zone", True)]
    page = html.unescape(make_pages(catalog, analyse(catalog)).pages["progress/reporting.md"])
    assert "| [演示示范区](../zones/demo-zone/index.md) | 2025-01-31 | — | 未报送（已过截止日期 29 天） |" in page
    assert (
        "2024 年度应报送 1 份年度建设报告（截止日期 2025 年 1 月 31 日），已报送 0 份，1 份已过截止日期仍未报送。"
        in page
    )
    assert (
        "- [演示示范区](../zones/demo-zone/index.md)：建设期 2023—2024 年，已于 2024 年底届满，尚未记录总结评估。"
        in page
    )


def test_revoked_zone_owes_no_report_for_the_year_of_revocation(data_copy: Path) -> None:
    replace_once(data_copy / "site.yaml", "as_of: 2024-06-30", "as_of: 2025-06-30")
    zone = data_copy / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8") + "  - kind: evaluated\n    date: 2024-10-01\n    result: revoked\n",
                    encoding="utf-8")  # fmt: skip
    catalog = load_catalog(data_copy)
    assert owed_years(catalog.zones["demo-zone"], catalog.as_of) == [2023]
    assert _states(catalog) == [(2023, "demo-zone", ON_TIME, 0)]
    assert evaluations_due(catalog, sorted_zones(catalog)) == []  # evaluated (revoked)
    _code, lines = run_check(data_copy)
    assert not [line for line in lines if "report-missing" in line and "2024 年度报告" in line]


def test_sample_reporting_page() -> None:
    catalog, site = generated(SAMPLE)  # as of 2026-03-31
    states = _states(catalog)
    assert (2025, "liuzhou-hitech", LATE, 16) in states  # submitted 2026-02-16
    assert [s for s in states if s[0] == 2025 and s[2] == ON_TIME] == [
        (2025, "nanning-hitech", ON_TIME, 0), (2025, "guilin-hitech", ON_TIME, 0)]  # fmt: skip
    assert {y for y, *_ in states} == {2023, 2024, 2025}
    assert not [s for s in states if s[1] == "beihai-hitech" and s[0] == 2025]  # period 2023–2024
    due = evaluations_due(catalog, sorted_zones(catalog))
    assert [(e.zone.id, e.ended) for e in due] == [("guilin-hitech", False)]  # ends 2026, not evaluated
    page = plain_cells(html.unescape(site.pages["progress/reporting.md"]))
    assert page.index("## 2025 年度") < page.index("## 2024 年度") < page.index("## 2023 年度")  # latest first
    assert "| 2025 | 3 | 2 | 1 | 0 | 0 |" in page and "| 2024 | 4 | 4 | 0 | 0 | 0 |" in page
    assert (
        "| [柳州示范区](../zones/liuzhou-hitech/index.md) | 2026-01-31 | [2026-02-16](../zones/liuzhou-hitech/2025.md) | 逾期 16 天报送 |"
        in page
    )
    assert (
        "2025 年度应报送 3 份年度建设报告（截止日期 2026 年 1 月 31 日），已报送 3 份（按时 2 份、逾期 1 份）。" in page
    )
    assert "将于 2026 年底届满，应开展总结评估。" in page
    assert dt.date(2026, 3, 31) == catalog.as_of
