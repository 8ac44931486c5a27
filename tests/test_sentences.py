"""Plain-language sentences: hand-worked cases for every kind of sentence, and a check over the sample data
that every number a zone page's sentences state is the YAML's value, a rate or difference recomputed from
the YAML, a report year, a count of zones or a rank recomputed from the YAML."""

from __future__ import annotations

import html
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLE, generated
from generator.data.models import Indicator
from generator.site.sentences import (
    Entry,
    change_phrase,
    compare,
    dashboard_summary,
    exact_text,
    number_text,
    rank_of,
    rank_phrase,
    ranking_sentence,
    rate_text,
    trend_sentence,
    zone_indicator_text,
)
from generator.site.series import Point, Series, fmt_decimal

UNITS = {"amount": "亿元", "count": "家", "percent": "%", "per_10k": "件"}


def _ind(kind: str = "amount", name: str = "技术合同成交额", ind_id: str = "x") -> Indicator:
    return Indicator.model_validate({"id": ind_id, "category": "c", "name": name, "name_en": "x",
                                     "unit": UNITS[kind], "kind": kind, "summable": "true" if kind in ("amount", "count") else "false"})  # fmt: skip


def _series(ind: Indicator, values: dict[int, str | None], baseline: int | None = None) -> Series:
    """values: year → written value, 暂无 / 不适用, or None (the year's report has no value)."""
    points = []
    for year, v in sorted(values.items()):
        marker = v if v in ("暂无", "不适用") else None
        number = Decimal(v) if v is not None and marker is None else None
        is_base = year == baseline
        label = f"{year}（基期）" if is_base else str(year)
        points.append(Point(year, label, number, v or "—", marker, is_base))
    return Series(ind, tuple(points))


def _peers(*values: str) -> tuple[Decimal, ...]:
    return tuple(sorted(Decimal(v) for v in values))


# --- numbers --------------------------------------------------------------------------------


def test_numbers_keep_what_was_written_and_gain_thousands_separators() -> None:
    assert number_text("5074") == "5,074"
    assert number_text("1234567.89") == "1,234,567.89"
    assert number_text("24.0") == "24.0"  # as written: the trailing zero stays
    assert number_text("-1234.5") == "-1,234.5"
    assert number_text("+12") == "12"
    assert number_text("999") == "999"
    assert exact_text(Decimal("12345.60")) == "12,345.6"
    assert exact_text(Decimal("-0.00")) == "0"


def test_rates_round_half_up_to_one_decimal_without_a_trailing_zero() -> None:
    assert fmt_decimal(Decimal("0.05"), 1) == "0.1"  # half-up, not half-even (which gives 0.0)
    assert fmt_decimal(Decimal("0.25"), 1) == "0.3"
    assert fmt_decimal(Decimal("-0.05"), 1) == "-0.1"
    assert rate_text(Decimal("18.0")) == "18%"
    assert rate_text(Decimal("-5.349")) == "5.3%"  # the size; the verb carries the sign
    assert rate_text(Decimal("0.04")) == "不足 0.1%"  # never "0%" for a change that is not zero
    amount = _ind("amount")
    assert change_phrase(amount, compare(amount, Decimal(2000), Decimal(2001))) == "增长 0.1%"  # 0.05 %
    assert change_phrase(amount, compare(amount, Decimal(100), Decimal("100.25"))) == "增长 0.3%"
    assert change_phrase(amount, compare(amount, Decimal(10000), Decimal(10001))) == "增长 不足 0.1%"


