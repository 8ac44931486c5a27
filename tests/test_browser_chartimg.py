"""A chart downloaded with 下载 PNG / 下载 SVG is a citable figure (issue 14): its image holds the chart, its title,
year(s), unit and source, the site's name and the page's address, and 示例数据 when the numbers are sample data.

In Debian's Chromium: the sample data's offline preview opened from disk (file://, as a reviewer opens the CI
artifact), and a mini site with real (not sample) data served over http. Expected texts come from the YAML.
"""

from __future__ import annotations

import json
import shutil
import struct
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import test_browser
from chart_contract import CHROMIUM

from conftest import MINI, SAMPLE, build_site, load_catalog, replace_once

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
)
playwright_sync = pytest.importorskip("playwright.sync_api")

SVG = "{http://www.w3.org/2000/svg}"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCALE = 2  # charts.js draws the PNG at twice the SVG's size
SAMPLE_MARK = "示例数据"
# Not data the checker lets through (names may not hold `<`): written into a page's data-image in the browser, as
# any later text passed to the image might be.
HOSTILE = '</text><a href="javascript:alert(1)">x</a><script>alert(1)</script>{x} %{y} &amp;'
NAME = "技术合同成交额 &amp; {: onclick=alert(5) } %{y}"  # what the checker allows in an indicator's name


# ---- sites ----------------------------------------------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@dataclass
class Real:
    site: Path
    base_url: str
    data: Path


@pytest.fixture(scope="module")
def real(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Real]:
    """The mini data with no zone marked sample, an indicator's name with markup characters, served over http."""
    tmp = tmp_path_factory.mktemp("chartimg")
    data = tmp / "data"
    shutil.copytree(MINI, data)
    replace_once(data / "zones/demo-zone/zone.yaml", "sample: true\n", "")
    replace_once(data / "indicator_system.yaml", "name: 技术合同成交额", f"name: '{NAME}'")
    # the website badge as issued is an image on the issuer's host, which this offline browser cannot reach
    badge = "gov_badge:\n  image: https://example.org/test/badge.png\n  link: https://example.org/test/badge\n"
    replace_once(data / "site.yaml", badge, "")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(tmp / "site")))
    base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    site = build_site(tmp, data, env={"SITE_URL": base_url, "PDF": "0"})
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Real(site, base_url, data)
    server.shutdown()
    server.server_close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    yield from test_browser.downloading_page(browser, 1280)


# ---- downloading --------------------------------------------------------------------------------------


def download(page: Any, chart_id: str, fmt: str, *, keyboard: bool = False) -> tuple[str, bytes]:
    """Press one of a chart's buttons (found by its role and its Chinese name) and return the file's name and
    bytes."""
    group = page.locator(f".chart:has(#{chart_id})").get_by_role("group")
    button = group.get_by_role("button", name=f"下载 {fmt.upper()}")
    button.scroll_into_view_if_needed()
    with page.expect_download() as info:
        if keyboard:
            button.focus()
            page.keyboard.press("Enter")
        else:
            button.click()
    file = info.value
    assert file.failure() is None
    return file.suggested_filename, Path(file.path()).read_bytes()


def svg_texts(data: bytes) -> tuple[ET.Element, str]:
    """The SVG's root and every text it shows, joined (plotly splits a label into <tspan>s)."""
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    texts = ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]
    return root, "\n".join(texts)


def assert_inert(root: ET.Element) -> None:
    tags = {el.tag.split("}")[-1] for el in root.iter()}
    assert not tags & {"script", "a", "foreignObject", "iframe", "image", "use"}, tags
    for el in root.iter():
        assert not any(k.startswith("on") for k in el.attrib), (el.tag, el.attrib)


def squeezed(text: str) -> str:
    return "".join(text.split())


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    assert data[-8:-4] == b"IEND"
    return width, height


def check_png_matches_svg(png: bytes, svg_root: ET.Element) -> None:
    width, height = int(svg_root.get("width", "0")), int(svg_root.get("height", "0"))
    assert width == 960 and height > 300 + 80, (width, height)  # the figure, its title and footer
    assert png_size(png) == (width * SCALE, height * SCALE)


def first_and_last_years(data: Path, zone: str) -> tuple[int, int]:
    years = sorted(int(p.stem) for p in (data / "zones" / zone / "annual").glob("*.yaml"))
    return years[0], years[-1]


# ---- the sample data, from disk -------------------------------------------------------------------------


