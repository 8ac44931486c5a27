"""Comparing zones side by side (issue 16, part 1): the numbers the comparison page carries, its default choice,
and its sentences, tables and bars.

The page is static: it carries every zone's every year's value of every common quantitative indicator (the
official indicator system's; a zone's own indicators are never compared) as JSON, so that
site_src/assets/compare.js can show any choice of two to four zones and a year; the choice lives in the address
(`?zones=a,b,c&year=2024`). Without JavaScript the page shows the default choice, rendered here (`result_html`)
from the same JSON the script reads, with the same words: the script's words are the catalogue's, handed over
as templates (`script_words`) whose `{name}` placeholders it fills.

The default choice: the up to four approved zones (a zone with an approval date) with the most annual reports
(the baseline, the year before approval, is not a report), ties by id; and the latest year in which every one
of them has an annual report. Where they have no year in common, the latest year any of them reported, and
the others show "not reported": a choice is always shown rather than none.

The rules are the zone pages': each value as the report wrote it (`reading_text`: thousands separated, the
marker, not available or not applicable, as written), "—" for a year not reported, the unit in the heading; a baseline value is shown,
labelled, and never compared with annual values (as the indicator pages never rank one). A value revised after
it was published is followed by the mark “revised” linking its history on its zone's page (revision_words.py),
in the page's table and in the script's. The sentence under an
indicator names the highest and the lowest of the chosen zones with a number (ties together) and the gap
between them, exactly (in percentage points for a percentage), and the zones left out and why.

The bars are drawn with HTML and CSS, not plotly: the page shows 25 indicators at once and redraws them all at
every choice; plotly's bundle (about 1 MB, 300 KB compressed) would take most of the page's 450 KB budget and
its drawing the phone's main thread (Lighthouse), for bars a `<span>` of the right width draws as well. Each bar
has its value written beside it; colour is never the only cue.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.data.revisions import Revisions
from generator.i18n import _, ngettext, pgettext
from generator.site.charts import plot_text
from generator.site.common import h, sorted_zones, zone_short
from generator.site.figures import figure, reading_text
from generator.site.markup import percentage_points
from generator.site.revision_words import history_address, mark_word
from generator.site.series import NOT_REPORTED, missing_label

MIN_ZONES, MAX_ZONES = 2, 4


@dataclass(frozen=True)
class Choice:
    zones: tuple[str, ...]
    year: int | None


def annual_years(zone: ZoneRecord) -> list[int]:
    """The years of a zone's annual reports (its baseline is not one)."""
    return sorted(y for y, r in zone.reports.items() if not r.report.baseline)


def default_choice(catalog: Catalog) -> Choice:
    """The up to four approved zones with the most annual reports (ties by id), and the latest year they all
    reported (the latest any of them reported when they have none in common); see the module's docstring."""
    approved = [z for z in catalog.zones.values() if z.approved is not None and annual_years(z)]
    chosen = sorted(approved, key=lambda z: (-len(annual_years(z)), z.id))[:MAX_ZONES]
    if not chosen:
        return Choice((), None)
    common = set.intersection(*(set(annual_years(z)) for z in chosen))
    year = max(common) if common else max(y for z in chosen for y in annual_years(z))
    order = [z.id for z in sorted_zones(catalog)]
    return Choice(tuple(sorted((z.id for z in chosen), key=order.index)), year)


def compared_indicators(catalog: Catalog) -> list[Indicator]:
    """The official system's quantitative indicators (a zone's own indicators are not compared)."""
    return [ind for ind in catalog.indicators if KINDS[ind.kind].numeric]


# ---- the numbers the page carries ---------------------------------------------------------------------------


def _cell(zone: ZoneRecord, year: int, ind: Indicator, revisions: Revisions | None) -> list[Any]:
    """One zone's value of one indicator in one year: [shown, number or None, why not compared or "", the anchor
    of its history on the zone's page ("#revision-…") where it was revised after it was published, or ""]."""
    report = zone.reports.get(year)
    reading = report.readings.get(ind.id) if report else None
    if report is None or reading is None:
        return [NOT_REPORTED, None, missing_label(), ""]
    shown = reading_text(reading) or NOT_REPORTED
    history = history_address(revisions, zone.id, year, ind.id, "")
    if report.report.baseline:
        return [
            pgettext("compare: a baseline value", "%(value)s (baseline)", value=shown),
            None,
            pgettext("compare: why a value is not compared", "baseline"),
            history,
        ]
    if reading.number is None:
        return [shown, None, reading.marker or missing_label(), history]
    return [shown, f"{reading.number:f}", "", history]


