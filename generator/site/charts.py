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

import csv
import html
import io
import json
import posixpath
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Any

from generator.i18n import pgettext
from generator.site.common import Context, h
from generator.site.download_data import neutralise
from generator.site.figures import date_text
from generator.site.markup import Safe, inline
from generator.site.paths import chart_csv_path, page_url
from generator.site.series import Point, Series, fmt_decimal, missing_label, with_unit

SYMBOLS = ["circle", "square", "diamond", "triangle-up", "x", "cross", "triangle-down", "star", "hexagon", "pentagon"]
DASHES = ["solid", "dash", "dot", "dashdot", "longdash", "longdashdot"]
_ID_UNSAFE = re.compile(r"[^a-z0-9_-]+")


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    summary: str
    figure: dict[str, Any]
    image: ImageTexts | None = None  # what its downloaded image says besides the plot (`with_image`)

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
        # under the bars and their values (layer "below"), never over them; its label, with the unit, above the
        # plotting area at the left, where no bar and no value is drawn (issue 14)
        shapes.append({"type": "line", "xref": "paper", "x0": 0, "x1": 1, "y0": float(target), "y1": float(target),
                       "layer": "below", "line": {"dash": "dash", "width": 2}})  # fmt: skip
        label = pgettext(
            "charts: a target's line", "dashed line: end-of-period target %(target)s",
            target=with_unit(fmt_decimal(target, 6), ind.unit),
        )  # fmt: skip
        annotations.append({"xref": "paper", "x": 0, "xanchor": "left", "yref": "paper", "y": 1, "yanchor": "bottom",
                            "text": _t(label), "showarrow": False})  # fmt: skip
    layout = _layout(ind.unit, annotations=annotations, shapes=shapes)
    if target is not None:
        layout["margin"] = {**layout["margin"], "t": 44}
    # a label longer than its year ("2022 (baseline)") on two lines, so that on a phone it stays under its bar
    # and clear of the value axis's "0" (issue 14)
    if any(p.label != str(p.year) for p in series.points):
        layout["xaxis"] = {
            **layout["xaxis"],
            "tickmode": "array",
            "tickvals": x,
            "ticktext": [_tick(p) for p in series.points],
        }
    return Chart(cid, ind.name, "", {"data": [trace], "layout": layout})


def _tick(point: Point) -> str:
    """A year's label on the category axis: the year, and what follows it in the label on a second line."""
    year = str(point.year)
    if point.label == year or not point.label.startswith(year):
        return _t(point.label)
    return f"{year}<br>{_t(point.label[len(year) :].strip())}"


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
    return replace(chart, summary=summary)


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
        f"{_download_buttons(chart)}"
        f"{_cite(chart)}"
        "</div>\n"
    )


# ---- the downloaded image (issue 14) ----------------------------------------------------------------------
# A chart downloaded as PNG or SVG carries what makes it a citable figure, not bare bars: its title, year(s),
# unit and source, the site's name and the page's address, and the sample marking when the numbers are sample
# data. The generator words these (the catalogue's words, filled with text from the data) into the download
# buttons' `data-image` attribute as plain text; site_src/assets/charts.js lays them out above and below a copy
# of the figure and writes them into the image as SVG text nodes (never parsed as markup). The on-page chart is
# unchanged. Any page module can give its charts an image: `with_image(chart, ImageTexts(…))`; `chart_html` then
# writes the buttons' group, which carries the texts in `data-image` and its chart's id in `data-chart`.


@dataclass(frozen=True)
class ImageSite:
    """The site's name and the address of the page a chart is on (the published one: SITE_URL or site.yaml);
    for the chart's citation (issue 16) also the page's path, the data's as-of date, and where chart_html puts
    each chart's CSV (the build's `Context.chart_files`)."""

    name: str
    address: str
    page: str = ""
    as_of: str = ""
    files: dict[str, bytes] | None = field(default=None, compare=False, repr=False)


def image_site(ctx: Context, page: str) -> ImageSite:
    """Name and address for the charts of `page` (a generated page's path, `generator/site/paths.py`)."""
    base = (ctx.site_url or ctx.catalog.site.site_url).rstrip("/") + "/"
    return ImageSite(ctx.catalog.site.title, base + page_url(page), page, date_text(ctx.catalog.as_of), ctx.chart_files)


