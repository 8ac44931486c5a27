"""The pipeline: load -> validate -> tables -> pages -> write. Pure stages in between; only load reads and
only write writes. Nothing is written when the data has errors (the previous output stays as it was)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.data.catalog import Catalog
from generator.data.load import load_data
from generator.data.problems import ProblemLog
from generator.data.validate import validate_data
from generator.site.pages import make_pages
from generator.site.tables import make_tables
from generator.site.write import WriteResult, write_files


@dataclass(frozen=True)
class BuildResult:
    log: ProblemLog
    catalog: Catalog | None
    written: WriteResult | None
    nav: list[Any]


def build_site_sources(data: Path, out: Path, strict: bool = False, site_url: str = "") -> BuildResult:
    """`site_url` overrides site.yaml's address (the SITE_URL the MkDocs hook honours) for absolute links."""
    catalog, log = validate_data(load_data(data))
    if catalog is None or log.failing(strict):
        return BuildResult(log, catalog, None, [])
    tables = make_tables(catalog)
    site = make_pages(catalog, tables, site_url)
    files = {path: text.encode("utf-8") for path, text in site.pages.items()} | site.files
    for case in catalog.cases:  # only images a case uses are published
        for image in case.case.images:
            files[f"images/{case.zone_id}/{image.file}"] = catalog.zones[case.zone_id].images[image.file]
    return BuildResult(log, catalog, write_files(out, files), site.nav)
