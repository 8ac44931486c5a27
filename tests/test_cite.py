"""Cite and share a figure (issue 16, section 2): every chart has its permalink, a CSV of exactly its numbers and a
line to cite it by; every page has share metadata (og:title, og:description, og:image, og:url) with absolute
addresses under the site's address; a zone page's share image names the zone (Pillow, Noto Sans CJK), the same
card giving the same bytes, drawn once and then taken from the cache."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json
import re
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import pytest

from conftest import MINI, SAMPLE, build_site, generated, load_catalog, replace_once

CHART = re.compile(r'<div class="chart-plot" id="([^"]+)"[^>]*data-figure="([^"]*)"')
CITE = re.compile(
    r'<p class="chart-cite"[^>]*><a class="chart-permalink" href="([^"]*)">[^<]*</a> · '
    r'<a class="chart-csv" href="([^"]*)" download>[^<]*</a><br><span class="chart-citation">(.*?)</span></p>'
)
META = re.compile(r'<meta property="(og:[a-z:]+)" content="([^"]*)">')


def _charts(page: str) -> list[tuple[str, dict[str, Any], tuple[str, str, str] | None]]:
    """Each chart of a page: its id, its figure, and its cite block (permalink, CSV link, citation) or None;
    a chart's block is the text up to the next chart."""
    found = list(CHART.finditer(page))
    out = []
    for k, match in enumerate(found):
        end = found[k + 1].start() if k + 1 < len(found) else len(page)
        cite = CITE.search(page, match.end(), end)
        figure = json.loads(html.unescape(match.group(2)))
        # the citation as read: its text (the address is in <code>), entities resolved
        block = tuple(html.unescape(re.sub(r"<[^>]+>", "", g)) for g in cite.groups()) if cite else None
        out.append((html.unescape(match.group(1)), figure, block))  # type: ignore[arg-type]
    return out


def _page_dir(page: str) -> str:
    """The folder a generated page is served at (use_directory_urls)."""
    stem = page.removesuffix(".md")
    return "" if stem == "index" else stem.removesuffix("/index") + "/"


def _resolve(page: str, link: str) -> str:
    """A relative link of a page's raw HTML, as the browser resolves it against the page's address."""
    import posixpath

    return posixpath.normpath(posixpath.join(_page_dir(page) or ".", link))


def _rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8")
    assert text.startswith("\ufeff") and text.endswith("\r\n")
    return list(csv.reader(io.StringIO(text[1:])))


def test_every_chart_has_its_permalink_csv_and_citation() -> None:
    from generator.site.figures import date_text

    catalog, site = generated(SAMPLE)
    base = catalog.site.site_url.rstrip("/") + "/"
    seen = 0
    for path, page in site.pages.items():
        for cid, _figure, cite in _charts(page):
            seen += 1
            assert cite is not None, (path, cid)
            permalink, csv_link, citation = cite
            assert permalink == f"#{cid}"
            assert _resolve(path, csv_link) in site.files, (path, cid, csv_link)
            address = base + _page_dir(path) + f"#{cid}"
            image = json.loads(html.unescape(re.search(rf'data-chart="{cid}" data-image="([^"]*)"', page)[1]))  # type: ignore[index]
            lead = "引用本图（示例数据，数字为虚构）：" if image.get("sample") else "引用本图："
            rest = f"{image['title']}，{catalog.site.title}，数据截至 {date_text(catalog.as_of)}，{address}"
            assert citation == lead + rest
    assert seen >= 40, seen  # zone pages, indicator pages (ranking and trend), the composite index, progress


def _number(value: float) -> Decimal:
    return Decimal(repr(value))


