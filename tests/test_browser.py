"""The built site in a real browser (Debian's Chromium through Playwright): charts, sortable tables,
reading aids, phones, accessibility, and no request leaving 127.0.0.1.

The sample site is built once per session from a private copy of the project, with one extra page,
`chart-fixture.md`, written below from the chart and table contracts: it documents the markup the page
generator must produce and keeps the scripts tested whatever the generated pages contain today.
"""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from chart_contract import CHROMIUM as CHROMIUM_PATH
from chart_contract import FIGURES, add_fixture_page, in_two_browsers
from nginx_server import SiteServer, csp_violations, free_port, watch_csp

from conftest import SAMPLE, build_site

CHROMIUM = Path(CHROMIUM_PATH)

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing (apt-get install chromium)")
playwright_sync = pytest.importorskip("playwright.sync_api")


# ---- site, server, browser -----------------------------------------------------------------------------


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def serving(directory: Path) -> Iterator[str]:
    """`directory` served on 127.0.0.1 (a free port) while the block runs; yields the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@dataclass
class Served:
    site: Path
    base_url: str


_SERVED: list[Served] = []  # the run's one served site, whichever module's copy of the fixture made it


@pytest.fixture(scope="session")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    """Other browser test files import this fixture, which makes one definition per module: the site is still
    built and served once per run (`_SERVED`), by the first of them, and stopped at the session's end."""
    if _SERVED:
        yield _SERVED[0]
        return
    tmp = tmp_path_factory.mktemp("browser")
    # The port first: Material's instant navigation only works when the site is served at its site_url
    # (it compares links with the sitemap's addresses), so the build must know the port.
    server = site_server(tmp)
    add_fixture_page(tmp / "project")
    site = build_site(tmp, SAMPLE, env={"SITE_URL": server.base_url})
    server.start()
    _SERVED.append(Served(site, server.base_url))
    yield _SERVED[0]
    server.stop()


def site_server(tmp: Path) -> SiteServer:
    """nginx with deploy/nginx/gxkjzh.conf where installed (issue 15), else Python's server (tests/nginx_server.py)."""
    return SiteServer(tmp / "site", free_port(), tmp / "nginx")


@pytest.fixture(scope="session")
def site(served: Served) -> Path:
    return served.site


@pytest.fixture(scope="session")
def base_url(served: Served) -> str:
    return served.base_url


@dataclass
class Watch:
    """Everything that went wrong while a page was open: asserted empty at the end of each test."""

    errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)
    requested: list[str] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.foreign == [], f"requests to other hosts: {self.foreign}"
        assert self.failed == [], f"failed requests: {self.failed}"
        assert self.errors == [], f"console errors: {self.errors}"


@pytest.fixture
def context(browser: Any) -> Iterator[Any]:
    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(10_000)  # a broken page fails in seconds, not half a minute
    yield ctx
    ctx.close()


def downloading_page(browser: Any, width: int) -> Iterator[Any]:
    """A page whose context accepts downloads (a chart's image, its CSV), at `width`; after the test, no console
    error or page error may have happened on it (a fixture's body: `yield from downloading_page(browser, 375)`)."""
    context = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], errors


def _watch_page(page: Any, watch: Callable[[], Watch]) -> None:
    """Report what goes wrong in `page` to `watch()`, the Watch of the page it shows now."""

    def route(route: Any) -> None:
        request_url = route.request.url
        if urlsplit(request_url).hostname == "127.0.0.1":
            watch().requested.append(request_url)
            route.continue_()
        else:
            watch().foreign.append(request_url)
            route.abort()

    page.route("**/*", route)  # per page, so one context can open several pages, each with its own watch
    page.on("console", lambda msg: msg.type == "error" and watch().errors.append(msg.text))
    page.on("pageerror", lambda exc: watch().errors.append(str(exc)))
    page.on(
        "requestfailed",
        lambda req: urlsplit(req.url).hostname == "127.0.0.1" and watch().failed.append(f"{req.url} {req.failure}"),
    )
    page.on("response", lambda resp: resp.status >= 400 and watch().failed.append(f"{resp.url} {resp.status}"))


def open_page(context: Any, url: str, watch: Watch) -> Any:
    page = context.new_page()
    _watch_page(page, lambda: watch)
    page.goto(url)
    return page


class Tab:
    """One tab of `context` that goes from page to page, as a reader follows links, each page's events reported to
    the Watch it was opened with (`open_page` opens a new tab per page instead). The sitemap sweep uses one per
    browser: a new tab starts a renderer process of its own (fonts loaded and scripts compiled afresh), which was
    about half of the sweep's CPU time. Before the next page the tab goes to about:blank, so that whatever the
    previous page still had under way ends there and is not reported as the next page's."""

    def __init__(self, context: Any) -> None:
        self.watch = Watch()
        self.page = context.new_page()
        _watch_page(self.page, lambda: self.watch)

    def open(self, url: str, watch: Watch) -> Any:
        if self.page.url != "about:blank":
            self.page.goto("about:blank")
        self.watch = watch
        self.page.goto(url)
        return self.page

    def leave(self) -> None:
        """Go to about:blank, what the page still does until it is unloaded reported to its own Watch (a late
        console error or a failed request counts: the page is watched until it is gone, not for a fixed time);
        the requests the leaving itself cancels (net::ERR_ABORTED) are not the page's failures."""
        before = len(self.watch.failed)
        self.page.goto("about:blank")
        self.watch.failed[before:] = [f for f in self.watch.failed[before:] if "net::ERR_ABORTED" not in f]


