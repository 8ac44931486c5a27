"""Verify a filled-in sheet against what export-template wrote, and say what moved where.

The export records every cell it wrote outside the fill-in cells (see `excel_export._meta`). Sheet
protection has no password, so an editor can swap columns, sort or move rows, insert or delete rows and
type anywhere; none of that may put a value on another indicator or year, or lose what was typed. This
module compares the sheet with the record and returns one line per difference, in words an editor can act
on: a column that moved, a row that moved, rows shifted by an insertion or deletion, a changed label, a
changed last-year value, and anything typed outside the fill-in cells.

A version-1 sheet (handed out before the record existed) carries no record and no marker. Its record is
rebuilt (`v1_layout`): the version-1 exporter wrote the same cells as today's, so what it wrote follows from
the metadata's zone, year and rows, the indicator system (each row's name and unit for its hidden id) and the
data (last year's values). The same comparison then applies; the messages say "should be" instead of "was
when exported", since the rebuilt record is today's data. A version-2 sheet whose record is damaged is
verified the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from openpyxl.utils import column_index_from_string, get_column_letter
from openpyxl.utils.cell import coordinate_from_string

from generator.data.messages import editor_text
from generator.data.vocabulary import (
    HIGHLIGHT_LABEL,
    HIGHLIGHTS_HEADING,
    SHEET_INSTRUCTIONS,
    SHEET_LABELS,
    SHEET_TITLE,
    SUBMITTED_HINT,
)
from generator.editors.excel_export import (
    FIRST_ROW,
    HEADER_ROW,
    HIGHLIGHTS,
    ID_COL,
    NOTE_COL,
    SUBMITTED,
    VALUE_COL,
    cell_text,
    fill_in_cells,
    headers,
)
from generator.i18n import _, pgettext

MAX_LINES = 12
SHIFT_BLOCK = 3  # this many consecutive rows moved the same way: rows were inserted or deleted


@dataclass(frozen=True)
class Layout:
    """What the export wrote: fixed cells (ref -> text), the cells an editor may fill, where things are."""

    fixed: dict[str, str]
    fill_in: set[str]
    marker_cell: str
    first_row: int
    last_row: int
    highlight_first: str
    highlight_last: str
    year: int
    rebuilt: bool = False  # no usable record (version 1, or a damaged one): `fixed` is rebuilt from today's data

    @classmethod
    def from_meta(
        cls, meta: dict[str, str], fixed: dict[str, str], marker_cell: str, *, rebuilt: bool = False
    ) -> Layout:
        """The layout the metadata sheet describes (rows, highlight cells, year), with the fixed cells given."""
        first, last = int(meta["first_row"]), int(meta["last_row"])
        h_first, h_last = meta["highlight_cells"].split(":")
        return cls(
            fixed=fixed,
            fill_in=fill_in_cells(first, last, meta["highlight_cells"]),
            marker_cell=marker_cell,
            first_row=first,
            last_row=last,
            highlight_first=h_first,
            highlight_last=h_last,
            year=int(meta["year"]),
            rebuilt=rebuilt,
        )


def sheet_texts(ws: Any, fs: Any) -> dict[str, str]:
    """Every non-empty cell of the sheet as text: a formula as written (`=…`), otherwise the value."""
    texts: dict[str, str] = {}
    for sheet in (fs, ws):  # the formula wins where a cell holds one
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None or cell.coordinate in texts:
                    continue
                text = cell_text(cell.value)
                if text.strip():
                    texts[cell.coordinate] = text
    return texts


def verify(title: str, texts: dict[str, str], layout: Layout) -> list[str]:
    """The differences between the sheet and the record, each as `sheet!ref: zh / en`; [] when it matches."""
    wrong = [ref for ref, text in layout.fixed.items() if texts.get(ref, "") != text]
    if wrong:
        return _cap(_moves(title, texts, layout, wrong))
    lines = []
    for ref in sorted(texts, key=_order):
        if ref in layout.fixed or ref in layout.fill_in or ref == layout.marker_cell:
            continue
        lines.append(_outside(title, ref, texts[ref], layout))
    return _cap(lines)


def _outside(title: str, ref: str, text: str, layout: Layout) -> str:
    col, row = _split(ref)
    h_col, h_first = _split(layout.highlight_first)
    _, h_last = _split(layout.highlight_last)
    shown = _short(text)
    if row >= h_first - 1 and (col == h_col or row <= h_last):
        zh, en = editor_text(
            "outside-highlights",
            first=layout.highlight_first,
            last=layout.highlight_last,
            count=h_last - h_first + 1,
            text=shown,
        )
    else:
        zh, en = editor_text("outside-fill-in", text=shown)
    return f"{title}!{ref}: {zh} / {en}"


def _moves(title: str, texts: dict[str, str], layout: Layout, wrong: list[str]) -> list[str]:
    """Explain each wrong cell by where its recorded text is now (nearest misplaced copy), grouped."""
    where: dict[str, list[str]] = {}
    for ref, text in texts.items():
        if layout.fixed.get(ref) != text:
            where.setdefault(text, []).append(ref)
    moved: dict[str, tuple[int, int]] = {}
    for ref in wrong:
        found = _nearest(ref, where.get(layout.fixed[ref], []))
        if found is not None:
            moved[ref] = found
    lines: list[str] = []
    explained: set[str] = set()
    lines += _columns(title, layout, moved, explained)
    lines += _rows(title, layout, moved, explained)
    for ref in sorted(wrong, key=_order):
        if ref in explained:
            continue
        now = texts.get(ref, "")
        col, _row = _split(ref)
        if col == "E" and layout.first_row <= _row <= layout.last_row:
            zh, en = editor_text(
                "v1-last-year" if layout.rebuilt else "layout-last-year",
                was=_short(layout.fixed[ref]),
                now=_short(now),
                year=layout.year - 1,
            )
        else:
            zh, en = editor_text(
                "v1-changed" if layout.rebuilt else "layout-changed",
                was=_short(layout.fixed[ref]),
                now=pgettext("editors: a cell's text now", "“%(text)s”", text=_short(now))
                if now
                else pgettext("editors: a cell's text now", "empty"),
                now_en=repr(_short(now)) if now else "empty",
                now_quoted=f'"{_short(now)}"' if now else "empty",
            )
        lines.append(f"{title}!{ref}: {zh} / {en}")
    return lines


def _columns(title: str, layout: Layout, moved: dict[str, tuple[int, int]], explained: set[str]) -> list[str]:
    lines = []
    by_column: dict[tuple[str, int], list[str]] = {}
    for ref, (dr, dc) in moved.items():
        if dr == 0 and dc != 0:
            by_column.setdefault((_split(ref)[0], dc), []).append(ref)
    for (col, dc), refs in sorted(by_column.items(), key=lambda item: column_index_from_string(item[0][0])):
        header = layout.fixed.get(f"{col}{HEADER_ROW}", "")
        if not header or f"{col}{HEADER_ROW}" not in refs:
            continue  # a cell that moved sideways on its own is reported as changed
        now = get_column_letter(column_index_from_string(col) + dc)
        zh, en = editor_text("layout-column-moved", header=header, was=col, now=now)
        lines.append(f"{title}!{col}{HEADER_ROW}: {zh} / {en}")
        explained.update(refs)
    return lines


def _rows(title: str, layout: Layout, moved: dict[str, tuple[int, int]], explained: set[str]) -> list[str]:
    by_row: dict[int, int] = {}
    for ref, (dr, dc) in sorted(moved.items(), key=lambda item: _order(item[0])):
        if dc == 0 and dr != 0 and ref not in explained:
            by_row.setdefault(_split(ref)[1], dr)
    recorded = sorted({_split(ref)[1] for ref in layout.fixed})
    lines = []
    rows = sorted(by_row)
    i = 0
    while i < len(rows):
        j = i
        while (
            j + 1 < len(rows) and by_row[rows[j + 1]] == by_row[rows[i]] and _adjacent(recorded, rows[j], rows[j + 1])
        ):
            j += 1
        first, last, dr = rows[i], rows[j], by_row[rows[i]]
        if j - i + 1 >= SHIFT_BLOCK:
            if dr > 0:
                zh, en = editor_text("layout-rows-inserted", first=first, last=last, count=dr)
            else:
                gone = f"{first + dr}" if dr == -1 else f"{first + dr}—{first - 1}"
                zh, en = editor_text("layout-rows-deleted", gone=gone, first=first, last=last, count=-dr)
                # the deleted rows' own cells are gone: that is what the message says
                explained.update(ref for ref in layout.fixed if first + dr <= _split(ref)[1] < first)
            lines.append(f"{title}!A{first if dr > 0 else first + dr}: {zh} / {en}")
        else:
            for row in range(first, last + 1):
                if row in by_row:
                    zh, en = editor_text("layout-row-moved", was=row, now=row + dr, what=_what(layout, row))
                    lines.append(f"{title}!A{row}: {zh} / {en}")
        # every other difference in these rows follows from the move (a repeated label found in place)
        explained.update(ref for ref in layout.fixed if first <= _split(ref)[1] <= last)
        i = j + 1
    return lines


# --- version 1 ----------------------------------------------------------------------------------------------

V1 = "1"
# What the version-1 exporter wrote where (tests/excel_export_v1.py is that exporter, frozen: its clean sheet
# must import, which keeps these positions and texts honest).
V1_GEOMETRY = {"first_row": str(FIRST_ROW), "value_col": VALUE_COL, "note_col": NOTE_COL, "id_col": ID_COL}
V1_GEOMETRY |= {"submitted_cell": SUBMITTED}
V1_ROW_COLUMNS = "ABCDE" + ID_COL  # 序号, 一级指标, 指标名称, 单位, 上年数值, the hidden id


def v1_damaged(meta: dict[str, str]) -> list[str]:
    """The version-1 metadata keys that do not say what the version-1 exporter wrote (positions are fixed)."""
    bad = [key for key, value in V1_GEOMETRY.items() if meta.get(key) != value]
    last = int(meta["last_row"]) if meta.get("last_row", "").isdigit() else 0
    if last < FIRST_ROW:
        bad.append("last_row")
    elif meta.get("highlight_cells") != f"B{last + 3}:B{last + HIGHLIGHTS + 2}":
        bad += ["last_row", "highlight_cells"]  # they disagree: which one changed cannot be told
    return bad


def v1_head(zone_name: str, year: int, last_row: int) -> dict[str, str]:
    """The cells a version-1 export wrote that do not depend on the indicator rows."""
    zone_label, year_label, submitted_label, instructions_label = SHEET_LABELS
    head = {
        "A1": SHEET_TITLE.format(zone=zone_name, year=year),
        "A2": zone_label,
        "B2": zone_name,
        "A3": year_label,
        "B3": str(year),
        "A4": submitted_label,
        "C4": SUBMITTED_HINT,
        "A5": instructions_label,
        "B5": SHEET_INSTRUCTIONS,
        f"A{last_row + 2}": HIGHLIGHTS_HEADING,
    }
    head |= {f"{get_column_letter(col)}{HEADER_ROW}": text for col, text in enumerate(headers(year), start=1)}
    head |= {f"A{last_row + 3 + i}": HIGHLIGHT_LABEL.format(n=i + 1) for i in range(HIGHLIGHTS)}
    return head


def v1_layout(meta: dict[str, str], head: dict[str, str], rows: dict[int, list[Any]], marker_cell: str) -> Layout:
    """The record a version-2 export keeps, rebuilt (a version-1 sheet, or a version-2 one whose record is
    damaged): `rows` maps each indicator row to the values its export wrote in V1_ROW_COLUMNS (compared as
    `cell_text` shows them); `marker_cell` is "" for version 1 (anything in H1 was typed there)."""
    fixed = dict(head)
    for row, values in rows.items():
        fixed |= {f"{col}{row}": cell_text(value) for col, value in zip(V1_ROW_COLUMNS, values, strict=True)}
    return Layout.from_meta(meta, {ref: text for ref, text in fixed.items() if text.strip()}, marker_cell, rebuilt=True)


def _adjacent(recorded: list[int], a: int, b: int) -> bool:
    """No recorded row lies between rows a and b (an empty spacer row does not split a block)."""
    return not any(a < row < b for row in recorded)


def _what(layout: Layout, row: int) -> str:
    name = layout.fixed.get(f"C{row}")
    if name and layout.first_row <= row <= layout.last_row:
        return _("indicator “%(name)s”", name=name)
    texts = [layout.fixed[ref] for ref in sorted(layout.fixed, key=_order) if _split(ref)[1] == row]
    return f"“{_short(texts[0])}”" if texts else _("an empty row")


def _nearest(ref: str, candidates: Iterable[str]) -> tuple[int, int] | None:
    """The offset to the closest candidate, preferring the same column, then the same row."""
    col, row = _split(ref)
    c = column_index_from_string(col)
    best: tuple[tuple[int, int], tuple[int, int]] | None = None
    for other in candidates:
        ocol, orow = _split(other)
        dr, dc = orow - row, column_index_from_string(ocol) - c
        key = (0 if dc == 0 else 1 if dr == 0 else 2, abs(dr) + abs(dc))
        if best is None or key < best[0]:
            best = (key, (dr, dc))
    return best[1] if best else None


def _split(ref: str) -> tuple[str, int]:
    col, row = coordinate_from_string(ref)
    return col, row


def _order(ref: str) -> tuple[int, int]:
    col, row = _split(ref)
    return row, column_index_from_string(col)


def _short(text: str, limit: int = 30) -> str:
    one = " ".join(text.split())
    return one if len(one) <= limit else one[: limit - 1] + "…"


def _cap(lines: list[str]) -> list[str]:
    if len(lines) <= MAX_LINES:
        return lines
    zh, en = editor_text("layout-more", count=len(lines) - MAX_LINES)
    return [*lines[:MAX_LINES], f"{zh} / {en}"]
