"""Learning from other zones (issue 16, section 4): each case's before/after on the indicators it cites,
and the cases a zone page offers for its relative weaknesses. Every number is read again here from the YAML
files (not from the catalog), so the analysis is checked against the data as the editors wrote it."""

from __future__ import annotations

import dataclasses
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import SAMPLE, load_catalog, replace_once
from generator.analysis.composite import composite
from generator.analysis.learn import Evidence, learning
from generator.data.catalog import Catalog


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _number(data: Path, zone: str, year: int, indicator: str) -> Decimal | None:
    """The zone's number for the indicator in that year's report as written, or None (no report, no value,
    a marker)."""
    path = data / "zones" / zone / "annual" / f"{year}.yaml"
    if not path.exists():
        return None
    value = (_yaml(path).get("values") or {}).get(indicator)
    if isinstance(value, dict):
        value = value.get("value")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return Decimal(str(value))


def _years(data: Path, zone: str) -> list[int]:
    return sorted(int(p.stem) for p in (data / "zones" / zone / "annual").glob("*.yaml"))


def _cases(data: Path) -> list[tuple[str, str, dict[str, Any]]]:
    """(zone, slug, the case's YAML) for every case file."""
    return [(p.parent.parent.name, p.stem, _yaml(p)) for p in sorted((data / "zones").glob("*/cases/*.yaml"))]


def _expected(data: Path, zone: str, case: dict[str, Any], indicator: str) -> tuple[Any, ...]:
    """Worked by hand from the YAML: (before year, before, after year, after) as the README defines them."""
    year = case["year"]
    before = _number(data, zone, year - 1, indicator)
    later = [(y, n) for y in _years(data, zone) if y >= year and (n := _number(data, zone, y, indicator)) is not None]
    after_year, after = later[-1] if later else (None, None)
    return year - 1, before, after_year, after


def _improving(data: Path) -> set[tuple[str, str, str]]:
    """(case zone, case slug, indicator) of every cited indicator whose number rose, worked from the YAML."""
    out = set()
    for zone, slug, case in _cases(data):
        for indicator in case["results"].get("indicators", []):
            _by, before, _ay, after = _expected(data, zone, case, indicator)
            if before is not None and after is not None and after > before:
                out.add((zone, slug, indicator))
    return out


@pytest.fixture
def sample_copy(tmp_path: Path) -> Path:
    """A writable copy of the sample data (the mini data has one zone: no other zone to learn from)."""
    return Path(shutil.copytree(SAMPLE, tmp_path / "data"))


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return load_catalog(SAMPLE)


def test_evidence_is_the_yaml_before_and_after(sample: Catalog) -> None:
    found = learning(sample, composite(sample)).evidence
    expected = [
        Evidence(slug, zone, ind, *_expected(SAMPLE, zone, case, ind))
        for zone, slug, case in _cases(SAMPLE)
        for ind in case["results"].get("indicators", [])
    ]
    assert sorted(found, key=repr) == sorted(expected, key=repr)
    # the sample has both kinds, so both paths are exercised
    assert any(e.improved for e in found) and any(not e.improved and e.after is not None for e in found)


def test_lessons_are_exactly_the_improving_cases_of_other_zones_for_each_weakness(sample: Catalog) -> None:
    index = composite(sample)
    found = learning(sample, index)
    improving = _improving(SAMPLE)
    offered = 0
    for zone_id in sample.zones:
        score = index.latest_for(zone_id)
        if score is None:
            assert zone_id not in found.lessons
            continue
        lessons = found.lessons[zone_id]
        # the same weaknesses, in the same order, as the zone page's overall-performance section
        assert [lesson.standing for lesson in lessons] == list(score.weaknesses)
        for lesson in lessons:
            shown = {(e.zone, e.case, e.indicator) for e in lesson.cases}
            want = {k for k in improving if k[2] == lesson.standing.indicator and k[0] != zone_id}
            assert shown == want, (zone_id, lesson.standing.indicator)
            offered += len(shown)
    assert offered > 0 and any(not lesson.cases for ls in found.lessons.values() for lesson in ls)


def test_a_case_whose_value_fell_is_not_offered(sample_copy: Path) -> None:
    """Beihai is weak in hitech_enterprises, which Nanning's 2025 case joint-meeting-assessment cites: offered
    while Nanning's number rose from 2024 to 2025, not once its 2025 number is lowered below 2024's."""
    key = ("nanning-hitech", "joint-meeting-assessment", "hitech_enterprises")

    def beihai(data: Path) -> tuple[list[str], set[tuple[str, str, str]], list[Evidence]]:
        catalog = load_catalog(data)
        index = composite(catalog)
        found = learning(catalog, index)
        weak = [s.indicator for s in index.latest_for("beihai-hitech").weaknesses]  # type: ignore[union-attr]
        offered = {(e.zone, e.case, e.indicator) for ls in found.lessons["beihai-hitech"] for e in ls.cases}
        return weak, offered, list(found.evidence)

    weak, offered, _evidence = beihai(sample_copy)
    assert "hitech_enterprises" in weak and key in offered and key in _improving(sample_copy)
    replace_once(
        sample_copy / "zones/nanning-hitech/annual/2025.yaml", "hitech_enterprises: 872", "hitech_enterprises: 800"
    )
    before = _number(sample_copy, "nanning-hitech", 2024, "hitech_enterprises")
    after = _number(sample_copy, "nanning-hitech", 2025, "hitech_enterprises")
    assert before is not None and after is not None and after < before  # it fell, in the YAML
    weak, offered, evidence = beihai(sample_copy)
    assert "hitech_enterprises" in weak  # still a weakness: only the evidence changed
    fell = next(e for e in evidence if (e.zone, e.case, e.indicator) == key)
    assert (fell.before, fell.after, fell.improved) == (before, after, False)
    assert key not in offered and key not in _improving(sample_copy)


def test_no_numbers_no_lesson(sample: Catalog) -> None:
    """A cited indicator without a number in the year before the case is never offered, whatever the after."""
    zones = dict(sample.zones)
    nanning = zones["nanning-hitech"]
    reports = {y: r for y, r in nanning.reports.items() if y != 2023}  # online-offline-platform: 2024, before 2023
    zones["nanning-hitech"] = dataclasses.replace(nanning, reports=reports)
    catalog = dataclasses.replace(sample, zones=zones)
    found = learning(catalog, composite(catalog))
    gone = [e for e in found.evidence if e.case in ("online-offline-platform", "ownership-reform-pilot")]
    assert gone and all(e.before is None and not e.improved for e in gone)
    assert not any(
        e.case in ("online-offline-platform", "ownership-reform-pilot")
        for ls in found.lessons.values()
        for lesson in ls
        for e in lesson.cases
    )
