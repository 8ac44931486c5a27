"""Stage 4, pages: the catalog and its analysis -> the site's Markdown pages and data files, in memory.

Each page module returns a `Section` (pages, files, navigation); this module, the assembler, puts them
together in the order of the site's navigation. It is the only module that imports page modules: they never
import each other (tests/test_layers.py); what they share is in helper modules (common, paths, markup, …).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from generator.analysis.stage import Analysis
from generator.data.catalog import Catalog
from generator.i18n import pgettext
from generator.site.analysis_pages import make_analysis_pages
from generator.site.case_pages import make_case_pages
from generator.site.changes_pages import make_changes_pages
from generator.site.charts import shown_chart_files
from generator.site.common import Context, Section, make_env
from generator.site.compare_pages import make_compare_pages
from generator.site.downloads import make_downloads
from generator.site.freshness import Freshness
from generator.site.guide_pages import make_guide_pages
from generator.site.home_page import make_home_page
from generator.site.indicator_pages import make_indicator_pages
from generator.site.news import make_news_pages
from generator.site.paths import ABOUT
from generator.site.policy_pages import make_policy_pages
from generator.site.progress_pages import make_progress_pages
from generator.site.search_words import make_search_words
from generator.site.share import share_jobs
from generator.site.summary_pages import make_summary_pages
from generator.site.zone_pages import make_zone_pages

# Navigation order; about.md is a hand-written page in site_src/.
SECTIONS: list[Callable[[Context], Section]] = [
    make_home_page,
    make_zone_pages,
    make_compare_pages,  # the zones side by side: in the zones' section of the navigation (zone_pages.py)
    make_summary_pages,  # the zones' year pages: linked from the zone pages, not listed in the navigation
    make_case_pages,
    make_indicator_pages,
    make_progress_pages,
    make_analysis_pages,
    make_policy_pages,
    make_news_pages,
    make_downloads,
    make_changes_pages,  # /data/changes/: the revisions of the published values (issue 16)
    make_guide_pages,
    make_search_words,  # the data's names as words for the search index (not a page)
]


def tail_nav() -> list[Any]:
    """The navigation's last entries: the pages of site_src/ that no page module makes (their own front matter
    carries their titles)."""
    return [{pgettext("navigation: the about page", "About this site"): ABOUT}]


@dataclass(frozen=True)
class SitePages:
    pages: dict[str, str]  # path under the generated folder -> Markdown text
    files: dict[str, bytes]  # path under the generated folder -> bytes (downloads, JSON, feeds)
    nav: list[Any]  # MkDocs nav, paths relative to the docs folder
    pdf_jobs: dict[str, str]  # PDF path under the generated folder -> print HTML (build.py renders them)
    share_jobs: dict[str, dict[str, Any]]  # share image path -> its card's words (build.py draws them: share.py)


def make_pages(
    catalog: Catalog, analysis: Analysis, site_url: str = "", *, pdf: bool = True, freshness: Freshness | None = None
) -> SitePages:
    """`analysis` is the analyse stage's (generator/analysis/stage.py), of this catalog. `site_url` and `pdf`
    are the options' (generator/options.py): the address that overrides site.yaml's, and whether the summary
    PDFs are made (linked here, their print HTML collected for the PDF stage). `freshness`: the dates from the
    repository's history (build.py); None, as without history: the as-of date, said to be one."""
    freshness = freshness or Freshness(catalog.as_of)
    ctx = Context(catalog=catalog, analysis=analysis, env=make_env(), site_url=site_url, pdf=pdf, freshness=freshness)
    pages: dict[str, str] = {}
    files: dict[str, bytes] = {}
    pdf_jobs: dict[str, str] = {}
    nav: list[Any] = []
    for make in SECTIONS:
        section = make(ctx)
        made = set(section.pages) | set(section.files) | set(section.pdf_jobs)
        clash = made & (set(pages) | set(files) | set(pdf_jobs))
        if clash:
            raise ValueError(f"two page modules generate the same path: {sorted(clash)}")
        pages.update(section.pages)
        files.update(section.files)
        pdf_jobs.update(section.pdf_jobs)
        nav.extend(section.nav)
    files.update(shown_chart_files(ctx.chart_files, pages))  # each shown chart's CSV, collected by chart_html
    return SitePages(
        pages=dict(sorted(pages.items())),
        files=dict(sorted(files.items())),
        nav=[*nav, *tail_nav()],
        pdf_jobs=dict(sorted(pdf_jobs.items())),
        share_jobs=dict(sorted((share_jobs(catalog) | ctx.share_cards).items())),
    )
