"""The pipeline: load -> validate -> analyse -> pages -> PDFs -> write. Pure stages in between; only load
reads, and only the PDF cache and write write. The analysis (generator/analysis/stage.py) is computed once,
here, and handed to the pages, which only word and lay it out. Nothing is written when the data has errors (or, with
`options.strict`, warnings): the previous output stays as it was. What the stages need to know comes from
one `Options` (generator/options.py), made by the command line or the MkDocs hook; every word comes from the
catalogue of its locale (generator/i18n.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator import i18n
from generator.analysis.memo import Memo
from generator.analysis.stage import analyse
from generator.data.catalog import Catalog
from generator.data.load import load_data
from generator.data.problems import ProblemLog
from generator.data.validate import validate_data
from generator.options import Options
from generator.site.pages import make_pages
from generator.site.paths import zone_image
from generator.site.share import render_share_images
from generator.site.summary_pages import render_pdfs
from generator.site.write import WriteResult, write_files


@dataclass(frozen=True)
class BuildResult:
    log: ProblemLog
    catalog: Catalog | None
    written: WriteResult | None
    nav: list[Any]


def build_site_sources(options: Options, memo: Memo | None = None) -> BuildResult:
    """`memo`: the caller's store of analysis results by the content of their inputs (the MkDocs hook keeps
    one for `mkdocs serve`'s rebuilds); None computes everything afresh. Every word comes from the catalogue
    of the options' locale."""
    with i18n.use(options.locale):
        return _build(options, memo)


def _build(options: Options, memo: Memo | None) -> BuildResult:
    catalog, log = validate_data(load_data(options.data))
    if catalog is None or log.failing(options.strict):
        return BuildResult(log, catalog, None, [])
    analysis = analyse(catalog, memo)
    site = make_pages(catalog, analysis, options.site_url, pdf=options.pdf)
    files = {path: text.encode("utf-8") for path, text in site.pages.items()} | site.files
    files |= render_pdfs(site.pdf_jobs, options.pdf_cache)
    files |= render_share_images(site.share_jobs, options.pdf_cache)
    for case in catalog.cases:  # only images a case uses are published
        for image in case.case.images:
            files[zone_image(case.zone_id, image.file)] = catalog.zones[case.zone_id].images[image.file]
    return BuildResult(log, catalog, write_files(options.out, files), site.nav)
