"""The composite index (generator/analysis/composite.py) against examples worked by hand, and its pages."""

from __future__ import annotations

import dataclasses
import math
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from conftest import generated, plain_cells
from generator.analysis import composite as ci
from generator.analysis.stage import analyse
from generator.data.catalog import Catalog
from generator.site.composite_words import composite_block, excluded_text, group_name, missing_text, not_shown_text
from generator.site.markup import inline
from generator.site.pages import make_pages

DATA = Path(__file__).resolve().parent.parent / "zones_data"
NAN = math.nan


def frame(rows: list[tuple[str, str, str, str, float, str]], year: int = 2024) -> pd.DataFrame:
    """(zone, indicator, category, basis, value, marker) -> an input frame for `compute` (a marker is the
    reason its value is missing; "" none)."""
    return pd.DataFrame(
        [
            {
                "zone": z,
                "year": year,
                "indicator": i,
                "category": c,
                "basis": b,
                "value": v,
                "current": None,
                "previous": None,
                "reason": ci.Missing(ci.Gap.MARKER, r) if r else None,
            }
            for z, i, c, b, v, r in rows
        ],
        columns=ci.INPUT_COLUMNS,
    )


# The hand-worked example: zones A, B, C, D; category c1 = {p (level), g (growth)}, c2 = {q, r (levels)}.
#
#   p: A 0, B 1, C 4, D 16. Adjusted skewness of (0, 1, 4, 16): mean 5.25, m2 = 40.6875, m3 = 254.72,
#      g1 = m3 / m2^1.5 = 0.9815, G1 = g1 · √(4·3) / 2 = 1.70 > 1 → square root: 0, 1, 2, 4
#      → min-max 0, 0.25, 0.5, 1.
#   g: growth rates A 0.1, B 暂无 (missing, NOT zero), C 0.3, D 0.2 → skewness 0 → min-max A 0, C 1, D 0.5.
#   q: A 10, B 20, C 30, D 40 → min-max 0, 1/3, 2/3, 1.   r: A 1, B 2, C 3, D 4 → the same.
#
#   c1 = mean of the zone's values: A 0, B 0.25 (p only: g left out, not counted as 0), C 0.75, D 0.75
#   c2: A 0, B 1/3, C 2/3, D 1
#   overall (equal weight per category): A 0, B 0.2917, C 0.7083, D 0.875 → ×100: 0.0, 29.2, 70.8, 87.5
#   coverage: 4 eligible indicators; B has 3 → 75 % ≥ 70 %: shown.
#   average of the shown scores (0 + 29.2 + 70.8 + 87.5) / 4 = 46.875 → 46.88
#   relative: A 0 %, B 29.2/46.875 = 62.3 %, C 151.0 %, D 186.7 %
#   groups: A 追赶, B 追赶, C 领先, D 领先; ranks D 1, C 2, B 3, A 4.
#   Variants: D is at least C's equal on p, q, r and behind only on g; every variant keeps D > C > B > A (worked
#   for per-indicator weights: A 0, B 0.3056, C 0.7083, D 0.875; without the root: B 0.1979, C 0.6458, D 0.875;
#   z-score with root: B 0.68, C 1.567, D 1.997), so every range is one rank and the groups do not change.
HAND = [
    ("A", "p", "c1", "level", 0, ""), ("B", "p", "c1", "level", 1, ""), ("C", "p", "c1", "level", 4, ""),
    ("D", "p", "c1", "level", 16, ""),
    ("A", "g", "c1", "growth", 0.1, ""), ("B", "g", "c1", "growth", NAN, "暂无"), ("C", "g", "c1", "growth", 0.3, ""),
    ("D", "g", "c1", "growth", 0.2, ""),
    ("A", "q", "c2", "level", 10, ""), ("B", "q", "c2", "level", 20, ""), ("C", "q", "c2", "level", 30, ""),
    ("D", "q", "c2", "level", 40, ""),
    ("A", "r", "c2", "level", 1, ""), ("B", "r", "c2", "level", 2, ""), ("C", "r", "c2", "level", 3, ""),
    ("D", "r", "c2", "level", 4, ""),
]  # fmt: skip
ORDER = ["p", "g", "q", "r"]