def test_changes_in_growth_rate_percentage_points_or_absolute() -> None:
    amount, pct = _ind("amount"), _ind("percent", "研发经费占比")
    assert change_phrase(amount, compare(amount, Decimal("10.5"), Decimal("12.5"))) == "增长 19%"  # 19.047…
    assert change_phrase(amount, compare(amount, Decimal(40), Decimal(34))) == "下降 15%"
    assert change_phrase(amount, compare(amount, Decimal(7), Decimal("7.0"))) == "持平"
    assert change_phrase(pct, compare(pct, Decimal("1.8"), Decimal("2.05"))) == "提高 0.25 个百分点"
    assert change_phrase(pct, compare(pct, Decimal("35.2"), Decimal("33.0"))) == "下降 2.2 个百分点"
    assert change_phrase(pct, compare(pct, Decimal("-1.5"), Decimal("0.5"))) == "提高 2 个百分点"
    # no rate on a base of zero or below: the absolute change, in the data's unit
    assert change_phrase(amount, compare(amount, Decimal(0), Decimal(3))) == "增加 3 亿元"
    assert change_phrase(amount, compare(amount, Decimal(-2), Decimal(3))) == "增加 5 亿元"
    assert change_phrase(amount, compare(amount, Decimal(-2), Decimal(-3))) == "减少 1 亿元"
    assert compare(amount, Decimal(-2), Decimal(3)).rate is None


def test_ranks_by_value_higher_first_with_ties() -> None:
    assert rank_of(Decimal(8), _peers("5", "8", "8", "3")) == rank_of(Decimal(8), _peers("8", "3", "8", "5"))
    r = rank_of(Decimal(8), _peers("5", "8", "8", "3"))
    assert (r.position, r.tied, r.of) == (1, True, 4)
    assert rank_phrase(r) == "在报送该指标的 4 个示范区中按数值从高到低居并列第 1 位"
    r = rank_of(Decimal(5), _peers("5", "8", "8", "3"))
    assert (r.position, r.tied) == (3, False)  # competition ranking: 1, 1, 3
    assert rank_phrase(rank_of(Decimal(3), _peers("3"))) == "该年只有本示范区报送了这项指标的数值，不作排名"
    with pytest.raises(ValueError):
        rank_of(Decimal(4), _peers("3", "5"))


# --- the zone page: one sentence per chart --------------------------------------------------


def test_increase_from_the_baseline_is_stated_and_named_with_rank() -> None:
    s = _series(_ind(), {2022: "10.5", 2023: "12.5"}, baseline=2022)
    text = zone_indicator_text(s, {2023: _peers("8", "12.5", "20", "30")})
    assert text == ("2023 年技术合同成交额为 12.5 亿元，比上年（基期）增长 19%；"
                    "在报送该指标的 4 个示范区中按数值从高到低居第 3 位。")  # fmt: skip


def test_decrease_and_unchanged() -> None:
    ind = _ind("count", "技术转移机构")
    assert (
        zone_indicator_text(_series(ind, {2023: "5", 2024: "4"}), None)
        == "2024 年技术转移机构为 4 家，比上年下降 20%。"
    )
    assert zone_indicator_text(_series(ind, {2023: "7", 2024: "7"}), None) == "2024 年技术转移机构为 7 家，与上年持平。"


def test_percent_kind_in_percentage_points_and_value_with_percent_sign() -> None:
    ind = _ind("percent", "研发经费占比")
    text = zone_indicator_text(_series(ind, {2024: "35.2", 2025: "33.0"}), {2025: _peers("33.0", "40")})
    assert text == ("2025 年研发经费占比为 33.0%，比上年下降 2.2 个百分点；"
                    "在报送该指标的 2 个示范区中按数值从高到低居第 2 位。")  # fmt: skip


@pytest.mark.parametrize(
    ("before", "said"),
    [("暂无", "上年暂无，无可比数值"), ("不适用", "上年不适用，无可比数值"), (None, "上年未报送，无可比数值")],
)
def test_no_change_when_the_previous_year_has_no_number(before: str | None, said: str) -> None:
    s = _series(_ind(), {2023: before, 2024: "12"})
    text = zone_indicator_text(s, None)
    assert text == f"2024 年技术合同成交额为 12 亿元，{said}。"
    assert "增长" not in text and "下降" not in text


def test_previous_year_without_a_report_and_first_year() -> None:
    ind = _ind()
    assert zone_indicator_text(_series(ind, {2022: "9", 2024: "12"}), None) == (
        "2024 年技术合同成交额为 12 亿元，上年没有年度报告，无可比数值。"
        "2022 年至 2024 年，从 9 亿元增至 12 亿元（增长 33.3%）。"
    )
    assert zone_indicator_text(_series(ind, {2024: "12"}), None) == "2024 年技术合同成交额为 12 亿元。"


