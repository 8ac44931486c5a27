"""The experience library: the no-JavaScript list, its JSON index, case pages, image sizes, hostile text."""

from __future__ import annotations

import json
import re
import shutil
import struct
from pathlib import Path

from conftest import HOSTILE_SUMMARY, MINI, SAMPLE, generated
from generator.analysis.stage import analyse
from generator.data.image_size import image_size
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site.pages import make_pages


def _site(data: Path):  # type: ignore[no-untyped-def]
    if data in (SAMPLE, MINI):
        return generated(data)  # the run's shared generation of the unchanged folder
    catalog, log = validate_data(load_data(data))
    assert catalog is not None, log.sorted()
    return catalog, make_pages(catalog, analyse(catalog))


def test_json_index_matches_the_catalog() -> None:
    catalog, site = _site(SAMPLE)
    index = json.loads(site.files["cases/index.json"])
    assert len(index["cases"]) == len(catalog.cases) > 0
    by_slug = {c.slug: c for c in catalog.cases}
    for entry in index["cases"]:
        case = by_slug[entry["slug"]]
        zone = catalog.zones[case.zone_id]
        assert entry["title"] == case.case.title and entry["url"] == f"{case.slug}/"
        assert (entry["task"], entry["year"], entry["tags"]) == (case.case.task, case.case.year, case.case.tags)
        assert entry["city"] == zone.zone.city and entry["zone"] == (zone.zone.short_name or zone.zone.name)
    choices = index["choices"]
    assert {c["id"] for c in choices["task"]} == {c.case.task for c in catalog.cases}
    assert {c["id"] for c in choices["year"]} == {str(c.case.year) for c in catalog.cases}


def test_every_case_is_in_the_no_js_list_with_its_data_attributes() -> None:
    catalog, site = _site(SAMPLE)
    page = site.pages["cases/index.md"]
    items = re.findall(
        r'<li class="case-item" ([^>]*)><p class="case-head"><a class="case-title" href="([^"]*)">', page
    )
    assert len(items) == len(catalog.cases) > 0
    seen = {}
    for attrs, href in items:
        seen[href] = dict(re.findall(r'data-([a-z]+)="([^"]*)"', attrs))
    for case in catalog.cases:
        attrs = seen[f"{case.slug}/"]
        assert attrs == {
            "task": case.case.task,
            "city": catalog.zones[case.zone_id].zone.city,
            "year": str(case.case.year),
            "tags": " ".join(case.case.tags),
        }


def test_case_page_keeps_its_fixed_structure_and_sized_lazy_images() -> None:
    _, site = _site(MINI)
    page = site.pages["cases/demo-case.md"]
    headings = re.findall(r"^## (.+)$", page, flags=re.M)
    assert headings[:5] == ["背景", "主要做法", "取得成效", "可复制推广要点", "政策依据"]
    assert "{ loading=lazy width=32 height=32 }" in page
    assert "| 指标 | 首年 | 最近一年 |" in page  # the unit in the name: three columns (issue 14)


def test_policy_basis_heading_stays_when_empty(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    case = data / "zones/demo-zone/cases/demo-case.yaml"
    case.write_text(case.read_text(encoding="utf-8").replace("policy_basis:\n  - 测试指引\n", ""), encoding="utf-8")
    _, site = _site(data)
    page = site.pages["cases/demo-case.md"]
    assert "## 政策依据\n\n（原文未列明）" in page


def test_image_size_reads_png_jpeg_and_webp_headers() -> None:
    png = (MINI / "zones/demo-zone/images/demo.png").read_bytes()
    assert image_size(png) == (32, 32)
    jpeg = (
        b"\xff\xd8" + b"\xff\xe0" + struct.pack(">H", 4) + b"JF" + b"\xff\xc0" + struct.pack(">HBHH", 17, 8, 480, 640)
    )
    assert image_size(jpeg + b"\x00" * 20) == (640, 480)
    vp8 = b"RIFF" + b"\x00" * 4 + b"WEBPVP8 " + b"\x00" * 10 + struct.pack("<HH", 800, 600)
    assert image_size(vp8) == (800, 600)
    vp8x = b"RIFF" + b"\x00" * 4 + b"WEBPVP8X" + b"\x00" * 8 + (99).to_bytes(3, "little") + (49).to_bytes(3, "little")
    assert image_size(vp8x) == (100, 50)
    assert image_size(b"GIF89a") is None


def test_hostile_summary_never_appears_live(hostile_site: Path) -> None:
    site = hostile_site  # the run's one hostile build (conftest): the case's summary is HOSTILE_SUMMARY
    for page in ("cases", "cases/demo-case"):
        full = (site / page / "index.html").read_text(encoding="utf-8")
        main = full[full.index("<article") : full.index("</article>")]
        assert "<script" not in main, page
        assert not re.search(r"<[^>]+\son[a-z]+=", main), page
        assert 'href="javascript' not in main.lower(), page
        assert not re.search(r"<script>alert|<img[^>]*onerror|content=\"[^\"]*\" '", full), page  # <head> too
    library = (site / "cases/index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in library
    assert library.count('class="case-item"') == 1 and "</ul>" in library.split('class="case-item"')[1]
    index = json.loads((site / "cases/index.json").read_text(encoding="utf-8"))
    assert index["cases"][0]["summary"] == " ".join(HOSTILE_SUMMARY.split())
    assert 'id="case-filter"' in library  # where tables.js fetches assets/case-filter.js
    assert (site / "assets/case-filter.js").is_file()