def test_hand_worked_example() -> None:
    result = ci.compute(frame(HAND), ORDER, ["c1", "c2"])
    assert result.transformed == ("p",)
    assert result.skewness["p"] == pytest.approx(1.700, abs=0.001)
    year = result.years[2024]
    assert year.published and year.eligible == ("p", "g", "q", "r") and year.not_eligible == ()
    by = {z.zone: z for z in year.zones}
    assert [z.zone for z in year.zones] == ["D", "C", "B", "A"]
    assert {k: v.score for k, v in by.items()} == {
        "A": Decimal("0.0"), "B": Decimal("29.2"), "C": Decimal("70.8"), "D": Decimal("87.5")}  # fmt: skip
    assert by["B"].categories == {"c1": Decimal("25.0"), "c2": Decimal("33.3")}  # g left out, not zero
    assert by["C"].categories == {"c1": Decimal("75.0"), "c2": Decimal("66.7")}
    assert (
        by["B"].used == 3 and by["B"].eligible == 4 and by["B"].left_out == (("g", ci.Missing(ci.Gap.MARKER, "暂无")),)
    )
    assert year.average == Decimal("46.88")
    assert {k: v.relative for k, v in by.items()} == {
        "A": Decimal("0.0"), "B": Decimal("62.3"), "C": Decimal("151.0"), "D": Decimal("186.7")}  # fmt: skip
    catching_up, leading = ci.Group.CATCHING_UP, ci.Group.LEADING
    assert {k: v.group for k, v in by.items()} == {"A": catching_up, "B": catching_up, "C": leading, "D": leading}
    assert [group_name(by[z].group) for z in "ABCD"] == ["追赶", "追赶", "领先", "领先"]
    assert missing_text(by["B"].left_out[0][1]) == "暂无"
    assert {k: v.rank for k, v in by.items()} == {"A": 4, "B": 3, "C": 2, "D": 1}
    assert {k: v.rank_range for k, v in by.items()} == {"A": "4", "B": "3", "C": "2", "D": "1"}
    assert all(v.stable for v in by.values())
    # normalised values of the default variant, as worked above
    norm = {(r.zone, r.indicator): round(r.norm, 6) for r in year.detail.itertuples()}
    assert norm[("B", "p")] == 0.25 and norm[("C", "p")] == 0.5 and norm[("D", "g")] == 0.5
    assert ("B", "g") not in norm
    # strengths and weaknesses: C is 2nd of 4 on p (percentile (4−2)/3 = 66.7), 1st of 3 on g (100), 2nd of 4
    # on q and r (66.7); nothing below 50 → no weaknesses.
    c = by["C"]
    assert [(s.indicator, s.rank, s.among, s.percentile) for s in c.strengths] == [
        ("g", 1, 3, Decimal("100.0")), ("p", 2, 4, Decimal("66.7")), ("q", 2, 4, Decimal("66.7"))]  # fmt: skip
    assert c.weaknesses == ()
    a = by["A"]
    assert [(s.indicator, s.percentile) for s in a.weaknesses] == [
        ("p", Decimal("0.0")), ("g", Decimal("0.0")), ("q", Decimal("0.0"))]  # fmt: skip


def test_variant_scores_worked_by_hand() -> None:
    result = ci.compute(frame(HAND), ORDER, ["c1", "c2"])
    detail = result.years[2024].detail
    overall, _ = ci._raw_scores(detail, ci.Options("minmax", "indicator", True), result.transformed)
    assert overall == pytest.approx({"A": 0, "B": 0.305556, "C": 0.708333, "D": 0.875}, abs=1e-6)
    overall, _ = ci._raw_scores(detail, ci.Options("minmax", "category", False), result.transformed)
    assert overall == pytest.approx({"A": 0, "B": 0.197917, "C": 0.645833, "D": 0.875}, abs=1e-6)


