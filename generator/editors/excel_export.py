"""export-template: the annual report's indicator table as an Excel workbook for a city bureau to fill.

Layout (the data sheet; the positions are also written to the hidden metadata sheet, which import reads; the
fixed cells' words are in generator/data/vocabulary.py, the import recognises them):

    row 1   title
    row 2-3 zone / year (for the reader; import trusts the metadata)
    row 4   submission date — fill-in cell B4 (a date)
    row 5   instructions
    row 7   header: number | category | indicator | unit | last year | this year | note | indicator id (hidden)
    row 8…  one row per indicator (the system's, then the zone's own); F and G are filled in
    after   the year's highlights: five fill-in cells, one highlight each

Only the fill-in cells are unlocked; the sheets and the workbook structure are protected (no password:
protection guides, it does not guard: WPS lifts it in one click). So the import verifies instead of
trusting: the hidden metadata sheet records every cell the export wrote outside the fill-in cells (the
title, the labels, the header, each row's indicator name, unit, last year's value and hidden id), and the
data sheet carries a hidden marker in H1 that names the zone and year. The import finds the data sheet by
that marker (not by its name), refuses a workbook where a recorded cell changed or moved (saying what moved
where) and anything typed outside the fill-in cells. If the year's YAML already exists its values are
filled in, so a corrected sheet can be imported again with --force. The bytes depend only on the data
(fixed timestamps).
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side
from openpyxl.utils import get_column_letter
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from generator.data.catalog import Catalog, Reading
from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.data.types import MARKERS
from generator.data.vocabulary import (
    HIGHLIGHT_LABEL,
    HIGHLIGHTS_HEADING,
    OWN_NUMBER,
    SHEET_COLUMNS,
    SHEET_INSTRUCTIONS,
    SHEET_LABELS,
    SHEET_TITLE,
    SUBMITTED_HINT,
)
from generator.editors.cell_values import plain
from generator.editors.common import (
    EditorError,
    check_year,
    load_catalog,
    unit_label,
    write_atomic,
    zone_indicators,
    zone_record,
)
from generator.i18n import N_, _, pgettext

FORMAT = "gx-annual-report-template"
VERSION = "2"
HEADER_ROW, FIRST_ROW, HIGHLIGHTS = 7, 8, 5
WIDTHS = (7, 12, 44, 10, 16, 18, 36, 10)
VALUE_COL, NOTE_COL, ID_COL, SUBMITTED = "F", "G", "H", "B4"
MARKER_CELL = "H1"
_FIXED = datetime(2000, 1, 1)
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
NOT_AVAILABLE, NOT_APPLICABLE = MARKERS


def export_template(data: Path, zone_id: str, year: int, output: Path) -> None:
    """Write the fill-in workbook for one zone and year to `output` (atomically)."""
    if output.suffix.lower() != ".xlsx":
        raise EditorError.say(N_("the output must end in .xlsx: %(path)s"), path=output, exit_code=2)
    catalog = load_catalog(data)
    record = zone_record(catalog, data, zone_id)
    check_year(catalog, record, year)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = sheet_name()
    indicators = zone_indicators(catalog, zone_id)
    current = record.reports.get(year)
    _head(ws, record.zone.name, year, current)
    last_row = _table(ws, catalog, indicators, record.reports.get(year - 1), current, year)
    first_highlight = last_row + 3
    _highlights(ws, first_highlight, current.report.highlights if current else [])
    ws[MARKER_CELL] = marker(zone_id, year)
    _meta(wb, ws, zone_id, year, last_row, first_highlight)
    ws.protection.sheet = True
    ws.protection.formatColumns = ws.protection.formatRows = False  # widening a column stays possible
    ws.freeze_panes = f"A{FIRST_ROW}"
    wb.security = WorkbookProtection(lockStructure=True)
    _save(wb, output)


def sheet_name() -> str:
    """The data sheet's name (the import finds the sheet by its marker, not by its name)."""
    return pgettext("Excel template", "Report")


def headers(year: int) -> list[str]:
    """The table's headings (row 7): the two value columns name their years."""
    return [text.format(last=year - 1, year=year) for text in SHEET_COLUMNS]


def _style(cell: Any, *, fill: PatternFill | None = None, bold: bool = False, wrap: bool = False) -> None:
    cell.border = _BOX
    cell.alignment = Alignment(vertical="center", wrap_text=wrap)
    if fill is not None:
        cell.fill = fill
    if bold:
        cell.font = Font(bold=True)


