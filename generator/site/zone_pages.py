"""Zone pages: the list of zones, one page per zone (profile, parks, lifecycle, indicator dashboard, target
progress and composite index from the analysis stage); each zone's year pages (its yearly construction data
summaries) are summary_pages.py's section."""

from __future__ import annotations

from typing import Any

from generator.analysis.stage import PeerTable
from generator.data.catalog import STATUS_LABELS, Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import PLAN_SECTIONS, Indicator
from generator.data.revisions import Revisions
from generator.i18n import _, ngettext, pgettext
from generator.site.charts import (
    ImageSite,
    ImageTexts,
    chart_html,
    chart_id,
    image_site,
    reports_source,
    with_image,
    with_summary,
    years_chart,
)
from generator.site.common import (
    ENTITY_PAGE_SEARCH,
    KEY_INDICATORS,
    NAV_MAX_PAGES,
    Context,
    Section,
    fmt_number,
    front_matter,
    h,
    sorted_zones,
    stage_counts,
    zone_events,
    zone_short,
)
from generator.site.compare_words import default_choice
from generator.site.composite_words import composite_block
from generator.site.figures import date_text, reading_text
from generator.site.learn_words import lessons_block
from generator.site.markup import Safe, inline, link
from generator.site.paths import (
    COMPARE,
    DATA_INDEX,
    ZONES_INDEX,
    case_page,
    compare_link,
    href,
    indicator_name,
    summary_links,
    zone_csv_path,
    zone_page,
    zone_share_image,
)
from generator.site.progress_words import targets_block
from generator.site.revision_words import marked, revised_mark, revisions_of, zone_revisions_block
from generator.site.sentences import dashboard_summary, zone_indicator_text
from generator.site.series import Point, changes, progress, with_unit, zone_series


def make_zone_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    out = Section()
    zones = sorted_zones(catalog)
    listed = len(zones) <= NAV_MAX_PAGES
    nav: list[Any] = [ZONES_INDEX, {pgettext("compare: the page's title", "Compare zones"): COMPARE}]
    for zone in zones:
        view = _zone_view(ctx, zone)
        out.pages[zone_page(zone.id)] = env.get_template("zone.md.j2").render(**view)
        if listed:
            nav.append({zone_short(zone): zone_page(zone.id)})
    out.pages[ZONES_INDEX] = env.get_template("zone_list.md.j2").render(
        **_zone_list_view(catalog, zones, revisions_of(ctx))
    )
    out.nav = [{pgettext("zones: the section", "Zones"): nav}]
    return out


# --- the list -------------------------------------------------------------------------------


def _latest_value(zone: ZoneRecord, ind_id: str) -> tuple[str, str]:
    """The latest non-baseline value as written (or its marker) and its year; ("—", "") if none."""
    for year in sorted(zone.reports, reverse=True):
        report = zone.reports[year]
        reading = report.readings.get(ind_id)
        if report.report.baseline or reading is None:
            continue
        return (reading_text(reading) or "—", str(year))
    return ("—", "")


def _zone_list_view(catalog: Catalog, zones: list[ZoneRecord], revisions: Revisions | None = None) -> dict[str, Any]:
    keys = [ind for ind in catalog.indicators if ind.id in KEY_INDICATORS]
    rows = []
    for zone in zones:
        z = zone.zone
        values = [_latest_value(zone, ind.id) for ind in keys]
        rows.append({
            # the short name on one line; the full name in the link's title and on the zone's page (issue 14)
            "link": link(zone_short(zone), href(ZONES_INDEX, zone_page(zone.id)),
                         title=z.name if zone_short(zone) != z.name else None),
            "place": pgettext("zones: a zone's city and level", "%(city)s · %(level)s",
                              city=catalog.ref_name("cities", z.city), level=catalog.ref_name("zone_levels", z.level)),
            "status": STATUS_LABELS[zone.status][0],
            "approved": pgettext("zones: the year a zone was approved", "approved in %(year)s",
                                 year=zone.approved.year) if zone.approved else "",
            "period": f"{z.period.start}—{z.period.end}",
            "cells": [{"text": Safe(inline(pgettext("zones: a value and its year", "%(value)s (%(year)s)", value=v,
                                                    year=y))
                                    + revised_mark(revisions, zone.id, int(y), ind.id, ZONES_INDEX)) if y
                       else v, "year": y} for (v, y), ind in zip(values, keys, strict=True)],
        })  # fmt: skip
    return {
        # no table of contents (the page has no sections): the table takes the whole width beside the navigation
        "fm": front_matter(pgettext("zones: the list's title", "Zone directory"), catalog.has_sample, hide=["toc"]),
        "zones": rows,
        "keys": [indicator_name(catalog, ind, ZONES_INDEX, unit=True) for ind in keys],
        "labels": [_column(ind) for ind in keys],
        "as_of": date_text(catalog.as_of),
        "counts": stage_counts(zones),
    }


