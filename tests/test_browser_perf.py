"""Fast pages (issue 14, valid and fast pages): start-up work a reader never sees is not done.

Lighthouse's figures (`make bench`, README: Measuring) depend on the machine's load; these tests pin the causes
found with Chromium's trace instead, each as a contract that holds on any machine.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import test_browser
from test_browser import Watch, open_page

# the served sample site and a 1280 px context: test_browser.py's fixtures
served, site, base_url, context = test_browser.served, test_browser.site, test_browser.base_url, test_browser.context

pytestmark = pytest.mark.skipif(not Path("/usr/bin/chromium").exists(), reason="/usr/bin/chromium is missing")

# Before any page script: record each read of an element's layout (its width, or its box) made by the site's
# tables.js, with whether the element lies in a closed group (<details> not open). Such a read makes Chromium
# lay out the closed group, which it otherwise skips: on a zone page with four closed groups that was the
# largest part of the page's start-up layout (trace: ~20 ms of CPU here, ×4 in Lighthouse's mobile model).
RECORD_LAYOUT_READS = """(() => {
  window.__layoutReads = [];
  const record = (el, what) => {
    const stack = new Error().stack || '';
    if (!/\\/assets\\/tables\\.js/.test(stack)) return;
    const group = el.closest ? el.closest('details') : null;
    window.__layoutReads.push({what, closed: !!(group && !group.open), group: group ? group.id : ''});
  };
  for (const name of ['clientWidth', 'scrollWidth', 'offsetWidth']) {
    const proto = name === 'offsetWidth' ? HTMLElement.prototype : Element.prototype;
    const get = Object.getOwnPropertyDescriptor(proto, name).get;
    Object.defineProperty(proto, name, {configurable: true, get() { record(this, name); return get.call(this); }});
  }
  const rect = Element.prototype.getBoundingClientRect;
  Element.prototype.getBoundingClientRect = function () { record(this, 'rect'); return rect.call(this); };
})()"""

LAYOUT_READS = "() => window.__layoutReads"


def zone_page_with_closed_groups(site: Path) -> str:
    for page in sorted((site / "zones").glob("*/index.html")):
        if re.search(r'<details class="indicator-group">', page.read_text(encoding="utf-8")):
            return f"zones/{page.parent.name}/"
    raise AssertionError("no zone page with a closed indicator group")


def test_tables_are_not_measured_inside_closed_groups(context: Any, base_url: str, site: Path) -> None:
    """tables.js measures a table (does it scroll sideways?) only once it is laid out: at start-up the tables of
    the open groups, and a closed group's tables when the reader opens it."""
    path = zone_page_with_closed_groups(site)
    context.add_init_script(RECORD_LAYOUT_READS)
    watch = Watch()
    page = open_page(context, base_url + path, watch)
    page.wait_for_load_state("load")
    page.wait_for_function("() => window.__layoutReads.length > 0")  # tables.js has measured the shown tables
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    at_start = page.evaluate(LAYOUT_READS)
    assert [r for r in at_start if r["closed"]] == [], f"/{path}: tables.js read the layout of closed groups"
    assert [r for r in at_start if not r["closed"]], "tables.js measured no table at all"

    # opened, a group's tables are measured (the sideways cue of a wide one: the sitemap sweep's table checks)
    group = page.locator("details.indicator-group:not([open])").first
    group.evaluate("el => { el.id = 'opened-by-test'; }")
    group.locator("summary").click()
    page.wait_for_function("() => window.__layoutReads.some(r => r.group === 'opened-by-test' && !r.closed)")
    watch.assert_clean()
