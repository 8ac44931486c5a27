"""An editor's whole path, end to end: export a template, fill it the way a person does, import it, check,
read the data change summary against the previous commit, build the site and find the new figures."""

from __future__ import annotations

import html
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl

from conftest import MINI, ROOT, build_site

GIT = ["git", "-c", "user.email=editor@example.org", "-c", "user.name=editor", "-c", "commit.gpgsign=false"]


def _run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120)  # fmt: skip


def test_excel_to_published_page(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    data = repo / "data"
    shutil.copytree(MINI, data)
    (data / "zones/demo-zone/annual/2023.yaml").unlink()  # the year the editor is about to report
    for args in (["init", "-q"], ["add", "data"], ["commit", "-qm", "before the 2023 report"]):
        subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)

    sheet = tmp_path / "演示-2023.xlsx"
    assert _run("export-template", "demo-zone", "2023", "-o", str(sheet), "--data", str(data)).returncode == 0
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    rows = {ws.cell(r, 8).value: r for r in range(8, ws.max_row + 1) if ws.cell(r, 8).value}  # hidden id column
    ws["B4"] = "2024年1月20日"
    ws.cell(rows["contract_value"], 6).value = "１２５．０亿元"  # full-width, with the unit: a tenfold jump
    ws.cell(rows["patents_per_10k"], 6).value = "3.6"
    ws.cell(rows["agencies"], 6).value = "1,003"  # thousands separator (and the site shows it so: 1,003)
    ws.cell(rows["rd_ratio"], 6).value = 0.0205  # a cell formatted as percent: 2.05 %
    ws.cell(rows["rd_ratio"], 6).number_format = "0.00%"
    ws.cell(rows["policies"], 6).value = "暂无"
    ws.cell(rows["demo_projects"], 6).value = "4"
    wb.save(sheet)

    imported = _run("import-xlsx", str(sheet), "--data", str(data))
    # written (nothing typed is lost), but the tenfold jump fails `check --strict`: the import says so and exits 1
    assert imported.returncode == 1 and "检查未通过" in imported.stdout, imported.stderr
    assert "[implausible-jump]" in imported.stdout and (data / "zones/demo-zone/annual/2023.yaml").exists()
    check = _run("check", "--strict", "--data", str(data))
    assert check.returncode == 1 and "[implausible-jump]" in check.stdout  # the checker flags the jump too

    diff = _run("diff", "HEAD", "--data", str(data))
    assert diff.returncode == 0, diff.stderr
    assert "- 演示示范区：新增 2023 年度数据（6 项指标）" in diff.stdout
    assert "技术合同成交额：上年 10.5 → 125.0（+1,090.5%） ⚠ 变化超过十倍" in diff.stdout

    site = build_site(tmp_path, data, env={"PDF": "0"})  # warnings do not stop a normal build (PDFs: no part here)
    zone = html.unescape((site / "zones/demo-zone/index.html").read_text(encoding="utf-8"))
    year = html.unescape((site / "zones/demo-zone/2023/index.html").read_text(encoding="utf-8"))
    latest = '<td data-latest-year="2023" style="text-align: right;">'  # the year's column, marked as the latest
    assert "125.0" in zone and f"{latest}1,003</td>" in year and "2.05" in year
    assert "2024-01-20" in year and "按时报送" in year