def _column(ind: Indicator) -> str:
    """A key indicator's column name on a zone's card (a phone's layout of the list; the header links the indicator
    page): its name, and its unit when it has one."""
    unit = ind.unit
    return (
        pgettext("an indicator's name and unit", "%(name)s (%(unit)s)", name=ind.name, unit=unit) if unit else ind.name
    )


# --- a zone ---------------------------------------------------------------------------------


def _dashboard(
    catalog: Catalog,
    peers: PeerTable,
    zone: ZoneRecord,
    indicators: list[Indicator],
    targets: dict[str, Any],
    site: ImageSite,
    revisions: Revisions | None = None,
) -> list[dict[str, Any]]:
    """Per quantitative indicator: summary sentence, chart, values by year with the change, target progress.
    `peers` ranks common indicators only: a zone's own indicators are not ranked."""
    out = []
    for ind in indicators:
        if not KINDS[ind.kind].numeric:
            continue
        series = zone_series(zone, ind)
        target = targets.get(ind.id)
        summary = zone_indicator_text(series, peers.get(ind.id) if catalog.indicator(ind.id) is ind else None)
        chart = with_summary(years_chart(chart_id(zone.id, ind.id), series, target), summary)
        chart = with_image(chart, _chart_image(catalog, zone, ind, site))
        prog = progress(series, target)
        out.append({
            "name": ind.name, "unit": ind.unit or "", "category": ind.category, "summary": summary,
            "heading": indicator_name(catalog, ind, zone_page(zone.id)),  # its indicator page, when it has one
            "chart": chart_html(chart),
            "years": [p.label for p in series.points],  # not links: the year pages are linked once, above
            "latest": series.points[-1].year if series.points else "",
            "cells": [_marked(revisions, zone, ind, p) for p in series.points],
            "changes": changes(series),
            "target": with_unit(str(prog.target), ind.unit) if prog else "",
            "progress": (_("%(year)s: %(share)s of the target reached", year=prog.latest.year, share=prog.share)
                         if prog.latest else _("no comparable yearly value yet")) if prog else "",
        })  # fmt: skip
    return out


def _marked(revisions: Revisions | None, zone: ZoneRecord, ind: Indicator, point: Point) -> Safe:
    """A value as the table shows it, and the mark “revised” when it was revised (issue 16: revision_words.py)."""
    return marked(point.shown, revisions, zone.id, point.year, ind.id, zone_page(zone.id))


def _chart_image(catalog: Catalog, zone: ZoneRecord, ind: Indicator, site: ImageSite) -> ImageTexts:
    """What the downloaded image of a zone's indicator chart says: the zone and the indicator, its years and unit,
    the zone's reports as the source (and any value's own source), the site and the page (issue 14)."""
    own_sources = [(year, reading.source) for year, report in sorted(zone.reports.items())
                   if (reading := report.readings.get(ind.id)) is not None and reading.source]  # fmt: skip
    return ImageTexts(
        title=pgettext("chart image: a zone's indicator", "%(zone)s: %(indicator)s", zone=zone_short(zone),
                       indicator=ind.name),
        years=tuple(sorted(zone.reports)),
        unit=ind.unit,
        source=reports_source(catalog.site.sponsor, zone_short(zone), own_sources),
        site=site,
        sample=zone.is_sample,
    )  # fmt: skip


