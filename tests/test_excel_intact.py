"""Issue 11, the Excel route: every number an editor typed (or a formula computed) arrives as shown, on the
indicator and year it was typed for, or the import refuses and says which cell to change.

Formula cells are written as Excel and WPS save them: the formula and its cached value in the sheet's XML
(openpyxl alone writes formulas without a value).
"""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from test_excel import REPORT, _indicator, export, fill, run, written_values

from conftest import run_check
from generator.editors.cell_values import CellRefusal, read_value
from generator.site.common import fmt_number


def cache(path: Path, values: dict[str, Any], sheet: str = "xl/worksheets/sheet1.xml") -> None:
    """Give formula cells the value Excel would have computed and saved beside the formula."""
    raw = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == sheet:
                text = content.decode("utf-8")
                for ref, value in values.items():
                    kind = ' t="str"' if isinstance(value, str) else ""
                    shown = value if isinstance(value, str) else repr(float(value))
                    text, n = re.subn(
                        rf'<c r="{ref}"([^>]*)><f>(.*?)</f><v\s*/>',
                        rf'<c r="{ref}"\1{kind}><f>\2</f><v>{shown}</v>',
                        text,
                    )
                    assert n == 1, ref
                content = text.encode("utf-8")
            dst.writestr(info, content)
    path.write_bytes(out.getvalue())


def fresh(tmp_path: Path) -> Path:
    """A sheet for a year that has no file yet, with the date and a value filled in."""
    REPORT.unlink()
    sheet = export(tmp_path)
    fill(sheet, {"B4": "2024-01-20"})
    return sheet


# --- stored = shown ---------------------------------------------------------------------------------------


