"""THE place of every generated page's and file's path, and of every internal link between them (issue 13).

Each page and file the generator makes has its path here, relative to the generated folder (which MkDocs serves
at the site's root): constants for the single pages (`HOME`, `CASES_INDEX`, `ANALYSIS_METHOD`, `DATA_XLSX`, …)
and functions for the pages there is one of per zone, year, case or indicator (`zone_page`, `year_page`,
`case_page`, `indicator_page`, `news_post`, `zone_csv_path`, `summary_pdf_path`, `zone_image`). A page module
writes `out.pages[PATH]` and links with `href(PAGE, PATH)`, the relative link from its page as MkDocs resolves
it (`hrefs(PAGE, name=PATH, …)` for a template whose catalogue messages take each link as a parameter,
`[words](%(name)s)`); links in raw HTML and JSON, and absolute addresses, use `page_url(PATH)`, where MkDocs
serves the page. No other module or template writes a relative page path by hand (tests/test_internal_links.py).

Also the zone page's line of links to its year pages (`summary_links`). A helper module: page modules import it,
never each other."""

from __future__ import annotations

import datetime as dt
import posixpath

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.layout import (
    SITE_CASES,
    SITE_DATA,
    SITE_IMAGES,
    SITE_INDICATORS,
    SITE_ZONE_CSVS,
    SITE_ZONES,
    site_index,
)
from generator.data.models import Indicator
from generator.i18n import _, pgettext
from generator.site.markup import Safe, inline, link

DATA = SITE_DATA  # the open data's folder


def zone_page(zone_id: str) -> str:
    return site_index(f"{SITE_ZONES}/{zone_id}")


def year_page(zone_id: str, year: int) -> str:
    """A zone's summary of one report year's construction data (summary_pages.py)."""
    return f"{SITE_ZONES}/{zone_id}/{year}.md"


def summary_pdf_path(zone_id: str, year: int) -> str:
    return f"{SITE_ZONES}/{zone_id}/summary-{year}.pdf"


def indicator_page(ind_id: str) -> str:
    return f"{SITE_INDICATORS}/{ind_id}.md"


def indicator_name(catalog: Catalog, ind: Indicator, here: str, *, unit: bool = False) -> Safe:
    """An indicator's name on the page `here` (Markdown), linked to its indicator page when it has one (the common
    quantitative indicators: indicator_pages.py); a zone's own and the qualitative indicators have none. With
    `unit`, its unit in brackets after the link. THE way a page names an indicator in a table, a list or a heading
    (tests/test_readers.py checks every such name on the built site)."""
    name = link(ind.name, href(here, indicator_page(ind.id))) if has_page(catalog, ind) else inline(ind.name)
    if unit and ind.unit:
        return Safe(pgettext("an indicator's name and unit", "%(name)s (%(unit)s)", name=name, unit=inline(ind.unit)))
    return name


def has_page(catalog: Catalog, ind: Indicator) -> bool:
    """Whether the indicator has a page of its own (a common quantitative indicator)."""
    return catalog.indicator(ind.id) is ind and KINDS[ind.kind].numeric


def compare_link(zone_ids: list[str] | tuple[str, ...]) -> str:
    """The comparison page with these zones chosen (its address's query, read by compare.js)."""
    return f"{COMPARE}?zones={','.join(zone_ids)}"


def zone_csv_path(zone_id: str) -> str:
    """The per-zone CSV (downloads.py)."""
    return f"{SITE_ZONE_CSVS}/{zone_id}.csv"


def summary_links(zone: ZoneRecord, pdf: bool = True) -> Safe:
    """The zone page's line linking every year's summary and the latest one's PDF (when `pdf`: PDFs are made),
    linked from the zone page with `href`."""
    years = sorted(zone.reports)
    if not years:
        return Safe("")
    here = zone_page(zone.id)
    years_links = pgettext("zones: between the year links", ", ").join(
        link(pgettext("zones: a year summary's link", "%(year)s", year=y), href(here, year_page(zone.id, y)))
        for y in years
    )
    if not pdf:
        return Safe(_("Each year's construction data summary: %(years)s", years=years_links))
    last = years[-1]
    pdf_link = link(_("Download the %(year)s summary PDF", year=last), href(here, summary_pdf_path(zone.id, last)))
    return Safe(_("Each year's construction data summary: %(years)s (%(pdf)s)", years=years_links, pdf=pdf_link))


# ---- every generated page and file, and `href` between them ----
# (relative to the generated folder; a page module writes `out.pages[PATH]` and links with `href(PAGE, PATH)`)

