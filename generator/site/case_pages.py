"""The experience library: one page per case, and the index of all cases."""

from __future__ import annotations

from typing import Any

from generator.data.catalog import Catalog
from generator.site.common import Context, Section, front_matter
from generator.site.markup import Safe, link


def make_case_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    out = Section()
    for case in catalog.cases:
        out.pages[f"cases/{case.slug}.md"] = env.get_template("case.md.j2").render(**_case_view(catalog, case))
    out.pages["cases/index.md"] = env.get_template("case_list.md.j2").render(**_case_list_view(catalog))
    out.nav = [{"经验案例": ["cases/index.md", *[f"cases/{c.slug}.md" for c in catalog.cases]]}]
    return out


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
        "zone_link": link(zone.zone.name, f"../zones/{zone.id}/index.md"),
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
