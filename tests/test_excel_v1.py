"""Issue 11, the Excel route: a version-1 sheet (handed out before the template became version 2) imports when,
and only when, its layout can be verified from what it carries; otherwise it is refused saying what moved,
never with "export a new sheet".

The sheets are written by the version-1 exporter itself (tests/excel_export_v1.py, frozen from 8a0fd19).
"""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from excel_export_v1 import VERSION as V1
from excel_export_v1 import export_template as export_v1_template
from test_excel import REPORT, export, fill, run, written_values
from test_excel_intact import cache

from conftest import run_check

OLD_REFUSAL = "无法核对表格布局"  # the refusal every version-1 sheet got


def export_v1(tmp: Path, name: str = "v1.xlsx") -> Path:
    path = tmp / name
    export_v1_template(Path("data"), "demo-zone", 2023, path)
    return path


def fresh_v1(tmp_path: Path) -> Path:
    """A version-1 sheet for a year that has no file yet, with the date and a value filled in."""
    REPORT.unlink()
    sheet = export_v1(tmp_path)
    fill(sheet, {"B4": "2024-01-20", "F8": "12.5"})
    return sheet


def refused(sheet: Path) -> list[str]:
    """The import's refusal: exits 1, writes nothing, never sends the editor to export a new sheet."""
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists(), (out, err)
    assert "请重新导出" not in err and OLD_REFUSAL not in err and "导出新表" not in err, err
    return err.splitlines()


def test_the_frozen_exporter_writes_version_1(data_copy: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export_v1(tmp_path))
    meta = {row[0]: row[1] for row in wb["元数据"].iter_rows(max_col=2, values_only=True)}
    assert V1 == meta["version"] == "1" and "marker" not in meta and wb["填报"]["H1"].value is None


ENTRIES = {
    "B4": "2024-01-20",
    "F8": "=8720000/35796",  # a formula: stored as its "0.0" format shows it, with a warning
    "F9": "3.6",
    "G9": "按常住人口计算。",
    "F10": "3 家",
    "F11": 0.0205,  # a percentage typed as a fraction: a warning
    "F12": "出台配套政策。",
    "B17": "启动建设。",
}


def test_a_clean_v1_sheet_imports_like_the_same_entries_in_a_v2_sheet(data_copy: Path, tmp_path: Path) -> None:
    REPORT.unlink()
    results = {}
    for version, sheet in (("2", export(tmp_path, "v2.xlsx")), ("1", export_v1(tmp_path))):
        fill(sheet, ENTRIES, {"F8": "0.0"})
        cache(sheet, {"F8": 8720000 / 35796})
        code, out, err = run("import-xlsx", str(sheet), "--data", "data")
        results[version] = code, out.splitlines(), err, REPORT.read_text(encoding="utf-8")
        REPORT.unlink()
    code, out, err, text = results["1"]
    assert (code, err, text) == results["2"][:1] + results["2"][2:]
    notes = [line for line in out if line not in results["2"][1]]
    assert [line for line in out if line not in notes] == results["2"][1]
    assert len(notes) == 1 and "旧版填报表（版本 1）" in notes[0], notes
    assert any("填报!F8" in line and "记为 243.6" in line for line in out)  # the same warnings
    assert any("填报!F11" in line and "2.05%" in line for line in out)


def test_a_clean_v1_sheet_round_trips_with_force(data_copy: Path, tmp_path: Path) -> None:
    """A sheet exported when the year's file exists carries its values; imported unchanged, nothing changes."""
    before = written_values()
    code, out, err = run("import-xlsx", str(export_v1(tmp_path)), "--data", "data", "--force")
    assert code == 0 and "没有变更 / no changes" in out, (out, err)
    assert written_values() == before
    assert run_check(Path("data"), "--strict") == (0, [])


# --- what moved is named, as for a version-2 sheet ----------------------------------------------------------


