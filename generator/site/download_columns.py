"""The columns of the open-data tables: one definition for the CSV headers, the workbook's headers, the
Data Package's table schemas and the column tables on the open-data pages and the data dictionary.

A column's name is the CSV header and the Data Package field name (ASCII, the same in every locale: the
published files' interface); its title (the workbook's header) and description are the catalogue's words,
so the tables are made at run time, in the build's locale."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from generator.data.kinds import KINDS
from generator.data.types import MARKERS
from generator.i18n import NP_, _, pgettext

MARKER_VALUES = list(MARKERS)  # the data's own words (the input vocabulary), written as they are in every locale
KIND_IDS = tuple(KINDS)  # the indicator kinds' ids (the data's own: generator/data/kinds.py)


def terms() -> str:
    # site.yaml has no licence field: the terms are the sponsor's to set, and none is invented here.
    return _("Please contact the sponsor before reproducing or citing the data.")


def park_separator() -> str:
    """Between the names of a zone's parks in one cell of zones.csv."""
    return pgettext("open data: between the park names in one cell", "; ")


# The Table Schema types of the columns, in the words a reader of the open data page and the dictionary reads.
_TYPE_WORDS = {
    "string": NP_("open data column type", "text"),
    "integer": NP_("open data column type", "whole number"),
    "number": NP_("open data column type", "number"),
    "boolean": NP_("open data column type", "yes or no"),
    "date": NP_("open data column type", "date"),
}


def type_words(table_schema_type: str) -> str:
    """A column's Table Schema type (string, integer, boolean, date …) in the catalogue's words."""
    return pgettext(*_TYPE_WORDS[table_schema_type])


@dataclass(frozen=True)
class Column:
    name: str  # CSV header and Data Package field name (ASCII)
    type: str  # Table Schema type: string, integer, boolean, date
    title: str  # the workbook's header (the catalogue's words)
    description: str  # the catalogue's words
    required: bool = False
    enum: tuple[str, ...] = ()

    def field(self) -> dict[str, Any]:
        """The Table Schema field descriptor."""
        out: dict[str, Any] = {"name": self.name, "type": self.type, "title": self.title,
                               "description": self.description}  # fmt: skip
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.enum:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


def value_columns() -> tuple[Column, ...]:
    """The readings, one row per zone, year and indicator (zones-indicators.csv and each zone's CSV)."""
    return (
        Column("zone", "string", pgettext("open data column", "Zone id"),
               pgettext("open data column description", "Zone id (lower-case English), the id of zones.csv"),
               required=True),
        Column("zone_name", "string", pgettext("open data column", "Zone name"),
               pgettext("open data column description", "Full name of the zone")),
        Column("year", "integer", pgettext("open data column", "Year"),
               pgettext("open data column description", "The year the data belongs to"), required=True),
        Column("baseline", "boolean", pgettext("open data column", "Baseline"),
               pgettext("open data column description",
                        "true for baseline data (the year before the approval), false for an annual report of the "
                        "construction period")),
        Column("indicator", "string", pgettext("open data column", "Indicator id"),
               pgettext("open data column description",
                        "Indicator id (lower-case English, words separated by underscores)"), required=True),
        Column("indicator_name", "string", pgettext("open data column", "Indicator name"),
               pgettext("open data column description", "Name of the second-level indicator")),
        Column("own", "boolean", pgettext("open data column", "Own indicator"),
               pgettext("open data column description",
                        "true for an indicator the zone set itself (not compared across zones), false for a common "
                        "indicator of Attachment 2 of the guideline")),
        Column("kind", "string", pgettext("open data column", "Indicator kind"),
               pgettext("open data column description",
                        "count: a number of things, amount: a sum of money, percent: a percentage (35 means 35%%), "
                        "per_10k: a rate per 10,000, text: qualitative text"),
               enum=KIND_IDS),
        Column("value", "string", pgettext("open data column", "Value"),
               pgettext("open data column description",
                        "The value exactly as in the source data (no floating-point conversion, no rounding, no "
                        "scientific notation); text for a qualitative indicator; empty when there is a marker")),
        Column("unit", "string", pgettext("open data column", "Unit"),
               pgettext("open data column description",
                        "Unit of measurement; %% for a percentage indicator (stored as a percentage); empty for a "
                        "qualitative indicator")),
        Column("marker", "string", pgettext("open data column", "Marker"),
               pgettext("open data column description",
                        "%(none)s (no data) or %(not_applicable)s; with a marker, value is empty; a marker is not 0",
                        none=MARKER_VALUES[0], not_applicable=MARKER_VALUES[1]),
               enum=tuple(MARKER_VALUES)),
        Column("note", "string", pgettext("open data column", "Note"),
               pgettext("open data column description", "The reporter's note")),
        Column("source", "string", pgettext("open data column", "Source"),
               pgettext("open data column description", "Where the value comes from")),
        _sample_column(),
    )  # fmt: skip