def test_rank_range_when_the_transform_changes_the_order() -> None:
    # p: X 0, Y 4, Z 16: G1 = 1.29 > 1 → roots 0, 2, 4 → min-max 0, 0.5, 1 (without the root: 0, 0.25, 1).
    # q: X 2, Y 0, Z 5: G1 = 0.59 → not transformed → min-max 0.4, 0, 1.
    # with the root:    X (0 + 0.4)/2 = 0.20, Y (0.5 + 0)/2 = 0.25, Z 1 → Z, Y, X
    # without the root: X 0.20, Y (0.25 + 0)/2 = 0.125, Z 1      → Z, X, Y
    rows = [
        ("X", "p", "c1", "level", 0, ""), ("Y", "p", "c1", "level", 4, ""), ("Z", "p", "c1", "level", 16, ""),
        ("X", "q", "c2", "level", 2, ""), ("Y", "q", "c2", "level", 0, ""), ("Z", "q", "c2", "level", 5, ""),
    ]  # fmt: skip
    year = ci.compute(frame(rows), ["p", "q"], ["c1", "c2"]).years[2024]
    by = {z.zone: z for z in year.zones}
    assert {k: v.score for k, v in by.items()} == {"X": Decimal("20.0"), "Y": Decimal("25.0"), "Z": Decimal("100.0")}
    assert {k: v.rank for k, v in by.items()} == {"X": 3, "Y": 2, "Z": 1}
    assert {k: v.rank_range for k, v in by.items()} == {"X": "2—3", "Y": "2—3", "Z": "1"}
    # mean 48.33: Z 206.9 % 领先, Y 51.7 %, X 41.4 % 追赶 — and the same groups without the root
    assert {k: v.group for k, v in by.items()} == {
        "X": ci.Group.CATCHING_UP,
        "Y": ci.Group.CATCHING_UP,
        "Z": ci.Group.LEADING,
    }
    assert by["X"].stable is True


def test_missing_values_are_left_out_not_zero() -> None:
    rows = [r for r in HAND if not (r[0] == "B" and r[1] == "g")] + [("B", "g", "c1", "growth", 0.0, "")]
    with_zero = {z.zone: z for z in ci.compute(frame(rows), ORDER, ["c1", "c2"]).years[2024].zones}
    missing = {z.zone: z for z in ci.compute(frame(HAND), ORDER, ["c1", "c2"]).years[2024].zones}
    # a reported 0 growth is the lowest g (min-max 0): c1 = (0.25 + 0)/2; the marker leaves c1 = 0.25
    assert with_zero["B"].categories["c1"] == Decimal("12.5")
    assert missing["B"].categories["c1"] == Decimal("25.0")


def test_seventy_percent_rule() -> None:
    # B without g and without r: 2 of 4 eligible indicators = 50 % < 70 % → no score, reason given;
    # B's numbers still count in the others' normalisation (q: B 20 stays between 10 and 40).
    rows = [r for r in HAND if not (r[0] == "B" and r[1] in ("g", "r"))]
    year = ci.compute(frame(rows), ORDER, ["c1", "c2"]).years[2024]
    b = year.zone("B")
    assert b is not None and not b.shown and b.score is None and b.rank is None
    assert b.reason is ci.NotShown.LOW_COVERAGE and (b.used, b.eligible) == (2, 4)
    assert not_shown_text(b, year) == "有数值的指标只占当年可用指标的 2/4，不足 70%"
    assert [z.zone for z in year.shown] == ["D", "C", "A"]
    # A, C, D scores unchanged (B had neither the min nor the max of any indicator it lost)
    assert [z.score for z in year.shown] == [Decimal("87.5"), Decimal("70.8"), Decimal("0.0")]