CHART_STATE = """() => [...document.querySelectorAll('.chart-plot')].map(el => ({
  id: el.id,
  rendered: el.getAttribute('data-rendered'),
  drawn: el.data ? el.data.length : null,
  expected: JSON.parse(el.getAttribute('data-figure')).data.length,
  paper: el._fullLayout ? el._fullLayout.paper_bgcolor : null,
  width: el.getBoundingClientRect().width,
}))"""


# The steps run inside the page: one call instead of two round trips from Python per 600 px.
SCROLL_THROUGH = """async () => {
  const height = document.documentElement.scrollHeight;
  for (let y = 0; y < height + 800; y += 600) {
    window.scrollTo(0, y);
    await new Promise(resolve => setTimeout(resolve, 30));
  }
}"""


def scroll_through(page: Any) -> None:
    """Scroll down in steps, as a reader would, so the lazy renderer sees every chart come into view."""
    page.evaluate(SCROLL_THROUGH)


# One poll of the wait below: true once every chart is drawn; otherwise the first chart neither drawn nor queued
# is scrolled into view, as a reader scrolling back to it would. On a loaded machine the stepped scroll can pass a
# chart between two rendering frames, so its IntersectionObserver never saw it (a chart only ever draws when seen).
ALL_DRAWN_OR_NUDGE = """() => {
  const left = [...document.querySelectorAll('.chart-plot')].filter(el => !el.dataset.rendered);
  if (!left.length) return true;
  const idle = left.find(el => !el.dataset.rendering && !el.dataset.error);
  if (idle) idle.scrollIntoView({block: 'center'});
  return false;
}"""


def wait_all_drawn(page: Any) -> list[dict[str, Any]]:
    try:
        page.wait_for_function(ALL_DRAWN_OR_NUDGE, polling=250)
    except Exception as exc:  # name the charts left, not only the timeout
        left = [c for c in page.evaluate(CHART_STATE) if not c["rendered"]]
        errors = page.eval_on_selector_all(".chart-plot[data-error]", "els => els.map(e => [e.id, e.dataset.error])")
        raise AssertionError(f"{page.url}: charts not drawn {[c['id'] for c in left]}, errors {errors}") from exc
    return page.evaluate(CHART_STATE)


def show_second_tab(page: Any) -> None:
    page.click("label[for=__tabbed_1_2]")


# ---- charts ------------------------------------------------------------------------------------------


def test_fixture_charts_render_lazily_and_completely(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "chart-fixture/", watch)
    page.wait_for_selector("#chart-fixture-bar[data-rendered]")
    before = {c["id"]: c["rendered"] for c in page.evaluate(CHART_STATE)}
    assert before["chart-fixture-stack"] is None, "a chart far below the fold was drawn before it was scrolled to"
    scroll_through(page)
    show_second_tab(page)
    charts = wait_all_drawn(page)
    assert len(charts) == len(FIGURES)
    for chart in charts:
        assert chart["drawn"] == chart["expected"] == len(FIGURES[chart["id"]]["data"]), chart
    # escaped JSON comes back as the original text
    assert page.evaluate("document.getElementById('chart-fixture-bar').data[1].name") == "目标 <值> & 实际"
    # plotly.js and its locale came from this site, once each
    vendor = [u for u in watch.requested if "/vendor/plotly/" in u]
    assert sorted(urlsplit(u).path.rsplit("/", 1)[1] for u in vendor) == [
        "plotly-locale-zh-cn.js",
        "plotly-site.min.js",
    ]
    # the zh-CN locale was registered before drawing: the mode bar speaks Chinese
    titles = page.evaluate(
        "[...document.querySelectorAll('#chart-fixture-line .modebar-btn')].map(b => b.dataset.title)"
    )
    assert titles and all(re.search(r"[\u4e00-\u9fff]", t) for t in titles), titles
    watch.assert_clean()


def test_chart_in_a_hidden_tab_is_drawn_at_the_tab_width(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "chart-fixture/", watch)
    page.locator("#chart-fixture-line").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-fixture-line[data-rendered]")
    assert page.get_attribute("#chart-fixture-tab", "data-rendered") is None  # hidden: not drawn
    show_second_tab(page)
    page.wait_for_selector("#chart-fixture-tab[data-rendered]")
    page.set_viewport_size({"width": 900, "height": 800})  # a window resize redraws at the new width
    page.wait_for_function(
        "() => { const el = document.getElementById('chart-fixture-tab'); "
        "return Math.abs(el._fullLayout.width - el.getBoundingClientRect().width) < 2 }"
    )
    watch.assert_clean()


def test_charts_follow_the_light_and_dark_palette_and_text_size(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "chart-fixture/", watch)
    page.wait_for_selector("#chart-fixture-bar[data-rendered]")
    font = "document.getElementById('chart-fixture-bar')._fullLayout.font.size"
    assert page.evaluate(font) == 14
    page.click("details.reading-aids > summary")
    page.click("button[data-text-size=xlarge]")
    page.wait_for_function(f"() => {font} === Math.round(14 * 1.4)")  # chart text grows with the page's
    paper = "document.getElementById('chart-fixture-bar')._fullLayout.paper_bgcolor"
    assert page.evaluate(paper) == "#ffffff"
    page.click("form[data-md-component=palette] label:visible")  # Material's own toggle
    page.wait_for_function(f"() => {paper} === '#1e2129'")
    assert page.evaluate("document.getElementById('chart-fixture-bar').dataset.rendered") == "true"
    watch.assert_clean()


