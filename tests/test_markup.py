"""Text from YAML never becomes markup: unit tests of the escapers and a whole build with hostile text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from conftest import MINI, build_site
from generator.site.markup import block, inline

HOSTILE = '*强调* [链接](http://evil.example) {: onclick="x()" } `代码` | 管道 ![i](x.png) &amp; :smile: ==m== ^^u^^'


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


def test_hostile_text_in_every_field_kind_stays_text(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(MINI, data)
    zone = data / "zones/demo-zone/zone.yaml"
    text = zone.read_text(encoding="utf-8")
    text = text.replace("name: 演示示范区", "name: '演示 *示范区* {: onclick=alert(1) } [x](javascript:alert(1))'")
    text = text.replace("operator: 演示运营中心", 'operator: "&lt;script&gt;alert(1)&lt;/script&gt; ![x](x.png)"')
    text += "plan:\n  overview: |\n    <img src=x onerror=alert(1)>\n    <script>alert(2)</script>\n\n    **允许的 Markdown**\n"
    zone.write_text(text, encoding="utf-8")
    case = data / "zones/demo-zone/cases/demo-case.yaml"
    case.write_text(
        case.read_text(encoding="utf-8").replace(
            "summary: 一个用于测试的案例。", "summary: '{: .x onmouseover=alert(3) } | 表格 | 破坏 |'"
        ),
        encoding="utf-8",
    )
    site = build_site(tmp_path, data)
    for page in ("zones/demo-zone", "cases/demo-case", "zones", ""):
        html = (site / page / "index.html").read_text(encoding="utf-8")
        main = html[html.index("<article") : html.index("</article>")]
        assert "<script" not in main, page
        assert not re.search(r"<[^>]+\son[a-z]+=", main), page  # no event-handler attribute
        assert 'href="javascript' not in main.lower(), page
        assert '<img src="x"' not in main and "<img src=x" not in main, page
    zone_html = (site / "zones/demo-zone/index.html").read_text(encoding="utf-8")
    assert "<strong>允许的 Markdown</strong>" in zone_html
    assert "&lt;img src=x onerror=alert(1)&gt;" in zone_html  # shown as the editor typed it
