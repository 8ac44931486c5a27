"""Shared helpers: copies of the small test dataset, running the checker in-process, building sites."""

from __future__ import annotations

import fcntl
import functools
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
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


# `make test` runs pytest in two worker processes (pytest-xdist, `-n 2`): the machine has two cores, and most tests
# are Python that waits for nothing. What a run makes once — the sample, mini, hostile and preview builds, the
# summary-PDF cache — is made by the first worker that needs it and read by the other (`once_per_run`); the
# browser tests run on one worker (`pytest_collection_modifyitems`), which builds and serves their site once.


def _run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path | None:
    """The temporary folder shared by the run's workers; None when pytest runs in one process."""
    if "PYTEST_XDIST_WORKER" not in os.environ:
        return None
    shared = tmp_path_factory.getbasetemp().parent / "shared"  # basetemp is the worker's popen-gwN
    shared.mkdir(exist_ok=True)
    return shared


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], Path]) -> Path:
    """`make(folder)` once per test run: in one process, in a new temporary folder; with workers, in a folder
    they share, by the first that asks (the others wait on a lock and get its result). A worker whose `make`
    failed leaves nothing behind, so the next one tries again (and fails the same way)."""
    shared = _run_folder(tmp_path_factory)
    if shared is None:
        return make(tmp_path_factory.mktemp(name))
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / f"{name}.done"
        if done.is_file():
            return Path(done.read_text(encoding="utf-8"))
        folder = shared / name
        shutil.rmtree(folder, ignore_errors=True)
        folder.mkdir()
        result = make(folder)
        done.write_text(str(result), encoding="utf-8")
        return result


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Every test that uses the browser runs on one worker (`--dist loadgroup`): one Chromium, one served build."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session", autouse=True)
def nothing_written_into_the_repository(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Builds in subprocesses keep their summary PDFs in one cache in the run's temporary folder (PDF_CACHE,
    which the MkDocs hook reads), shared by every build of the run (of both workers: the cache writes each file
    aside and renames it); and when the session ends, `git status` shows nothing new (untracked or ignored) that
    the tests made in the checkout."""
    before = _repository_status()
    shared = _run_folder(tmp_path_factory)
    pdf_cache = shared / "pdf-cache" if shared is not None else tmp_path_factory.mktemp("pdf-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("PDF_CACHE", str(pdf_cache))
        patch.setenv("PDF_CACHE_KEEP", "0")  # shared by builds of several data sets: pruned, it would render again
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


def make_project(tmp: Path) -> Path:
    """A private copy of the project's site sources at tmp/project (the hook writes the generated pages into
    it, never into the working tree's site_src/generated)."""
    project = tmp / "project"
    if not project.exists():
        project.mkdir(parents=True)
        shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
        shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
        (project / "generator").symlink_to(ROOT / "generator")
    return project


def build_site(tmp: Path, data: Path, env: dict[str, str] | None = None, prefix: list[str] | None = None) -> Path:
    """Build the whole site with `mkdocs build --strict` from a private copy of the project's site sources,
    so tests never touch the working tree's site_src/generated."""
    project = make_project(tmp)
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
REFERENCE_ENV = {"SITE_URL": "", "PDF": "1", "OFFLINE": "false", "HISTORY": "0"}  # HISTORY: issue 15


# The clock, time zone and hash seed of the session's sample build: not the machine's, so that it is also the
# first of tests/test_reproducible.py's two builds (which builds once more under others and compares: no third
# build of the sample data). Without libfaketime that test is skipped and the build runs on the machine's clock.
SAMPLE_CLOCK = "2025-03-01 09:30:00"
SAMPLE_CLOCK_ENV = {"TZ": "Asia/Shanghai", "PYTHONHASHSEED": "1"}


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample data's site (zones_data/), built once per session with the reference settings (under
    SAMPLE_CLOCK where libfaketime is installed); read only."""
    prefix = ["faketime", SAMPLE_CLOCK] if shutil.which("faketime") else None
    env = {**REFERENCE_ENV, **SAMPLE_CLOCK_ENV}
    return once_per_run(tmp_path_factory, "sample-site", lambda tmp: build_site(tmp, SAMPLE, env=env, prefix=prefix))


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """tests/fixtures/mini's site, built once per session with the reference settings; read only."""
    return once_per_run(tmp_path_factory, "mini-site", lambda tmp: build_site(tmp, MINI, env=REFERENCE_ENV))


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


# ---- shared builds, and no test writes into the repository (issue 13, tests) ------------------------------


@functools.cache
def _generated(data: Path, pdf: bool, locale: str) -> tuple[Any, Any]:
    from generator import i18n
    from generator.analysis.stage import analyse
    from generator.data.load import load_data
    from generator.data.validate import validate_data
    from generator.site.pages import make_pages

    with i18n.use(locale):
        catalog, log = validate_data(load_data(data))
        assert catalog is not None and not log.failing(False), [str(p) for p in log.problems]
        return catalog, make_pages(catalog, analyse(catalog), pdf=pdf)


