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

from conftest import SAMPLE, generated, load_catalog, replace_once
from generator.analysis.composite import composite
from generator.analysis.learn import Evidence, learning
from generator.analysis.numbers import fmt_decimal
from generator.data.catalog import Catalog
from generator.site.markup import inline


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


# --- the pages: the zone page's 可借鉴的经验 and the indicator page's cases ---------------------------------------


def _short(data: Path, zone: str) -> str:
    z = _yaml(data / "zones" / zone / "zone.yaml")
    return str(z.get("short_name") or z["name"])


def _indicator(data: Path, indicator: str) -> dict[str, Any]:
    """An indicator's YAML entry: the system's, or a zone's own (zones/<id>/indicators.yaml)."""
    files = [data / "indicator_system.yaml", *sorted((data / "zones").glob("*/indicators.yaml"))]
    return next(i for f in files for i in _yaml(f)["indicators"] if i["id"] == indicator)


def _unit(data: Path, indicator: str) -> str:
    return str(_indicator(data, indicator).get("unit") or "")


def _shown(data: Path, indicator: str, number: Decimal) -> str:
    """A number with its unit as the site writes it (thousands separated, % without a space)."""
    unit, text = _unit(data, indicator), f"{number:,}"
    return f"{text}%" if unit == "%" else f"{text} {unit}" if unit else text


def _rose(data: Path, zone: str, case: dict[str, Any], indicator: str) -> str:
    """The sentence that says why a case is shown, from the YAML: the case zone's rise."""
    by, before, ay, after = _expected(data, zone, case, indicator)
    return (
        f"{_short(data, zone)}该指标由 {_shown(data, indicator, before)}（{by} 年）"
        f"增至 {_shown(data, indicator, after)}（{ay} 年）"
    )


def _kind(data: Path, indicator: str) -> str:
    return str(_indicator(data, indicator)["kind"])


def _name(data: Path, indicator: str) -> str:
    return str(_indicator(data, indicator)["name"])


def _section(page: str, heading: str) -> str:
    assert f"\n## {heading}\n" in page, heading
    rest = page.split(f"\n## {heading}\n", 1)[1]
    return rest.split("\n## ", 1)[0]


NONE_FITS = "暂无其他示范区的案例引用该指标且数据显示该指标有所提升。"


def test_zone_pages_show_the_lessons_with_their_numbers_and_why() -> None:
    catalog, site = generated(SAMPLE, pdf=False)
    index = composite(catalog)
    cases = {(zone, slug): case for zone, slug, case in _cases(SAMPLE)}
    improving = _improving(SAMPLE)
    shown = nones = unscored = 0
    for zone_id in catalog.zones:
        section = _section(site.pages[f"zones/{zone_id}/index.md"], "可借鉴的经验")
        score = index.latest_for(zone_id)
        if score is None:
            assert "暂不推荐其他示范区的经验：本区尚无综合指数，无法判断哪些指标相对薄弱。" in section
            assert "百分位" not in section
            unscored += 1
            continue
        # one part per weakness, in the zone page's order, each opening with the indicator's name
        parts = section.split("\n**")[1:]
        assert [p.split("**", 1)[0] for p in parts] == [
            f"[{inline(_name(SAMPLE, s.indicator))}](../../indicators/{s.indicator}.md)" for s in score.weaknesses
        ]
        for part, standing in zip(parts, score.weaknesses, strict=True):
            want = sorted(k for k in improving if k[2] == standing.indicator and k[0] != zone_id)
            items = [line for line in part.splitlines() if line.startswith("- ")]
            if not want:
                assert items == [f"- {NONE_FITS}"], (zone_id, standing.indicator)
                nones += 1
                continue
            assert len(items) == len(want), (zone_id, standing.indicator)
            for case_zone, slug, ind in want:
                case = cases[(case_zone, slug)]
                line = next(i for i in items if f"../../cases/{slug}.md" in i)
                assert f"（{_short(SAMPLE, case_zone)}，{case['year']} 年）" in line
                growth = _kind(SAMPLE, ind) in ("count", "amount")  # taken by its growth rate (kinds.py)
                what = "的增长率在" if growth else "在"
                among = "有增长率的" if growth else "有数值的"
                tied = "并列" if standing.tied else ""
                assert (
                    f"本区该指标{what} {standing.among} 个{among}示范区中{tied}排第 {standing.rank} 位"
                    f"（百分位 {fmt_decimal(standing.percentile, 1)}），属相对劣势；"
                ) in line, line
                assert _rose(SAMPLE, case_zone, case, ind) + "。" in line
                shown += 1
    assert shown > 0 and nones > 0 and unscored > 0  # every kind of part is checked