def page_data(
    catalog: Catalog,
    zone_url: Callable[[str], str],
    indicator_url: Callable[[str], str],
    revisions: Revisions | None = None,
) -> dict[str, Any]:
    """Everything compare.js needs: the zones (in the site's order), the years, the indicators (by category) and
    every value (the revised ones with their history's anchor: `revisions`, None without history).
    `zone_url`/`indicator_url`: a zone's and an indicator's page, relative to the comparison page."""
    zones = [z for z in sorted_zones(catalog) if z.reports]
    years = sorted({y for z in zones for y in z.reports}, reverse=True)
    inds = compared_indicators(catalog)
    default = default_choice(catalog)
    return {
        "zones": [{"id": z.id, "name": zone_short(z), "url": zone_url(z.id), "years": annual_years(z)}
                  for z in zones],
        "years": years,
        "categories": [{"name": c.name, "summary": _group_summary(c.name, [i for i in inds if i.category == c.id]),
                        "indicators": [i.id for i in inds if i.category == c.id]}
                       for c in catalog.categories if any(i.category == c.id for i in inds)],
        "indicators": {i.id: {"name": i.name, "unit": i.unit or "", "percent": KINDS[i.kind].percent,
                              "url": indicator_url(i.id)} for i in inds},
        "values": {z.id: {str(y): {i.id: _cell(z, y, i, revisions) for i in inds} for y in sorted(z.reports)} for z in zones},
        "default": {"zones": list(default.zones), "year": default.year},
    }  # fmt: skip


def _group_summary(name: str, inds: list[Indicator]) -> str:
    """A category's group, as the zone pages name theirs: its name and how many indicators it holds."""
    return ngettext("%(group)s (%(num)s indicator)", "%(group)s (%(num)s indicators)", len(inds), group=name)


def attribute_json(value: Any) -> str:
    """JSON for a raw-HTML attribute: `&`, `<` and `>` as JSON escapes, not entities (the Markdown stage
    rewrites the attributes of raw HTML and decodes one level of `&amp;`), then escaped for HTML."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return h(text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e"))


# ---- words: one definition for the page (Python) and the script (templates) ----------------------------------

# name -> (the catalogue's words filled with its values, the names of its values)
_WORDS: dict[str, tuple[Callable[..., str], tuple[str, ...]]] = {
    "spread": (lambda **v: _("%(year)s, %(indicator)s: the highest is %(top)s (%(high)s), the lowest is %(bottom)s "
                             "(%(low)s), a gap of %(gap)s.", **v),
               ("year", "indicator", "top", "high", "bottom", "low", "gap")),
    "same": (lambda **v: _("%(year)s, %(indicator)s: the %(count)s zones with a number have the same value, "
                           "%(value)s.", **v), ("year", "indicator", "count", "value")),
    "one": (lambda **v: _("%(year)s, %(indicator)s: only %(zone)s has a number (%(value)s), so there is nothing to "
                          "compare.", **v), ("year", "indicator", "zone", "value")),
    "none": (lambda **v: _("%(year)s, %(indicator)s: none of the chosen zones has a number.", **v),
             ("year", "indicator")),
    "left_out": (lambda **v: _("Not compared: %(zones)s.", **v), ("zones",)),
    "left_out_zone": (lambda **v: pgettext("compare: a zone left out and why", "%(zone)s (%(why)s)", **v),
                      ("zone", "why")),
    "sentences": (lambda **v: pgettext("compare: one sentence after the other", "%(first)s %(next)s", **v),
                  ("first", "next")),
    "list": (lambda **v: pgettext("compare: between the zones of a list", ", "), ()),
    "points": (lambda **v: percentage_points(v["change"]), ("change",)),
    "heading_unit": (lambda **v: pgettext("compare: an indicator's heading", "%(name)s (%(unit)s)", **v),
                     ("name", "unit")),
    "zone_column": (lambda **v: pgettext("compare: a table's column", "Zone"), ()),
    "value_column": (lambda **v: pgettext("compare: a table's column", "Value in %(year)s", **v), ("year",)),
    "caption": (lambda **v: _("Compared: %(zones)s, in %(year)s.", **v), ("zones", "year")),
    "choose_zones": (lambda **v: _("Choose two to four zones", **v), ()),
    "choose_year": (lambda **v: pgettext("compare: the year's list", "Year", **v), ()),
    "too_few": (lambda **v: _("Choose at least two zones to compare.", **v), ()),
    "too_many": (lambda **v: _("At most four zones can be compared; the first four are shown.", **v), ()),
    "unknown": (lambda **v: _("Not found in the data and left out: %(ids)s.", **v), ("ids",)),
    "bad_year": (lambda **v: _("No data for the year %(year)s: the latest year of the chosen zones is shown.", **v),
                 ("year",)),
    "year_option": (lambda **v: pgettext("compare: a year in the list", "%(year)s", **v), ("year",)),
    "revised": (lambda **v: mark_word(), ()),
}  # fmt: skip


def word(key: str, /, **values: Any) -> str:
    """The page's words `key`, filled with `values`."""
    fill, _names = _WORDS[key]
    return fill(**values)


