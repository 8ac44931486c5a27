"""The 年度建设情况数据摘要 (a zone's annual summary page) and its PDF (one for every reported year).

Figures are worked by hand from zones_data/zones/nanning-hitech (zone.yaml, annual/2023.yaml and 2024.yaml).
"""

from __future__ import annotations

import hashlib
import html
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import MINI, ROOT, SAMPLE, generated, load_catalog, plain_cells
from generator.analysis.stage import analyse
from generator.data.catalog import Catalog
from generator.site import paths, summary_pages
from generator.site.figures import figure
from generator.site.pages import SitePages, make_pages

ZONE = "nanning-hitech"


@pytest.fixture(scope="module")
def sample() -> Catalog:
    return generated(SAMPLE)[0]  # the run's shared catalog of the sample data


def pages_of(catalog: Catalog, pdf: bool) -> SitePages:
    return make_pages(catalog, analyse(catalog), pdf=pdf)


def plain(markdown: str) -> str:
    """The page's text with our Markdown escapes undone (`&#46;` -> `.`)."""
    return html.unescape(markdown)


def table_rows(markdown: str, heading: str) -> dict[str, list[str]]:
    """The rows of the table under `## heading`, by their first cell (in 指标数值 the indicator's name with its
    unit, `技术合同成交额（亿元）`), the cells' phone labels and data marks taken out."""
    part = plain_cells(plain(markdown)).split(f"## {heading}\n")[1].split("\n## ")[0]
    rows = {}
    for line in part.splitlines():
        if line.startswith("| ") and not line.startswith("| ---"):
            line = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line)  # an indicator's name links its page: its words
            cells = [c.strip() for c in line.strip("|").split("|")]
            rows[cells[0]] = cells
    return rows


def with_unit(name: str, unit: str | None) -> str:
    """The 指标 cell of the 指标数值 table: the name, then the unit in full-width brackets when there is one."""
    return f"{name}（{unit}）" if unit else name


def summary_page(catalog: Catalog, year: int = 2024) -> str:
    from generator.site.common import Context, make_env

    ctx = Context(catalog=catalog, analysis=analyse(catalog), env=make_env(), pdf=False)
    section = summary_pages.make_summary_pages(ctx)
    return section.pages[paths.year_page(ZONE, year)]


def test_summary_page_title_disclaimer_and_facts(sample: Catalog) -> None:
    page = summary_page(sample)
    text = plain(page)
    assert 'title: "南宁示范区 2024 年度建设情况数据摘要"' in page
    assert "# 南宁示范区 2024 年度建设情况数据摘要" in page
    assert "sample: true" in page and 'search: {"exclude": true}' in page
    assert "**不是**示范区报送的年度建设报告原文" in page
    rows = table_rows(page, "基本情况")
    assert rows["示范区全称"][1] == "南宁高新区自治区科技成果转移转化示范区"
    assert rows["建设主体"][1] == "南宁市"
    assert rows["级别"][1] == "自治区级"
    assert rows["载体园区"][1] == "南宁高新技术产业开发区（国家级高新技术产业开发区）"
    assert rows["2024 年末状态"][1] == "建设中"  # evaluated (confirmed) only on 2026-03-20
    assert rows["当前状态（截至 2026 年 3 月 31 日）"][1] == "已认定"
    assert rows["建设期"][1] == "2023—2025 年"
    assert rows["批复日期"][1] == "2023-07-10"
    assert rows["批复文号"][1] == "桂科成字〔2023〕示例1号"
    assert rows["管理部门"][1] == "南宁市科学技术局"
    assert "年度建设报告报送日期：2025 年 1 月 22 日（截止日期 2025 年 1 月 31 日，按时报送）" in text