def test_seventy_percent_exactly_is_enough() -> None:
    # 10 indicators, A 0 and B 1 on each; C has 7 of them (exactly 70 %): shown; D has 6 (60 %): not shown
    inds = [f"i{k}" for k in range(10)]
    rows = [(z, i, "c1", "level", v, "") for i in inds for z, v in (("A", 0), ("B", 1))]
    rows += [("C", i, "c1", "level", 0.5, "") for i in inds[:7]] + [("D", i, "c1", "level", 0.5, "") for i in inds[:6]]
    year = ci.compute(frame(rows), inds, ["c1"]).years[2024]
    c, d = year.zone("C"), year.zone("D")
    assert c is not None and c.shown and c.score == Decimal("50.0") and (c.used, c.eligible) == (7, 10)
    assert d is not None and not d.shown and d.reason is ci.NotShown.LOW_COVERAGE and "6/10" in not_shown_text(d, year)


def test_ties_share_a_rank() -> None:
    assert ci.competition_ranks([Decimal(5), Decimal(7), Decimal(5), Decimal(1)]) == [2, 1, 2, 4]
    rows = [
        ("A", "p", "c1", "level", 1, ""), ("B", "p", "c1", "level", 1, ""), ("C", "p", "c1", "level", 3, ""),
        ("A", "q", "c1", "level", 2, ""), ("B", "q", "c1", "level", 2, ""), ("C", "q", "c1", "level", 0, ""),
    ]  # fmt: skip
    # A and B identical: p 0, q 1 → 50.0 each; C: p 1, q 0 → 50.0 too: all three tie at rank 1
    year = ci.compute(frame(rows), ["p", "q"], ["c1"]).years[2024]
    assert [(z.zone, z.score, z.rank) for z in year.zones] == [
        ("A", Decimal("50.0"), 1), ("B", Decimal("50.0"), 1), ("C", Decimal("50.0"), 1)]  # fmt: skip


def test_outlier_rule() -> None:
    # 1, 2, 3, 4, 5, 30: mean 7.5, sample s.d. √(617.5/5) = 11.11, mean + 2 s.d. = 29.73 < 30 → replaced by 5
    values = pd.Series([1.0, 2.0, 3.0, 4.0, 5.0, 30.0])
    assert list(ci._treat_outliers(values)) == [1, 2, 3, 4, 5, 5]
    # five values: no value can lie beyond (5 − 1)/√5 = 1.79 s.d., so nothing is ever replaced
    assert list(ci._treat_outliers(pd.Series([0.0, 0.0, 0.0, 0.0, 100.0]))) == [0, 0, 0, 0, 100]
    rows = [(z, "p", "c1", "level", v, "") for z, v in zip("ABCDEF", [1, 2, 3, 4, 5, 30], strict=True)]
    rows += [(z, "q", "c1", "level", v, "") for z, v in zip("ABCDEF", [6, 5, 4, 3, 2, 1], strict=True)]
    year = ci.compute(frame(rows), ["p", "q"], ["c1"]).years[2024]
    assert year.outliers == (("F", "p", 30.0, 5.0),)
    # F's p is now equal to E's, the highest: both normalise to 1
    norm = {(r.zone, r.indicator): r.norm for r in year.detail.itertuples()}
    assert norm[("F", "p")] == norm[("E", "p")] == 1


def test_not_eligible_indicators() -> None:
    rows = [
        ("A", "p", "c1", "level", 1, ""), ("B", "p", "c1", "level", 2, ""),
        ("A", "s", "c1", "level", 3, ""), ("B", "s", "c1", "level", 3, ""),  # no spread
        ("A", "t", "c1", "level", 3, ""), ("B", "t", "c1", "level", NAN, "不适用"),  # one zone only
    ]  # fmt: skip
    year = ci.compute(frame(rows), ["p", "s", "t"], ["c1"]).years[2024]
    assert year.eligible == ("p",)
    assert year.not_eligible == (
        ("s", ci.Excluded(ci.Exclusion.VALUES_EQUAL, 2, 2)),
        ("t", ci.Excluded(ci.Exclusion.TOO_FEW_VALUES, 1, 1)),
    )
    assert [excluded_text(why) for _, why in year.not_eligible] == [
        "各示范区数值相同，无法归一化", "少于 2 个示范区有数值"]  # fmt: skip
    assert {z.zone: z.score for z in year.zones} == {"A": Decimal("0.0"), "B": Decimal("100.0")}


