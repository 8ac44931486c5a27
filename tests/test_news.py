"""News posts from the zones' lifecycle events, the Atom feed, and the blog in a whole-site build."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import MINI, generated
from generator.analysis.stage import analyse
from generator.data.load import load_data
from generator.data.validate import validate_data
from generator.site.news import ATOM, collect_posts, make_feed
from generator.site.pages import make_pages

NS = {"a": ATOM}


def _catalog(data: Path = MINI):  # type: ignore[no-untyped-def]
    catalog, log = validate_data(load_data(data))
    assert catalog is not None, log.sorted()
    return catalog


def _with_events(tmp_path: Path, extra: str) -> Path:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    zone = data / "zones/demo-zone/zone.yaml"
    zone.write_text(zone.read_text(encoding="utf-8") + extra, encoding="utf-8")
    return data


def test_one_post_per_event_up_to_the_as_of_date(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PDF", "0")  # the pages are checked, not the summary PDFs: no WeasyPrint renders
    data = _with_events(tmp_path, "  - kind: evaluated\n    date: 2024-07-01\n    result: confirmed\n")
    catalog = _catalog(data)
    posts = collect_posts(catalog)
    events = [(z.id, e.date) for z in catalog.zones.values() for e in z.zone.events if e.date <= catalog.as_of]
    assert len(posts) == len(events) == 5
    assert all(p.date <= catalog.as_of for p in posts)
    assert [p.date for p in posts] == sorted((p.date for p in posts), reverse=True)
    assert all(p.slug.isascii() for p in posts)
    pages = make_pages(catalog, analyse(catalog)).pages
    assert sorted(k for k in pages if k.startswith("news/posts/")) == sorted(f"news/posts/{p.slug}.md" for p in posts)


def test_post_title_date_category_and_sample_flag() -> None:
    pages = generated(MINI)[1].pages
    approved = pages["news/posts/2023-05-10-demo-zone-approved.md"]
    assert 'title: "演示示范区获批建设"' in approved
    assert "date: 2023-05-10\n" in approved and 'slug: "2023-05-10-demo-zone-approved"' in approved
    assert 'categories: ["批复建设"]' in approved and "sample: true" in approved
    assert "演示〔2023〕1号" in approved and "(../../zones/demo-zone/index.md)" in approved
    applied = pages["news/posts/2024-03-01-applied-zone-applied.md"]
    assert "sample: true" not in applied  # applied-zone is not sample data


def test_feed_is_valid_atom_newest_first_with_absolute_urls() -> None:
    catalog = _catalog()
    posts = collect_posts(catalog)
    root = ET.fromstring(make_feed(catalog, posts, "https://gov.example.cn/kjcg/"))
    assert root.tag == f"{{{ATOM}}}feed"
    for tag in ("id", "title", "updated", "author/a:name"):
        assert root.find(f"a:{tag}", NS) is not None, tag
    assert root.findtext("a:updated", namespaces=NS) == "2024-03-01T00:00:00+08:00"  # newest event, not the clock
    entries = root.findall("a:entry", NS)
    assert len(entries) == len(posts) == 5
    dates = [e.findtext("a:updated", namespaces=NS) for e in entries]
    assert dates == sorted(dates, reverse=True)  # type: ignore[type-var]
    for entry in entries:
        for tag in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"a:{tag}", namespaces=NS), tag
        href = entry.find("a:link", NS).get("href")  # type: ignore[union-attr]
        assert href and href.startswith("https://gov.example.cn/kjcg/news/") and href.endswith("/")


def test_hostile_note_is_escaped_in_posts_and_feed(hostile_site: Path) -> None:
    site = hostile_site  # the run's one hostile build (conftest): an event's note is HOSTILE_NOTE, SITE_URL set
    html = (site / "news/2024-05-01-demo-zone-plan-revised/index.html").read_text(encoding="utf-8")
    main = html[html.index("<article") : html.index("</article>")]
    assert "<script>alert" not in main and "<img src" not in main and 'href="javascript' not in main
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in main
    feed = (site / "feed.xml").read_bytes()
    root = ET.fromstring(feed)  # still well-formed
    links = [link.get("href") for link in root.iter(f"{{{ATOM}}}link")]
    assert "https://gov.example.cn/kjcg/news/2024-05-01-demo-zone-plan-revised/" in links
    assert b"https://example.org/test/" not in feed  # SITE_URL wins over site.yaml


def test_blog_builds_posts_index_archive_and_categories(mini_site: Path) -> None:
    for post in collect_posts(_catalog()):
        page = mini_site / "news" / post.slug / "index.html"
        assert page.is_file(), post.slug
        html = page.read_text(encoding="utf-8")
        assert post.title in html
        assert ("sample-banner" in html) == post.zone.is_sample
    index = (mini_site / "news/index.html").read_text(encoding="utf-8")
    assert 'href="../feed.xml"' in index and "sample-banner" in index
    assert "演示示范区获批建设" in index
    assert (mini_site / "news/archive/2024/index.html").is_file()
    assert (mini_site / "news/category/批复建设/index.html").is_file()
    assert (mini_site / "feed.xml").is_file()
