"""`python -m generator diff BASE_REF`: a pull request's data changes in Chinese, from two git versions."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import MINI, ROOT

GIT = ["git", "-c", "user.email=test@example.org", "-c", "user.name=test", "-c", "commit.gpgsign=false"]


def _git(repo: Path, *args: str) -> None:
    subprocess.run([*GIT, *args], cwd=repo, check=True, capture_output=True)


def _diff(repo: Path, ref: str = "HEAD") -> tuple[int, str, str]:
    proc = subprocess.run(
        [sys.executable, "-m", "generator", "diff", ref, "--data", str(repo / "data")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the mini dataset without its 2023 report and case."""
    shutil.copytree(MINI, tmp_path / "data")
    zone = tmp_path / "data/zones/demo-zone"
    (tmp_path / "keep").mkdir()
    shutil.move(zone / "annual/2023.yaml", tmp_path / "keep/2023.yaml")
    shutil.move(zone / "cases/demo-case.yaml", tmp_path / "keep/demo-case.yaml")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "data")
    _git(tmp_path, "commit", "-qm", "base")
    shutil.move(tmp_path / "keep/2023.yaml", zone / "annual/2023.yaml")
    shutil.move(tmp_path / "keep/demo-case.yaml", zone / "cases/demo-case.yaml")
    return tmp_path


def test_an_unchanged_folder_says_so(repo: Path) -> None:
    _git(repo, "add", "data")
    _git(repo, "commit", "-qm", "year")
    code, out, _ = _diff(repo)
    assert code == 0 and "数据没有变化。" in out


def test_new_year_case_event_and_changed_values_are_described(repo: Path) -> None:
    zone_yaml = repo / "data/zones/demo-zone/zone.yaml"
    zone_yaml.write_text(zone_yaml.read_text(encoding="utf-8").replace("operator: 演示运营中心", "operator: 新运营中心")
                         + "  - kind: evaluated\n    date: 2024-06-01\n    result: confirmed\n", encoding="utf-8")  # fmt: skip
    baseline = repo / "data/zones/demo-zone/annual/2022.yaml"
    baseline.write_text(baseline.read_text(encoding="utf-8").replace("contract_value: 10.5", "contract_value: 1.05"),
                        encoding="utf-8")  # fmt: skip
    code, out, _ = _diff(repo)
    assert code == 0, out
    assert "- 演示示范区：修改了运营主体" in out
    assert "- 演示示范区：新增事件 2024-06-01 总结评估" in out
    assert "- 演示示范区 2022 年 技术合同成交额：10.5 → 1.05（-90%）" in out
    assert "- 演示示范区：新增 2023 年度数据（6 项指标）" in out
    assert "  - 技术合同成交额：上年 1.05 → 12.5（+1,090.5%） ⚠ 变化超过十倍" in out  # new year vs the year before
    assert "- 新增案例：**演示经验**（演示示范区）" in out
    assert "有 1 处数值变化超过十倍" in out


def test_data_with_errors_falls_back_to_the_changed_files(repo: Path) -> None:
    (repo / "data/zones/demo-zone/annual/2023.yaml").write_text("values: [\n", encoding="utf-8")
    code, out, _ = _diff(repo)
    assert code == 0
    assert "未通过检查" in out and "data/zones/demo-zone/cases/demo-case.yaml" not in out  # untracked: not in git diff
    _git(repo, "add", "data")
    code, out, _ = _diff(repo)
    assert "`A\tdata/zones/demo-zone/annual/2023.yaml`" in out


def test_an_unknown_revision_is_a_usage_error(repo: Path) -> None:
    code, out, err = _diff(repo, "no-such-branch")
    assert code == 2 and "no-such-branch" in err and not out