@dataclass(frozen=True)
class ImageTexts:
    """What a chart's downloaded image says besides the plot. Plain text from the data: charts.js never reads
    it as markup."""

    title: str
    years: tuple[int, ...]
    unit: str | None
    source: str
    site: ImageSite
    sample: bool

    def words(self, file: str) -> dict[str, Any]:
        """The image's lines in the build's words, as charts.js reads them from `data-image`."""
        first, last = min(self.years, default=None), max(self.years, default=None)
        parts = []
        if first is not None:
            parts.append(
                pgettext("chart image: the year", "%(year)s", year=first)
                if first == last
                else pgettext("chart image: the years", "%(first)s–%(last)s", first=first, last=last)
            )
        if self.unit:
            parts.append(pgettext("chart image: the unit", "Unit: %(unit)s", unit=self.unit))
        out: dict[str, Any] = {
            "file": file,
            "title": self.title,
            "subtitle": pgettext("chart image: between the year and the unit", " · ").join(parts),
            "footer": [
                pgettext("chart image: the source", "Source: %(source)s", source=self.source),
                pgettext("chart image: the site", "%(site)s · %(address)s", site=self.site.name,
                         address=self.site.address),
            ],
        }  # fmt: skip
        if self.sample:
            out["sample"] = pgettext(
                "chart image: the sample marking", "Sample data · the figures are invented, for demonstration only"
            )
        return out


def with_image(chart: Chart, texts: ImageTexts) -> Chart:
    return replace(chart, image=texts)


def reports_source(sponsor: str, zone: str | None = None, others: Iterable[tuple[int, str]] = ()) -> str:
    """The source of values taken from the annual reports: one zone's (`zone`) or every zone's; `others` are
    the years whose value names a source of its own (the value's `source` in the YAML)."""
    if zone is None:
        text = pgettext("chart image: the source", "%(sponsor)s, compiled from the annual construction reports "
                        "submitted by the zones", sponsor=sponsor)  # fmt: skip
    else:
        text = pgettext("chart image: the source", "%(sponsor)s, compiled from the annual construction reports "
                        "submitted by %(zone)s", sponsor=sponsor, zone=zone)  # fmt: skip
    for year, source in others:
        text += pgettext("chart image: a value's own source", "; the %(year)s value from %(source)s", year=year,
                         source=source)  # fmt: skip
    return text


def calculated_source(sponsor: str) -> str:
    """The source of what the site calculates from the reports and the plans (the composite index, progress)."""
    return pgettext(
        "chart image: the source",
        "%(sponsor)s, calculated from the zones' construction plans and annual construction reports",
        sponsor=sponsor,
    )