def test_ties_and_single_reporter_and_own_indicators() -> None:
    s = _series(_ind(), {2024: "10", 2025: "8"})
    assert "居并列第 1 位" in zone_indicator_text(s, {2025: _peers("8", "8", "3")})
    assert zone_indicator_text(s, {2025: _peers("8")}) == (
        "2025 年技术合同成交额为 8 亿元，比上年下降 20%；该年只有本示范区报送了这项指标的数值，不作排名。"
    )
    assert "位" not in zone_indicator_text(s, None) and "排名" not in zone_indicator_text(s, None)


def test_a_baseline_value_is_never_ranked() -> None:
    s = _series(_ind(), {2022: "10.5", 2023: "暂无"}, baseline=2022)
    text = zone_indicator_text(s, {2022: _peers("10.5", "20")})
    assert text == "技术合同成交额最近有数值的年份为 2022 年（基期），数值为 10.5 亿元。2023 年暂无。"


def test_longer_run_gaps_and_latest_year_without_a_number() -> None:
    s = _series(_ind(), {2021: "10", 2022: "暂无", 2023: "12", 2024: None, 2025: "20"}, baseline=2021)
    assert zone_indicator_text(s, None) == (
        "2025 年技术合同成交额为 20 亿元，上年未报送，无可比数值。"
        "2021 年（基期）至 2025 年，从 10 亿元增至 20 亿元（增长 100%）。"
        "2022 年暂无。"
    )
    s = _series(_ind(), {2022: "8", 2023: "9", 2024: "7", 2025: "10.5", 2026: "不适用"})
    assert zone_indicator_text(s, {2025: _peers("10.5", "11")}) == (
        "技术合同成交额最近有数值的年份为 2025 年，数值为 10.5 亿元，比上年增长 50%；"
        "在报送该指标的 2 个示范区中按数值从高到低居第 2 位。"
        "2022 年至 2025 年，从 8 亿元增至 10.5 亿元（增长 31.3%），其间最高为 2025 年的 10.5 亿元，最低为 2024 年的 7 亿元。"
        "2026 年不适用。"
    )  # 2.5 / 8 = 31.25 % → 31.3 (half-up)
    flat = _series(_ind("count", "机构"), {2022: "2", 2023: "3", 2024: "2"}, baseline=2022)
    assert zone_indicator_text(flat, None) == (
        "2024 年机构为 2 家，比上年下降 33.3%。"
        "2024 年与 2022 年（基期）持平，均为 2 家，其间最高为 2023 年的 3 家，最低为 2022 年（基期）、2024 年的 2 家。"
    )


def test_negative_values_and_thousands() -> None:
    s = _series(_ind(), {2024: "-2", 2025: "1234.5"})
    assert zone_indicator_text(s, None) == "2025 年技术合同成交额为 1,234.5 亿元，比上年增加 1,236.5 亿元。"
    s = _series(_ind(), {2024: "-1234", 2025: "-1000"})
    assert zone_indicator_text(s, None) == "2025 年技术合同成交额为 -1,000 亿元，比上年增加 234 亿元。"


def test_no_number_at_all() -> None:
    s = _series(_ind(), {2022: "暂无", 2023: None}, baseline=2022)
    assert zone_indicator_text(s, {}) == "技术合同成交额尚无数值（2022 年（基期）暂无；2023 年未报送）。"


# --- the zone dashboard ---------------------------------------------------------------------