HOME = "index.md"
ABOUT = "about.md"  # hand-written (site_src/), listed in the navigation
# The folders where ids become file names, and their own pages, are generator/data/layout.py's: the checker reads
# them there too (it refuses an id named like one of these pages).
ZONES_INDEX = site_index(SITE_ZONES)
COMPARE = "compare/index.md"  # the zones side by side (issue 16); a page of its own, outside zones/ (ids live there)
CASES_INDEX = site_index(SITE_CASES)
CASES_JSON = f"{SITE_CASES}/index.json"  # the case list's filter script reads it
INDICATORS_INDEX = site_index(SITE_INDICATORS)
POLICY_INDEX = "policy/index.md"
POLICY_PROCEDURE = "policy/procedure.md"
POLICY_TASKS = "policy/tasks.md"
POLICY_PLAN = "policy/plan-outline.md"
POLICY_PAGES = [POLICY_INDEX, POLICY_PROCEDURE, POLICY_TASKS, POLICY_PLAN]
PROGRESS_INDEX = "progress/index.md"
PROGRESS_TARGETS = "progress/targets.md"
PROGRESS_REPORTING = "progress/reporting.md"
ANALYSIS_INDEX = "analysis/index.md"
ANALYSIS_METHOD = "analysis/method.md"
NEWS = "news"  # the blog's folder; its index is hand-written (site_src/news/index.md)
NEWS_INDEX = f"{NEWS}/index.md"
FEED = "feed.xml"  # at the root: Material's instant navigation looks for sitemap.xml next to it
GUIDE_INDEX = "guide/index.md"  # the guide's hand-written pages (site_src/guide/)
GUIDE_WEB = "guide/web.md"
GUIDE_EXCEL = "guide/excel.md"
GUIDE_CHECKS = "guide/checks.md"  # generated
DATA_INDEX = f"{DATA}/index.md"
DATA_DICTIONARY = f"{DATA}/dictionary.md"
VALUES_CSV = f"{DATA}/zones-indicators.csv"
ZONES_CSV = f"{DATA}/zones.csv"
INDICATORS_CSV = f"{DATA}/indicators.csv"
# Chinese-headed twins of the three tables, for readers who open them in Excel or WPS (not in the data package)
VALUES_CSV_ZH = f"{DATA}/zh/zones-indicators.csv"
ZONES_CSV_ZH = f"{DATA}/zh/zones.csv"
INDICATORS_CSV_ZH = f"{DATA}/zh/indicators.csv"
# Not on the site: the summary PDF cache's list of the recent builds' PDFs, in the cache folder (summary_pages.py).
PDF_CACHE_LEDGER = "recent-builds.json"
DATA_JSON = f"{DATA}/zones-data.json"
DATA_XLSX = f"{DATA}/zones-data.xlsx"
DATAPACKAGE = f"{DATA}/datapackage.json"
DATA_RELEASES = f"{DATA}/releases"  # the earlier data releases (issue 16): one zip each


def release_zip(as_of: dt.date, raw: bool) -> str:
    """An earlier data release's zip: the downloads made from it, or (`raw`) its original YAML files."""
    return f"{DATA_RELEASES}/zones-data-{as_of.isoformat()}{'-yaml' if raw else ''}.zip"


# every revision of a published value, newest first, and its Atom feed (issue 16: changes_pages.py)
DATA_CHANGES = f"{DATA}/changes.md"
DATA_CHANGES_FEED = f"{DATA}/changes.xml"


def page_url(page: str) -> str:
    """Where MkDocs serves a page (use_directory_urls), relative to the site's root: `cases/x.md` at `cases/x/`,
    `zones/z/index.md` at `zones/z/`, the home page at `` (links in raw HTML and JSON, which MkDocs does not
    rewrite, and absolute addresses)."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


CHARTS_DATA = "charts"  # each chart's CSV (issue 16): charts/<its page's address>/<chart id>.csv
SHARE_SITE = "share/site.png"  # the site's share image (og:image), named again in overrides/partials/share-meta.html


def chart_csv_path(page: str, chart_id: str) -> str:
    """The CSV of the chart `chart_id` on `page` (a generated page's path)."""
    return f"{CHARTS_DATA}/{page_url(page)}{chart_id}.csv"


def zone_share_image(zone_id: str) -> str:
    """A zone page's share image (og:image), drawn by generator/site/share.py."""
    return f"share/zones/{zone_id}.png"


def page_share_image(page: str) -> str:
    """The share image (og:image) of a generated page that names one thing other than a zone (an indicator, a
    case, a year summary, an analysis page, a news post): share/<the page's path>.png (generator/site/share.py)."""
    return f"share/{page.removesuffix('.md')}.png"


def zone_image(zone_id: str, file: str) -> str:
    """An image of a zone's case (copied from the data folder's images/<zone id>/)."""
    return f"{SITE_IMAGES}/{zone_id}/{file}"


def case_page(slug: str) -> str:
    return f"{SITE_CASES}/{slug}.md"


def news_post(slug: str) -> str:
    """A news post's Markdown file (the blog plugin serves it at `news_post_url`)."""
    return f"{NEWS}/posts/{slug}.md"


def news_post_url(slug: str) -> str:
    """Where the blog plugin serves a post, relative to the site's address (the feed's links)."""
    return f"{NEWS}/{slug}/"


def href(from_page: str, to_path: str) -> str:
    """The relative link from the page `from_page` to `to_path` (both relative to the generated folder), as
    MkDocs resolves a Markdown link: from the page's folder. A `?query` or `#anchor` on `to_path` is kept; a
    folder (ending in `/`) stays a folder link. `href("cases/a.md", "zones/z/index.md")` is
    `../zones/z/index.md`, `href("indicators/index.md", "indicators/x.md")` is `x.md`."""
    cut = min((i for i in (to_path.find("?"), to_path.find("#")) if i >= 0), default=len(to_path))
    target, tail = to_path[:cut], to_path[cut:]
    folder = target == "" or target.endswith("/")
    relative = posixpath.relpath(target.rstrip("/") or ".", posixpath.dirname(from_page) or ".")
    return relative + ("/" if folder else "") + tail


def file_name(path: str) -> str:
    """A generated file's name, as the pages show it (`data/zones.csv` → `zones.csv`)."""
    return path.rsplit("/", 1)[-1]


def hrefs(from_page: str, **to_paths: str) -> dict[str, Safe]:
    """`href` from one page to several, by name: a template's `links` (its catalogue messages take each link as
    a parameter, `[words](%(name)s)`); safe, as made by us, never from the data."""
    return {name: Safe(href(from_page, to_path)) for name, to_path in to_paths.items()}
