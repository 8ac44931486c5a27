"""Every generated sentence and cell is true of its numbers (issue 14): each expectation is worked out here from
the sample YAML and tests/fixtures/mini (the values as the catalog read them, the zones' events), never copied
from today's output. A change and its words agree (sign, 持平 only for no change, 百分点 for percentages, no
rounding that turns a change into 0); the composite index's groups and reasons say what the figures say;
the charts' target labels carry their unit and sit where they cover no value; a stacked bar labels every
segment."""

from __future__ import annotations

import html
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, SAMPLE, generated
from generator.analysis import composite as ci
from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.site.series import Point, change, zone_series

# --- a change and its words -------------------------------------------------------------------------------


def _expect_change(ind: Indicator, before: Decimal, after: Decimal, cell: str) -> None:
    """The change cell from `before` to `after`, checked against the two numbers."""
    diff = after - before
    where = (ind.id, str(before), str(after), cell)
    if diff == 0:
        assert cell == "持平", where
        return
    assert cell != "持平", where
    sign = "+" if diff > 0 else "-"
    if KINDS[ind.kind].percent:
        found = re.fullmatch(r"([+-])([\d,.]+) 个百分点", cell)
        assert found is not None, where
        assert found[1] == sign and Decimal(found[2].replace(",", "")) == abs(diff), where
        return
    assert "百分点" not in cell, where
    if before <= 0:  # no growth rate on a base of zero or below: the difference alone
        assert cell == f"{sign}{abs(diff):,f}".rstrip("0").rstrip(".") or Decimal(cell.replace(",", "")) == diff, where
        return
    found = re.fullmatch(r"([+-])([\d,.]+)%（([+-])([\d,.]+)）", cell)
    assert found is not None, where
    rate = diff / before * 100
    shown = Decimal(found[2].replace(",", ""))
    places = -shown.as_tuple().exponent if "." in found[2] else 0
    assert found[1] == sign and shown != 0, where  # never "+0%" for a change
    assert abs(shown - abs(rate)) <= Decimal(5) * Decimal(10) ** (-places - 1), where
    assert found[3] == sign and Decimal(found[4].replace(",", "")) == abs(diff), where  # exact, not rounded


def _point(year: int, value: str) -> Point:
    return Point(year, str(year), Decimal(value), value, None, False)


def test_every_change_cell_of_the_data_agrees_with_its_two_numbers() -> None:
    checked = 0
    for data in (SAMPLE, MINI):
        catalog = generated(data)[0]
        for zone in catalog.zones.values():
            for ind in catalog.indicators:
                if not KINDS[ind.kind].numeric:
                    continue
                by_year = {p.year: p for p in zone_series(zone, ind).points}
                for p in by_year.values():
                    before = by_year.get(p.year - 1)
                    if before is None or before.number is None or p.number is None:
                        continue
                    _expect_change(ind, before.number, p.number, change(ind, before, p))
                    checked += 1
    assert checked > 100


@pytest.mark.parametrize(
    ("kind", "before", "after"),
    [
        ("amount", "1000", "1000.4"),  # +0.04%: "+0%" today
        ("amount", "1000", "999.7"),  # -0.03%
        ("amount", "1.234", "1.235"),  # a difference of 0.001: "+0" today
        ("amount", "-10", "-5"),  # a rise on a negative base: "-50%" today
        ("percent", "1.234", "1.235"),  # 0.001 percentage points
    ],
)
def test_a_change_cell_never_hides_or_turns_a_change(kind: str, before: str, after: str) -> None:
    ind = Indicator.model_validate({"id": "x", "category": "c", "name": "x", "name_en": "x",
                                    "unit": "%" if kind == "percent" else "亿元", "kind": kind, "summable": "false"})  # fmt: skip
    _expect_change(ind, Decimal(before), Decimal(after), change(ind, _point(2023, before), _point(2024, after)))


