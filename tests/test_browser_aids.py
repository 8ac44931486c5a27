"""Reading aids beyond text size (issue 15, 适老化 and 无障碍; MIIT 2021 norms, GB/T 37668): read-aloud with the
browser's own speech synthesis, a simplified one-column view, a large cursor, every chart's numbers reachable by
keyboard, the reader's choices kept across pages and reset. Line spacing is checked on every page by the sitemap
sweep in tests/test_browser.py (`line_spacing_problems`); here, that the check catches tight text.

Headless Chromium has no voices: `speechSynthesis` is replaced by a recorder (`STUB`) before the page's scripts
run, and the tests assert the exact texts it was given, against the texts of the built HTML.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import test_browser
from test_browser import Watch, line_spacing_problems, open_page

# the served sample site (with the chart fixture page) and a 1280 px context: test_browser.py's fixtures
served, site, base_url, context = test_browser.served, test_browser.site, test_browser.base_url, test_browser.context

pytestmark = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is missing")

LOCAL_ZH = [{"name": "本机普通话", "lang": "zh-CN", "localService": True, "default": True}]

# A recorder in place of the browser's speech synthesis: `speak` logs the utterance; in `auto` mode it ends at
# once (the next one follows), otherwise `__speech.finish()` ends it. `cancel` fails the pending one, as Chromium
# does. The page sees `voices` as its device's voices.
STUB = """(() => {
  const S = window.__speech = {log: [], auto: %(auto)s, pending: null, pauses: 0, resumes: 0, cancels: 0,
                               voices: %(voices)s};
  class Utterance { constructor(text) { this.text = text; this.lang = ''; this.voice = null; } }
  const synth = {
    speaking: false, paused: false, pending: false,
    getVoices() { return S.voices; },
    speak(u) {
      S.log.push({text: u.text, lang: u.lang, voice: u.voice ? u.voice.name : null});
      S.pending = u; this.speaking = true;
      if (S.auto) setTimeout(() => S.finish(), 0);
    },
    pause() { S.pauses++; this.paused = true; },
    resume() { S.resumes++; this.paused = false; },
    cancel() {
      S.cancels++; const u = S.pending; S.pending = null; this.speaking = false; this.paused = false;
      if (u && u.onerror) u.onerror({error: 'canceled'});
    },
    addEventListener() {}, removeEventListener() {},
  };
  S.finish = () => { const u = S.pending; S.pending = null; synth.speaking = false; if (u && u.onend) u.onend({}); };
  Object.defineProperty(window, 'speechSynthesis', {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = Utterance;
})()"""


def stubbed(
    browser: Any, *, auto: bool, voices: list[dict[str, Any]] = LOCAL_ZH, width: int = 1280, **storage: str
) -> Any:
    ctx = browser.new_context(viewport={"width": width, "height": 800}, locale="zh-CN")
    ctx.set_default_timeout(10_000)
    ctx.add_init_script(STUB % {"auto": "true" if auto else "false", "voices": json.dumps(voices)})
    for key, value in storage.items():
        ctx.add_init_script(f"localStorage.setItem('gx.{key}', '{value}')")
    return ctx


@pytest.fixture
def speech(browser: Any) -> Iterator[Any]:
    ctx = stubbed(browser, auto=False)
    yield ctx
    ctx.close()


def spoken(page: Any) -> list[str]:
    return [entry["text"] for entry in page.evaluate("window.__speech.log")]


def open_aids(page: Any) -> None:
    page.click("details.reading-aids > summary")


# ---- what the built HTML says a page reads aloud -------------------------------------------------------------

BLOCKS = {"h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "dt", "dd", "summary"}
SKIP_CLASSES = {"headerlink", "chart-download", "chart-aids", "table-cue"}
VOID = {"br", "img", "input", "hr", "meta", "link", "source", "wbr", "col", "area", "embed", "track"}


class _Spoken(HTMLParser):
    """The texts of the article's blocks in document order, each block's own text (a nested block's text is its
    own), as a reader hears it in the simplified view (everything shown): a content tab's title before its block;
    a chart by its label unless the block before holds the label's sentences."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[tuple[str, int | None, bool]] = []  # (tag, index of its block or None, skipped)
        self.blocks: list[list[str]] = []
        self.kinds: list[str] = []
        self.in_article = 0
        self.tab_labels: list[str] = []
        self.label: list[str] | None = None
        self.tab_block = 0

    def _skipped(self) -> bool:
        return any(skipped for _tag, _block, skipped in self.stack)

    def _block(self) -> int | None:
        for _tag, block, _skipped in reversed(self.stack):
            if block is not None:
                return block
        return None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        classes = set((found.get("class") or "").split())
        if tag == "article" and not self.in_article:
            self.in_article = 1
            self.stack = [(tag, None, False)]
            return
        if not self.in_article or tag in VOID:
            return
        skipped = bool(classes & SKIP_CLASSES) or tag in {"script", "style", "template"}
        skipped = skipped or found.get("aria-hidden") == "true"
        block = None
        if "tabbed-labels" in classes:
            self.tab_labels, self.tab_block = [], 0
        if tag == "label" and self.stack and "tabbed-labels" in self.stack[-1][0]:
            self.label = []
        if "tabbed-block" in classes and not self._skipped():
            self.blocks.append([self.tab_labels[self.tab_block]])
            self.kinds.append("p")
            self.tab_block += 1
        if "chart-plot" in classes and not skipped and not self._skipped():
            self.blocks.append([found.get("aria-label") or ""])
            self.kinds.append("chart")
            skipped = True  # its drawing is not read; its label is
        elif tag in BLOCKS and not skipped and not self._skipped():
            self.blocks.append([])
            self.kinds.append(tag)
            block = len(self.blocks) - 1
        self.stack.append((tag + (" tabbed-labels" if "tabbed-labels" in classes else ""), block, skipped))

    def handle_endtag(self, tag: str) -> None:
        if not self.in_article or tag in VOID:
            return
        if tag == "label" and self.label is not None:
            self.tab_labels.append("".join(self.label).strip())
            self.label = None
        while self.stack:
            top, _block, _skipped = self.stack.pop()
            if top.split(" ")[0] == tag:
                break
        if not self.stack:
            self.in_article = 0

    def handle_data(self, data: str) -> None:
        if self.label is not None:
            self.label.append(data)
        if not self.in_article or self._skipped():
            return
        block = self._block()
        if block is not None:
            self.blocks[block].append(data)

    def texts(self) -> list[str]:
        out: list[str] = []
        for kind, parts in zip(self.kinds, self.blocks, strict=True):
            text = re.sub(r"\s+", " ", "".join(parts)).strip()
            if kind == "chart":
                rest = text[text.find("。") + 1 :] if "。" in text else ""
                if rest and out and rest in out[-1]:
                    continue
            if text:
                out.append(text)
        return out


def page_text(site: Path, path: str) -> list[str]:
    parser = _Spoken()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser.texts()


def chart_labels(site: Path, path: str) -> list[str]:
    """Each chart's label (title and computed sentences) in the built page, in order."""
    found = re.findall(r'<div[^>]*class="chart-plot"[^>]*>', (site / path / "index.html").read_text(encoding="utf-8"))
    return [html.unescape(re.search(r'aria-label="([^"]*)"', tag).group(1)) for tag in found]  # type: ignore[union-attr]


# ---- read-aloud ---------------------------------------------------------------------------------------------


def test_read_aloud_starts_only_when_asked_and_reads_the_page_block_by_block(
    speech: Any, base_url: str, site: Path
) -> None:
    path = "zones/nanning-hitech/"
    expected = page_text(site, path)
    watch = Watch()
    page = open_page(speech, base_url + path, watch)
    page.wait_for_load_state("load")
    open_aids(page)
    assert spoken(page) == []  # off until the reader starts it
    pause = page.get_by_role("button", name="暂停")
    stop = page.get_by_role("button", name="停止")
    assert pause.is_disabled() and stop.is_disabled()
    page.get_by_role("button", name="朗读本页").click()
    log = page.evaluate("window.__speech.log")
    assert log == [{"text": expected[0], "lang": "zh-CN", "voice": "本机普通话"}]  # the page's title, a local voice
    marked = "() => document.querySelector('.aids-reading').textContent.replace(/[\\s¶]+/g, ' ').trim()"
    assert page.evaluate(marked) == expected[0]  # what is read is marked
    page.evaluate("window.__speech.finish()")
    assert spoken(page) == expected[:2]
    assert page.evaluate(marked) == expected[1]
    pause.click()
    assert pause.get_attribute("aria-pressed") == "true" and page.evaluate("window.__speech.pauses") == 1
    pause.click()
    assert pause.get_attribute("aria-pressed") == "false" and page.evaluate("window.__speech.resumes") == 1
    stop.click()
    assert page.evaluate("window.__speech.cancels") == 1
    assert page.locator(".aids-reading").count() == 0 and stop.is_disabled()
    page.evaluate("window.__speech.finish()")  # a late end of the cancelled utterance reads nothing more
    assert spoken(page) == expected[:2]
    watch.assert_clean()


@pytest.mark.parametrize("path", ["zones/nanning-hitech/", "chart-fixture/"])
def test_read_aloud_reads_exactly_the_pages_text_in_the_simplified_view(
    browser: Any, base_url: str, site: Path, path: str
) -> None:
    """Everything shown (all groups open, every tab): the page's blocks as the built HTML has them, each once; a
    chart's sentences where no paragraph before it says them (the fixture's charts)."""
    expected = page_text(site, path)
    ctx = stubbed(browser, auto=True, simple="on")
    try:
        watch = Watch()
        page = open_page(ctx, base_url + path, watch)
        page.wait_for_load_state("load")
        open_aids(page)
        page.get_by_role("button", name="朗读本页").click()
        page.wait_for_function("() => window.__speech.log.length && !window.__speech.pending", polling=100)
        page.wait_for_timeout(200)
        assert spoken(page) == expected
        assert page.get_by_role("button", name="停止").is_disabled()  # the end of the page ends the reading
        watch.assert_clean()
    finally:
        ctx.close()
    if path == "chart-fixture/":  # the case of a chart read within the page
        assert set(chart_labels(site, path)) <= set(expected)
    else:
        assert len(expected) > 50 and not set(chart_labels(site, path)) & set(expected)


def test_each_chart_reads_its_sentences(speech: Any, base_url: str, site: Path) -> None:
    path = "indicators/tech_contract_turnover/"
    labels = chart_labels(site, path)
    watch = Watch()
    page = open_page(speech, base_url + path, watch)
    buttons = page.get_by_role("button", name="朗读图表说明")
    assert buttons.count() == len(labels) >= 2
    for k, label in enumerate(labels):
        buttons.nth(k).click()
        assert spoken(page)[-1] == label
        page.evaluate("window.__speech.finish()")
    assert spoken(page) == labels
    watch.assert_clean()


def test_without_a_local_chinese_voice_nothing_is_read(browser: Any, base_url: str) -> None:
    """A network voice (localService false: Chrome's own Google voices) would send the text away: not used."""
    voices = [
        {"name": "Google 普通话（中国大陆）", "lang": "zh-CN", "localService": False, "default": True},
        {"name": "English", "lang": "en-US", "localService": True, "default": False},
    ]
    ctx = stubbed(browser, auto=True, voices=voices)
    try:
        watch = Watch()
        page = open_page(ctx, base_url + "zones/", watch)
        open_aids(page)
        page.get_by_role("button", name="朗读本页").click()
        page.wait_for_timeout(300)
        assert spoken(page) == []
        assert page.locator("[role=status]").inner_text() == "本设备没有可用的中文朗读语音。"
        watch.assert_clean()
    finally:
        ctx.close()


# ---- simplified view, large cursor ------------------------------------------------------------------------------

VISIBLE = "el => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0; }"


def test_simplified_view_is_one_column_with_every_tab_and_group_shown(context: Any, base_url: str, site: Path) -> None:
    watch = Watch()
    page = open_page(context, base_url + "chart-fixture/", watch)
    assert page.locator(".md-sidebar--primary").is_visible()
    open_aids(page)
    toggle = page.get_by_role("button", name="简化阅读")
    toggle.click()
    assert toggle.get_attribute("aria-pressed") == "true"
    page.keyboard.press("Escape")
    assert page.evaluate("document.documentElement.dataset.simple") == "on"
    for sidebar in (".md-sidebar--primary", ".md-sidebar--secondary", ".tabbed-labels"):
        assert not page.locator(sidebar).first.is_visible(), sidebar
    blocks = page.locator(".tabbed-block")
    assert blocks.count() == 2 and all(blocks.nth(k).is_visible() for k in range(2))
    assert page.locator(".aids-tab-title").all_inner_texts() == ["图表一", "图表二"]
    page.locator("#chart-fixture-tab").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-fixture-tab[data-rendered]")  # the chart of the second tab, drawn
    article = page.locator("article").bounding_box()
    assert article["x"] > 100 and abs((article["x"] * 2 + article["width"]) - 1280) < 40  # one centred column
    assert test_browser.axe_violations(page) == []
    page.goto(base_url + "zones/nanning-hitech/")
    closed = page.evaluate("document.querySelectorAll('article details:not([open])').length")
    assert closed == 0 and page.locator("details.indicator-group").count() >= 2
    assert test_browser.axe_violations(page) == []
    watch.assert_clean()


def test_large_cursor(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "zones/", watch)
    cursor = "sel => getComputedStyle(document.querySelector(sel)).cursor"
    assert "cursors/" not in page.evaluate(cursor, "article p")
    open_aids(page)
    page.get_by_role("button", name="大鼠标指针").click()
    assert page.evaluate("document.documentElement.dataset.cursor") == "large"
    arrow, hand = page.evaluate(cursor, "article p"), page.evaluate(cursor, "article a")
    assert "cursors/arrow.svg" in arrow and "cursors/hand.svg" in hand
    for url in re.findall(r'url\("([^"]+)"\)', arrow + hand):
        assert page.evaluate("u => fetch(u).then(r => r.ok && r.headers.get('content-type'))", url) == "image/svg+xml"
    watch.assert_clean()


# ---- charts' numbers by keyboard --------------------------------------------------------------------------------

# the focused element: tag, id, name, in the footer, and its place in the document (two links alike differ)
FOCUSED = """() => { const el = document.activeElement;
  return el ? [el.tagName, el.id, el.getAttribute('aria-label') || '', !!el.closest('.md-footer'),
               [...document.querySelectorAll('*')].indexOf(el)] : null; }"""


@pytest.mark.parametrize("path", ["indicators/tech_contract_turnover/", "analysis/"])
def test_every_charts_table_is_reached_by_tab_and_no_key_is_trapped(
    context: Any, base_url: str, site: Path, path: str
) -> None:
    titles = [label.split("。")[0] for label in chart_labels(site, path)]
    watch = Watch()
    page = open_page(context, base_url + path, watch)
    page.wait_for_load_state("load")
    # Tab from the top: each chart's table in turn, then on to the footer; never stuck on one element
    seen: list[Any] = []
    for _ in range(400):
        page.keyboard.press("Tab")
        seen.append(page.evaluate(FOCUSED))
        if seen[-1] and seen[-1][3]:
            break
        assert len(seen) < 3 or seen[-1] != seen[-2] or seen[-1] != seen[-3], f"focus stuck on {seen[-1]}"
    assert seen[-1][3], "Tab never reached the footer"
    tables = [name for tag, _id, name, *_ in seen if tag == "TABLE"]
    assert tables == [f"数据表：{t}" for t in titles]
    for _ in range(5):  # and back again
        page.keyboard.press("Shift+Tab")
        seen.append(page.evaluate(FOCUSED))
    assert len({json.dumps(place) for place in seen[-6:]}) == 6, "Shift+Tab is stuck"
    # the link before the first chart takes the keyboard to its table
    link = page.get_by_role("link", name="跳到本图的数据表").first
    link.focus()
    assert link.is_visible()  # shown once focused
    page.keyboard.press("Enter")
    tag, table_id, name, *_ = page.evaluate(FOCUSED)
    assert (tag, name) == ("TABLE", f"数据表：{titles[0]}")
    table_text = page.evaluate("id => document.getElementById(id).textContent", table_id)
    built = (site / path / "index.html").read_text(encoding="utf-8")
    first_table = built[built.find("<table", built.find('class="chart-plot"')) :]
    cells = re.findall(r"<td[^>]*>(.*?)</td>", first_table[: first_table.find("</table>")])
    assert cells and all(re.sub("<[^>]+>", "", html.unescape(c)) in table_text for c in cells)
    watch.assert_clean()


# ---- choices kept, and reset ----------------------------------------------------------------------------------


def test_choices_are_kept_across_pages_and_reset(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "zones/", watch)
    standard = test_browser.root_font_px(page)
    open_aids(page)
    for name in ("大", "简化阅读", "大鼠标指针"):
        page.get_by_role("button", name=name, exact=True).click()
    page.keyboard.press("Escape")
    state = "() => [document.documentElement.dataset.textSize, document.documentElement.dataset.simple, document.documentElement.dataset.cursor]"
    assert page.evaluate(state) == ["large", "on", "large"]
    page.evaluate("window.__samePage = true")
    page.locator('article a[href*="nanning-hitech/"]').first.click()  # Material's instant navigation
    page.wait_for_url("**/zones/nanning-hitech/")
    page.wait_for_function("() => !document.querySelector('article details:not([open])')")
    assert page.evaluate("window.__samePage === true"), "a full page load, not instant navigation"
    assert page.evaluate(state) == ["large", "on", "large"]
    page.reload()
    assert page.evaluate(state) == ["large", "on", "large"]
    open_aids(page)
    for name in ("大", "简化阅读", "大鼠标指针"):
        assert page.get_by_role("button", name=name, exact=True).get_attribute("aria-pressed") == "true"
    page.get_by_role("button", name="恢复默认设置").click()
    assert page.evaluate(state) == [None, None, None]
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gx.'))") == []
    assert test_browser.root_font_px(page) == pytest.approx(standard)
    assert page.get_by_role("button", name="标准").get_attribute("aria-pressed") == "true"
    assert page.get_by_role("button", name="简化阅读").get_attribute("aria-pressed") == "false"
    page.reload()
    assert page.evaluate(state) == [None, None, None]
    watch.assert_clean()


# ---- line spacing: the sweep's check catches tight running text ---------------------------------------------------


def test_line_spacing_check_catches_tight_running_text(context: Any, base_url: str) -> None:
    watch = Watch()
    page = open_page(context, base_url + "about/", watch)
    assert line_spacing_problems(page, "about/") == []
    page.add_style_tag(content="article li { line-height: 1.2 !important; }")
    problems = line_spacing_problems(page, "about/")
    assert problems and all(p.startswith("/about/: LI ") and "1.2" in p for p in problems)
    watch.assert_clean()


def test_saved_choices_apply_before_the_page_first_appears(context: Any, base_url: str) -> None:
    """Every saved choice is on <html> before the first paint, from the head's one inline script (hashed in the
    CSP), not a moment later from the deferred a11y.js: here a11y.js never arrives, and the choices are there."""
    page = context.new_page()
    try:
        page.goto(base_url + "about/")
        page.evaluate(
            "() => { localStorage.setItem('gx.textSize', 'large'); localStorage.setItem('gx.contrast', 'more');"
            " localStorage.setItem('gx.simple', 'on'); localStorage.setItem('gx.cursor', 'large'); }"
        )
        page.route("**/assets/a11y.js*", lambda route: route.abort())
        page.goto(base_url + "zones/")
        state = page.evaluate(
            "() => { const d = document.documentElement.dataset; return [d.textSize, d.contrast, d.simple, d.cursor]; }"
        )
        assert state == ["large", "more", "on", "large"]
    finally:
        page.evaluate("() => localStorage.clear()")
        page.close()
