"""import-xlsx: read a filled-in annual-report workbook (from export-template) into annual/<year>.yaml.

The workbook is untrusted input, read once into memory with bounds (file size, each zip member's declared
size, no XML entities: openpyxl parses with defusedxml). The metadata sheet is found by its content, the
data sheet by its hidden marker (a renamed sheet imports with a note; two sheets with one marker are
refused). The sheet is verified against what the export recorded (`excel_layout.py`): a moved column or
row, a changed label or last-year value, or anything typed outside the fill-in cells is refused, saying
what moved where. Every cell is then read exactly or refused (see `cell_values.py`); refusals are
collected, each naming the sheet, the cell and the indicator, and nothing is written while there is one.
An existing year is only replaced with --force, and then what the sheet leaves empty is kept from the file
(values, notes, sources, the submission date, highlights) and every change and everything kept is printed.
The delete word (`DELETE_WORD`) in a note cell (or the first highlight cell) removes the note (the
highlights).

A version-1 sheet (exported before the record and the marker existed) is verified against its rebuilt
record (`excel_layout.v1_layout`): the data sheet is the one whose title, labels and headings are the ones
its export wrote for the metadata's zone and year; each indicator row's visible number, category, name and
unit must be those of its hidden id, in the indicator system's order (when the sheet's ids are no longer the
zone's indicators, each row is checked against its own id), and last year's column must show what the data
file holds for last year (the export's copy is not recorded). Then it imports like a version-2 sheet, with a
note that it was an old one. A version-2 sheet whose hidden record is damaged (its other keys intact) is
verified the same way, found by its marker. A newer version asks for an updated program.

The outcome: exit 0 when the written file passes `check --strict`, 1 when it does not (it is written all
the same, so nothing typed is lost, and the problems are printed), 1 when nothing could be written.
"""

from __future__ import annotations

import io
import os
import re
import stat
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from generator.data.kinds import KINDS
from generator.data.layout import ANNUAL
from generator.data.load import load_document
from generator.data.messages import DELETE_WORD, editor_text
from generator.data.problems import Severity
from generator.data.vocabulary import OWN_NUMBER
from generator.editors.annual_yaml import render_annual
from generator.editors.cell_values import CellRefusal, Entry, number_shape, plain, read_date, read_text, read_value
from generator.editors.common import (
    EditorError,
    check_year,
    load_catalog,
    unit_label,
    write_new,
    zone_indicators,
    zone_record,
)
from generator.editors.excel_export import FORMAT, MARKER_CELL, VERSION, _shown, cell_text
from generator.editors.excel_layout import V1, Layout, sheet_texts, v1_damaged, v1_head, v1_layout, verify
from generator.i18n import N_, _, bilingual, pbilingual, pgettext

MAX_FILE = 10 * 1024 * 1024  # an exported sheet is about 15 KB
MAX_MEMBER = 32 * 1024 * 1024  # one part of the zip, as it declares its size
MAX_TOTAL = 64 * 1024 * 1024
MAX_MEMBERS = 1000


