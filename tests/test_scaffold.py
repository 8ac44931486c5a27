"""Scaffolds: new-zone, new-year and new-case write starting files that invent nothing (`check --strict` lists\nwhat is left to write) and never overwrite one."""

from __future__ import annotations

import contextlib
import io
import re
from pathlib import Path

from conftest import run_check
from generator.cli import main
from generator.data.models import AnnualReport, Case, Zone
from generator.editors.common import PLACEHOLDER, field_zh


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def test_new_zone_invents_nothing_and_check_lists_every_field_to_fill(data_copy: Path) -> None:
    """Issue 11: a fresh scaffold holds no date, year, name or code the editor did not give; `check --strict`
    refuses each of them on its own line (placeholders as placeholder-text, empty dates, years and codes as
    值为空), and once they are written the zone passes as applied."""
    code, out, _ = run("new-zone", "wuzhou-hitech", "--data", "data")
    assert code == 0 and "wuzhou-hitech/zone.yaml" in out
    zone = data_copy / "zones/wuzhou-hitech/zone.yaml"
    text = zone.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../../schemas/zone.schema.json"
    values = [ln.split("#")[0].rstrip() for ln in lines if not ln.lstrip().startswith("#")]
    assert not re.search(r"[0-9]", "\n".join(values))  # no date, year or number the editor did not give
    assert f"name: {PLACEHOLDER}示范区全称" in values and not any("short_name" in v for v in values)
    empty = [v for v in values if v.endswith(":") and v.strip() not in ("parks:", "period:", "events:")]
    assert empty == ["    kind:", "    level:", "  start:", "  end:", "    date:"]  # codes, years, the date
    assert f"# {field_zh(Zone, 'management_department')}，如 梧州市科学技术局" in lines  # comments from the models
    code, problems = run_check(Path("data"), "--strict")
    assert code == 1
    found = [(p.split(": ", 1)[0].removeprefix("data/zones/wuzhou-hitech/"), p.split(": ", 1)[1].split(" ", 2)[:2])
             for p in problems]  # fmt: skip
    assert found == [
        ("zone.yaml:6", ["name", "[placeholder-text]"]),
        ("zone.yaml:17", ["parks[0].name", "[placeholder-text]"]),
        ("zone.yaml:18", ["parks[0].kind", "[wrong-type]"]),
        ("zone.yaml:19", ["parks[0].level", "[wrong-type]"]),
        ("zone.yaml:24", ["management_department", "[placeholder-text]"]),
        ("zone.yaml:26", ["operator", "[placeholder-text]"]),
        ("zone.yaml:29", ["period.start", "[wrong-type]"]),
        ("zone.yaml:30", ["period.end", "[wrong-type]"]),
        ("zone.yaml:49", ["events[0].date", "[wrong-type]"]),
    ]
    assert "“【待填写】示范区全称”中还有【待填写】" in problems[0] and "值为空，应为日期" in problems[-1]
    assert "空着的字段" in out and "请核对" not in out  # what new-zone says it left for the editor
    filled = text.replace(f"{PLACEHOLDER}示范区全称", "梧州高新区示范区").replace(PLACEHOLDER, "")
    filled = filled.replace("    kind:  #", "    kind: hitech_zone  #").replace(
        "    level:  #", "    level: national  #"
    )
    filled = filled.replace("  start:  #", "  start: 2026  #").replace("  end:  #", "  end: 2028  #")
    zone.write_text(filled.replace("    date:  #", "    date: 2024-05-06  #"), encoding="utf-8")
    assert run_check(Path("data"), "--strict") == (0, [])
    from generator.data.load import load_data
    from generator.data.validate import validate_data

    catalog, _ = validate_data(load_data(Path("data")))
    assert catalog is not None and catalog.zones["wuzhou-hitech"].status == "applied"
    assert catalog.zones["wuzhou-hitech"].zone.events[0].date.isoformat() == "2024-05-06"


def test_new_zone_city_and_name_options(data_copy: Path) -> None:
    assert run("new-zone", "port-zone", "--city", "qinzhou", "--name", "钦州港示范区", "--data", "data")[0] == 0
    code, problems = run_check(Path("data"), "--strict")  # the name is given: only what was not is reported
    assert code == 1 and not any(" name [" in p for p in problems) and len(problems) == 8
    text = (data_copy / "zones/port-zone/zone.yaml").read_text(encoding="utf-8")
    assert "name: 钦州港示范区\n" in text and "city: qinzhou  # 钦州市\n" in text


def test_new_zone_usage_errors(data_copy: Path) -> None:
    code, _, err = run("new-zone", "some-zone", "--data", "data")  # no city in the id, no --city
    assert code == 2 and "--city" in err
    code, _, err = run("new-zone", "Bad_Zone", "--city", "wuzhou", "--data", "data")
    assert code == 2 and "Bad_Zone" in err
    assert not (data_copy / "zones/some-zone").exists()


