"""The whole site, built by MkDocs with --strict from data: pages, footer, banner, URL, the clock."""

from __future__ import annotations

import filecmp
import json
import re
import shutil
from html import unescape
from pathlib import Path

import pytest

from conftest import HOSTILE_SITE_URL, MINI, SAMPLE, build_site, run_check
from generator.data.load import load_data
from generator.data.validate import validate_data


def read(site: Path, page: str) -> str:
    return (site / page / "index.html").read_text(encoding="utf-8")


def test_every_zone_and_case_has_a_page(sample_site: Path) -> None:
    catalog, _ = validate_data(load_data(SAMPLE))
    assert catalog is not None and catalog.zones and catalog.cases
    for zone_id, zone in catalog.zones.items():
        assert zone.zone.name in read(sample_site, f"zones/{zone_id}")
    for case in catalog.cases:
        assert case.case.title in read(sample_site, f"cases/{case.slug}")
    for page in ("", "zones", "cases", "indicators", "about"):
        assert '<html lang="zh"' in read(sample_site, page)


def test_zone_page_shows_values_and_markers_not_zero(sample_site: Path) -> None:
    html = read(sample_site, "zones/beihai-hitech")
    block = re.search(
        r"<h3[^>]*><a [^>]*>获技术经纪专业中级、高级工程师数量</a>.*?</table>", html, re.S
    )  # heading links its page
    assert block and "暂无" in block.group(0)  # the 2022 marker, shown as such in the table
    figure = json.loads(unescape(re.findall(r'data-figure="([^"]*)"', block.group(0))[0]))
    bars = dict(zip(figure["data"][0]["x"], figure["data"][0]["y"], strict=True))
    assert bars["2022（基期）"] is None  # no bar, not a zero bar
    assert {"text": "暂无"}.items() <= next(
        a for a in figure["layout"]["annotations"] if a["x"] == "2022（基期）"
    ).items()
    assert "已撤销" in html
    liuzhou = read(sample_site, "zones/liuzhou-hitech")
    assert "逾期" in liuzhou and "整改中" in liuzhou


def test_footer_comes_from_the_site_configuration(sample_site: Path) -> None:
    html = read(sample_site, "")
    for text in (
        "主办单位",
        "桂ICP备00000000号（占位）",
        "桂公网安备",
        "contact@example.org",
        "网站纠错",
        "数据截至 2026 年 3 月 31 日",
    ):
        assert text in html


def test_sample_banner_is_driven_by_the_data(sample_site: Path, tmp_path: Path) -> None:
    assert "sample-banner" in read(sample_site, "zones/nanning-hitech")
    assert "sample-banner" in read(sample_site, "")  # aggregates of sample figures
    assert "sample-banner" not in read(sample_site, "indicators")  # the indicator system is not sample
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    zone = data / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8").replace("sample: true\n", ""), encoding="utf-8")
    site = build_site(tmp_path, data, env={"PDF": "0"})  # the banner is on the pages; no PDF needed
    assert "sample-banner" not in read(site, "zones/demo-zone")
    assert "sample-banner" not in read(site, "")


def test_no_foreign_hosts_and_no_google_fonts(sample_site: Path) -> None:
    for page in sample_site.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", html):
            if 'rel="canonical"' in tag:
                continue  # names the page's own address, loads nothing
            if re.search(r'(?:src|href)="(?:https?:)?//', tag):
                pytest.fail(f"{page}: loads from another host: {tag}")


def test_site_url_can_be_overridden(hostile_site: Path) -> None:
    """The run's mini build with SITE_URL set (conftest's hostile_site: the mini data with hostile text, which
    leaves the page addresses alone); site.yaml says https://example.org/test/."""
    assert HOSTILE_SITE_URL == "https://gov.example.cn/kjcg/"
    assert '<link rel="canonical" href="https://gov.example.cn/kjcg/zones/demo-zone/"' in read(
        hostile_site, "zones/demo-zone"
    )


def test_bad_data_stops_the_build(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    (data / "zones/demo-zone/annual/2023.yaml").write_text("values: [\n", encoding="utf-8")
    with pytest.raises(AssertionError, match="未构建网站"):
        build_site(tmp_path, data)


def _same_tree(a: Path, b: Path) -> list[str]:
    diffs = []
    cmp = filecmp.dircmp(a, b)
    stack = [cmp]
    while stack:
        c = stack.pop()
        diffs += [f"{c.left}/{n}" for n in c.left_only + c.right_only + c.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(c.left, c.right, c.common_files, shallow=False)
        diffs += [f"{c.left}/{n}" for n in mismatch + errors]
        stack += list(c.subdirs.values())
    return diffs


@pytest.mark.skipif(not shutil.which("faketime"), reason="needs libfaketime (Debian package faketime)")
def test_the_machine_clock_changes_nothing(tmp_path: Path) -> None:
    """Two builds at wall-clock dates years apart: the same bytes, and the same check result."""
    # each with an empty PDF cache of its own, so the summary PDF is rendered under each clock, not served
    # from the run's shared cache
    early = build_site(
        tmp_path / "a", MINI, env={"PDF_CACHE": str(tmp_path / "a-pdf")}, prefix=["faketime", "2024-07-01 08:00:00"]
    )
    late = build_site(
        tmp_path / "b", MINI, env={"PDF_CACHE": str(tmp_path / "b-pdf")}, prefix=["faketime", "2031-12-31 23:00:00"]
    )
    assert list((tmp_path / "a-pdf").glob("*.pdf")) and list((tmp_path / "b-pdf").glob("*.pdf"))
    assert _same_tree(early, late) == []
    assert "2024-06-30" in (early / "sitemap.xml").read_text(encoding="utf-8")  # dates come from the data
    assert run_check(MINI, "--strict") == (0, [])


def test_search_index_segments_chinese_with_jieba(sample_site: Path) -> None:
    import json

    index = json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))
    assert "\\u200b" in index["config"]["separator"]  # the zero-width space jieba inserts separates words
    docs = [d for d in index["docs"] if d["location"].startswith("zones/nanning-hitech/")]
    assert docs and any("南宁\u200b高新区" in d["text"] for d in docs)  # words split by jieba


def test_search_index_holds_zone_profiles_but_not_each_indicators_numbers(sample_site: Path) -> None:
    """The index a reader downloads grows with the zones: a zone page's two dozen indicator sections (numbers,
    sentences, tables) are left out (data-search-exclude), its profile and sections stay; summaries are out."""
    import json

    index = json.loads((sample_site / "search/search_index.json").read_text(encoding="utf-8"))
    zone = [d for d in index["docs"] if d["location"].split("#")[0] == "zones/nanning-hitech/"]
    titles = {d["title"].replace("\u200b", "") for d in zone}  # jieba's word breaks
    assert {"载体园区", "建设方案", "目标进展", "综合表现"} <= titles, titles
    assert "技术合同成交额（亿元）" not in titles and not any(
        "报送该指标" in d["text"].replace("\u200b", "") for d in zone
    )
    assert not any(d["location"].startswith("zones/nanning-hitech/2025/") for d in index["docs"])
