"""One style for punctuation (issue 14, README "Numbers, dates and punctuation"): running Chinese text uses
full-width punctuation (，。：；？！（）) next to Chinese characters, half-width only inside figures, codes and
addresses, and never the two mixed ("，," "。."). Checked on the text of every page the generator writes, in the
session's sample site (conftest's `sample_site`: no build of its own).

Left out, as the README's rule leaves them: code (`code`, `pre`, `kbd`, `samp`), scripts, styles and SVG;
attributes (addresses live there); and every text that comes from the YAML data, which the site shows as the
editor wrote it (an editor's "，," is theirs to fix, not the generator's): each of the data's texts is cut out
of the page's text before it is read, so nothing on either side of it is judged against it."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import yaml

from conftest import SAMPLE, generated, strings_in

CJK = r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]"
PROBLEMS = {
    "half-width punctuation after a Chinese character": re.compile(CJK + r"[,;:?!()]"),
    "half-width punctuation before a Chinese character": re.compile(r"[,;:?!()]" + CJK),
    "full-width and half-width punctuation together": re.compile(r"[，。：；？！][,.:;?!]|[,:;?!][，。：；？！]"),
}
CODE = {"code", "pre", "kbd", "samp", "script", "style", "svg", "textarea"}
CUT = "\x00"  # where a text from the data was


class _Text(HTMLParser):
    """The page's text nodes outside code, scripts, styles and SVG."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inside = 0
        self.chunks: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in CODE:
            self.inside += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in CODE and self.inside:
            self.inside -= 1

    def handle_data(self, data: str) -> None:
        if not self.inside:
            self.chunks.append(data)


def _data_texts(data: Path) -> re.Pattern[str]:
    """Every text of the data folder's YAML, line by line (a Markdown field's lines are shown one by one),
    longest first, as one pattern."""
    texts = set()
    for path in data.rglob("*.yaml"):
        for text in strings_in(yaml.safe_load(path.read_text(encoding="utf-8"))):
            texts |= {line.strip().lstrip("-#>* ").strip() for line in text.splitlines()}
    return re.compile("|".join(re.escape(t) for t in sorted((t for t in texts if len(t) > 1), key=len, reverse=True)))


def _generated_pages(site: Path) -> list[tuple[str, Path]]:
    """(source, built page) for each page the generator wrote (site_src/generated of the build's project); the
    news posts it writes are placed by the blog plugin under their dates, so every page of news/ is read."""
    generated = site.parent / "project" / "site_src" / "generated"
    pages = [(page.relative_to(site).as_posix(), page) for page in sorted((site / "news").rglob("index.html"))]
    for md in sorted(generated.rglob("*.md")):
        rel = md.relative_to(generated)
        if rel.parts[:2] == ("news", "posts"):
            continue
        folder = rel.parent if rel.name == "index.md" else rel.with_suffix("")
        page = site / folder / "index.html"
        assert page.is_file(), rel
        pages.append((rel.as_posix(), page))
    return pages


def test_running_chinese_text_on_every_generated_page_has_one_style_of_punctuation(sample_site: Path) -> None:
    data = _data_texts(SAMPLE)
    pages = _generated_pages(sample_site)
    assert len(pages) > 50  # zones, indicators, summaries, cases, analysis, progress, data, policy …
    found: dict[str, set[str]] = {}
    for rel, page in pages:
        for problem in _problems(page.read_text(encoding="utf-8"), data):
            found.setdefault(problem, set()).add(rel)
    assert not found, "\n".join(f"{what} ({len(p)} pages, e.g. {min(p)})" for what, p in sorted(found.items()))


def _problems(html: str, data: re.Pattern[str]) -> list[str]:
    parser = _Text()
    parser.feed(html)
    out = []
    for chunk in parser.chunks:
        text = data.sub(CUT, chunk)
        for name, pattern in PROBLEMS.items():
            for m in pattern.finditer(text):
                where = text[max(0, m.start() - 12) : m.end() + 12].replace("\n", " ").replace(CUT, "…")
                out.append(f"{name}: {where!r}")
    return out


def test_the_summary_pdfs_print_text_has_the_same_style() -> None:
    """The siblings of the pages: each summary PDF's print HTML (the run's shared in-process generation)."""
    _catalog, site = generated(SAMPLE)
    assert site.pdf_jobs
    data = _data_texts(SAMPLE)
    found = {path: problems for path, html in site.pdf_jobs.items() if (problems := _problems(html, data))}
    assert not found, found


def test_the_check_finds_each_kind_and_leaves_out_code_and_data() -> None:
    """The patterns find what they name, and the parser skips what the README's rule leaves out."""
    for name, sample in [
        ("half-width punctuation after a Chinese character", "指标编号: 数值"),
        ("half-width punctuation before a Chinese character", "(2023)年"),
        ("half-width punctuation before a Chinese character", "2023(年"),
        ("half-width punctuation after a Chinese character", "年)"),
        ("full-width and half-width punctuation together", "数值，,年份"),
    ]:
        assert PROBLEMS[name].search(sample), name
    for fine in ["1,234.5 万元", "2026-03-31", "https://example.org/a:b", "（2023）", "“Unicode (UTF-8)”"]:
        assert not any(p.search(fine) for p in PROBLEMS.values()), fine
    parser = _Text()
    parser.feed("<p>正文，<code>编号: 数值</code><script>var a='年,'</script></p>")
    assert "".join(parser.chunks) == "正文，"