def test_values_and_changes_match_the_yaml(sample: Catalog) -> None:
    page = summary_page(sample)
    rows = table_rows(page, "指标数值")
    # name -> (unit, this year, the year before, change), worked by hand
    expected = {
        "技术合同成交额": ("亿元", "40.2", "39.1", "+2.8%（+1.1）"),  # 1.1 / 39.1 = 2.81 %
        "自治区级及以上技术转移示范机构": ("家", "7", "6", "+16.7%（+1）"),
        "高新技术企业数量": ("家", "829", "725", "+14.3%（+104）"),  # 104 / 725 = 14.34 %
        "当年研发经费内部（R&D）支出占营业收入比例": ("%", "2.23", "2.25", "-0.02 个百分点"),
        "自治区级科技成果转化中试研究基地": ("家", "1", "1", "持平"),
    }
    for name, (unit, value, before, change) in expected.items():
        assert rows[with_unit(name, unit)][1:4] == [value, before, change], name
    # every number in the row is the one written in the YAML (thousands separated, the site's one rule: issue 14)
    this = yaml.safe_load((SAMPLE / f"zones/{ZONE}/annual/2024.yaml").read_text(encoding="utf-8"))["values"]
    last = yaml.safe_load((SAMPLE / f"zones/{ZONE}/annual/2023.yaml").read_text(encoding="utf-8"))["values"]
    shown = 0
    for ind in sample.indicators:
        if ind.kind == "text":
            continue
        assert rows[with_unit(ind.name, ind.unit)][1] == figure(str(this[ind.id])), ind.id
        assert rows[with_unit(ind.name, ind.unit)][2] == figure(str(last[ind.id])), ind.id
        shown += 1
    assert shown == 23


def test_targets_in_force_at_the_years_end(sample: Catalog) -> None:
    # the columns: 指标 | 本年度 | 达到目标的比例 | 进度 | 期末目标
    rows = table_rows(summary_page(sample, 2024), "目标进度")
    # the revision of 2024-03-01 raised the contract target from 60 to 70 亿元: 40.2 / 70 = 57.43 %
    # 进度: the year's value against the line from the 2022 baseline to the target in 2025 (2 of 3 years on)
    assert rows["技术合同成交额"][1:] == ["40.2 亿元", "57.4%", "滞后（进度线 58.23）", "70 亿元"]  # 34.7 + 35.3 × 2/3
    assert rows["高新技术企业数量"][1:] == ["829 家", "92.1%", "进度正常（进度线 828.33）", "900 家"]  # 685 + 215 × 2/3
    assert rows["自治区级及以上技术转移示范机构"][1:] == ["7 家", "87.5%", "滞后（进度线 7.33）", "8 家"]  # 6 + 2 × 2/3
    assert rows["当年研发经费内部（R&D）支出占营业收入比例"][1:] == ["2.23%", "69.7%", "滞后（进度线 2.9）", "3.2%"]
    assert rows["自治区级科技成果转化中试研究基地"][1:] == ["1 家", "25%", "滞后（进度线 2.67）", "4 家"]  # 0 + 4 × 2/3
    # in 2023 the plan's own target was still in force: 39.1 / 60 = 65.17 %; line 34.7 + 25.3 × 1/3 = 43.13
    rows_2023 = table_rows(summary_page(sample, 2023), "目标进度")
    assert rows_2023["技术合同成交额"][1:] == ["39.1 亿元", "65.2%", "滞后（进度线 43.13）", "60 亿元"]
    # the end year decides: 2025's value against the target is the outcome (45.8 < 70: 未实现)
    rows_2025 = table_rows(summary_page(sample, 2025), "目标进度")
    assert rows_2025["技术合同成交额"][3] == "未实现"


def test_target_share_never_treats_missing_as_zero() -> None:
    from decimal import Decimal

    assert summary_pages.target_share(None, Decimal(10)) == "—"
    assert summary_pages.target_share(Decimal(5), Decimal(0)) == "—"
    assert summary_pages.target_share(Decimal(0), Decimal(8)) == "0%"
    assert summary_pages.target_share(Decimal("2.23"), Decimal("3.2")) == "69.7%"


