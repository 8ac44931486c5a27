"""Indicator pages: the indicator system as a reference table, and one page per quantitative indicator
comparing zones (the latest year ranked, trends over the years, definition and unit).

Ratios (percent, per 10,000) are never summed or averaged across zones; counts and amounts are summed
only where the indicator system says they may be, and the total says how many zones it covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.data.revisions import Revisions
from generator.i18n import _, ngettext, pgettext
from generator.site.charts import (
    Chart,
    ImageSite,
    ImageTexts,
    chart_html,
    chart_id,
    image_site,
    ranking_chart,
    reports_source,
    trend_chart,
    with_image,
    with_summary,
)
from generator.site.common import (
    ENTITY_PAGE_SEARCH,
    Context,
    Section,
    category_name,
    front_matter,
    sorted_zones,
    zone_short,
)
from generator.site.compare_words import highlight_html
from generator.site.figures import reading_text
from generator.site.learn_words import citing_block
from generator.site.markup import Safe, link
from generator.site.paths import INDICATORS_INDEX, href, indicator_page, zone_page
from generator.site.revision_words import marked, revisions_of
from generator.site.sentences import Entry, ranking_sentence, trend_sentence
from generator.site.series import with_unit
from generator.site.share import page_card


def make_indicator_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    out = Section()
    quantitative = [ind for ind in catalog.indicators if KINDS[ind.kind].numeric]
    for ind in quantitative:
        out.pages[indicator_page(ind.id)] = env.get_template("indicator.md.j2").render(
            **_indicator_view(catalog, ind, image_site(ctx, indicator_page(ind.id)), ctx),
            cases=citing_block(catalog, ctx.analysis.learning, ind, indicator_page(ind.id), revisions_of(ctx)),
        )
    out.pages[INDICATORS_INDEX] = env.get_template("indicators.md.j2").render(**_indicators_view(catalog))
    section = pgettext("indicator pages", "Indicators")
    out.nav = [{section: [INDICATORS_INDEX, *[indicator_page(ind.id) for ind in quantitative]]}]
    return out


@dataclass(frozen=True)
class Cell:
    zone: ZoneRecord
    year: int
    number: Decimal | None
    shown: str
    baseline: bool


def _cells(catalog: Catalog, ind: Indicator) -> list[Cell]:
    out = []
    for zone in sorted_zones(catalog):
        for year, report in sorted(zone.reports.items()):
            reading = report.readings.get(ind.id)
            if reading is not None:
                shown = reading_text(reading) or "—"
                out.append(Cell(zone, year, reading.number, shown, report.report.baseline))
    return out


def _mark(revisions: Revisions | None, ind: Indicator, cell: Cell, text: str) -> Safe:
    """A zone's value as the table shows it, and the mark “revised” when it was revised (issue 16: revision_words.py)."""
    return marked(text, revisions, cell.zone.id, cell.year, ind.id, indicator_page(ind.id))


def _ranking(
    catalog: Catalog, ind: Indicator, cells: list[Cell], site: ImageSite, revisions: Revisions | None = None
) -> dict[str, Any] | None:
    reported = [c for c in cells if not c.baseline and c.number is not None]
    if not reported:
        return None
    year = max(c.year for c in reported)
    rows = sorted((c for c in reported if c.year == year), key=lambda c: (-c.number, c.zone.id))  # type: ignore[operator]
    others = [c for c in cells if c.year == year and not c.baseline and c.number is None]
    ranked, rank = [], 0
    for k, c in enumerate(rows):
        if k == 0 or c.number != rows[k - 1].number:
            rank = k + 1  # ties share a rank
        ranked.append({"rank": rank, "zone": link(zone_short(c.zone), href(indicator_page(ind.id), zone_page(c.zone.id))),
                       "value": _mark(revisions, ind, c, with_unit(c.shown, ind.unit))})  # fmt: skip
    unit = ind.unit
    summary = ranking_sentence(ind, year, [Entry(zone_short(c.zone), c.number, c.shown) for c in rows],
                               [Entry(zone_short(c.zone), c.number, c.shown) for c in others])  # fmt: skip
    title = _("%(indicator)s in %(year)s", indicator=ind.name, year=year)
    chart = ranking_chart(chart_id(ind.id, "rank"), title, unit,
                          [(zone_short(c.zone), c.number, c.shown) for c in rows if c.number is not None])  # fmt: skip
    return {
        "year": year, "rows": ranked, "summary": summary,
        "chart": chart_html(_with_image(catalog, ind, with_summary(chart, summary), [year], [*rows, *others], site)),
        "others": [{"zone": zone_short(c.zone), "shown": _mark(revisions, ind, c, c.shown)} for c in others],
    }  # fmt: skip


