"""Open data: the downloads (CSV, Excel, JSON, Data Package) and the two pages that explain them.

Everything is made from the validated catalog, in memory; `write.py` writes it. Paths are relative to
the generated folder, which MkDocs serves at the site's root; zone pages link to `data/zones/<id>.csv`.
"""

from __future__ import annotations

from typing import Any

from generator.data.catalog import Catalog
from generator.i18n import _, pgettext
from generator.site.common import Context, Section, front_matter
from generator.site.data_dictionary import dictionary_view
from generator.site.datapackage import make_datapackage
from generator.site.download_columns import MARKER_VALUES, indicator_columns, terms, value_columns, zone_columns
from generator.site.download_data import (
    column_docs,
    indicator_rows,
    make_csv,
    make_json,
    value_rows,
    zone_rows,
)
from generator.site.figures import date_text
from generator.site.markup import Safe, link
from generator.site.paths import (
    DATA_CHANGES,
    DATA_DICTIONARY,
    DATA_INDEX,
    DATA_JSON,
    DATA_XLSX,
    DATAPACKAGE,
    INDICATORS_CSV,
    INDICATORS_CSV_ZH,
    VALUES_CSV,
    VALUES_CSV_ZH,
    ZONES_CSV,
    ZONES_CSV_ZH,
    file_name,
    href,
    hrefs,
    zone_csv_path,
)
from generator.site.xlsx import make_workbook, notes_sheet


def make_downloads(ctx: Context) -> Section:
    catalog = ctx.catalog
    out = Section()
    values = value_rows(catalog)
    out.files[VALUES_CSV] = make_csv(value_columns(), values)
    out.files[ZONES_CSV] = make_csv(zone_columns(), zone_rows(catalog))
    out.files[INDICATORS_CSV] = make_csv(indicator_columns(), indicator_rows(catalog))
    out.files[VALUES_CSV_ZH] = make_csv(value_columns(), values, chinese_headers=True)
    out.files[ZONES_CSV_ZH] = make_csv(zone_columns(), zone_rows(catalog), chinese_headers=True)
    out.files[INDICATORS_CSV_ZH] = make_csv(indicator_columns(), indicator_rows(catalog), chinese_headers=True)
    for zone_id in sorted(catalog.zones):
        mine = [row for row in values if row.cells["zone"] == zone_id]
        out.files[zone_csv_path(zone_id)] = make_csv(value_columns(), mine)
    out.files[DATA_JSON] = make_json(catalog, ctx.base_url)
    out.files[DATA_XLSX] = make_workbook(
        catalog.site.title,
        catalog.as_of,
        _workbook_notes(catalog, ctx.base_url),
        [(_sheet_values(), value_columns(), values), (_sheet_zones(), zone_columns(), zone_rows(catalog)),
         (_sheet_indicators(), indicator_columns(), indicator_rows(catalog))],
    )  # fmt: skip
    zone_files = {zone_id: href(DATAPACKAGE, zone_csv_path(zone_id)) for zone_id in catalog.zones}
    out.files[DATAPACKAGE] = make_datapackage(catalog, zone_files, ctx.base_url)
    out.pages[DATA_INDEX] = ctx.env.get_template("data_index.md.j2").render(**_index_view(catalog, values))
    out.pages[DATA_DICTIONARY] = ctx.env.get_template("data_dictionary.md.j2").render(
        fm=front_matter(
            pgettext("open data page", "Data dictionary"),
            False,
            _("What each column of the open data and each field of the data files means"),
        ),
        files=dictionary_view(),
        tables=_column_tables(),
        links=hrefs(DATA_DICTIONARY, data=DATA_INDEX),
    )
    out.nav = [{pgettext("open data page", "Open data"): [DATA_INDEX, DATA_DICTIONARY, DATA_CHANGES]}]
    return out


# The workbook's sheets (the open-data pages name them too).
def _sheet_values() -> str:
    return pgettext("open data workbook sheet", "Indicator data")


def _sheet_zones() -> str:
    return pgettext("open data workbook sheet", "Zones")


def _sheet_indicators() -> str:
    return pgettext("open data workbook sheet", "Indicator system")


def _sample_notice(catalog: Catalog) -> str:
    if not catalog.has_sample:
        return ""
    return _(
        "These data include sample data: in the rows whose sample column is true the figures are invented, only "
        "to show what the site does; they do not describe any zone's actual situation."
    )


