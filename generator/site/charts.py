"""Charts as plotly figure dicts, and the placeholder a page carries for them.

Figures are plain dicts (building them with plotly.graph_objects costs ~200x more time; a test checks
them against plotly's schema instead). No `layout.template`: site_src/assets/charts.js applies one house
template, the zh-CN locale and the light/dark colours. The page carries a `<div>` with a stable id and
the figure as JSON; charts.js draws it when it scrolls into view. Every chart also has its numbers in a
table and a one-sentence summary on the page, so nothing depends on the script.

Colour is never the only cue: each trace has its own marker symbol and dash, and years without a number
are labelled on the chart (not available / not applicable / not reported) instead of leaving a gap that reads as
a fall.
"""

from __future__ import annotations

import html
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.i18n import pgettext
from generator.site.common import h
from generator.site.markup import Safe
from generator.site.series import Series, missing_label

SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "triangle-down", "star", "hexagon", "pentagon"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
_ID_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str
    figure: dict[str, Any]

    @property
    def traces(self) -> int:
        return len(self.figure["data"])


def chart_id(*parts: str) -> str:
    """A stable, HTML-safe element id from ids we control (zone and indicator ids are [a-z0-9_-])."""
    return "chart-" + "-".join(_ID_UNSAFE.sub("_", p.lower()) for p in parts)


def plot_text(text: str) -> str:
    """Text from the data inside a figure, the one way in: plotly reads a subset of HTML (`<br>`, `<b>`,
    `<a href>`) in every label, and `%{…}` as a template in hover templates and (through `meta`) in trace
    names, axis titles and annotations. `&`, `<`, `>`, `{` and `}` become entities, which plotly turns back
    into characters on screen after templating: the text shows as written and neither formats nor templates."""
    return html.escape(text, quote=False).replace("{", "&#123;").replace("}", "&#125;")


_t = plot_text


def _hover(label: str, value: str) -> str:
    """A point's hover text: its label (a plotly template such as `%{x}`) and its value."""
    return pgettext("charts: a point's hover text", "%(label)s: %(value)s", label=label, value=value)


def _num(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _axis_unit(unit: str | None) -> dict[str, Any]:
    if unit == "%":
        return {"ticksuffix": "%", "rangemode": "tozero"}
    return {"title": {"text": _t(unit or "")}, "rangemode": "tozero"}


def _layout(unit: str | None, **extra: Any) -> dict[str, Any]:
    """No title inside the figure: the page's heading names the chart (a long Chinese name would be cut off
    on a phone), and the placeholder's aria-label carries title and summary."""
    return {
        "xaxis": {"type": "category", "fixedrange": True},
        "yaxis": {**_axis_unit(unit), "fixedrange": True},
        "margin": {"l": 56, "r": 16, "t": 24, "b": 48},
        "height": 300,
        "showlegend": False,
        **extra,
    }


def years_chart(cid: str, series: Series, target: Decimal | None = None) -> Chart:
    """One indicator over a zone's years: bars, the value written on each, missing years labelled."""
    ind = series.indicator
    x = [p.label for p in series.points]
    y = [_num(p.number) for p in series.points]
    text = [_t(p.shown) if p.number is not None else "" for p in series.points]
    trace = {
        "type": "bar", "name": _t(ind.name), "x": x, "y": y, "text": text, "textposition": "outside",
        "cliponaxis": False, "hovertemplate": _hover("%{x}", f"%{{text}} {_t(ind.unit or '')}") + "<extra></extra>",
    }  # fmt: skip
    annotations = [
        {"x": p.label, "y": 0, "yanchor": "bottom", "text": _t(p.marker or missing_label()), "showarrow": False}
        for p in series.points
        if p.number is None
    ]
    shapes = []
    if target is not None:
        shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": float(target), "y1": float(target),
                       "line": {"dash": "dash", "width": 2}})  # fmt: skip
        # at the left, where the first (usually lower) bars leave room; the latest bar's label is on the right
        annotations.append({"xref": "paper", "x": 0, "xanchor": "left", "y": float(target), "yanchor": "bottom",
                            "text": pgettext("charts: a target's line", "end-of-period target %(target)s", target=target),
                            "showarrow": False})  # fmt: skip
    layout = _layout(ind.unit, annotations=annotations, shapes=shapes)
    return Chart(cid, ind.name, "", {"data": [trace], "layout": layout})


def ranking_chart(cid: str, title: str, unit: str | None, rows: list[tuple[str, Decimal, str]]) -> Chart:
    """Zones ranked on one year's value (rows: zone label, number, value as written), highest on top."""
    ordered = sorted(rows, key=lambda r: (r[1], r[0]))  # plotly draws the first category at the bottom
    trace = {
        "type": "bar", "orientation": "h", "name": _t(title),
        "y": [_t(r[0]) for r in ordered], "x": [float(r[1]) for r in ordered], "text": [_t(r[2]) for r in ordered],
        "textposition": "outside", "cliponaxis": False, "hovertemplate": _hover("%{y}", "%{text}") + "<extra></extra>",
    }  # fmt: skip
    layout = _layout(None, height=max(200, 60 + 36 * len(rows)))
    layout["yaxis"] = {"type": "category", "fixedrange": True, "automargin": True}
    layout["xaxis"] = {**_axis_unit(unit), "fixedrange": True}
    layout["margin"] = {"l": 16, "r": 56, "t": 24, "b": 48}
    return Chart(cid, title, "", {"data": [trace], "layout": layout})


def trend_chart(
    cid: str, title: str, unit: str | None, years: list[int], lines: list[tuple[str, list[Decimal | None]]]
) -> Chart:
    """Several zones over the years: one line per zone with its own symbol and dash; no line across a year
    without a number (a break, labelled in the table, not a drop to zero)."""
    data = []
    for k, (label, values) in enumerate(lines):
        data.append({
            "type": "scatter", "mode": "lines+markers", "name": _t(label), "x": [str(y) for y in years],
            "y": [_num(v) for v in values], "connectgaps": False,
            "marker": {"symbol": SYMBOLS[k % len(SYMBOLS)], "size": 8}, "line": {"dash": DASHES[k % len(DASHES)]},
            "hovertemplate": f"{_t(label)}<br>{_hover('%{x}', '%{y}')}<extra></extra>",
        })  # fmt: skip
    layout = _layout(unit, showlegend=True, height=360)
    layout["legend"] = {"orientation": "h", "y": -0.2}
    layout["margin"] = {"l": 56, "r": 16, "t": 24, "b": 80}
    return Chart(cid, title, "", {"data": data, "layout": layout})


def with_summary(chart: Chart, summary: str) -> Chart:
    return Chart(chart.id, chart.title, summary, chart.figure)


def chart_html(chart: Chart) -> Safe:
    """The placeholder for charts.js, carrying its figure as JSON in an attribute (escaped for HTML), as one
    raw-HTML block in a Markdown page. Not an inline <script>: Material's instant navigation re-creates
    inline scripts without their type, which would run the JSON as code."""
    label = (
        pgettext("charts: a chart's label", "%(title)s. %(summary)s", title=chart.title, summary=chart.summary)
        if chart.summary
        else chart.title
    )
    figure = json.dumps(chart.figure, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Safe(
        '\n<div class="chart" data-search-exclude>\n'
        f'<div class="chart-plot" id="{h(chart.id)}" role="img" aria-label="{h(label)}" '
        f'style="min-height:{int(chart.figure["layout"].get("height", 300))}px" data-figure="{h(figure)}"></div>\n'
        "</div>\n"
    )
