"""export-template: the annual report's indicator table as an Excel workbook for a city bureau to fill.

Layout (sheet 填报; the positions are also written to the hidden sheet 元数据, which import reads):

    row 1   title
    row 2-3 示范区 / 年度 (for the reader; import trusts 元数据)
    row 4   报送日期 — fill-in cell B4 (a date)
    row 5   填写说明
    row 7   header: 序号 | 一级指标 | 指标名称 | 单位 | 上年数值 | 本年数值 | 说明 | 指标编号 (hidden)
    row 8…  one row per indicator (the system's, then the zone's own); F and G are filled in
    after   年度建设亮点: five fill-in cells, one highlight each

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

FORMAT = "gx-annual-report-template"
VERSION = "2"
SHEET, META = "填报", "元数据"
HEADER_ROW, FIRST_ROW, HIGHLIGHTS = 7, 8, 5
COLUMNS = ("序号", "一级指标", "指标名称", "单位", "上年数值", "本年数值", "说明", "指标编号")
WIDTHS = (7, 12, 44, 10, 16, 18, 36, 10)
VALUE_COL, NOTE_COL, ID_COL, SUBMITTED = "F", "G", "H", "B4"
MARKER_CELL = "H1"
_FIXED = datetime(2000, 1, 1)
_INPUT = PatternFill("solid", fgColor="FFF2CC")
_HEAD = PatternFill("solid", fgColor="DDEBF7")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
INSTRUCTIONS = (
    "只填写黄色单元格。本年数值：填数字（可带与“单位”一致的单位，如 12 家；百分比可写 35%）；"
    "没有数据填“暂无”，不适用填“不适用”；不知道就留空（视为未报送）。定性指标填文字。"
    "不要插入或删除行，不要改动其他单元格。"
)


def export_template(data: Path, zone_id: str, year: int, output: Path) -> None:
    """Write the fill-in workbook for one zone and year to `output` (atomically)."""
    if output.suffix.lower() != ".xlsx":
        raise EditorError(f"输出文件应以 .xlsx 结尾：{output}", f"the output must end in .xlsx: {output}", 2)
    catalog = load_catalog(data)
    record = zone_record(catalog, data, zone_id)
    check_year(catalog, record, year)
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = SHEET
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
    ws["A1"] = f"{name} {year} 年度建设指标填报表"
    ws["A1"].font = Font(bold=True, size=14)
    ws.merge_cells("A1:G1")
    for row, label, value in (
        (2, "示范区", name),
        (3, "年度", year),
        (4, "报送日期", None),
        (5, "填写说明", INSTRUCTIONS),
    ):
        ws.cell(row, 1, label).font = Font(bold=True)
        ws.cell(row, 2, value)
        ws.merge_cells(f"B{row}:G{row}" if row != 4 else "C4:G4")
    ws["C4"] = "填写报送日期，如 2025-01-20"
    _unlock(ws[SUBMITTED], "yyyy-mm-dd")
    if current is not None and current.report.submitted is not None:
        ws[SUBMITTED] = current.report.submitted
    ws["B5"].alignment = Alignment(wrap_text=True, vertical="top")
    ws.row_dimensions[5].height = 48
    dv = DataValidation(type="date", operator="between", formula1="DATE(2000,1,1)", formula2="DATE(2100,12,31)")
    dv.showErrorMessage = dv.showInputMessage = True
    dv.promptTitle, dv.prompt = "报送日期", "年度建设报告报送日期，如 2025-01-20"
    dv.errorTitle, dv.error = "日期", "请填写日期，如 2025-01-20"
    dv.add(SUBMITTED)
    ws.add_data_validation(dv)


def _table(ws: Worksheet, catalog: Catalog, indicators: list[Indicator], last: Any, current: Any, year: int) -> int:
    headers = list(COLUMNS)
    headers[4], headers[5] = f"上年数值（{year - 1}）", f"本年数值（{year}）"
    for col, (text, width) in enumerate(zip(headers, WIDTHS, strict=True), start=1):
        _style(ws.cell(HEADER_ROW, col, text), fill=_HEAD, bold=True, wrap=True)
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.column_dimensions[ID_COL].hidden = True
    categories = {c.id: c.name for c in catalog.categories}
    prompts: dict[str, DataValidation] = {}
    row = FIRST_ROW - 1
    for row, ind in enumerate(indicators, start=FIRST_ROW):
        cells = (ind.number or "自设", categories.get(ind.category, ""), ind.name, unit_label(ind))
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
    notes = DataValidation(showInputMessage=True, promptTitle="说明（可选）", prompt="对本年数值的说明，如统计口径。")
    notes.add(f"{NOTE_COL}{FIRST_ROW}:{NOTE_COL}{row}")
    ws.add_data_validation(notes)
    return row


def _prompt(ws: Worksheet, prompts: dict[str, DataValidation], ind: Indicator) -> DataValidation:
    """An input message per unit (Excel shows it when the cell is selected); nothing is enforced."""
    key = ind.unit or ""
    if key not in prompts:
        if not KINDS[ind.kind].numeric:
            text = "填写文字说明；没有可写“暂无”。"
        elif KINDS[ind.kind].percent:
            text = "填写百分数：35% 填 35 或 35%。没有数据填“暂无”，不适用填“不适用”。"
        else:
            text = f"填写数字，单位：{ind.unit}（如 12 或 12{ind.unit}）。没有数据填“暂无”，不适用填“不适用”。"
        prompts[key] = DataValidation(showInputMessage=True, promptTitle="本年数值", prompt=text)
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
    ws.cell(first - 1, 1, "年度建设亮点（每格填写一条，可留空）").font = Font(bold=True)
    for i in range(HIGHLIGHTS):
        row = first + i
        ws.cell(row, 1, f"亮点{i + 1}")
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
    meta = wb.create_sheet(META)
    rows = {
        "format": FORMAT,
        "version": VERSION,
        "zone": zone_id,
        "year": str(year),
        "sheet": SHEET,
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
