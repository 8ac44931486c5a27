"""The indicator kinds are defined once (generator/data/kinds.py, issue 13): the model takes exactly the
table's kinds, what the table says is what the checks do, and no module names a kind to treat it apart."""

from __future__ import annotations

import ast
import re
import typing
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, run_check
from generator.data.kinds import KINDS
from generator.data.models import Indicator, IndicatorKind
from generator.editors.cell_values import CellRefusal, read_value


def test_the_model_takes_exactly_the_kinds_of_the_table() -> None:
    assert tuple(KINDS) == typing.get_args(IndicatorKind)
    assert all(code == kind.code for code, kind in KINDS.items())


def _indicator(code: str) -> Indicator:
    unit = "%" if KINDS[code].percent else ("家" if KINDS[code].numeric else None)
    fields = {
        "id": "x",
        "category": "c",
        "name": "某指标",
        "name_en": "x",
        "unit": unit,
        "kind": code,
        "summable": "false",
    }
    return Indicator.model_validate(fields)


def _refused(value: object, code: str, number_format: str = "General") -> bool:
    try:
        read_value(value, number_format, _indicator(code))
    except CellRefusal:
        return True
    return False


@pytest.mark.parametrize("code", list(KINDS))
def test_an_excel_cell_is_read_as_the_table_says(code: str) -> None:
    kind = KINDS[code]
    assert _refused(12, code) is not kind.numeric
    assert _refused("一段说明", code) is kind.numeric
    if kind.numeric:
        assert _refused(2.5, code) is kind.whole
        assert _refused(-1, code) is (kind.lowest > -1)
        assert _refused(101, code) is (kind.highest is not None and kind.highest < 101)
        assert _refused("35%", code) is not kind.percent
        assert _refused(0.35, code, "0%") is not kind.percent
        if kind.percent:
            entry = read_value(0.35, "0%", _indicator(code))
            assert entry is not None and entry.number == Decimal(35)


@pytest.mark.parametrize("code", [code for code, kind in KINDS.items() if kind.numeric])
def test_a_change_is_in_percentage_points_as_the_table_says(code: str) -> None:
    from generator.site.sentences import change_phrase, compare
    from generator.site.series import Point, change

    ind = _indicator(code)
    before, after = (Point(year, str(year), Decimal(n), n, None, False) for year, n in ((2023, "2"), (2024, "3")))
    assert compare(ind, Decimal(2), Decimal(3)).percent_points is KINDS[code].percent
    assert ("百分点" in change_phrase(ind, compare(ind, Decimal(2), Decimal(3)))) is KINDS[code].percent
    assert ("百分点" in change(ind, before, after)) is KINDS[code].percent


def test_the_composite_index_takes_levels_and_growth_rates_as_the_table_says() -> None:
    from generator.analysis.composite import EXTENSIVE, INTENSIVE

    assert set(INTENSIVE) == {code for code, kind in KINDS.items() if kind.index == "level"} == {"percent", "per_10k"}
    assert set(EXTENSIVE) == {code for code, kind in KINDS.items() if kind.index == "growth"} == {"count", "amount"}


JUDGED = {"value-not-text", "value-not-number", "negative-value", "percent-out-of-range"}  # a value by its kind


def _codes_by_field(data: Path) -> dict[str, set[str]]:
    """`check`'s problem codes on `data`, by field (`values.agencies`: {"value-not-number"})."""
    out: dict[str, set[str]] = {}
    for line in run_check(data)[1]:
        found = re.search(r":\d+: (\S+) \[([a-z-]+)\]", line)
        if found:
            out.setdefault(found.group(1), set()).add(found.group(2))
    return out