def test_why_an_indicator_is_left_out_tells_growth_rates_from_values() -> None:
    # g: both zones reported a number, but only A has a growth rate (B's year before was not reported);
    # h: both have a growth rate, the same one, though their numbers differ
    rows = [
        ("A", "p", "c1", "level", 1, ""), ("B", "p", "c1", "level", 2, ""),
        ("A", "g", "c1", "growth", 0.1, ""), ("B", "g", "c1", "growth", NAN, ""),
        ("A", "h", "c1", "growth", 0.5, ""), ("B", "h", "c1", "growth", 0.5, ""),
    ]  # fmt: skip
    inputs = frame(rows)
    inputs["current"] = [1, 2, 11, 20, 15, 30]
    inputs.loc[3, "reason"] = ci.Missing(ci.Gap.PREVIOUS_NOT_REPORTED)
    year = ci.compute(inputs, ["p", "g", "h"], ["c1"]).years[2024]
    assert year.not_eligible == (
        ("g", ci.Excluded(ci.Exclusion.TOO_FEW_GROWTH_RATES, 1, 2)),
        ("h", ci.Excluded(ci.Exclusion.GROWTH_RATES_EQUAL, 2, 2)),
    )
    assert [excluded_text(why) for _, why in year.not_eligible] == [
        "少于 2 个示范区有增长率（2 个示范区报送了数值）",
        "有增长率的 2 个示范区增长率相同，无法归一化",
    ]


def test_values_equal_only_after_the_outlier_rule_are_told_apart() -> None:
    # q: 0 six times and 10: 10 lies beyond mean + 2 s.d. (1.43 + 7.56) and becomes 0, so all are equal
    rows = [(z, "p", "c1", "level", k, "") for k, z in enumerate("ABCDEFG")]
    rows += [(z, "q", "c1", "level", 10 if z == "G" else 0, "") for z in "ABCDEFG"]
    year = ci.compute(frame(rows), ["p", "q"], ["c1"]).years[2024]
    assert year.not_eligible == (("q", ci.Excluded(ci.Exclusion.EQUAL_AFTER_OUTLIERS, 7, 7)),)


def test_equal_after_the_outlier_rule_is_worded_so() -> None:
    # q: 0 six times and 10 (the inputs differ); 10 is an outlier, replaced, and then all are equal
    rows = [(z, "p", "c1", "level", k, "") for k, z in enumerate("ABCDEFG")]
    rows += [(z, "q", "c1", "level", 10 if z == "G" else 0, "") for z in "ABCDEFG"]
    inputs = frame(rows)
    assert inputs[inputs["indicator"] == "q"]["value"].nunique() == 2
    year = ci.compute(inputs, ["p", "q"], ["c1"]).years[2024]
    assert [excluded_text(why) for _, why in year.not_eligible] == ["经离群值处理后各示范区取值相同，无法归一化"]


def test_a_year_with_one_shown_zone_is_not_published() -> None:
    rows = [("A", "p", "c1", "level", 1, ""), ("B", "p", "c1", "level", 2, ""), ("B", "q", "c1", "level", 2, ""),
            ("A", "q", "c1", "level", NAN, "暂无"), ("C", "q", "c1", "level", 5, "")]  # fmt: skip
    # p eligible (A, B), q eligible (B, C); A has 1/2, C 1/2 → only B shown → nothing published
    year = ci.compute(frame(rows), ["p", "q"], ["c1"]).years[2024]
    assert not year.published and year.shown == [] and year.average is None
    assert all(z.score is None and z.reason for z in year.zones)
    assert {z.zone: z.reason for z in year.zones} == {
        "A": ci.NotShown.LOW_COVERAGE, "B": ci.NotShown.TOO_FEW_SHOWN, "C": ci.NotShown.LOW_COVERAGE}  # fmt: skip
    b = year.zone("B")
    assert b is not None and not_shown_text(b, year) == "当年可计算综合指数的示范区不足 2 个（只有 1 个），无法比较"


