"""The open data as rows and as text: tidy readings, the zone list, the indicator system, CSV and JSON.

Values come from the catalog's readings, never from the pandas frames (those hold floats): a number is
written from its `Decimal` in fixed-point notation, so `2.05` stays `2.05` and `1.10` stays `1.10`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from pydantic import BaseModel

from generator.data.catalog import STATUS_LABELS, Catalog, Reading, ZoneRecord
from generator.data.models import Approved, Indicator
from generator.site.common import category_name
from generator.site.download_columns import Column, park_separator, terms, type_words

BOM = "\ufeff"
_PLAIN_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Row:
    """One table row: cells by column name (str, int, bool or None), and the exact number if any."""

    cells: dict[str, Any]
    number: Decimal | None = None


def exact(number: Decimal) -> str:
    """A Decimal as written: fixed point, never scientific notation, trailing zeros kept."""
    return format(number, "f")


def value_rows(catalog: Catalog) -> list[Row]:
    """One row per zone, year and indicator reading, in zone id, year and indicator-system order."""
    rows: list[Row] = []
    for zone_id, zone in sorted(catalog.zones.items()):
        order = [ind.id for ind in (*catalog.indicators, *zone.own_indicators)]
        own = {ind.id for ind in zone.own_indicators}
        for year, report in sorted(zone.reports.items()):
            readings = sorted(report.readings.values(), key=lambda r: order.index(r.indicator))
            for reading in readings:
                ind = catalog.indicator(reading.indicator, zone_id)
                assert ind is not None  # validate.py keeps only readings of known indicators
                rows.append(_value_row(zone, year, report.report.baseline, ind, reading, ind.id in own))
    return rows


def _value_row(zone: ZoneRecord, year: int, baseline: bool, ind: Indicator, reading: Reading, own: bool) -> Row:
    if reading.marker is not None:
        value = ""
    elif reading.number is not None:
        value = exact(reading.number)
    else:
        value = reading.text or ""
    cells = {
        "zone": zone.id, "zone_name": zone.zone.name, "year": year, "baseline": baseline,
        "indicator": ind.id, "indicator_name": ind.name, "own": own, "kind": ind.kind, "value": value,
        "unit": ind.unit or "", "marker": reading.marker or "", "note": reading.note or "",
        "source": reading.source or "", "sample": zone.is_sample,
    }  # fmt: skip
    return Row(cells, reading.number if reading.marker is None else None)


def zone_rows(catalog: Catalog) -> list[Row]:
    return [_zone_row(catalog, zone) for zone in sorted(catalog.zones.values(), key=lambda z: z.id)]


def _zone_row(catalog: Catalog, zone: ZoneRecord) -> Row:
    z = zone.zone
    approvals = [e for e in z.events if isinstance(e, Approved) and e.date <= catalog.as_of]
    parks = park_separator().join(p.name for p in z.parks)
    return Row({
        "id": zone.id, "name": z.name, "short_name": z.short_name or "", "city": z.city,
        "city_name": catalog.ref_name("cities", z.city), "level": z.level,
        "level_name": catalog.ref_name("zone_levels", z.level), "status": zone.status,
        "status_name": STATUS_LABELS[zone.status][0],
        "approved": zone.approved.isoformat() if zone.approved else "",
        "approval_document": approvals[-1].document if approvals else "",
        "period_start": z.period.start, "period_end": z.period.end, "parks": parks,
        "reports": len([r for r in zone.reports.values() if not r.report.baseline]), "sample": z.sample,
    })  # fmt: skip


def indicator_rows(catalog: Catalog) -> list[Row]:
    rows = [_indicator_row(catalog, "", ind) for ind in catalog.indicators]
    for zone in sorted(catalog.zones.values(), key=lambda z: z.id):
        rows.extend(_indicator_row(catalog, zone.id, ind) for ind in zone.own_indicators)
    return rows


def _indicator_row(catalog: Catalog, zone_id: str, ind: Indicator) -> Row:
    return Row({
        "zone": zone_id, "id": ind.id, "number": ind.number, "category": category_name(catalog, ind),
        "name": ind.name, "name_en": ind.name_en, "unit": ind.unit or "", "kind": ind.kind,
        "summable": ind.summable, "incomplete": ind.incomplete,
    })  # fmt: skip


# --- CSV -------------------------------------------------------------------------------------------


def neutralise(text: str) -> str:
    """A cell Excel or WPS could run as a formula (starting with = + - @, a tab or a CR) gets a leading
    apostrophe, as OWASP recommends; a plain number such as -2.5 is data, not a formula, and is kept."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text


def csv_text(cell: Any) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "true" if cell else "false"
    return neutralise(str(cell))


def make_csv(columns: tuple[Column, ...], rows: list[Row], *, chinese_headers: bool = False) -> bytes:
    """RFC 4180 CSV: CRLF line ends, fields quoted when needed, UTF-8 with a BOM for Excel. The header row is
    the columns' names (the data package's fields), or their Chinese titles for the twins in data/zh/."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([c.title if chinese_headers else c.name for c in columns])
    for row in rows:
        writer.writerow([csv_text(row.cells[c.name]) for c in columns])
    return (BOM + out.getvalue()).encode("utf-8")


# --- JSON ------------------------------------------------------------------------------------------


def make_json(catalog: Catalog, base_url: str) -> bytes:
    """Everything in one document: sorted keys, numbers as exact strings, one trailing newline; `base_url` is
    the site's published address (Context.base_url: SITE_URL or site.yaml's)."""
    site = catalog.site
    doc = {
        "site": {"title": site.title, "url": base_url, "as_of": site.as_of.isoformat(),
                 "sample": catalog.has_sample, "sponsor": site.sponsor, "licence": None, "terms": terms()},
        "indicator_system": {
            "source": catalog.indicator_source,
            "categories": [plain(c) for c in catalog.categories],
            "indicators": [plain(i) for i in catalog.indicators],
        },
        "zones": [_zone_json(catalog, zone) for _, zone in sorted(catalog.zones.items())],
    }  # fmt: skip
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def plain(value: Any) -> Any:
    """Model values as JSON values: dates in ISO form, numbers as exact strings. (pydantic's own JSON
    dump warns on the custom scalar types and the events' discriminator, which reads raw dicts.)"""
    if isinstance(value, BaseModel):
        return {name: plain(getattr(value, name)) for name in type(value).model_fields}
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return exact(value)
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def _zone_json(catalog: Catalog, zone: ZoneRecord) -> dict[str, Any]:
    reports = {}
    for year, record in sorted(zone.reports.items()):
        report = plain(record.report)
        del report["values"]
        report["year"] = year
        report["values"] = {
            ind_id: {"value": exact(r.number) if r.number is not None else r.text, "marker": r.marker,
                     "note": r.note, "source": r.source}
            for ind_id, r in record.readings.items()
        }  # fmt: skip
        reports[str(year)] = report
    return {
        "id": zone.id,
        "status": zone.status,
        "status_name": STATUS_LABELS[zone.status][0],
        "profile": plain(zone.zone),
        "own_indicators": [plain(i) for i in zone.own_indicators],
        "reports": reports,
    }


def column_docs(columns: tuple[Column, ...]) -> list[dict[str, str]]:
    """Rows for a page's column table."""
    return [
        {"name": c.name, "title": c.title, "type": type_words(c.type), "description": c.description} for c in columns
    ]
