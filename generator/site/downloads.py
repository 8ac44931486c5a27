"""Open data: the downloads (CSV, Excel, JSON, Data Package) and the two pages that explain them.

Everything is made from the validated catalog, in memory; `write.py` writes it. Paths are relative to
the generated folder, which MkDocs serves at the site's root; zone pages link to `data/zones/<id>.csv`.
"""

from __future__ import annotations

from html import escape as h
from typing import Any

from generator.data.catalog import Catalog
from generator.i18n import _, ngettext, pgettext
from generator.site.common import Context, Section, front_matter
from generator.site.data_dictionary import dictionary_view
from generator.site.download_columns import MARKER_VALUES, indicator_columns, terms, value_columns, zone_columns
from generator.site.download_data import (
    column_docs,
    indicator_rows,
    value_rows,
)
from generator.site.download_files import (
    download_files,
    sample_notice,
    sheet_indicators,
    sheet_values,
    sheet_zones,
)
from generator.site.figures import date_text
from generator.site.markup import Safe, inline, link
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
from generator.site.release_files import ReleaseFile, release_citation, size_text
from generator.site.xlsx import notes_sheet


def make_downloads(ctx: Context) -> Section:
    catalog = ctx.catalog
    out = Section()
    values = value_rows(catalog)
    out.files |= download_files(catalog, ctx.base_url)
    releases = ctx.freshness.earlier if ctx.freshness is not None else None
    out.files |= {r.path: r.content for r in releases or ()}
    out.pages[DATA_INDEX] = ctx.env.get_template("data_index.md.j2").render(
        **_index_view(catalog, values), releases=_releases_view(catalog, releases, ctx.base_url)
    )
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


def _column_tables() -> list[dict[str, Any]]:
    return [
        {"file": _("zones-indicators.csv, zones/<zone id>.csv (sheet “%(sheet)s”)", sheet=sheet_values()),
         "columns": column_docs(value_columns())},
        {"file": _("%(file)s (sheet “%(sheet)s”)", file=file_name(ZONES_CSV), sheet=sheet_zones()),
         "columns": column_docs(zone_columns())},
        {"file": _("%(file)s (sheet “%(sheet)s”)", file=file_name(INDICATORS_CSV), sheet=sheet_indicators()),
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
           notes=notes_sheet(), values=sheet_values(), zones=sheet_zones(), indicators=sheet_indicators()), ""),
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
        "sample_notice": sample_notice(catalog),
        "sponsor": catalog.site.sponsor,
        "licence": terms(),
        "files": [{"link": f[0], "what": f[1], "rows": f[2]} for f in files],
        "markers": MARKER_VALUES,
        "columns": column_docs(value_columns()),
        "zones": zones,
        "links": hrefs(DATA_INDEX, dictionary=DATA_DICTIONARY, changes=DATA_CHANGES),
    }


# --- the earlier data releases (issue 16 §3; made in generator/site/release_files.py) ---------------------------


def _release_cite(catalog: Catalog, release: ReleaseFile, base_url: str) -> Safe:
    """The citation on the page: each part escaped as every text from the data is, the address as code."""
    address = base_url.rstrip("/") + "/" + release.path
    return Safe(
        release_citation(
            inline(catalog.site.title), release.as_of, release.sha, release.day, f"<code>{h(address)}</code>",
            release.sample,
        )
    )  # fmt: skip


def _releases_view(catalog: Catalog, releases: tuple[ReleaseFile, ...] | None, base_url: str) -> dict[str, Any]:
    """The open-data page's list of data releases, newest first: today's, then each earlier one. `releases` None:
    this copy has no history to list them from."""
    items = []
    for release in releases or ():
        if release.problems is None:
            note = ""
        else:
            note = ngettext(
                "Today's programs found %(num)s problem in this version's data and cannot make the downloads "
                "from it: this is its original data files (YAML).",
                "Today's programs found %(num)s problems in this version's data and cannot make the downloads "
                "from it: this is its original data files (YAML).",
                release.problems,
            )
        items.append({
            "as_of": date_text(release.as_of),
            "day": date_text(release.day),
            "commit": release.sha[:7],
            "link": link(file_name(release.path), href(DATA_INDEX, release.path)),
            "size": Safe(size_text(release.size)),  # digits and the catalogue's unit
            "note": note,
            "cite": _release_cite(catalog, release, base_url),
        })  # fmt: skip
    return {"known": releases is not None, "current": date_text(catalog.as_of), "earlier": items}
