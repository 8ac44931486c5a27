"""Which field takes which code list is said once, by the models (issue 13, "one fact, many places").

`EXPECTED` is the table as validate.py (`_CODED_FIELDS`, by model and path: `#` a list item, `*` a mapping's key)
and diff.py (`_REFERENCE_OF`, by class and field name, and every event's `kind`) spelled it before the models
carried it. The tests check that the models' table (`coded_fields`) is that table, that validate and diff resolve
a field's code list exactly as before, and that neither module names a list in a literal mapping any more.
"""

from __future__ import annotations

import ast

import pytest

from conftest import ROOT
from generator.data.models import (
    AnnualReport,
    Applied,
    Approved,
    Case,
    Evaluated,
    Indicator,
    IndicatorSystem,
    Park,
    PlanRevised,
    PublicNotice,
    Results,
    Zone,
    ZoneIndicators,
)

# (root model, path in its file, code list)
EXPECTED = {
    (Zone, ("level",), "zone_levels"),
    (Zone, ("city",), "cities"),
    (Zone, ("parks", "#", "kind"), "park_kinds"),
    (Zone, ("parks", "#", "level"), "park_levels"),
    (Zone, ("events", "#"), "event_kinds"),
    (Zone, ("events", "#", "result"), "evaluation_results"),
    (Zone, ("targets", "*"), "indicators"),
    (Zone, ("events", "#", "targets", "*"), "indicators"),
    (AnnualReport, ("values", "*"), "indicators"),
    (Case, ("task",), "tasks"),
    (Case, ("tags", "#"), "tags"),
    (Case, ("results", "indicators", "#"), "indicators"),
    (IndicatorSystem, ("indicators", "#", "category"), "categories"),
    (IndicatorSystem, ("indicators", "#", "kind"), "indicator_kinds"),
    (ZoneIndicators, ("indicators", "#", "category"), "categories"),
    (ZoneIndicators, ("indicators", "#", "kind"), "indicator_kinds"),
}
ROOTS = (Zone, AnnualReport, Case, IndicatorSystem, ZoneIndicators)

# (class, field) -> code list, as diff shows a field's codes with their names
DIFF_EXPECTED = {
    (Zone, "level"): "zone_levels",
    (Zone, "city"): "cities",
    (Zone, "targets"): "indicators",
    (Park, "kind"): "park_kinds",
    (Park, "level"): "park_levels",
    (Case, "task"): "tasks",
    (Case, "tags"): "tags",
    (Results, "indicators"): "indicators",
    (Evaluated, "result"): "evaluation_results",
    (PlanRevised, "targets"): "indicators",
    (Indicator, "category"): "categories",
    **{(event, "kind"): "event_kinds" for event in (Applied, PublicNotice, Approved, PlanRevised, Evaluated)},
}


def _validate_table() -> set[tuple[type, tuple[str, ...], str]]:
    """What validate resolves for every (model, path) of `EXPECTED` and for every other field path."""
    from generator.data.validate import _coded_field

    out = set()
    for model, path, _ in EXPECTED:
        is_key = path[-1:] == ("*",)
        loc = tuple(0 if p == "#" else p for p in ((*path[:-1], "k", "[key]") if is_key else path))
        found = _coded_field(model, loc, is_key)
        if found:
            out.add((model, path, found))
    return out


def test_validate_resolves_the_table() -> None:
    assert _validate_table() == EXPECTED


def test_validate_finds_no_list_for_other_fields() -> None:
    from generator.data.validate import _coded_field

    others = [(Zone, ("name",)), (Zone, ("parks", 0, "name")), (Case, ("zone",)), (Case, ("title",)),
              (AnnualReport, ("values", "x", "value")), (IndicatorSystem, ("indicators", 0, "id"))]  # fmt: skip
    assert [_coded_field(model, loc) for model, loc in others] == [None] * len(others)


def test_diff_resolves_the_table() -> None:
    from generator.diff import _Differ

    found = {}
    for cls in {cls for cls, _ in DIFF_EXPECTED} | {Zone, Case, Indicator, Park, Results, Evaluated, AnnualReport}:
        for name, info in cls.model_fields.items():
            reference = _Differ.meaning(cls, name, info).reference
            # diff shows an indicator kind as its code either way, and compares a year's values itself
            if reference and reference != "indicator_kinds" and (cls, name) != (AnnualReport, "values"):
                found[(cls, name)] = reference
    assert found == DIFF_EXPECTED


def test_the_models_say_which_field_takes_which_list() -> None:
    from generator.data.models import coded_fields

    assert {(model, c.path, c.list_name) for model in ROOTS for c in coded_fields(model)} == EXPECTED
    assert {(c.owner, c.field): c.list_name for model in ROOTS for c in coded_fields(model)} == {
        **DIFF_EXPECTED,
        (Indicator, "kind"): "indicator_kinds",  # diff shows an indicator kind as its code either way
        (AnnualReport, "values"): "indicators",  # diff compares a year's values itself (`_value_changes`)
    }


LIST_NAMES = {list_name for _, _, list_name in EXPECTED}


def _literal_tables(path: str) -> list[str]:
    """The code lists a module names as a value of a literal dict (a table saying which field takes which list;
    a dict keyed by list name, such as where each list is kept, is another fact)."""
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Dict):
            found += [v.value for v in node.values if isinstance(v, ast.Constant) and v.value in LIST_NAMES]
    return found


@pytest.mark.parametrize("path", ["generator/data/validate.py", "generator/diff.py"])
def test_validate_and_diff_name_no_list_in_a_literal_mapping(path: str) -> None:
    assert _literal_tables(path) == []


def _lists_named_in_calls(function: str) -> list[str]:
    """The code lists the rules name in a call of `function` (which field takes which list is the models' to say)."""
    found = []
    for path in sorted((ROOT / "generator" / "data" / "rules").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith(function):
                found += [
                    f"{path.name}: {a.value}"
                    for a in node.args
                    if isinstance(a, ast.Constant) and a.value in LIST_NAMES
                ]
    return found


def test_the_rules_take_a_fields_list_from_the_models() -> None:
    assert _lists_named_in_calls("unknown_reference") == []