def _unlock(cell: Any, number_format: str = "General") -> None:
    cell.protection = Protection(locked=False)
    cell.number_format = number_format
    _style(cell, fill=_INPUT, wrap=True)


def _head(ws: Worksheet, name: str, year: int, current: Any) -> None:
    ws["A1"] = SHEET_TITLE.format(zone=name, year=year)
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    for row, label, value in zip(range(2, 6), SHEET_LABELS, (name, year, None, SHEET_INSTRUCTIONS), strict=True):
        ws.cell(row, 1, label).font = Font(bold=True)
        ws.cell(row, 2, value)
        ws.merge_cells(f"B{row}:G{row}" if row != 4 else "C4:G4")
    ws["C4"] = SUBMITTED_HINT
    _unlock(ws[SUBMITTED], "yyyy-mm-dd")
    if current is not None and current.report.submitted is not None:
        ws[SUBMITTED] = current.report.submitted
    ws["B5"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[5].height = 48
    dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)")
    dv.showErrorMessage = dv.showInputMessage = True
    dv.promptTitle = pgettext("Excel template", "Submission date")
    dv.prompt = _("The date the annual report was submitted, e.g. 2025-01-20")
    dv.errorTitle, dv.error = pgettext("Excel template", "Date"), _("Enter a date, e.g. 2025-01-20")
    dv.add(SUBMITTED)
    ws.add_data_validation(dv)


