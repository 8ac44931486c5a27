"""Ways through the site (issue 14, "Ways through"): an indicator heading on a zone page leads to its indicator
page, a summary page to its zone, every reported year has its PDF (kept between CI runs), the PDF's links use the
site's real address, and a news post says its whole news where it is listed. The empty case filter's way out is
a browser test (tests/test_browser_ways.py)."""

from __future__ import annotations

import html
import io
import re
from pathlib import Path

import pytest
import yaml

from conftest import HOSTILE_SITE_URL, MINI, ROOT, SAMPLE, generated
from generator.data.kinds import KINDS
from generator.site import paths
from generator.site.common import zone_short


def _plain(markdown: str) -> str:
    return html.unescape(markdown)


# ---- 1. an indicator heading on a zone page links to its indicator page ------------------------------------


def test_zone_page_indicator_headings_link_their_indicator_pages() -> None:
    """Every common quantitative indicator's heading on every zone page with reports is a link to that
    indicator's page (the pages made: `indicator_page`); the zone's own indicators, which have no page, stay
    plain headings."""
    catalog, site = generated(SAMPLE, pdf=False)
    with_page = [ind for ind in catalog.indicators if KINDS[ind.kind].numeric]
    assert with_page and all(paths.indicator_page(ind.id) in site.pages for ind in with_page)
    checked = 0
    for zone in catalog.zones.values():
        if not zone.reports:
            continue
        here = paths.zone_page(zone.id)
        headings = [line for line in _plain(site.pages[here]).splitlines() if line.startswith("### ")]
        for ind in with_page:
            target = paths.href(here, paths.indicator_page(ind.id))
            linked = [line for line in headings if line.startswith(f"### [{ind.name}]({target})")]
            assert len(linked) == 1, (zone.id, ind.id, [line for line in headings if ind.name in line])
            checked += 1
        for own in zone.own_indicators:
            assert any(line.startswith(f"### {own.name}") for line in headings), (zone.id, own.id)
    assert checked == len(with_page) * sum(1 for z in catalog.zones.values() if z.reports)
    # the sibling: a summary page's values and targets tables link the same pages
    here = paths.year_page("nanning-hitech", 2024)
    summary = _plain(site.pages[here])
    for ind in with_page:
        # the name starts its row's first cell, linked (the unit may follow it in the values table)
        assert f"\n| [{ind.name}]({paths.href(here, paths.indicator_page(ind.id))})" in summary, ind.id


# ---- 2. a summary page links to its zone at the top -----------------------------------------------------


def test_summary_page_links_its_zone_right_under_its_title() -> None:
    """The first thing under a summary page's title is a link to its zone's page (before the disclaimer)."""
    catalog, site = generated(SAMPLE, pdf=False)
    pages = 0
    for zone in catalog.zones.values():
        for year in zone.reports:
            here = paths.year_page(zone.id, year)
            body = site.pages[here].split("\n---\n", 1)[1]
            first = next(line for line in body.split("\n# ", 1)[1].splitlines()[1:] if line.strip())
            target = paths.href(here, paths.zone_page(zone.id))
            assert f"]({target})" in first and "!!!" not in first, (here, first)
            assert zone_short(zone) in _plain(first), (here, first)
            pages += 1
    assert pages == sum(len(z.reports) for z in catalog.zones.values()) == 14
    # the sibling: the PDF names its zone's web page under the title too
    job = generated(SAMPLE, pdf=True)[1].pdf_jobs[paths.summary_pdf_path("nanning-hitech", 2025)]
    zone_url = catalog.site.site_url + "zones/nanning-hitech/"
    short = zone_short(catalog.zones["nanning-hitech"])  # the short name as the YAML gives it
    assert f'{short}网页：<a href="{zone_url}">{zone_url}</a>' in job


# ---- 3. every reported year has its PDF ----------------------------------------------------------------


def test_every_reported_year_has_its_pdf_and_its_page_links_it() -> None:
    """One PDF job per zone and report year (not only the latest), and each year's summary page links its own
    PDF; the zone page links every year's summary and the latest PDF."""
    catalog, site = generated(SAMPLE, pdf=True)
    expected = sorted(paths.summary_pdf_path(z.id, y) for z in catalog.zones.values() for y in z.reports)
    assert sorted(site.pdf_jobs) == expected and len(expected) == 14
    for zone in catalog.zones.values():
        for year in zone.reports:
            here = paths.year_page(zone.id, year)
            pdf = paths.href(here, paths.summary_pdf_path(zone.id, year))
            assert f"]({pdf})" in site.pages[here], here
            title = f"<title>{zone_short(zone)} {year} "
            assert title in _plain(site.pdf_jobs[paths.summary_pdf_path(zone.id, year)]), (zone.id, year)