def test_dashboard_summary_counts_and_compares_like_with_like() -> None:
    series = [
        _series(_ind("amount", "成交额"), {2023: "10", 2024: "12"}),  # +20 %
        _series(_ind("count", "机构"), {2023: "5", 2024: "4"}),  # -20 %
        _series(_ind("count", "平台"), {2023: "8", 2024: "10"}),  # +25 %
        _series(_ind("percent", "研发占比"), {2023: "30", 2024: "31.5"}),  # +1.5 pp
        _series(_ind("percent", "收入占比"), {2023: "40", 2024: "38"}),  # -2 pp
        _series(_ind("count", "人才"), {2023: "7", 2024: "7"}),  # flat
        _series(_ind("count", "基地"), {2023: "0", 2024: "3"}),  # rose, no rate
        _series(_ind("amount", "基金"), {2023: "5", 2024: "暂无"}),
        _series(_ind("per_10k", "专利"), {2023: "暂无", 2024: "3.1"}),  # not comparable
        _series(_ind("count", "项目"), {2023: "1", 2024: "不适用"}),
        _series(_ind("count", "园区"), {2023: "1", 2024: None}),
    ]
    assert dashboard_summary(series, 2024) == (
        "2024 年度，本页 11 项定量指标中 8 项有数值，1 项暂无、1 项不适用、1 项未报送（不计为零）。"
        "与上年相比，两年都有数值的 7 项中，4 项上升、2 项下降、1 项持平。"
        "按增长率比较（百分比类指标除外；上年数值不大于零的无增长率，不计入），"
        "增幅最大的是平台（增长 25%），下降的只有机构（下降 20%）。"
        "百分比类指标按百分点比较，上升的只有研发占比（提高 1.5 个百分点），下降的只有收入占比（下降 2 个百分点）。"
    )


def test_dashboard_summary_ties_baseline_and_no_previous_year() -> None:
    series = [
        _series(_ind("amount", "甲"), {2022: "10", 2023: "12"}, baseline=2022),  # +20 %
        _series(_ind("count", "乙"), {2022: "5", 2023: "6"}, baseline=2022),  # +20 %
        _series(_ind("count", "丙"), {2022: "5", 2023: "5.5"}, baseline=2022),  # +10 %
    ]
    assert dashboard_summary(series, 2023) == (
        "2023 年度，本页 3 项定量指标全部有数值。与上年（基期）相比，两年都有数值的 3 项中，3 项上升。"
        "按增长率比较（百分比类指标除外），增幅最大的是甲、乙（增长 20%）。"
    )
    assert dashboard_summary(series, 2022) == "2022 年度（基期），本页 3 项定量指标全部有数值。"
    first = [_series(_ind(), {2024: "3"})]
    assert (
        dashboard_summary(first, 2024) == "2024 年度，本页 1 项定量指标全部有数值。没有 2023 年的数据，不作逐年比较。"
    )
    none_comparable = [_series(_ind(), {2023: "暂无", 2024: "3"})]
    assert dashboard_summary(none_comparable, 2024).endswith("没有两年都有数值的指标，不与上年比较。")
    assert dashboard_summary([], 2024) == ""


# --- indicator pages ------------------------------------------------------------------------


def test_ranking_sentence() -> None:
    amount, ratio = _ind("amount"), _ind("per_10k", "每万人发明专利拥有量")
    rows = [
        Entry("南宁", Decimal("45.8"), "45.8"),
        Entry("柳州", Decimal("43.9"), "43.9"),
        Entry("桂林", Decimal("24.0"), "24.0"),
    ]
    assert ranking_sentence(amount, 2025, rows, [Entry("北海", None, "暂无")]) == (
        "2025 年共 3 个示范区报送了数值，最高为南宁（45.8 亿元），最低为桂林（24.0 亿元）；"
        "3 个示范区合计 113.7 亿元；另有北海暂无，没有数值，不计入排名和合计。"
    )
    ratio_rows = [Entry("甲", Decimal("3"), "3"), Entry("乙", Decimal("3.0"), "3.0"), Entry("丙", Decimal(1), "1")]
    assert ranking_sentence(ratio, 2024, ratio_rows) == (
        "2024 年共 3 个示范区报送了数值，最高为甲、乙（均为 3 件），最低为丙（1 件）。"
    )  # a ratio: no total, no average
    same = [Entry("甲", Decimal(2), "2"), Entry("乙", Decimal(2), "2")]
    assert ranking_sentence(ratio, 2024, same) == "2024 年共 2 个示范区报送了数值，数值相同，均为 2 件。"
    assert ranking_sentence(amount, 2023, [Entry("甲", Decimal(5074), "5074")]) == (
        "2023 年只有甲报送了数值（5,074 亿元），不作排名。"
    )
    pct = _ind("percent", "占比")
    assert ranking_sentence(pct, 2023, [Entry("甲", Decimal("35.2"), "35.2"), Entry("乙", Decimal(30), "30")]) == (
        "2023 年共 2 个示范区报送了数值，最高为甲（35.2%），最低为乙（30%）。"
    )


