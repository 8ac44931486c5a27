"""The experience library: one page per case, the index of all cases (readable without JavaScript, each
item carrying the data attributes the filter script reads), and `cases/index.json` for that script."""

from __future__ import annotations

import json
from typing import Any

from generator.data.catalog import CaseRecord, Catalog
from generator.data.image_size import image_size
from generator.data.revisions import Revisions
from generator.i18n import N_, NP_, _, pgettext
from generator.site.common import NAV_MAX_PAGES, Context, Section, front_matter, h, zone_short
from generator.site.figures import date_text, reading_text
from generator.site.learn_words import case_around
from generator.site.markup import Safe, block, link
from generator.site.paths import (
    CASES_INDEX,
    CASES_JSON,
    POLICY_TASKS,
    case_page,
    href,
    hrefs,
    indicator_name,
    page_url,
    zone_image,
    zone_page,
)
from generator.site.revision_words import marked, revisions_of
from generator.site.share import page_card

NOT_LISTED = N_("(not stated in the original)")  # translated where shown


def case_section() -> str:
    return pgettext("case library", "Cases of experience")


def _year(year: object) -> str:
    return pgettext("case library: a year", "%(year)s", year=year)


def _reading(text: object, year: int) -> str:
    """A value of a case's evidence, with its year."""
    return pgettext("case library", "%(value)s (%(year)s)", value=text, year=year)


def make_case_pages(ctx: Context) -> Section:
    catalog, env = ctx.catalog, ctx.env
    out = Section()
    cases = sorted_cases(catalog)
    for case in catalog.cases:
        out.pages[case_page(case.slug)] = env.get_template("case.md.j2").render(
            **_case_view(catalog, case, ctx),
            around=case_around(catalog, ctx.analysis.learning, case, case_page(case.slug), revisions_of(ctx)),
        )
    out.pages[CASES_INDEX] = env.get_template("case_list.md.j2").render(**_case_list_view(catalog, cases))
    out.files[CASES_JSON] = case_index_json(catalog, cases)
    listed = [case_page(c.slug) for c in cases] if len(cases) <= NAV_MAX_PAGES else []
    out.nav = [{case_section(): [CASES_INDEX, *listed]}]
    return out


def sorted_cases(catalog: Catalog) -> list[CaseRecord]:
    """Library order: by task number, newest year first, then title and slug."""
    number = {t.id: t.number for t in catalog.tasks}
    return sorted(catalog.cases, key=lambda c: (number.get(c.case.task, 99), -c.case.year, c.case.title, c.slug))


def case_entry(catalog: Catalog, case: CaseRecord) -> dict[str, Any]:
    """One case as the library lists it (ids for filtering, names for showing)."""
    c, zone = case.case, catalog.zones[case.zone_id]
    return {
        "slug": case.slug,
        "title": c.title,
        "url": href(CASES_INDEX, page_url(case_page(case.slug))),  # served addresses: raw HTML and JSON
        "zone": zone_short(zone),
        "zone_url": href(CASES_INDEX, page_url(zone_page(case.zone_id))),
        "city": zone.zone.city,
        "city_name": catalog.ref_name("cities", zone.zone.city),
        "year": c.year,
        "task": c.task,
        "task_name": _task_label(catalog, c.task),
        "tags": list(c.tags),
        "tag_names": [catalog.ref_name("tags", t) for t in c.tags],
        "summary": " ".join(c.summary.split()),
    }


def case_index_json(catalog: Catalog, cases: list[CaseRecord]) -> bytes:
    text = json.dumps(case_index(catalog, cases), ensure_ascii=False, sort_keys=True, indent=1)
    return (text + "\n").encode("utf-8")


