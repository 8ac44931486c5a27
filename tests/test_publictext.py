"""Public pages carry public text (issue 14): no editorial notes in the reader's way, no English in the Chinese
interface, one style for numbers, dates and punctuation. Static checks over the built sample site's HTML."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import plain_cells

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
            self.parts.append(("cell" if {"td", "th"} & set(self.open) else "text", data))


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


# ---- no English in the Chinese interface ---------------------------------------------------------------------

LATIN = re.compile(r"[A-Za-z][A-Za-z0-9&.+\-_'/]*[A-Za-z0-9]|[A-Za-z]")
# Names a Chinese reader meets as they are (products, formats, standards, methods, acronyms); everything else in
# Latin letters on a page must be data (names, codes, units, addresses written in the YAML) or code (<code>).
NAMES = frozenset(
    {"R&D", "EIS", "GII", "European", "Innovation", "Scoreboard", "Excel", "WPS", "CSV", "JSON", "PDF", "PNG", "SVG"}
    | {"UTF-8", "BOM", "CRLF", "RFC", "Unicode", "Frictionless", "Python", "Atom", "Markdown", "ICP", "SKEW"}
    | {"true", "false"}  # the values of the files' true-or-false fields and columns, as written in them
    | {"SITE_URL"}  # the build's setting that overrides site.yaml's address (the data dictionary names it)
)
FILE_NAME = re.compile(r"\S*\.(csv|json|xlsx|yaml|xml|pdf|png)\b")  # e.g. zones/<示范区编号>.csv
SAMPLE = Path(__file__).resolve().parent.parent / "zones_data"


def _data_words() -> set[str]:
    """Every Latin word written in the data (values, and the ids that files and folders are named by)."""
    words: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            words.update(LATIN.findall(node))

    for path in SAMPLE.rglob("*"):
        if "schemas" in path.parts:
            continue
        words.update(LATIN.findall(path.stem))
        if path.suffix == ".yaml":
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return words


def english_on(site: Path) -> list[tuple[str, str, str]]:
    """(page, where, word) for each Latin word a reader sees that is neither data, code nor a known name."""
    from generator.site.data_dictionary import FILES, model_fields
    from generator.site.download_columns import indicator_columns, value_columns, zone_columns

    codes = {c.name for c in (*value_columns(), *indicator_columns(), *zone_columns())}  # the CSVs' columns
    codes |= {word for _kind, model in FILES for f in model_fields(model) for word in LATIN.findall(f.path)}
    allowed = _data_words() | NAMES | codes
    found = []
    for path in pages(site):
        name = page_name(site, path)
        if name.startswith("/guide/"):
            continue  # the editors' guide: editors read field names and the checker's bilingual messages
        for where, text in visible(path):
            found += [
                (name, where, word)
                for word in LATIN.findall(FILE_NAME.sub(" ", text))
                if word not in allowed and len(word) > 1
            ]
    return found


def test_no_english_in_the_interface(sample_site: Path) -> None:
    found = english_on(sample_site)
    assert not found, sorted({(page, word) for page, _where, word in found})[:60]


def test_heading_anchors_have_a_chinese_title(sample_site: Path) -> None:
    titles = set()
    for path in pages(sample_site):
        titles |= set(re.findall(r'<a class="headerlink" href="[^"]*" title="([^"]*)"', path.read_text("utf-8")))
    assert titles == {"本节链接"}


def test_not_found_page_is_chinese_with_links_home_and_to_search(sample_site: Path) -> None:
    html = (sample_site / "404.html").read_text(encoding="utf-8")
    main = html[html.index('<article class="md-content__inner') : html.index("</article>")]
    assert "Not found" not in main and "<h1>页面不存在</h1>" in main
    site_path = "/gx-tech-transfer-zones/"  # the path of site.yaml's site_url: the 404 page is served at any depth
    assert f'<a href="{site_path}">' in main  # home
    # the theme opens its search when the address has ?q=; target=_self makes it a full load, which the theme's
    # instant navigation would otherwise make without opening the search
    assert f'<a href="{site_path}?q=" target="_self">' in main


def test_download_column_types_are_chinese_words(sample_site: Path) -> None:
    for page in ("data", "data/dictionary"):
        html = plain_cells((sample_site / page / "index.html").read_text(encoding="utf-8"))  # without phone labels
        cells = set(re.findall(r"<td>([^<]*)</td>", html))
        assert not cells & {"string", "integer", "boolean", "date", "number"}, page
        assert {"文字", "整数", "是或否"} <= cells or page == "data", page


# ---- sample names: one pattern, no status ---------------------------------------------------------------------


def test_sample_zone_names_follow_one_pattern_and_hold_no_status() -> None:
    """Every sample zone: flagged sample; its name is its main carrier park's short name + 自治区科技成果转移转化
    示范区, its short name its city + 示范区; neither holds a status word (the status comes from the events)."""
    from conftest import SAMPLE as DATA
    from conftest import load_catalog
    from generator.data.catalog import STATUS_LABELS

    catalog = load_catalog(DATA)
    statuses = [zh for zh, _en in STATUS_LABELS.values()]
    for zone in catalog.zones.values():
        z = zone.zone
        city = catalog.ref_name("cities", z.city).removesuffix("市")
        assert z.sample, zone.id
        assert re.fullmatch(f"{city}[^（）()]+自治区科技成果转移转化示范区", z.name), z.name
        assert z.short_name == f"{city}示范区", z.short_name
        assert not [s for s in statuses if s in z.name or s in (z.short_name or "")], z.name


# ---- one style for numbers ----------------------------------------------------------------------------------


def test_every_figure_of_four_digits_or_more_is_thousands_separated(sample_site: Path) -> None:
    """One rule for numbers in running text and tables: the integer part of a figure of 1,000 or more is
    separated by commas (14,319; 6,761), whether it was written in a report or computed. Checked on every page
    that shows a reported value (its zone page, its year's summary, its indicator page) against the YAML."""
    from conftest import SAMPLE as DATA
    from conftest import load_catalog

    catalog = load_catalog(DATA)
    checked = 0
    for zone in catalog.zones.values():
        for year, report in zone.reports.items():
            for reading in report.readings.values():
                if reading.number is None or abs(reading.number) < 1000 or not reading.text:
                    continue
                bare = reading.text.strip()
                whole, dot, frac = bare.lstrip("-").partition(".")
                separated = ("-" if bare.startswith("-") else "") + f"{int(whole):,}" + dot + frac
                for page in (f"zones/{zone.id}/", f"zones/{zone.id}/{year}/", f"indicators/{reading.indicator}/"):
                    text = " ".join(t for _where, t in visible(sample_site / page / "index.html"))
                    assert not re.search(rf"(?<![\d,.]){re.escape(bare)}(?![\d,])", text), (page, bare)
                    assert separated in text, (page, separated)
                    checked += 1
    assert checked > 50  # the sample has hundreds of such values (new enterprises, tech SMEs …)


# ---- one style for dates in running text ----------------------------------------------------------------------

ISO_DATE = re.compile(r"(?<!\d)\d{4}-\d{2}-\d{2}(?!\d)")


def test_dates_in_running_text_are_chinese(sample_site: Path) -> None:
    """A date in a sentence, a list or a heading reads 2026 年 3 月 31 日 (the site's spacing of figures and
    words); a table cell may keep 2026-03-31. The editors' guide (which shows what to type) is excepted."""
    found = []
    for path in pages(sample_site):
        name = page_name(sample_site, path)
        if name.startswith("/guide/"):
            continue
        found += [(name, t.strip()[:60]) for where, t in visible(path) if where != "cell" and ISO_DATE.search(t)]
    assert not found, found[:20]
    html = (sample_site / "index.html").read_text(encoding="utf-8")
    assert "数据截至 2026 年 3 月 31 日" in html  # site.yaml's as_of, in the footer