@pytest.mark.parametrize(
    ("relative", "group"),
    [("125.1", "领先"), ("125.0", "较强"), ("100.0", "较强"), ("99.9", "中等"), ("70.0", "中等"), ("69.9", "追赶"),
     ("0", "追赶")],
)  # fmt: skip
def test_group_thresholds_at_the_boundaries(relative: str, group: str) -> None:
    assert group_name(ci.group_of(Decimal(relative))) == group


def test_relatives_use_the_shown_scores() -> None:
    # 50.0 and 40.0 average 45.00: 111.1 % and 88.9 %
    assert ci.relatives([Decimal("50.0"), Decimal("40.0")]) == (Decimal("45.00"), [Decimal("111.1"), Decimal("88.9")])


def test_deterministic_whatever_the_row_order() -> None:
    a = ci.compute(frame(HAND), ORDER, ["c1", "c2"]).years[2024]
    b = ci.compute(frame(list(reversed(HAND))), ORDER, ["c1", "c2"]).years[2024]
    assert a.zones == b.zones and a.eligible == b.eligible


# --- the sample data and the pages ------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return generated(DATA)[0]  # the run's shared catalog and pages of the sample data


def test_inputs_from_the_catalog(catalog: Catalog) -> None:
    inputs = ci.build_inputs(catalog)
    row = inputs.set_index(["zone", "year", "indicator"])
    # beihai 2023: turnover 12.4 on the baseline's 11.0 → growth 1.4/11 = 0.127272…
    assert row.loc[("beihai-hitech", 2023, "tech_contract_turnover"), "value"] == pytest.approx(1.4 / 11)
    assert row.loc[("beihai-hitech", 2023, "tech_contract_turnover"), "basis"] == "growth"
    # a per-10k ratio enters as its level
    assert row.loc[("beihai-hitech", 2023, "invention_patents_per_10k"), "value"] == pytest.approx(15.6)
    # 暂无 the year before: no growth rate, and it says why
    cell = row.loc[("beihai-hitech", 2023, "tech_broker_engineers")]
    assert math.isnan(cell["value"]) and cell["reason"] == ci.Missing(ci.Gap.PREVIOUS_MARKER, "暂无")
    assert missing_text(cell["reason"]) == "上年暂无，无法计算增长率"
    # no baseline years, no qualitative or own indicators
    assert 2022 not in set(inputs[inputs["zone"] == "beihai-hitech"]["year"])
    assert not set(inputs["indicator"]) & {"iur_policies", "sci_finance_policies", "cultural_tourism_tech_projects"}


