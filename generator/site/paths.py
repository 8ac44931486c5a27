"""Where the pages and files that more than one page module links are, relative to the generated folder
(which MkDocs serves at the site's root), and the zone page's line of links to its year pages. A helper
module: page modules import it, never each other."""

from __future__ import annotations

from generator.data.catalog import ZoneRecord
from generator.i18n import _, pgettext
from generator.site.markup import Safe, link

DATA = "data"  # the open data's folder


def zone_page(zone_id: str) -> str:
    return f"zones/{zone_id}/index.md"


def year_page(zone_id: str, year: int) -> str:
    """A zone's summary of one report year's construction data (summary_pages.py)."""
    return f"zones/{zone_id}/{year}.md"


def summary_pdf_path(zone_id: str, year: int) -> str:
    return f"zones/{zone_id}/summary-{year}.pdf"


def indicator_page(ind_id: str) -> str:
    return f"indicators/{ind_id}.md"


def zone_csv_path(zone_id: str) -> str:
    """The per-zone CSV (downloads.py)."""
    return f"{DATA}/zones/{zone_id}.csv"


def summary_links(zone: ZoneRecord, base: str = "", pdf: bool = True) -> Safe:
    """The zone page's line linking every year's summary and the latest one's PDF (when `pdf`: PDFs are made);
    `base` is the zone folder relative to the linking page ("" from the zone page itself)."""
    years = sorted(zone.reports)
    if not years:
        return Safe("")
    years_links = pgettext("zones: between the year links", ", ").join(
        link(pgettext("zones: a year summary's link", "%(year)s", year=y), f"{base}{y}.md") for y in years
    )
    if not pdf:
        return Safe(_("Each year's construction data summary: %(years)s", years=years_links))
    last = years[-1]
    pdf_link = link(_("Download the %(year)s summary PDF", year=last), base + f"summary-{last}.pdf")
    return Safe(_("Each year's construction data summary: %(years)s (%(pdf)s)", years=years_links, pdf=pdf_link))