def test_charts_render_after_instant_navigation(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url, watch)
    page.wait_for_function("() => typeof document$ !== 'undefined'")
    page.evaluate("window.__sameDocument = true")
    page.click(".md-content a[href$='zones/nanning-hitech/'] >> nth=0")  # a real link first
    page.wait_for_url("**/zones/nanning-hitech/")
    # The home page has no link to the fixture page: add one; Material intercepts it like any other.
    page.wait_for_selector(".md-content h1:has-text('南宁')")
    page.evaluate(
        "() => { const a = document.createElement('a'); a.href = '../../chart-fixture/'; a.id = 'to-fixture';"
        " a.textContent = 'fixture'; a.style = 'position:fixed;top:0;left:0;z-index:9999;background:#fff';"
        " document.body.append(a); }"
    )
    page.click("#to-fixture")
    page.wait_for_url("**/chart-fixture/")
    page.wait_for_selector("#chart-fixture-bar[data-rendered]")
    assert page.evaluate("window.__sameDocument") is True, "the page was reloaded, not navigated instantly"
    scroll_through(page)
    show_second_tab(page)
    for chart in wait_all_drawn(page):
        assert chart["drawn"] == chart["expected"], chart
    watch.assert_clean()


def test_pages_without_charts_do_not_load_plotly(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "about/", watch)
    page.wait_for_load_state("load")
    assert page.locator(".chart-plot").count() == 0
    assert not [u for u in watch.requested if "plotly" in u]
    assert page.evaluate("typeof Plotly") == "undefined"
    watch.assert_clean()


def open_every_group(page: Any) -> None:
    """Open each collapsed indicator group (a click on its summary, as a reader would) and scroll through the
    page so every chart comes into view."""
    closed = page.locator("details.indicator-group:not([open]) > summary")
    while closed.count():
        closed.first.click()
    scroll_through(page)


def test_charts_on_generated_pages_render(context: Any, base_url: str, site: Path) -> None:
    """A zone page (charts in a collapsible group per category) and an indicator page draw every chart, with the number of
    traces their figures carry."""
    for path in ("zones/nanning-hitech/", "zones/guilin-hitech/", "indicators/hitech_revenue_share/"):
        assert 'class="chart-plot"' in (site / path / "index.html").read_text(encoding="utf-8"), path
        watch = Watch()
        page = open_page(context, base_url + path, watch)
        open_every_group(page)
        charts = wait_all_drawn(page)
        assert len(charts) >= 2, path
        for chart in charts:
            assert chart["drawn"] == chart["expected"], (path, chart)
        watch.assert_clean()
        page.close()


# ---- sortable tables --------------------------------------------------------------------------------


def column(page: Any, index: int) -> list[str]:
    return page.evaluate(
        f"[...document.querySelectorAll('.sortable-table tbody tr')].map(r => r.cells[{index}].textContent.trim())"
    )


def test_sortable_table(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "chart-fixture/", watch)
    header = page.get_by_role("button", name="项目数")
    header.click()
    assert column(page, 1) == ["7", "98", "1,234", "12,000", "—"]
    assert page.get_attribute(".sortable-table th:nth-child(2)", "aria-sort") == "ascending"
    header.click()
    assert column(page, 1) == ["12,000", "1,234", "98", "7", "—"]  # the marker stays last
    assert page.get_attribute(".sortable-table th:nth-child(2)", "aria-sort") == "descending"
    page.get_by_role("button", name="增长率").click()
    assert column(page, 2) == ["0.5%", "3.5%", "12%", "暂无", "不适用"]
    assert page.get_attribute(".sortable-table th:nth-child(2)", "aria-sort") is None
    page.get_by_role("button", name="示范区").focus()
    page.keyboard.press("Enter")
    assert column(page, 0) == ["百色", "北海", "桂林", "柳州", "南宁"]  # pinyin: bai, bei, gui, liu, nan
    watch.assert_clean()


# ---- reading aids, phones, accessibility --------------------------------------------------------------


def root_font_px(page: Any) -> float:
    return float(page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)"))


def test_text_size_and_contrast_controls(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "zones/", watch)
    standard = root_font_px(page)
    summary = page.locator("details.reading-aids > summary")
    assert summary.get_attribute("aria-label") == "阅读辅助：字号、对比度、朗读、简化阅读"
    summary.focus()  # keyboard reachable, opens with Enter like any disclosure
    page.keyboard.press("Enter")
    xlarge = page.get_by_role("button", name="特大")
    xlarge.click()
    assert xlarge.get_attribute("aria-pressed") == "true"
    assert root_font_px(page) == pytest.approx(standard * 1.4, rel=0.01)
    contrast = page.get_by_role("button", name="高对比度")
    body_color = "getComputedStyle(document.querySelector('.md-typeset')).color"
    before = page.evaluate(body_color)
    contrast.click()
    assert contrast.get_attribute("aria-pressed") == "true"
    assert page.evaluate(body_color) == "rgb(0, 0, 0)" != before
    page.keyboard.press("Escape")
    assert page.evaluate("document.querySelector('details.reading-aids').open") is False
    page.reload()  # remembered
    assert root_font_px(page) == pytest.approx(standard * 1.4, rel=0.01)
    assert page.evaluate("document.documentElement.dataset.contrast") == "more"
    assert page.get_attribute("button[data-text-size=xlarge]", "aria-pressed") == "true"
    watch.assert_clean()


