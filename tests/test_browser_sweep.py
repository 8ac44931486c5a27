"""The sitemap sweep's own tools (tests/test_browser.py): its one tab per browser reports each page's problems to
that page, none to the next; its wait before reading a page's layout shifts lasts until a script the page asked
for has arrived and drawn; its axe reports what axe_playwright_python reports."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from functools import partial
from http.server import ThreadingHTTPServer
from typing import Any

import pytest
from test_browser import (
    PAGE_SETTLED,
    SCRIPTS_RUN,
    QuietHandler,
    Tab,
    Watch,
    axe_violations,
    layout_shift_problems,
    watch_layout_shifts,
)

PAGES = {
    # a console error, a page error, a missing file and a request to another host, all while loading
    "bad.html": "<script>console.error('bad page'); undefinedFunction();</script>"
    "<img src='missing.png' alt=''><img src='http://example.invalid/x.png' alt=''>",
    # a request still under way when the reader moves on (the server answers it after 3 s): cancelled, it fails
    "slow.html": "<script>addEventListener('load', () => { fetch('slow').catch(() => {}); });</script>",
    "good.html": "<p>good</p>",
    # an error while the reader leaves the page: the page's, however late
    "unload.html": "<script>addEventListener('beforeunload', () => console.error('error while leaving'));</script><p>x</p>",
    # after its load, a script the server does not have: its error event settles the page
    "late404.html": "<script>addEventListener('load', () => { const s = document.createElement('script');"
    " s.src = 'nothing.js'; document.head.append(s); });</script><p>x</p>",
    # after its load, a script that arrives 0.6 s later and pushes the text down
    "late.html": "<script>addEventListener('load', () => { const s = document.createElement('script');"
    " s.src = 'late.js'; document.head.append(s); });</script>" + "<p>text on the first screen</p>" * 20,
    # broken for axe at every impact: images with no text (critical, on more nodes than a message names), grey on
    # white and no language (serious), text outside any landmark and two navigations of one name (moderate), an
    # empty heading (minor)
    "axe.html": "<title>axe</title><img src='a.png'><img src='b.png'><img src='c.png'><img src='d.png'>"
    "<p style='color: #bbb; background: #fff'>light grey</p><nav aria-label='x'><a href='#'>a</a></nav>"
    "<nav aria-label='x'><a href='#'>b</a></nav><h2></h2>",
}
LATE = "document.body.prepend(Object.assign(document.createElement('div'), {style: 'height: 300px'}));"


class SlowHandler(QuietHandler):
    def do_GET(self) -> None:
        if self.path.endswith("/slow"):
            time.sleep(3)
        elif self.path.endswith("/late.js"):
            time.sleep(0.6)
        super().do_GET()


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # the cancelled request's broken pipe


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("tab")
    for name, body in PAGES.items():
        head = (
            "<!doctype html><html>" if name == "axe.html" else f"<!doctype html><html lang='en'><title>{name}</title>"
        )
        (folder / name).write_text(f"{head}{body}</html>")
    (folder / "slow").write_text("late")
    (folder / "late.js").write_text(LATE)
    server = QuietServer(("127.0.0.1", 0), partial(SlowHandler, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_the_sweeps_tab_reports_each_pages_problems_to_that_page(browser: Any, pages: str) -> None:
    context = browser.new_context()
    context.set_default_timeout(10_000)
    try:
        tab = Tab(context)
        watches = {name: Watch() for name in ("bad.html", "good.html", "slow.html", "good.html#after-slow")}
        for name, watch in watches.items():
            page = tab.open(pages + name, watch)
            while name == "slow.html" and not any(u.endswith("/slow") for u in watch.requested):
                page.wait_for_timeout(50)  # until the fetch is under way (the server then holds it 3 s)
        bad = watches["bad.html"]
        assert any("bad page" in e for e in bad.errors) and any("undefinedFunction" in e for e in bad.errors)
        assert [u.rsplit("/", 1)[1] for u in bad.failed] == ["missing.png 404"]
        assert bad.foreign == ["http://example.invalid/x.png"]
        assert [f.split()[0].rsplit("/", 1)[1] for f in watches["slow.html"].failed] == ["slow"]
        for name in ("good.html", "good.html#after-slow"):
            watches[name].assert_clean()
            assert watches[name].requested == [pages + name.split("#")[0]]
    finally:
        context.close()


def test_the_sweep_reads_layout_shifts_once_a_late_script_has_drawn(browser: Any, pages: str) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    context.set_default_timeout(10_000)
    watch_layout_shifts(context)
    try:
        context.add_init_script(SCRIPTS_RUN)
        watch = Watch()
        page = Tab(context).open(pages + "late.html", watch)
        assert page.evaluate(PAGE_SETTLED) == ""
        problems = layout_shift_problems(page, "late.html")  # the text moved down by 300 px of 800
        assert len(problems) == 1 and problems[0].startswith("/late.html: layout shift 0.3"), problems
        watch.assert_clean()
    finally:
        context.close()


def test_a_script_that_fails_to_load_settles_the_page_at_once(browser: Any, pages: str) -> None:
    """Its error event counts as done: the wait does not run to its 10 s limit (that would say "not settled")."""
    context = browser.new_context()
    context.set_default_timeout(10_000)
    context.add_init_script(SCRIPTS_RUN)
    try:
        page = Tab(context).open(pages + "late404.html", Watch())
        page.wait_for_function("document.querySelector('script[src$=\"nothing.js\"]')")
        assert page.evaluate(PAGE_SETTLED) == ""
    finally:
        context.close()


def test_the_sweep_watches_a_page_until_it_has_left_it(browser: Any, pages: str) -> None:
    """A console error while the page is left is that page's problem; the request the leaving cancels is not."""
    from test_browser import _sweep

    problems, _charts = _sweep(browser, pages, ["unload.html", "slow.html"])
    assert any(p.startswith("/unload.html: ") and "error while leaving" in p for p in problems), problems
    assert not any("ERR_ABORTED" in p for p in problems), problems


def test_the_sweeps_axe_reports_what_axe_playwright_python_reports(browser: Any, pages: str) -> None:
    """`axe_violations` runs axe as `Axe().run(page)` does and brings back only what its message names: the same
    rules, impacts and (first three) elements."""
    from axe_playwright_python.sync_playwright import Axe

    context = browser.new_context()
    try:
        page = Tab(context).open(pages + "axe.html", Watch())
        found = axe_violations(page)
        library = Axe().run(page).response["violations"]
        assert found == [f"{v['id']} ({v['impact']}) {[n['target'] for n in v['nodes']][:3]}" for v in library]
        impacts = {v["id"]: v["impact"] for v in library}
        assert {impacts.get(rule) for rule in ("image-alt", "color-contrast", "html-has-lang")} == {
            "critical",
            "serious",
        }
        assert {impacts.get(rule) for rule in ("region", "landmark-unique", "empty-heading")} == {"moderate", "minor"}
        assert len(next(v for v in library if v["id"] == "image-alt")["nodes"]) == 4
    finally:
        context.close()