def _download_buttons(chart: Chart) -> str:
    """Two buttons under a chart that has an image, in a group that carries the image's texts (`data-image`,
    JSON) and names its chart (`data-chart`): charts.js draws the image when one is pressed. Hidden without
    JavaScript (the theme's `no-js` class) and in print."""
    if chart.image is None:
        return ""
    words = json.dumps(chart.image.words(chart.id), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    # `&`, `<` and `>` as JSON escapes, not entities: the Markdown stage rewrites the attributes of raw HTML and
    # decodes one level of `&amp;`, so a name written `&amp;` would come back as `&`
    words = words.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
    group = pgettext("chart image: the buttons' group", "Download the chart %(title)s as an image", title=chart.title)
    png = pgettext("chart image: a button", "Download PNG")
    svg = pgettext("chart image: a button", "Download SVG")
    # data-search-exclude again: Material's search compares elements by tag, so the placeholder's closing </div>
    # ends the exclusion of the surrounding `.chart` and the buttons' words would be indexed
    return (
        f'<div class="chart-download" role="group" aria-label="{h(group)}" data-chart="{h(chart.id)}" '
        f'data-image="{h(words)}" data-search-exclude>'
        f'<button type="button" class="md-button chart-download-button" data-format="png">{h(png)}</button> '
        f'<button type="button" class="md-button chart-download-button" data-format="svg">{h(svg)}</button></div>\n'
    )


# ---- cite a chart (issue 16) -----------------------------------------------------------------------------
# Under every chart that has an image: its permalink (the chart's anchor), a CSV of exactly the numbers it plots
# (read from its figure, so the file and the chart cannot disagree; the marker (not available …) where it has no number)
# and a line to cite it by: title, site, the data's as-of date and the chart's absolute address. Plain HTML:
# readable and usable without JavaScript.


_CHART_ID = re.compile(r'<div class="chart-plot" id="([^"]+)"')


def shown_chart_files(collected: dict[str, bytes], pages: dict[str, str]) -> dict[str, bytes]:
    """The CSVs of the charts the pages show: a page module may make a chart it then leaves out (a zone without
    reports), and its CSV is not published."""
    shown = {
        chart_csv_path(page, html.unescape(cid)) for page, text in pages.items() for cid in _CHART_ID.findall(text)
    }
    return {path: data for path, data in collected.items() if path in shown}


def _number(value: float | int) -> str:
    """A plotted number as plain digits: the shortest decimal that is the float (the figure's floats come from
    the data's decimals, so this is the value as written, without thousands separators)."""
    return format(Decimal(repr(value)).normalize(), "f")


def chart_csv(chart: Chart) -> bytes:
    """The chart's numbers as CSV (UTF-8 with a BOM, CRLF, as the open data's files): one row per category (a
    year, or a zone on a bar chart lying on its side) in the order the chart shows them top to bottom or left to
    right, one column per trace (its name, with the unit); a category without a number has the chart's label for
    it (not available, not applicable …) or nothing."""
    traces = chart.figure["data"]
    across = bool(traces) and traces[0].get("orientation") == "h"
    cat_key, val_key = ("y", "x") if across else ("x", "y")
    categories: list[str] = []
    for trace in traces:
        categories += [c for c in trace[cat_key] if c not in categories]
    if across and chart.figure["layout"].get("yaxis", {}).get("autorange") != "reversed":
        categories.reverse()  # plotly draws a bar chart on its side from the bottom up
    labels = {a["x"]: a["text"] for a in chart.figure["layout"].get("annotations", []) if a.get("xref") != "paper"}
    unit = chart.image.unit if chart.image else None
    first = (
        pgettext("chart data: the first column", "Zone") if across else pgettext("chart data: the first column", "Year")
    )
    header = [first]
    for trace in traces:
        name = html.unescape(trace.get("name", ""))
        header.append(pgettext("chart data: a column", "%(name)s (%(unit)s)", name=name, unit=unit) if unit else name)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([neutralise(cell) for cell in header])
    for category in categories:
        row = [neutralise(html.unescape(category))]
        for trace in traces:
            values = dict(zip(trace[cat_key], trace[val_key], strict=True))
            value = values.get(category)
            marker = "" if across else html.unescape(labels.get(category, ""))
            row.append(_number(value) if value is not None else neutralise(marker))
        writer.writerow(row)
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _cite(chart: Chart) -> str:
    """The chart's permalink, its CSV's link and its citation, under the chart; the CSV goes into the build's
    files (`ImageSite.files`)."""
    if chart.image is None or chart.image.site.files is None:
        return ""
    site, files = chart.image.site, chart.image.site.files
    path = chart_csv_path(site.page, chart.id)
    data = chart_csv(chart)
    if files.get(path, data) != data:
        raise ValueError(f"two charts write the same CSV: {path}")
    files[path] = data
    csv_href = posixpath.relpath(path, page_url(site.page).rstrip("/") or ".")
    permalink = pgettext("chart cite: the chart's own link", "Link to this chart")
    download = pgettext("chart cite: the CSV's link", "This chart's data (CSV)")
    # each part escaped as every text from the data is (`inline`: no live link or markup, whatever the name holds);
    # the address as code, the machine text a reader copies
    parts = {
        "title": inline(chart.image.title),
        "site": inline(site.name),
        "date": inline(site.as_of),
        "address": f"<code>{h(f'{site.address}#{chart.id}')}</code>",
    }
    if chart.image.sample:  # sample figures are never cited as real ones
        cite = pgettext("chart cite: the citation of sample data", "Cite this chart (sample data, the figures are "
                        "invented): %(title)s. %(site)s, data as of %(date)s. %(address)s", **parts)  # fmt: skip
    else:
        cite = pgettext(
            "chart cite: the citation",
            "Cite this chart: %(title)s. %(site)s, data as of %(date)s. %(address)s",
            **parts,
        )
    return (
        '<p class="chart-cite" data-search-exclude>'
        f'<a class="chart-permalink" href="#{h(chart.id)}">{h(permalink)}</a> · '
        f'<a class="chart-csv" href="{h(csv_href)}" download>{h(download)}</a><br>'
        f'<span class="chart-citation">{cite}</span></p>\n'  # the catalogue's words, the parts escaped above
    )