def case_index(catalog: Catalog, cases: list[CaseRecord]) -> dict[str, Any]:
    """The library as JSON: the cases, and the filter's choices in display order (sorted keys, so the same
    data gives the same bytes; json.dumps escapes nothing for HTML because the file is fetched, not inlined)."""
    entries = [case_entry(catalog, c) for c in cases]
    choices = {
        "task": [{"id": t.id, "name": _task_label(catalog, t.id)} for t in sorted(catalog.tasks, key=lambda t: t.number)
                 if any(e["task"] == t.id for e in entries)],
        "city": [{"id": r.id, "name": r.name} for r in catalog.references.get("cities", ())
                 if any(e["city"] == r.id for e in entries)],
        "year": [{"id": str(y), "name": _year(y)} for y in sorted({e["year"] for e in entries}, reverse=True)],
        "tag": [{"id": r.id, "name": r.name} for r in catalog.references.get("tags", ())
                if any(r.id in e["tags"] for e in entries)],
    }  # fmt: skip
    return {"cases": entries, "choices": choices}


def _task_label(catalog: Catalog, task_id: str) -> str:
    task = next((t for t in catalog.tasks if t.id == task_id), None)
    return f"{task.number}. {task.name}" if task else task_id


def _case_item(entry: dict[str, Any]) -> str:
    """One `<li>` of the no-JavaScript list; every value escaped by h(), the summary rendered by block()."""
    tags = pgettext("case library: between tags", ", ").join(entry["tag_names"])
    tagged = " · " + h(pgettext("case library", "Tags: %(tags)s", tags=tags)) if tags else ""
    summary = block(entry["summary"]).strip().replace("\n", " ")
    return (
        f'<li class="case-item" data-task="{h(entry["task"])}" data-city="{h(entry["city"])}" '
        f'data-year="{h(entry["year"])}" data-tags="{h(" ".join(entry["tags"]))}">'
        f'<p class="case-head"><a class="case-title" href="{h(entry["url"])}">{h(entry["title"])}</a><br>'
        f'<span class="case-meta"><a href="{h(entry["zone_url"])}">{h(entry["zone"])}</a> · {h(entry["city_name"])}'
        f" · {h(_year(entry['year']))} · {h(entry['task_name'])}{tagged}</span></p>"
        f"{summary}</li>"
    )


# The filter's fields: the choice's name in the address (?task=&city=&year=&tag=), and its label.
_FILTER_FIELDS = (
    ("task", NP_("case filter", "Main task:")),
    ("city", NP_("case filter", "City:")),
    ("year", NP_("case filter", "Year:")),
    ("tag", NP_("case filter", "Tag:")),
)


def _filter_box(choices: dict[str, list[dict[str, str]]]) -> str:
    """The filter's labelled <select>s and its reset button, drawn in the page (case-filter.js only wires them up),
    so the box has its size at the first paint and nothing below it moves when the script arrives. site.css shows it
    only where the head's script marks <html data-js>: without JavaScript it could filter nothing."""
    every, name = h(pgettext("case filter", "All")), h(pgettext("case filter", "Filter cases"))
    fields = []
    for key, label in _FILTER_FIELDS:
        options = "".join(f'<option value="{h(c["id"])}">{h(c["name"])}</option>' for c in choices.get(key, ()))
        fields.append(
            f'<span class="case-filter__field"><label for="case-filter-{key}">{h(pgettext(*label))}</label>'
            f'<select id="case-filter-{key}" name="{key}"><option value="">{every}</option>{options}</select></span>'
        )
    reset = h(pgettext("case filter", "Clear filters"))
    return (
        f'<div class="case-filter" id="case-filter" role="search" aria-label="{name}" data-search-exclude>'
        f'{" ".join(fields)} <button type="button" class="md-button case-filter__reset">{reset}</button></div>'
    )


def _filter_words() -> dict[str, str]:
    """What the filter says when nothing matches (site_src/assets/case-filter.js fills in {filter} and
    {count}): that nothing matches, and the buttons that widen the choice."""
    return {
        "none": _("No case matches all the filters chosen."),
        "one": _("You can remove one of them to see more:"),
        "clear": _("You can clear the filters to see more:"),
        "drop": _("Remove “%(filter)s” (%(count)s cases)", filter="{filter}", count="{count}"),
        "all": _("Clear all filters (%(count)s cases)", count="{count}"),
        "count": pgettext("case filter", "%(count)s cases in all", count="{count}"),
    }


