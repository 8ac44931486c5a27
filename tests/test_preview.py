"""The offline preview (`make preview`) opened from disk, as a reviewer opens the downloaded artifact:
every page of it through file:// in Debian's Chromium, every chart drawn, every page script run, no error.

The preview is built as the Makefile's `preview` target builds it (OFFLINE=true, then
.github/scripts/offline_preview.py with the pinned iframe-worker shim from .tools/node), from a private copy
of the project, with PDF=0: the summary PDFs are links in the preview, not something a page draws.
"""

from __future__ import annotations

import contextlib
import html
import json
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.request import url2pathname

import pytest
from chart_contract import CHROMIUM, in_two_browsers

from conftest import ROOT

pytestmark = pytest.mark.skipif(
    not Path(CHROMIUM).exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)"
)
playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def preview(offline_preview: Path) -> Path:
    return offline_preview  # the run's one offline preview (conftest), shared with test_workflows


def charts_in_file(text: str) -> dict[str, int]:
    """Each chart element the page's HTML carries, with the number of traces its figure holds."""
    charts: dict[str, int] = {}
    for tag in re.findall(r"<div [^>]*class=\"chart-plot\"[^>]*>", text):
        chart_id = re.search(r'\bid="([^"]+)"', tag)
        figure = re.search(r'\bdata-figure="([^"]*)"', tag)
        assert chart_id and figure, tag[:200]
        charts[chart_id.group(1)] = len(json.loads(html.unescape(figure.group(1))).get("data", []))
    return charts


# Polled every frame until it holds: opens every collapsed group and brings the first chart not yet drawn into
# view, so the lazy renderer (an IntersectionObserver) sees each chart, as when a reader scrolls down the page.
EVERY_CHART_DRAWN = """() => {
  document.querySelectorAll('details:not([open])').forEach(d => { d.open = true; });
  const waiting = [...document.querySelectorAll('.chart-plot')].filter(el => !el.dataset.rendered && !el.dataset.error);
  if (waiting.length) waiting[0].scrollIntoView({block: 'center'});
  return waiting.length === 0;
}"""

CHART_STATE = """() => Object.fromEntries([...document.querySelectorAll('.chart-plot')].map(el =>
  [el.id, {rendered: el.getAttribute('data-rendered'), error: el.getAttribute('data-error'),
           traces: el.data ? el.data.length : null}]))"""

# What the site's other page scripts leave behind once they ran (tables.js, case-filter.js), and Material's
# own page components (its sidebar component places the sidebars with an inline style when it starts).
SCRIPT_STATE = """() => ({
  material: document.querySelector('.md-sidebar') ? document.querySelector('.md-sidebar').hasAttribute('style') : null,
  tables: document.querySelectorAll('.sortable-table table').length,
  sortable: document.querySelectorAll('.sortable-table table[data-sortable] th button.sort-button').length
    ? document.querySelectorAll('.sortable-table table[data-sortable]').length : 0,
  filter: document.getElementById('case-filter') ? document.getElementById('case-filter').hasAttribute('data-ready') : null,
})"""


def failed(request: Any) -> bool:
    """A request that really failed: Chromium also reports, as net::ERR_ABORTED, the favicon of a page left
    for the next one before it arrived; a file that is there was not missing."""
    if request.failure == "net::ERR_ABORTED" and request.url.startswith("file://"):
        return not Path(url2pathname(urlsplit(request.url).path)).exists()
    return True


