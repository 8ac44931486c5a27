"""import-xlsx: read a filled-in annual-report workbook (from export-template) into annual/<year>.yaml.

Every cell is read exactly or refused (see `cell_values.py`); refusals are collected, each naming the
sheet, the cell and the indicator, and nothing is written while there is one. An existing year is only
replaced with --force, and then what the sheet leaves empty is kept from the file (values, notes,
sources, the submission date, highlights) and every change is printed, old -> new.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from generator.data.load import load_document
from generator.editors.annual_yaml import render_annual
from generator.editors.cell_values import CellRefusal, Entry, read_date, read_text, read_value
from generator.editors.common import EditorError, check_year, load_catalog, write_new, zone_indicators, zone_record
from generator.editors.excel_export import FORMAT, META, VERSION


@dataclass
class Sheet:
    """What the workbook says, read and checked; `refusals` are the cells that could not be read."""

    zone: str
    year: int
    submitted: Any = None
    highlights: list[str] = field(default_factory=list)
    entries: dict[str, tuple[Entry, str | None]] = field(default_factory=dict)  # id -> (entry, note)
    refusals: list[str] = field(default_factory=list)


def import_workbook(file: Path, data: Path, force: bool = False) -> list[str]:
    """Read `file` and write the year's YAML; returns the lines to print (what was written and changed)."""
    values, formulas = _open(file)
    meta = _metadata(values)
    catalog = load_catalog(data)
    record = zone_record(catalog, data, meta["zone"])
    year = int(meta["year"])
    check_year(catalog, record, year)
    target = data / "zones" / meta["zone"] / "annual" / f"{year}.yaml"
    if target.exists() and not force:
        raise EditorError(
            f"{target} 已存在，未覆盖；确认要用表格内容更新时加 --force（表格中留空的内容会保留）",
            f"{target} exists, not overwritten; add --force to update it (what the sheet leaves empty is kept)",
        )
    indicators = {ind.id: ind for ind in zone_indicators(catalog, meta["zone"])}
    sheet = _read_sheet(values, formulas, meta, indicators)
    old = _existing(target) if target.exists() else None
    baseline = record.approved is not None and year == record.approved.year - 1
    ref = f"{meta['sheet']}!{meta['submitted_cell']} "
    unread = any(line.startswith(ref) for line in sheet.refusals)
    if sheet.submitted is None and not baseline and not (old or {}).get("submitted") and not unread:
        sheet.refusals.insert(0, f"{ref}报送日期 (submitted): 未填写报送日期 / the submission date is empty")
    if sheet.refusals:
        raise EditorError(
            f"{len(sheet.refusals)} 个单元格无法读取，未写入任何文件",
            f"{len(sheet.refusals)} cell(s) cannot be read; nothing written",
            details=tuple(sheet.refusals),
        )
    notes = []
    if target.exists() and old is None:
        notes.append("原文件无法读取，未保留其内容 / the existing file could not be read; nothing kept from it")
    text, lines = render_annual(data, target, record.zone.name, list(indicators.values()), sheet, old, baseline)
    write_new(target, text, overwrite=True)
    return [f"已写入 / written: {target}", *notes, *lines, *_check_lines(data, target)]


def _open(file: Path) -> tuple[Any, Any]:
    if not file.is_file():
        raise EditorError(f"找不到文件：{file}", f"no such file: {file}", 2)
    try:
        return load_workbook(file, data_only=True), load_workbook(file)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError) as exc:
        raise EditorError(f"无法作为 Excel 文件（.xlsx）打开：{file}", f"cannot open as .xlsx: {file} ({exc})") from exc


_META_PATTERNS = {
    "zone": r"[a-z0-9]+(-[a-z0-9]+)*",
    "year": r"(19|20|21)[0-9]{2}",
    "submitted_cell": r"[A-Z]{1,2}[1-9][0-9]{0,3}",
    "first_row": r"[1-9][0-9]{0,3}",
    "last_row": r"[1-9][0-9]{0,3}",
    "value_col": r"[A-Z]{1,2}",
    "note_col": r"[A-Z]{1,2}",
    "id_col": r"[A-Z]{1,2}",
    "highlight_cells": r"[A-Z]{1,2}[1-9][0-9]{0,3}:[A-Z]{1,2}[1-9][0-9]{0,3}",
}