# --- the composite index on a zone page: strengths and weaknesses -----------------------------------------

_STANDING = re.compile(
    r"^- \[([^\]]+)\]\(\.\./\.\./indicators/([a-z0-9_]+)\.md\)：(.+?)，在 (\d+) 个(有数值|有增长率)的示范区中(并列)?排第 (\d+) 位"
)


def test_strengths_and_weaknesses_say_the_change_as_the_numbers_do() -> None:
    catalog, site = generated(SAMPLE)
    seen = set()
    for zone_id in catalog.zones:
        page = html.unescape(site.pages[f"zones/{zone_id}/index.md"])
        head = re.search(r"(\d{4}) 年综合指数 \*\*", page)
        if head is None:
            continue
        year = int(head[1])
        for line in page.splitlines():
            found = _STANDING.match(line)
            if found is None:
                continue
            ind = catalog.indicator(found[2])
            assert ind is not None
            # the zones with an input value that year, from the reports
            values: dict[str, Decimal] = {}
            for other_id, other in catalog.zones.items():
                now, then = other.reports.get(year), other.reports.get(year - 1)
                if now is None or now.report.baseline:
                    continue
                a = now.readings.get(ind.id)
                if a is None or a.number is None:
                    continue
                if ind.kind in ci.INTENSIVE:
                    values[other_id] = a.number
                    continue
                b = then.readings.get(ind.id) if then is not None else None
                if b is not None and b.number is not None and b.number > 0:
                    values[other_id] = (a.number - b.number) / b.number * 100
            mine = values[zone_id]
            assert int(found[4]) == len(values), line
            assert found[5] == ("有数值" if ind.kind in ci.INTENSIVE else "有增长率"), line
            assert int(found[7]) == 1 + sum(v > mine for v in values.values()), line
            assert bool(found[6]) == (sum(v == mine for v in values.values()) > 1), line
            words = found[3]
            if ind.kind in ci.INTENSIVE:
                continue
            seen.add("0" if mine == 0 else "+" if mine > 0 else "-")
            if mine == 0:
                assert words == "较上年持平", line
            elif abs(mine) < Decimal("0.05"):
                assert words == ("增长不到 0.1%" if mine > 0 else "下降不到 0.1%"), line
            else:
                size = abs(mine).quantize(Decimal("0.1"))
                assert words == f"{'增长' if mine > 0 else '下降'} {size.normalize():f}%", line
    assert "0" in seen  # the sample has a growth rate of exactly 0 among them (北海 2024, 众创空间)


# --- the composite index: performance groups under the variants -------------------------------------------


def test_the_group_column_names_the_groups_under_every_variant() -> None:
    from generator.site.composite_words import group_name

    catalog, site = generated(SAMPLE)
    result = ci.composite(catalog)
    page = html.unescape(site.pages["analysis/index.md"])
    changing = 0
    for year in result.published:
        section = page.split(f"## {year.year} 年")[1].split("\n## ")[0]
        header = next(line for line in section.splitlines() if line.startswith("| 排名 |"))
        columns = [c.strip() for c in header.strip("|").split("|")]
        assert not any("?" in c or "？" in c for c in columns), header
        col = columns.index("8 种方案下的绩效组")
        for z in year.shown:
            row = next(line for line in section.splitlines() if f"../zones/{z.zone}/index.md" in line)
            cell = [c.strip() for c in row.strip("|").split("|")][col]
            groups = [group_name(g) for g in ci.GROUPS if g in z.variant_groups]
            assert cell == (f"均为{groups[0]}" if len(groups) == 1 else "、".join(groups)), (year.year, z.zone)
            changing += len(groups) > 1
        # the zone page's sentence names them as well
        for z in year.shown:
            latest = result.latest_for(z.zone)
            if latest is None or latest.year != year.year:
                continue
            zone_page = html.unescape(site.pages[f"zones/{z.zone}/index.md"])
            groups = [f"“{group_name(g)}”" for g in ci.GROUPS if g in z.variant_groups]
            if len(groups) == 1:
                assert "绩效组不变" in zone_page, z.zone
            else:
                assert f"绩效组随计算方案不同，分别为{'、'.join(groups)}" in zone_page, z.zone
    assert changing  # the sample has zones whose group changes