def test_indicator_pages_list_every_citing_case_with_before_and_after() -> None:
    _catalog, site = generated(SAMPLE, pdf=False)
    citing: dict[str, list[tuple[str, str, dict[str, Any]]]] = {}
    for zone, slug, case in _cases(SAMPLE):
        for ind in case["results"].get("indicators", []):
            citing.setdefault(ind, []).append((zone, slug, case))
    system = [i["id"] for i in _yaml(SAMPLE / "indicator_system.yaml")["indicators"] if i["kind"] != "text"]
    for ind in system:
        section = _section(site.pages[f"indicators/{ind}.md"], "引用本指标的案例")
        items = [line for line in section.splitlines() if line.startswith("- ")]
        if ind not in citing:
            assert "暂无案例引用本指标。" in section and not items, ind
            continue
        assert len(items) == len(citing[ind]), ind
        for zone, slug, case in citing[ind]:
            line = next(i for i in items if f"](../cases/{slug}.md)" in i)
            by, before, ay, after = _expected(SAMPLE, zone, case, ind)
            assert before is not None and after is not None  # the sample's cited indicators all have both
            b, a = _shown(SAMPLE, ind, before), _shown(SAMPLE, ind, after)
            short = _short(SAMPLE, zone)
            if after > before:
                assert f"{short}该指标由 {b}（{by} 年）增至 {a}（{ay} 年）。" in line, line
            elif after < before:
                assert f"{short}该指标由 {b}（{by} 年）降至 {a}（{ay} 年）。" in line, line
            else:
                assert f"{short}该指标 {b}（{by} 年）与 {a}（{ay} 年）持平。" in line, line


def test_case_titles_are_escaped_where_lessons_show_them(sample: Catalog, monkeypatch: pytest.MonkeyPatch) -> None:
    """A case title is data: on the zone page that offers it and the indicator page that lists it, no tag and
    no link can form from it."""
    from conftest import HOSTILE_CASE
    from generator.analysis.stage import analyse
    from generator.site.markup import inline
    from generator.site.pages import make_pages

    monkeypatch.setenv("PDF", "0")
    hostile = f"{HOSTILE_CASE} [x](javascript:alert(4)) *强调*"
    cases = [
        dataclasses.replace(c, case=c.case.model_copy(update={"title": hostile}))
        if c.slug == "joint-meeting-assessment"
        else c
        for c in sample.cases
    ]
    bad = dataclasses.replace(sample, cases=cases)
    pages = make_pages(bad, analyse(bad)).pages
    for path, heading, up in (
        ("zones/beihai-hitech/index.md", "可借鉴的经验", "../../"),
        ("indicators/hitech_enterprises.md", "引用本指标的案例", "../"),
    ):
        section = _section(pages[path], heading)
        assert f"]({up}cases/joint-meeting-assessment.md)" in section, path
        assert "<script>" not in section and "<img" not in section and "](javascript" not in section
        assert inline(hostile) in section


def test_the_words_of_each_case_without_a_lesson(sample: Catalog) -> None:
    """The sentences a reader sees where the data support no lesson: a zone scored with no weakness, a case
    zone without the value of the year before, one without a value from the case's year on."""
    from generator import i18n
    from generator.analysis.learn import Learning
    from generator.site.learn_words import evidence_sentence, lessons_block

    zone = sample.zones["nanning-hitech"]
    with i18n.use("zh_CN"):
        block = str(lessons_block(sample, Learning((), {zone.id: ()}), zone, "zones/nanning-hitech/index.md"))
        assert "暂不推荐其他示范区的经验：本区没有在各示范区中排名处于后半的指标。" in block
        assert "百分位" not in block
        short = _short(SAMPLE, "nanning-hitech")
        no_before = Evidence("x", zone.id, "hitech_enterprises", 2019, None, 2025, Decimal(1))
        assert evidence_sentence(sample, no_before) == f"{short}缺少案例年份前一年（2019 年）该指标的数值。"
        no_after = Evidence("x", zone.id, "hitech_enterprises", 2029, Decimal(1), None, None)
        assert evidence_sentence(sample, no_after) == f"{short}自案例年份（2030 年）起暂无该指标的数值。"
        assert not no_before.improved and not no_after.improved


def test_case_pages_give_the_before_and_after_of_the_case_year() -> None:
    """Sibling of the lessons: a case's own page says what its zone's value did around the case's year (the
    same before/after), so a rise from years before the case is not read as the case's result."""
    _catalog, site = generated(SAMPLE, pdf=False)
    for zone, slug, case in _cases(SAMPLE):
        page = site.pages[f"cases/{slug}.md"]
        assert "与案例年份对照（案例所在示范区该指标在案例年份前一年的数值和案例年份起最近一年的数值）：" in page
        for ind in case["results"].get("indicators", []):
            by, before, ay, after = _expected(SAMPLE, zone, case, ind)
            assert before is not None and after is not None
            b, a, short = _shown(SAMPLE, ind, before), _shown(SAMPLE, ind, after), _short(SAMPLE, zone)
            verb = "增至" if after > before else "降至" if after < before else None
            sentence = (
                f"{short}该指标由 {b}（{by} 年）{verb} {a}（{ay} 年）。"
                if verb
                else f"{short}该指标 {b}（{by} 年）与 {a}（{ay} 年）持平。"
            )
            # the name links to the indicator's page where it has one (a zone's own indicator has none)
            name = inline(_name(SAMPLE, ind))
            if f"indicators/{ind}.md" in site.pages:
                name = f"[{name}](../indicators/{ind}.md)"
            assert f"- {name}：{sentence}" in page, (slug, ind)