@dataclass
class Sheet:
    """What the workbook says, read and checked; `refusals` are the cells that could not be read."""

    zone: str
    year: int
    submitted: Any = None
    highlights: list[str] = field(default_factory=list)
    clear_highlights: bool = False  # 删除 in the first highlight cell
    entries: dict[str, tuple[Entry | None, str | None]] = field(default_factory=dict)  # id -> (entry, note)
    refusals: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def import_workbook(file: Path, data: Path, force: bool = False) -> tuple[list[str], int]:
    """Read `file` and write the year's YAML; returns the lines to print and the exit code."""
    values, formulas = _open(file)
    meta, layout = _metadata(values)
    catalog = load_catalog(data)
    record = zone_record(catalog, data, meta["zone"])
    year = int(meta["year"])
    check_year(catalog, record, year)
    target = ANNUAL.path(data, zone=meta["zone"], year=year)
    if target.exists() and not force:
        raise EditorError.say(
            N_("%(target)s exists, not overwritten; add --force to update it (what the sheet leaves empty is kept)"),
            target=target,
        )
    if layout is None:  # a version-1 sheet, or a damaged record: rebuilt from the data
        ws, fs, notes, layout = _rebuilt(values, formulas, meta, catalog, record)
    else:
        ws, fs, notes = _data_sheet(values, formulas, meta)
    texts = sheet_texts(ws, fs)
    layout_lines = verify(ws.title, texts, layout)
    if layout_lines:
        changed = any(texts.get(ref, "") != text for ref, text in layout.fixed.items())
        zh, en = editor_text("layout-refused" if changed else "outside-refused", count=len(layout_lines))
        raise EditorError(zh, en, details=(*notes, *layout_lines))
    indicators = {ind.id: ind for ind in zone_indicators(catalog, meta["zone"])}
    sheet = _read_sheet(ws, fs, meta, layout, indicators)
    old = _existing(target, data) if target.exists() else None
    baseline = record.approved is not None and year == record.approved.year - 1
    if not sheet.refusals and not sheet.entries and not sheet.highlights and sheet.submitted is None:
        zh, en = editor_text("sheet-blank")
        raise EditorError(zh, en, details=tuple(notes))
    ref = f"{ws.title}!{meta['submitted_cell']} "
    unread = any(line.startswith(ref) for line in sheet.refusals)
    if sheet.submitted is None and not baseline and not (old or {}).get("submitted") and not unread:
        zh, en = editor_text("sheet-no-date")
        sheet.refusals.insert(0, f"{ref}{_submitted_label()}: {zh} / {en}")
    if sheet.refusals:
        zh, en = editor_text("cells-refused", count=len(sheet.refusals))
        raise EditorError(zh, en, details=(*notes, *sheet.refusals))
    if target.exists() and old is None:
        notes.append(bilingual("the existing file could not be read; nothing kept from it"))
    text, lines = render_annual(data, target, record.zone.name, list(indicators.values()), sheet, old, baseline)
    write_new(target, text, data=data, overwrite=True)
    check, failing = _check_lines(data, target)
    out = [pbilingual("import-xlsx", "written") + f": {target}", *notes, *sheet.warnings, *lines, *check]
    if failing:
        zh, en = editor_text("import-check-failed", count=failing)
        return [*out, f"{zh} / {en}"], 1
    return out, 0


def _open(file: Path) -> tuple[Any, Any]:
    """Both views of the workbook (cached values, formulas), parsed from one bounded read of the file."""
    if not openpyxl.DEFUSEDXML:  # never parse a workbook's XML with entity expansion
        raise EditorError.say(N_("defusedxml is not installed; cannot read safely"), exit_code=2)
    raw = _read_bounded(file)
    try:
        with zipfile.ZipFile(io.BytesIO(raw)) as archive:
            _check_members(archive)
    except zipfile.BadZipFile as exc:
        zh, en = editor_text("xlsx-not-a-workbook", file=file)
        raise EditorError(zh, en) from exc
    try:
        return load_workbook(io.BytesIO(raw), data_only=True), load_workbook(io.BytesIO(raw))
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, TypeError, AttributeError) as exc:
        zh, en = editor_text("xlsx-not-a-workbook", file=file)
        raise EditorError(zh, en) from exc
    except ValueError as exc:  # defusedxml's refusals (entities, external references) are ValueErrors
        key = "xlsx-unsafe-xml" if type(exc).__module__.startswith("defusedxml") else "xlsx-not-a-workbook"
        zh, en = editor_text(key, file=file)
        raise EditorError(zh, en) from exc
    except SyntaxError as exc:  # ElementTree's ParseError: malformed XML
        zh, en = editor_text("xlsx-not-a-workbook", file=file)
        raise EditorError(zh, en) from exc


def _read_bounded(file: Path) -> bytes:
    """The file's bytes: a regular file, opened without following a link, read at most MAX_FILE + 1 bytes."""
    try:
        fd = os.open(file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError as exc:
        raise EditorError.say(N_("no such file: %(file)s"), exit_code=2, file=file) from exc
    except OSError as exc:
        zh, en = editor_text("xlsx-not-a-workbook", file=file)
        raise EditorError(zh, en, 2) from exc
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            zh, en = editor_text("xlsx-not-a-workbook", file=file)
            raise EditorError(zh, en, 2)
        raw = handle.read(MAX_FILE + 1)
    if len(raw) > MAX_FILE:
        zh, en = editor_text("xlsx-too-large", size=_("over %(size)s", size=_mb(MAX_FILE)), limit=_mb(MAX_FILE))
        raise EditorError(zh, en)
    return raw


def _check_members(archive: zipfile.ZipFile) -> None:
    """Refuse before parsing what would expand too far: zipfile never inflates past a member's declared size."""
    infos = archive.infolist()
    total = sum(info.file_size for info in infos)
    big = max(infos, key=lambda info: info.file_size, default=None)
    if len(infos) > MAX_MEMBERS:
        zh, en = editor_text(
            "xlsx-expands", part=_("%(count)s parts", count=len(infos)), size=len(infos), limit=MAX_MEMBERS
        )
        raise EditorError(zh, en)
    if big is not None and big.file_size > MAX_MEMBER:
        zh, en = editor_text("xlsx-expands", part=big.filename, size=_mb(big.file_size), limit=_mb(MAX_MEMBER))
        raise EditorError(zh, en)
    if total > MAX_TOTAL:
        zh, en = editor_text("xlsx-expands", part=_("all the parts"), size=_mb(total), limit=_mb(MAX_TOTAL))
        raise EditorError(zh, en)


def _submitted_label() -> str:
    return pgettext("import-xlsx: a cell's label", "submission date (submitted)")


def _list_separator() -> str:
    """Between the sheets' names or the metadata's keys in a refusal."""
    return pgettext("editors", ", ")


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


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
    "marker": r"[a-z-]+\|[0-9]+\|[a-z0-9-]+\|[0-9]{4}",
}
_REF = re.compile(r"[A-Z]{1,3}[1-9][0-9]{0,6}")