def _preview_sweep(browser: Any, preview: Path, pages: list[Path]) -> tuple[list[str], int, int]:
    """The checks of `pages` of the preview in one browser context: (problems, charts expected, charts drawn)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    context.set_default_timeout(10_000)
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("requestfailed", lambda req: failed(req) and errors.append(f"{req.url} {req.failure}"))
    page.on("request", lambda req: req.url.startswith("file://") or foreign.append(req.url))
    problems: list[str] = []
    expected_total = drawn_total = 0
    try:
        for path in pages:
            if len({p.split(":", 1)[0] for p in problems}) >= 6:  # enough to see what is wrong, in seconds
                problems.append("… (stopped after 6 pages with problems)")
                break
            name = path.relative_to(preview).as_posix()
            expected = charts_in_file(path.read_text(encoding="utf-8"))
            expected_total += len(expected)
            errors.clear()
            foreign.clear()
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            if expected:
                with contextlib.suppress(playwright_sync.TimeoutError):  # what is missing is listed below
                    page.wait_for_function(EVERY_CHART_DRAWN, polling="raf", timeout=15_000)
                state = page.evaluate(CHART_STATE)
                if set(state) != set(expected):
                    problems.append(
                        f"{name}: chart elements {sorted(state)} in the browser, {sorted(expected)} in the file"
                    )
                for chart_id, traces in expected.items():
                    got = state.get(chart_id, {})
                    if got.get("rendered") == "true" and got.get("traces") == traces:
                        drawn_total += 1
                    else:
                        problems.append(f"{name}: chart {chart_id} not drawn ({got}, {traces} traces expected)")
            with contextlib.suppress(playwright_sync.TimeoutError):  # Material places it a frame or two after load
                page.wait_for_function(f"({SCRIPT_STATE})().material !== false", timeout=2_000)
            scripts = page.evaluate(SCRIPT_STATE)
            if scripts["sortable"] != scripts["tables"]:
                problems.append(
                    f"{name}: {scripts['sortable']} of {scripts['tables']} sortable tables have sort buttons"
                )
            if scripts["material"] is False:
                problems.append(f"{name}: Material's page components did not start (the sidebar is not placed)")
            if scripts["filter"] is False:
                problems.append(f"{name}: the case filter did not start")
            if errors:
                problems.append(f"{name}: console errors {errors}")
            if foreign:
                problems.append(f"{name}: requests that do not stay on disk {foreign}")
    finally:
        context.close()
    return problems, expected_total, drawn_total


def test_every_page_of_the_preview_opened_from_disk_draws_every_chart(preview: Path, browser: Any) -> None:
    """Every page of the preview opened through file://: every chart drawn with its traces, the site's and
    Material's scripts started, no console error, nothing fetched from off the disk. One sweep, its pages
    shared by two browsers side by side (`in_two_browsers`)."""
    pages = sorted(p for p in preview.rglob("*.html") if p.name != "404.html")
    assert len(pages) > 50
    (problems, expected, drawn), (more_problems, more_expected, more_drawn) = in_two_browsers(
        browser, pages, lambda b, some: _preview_sweep(b, preview, some)
    )
    assert problems + more_problems == [], "\n".join(problems + more_problems)
    assert expected + more_expected > 100  # the sample's zone and indicator pages
    assert drawn + more_drawn == expected + more_expected


def test_only_the_offline_build_turns_instant_navigation_off(monkeypatch: pytest.MonkeyPatch, preview: Path) -> None:
    """Production keeps Material's instant navigation (tests/test_browser.py tests it); the offline build,
    opened from disk where it cannot work, has it off, and no feed link that makes Material fetch a sitemap."""
    from mkdocs.config import load_config

    from generator.mkdocs_bridge import _offline_build_without_instant_navigation, _options

    def features(offline: str) -> list[str]:
        monkeypatch.setenv("OFFLINE", offline)
        config = load_config(str(ROOT / "mkdocs.yml"))
        _offline_build_without_instant_navigation(config, _options(config).offline)  # as on_config does
        return list(config.theme["features"])

    production = features("false")
    assert "navigation.instant" in production
    assert features("true") == [f for f in production if f != "navigation.instant"]
    page = (preview / "index.html").read_text(encoding="utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', page, re.S).group(1))
    assert config["features"] == [f for f in production if f != "navigation.instant"]
    assert 'rel="alternate"' not in page
