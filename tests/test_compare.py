"""The comparison page (issue 16, part 1): its default choice on hand-worked data (ties by id), its page without
JavaScript (every value and sentence checked against the YAML), the zone pages' links to it, and hostile zone
names kept as text. The script's side (the address, the choice, the indicator pages' highlight) is
tests/test_browser_compare.py's."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import yaml

from conftest import SAMPLE, generated, load_catalog

COMPARE = "compare/index.md"


def _zone(zone_id: str, approved: str | None, years: list[int], baseline: int | None = None) -> Any:
    reports = {y: SimpleNamespace(report=SimpleNamespace(baseline=False)) for y in years}
    if baseline is not None:
        reports[baseline] = SimpleNamespace(report=SimpleNamespace(baseline=True))
    return SimpleNamespace(id=zone_id, approved=dt.date.fromisoformat(approved) if approved else None, reports=reports)


def _catalog(*zones: Any) -> Any:
    return SimpleNamespace(zones={z.id: z for z in zones})


def test_default_choice_the_four_approved_zones_with_most_reports_ties_by_id() -> None:
    """Worked by hand: annual reports a 3 (its baseline not counted), c 3, b 2, d 2, e 2 (b, d, e tied: b and d
    first by id), f 5 but not approved, g a baseline only. Years in common of a, b, c, d: 2022 only. Listed in
    the site's order (by approval date): c 2019, a 2020, d 2021-01, b 2021-05."""
    from generator.site.compare_words import Choice, default_choice

    catalog = _catalog(
        _zone("a-zone", "2020-01-01", [2020, 2021, 2022], baseline=2019),
        _zone("b-zone", "2021-05-01", [2021, 2022]),
        _zone("c-zone", "2019-03-01", [2021, 2022, 2023]),
        _zone("d-zone", "2021-01-01", [2022, 2023]),
        _zone("e-zone", "2020-06-01", [2021, 2022]),
        _zone("f-zone", None, [2020, 2021, 2022, 2023, 2024]),
        _zone("g-zone", "2018-01-01", [], baseline=2017),
    )
    assert default_choice(catalog) == Choice(("c-zone", "a-zone", "d-zone", "b-zone"), 2022)


def test_default_choice_without_a_year_in_common_takes_the_latest_any_reported() -> None:
    from generator.site.compare_words import Choice, default_choice

    catalog = _catalog(_zone("x-zone", "2020-01-01", [2020, 2021]), _zone("y-zone", "2021-01-01", [2023]))
    assert default_choice(catalog) == Choice(("x-zone", "y-zone"), 2023)
    assert default_choice(_catalog(_zone("f-zone", None, [2020]))) == Choice((), None)


# ---- the sample data's page, checked against the YAML ---------------------------------------------------------


