"""The whole build in this process: `check --strict` as the gate, then MkDocs (pages, the blog's posts and
their metadata, search), the downloads (CSV, JSON, the Excel workbook), the Atom feed and the summary PDFs,
and every output read back by the tool a reader would use. Used by tests/test_gate.py and `make fuzz-build`.

MkDocs runs in-process (`mkdocs.commands.build.build`) instead of as a command: starting Python and MkDocs
costs more than building the small test dataset, and the property test builds many."""

from __future__ import annotations

import contextlib
import gc
import io
import json
import os
import re
import xml.etree.ElementTree as ET
import zipfile
from dataclasses import dataclass
from html import unescape
from pathlib import Path

from conftest import make_project

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Outcome:
    passed: bool  # check --strict passed
    problems: list[tuple[str, int, str, str]]  # (file, line, field, code) of every problem check reported
    site: Path | None  # the built site when the check passed


def check(data: Path) -> tuple[bool, list[tuple[str, int, str, str]]]:
    """`check --strict` in-process: whether it passes, and (file, line, field, code) of each problem."""
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    _catalog, log = validate_data(load_data(data))
    return not log.failing(True), [(p.path, p.line, p.field, p.code) for p in log.sorted()]


def mkdocs_build(project: Path, data: Path, site: Path) -> None:
    """`mkdocs build --strict` in-process, with PDFs, from `data` into `site`; raises on any failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    saved = {k: os.environ.get(k) for k in ("DATA", "PDF", "PDF_CACHE", "NO_MKDOCS_2_WARNING", "SOURCE_DATE_EPOCH")}
    os.environ.update({"DATA": str(data.resolve()), "PDF": "1", "NO_MKDOCS_2_WARNING": "1"})
    os.environ["PDF_CACHE"] = str(project / "pdf-cache")
    os.environ.pop("SOURCE_DATE_EPOCH", None)
    cwd = Path.cwd()
    try:
        os.chdir(project)
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            build(config)
    finally:
        os.chdir(cwd)
        gc.unfreeze()  # the hook freezes what exists for one build; a test process builds many
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def _no_constant(name: str) -> None:
    raise ValueError(f"not JSON: {name}")


def verify_outputs(site: Path) -> None:
    """Every file a reader or a tool opens, opened the way they would: raises when one is broken."""
    ET.parse(site / "feed.xml")  # well-formed XML (a non-character or a control character is not)
    for path in [*sorted(site.glob("data/**/*.json")), site / "cases/index.json"]:
        json.loads(path.read_text(encoding="utf-8"), parse_constant=_no_constant)
    for path in sorted(site.glob("data/**/*.csv")):
        path.read_text(encoding="utf-8")
    from openpyxl import load_workbook

    workbook = site / "data" / "zones-data.xlsx"
    with zipfile.ZipFile(workbook) as archive:  # every part well-formed XML: Excel refuses a file that is not
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                ET.fromstring(archive.read(name))
    load_workbook(workbook, read_only=True).close()
    pdfs = sorted(site.glob("zones/*/summary-*.pdf"))
    assert pdfs, "no summary PDF was made"
    for pdf in pdfs:
        assert pdf.read_bytes().startswith(b"%PDF-"), pdf
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        assert "</html>" in text, page
        for figure in re.findall(r'data-figure="([^"]*)"', text):  # the charts' JSON, as charts.js reads it
            json.loads(unescape(figure), parse_constant=_no_constant)
        for block in re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', text, re.S):
            json.loads(block, parse_constant=_no_constant)


def gate_and_build(tmp: Path, data: Path, name: str = "site") -> Outcome:
    """Check; when the strict check passes, build everything and read every output back."""
    passed, problems = check(data)
    if not passed:
        return Outcome(False, problems, None)
    project = make_project(tmp)
    site = tmp / name
    mkdocs_build(project, data, site)
    verify_outputs(site)
    return Outcome(True, problems, site)
