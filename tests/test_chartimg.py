"""A downloaded chart image carries its title, year(s), unit, source, the site's name and the page's address, and
the sample marking for sample data (issue 14): the generator's side. Every chart placeholder on every generated
page carries these texts in `data-image` (plain text in JSON, escaped for the HTML attribute), with its two
download buttons; tests/test_browser_chartimg.py checks the images charts.js makes of them."""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

from conftest import MINI, SAMPLE, generated, load_catalog, replace_once

SAMPLE_MARK = "示例数据 · 数字为虚构，仅用于演示"
HOSTILE_NAME = '</text><a href="javascript:alert(1)">x</a><script>alert(1)</script> {x} &amp;'
CHART = re.compile(r'<div class="chart-plot" id="([^"]+)"')
GROUP = re.compile(
    r'<div class="chart-download" role="group" aria-label="([^"]*)" data-chart="([^"]+)" data-image="([^"]*)" data-search-exclude>'
)


def charts(page: str) -> dict[str, dict[str, Any] | None]:
    """Each chart of a page by id: the texts of its image, from its download buttons' group (None without)."""
    images = {html.unescape(cid): json.loads(html.unescape(words)) for _label, cid, words in GROUP.findall(page)}
    return {html.unescape(cid): images.get(html.unescape(cid)) for cid in CHART.findall(page)}


def buttons(page: str, chart_id: str) -> list[tuple[str, str]]:
    """The download buttons for one chart: (format, label)."""
    group = page[page.index(f'data-chart="{chart_id}"') :]
    group = group[: group.index("</div>")]
    found = re.findall(
        r'<button type="button" class="md-button chart-download-button" data-format="(\w+)">([^<]*)</button>', group
    )
    return [(f, html.unescape(label)) for f, label in found]


def pages_of(data: Path, site_url: str = "") -> dict[str, str]:
    from generator.analysis.stage import analyse
    from generator.site.pages import make_pages

    catalog = load_catalog(data)
    return make_pages(catalog, analyse(catalog), site_url, pdf=False).pages


def test_every_chart_of_every_page_has_its_image_texts_and_buttons() -> None:
    _catalog, site = generated(SAMPLE)
    seen = 0
    for path, page in site.pages.items():
        for chart_id, image in charts(page).items():
            seen += 1
            assert image is not None, (path, chart_id)
            assert image["file"] == chart_id
            assert image["title"] and image["footer"][0].startswith("数据来源："), (path, image)
            assert image.get("sample") == SAMPLE_MARK, (path, chart_id)
            assert buttons(page, chart_id) == [("png", "下载 PNG"), ("svg", "下载 SVG")], (path, chart_id)
    # zone pages, indicator pages (ranking and trend), the composite index, the targets' progress
    assert seen > 50, seen


def test_a_zone_chart_names_zone_indicator_years_unit_source_site_and_page() -> None:
    catalog, site = generated(SAMPLE)
    zone = catalog.zones["nanning-hitech"]
    ind = catalog.indicator("tech_contract_turnover")
    years = sorted(int(p.stem) for p in (SAMPLE / "zones/nanning-hitech/annual").glob("*.yaml"))
    image = charts(site.pages["zones/nanning-hitech/index.md"])["chart-nanning-hitech-tech_contract_turnover"]
    assert image is not None
    short = zone.zone.short_name
    assert image["title"] == f"{short}：{ind.name}" == "南宁示范区：技术合同成交额"
    assert image["subtitle"] == f"{years[0]}—{years[-1]} 年 · 单位：{ind.unit}" == "2022—2025 年 · 单位：亿元"
    assert image["footer"] == [
        f"数据来源：{catalog.site.sponsor}，依据{short}报送的年度建设报告整理",
        f"{catalog.site.title} · {catalog.site.site_url}zones/nanning-hitech/",
    ]
    assert image["sample"] == SAMPLE_MARK


def test_a_value_with_its_own_source_is_named_in_the_image() -> None:
    catalog, site = generated(SAMPLE)
    zone = catalog.zones["liuzhou-hitech"]
    sourced = [(ind_id, r.source) for ind_id, r in zone.reports[2023].readings.items() if r.source]
    assert sourced, "the sample data has a value with a source of its own"
    ind_id, source = sourced[0]
    image = charts(site.pages["zones/liuzhou-hitech/index.md"])[f"chart-liuzhou-hitech-{ind_id}"]
    assert image is not None
    assert image["footer"][0].endswith(f"；其中 2023 年数值来源：{source}")