def _metadata(wb: Any) -> tuple[dict[str, str], Layout | None]:
    """The hidden sheet's keys and the recorded layout, each checked: the workbook is input, never trusted.
    A version-1 sheet has no recorded layout (None): its keys must say what the version-1 export wrote."""
    metas = [s for s in wb.worksheets if str(s["A1"].value) == "format" and str(s["B1"].value) == FORMAT]
    if len(metas) > 1:
        zh, en = editor_text("xlsx-two-metas", sheets=_list_separator().join(f"“{s.title}”" for s in metas))
        raise EditorError(zh, en)
    if not metas:
        zh, en = editor_text("xlsx-no-meta")
        raise EditorError(zh, en)
    meta: dict[str, str] = {}
    fixed: dict[str, str] = {}
    bad: list[str] = []
    for key, value, text in metas[0].iter_rows(max_col=3, values_only=True):
        if key == "cell":
            if not _REF.fullmatch(str(value)):
                bad.append("cell")
            fixed[str(value)] = "" if text is None else str(text)
        elif key is not None:
            meta[str(key)] = "" if value is None else str(value)
    version = meta.get("version", "")
    # exported by a newer checkout: update the program, the typing is kept
    if re.fullmatch(r"[0-9]{1,4}", version) and int(version) > int(VERSION):
        zh, en = editor_text("xlsx-newer-version", version=version)
        raise EditorError(zh, en)
    if version not in (VERSION, V1):
        zh, en = editor_text("xlsx-meta-damaged", keys="version")
        raise EditorError(zh, en)
    old = version == V1
    # no record (version 1) or a damaged one: the record is rebuilt from the data when the keys are intact
    rebuild = old or "cell" in bad or not fixed
    keys = [
        key
        for key, pattern in _META_PATTERNS.items()
        if not (old and key == "marker") and not re.fullmatch(pattern, meta.get(key, ""))
    ]
    if not old and not keys and meta["marker"] != f"{FORMAT}|{VERSION}|{meta['zone']}|{meta['year']}":
        keys.append("marker")
    if rebuild and not keys:
        keys = v1_damaged(meta)  # the positions every version wrote, which the rebuilt record assumes
        if not keys:
            return meta, None
    if keys or bad:
        zh, en = editor_text("xlsx-meta-damaged", keys=_list_separator().join(dict.fromkeys([*bad, *keys])))
        raise EditorError(zh, en)
    return meta, Layout.from_meta(meta, fixed, MARKER_CELL)


def _data_sheet(values: Any, formulas: Any, meta: dict[str, str]) -> tuple[Any, Any, list[str]]:
    """The one sheet that carries the marker (both views), and a note when it was renamed."""
    found = [s.title for s in values.worksheets if str(s[MARKER_CELL].value) == meta["marker"]]
    if not found:
        zh, en = editor_text("xlsx-no-data-sheet", sheet=meta.get("sheet", ""))
        raise EditorError(zh, en)
    if len(found) > 1:
        zh, en = editor_text(
            "xlsx-two-data-sheets", count=len(found), sheets=_list_separator().join(f"“{t}”" for t in found)
        )
        raise EditorError(zh, en)
    title = found[0]
    notes = []
    if title != meta.get("sheet"):
        zh, en = editor_text("xlsx-renamed", title=title, sheet=meta.get("sheet", ""))
        notes.append(f"{zh} / {en}")
    return values[title], formulas[title], notes