def _trends(
    catalog: Catalog, ind: Indicator, cells: list[Cell], site: ImageSite, revisions: Revisions | None = None
) -> dict[str, Any] | None:
    if not cells:
        return None
    years = sorted({c.year for c in cells})
    zones = [z for z in sorted_zones(catalog) if any(c.zone.id == z.id for c in cells)]
    by_key = {(c.zone.id, c.year): c for c in cells}
    rows, lines = [], []
    for zone in zones:
        row_cells = []
        for year in years:
            c = by_key.get((zone.id, year))
            row_cells.append(
                "—" if c is None else _mark(revisions, ind, c, _baseline(c.shown) if c.baseline else c.shown)
            )
        rows.append({"zone": zone_short(zone), "cells": row_cells})
        lines.append(
            (zone_short(zone), [by_key[(zone.id, y)].number if (zone.id, y) in by_key else None for y in years])
        )
    summary = ngettext(
        "%(indicator)s of %(num)s zone, %(first)s—%(last)s: each line is a zone; where a year has no value the line "
        "breaks, which does not mean a fall.",
        "%(indicator)s of %(num)s zones, %(first)s—%(last)s: each line is a zone; where a year has no value the line "
        "breaks, which does not mean a fall.",
        len(zones), indicator=ind.name, first=years[0], last=years[-1],
    )  # fmt: skip
    summary += trend_sentence([[Entry(zone_short(z), c.number, c.shown, c.baseline) for c in cells if c.zone.id == z.id]
                               for z in zones])  # fmt: skip
    title = _("%(indicator)s over the years", indicator=ind.name)
    chart = trend_chart(chart_id(ind.id, "trend"), title, ind.unit, years, lines)
    chart = _with_image(catalog, ind, with_summary(chart, summary), years, cells, site)
    return {"years": years, "rows": rows, "summary": summary, "chart": chart_html(chart)}


def _with_image(
    catalog: Catalog, ind: Indicator, chart: Chart, years: list[int], cells: list[Cell], site: ImageSite
) -> Chart:
    """The downloaded image of an indicator page's chart: its title, years and unit, the zones' reports as the
    source, the site and the page, and the sample marking when any of its zones' numbers are sample (issue 14)."""
    sample = any(c.zone.is_sample for c in cells)
    source = reports_source(catalog.site.sponsor)
    return with_image(chart, ImageTexts(chart.title, tuple(years), ind.unit, source, site, sample))


def _may_be_summed(summable: bool) -> str:
    """The indicator system table's column: may the zones' values be added up."""
    if summable:
        return pgettext("indicator system: may be summed", "yes")
    return pgettext("indicator system: may be summed", "no")


def _baseline(shown: str) -> str:
    """A value of the baseline year in the trends table."""
    return pgettext("indicator pages", "%(value)s (baseline)", value=shown)


def _indicator_view(catalog: Catalog, ind: Indicator, site: ImageSite, ctx: Context) -> dict[str, Any]:
    revisions = revisions_of(ctx)
    cells = _cells(catalog, ind)
    sample = any(c.zone.is_sample for c in cells)
    if ind.summable:
        aggregation = _(
            "A count or amount indicator: it may be added up across zones; a total includes only the zones that "
            "reported a value."
        )
    else:
        aggregation = _(
            "A ratio indicator (a percentage, or a rate per 10,000 people or firms): the zones' values are neither "
            "added up nor averaged."
        )
    return {
        "fm": front_matter(
            ind.name,
            sample,
            _(
                "%(indicator)s: definition, the zones' ranking in the latest year and the trends over the years",
                indicator=ind.name,
            ),
            search=ENTITY_PAGE_SEARCH,
            share_image=page_card(ctx, indicator_page(ind.id), ind.name, _share_line(ind), sample),
        ),
        "ind": ind,
        "category": category_name(catalog, ind),
        "kind": KINDS[ind.kind].label,
        "unit": ind.unit or "—",
        "aggregation": aggregation,
        "highlight": Safe(highlight_html([z for z in sorted_zones(catalog) if any(c.zone.id == z.id for c in cells)])),
        "ranking": _ranking(catalog, ind, cells, site, revisions),
        "trends": _trends(catalog, ind, cells, site, revisions),
    }


def _share_line(ind: Indicator) -> str:
    """The line under an indicator's name on its share image: its type and unit."""
    kind = KINDS[ind.kind].label
    if ind.unit:
        return pgettext("share image: an indicator's type and unit", "%(kind)s indicator · unit: %(unit)s",
                        kind=kind, unit=ind.unit)  # fmt: skip
    return pgettext("share image: an indicator's type", "%(kind)s indicator", kind=kind)


def _indicators_view(catalog: Catalog) -> dict[str, Any]:
    rows = [{
        "number": ind.number or "", "category": category_name(catalog, ind),
        "name": link(ind.name, href(INDICATORS_INDEX, indicator_page(ind.id))) if KINDS[ind.kind].numeric else ind.name,
        "name_en": ind.name_en, "unit": ind.unit or "—", "kind": KINDS[ind.kind].label,
        "summable": _may_be_summed(ind.summable), "incomplete": ind.incomplete, "note": ind.note or "",
    } for ind in catalog.indicators]  # fmt: skip
    title = pgettext("indicator pages", "Construction indicator system")
    return {"fm": front_matter(title, False), "rows": rows, "source": catalog.indicator_source}