def generated(data: Path = SAMPLE, *, pdf: bool = True, locale: str = "zh_CN") -> tuple[Any, Any]:
    """(catalog, generated site) of the sample data or the mini fixture, made in-process once per run and
    shared: read them, never change them. Only for the unchanged folders; a test that edits data or patches
    the generator first makes its own. `locale` is the words' (generator/i18n.py; the tests' pseudo-locale
    is `qps`)."""
    assert data in (SAMPLE, MINI), data
    return _generated(data, pdf, locale)


@pytest.fixture(scope="session")
def offline_preview(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline preview of the sample data, built once per run as the Makefile's `preview` target
    builds it (OFFLINE=true, then .github/scripts/offline_preview.py with the pinned iframe-worker shim),
    from a private copy of the project (never in the working tree), with PDF=0: the summary PDFs are
    links in the preview, not something a page loads. Read it, never change it."""
    shim = ROOT / ".tools" / "node" / "node_modules" / "iframe-worker" / "shim" / "index.js"
    if not shim.is_file():
        pytest.fail("iframe-worker is not installed: run `make tools` (make test does)")

    def make(tmp: Path) -> Path:
        site = build_site(tmp, SAMPLE, env={"OFFLINE": "true", "SITE_URL": "", "PDF": "0"})
        script = ROOT / ".github" / "scripts" / "offline_preview.py"
        subprocess.run([sys.executable, str(script), str(site), str(shim)], check=True, capture_output=True)
        return site

    return once_per_run(tmp_path_factory, "preview", make)


# The hostile text of the whole-build tests (test_markup, test_cases, test_news), all in one copy of the mini
# data, built once: each test reads the pages it is about.
HOSTILE_CASE = "<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) </ul> \" ' &amp;"
HOSTILE_CASE_MARKUP = "{: .x onmouseover=alert(3) } | 表格 | 破坏 |"
HOSTILE_SUMMARY = f"{HOSTILE_CASE_MARKUP} {HOSTILE_CASE}"  # the demo case's summary: both, as written
HOSTILE_NOTE = "<script>alert(1)</script> <img src=x onerror=alert(2)> javascript:alert(3) & ]]>"
HOSTILE_SITE_URL = "https://gov.example.cn/kjcg/"


def write_hostile_data(data: Path) -> Path:
    """A copy of the mini data at `data` with hostile text in every field kind: the zone's name, operator
    and plan overview, an event's note, the case's summary, an indicator's name, a report's highlight."""
    shutil.copytree(MINI, data)
    zone = data / "zones/demo-zone/zone.yaml"
    text = zone.read_text(encoding="utf-8")
    assert text.rstrip().endswith("contract_value: 25")  # the events list ends the file: the note joins it
    text = text.replace("name: 演示示范区", "name: '演示 *示范区* {: onclick=alert(1) } [x](javascript:alert(1))'")
    text = text.replace("operator: 演示运营中心", 'operator: "&lt;script&gt;alert(1)&lt;/script&gt; ![x](x.png)"')
    note = HOSTILE_NOTE.replace("'", "''")
    text += f"  - kind: plan_revised\n    date: 2024-05-01\n    note: '{note}'\n"
    text += "plan:\n  overview: |\n    <img src=x onerror=alert(1)>\n    <script>alert(2)</script>\n\n    **允许的 Markdown**\n"
    zone.write_text(text, encoding="utf-8")
    replace_once(
        data / "zones/demo-zone/cases/demo-case.yaml",
        "summary: 一个用于测试的案例。",
        "summary: '{}'".format(HOSTILE_SUMMARY.replace("'", "''")),
    )
    replace_once(
        data / "indicator_system.yaml",
        "name: 技术合同成交额",
        "name: '技术合同成交额 &amp; {: onclick=alert(5) } [x](javascript:alert(5))'",
    )
    replace_once(
        data / "zones/demo-zone/annual/2023.yaml",
        "highlights:\n",
        "highlights:\n  - '<iframe src=javascript:alert(6)>'\n",
    )
    return data


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`mkdocs build --strict` of `write_hostile_data`, once per run, with SITE_URL set (the feed's links):
    read it, never change it."""

    def make(tmp: Path) -> Path:
        return build_site(tmp, write_hostile_data(tmp / "data"), env={"SITE_URL": HOSTILE_SITE_URL})

    return once_per_run(tmp_path_factory, "hostile", make)


_CELL_LABEL = re.compile(r'<span class="cell-label" aria-hidden="true">[^<]*</span>')
_MARK_TOKEN = r'(?:data-[a-z-]+(?:="[^"]*")?|\.[a-z-]+)'  # `data-key`, `data-latest-year="2025"`, `.cell-nowrap`
_CELL_MARK = re.compile(rf" \{{ {_MARK_TOKEN}(?: {_MARK_TOKEN})* \}}")


def plain_cells(markdown: str) -> str:
    """A generated page's Markdown with the table cells' phone labels (`<span class="cell-label">`, shown only
    in the stacked layout on a phone) and key/latest-year marks and cell classes (`{ data-latest-year="2025" }`,
    `{ data-key .cell-nowrap }`) taken out, so a test reads the cells' figures as a reader reads the table."""
    return _CELL_MARK.sub("", _CELL_LABEL.sub("", markdown))


def strings_in(node: Any) -> Iterator[str]:
    """Every string in a parsed YAML or JSON document (mapping values and list items, at any depth)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings_in(value)
    elif isinstance(node, list):
        for value in node:
            yield from strings_in(value)