def test_highlights_cases_and_events_of_the_year(sample: Catalog) -> None:
    page = summary_page(sample)
    text = plain(page)
    assert "<li>技术转移服务平台上线运行（示例）。</li>" in page
    assert "<li>新设立一只成果转化基金（示例）。</li>" in page
    cases = text.split("## 本年度经验案例")[1].split("##")[0]
    # the zone's 2024 cases, linked like the zone page links cases; not its 2025 ones
    assert "[线上线下融合的技术转移服务平台](../../cases/online-offline-platform.md)" in cases
    assert "[职务科技成果“先赋权后转化”改革试点](../../cases/ownership-reform-pilot.md)" in cases
    assert "joint-meeting-assessment" not in cases and "tech-sub-branch-fund" not in cases
    events = plain_cells(text.split("## 本年度建设程序事件")[1].split("##")[0])  # one card an event on a phone
    event_rows = [line for line in events.splitlines() if re.match(r"\| \d{4}-", line)]
    assert event_rows == [
        "| 2024-03-01 | 建设方案修订 |  | 根据中期检查意见，上调技术合同成交额目标。 |",
        "| 2025-01-22 | 报送年度建设报告（2024 年度，按时） |  |  |",
    ]


def test_zone_page_links_every_summary_and_every_summary_its_pdf(sample: Catalog) -> None:
    site = pages_of(sample, True)
    # build.py's PDF stage, with the run's PDF cache (conftest): the same print HTML as the session's sample build
    # (`sample_site`), so each of these PDFs is rendered once per run, here or there
    pdf_files = summary_pages.render_pdfs(site.pdf_jobs, Path(os.environ["PDF_CACHE"]))
    zone = site.pages[paths.zone_page(ZONE)]
    assert "各年度建设情况数据摘要：[2022 年度](2022.md)" in zone
    assert "(summary-2025.pdf)" in zone
    assert not [p for p in site.files if p.endswith(".pdf")]  # the pages stage renders none
    pdfs = sorted(pdf_files)
    with_reports = sorted(z for z, r in sample.zones.items() if r.reports)
    assert pdfs == sorted(f"zones/{z}/summary-{y}.pdf" for z in with_reports for y in sample.zones[z].reports)
    # every PDF link on any page points at a file that is generated
    for path, text in site.pages.items():
        for target in re.findall(r"\]\(([^)]*\.pdf)\)", text):
            resolved = (Path(path).parent / target).as_posix()
            assert resolved in pdf_files, (path, target)
    assert "[下载 PDF（2025 年度摘要）](summary-2025.pdf)" in site.pages[f"zones/{ZONE}/2025.md"]
    assert "[下载 PDF（2024 年度摘要）](summary-2024.pdf)" in site.pages[f"zones/{ZONE}/2024.md"]  # every year's

    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(pdf_files[f"zones/{ZONE}/summary-2025.pdf"]))
    text = "".join(page.extract_text() for page in reader.pages)
    compact = re.sub(r"\s+", "", text)
    assert "南宁示范区2025年度建设情况数据摘要" in compact
    assert "示例数据" in compact and "不是示范区报送的年度建设报告" in compact
    assert "南宁高新区自治区科技成果转移转化示范区" in compact
    # 2025 values from annual/2025.yaml with the change on 2024 and the share of the target
    assert "45.8" in text and "+13.9%（+5.6）" in compact and "65.4%" in compact  # 5.6 / 40.2; 45.8 / 70
    assert reader.metadata is not None and reader.metadata.title == "南宁示范区 2025 年度建设情况数据摘要"
    assert "/CreationDate" not in reader.metadata and "/ModDate" not in reader.metadata
    assert reader.pages[0].mediabox.width == pytest.approx(595.28, abs=0.1)  # A4