@pytest.mark.parametrize("size", ["normal", "xlarge"])
def test_no_horizontal_overflow_on_a_phone(browser: Any, base_url: str, size: str) -> None:
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(f"localStorage.setItem('gx.textSize', '{size}')")
    try:
        for path in ("zones/", "zones/nanning-hitech/", "chart-fixture/"):  # widest tables, charts
            watch = Watch()
            page = open_page(ctx, base_url + path, watch)
            page.wait_for_load_state("load")
            width = page.evaluate("document.documentElement.scrollWidth")
            assert width <= 375, f"/{path} is {width}px wide at text size {size}"
            watch.assert_clean()
            page.close()
    finally:
        ctx.close()


def test_no_accessibility_violations_at_1280_px(context: Any, base_url: str) -> None:
    for path in ("", "zones/nanning-hitech/", "chart-fixture/"):
        watch = Watch()
        page = open_page(context, base_url + path, watch)
        page.wait_for_load_state("load")
        assert axe_violations(page) == [], f"/{path}"
        watch.assert_clean()
        page.close()


@pytest.mark.parametrize("contrast", ["normal", "more"])
def test_dark_mode_and_high_contrast_pass_axe_colour_contrast(browser: Any, base_url: str, contrast: str) -> None:
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(f"localStorage.setItem('gx.contrast', '{contrast}')")
    try:
        watch = Watch()
        page = open_page(ctx, base_url + "zones/nanning-hitech/", watch)
        page.click("form[data-md-component=palette] label:visible")  # to dark
        page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
        violations = (
            Axe().run(page, options={"runOnly": ["color-contrast", "link-in-text-block"]}).response["violations"]
        )
        assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in violations] == []
        watch.assert_clean()
    finally:
        ctx.close()


def test_system_high_contrast_applies_until_the_reader_turns_it_off(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "zones/", watch)
    text = "getComputedStyle(document.querySelector('.md-typeset')).color"
    normal = page.evaluate(text)
    page.emulate_media(contrast="more")
    assert page.evaluate(text) == "rgb(0, 0, 0)" != normal
    page.click("details.reading-aids > summary")
    toggle = page.locator("button[data-contrast-toggle]")
    assert toggle.get_attribute("aria-pressed") == "true"  # the system setting shows as on
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "false"
    assert page.evaluate(text) == normal  # the reader's choice beats the system's
    watch.assert_clean()


def test_year_strings_stay_categories(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "chart-fixture/", watch)
    page.wait_for_selector("#chart-fixture-bar[data-rendered]")
    assert page.evaluate("document.getElementById('chart-fixture-bar')._fullLayout.xaxis.type") == "category"
    watch.assert_clean()


# ---- the experience library's filter ---------------------------------------------------------------------


def _visible_cases(page: Any) -> int:
    return int(page.locator(".case-item:visible").count())


def test_case_filter_applies_the_address_and_writes_it_back(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "cases/?task=platforms", watch)
    page.wait_for_selector("#case-filter[data-ready]", state="attached")
    total = page.locator(".case-item").count()
    shown = _visible_cases(page)
    assert 0 < shown < total
    assert page.locator("#case-count").inner_text() == f"共 {shown} 个案例"
    assert page.get_by_label("主要任务").input_value() == "platforms"
    page.get_by_label("主要任务").select_option("")
    assert _visible_cases(page) == total and page.url == base_url + "cases/"
    city = page.locator("#case-filter-city option").nth(1).get_attribute("value")
    page.get_by_label("设区市").select_option(city)
    assert page.url.endswith(f"cases/?city={city}")
    assert 0 < _visible_cases(page) < total
    assert page.locator("#case-count").get_attribute("aria-live") == "polite"
    page.get_by_role("button", name="清除筛选").click()
    assert _visible_cases(page) == total
    watch.assert_clean()


def test_case_filter_runs_after_instant_navigation(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "policy/tasks/", watch)
    page.evaluate("window.__samePage = true")  # survives only if Material swaps the page in place
    page.locator('article a[href*="task=mechanism"]').first.click()
    page.wait_for_selector("#case-filter[data-ready]", state="attached")
    assert page.get_by_label("主要任务").input_value() == "mechanism"
    assert page.locator("#case-count").inner_text() == f"共 {_visible_cases(page)} 个案例"
    assert page.evaluate("window.__samePage === true"), "a full page load, not instant navigation"
    watch.assert_clean()


# ---- every page in the sitemap (pages added later are covered without touching the tests) -------------


# axe-core as axe_playwright_python's `Axe().run(page)` runs it: its bundled axe.min.js put in the page, then
# `axe.run` with that call's options (resultTypes: violations; every rule runs, and axe details only the
# violations). But only what the message below needs comes back from the page: carrying axe's whole result out
# (every rule that passed or did not apply, with its descriptions: about 55 kB) took as long as the run itself on
# a small page.
AXE_VIOLATIONS = """async () => (await axe.run({resultTypes: ['violations']})).violations
  .map(v => ({id: v.id, impact: v.impact, targets: v.nodes.map(n => n.target).slice(0, 3)}))"""


def axe_violations(page: Any) -> list[str]:
    """Every rule axe finds broken on the page, whatever its impact: a moderate one (two landmarks with one name)
    is as real to the reader it hinders as a serious one."""
    from axe_playwright_python.base import AXE_SCRIPT

    page.evaluate(AXE_SCRIPT)
    return [f"{v['id']} ({v['impact']}) {v['targets']}" for v in page.evaluate(AXE_VIOLATIONS)]


