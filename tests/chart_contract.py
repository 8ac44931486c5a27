"""The chart and sortable-table markup the page generator must produce, as a page for tests and benchmarks.

`add_fixture_page(project)` makes the same private project copy as conftest.build_site, plus
`site_src/chart-fixture.md` (served at /chart-fixture/): four charts (one below the fold, one in a hidden
content tab) and a sortable table with numbers, thousands separators, markers and Chinese names; and
/chart-fixture-below/, the same with every chart below the first screen.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent

# Debian's chromium as the browser tests and the benchmarks start it: headless, nothing fetched from the
# network by the browser itself, and every host name but 127.0.0.1 unresolvable.
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
]


# ---- the contract --------------------------------------------------------------


def chart_markup(chart_id: str, label: str, figure: dict[str, Any]) -> str:
    """Exactly what the generator writes for one chart (its own function, so the fixture cannot drift)."""
    from generator.site.charts import Chart, chart_html

    return str(chart_html(Chart(chart_id, label, "", figure))).strip() + "\n"


YEARS = ["2022", "2023", "2024"]
FIGURES: dict[str, dict[str, Any]] = {
    "chart-fixture-bar": {
        "data": [
            {
                "type": "bar",
                "name": "技术合同成交额",
                "x": YEARS,
                "y": [12.5, 18.25, 21.0],
                "text": ["12.5", "18.25", "21"],
            },
            {
                "type": "bar",
                "name": "目标 <值> & 实际",
                "x": YEARS,
                "y": [10, 15, 20],
                "marker": {"pattern": {"shape": "/"}},
            },
        ],
        "layout": {
            "title": {"text": "技术合同成交额（亿元）"},
            "xaxis": {"title": {"text": "年份"}},
            "yaxis": {"title": {"text": "亿元"}},
        },
    },
    "chart-fixture-line": {
        "data": [
            {
                "type": "scatter",
                "mode": "lines+markers",
                "name": name,
                "x": YEARS,
                "y": ys,
                "marker": {"symbol": sym},
                "line": {"dash": dash},
            }
            for name, ys, sym, dash in [
                ("南宁", [3, 5, 8], "circle", "solid"),
                ("柳州", [2, 4, 4], "square", "dash"),
                ("桂林", [1, 2, 6], "diamond", "dot"),
            ]
        ],
        "layout": {
            "title": {"text": "新增转化项目数"},
            "xaxis": {"title": {"text": "年份"}},
            "yaxis": {"title": {"text": "项"}},
            "annotations": [{"x": "2023", "y": 4, "text": "暂无 2023 年数据", "showarrow": True}],
        },
    },
    # the site draws bars and lines only (its plotly bundle holds nothing else): a stacked horizontal bar
    "chart-fixture-stack": {
        "data": [
            {"type": "bar", "orientation": "h", "name": name, "y": ["南宁", "柳州"], "x": xs}
            for name, xs in [("已实现", [3, 1]), ("进度正常", [2, 2]), ("滞后", [1, 0])]
        ],
        "layout": {"title": {"text": "目标进展构成"}, "barmode": "stack"},
    },
    "chart-fixture-tab": {
        "data": [{"type": "bar", "x": ["甲", "乙"], "y": [1, 2], "name": "标签页中的图"}],
        "layout": {"title": {"text": "第二个标签页里的图"}},
    },
}

TABLE_ROWS = [
    ("南宁", "1,234", "3.5%"),
    ("柳州", "—", "12%"),
    ("桂林", "98", "暂无"),
    ("北海", "12,000", "不适用"),
    ("百色", "7", "0.5%"),
]


def fixture_page(first_chart_on_top: bool = True) -> str:
    """The fixture page; with first_chart_on_top=False every chart starts below the first screen (a zone
    page whose profile and tables come first), which is what a reader and Lighthouse see on most pages."""
    charts = {
        key: chart_markup(key, f"{fig['layout']['title']['text']}：示例图表，数字为虚构。", fig)
        for key, fig in FIGURES.items()
    }
    filler = "\n\n".join(f"段落 {n}：用于把下一个图表推到首屏之外。" * 8 for n in range(12))
    rows = "\n".join(f"| {a} | {b} | {c} |" for a, b, c in TABLE_ROWS)
    return f"""---
title: 图表与表格契约
---

# 图表与表格契约

{charts["chart-fixture-bar"] if first_chart_on_top else filler}
<div class="sortable-table" markdown="1">

| 示范区 | 项目数 | 增长率 |
|---|---|---|
{rows}

</div>

{filler if first_chart_on_top else charts["chart-fixture-bar"]}

{charts["chart-fixture-line"]}
<div class="tabbed-set" data-tabs="1:2">
<input checked="checked" id="__tabbed_1_1" name="__tabbed_1" type="radio">
<input id="__tabbed_1_2" name="__tabbed_1" type="radio">
<div class="tabbed-labels"><label for="__tabbed_1_1">图表一</label><label for="__tabbed_1_2">图表二</label></div>
<div class="tabbed-content">
<div class="tabbed-block"><p>第一个标签页没有图表。</p></div>
<div class="tabbed-block">
{charts["chart-fixture-tab"]}</div>
</div>
</div>

{filler}

{charts["chart-fixture-stack"]}
"""


def add_fixture_page(project: Path) -> None:
    """A project copy (as build_site makes it) with the fixture page, md_in_html on, and the page out of the nav."""
    project.mkdir(parents=True)
    shutil.copytree(ROOT / "site_src", project / "site_src", ignore=shutil.ignore_patterns("generated"))
    (project / "generator").symlink_to(ROOT / "generator")
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    if "md_in_html" not in config:  # the lead enables it for the zone list; the fixture needs it already
        config = config.replace("markdown_extensions:\n", "markdown_extensions:\n  - md_in_html\n", 1)
    fixture = "not_in_nav: |\n  /chart-fixture.md\n  /chart-fixture-below.md\n"
    assert config.count("not_in_nav: |\n") == 1, "mkdocs.yml's not_in_nav changed shape"
    (project / "mkdocs.yml").write_text(config.replace("not_in_nav: |\n", fixture), encoding="utf-8")
    (project / "site_src" / "chart-fixture.md").write_text(fixture_page(), encoding="utf-8")
    below = fixture_page(first_chart_on_top=False).replace(
        "title: 图表与表格契约", "title: 图表与表格契约（图表在首屏以下）"
    )
    (project / "site_src" / "chart-fixture-below.md").write_text(below, encoding="utf-8")


# ---- one sweep, two browsers ------------------------------------------------------------------------


def in_two_browsers(browser: Any, items: list[Any], sweep: Any) -> tuple[Any, Any]:
    """Run `sweep(browser, some_items)` over `items` shared between two browsers side by side, so the machine's
    two cores both work: this thread's `browser` takes every other item, and one more Chromium, in a worker
    thread with its own Playwright (the sync API runs one instance per thread), takes the rest. Still one sweep:
    every item is visited once, by one of them. Returns both results; an error in the worker is raised here."""
    import threading

    from playwright.sync_api import sync_playwright

    other: dict[str, Any] = {}

    def worker() -> None:
        try:
            with sync_playwright() as p:
                second = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
                try:
                    other["result"] = sweep(second, items[1::2])
                finally:
                    second.close()
        except BaseException as exc:  # reported by the caller, not lost in the thread
            other["error"] = exc

    thread = threading.Thread(target=worker)
    thread.start()
    try:
        mine = sweep(browser, items[0::2])
    finally:
        thread.join()
    if "error" in other:
        raise other["error"]
    return mine, other["result"]