def test_pages_show_the_computed_numbers(catalog: Catalog) -> None:
    result = ci.composite(catalog)
    pages = generated(DATA)[1].pages
    index, method = pages["analysis/index.md"], pages["analysis/method.md"]
    assert "sample: true" in index and "sample: true" in method
    assert index.index("## 2025 年") < index.index("## 2024 年") < index.index("## 2023 年")
    for year in result.published:
        section = index.split(f"## {year.year} 年")[1].split("\n## ")[0]
        for z in year.shown:
            assert z.score is not None
            score = f"{z.score:.1f}"
            # two tables: the zones' positions, then what each index is made of (the score cell is marked as key)
            position, made_of = [line for line in section.splitlines() if f"../zones/{z.zone}/index.md" in line]
            assert position.startswith(f"| {z.rank} |") and f"| {score} {{ data-key }} |" in position
            assert f"| {group_name(z.group)} |" in position
            assert f"| {z.used}&#47;{z.eligible} |" in plain_cells(made_of)  # "7/10" is not a figure: escaped
    assert index.count('class="chart-plot"') == 1 and "chart-analysis-composite-2025" in index
    latest = result.latest_for("liuzhou-hitech")
    assert latest is not None and latest.score is not None
    zone_page = pages["zones/liuzhou-hitech/index.md"]
    assert "## 综合表现" in zone_page and f"**{latest.score:.1f}**" in zone_page
    assert f"排名区间为 {latest.rank_range}" in zone_page
    assert zone_page.index("## 年度指标数据") < zone_page.index("## 综合表现")
    for s in latest.strengths:
        assert f"](../../indicators/{s.indicator}.md)" in zone_page
    # a zone without annual data says why: not approved yet (issue 14)
    assert "本示范区尚未批复建设（公示中）" in str(
        composite_block(catalog, ci.composite(catalog), catalog.zones["qinzhou-port"])
    )


def test_why_left_out_on_the_page_is_true_of_the_sample_figures(catalog: Catalog) -> None:
    # the sample data's real cases: a growth-rate indicator whose numbers differ (7/12/15, 1/3/4) but whose
    # growth rates are all 0, one where only 2 of 4 reporting zones have a rate, one where 3 zones reported
    # a number but none has a rate; each reason is worked out here from the inputs it speaks of
    inputs = ci.build_inputs(catalog)
    page = generated(DATA)[1].pages["analysis/index.md"]
    kinds = []
    for year in ci.composite(catalog).published:
        section = page.split(f"## {year.year} 年")[1].split("\n## ")[0]
        for ind, _excluded in year.not_eligible:
            rows = inputs[(inputs["year"] == year.year) & (inputs["indicator"] == ind)]
            assert set(rows["basis"]) == {"growth"}  # the sample's cases are all growth rates
            rates, numbers = rows["value"].dropna(), rows["current"].dropna()
            indicator = catalog.indicator(ind)
            assert indicator is not None
            name = indicator.name
            if len(rates) < 2:
                assert len(numbers) >= 2
                reason = f"少于 2 个示范区有增长率（{len(numbers)} 个示范区报送了数值）"
                kinds.append("too few rates")
            else:
                assert rates.nunique() == 1
                reason = f"有增长率的 {len(rates)} 个示范区增长率相同，无法归一化"
                kinds.append("rates equal" if numbers.nunique() == 1 else "rates equal, numbers differ")
            assert f"{name}（{reason}）" in section, (year.year, ind, reason)
        if year.not_eligible:  # the sentence before the list names both kinds of figure
            assert (
                "当年不能参与计算的指标（有数值或增长率的示范区少于 2 个，或各示范区的数值或增长率相同）：" in section
            )
    assert sorted(set(kinds)) == ["rates equal", "rates equal, numbers differ", "too few rates"]


def test_no_html_injection_from_zone_names(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDF", "0")  # the pages are checked, not the summary PDFs: no WeasyPrint renders
    hostile = "<script>alert(1)</script>[x](javascript:1)"
    zones = {
        zid: dataclasses.replace(z, zone=z.zone.model_copy(update={"name": hostile, "short_name": hostile}))
        for zid, z in catalog.zones.items()
    }
    bad = dataclasses.replace(catalog, zones=zones)
    pages = make_pages(bad, analyse(bad)).pages
    for path in ("analysis/index.md", "analysis/method.md"):
        assert "<script>" not in pages[path]
        # outside the chart's HTML attributes (escaped there, never read as Markdown) no link can form
        text = "\n".join(line for line in pages[path].splitlines() if 'class="chart-plot"' not in line)
        assert "](javascript" not in text and inline(hostile) in text
    block = str(composite_block(bad, ci.composite(bad), bad.zones["liuzhou-hitech"]))
    assert "<script>" not in block