def test_each_charts_csv_holds_exactly_the_numbers_it_plots() -> None:
    """Every trace's every number, by its category (a year, or a zone on a bar chart lying on its side), and
    nothing else: the CSV and the chart on the page cannot disagree."""
    _catalog, site = generated(SAMPLE)
    for path, page in site.pages.items():
        for cid, figure, cite in _charts(page):
            assert cite is not None, (path, cid)
            rows = _rows(site.files[_resolve(path, cite[1])])
            traces = figure["data"]
            across = traces[0].get("orientation") == "h"
            cat, val = ("y", "x") if across else ("x", "y")
            assert len(rows[0]) == 1 + len(traces), (path, cid, rows[0])
            assert rows[0][0] == ("示范区" if across else "年份")
            for k, trace in enumerate(traces, start=1):
                assert rows[0][k].startswith(html.unescape(trace["name"])), (path, cid, rows[0])
                plotted = {html.unescape(c): v for c, v in zip(trace[cat], trace[val], strict=True)}
                in_csv = {row[0]: row[k] for row in rows[1:]}
                assert set(in_csv) == set(plotted) or len(traces) > 1, (path, cid)
                for category, value in plotted.items():
                    if value is None:
                        assert not re.fullmatch(r"-?[0-9.]+", in_csv[category]), (path, cid, category)
                    else:
                        assert Decimal(in_csv[category]) == _number(value), (path, cid, category)


def test_a_zone_charts_csv_has_the_yaml_values_year_by_year() -> None:
    """A zone page's indicator chart: one row per report year, in order, each the value as written in the YAML
    (every decimal), or the year's marker (暂无, 不适用, 未报送) where it has no number."""
    from generator.site.paths import zone_page

    catalog, site = generated(SAMPLE)
    checked = 0
    for zone in catalog.zones.values():
        path = zone_page(zone.id)
        for cid, _figure, cite in _charts(site.pages[path]):
            assert cite is not None
            ind = cid.removeprefix(f"chart-{zone.id}-")
            rows = _rows(site.files[_resolve(path, cite[1])])[1:]
            years = sorted(zone.reports)
            assert [int(r[0][:4]) for r in rows] == years, (cid, rows)
            for year, (_label, cell) in zip(years, rows, strict=True):
                reading = zone.reports[year].readings.get(ind)
                if reading is not None and reading.number is not None:
                    assert Decimal(cell) == reading.number, (cid, year, cell)
                    checked += 1
                else:
                    assert cell and cell == (reading.marker if reading and reading.marker else cell), (cid, year)
                    assert not re.fullmatch(r"-?[0-9.]+", cell), (cid, year, cell)
    assert checked >= 100, checked


