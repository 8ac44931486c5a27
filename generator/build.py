"""The pipeline: load -> validate -> analyse -> pages -> PDFs -> write. Pure stages in between; only load
reads, and only the PDF cache and write write. The analysis (generator/analysis/stage.py) is computed once,
here, and handed to the pages, which only word and lay it out. Nothing is written when the data has errors (or, with
`options.strict`, warnings): the previous output stays as it was. What the stages need to know comes from
one `Options` (generator/options.py), made by the command line or the MkDocs hook; every word comes from the
catalogue of its locale (generator/i18n.py)."""

from __future__ import annotations

import datetime as dt
import itertools
from dataclasses import dataclass, replace
from typing import Any

from generator import i18n
from generator.analysis.memo import Memo
from generator.analysis.stage import analyse
from generator.data.catalog import Catalog
from generator.data.history import History, read_history
from generator.data.layout import SITE
from generator.data.load import load_data
from generator.data.posts import read_hand_posts
from generator.data.problems import ProblemLog
from generator.data.revisions import read_revisions
from generator.data.validate import validate_data
from generator.diff import describe_between
from generator.options import Options
from generator.site.freshness import Freshness, Release
from generator.site.pages import make_pages
from generator.site.paths import zone_image
from generator.site.release_files import ReleaseFile, earlier_release_files, site_as_of
from generator.site.share import card_key, render_share_images
from generator.site.summary_pages import pdf_cache_keys, prune_pdf_cache, render_pdfs
from generator.site.write import WriteResult, write_files


@dataclass(frozen=True)
class BuildResult:
    log: ProblemLog
    catalog: Catalog | None
    written: WriteResult | None
    nav: list[Any]
    pdf_keys: frozenset[str] | None = None  # the cache keys of this build's PDFs; None: it made none (PDF=0)
    freshness: Freshness | None = None  # each page's date (generator/site/freshness.py)


def build_site_sources(options: Options, memo: Memo | None = None) -> BuildResult:
    """`memo`: the caller's store of analysis results by the content of their inputs (the MkDocs hook keeps
    one for `mkdocs serve`'s rebuilds); None computes everything afresh. Every word comes from the catalogue
    of the options' locale."""
    with i18n.use(options.locale):
        return _build(options, memo)


def _build(options: Options, memo: Memo | None) -> BuildResult:
    history = read_history(options.history) if options.history is not None else None
    catalog, log = validate_data(load_data(options.data))
    if catalog is None or log.failing(options.strict):
        return BuildResult(log, catalog, None, [])
    analysis = analyse(catalog, memo)
    freshness = _freshness(catalog, history, options)
    earlier = _earlier(catalog, freshness, options)
    freshness = replace(freshness, earlier=earlier)
    if history is not None:  # issue 16: each published value's revisions, read once here
        freshness = replace(freshness, revisions=read_revisions(history, freshness.data))
    site = make_pages(catalog, analysis, options.site_url, pdf=options.pdf, freshness=freshness)
    freshness = replace(freshness, generated=frozenset(site.pages))
    files = {path: text.encode("utf-8") for path, text in site.pages.items()} | site.files
    keys = pdf_cache_keys(site.pdf_jobs)
    files |= render_pdfs(site.pdf_jobs, options.pdf_cache, keys)
    files |= render_share_images(site.share_jobs, options.pdf_cache)
    for case in catalog.cases:  # only images a case uses are published
        for image in case.case.images:
            files[zone_image(case.zone_id, image.file)] = catalog.zones[case.zone_id].images[image.file]
    shared = frozenset(card_key(words) for words in site.share_jobs.values())  # the share images in the cache
    kept = frozenset(release.key for release in earlier or ())  # the earlier releases' zips in the cache
    used = frozenset(keys.values()) | shared | kept if options.pdf else None
    return BuildResult(log, catalog, write_files(options.out, files), site.nav, pdf_keys=used, freshness=freshness)


def prune_pdf_cache_after(options: Options, result: BuildResult) -> list[str]:
    """After a build that succeeded (the caller knows: the command line when the pages are written, the MkDocs
    hook when the whole site is), keep only the PDFs of the last `options.pdf_cache_keep` builds in the cache
    (`prune_pdf_cache`). A build that made no PDFs or kept none, or whose data failed, prunes nothing."""
    if options.pdf_cache is None or result.pdf_keys is None or result.written is None:
        return []
    return prune_pdf_cache(options.pdf_cache, result.pdf_keys, options.pdf_cache_keep)


def _freshness(catalog: Catalog, history: History | None, options: Options) -> Freshness:
    """Where the data and the docs folder (the generated folder's parent) are in the history's work tree, and
    the data releases."""
    data = history.rel(options.data) if history is not None else None
    return Freshness(
        as_of=catalog.as_of,
        history=history,
        data=data,
        docs=history.rel(options.out.parent) if history is not None else None,
        case_zones={case.slug: case.zone_id for case in catalog.cases},
        releases=_releases(history, data, options) if history is not None and data is not None else (),
        hand_posts=read_hand_posts(options.out.parent),
    )


def _earlier(catalog: Catalog, freshness: Freshness, options: Options) -> tuple[ReleaseFile, ...] | None:
    """The earlier data releases' downloads (generator/site/release_files.py); None without history."""
    if freshness.history is None or freshness.data is None:
        return None
    base_url = options.site_url or catalog.site.site_url
    return earlier_release_files(
        freshness.history, freshness.data, catalog, base_url, options.locale, options.pdf_cache
    )


def _releases(history: History, data: str, options: Options) -> tuple[Release, ...]:
    """Each first-parent commit that set a new as-of date in site.yaml (read at every commit that touched it, in
    one call), newest first, with what changed since the previous one (generator/diff.py: the two versions of
    the data loaded and validated, once per release). The same commits give the same releases."""
    path = f"{data}/{SITE.rel()}" if data else SITE.rel()
    touching = history.touching(path)[::-1]  # oldest first
    found: list[tuple[dt.date, str]] = []
    for commit, content in zip(touching, history.read([(c.sha, path) for c in touching]), strict=True):
        as_of = site_as_of(content)
        if as_of is not None and (not found or as_of != found[-1][0]):
            found.append((as_of, commit.sha))
    releases = [Release(found[0][0], None, None)] if found else []
    for (previous, old), (as_of, new) in itertools.pairwise(found):
        lines = describe_between(options.data, old, new)
        releases.append(Release(as_of, previous, None if lines is None else tuple(lines)))
    return tuple(reversed(releases))