def _workbook_notes(catalog: Catalog, base_url: str) -> list[tuple[str, str]]:
    """The workbook's notes sheet; `base_url`: the site's published address (Context.base_url)."""
    site = catalog.site
    none, not_applicable = MARKER_VALUES
    notes = [
        (pgettext("open data workbook notes", "Contents"),
         _("%(title)s: the zones' annual construction indicator data, the list of zones and the construction "
           "indicator system.", title=site.title)),
        (pgettext("open data workbook notes", "Data as of"), catalog.as_of.isoformat()),
        (pgettext("open data workbook notes", "Sample data"),
         _sample_notice(catalog) or pgettext("open data workbook notes", "none")),
        (pgettext("open data workbook notes", "Markers"),
         _("%(none)s means there are no data, %(not_applicable)s that the indicator does not apply; neither is "
           "0, and the value column is left empty.", none=none, not_applicable=not_applicable)),
        (pgettext("open data workbook notes", "Units"),
         _("Percentage indicators are stored as percentages: 35 means 35%%. Ratio and per-10,000 indicators "
           "cannot be added up across zones.")),
        (pgettext("open data workbook notes", "Values"),
         _("Values are exactly as in the source data; a value beyond Excel's precision of 15 significant digits "
           "is kept as text.")),
        (pgettext("open data workbook notes", "Source"),
         _("%(sponsor)s; %(url)s", sponsor=site.sponsor, url=base_url)),
        (pgettext("open data workbook notes", "Terms of use"), terms()),
        (pgettext("open data workbook notes", "Columns"),
         _("What each column means: see the site's page “%(section)s · %(page)s”.",
           section=pgettext("open data page", "Open data"), page=pgettext("open data page", "Data dictionary"))),
    ]  # fmt: skip
    return notes


def _column_tables() -> list[dict[str, Any]]:
    return [
        {"file": _("zones-indicators.csv, zones/<zone id>.csv (sheet “%(sheet)s”)", sheet=_sheet_values()),
         "columns": column_docs(value_columns())},
        {"file": _("%(file)s (sheet “%(sheet)s”)", file=file_name(ZONES_CSV), sheet=_sheet_zones()),
         "columns": column_docs(zone_columns())},
        {"file": _("%(file)s (sheet “%(sheet)s”)", file=file_name(INDICATORS_CSV), sheet=_sheet_indicators()),
         "columns": column_docs(indicator_columns())},
    ]  # fmt: skip


def _file_link(path: str) -> Safe:
    """A download on the open data page, named by its file's name."""
    return link(file_name(path), href(DATA_INDEX, path))


def _index_view(catalog: Catalog, values: list[Any]) -> dict[str, Any]:
    counts: dict[str, int] = {}
    for row in values:
        counts[row.cells["zone"]] = counts.get(row.cells["zone"], 0) + 1
    zones = [
        {"link": link(z.zone.name, href(DATA_INDEX, zone_csv_path(z.id))), "id": z.id, "rows": counts.get(z.id, 0)}
        for z in sorted(catalog.zones.values(), key=lambda z: z.id)
    ]
    files = [
        (_file_link(VALUES_CSV),
         _("Annual indicator data: one row per zone, year and indicator"), len(values)),
        (_file_link(ZONES_CSV), _("List of zones: one row per zone"), len(catalog.zones)),
        (_file_link(INDICATORS_CSV),
         _("Construction indicator system: the common indicators and each zone's own"), len(indicator_rows(catalog))),
        (link(f"zh/{file_name(VALUES_CSV)}", href(DATA_INDEX, VALUES_CSV_ZH)),
         _("The same annual indicator data with Chinese column headers, for Excel or WPS"), len(values)),
        (link(f"zh/{file_name(ZONES_CSV)}", href(DATA_INDEX, ZONES_CSV_ZH)),
         _("The same list of zones with Chinese column headers"), len(catalog.zones)),
        (link(f"zh/{file_name(INDICATORS_CSV)}", href(DATA_INDEX, INDICATORS_CSV_ZH)),
         _("The same indicator system with Chinese column headers"), len(indicator_rows(catalog))),
        (_file_link(DATA_XLSX),
         _("Excel workbook: four sheets, %(notes)s, %(values)s, %(zones)s and %(indicators)s",
           notes=notes_sheet(), values=_sheet_values(), zones=_sheet_zones(), indicators=_sheet_indicators()), ""),
        (_file_link(DATA_JSON),
         _("All the data (JSON): the site's details, the indicator system, the zones' profiles, the procedure's "
           "events and the annual values"), ""),
        (_file_link(DATAPACKAGE),
         _("Frictionless Data Package descriptor: the table structure of each CSV"), ""),
    ]  # fmt: skip
    return {
        "fm": front_matter(
            pgettext("open data page", "Open data"),
            catalog.has_sample,
            _("Download the zones' annual indicator data (CSV, Excel, JSON)"),
        ),
        "as_of": date_text(catalog.as_of),
        "sample_notice": _sample_notice(catalog),
        "sponsor": catalog.site.sponsor,
        "licence": terms(),
        "files": [{"link": f[0], "what": f[1], "rows": f[2]} for f in files],
        "markers": MARKER_VALUES,
        "columns": column_docs(value_columns()),
        "zones": zones,
        "links": hrefs(DATA_INDEX, dictionary=DATA_DICTIONARY, changes=DATA_CHANGES),
    }