def _grouped(env: Any, catalog: Catalog, rows: list[dict[str, Any]], own: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One collapsible group per category (and one for the zone's own indicators), the first one open. Not
    one long page: a phone lays out only the open groups (Lighthouse measured ~1 s less main-thread work).
    Raw HTML, not an indented Markdown extension: indented raw HTML is not kept raw by Python-Markdown,
    so the charts' attributes would be read as Markdown."""
    groups = []
    named = [(cat.name, [r for r in rows if r["category"] == cat.id]) for cat in catalog.categories]
    own_name = pgettext("zones: the group of a zone's own indicators", "Own indicators")
    for name, items, is_own in [*((n, i, False) for n, i in named), (own_name, own, True)]:
        if items:
            body = "\n".join(env.get_template("indicator_block.md.j2").render(i=i) for i in items)
            if is_own:
                intro = _(
                    "These indicators were set by the zone itself: they are shown on this page only and are not"
                    " compared across zones."
                )
                body = intro + "\n\n" + body
            summary = ngettext(
                "%(group)s (%(num)s indicator)", "%(group)s (%(num)s indicators)", len(items), group=h(name)
            )
            groups.append({"summary": Safe(summary), "body": Safe(body)})
    return groups


def _qualitative(
    zone: ZoneRecord, indicators: list[Indicator], revisions: Revisions | None = None
) -> list[dict[str, Any]]:
    out = []
    for ind in indicators:
        if KINDS[ind.kind].numeric:
            continue
        series = zone_series(zone, ind)
        out.append({"name": ind.name, "incomplete": ind.incomplete,
                    "by_year": [{"year": p.label, "text": _marked(revisions, zone, ind, p)} for p in series.points]})  # fmt: skip
    return out


def _notes(catalog: Catalog, zone: ZoneRecord) -> list[dict[str, Any]]:
    out = []
    here = zone_page(zone.id)
    for year, report in sorted(zone.reports.items()):
        for ind_id, reading in report.readings.items():
            if reading.note or reading.source:
                ind = catalog.indicator(ind_id, zone.id)
                out.append({"year": year, "name": indicator_name(catalog, ind, here) if ind else ind_id, "note": reading.note or "",
                            "source": reading.source or ""})  # fmt: skip
    return out


def _compare_line(catalog: Catalog, zone: ZoneRecord) -> Safe:
    """The link to the comparison page with this zone chosen, and the default comparison's other zones (up to
    four in all; generator/site/compare_words.py)."""
    others = [z for z in default_choice(catalog).zones if z != zone.id][:3]
    if not others:  # no other zone to compare it with
        return Safe("")
    words = _("compare zones side by side")
    return Safe(_("Compare this zone with other zones: %(link)s",
                  link=link(words, href(zone_page(zone.id), compare_link([zone.id, *others])))))  # fmt: skip


def _zone_view(ctx: Context, zone: ZoneRecord) -> dict[str, Any]:
    catalog, env, analysis = ctx.catalog, ctx.env, ctx.analysis
    z = zone.zone
    targets = zone.targets_at(catalog.as_of)
    common = list(catalog.indicators)
    own = list(zone.own_indicators)
    cases = [c for c in catalog.cases if c.zone_id == zone.id]
    here = zone_page(zone.id)
    site = image_site(ctx, here)
    revisions = revisions_of(ctx)
    dashboard = _dashboard(catalog, analysis.peers, zone, common, targets, site, revisions)
    csv_link = link(pgettext("zones: a download link", "CSV table"), href(here, zone_csv_path(zone.id)))
    open_data_link = link(pgettext("open data page", "Open data"), href(here, DATA_INDEX))
    return {
        "fm": front_matter(
            z.name,
            z.sample,
            _("The construction, procedure and yearly indicator data of %(zone)s", zone=z.name),
            search=ENTITY_PAGE_SEARCH,
            share_image=zone_share_image(zone.id),
        ),
        "z": z,
        "id": zone.id,
        "status": STATUS_LABELS[zone.status][0],
        "city": catalog.ref_name("cities", z.city),
        "level": catalog.ref_name("zone_levels", z.level),
        "parks": [{"name": p.name, "kind": catalog.ref_name("park_kinds", p.kind),
                   "level": catalog.ref_name("park_levels", p.level)} for p in z.parks],
        "funding": [{"source": f.source, "amount": fmt_number(f.amount, pgettext("zones: the unit of a funding amount", "10,000 yuan")), "year": f.year or "—",
                     "note": f.note or ""} for f in z.funding],
        "plan": [{"title": title, "text": getattr(z.plan, key)} for key, (title, _en) in PLAN_SECTIONS.items()
                 if getattr(z.plan, key)],
        "events": zone_events(catalog, zone),
        "has_reports": bool(zone.reports),
        "downloads": Safe(_("Download this zone's data: %(csv)s (all zones' data: %(open_data)s)", csv=csv_link,
                            open_data=open_data_link)),
        "summary_links": summary_links(zone, pdf=ctx.pdf),
        "compare": _compare_line(catalog, zone),
        "groups": _grouped(env, catalog, dashboard, _dashboard(catalog, analysis.peers, zone, own, targets, site, revisions)),
        "dashboard_summary": dashboard_summary([zone_series(zone, i) for i in [*common, *own] if KINDS[i.kind].numeric],
                                               max(zone.reports)) if zone.reports else "",
        "qualitative": _qualitative(zone, [*common, *own], revisions),
        "revisions": zone_revisions_block(ctx, zone),
        "notes": _notes(catalog, zone),
        "cases": [{"link": link(c.case.title, href(here, case_page(c.slug))), "year": c.case.year} for c in cases],
        "revised": any(e.kind == "plan_revised" for e in z.events),
        "targets_progress": targets_block(env, catalog, analysis.progress_for(zone.id), revisions),
        "composite": composite_block(catalog, analysis.composite, zone),
        "lessons": lessons_block(catalog, analysis.learning, zone, here, revisions),
    }  # fmt: skip
