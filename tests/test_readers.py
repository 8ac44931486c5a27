"""Ways through for readers (issue 14): wherever a generated page names an indicator in a table, a list or a
heading, the name is a link to that indicator's page. Read from the built sample site (every page but the
hand-written ones and the editors' own texts, which the generator does not word)."""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from conftest import SAMPLE, load_catalog

# Elements that hold a table's cells, a list's items or a heading: where a name is a name, not running text.
PLACES = {"td", "th", "li", "dt", "dd", "caption", "summary", "h1", "h2", "h3", "h4", "h5", "h6"}
# Not the generator's words: the editors' own texts (Markdown they wrote), code, a card's repeated column label.
SKIPPED_CLASSES = {"user-md", "cell-label"}
SKIPPED_TAGS = {"script", "style", "template", "pre", "code"}
HAND_WRITTEN = ("about/", "guide/", "news/", "search/")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A name stands alone: at the start of its text or after a list's or a label's punctuation, and at the end or
# before its unit, a colon or the next item (never inside a longer phrase, such as an editor's sentence).
BEFORE = "：:、，,；;（("
AFTER = "（(：:、，,；;）)"


class _Names(HTMLParser):
    """Every indicator name standing alone in a table cell, list item or heading of a page's article: (indicator
    id, the link it sits in, or None, where it stands)."""

    def __init__(self, url: str, names: list[tuple[str, str]]) -> None:
        super().__init__()
        self.url = url
        self.names = names  # (name, id), longest first, so a name inside a longer one is not found twice
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.found: list[tuple[str, str | None, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        while self.stack and self.stack.pop()[0] != tag:
            pass

    def handle_data(self, data: str) -> None:
        tags = [t for t, _ in self.stack]
        if "article" not in tags or not PLACES & set(tags) or SKIPPED_TAGS & set(tags):
            return
        if any(SKIPPED_CLASSES & set((a.get("class") or "").split()) for _, a in self.stack):
            return
        text = " ".join(data.split())  # a space stands between words too: "2023 年 <name>：…"
        links = [a.get("href") for t, a in self.stack if t == "a"]
        target = urljoin(self.url, links[-1] or "") if links else None
        place = next(t for t in reversed(tags) if t in PLACES)
        for name, ind_id in self.names:
            for m in re.finditer(re.escape(name), text):
                before, after = text[: m.start()], text[m.end() :]
                if (not before or before[-1] in BEFORE + " ") and (not after or after[0] in AFTER + " "):
                    self.found.append((ind_id, target, place))
                    text = text[: m.start()] + "\0" * len(name) + text[m.end() :]


def test_every_indicator_name_in_a_table_list_or_heading_links_to_its_page(sample_site: Path) -> None:
    catalog = load_catalog(SAMPLE)
    pages = {p.name for p in (sample_site / "indicators").iterdir() if (p / "index.html").is_file()}
    names = sorted(((ind.name, ind.id) for ind in catalog.indicators if ind.id in pages), key=lambda n: -len(n[0]))
    assert len(names) > 20
    base = "https://site.test/"
    problems: list[str] = []
    linked: Counter[str] = Counter()
    for html in sorted(sample_site.rglob("index.html")):
        folder = html.parent.relative_to(sample_site).as_posix()
        path = "" if folder == "." else folder + "/"
        if path.startswith(HAND_WRITTEN):
            continue
        parser = _Names(base + path, names)
        parser.feed(html.read_text(encoding="utf-8"))
        for ind_id, target, place in parser.found:
            own = base + f"indicators/{ind_id}/"
            if base + path == own:
                continue  # the indicator's own page
            if target != own:
                problems.append(f"/{path} <{place}>: {catalog.indicator(ind_id).name} -> {target}")
            else:
                linked[re.sub(r"/[^/]+", "/…", path, count=1) if path.count("/") > 1 else path] += 1
    assert problems == [], f"{len(problems)} unlinked names:\n" + "\n".join(sorted(set(problems)))
    # the page types that name indicators in tables and lists, each seen (the check is not vacuous)
    for kind in ("", "zones/", "zones/…/", "progress/…/", "cases/…/", "analysis/", "analysis/…/", "indicators/"):
        assert linked[kind] > 0, (kind, linked)