# --- the composite index: why a zone has none --------------------------------------------------------------


@pytest.mark.parametrize("data", [SAMPLE, MINI], ids=["sample", "mini"])
def test_why_a_zone_has_no_composite_index_is_true_of_it(data: Path) -> None:
    from generator.data.catalog import STATUS_LABELS

    catalog, site = generated(data)
    result = ci.composite(catalog)
    kinds = set()
    for zone_id, zone in catalog.zones.items():
        page = html.unescape(site.pages[f"zones/{zone_id}/index.md"])
        section = page.split("## 综合表现")[1].split("\n## ")[0]
        if result.latest_for(zone_id) is not None:
            continue
        approved = any(e.kind == "approved" and e.date <= catalog.as_of for e in zone.zone.events)
        annual = sorted(y for y, r in zone.reports.items() if not r.report.baseline)
        if not approved:
            status = STATUS_LABELS[zone.status][0]
            assert f"本示范区尚未批复建设（{status}），没有年度数据，也就没有综合指数" in section, zone_id
            assert "批复建设后" not in section, zone_id
            kinds.add("not approved")
        elif not annual:
            assert "尚无批复建设后的年度数据" in section, zone_id
            kinds.add("no annual data")
        else:
            year = annual[-1]
            index = result.years[year]
            score = index.zone(zone_id)
            assert score is not None
            shown = [z for z in index.zones if z.reason is not ci.NotShown.LOW_COVERAGE and index.eligible]
            if score.reason is ci.NotShown.TOO_FEW_SHOWN:
                assert len(shown) < ci.MIN_ZONES
                assert f"{year} 年：当年可计算综合指数的示范区不足 2 个（只有 {len(shown)} 个），无法比较" in section
                kinds.add("too few zones")
            elif score.reason is ci.NotShown.LOW_COVERAGE:
                assert score.used * 100 < ci.COVERAGE_PERCENT * score.eligible
                assert f"{score.used}/{score.eligible}" in section
                kinds.add("coverage")
            elif score.reason is ci.NotShown.NO_ELIGIBLE_INDICATOR:  # no indicator with 2 zones' different figures
                rows = ci.build_inputs(catalog)
                rows = rows[(rows["year"] == year) & rows["value"].notna()]
                assert all(len(g) < ci.MIN_ZONES or g.nunique() < 2 for _i, g in rows.groupby("indicator")["value"])
                assert "没有可归一化的指标（每项指标需要至少 2 个示范区有数值或增长率，且不全相同）" in section
                kinds.add("no indicator")
    assert kinds == ({"not approved"} if data == SAMPLE else {"not approved", "no indicator"})


# --- charts -------------------------------------------------------------------------------------------------


def _figures(page: str) -> list[dict[str, Any]]:
    return [json.loads(html.unescape(f)) for f in re.findall(r'data-figure="([^"]*)"', page)]