def sitemap_paths(site: Path, base_url: str) -> list[str]:
    locs = re.findall(r"<loc>([^<]+)</loc>", (site / "sitemap.xml").read_text(encoding="utf-8"))
    paths = [loc[len(base_url) :] for loc in locs if loc.startswith(base_url)]
    assert len(paths) == len(locs) and len(paths) > 50  # the sitemap lists the served site, and all of it
    return [p for p in paths if not p.startswith("chart-fixture")]  # the contract's test pages are tested above


# Every table of a page at the phone's width (issue 14, tables): read in the page, one call. A table shown (not in a
# closed group or a hidden tab) hides no column; where its header (or its first column) holds years, the latest one
# is marked `data-latest-year` by the generator; every cell marked `data-latest-year` (the latest year's values)
# or `data-key` (a table's key values) lies inside the screen without scrolling sideways; and a table wider than
# its box says so: the box is a named, focusable region described by a visible cue.
TABLE_PROBLEMS = """() => {
  const problems = [], width = window.innerWidth;
  const shown = el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; };
  const yearOf = el => { const m = el.textContent.trim().match(/^(\\d{4})(?![\\d-])/); return m ? Number(m[1]) : null; };
  const yearRow = el => { const m = el.textContent.trim().match(/^(\\d{4})\\s*年?(（[^）]*）)?$/); return m ? Number(m[1]) : null; };
  const marked = el => el.hasAttribute('data-latest-year');
  document.querySelectorAll('article table').forEach((table, n) => {
    if (!shown(table)) return;
    const name = `table ${n + 1} (${(table.querySelector('th') || table).textContent.trim().slice(0, 12)})`;
    const hidden = [...table.querySelectorAll('th, td')].find(c => c.textContent.trim() && !shown(c));
    if (hidden) problems.push(`${name}: a cell is hidden: ${hidden.textContent.trim().slice(0, 20)}`);
    const heads = table.tHead && table.tHead.rows.length ? [...table.tHead.rows[0].cells] : [];
    const years = heads.map(yearOf).filter(y => y !== null);
    if (years.length >= 2) {
      const latest = heads.filter(marked);
      if (latest.length !== 1 || yearOf(latest[0]) !== Math.max(...years)
          || Number(latest[0].dataset.latestYear) !== Math.max(...years))
        problems.push(`${name}: the latest year ${Math.max(...years)} is not the one column marked`);
    }
    const rows = table.tBodies.length ? [...table.tBodies[0].rows] : [];
    const rowYears = rows.map(r => r.cells.length ? yearRow(r.cells[0]) : null);
    if (rowYears.filter(y => y !== null).length >= 2) {
      const top = Math.max(...rowYears.filter(y => y !== null));
      rows.forEach((r, k) => {
        const values = [...r.cells].slice(1);
        if ((rowYears[k] === top) !== values.every(marked))
          problems.push(`${name}: the row of ${rowYears[k]} is ${rowYears[k] === top ? "not " : ""}marked as the latest year`);
      });
    }
    for (const cell of table.querySelectorAll('[data-latest-year], [data-key]')) {
      const r = cell.getBoundingClientRect();
      if (r.left < -0.5 || r.right > width + 0.5) {
        problems.push(`${name}: "${cell.textContent.trim().slice(0, 20)}" lies at ${Math.round(r.left)}..${Math.round(r.right)} px`);
        break;
      }
    }
    let box = table;
    while (box && box.tagName !== 'ARTICLE'
           && !(/auto|scroll/.test(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth + 1)) box = box.parentElement;
    if (box && box.tagName !== 'ARTICLE') {
      const cue = document.getElementById(box.getAttribute('aria-describedby') || '');
      if (!cue || !shown(cue) || cue.getBoundingClientRect().right > width + 0.5)
        problems.push(`${name}: wider than its box (${box.scrollWidth} > ${box.clientWidth} px) with no visible cue`);
      if (box.getAttribute('role') !== 'region' || box.tabIndex !== 0 || !box.getAttribute('aria-label'))
        problems.push(`${name}: scrolls but is no named, focusable region`);
    }
  });
  return problems;
}"""


# A table that still scrolls sideways at the phone's width names what a reader must see without scrolling: each of
# its body rows marks its key or latest-year cells (which TABLE_PROBLEMS then finds on the screen). A table of records
# with no such column (the data dictionary, the indicator system, the category scores, an event list) is laid out as
# cards on a phone instead (.table-stack), and does not scroll (issue 14).
UNMARKED_SCROLLING = """() => [...document.querySelectorAll('article table')].flatMap((table, n) => {
  const r = table.getBoundingClientRect();
  if (!(r.width > 0 && r.height > 0)) return [];
  let box = table;
  while (box && box.tagName !== 'ARTICLE'
         && !(/auto|scroll/.test(getComputedStyle(box).overflowX) && box.scrollWidth > box.clientWidth + 1)) box = box.parentElement;
  if (!box || box.tagName === 'ARTICLE') return [];
  const rows = table.tBodies.length ? [...table.tBodies[0].rows] : [];
  const unmarked = rows.filter(row => !row.querySelector('[data-key], [data-latest-year]')).length;
  const name = `table ${n + 1} (${(table.querySelector('th') || table).textContent.trim().slice(0, 12)})`;
  return unmarked ? [`${name}: scrolls sideways (${box.scrollWidth} > ${box.clientWidth} px) and ${unmarked} of ${rows.length} rows mark no key cell`] : [];
})"""


