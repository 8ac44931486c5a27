"""The command line: exit codes and output formats."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import ROOT, run_check


def test_exit_codes(data_copy: Path) -> None:
    assert run_check(Path("data"))[0] == 0
    report = data_copy / "zones/demo-zone/annual/2023.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("agencies: 3", "agencies: 1,234"), encoding="utf-8")
    assert run_check(Path("data"))[0] == 1
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--data", "/nonexistent"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 2 and "usage" in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "generator", "frobnicate"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "用法错误" in proc.stderr


def test_warnings_fail_only_under_strict(data_copy: Path) -> None:
    report = data_copy / "zones/demo-zone/annual/2023.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("  agencies: 3\n", ""), encoding="utf-8")
    assert run_check(Path("data"))[0] == 0
    assert run_check(Path("data"), "--strict")[0] == 1


def test_github_annotations(data_copy: Path) -> None:
    report = data_copy / "zones/demo-zone/annual/2023.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("agencies: 3", "agencies: 1,234"), encoding="utf-8")
    _, lines = run_check(Path("data"), "--format", "github")
    assert lines == [
        "::error file=data/zones/demo-zone/annual/2023.yaml,line=10,title=[value-not-number] values.agencies::"
        "“技术转移机构”应填写数字，实际为“1,234” / agencies takes a number, got '1,234'"
        "（提示：不要使用千位分隔符：例如 12,345 写成 12345。）"
    ]