def test_indicator_page_charts_name_their_years_and_unit() -> None:
    catalog, site = generated(SAMPLE)
    ind = catalog.indicator("tech_contract_turnover")
    page = charts(site.pages["indicators/tech_contract_turnover.md"])
    reported = {y for z in catalog.zones.values() for y, r in z.reports.items() if ind.id in r.readings}
    latest = max(y for z in catalog.zones.values() for y, r in z.reports.items()
                 if not r.report.baseline and ind.id in r.readings and r.readings[ind.id].number is not None)  # fmt: skip
    rank, trend = page["chart-tech_contract_turnover-rank"], page["chart-tech_contract_turnover-trend"]
    assert rank is not None and trend is not None
    assert rank["title"] == f"{latest} 年{ind.name}" or str(latest) in rank["title"]
    assert rank["subtitle"] == f"{latest} 年 · 单位：亿元"
    assert trend["subtitle"] == f"{min(reported)}—{max(reported)} 年 · 单位：亿元"
    for image in (rank, trend):
        assert image["footer"] == [
            f"数据来源：{catalog.site.sponsor}，依据各示范区报送的年度建设报告整理",
            f"{catalog.site.title} · {catalog.site.site_url}indicators/tech_contract_turnover/",
        ]


def test_the_published_address_follows_site_url_and_real_data_carry_no_sample_marking(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    replace_once(data / "zones/demo-zone/zone.yaml", "sample: true\n", "")
    pages = pages_of(data, "https://gov.example.cn/kjcg/")
    images = [(path, image) for path, page in pages.items() for image in charts(page).values()]
    assert images
    for path, image in images:
        assert image is not None and "sample" not in image, path
        assert image["footer"][1].startswith("测试站点 · https://gov.example.cn/kjcg/"), image
    zone = charts(pages["zones/demo-zone/index.md"])["chart-demo-zone-contract_value"]
    assert zone is not None and zone["footer"][1] == "测试站点 · https://gov.example.cn/kjcg/zones/demo-zone/"


def test_names_with_markup_characters_stay_text(tmp_path: Path) -> None:
    """The data's own names cannot hold `<` (markup-in-text), but `&amp;`, `{…}`, Markdown and plotly's `%{…}`
    they can: the image's texts carry them exactly as written (charts.js writes them as text nodes)."""
    name = "技术合同成交额 &amp; {: onclick=alert(5) } [x](javascript:alert(5)) %{y}"
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    replace_once(data / "indicator_system.yaml", "name: 技术合同成交额", f"name: '{name}'")
    page = pages_of(data)["zones/demo-zone/index.md"]
    image = charts(page)["chart-demo-zone-contract_value"]
    assert image is not None and image["title"] == f"演示示范区：{name}"


def test_a_hostile_title_stays_in_the_attribute() -> None:
    """Whatever a title holds (a later page type may pass other text), the placeholder's attributes keep it:
    nothing of it becomes an element of the page."""
    from generator.site.charts import Chart, ImageSite, ImageTexts, chart_html, with_image

    site = ImageSite("站点", "https://example.org/x/")
    chart = with_image(Chart("chart-x", HOSTILE_NAME, "", {"data": [], "layout": {}}),
                       ImageTexts(HOSTILE_NAME, (2023,), HOSTILE_NAME, HOSTILE_NAME, site, True))  # fmt: skip
    markup = str(chart_html(chart))
    assert "<script" not in markup and "<a " not in markup and "</text>" not in markup
    image = charts(markup)["chart-x"]
    assert image is not None
    assert image["title"] == HOSTILE_NAME
    assert image["subtitle"] == f"2023 年 · 单位：{HOSTILE_NAME}"
    assert image["footer"] == [f"数据来源：{HOSTILE_NAME}", "站点 · https://example.org/x/"]
    group = GROUP.search(markup)
    assert group and html.unescape(group.group(1)) == f"下载图表图片：{HOSTILE_NAME}"


def test_the_buttons_words_stay_out_of_the_search_index(sample_site: Path) -> None:
    """Material's search compares elements by tag: without its own data-search-exclude the buttons' group would be
    indexed after the placeholder's closing </div> (the run's one reference build of the sample data)."""
    docs = json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]
    assert docs
    words = ("下载 PNG", "下载 SVG")
    leaked = [d["location"] for d in docs if any(w in d["text"].replace("\u200b", "") for w in words)]
    assert leaked == []