def test_pdf_off_gives_no_pdf_and_no_link(sample: Catalog) -> None:
    site = pages_of(sample, False)
    assert not [p for p in site.files if p.endswith(".pdf")] and not site.pdf_jobs
    assert not [p for p, text in site.pages.items() if ".pdf" in text or "下载 PDF" in text]
    assert "各年度建设情况数据摘要：[2022 年度](2022.md)" in site.pages[paths.zone_page(ZONE)]


GENERATE = """
import hashlib, sys
sys.path.insert(0, sys.argv[1])
from pathlib import Path
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.analysis.stage import analyse
from generator.site.summary_pages import summary_pdf
catalog, _ = validate_data(load_data(Path(sys.argv[2])))
print(hashlib.sha256(summary_pdf(catalog, analyse(catalog), catalog.zones["demo-zone"], 2023)).hexdigest())
"""


def test_pdf_bytes_are_reproducible() -> None:
    """Two generations in two processes (different hash seeds) give the same bytes."""

    def run(seed: str) -> str:
        env = {"PATH": "/usr/bin:/bin", "PYTHONHASHSEED": seed, "PYTHONDONTWRITEBYTECODE": "1"}
        out = subprocess.run(
            [sys.executable, "-c", GENERATE, str(ROOT), str(MINI)], env=env, capture_output=True, text=True, check=True
        )
        return out.stdout.strip()

    first, second = run("1"), run("2")
    assert re.fullmatch(r"[0-9a-f]{64}", first) and first == second
    catalog = load_catalog(MINI)
    in_process = summary_pages.summary_pdf(catalog, analyse(catalog), catalog.zones["demo-zone"], 2023)
    assert hashlib.sha256(in_process).hexdigest() == first


def _tiny(n: int) -> str:
    return f"<html><body><h1>摘要 {n}</h1><p>技术合同成交额 {n}.5 亿元</p></body></html>"


