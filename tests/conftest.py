"""Shared helpers: copies of the small test dataset, running the checker in-process, building sites."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini"
SAMPLE = ROOT / "zones_data"
sys.path.insert(0, str(ROOT))


# Tool caches a test run may leave in the checkout (all git-ignored); anything else new is a test writing there.
TOOL_CACHES = ("__pycache__", ".pytest_cache", ".hypothesis", ".mypy_cache", ".ruff_cache")


def _repository_status() -> set[str]:
    proc = subprocess.run(
        ["git", "-C", str(ROOT), "status", "--porcelain", "--ignored"], capture_output=True, text=True, check=True
    )
    return {line for line in proc.stdout.splitlines() if not any(cache in line for cache in TOOL_CACHES)}


@pytest.fixture(scope="session", autouse=True)
def nothing_written_into_the_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds in subprocesses keep their summary PDFs in one cache in the session's temporary folder (PDF_CACHE,
    which the MkDocs hook reads), shared by every build of the run; and when the session ends, `git status`
    shows nothing new (untracked or ignored) that the tests made in the checkout."""
    before = _repository_status()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PDF_CACHE", str(tmp_path_factory.mktemp("pdf-cache")))
        yield
    new = sorted(_repository_status() - before)
    assert not new, f"the tests wrote into the repository: {new}"


@pytest.fixture
def data_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A writable copy of the mini dataset at tmp/data; the working directory is tmp, so problems
    are reported as `data/…`."""
    target = tmp_path / "data"
    shutil.copytree(MINI, target)
    monkeypatch.chdir(tmp_path)
    return target


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium (Debian's) for every browser test of the run: Playwright's sync API runs one
    instance per thread at a time, so a second `sync_playwright()` while the first is open fails."""
    from chart_contract import CHROMIUM, FLAGS

    if not Path(CHROMIUM).exists():
        pytest.skip("/usr/bin/chromium is missing (apt-get install chromium)")
    playwright_sync = pytest.importorskip("playwright.sync_api")
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield chromium
        chromium.close()


def run_check(data: Path, *args: str) -> tuple[int, list[str]]:
    """`python -m generator check` in-process: exit code and the problem lines it printed."""
    import contextlib
    import io

    from generator.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        code = main(["check", "--data", str(data), *args])
    return code, [line for line in out.getvalue().splitlines() if line]


def build_site(tmp: Path, data: Path, env: dict[str, str] | None = None, prefix: list[str] | None = None) -> Path:
    """Build the whole site with `mkdocs build --strict` from a private copy of the project's site sources,
    so tests never touch the working tree's site_src/generated."""
    project = tmp / "project"
    if not project.exists():
        project.mkdir(parents=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
        (project / "generator").symlink_to(ROOT / "generator")
    out = tmp / "site"
    full_env = {
        **os.environ,
        "DATA": str(data),
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONDONTWRITEBYTECODE": "1",
        **(env or {}),
    }
    if "SOURCE_DATE_EPOCH" not in (env or {}):  # the build must take its dates from the data, not from us
        full_env.pop("SOURCE_DATE_EPOCH", None)
    cmd = [
        *(prefix or []),
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "-f",
        str(project / "mkdocs.yml"),
        "-d",
        str(out),
    ]
    proc = subprocess.run(cmd, cwd=project, env=full_env, capture_output=True, text=True, timeout=300)
    if proc.returncode != 0:
        raise AssertionError(f"mkdocs build failed ({proc.returncode}):\n{proc.stdout}\n{proc.stderr}")
    return out


# The settings of the reference builds (tests/test_manifest.py): the published address from site.yaml, PDFs
# on, whatever the caller's environment says (the PDF cache is the session's, below).
REFERENCE_ENV = {"SITE_URL": "", "PDF": "1", "OFFLINE": "false"}


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data's site (zones_data/), built once per session with the reference settings; read only."""
    return build_site(tmp_path_factory.mktemp("sample-site"), SAMPLE, env=REFERENCE_ENV)


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/mini's site, built once per session with the reference settings; read only."""
    return build_site(tmp_path_factory.mktemp("mini-site"), MINI, env=REFERENCE_ENV)


def load_catalog(data: Path) -> Any:
    """The validated catalog of a data folder; the test stops with the problems if it does not validate."""
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    catalog, log = validate_data(load_data(data))
    assert catalog is not None, [str(p) for p in log.problems]
    return catalog


def replace_once(path: Path, old: str, new: str) -> None:
    """Edit a data file in a test copy: `old` must be there; its first occurrence becomes `new`."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