def test_scaffolds_refuse_to_overwrite(data_copy: Path) -> None:
    for args, rel in (
        (("new-zone", "demo-zone", "--city", "nanning"), "zones/demo-zone/zone.yaml"),
        (("new-year", "demo-zone", "2023"), "zones/demo-zone/annual/2023.yaml"),
        (("new-case", "demo-zone", "demo-case"), "zones/demo-zone/cases/demo-case.yaml"),
    ):
        before = (data_copy / rel).read_bytes()
        code, _, err = run(*args, "--data", "data")
        assert code == 1, args
        assert f"文件已存在，未覆盖：data/{rel}" in err and f"file exists, not overwritten: data/{rel}" in err
        assert (data_copy / rel).read_bytes() == before


def test_new_year_lists_every_indicator_and_reports_what_to_fill(data_copy: Path) -> None:
    (data_copy / "zones/demo-zone/annual/2023.yaml").unlink()
    assert run("new-year", "demo-zone", "2023", "--data", "data")[0] == 0
    path = data_copy / "zones/demo-zone/annual/2023.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../schemas/annual-report.schema.json"
    assert f"# {field_zh(AnnualReport, 'submitted')}" in text
    assert "  # 1 技术合同成交额（亿元）；2022 年：10.5\n  contract_value:\n" in text
    assert "  # 4 研发经费占营业收入比例（%）；2022 年：1.8\n" in text
    assert "  # 5 配套政策落实情况（定性，写文字）；2022 年：暂无\n" in text
    assert "  # 自设 演示项目数（个）；2022 年：不适用\n  demo_projects:\n" in text
    assert "baseline" not in text
    code, lines = run_check(Path("data"))
    ids = ("contract_value", "patents_per_10k", "agencies", "rd_ratio", "policies", "demo_projects")
    assert code == 1  # until the editor fills in the submission date
    assert [ln for ln in lines if "[missing-field]" in ln] == [
        "data/zones/demo-zone/annual/2023.yaml:7: submitted [missing-field] 缺少报送日期 submitted / submission "
        "date missing（提示：写上年度建设报告的报送日期，如 submitted: 2025-01-20。）"
    ]
    warnings = [ln for ln in lines if "[missing-value] (警告/warning)" in ln]
    assert len(warnings) == len(ids) == len(lines) - 1
    assert all(any(f"values.{i} " in w for w in warnings) for i in ids)
    filled = text.replace("submitted:", "submitted: 2024-01-20")
    for ind_id in ids:
        filled = filled.replace(f"  {ind_id}:\n", f"  {ind_id}: 暂无\n")
    path.write_text(filled, encoding="utf-8")
    assert run_check(Path("data"), "--strict") == (0, [])


def test_new_year_marks_the_baseline(data_copy: Path) -> None:
    (data_copy / "zones/demo-zone/annual/2022.yaml").unlink()
    assert run("new-year", "demo-zone", "2022", "--data", "data")[0] == 0
    assert "\nbaseline: true\n" in (data_copy / "zones/demo-zone/annual/2022.yaml").read_text(encoding="utf-8")
    code, lines = run_check(Path("data"))
    assert code == 0 and lines and all("[missing-value] (警告/warning)" in ln for ln in lines)


def test_new_year_unknown_zone(data_copy: Path) -> None:
    code, _, err = run("new-year", "no-such-zone", "2023", "--data", "data")
    assert code == 1 and "no-such-zone" in err
    assert not (data_copy / "zones/no-such-zone").exists()


def test_new_case_fails_check_only_on_the_fields_to_write(data_copy: Path) -> None:
    assert run("new-case", "demo-zone", "new-practice", "--data", "data")[0] == 0
    text = (data_copy / "zones/demo-zone/cases/new-practice.yaml").read_text(encoding="utf-8")
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../../../schemas/case.schema.json"
    assert f"# {field_zh(Case, 'practices')}\npractices:\n" in text
    code, lines = run_check(Path("data"))
    assert code == 1
    fields = [ln.split(": ", 1)[1].split(" [")[0] for ln in lines]
    assert all("new-practice.yaml" in ln and "[wrong-type] 值为空" in ln for ln in lines)
    assert fields == [
        "title",
        "year",
        "task",
        "summary",
        "background",
        "practices",
        "results.text",
        "replicability.conditions",
        "replicability.fits",
        "source.name",
    ]


def test_new_case_refuses_a_bad_slug(data_copy: Path) -> None:
    code, _, err = run("new-case", "demo-zone", "新案例", "--data", "data")
    assert code == 2 and "新案例" in err