def script_words() -> dict[str, str]:
    """The words compare.js uses, as templates: each value's place is `{name}` (filled once, left to right, so a
    value holding `{…}` is never read as a placeholder)."""
    words = {name: fill(**{n: "{" + n + "}" for n in names}) for name, (fill, names) in _WORDS.items()}
    return {**words, "not_reported": missing_label(), "none_shown": NOT_REPORTED}


def controls_html(data: dict[str, Any], choice: Choice) -> str:
    """The comparison's choice of zones and year as compare.js draws it for `choice` (the default), drawn in the page
    so that the box has its size at the first paint: drawn by the script alone, it pushed the comparison down once
    the script arrived. Shown where the head's script marks <html data-js> (site.css); without JavaScript the
    default comparison below is the page, and the box could change nothing."""
    boxes = []
    for zone in data["zones"]:
        on = zone["id"] in choice.zones
        state = " checked" if on else (" disabled" if len(choice.zones) >= MAX_ZONES else "")
        boxes.append(
            f'<label class="compare-zone"><input type="checkbox" name="zone" value="{h(zone["id"])}"{state}> '
            f"{h(zone['name'])}</label>"
        )
    years = "".join(
        f'<option value="{y}"{" selected" if y == choice.year else ""}>{h(word("year_option", year=y))}</option>'
        for y in data["years"]
    )
    return (
        f'<fieldset class="compare-zones"><legend>{h(word("choose_zones"))}</legend>{"".join(boxes)}</fieldset>'
        f'<label class="compare-year">{h(word("choose_year"))} <select name="year">{years}</select></label>'
    )


def highlight_html(zones: list[ZoneRecord]) -> str:
    """An indicator page's place for the zones a reader highlights on its charts: each zone's id, name, and name as
    the charts write it, for highlight.js, and the box's checkboxes as the script draws them with nothing chosen, so
    that the box has its size at the first paint (shown only where the page's head script says JavaScript runs:
    site.css; drawn by the script, it would push the charts down after they were placed, and a chart placed in the
    first screen would be fetched and drawn before the reader scrolls). Without JavaScript it is not shown and the
    charts are unchanged."""
    if len(zones) < MIN_ZONES:
        return ""
    listed = [{"id": z.id, "name": zone_short(z), "label": plot_text(zone_short(z))} for z in zones]
    words = {
        "legend": _("Highlight zones on the charts"),
        "unknown": word("unknown", ids="{ids}"),
        "list": word("list"),
    }
    boxes = "".join(
        f'<label class="compare-zone"><input type="checkbox" value="{h(z["id"])}"> {h(z["name"])}</label>'
        for z in listed
    )
    return (
        f'\n\n<div class="zone-highlight" id="zone-highlight" data-zones="{attribute_json(listed)}" '
        f'data-words="{attribute_json(words)}" data-search-exclude><fieldset class="compare-zones">'
        f"<legend>{h(words['legend'])}</legend>{boxes}</fieldset></div>"
    )


# ---- the comparison of one choice: sentence, bars and table, as the script draws them ----------------------------


def _in_unit(value: str, ind: dict[str, Any]) -> str:
    """As sentences.in_unit: 35.2% for a percentage, the value and the unit otherwise."""
    if ind["percent"] or ind["unit"] == "%":
        return f"{value}%"
    return f"{value} {ind['unit']}" if ind["unit"] else value


