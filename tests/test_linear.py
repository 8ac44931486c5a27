"""Cost grows linearly with the input (issue 12, item 4): counted work, never seconds.

Python-Markdown, as MkDocs runs it for the site (mkdocs.yml's extensions plus what the hook adds), turns the
escaped text of `inline()` into HTML. Each of its inline matches copies the rest of the line, so the number of
matches in one line must not grow with the text's length: that is what made a long name of punctuation cost
minutes.
"""

from __future__ import annotations

import gc
from typing import Any

import markdown
import pytest
from mkdocs.config import load_config

from conftest import MINI, ROOT
from generator import mkdocs_bridge
from generator.site.markup import inline, link

HOSTILE_RUNS = ("*[{", ".", "a.", "名_", "&<>|", "*[{ 1. ")


@pytest.fixture(scope="module")
def site_markdown(tmp_path_factory: pytest.TempPathFactory) -> Any:
    """A factory of Python-Markdown instances configured as MkDocs configures them for every page."""
    docs = tmp_path_factory.mktemp("docs")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("DATA", str(MINI))
        mp.setenv("SOURCE_DATE_EPOCH", "0")
        mp.delenv("SITE_URL", raising=False)
        config = load_config(str(ROOT / "mkdocs.yml"))
        config["docs_dir"] = str(docs)
        config = mkdocs_bridge.on_config(config)
    gc.unfreeze()  # the hook freezes what the build keeps; a test process should not

    def make() -> markdown.Markdown:
        return markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])

    make.toc = config["mdx_configs"]["toc"]  # type: ignore[attr-defined]  # the hook's heading-anchor words
    return make


def _page(text: str) -> str:
    """`text` in each place a template prints plain text: a heading, a paragraph, a table cell, a link."""
    value = inline(text)
    return f"# {value}\n\n前文 {value} 后文\n\n| 名称 | 值 |\n|---|---|\n| {value} | 1 |\n\n{link(text, '../x/')}\n"


def _work(make: Any, text: str) -> tuple[int, str]:
    """The number of pieces Python-Markdown's inline stage stashed for the page, and the page's HTML."""
    md = make()
    html = md.convert(_page(text))
    return len(md.htmlStash.rawHtmlBlocks), html


@pytest.mark.parametrize("run", HOSTILE_RUNS)
def test_inline_matches_do_not_grow_with_the_length_of_escaped_text(site_markdown: Any, run: str) -> None:
    short, _ = _work(site_markdown, run * 50)
    long, html = _work(site_markdown, run * 800)
    assert long == short, f"{run!r}: {short} inline matches for 50 repetitions, {long} for 800"
    assert len(html) > 800 * len(run)


@pytest.mark.parametrize("run", HOSTILE_RUNS)
def test_escaped_text_renders_to_the_same_html_as_entity_by_entity(site_markdown: Any, run: str) -> None:
    """Whatever the site's Markdown does with an escaped run, the HTML is what Python-Markdown's own entity
    pattern makes of it one entity at a time (so valid data builds the same pages)."""
    config = load_config(str(ROOT / "mkdocs.yml"))
    config["mdx_configs"]["toc"] = site_markdown.toc  # the same heading anchors, in the site's words
    plain = markdown.Markdown(extensions=config["markdown_extensions"], extension_configs=config["mdx_configs"])
    text = run * 40
    assert _work(site_markdown, text)[1] == plain.convert(_page(text))


def test_escaped_output_grows_linearly_with_the_text() -> None:
    for run in HOSTILE_RUNS:
        sizes = [len(inline(run * n)) for n in (100, 200, 300)]
        assert sizes[2] - sizes[1] == sizes[1] - sizes[0] <= 100 * len(run) * len("&#123;")