def test_trend_sentence() -> None:
    lines = [
        [Entry("甲", Decimal(10), "10", True), Entry("甲", None, "暂无"), Entry("甲", Decimal(12), "12")],  # up
        [Entry("乙", Decimal(5), "5"), Entry("乙", Decimal(3), "3")],  # down
        [Entry("丙", Decimal(5), "5"), Entry("丙", Decimal(9), "9"), Entry("丙", Decimal(5), "5")],  # flat
        [Entry("丁", Decimal(5), "5"), Entry("丁", None, "不适用")],  # one year only
    ]
    assert trend_sentence(lines) == (
        "比较各示范区最早与最近有数值的年份（含基期）：1 个示范区上升、1 个下降、1 个持平；1 个示范区不足两年有数值，不作比较。"
    )
    assert trend_sentence([[Entry("丁", None, "暂无")]]) == "1 个示范区不足两年有数值，不作比较。"


# --- the sample data: every number on the zone pages comes from the YAML --------------------

NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def _raw_values() -> dict[str, dict[int, tuple[bool, dict[str, str]]]]:
    """zone → year → (baseline, indicator → value as written), read straight from the YAML (all strings)."""
    out: dict[str, dict[int, tuple[bool, dict[str, str]]]] = {}
    for path in sorted((SAMPLE / "zones").glob("*/annual/*.yaml")):
        doc = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
        values = {k: (v["value"] if isinstance(v, dict) and "value" in v else v) for k, v in doc["values"].items()}
        out.setdefault(path.parent.parent.name, {})[int(Path(path).stem)] = (doc.get("baseline") == "true", values)
    return out


def _is_number(text: object) -> bool:
    return isinstance(text, str) and re.fullmatch(r"-?\d+(\.\d+)?", text) is not None


def _allowed(written: list[str]) -> set[str]:
    """The values as written (with thousands separators), and the rate and difference from each value to
    each later one (rates on the earlier value: the size, rounded half-up to one decimal)."""
    allowed = {number_text(w) for w in written}
    for k, a in enumerate(written):
        for b in written[k + 1 :]:
            da, db = Decimal(a), Decimal(b)
            diff = abs(db - da)
            allowed.add(exact_text(diff))
            if da > 0:
                rate = abs(db - da) / da * 100
                allowed.add(f"{rate.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):,f}".rstrip("0").rstrip("."))
    return allowed


def test_every_number_in_the_zone_page_sentences_comes_from_the_yaml() -> None:
    catalog, site = generated(SAMPLE)
    pages = site.pages
    raw = _raw_values()
    checked = ranks = 0
    for zone_id, years in sorted(raw.items()):
        page = pages[f"zones/{zone_id}/index.md"]
        for ind in [*catalog.indicators, *catalog.zones[zone_id].own_indicators]:
            if ind.kind == "text":
                continue
            m = re.search(rf'id="chart-{re.escape(zone_id)}-{re.escape(ind.id)}" role="img" aria-label="([^"]*)"', page)
            assert m, (zone_id, ind.id)
            title, _, sentence = html.unescape(m.group(1)).partition("。")
            assert title == ind.name and sentence
            assert sentence in html.unescape(page).splitlines(), sentence  # the same sentence as a paragraph
            written = [v[ind.id] for _, (_, v) in sorted(years.items()) if _is_number(v.get(ind.id))]
            allowed = _allowed(written)
            for token in NUMBER.finditer(sentence):
                value, after = token.group(), sentence[token.end() : token.end() + 6]
                before = sentence[max(0, token.start() - 2) : token.start()]
                if after.startswith(" 年"):
                    assert int(value) in years, (zone_id, ind.id, sentence)
                elif before == "第 " and after.startswith(" 位"):
                    year = int(sentence[:4])
                    mine = Decimal(years[year][1][ind.id])
                    others = [Decimal(v[ind.id]) for z in raw.values() for y, (base, v) in z.items()
                              if y == year and not base and _is_number(v.get(ind.id))]  # fmt: skip
                    assert int(value) == 1 + sum(1 for o in others if o > mine), (zone_id, ind.id, sentence)
                    ranks += 1
                elif after.startswith(" 个示范区"):
                    year = int(sentence[:4])
                    count = sum(1 for z in raw.values() for y, (base, v) in z.items()
                                if y == year and not base and _is_number(v.get(ind.id)))  # fmt: skip
                    assert int(value) == count, (zone_id, ind.id, sentence)
                else:
                    assert value in allowed, (zone_id, ind.id, value, sentence)
                checked += 1
    assert checked > 300 and ranks > 50  # the sample has 4 zones with reports and ~23 indicators each


