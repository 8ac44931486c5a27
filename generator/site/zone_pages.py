"""Zone pages: the list of zones, one page per zone (profile, parks, lifecycle, indicator dashboard)."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.data.catalog import STATUS_LABELS, Catalog, ZoneRecord
from generator.data.models import PLAN_SECTIONS, Evaluated, Indicator
from generator.site.common import (
    NOT_REPORTED,
    Context,
    Section,
    category_name,
    fmt_number,
    front_matter,
    sorted_zones,
    zone_short,
)
from generator.site.markup import link


def make_zone_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    out = Section()
    zones = sorted_zones(catalog)
    for zone in zones:
        out.pages[f"zones/{zone.id}.md"] = env.get_template("zone.md.j2").render(**_zone_view(catalog, zone))
    out.pages["zones/index.md"] = env.get_template("zone_list.md.j2").render(
        fm=front_matter("示范区名录", catalog.has_sample), zones=[_zone_row(catalog, z) for z in zones],
        as_of=catalog.as_of.isoformat())
    out.nav = [{"示范区": ["zones/index.md", *[{zone_short(z): f"zones/{z.id}.md"} for z in zones]]}]
    return out


def _zone_row(catalog: Catalog, zone: ZoneRecord) -> dict[str, Any]:
    z = zone.zone
    return {
        "link": link(z.name, f"{zone.id}.md"),
        "city": catalog.ref_name("cities", z.city),
        "level": catalog.ref_name("zone_levels", z.level),
        "status": STATUS_LABELS[zone.status][0],
        "approved": zone.approved.year if zone.approved else "—",
        "period": f"{z.period.start}—{z.period.end}",
        "reports": len([r for r in zone.reports.values() if not r.report.baseline]),
        "sample": z.sample,
    }


def zone_events(catalog: Catalog, zone: ZoneRecord) -> list[dict[str, Any]]:
    """Lifecycle events from zone.yaml plus the report submissions derived from the annual reports."""
    out: list[dict[str, Any]] = []
    for event in zone.zone.events:
        label = catalog.ref_name("event_kinds", event.kind)
        if isinstance(event, Evaluated):
            label += "：" + catalog.ref_name("evaluation_results", event.result)
        document = getattr(event, "document", None)
        out.append({"date": event.date, "label": label, "document": document or "", "note": event.note or ""})
    for year, report in zone.reports.items():
        if report.report.submitted and not report.report.baseline:
            timing = {True: "按时", False: "逾期", None: ""}[report.on_time]
            out.append({"date": report.report.submitted, "document": "", "note": "",
                        "label": f"{catalog.ref_name('event_kinds', 'report_submitted')}（{year} 年度，{timing}）"})
    out.sort(key=lambda e: e["date"])
    return [{**e, "date": e["date"].isoformat()} for e in out]


def _value_cell(zone: ZoneRecord, year: int, ind_id: str) -> str:
    reading = zone.reports[year].readings.get(ind_id)
    if reading is None:
        return NOT_REPORTED
    return reading.marker or reading.text or NOT_REPORTED


def _indicator_table(catalog: Catalog, zone: ZoneRecord, indicators: list[Indicator], years: list[int],
                     targets: dict[str, Decimal]) -> list[dict[str, Any]]:
    rows = []
    for ind in indicators:
        if ind.kind == "text":
            continue
        rows.append({
            "name": ind.name,
            "unit": ind.unit or "",
            "category": category_name(catalog, ind),
            "cells": [_value_cell(zone, y, ind.id) for y in years],
            "target": str(targets[ind.id]) if ind.id in targets else "—",
        })
    return rows


def _notes(catalog: Catalog, zone: ZoneRecord) -> list[dict[str, Any]]:
    out = []
    for year, report in sorted(zone.reports.items()):
        for ind_id, reading in report.readings.items():
            if reading.note or reading.source:
                ind = catalog.indicator(ind_id, zone.id)
                out.append({"year": year, "name": ind.name if ind else ind_id, "note": reading.note or "",
                            "source": reading.source or ""})
    return out


def _zone_view(catalog: Catalog, zone: ZoneRecord) -> dict[str, Any]:
    z = zone.zone
    years = sorted(zone.reports)
    year_labels = [f"{y}（基期）" if zone.reports[y].report.baseline else str(y) for y in years]
    targets = zone.targets_at(catalog.as_of)
    common = list(catalog.indicators)
    qualitative = [
        {"name": ind.name, "incomplete": ind.incomplete,
         "by_year": [{"year": label, "text": _value_cell(zone, y, ind.id)} for y, label in zip(years, year_labels)]}
        for ind in [*common, *zone.own_indicators] if ind.kind == "text"
    ]
    cases = [c for c in catalog.cases if c.zone_id == zone.id]
    return {
        "fm": front_matter(z.name, z.sample, f"{z.name}的建设情况、建设程序和年度指标数据"),
        "z": z,
        "id": zone.id,
        "status": STATUS_LABELS[zone.status][0],
        "city": catalog.ref_name("cities", z.city),
        "level": catalog.ref_name("zone_levels", z.level),
        "parks": [{"name": p.name, "kind": catalog.ref_name("park_kinds", p.kind),
                   "level": catalog.ref_name("park_levels", p.level)} for p in z.parks],
        "funding": [{"source": f.source, "amount": fmt_number(f.amount, "万元"), "year": f.year or "—",
                     "note": f.note or ""} for f in z.funding],
        "plan": [{"title": title, "text": getattr(z.plan, key)} for key, (title, _en) in PLAN_SECTIONS.items()
                 if getattr(z.plan, key)],
        "events": zone_events(catalog, zone),
        "years": year_labels,
        "rows": _indicator_table(catalog, zone, common, years, targets),
        "own_rows": _indicator_table(catalog, zone, list(zone.own_indicators), years, targets),
        "qualitative": qualitative,
        "notes": _notes(catalog, zone),
        "cases": [{"link": link(c.case.title, f"../cases/{c.slug}.md"), "year": c.case.year} for c in cases],
        "revised": any(e.kind == "plan_revised" for e in z.events),
    }