def _rebuilt(values: Any, formulas: Any, meta: dict[str, str], catalog: Any, record: Any) -> tuple[Any, ...]:
    """The data sheet (both views), the notes to print and the record rebuilt from the data, for a version-1
    sheet (it has none) or a version-2 sheet whose record is damaged (its data sheet is found by its marker)."""
    year, last = int(meta["year"]), int(meta["last_row"])
    head = v1_head(record.zone.name, year, last)
    if meta["version"] == VERSION:
        ws, fs, renamed = _data_sheet(values, formulas, meta)
        zh, en = editor_text("record-damaged", year=year - 1)
        notes = [f"{zh} / {en}", *renamed]
        return ws, fs, notes, _rebuilt_layout(ws, meta, catalog, record, head, notes)
    # the data sheet is found by what its export wrote (it has no marker): most of its head in place
    found = [
        s.title
        for s in values.worksheets
        if 2 * sum(cell_text(s[ref].value) == text for ref, text in head.items()) >= len(head)
    ]
    if not found and meta["sheet"] in values.sheetnames:
        found = [meta["sheet"]]  # its head was changed: the comparison below says where
    if not found:
        zh, en = editor_text("v1-no-data-sheet", sheet=meta["sheet"])
        raise EditorError(zh, en)
    if len(found) > 1:
        zh, en = editor_text(
            "v1-two-data-sheets", count=len(found), sheets=_list_separator().join(f"“{t}”" for t in found)
        )
        raise EditorError(zh, en)
    ws, fs = values[found[0]], formulas[found[0]]
    zh, en = editor_text("v1-note", year=year - 1)
    notes = [f"{zh} / {en}"]
    if found[0] != meta["sheet"]:
        zh, en = editor_text("v1-renamed", title=found[0], sheet=meta["sheet"])
        notes.append(f"{zh} / {en}")
    return ws, fs, notes, _rebuilt_layout(ws, meta, catalog, record, head, notes)


def _rebuilt_layout(ws: Any, meta: dict[str, str], catalog: Any, record: Any, head: Any, notes: list[str]) -> Layout:
    """What the export wrote, from the data: each row's labels for its hidden id, in the indicator system's order
    (each row for its own id when the zone's indicators changed since), last year's values from its file."""
    year, first, last, id_col = int(meta["year"]), int(meta["first_row"]), int(meta["last_row"]), meta["id_col"]
    indicators = zone_indicators(catalog, meta["zone"])
    by_id = {ind.id: ind for ind in indicators}
    ids = [cell_text(ws[f"{id_col}{row}"].value).strip() for row in range(first, last + 1)]
    intact = all(ids) and len(set(ids)) == len(ids)
    if Counter(ids) == Counter(ind.id for ind in indicators) or (len(indicators) == len(ids) and not intact):
        rows: list[Any] = indicators  # the export's order: a sorted, inserted or deleted row shows
    else:  # the zone's indicators changed since the export: each row is checked against its own hidden id
        rows = [by_id.get(ind_id, ind_id) for ind_id in ids]
        zh, en = editor_text("v1-rows-by-id", rows=len(ids), count=len(indicators))
        notes.append(f"{zh} / {en}")
    categories = {c.id: c.name for c in catalog.categories}
    previous = record.reports.get(year - 1)
    cells: dict[int, list[Any]] = {}
    for row, ind in enumerate(rows, start=first):
        if isinstance(ind, str):  # an id no longer in the system: its labels cannot be checked, only kept
            cells[row] = [ws[f"{col}{row}"].value for col in "ABCDE"] + [ind]
            continue
        reading = previous.readings.get(ind.id) if previous else None
        number = ind.number or OWN_NUMBER
        cells[row] = [number, categories.get(ind.category, ""), ind.name, unit_label(ind), _shown(reading), ind.id]
    return v1_layout(meta, head, cells, MARKER_CELL if meta["version"] == VERSION else "")


def _read_sheet(ws: Any, fs: Any, meta: dict[str, str], layout: Layout, indicators: dict[str, Any]) -> Sheet:
    reader = _Reader(ws, fs, meta, layout, Sheet(meta["zone"], int(meta["year"])))
    reader.head()
    for row in range(layout.first_row, layout.last_row + 1):
        reader.row(row, indicators)
    return reader.sheet