def _cache_steps() -> list[dict[str, object]]:
    workflow = yaml.safe_load((ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["build"]["steps"]
    return [s for s in steps if str(s.get("uses", "")).startswith("actions/cache@")]


def test_ci_keeps_the_pdf_cache_between_runs_pinned_and_keyed_by_what_changes_the_pdfs() -> None:
    """actions/cache v4.3.0 (its release commit, like the other actions) keeps build/pdf-cache (where `make site`
    and `make preview` render into) before the first build; its key changes with the data, the print templates,
    the summary code and the locked WeasyPrint, and a data change restores the last cache of the same renderer."""
    text = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    assert re.search(r"uses: actions/cache@0057852bfaa89a56745cba8c7296529d2fc39830 # v4\.3\.0\n", text)
    (step,) = _cache_steps()
    with_ = step["with"]
    assert isinstance(with_, dict) and with_["path"] == "build/pdf-cache"
    key, restore = str(with_["key"]), str(with_["restore-keys"])
    for watched in ("zones_data/**", "generator/templates/summary_print.*", "generator/site/summary_pages.py",
                    "requirements.lock", "generator/locale/**"):  # fmt: skip
        assert f"'{watched}'" in key, watched
    data_hash = "${{ hashFiles('zones_data/**') }}"
    assert key.endswith("-" + data_hash) and restore.strip() == key.removesuffix(data_hash)
    assert "${{ steps.pdf-renderer.outputs.packages }}" in restore  # the fonts and pango the PDFs are drawn with
    workflow = yaml.safe_load(text)
    names = [s.get("name") for s in workflow["jobs"]["build"]["steps"]]
    assert names.index(step["name"]) < names.index("Build the site (production address from zones_data/site.yaml)")


def test_readme_gives_the_empty_cache_cost_at_the_scale_benchmarks_size() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    part = readme.split("### 规模测试 / Scale", 1)[1].split("\n### ", 1)[0]
    assert "empty PDF cache" in part and "3,250" in part and "actions/cache" in part


# ---- 4. the PDF's links use the site's real address -------------------------------------------------------


def _pdf_links(pdf: bytes) -> list[str]:
    from pypdf import PdfReader

    links = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A") or {}
            if action.get("/S") == "/URI":
                links.append(str(action["/URI"]))
    return links


def test_the_pdfs_links_use_the_sites_address_from_the_options(hostile_site: Path) -> None:
    """In the run's build with SITE_URL set, every link annotation of every PDF starts with that address, and
    the web version's link is its own summary page there."""
    pdfs = sorted(hostile_site.glob("zones/*/summary-*.pdf"))
    assert pdfs
    for pdf in pdfs:
        links = _pdf_links(pdf.read_bytes())
        year = pdf.stem.removeprefix("summary-")
        assert f"{HOSTILE_SITE_URL}zones/demo-zone/{year}/" in links, links
        assert links and all(link.startswith(HOSTILE_SITE_URL) for link in links), links


def test_the_data_downloads_name_the_sites_address_from_the_options(hostile_site: Path) -> None:
    """Siblings of the PDF's link: the data package's homepage, the JSON download's site address and the open
    workbook's source note carry SITE_URL, not site.yaml's address (https://example.org/test/)."""
    import json

    package = json.loads((hostile_site / "data/datapackage.json").read_text(encoding="utf-8"))
    assert package["homepage"] == HOSTILE_SITE_URL
    data = json.loads((hostile_site / "data/zones-data.json").read_text(encoding="utf-8"))
    assert data["site"]["url"] == HOSTILE_SITE_URL
    from openpyxl import load_workbook

    workbook = load_workbook(hostile_site / "data/zones-data.xlsx", read_only=True)
    cells = [str(c) for sheet in workbook.worksheets for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert any(HOSTILE_SITE_URL in c for c in cells) and not any("https://example.org/test/" in c for c in cells)


def test_generate_reads_site_url_as_the_hook_does(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`python -m generator generate` makes the same absolute links as the MkDocs hook: with SITE_URL set, the
    PDFs' link annotations and the feed use it, not site.yaml's address (https://example.org/test/)."""
    from generator.cli import main

    monkeypatch.setenv("SITE_URL", HOSTILE_SITE_URL)
    monkeypatch.setenv("PDF", "1")  # PDF_CACHE: the session's (conftest)
    out = tmp_path / "out"
    assert main(["generate", "--out", str(out), "--data", str(MINI)]) == 0
    pdfs = sorted(out.glob("zones/*/summary-*.pdf"))
    assert pdfs
    for pdf in pdfs:
        links = _pdf_links(pdf.read_bytes())
        year = pdf.stem.removeprefix("summary-")
        assert f"{HOSTILE_SITE_URL}zones/demo-zone/{year}/" in links and all(
            link.startswith(HOSTILE_SITE_URL) for link in links
        ), links
    feed = (out / "feed.xml").read_text(encoding="utf-8")
    assert f"{HOSTILE_SITE_URL}news/" in feed and "https://example.org/test/" not in feed


# ---- 5. a news post says its whole news where it is listed ----------------------------------------------


def test_news_list_shows_each_posts_whole_news_without_continue_reading(sample_site: Path) -> None:
    """The news index shows every post's sentence and its note (the whole news), and no 继续阅读 that would
    lead to a page with nothing more; the post's page says the same, with its date and the way back."""
    from generator.site.news import collect_posts

    catalog = generated(SAMPLE, pdf=False)[0]

    posts = collect_posts(catalog)
    listed = "".join(
        p.read_text(encoding="utf-8")
        for p in [sample_site / "news/index.html", *sample_site.glob("news/page/*/index.html")]
    )
    text = html.unescape(re.sub(r"<[^>]+>", "", listed))
    assert "继续阅读" not in listed
    notes = 0
    for post in posts:
        assert post.text in text, post.slug
        event_notes = [e.note for e in post.zone.zone.events if e.note and e.date == post.date]
        for note in event_notes:
            assert note in text, (post.slug, note)
            notes += 1
        page = html.unescape(re.sub(r"<[^>]+>", "", (sample_site / f"news/{post.slug}/index.html").read_text("utf-8")))
        assert post.text in page and "发布日期" in page and "返回新闻动态" in page
    assert notes >= 3
