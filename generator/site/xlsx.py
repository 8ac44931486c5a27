"""The Excel workbook of the open data, byte-for-byte the same on every build.

- Numbers: a reading becomes a numeric cell only when Excel holds it exactly: at most 15 significant
  digits (Excel's precision) and the text openpyxl writes for it (`%.16g` of the float) reads back as the
  same Decimal. Otherwise it stays a text cell with the digits as written. The number format shows as many
  decimals as the data has, so 1.10 shows as 1.10.
- Text is always a text cell (data type `s`, an inline string), with Excel's quote prefix when it starts
  with = + - @: openpyxl would otherwise store "=…" as a formula.
- Determinism: openpyxl's `save` stamps the document properties with the clock, and zip entries carry
  the current time; the properties are set to the data's as-of date, the workbook is written with
  openpyxl's writer directly (no clock), and the zip is rewritten with fixed timestamps and order.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import unicodedata
import zipfile
from decimal import Decimal
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from openpyxl.writer.excel import ExcelWriter

from generator.i18n import _, pgettext
from generator.site.download_columns import Column
from generator.site.download_data import Row

Sheet = tuple[str, tuple[Column, ...], list[Row]]  # sheet name, columns, rows

_FORMULA_START = ("=", "+", "-", "@")
_MAX_WIDTH = 60


def make_workbook(title: str, as_of: dt.date, notes: list[tuple[str, str]], sheets: list[Sheet]) -> bytes:
    """A workbook with a notes sheet first, then one sheet per table."""
    wb = Workbook()
    first = wb.active
    assert isinstance(first, Worksheet)
    _notes_sheet(first, notes)
    for name, columns, rows in sheets:
        _table_sheet(wb.create_sheet(name), columns, rows)
    stamp = dt.datetime.combine(as_of, dt.time())
    props = wb.properties
    props.created = props.modified = stamp
    props.creator = props.lastModifiedBy = title
    props.title = title
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    return _normalise_zip(buffer.getvalue(), stamp)


def exact_in_excel(number: Decimal) -> bool:
    """Whether a numeric cell holds exactly this number (see the module's docstring)."""
    if not number.is_finite() or len(number.as_tuple().digits) > 15:
        return False
    return Decimal("%.16g" % number) == number  # noqa: UP031 (printf: the shortest round trip of a float)


def _number_format(number: Decimal) -> str:
    exponent = number.as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "0." + "0" * places if places else "0"


def _put(ws: Worksheet, row: int, col: int, value: Any, number: Decimal | None = None) -> None:
    cell = ws.cell(row=row, column=col)
    if number is not None and exact_in_excel(number):
        cell.value = number
        cell.number_format = _number_format(number)
    elif isinstance(value, bool):
        cell.value = _("yes") if value else _("no")
    elif value is None or value == "":
        cell.value = None
    elif isinstance(value, int):
        cell.value = value
    else:
        text = str(value)
        cell.value = text
        cell.data_type = "s"  # never a formula, whatever the text starts with
        if text.startswith(_FORMULA_START):
            cell.quotePrefix = True


def _header(ws: Worksheet, titles: list[str]) -> None:
    for col, title in enumerate(titles, start=1):
        cell = ws.cell(row=1, column=col, value=title)
        cell.font = Font(bold=True)
    ws.freeze_panes = "A2"


def _table_sheet(ws: Worksheet, columns: tuple[Column, ...], rows: list[Row]) -> None:
    _header(ws, [c.title for c in columns])
    widths = [_width(c.title) for c in columns]
    for r, row in enumerate(rows, start=2):
        for c, column in enumerate(columns, start=1):
            value = row.cells[column.name]
            _put(ws, r, c, value, row.number if column.name == "value" else None)
            widths[c - 1] = max(widths[c - 1], _width(value))
    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = min(width + 2, _MAX_WIDTH)
    ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(rows) + 1)}"


def _notes_sheet(ws: Worksheet, notes: list[tuple[str, str]]) -> None:
    ws.title = notes_sheet()
    _header(
        ws,
        [pgettext("open data workbook notes: column", "Item"), pgettext("open data workbook notes: column", "Content")],
    )
    for r, (key, text) in enumerate(notes, start=2):
        _put(ws, r, 1, key)
        _put(ws, r, 2, text)
        ws.cell(row=r, column=2).alignment = Alignment(wrap_text=True, vertical="top")
    ws.column_dimensions["A"].width = 16
    ws.column_dimensions["B"].width = 100


def notes_sheet() -> str:
    """The name of the workbook's first sheet (the open-data page names it too)."""
    return pgettext("open data workbook sheet", "Notes")


def _width(value: Any) -> int:
    """Display width of a cell's text: CJK characters count twice."""
    if value is None:
        return 0
    return _text_width(str(value).split("\n")[0])


@functools.lru_cache(maxsize=65536)
def _text_width(text: str) -> int:  # zone and indicator names repeat on every row: measured once each
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _normalise_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """The same entries, in a fixed order ([Content_Types].xml first), each with the as-of time."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    names = sorted(entries, key=lambda name: (name != "[Content_Types].xml", name))
    out = io.BytesIO()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in names:
            info = zipfile.ZipInfo(name, date_time=when)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, entries[name], compresslevel=6)
    return out.getvalue()
