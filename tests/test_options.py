"""Issue 13, stage (1): one options object built by the two entry points (generator/cli.py and
generator/mkdocs_bridge.py); no other module reads the environment or finds paths from `__file__`; pages do
not depend on the caller's environment; generating pages writes nothing into the repository."""

from __future__ import annotations

import ast
import uuid
from pathlib import Path

import pytest

from conftest import ROOT, load_catalog, replace_once

GENERATOR = ROOT / "generator"
ENTRY_POINTS = {"generator/cli.py", "generator/mkdocs_bridge.py"}


def _environment_and_file_uses(path: Path) -> list[str]:
    """`os.environ`, `os.getenv`, `environ`/`getenv` imported from os, and `__file__`, with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in ("environ", "environb", "getenv", "getenvb"):
            found.append(f"{node.lineno}: os.{node.attr}")
        elif isinstance(node, ast.ImportFrom) and node.module == "os":
            found += [f"{node.lineno}: from os import {a.name}" for a in node.names if "env" in a.name]
        elif isinstance(node, ast.Name) and node.id == "__file__":
            found.append(f"{node.lineno}: __file__")
    return sorted(found, key=lambda use: int(use.split(":")[0]))


def test_only_the_entry_points_read_the_environment_or_use___file__() -> None:
    offenders = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        uses = _environment_and_file_uses(path)
        if uses and rel not in ENTRY_POINTS:
            offenders[rel] = uses
    assert not offenders, offenders


def test_the_scan_finds_each_kind_of_use(tmp_path: Path) -> None:
    """The scan above can fail: each way of reading the environment or locating a file is found."""
    source = tmp_path / "m.py"
    source.write_text(
        "import os\nfrom os import getenv\nfrom pathlib import Path\n"
        "a = os.environ.get('PDF')\nb = os.getenv('PDF')\nc = Path(__file__)\n",
        encoding="utf-8",
    )
    assert _environment_and_file_uses(source) == [
        "2: from os import getenv",
        "4: os.environ",
        "5: os.getenv",
        "6: __file__",
    ]


def test_pages_do_not_depend_on_the_callers_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """`PDF=0 pytest tests/test_golden.py` used to fail: the pages read PDF themselves."""
    import test_golden

    monkeypatch.setenv("PDF", "0")
    test_golden.test_pages_match_the_golden_copies()


def test_generating_pages_writes_nothing_into_the_repository(data_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Pages made in-process (as most tests make them) put no PDF into the repository's build/pdf-cache.
    A highlight no run has seen before, so a PDF cache cannot hide a write."""
    from generator.analysis.stage import analyse
    from generator.site.pages import make_pages

    replace_once(
        data_copy / "zones/demo-zone/annual/2023.yaml", "highlights:\n", f"highlights:\n- 唯一 {uuid.uuid4()}\n"
    )
    monkeypatch.delenv("PDF_CACHE", raising=False)  # as in a plain `pytest` run
    monkeypatch.delenv("PDF", raising=False)
    cache = ROOT / "build" / "pdf-cache"
    before = sorted(cache.rglob("*")) if cache.exists() else []
    catalog = load_catalog(data_copy)
    make_pages(catalog, analyse(catalog))
    after = sorted(cache.rglob("*")) if cache.exists() else []
    assert after == before


def test_generate_strict_writes_nothing_when_there_are_warnings(data_copy: Path, tmp_path: Path) -> None:
    """`generate --strict` refuses data with a warning, says "nothing generated", and writes nothing."""
    import contextlib
    import io

    from generator.cli import main

    replace_once(data_copy / "zones/demo-zone/annual/2023.yaml", "  contract_value: 12.5", "  contract_value: 125")
    out = tmp_path / "generated"
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["generate", "--strict", "--data", str(data_copy), "--out", str(out)])
    assert code == 1 and "nothing generated" in err.getvalue()
    assert not out.exists()
