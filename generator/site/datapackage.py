"""The Frictionless Data Package (v1 descriptor) describing the open-data files.

The CSVs are UTF-8 with a byte-order mark (for Excel): the descriptor names the encoding `utf-8`, the
IANA name the specification asks for; a BOM is part of UTF-8 and Frictionless skips it when reading
(tests/test_downloads.py validates the written files offline to keep that true). The JSON document is
listed as a plain (non-tabular) resource, which the specification allows.
"""

from __future__ import annotations

import json
from typing import Any

from generator.data.catalog import Catalog
from generator.i18n import _, pgettext
from generator.site.download_columns import MARKER_VALUES, Column, indicator_columns, value_columns, zone_columns
from generator.site.paths import DATA_JSON, DATAPACKAGE, INDICATORS_CSV, VALUES_CSV, ZONES_CSV, href

NAME = "gx-tech-transfer-zones"
MISSING = [""]


def _schema(columns: tuple[Column, ...], key: list[str], zone_field: str | None) -> dict[str, Any]:
    schema: dict[str, Any] = {"fields": [c.field() for c in columns], "missingValues": MISSING}
    if key:
        schema["primaryKey"] = key
    if zone_field:
        schema["foreignKeys"] = [{"fields": [zone_field], "reference": {"resource": "zones", "fields": ["id"]}}]
    return schema


def _table(name: str, path: str, title: str, description: str, schema: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": name, "path": path, "title": title, "description": description, "profile": "tabular-data-resource",
        "format": "csv", "mediatype": "text/csv", "encoding": "utf-8",
        "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "quoteChar": '"', "doubleQuote": True,
                    "header": True},
        "schema": schema,
    }  # fmt: skip


def make_datapackage(catalog: Catalog, zone_files: dict[str, str], base_url: str) -> bytes:
    """`zone_files`: zone id -> path of its CSV, relative to the descriptor; `base_url`: the site's published
    address (Context.base_url: SITE_URL or site.yaml's)."""
    site = catalog.site
    values = _schema(value_columns(), ["zone", "year", "indicator"], "zone")
    none, not_applicable = MARKER_VALUES
    resources = [
        _table("zones", href(DATAPACKAGE, ZONES_CSV), pgettext("data package resource", "List of zones"),
               _("One row per zone: name, city, level, status, approval date, construction period"),
               _schema(zone_columns(), ["id"], None)),
        _table("zones-indicators", href(DATAPACKAGE, VALUES_CSV), pgettext("data package resource", "Zones' annual indicator data"),
               _("One row per zone, year and indicator; %(none)s / %(not_applicable)s are in the marker column, and "
                 "are not 0", none=none, not_applicable=not_applicable), values),
        _table("indicators", href(DATAPACKAGE, INDICATORS_CSV), pgettext("data package resource", "Construction indicator system"),
               _("The common indicators of Attachment 2 of the guideline, and each zone's own indicators"),
               _schema(indicator_columns(), [], None)),
    ]  # fmt: skip
    for zone_id, path in sorted(zone_files.items()):
        resources.append(_table(f"zone-{zone_id}", path,
                                _("Annual indicator data of %(zone)s", zone=catalog.zones[zone_id].zone.name),
                                _("The rows of zones-indicators.csv of the zone %(zone_id)s", zone_id=zone_id),
                                values))  # fmt: skip
    resources.append({
        "name": "zones-data", "path": href(DATAPACKAGE, DATA_JSON), "title": pgettext("data package resource", "All the data (JSON)"),
        "format": "json", "mediatype": "application/json", "encoding": "utf-8",
        "description": _("The site's details, the indicator system, each zone's profile, the procedure's events and "
                         "the annual values; the values are strings, exactly as in the source data"),
    })  # fmt: skip
    descriptor = {
        "profile": "data-package",
        "name": NAME,
        "title": site.title,
        "description": _description(catalog),
        "created": f"{site.as_of.isoformat()}T00:00:00Z",
        "homepage": base_url,
        "contributors": [{"title": site.sponsor, "role": "publisher"}],
        "keywords": [
            pgettext(
                "data package keyword", "transfer and commercialisation of scientific and technological achievements"
            ),
            pgettext("data package keyword", "demonstration zone"),
            pgettext("data package keyword", "Guangxi"),
        ],
        "resources": resources,
    }
    return (json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _description(catalog: Catalog) -> str:
    when, sponsor = catalog.as_of.isoformat(), catalog.site.sponsor
    if catalog.has_sample:
        return _(
            "Data as of %(as_of)s. The terms of use are set by the sponsor (%(sponsor)s). Includes sample data: in "
            "the rows whose sample is true the figures are invented, for demonstration only.",
            as_of=when, sponsor=sponsor,
        )  # fmt: skip
    return _(
        "Data as of %(as_of)s. The terms of use are set by the sponsor (%(sponsor)s).", as_of=when, sponsor=sponsor
    )