def test_pdfs_come_from_the_cache_when_their_html_is_unchanged(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    first = summary_pages.render_pdfs({"a.pdf": _tiny(1)}, tmp_path)
    assert list(tmp_path.glob("*.pdf")) and first["a.pdf"].startswith(b"%PDF")

    def refuse(html: str) -> bytes:
        raise AssertionError("rendered again")

    monkeypatch.setattr(summary_pages, "html_to_pdf", refuse)
    assert summary_pages.render_pdfs({"a.pdf": _tiny(1)}, tmp_path) == first  # same HTML: from the cache
    with pytest.raises(AssertionError, match="rendered again"):
        summary_pages.render_pdfs({"a.pdf": _tiny(2)}, tmp_path)  # changed HTML: rendered


def test_pdfs_rendered_in_parallel_are_the_ones_rendered_one_by_one(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    jobs = {f"z{n}/summary.pdf": _tiny(n) for n in range(summary_pages.PARALLEL_FROM)}
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    pooled = summary_pages.render_pdfs(jobs, tmp_path / "pool")
    assert list(pooled) == sorted(jobs)
    assert pooled == {path: summary_pages.html_to_pdf(html) for path, html in sorted(jobs.items())}
    assert b"".join(pooled.values()).count(b"%PDF") == len(jobs)


def test_pdf_fetches_nothing(tmp_path: Path) -> None:
    """Nothing is fetched, and a refused fetch leaves the resource out instead of stopping the build: an image
    that exists on this machine stays out of the PDF, a stylesheet that exists is not applied."""
    from pypdf import PdfReader

    png = (MINI / "zones/demo-zone/images/demo.png").resolve().as_uri()
    css = tmp_path / "x.css"
    css.write_text('p::after { content: "FETCHED" }', encoding="utf-8")
    for url in (png, "http://127.0.0.1:9/x.png", "data:image/png;base64,AAAA"):
        pdf = summary_pages.html_to_pdf(f'<html><body><p>正文<img src="{url}" alt="替代文字"></p></body></html>')
        page = PdfReader(io.BytesIO(pdf)).pages[0]
        assert list(page.images) == [], url
        assert "替代文字" in page.extract_text()
    pdf = summary_pages.html_to_pdf(
        f'<html><head><link rel="stylesheet" href="{css.as_uri()}"></head><body><p>x</p></body></html>'
    )
    assert "FETCHED" not in PdfReader(io.BytesIO(pdf)).pages[0].extract_text()


HOSTILE = '<img src=x onerror=alert(1)>演示"示范区</td><script>alert(2)</script>'


def test_hostile_text_stays_text_in_the_page_and_the_pdf(data_copy: Path) -> None:
    """What validation lets through (`&` and `'` in names, any text in highlights and notes) and, behind its
    back, what it refuses (`<`, `>`, `"` in a name): none of it becomes markup in the page or the print HTML."""
    import dataclasses

    from conftest import run_check

    zone_file = data_copy / "zones/demo-zone/zone.yaml"
    original = zone_file.read_text(encoding="utf-8")
    zone_file.write_text(original.replace("name: 演示示范区", "name: '<b>演示</b>'"), encoding="utf-8")
    code, lines = run_check(data_copy)
    assert code == 1 and any("markup-in-text" in line for line in lines)  # refused by validation

    text = original.replace("management_department: 演示科技局", 'management_department: "演示&amp;科技局\'"')
    text = text.replace("    date: 2023-04-01\n", "    date: 2023-04-01\n    note: '<script>alert(3)</script>公示'\n")
    zone_file.write_text(text, encoding="utf-8")
    report = data_copy / "zones/demo-zone/annual/2023.yaml"
    report.write_text(
        report.read_text(encoding="utf-8").replace("  - 启动建设。", "  - '<iframe src=//evil></iframe>启动建设'"),
        encoding="utf-8",
    )
    catalog = load_catalog(data_copy)
    record = catalog.zones["demo-zone"]
    hostile_zone = record.zone.model_copy(update={"name": HOSTILE, "short_name": HOSTILE})
    zones = {**catalog.zones, "demo-zone": dataclasses.replace(record, zone=hostile_zone)}
    catalog = dataclasses.replace(catalog, zones=zones)

    site = pages_of(catalog, True)
    page = site.pages["zones/demo-zone/2023.md"]
    # the front matter's title is JSON (main.html escapes it into <title>); the Markdown body is ours
    assert 'title: "<img src=x onerror=alert(1)>演示\\"示范区' in page
    body = page.split("\n---\n", 1)[1]
    for raw in ("<img", "<script", "<b>", "<iframe", "</td>"):
        assert raw not in body, raw
    assert "演示&#38;amp&#59;科技局&#39;" in page
    markup = summary_pages.summary_html(catalog, analyse(catalog), catalog.zones["demo-zone"], 2023)
    for raw in ("<img", "<script", "<b>", "<iframe", "</td><script"):
        assert raw not in markup, raw
    assert "&lt;img src=x onerror=alert(1)&gt;演示&#34;示范区&lt;/td&gt;&lt;script&gt;" in markup
    assert "演示&amp;amp;科技局&#39;" in markup
    assert "&lt;iframe src=//evil&gt;&lt;/iframe&gt;启动建设" in markup
    assert "&lt;script&gt;alert(3)&lt;/script&gt;公示" in markup
    # the PDF was made (nothing fetched: an <img> that got through would have stopped it) and shows the text
    from pypdf import PdfReader

    job = "zones/demo-zone/summary-2023.pdf"  # the year with the hostile highlight: the one PDF rendered
    pdf = summary_pages.render_pdfs({job: site.pdf_jobs[job]}, None)[job]  # build.py's PDF stage
    reader = PdfReader(io.BytesIO(pdf))
    shown = re.sub(r"\s+", "", "".join(p.extract_text() for p in reader.pages))
    assert "<imgsrc=xonerror=alert(1)>演示" in shown and "演示&amp;科技局'" in shown