def table_problems(page: Any, path: str) -> list[str]:
    """The problems of every table on the page at the phone's width (TABLE_PROBLEMS, UNMARKED_SCROLLING), named by
    page."""
    return [f"/{path}: {problem}" for problem in page.evaluate(TABLE_PROBLEMS) + page.evaluate(UNMARKED_SCROLLING)]


# Line spacing of running text (issue 15, 适老化: at least 1.3): every shown paragraph and list item of the article,
# its computed line-height over its font size.
LINE_SPACING = """() => [...document.querySelectorAll('article p, article li')]
  .filter(el => el.getClientRects().length && el.textContent.trim())
  .map(el => { const s = getComputedStyle(el);
    return [el.tagName, parseFloat(s.lineHeight) / parseFloat(s.fontSize), s.lineHeight, el.textContent.trim().slice(0, 20)]; })
  .filter(([, ratio]) => !(ratio >= 1.3))"""


def line_spacing_problems(page: Any, path: str) -> list[str]:
    """Paragraphs and list items whose line spacing is under 1.3 (a `normal` line-height counts as under)."""
    return [
        f"/{path}: {tag} {lh} is {ratio:.2f} times its font size: {text}"
        for tag, ratio, lh, text in page.evaluate(LINE_SPACING)
    ]


GOV_FOOTER = """() => ['.gov-footer .page-updated', '.gov-footer .gov-badge'].map(sel => {
  const el = document.querySelector(sel);
  if (!el) return `${sel} missing`;
  const r = el.getBoundingClientRect();
  const said = el.querySelector('img') ? el.querySelector('img').alt : el.textContent.trim();
  return r.width > 0 && r.height > 0 && r.right <= window.innerWidth + 0.5 && said ? '' : `${sel} not shown`;
}).filter(Boolean)"""


# Layout shifts (what Lighthouse's CLS adds up): each shift the page makes by itself, not one that follows the reader's
# click or key (hadRecentInput), with the elements that moved. A box a script fills after the first paint pushes what
# is below it down (the case library's filter did: CLS 0.12, Lighthouse 94; the comparison's controls 0.07); the page
# must draw such a box at its size from the start. Below the threshold, and left: the reading aids' closed panel
# settling by a pixel or so, and on a loaded machine (a slow phone) a table whose header tables.js gives its sort
# buttons after the first paint (0.014 once on a case page's evidence table, in one run of five).
LAYOUT_SHIFT_LISTENER = """(() => { window.__layoutShifts = [];
  new PerformanceObserver(list => { for (const e of list.getEntries()) if (!e.hadRecentInput)
    window.__layoutShifts.push([e.value, (e.sources || []).map(s => s.node ? s.node.nodeName + (s.node.id ? '#' + s.node.id
      : s.node.className ? '.' + String(s.node.className).split(' ')[0] : '') : '?').slice(0, 3)]);
  }).observe({type: 'layout-shift', buffered: true}); })();"""
LAYOUT_SHIFT_MAX = 0.05  # Lighthouse counts below 0.1 as good; a page that draws its boxes at their size has ~0


def watch_layout_shifts(context: Any) -> None:
    context.add_init_script(LAYOUT_SHIFT_LISTENER)


def layout_shift_problems(page: Any, path: str) -> list[str]:
    """The page's layout shifts so far, if they add up to more than LAYOUT_SHIFT_MAX, named by page."""
    shifts = page.evaluate("() => window.__layoutShifts || []")
    total = sum(value for value, _moved in shifts)
    if total <= LAYOUT_SHIFT_MAX:
        return []
    moved = sorted({node for _value, nodes in shifts for node in nodes})
    return [f"/{path}: layout shift {total:.3f} (moved: {', '.join(moved)})"]


def gov_footer_problems(page: Any, path: str) -> list[str]:
    """Issue 15 (government-site norms): the footer shows the page's date and the website badge (or its
    placeholder), on the screen at the phone's width."""
    return [f"/{path}: {problem}" for problem in page.evaluate(GOV_FOOTER)]


# Charts as a reader on a phone sees them (issue 14; they were tests/test_browser_sentences.py, which opened these two
# pages a second time): at 375 px no two axis labels collide ("0" over "2022（基期）"), the target line's label covers
# no bar and no value (a zone with targets and a baseline year), and a stacked bar shows every segment's count inside
# it (the progress page). Every drawn chart's text boxes, by what they are: tick labels and axis titles, bar values,
# bars, annotations.
CHART_BOXES = """() => [...document.querySelectorAll('.chart-plot[data-rendered]')].map(plot => {
  const box = el => { const r = el.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; };
  const all = sel => [...plot.querySelectorAll(sel)].filter(el => el.getBoundingClientRect().width > 0);
  return {
    id: plot.id,
    axes: all('g.xtick text, g.ytick text, g.g-xtitle text, g.g-ytitle text').map(el => [el.textContent, box(el)]),
    values: all('g.point text, text.bartext').map(el => [el.textContent, box(el)]),
    bars: all('g.point path').map(box),
    notes: all('g.annotation').map(el => [el.textContent, box(el)]),
  };
})"""
LABELS_PAGE = "zones/liuzhou-hitech/"  # targets and a baseline year: the case of the issue


def _overlap(a: list[float], b: list[float]) -> bool:
    return a[0] < b[2] - 0.5 and b[0] < a[2] - 0.5 and a[1] < b[3] - 0.5 and b[1] < a[3] - 0.5