def test_every_built_page_has_share_metadata_under_the_sites_address(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    base = catalog.site.site_url.rstrip("/") + "/"
    pages = [p for p in sorted(sample_site.rglob("*.html")) if "<html" in p.read_text(encoding="utf-8")[:500]]
    assert len(pages) > 50
    expected = expected_share_images(generated(SAMPLE)[1].pages)
    seen: dict[str, dict[str, bytes]] = {}
    for page in pages:
        rel = page.relative_to(sample_site).as_posix()
        meta = dict(META.findall(page.read_text(encoding="utf-8")))
        for key in ("og:title", "og:description", "og:image", "og:url"):
            assert meta.get(key), (rel, key)
        # the not-found page is shown at any address: it shares the site's
        served = "" if rel in ("index.html", "404.html") else rel.removesuffix("index.html")
        assert unquote(html.unescape(meta["og:url"])) == base + served, (rel, meta["og:url"])  # percent-encoded
        image = html.unescape(meta["og:image"])
        assert image.startswith(base), (rel, image)
        assert (sample_site / image.removeprefix(base)).is_file(), (rel, image)
        assert image == base + expected.get(rel, "share/site.png"), rel
        if rel in expected:
            seen.setdefault(_page_type(expected[rel]), {})[rel] = (sample_site / expected[rel]).read_bytes()
        parts = rel.split("/")
        if len(parts) == 3 and parts[0] == "zones" and parts[1] in catalog.zones:
            assert html.unescape(meta["og:title"]) == catalog.zones[parts[1]].zone.name
    # each page type that names one thing has its own images, one per page, each a 1200×630 PNG
    assert set(seen) == {"zones", "summaries", "indicators", "cases", "analysis", "news"}, sorted(seen)
    for kind, images in seen.items():
        assert len(set(images.values())) == len(images), kind  # different pages, different images
        for rel, png in images.items():
            assert _png_size(png) == (1200, 630), (kind, rel)


def _page_type(image: str) -> str:
    """A page's type, by its share image's path (share/<section>/…)."""
    parts = image.split("/")
    if parts[1] == "zones":
        return "summaries" if len(parts) == 4 else "zones"
    return parts[1]


def _png_size(png: bytes) -> tuple[int, int]:
    from PIL import Image

    image = Image.open(io.BytesIO(png))
    assert image.format == "PNG"
    return image.size


def _title(page: str) -> str:
    """A generated page's title (its front matter's, JSON-encoded)."""
    found = re.search(r"^title: (.*)$", page, re.M)
    assert found is not None
    return str(json.loads(found.group(1)))


def _front(page: str, key: str) -> Any:
    """A value of a generated page's front matter (JSON-encoded; a date is written bare)."""
    found = re.search(rf"^{key}: (.*)$", page, re.M)
    if found is None:
        return None
    try:
        return json.loads(found.group(1))
    except json.JSONDecodeError:
        return found.group(1)


def expected_share_images(pages: dict[str, str]) -> dict[str, str]:
    """Each generated page that names one thing, by its built HTML file (relative to the site) -> its share image:
    a zone page (share/zones/<id>.png), a zone's year summary, an indicator page, a case, the analysis pages and
    a news post (share/<its page's path>.png). The lists and the sections' pages share the site's image."""
    from generator.site.paths import news_post_url, page_url

    out = {}
    for path, text in pages.items():
        parts = path.removesuffix(".md").split("/")
        served = page_url(path) + "index.html"
        if parts[0] == "zones" and len(parts) == 3 and parts[2] == "index":
            out[served] = f"share/zones/{parts[1]}.png"
        elif parts[:2] == ["news", "posts"]:
            out[news_post_url(_front(text, "slug")) + "index.html"] = f"share/{'/'.join(parts)}.png"
        elif parts[0] == "analysis" or (parts[0] in ("indicators", "cases", "zones") and parts[-1] != "index"):
            out[served] = f"share/{'/'.join(parts)}.png"
    return out


def _cards() -> dict[str, dict[str, Any]]:
    _catalog, site = generated(SAMPLE)
    return site.share_jobs  # type: ignore[no-any-return]


def test_a_zone_share_image_names_the_zone_and_is_the_same_bytes_each_time() -> None:
    from PIL import Image

    from generator.site.share import draw_card

    catalog = load_catalog(SAMPLE)
    cards = _cards()
    zones = sorted(catalog.zones)[:2]
    drawn = {}
    for zone_id in zones:
        words = cards[f"share/zones/{zone_id}.png"]
        assert words["title"] == catalog.zones[zone_id].zone.name
        assert words["site"] == catalog.site.title
        assert words.get("sample") == ("示例数据" if catalog.zones[zone_id].is_sample else None)
        png = draw_card(words)
        assert draw_card(dict(words)) == png  # deterministic: same card, same bytes
        image = Image.open(io.BytesIO(png))
        assert image.size == (1200, 630) and image.format == "PNG"
        colours = image.convert("L").getcolors(maxcolors=256 * 256) or []
        assert len(colours) > 20  # text was drawn (antialiased glyphs), not a plain rectangle
        drawn[zone_id] = png
    assert drawn[zones[0]] != drawn[zones[1]]


def test_each_page_that_names_one_thing_has_a_card_saying_what_it_is() -> None:
    """The card's words, from the YAML: an indicator's name and its type and unit, a case's title and its zone's
    short name, a year summary's title and its zone's name, the analysis pages' and a news post's titles (with the
    section, and a post's date); the site's name on each, and the sample marking where the page is marked."""
    from generator.data.kinds import KINDS
    from generator.site.figures import date_text

    catalog, site = generated(SAMPLE)
    cards = site.share_jobs
    expected = expected_share_images(site.pages)
    found = {"indicators": 0, "cases": 0, "summaries": 0, "analysis": 0, "news": 0}
    for path, page in site.pages.items():
        parts = path.removesuffix(".md").split("/")
        image = _front(page, "share_image")
        if parts[0] == "zones" and parts[-1] == "index":
            continue  # a zone page: tested above
        served = next((rel for rel, img in expected.items() if img == f"share/{'/'.join(parts)}.png"), None)
        if served is None:
            assert image is None, path  # a list or a section's page: the site's image
            continue
        assert image == expected[served], path
        words = cards[image]
        assert words["site"] == catalog.site.title
        assert words.get("sample") == ("示例数据" if _front(page, "sample") else None), path
        assert words["title"] == _title(page), path
        kind = _page_type(image)
        found[kind] += 1
        if kind == "indicators":
            ind = next(i for i in catalog.indicators if i.id == parts[1])
            assert words["title"] == ind.name
            label = KINDS[ind.kind].label
            assert words["subtitle"] == (f"{label}指标 · 单位：{ind.unit}" if ind.unit else f"{label}指标"), path
        elif kind == "cases":
            case = next(c for c in catalog.cases if c.slug == parts[1])
            zone = catalog.zones[case.zone_id].zone
            assert (words["title"], words["subtitle"]) == (case.case.title, zone.short_name or zone.name)
        elif kind == "summaries":
            assert words["subtitle"] == catalog.zones[parts[1]].zone.name
        elif kind == "analysis":
            assert words["subtitle"] == "比较分析", path
        else:
            date = dt.date.fromisoformat(str(_front(page, "date")))
            assert words["subtitle"] == f"新闻动态 · {date_text(date)}", path
    assert found["indicators"] == sum(1 for i in catalog.indicators if i.kind != "text")
    assert found["cases"] == len(catalog.cases)
    assert found["summaries"] == sum(len(z.reports) for z in catalog.zones.values())
    assert found["analysis"] == 2 and found["news"] >= 10, found


def test_the_cards_draw_their_words_whole_the_same_bytes_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """The longest case title, the longest indicator name and a news post are drawn whole (their lines joined are
    the words), the site's name at the foot, the sample marking where marked; the same card, the same bytes."""
    from generator.site.share import draw_card

    cards = _cards()
    cases = [w for p, w in cards.items() if p.startswith("share/cases/")]
    indicators = [w for p, w in cards.items() if p.startswith("share/indicators/")]
    news = [w for p, w in sorted(cards.items()) if p.startswith("share/news/")]
    assert cases and indicators and news
    for words in (max(cases, key=lambda w: len(w["title"])), max(indicators, key=lambda w: len(w["title"])), news[0]):
        drawn = _drawn_texts(words, monkeypatch)
        title = "".join(t for t, size, _box in drawn if size == 68)
        subtitle = "".join(t for t, size, box in drawn if size == 36 and box[1] < 630 - 120)
        assert (title, subtitle) == (words["title"], words["subtitle"])
        assert drawn[-1][0] == words["site"]
        assert (drawn[0][0] == "示例数据") == bool(words.get("sample"))
        png = draw_card(words)
        assert draw_card(dict(words)) == png and _png_size(png) == (1200, 630)


def test_share_images_are_taken_from_the_cache_when_drawn_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from generator.site import share

    cards = _cards()
    jobs: dict[str, dict[str, Any]] = {}  # the first card of each type
    for path in sorted(cards):
        if _page_type(path) not in {_page_type(p) for p in jobs}:
            jobs[path] = cards[path]
    first = share.render_share_images(jobs, tmp_path)
    assert len(list(tmp_path.glob("share-*.png"))) == len(jobs)

    def fail(words: dict[str, Any]) -> bytes:
        raise AssertionError("drawn again")

    monkeypatch.setattr(share, "draw_card", fail)
    assert share.render_share_images(jobs, tmp_path) == first


# a name may not hold < > " (the loader refuses them: markup-in-text), so the attack is their entities, which a
# template that decoded the text once more, or did not escape `&`, would turn into markup in <head>
HOSTILE_NAME = (
    "演示&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;meta property=&quot;og:image&quot;&gt; ' &amp; {x}示范区"
)


def test_a_hostile_zone_name_stays_text_in_the_share_metadata(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    name = HOSTILE_NAME.replace("'", "''")
    replace_once(data / "zones/demo-zone/zone.yaml", "name: 演示示范区", f"name: '{name}'")
    site = build_site(tmp_path, data, env={"SITE_URL": "https://gov.example.cn/kjcg/", "PDF": "0"})
    page = (site / "zones/demo-zone/index.html").read_text(encoding="utf-8")
    head = page[: page.index("</head>")]
    assert "<script>alert(1)" not in head and "&lt;script&gt;alert(1)" not in head
    metas = META.findall(head)
    assert [k for k, _v in metas].count("og:image") == 1  # the name wrote no second one
    meta = dict(metas)
    assert html.unescape(meta["og:title"]) == HOSTILE_NAME
    assert meta["og:image"] == "https://gov.example.cn/kjcg/share/zones/demo-zone.png"
    assert (site / "share/zones/demo-zone.png").is_file()


def test_every_chart_csv_belongs_to_a_chart_on_a_page() -> None:
    _catalog, site = generated(SAMPLE)
    linked = {_resolve(path, cite[1]) for path, page in site.pages.items() for _c, _f, cite in _charts(page) if cite}
    published = {path for path in site.files if path.startswith("charts/")}
    assert published == linked, sorted(published - linked)[:5]


def test_a_chart_csv_neutralises_cells_a_spreadsheet_would_run() -> None:
    """Text from the data that Excel or WPS would run as a formula gets the open data's leading apostrophe;
    negative numbers stay numbers."""
    from generator.site.charts import Chart, chart_csv

    trace = {"type": "bar", "orientation": "h", "name": "@SUM(1)", "y": ["=HYPERLINK(&quot;x&quot;)", "+1 区"],
             "x": [-2.5, 3.0]}  # fmt: skip
    rows = _rows(chart_csv(Chart("chart-x", "t", "", {"data": [trace], "layout": {}})))
    assert rows == [["示范区", "'@SUM(1)"], ["'+1 区", "3"], ['\'=HYPERLINK("x")', "-2.5"]]


def test_a_citation_of_sample_figures_says_so() -> None:
    _catalog, site = generated(SAMPLE)
    citations = [cite[2] for page in site.pages.values() for _c, _f, cite in _charts(page) if cite]
    assert citations and all(c.startswith("引用本图（示例数据，数字为虚构）：") for c in citations), citations[:2]


# Hostile card texts: very long (no spaces, so wrapped at any character), mixed scripts, white space and marks
# that a careless wrap would keep, and markup that must stay text.
LONG_TEXTS = (
    "南宁高新技术产业开发区自治区科技成果转移转化示范区" * 12,
    "W" * 400,
    "<script>alert(1)</script>&amp;" * 20 + "\u200b\u202e\t\n" * 30 + "示范区" * 40,
    "中" * 3 + " " + "x" * 2 + "Ｗ" * 200,
    "”。，" * 150 + "“（《" * 100,  # runs of marks that may neither begin nor end a line
)


def _card_region(png: bytes, box: tuple[int, int, int, int]) -> bytes:
    from PIL import Image

    return Image.open(io.BytesIO(png)).convert("RGB").crop(box).tobytes()


def _drawn_texts(words: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int, tuple[int, ...]]]:
    """What `draw_card` draws as text: each call's text, font size and ink box, in order."""
    from PIL import ImageDraw

    from generator.site import share

    drawn: list[tuple[str, int, tuple[int, ...]]] = []
    original = ImageDraw.ImageDraw.text

    def text(self: Any, xy: Any, value: str, *args: Any, **kwargs: Any) -> Any:
        box = self.textbbox(xy, value, font=kwargs["font"])
        drawn.append((value, kwargs["font"].size, tuple(int(v) for v in box)))
        return original(self, xy, value, *args, **kwargs)

    with monkeypatch.context() as patch:
        patch.setattr(ImageDraw.ImageDraw, "text", text)
        share.draw_card(words)
    return drawn


@pytest.mark.parametrize("sample", [True, False])
@pytest.mark.parametrize("text", LONG_TEXTS, ids=range(len(LONG_TEXTS)))
def test_a_long_card_text_is_cut_within_the_card_never_into_its_foot_or_margin(
    text: str, sample: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The title and the line under it wrap and end in … within the card, clear of the foot band (the site's
    name) and of the margins: every line that is drawn is seen whole, and the foot band and the right margin
    look exactly as on a card with no title and no subtitle."""
    from generator.site import share

    site = "广西科技成果转移转化示范区建设监测"
    words: dict[str, Any] = {"title": text, "subtitle": text[::-1], "site": site}
    if sample:
        words["sample"] = "示例数据"
    width, height = share.SIZE
    foot_top = height - 120
    drawn = _drawn_texts(words, monkeypatch)
    assert [t for t, _size, box in drawn if box[1] >= foot_top] == [site]
    for value, _size, box in drawn:
        assert box[0] >= share._MARGIN - 8 and box[2] <= width - share._MARGIN, (value, box)
        if value != site:
            assert box[3] <= foot_top - 16, (value, box)  # clear of the foot band, not hidden under it
    for part, size in (("title", 68), ("subtitle", 36)):
        lines = [t for t, s, _box in drawn if s == size and t != site]
        assert lines and lines[-1].endswith("…"), (part, lines)
        shown = "".join(lines).removesuffix("…").replace(" ", "")
        assert " ".join(str(words[part]).split()).replace(" ", "").startswith(shown), (part, shown)
    empty = {**words, "title": "", "subtitle": ""}
    png, bare = share.draw_card(words), share.draw_card(empty)
    foot, margin = (0, foot_top, width, height), (width - share._MARGIN + 4, 0, width, height)
    assert _card_region(png, foot) == _card_region(bare, foot)
    assert _card_region(png, margin) == _card_region(bare, margin)


def test_a_cards_lines_follow_chinese_line_breaking(monkeypatch: pytest.MonkeyPatch) -> None:
    """避头尾: no line of a card begins with a closing mark or a sentence mark (” ） 》 ， 。 、 …), nor ends with an
    opening one (“ （ 《), wherever the width breaks the text (the sample's longest case title, whose “ ended its
    first line, and the marks at every place of a line); the lines joined are still the text."""
    import unicodedata

    title = "高校概念验证中心打通成果转化“第一公里”"
    texts = [title] + ["中" * n + "“第一公里”，《测试》（括号）。、" + "国" * 10 for n in range(8, 17)]
    for text in texts:
        words = {"title": text, "subtitle": "（" + text[::-1], "site": "站点"}
        drawn = _drawn_texts(words, monkeypatch)
        for size in (68, 36):
            lines = [t for t, s, _box in drawn if s == size]
            for k, line in enumerate(lines):
                if k > 0:
                    assert unicodedata.category(line[0]) not in ("Pe", "Pf", "Po"), (text, lines)
                if k + 1 < len(lines) or line.endswith("…"):
                    assert unicodedata.category(line.removesuffix("…")[-1]) not in ("Ps", "Pi"), (text, lines)
            if size == 68 and not lines[-1].endswith("…"):
                assert "".join(lines) == text


HAND_TITLE = "培训班 *开班* [通知](x) <b>"


def _with_posts() -> tuple[Any, Any, Any]:
    """The mini data's pages with two data releases and a news post written by hand (as build.py reads them)."""
    from generator import i18n
    from generator.analysis.stage import analyse
    from generator.data.posts import HandPost
    from generator.site.freshness import Freshness, Release
    from generator.site.pages import make_pages

    catalog = load_catalog(MINI)
    releases = (Release(dt.date(2024, 9, 30), dt.date(2024, 6, 30), ()), Release(dt.date(2024, 6, 30), None, None))
    hand = (HandPost("news/posts/2024-10-20-training.md", dt.date(2024, 10, 20), HAND_TITLE, None, None),)
    freshness = Freshness(catalog.as_of, releases=releases, hand_posts=hand)
    with i18n.use("zh_CN"):
        site = make_pages(catalog, analyse(catalog), pdf=False, freshness=freshness)
    return catalog, site, freshness


def test_a_release_post_and_a_post_written_by_hand_have_their_own_cards() -> None:
    """Every news post has its card: a data release's (generated when the build has the history) and one written by
    hand (its front matter is the editor's: the MkDocs hook names its card), each with its title as drawn text."""
    from types import SimpleNamespace

    from generator import mkdocs_bridge

    catalog, site, freshness = _with_posts()
    release = site.pages["news/posts/data-release-2024-09-30.md"]
    assert _front(release, "share_image") == "share/news/posts/data-release-2024-09-30.png"
    words = site.share_jobs["share/news/posts/data-release-2024-09-30.png"]
    assert (words["title"], words["subtitle"]) == (_title(release), "新闻动态 · 2024 年 9 月 30 日")
    hand = site.share_jobs["share/news/posts/2024-10-20-training.png"]
    assert (hand["title"], hand["subtitle"], hand["site"]) == (HAND_TITLE, "新闻动态 · 2024 年 10 月 20 日", "测试站点")
    assert "sample" not in hand  # the editor's own text, not the data's figures
    config = {"extra": {"gx_freshness": freshness, "locale": "zh_CN", "has_sample": catalog.has_sample}}
    page = SimpleNamespace(file=SimpleNamespace(src_uri="news/posts/2024-10-20-training.md"), meta={"date": "x"},
                           url="news/2024-10-20-training/")  # fmt: skip
    mkdocs_bridge.on_page_context({}, page, config, None)
    assert page.meta["share_image"] == "share/news/posts/2024-10-20-training.png"
    other = SimpleNamespace(file=SimpleNamespace(src_uri="about.md"), meta={}, url="about/")
    mkdocs_bridge.on_page_context({}, other, config, None)
    assert "share_image" not in other.meta  # a page written by hand that is no post: the site's card


def test_a_news_post_written_by_hand_shares_its_own_card_in_the_built_site(tmp_path: Path) -> None:
    """The whole build: the hand post's og:image is its card, which is in the site, 1200×630."""
    from conftest import make_project

    post = make_project(tmp_path) / "site_src" / "news" / "posts" / "2024-10-20-training.md"
    post.parent.mkdir(parents=True, exist_ok=True)
    post.write_text(
        "---\ndate: 2024-10-20\nslug: 2024-10-20-training\n---\n\n# 培训班开班\n\n摘要。\n", encoding="utf-8"
    )
    site = build_site(tmp_path, MINI, env={"SITE_URL": "https://gov.example.cn/kjcg/", "PDF": "0"})
    meta = dict(META.findall((site / "news" / "2024-10-20-training" / "index.html").read_text(encoding="utf-8")))
    assert meta["og:image"] == "https://gov.example.cn/kjcg/share/news/posts/2024-10-20-training.png"
    assert _png_size((site / "share" / "news" / "posts" / "2024-10-20-training.png").read_bytes()) == (1200, 630)


def test_a_card_is_the_same_bytes_in_another_process() -> None:
    """Same words, same bytes, whatever the process (hash seed, time zone): nothing but the words, the drawing's
    version and the fonts go into a card (its cache key says the same)."""
    import hashlib
    import subprocess
    import sys

    from conftest import ROOT
    from generator.site.share import draw_card

    words = next(w for p, w in sorted(_cards().items()) if p.startswith("share/cases/"))
    script = (
        "import hashlib, json, sys; from generator.site.share import draw_card; "
        "print(hashlib.sha256(draw_card(json.loads(sys.argv[1]))).hexdigest())"
    )
    digests = {
        subprocess.run(
            [sys.executable, "-c", script, json.dumps(words, ensure_ascii=False)],
            capture_output=True, text=True, check=True, cwd=ROOT, env={"PYTHONHASHSEED": seed, "TZ": zone},
        ).stdout.strip()
        for seed, zone in (("1", "Asia/Shanghai"), ("4242", "America/Los_Angeles"))
    }  # fmt: skip
    assert digests == {hashlib.sha256(draw_card(words)).hexdigest()}
