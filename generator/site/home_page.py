"""The home page: what the programme is, headline figures from the data, latest events, featured cases."""

from __future__ import annotations

from typing import Any

from generator.data.catalog import STATUS_LABELS, CaseRecord, Catalog
from generator.i18n import pgettext
from generator.site.common import Context, Section, fmt_number, front_matter, sorted_zones, zone_events, zone_short
from generator.site.figures import date_text
from generator.site.markup import link
from generator.site.paths import (
    ANALYSIS_INDEX,
    HOME,
    POLICY_INDEX,
    PROGRESS_INDEX,
    case_page,
    href,
    hrefs,
    indicator_page,
    zone_page,
)


def make_home_page(ctx: Context) -> Section:
    return Section(pages={HOME: ctx.env.get_template("home.md.j2").render(**_home_view(ctx))}, nav=[{_title(): HOME}])


def _title() -> str:
    """The home page's title, and its entry in the navigation."""
    return pgettext("home page: title", "Home")


def _home_view(ctx: Context) -> dict[str, Any]:
    catalog, zones = ctx.catalog, sorted_zones(ctx.catalog)
    by_status = {s: sum(1 for z in zones if z.status == s) for s in STATUS_LABELS}
    levels = [
        (item.name, sum(1 for z in zones if z.zone.level == item.id)) for item in catalog.references["zone_levels"]
    ]
    totals = []
    for total in ctx.analysis.totals:
        ind = catalog.indicator(total.indicator)
        assert ind is not None
        totals.append(
            {
                "name": link(ind.name, href(HOME, indicator_page(ind.id))),
                "value": fmt_number(total.total, ind.unit or ""),
                "year": total.year,
                "zones": total.zones,
            }
        )
    events = [
        {**e, "zone": link(zone_short(z), href(HOME, zone_page(z.id)))} for z in zones for e in zone_events(catalog, z)
    ]
    events.sort(key=lambda e: (e["date"], e["label"]), reverse=True)
    return {
        "fm": front_matter(_title(), catalog.has_sample, catalog.site.description),
        "site": catalog.site,
        "as_of": date_text(catalog.as_of),
        "zone_count": len(zones),
        "statuses": [{"label": STATUS_LABELS[s][0], "count": n} for s, n in by_status.items() if n],
        "levels": [{"label": name, "count": n} for name, n in levels if n],
        "policy": link(catalog.site.policy_title, href(HOME, POLICY_INDEX)),
        "cities": len({z.zone.city for z in zones}),
        "totals": totals,
        "events": events[:8],
        "case_count": len(catalog.cases),
        "cases": [
            {"link": link(c.case.title, href(HOME, case_page(c.slug))), "summary": c.case.summary}
            for c in _featured(catalog)
        ],
        "links": hrefs(HOME, progress=PROGRESS_INDEX, analysis=ANALYSIS_INDEX),
    }


def _featured(catalog: Catalog, count: int = 4) -> list[CaseRecord]:
    """The newest case of each task, newest first, so the home page shows a spread of the seven tasks."""
    picked: list[CaseRecord] = []
    for case in sorted(catalog.cases, key=lambda c: (-c.case.year, c.slug)):
        if len(picked) < count and case.case.task not in {p.case.task for p in picked}:
            picked.append(case)
    return picked
