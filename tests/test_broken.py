"""One broken input per problem code, each with the exact report lines it must produce.

Each file in tests/broken/ applies edits to a copy of tests/fixtures/mini and lists the expected output
of `check --strict`. Regenerate expectations on purpose with UPDATE_BROKEN=1 and review the diff.

A case whose fix has not landed yet carries `pending: <why>`: it is expected to fail (strict xfail), so the
regression test can be committed before its fix; the fix's commit removes the key.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from conftest import run_check
from generator.data.messages import CODES

BROKEN = Path(__file__).parent / "broken"
CASES = sorted(BROKEN.glob("*.yaml"))


def apply_edits(data: Path, edits: list[dict]) -> None:
    for edit in edits:
        path = data / edit["file"]
        if edit.get("delete"):
            assert path.exists(), f"nothing to delete at {edit['file']}"
            path.unlink()
        elif "write" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit["write"], encoding="utf-8")
        elif "write_hex" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(bytes.fromhex(edit["write_hex"]))
        elif "symlink" in edit:  # git keeps symbolic links: a pull request can add one
            path.parent.mkdir(parents=True, exist_ok=True)
            path.symlink_to(edit["symlink"])
        elif "write_repeat" in edit:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(edit["write_repeat"] * edit["times"], encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
            assert edit["replace"] in text, f"{edit['file']}: {edit['replace']!r} not found: the case tests nothing"
            new = edit["with"] + edit.get("repeat", "") * edit.get("times", 0)  # long text without a long case file
            path.write_text(text.replace(edit["replace"], new, 1), encoding="utf-8")


def test_the_folder_has_a_case_for_every_code() -> None:
    assert len(CASES) >= len(CODES), "tests/broken/ yields too few cases"
    covered = set()
    for case in CASES:
        spec = yaml.safe_load(case.read_text(encoding="utf-8"))
        covered |= {m.group(1) for line in spec["expected"] for m in [re.search(r" \[([a-z0-9-]+)\]", line)] if m}
    assert set(CODES) - covered == set(), "problem codes without a broken example"


def _param(case: Path) -> object:
    pending = yaml.safe_load(case.read_text(encoding="utf-8")).get("pending")
    marks = [pytest.mark.xfail(strict=True, reason=str(pending))] if pending else []
    return pytest.param(case, id=case.stem, marks=marks)


@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_broken_input_is_reported_exactly(case: Path, data_copy: Path) -> None:
    spec = yaml.safe_load(case.read_text(encoding="utf-8"))
    apply_edits(data_copy, spec["edits"])
    code, lines = run_check(Path("data"), "--strict")
    if os.environ.get("UPDATE_BROKEN"):
        spec["expected"] = lines
        case.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")
    assert lines == spec["expected"]
    assert code == (1 if any(" (提示/notice) " not in line for line in lines) else 0)
    assert lines, "a broken input must produce at least one line"
