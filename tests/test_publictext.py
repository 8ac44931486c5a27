"""Public pages carry public text (issue 14): no editorial notes in the reader's way, no English in the Chinese
interface, one style for numbers, dates and punctuation. Static checks over the built sample site's HTML."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

# Notes for editors about the source text or the site's own making, which readers need not read on every page:
# they live in the about page's note on the data's sources and in the editors' guide (guide/).
EDITORIAL = (
    "原文指标名称残缺",
    "原文残缺",
    "复制时丢失",
    "网络转载副本",
    "原文副本",
    "补正",
    "zones_data/",
    "YAML 文件",
    "尚未在本站配置中载明",
    "支持脚本的浏览器",
)
# The notes on the source copy belong in the about page's section on the data's sources (no YAML there).
ABOUT_SOURCE_NOTES = ("复制时丢失", "网络转载副本", "原文副本")

_VOID = {"br", "img", "input", "meta", "link", "hr", "source", "wbr", "col", "area", "base", "embed", "track"}
_SKIPPED = {"script", "style", "code", "pre", "svg", "template"}
_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")


class _Visible(HTMLParser):
    """The text a reader sees (outside scripts, styles and code) and the attributes a reader hears or reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.parts: list[tuple[str, str]] = []  # (where, text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.open.append(tag)
        for key, value in attrs:
            if key in _ATTRIBUTES and value:
                self.parts.append((f"{tag}@{key}", value))
            if tag == "meta" and key == "content" and value and ("name", "description") in attrs:
                self.parts.append(("meta description", value))

    def handle_endtag(self, tag: str) -> None:
        while self.open:
            if self.open.pop() == tag:
                break

    def handle_data(self, data: str) -> None:
        if data.strip() and not _SKIPPED & set(self.open):
            self.parts.append(("text", data))


def visible(path: Path) -> list[tuple[str, str]]:
    parser = _Visible()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser.parts


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def page_name(site: Path, path: Path) -> str:
    return "/" + str(path.relative_to(site)).removesuffix("index.html")


def test_no_editorial_note_on_a_public_page(sample_site: Path) -> None:
    found = []
    for path in pages(sample_site):
        name = page_name(sample_site, path)
        if name.startswith("/guide/"):
            continue  # the editors' guide is where editors' notes belong
        text = "".join(t for _where, t in visible(path))
        allowed = ABOUT_SOURCE_NOTES if name == "/about/" else ()
        found += [(name, note) for note in EDITORIAL if note in text and note not in allowed]
    for path in (sample_site / "data").glob("*.json"):  # the open data's descriptions are read by people too
        text = path.read_text(encoding="utf-8")
        found += [(path.name, note) for note in EDITORIAL if note in text]
    assert not found
