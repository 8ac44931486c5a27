"""Progress towards end-of-period targets, checked against hand-worked numbers: the straight line from the
baseline to the target, exact comparisons, revised targets from their date, markers never zero, the final
outcome once the period is over, and the pages that show it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html
import json
import re
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import plotly.graph_objects as go
import pytest

from conftest import MINI, SAMPLE, generated, load_catalog, plain_cells, replace_once
from generator.analysis.stage import analyse
from generator.analysis.targets import (
    ACHIEVED,
    BEHIND,
    NOT_ACHIEVED,
    ON_COURSE,
    UNKNOWN,
    judge,
    line_value,
    round_half_up,
    zone_progress,
)
from generator.data.catalog import Catalog
from generator.site.common import make_env
from generator.site.pages import make_pages
from generator.site.progress_words import reason_text, targets_block
from generator.site.series import progress, zone_series
from generator.site.zone_pages import _zone_view


def _judge(latest: str | None, latest_year: int | None = 2023, *, baseline: str | None = "10", target: str = "20",
           final: bool = False):  # type: ignore[no-untyped-def]  # fmt: skip
    return judge(
        target=Decimal(target), baseline=None if baseline is None else Decimal(baseline), baseline_year=2022,
        latest=None if latest is None else Decimal(latest), latest_year=latest_year, end_year=2025, final=final,
    )  # fmt: skip


# --- the rule, by hand -------------------------------------------------------------------------


def test_the_line_from_baseline_to_target_worked_by_hand() -> None:
    # baseline 10 in 2022, target 20 in 2025: at 2023 the line is 10 + (20 - 10) * 1/3 = 13.33…
    assert line_value(Decimal(10), 2022, Decimal(20), 2025, 2023) == Fraction(40, 3)
    assert line_value(Decimal(10), 2022, Decimal(20), 2025, 2024) == Fraction(50, 3)
    assert line_value(Decimal(10), 2022, Decimal(20), 2025, 2025) == 20
    on = _judge("14")
    assert on.status == ON_COURSE and on.expected == Fraction(40, 3) and on.reason == ()
    assert round_half_up(on.expected) == Decimal("13.33")  # type: ignore[arg-type]
    assert _judge("13").status == BEHIND
    # exact: 13.33 is below 13.333…, 13.34 above it; a rounded line would call both the same
    assert _judge("13.33").status == BEHIND and _judge("13.34").status == ON_COURSE
    # 2024: line 16.67
    assert _judge("16.6", 2024).status == BEHIND and _judge("16.7", 2024).status == ON_COURSE


def test_achieved_final_outcome_and_not_judgeable() -> None:
    assert _judge("20").status == ACHIEVED and _judge("25", 2024).status == ACHIEVED
    assert _judge("20", baseline=None).status == ACHIEVED  # reaching the target needs no baseline
    # period over: the end year's value decides
    assert _judge("19.99", 2025, final=True).status == NOT_ACHIEVED
    assert _judge("21", 2025, final=True).status == ACHIEVED
    missing_end = _judge("18", 2024, final=True)
    assert missing_end.status == UNKNOWN and reason_text(missing_end.reason) == "建设期已结束，期末（2025 年）没有数值"
    # no baseline number: no line
    no_base = _judge("14", baseline=None)
    assert (
        no_base.status == UNKNOWN
        and no_base.expected is None
        and reason_text(no_base.reason) == "没有基期数值，无法画出进度线"
    )
    # no value since the baseline
    nothing = _judge(None, None)
    assert nothing.status == UNKNOWN and nothing.reason
    # a target below the baseline contradicts "higher is better": not judged, even when "reached"
    below = _judge("12", baseline="15", target="11")
    assert below.status == UNKNOWN and "低于基期" in reason_text(below.reason)
    # a target equal to the baseline: a flat line, reached when kept
    assert _judge("10", baseline="10", target="10").status == ACHIEVED
    assert _judge("9", baseline="10", target="10").status == BEHIND


def test_rounding_is_exact_half_up() -> None:
    assert round_half_up(Fraction(1, 200)) == Decimal("0.01")
    assert round_half_up(Fraction(26435, 1000)) == Decimal("26.44")
    assert round_half_up(Fraction(-1, 200)) == Decimal("-0.01")
    assert round_half_up(Fraction(2, 3), 1) == Decimal("0.7")


# --- from the data --------------------------------------------------------------------------------


def test_mini_fixture_revised_target_applies_from_its_date(tmp_path: Path) -> None:
    catalog = load_catalog(MINI)
    zone = catalog.zones["demo-zone"]
    p = zone_progress(catalog, zone)
    assert p is not None and not p.final and p.assessed_on == dt.date(2024, 6, 30)
    contract, projects = p.targets
    # revised to 25 on 2024-02-01; as of 2024-06-30 the 2023 value (12.5) is judged against 25:
    # line at 2023 = 10.5 + (25 - 10.5) * 1/2 = 17.75 > 12.5 → behind; share 12.5 / 25 = 50 %
    assert contract.original == Decimal(20) and contract.target == Decimal(25)
    assert [(r.date, r.target, r.applied) for r in contract.revisions] == [(dt.date(2024, 2, 1), Decimal(25), True)]
    assert contract.expected == Fraction("17.75") and contract.status == BEHIND and contract.share == "50%"
    assert (contract.baseline_year, contract.baseline, contract.latest_year, contract.latest) == (
        2022, Decimal("10.5"), 2023, Decimal("12.5"))  # fmt: skip
    # the day before the revision the original target holds: line 10.5 + 9.5/2 = 15.25, share 62.5 %
    before = dataclasses.replace(catalog, site=catalog.site.model_copy(update={"as_of": dt.date(2024, 1, 31)}))
    old = zone_progress(before, before.zones["demo-zone"])
    assert old is not None
    assert old.targets[0].target == Decimal(20) and old.targets[0].revisions == ()
    assert old.targets[0].expected == Fraction("15.25") and old.targets[0].share == "62.5%"
    # the baseline says 不适用: never zero, so no line and no judgement
    assert projects.baseline is None and projects.baseline_shown == "不适用"
    assert (
        projects.status == UNKNOWN
        and reason_text(projects.reason) == "基期（2022 年）不适用，无法画出进度线"
        and projects.expected is None
    )
    assert projects.share == "40%"


def test_a_revision_after_the_period_is_shown_not_used(data_copy: Path) -> None:
    replace_once(data_copy / "site.yaml", "as_of: 2024-06-30", "as_of: 2025-06-30")
    replace_once(data_copy / "zones/demo-zone/zone.yaml", "date: 2024-02-01", "date: 2025-03-01")
    report = (data_copy / "zones/demo-zone/annual/2023.yaml").read_text(encoding="utf-8")
    (data_copy / "zones/demo-zone/annual/2024.yaml").write_text(
        report.replace("2024-01-20", "2025-01-20").replace("12.5", "19.5").replace("demo_projects: 4", "demo_projects: 暂无"),
        encoding="utf-8",
    )  # fmt: skip
    catalog = load_catalog(data_copy)
    p = zone_progress(catalog, catalog.zones["demo-zone"])
    assert p is not None and p.final and p.assessed_on == dt.date(2024, 12, 31)
    contract, projects = p.targets
    assert contract.target == Decimal(20) and [r.applied for r in contract.revisions] == [False]
    assert contract.status == NOT_ACHIEVED and contract.latest_year == 2024 and contract.expected == 20
    # 2024 says 暂无: the 2023 value is the latest number, and with the final year missing the outcome is unknown
    assert projects.latest_year == 2023 and projects.status == UNKNOWN
    assert reason_text(projects.reason) == "建设期已结束，期末（2024 年）没有数值；2024 年暂无，按 2023 年数值判断"
    block = plain_cells(html.unescape(targets_block(make_env(), catalog, analyse(catalog).progress_for("demo-zone"))))
    assert "20 → 25（2025-03-01 修订，建设期结束后，未采用）" in block
    # the columns: 指标 | 状态 | 完成比例 | 最近年度 | 期末目标 | 进度线预期值 | 基期
    assert (
        "| [技术合同成交额](../../indicators/contract_value.md)（亿元） | 未实现 | 97.5% | 2024 年：19.5 | 20 → 25（2025-03-01 修订，建设期结束后，未采用） "
        "| 20 | 2022 年：10.5 |"
    ) in block


def test_markers_in_every_year_are_not_zero(data_copy: Path) -> None:
    replace_once(data_copy / "zones/demo-zone/annual/2023.yaml", "contract_value: 12.5", "contract_value: 暂无")
    catalog = load_catalog(data_copy)
    p = zone_progress(catalog, catalog.zones["demo-zone"])
    assert p is not None
    contract = p.targets[0]
    assert contract.latest is None and contract.status == UNKNOWN and contract.share == "—"
    assert reason_text(contract.reason) == "建设期内尚无年度数值（2023 年暂无）"


def test_zones_without_approval_or_targets_have_no_progress() -> None:
    catalog = load_catalog(MINI)
    assert zone_progress(catalog, catalog.zones["applied-zone"]) is None
    assert analyse(catalog).progress_for("applied-zone") is None
    assert targets_block(make_env(), catalog, None) == ""


# --- the sample data and its pages ------------------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return generated(SAMPLE)[0]  # the run's shared catalog and pages of the sample data


@pytest.fixture(scope="module")
def pages(sample: Catalog) -> dict[str, str]:
    return generated(SAMPLE)[1].pages


def test_sample_progress_worked_by_hand(sample: Catalog) -> None:
    guilin = zone_progress(sample, sample.zones["guilin-hitech"])
    assert guilin is not None and not guilin.final
    turnover, agencies, own = guilin.targets
    # baseline 19.3 (2023, the year before approval in 2024), target 30 in 2026, 24.0 in 2025:
    # line = 19.3 + 10.7 * 2/3 = 26.433… → behind
    assert turnover.expected == Fraction("19.3") + Fraction("10.7") * Fraction(2, 3) and turnover.status == BEHIND
    assert turnover.expected_shown == "26.43" and turnover.share == "80%"
    # 2 → 8: line at 2025 = 2 + 6 * 2/3 = 6 > 3 → behind
    assert agencies.expected == 6 and agencies.status == BEHIND and agencies.share == "37.5%"
    assert own.status == UNKNOWN and own.baseline_shown == "暂无"
    nanning = zone_progress(sample, sample.zones["nanning-hitech"])
    assert nanning is not None and nanning.final
    assert [(t.indicator.id, t.status) for t in nanning.targets] == [
        ("tech_contract_turnover", NOT_ACHIEVED), ("transfer_demo_agencies", ACHIEVED),
        ("hitech_enterprises", NOT_ACHIEVED), ("rd_expenditure_ratio", NOT_ACHIEVED), ("pilot_bases", NOT_ACHIEVED),
    ]  # fmt: skip
    assert nanning.targets[0].original == 60 and nanning.targets[0].target == 70


def test_share_agrees_with_the_zone_dashboard(sample: Catalog) -> None:
    """The zone page's "share of the target reached" and the progress table give the same figure."""
    checked = 0
    for zone in sample.zones.values():
        p = zone_progress(sample, zone)
        for t in p.targets if p else ():
            dashboard = progress(zone_series(zone, t.indicator), zone.targets_at(sample.as_of).get(t.indicator.id))
            assert dashboard is not None and dashboard.share == t.share, (zone.id, t.indicator.id)
            checked += 1
    assert checked == 13


