"""Comparing zones in the browser (issue 16, part 1): the choice made with the page's controls goes into the
address, a reload and the back button restore it, a link with a choice opens it, ids that are no zone are left
out with a note (never read as markup); the drawn comparison is the generator's own for the same choice; an
indicator page's highlighted zones are kept in the address too; and the page works from disk (the preview).
The values are checked against the YAML (tests/test_compare.py reads it)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from test_browser import CHROMIUM, Watch, base_url, open_page, served, site  # noqa: F401 (fixtures)
from test_compare import _expected_default, _shown, _written, _yaml

from conftest import SAMPLE

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is missing")
pytest.importorskip("playwright.sync_api")

RESULT = "() => document.getElementById('compare-result').innerText"
INDICATOR = "tech_contract_turnover"


def ready(page: Any) -> None:
    page.wait_for_selector("#compare[data-ready]", state="attached")


def query(page: Any) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def chosen(page: Any) -> list[str]:
    return page.eval_on_selector_all("#compare-controls input[name=zone]:checked", "els => els.map(e => e.value)")


def short_name(zone: str) -> str:
    z = _yaml(SAMPLE / "zones" / zone / "zone.yaml")
    return str(z.get("short_name") or z["name"])


def rows(page: Any, indicator: str) -> list[list[str]]:
    return page.eval_on_selector_all(
        f"#compare-{indicator} tbody tr", "trs => trs.map(tr => [...tr.cells].map(c => c.textContent.trim()))"
    )


def test_the_choice_goes_into_the_address_and_reload_and_back_restore_it(browser: Any, base_url: str) -> None:  # noqa: F811
    zones, year = _expected_default(SAMPLE)
    # without JavaScript: the generator's default comparison
    plain = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 800})
    page = plain.new_page()
    page.goto(base_url + "compare/")
    without_js = page.evaluate(RESULT)
    assert page.locator("#compare-controls").is_hidden()
    plain.close()

    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    watch = Watch()
    # the default named in the address: the script draws it, as the generator wrote it
    page = open_page(context, f"{base_url}compare/?zones={','.join(reversed(zones))}&year={year}", watch)
    ready(page)
    assert chosen(page) == zones
    assert page.evaluate(RESULT) == without_js
    page.goto(base_url + "compare/")  # no choice in the address: the page's own default
    ready(page)
    assert chosen(page) == zones
    assert page.evaluate(RESULT) == without_js
    assert page.locator("#compare-note").is_hidden()

    # the reader drops the last zone and picks another year
    page.locator(f"#compare-controls input[value='{zones[-1]}']").uncheck()
    other_year = year - 1
    page.locator("#compare-controls select").select_option(str(other_year))
    assert query(page) == {"zones": [",".join(zones[:-1])], "year": [str(other_year)]}
    picked = page.evaluate(RESULT)
    assert picked != without_js
    values = {z: _written(SAMPLE / "zones" / z / "annual" / f"{other_year}.yaml") for z in zones[:-1]}
    expected = [[short_name(z), _shown(values[z][INDICATOR]) if INDICATOR in values[z] else "—"] for z in zones[:-1]]
    assert rows(page, INDICATOR) == expected

    page.reload()
    ready(page)
    assert chosen(page) == zones[:-1]
    assert page.locator("#compare-controls select").input_value() == str(other_year)
    assert page.evaluate(RESULT) == picked

    page.go_back()  # the year's choice undone
    ready(page)
    assert query(page) == {"zones": [",".join(zones[:-1])], "year": [str(year)]}
    page.wait_for_function(f"() => document.querySelector('#compare-controls select').value === '{year}'")
    page.go_back()  # the zone's choice undone: the default again
    page.wait_for_function("() => !location.search")
    page.wait_for_function(
        f"() => document.querySelectorAll('#compare-controls input:checked').length === {len(zones)}"
    )
    assert page.evaluate(RESULT) == without_js
    # the test's own reload and back may cancel a request under way (the favicon's, in one run): not a failure
    watch.failed = [f for f in watch.failed if not f.endswith(" net::ERR_ABORTED")]
    watch.assert_clean()
    context.close()


def test_a_link_with_a_choice_opens_it_and_unknown_ids_are_left_out_as_text(browser: Any, base_url: str) -> None:  # noqa: F811
    zones, _year = _expected_default(SAMPLE)
    a, b = zones[0], zones[1]
    years = sorted(set.intersection(*({int(f.stem) for f in (SAMPLE / "zones" / z / "annual").glob("*.yaml")
                                       if not _yaml(f).get("baseline")} for z in (a, b))))  # fmt: skip
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    dialogs: list[str] = []
    context.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    watch = Watch()
    bad = "<img src=x onerror=alert(1)>"
    page = open_page(context, f"{base_url}compare/?zones={b},{bad},{a},nope&year={years[0]}", watch)
    ready(page)
    assert chosen(page) == [a, b]  # in the site's order, whatever the address's
    note = page.locator("#compare-note")
    assert note.is_visible()
    assert bad in note.inner_text() and "nope" in note.inner_text()
    assert page.locator("#compare-note img, #compare img").count() == 0
    values = {z: _written(SAMPLE / "zones" / z / "annual" / f"{years[0]}.yaml") for z in (a, b)}
    order = sorted([a, b], key=zones.index)
    assert rows(page, INDICATOR) == [[short_name(z), _shown(values[z][INDICATOR])] for z in order]
    assert str(years[0]) in page.locator("#compare-caption").inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375

    # a year the data does not have: said, and the latest year the zones share is shown
    page.goto(f"{base_url}compare/?zones={a},{b}&year=1999")
    ready(page)
    assert "1999" in note.inner_text()
    assert page.locator("#compare-controls select").input_value() == str(years[-1])
    assert dialogs == []
    watch.assert_clean()
    context.close()


def test_each_zone_page_links_the_comparison_with_its_zone_chosen(browser: Any, base_url: str) -> None:  # noqa: F811
    zones, _year = _expected_default(SAMPLE)
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    watch = Watch()
    last = zones[-1]
    page = open_page(context, f"{base_url}zones/{last}/", watch)
    page.locator("a[href*='compare/?zones=']").first.click()
    ready(page)
    assert chosen(page) == zones
    assert query(page)["zones"] == [",".join([last, *[z for z in zones if z != last][:3]])]
    watch.assert_clean()
    context.close()


def test_an_indicator_pages_highlight_is_kept_in_the_address(browser: Any, base_url: str, site: Path) -> None:  # noqa: F811
    context = browser.new_context(viewport={"width": 1280, "height": 800}, locale="zh-CN")
    watch = Watch()
    page = open_page(context, f"{base_url}indicators/{INDICATOR}/", watch)
    page.wait_for_selector("#zone-highlight[data-ready]", state="attached")
    rank = page.locator(f"#chart-{INDICATOR}-rank")
    built = (site / "indicators" / INDICATOR / "index.html").read_text(encoding="utf-8")
    figure = page.evaluate(f"document.getElementById('chart-{INDICATOR}-rank').getAttribute('data-figure')")
    assert f'data-figure="{html.escape(figure)}"' in built  # nothing highlighted: the figure as built
    zones, _year = _expected_default(SAMPLE)
    zone = zones[0]
    page.locator(f"#zone-highlight input[value='{zone}']").check()
    assert query(page) == {"highlight": [zone]}
    name = short_name(zone)
    marked = page.eval_on_selector_all(
        "tr.zone-highlighted", "trs => trs.map(tr => [...tr.cells].map(c => c.textContent.trim()))"
    )
    assert marked and all(name in cells for cells in marked)
    rank.scroll_into_view_if_needed()
    page.wait_for_selector(f"#chart-{INDICATOR}-rank[data-rendered]")
    opacity = page.evaluate(f"document.getElementById('chart-{INDICATOR}-rank').data[0].marker.opacity")
    labels = page.evaluate(f"document.getElementById('chart-{INDICATOR}-rank').data[0].y")
    assert [o == 1 for o in opacity] == [label == name for label in labels]
    page.reload()
    page.wait_for_selector("#zone-highlight[data-ready]", state="attached")
    assert page.locator(f"#zone-highlight input[value='{zone}']").is_checked()
    assert page.locator("tr.zone-highlighted").count() == len(marked)
    page.goto(f"{base_url}indicators/{INDICATOR}/?highlight=nope,{zone}")
    page.wait_for_selector("#zone-highlight[data-ready]", state="attached")
    assert "nope" in page.locator("#zone-highlight .compare-note").inner_text()
    assert page.locator(f"#zone-highlight input[value='{zone}']").is_checked()
    watch.assert_clean()
    context.close()


def test_the_comparison_works_from_disk(browser: Any, offline_preview: Path) -> None:
    zones, _year = _expected_default(SAMPLE)
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.on("console", lambda msg: msg.type == "error" and errors.append(msg.text))
    url = (offline_preview / "compare" / "index.html").as_uri()
    page.goto(f"{url}?zones={zones[1]},{zones[0]}")
    ready(page)
    assert chosen(page) == zones[:2]
    link = page.locator(f"#compare-{INDICATOR} tbody a").first.get_attribute("href")
    assert link and link.endswith("/index.html")  # a folder is not its page on disk
    page.locator(f"#compare-controls input[value='{zones[2]}']").check()
    assert query(page)["zones"] == [",".join(zones[:3])]
    assert len(rows(page, INDICATOR)) == 3
    assert errors == []
    context.close()


def test_the_script_marks_a_revised_value_with_a_link_to_its_history(browser: Any, base_url: str) -> None:  # noqa: F811
    """A value the page's data says was revised (its history's anchor, test_revisions builds such a page) is drawn
    by the script with the mark “revised” linking its history on the zone's page; the others are not marked."""
    import json
    import re

    from generator.site.compare_words import attribute_json

    zones, year = _expected_default(SAMPLE)
    other = year - 1  # a year the script draws (the page drew the default year)
    anchor = f"#revision-{other}-{INDICATOR}"
    urls: dict[str, str] = {}

    def revised(route: Any) -> None:
        response = route.fetch()
        body = response.text()
        found = re.search(r'data-compare="([^"]*)"', body)
        assert found
        data = json.loads(html.unescape(found.group(1)))
        data["values"][zones[0]][str(other)][INDICATOR][3] = anchor
        urls.update({z["id"]: z["url"] for z in data["zones"]})
        route.fulfill(response=response, body=body.replace(found.group(1), attribute_json(data)))

    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="zh-CN")
    page = context.new_page()
    page.route(f"{base_url}compare/?*", revised)
    page.goto(f"{base_url}compare/?zones={zones[0]},{zones[1]}&year={other}")
    ready(page)
    cells = page.locator(f"#compare-{INDICATOR} tbody td")
    marks = cells.nth(0).locator("a")
    assert marks.count() == 1 and marks.inner_text() == "已修订"
    assert marks.get_attribute("href") == urls[zones[0]] + anchor
    assert cells.nth(1).locator("a").count() == 0
    assert page.locator("#compare-result a", has_text="已修订").count() == 1
    context.close()