def _yaml(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _written(path: Path) -> dict[str, str]:
    """An annual report's values as written in the file (the text after `id:`, not YAML's float)."""
    out, inside = {}, False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("values:"):
            inside = True
        elif inside and (m := re.match(r"^  ([a-z0-9_]+): (.+)$", line)):
            out[m.group(1)] = m.group(2).strip().strip("'\"")
        elif inside and line and not line.startswith(" "):
            inside = False
    return out


def _expected_default(data: Path) -> tuple[list[str], int]:
    """The default choice worked out from the files: approved zones (an `approved` event), their annual reports
    (files without `baseline: true`), the top four by count then id; the latest year they all have."""
    counts: dict[str, list[int]] = {}
    approved: dict[str, str] = {}
    for folder in sorted((data / "zones").iterdir()):
        zone = _yaml(folder / "zone.yaml")
        dates = [str(e["date"]) for e in zone.get("events", []) if e["kind"] == "approved"]
        years = [int(f.stem) for f in sorted((folder / "annual").glob("*.yaml")) if not _yaml(f).get("baseline")]
        if dates and years:
            counts[folder.name], approved[folder.name] = years, dates[0]
    chosen = sorted(counts, key=lambda z: (-len(counts[z]), z))[:4]
    year = max(set.intersection(*(set(counts[z]) for z in chosen)))
    return sorted(chosen, key=lambda z: (approved[z], z)), year  # listed in the site's order


def _shown(written: str) -> str:
    """A value as the zone pages show it: a number with its integer part in threes, a marker as written."""
    whole, dot, frac = written.partition(".")
    return f"{int(whole):,}{dot}{frac}" if whole.lstrip("-").isdigit() else written


def _sections(page: str) -> dict[str, dict[str, Any]]:
    """Per indicator section of the page's comparison: its sentence and its table's rows (zone, value)."""
    out = {}
    for ind_id, body in re.findall(
        r'<section class="compare-indicator" id="compare-([^"]+)">(.*?)</section>', page, re.S
    ):
        sentence = re.search(r'<p class="compare-sentence">(.*?)</p>', body, re.S)
        rows = re.findall(r'<tr><th scope="row"><a href="[^"]*">(.*?)</a></th><td>(.*?)</td></tr>', body)
        bars = re.findall(
            r'<span class="compare-bar-name">(.*?)</span>.*?<span class="compare-bar-value">(.*?)</span>', body
        )
        assert sentence, ind_id
        out[ind_id] = {
            "sentence": html.unescape(sentence.group(1)),
            "rows": [(html.unescape(z), html.unescape(v)) for z, v in rows],
            "bars": [(html.unescape(z), html.unescape(v)) for z, v in bars],
        }
    return out


def test_the_page_without_javascript_is_the_default_comparison_with_every_value_from_the_yaml() -> None:
    from generator import i18n
    from generator.data.kinds import KINDS

    _, site = generated(SAMPLE)
    page = site.pages[COMPARE]
    zones, year = _expected_default(SAMPLE)
    system = _yaml(SAMPLE / "indicator_system.yaml")
    quantitative = [i for i in system["indicators"] if KINDS[i["kind"]].numeric]
    names = {z: _yaml(SAMPLE / "zones" / z / "zone.yaml") for z in zones}
    short = {z: names[z].get("short_name") or names[z]["name"] for z in zones}
    values = {z: _written(SAMPLE / "zones" / z / "annual" / f"{year}.yaml") for z in zones}
    sections = _sections(page)
    groups = re.findall(r'<details class="indicator-group compare-group"( open)?><summary>', page)
    assert groups[0] == " open" and not any(groups[1:]) and len(groups) == len({i["category"] for i in quantitative})
    assert list(sections) == [i["id"] for i in sorted(quantitative, key=lambda i: [c["id"] for c in
                                                                                  system["categories"]].index(i["category"]))]  # fmt: skip
    with i18n.use("zh_CN"):
        between = i18n.pgettext("compare: between the zones of a list", ", ")
        caption = i18n._("Compared: %(zones)s, in %(year)s.", zones=between.join(short[z] for z in zones), year=year)
        assert f'<p class="compare-caption" id="compare-caption">{html.escape(caption)}</p>' in page
        for ind in quantitative:
            section = sections[ind["id"]]
            shown = [(short[z], _shown(values[z][ind["id"]]) if ind["id"] in values[z] else "—") for z in zones]
            assert section["rows"] == shown, ind["id"]
            assert section["bars"] == shown, ind["id"]
            assert section["sentence"] == _sentence(i18n, ind, KINDS[ind["kind"]].percent, year, shown, between)


def _sentence(
    i18n: Any, ind: dict[str, Any], percent: bool, year: int, shown: list[tuple[str, str]], between: str
) -> str:
    """The sentence the page should say, from the values (highest, lowest, the gap; the zones left out)."""
    unit = ind.get("unit") or ""

    def with_unit(v: str) -> str:
        return f"{v}%" if percent or unit == "%" else f"{v} {unit}" if unit else v

    numbers = [(z, v, Decimal(v.replace(",", ""))) for z, v in shown if re.fullmatch(r"-?[\d,]+(\.\d+)?", v)]
    values = {"year": year, "indicator": ind["name"]}
    if len(numbers) >= 2:
        high, low = max(n for *_, n in numbers), min(n for *_, n in numbers)
        gap = f"{high - low:,f}"
        gap = gap.rstrip("0").rstrip(".") if "." in gap else gap
        top = [(z, v) for z, v, n in numbers if n == high]
        bottom = [(z, v) for z, v, n in numbers if n == low]
        assert high != low  # the sample's default has no indicator where all are equal
        text = i18n._(
            "%(year)s, %(indicator)s: the highest is %(top)s (%(high)s), the lowest is %(bottom)s (%(low)s), a gap of "
            "%(gap)s.", **values, top=between.join(z for z, _v in top), high=with_unit(top[0][1]),
            bottom=between.join(z for z, _v in bottom), low=with_unit(bottom[0][1]),
            gap=i18n.pgettext("a figure", "%(change)s percentage points", change=gap) if percent else with_unit(gap),
        )  # fmt: skip
    elif numbers:
        text = i18n._("%(year)s, %(indicator)s: only %(zone)s has a number (%(value)s), so there is nothing to "
                      "compare.", **values, zone=numbers[0][0], value=with_unit(numbers[0][1]))  # fmt: skip
    else:
        text = i18n._("%(year)s, %(indicator)s: none of the chosen zones has a number.", **values)
    left = [(z, v) for z, v in shown if not re.fullmatch(r"-?[\d,]+(\.\d+)?", v)]
    if left:
        why = [i18n.pgettext("compare: a zone left out and why", "%(zone)s (%(why)s)", zone=z,
                             why=i18n.pgettext("series: a year", "not reported") if v == "—" else v) for z, v in left]  # fmt: skip
        text = i18n.pgettext("compare: one sentence after the other", "%(first)s %(next)s", first=text,
                             next=i18n._("Not compared: %(zones)s.", zones=between.join(why)))  # fmt: skip
    return text


def test_the_page_carries_every_zone_year_and_value_for_the_script() -> None:
    """The JSON the script reads: every zone with reports, every year, every value as the tables show it, and the
    same default as the page without JavaScript."""
    _, site = generated(SAMPLE)
    page = site.pages[COMPARE]
    attribute = re.search(r'<div class="compare" id="compare" data-compare="([^"]*)"', page)
    assert attribute
    data = json.loads(html.unescape(attribute.group(1)))
    zones, year = _expected_default(SAMPLE)
    assert data["default"] == {"zones": zones, "year": year}
    for folder in sorted((SAMPLE / "zones").iterdir()):
        for report in sorted((folder / "annual").glob("*.yaml")) if (folder / "annual").is_dir() else []:
            cells = data["values"][folder.name][report.stem]
            baseline = bool(_yaml(report).get("baseline"))
            for ind_id, written in _written(report).items():
                if ind_id not in cells:
                    continue  # a qualitative indicator: not compared
                shown, number, _why, history = cells[ind_id]
                assert history == ""  # built without history: nothing is marked revised (test_revisions)
                assert shown.startswith(_shown(written)), (folder.name, report.stem, ind_id)
                assert (number is None) == (baseline or not re.fullmatch(r"-?\d+(\.\d+)?", written))
                if number is not None:
                    assert Decimal(number) == Decimal(written)


def test_each_zone_page_links_the_comparison_with_that_zone_chosen() -> None:
    _, site = generated(SAMPLE)
    zones, _year = _expected_default(SAMPLE)
    for folder in sorted((SAMPLE / "zones").iterdir()):
        page = site.pages[f"zones/{folder.name}/index.md"]
        if not (folder / "annual").is_dir():
            continue
        others = [z for z in zones if z != folder.name][:3]
        assert f"](../../compare/index.md?zones={','.join([folder.name, *others])})" in page, folder.name


def test_hostile_zone_names_are_text_in_the_page_and_its_data(tmp_path: Path) -> None:
    from generator.analysis.stage import analyse
    from generator.site.pages import make_pages

    # the checker refuses `<` and `"` in a name (markup-in-text); what it lets through must still stay text
    hostile = (
        "*x* {: onclick=alert(2) } [y](javascript:alert(3)) &amp; &lt;img src=x onerror=alert(4)&gt; 'q' {zone} | t |"
    )
    data = tmp_path / "data"
    shutil.copytree(SAMPLE, data)
    zone_file = data / "zones/nanning-hitech/zone.yaml"
    text = zone_file.read_text(encoding="utf-8")
    assert "short_name: 南宁示范区" in text
    zone_file.write_text(text.replace("short_name: 南宁示范区", "short_name: " + json.dumps(hostile)), encoding="utf-8")
    catalog = load_catalog(data)
    site = make_pages(catalog, analyse(catalog), pdf=False)
    page = site.pages[COMPARE]
    # the comparison is one raw HTML block (Markdown reads nothing in it): the name is text, its entities escaped
    block = page[page.index('<div class="compare" id="compare"') :]
    assert 'markdown="' not in block and 'href="javascript' not in block
    assert "&lt;img" not in page  # only as &amp;lt;img: the text as written, never an entity
    attribute = re.search(r'data-compare="([^"]*)"', page)
    assert attribute and "<" not in attribute.group(1) and ">" not in attribute.group(1)
    data_json = json.loads(html.unescape(attribute.group(1)))
    assert [z["name"] for z in data_json["zones"] if z["id"] == "nanning-hitech"] == [hostile]
    # in the page without JavaScript: escaped for HTML wherever it is written (caption, bars, table, sentences)
    escaped = html.escape(hostile)
    assert page.count(escaped) >= 2 * len(_sections(page))
    assert hostile not in page
    indicator = site.pages["indicators/tech_contract_turnover.md"]
    zones_attr = re.search(r'id="zone-highlight" data-zones="([^"]*)"', indicator)
    assert zones_attr and "<" not in zones_attr.group(1)
    assert hostile in [z["name"] for z in json.loads(html.unescape(zones_attr.group(1)))]
    # and in the highlight box's checkboxes, drawn in the page (their size known at the first paint): as text
    box = indicator[indicator.find('id="zone-highlight"') :]
    assert f"> {escaped}</label>" in box[: box.find("</div>")] and hostile not in indicator


def test_the_script_gets_its_words_from_the_catalogue() -> None:
    """Every word compare.js writes comes from the page's data-words (the catalogue's), none from the script."""
    from generator.site import compare_words

    assets = SAMPLE.parent / "site_src" / "assets"
    script = "".join((assets / name).read_text(encoding="utf-8") for name in ("compare.js", "highlight.js"))
    cjk = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.S)
    assert not cjk.search(code)
    used = set(re.findall(r"words\.([a-z_]+)", code))
    highlight = re.search(r'data-words="([^"]*)"', compare_words.highlight_html(generated(SAMPLE)[0].zones.values()))
    assert highlight
    given = set(compare_words.script_words()) | set(json.loads(html.unescape(highlight.group(1))))
    assert used <= given, used - given