def test_progress_pages_show_the_numbers(pages: dict[str, str]) -> None:
    index = plain_cells(html.unescape(pages["progress/index.md"]))
    assert (
        "已批复的示范区（建设中 1 个、已认定 1 个、整改中 1 个、已撤销 1 个）共设有 13 项期末目标："
        "已实现 2 项、滞后 2 项、未实现 8 项、无法判断 1 项。"
    ) in index
    assert (
        '| [桂林示范区](../zones/guilin-hitech/index.md)<span class="cell-note">建设期：2024—2026</span> '
        "| 3 | 0 | 0 | 2 | 0 | 1 |"
    ) in index  # the period is a note under the zone's name
    assert "建设期至 2026 年底，3 项期末目标中滞后 2 项、无法判断 1 项。" in index
    found = re.findall(r'id="(chart-[^"]+)"[^>]*data-figure="([^"]*)"', pages["progress/index.md"])
    assert [cid for cid, _ in found] == ["chart-progress-status"]
    figure = json.loads(html.unescape(found[0][1]))
    go.Figure(figure)  # a valid plotly figure
    assert figure["layout"]["barmode"] == "stack" and "template" not in figure["layout"]
    by_name = {t["name"]: t["x"] for t in figure["data"]}
    assert by_name == {"已实现": [1, 0, 1, 0], "滞后": [0, 0, 0, 2], "未实现": [4, 3, 1, 0], "无法判断": [0, 0, 0, 1]}
    assert len({t["marker"]["pattern"]["shape"] for t in figure["data"]}) == len(figure["data"])
    # the columns: 示范区 | 指标 | 状态 | 完成比例 | 最近年度 | 期末目标 | 进度线预期值 | 基期
    table = plain_cells(html.unescape(pages["progress/targets.md"]))
    assert ("| [桂林示范区](../zones/guilin-hitech/index.md) | [技术合同成交额](../indicators/tech_contract_turnover.md)"
            "（亿元） | 滞后 | 80% | 2025 年：24.0 | 30 | 26.43 | 2023 年：19.3 |") in table  # fmt: skip
    assert "| 未实现 | 65.4% | 2025 年：45.8 | 60 → 70（2024-03-01 修订） | 70 | 2022 年：34.7 |" in table
    assert "无法判断（基期（2023 年）暂无，无法画出进度线）" in table
    zone = plain_cells(html.unescape(pages["zones/guilin-hitech/index.md"]))
    assert "## 目标进展" in zone and zone.index("## 目标进展") > zone.index("## 年度指标数据")
    assert (
        "| [技术合同成交额](../../indicators/tech_contract_turnover.md)（亿元） | 滞后 | 80% | 2025 年：24.0 | 30 | 26.43 "
        "| 2023 年：19.3 |"
    ) in zone  # the name links the indicator's page
    assert "期末目标：30 亿元；2025 年已达到目标的 80%" in zone  # the dashboard says the same
    assert "## 目标进展" not in pages["zones/qinzhou-port/index.md"]
    for page in ("progress/index.md", "progress/targets.md", "progress/reporting.md"):
        assert "\nsample: true\n" in pages[page]


