"""The open data's files (CSV, Excel, JSON, Data Package), made from a validated catalog in memory: today's
downloads (generator/site/downloads.py, the open-data page) and the earlier data releases' (issue 16,
generator/site/release_files.py) are made by this one function. Paths are relative to the generated folder."""

from __future__ import annotations

from generator.data.catalog import Catalog
from generator.i18n import _, pgettext
from generator.site.datapackage import make_datapackage
from generator.site.download_columns import MARKER_VALUES, indicator_columns, terms, value_columns, zone_columns
from generator.site.download_data import indicator_rows, make_csv, make_json, value_rows, zone_rows
from generator.site.paths import (
    DATA_JSON,
    DATA_XLSX,
    DATAPACKAGE,
    INDICATORS_CSV,
    INDICATORS_CSV_ZH,
    VALUES_CSV,
    VALUES_CSV_ZH,
    ZONES_CSV,
    ZONES_CSV_ZH,
    href,
    zone_csv_path,
)
from generator.site.xlsx import make_workbook


def download_files(catalog: Catalog, base_url: str) -> dict[str, bytes]:
    """The open data's files (path under the generated folder -> bytes), made from `catalog`; `base_url`: the
    site's published address. The earlier data releases are made by this same function from their own data
    (generator/site/release_files.py)."""
    files: dict[str, bytes] = {}
    values = value_rows(catalog)
    files[VALUES_CSV] = make_csv(value_columns(), values)
    files[ZONES_CSV] = make_csv(zone_columns(), zone_rows(catalog))
    files[INDICATORS_CSV] = make_csv(indicator_columns(), indicator_rows(catalog))
    files[VALUES_CSV_ZH] = make_csv(value_columns(), values, chinese_headers=True)
    files[ZONES_CSV_ZH] = make_csv(zone_columns(), zone_rows(catalog), chinese_headers=True)
    files[INDICATORS_CSV_ZH] = make_csv(indicator_columns(), indicator_rows(catalog), chinese_headers=True)
    for zone_id in sorted(catalog.zones):
        mine = [row for row in values if row.cells["zone"] == zone_id]
        files[zone_csv_path(zone_id)] = make_csv(value_columns(), mine)
    files[DATA_JSON] = make_json(catalog, base_url)
    files[DATA_XLSX] = make_workbook(
        catalog.site.title,
        catalog.as_of,
        workbook_notes(catalog, base_url),
        [(sheet_values(), value_columns(), values), (sheet_zones(), zone_columns(), zone_rows(catalog)),
         (sheet_indicators(), indicator_columns(), indicator_rows(catalog))],
    )  # fmt: skip
    zone_files = {zone_id: href(DATAPACKAGE, zone_csv_path(zone_id)) for zone_id in catalog.zones}
    files[DATAPACKAGE] = make_datapackage(catalog, zone_files, base_url)
    return files


# The workbook's sheets (the open-data pages name them too).
def sheet_values() -> str:
    return pgettext("open data workbook sheet", "Indicator data")


def sheet_zones() -> str:
    return pgettext("open data workbook sheet", "Zones")


def sheet_indicators() -> str:
    return pgettext("open data workbook sheet", "Indicator system")


def sample_notice(catalog: Catalog) -> str:
    if not catalog.has_sample:
        return ""
    return _(
        "These data include sample data: in the rows whose sample column is true the figures are invented, only "
        "to show what the site does; they do not describe any zone's actual situation."
    )


def workbook_notes(catalog: Catalog, base_url: str) -> list[tuple[str, str]]:
    """The workbook's notes sheet; `base_url`: the site's published address (Context.base_url)."""
    site = catalog.site
    none, not_applicable = MARKER_VALUES
    notes = [
        (pgettext("open data workbook notes", "Contents"),
         _("%(title)s: the zones' annual construction indicator data, the list of zones and the construction "
           "indicator system.", title=site.title)),
        (pgettext("open data workbook notes", "Data as of"), catalog.as_of.isoformat()),
        (pgettext("open data workbook notes", "Sample data"),
         sample_notice(catalog) or pgettext("open data workbook notes", "none")),
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
