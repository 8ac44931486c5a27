"""The home page answers "which zones are doing well" (issue 14): the zones counted by status, one count per
status saying what it counts, each approved zone with its key figures and a link; how many targets are
achieved / on course / behind / not achieved (the counts /progress/ gives); the performance groups of the
latest composite index (the groups /analysis/ gives); the latest news post. Every figure is checked against
the YAML of the sample data and of tests/fixtures/mini, or against the page that is its source."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import MINI, SAMPLE, generated
from generator import i18n
from generator.analysis.targets import STATUSES
from generator.data.catalog import STATUS_LABELS
from generator.site.composite_words import GROUP_NAMES
from generator.site.progress_words import status_label
from generator.site.zone_pages import KEY_INDICATORS

DATA = pytest.mark.parametrize("data", [SAMPLE, MINI], ids=["sample", "mini"])
APPROVED = ("building", "due", "confirmed", "rectification", "revoked", "further_support")


# ---- the YAML, read here without the generator ---------------------------------------------------------


def _read(path: Path, loader: Any = yaml.SafeLoader) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=loader)


def _as_of(data: Path) -> dt.date:
    value = _read(data / "site.yaml")["as_of"]
    assert isinstance(value, dt.date)
    return value


def _zones(data: Path) -> dict[str, dict[str, Any]]:
    return {d.name: _read(d / "zone.yaml") for d in sorted((data / "zones").iterdir()) if d.is_dir()}


def _status(zone: dict[str, Any], as_of: dt.date) -> str:
    """The zone's status from its dated events, as the guideline's procedure gives it."""
    status = "applied"
    for event in zone.get("events", []):
        if event["date"] > as_of:
            continue
        if event["kind"] == "public_notice" and status == "applied":
            status = "public_notice"
        elif event["kind"] == "approved":
            status = "building"
        elif event["kind"] == "evaluated":
            status = event["result"]
    if status == "building" and as_of > dt.date(zone["period"]["end"], 12, 31):
        status = "due"
    return status


def _statuses(data: Path) -> dict[str, str]:
    as_of = _as_of(data)
    return {zone_id: _status(zone, as_of) for zone_id, zone in _zones(data).items()}


def _indicators(data: Path) -> dict[str, dict[str, Any]]:
    return {ind["id"]: ind for ind in _read(data / "indicator_system.yaml")["indicators"]}


def _latest(data: Path, zone_id: str, ind_id: str) -> tuple[str, int] | None:
    """The zone's latest non-baseline value of an indicator as written (or its marker), and its year."""
    annual = data / "zones" / zone_id / "annual"
    for path in sorted(annual.glob("*.yaml"), reverse=True) if annual.is_dir() else []:
        report = _read(path, yaml.BaseLoader)  # every scalar as written
        if report.get("baseline") == "true" or ind_id not in report.get("values", {}):
            continue
        value = report["values"][ind_id]
        return (value["value"] if isinstance(value, dict) else value), int(path.stem)
    return None


# ---- the home page -------------------------------------------------------------------------------------


def _page(data: Path, path: str = "index.md") -> str:
    _, site = generated(data)
    return str(site.pages[path])