def test_dashboard_summary_on_the_sample_zone_pages() -> None:
    catalog, site = generated(SAMPLE)
    pages = site.pages
    raw = _raw_values()
    for zone_id, years in sorted(raw.items()):
        latest = max(years)
        text = html.unescape(pages[f"zones/{zone_id}/index.md"])
        line = next(line for line in text.splitlines() if line.startswith(f"{latest} 年度，本页"))
        quantitative = [i for i in [*catalog.indicators, *catalog.zones[zone_id].own_indicators] if i.kind != "text"]
        now, prev = years[latest][1], years.get(latest - 1, (False, {}))[1]
        have = sum(1 for i in quantitative if _is_number(now.get(i.id)))
        both = [i for i in quantitative if _is_number(now.get(i.id)) and _is_number(prev.get(i.id))]
        up = sum(1 for i in both if Decimal(now[i.id]) > Decimal(prev[i.id]))
        flat = sum(1 for i in both if Decimal(now[i.id]) == Decimal(prev[i.id]))
        head = f"本页 {len(quantitative)} 项定量指标" + (
            "全部有数值" if have == len(quantitative) else f"中 {have} 项有数值"
        )
        assert head in line, line
        assert f"两年都有数值的 {len(both)} 项中，{up} 项上升" in line, line
        if flat:
            assert f"{flat} 项持平" in line, line
        rates = {i.id: (Decimal(now[i.id]) - Decimal(prev[i.id])) / Decimal(prev[i.id]) * 100
                 for i in both if i.kind != "percent" and Decimal(prev[i.id]) > 0}  # fmt: skip
        best = max(rates.values())
        names = "、".join(i.name for i in quantitative if rates.get(i.id) == best)
        assert f"增幅最大的是{names}（增长 {rate_text(best)}）" in line, line


def test_the_highest_and_lowest_name_every_year_that_reached_them() -> None:
    # e.g. 柳州 3, 4, 5, 5 家: "其间最高为 2024 年的 5 家" was untrue of 2025, also 5
    from generator.site.series import zone_series

    catalog = generated(SAMPLE)[0]
    raw = _raw_values()
    pattern = re.compile(r"其间最高为 (.+?)的 ([^，]+)，最低为 (.+?)的 ([^。]+)。")
    ties = 0
    for zone_id, zone in catalog.zones.items():
        for ind in catalog.indicators:
            found = pattern.search(zone_indicator_text(zone_series(zone, ind), None))
            if found is None:
                continue
            numbers = {
                year: Decimal(values[ind.id])
                for year, (_baseline, values) in raw[zone_id].items()
                if _is_number(values.get(ind.id))
            }
            high = sorted(y for y, n in numbers.items() if n == max(numbers.values()))
            low = sorted(y for y, n in numbers.items() if n == min(numbers.values()))
            ties += len(high) > 1 or len(low) > 1
            assert [int(y) for y in re.findall(r"(\d{4}) 年", found[1])] == high, (zone_id, ind.id, found[0])
            assert [int(y) for y in re.findall(r"(\d{4}) 年", found[3])] == low, (zone_id, ind.id, found[0])
    assert ties >= 1  # the sample has at least one tie (柳州's 5 家 in 2024 and 2025)