def _case_list_view(catalog: Catalog, cases: list[CaseRecord]) -> dict[str, Any]:
    items = "\n".join(_case_item(case_entry(catalog, c)) for c in cases)
    words = h(json.dumps(_filter_words(), ensure_ascii=False, sort_keys=True))
    html = f'<ul class="case-list" id="case-list" data-words="{words}">\n{items}\n</ul>' if items else ""
    sample = any(catalog.zones[c.zone_id].is_sample for c in catalog.cases)
    return {
        "fm": front_matter(
            case_section(),
            sample,
            _("The zones' replicable experience, which can be filtered by main task, city, year and tag"),
        ),
        "list": Safe(html),
        "filter": Safe(_filter_box(case_index(catalog, cases)["choices"])) if items else Safe(""),
        "count": len(cases),
        "links": hrefs(CASES_INDEX, tasks=POLICY_TASKS),
    }


def _task(catalog: Catalog, task_id: str) -> Any:
    return next(t for t in catalog.tasks if t.id == task_id)


def _evidence(catalog: Catalog, case: CaseRecord, revisions: Revisions | None) -> list[dict[str, Any]]:
    """The values table: per cited indicator its first and latest value, each marked where it was revised."""
    zone = catalog.zones[case.zone_id]
    evidence = []
    here = case_page(case.slug)
    for ind_id in case.case.results.indicators:
        ind = catalog.indicator(ind_id, case.zone_id)
        assert ind is not None
        name = indicator_name(catalog, ind, here)  # its indicator page, when it has one
        points = [(y, r.readings[ind_id]) for y, r in sorted(zone.reports.items())
                  if ind_id in r.readings and r.readings[ind_id].number is not None]  # fmt: skip
        if not points:
            evidence.append({"name": name, "unit": ind.unit or "", "first": "—", "last": "—", "year": ""})
            continue
        evidence.append({
            "name": name, "unit": ind.unit or "",
            "first": marked(_reading(reading_text(points[0][1]), points[0][0]), revisions, zone.id, points[0][0],
                            ind_id, here),
            "last": marked(_reading(reading_text(points[-1][1]), points[-1][0]), revisions, zone.id, points[-1][0],
                           ind_id, here),
            "year": str(points[-1][0]),
        })  # fmt: skip
    return evidence


def _images(catalog: Catalog, case: CaseRecord) -> list[dict[str, Any]]:
    out = []
    for image in case.case.images:
        size = image_size(catalog.zones[case.zone_id].images.get(image.file, b""))
        attrs = f" width={size[0]} height={size[1]}" if size else ""
        out.append({
            "src": Safe(href(case_page(case.slug), zone_image(case.zone_id, image.file))),
            "alt": image.alt, "caption": image.caption or "",
            "attrs": Safe(f"{{ loading=lazy{attrs} }}"),
        })  # fmt: skip
    return out


def _case_view(catalog: Catalog, case: CaseRecord, ctx: Context) -> dict[str, Any]:
    c = case.case
    zone = catalog.zones[case.zone_id]
    task = _task(catalog, c.task)
    page = case_page(case.slug)
    return {
        "fm": front_matter(
            c.title,
            zone.is_sample,
            c.summary,
            share_image=page_card(ctx, page, c.title, zone_short(zone), zone.is_sample),
        ),
        "c": c,
        "zone_link": link(zone.zone.name, href(page, zone_page(zone.id))),
        "city": catalog.ref_name("cities", zone.zone.city),
        "task": f"{task.number}. {task.name}",
        "task_link": link(f"{task.number}. {task.name}", href(page, f"{CASES_INDEX}?task={task.id}")),
        "tags": [link(catalog.ref_name("tags", t), href(page, f"{CASES_INDEX}?tag={t}")) for t in c.tags],
        "evidence": _evidence(catalog, case, revisions_of(ctx)),
        "images": _images(catalog, case),
        "not_listed": _(NOT_LISTED),
        "source_date": date_text(c.source.date) if c.source and c.source.date else "",
    }