def zone_columns() -> tuple[Column, ...]:
    """The zones, one row each (zones.csv)."""
    return (
        Column("id", "string", pgettext("open data column", "Zone id"),
               pgettext("open data column description",
                        "Zone id (lower-case English), by which every data file points to the zone"), required=True),
        Column("name", "string", pgettext("open data column", "Zone name"),
               pgettext("open data column description", "Full name of the zone"), required=True),
        Column("short_name", "string", pgettext("open data column", "Short name"),
               pgettext("open data column description", "The zone's short name; empty when it has none")),
        Column("city", "string", pgettext("open data column", "City id"),
               pgettext("open data column description", "Id of the prefecture-level city of the zone's builder")),
        Column("city_name", "string", pgettext("open data column", "City"),
               pgettext("open data column description", "The prefecture-level city of the zone's builder")),
        Column("level", "string", pgettext("open data column", "Level id"),
               pgettext("open data column description", "Id of the zone's level")),
        Column("level_name", "string", pgettext("open data column", "Level"),
               pgettext("open data column description", "The zone's level")),
        Column("status", "string", pgettext("open data column", "Status id"),
               pgettext("open data column description",
                        "Id of the current status, worked out from the procedure's events as of the data's date")),
        Column("status_name", "string", pgettext("open data column", "Status"),
               pgettext("open data column description",
                        "The current status (in Chinese), worked out from the procedure's events as of the data's "
                        "date")),
        Column("approved", "date", pgettext("open data column", "Approval date"),
               pgettext("open data column description",
                        "Date of the approval to build (YYYY-MM-DD); empty when not yet approved")),
        Column("approval_document", "string", pgettext("open data column", "Approval document number"),
               pgettext("open data column description",
                        "Document number of the approval to build; empty when not yet approved")),
        Column("period_start", "integer", pgettext("open data column", "First year of the construction period"),
               pgettext("open data column description", "First year of the construction period")),
        Column("period_end", "integer", pgettext("open data column", "Last year of the construction period"),
               pgettext("open data column description", "Last year of the construction period")),
        Column("parks", "string", pgettext("open data column", "Host parks"),
               pgettext("open data column description",
                        "Names of the host parks, several separated by “%(separator)s”",
                        separator=park_separator())),
        Column("reports", "integer", pgettext("open data column", "Annual reports"),
               pgettext("open data column description",
                        "Number of annual construction reports submitted (baseline data not included)")),
        _sample_column(),
    )  # fmt: skip


def indicator_columns() -> tuple[Column, ...]:
    """The indicator system: the common indicators, then each zone's own (indicators.csv)."""
    return (
        Column("zone", "string", pgettext("open data column", "Zone of an own indicator"),
               pgettext("open data column description",
                        "Id of the zone that set the indicator; empty for a common indicator")),
        Column("id", "string", pgettext("open data column", "Indicator id"),
               pgettext("open data column description", "Indicator id"), required=True),
        Column("number", "integer", pgettext("open data column", "No."),
               pgettext("open data column description", "Number in Attachment 2 of the guideline")),
        Column("category", "string", pgettext("open data column", "First-level indicator"),
               pgettext("open data column description", "The first-level indicator it belongs to")),
        Column("name", "string", pgettext("open data column", "Second-level indicator"),
               pgettext("open data column description", "Name of the second-level indicator")),
        Column("name_en", "string", pgettext("open data column", "English name"),
               pgettext("open data column description", "English name")),
        Column("unit", "string", pgettext("open data column", "Unit"),
               pgettext("open data column description", "Unit of measurement")),
        Column("kind", "string", pgettext("open data column", "Indicator kind"),
               pgettext("open data column description: between the kinds' ids", ", ").join(KIND_IDS)),
        Column("summable", "boolean", pgettext("open data column", "Summable across zones"),
               pgettext("open data column description", "Whether the zones' values may be added up")),
        Column("incomplete", "boolean", pgettext("open data column", "Incomplete in the source"),
               pgettext("open data column description",
                        "The row is incomplete in the source text (the name is not complete)")),
    )  # fmt: skip


def _sample_column() -> Column:
    return Column("sample", "boolean", pgettext("open data column", "Sample data"),
                  pgettext("open data column description",
                           "true for sample data: the figures are invented, for demonstration only"))  # fmt: skip