def test_a_zone_chart_downloads_with_its_texts_from_the_offline_preview(
    offline_preview: Path, page: Any, tmp_path_factory: pytest.TempPathFactory
) -> None:
    catalog = load_catalog(SAMPLE)
    zone, ind = catalog.zones["nanning-hitech"], catalog.indicator("tech_contract_turnover")
    first, last = first_and_last_years(SAMPLE, "nanning-hitech")
    page.goto((offline_preview / "zones/nanning-hitech/index.html").as_uri())
    chart_id = "chart-nanning-hitech-tech_contract_turnover"
    name, svg = download(page, chart_id, "svg", keyboard=True)
    assert name == f"{chart_id}.svg"
    root, text = svg_texts(svg)
    assert_inert(root)
    latest = zone.reports[last].readings[ind.id]
    for expected in (
        f"{zone.zone.short_name}：{ind.name}",
        f"{first}—{last} 年",
        f"单位：{ind.unit}",
        f"数据来源：{catalog.site.sponsor}，依据{zone.zone.short_name}报送的年度建设报告整理",
        catalog.site.title,
        f"{catalog.site.site_url}zones/nanning-hitech/",
        SAMPLE_MARK,
        str(latest.text),  # the chart itself: the latest bar's label, as written in the YAML
    ):
        assert expected in text, (expected, text)
    name, png = download(page, chart_id, "png")
    assert name == f"{chart_id}.png"
    check_png_matches_svg(png, root)
    out = tmp_path_factory.mktemp("chartimg-look")
    (out / name).write_bytes(png)
    (out / f"{chart_id}.svg").write_bytes(svg)
    # the chart on the page is as it was: no title drawn into it, and plotly's own camera button (bars only) gone
    assert page.evaluate(f"document.getElementById('{chart_id}').layout.title") in (None, {}, "")
    titles = page.evaluate(f"[...document.querySelectorAll('#{chart_id} .modebar-btn')].map(b => b.dataset.title)")
    assert not [t for t in titles if t.startswith("下载图表")], titles  # plotly's 下载图表为PNG格式


def test_an_indicator_pages_charts_download_with_their_texts_from_the_offline_preview(
    offline_preview: Path, page: Any
) -> None:
    catalog = load_catalog(SAMPLE)
    ind = catalog.indicator("tech_contract_turnover")
    years = sorted({y for z in catalog.zones.values() for y, r in z.reports.items() if ind.id in r.readings})
    page.goto((offline_preview / "indicators/tech_contract_turnover.html").as_uri())
    for chart_id, when in (
        ("chart-tech_contract_turnover-trend", f"{years[0]}—{years[-1]} 年"),
        ("chart-tech_contract_turnover-rank", " 年"),
    ):
        _name, svg = download(page, chart_id, "svg")
        root, text = svg_texts(svg)
        assert_inert(root)
        for expected in (
            ind.name,
            when,
            f"单位：{ind.unit}",
            f"数据来源：{catalog.site.sponsor}，依据各示范区报送的年度建设报告整理",
            catalog.site.title,
            f"{catalog.site.site_url}indicators/tech_contract_turnover/",
            SAMPLE_MARK,
        ):
            assert expected in text, (chart_id, expected, text)
        _name, png = download(page, chart_id, "png")
        check_png_matches_svg(png, root)


# ---- real data, over http ---------------------------------------------------------------------------------


def test_real_data_carry_no_sample_marking_and_names_stay_as_written(real: Real, page: Any) -> None:
    catalog = load_catalog(real.data)
    assert not catalog.has_sample
    first, last = first_and_last_years(real.data, "demo-zone")
    page.goto(real.base_url + "zones/demo-zone/")
    chart_id = "chart-demo-zone-contract_value"
    _name, svg = download(page, chart_id, "svg")
    root, text = svg_texts(svg)
    assert_inert(root)
    assert SAMPLE_MARK not in text and "示例" not in text, text
    for expected in (
        f"演示示范区：{NAME}",
        f"{first}—{last} 年",
        catalog.site.title,
        real.base_url + "zones/demo-zone/",
    ):
        assert expected in text, (expected, text)
    _name, png = download(page, chart_id, "png")
    check_png_matches_svg(png, root)


def test_a_hostile_title_stays_text_in_the_image(real: Real, page: Any) -> None:
    page.goto(real.base_url + "zones/demo-zone/")
    chart_id = "chart-demo-zone-contract_value"
    group = f".chart-download[data-chart='{chart_id}']"
    image = json.loads(page.get_attribute(group, "data-image"))
    image.update(title=HOSTILE, subtitle=HOSTILE, footer=[HOSTILE, HOSTILE])
    page.eval_on_selector(group, "(el, words) => el.setAttribute('data-image', words)", json.dumps(image))
    _name, svg = download(page, chart_id, "svg")
    assert b"<script" not in svg and b"<a " not in svg
    root, text = svg_texts(svg)
    assert_inert(root)
    assert squeezed(text).count(squeezed(HOSTILE)) >= 4, text  # wrapped into lines where it is long
    _name, png = download(page, chart_id, "png")
    check_png_matches_svg(png, root)