def chart_label_problems(page: Any, path: str) -> list[str]:
    """On LABELS_PAGE, every chart drawn: axis labels that collide, a target's label over a value or a bar; and the
    page must still show the case (a baseline year's label, at least three target labels)."""
    if path != LABELS_PAGE:
        return []
    problems: list[str] = []
    charts = page.evaluate(CHART_BOXES)
    if not any(any("基期" in t for t, _b in c["axes"]) for c in charts):
        problems.append(f"/{path}: no axis label names the baseline year (基期)")
    targets = 0
    for chart in charts:
        axes = chart["axes"]
        for k, (text_a, a) in enumerate(axes):
            problems += [
                f"/{path}: {chart['id']}: {text_a!r} over {text_b!r}" for text_b, b in axes[k + 1 :] if _overlap(a, b)
            ]
        for note, box in chart["notes"]:
            if "目标" not in note:
                continue
            targets += 1
            problems += [
                f"/{path}: {chart['id']}: {note!r} over {value!r}" for value, v in chart["values"] if _overlap(box, v)
            ]
            problems += [f"/{path}: {chart['id']}: {note!r} over a bar" for bar in chart["bars"] if _overlap(box, bar)]
    if targets < 3:
        problems.append(f"/{path}: {targets} target labels drawn, not at least 3")
    return problems


# Per segment of the progress page's stacked bar (its first chart): its count as drawn, the text's and the segment's
# boxes, the text's fill and the segment's solid colour under its pattern.
STACK_SEGMENTS = r"""() => {
  const plot = document.querySelector('.chart-plot[data-rendered]');
  // a segment's colour under its count: its fill, or under a pattern the pattern's background
  const solid = path => {
    const fill = getComputedStyle(path).fill, ref = fill.match(/url\("?#([^")]+)/);
    if (!ref) return fill;
    const rect = document.getElementById(ref[1]).querySelector('rect');
    return rect && rect.getAttribute('fill-opacity') !== '0' ? getComputedStyle(rect).fill : 'none';
  };
  return [...plot.querySelectorAll('g.trace.bars g.point')].map(p => {
    const path = p.querySelector('path'), text = p.querySelector('text');
    const r = el => { const b = el.getBoundingClientRect(); return [b.left, b.top, b.right, b.bottom]; };
    return {
      width: path.getBoundingClientRect().width,
      bar: r(path),
      text: text ? text.textContent : null,
      box: text ? r(text) : null,
      fill: text ? getComputedStyle(text).fill : null,
      size: text ? parseFloat(getComputedStyle(text).fontSize) : 0,
      under: solid(path),
    };
  }).filter(s => s.width > 0);
}"""
STACK_PAGE = "progress/"


def stacked_bar_problems(page: Any, path: str) -> list[str]:
    """On STACK_PAGE: each segment of the stacked bar shows its count (digits, at least 10 px) inside it, drawn on the
    segment's solid colour (the pattern lies over it), not white under a white count."""
    if path != STACK_PAGE:
        return []
    segments = page.evaluate(STACK_SEGMENTS)
    problems = [] if segments else [f"/{path}: no segment of the stacked bar is drawn"]
    for s in segments:
        bar, box = s["bar"], s["box"]
        if not (s["text"] and s["text"].isdigit()) or s["size"] < 10:
            problems.append(f"/{path}: a segment shows no count of at least 10 px: {s}")
        elif not (bar[0] - 0.5 <= box[0] and box[2] <= bar[2] + 0.5):
            problems.append(f"/{path}: a count lies outside its segment: {s}")
        if s["under"] in ("none", "rgb(255, 255, 255)", "rgba(0, 0, 0, 0)", s["fill"]):
            problems.append(f"/{path}: a count is drawn on no solid colour of its own: {s}")
    return problems


# Waits of the sweep, on the page's own state (they were 200 ms and 100 ms on the clock). Settled: its fonts are
# loaded, every script it has asked for has run or failed (its load or error event, which SCRIPTS_RUN records:
# tables.js adds the case filter's, the comparison's and the highlight's scripts only on their pages, charts.js
# adds plotly), no chart is being drawn (a chart on the first screen is drawn at once), and it is still so after
# two frames drawn, so what those scripts draw is in place before the layout shifts are read. A page that does not
# settle in 10 s is a problem of that page (the words returned), not a hang.
SCRIPTS_RUN = """window.__sweepScriptsRun = new WeakSet();
for (const kind of ['load', 'error']) {
  document.addEventListener(kind, e => {
    if (e.target instanceof HTMLScriptElement) window.__sweepScriptsRun.add(e.target);
  }, true);
}"""
PAGE_SETTLED = """async () => {
  const frame = () => new Promise(resolve => requestAnimationFrame(resolve));
  const sleep = ms => new Promise(resolve => setTimeout(resolve, ms));
  const runs = s => s.src && !s.noModule && ['', 'text/javascript', 'module'].includes(s.type);
  const settled = () => [...document.scripts].every(s => !runs(s) || window.__sweepScriptsRun.has(s))
    && !document.querySelector('.chart-plot[data-rendering]');
  const until = Date.now() + 10000;
  await Promise.race([document.fonts.ready, sleep(10000)]);
  while (Date.now() < until) {
    if (settled()) {
      await frame();
      await frame();
      if (settled()) return '';
    } else {
      await sleep(20);
    }
  }
  return 'not settled in 10 s: ' + [...document.scripts].filter(s => runs(s) && !window.__sweepScriptsRun.has(s))
    .map(s => s.src).join(' ') + ' ' + document.querySelectorAll('.chart-plot[data-rendering]').length + ' charts';
}"""
# Back at the top and two frames drawn: the page's scroll handlers (Material's header) have run and it is drawn so.
BACK_TO_THE_TOP = """async () => {
  window.scrollTo(0, 0);
  await new Promise(resolve => requestAnimationFrame(resolve));
  await new Promise(resolve => requestAnimationFrame(resolve));
}"""


