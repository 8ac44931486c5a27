"""The Excel round trip: export-template -> a person fills the sheet -> import-xlsx -> check."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest

from conftest import run_check
from generator.cli import main
from generator.data.load import load_document
from generator.data.models import Indicator
from generator.editors.cell_values import CellRefusal, read_date, read_value

# rows of the mini dataset's indicators in the sheet (the system's, then the zone's own)
ROW = {"contract_value": 8, "patents_per_10k": 9, "agencies": 10, "rd_ratio": 11, "policies": 12, "demo_projects": 13}
REPORT = Path("data/zones/demo-zone/annual/2023.yaml")


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def export(tmp: Path, name: str = "demo.xlsx") -> Path:
    path = tmp / name
    assert run("export-template", "demo-zone", "2023", "-o", str(path), "--data", "data")[0] == 0
    return path


def fill(path: Path, cells: dict[str, Any], formats: dict[str, str] | None = None) -> None:
    """Type into the sheet the way a person does (openpyxl keeps the protection and the metadata)."""
    wb = openpyxl.load_workbook(path)
    ws = wb["填报"]
    for ref, value in cells.items():
        ws[ref] = value
    for ref, number_format in (formats or {}).items():
        ws[ref].number_format = number_format
    wb.save(path)


def written_values() -> dict[str, Any]:
    doc = load_document(REPORT, str(REPORT))
    assert doc.ok
    return dict(doc.data)


def test_round_trip_reads_what_people_type(data_copy: Path, tmp_path: Path) -> None:
    REPORT.unlink()
    sheet = export(tmp_path)
    fill(
        sheet,
        {
            "B4": "２０２４年１月２０日",
            "F8": "１２．５亿元",  # full-width digits and point, the unit as a suffix
            "F9": "3.6 件",
            "G9": "按常住人口计算。",
            "G13": "2024",  # a note that YAML would read as a number is quoted
            "F10": " 暂无 ",
            "F11": 0.0205,  # Excel stores 2.05 % as 0.0205 in a cell formatted as percent
            "F12": "出台配套政策: 见附件 #2",  # YAML would misread this unquoted
            "F13": "1，234",  # full-width thousands separator
            "B16": "启动建设。",
            "B17": "  ",
        },
        {"F11": "0.00%"},
    )
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 0, err
    assert "技术合同成交额（contract_value）: （无） -> 12.5" in out
    assert run_check(Path("data"), "--strict") == (0, [])
    data = written_values()
    assert data["submitted"] == "2024-01-20" and data["highlights"] == ["启动建设。"]
    values = data["values"]
    assert values["patents_per_10k"] == {"value": "3.6", "note": "按常住人口计算。"}
    assert values["agencies"] == "暂无"
    assert values["demo_projects"] == {"value": "1234", "note": "2024"}
    assert values["policies"] == "出台配套政策: 见附件 #2"
    typed = {"contract_value": "12.5", "rd_ratio": "2.05"}
    for ind_id, expected in typed.items():
        assert values[ind_id] == expected and Decimal(values[ind_id]) == Decimal(expected)
    text = REPORT.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../schemas/annual-report.schema.json"
    assert "  contract_value: 12.5  # 技术合同成交额（亿元）\n" in text
    assert "  patents_per_10k: {value: 3.6, note: 按常住人口计算。}  # 每万人发明专利拥有量（件）\n" in text


@pytest.mark.parametrize(
    ("typed", "kind", "unit", "number_format", "expected"),
    [
        ("１２３．５", "amount", "亿元", "General", "123.5"),
        ("1,234.5", "amount", "亿元", "General", "1234.5"),
        ("1，234", "count", "家", "General", "1234"),
        ("45.8亿元", "amount", "亿元", "General", "45.8"),
        ("12 家", "count", "家", "General", "12"),
        ("35%", "percent", "%", "General", "35"),
        ("３５％", "percent", "%", "General", "35"),
        (0.35, "percent", "%", "0%", "35"),
        (0.356, "percent", "%", "0.0%", "35.6"),
        (35, "percent", "%", "General", "35"),
        (100.0, "count", "家", "General", "100"),
        (45.800000000000004, "amount", "亿元", "General", "45.8"),  # a formula's float: what Excel shows
        (0.1 + 0.2, "amount", "亿元", "General", "0.3"),
        ("0", "count", "家", "General", "0"),
    ],
)
def test_accepted_numbers_are_exact(typed: Any, kind: str, unit: str, number_format: str, expected: str) -> None:
    entry = read_value(typed, number_format, _indicator(kind, unit))
    assert entry is not None and entry.value == expected and entry.number == Decimal(expected)


@pytest.mark.parametrize("typed", ["暂无", " 不适用 ", "\u3000暂无\u3000"])
def test_markers(typed: str) -> None:
    entry = read_value(typed, "General", _indicator("count", "家"))
    assert entry is not None and entry.marker == typed.strip().replace("\u3000", "") and entry.value is None


@pytest.mark.parametrize("typed", [None, "", "   ", "\u3000"])
def test_empty_is_not_reported(typed: Any) -> None:
    assert read_value(typed, "General", _indicator("count", "家")) is None


def test_dates() -> None:
    for typed in ("2025-01-20", "2025/1/20", "２０２５年１月２０日", dt.datetime(2025, 1, 20), dt.date(2025, 1, 20)):
        assert read_date(typed) == dt.date(2025, 1, 20)
    with pytest.raises(CellRefusal):
        read_date("1月20日")


@pytest.mark.parametrize(
    ("ind_id", "typed", "number_format", "zh"),
    [
        ("contract_value", "45.8万元", None, "单位“万元”与指标单位“亿元”不一致"),
        ("agencies", "三家", None, "应填写数字，实际为“三家”"),
        ("agencies", "12/15", None, "含有两个数值"),
        ("agencies", "12 或 15", None, "含有两个数值"),
        ("agencies", "12%", None, "带有百分号，但该指标的单位是“家”"),
        ("agencies", "-3", None, "不能为负数"),
        ("agencies", "2.5", None, "应为整数"),
        ("contract_value", 0.5, "0%", "单元格设为百分比格式"),
        ("rd_ratio", "135%", None, "超过 100"),
        ("contract_value", "3,5", None, "逗号不明确"),
        ("contract_value", "1.2E3", None, "科学计数法"),
        ("agencies", dt.datetime(2024, 1, 2), None, "识别成了日期"),
        ("policies", 12, None, "定性指标应填写文字"),
        ("demo_projects", "8 个项目", None, "单位“个项目”与指标单位“个”不一致"),
        ("contract_value", "=10+2.5", None, "公式没有计算结果"),  # saved by a tool that does not calculate
    ],
)
def test_refusals_name_the_cell_and_indicator(
    data_copy: Path, tmp_path: Path, ind_id: str, typed: Any, number_format: str | None, zh: str
) -> None:
    REPORT.unlink()
    sheet = export(tmp_path)
    ref = f"F{ROW[ind_id]}"
    fill(sheet, {"B4": "2024-01-20", "F8": "12.5", ref: typed}, {ref: number_format} if number_format else None)
    code, out, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and out == ""
    assert "1 个单元格无法读取，未写入任何文件 / 1 cell(s) cannot be read; nothing written" in err
    line = next(ln for ln in err.splitlines() if f"填报!{ref} " in ln)
    assert f"（{ind_id}）" in line and zh in line and " / " in line  # Chinese, then English
    assert not REPORT.exists()
    assert not [p.name for p in REPORT.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_every_refusal_is_reported_at_once(data_copy: Path, tmp_path: Path) -> None:
    REPORT.unlink()
    sheet = export(tmp_path)
    fill(sheet, {"B4": "去年", "F8": "很多", "F10": "1/2", "G11": "没有数值的说明"})
    code, _, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1
    for ref, name in (("B4", "报送日期"), ("F8", "技术合同成交额"), ("F10", "技术转移机构"), ("G11", "研发经费")):
        assert any(f"填报!{ref} {name}" in ln for ln in err.splitlines()), ref


def test_no_overwrite_without_force(data_copy: Path, tmp_path: Path) -> None:
    before = REPORT.read_bytes()
    sheet = export(tmp_path)
    fill(sheet, {"F8": "99"})
    code, _, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and "已存在，未覆盖" in err and "--force" in err
    assert REPORT.read_bytes() == before


def test_force_keeps_what_the_sheet_leaves_empty_and_prints_changes(data_copy: Path, tmp_path: Path) -> None:
    before = written_values()
    sheet = export(tmp_path)  # the existing year is filled in
    ws = openpyxl.load_workbook(sheet)["填报"]
    assert ws["F8"].value == 12.5 and ws["G9"].value == "按常住人口计算。" and ws["B16"].value == "启动建设。"
    fill(sheet, {"F8": "13", "F9": "3.7", "F10": None, "B16": None})
    code, out, err = run("import-xlsx", str(sheet), "--force", "--data", "data")
    assert code == 0, err
    assert "  技术合同成交额（contract_value）: 12.5 -> 13\n" in out
    assert (
        "  每万人发明专利拥有量（patents_per_10k）: 3.6（说明：按常住人口计算。） -> 3.7（说明：按常住人口计算。）\n"
        in out
    )
    assert (
        "保留原有内容 / left empty in the sheet, kept from the file: 年度建设亮点（highlights）、技术转移机构（agencies）"
        in out
    )
    assert "rd_ratio" not in out.split("kept from the file")[0]  # unchanged values are not listed as changes
    after = written_values()
    assert after["values"]["agencies"] == before["values"]["agencies"] == "3"
    assert after["values"]["patents_per_10k"] == {"value": "3.7", "note": "按常住人口计算。", "source": "演示统计局"}
    assert after["highlights"] == before["highlights"] and after["submitted"] == before["submitted"]
    assert run_check(Path("data"), "--strict") == (0, [])


def test_unchanged_round_trip_changes_nothing(data_copy: Path, tmp_path: Path) -> None:
    before = written_values()
    code, out, _ = run("import-xlsx", str(export(tmp_path)), "--force", "--data", "data")
    assert code == 0 and "没有变更 / no changes" in out
    assert written_values() == before


def test_template_layout_and_protection(data_copy: Path, tmp_path: Path) -> None:
    wb = openpyxl.load_workbook(export(tmp_path))
    ws, meta = wb["填报"], wb["元数据"]
    assert meta.sheet_state == "hidden" and wb.security is not None and wb.security.lockStructure
    assert dict(meta.iter_rows(max_col=2, values_only=True))["zone"] == "demo-zone"
    assert dict(meta.iter_rows(max_col=2, values_only=True))["year"] == "2023"
    assert ws.protection.sheet and meta.protection.sheet
    header = [c.value for c in ws[7]]
    assert header[:7] == ["序号", "一级指标", "指标名称", "单位", "上年数值（2022）", "本年数值（2023）", "说明"]
    assert [c.value for c in ws[8]][:5] == [1, "技术交易", "技术合同成交额", "亿元", 10.5]
    assert ws.column_dimensions["H"].hidden  # the indicator ids import relies on
    assert ws["C13"].value == "演示项目数" and ws["A13"].value == "自设" and ws["H13"].value == "demo_projects"
    for ref in ("B4", "F8", "G8", "F13", "B16"):
        assert ws[ref].protection.locked is False, ref
    for ref in ("A8", "C8", "E8", "H8", "B2"):
        assert ws[ref].protection.locked is not False, ref
    assert ws["B4"].number_format == "yyyy-mm-dd" and ws["F12"].number_format == "@"
    prompts = {str(dv.sqref): dv.prompt for dv in ws.data_validations.dataValidation}
    assert any("亿元" in (p or "") and "暂无" in (p or "") for p in prompts.values())
    assert all(dv.type in (None, "date") for dv in ws.data_validations.dataValidation)  # nothing enforced on values


def test_export_is_deterministic(data_copy: Path, tmp_path: Path) -> None:
    assert export(tmp_path, "a.xlsx").read_bytes() == export(tmp_path, "b.xlsx").read_bytes()


def test_import_refuses_other_workbooks(data_copy: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.xlsx"
    openpyxl.Workbook().save(other)
    code, _, err = run("import-xlsx", str(other), "--data", "data")
    assert code == 1 and "export-template" in err
    assert run("import-xlsx", str(tmp_path / "missing.xlsx"), "--data", "data")[0] == 2
    (tmp_path / "bad.xlsx").write_text("not a workbook", encoding="utf-8")
    assert run("import-xlsx", str(tmp_path / "bad.xlsx"), "--data", "data")[0] == 1


def _indicator(kind: str, unit: str) -> Indicator:
    return Indicator.model_validate(
        {
            "id": "x",
            "category": "c",
            "name": "测试指标",
            "name_en": "X",
            "unit": unit,
            "kind": kind,
            "summable": "false",
        }
    )


@pytest.mark.parametrize(
    ("zone", "year", "zh"),
    [("demo-zone", "2024", "尚未结束"), ("demo-zone", "2021", "早于基期"), ("applied-zone", "2023", "尚未批复建设")],
)
def test_years_the_checker_would_refuse(data_copy: Path, tmp_path: Path, zone: str, year: str, zh: str) -> None:
    for args in (("export-template", zone, year, "-o", str(tmp_path / "t.xlsx")), ("new-year", zone, year)):
        code, _, err = run(*args, "--data", "data")
        assert code == 1 and zh in err, args
    assert not (tmp_path / "t.xlsx").exists() and not (data_copy / f"zones/{zone}/annual/{year}.yaml").exists()


def test_import_refuses_a_damaged_metadata_sheet(data_copy: Path, tmp_path: Path) -> None:
    sheet = export(tmp_path)
    wb = openpyxl.load_workbook(sheet)
    wb["元数据"]["B3"] = "../../outside"  # the zone row
    wb.save(sheet)
    code, _, err = run("import-xlsx", str(sheet), "--force", "--data", "data")
    assert code == 1 and "已损坏（zone）" in err


def test_import_needs_a_submission_date_except_for_a_baseline(data_copy: Path, tmp_path: Path) -> None:
    REPORT.unlink()
    sheet = export(tmp_path)
    fill(sheet, {"F8": "12.5"})
    code, _, err = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and "填报!B4 报送日期 (submitted): 未填写报送日期 / the submission date is empty" in err
    baseline = Path("data/zones/demo-zone/annual/2022.yaml")
    baseline.unlink()
    path = tmp_path / "baseline.xlsx"
    assert run("export-template", "demo-zone", "2022", "-o", str(path), "--data", "data")[0] == 0
    fill(path, {"F8": "10.5", "F9": "3.2", "F10": "2", "F11": "1.8", "F12": "暂无", "F13": "不适用"})
    code, out, err = run("import-xlsx", str(path), "--data", "data")
    assert code == 0, err
    assert "\nbaseline: true\n" in baseline.read_text(encoding="utf-8") and "检查通过 / check: clean" in out
    code, lines = run_check(Path("data"), "--strict")
    assert code == 0 and lines == [
        ln for ln in lines if "[report-missing]" in ln and "2023" in ln
    ]  # 2023 removed above


def test_an_invisible_character_typed_into_a_cell_is_named_by_the_check(data_copy: Path, tmp_path: Path) -> None:
    """Issue 11: a no-break space pasted from WeChat into a highlight, a zero-width space into a note: the file is
    written as typed (never changed silently), and the import fails naming line and column, not as a bug."""
    REPORT.unlink()
    sheet = export(tmp_path)
    typed = {"B4": "2024-01-20", "F8": "12.5", "F9": "3.6", "F10": "3", "F11": "2.05", "F12": "出台政策。", "F13": "4"}
    fill(sheet, {**typed, "G9": "按常住\u200b人口。", "B16": "启动\u00a0建设。"})
    code, out, _ = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 1 and "程序错误" not in out
    data = written_values()
    assert (
        data["highlights"] == ["启动\u00a0建设。"] and data["values"]["patents_per_10k"]["note"] == "按常住\u200b人口。"
    )
    lines = run_check(Path("data"), "--strict")[1]
    assert [line.split(" [")[0] for line in lines] == [f"{REPORT.as_posix()}:5:", f"{REPORT.as_posix()}:8:"]
    assert "第 7 列有一个不换行空格（U+00A0）" in lines[0] and "第 42 列有一个零宽空格（U+200B）" in lines[1]


def test_a_text_that_looks_like_a_field_is_written_quoted(data_copy: Path, tmp_path: Path) -> None:
    """A highlight `source:统计局` written plain would read as a field without the space after its colon."""
    REPORT.unlink()
    sheet = export(tmp_path)
    typed = {"B4": "2024-01-20", "F8": "12.5", "F9": "3.6", "F10": "3", "F11": "2.05", "F12": "出台政策。", "F13": "4"}
    fill(sheet, {**typed, "B16": "source:统计局", "B17": "注意: 甲"})
    code, out, _ = run("import-xlsx", str(sheet), "--data", "data")
    assert code == 0, out
    assert written_values()["highlights"] == ["source:统计局", "注意: 甲"]
    assert '  - "source:统计局"\n' in REPORT.read_text(encoding="utf-8")
