"""Text from YAML never becomes markup: unit tests of the escapers and a whole build with hostile text."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

from generator.site.markup import block, inline

HOSTILE = '*强调* [链接](http://evil.example) {: onclick="x()" } `代码` | 管道 ![i](x.png) &amp; :smile: ==m== ^^u^^'


def _tags(html: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    """Every start tag in `html` with its attributes, as a browser's parser sees them."""
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(html)
    return found


def test_inline_neutralises_every_markdown_and_html_character() -> None:
    out = inline(HOSTILE + " <b>")
    assert not set(out) & set('*[]{}`|!<>:=^"')
    assert "\n" not in inline("两行\n文字")


def test_block_renders_markdown_but_no_html_and_no_script_links() -> None:
    html = block("**粗体**\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n# 标题")
    assert "<strong>粗体</strong>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert 'href="javascript' not in html
    assert "<h4>标题</h4>" in html  # demoted below the page's own headings


def test_hostile_text_in_every_field_kind_stays_text(hostile_site: Path) -> None:
    site = hostile_site  # the run's one hostile build (conftest's write_hostile_data: every field kind)
    pages = ("zones/demo-zone", "zones/demo-zone/2023", "cases/demo-case", "zones", "", "indicators/contract_value")
    charts = 0
    for page in pages:
        html = (site / page / "index.html").read_text(encoding="utf-8")
        main = html[html.index("<article") : html.index("</article>")]
        for tag, attrs in _tags(main):
            if tag == "div" and dict(attrs).get("data-figure"):
                assert json.loads(dict(attrs)["data-figure"] or "")["data"], page  # parses as data, whole
                charts += 1
        assert "<script" not in main and "<iframe" not in main, page
        tags = _tags(main)
        assert not [t for t in tags if any(name.startswith("on") for name, _ in t[1])], page  # no event handler
        assert not [t for t in tags if any((v or "").strip().lower().startswith("javascript") for _, v in t[1])], page
        assert not {t[0] for t in tags} & {"script", "iframe", "object", "embed"}, page
        assert '<img src="x"' not in main and "<img src=x" not in main, page
    assert charts >= 3
    zone_html = (site / "zones/demo-zone/index.html").read_text(encoding="utf-8")
    assert "<strong>允许的 Markdown</strong>" in zone_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in zone_html  # shown as the editor typed it


FIGURES = ["45.8", "1,130", "-3", "35%", "+13.9%（+5.6）", "-0.02 个百分点", "2024-01-31", "0", "-1,234.50"]
NOT_FIGURES = ["- 3", "1. x", "1.", "-", "+-3", "---", "===", "1,130 <b>", "2024-01-31T00", "3*4", "[1](x)"]


def test_figures_pass_unescaped_and_cannot_become_markdown() -> None:
    """Figures are left as written (no entity per dot); anything else near them is still escaped; and a
    figure alone on a line, at a line's start or in a table cell renders as its own text, nothing more."""
    import markdown

    for text in FIGURES:
        assert inline(text) == text
    for text in NOT_FIGURES:
        assert inline(text) != text, text
    md = markdown.Markdown(extensions=["tables", "attr_list", "md_in_html", "admonition"])
    for text in FIGURES:
        for source in (f"{text}\n", f"段落\n{text}\n", f"{text} 亿元\n", f"| a |\n| --- |\n| {text} |\n"):
            html = md.reset().convert(source)
            assert text in html, (source, html)
            assert not any(
                tag in html for tag in ("<ol", "<ul", "<li", "<h1", "<h2", "<hr", "<em", "<strong", "<a ")
            ), (
                source,
                html,
            )