def _sweep(browser: Any, base_url: str, paths: list[str]) -> tuple[list[str], int]:
    """The phone checks of `paths`, in one browser context: (problems, charts drawn)."""
    ctx = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(15_000)
    watch_csp(ctx)
    watch_layout_shifts(ctx)
    ctx.add_init_script(SCRIPTS_RUN)
    problems: list[str] = []
    charts = 0
    try:
        tab = Tab(ctx)
        for path in paths:
            watch = Watch()
            page = tab.open(base_url + path, watch)
            page.wait_for_load_state("load")
            if unsettled := page.evaluate(PAGE_SETTLED):  # the scripts it asked for have run: their drawing is in place
                problems.append(f"/{path}: {unsettled}")
            problems += layout_shift_problems(page, path)  # before the sweep opens groups and scrolls
            if page.locator(".chart-plot").count():
                open_every_group(page)
                for chart in wait_all_drawn(page):
                    charts += 1
                    if chart["drawn"] != chart["expected"]:
                        problems.append(f"/{path}: chart {chart['id']} drew {chart['drawn']} of {chart['expected']}")
                problems += chart_label_problems(page, path)
                problems += stacked_bar_problems(page, path)
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                problems.append(f"/{path}: {width}px wide")
            # back to the top: once scrolled, text lying under Material's fixed header can be measured against
            # the header's colour (a link in running text was reported low-contrast in some runs, not others)
            page.evaluate(BACK_TO_THE_TOP)
            problems += table_problems(page, path)
            problems += csp_violations(page, path)
            problems += line_spacing_problems(page, path)
            problems += gov_footer_problems(page, path)
            found = axe_violations(page)
            if found:  # once more after a pause: a chart or a transition caught mid-draw is not a page's colours
                page.wait_for_timeout(500)
                found = axe_violations(page)
            if found:
                problems.append(f"/{path}: axe {found}")
            tab.leave()  # the page watched until it is gone
            try:
                watch.assert_clean()
            except AssertionError as exc:
                problems.append(f"/{path}: {exc}")
    finally:
        ctx.close()
    return problems, charts


def test_every_page_loads_cleanly_on_a_phone_with_its_charts_drawn(browser: Any, base_url: str, site: Path) -> None:
    """For each page of the sitemap, at 375 px: no console error, no failed or foreign request, every chart
    drawn with its traces once its group is opened and scrolled to, nothing wider than the screen. One sweep over
    the sitemap, its pages shared by two browsers side by side (`in_two_browsers`)."""
    paths = sitemap_paths(site, base_url)
    (problems, charts), (more_problems, more_charts) = in_two_browsers(
        browser, paths, lambda b, some: _sweep(b, base_url, some)
    )
    assert charts + more_charts > 100  # the sample's zone and indicator pages
    assert sorted(problems + more_problems) == [], "\n".join(sorted(problems + more_problems))


NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?")


def chart_numbers(figure: dict[str, Any]) -> set[float]:
    """The numbers a chart draws: x of horizontal bars, y of everything else; gaps (None) are not numbers."""
    values: set[float] = set()
    for trace in figure["data"]:
        axis = "x" if trace.get("orientation") == "h" else "y"
        values.update(round(float(v), 6) for v in trace.get(axis, []) if v is not None)
    return values


class _TablesAndFigures(HTMLParser):
    """What a browser without JavaScript shows of a page's tables (their text, as `textContent` joins it) and
    the figure each chart element carries: with scripts off nothing else changes the HTML, so reading the built
    file is what the browser would show, without starting one."""

    def __init__(self) -> None:
        super().__init__()  # character references are turned into characters, as the browser does
        self.depth = 0
        self.tables: list[str] = []
        self.figures: list[dict[str, Any]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if "chart-plot" in (found.get("class") or "").split() and found.get("data-figure"):
            self.figures.append(json.loads(found["data-figure"] or ""))
        if tag == "table":
            self.depth += 1
            if self.depth == 1:
                self.tables.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.tables[-1] += data


def test_without_javascript_every_charts_numbers_are_in_a_table_on_its_page(site: Path, base_url: str) -> None:
    """With JavaScript off nothing is drawn, so the page's tables must hold every number each chart would
    have drawn (closed <details> groups count: the reader opens them without a script). Every page of the
    sitemap, read from the built files (see `_TablesAndFigures`)."""
    problems: list[str] = []
    checked = 0
    for path in sitemap_paths(site, base_url):
        parsed = _TablesAndFigures()
        parsed.feed((site / unquote(path) / "index.html").read_text(encoding="utf-8"))
        if parsed.figures:
            tables = " ".join(parsed.tables)
            shown = {round(float(n.replace(",", "")), 6) for n in NUMBER.findall(tables)}
            for k, figure in enumerate(parsed.figures):
                checked += 1
                missing = sorted(chart_numbers(figure) - shown)
                if missing:
                    problems.append(f"/{path}: chart {k + 1} draws {missing} that no table shows")
    assert checked > 100
    assert problems == [], "\n".join(problems[:20])
