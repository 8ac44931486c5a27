"""The registered rules (generator/data/rules/): one definition of each rule, used by `check`, `import-xlsx`
and `diff` alike."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import MINI, ROOT, load_catalog, replace_once
from generator.data.load import load_data
from generator.data.messages import CODES
from generator.data.problems import Problem, ProblemLog
from generator.data.rules.context import Context
from generator.data.rules.registry import rule, rules
from generator.data.validate import validate_data

# The codes no rule reports, by the source that does: reading a file (the loader) and checking each file against
# its model (the models' field types and validate.py).
NOT_RULES = {
    "generator/data/load.py": {
        "not-utf8", "file-too-large", "yaml-syntax", "fullwidth-colon", "ideographic-space", "duplicate-key",
        "yaml-alias", "too-deep", "yaml-tag", "unexpected-file", "image-format", "list-item-merged", "key-merged",
        "line-merged", "invisible-char", "invisible-in-text", "not-regular-file", "image-damaged",
        "image-dimensions",
    },
    "generator/data/validate.py": {"unknown-field", "too-many-items"},
    "generator/data/types.py": {"wrong-type", "unsafe-link", "text-too-long"},
}  # fmt: skip
# Codes a source above and one rule both report: the rule's cases of a code the loader or the models report.
SHARED = {
    "duplicate-id": "generator/data/load.py",  # two images whose names differ only in case
    "missing-field": "generator/data/validate.py",
    "invalid-value": "generator/data/validate.py",
    "invalid-id": "generator/data/types.py",
    "markup-in-text": "generator/data/types.py",
}


def test_every_code_is_reported_by_one_rule_or_one_named_source() -> None:
    registered = rules()
    for code in CODES:
        sources = [path for path, codes in NOT_RULES.items() if code in codes]
        if code in SHARED:
            assert code in registered and not sources, code
            sources = [SHARED[code]]
        else:
            assert (code in registered) + len(sources) == 1, (code, sources)
        for path in sources:  # the named source does report it
            assert f'"{code}"' in (ROOT / path).read_text(encoding="utf-8"), (code, path)


def test_every_registered_rule_has_its_broken_case() -> None:
    covered = set()
    for case in sorted((ROOT / "tests/broken").glob("*.yaml")):
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        if "pending" not in spec:
            covered |= {m.group(1) for line in spec["expected"] for m in [re.search(r" \[([a-z0-9-]+)\]", line)] if m}
    assert {code: r.name for code, r in rules().items() if code not in covered} == {}


def test_a_code_has_one_rule_and_is_reported_only_inside_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import generator.data.rules.text as text_rules

    with monkeypatch.context() as patch:  # a second rule for a code already registered
        patch.setattr(text_rules, "second", rule("placeholder-text")(lambda: None), raising=False)
        with pytest.raises(ValueError, match="placeholder-text"):
            rules()
    ctx = Context(None, None, None, {}, (), ProblemLog())  # type: ignore[arg-type]
    with pytest.raises(RuntimeError, match="not by its own rule"):
        ctx.add(Problem("data/site.yaml", 1, "", "placeholder-text", "甲", "a"))  # outside any rule
    owner = rules()["reference-mismatch"]
    ctx.running.stack.append(owner)
    with pytest.raises(RuntimeError, match=r"placeholder-text.* by system\.fixed_lists"):
        ctx.add(Problem("data/site.yaml", 1, "", "placeholder-text", "甲", "a"))  # inside another rule
    ctx.add(Problem("data/site.yaml", 1, "", "reference-mismatch", "甲", "a"))
    assert [p.code for p in ctx.log.problems] == ["reference-mismatch"]


# (value before, value after): a tenfold jump or not, whoever asks
JUMP_PAIRS = [
    ("10.5", "125"),  # more than tenfold up
    ("10.5", "105"),  # exactly tenfold: no jump
    ("125", "10.5"),  # more than tenfold down
    ("10.5", "1.05"),  # exactly a tenth: no jump
    ("3", "0"),  # to zero: no ratio
    ("0", "3"),  # from zero: no ratio
    ("5", "-5"),  # a sign change (the negative value is its own error)
    ("-1", "-20"),  # between negatives
]


def _data(tmp_path: Path, name: str, before: str, after: str, before_year: str) -> Path:
    data = tmp_path / name
    shutil.copytree(MINI, data)
    annual = data / "zones/demo-zone/annual"
    replace_once(annual / f"{before_year}.yaml", "  contract_value: " + ("10.5" if before_year == "2022" else "12.5"),
                 f"  contract_value: {before}")  # fmt: skip
    if before_year == "2022":
        replace_once(annual / "2023.yaml", "  contract_value: 12.5", f"  contract_value: {after}")
    return data


def _check_jumps(tmp_path: Path, before: str, after: str) -> bool:
    """Whether `check` warns of a jump from `before` (2022) to `after` (2023)."""
    _catalog, log = validate_data(load_data(_data(tmp_path, f"check{before}{after}", before, after, "2022")))
    return any(p.code == "implausible-jump" for p in log.problems)


def _diff_jumps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, before: str, after: str) -> bool:
    """Whether `diff` marks the change of the 2023 value from `before` to `after` as a jump."""
    import generator.diff as diff

    old = load_catalog(_data(tmp_path, f"old{before}{after}", before, after, "2023"))
    new = load_catalog(_data(tmp_path, f"new{before}{after}", after, after, "2023"))

    class _Clean:
        def failing(self, strict: bool) -> bool:
            return False

    base = tmp_path / f"base{before}{after}"
    base.mkdir()
    (base / "site.yaml").write_text("", encoding="utf-8")
    monkeypatch.setattr(diff, "read_base", lambda data, ref, into: base)
    monkeypatch.setattr(diff, "load_data", lambda folder: folder)
    monkeypatch.setattr(diff, "validate_data", lambda folder: (old if folder == base else new, _Clean()))
    return diff.describe_diff(tmp_path / "new", "main").jumps > 0


def test_check_and_diff_see_the_same_tenfold_jumps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check = [_check_jumps(tmp_path, a, b) for a, b in JUMP_PAIRS]
    assert check == [True, False, True, False, False, False, False, False]  # the checker's rule, as today
    assert [_diff_jumps(tmp_path, monkeypatch, a, b) for a, b in JUMP_PAIRS] == check


# (indicator of the mini data, value as typed): what the checker says of it in a YAML file and what the Excel
# import says of it in a cell must be the same verdict (the import's own words)
KIND_VALUES = [
    ("agencies", "12"),  # a count
    ("agencies", "2.5"),  # a fraction for a count
    ("agencies", "-3"),  # negative
    ("agencies", "-1.5"),  # a negative fraction for a count: the checker's first rule is the whole number
    ("rd_ratio", "150"),  # a percentage over 100
    ("rd_ratio", "-1"),
    ("contract_value", "12.5"),
    ("contract_value", "1234567890123456789"),  # more digits than a number keeps
]
_REFUSED_AS = {"应为整数": "value-not-number", "不能为负数": "negative-value", "超过 100": "percent-out-of-range",
               "超过上限": "number-too-large"}  # fmt: skip


def test_the_import_refuses_a_value_as_check_does(tmp_path: Path) -> None:
    from generator.editors.cell_values import CellRefusal, read_value

    catalog = load_catalog(MINI)
    check: list[str | None] = []
    excel: list[str | None] = []
    for i, (ind_id, typed) in enumerate(KIND_VALUES):
        data = tmp_path / str(i)
        shutil.copytree(MINI, data)
        report = data / "zones/demo-zone/annual/2023.yaml"
        text = report.read_text(encoding="utf-8")
        report.write_text(re.sub(rf"(?m)^  {ind_id}: .*$", f"  {ind_id}: {typed}", text, count=1), encoding="utf-8")
        _catalog, log = validate_data(load_data(data))
        found = [p.code for p in log.problems if p.field == f"values.{ind_id}" and p.code in _REFUSED_AS.values()]
        check.append(found[0] if found else None)
        try:
            read_value(typed, "General", catalog.indicator(ind_id))
            excel.append(None)
        except CellRefusal as refusal:
            excel.append(next((code for words, code in _REFUSED_AS.items() if words in refusal.zh), refusal.zh))
    assert check == [None, "value-not-number", "negative-value", "value-not-number", "percent-out-of-range",
                     "negative-value", None, "number-too-large"]  # fmt: skip
    assert excel == check


def test_the_editors_tools_refuse_the_years_check_refuses(tmp_path: Path) -> None:
    from generator.editors.common import EditorError
    from generator.editors.scaffold import scaffold_year

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    replace_once(data / "site.yaml", "as_of: 2024-06-30", "as_of: 2025-06-30")
    zone = data / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8") + "  - kind: evaluated\n    date: 2024-03-01\n    result: revoked\n",
                    encoding="utf-8")  # fmt: skip
    report = data / "zones/demo-zone/annual/2024.yaml"
    report.write_text((data / "zones/demo-zone/annual/2023.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    _catalog, log = validate_data(load_data(data))  # what check says of a 2024 report
    assert [p.zh for p in log.problems if p.path.endswith("annual/2024.yaml") and p.code == "year-out-of-range"] == [
        "示范区已于 2024-03-01 撤销，不能有 2024 年数据"
    ]
    report.unlink()
    with pytest.raises(EditorError) as refused:  # new-year refuses it up front, in the same words
        scaffold_year(data, "demo-zone", 2024)
    assert refused.value.zh == "示范区已于 2024-03-01 撤销，不能有 2024 年数据"


def test_the_editors_tools_take_the_baseline_year_check_takes(tmp_path: Path) -> None:
    from generator.editors.scaffold import scaffold_year

    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    replace_once(data / "zones/demo-zone/zone.yaml", "date: 2023-05-10", "date: 2025-03-01")  # approved after as_of
    report = data / "zones/demo-zone/annual/2024.yaml"
    report.write_text("baseline: true\n" + (data / "zones/demo-zone/annual/2022.yaml").read_text(encoding="utf-8")
                      .replace("baseline: true\n", ""), encoding="utf-8")  # fmt: skip
    _catalog, log = validate_data(load_data(data))  # check takes 2024 as the baseline: no problem with its year
    assert [p.code for p in log.problems if p.path.endswith("annual/2024.yaml")] == []
    report.unlink()
    assert scaffold_year(data, "demo-zone", 2024) == report  # and so does new-year


# A qualitative value as typed: is it a number put where words belong? The same verdict from `check` (YAML) and
# from the Excel import (a text cell): a number as editors write one — a sign, digits with or without thousands
# separators, one decimal point, in full-width characters too — is refused; words with numbers in them are not.
QUALITATIVE_VALUES = [
    ("12", True),
    ("-3.5", True),
    ("1,234", True),  # thousands separators
    ("１２３", True),  # full-width digits (Chinese input methods)
    ("1,234.5", True),
    ("2024.3.1", False),  # a date written with points, not a number
    ("约 12 项", False),
    ("已出台 3 项配套政策", False),
]


def test_the_import_and_check_agree_on_a_number_in_a_qualitative_value(tmp_path: Path) -> None:
    from generator.editors.cell_values import CellRefusal, read_value

    catalog = load_catalog(MINI)
    check: list[bool] = []
    excel: list[bool] = []
    for i, (typed, _number) in enumerate(QUALITATIVE_VALUES):
        data = tmp_path / str(i)
        shutil.copytree(MINI, data)
        report = data / "zones/demo-zone/annual/2023.yaml"
        text = report.read_text(encoding="utf-8")
        report.write_text(re.sub(r"(?m)^  policies: .*$", f'  policies: "{typed}"', text, count=1), encoding="utf-8")
        _catalog, log = validate_data(load_data(data))
        check.append(any(p.code == "value-not-text" and p.field == "values.policies" for p in log.problems))
        try:
            read_value(typed, "@", catalog.indicator("policies"))
            excel.append(False)
        except CellRefusal:
            excel.append(True)
    assert check == [number for _typed, number in QUALITATIVE_VALUES]
    assert excel == check