def sentence(ind: dict[str, Any], year: int, rows: list[tuple[str, list[Any]]]) -> str:
    """The sentence under one indicator: `rows` are the chosen zones' (name, cell) in the page's order."""
    named = [(name, cell, Decimal(cell[1])) for name, cell in rows if cell[1] is not None]
    between = word("list")
    values = {"year": year, "indicator": ind["name"]}
    if not named:
        text = word("none", **values)
    elif len(named) == 1:
        text = word("one", **values, zone=named[0][0], value=_in_unit(named[0][1][0], ind))
    else:
        high, low = max(n for _n, _c, n in named), min(n for _n, _c, n in named)
        tops = [(name, cell) for name, cell, n in named if n == high]
        bottoms = [(name, cell) for name, cell, n in named if n == low]
        if high == low:
            text = word("same", **values, count=len(named), value=_in_unit(tops[0][1][0], ind))
        else:
            gap = figure(high - low)
            text = word(
                "spread",
                **values,
                top=between.join(n for n, _c in tops),
                high=_in_unit(tops[0][1][0], ind),
                bottom=between.join(n for n, _c in bottoms),
                low=_in_unit(bottoms[0][1][0], ind),
                gap=word("points", change=gap) if ind["percent"] else _in_unit(gap, ind),
            )
    left = [word("left_out_zone", zone=name, why=cell[2]) for name, cell in rows if cell[1] is None]
    if left:
        text = word("sentences", first=text, next=word("left_out", zones=between.join(left)))
    return text


def _widths(cells: Iterable[list[Any]]) -> list[str]:
    """Each bar's width in percent of the largest number (none, and nothing below zero, drawn)."""
    numbers = [Decimal(c[1]) if c[1] is not None else None for c in cells]
    top = max((n for n in numbers if n is not None and n > 0), default=Decimal(0))
    out = []
    for n in numbers:
        out.append("" if n is None or top == 0 or n <= 0 else f"{float(n / top * 100):.1f}")
    return out


def result_html(data: dict[str, Any], choice: Choice) -> str:
    """The comparison of `choice` as raw HTML: per category a heading, per indicator a heading (linked to its
    page), the sentence, the bars and the table; compare.js builds the same elements (textContent only)."""
    if choice.year is None or len(choice.zones) < MIN_ZONES:
        return f'<p class="compare-empty">{h(word("too_few"))}</p>\n'
    names = {z["id"]: z["name"] for z in data["zones"]}
    urls = {z["id"]: z["url"] for z in data["zones"]}
    year = choice.year
    out = [f'<p class="compare-caption" id="compare-caption">'
           f'{h(word("caption", zones=word("list").join(names[z] for z in choice.zones), year=year))}</p>\n']  # fmt: skip
    # one collapsible group per category, the first open (as on the zone pages: a phone lays out only the open
    # groups; 25 indicators at once made the page's start about half a second longer, Lighthouse)
    for k, cat in enumerate(data["categories"]):
        out.append(
            f'<details class="indicator-group compare-group"{" open" if k == 0 else ""}><summary>{h(cat["summary"])}</summary>\n'
        )
        for ind_id in cat["indicators"]:
            ind = data["indicators"][ind_id]
            cells = [data["values"][z].get(str(year), {}).get(ind_id, [NOT_REPORTED, None, missing_label(), ""])
                     for z in choice.zones]  # fmt: skip
            rows = [(names[z], c) for z, c in zip(choice.zones, cells, strict=True)]
            heading = word("heading_unit", name=ind["name"], unit=ind["unit"]) if ind["unit"] else ind["name"]
            out.append(f'<section class="compare-indicator" id="compare-{h(ind_id)}">\n'
                       f'<h2><a href="{h(ind["url"])}">{h(heading)}</a></h2>\n'
                       f'<p class="compare-sentence">{h(sentence(ind, year, rows))}</p>\n'
                       '<div class="compare-bars" aria-hidden="true">\n')  # fmt: skip
            for (name, cell), width in zip(rows, _widths(cells), strict=True):
                bar = f'<span class="compare-bar" style="width:{width}%"></span>' if width else ""
                out.append(f'<div class="compare-bar-row"><span class="compare-bar-name">{h(name)}</span>'
                           f'<span class="compare-bar-track">{bar}</span>'
                           f'<span class="compare-bar-value">{h(cell[0])}</span></div>\n')  # fmt: skip
            out.append("</div>\n<table>\n<thead><tr>"
                       f'<th scope="col">{h(word("zone_column"))}</th>'
                       f'<th scope="col">{h(word("value_column", year=year))}</th></tr></thead>\n<tbody>\n')  # fmt: skip
            for z, (name, cell) in zip(choice.zones, rows, strict=True):
                mark = f' <a href="{h(urls[z] + cell[3])}">{h(word("revised"))}</a>' if cell[3] else ""
                out.append(f'<tr><th scope="row"><a href="{h(urls[z])}">{h(name)}</a></th>'
                           f"<td>{h(cell[0])}{mark}</td></tr>\n")  # fmt: skip
            out.append("</tbody>\n</table>\n</section>\n")
        out.append("</details>\n")
    return "".join(out)