def test_swapped_year_columns_in_a_v1_sheet_are_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh_v1(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for row in range(7, 14):
        ws[f"E{row}"].value, ws[f"F{row}"].value = ws[f"F{row}"].value, ws[f"E{row}"].value
    wb.save(sheet)
    err = refused(sheet)
    assert any("填报!F7:" in ln and "本年数值（2023）" in ln and "F 列" in ln and "E 列" in ln for ln in err), err
    assert any("填报!E7:" in ln and "上年数值（2022）" in ln for ln in err), err


def test_rows_swapped_in_the_visible_columns_of_a_v1_sheet_are_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh_v1(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for col in "ABCDEFG":  # the hidden id column H stays behind
        ws[f"{col}8"].value, ws[f"{col}9"].value = ws[f"{col}9"].value, ws[f"{col}8"].value
    wb.save(sheet)
    err = refused(sheet)
    assert any("填报!A8" in ln and "技术合同成交额" in ln and "第 9 行" in ln for ln in err), err
    assert any("填报!A9" in ln and "第 8 行" in ln for ln in err), err


def test_whole_rows_sorted_in_a_v1_sheet_are_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh_v1(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for col in "ABCDEFGH":  # the hidden ids move with their rows: the values stay right, the order does not
        ws[f"{col}8"].value, ws[f"{col}9"].value = ws[f"{col}9"].value, ws[f"{col}8"].value
    wb.save(sheet)
    err = refused(sheet)
    assert any("填报!A8" in ln and "第 9 行" in ln for ln in err), err


@pytest.mark.parametrize(
    ("ref", "typed", "expected"),
    [
        ("C9", "每万人专利拥有量", "每万人发明专利拥有量"),  # a renamed indicator label
        ("D10", "个", "家"),  # a changed unit
        ("B2", "另一个示范区", "演示示范区"),  # the zone's name: the sheet belongs to another zone?
        ("B3", 2024, "2023"),  # the year
    ],
)
def test_a_changed_label_in_a_v1_sheet_is_refused_naming_the_cell(
    data_copy: Path, tmp_path: Path, ref: str, typed: object, expected: str
) -> None:
    sheet = fresh_v1(tmp_path)
    fill(sheet, {ref: typed})
    err = refused(sheet)
    line = next(ln for ln in err if f"填报!{ref}:" in ln)
    assert f"“{expected}”" in line and str(typed) in line, line


def test_last_years_column_of_a_v1_sheet_is_compared_with_the_data_file(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh_v1(tmp_path)
    fill(sheet, {"E9": "3.4"})  # a correction typed into last year's column
    err = refused(sheet)
    line = next(ln for ln in err if "填报!E9:" in ln)
    assert "3.2" in line and "3.4" in line and "annual/2022.yaml" in line, line


@pytest.mark.parametrize(("ref", "typed"), [("I8", "数据待核实"), ("A25", "备注：以上数据为初步统计。"), ("H1", "x")])
def test_typing_outside_the_fill_in_cells_of_a_v1_sheet_is_refused(
    data_copy: Path, tmp_path: Path, ref: str, typed: str
) -> None:
    sheet = fresh_v1(tmp_path)
    fill(sheet, {ref: typed})
    err = refused(sheet)
    assert any(f"填报!{ref}:" in ln and typed[:2] in ln for ln in err), err


def test_a_renamed_v1_sheet_imports_with_a_note_and_a_copied_one_is_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh_v1(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    wb["填报"].title = "南宁"
    wb.save(sheet)
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")  # 1: the partly blank file fails the check
    assert "“南宁”" in out and "“填报”" in out, (out, err)
    assert written_values()["values"]["contract_value"] == "12.5"
    REPORT.unlink()
    wb = openpyxl.load_workbook(sheet)
    copy = wb.copy_worksheet(wb["南宁"])
    copy.title = "南宁 (2)"
    wb.save(sheet)
    err_lines = refused(sheet)
    assert any("“南宁”" in ln and "“南宁 (2)”" in ln for ln in err_lines), err_lines


def test_a_v1_sheet_whose_indicators_changed_since_the_export_is_verified_row_by_row(
    data_copy: Path, tmp_path: Path
) -> None:
    """An indicator added to the zone after the export: every row of the sheet is still checked by its hidden id;
    the new indicator is simply not in the sheet (not reported), as with a version-2 sheet."""
    sheet = fresh_v1(tmp_path)
    own = Path("data/zones/demo-zone/indicators.yaml")
    own.write_text(
        own.read_text(encoding="utf-8")
        + "  - id: demo_events\n    category: trade\n    name: 演示活动数\n    name_en: Demo events\n"
        + "    unit: 场\n    kind: count\n    summable: false\n",
        encoding="utf-8",
    )
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert written_values()["values"]["contract_value"] == "12.5", (out, err)
    assert "demo_events" not in written_values()["values"]
    fill(sheet, {"C9": "每万人专利拥有量"})  # … and a changed label is still refused
    REPORT.unlink()
    err_lines = refused(sheet)
    assert any("填报!C9:" in ln and "每万人发明专利拥有量" in ln for ln in err_lines), err_lines


# --- siblings: a version this program cannot read is named as such, not as an old sheet ---------------------


def test_a_newer_sheet_asks_for_an_updated_program_not_a_new_sheet(data_copy: Path, tmp_path: Path) -> None:
    sheet = export(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    wb["元数据"]["B2"] = "3"  # exported by a newer checkout of the repository
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--force", "--data", "data")
    assert code == 1, err
    assert "版本 3" in err and "更新" in err and "版本 1 和 2" in err, err
    assert "旧版" not in err and "导出新表" not in err, err


@pytest.mark.parametrize("version", [None, "x", "0"])
def test_a_damaged_version_is_named_as_damaged(data_copy: Path, tmp_path: Path, version: str | None) -> None:
    sheet = export(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    wb["元数据"]["B2"] = version
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--force", "--data", "data")
    assert code == 1 and "已损坏（version）" in err and "旧版" not in err, err


# --- siblings: a version-2 sheet whose record of the export is damaged is verified like a version-1 one ---------


def damage_record(sheet: Path) -> None:
    """Garble the hidden metadata's record of the exported cells (its keys stay intact)."""
    wb = openpyxl.load_workbook(sheet)
    meta = wb["元数据"]
    rows = [row for row in range(1, meta.max_row + 1) if meta.cell(row, 1).value == "cell"]
    assert len(rows) > 40
    meta.cell(rows[3], 2).value = "第七行"  # no cell reference
    for row in rows[10:]:
        meta.cell(row, 1).value = meta.cell(row, 2).value = meta.cell(row, 3).value = None
    wb.save(sheet)


def test_a_v2_sheet_with_a_damaged_record_is_verified_against_the_data(data_copy: Path, tmp_path: Path) -> None:
    REPORT.unlink()
    sheet = export(tmp_path)
    fill(sheet, {"B4": "2024-01-20", "F8": "12.5"})
    damage_record(sheet)
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")  # 1: the partly blank file fails the check
    assert written_values()["values"] == {"contract_value": "12.5"}, (out, err)
    assert any("导出记录已损坏" in line for line in out.splitlines()), out
    REPORT.unlink()
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for col in "ABCDEFG":  # … and what moved is still named
        ws[f"{col}8"].value, ws[f"{col}9"].value = ws[f"{col}9"].value, ws[f"{col}8"].value
    wb.save(sheet)
    lines = refused(sheet)
    assert any("填报!A8" in ln and "技术合同成交额" in ln and "第 9 行" in ln for ln in lines), lines


# --- what cannot be checked as for version 2, and what is checked instead -----------------------------------


def test_last_years_file_corrected_after_a_v1_export_asks_for_the_files_value(data_copy: Path, tmp_path: Path) -> None:
    """Version 1 kept no copy of what it exported: last year's column is compared with last year's file, and a
    correction made there since asks the editor to write the corrected value (nothing else is retyped)."""
    sheet = fresh_v1(tmp_path)
    last_year = Path("data/zones/demo-zone/annual/2022.yaml")
    last_year.write_text(last_year.read_text(encoding="utf-8").replace("agencies: 2", "agencies: 4"), "utf-8")
    err = refused(sheet)
    line = next(ln for ln in err if "填报!E10:" in ln)
    assert "应为“4”" in line and "现在为“2”" in line and "annual/2022.yaml" in line, line
    fill(sheet, {"E10": 4})
    code, out, err_text = run("import-xlsx", str(sheet), "--data", "data")
    assert written_values()["values"] == {"contract_value": "12.5"}, (code, out, err_text)


@pytest.mark.parametrize(("key", "row", "value"), [("value_col", 9, "E"), ("last_row", 8, "12"), ("zone", 3, "")])
def test_a_v1_metadata_sheet_that_does_not_say_what_v1_wrote_is_damaged(
    data_copy: Path, tmp_path: Path, key: str, row: int, value: str
) -> None:
    sheet = fresh_v1(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    assert wb["元数据"].cell(row, 1).value == key
    wb["元数据"].cell(row, 2).value = value
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists() and f"已损坏（{key}" in err, err
