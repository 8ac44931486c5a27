"""The editors' make targets do what they say and nothing else (issue 11)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from test_excel import run

from conftest import ROOT


def _dry(*args: str) -> str:
    proc = subprocess.run(["make", "-n", *args], cwd=ROOT, capture_output=True, text=True, timeout=60, check=True)
    return proc.stdout


def test_import_xlsx_recipe_deletes_nothing() -> None:
    recipe = _dry("-W", ".venv/.installed", "import-xlsx", "FILE=x.xlsx")
    assert "import-xlsx" in recipe and "rm " not in recipe


def test_exported_sheets_go_to_an_ignored_folder(data_copy: Path, tmp_path: Path) -> None:
    code, out, err = run("export-template", "demo-zone", "2023", "--data", "data")
    assert code == 0, err
    written = tmp_path / "sheets" / "demo-zone-2023.xlsx"
    assert written.is_file() and "sheets/demo-zone-2023.xlsx" in out
    ignored = subprocess.run(["git", "check-ignore", "-q", "sheets/demo-zone-2023.xlsx"], cwd=ROOT, check=False)
    assert ignored.returncode == 0
    assert "-o" not in _dry("-W", ".venv/.installed", "export-template", "ZONE=demo-zone", "YEAR=2023")