def _table(ws: Worksheet, catalog: Catalog, indicators: list[Indicator], last: Any, current: Any, year: int) -> int:
    for col, (text, width) in enumerate(zip(headers(year), WIDTHS, strict=True), start=1):
        _style(ws.cell(HEADER_ROW, col, text), fill=_HEAD, bold=True, wrap=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.column_dimensions[ID_COL].hidden = True
    categories = {c.id: c.name for c in catalog.categories}
    prompts: dict[str, DataValidation] = {}
    row = FIRST_ROW - 1
    for row, ind in enumerate(indicators, start=FIRST_ROW):
        cells = (ind.number or OWN_NUMBER, categories.get(ind.category, ""), ind.name, unit_label(ind))
        for col, value in enumerate(cells, start=1):
            _style(ws.cell(row, col, value), wrap=col == 3)
        _style(ws.cell(row, 5, _shown(last.readings.get(ind.id) if last else None)), wrap=True)
        ws.cell(row, 5).alignment = Alignment(horizontal="right", vertical="center", wrap_text=True)
        value_cell, note_cell = ws[f"{VALUE_COL}{row}"], ws[f"{NOTE_COL}{row}"]
        _unlock(value_cell, KINDS[ind.kind].excel_format)
        _unlock(note_cell, "@")
        reading = current.readings.get(ind.id) if current else None
        value_cell.value = _shown(reading)
        note_cell.value = reading.note if reading else None
        ws[f"{ID_COL}{row}"] = ind.id
        _prompt(ws, prompts, ind).add(value_cell)
    notes = DataValidation(
        showInputMessage=True,
        promptTitle=_("Note (optional)"),
        prompt=_("A note on this year's value, e.g. how it was counted."),
    )
    notes.add(f"{NOTE_COL}{FIRST_ROW}:{NOTE_COL}{row}")
    ws.add_data_validation(notes)
    return row


def _prompt(ws: Worksheet, prompts: dict[str, DataValidation], ind: Indicator) -> DataValidation:
    """An input message per unit (Excel shows it when the cell is selected); nothing is enforced."""
    key = ind.unit or ""
    if key not in prompts:
        markers = {"none": NOT_AVAILABLE, "na": NOT_APPLICABLE}
        if not KINDS[ind.kind].numeric:
            text = _("Write the text; if there is none, you may write “%(none)s”.", none=NOT_AVAILABLE)
        elif KINDS[ind.kind].percent:
            text = _(
                "Write a percentage: for 35%% write 35 or 35%%. Without data write “%(none)s”; "
                "where it does not apply, “%(na)s”.",
                **markers,
            )
        else:
            text = _(
                "Write a number in %(unit)s (e.g. 12 or 12%(unit)s). Without data write “%(none)s”; "
                "where it does not apply, “%(na)s”.",
                unit=ind.unit,
                **markers,
            )
        prompts[key] = DataValidation(showInputMessage=True, promptTitle=_("This year's value"), prompt=text)
        ws.add_data_validation(prompts[key])
    return prompts[key]


def _shown(reading: Reading | None) -> Any:
    """A reading as a cell value: a number stays a number (exact decimal), a marker or text stays text."""
    if reading is None:
        return None
    if reading.number is not None:
        return reading.number if reading.number != reading.number.to_integral_value() else int(reading.number)
    return reading.marker or reading.text


def _highlights(ws: Worksheet, first: int, existing: list[str]) -> None:
    ws.cell(first - 1, 1, HIGHLIGHTS_HEADING).font = Font(bold=True)
    for i in range(HIGHLIGHTS):
        row = first + i
        ws.cell(row, 1, HIGHLIGHT_LABEL.format(n=i + 1))
        ws.merge_cells(f"B{row}:G{row}")
        _unlock(ws[f"B{row}"], "@")
        ws[f"B{row}"] = existing[i] if i < len(existing) else None
        ws.row_dimensions[row].height = 30
    if len(existing) > HIGHLIGHTS:  # never lose a highlight in a round trip: the last cell holds the rest
        ws[f"B{first + HIGHLIGHTS - 1}"] = "\n".join(existing[HIGHLIGHTS - 1 :])  # one per line (import splits)


def marker(zone_id: str, year: int) -> str:
    """The data sheet's hidden marker: which template, zone and year it is."""
    return f"{FORMAT}|{VERSION}|{zone_id}|{year}"


def cell_text(value: Any) -> str:
    """A cell's content as text, the same way for what the export wrote and what the import reads."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    if isinstance(value, bool):
        return str(value).upper()
    if isinstance(value, float):
        return plain(Decimal(repr(value))) if value == value else "NaN"
    if isinstance(value, int | Decimal):
        return plain(Decimal(value))
    return str(value)


def fill_in_cells(first_row: int, last_row: int, highlight_cells: str) -> set[str]:
    """The cells an editor may write in: the date, each row's value and note, the highlight slots."""
    first, last = highlight_cells.split(":")
    col = first.rstrip("0123456789")
    cells = {SUBMITTED, *(f"{c}{r}" for r in range(first_row, last_row + 1) for c in (VALUE_COL, NOTE_COL))}
    return cells | {f"{col}{r}" for r in range(int(first[len(col) :]), int(last[len(col) :]) + 1)}


def _meta(wb: Workbook, ws: Worksheet, zone_id: str, year: int, last_row: int, first_highlight: int) -> None:
    meta = wb.create_sheet(pgettext("Excel template", "Metadata"))
    rows = {
        "format": FORMAT,
        "version": VERSION,
        "zone": zone_id,
        "year": str(year),
        "sheet": ws.title,
        "submitted_cell": SUBMITTED,
        "first_row": str(FIRST_ROW),
        "last_row": str(last_row),
        "value_col": VALUE_COL,
        "note_col": NOTE_COL,
        "id_col": ID_COL,
        "highlight_cells": f"B{first_highlight}:B{first_highlight + HIGHLIGHTS - 1}",
        "marker": marker(zone_id, year),
    }
    for row, (key, value) in enumerate(rows.items(), start=1):
        meta.cell(row, 1, key)
        meta.cell(row, 2, value).number_format = "@"
    # every cell the export wrote outside the fill-in cells, for the import to verify
    free = fill_in_cells(FIRST_ROW, last_row, rows["highlight_cells"]) | {MARKER_CELL}
    fixed = [(c.coordinate, cell_text(c.value)) for line in ws.iter_rows() for c in line if c.value is not None]
    row = len(rows)
    for ref, text in fixed:
        if ref not in free:
            row += 1
            meta.cell(row, 1, "cell")
            meta.cell(row, 2, ref)
            meta.cell(row, 3, text).number_format = "@"
    meta.sheet_state = "hidden"
    meta.protection.sheet = True


def _save(wb: Workbook, output: Path) -> None:
    """Save with fixed timestamps (document properties and zip entries): same data, same bytes."""
    wb.properties.creator = "generator export-template"
    wb.properties.created = wb.properties.modified = _FIXED
    raw = io.BytesIO()
    wb.save(raw)
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps `modified` with the clock when saving
                content = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            dst.writestr(fixed, content)
    write_atomic(output, out.getvalue())