def test_the_checker_judges_values_as_the_table_says(data_copy: Path) -> None:
    """tests/fixtures/mini has one indicator of each kind: each is given the same values in turn, and marked
    summable, and `check` refuses what the table says its kind refuses."""
    system = data_copy / "indicator_system.yaml"
    by_kind = {i["kind"]: i["id"] for i in yaml.safe_load(system.read_text(encoding="utf-8"))["indicators"]}
    assert set(by_kind) == set(KINDS)
    annual = data_copy / "zones/demo-zone/annual/2023.yaml"
    head = annual.read_text(encoding="utf-8").split("values:")[0]
    for value in ("2.5", "-1", "101"):
        lines = [f"  {ind_id}: {value}" for ind_id in by_kind.values()]
        annual.write_text(head + "values:\n" + "\n".join([*lines, "  demo_projects: 4", ""]), encoding="utf-8")
        codes = _codes_by_field(data_copy)
        for code, kind in KINDS.items():
            got = codes.get(f"values.{by_kind[code]}", set()) & JUDGED
            number = Decimal(value)
            expected = set()
            if not kind.numeric:
                expected.add("value-not-text")
            elif kind.whole and number != number.to_integral_value():
                expected.add("value-not-number")
            elif number < kind.lowest:
                expected.add("negative-value")
            elif kind.highest is not None and number > kind.highest:
                expected.add("percent-out-of-range")
            assert got == expected, (code, value, got)
    system.write_text(system.read_text(encoding="utf-8").replace("summable: false", "summable: true"), encoding="utf-8")
    ids = [i["id"] for i in yaml.safe_load(system.read_text(encoding="utf-8"))["indicators"]]
    refused = {
        ids[int(where.group(1))]
        for field, codes in _codes_by_field(data_copy).items()
        if "not-summable" in codes and (where := re.fullmatch(r"indicators\[(\d+)\]\.summable", field))
    }
    assert refused == {by_kind[code] for code, kind in KINDS.items() if not kind.summable}


# --- no module names a kind ---------------------------------------------------------------------------

OWN = ("generator/data/kinds.py",)  # the table itself


def kind_names(source: str) -> list[tuple[int, str]]:
    """Where `source` names an indicator kind to treat it apart: a comparison of a `.kind` with a kind's code
    (`ind.kind == "percent"`, `ind.kind in ("count", "amount")`), and a tuple, list, set or dict keyed by
    several kinds' codes (a table of its own: `INTENSIVE = ("percent", "per_10k")`). A `Literal[…]` of the codes
    is a type (the model's, held equal to the table above), not looked at."""
    codes = set(KINDS)
    found: list[tuple[int, str]] = []
    tree = ast.parse(source)
    types = {
        id(n.slice) for n in ast.walk(tree) if isinstance(n, ast.Subscript) and getattr(n.value, "id", "") == "Literal"
    }

    def strings(node: ast.AST) -> list[str]:
        return [n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)]

    for node in ast.walk(tree):
        if id(node) in types:
            continue
        if isinstance(node, ast.Compare):
            sides = [node.left, *node.comparators]
            if any(isinstance(s, ast.Attribute) and s.attr == "kind" for s in sides):
                named = sorted(codes & {text for side in sides for text in strings(side)})
                found += [(node.lineno, f"compares .kind with {', '.join(named)}")] if named else []
        elif isinstance(node, ast.Tuple | ast.List | ast.Set | ast.Dict):
            items = node.keys if isinstance(node, ast.Dict) else node.elts
            named = [i.value for i in items if isinstance(i, ast.Constant) and i.value in codes]
            if len(set(named)) >= 2:
                found.append((node.lineno, f"lists the kinds {', '.join(named)}"))
    return sorted(found)


def test_the_kind_finder_finds_what_it_should() -> None:
    source = """
a = ind.kind == "text"
b = ind.kind not in ("count", "amount")
c = e.kind == "approved" or kind == "text" or ind.unit == "%"
INTENSIVE = ("percent", "per_10k")
LABELS = {"count": "数量", "amount": "金额"}
d = {"text": 1}, ("text", "number")
Kind = Literal["count", "amount"]
"""
    assert kind_names(source) == [
        (2, "compares .kind with text"),
        (3, "compares .kind with amount, count"),
        (3, "lists the kinds count, amount"),
        (5, "lists the kinds percent, per_10k"),
        (6, "lists the kinds count, amount"),
    ]


MODULES = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "generator").rglob("*.py"))


@pytest.mark.parametrize("module", [m for m in MODULES if m not in OWN])
def test_no_module_names_a_kind(module: str) -> None:
    assert kind_names((ROOT / module).read_text(encoding="utf-8")) == []
