"""Golden Markdown for the small complete dataset: reviewers see every change to the pages as a diff.

Regenerate on purpose with UPDATE_GOLDEN=1 and read the diff before committing it.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from conftest import MINI
from generator.analysis.stage import analyse
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site.pages import make_pages

GOLDEN = Path(__file__).parent / "golden"


def test_pages_match_the_golden_copies() -> None:
    catalog, log = validate_data(load_data(MINI))
    assert catalog is not None and not log.problems
    pages = make_pages(catalog, analyse(catalog)).pages
    assert len(pages) >= 6
    if os.environ.get("UPDATE_GOLDEN"):
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, text in pages.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_text(text, encoding="utf-8")
    on_disk = {p.relative_to(GOLDEN).as_posix() for p in GOLDEN.rglob("*.md")}
    assert on_disk == set(pages), "pages added or removed: run UPDATE_GOLDEN=1 and review"
    for rel, text in pages.items():
        assert (GOLDEN / rel).read_text(encoding="utf-8") == text, rel


def test_generation_is_deterministic() -> None:
    def run() -> dict[str, str]:
        catalog, _ = validate_data(load_data(MINI))
        assert catalog is not None
        return make_pages(catalog, analyse(catalog)).pages

    assert run() == run()