def test_zone_view_carries_the_block(sample: Catalog) -> None:
    from generator.site.common import Context

    analysis = analyse(sample)
    view = _zone_view(Context(sample, analysis, make_env()), sample.zones["nanning-hitech"])
    assert view["targets_progress"] == targets_block(make_env(), sample, analysis.progress_for("nanning-hitech"))


def test_no_markup_from_zone_names(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDF", "0")  # the pages are checked, not the summary PDFs: no WeasyPrint renders
    hostile = "演示 *示范区* {: onclick=alert(1) } [x](javascript:alert(1)) &lt;script&gt;"
    replace_once(
        data_copy / "zones/demo-zone/zone.yaml", "name: 演示示范区", f"name: '{hostile}'\nshort_name: '{hostile}'"
    )
    catalog = load_catalog(data_copy)
    pages = make_pages(catalog, analyse(catalog)).pages
    for path in ("progress/index.md", "progress/targets.md", "progress/reporting.md", "zones/demo-zone/index.md"):
        text = pages[path]
        # the chart's figure and its image's texts are JSON in attributes (checked below, and in
        # tests/test_chartimg.py); everything else is Markdown
        body = re.sub(r'data-(?:figure|image)="[^"]*"', "", text.split("\n---\n", 1)[1])
        for bad in ("javascript:", "{:", "onclick=", "&lt;script", "<script", "*示范区*", "](javascript"):
            assert bad not in body, (path, bad)
    figure_attr = re.search(r'data-figure="([^"]*)"', pages["progress/index.md"])
    assert figure_attr is not None
    labels = json.loads(html.unescape(figure_attr.group(1)))["data"][0]["y"]
    # plotly shows it as text: tags inert, braces as entities (no %{…} template can form)
    assert labels == [html.escape(hostile, quote=False).replace("{", "&#123;").replace("}", "&#125;")]