def _metadata(wb: Any) -> dict[str, str]:
    """The hidden sheet's keys, each checked: the workbook is input too, never trusted to be well formed."""
    if META not in wb.sheetnames:
        raise EditorError(
            f"不是由 export-template 导出的填报表（缺少“{META}”工作表）",
            f"not a workbook made by export-template (no sheet {META!r})",
        )
    meta = {str(k): str(v) for k, v in wb[META].iter_rows(max_col=2, values_only=True) if k is not None}
    if meta.get("format") != FORMAT or meta.get("version") != VERSION:
        raise EditorError(
            "填报表版本不符，请重新运行 export-template 导出", "unknown template version; export a new template"
        )
    bad = [key for key, pattern in _META_PATTERNS.items() if not re.fullmatch(pattern, meta.get(key, ""))]
    if bad or meta.get("sheet") not in wb.sheetnames:
        raise EditorError(
            f"填报表的“{META}”工作表已损坏（{'、'.join(bad) or 'sheet'}），请重新导出",
            f"the {META!r} sheet is damaged ({', '.join(bad) or 'sheet'}); export a new template",
        )
    return meta


def _read_sheet(values: Any, formulas: Any, meta: dict[str, str], indicators: dict[str, Any]) -> Sheet:
    reader = _Reader(values[meta["sheet"]], formulas[meta["sheet"]], meta, Sheet(meta["zone"], int(meta["year"])))
    reader.head()
    for row in range(int(meta["first_row"]), int(meta["last_row"]) + 1):
        reader.row(row, indicators)
    return reader.sheet


@dataclass
class _Reader:
    ws: Any  # the values Excel computed
    fs: Any  # the same sheet with formulas, to tell an uncomputed formula from an empty cell
    meta: dict[str, str]
    sheet: Sheet

    def cell(self, ref: str) -> Any:
        if self.fs[ref].data_type == "f" and self.ws[ref].value is None:
            raise CellRefusal(
                "公式没有计算结果：请在 Excel 中打开并保存，或直接填写数值",
                "a formula without a computed value: open and save the file in Excel, or type the value",
            )
        return self.ws[ref].value

    def refuse(self, ref: str, label: str, zh: str, en: str) -> None:
        self.sheet.refusals.append(f"{self.ws.title}!{ref} {label}: {zh} / {en}")

    def head(self) -> None:
        ref = self.meta["submitted_cell"]
        try:
            self.sheet.submitted = read_date(self.cell(ref))
        except CellRefusal as exc:
            self.refuse(ref, "报送日期 (submitted)", exc.zh, exc.en)
        first, last = self.meta["highlight_cells"].split(":")
        column = re.sub(r"[0-9]", "", first)
        for row in range(int(first[len(column) :]), int(last[len(column) :]) + 1):
            text = read_text(self.ws[f"{column}{row}"].value)
            if text:
                self.sheet.highlights.append(text)

    def row(self, row: int, indicators: dict[str, Any]) -> None:
        id_ref = f"{self.meta['id_col']}{row}"
        value_ref, note_ref = f"{self.meta['value_col']}{row}", f"{self.meta['note_col']}{row}"
        ind = indicators.get(str(self.ws[id_ref].value))
        if ind is None:
            shown = self.ws[id_ref].value
            self.refuse(id_ref, "指标编号", f"未知指标“{shown}”，请重新导出填报表", f"unknown indicator {shown!r}")
            return
        label = f"{ind.name}（{ind.id}）"
        try:
            entry = read_value(self.cell(value_ref), self.ws[value_ref].number_format, ind)
        except CellRefusal as exc:
            self.refuse(value_ref, label, exc.zh, exc.en)
            return
        note = read_text(self.ws[note_ref].value)
        if entry is None and note:
            self.refuse(note_ref, label, "填写了说明但没有数值（没有数据请填“暂无”）", "a note without a value")
        elif entry is not None:
            self.sheet.entries[ind.id] = (entry, note)


def _existing(target: Path) -> dict[str, Any] | None:
    """The current file's data as written (every scalar a text), or None when it cannot be read."""
    doc = load_document(target, str(target))
    return doc.data if doc.ok and isinstance(doc.data, dict) else None


def _check_lines(data: Path, target: Path) -> list[str]:
    """What `check` says about the written file (late report, unusual jumps, missing indicators …)."""
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    _catalog, log = validate_data(load_data(data))
    mine = [p for p in log.sorted() if p.path.endswith(f"zones/{target.parent.parent.name}/annual/{target.name}")]
    return ["检查结果 / check:", *(f"  {p.format_text()}" for p in mine)] if mine else ["检查通过 / check: clean"]
