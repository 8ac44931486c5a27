"""Text from the data inside a plotly figure is inert (issue 12, item 8): plotly reads `%{…}` as a template in
hover templates and, through `meta`, in trace names, axis titles and annotations, and a subset of HTML
(`<br>`, `<b>`, `<a href>`) in every label. Names and units from the data must show as written."""

from __future__ import annotations

import html
import json
import re
import shutil
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from conftest import MINI, strings_in
from generator.analysis.stage import analyse
from generator.data.load import load_data
from generator.data.models import Indicator
from generator.data.validate import validate_data
from generator.site.charts import ranking_chart, trend_chart, years_chart
from generator.site.pages import make_pages
from generator.site.series import Point, Series

# What an editor can write into a name or unit (the check refuses < > " in names; the renderer must not rely on it).
TEMPLATES = "甲%{meta[0]}乙%{y:.2f}丙%{x|%Y}丁"
MARKUP = '戊<br>己<b>庚</b><a href="https://evil.example/">辛</a>&lt;i&gt;'
# How plotly must receive them: `&`, `<`, `>`, `{`, `}` as entities, which plotly turns back into characters
# on screen after templating, so they neither template nor format.
TEMPLATES_SEEN = "甲%&#123;meta[0]&#125;乙%&#123;y:.2f&#125;丙%&#123;x|%Y&#125;丁"
MARKUP_SEEN = '戊&lt;br&gt;己&lt;b&gt;庚&lt;/b&gt;&lt;a href="https://evil.example/"&gt;辛&lt;/a&gt;&amp;lt;i&amp;gt;'
# Our own template fields and tags, the only ones a figure may carry.
OURS = re.compile(r"%\{(?:x|y|text)\}|<br>|<extra></extra>")


def _assert_inert(figure: dict[str, Any]) -> None:
    for text in strings_in(figure):
        rest = OURS.sub("", text)
        assert "%{" not in rest and "<" not in rest and ">" not in rest, text


def _series(name: str, unit: str) -> Series:
    ind = Indicator.model_construct(id="x", category="c", name=name, name_en="x", unit=unit, kind="amount")
    points = (Point(2022, "2022", Decimal(3), "3", None, False), Point(2023, "2023", None, "暂无", "暂无", False))
    return Series(ind, points)


@pytest.mark.parametrize(
    ("hostile", "seen"),
    [
        pytest.param(TEMPLATES, TEMPLATES_SEEN, id="templates"),
        pytest.param(MARKUP, MARKUP_SEEN, id="markup"),
    ],
)
def test_every_chart_builder_escapes_names_units_and_labels(hostile: str, seen: str) -> None:
    years = years_chart("c", _series(hostile, hostile)).figure
    _assert_inert(years)
    assert years["data"][0]["name"] == seen
    assert years["data"][0]["hovertemplate"] == f"%{{x}}：%{{text}} {seen}<extra></extra>"
    assert years["layout"]["yaxis"]["title"]["text"] == seen

    ranking = ranking_chart("c", hostile, hostile, [(hostile, Decimal(1), hostile)]).figure
    _assert_inert(ranking)
    assert ranking["data"][0]["name"] == seen and ranking["data"][0]["y"] == [seen]
    assert ranking["data"][0]["text"] == [seen]
    assert ranking["layout"]["xaxis"]["title"]["text"] == seen

    trend = trend_chart("c", hostile, hostile, [2022], [(hostile, [Decimal(1)])]).figure
    _assert_inert(trend)
    assert trend["data"][0]["name"] == seen
    assert trend["data"][0]["hovertemplate"] == f"{seen}<br>%{{x}}：%{{y}}<extra></extra>"
    assert trend["layout"]["yaxis"]["title"]["text"] == seen


def _figures(pages: dict[str, str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for rel, text in pages.items():
        for match in re.finditer(r'data-figure="([^"]*)"', text):
            yield rel, json.loads(html.unescape(match.group(1)))


def test_no_figure_of_the_site_carries_a_template_or_markup_from_the_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PDF", "0")  # the pages are checked, not the summary PDFs: no WeasyPrint renders
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    zone = data / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("name: 演示示范区", f"name: '{TEMPLATES}'"), "utf-8")
    system = data / "indicator_system.yaml"
    text = system.read_text(encoding="utf-8")
    text = text.replace("name: 技术合同成交额", f"name: '技术合同成交额{TEMPLATES}'").replace(
        "unit: 亿元", f"unit: '亿元{TEMPLATES}'"
    )
    system.write_text(text, encoding="utf-8")
    catalog, log = validate_data(load_data(data))
    assert catalog is not None, log.sorted()
    figures = list(_figures(make_pages(catalog, analyse(catalog)).pages))
    assert len({rel for rel, _ in figures}) >= 4  # zone page, indicator page, analysis, progress
    seen: set[str] = set()
    for rel, figure in figures:
        _assert_inert(figure)
        seen |= {rel for s in strings_in(figure) if TEMPLATES_SEEN in s}
    assert {"zones/demo-zone/index.md", "indicators/contract_value.md", "progress/index.md"} <= seen


PLOTLY = Path(__file__).resolve().parent.parent / "site_src/assets/vendor/plotly/plotly-site.min.js"


def test_plotly_shows_hostile_text_literally_in_hover_axis_and_legend(browser: Any) -> None:
    """In headless Chromium, the vendored plotly draws a figure with hostile names: the hover label, the axis
    title and the legend show the text exactly as written (no template filled in, no tag obeyed)."""
    hostile = TEMPLATES + "<br>换<b>行</b>"
    figure = trend_chart("c", hostile, hostile, [2022], [(hostile, [Decimal(1)])]).figure
    page = browser.new_page()
    try:
        page.set_content('<div id="g" style="width:600px;height:400px"></div>')
        page.add_script_tag(path=str(PLOTLY))
        page.evaluate(
            "f => Plotly.newPlot('g', f.data, f.layout).then(gd => Plotly.Fx.hover(gd, [{curveNumber: 0, pointNumber: 0}]))",
            figure,
        )
        hover = page.eval_on_selector(".hoverlayer .hovertext", "e => e.textContent")
        title = page.eval_on_selector(".ytitle", "e => e.textContent")
        legend = page.eval_on_selector(".legendtext", "e => e.textContent")
        tags = page.eval_on_selector_all(".hoverlayer b, .hoverlayer a, .ytitle b, .legendtext b", "es => es.length")
    finally:
        page.close()
    assert hover == f"{hostile}2022：1"  # the text, then our own <br> (a line break) and the point
    assert title == hostile and legend == hostile
    assert tags == 0
