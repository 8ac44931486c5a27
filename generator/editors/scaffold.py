"""Scaffolds: a valid starting file for a new zone, year or case, every field explained in the catalogue's words.

The comments are the models' own field descriptions (`x-zh`), so they never drift from the schema; the rest of
their words are the editors' tools' catalogue entries (generator/locale/, editors.po).
What each scaffold leaves for the editor, and how `check` reports it until it is done:

- new-zone: a zone that has applied (no other event) and invents nothing. Written as values: the id's city (or
  --city), the name when --name gives it, level regional (what this guideline approves), sample false. Every
  other fact is left for the editor: text as a placeholder (`vocabulary.PLACEHOLDER`: name, park name,
  department, operator: `placeholder-text`, a warning that `check --strict` refuses), dates, years and codes
  empty (park kind and level, period, the application date: `wrong-type`, an empty value, an error). So `check`
  lists every field still to write, with its line, and the zone cannot be published before they are written.
- new-year: every indicator listed with its number, name and unit and last year's value in a comment; the
  values are left empty, so `check` gives one `missing-value` warning per indicator (which fails
  `check --strict`, as CI runs it) and `missing-field` for `submitted` until the editor fills them.
- new-case: every required text empty, so `check` reports `wrong-type` (an empty value) for each until written:
  an unfinished case must never be published.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.data.catalog import Catalog
from generator.data.layout import ANNUAL, CASE, ZONE
from generator.data.models import (
    PLAN_SECTIONS,
    AnnualReport,
    Case,
    Park,
    Period,
    Replicability,
    Results,
    Source,
    Zone,
)
from generator.data.vocabulary import NOT_APPLICABLE, NOT_AVAILABLE, OWN_NUMBER
from generator.editors.common import (
    PLACEHOLDER,
    EditorError,
    check_year,
    field_zh,
    load_catalog,
    refuse_existing,
    schema_line,
    unit_label,
    write_new,
    yaml_text,
    zone_indicators,
    zone_record,
)
from generator.i18n import N_, NP_, _, pgettext

_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")


def _need_id(text: str, what: tuple[str, str]) -> None:
    """Refuse an id that is not lowercase letters, digits and single hyphens; `what` names it (NP_)."""
    if not _ID.fullmatch(text) or len(text) > 64:
        message = N_("invalid %(what)s %(text)r: lowercase letters, digits and single hyphens only")
        words = _(message, what=pgettext(*what), text=text)
        raise EditorError(words, message % {"what": what[1], "text": text}, exit_code=2)


def _listed(items: Any) -> str:
    return pgettext("editors", ", ").join(items)


def _choices(catalog: Catalog, list_name: str) -> str:
    return _listed(f"{item.id} {item.name}" for item in catalog.references.get(list_name, ()))


def _field_with(model: Any, name: str, choices: str) -> str:
    """A field's description and the codes it takes, as a comment's text."""
    return pgettext("scaffold", "%(field)s: %(choices)s", field=field_zh(model, name), choices=choices)


# --- new-zone ---------------------------------------------------------------------------------


def scaffold_zone(data: Path, zone_id: str, city: str | None = None, name: str | None = None) -> Path:
    """Write zones/<zone_id>/zone.yaml for a zone that has applied; returns its path."""
    _need_id(zone_id, NP_("scaffold: an id", "zone id"))
    target = ZONE.path(data, zone=zone_id)
    refuse_existing(target)
    catalog = load_catalog(data)
    cities = {c.id: c.name for c in catalog.references["cities"]}
    city = city or zone_id.split("-")[0]
    if city not in cities:
        message = N_("give the host city with --city (one of reference/cities.yaml): %(cities)s")
        words = _(message, cities=_listed(cities))
        raise EditorError(words, message % {"cities": ", ".join(cities)}, exit_code=2)
    lines = [schema_line(data, target, ZONE), *_zone_lines(catalog, city, cities[city], name)]
    write_new(target, "\n".join(lines) + "\n", data=data)
    return target


def _zone_lines(catalog: Catalog, city: str, city_name: str, name: str | None) -> list[str]:
    """Only what the editor gave (id, city, name) and what the programme fixes (level) is written as a value;
    every other fact is a placeholder (text: `PLACEHOLDER`) or left empty (dates, years, codes), so `check`
    lists each one with its line until it is written."""
    value = pgettext("scaffold", "value")
    full_name = yaml_text(name) if name else PLACEHOLDER + pgettext("scaffold", "the zone's full name")
    return [
        "# "
        + _(
            "A zone newly applied for (made by new-zone). What is marked “%(placeholder)s” must be replaced, and "
            "the fields left empty after their colon must be filled in;",
            placeholder=PLACEHOLDER,
        ),
        "# " + _("check lists, one by one, every place not yet filled in."),
        "# " + _("The status follows from the events below: with only an applied event, it shows as “applied”."),
        "# " + _("%(field)s (the full name on the plan's cover)", field=field_zh(Zone, "name")),
        f"name: {full_name}",
        "# "
        + _(
            "%(field)s (optional: when there is a short name, delete the “# ” at the start of the line and fill it in)",
            field=field_zh(Zone, "short_name"),
        ),
        "# short_name: " + pgettext("scaffold", "short name"),
        f"# {field_zh(Zone, 'sample')}",
        "sample: false",
        "# "
        + _(
            "%(field)s: %(choices)s (regional for a zone applying under this guideline)",
            field=field_zh(Zone, "level"),
            choices=_choices(catalog, "zone_levels"),
        ),
        "level: regional",
        f"# {field_zh(Zone, 'city')}",
        f"city: {city}  # {city_name}",
        "# " + _("%(field)s (one or more, each starting with “- ”)", field=field_zh(Zone, "parks")),
        "parks:",
        f"  - name: {PLACEHOLDER}" + pgettext("scaffold", "the park’s full name") + f"  # {field_zh(Park, 'name')}",
        f"    kind:  # {_field_with(Park, 'kind', _choices(catalog, 'park_kinds'))}",
        f"    level:  # {_field_with(Park, 'level', _choices(catalog, 'park_levels'))}",
        "# "
        + _(
            "%(field)s (one a line, each starting with “- ”; delete the “# ” at the start of the lines)",
            field=field_zh(Zone, "industries"),
        ),
        "# industries:",
        "#   - " + pgettext("scaffold", "a featured industry’s name"),
        "# "
        + _(
            "%(field)s, e.g. the %(city)s Science and Technology Bureau",
            field=field_zh(Zone, "management_department"),
            city=city_name,
        ),
        f"management_department: {PLACEHOLDER}" + pgettext("scaffold", "the department’s full name"),
        f"# {field_zh(Zone, 'operator')}",
        f"operator: {PLACEHOLDER}" + pgettext("scaffold", "the operator’s name"),
        "# "
        + _(
            "%(field)s: four-digit years, as the plan says; the guideline sets 2–3 years as a rule",
            field=field_zh(Zone, "period"),
        ),
        "period:",
        f"  start:  # {field_zh(Period, 'start')}",
        f"  end:  # {field_zh(Period, 'end')}",
        "# "
        + _(
            "%(field)s: Markdown text; when there is some, delete the “# ” at the start of the lines and fill it in",
            field=field_zh(Zone, "plan"),
        ),
        "# plan:",
        *(f"#   {key}: {zh}" for key, (zh, _en) in PLAN_SECTIONS.items()),
        "# " + _("%(field)s, for example:", field=field_zh(Zone, "targets")),
        "# targets:",
        *(
            f"#   {ind.id}: {value}  # " + pgettext("editors", "%(name)s (%(what)s)", name=ind.name, what=ind.unit)
            for ind in catalog.indicators[:2]
            if ind.unit
        ),
        "# "
        + _(
            "%(field)s; after the public notice and the approval, add public_notice and approved events below",
            field=field_zh(Zone, "events"),
        ),
        "events:",
        "  - kind: applied",
        "    date:  # "
        + _("application date (the day the application was submitted), written year-month-day, e.g. 2025-03-01"),
    ]


# --- new-year ---------------------------------------------------------------------------------


def scaffold_year(data: Path, zone_id: str, year: int) -> Path:
    """Write zones/<zone>/annual/<year>.yaml listing every indicator with empty values; returns its path."""
    target = ANNUAL.path(data, zone=zone_id, year=year)
    refuse_existing(target)
    catalog = load_catalog(data)
    record = zone_record(catalog, data, zone_id)
    check_year(catalog, record, year)
    previous = record.reports.get(year - 1)
    baseline = record.approved is not None and year == record.approved.year - 1
    lines = [
        schema_line(data, target, ANNUAL),
        "# " + _("%(zone)s %(year)s annual indicator data (made by new-year).", zone=record.zone.name, year=year),
        "# "
        + _(
            "Write each indicator's value after its colon: half-width digits only, no unit, no thousands "
            "separators; a percentage of 35%% is written 35."
        ),
        "# "
        + _(
            "Without data write “%(none)s”; where it does not apply, “%(na)s”; with a note, write "
            "{value: 12, note: a note}.",
            none=NOT_AVAILABLE,
            na=NOT_APPLICABLE,
        ),
        "# " + _("check says missing-value for an indicator left empty (a warning: CI's --strict check fails)."),
    ]
    if baseline:
        lines += [f"# {field_zh(AnnualReport, 'baseline')}", "baseline: true"]
    lines += [
        "# "
        + pgettext(
            "scaffold",
            "%(field)s, e.g. %(example)s",
            field=field_zh(AnnualReport, "submitted"),
            example=f"{year + 1}-01-20",
        ),
        "submitted:",
        "# "
        + _(
            "%(field)s (one a line, each starting with “- ”; delete the “# ” at the start of the lines when you "
            "fill them in)",
            field=field_zh(AnnualReport, "highlights"),
        ),
        "# highlights:",
        "#   - " + pgettext("scaffold", "first highlight"),
        f"# {field_zh(AnnualReport, 'values')}",
        "values:",
    ]
    for ind in zone_indicators(catalog, zone_id):
        number = f"{ind.number or OWN_NUMBER} "
        last = ""
        if previous is not None and ind.id in previous.readings:
            reading = previous.readings[ind.id]
            shown = reading.marker or reading.text or ""
            last = pgettext("scaffold", "; %(year)s: %(value)s", year=year - 1, value=shown[:30]) if shown else ""
        named = pgettext("editors", "%(name)s (%(what)s)", name=ind.name, what=unit_label(ind))
        lines.append(f"  # {number}{named}{last}")
        lines.append(f"  {ind.id}:")
    write_new(target, "\n".join(lines) + "\n", data=data)
    return target


# --- new-case ---------------------------------------------------------------------------------


def scaffold_case(data: Path, zone_id: str, slug: str) -> Path:
    """Write zones/<zone>/cases/<slug>.yaml with every required field empty; returns its path."""
    _need_id(slug, NP_("scaffold: an id", "case slug"))
    target = CASE.path(data, zone=zone_id, case=slug)
    refuse_existing(target)
    catalog = load_catalog(data)
    zone_record(catalog, data, zone_id)
    c, r, p, s = Case, Results, Replicability, Source
    lines = [
        schema_line(data, target, CASE),
        "# " + _("A new case of replicable experience (made by new-case). Write each field after its colon;"),
        "# "
        + _(
            "write a text of several paragraphs as “field: |” and indent it by two spaces from the next line. "
            "Until every required field is written, check reports “empty value”."
        ),
        f"# {field_zh(c, 'title')}",
        "title:",
        "# " + _("%(field)s (four digits, e.g. %(year)s)", field=field_zh(c, "year"), year=catalog.as_of.year),
        "year:",
        "# " + _field_with(c, "task", _listed(f"{t.id} {t.short}" for t in catalog.tasks)),
        "task:",
        "# "
        + _(
            "%(field)s, e.g. [tag-a, tag-b]: %(choices)s", field=field_zh(c, "tags"), choices=_choices(catalog, "tags")
        ),
        "tags: []",
        f"# {field_zh(c, 'summary')}",
        "summary:",
        f"# {field_zh(c, 'background')}",
        "background:",
        f"# {field_zh(c, 'practices')}",
        "practices:",
        f"# {field_zh(c, 'results')}",
        "results:",
        f"  text:  # {field_zh(r, 'text')}",
        f"  indicators: []  # {field_zh(r, 'indicators')}",
        f"# {field_zh(c, 'replicability')}",
        "replicability:",
        f"  conditions:  # {field_zh(p, 'conditions')}",
        f"  fits:  # {field_zh(p, 'fits')}",
        "# " + _("%(field)s (one a line, each starting with “- ”)", field=field_zh(c, "policy_basis")),
        "policy_basis: []",
        f"# {field_zh(c, 'source')}",
        "source:",
        f"  name:  # {field_zh(s, 'name')}",
        f"  # url:  # {field_zh(s, 'url')}",
        f"  # date:  # {field_zh(s, 'date')}",
        "# " + _("%(field)s (with images, delete the “# ” at the start of the lines)", field=field_zh(c, "images")),
        "# images:",
        "#   - file: photo.jpg",
        "#     alt: " + pgettext("scaffold", "what the image shows"),
    ]
    write_new(target, "\n".join(lines) + "\n", data=data)
    return target
