"""Validation on the test dataset and the shipped sample data; derived facts (status, targets)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from conftest import MINI, SAMPLE, replace_once, run_check
from generator.data.catalog import derive_status
from generator.data.load import load_data
from generator.data.models import Applied, Approved, Evaluated, PublicNotice
from generator.data.problems import Severity
from generator.data.validate import validate_data


def test_the_test_dataset_is_clean() -> None:
    catalog, log = validate_data(load_data(MINI))
    assert catalog is not None and log.problems == []
    zone = catalog.zones["demo-zone"]
    assert zone.status == "building" and zone.approved == dt.date(2023, 5, 10)
    assert sorted(zone.reports) == [2022, 2023]
    reading = zone.reports[2022].readings
    assert reading["policies"].marker == "暂无" and reading["policies"].number is None  # never zero
    assert str(zone.reports[2023].readings["rd_ratio"].number) == "2.05"  # exact, as written


def test_status_is_derived_from_events() -> None:
    d = dt.date
    # models read text, as the loader hands it over
    applied = Applied.model_validate({"kind": "applied", "date": "2023-01-01"})
    notice = PublicNotice.model_validate({"kind": "public_notice", "date": "2023-03-01"})
    approved = Approved.model_validate({"kind": "approved", "date": "2023-05-01", "document": "x"})
    as_of = d(2024, 6, 30)
    assert derive_status((applied,), 2025, as_of) == "applied"
    assert derive_status((applied, notice), 2025, as_of) == "public_notice"
    assert derive_status((applied, notice, approved), 2025, as_of) == "building"
    assert derive_status((applied, approved), 2023, as_of) == "due"  # period over, not yet evaluated
    for result in ("confirmed", "rectification", "revoked", "further_support"):
        evaluated = Evaluated.model_validate({"kind": "evaluated", "date": "2024-03-01", "result": result})
        assert derive_status((applied, approved, evaluated), 2023, as_of) == result
    # an event after the as-of date does not count yet
    assert derive_status((applied, notice), 2025, d(2023, 2, 1)) == "applied"


def test_revised_targets_apply_from_their_date() -> None:
    catalog, _ = validate_data(load_data(MINI))
    assert catalog is not None
    zone = catalog.zones["demo-zone"]
    assert zone.targets_at(dt.date(2024, 1, 31))["contract_value"] == 20
    assert zone.targets_at(dt.date(2024, 2, 1))["contract_value"] == 25


def test_sample_data_passes_the_strict_check() -> None:
    code, lines = run_check(SAMPLE, "--strict")
    assert code == 0
    assert all("(提示/notice)" in line for line in lines)  # notices are facts about the programme


def test_sample_data_meets_the_foundation_brief() -> None:
    catalog, log = validate_data(load_data(SAMPLE))
    assert catalog is not None and log.count(Severity.ERROR) == 0
    zones = catalog.zones.values()
    assert len(zones) >= 4 and all(z.is_sample for z in zones)
    assert len({z.zone.city for z in zones}) == len(zones)
    statuses = {z.status for z in zones}
    assert {"building", "confirmed", "rectification"} <= statuses and statuses & {"revoked", "applied"}
    approved = [z for z in zones if z.approved]
    assert all(z.approved.year >= 2023 for z in approved)
    for zone in approved:
        years = sorted(zone.reports)
        assert zone.reports[years[0]].report.baseline and years[0] == zone.approved.year - 1
        last_due = catalog.as_of.year - 1 if catalog.as_of >= dt.date(catalog.as_of.year, 1, 31) else 0
        end = min(last_due, zone.zone.period.end)
        if zone.status == "revoked":
            end = min(end, max(years))
        assert years == list(range(years[0], end + 1)), zone.id
    assert sum(1 for z in approved if len([r for r in z.reports.values() if not r.report.baseline]) >= 3) >= 2
    assert len(catalog.cases) >= 10
    assert {c.case.task for c in catalog.cases} == {t.id for t in catalog.tasks}
    assert any(z.own_indicators for z in zones)


def test_a_problem_in_one_file_does_not_hide_problems_in_others(data_copy: Path) -> None:
    zone = data_copy / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("sample: true", "sample: 是"), encoding="utf-8")
    report = data_copy / "zones/demo-zone/annual/2023.yaml"
    report.write_text(report.read_text(encoding="utf-8").replace("agencies: 3", "agencies: 三"), encoding="utf-8")
    code, lines = run_check(Path("data"))
    assert code == 1
    assert any("zone.yaml:2: sample [wrong-type]" in line for line in lines)
    assert any("2023.yaml:10: values.agencies [value-not-number]" in line for line in lines)


PARTIAL_EDITS = {  # one structural problem per file kind (issue 11): the file fails its model
    "zone": ("zones/demo-zone/zone.yaml", "    date: 2023-05-10", "    date: 2023/5/10"),
    "annual": ("zones/demo-zone/annual/2023.yaml", "submitted: 2024-01-20", "submitted: 2024/1/20"),
    "case": ("zones/demo-zone/cases/demo-case.yaml", "year: 2024", "year: 2024年"),
    "indicators": ("zones/demo-zone/indicators.yaml", "kind: count", "kind: counts"),
    "site": ("site.yaml", "as_of: 2024-06-30", "as_of: 2024/6/30"),
    "system": ("indicator_system.yaml", "kind: per_10k", "kind: per10k"),
    "reference": ("reference/cities.yaml", "name_en: Nanning}", "name_en: Nanning, nmae: 南宁}"),
}


@pytest.mark.parametrize("kind", sorted(PARTIAL_EDITS))
def test_nothing_from_a_file_that_failed_its_model_is_published(kind: str, data_copy: Path) -> None:
    """The rules run on what can be read of a file that failed its model; the catalog never holds it."""
    file, old, new = PARTIAL_EDITS[kind]
    replace_once(data_copy / file, old, new)
    catalog, log = validate_data(load_data(data_copy))
    assert log.failing(strict=False)
    if kind in ("site", "system", "reference"):
        assert catalog is None
        return
    assert catalog is not None
    zone = catalog.zones.get("demo-zone")
    cases = [c.slug for c in catalog.cases if c.zone_id == "demo-zone"]
    expected = {
        "zone": (False, None, []),
        "annual": (True, [2022], ["demo-case"]),
        "case": (True, [2022, 2023], []),
        "indicators": (False, None, []),  # a zone is published only with its whole indicators.yaml
    }[kind]
    assert (zone is not None, sorted(zone.reports) if zone else None, cases) == expected


def test_a_wrong_code_in_a_long_list_shows_the_close_codes_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Coded fields (issue 11): with the 25 indicators of the sample data the hint names the close codes
    (with their Chinese names) and where the rest are, never all 25; the Chinese name gets the code."""
    shutil.copytree(SAMPLE, tmp_path / "data")
    monkeypatch.chdir(tmp_path)
    report = Path("data/zones/nanning-hitech/annual/2024.yaml")
    replace_once(report, "  hitech_enterprises: 829", "  高新技术企业: 829")
    replace_once(report, "  tech_contract_turnover: 40.2", "  技术合同成交额: 40.2")
    replace_once(report, "  tech_smes: 1364", "  tech_smes: 1364\n  xyz: 1")
    code, lines = run_check(Path("data"), "--strict")
    where = "indicator_system.yaml 和本示范区的 indicators.yaml"
    path = "data/zones/nanning-hitech/annual/2024.yaml"
    assert code == 1
    assert [line for line in lines if line.startswith(path)] == [
        f"{path}:8: values.技术合同成交额 [invalid-id] 编号“技术合同成交额”不符合规则 / invalid id '技术合同成交额'"
        "（提示：应写代码 tech_contract_turnover（技术合同成交额））",
        f"{path}:16: values.xyz [unknown-indicator] 没有编号为“xyz”的指标 / no indicator 'xyz'"
        f"（提示：全部 25 个编号见 {where}）",
        f"{path}:17: values.高新技术企业 [invalid-id] 编号“高新技术企业”不符合规则 / invalid id '高新技术企业'"
        "（提示：相近的编号：hitech_enterprises（高新技术企业数量）、hitech_per_10k_enterprises（每万家企业法人中高新技术企业数）、"
        f"hitech_revenue_share（高新技术企业营业总收入占园区四上企业营业总收入比例）；全部 25 个编号见 {where}）",
    ]
