"""Charts and the figures pages say about them: numbers taken from the data, valid plotly figures,
changes in the right unit (百分点 for percentages), markers never turned into zero."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from decimal import Decimal

import plotly.graph_objects as go
import pytest

from conftest import SAMPLE, generated
from generator.data.catalog import Catalog
from generator.data.models import Indicator
from generator.site.charts import chart_html, chart_id, ranking_chart, trend_chart, years_chart
from generator.site.series import Point, Series, change, changes, fmt_decimal, progress


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return generated(SAMPLE)[0]  # the run's shared catalog and pages of the sample data


def _ind(kind: str = "amount", unit: str = "亿元") -> Indicator:
    return Indicator.model_validate({"id": "x", "category": "c", "name": "成交额", "name_en": "x", "unit": unit,
                                     "kind": kind, "summable": "true"})  # fmt: skip


def _series(kind: str, *values: str | None, start: int = 2021) -> Series:
    points = []
    for k, v in enumerate(values):
        marker = v if v in ("暂无", "不适用") else None
        number = Decimal(v) if v is not None and marker is None else None
        points.append(Point(start + k, str(start + k), number, v or "—", marker, k == 0))
    return Series(_ind(kind, "%" if kind == "percent" else "亿元"), tuple(points))


def test_change_is_in_percentage_points_for_percentages_and_relative_otherwise() -> None:
    pct = _series("percent", "2.10", "2.35")
    assert changes(pct) == ["—", "+0.25 个百分点"]
    amount = _series("amount", "40", "50", "45")
    assert changes(amount) == ["—", "+25%（+10）", "-10%（-5）"]
    assert changes(_series("count", "7", "7")) == ["—", "持平"]
    assert change(_ind(), Point(2020, "2020", Decimal(0), "0", None, False),
                  Point(2021, "2021", Decimal(3), "3", None, False)) == "+3"  # fmt: skip


def test_no_change_is_computed_across_a_marker_or_a_missing_year() -> None:
    series = _series("amount", "10", "暂无", "12", None, "20")
    assert changes(series) == ["—", "—", "—", "—", "—"]


def test_progress_uses_the_latest_reported_non_baseline_value() -> None:
    series = _series("amount", "10", "30", "暂无")
    prog = progress(series, Decimal(60))
    assert prog is not None and prog.latest is not None
    assert (prog.latest.year, prog.share) == (2022, "50%")
    assert progress(_series("amount", "10"), Decimal(60)).share == "—"  # type: ignore[union-attr]
    assert progress(series, None) is None


def test_decimal_formatting_rounds_half_up_and_separates_thousands() -> None:
    assert fmt_decimal(Decimal("12345.675")) == "12,345.68"
    assert fmt_decimal(Decimal("-0.001")) == "0"
    assert fmt_decimal(Decimal("33.30"), 1) == "33.3"


def test_figures_are_valid_plotly_figures() -> None:
    series = _series("amount", "10", "暂无", "12")
    figures = [
        years_chart("c1", series, Decimal(20)).figure,
        ranking_chart("c2", "排名", "%", [("甲", Decimal(3), "3"), ("乙", Decimal(5), "5")]).figure,
        trend_chart(
            "c3", "走势", "亿元", [2021, 2022], [("甲", [Decimal(1), None]), ("乙", [None, Decimal(2)])]
        ).figure,
    ]
    for figure in figures:
        go.Figure(figure)  # raises on any property plotly does not know
        assert "template" not in figure["layout"]


def test_trend_lines_differ_by_symbol_and_dash_not_only_colour() -> None:
    lines = [(f"区{k}", [Decimal(k)]) for k in range(4)]
    data = trend_chart("c", "t", None, [2024], lines).figure["data"]
    assert len({t["marker"]["symbol"] for t in data}) == 4 and len({t["line"]["dash"] for t in data}) == 4


def test_chart_html_cannot_be_closed_by_data_and_has_a_stable_id() -> None:
    chart = years_chart(chart_id("zone-a", "x"), _series("amount", "1"))
    evil = type(chart)(chart.id, "</script><script>alert(1)</script>", "s", chart.figure | {"x": "</script>"})
    out = chart_html(evil)
    assert "<script" not in out and out.count('"') == 14  # seven attributes; every quote in the data escaped
    assert 'id="chart-zone-a-x"' in out


def _figures(markdown: str) -> dict[str, dict]:  # type: ignore[type-arg]
    found = re.findall(r'<div class="chart-plot" id="([^"]+)" role="img" aria-label="[^"]*" style="[^"]*" data-figure="([^"]*)"></div>',
                       markdown)  # fmt: skip
    return {cid: json.loads(html.unescape(data)) for cid, data in found}


def test_every_zone_chart_shows_exactly_the_reported_numbers(catalog: Catalog) -> None:
    pages = generated(SAMPLE)[1].pages
    checked = 0
    for zone_id, zone in catalog.zones.items():
        figures = _figures(pages[f"zones/{zone_id}/index.md"])
        for ind in [*catalog.indicators, *zone.own_indicators]:
            if ind.kind == "text" or not zone.reports:
                continue
            trace = figures[f"chart-{zone_id}-{ind.id}"]["data"][0]
            years = sorted(zone.reports)
            expected = []
            for year in years:
                reading = zone.reports[year].readings.get(ind.id)
                expected.append(float(reading.number) if reading and reading.number is not None else None)
            assert trace["y"] == expected, (zone_id, ind.id)
            assert [x[:4] for x in trace["x"]] == [str(y) for y in years]
            checked += 1
    assert checked > 50  # the sample data has four zones with reports and 23 quantitative indicators


def test_ranking_chart_matches_the_latest_year(catalog: Catalog) -> None:
    pages = generated(SAMPLE)[1].pages
    figure = _figures(pages["indicators/tech_contract_turnover.md"])["chart-tech_contract_turnover-rank"]
    trace = figure["data"][0]
    latest = max(y for z in catalog.zones.values() for y, r in z.reports.items() if not r.report.baseline)
    expected = {
        (z.zone.short_name or z.zone.name): float(z.reports[latest].readings["tech_contract_turnover"].number)  # type: ignore[arg-type]
        for z in catalog.zones.values()
        if latest in z.reports and z.reports[latest].readings.get("tech_contract_turnover")
    }
    assert dict(zip(trace["y"], trace["x"], strict=True)) == expected and expected
    assert trace["x"] == sorted(trace["x"])  # highest drawn on top
    assert dt.date(latest, 1, 1) <= catalog.as_of