def test_a_target_line_label_carries_its_unit_and_lies_outside_the_bars() -> None:
    from generator.site.series import fmt_decimal, with_unit

    catalog, site = generated(SAMPLE)
    checked = 0
    for zone_id, zone in catalog.zones.items():
        page = site.pages[f"zones/{zone_id}/index.md"]
        figures = {f["data"][0]["name"]: f for f in _figures(page) if f["data"] and f["data"][0].get("type") == "bar"}
        for ind_id, target in zone.targets_at(catalog.as_of).items():
            ind = catalog.indicator(ind_id, zone_id)
            assert ind is not None
            figure = figures[html.escape(ind.name, quote=False)]
            line = next(s for s in figure["layout"]["shapes"] if s["type"] == "line")
            assert line["y0"] == line["y1"] == float(target)
            assert line.get("layer") == "below"  # under the bars and their values, never over them
            label = next(a for a in figure["layout"]["annotations"] if "目标" in a["text"])
            assert with_unit(fmt_decimal(target, 6), ind.unit) in html.unescape(label["text"]), label["text"]
            # above the plotting area, in the margin: no bar and no value is there
            assert label["yref"] == "paper" and label["y"] >= 1 and label["yanchor"] == "bottom", label
            assert figure["layout"]["margin"]["t"] >= 40
            checked += 1
    assert checked >= 3


def test_a_stacked_bar_labels_every_segment_readably() -> None:
    page = generated(SAMPLE)[1].pages["progress/index.md"]
    figure = next(f for f in _figures(page) if f["layout"].get("barmode") == "stack")
    rows = [line for line in html.unescape(page).splitlines() if line.startswith("| [")]
    assert len(rows) == len(figure["data"][0]["y"])  # the table beside it lists every count as well
    for trace in figure["data"]:
        assert len(trace["text"]) == len(trace["x"])
        for count, text in zip(trace["x"], trace["text"], strict=True):
            assert text == (str(count) if count else ""), trace["name"]
        # the pattern lies over the segment's own colour, so the count is read on a solid colour
        assert trace["marker"]["pattern"].get("fillmode") == "overlay", trace["name"]
        assert trace.get("insidetextanchor") == "middle"


# --- progress: a zone's targets by status -------------------------------------------------------------------


def test_a_zones_progress_sentence_says_all_when_every_target_has_one_status() -> None:
    from generator.analysis.stage import analyse
    from generator.site.progress_words import status_label

    catalog, site = generated(SAMPLE)
    page = html.unescape(site.pages["progress/index.md"])
    alike = 0
    for p in analyse(catalog).progress:
        line = next(line for line in page.splitlines() if line.startswith("- ") and f"zones/{p.zone.id}/" in line)
        statuses = {t.status for t in p.targets}
        total = len(p.targets)
        if len(statuses) == 1 and total > 1:
            alike += 1
            assert f"{total} 项期末目标中全部{status_label(statuses.pop())}。" in line, line
        else:
            for status in statuses:
                count = sum(t.status == status for t in p.targets)
                assert f"{status_label(status)} {count} 项" in line, line
    assert alike  # the sample has such a zone (柳州: 3 targets, all 未实现)


# --- the composite index: a rank shared ----------------------------------------------------------------------


def test_a_zone_page_says_when_its_composite_rank_is_shared() -> None:
    import dataclasses

    from generator.site.composite_words import composite_block, zone_name

    sample = generated(SAMPLE)[0]
    tied = 0
    for last in sorted(ci.composite(sample).years):
        # the data as they stood when `last` was the latest year (2024: 桂林 and 柳州 both 49.2)
        zones = {
            zid: dataclasses.replace(z, reports={y: r for y, r in z.reports.items() if y <= last})
            for zid, z in sample.zones.items()
        }
        catalog = dataclasses.replace(sample, zones=zones)
        result = ci.composite(catalog)
        for zone_id, zone in catalog.zones.items():
            score = result.latest_for(zone_id)
            if score is None:
                continue
            index = result.years[score.year]
            block = html.unescape(str(composite_block(catalog, result, zone)))
            others = [z for z in index.shown if z.zone != zone_id and z.score == score.score]
            if others:
                tied += 1
                names = "、".join(zone_name(catalog, z.zone) for z in others)
                assert f"与{names}得分相同，名次并列。" in block, (last, zone_id)
            else:
                assert "名次并列" not in block, (last, zone_id)
            assert f"排第 {1 + sum(z.score > score.score for z in index.shown)} 位" in block  # type: ignore[operator]
    assert tied