def test_formula_results_are_stored_as_their_cells_show_them(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    fill(
        sheet,
        {"F8": "=8720000/35796", "F9": "=0.1+0.2-0.2774", "F11": "=0.1+0.2-0.2774", "F13": "=2+2"},
        {"F8": "0.0", "F9": "0.00", "F11": "0.00%", "F13": "General"},
    )
    cache(sheet, {"F8": 8720000 / 35796, "F9": 0.1 + 0.2 - 0.2774, "F11": 0.1 + 0.2 - 0.2774, "F13": 4})
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    values = written_values()["values"]
    assert values["contract_value"] == "243.6", (out, err)
    assert values["patents_per_10k"] == "0.02"
    assert values["rd_ratio"] == "2.26"
    assert values["demo_projects"] == "4"
    text = REPORT.read_text(encoding="utf-8")
    assert "0000000" not in text and "9999999" not in text
    # every cell whose stored text differs from its raw value is listed with both
    assert "填报!F8" in out and "243.60263716616" in out and "记为 243.6" in out
    assert "填报!F11" in out and "2.26" in out


def test_typed_constants_are_kept_as_typed_and_general_keeps_15_digits(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    fill(sheet, {"F8": 243.6027, "F9": "=8720000/35796"}, {"F8": "0.0", "F9": "General"})
    cache(sheet, {"F9": 8720000 / 35796})
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    values = written_values()["values"]
    assert values["contract_value"] == "243.6027", (out, err)  # a typed constant, whatever the format shows
    assert values["patents_per_10k"] == "243.602637166164"  # General: 15 significant digits
    assert "填报!F9" in out  # 243.60263716616381 -> 243.602637166164 is listed


def test_home_totals_are_exact(data_copy: Path) -> None:
    """A computed figure the site prints uses exact decimal arithmetic, every decimal the editors wrote kept."""
    assert fmt_number(Decimal("12.125"), "亿元") == "12.125 亿元"
    assert fmt_number(Decimal("1234567.5"), "亿元") == "1,234,567.5 亿元"


# --- the layout is verified, not trusted ------------------------------------------------------------------


def test_swapped_year_columns_are_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for row in range(7, 14):  # the editor swaps 上年 and 本年 (cut and paste of the columns)
        ws[f"E{row}"].value, ws[f"F{row}"].value = ws[f"F{row}"].value, ws[f"E{row}"].value
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert "本年数值（2023）" in err and "E 列" in err and "F 列" in err
    assert "请重新导出" not in err


def test_rows_swapped_in_the_visible_columns_are_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for col in "ABCDEFG":  # H (the ids) is hidden, so a sort or a cut-and-paste leaves it behind
        ws[f"{col}8"].value, ws[f"{col}9"].value = ws[f"{col}9"].value, ws[f"{col}8"].value
    ws["F8"], ws["F9"] = "3.6", "12.5"
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert "技术合同成交额" in err and "第 8 行" in err and "第 9 行" in err


def test_an_inserted_row_is_refused_saying_where(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    ws.insert_rows(10)
    ws["C10"], ws["F10"] = "补充指标", "5"
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert "第 10 行" in err and "插入" in err


def test_a_deleted_row_is_refused_saying_which(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    wb["填报"].delete_rows(10)
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    lines = [ln for ln in err.splitlines() if ln.startswith("  ")]
    assert len(lines) == 1 and "填报!A10" in lines[0] and "第 10 行被删除了" in lines[0], lines


def test_a_renamed_sheet_imports_with_a_note(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    fill(sheet, {"F8": "12.5"})
    wb = openpyxl.load_workbook(sheet)
    wb["填报"].title = "南宁"
    wb.save(sheet)
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert "南宁" in out and "填报" in out, (out, err)
    assert written_values()["values"]["contract_value"] == "12.5"


def test_two_sheets_with_the_same_hidden_metadata_are_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    copy = wb.copy_worksheet(wb["填报"])
    copy.title = "填报 (2)"
    copy["F8"] = "99"
    wb.save(sheet)
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert "“填报”" in err and "“填报 (2)”" in err


# --- nothing typed is dropped -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ref", "typed", "zh"),
    [
        ("E9", "3.4", "上年数值"),  # a correction typed into last year's column
        ("B21", "第六条亮点。", "亮点"),  # a highlight below the five slots
        ("I8", "数据待核实", "I8"),  # a remark in another column
        ("A25", "备注：以上数据为初步统计。", "A25"),  # text under the table
    ],
)
def test_typing_outside_the_fill_in_cells_is_refused(
    data_copy: Path, tmp_path: Path, ref: str, typed: str, zh: str
) -> None:
    sheet = fresh(tmp_path)
    fill(sheet, {"F8": "12.5", ref: typed})
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    line = next(ln for ln in err.splitlines() if f"!{ref}" in ln)
    assert zh in line and typed[:4] in line


def test_a_formula_without_a_value_in_a_note_is_refused(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    fill(sheet, {"F8": "12.5", "G8": '="见"&"附件"', "B16": '="启动"&"建设"'})
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert any("填报!G8" in ln and "公式" in ln for ln in err.splitlines())
    assert any("填报!B16" in ln and "公式" in ln for ln in err.splitlines())


def test_highlights_round_trip_one_per_line(data_copy: Path, tmp_path: Path) -> None:
    path = data_copy / "zones/demo-zone/annual/2023.yaml"
    text = path.read_text(encoding="utf-8")
    many = "".join(f"  - 亮点第{i}条。\n" for i in range(1, 8))
    path.write_text(text.replace("  - 启动建设。\n", many), encoding="utf-8")
    before = written_values()
    code, out, err = run("import-xlsx", str(export(tmp_path)), "--force", "--data", "data")
    assert code == 0, err
    assert written_values() == before and "没有变更 / no changes" in out


def test_a_note_is_removed_by_writing_delete(data_copy: Path, tmp_path: Path) -> None:
    sheet = export(tmp_path)
    fill(sheet, {"G9": "删除"})
    code, out, err = run("import-xlsx", str(sheet), "--force", "--data", "data")
    assert code == 0, err
    assert written_values()["values"]["patents_per_10k"] == {"value": "3.6", "source": "演示统计局"}
    assert "按常住人口计算。" in out  # the removed note is named
    assert "演示统计局" in out  # what --force keeps is said too


# --- plausibility and outcome -----------------------------------------------------------------------------


def test_a_fraction_for_a_percentage_is_warned(data_copy: Path, tmp_path: Path) -> None:
    (data_copy / "zones/demo-zone/annual/2022.yaml").unlink()  # no earlier year to compare with
    sheet = fresh(tmp_path)
    fill(sheet, {"F11": 0.689})
    _code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert "0.689" in out + err and "68.9" in out + err


def test_a_partly_blank_sheet_exits_non_zero_and_says_so(data_copy: Path, tmp_path: Path) -> None:
    sheet = fresh(tmp_path)
    fill(sheet, {"F8": "12.5"})
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert REPORT.exists()  # what was typed is kept
    assert code == 1
    assert "检查未通过" in out + err
    assert run_check(Path("data"), "--strict")[0] == 1


def test_a_blank_sheet_is_refused_plainly(data_copy: Path, tmp_path: Path) -> None:
    REPORT.unlink()
    code, _out, err = run("import-xlsx", str(export(tmp_path)), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert "没有填写" in err and "None" not in err


@pytest.mark.parametrize("attack", ["entity-bomb", "external-entity", "huge-member"])
def test_hostile_workbooks_are_refused_plainly(data_copy: Path, tmp_path: Path, attack: str) -> None:
    sheet = fresh(tmp_path)
    raw = io.BytesIO(sheet.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(raw) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml" and attack != "huge-member":
                entity = (
                    '<!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
                    '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>'
                    if attack == "entity-bomb"
                    else '<!DOCTYPE s [<!ENTITY d SYSTEM "file:///etc/passwd">]>'
                )
                text = content.decode("utf-8")
                assert "<t>" in text and text.startswith("<worksheet")
                content = (entity + text.replace("<t>", "<t>&d;", 1)).encode("utf-8")
            dst.writestr(info, content)
        if attack == "huge-member":
            dst.writestr("xl/media/padding.bin", b"\0" * (300 * 1024 * 1024))
    sheet.write_bytes(out.getvalue())
    code, stdout, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert "Traceback" not in err and "程序错误" not in err and "root:" not in stdout + err
    assert "Excel" in err or "表格" in err


def test_a_hurried_editor_end_to_end(data_copy: Path, tmp_path: Path) -> None:
    """Formulas (saved with their values, as Excel and WPS do), a percent cell, a moved column and an extra
    highlight: each outcome is a refusal that names the cell, until the sheet is right; then every figure
    arrives as the sheet shows it."""
    REPORT.unlink()
    sheet = export(tmp_path)
    fill(
        sheet,
        {
            "B4": "2024年1月20日",
            "F8": "=8720000/700000",  # 12.457142857… 亿元, one decimal shown
            "F9": "3.6",
            "F10": "=1+2",
            "F11": 0.0205,  # 2.05 % in a percent cell
            "F12": "出台配套政策。",
            "F13": "4 个",
            "B16": "启动建设。",
            "B20": "第五条。",
            "B21": "第六条。",  # below the five slots
        },
        {"F8": "0.0", "F11": "0.00%"},
    )
    cache(sheet, {"F8": 8720000 / 700000, "F10": 3})
    wb = openpyxl.load_workbook(sheet)
    ws = wb["填报"]
    for row in range(7, 14):  # and the year columns swapped
        ws[f"E{row}"].value, ws[f"F{row}"].value = ws[f"F{row}"].value, ws[f"E{row}"].value
    wb.save(sheet)
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists() and "“本年数值（2023）”一列导出时在 F 列，现在在 E 列" in err

    wb = openpyxl.load_workbook(sheet)  # the editor moves the columns back …
    ws = wb["填报"]
    for row in range(7, 14):
        ws[f"E{row}"].value, ws[f"F{row}"].value = ws[f"F{row}"].value, ws[f"E{row}"].value
    wb.save(sheet)
    cache(sheet, {"F8": 8720000 / 700000, "F10": 3})
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    assert any("填报!B21" in ln and "第六条" in ln for ln in err.splitlines())  # … and is told of the sixth highlight

    fill(sheet, {"B20": "第五条。\n第六条。", "B21": None})  # the guide's way: a new line in the last cell
    cache(sheet, {"F8": 8720000 / 700000, "F10": 3})
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 0, out.splitlines()
    data = written_values()
    assert data["submitted"] == "2024-01-20"
    assert data["highlights"] == ["启动建设。", "第五条。", "第六条。"]
    assert data["values"]["contract_value"] == "12.5" and data["values"]["agencies"] == "3"
    assert data["values"]["rd_ratio"] == "2.05" and data["values"]["demo_projects"] == "4"
    assert "记为 12.5" in out and "检查通过" in out
    assert run_check(Path("data"), "--strict") == (0, [])


# --- number formats that show another number than the cell holds -----------------------------------------


def test_a_format_that_scales_by_thousands_or_shows_fractions_is_refused(data_copy: Path, tmp_path: Path) -> None:
    """`0.0,` shows 243.6 as 0.2 and `#,##0,` shows 12500 as 13 (each trailing comma divides by 1000); `# ?/?`
    shows 1/3 for 0.333…: neither the shown nor the held number can be taken for the editor's. Refused, formula
    or typed, naming the cell and both numbers; with a plain format the same cells import as shown."""
    sheet = fresh(tmp_path)
    fill(
        sheet,
        {"F8": "=8720000/35796", "F9": "=1/3", "F10": 12500},
        {"F8": "0.0,", "F9": "# ?/?", "F10": "#,##0,"},
    )
    cache(sheet, {"F8": 8720000 / 35796, "F9": 1 / 3})
    code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and not REPORT.exists()
    refused = [ln.strip() for ln in err.splitlines() if "填报!" in ln]
    assert refused == [
        "填报!F8 技术合同成交额（contract_value）: 单元格的数字格式“0.0,”把数值缩小 1000 倍显示（格式末尾的每个逗号除以 "
        "1000）：单元格显示 0.2，实际存的是 243.602637166164，无法判断哪个是以“亿元”计的数值，未导入。请把单元格格式改为"
        "“常规”或“数值”（右键 → 设置单元格格式 → 数字），确认显示的就是以“亿元”计的数值后重新导入 / the number format "
        '"0.0," shows the value divided by 1000 (each trailing comma divides by 1000): the cell shows 0.2 but holds '
        "243.602637166164; which one is in 亿元 cannot be told, not imported. Set the cell to General or Number and "
        "check that it shows the figure in 亿元",
        "填报!F9 每万人发明专利拥有量（patents_per_10k）: 单元格的数字格式“# ?/?”把数值显示为分数，实际存的是 "
        "0.333333333333333，无法按显示的样子记录，未导入。请把单元格格式改为“数值”并设好小数位数（右键 → 设置单元格格式 → "
        '数字），或直接填写数字 / the number format "# ?/?" shows the value as a fraction; it holds 0.333333333333333, '
        "which cannot be stored as shown. Set the cell to Number with the decimals you mean, or type the number",
        "填报!F10 技术转移机构（agencies）: 单元格的数字格式“#,##0,”把数值缩小 1000 倍显示（格式末尾的每个逗号除以 "
        "1000）：单元格显示 13，实际存的是 12500，无法判断哪个是以“家”计的数值，未导入。请把单元格格式改为“常规”或“数值”"
        '（右键 → 设置单元格格式 → 数字），确认显示的就是以“家”计的数值后重新导入 / the number format "#,##0," shows '
        "the value divided by 1000 (each trailing comma divides by 1000): the cell shows 13 but holds 12500; which one "
        "is in 家 cannot be told, not imported. Set the cell to General or Number and check that it shows the figure "
        "in 家",
    ]
    fill(sheet, {}, {"F8": "0.0", "F9": "0.00", "F10": "#,##0"})  # the editor sets plain formats
    cache(sheet, {"F8": 8720000 / 35796, "F9": 1 / 3})
    _code, _out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert "填报!" not in err
    values = written_values()["values"]
    assert (values["contract_value"], values["patents_per_10k"], values["agencies"]) == ("243.6", "0.33", "12500")


@pytest.mark.parametrize(
    ("raw", "number_format", "formula", "expected"),
    [
        (243.60263716616381, "0.0,", True, None),  # shown as 0.2
        (12500, "#,##0,", False, None),  # typed: still shown as 13
        (12500.0, "#,##0,,", True, None),  # shown as 0
        (12500, '0.0,"千元"', False, None),  # shown as 12.5千元
        (12500, "[$-804]#,##0.0,;[Red]-#,##0.0,", False, None),
        (0.25, "# ?/?", False, None),  # shown as 1/4: only a whole number shows as itself
        (1 / 3, "# ??/100", True, None),
        (0, "#,##0,", True, "0"),  # zero is zero at any scale
        (5, "# ?/?", True, "5"),
        (12500, "#,##0", False, "12500"),  # a comma between digit placeholders only groups thousands
        (12500, '#,##0" 元,"', False, "12500"),  # a comma in literal text does nothing
        (12500.4, "#,##0.00_);(#,##0.00)", True, "12500.40"),
        (243.60263716616381, "0.0E+00", True, None),  # shown as 2.4E+02
        (1234, "0.00E+00", False, None),  # shown as 1.23E+03
        (1500, "0.0E+00", False, "1500"),  # shown as 1.5E+03: the same number
        (243.6, "0.000E+00", True, "243.6"),  # shown as 2.436E+02
        (243.6, "##0.0E+0", False, "243.6"),  # engineering: shown as 243.6E+0
    ],
)
def test_scaled_and_fraction_formats_are_refused_unless_shown_as_held(
    raw: float, number_format: str, formula: bool, expected: str | None
) -> None:
    ind = _indicator("amount", "万元")
    if expected is None:
        with pytest.raises(CellRefusal):
            read_value(raw, number_format, ind, formula)
    else:
        entry = read_value(raw, number_format, ind, formula)
        assert entry is not None and entry.value == expected


def test_a_scientific_format_refusal_names_both_numbers() -> None:
    with pytest.raises(CellRefusal) as refusal:
        read_value(8720000 / 35796, "0.0E+00", _indicator("amount", "亿元"), True)
    assert refusal.value.zh == (
        "单元格的数字格式“0.0E+00”用科学计数法显示为 2.4E+02，实际存的是 243.602637166164，两者不同，未导入。"
        "请把单元格格式改为“常规”或“数值”（右键 → 设置单元格格式 → 数字），确认显示的数字后重新导入"
    )