@dataclass
class _Reader:
    ws: Any  # the values Excel computed
    fs: Any  # the same sheet with formulas, to tell an uncomputed formula from an empty cell
    meta: dict[str, str]
    layout: Layout
    sheet: Sheet

    def cell(self, ref: str) -> Any:
        if self.fs[ref].data_type == "f" and self.ws[ref].value is None:
            raise CellRefusal(*editor_text("formula-no-value"))
        return self.ws[ref].value

    def formula(self, ref: str) -> bool:
        return bool(self.fs[ref].data_type == "f")

    def refuse(self, ref: str, label: str, zh: str, en: str) -> None:
        self.sheet.refusals.append(f"{self.ws.title}!{ref} {label}: {zh} / {en}")

    def text(self, ref: str, label: str) -> str | None:
        try:
            return read_text(self.cell(ref))
        except CellRefusal as exc:
            self.refuse(ref, label, exc.zh, exc.en)
            return None

    def head(self) -> None:
        ref = self.meta["submitted_cell"]
        try:
            self.sheet.submitted = read_date(self.cell(ref))
        except CellRefusal as exc:
            self.refuse(ref, _submitted_label(), exc.zh, exc.en)
        first, last = self.meta["highlight_cells"].split(":")
        column = re.sub(r"[0-9]", "", first)
        for i, row in enumerate(range(int(first[len(column) :]), int(last[len(column) :]) + 1)):
            text = self.text(
                f"{column}{row}", pgettext("import-xlsx: a cell's label", "highlight %(n)s (highlights)", n=i + 1)
            )
            if i == 0 and text == DELETE_WORD:
                self.sheet.clear_highlights = True
                continue
            # one highlight per line: the export puts a sixth and later highlight on new lines of the last cell
            self.sheet.highlights += [line.strip() for line in (text or "").splitlines() if line.strip()]

    def row(self, row: int, indicators: dict[str, Any]) -> None:
        value_ref, note_ref = f"{self.meta['value_col']}{row}", f"{self.meta['note_col']}{row}"
        ind_id = self.layout.fixed.get(f"{self.meta['id_col']}{row}", "")
        ind = indicators.get(ind_id)
        name = self.layout.fixed.get(f"C{row}", "")
        if ind is None:
            if self.ws[value_ref].value is not None or self.ws[note_ref].value is not None:
                self.refuse(value_ref, name, *editor_text("unknown-indicator-row", row=row, name=name, id=ind_id))
            return
        label = pgettext("editors", "%(name)s (%(what)s)", name=ind.name, what=ind.id)
        note = self.text(note_ref, label)
        try:
            entry = read_value(self.cell(value_ref), self.ws[value_ref].number_format, ind, self.formula(value_ref))
        except CellRefusal as exc:
            self.refuse(value_ref, label, exc.zh, exc.en)
            return
        if entry is None and note and note != DELETE_WORD:
            self.refuse(note_ref, label, *editor_text("note-without-value"))
        elif entry is not None or note == DELETE_WORD:
            self.sheet.entries[ind.id] = (entry, note)
        if entry is not None:
            self._warn(value_ref, label, entry, ind)

    def _warn(self, ref: str, label: str, entry: Entry, ind: Any) -> None:
        where = f"{self.ws.title}!{ref}"
        number_format = self.ws[ref].number_format or "General"
        if entry.raw is not None:
            zh, en = editor_text(
                "stored-as-shown", ref=where, label=label, raw=entry.raw, format=number_format, stored=entry.value
            )
            self.sheet.warnings.append(f"{zh} / {en}")
        shape = number_shape(number_format)
        if KINDS[ind.kind].percent and entry.number is not None and 0 < entry.number < 1 and not shape.percent:
            value = plain(entry.number)
            zh, en = editor_text(
                "fraction-percent", ref=where, label=label, value=value, percent=plain(entry.number * 100)
            )
            self.sheet.warnings.append(f"{zh} / {en}")


def _existing(target: Path, data: Path) -> dict[str, Any] | None:
    """The current file's data as written (every scalar a text), or None when it cannot be read (or is a
    link: it is never followed)."""
    doc = load_document(target, str(target), data)
    return doc.data if doc.ok and isinstance(doc.data, dict) else None


def _check_lines(data: Path, target: Path) -> tuple[list[str], int]:
    """What `check` says about the written file (late report, unusual jumps, missing indicators …), and how
    many of its problems fail `check --strict` (errors and warnings; notices never fail it)."""
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    _catalog, log = validate_data(load_data(data))
    mine = [p for p in log.sorted() if p.path.endswith(target.relative_to(data).as_posix())]
    failing = sum(1 for p in mine if p.severity >= Severity.WARNING)
    if not mine:
        return [bilingual("check: clean")], failing
    lines = [pbilingual("import-xlsx", "check") + ":", *(f"  {p.format_text()}" for p in mine)]
    return lines, failing
