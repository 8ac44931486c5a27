"""Stage 4, pages: catalog and tables -> Markdown pages, in memory (path -> text).

Python computes, templates present: every figure and label a page shows is prepared here; templates
only lay it out. The Jinja environment escapes every printed value for Markdown unless it is `Safe`
(see `markup.py`), so text from YAML cannot inject markup even if a template forgets a filter.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import jinja2

from generator.data.catalog import STATUS_LABELS, Catalog, ZoneRecord
from generator.data.models import PLAN_SECTIONS, Evaluated, Indicator
from generator.site.markup import Safe, block, inline, link
from generator.site.tables import Tables, latest_totals

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
KIND_LABELS = {"count": "数量", "amount": "金额", "percent": "百分比", "per_10k": "每万比率", "text": "定性"}
NOT_REPORTED = "—"


@dataclass(frozen=True)
class SitePages:
    pages: dict[str, str]  # path under the generated folder -> Markdown text
    nav: list[Any]  # MkDocs nav, paths relative to the docs folder


def _finalize(value: Any) -> Any:
    if isinstance(value, Safe):
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (int, Decimal)):
        return str(value)
    return inline(value)


def _env() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # Markdown, not HTML: `_finalize` escapes instead
        finalize=_finalize,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["md"] = lambda text: block(text) if text else Safe("")
    return env


def front_matter(title: str, sample: bool, description: str = "") -> Safe:
    """YAML front matter for MkDocs; strings are JSON-quoted (valid YAML, nothing interpreted)."""
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}"]
    if description:
        lines.append(f"description: {json.dumps(description, ensure_ascii=False)}")
    if sample:
        lines.append("sample: true")
    lines.append("---")
    return Safe("\n".join(lines) + "\n")


def fmt_number(value: float | Decimal, unit: str = "") -> str:
    """A computed figure (a total), at most two decimals, no trailing zeros."""
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} {unit}".strip() if unit and unit != "%" else text + (unit if unit == "%" else "")


def make_pages(catalog: Catalog, tables: Tables) -> SitePages:
    env = _env()
    pages: dict[str, str] = {}
    zones = sorted(catalog.zones.values(), key=_zone_sort_key)
    for zone in zones:
        pages[f"zones/{zone.id}.md"] = env.get_template("zone.md.j2").render(**_zone_view(catalog, zone))
    for case in catalog.cases:
        pages[f"cases/{case.slug}.md"] = env.get_template("case.md.j2").render(**_case_view(catalog, case))
    pages["zones/index.md"] = env.get_template("zone_list.md.j2").render(
        fm=front_matter("示范区名录", catalog.has_sample), zones=[_zone_row(catalog, z) for z in zones],
        as_of=catalog.as_of.isoformat())
    pages["cases/index.md"] = env.get_template("case_list.md.j2").render(**_case_list_view(catalog))
    pages["indicators/index.md"] = env.get_template("indicators.md.j2").render(**_indicators_view(catalog))
    pages["index.md"] = env.get_template("home.md.j2").render(**_home_view(catalog, tables, zones))
    nav = [
        {"首页": "index.md"},
        {"示范区": ["zones/index.md", *[{_short(z): f"zones/{z.id}.md"} for z in zones]]},
        {"经验案例": ["cases/index.md", *[f"cases/{c.slug}.md" for c in catalog.cases]]},
        {"指标体系": "indicators/index.md"},
        {"关于本站": "about.md"},
    ]
    return SitePages(pages=dict(sorted(pages.items())), nav=nav)


def _short(zone: ZoneRecord) -> str:
    return zone.zone.short_name or zone.zone.name


def _zone_sort_key(zone: ZoneRecord) -> tuple[Any, ...]:
    approved = zone.approved.isoformat() if zone.approved else "9999"
    return (approved, zone.id)


# --- zones ----------------------------------------------------------------------------------


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


def _events(catalog: Catalog, zone: ZoneRecord) -> list[dict[str, Any]]:
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
            "category": _category_name(catalog, ind),
            "cells": [_value_cell(zone, y, ind.id) for y in years],
            "target": str(targets[ind.id]) if ind.id in targets else "—",
        })
    return rows


def _category_name(catalog: Catalog, ind: Indicator) -> str:
    return next((c.name for c in catalog.categories if c.id == ind.category), ind.category)


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
        "events": _events(catalog, zone),
        "years": year_labels,
        "rows": _indicator_table(catalog, zone, common, years, targets),
        "own_rows": _indicator_table(catalog, zone, list(zone.own_indicators), years, targets),
        "qualitative": qualitative,
        "notes": _notes(catalog, zone),
        "cases": [{"link": link(c.case.title, f"../cases/{c.slug}.md"), "year": c.case.year} for c in cases],
        "revised": any(e.kind == "plan_revised" for e in z.events),
    }


# --- cases ----------------------------------------------------------------------------------


def _task(catalog: Catalog, task_id: str) -> Any:
    return next(t for t in catalog.tasks if t.id == task_id)


def _case_view(catalog: Catalog, case: Any) -> dict[str, Any]:
    c = case.case
    zone = catalog.zones[case.zone_id]
    task = _task(catalog, c.task)
    evidence = []
    for ind_id in c.results.indicators:
        ind = catalog.indicator(ind_id, case.zone_id)
        assert ind is not None
        points = [(y, r.readings[ind_id]) for y, r in sorted(zone.reports.items())
                  if ind_id in r.readings and r.readings[ind_id].number is not None]
        evidence.append({
            "name": ind.name, "unit": ind.unit or "",
            "first": f"{points[0][1].text}（{points[0][0]} 年）", "last": f"{points[-1][1].text}（{points[-1][0]} 年）",
        })
    return {
        "fm": front_matter(c.title, zone.is_sample, c.summary),
        "c": c,
        "zone_link": link(zone.zone.name, f"../zones/{zone.id}.md"),
        "city": catalog.ref_name("cities", zone.zone.city),
        "task": f"{task.number}. {task.name}",
        "tags": [catalog.ref_name("tags", t) for t in c.tags],
        "evidence": evidence,
        "images": [{"src": Safe(f"../images/{case.zone_id}/{i.file}"), "alt": i.alt, "caption": i.caption or ""}
                   for i in c.images],
    }


def _case_list_view(catalog: Catalog) -> dict[str, Any]:
    groups = []
    for task in sorted(catalog.tasks, key=lambda t: t.number):
        items = [c for c in catalog.cases if c.case.task == task.id]
        groups.append({
            "title": f"{task.number}. {task.name}",
            "cases": [{"link": link(c.case.title, f"{c.slug}.md"), "year": c.case.year,
                       "zone": catalog.zones[c.zone_id].zone.short_name or catalog.zones[c.zone_id].zone.name,
                       "summary": c.case.summary} for c in items],
        })
    sample = any(catalog.zones[c.zone_id].is_sample for c in catalog.cases)
    return {"fm": front_matter("经验案例", sample), "groups": groups, "count": len(catalog.cases)}


# --- indicators and home ---------------------------------------------------------------------


def _indicators_view(catalog: Catalog) -> dict[str, Any]:
    rows = [{
        "number": ind.number or "", "category": _category_name(catalog, ind), "name": ind.name,
        "name_en": ind.name_en, "unit": ind.unit or "—", "kind": KIND_LABELS[ind.kind],
        "summable": "可以" if ind.summable else "不可", "incomplete": ind.incomplete, "note": ind.note or "",
    } for ind in catalog.indicators]
    return {"fm": front_matter("建设指标体系", False), "rows": rows, "source": catalog.indicator_source}


def _home_view(catalog: Catalog, tables: Tables, zones: list[ZoneRecord]) -> dict[str, Any]:
    by_status: dict[str, int] = {}
    for zone in zones:
        by_status[zone.status] = by_status.get(zone.status, 0) + 1
    totals = []
    for total in latest_totals(catalog, tables):
        ind = catalog.indicator(total.indicator)
        assert ind is not None
        totals.append({"name": ind.name, "value": fmt_number(total.total, ind.unit or ""), "year": total.year,
                       "zones": total.zones})
    events = [{**e, "zone": link(z.zone.short_name or z.zone.name, f"zones/{z.id}.md")}
              for z in zones for e in _events(catalog, z)]
    events.sort(key=lambda e: (e["date"], e["label"]), reverse=True)
    return {
        "fm": front_matter("首页", catalog.has_sample, catalog.site.description),
        "site": catalog.site,
        "as_of": catalog.as_of.isoformat(),
        "zone_count": len(zones),
        "statuses": [{"label": STATUS_LABELS[s][0], "count": n} for s, n in by_status.items()],
        "cities": len({z.zone.city for z in zones}),
        "totals": totals,
        "events": events[:8],
        "case_count": len(catalog.cases),
        "cases": [{"link": link(c.case.title, f"cases/{c.slug}.md"), "summary": c.case.summary}
                  for c in catalog.cases[:4]],
    }