def _text(markdown: str) -> str:
    """What a reader reads: links reduced to their text, entities decoded, spaces collapsed."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.sub(r"\s+", " ", html.unescape(text))


def _block(name: str, markdown: str) -> str:
    """One block of the home page: from its `<div … id="home-NAME">` to the next block or the next section."""
    start = markdown.find(f'id="home-{name}"')
    assert start >= 0, f"the home page has no block home-{name}"
    heading = markdown.find("\n## ", start)
    ends = [e for e in (markdown.find('class="home-block"', start), markdown.find("\n## ", heading + 1)) if e >= 0]
    return markdown[start : min(ends) if ends else None]


def _parts(block: str, cls: str) -> dict[str, str]:
    """The parts of a block marked `<div class="CLS" data-key="…">`, by key."""
    pieces = re.split(rf'(?=<div class="{cls}" data-key=")', block)
    return {re.match(rf'<div class="{cls}" data-key="([^"]+)"', p).group(1): p for p in pieces[1:]}  # type: ignore[union-attr]


def _count(words: str, text: str) -> list[int]:
    """The numbers a text gives after `words` ("已认定 1 个", "滞后 2 项")."""
    return [int(n) for n in re.findall(rf"{re.escape(words)}\s*(\d+)\s*[个项]", text)]


@DATA
def test_every_status_is_counted_on_its_own_with_its_zones(data: Path) -> None:
    statuses = _statuses(data)
    parts = _parts(_block("stages", _page(data)), "home-status")
    shown = {s for s in statuses.values()}
    assert set(parts) == shown, "one part per status that has zones, no other"
    with i18n.use("zh_CN"):
        for status, part in parts.items():
            zones = sorted(z for z, s in statuses.items() if s == status)
            text = _text(part)
            assert _count(STATUS_LABELS[status][0], text) == [len(zones)], (status, text)
            linked = sorted(re.findall(r"\]\(zones/([^/]+)/index\.md\)", part))
            assert sorted(set(linked)) == zones, (status, linked)


@DATA
def test_no_count_of_zones_adds_statuses_together(data: Path) -> None:
    """Every count on the home page (its zone cards' figures and the folded totals aside) is the count of one
    status, one performance group, or of the cases: never "示范区 6 个" over applicants, zones at public notice
    and revoked zones."""
    statuses = _statuses(data)
    page = _page(data)
    page = re.sub(r"<details.*?</details>", "", page, flags=re.S)
    page = re.sub(r'<div class="home-zone".*?</div>', "", page, flags=re.S)
    text = _text(page.split("---", 2)[2])
    with i18n.use("zh_CN"):
        counts = {STATUS_LABELS[s][0]: n for s in set(statuses.values()) if (n := list(statuses.values()).count(s))}
        groups = [i18n.pgettext(*g) for g in GROUP_NAMES.values()]
        cases = i18n.pgettext("templates", "Cases")
    for match in re.finditer(r"(\d+)\s*个", text):
        before = text[max(0, match.start() - 12) : match.start()].rstrip()
        label = next((w for w in [*counts, *groups, cases] if before.endswith(w)), None)
        assert label is not None, f"a count with no single status: …{before} {match.group(0)}…"
        if label in counts:
            assert int(match.group(1)) == counts[label], (label, match.group(0))
    assert not re.search(rf"示范区\s*{len(statuses)}\s*个|{len(statuses)}\s*个示范区", text)


@DATA
def test_each_approved_zone_shows_its_key_figures_and_links_its_page(data: Path) -> None:
    statuses = _statuses(data)
    indicators = _indicators(data)
    catalog, _ = generated(data)
    from generator.analysis.stage import analyse

    analysis = analyse(catalog)
    cards = _parts(_block("stages", _page(data)), "home-zone")
    approved = sorted(z for z, s in statuses.items() if s in APPROVED)
    assert sorted(cards) == approved
    with i18n.use("zh_CN"):
        for zone_id, card in cards.items():
            assert f"](zones/{zone_id}/index.md)" in card
            text = _text(card)
            for ind_id in KEY_INDICATORS:
                latest = _latest(data, zone_id, ind_id) if ind_id in indicators else None
                if latest is None:
                    continue
                value, year = latest
                unit = indicators[ind_id].get("unit") or ""
                assert re.search(rf"{re.escape(value)}\s*{re.escape(unit)}（{year} 年）", text), (zone_id, ind_id, text)
            progress = analysis.progress_for(zone_id)
            for status in STATUSES:
                n = progress.count(status) if progress else 0
                if n:
                    assert _count(status_label(status), text) == [n], (zone_id, status, text)
            score = analysis.composite.latest_for(zone_id)
            if score is not None:
                assert f"{score.year} 年" in text and str(score.score) in text, (zone_id, text)
                assert score.group is not None and i18n.pgettext(*GROUP_NAMES[score.group]) in text


@DATA
def test_target_counts_are_those_of_the_progress_page(data: Path) -> None:
    block = _text(_block("targets", _page(data)))
    progress = _text(_page(data, "progress/index.md").split("##", 1)[0])
    catalog, _ = generated(data)
    from generator.analysis.stage import analyse

    analysis = analyse(catalog)
    with i18n.use("zh_CN"):
        for status in STATUSES:
            n = sum(p.count(status) for p in analysis.progress)
            label = status_label(status)
            assert _count(label, block) == [n], (label, block)
            assert _count(label, progress) in ([n], []), (label, progress)  # /progress/ names only those it has
            if n:
                assert _count(label, progress) == [n]
    assert "progress/index.md" in _block("targets", _page(data))


@DATA
def test_performance_groups_are_those_of_the_analysis_page(data: Path) -> None:
    markdown = _block("groups", _page(data))
    catalog, _ = generated(data)
    from generator.analysis.stage import analyse

    published = analyse(catalog).composite.published
    assert "analysis/index.md" in markdown
    with i18n.use("zh_CN"):
        names = {g: i18n.pgettext(*GROUP_NAMES[g]) for g in GROUP_NAMES}
    if not published:
        assert not any(name in _text(markdown) for name in names.values())
        return
    year = published[-1].year
    # the latest year's table on /analysis/: zone -> group
    analysis_page = _page(data, "analysis/index.md")
    section = analysis_page.split(f"## {year} 年", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| \d+ \| \[[^\]]+\]\(\.\./zones/([^/]+)/index\.md\) \|(.*)$", section, flags=re.M)
    expected: dict[str, list[str]] = {}
    for zone_id, rest in rows:
        group = next(g for g, name in names.items() if f"| {name} |" in rest)
        expected.setdefault(names[group], []).append(zone_id)
    assert f"{year} 年" in _text(markdown)
    parts = _parts(markdown, "home-group")
    assert {names[g] for g in names if g.value in parts} == set(expected)
    for group, name in names.items():
        if group.value not in parts:
            continue
        part = parts[group.value]
        assert _count(name, _text(part)) == [len(expected[name])]
        assert sorted(re.findall(r"\]\(zones/([^/]+)/index\.md\)", part)) == sorted(expected[name])


@DATA
def test_the_latest_news_post_comes_first(data: Path) -> None:
    as_of = _as_of(data)
    events = [
        (e["date"], zone_id, e["kind"]) for zone_id, z in _zones(data).items() for e in z.get("events", [])
        if e["date"] <= as_of
    ]  # fmt: skip
    day, zone_id, kind = max(events)
    block = _block("news", _page(data))
    first = re.search(r"\]\((news/posts/[^)]+\.md)\)", block)
    assert first, block
    post = _page(data, first.group(1))
    assert f"date: {day.isoformat()}" in post and f"-{zone_id}-{kind.replace('_', '-')}" in first.group(1)
    title = re.search(r'^title: "(.*)"$', post, flags=re.M).group(1)  # type: ignore[union-attr]
    item = _text(next(line for line in block.splitlines() if first.group(1) in line))
    assert title in item and f"{day.year} 年 {day.month} 月 {day.day} 日" in item, item
    assert "news/index.md" in block


@DATA
def test_the_totals_table_is_folded_and_names_the_zones_it_adds_up(data: Path) -> None:
    """The table of latest-year totals is no longer in the first screens: it is folded, and says once
    (not on every row) which zones' values it adds up."""
    page = _page(data)
    assert "覆盖示范区数" not in page
    catalog, _ = generated(data)
    from generator.analysis.stage import analyse

    totals = analyse(catalog).totals
    if not totals:
        return
    folded = re.search(r"<details.*?</details>", page, flags=re.S)
    assert folded, "the totals are folded"
    for total in totals:
        for zone_id in total.zone_ids:
            assert f"zones/{zone_id}/index.md" in folded.group(0)


@DATA
def test_the_home_page_is_marked_sample_when_its_zones_are(data: Path) -> None:
    sample = any(z.get("sample") for z in _zones(data).values())
    assert ("\nsample: true\n" in _page(data).split("---", 2)[1]) == sample


# ---- the same class on other pages: a count of zones says which statuses it counts -----------------------


def _status_counts_only(text: str, statuses: list[str]) -> None:
    """Every "N 个" in `text` is the count of one status, and every status of `statuses` has its count."""
    with i18n.use("zh_CN"):
        counts = {STATUS_LABELS[s][0]: statuses.count(s) for s in set(statuses)}
    for match in re.finditer(r"(\d+)\s*个", text):
        before = text[max(0, match.start() - 12) : match.start()].rstrip()
        label = next((w for w in counts if before.endswith(w)), None)
        assert label is not None, f"a count with no single status: …{before} {match.group(0)}…"
        assert int(match.group(1)) == counts[label], (label, match.group(0))
    for label, n in counts.items():
        assert _count(label, text) == [n], (label, text)


@DATA
def test_the_progress_page_says_which_statuses_its_zones_have(data: Path) -> None:
    """/progress/ said "4 个示范区共设有 13 项期末目标" over zones under construction, confirmed, in
    rectification and revoked."""
    statuses = _statuses(data)
    catalog, _ = generated(data)
    from generator.analysis.stage import analyse

    judged = [statuses[p.zone.id] for p in analyse(catalog).progress]
    for path in ("progress/index.md", "progress/targets.md"):
        page = _page(data, path)
        summary = _text(page.split("\n# ", 1)[1].split("\n", 2)[2].split("\n\n", 1)[0])
        _status_counts_only(summary.split("：", 1)[0] if judged else summary, judged)


@DATA
def test_the_zone_list_counts_each_status(data: Path) -> None:
    """The zone list said "共 6 个示范区（含申报中、公示中）", and nothing of the revoked zone."""
    page = _page(data, "zones/index.md")
    intro = _text(page.split("\n# ", 1)[1].split("\n", 2)[2].split("\n\n", 1)[0])
    _status_counts_only(intro, list(_statuses(data).values()))
