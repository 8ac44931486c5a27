"""One indicator's values over a zone's years, and what pages say about them: the change on the year
before (percentage points for percentages), the share of the end-of-period target reached, a one-sentence summary.

Exact arithmetic on the data's Decimals; a marker (not available / not applicable) or a year not reported is
carried as such and never becomes zero, so no change is computed across it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from generator.analysis.numbers import fmt_decimal
from generator.data.catalog import ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import Indicator
from generator.i18n import pgettext
from generator.site.figures import reading_text
from generator.site.markup import percentage_points, rate_with_change

NOT_REPORTED = "—"


def missing_label() -> str:
    """What a year without a report is called where a reader sees it (a chart's label, a sentence)."""
    return pgettext("series: a year", "not reported")


def unchanged() -> str:
    """A change of zero, in a table or a sentence."""
    return pgettext("series: a change", "unchanged")


@dataclass(frozen=True)
class Point:
    year: int
    label: str  # "2023 (baseline)" for a baseline, in the site's words
    number: Decimal | None
    shown: str  # the value as written, or the marker, or NOT_REPORTED
    marker: str | None  # 暂无 / 不适用 / None
    baseline: bool


@dataclass(frozen=True)
class Series:
    indicator: Indicator
    points: tuple[Point, ...]

    @property
    def numbers(self) -> list[Point]:
        return [p for p in self.points if p.number is not None]


def year_label(year: int, baseline: bool) -> str:
    return pgettext("series: a year's label", "%(year)s (baseline)", year=year) if baseline else str(year)


def zone_series(zone: ZoneRecord, ind: Indicator) -> Series:
    points = []
    for year, report in sorted(zone.reports.items()):
        reading = report.readings.get(ind.id)
        baseline = report.report.baseline
        if reading is None:
            points.append(Point(year, year_label(year, baseline), None, NOT_REPORTED, None, baseline))
        else:
            shown = reading_text(reading) or NOT_REPORTED
            points.append(Point(year, year_label(year, baseline), reading.number, shown, reading.marker, baseline))
    return Series(ind, tuple(points))


def with_unit(value: str, unit: str | None) -> str:
    if not unit:
        return value
    return f"{value}%" if unit == "%" else f"{value} {unit}"


def change(ind: Indicator, before: Point | None, after: Point) -> str:
    """The change from the year before, as a reader should read it; "—" when either side has no number."""
    if before is None or before.number is None or after.number is None:
        return NOT_REPORTED
    diff = after.number - before.number
    if diff == 0:
        return unchanged()
    sign = "+" if diff > 0 else "-"
    # the difference exactly as the two written values give it (rounding could show a change as "+0"), and a
    # growth rate only on a base above zero (on a negative base its sign would contradict the change's) with as
    # many decimals as it takes not to show "0%" (issue 14)
    absolute = f"{sign}{_exact(abs(diff))}"
    if KINDS[ind.kind].percent:
        return percentage_points(absolute)
    if before.number <= 0:
        return absolute
    rate = abs(diff) / before.number * 100
    places = 1
    while fmt_decimal(rate, places) == "0" and places < 12:
        places += 1
    return rate_with_change(f"{sign}{fmt_decimal(rate, places)}%", absolute)


def _exact(value: Decimal) -> str:
    """A difference of written values, exactly: thousands separated, no exponent, no trailing zeros."""
    text = f"{value:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def changes(series: Series) -> list[str]:
    """For each point, the change on the previous calendar year's point (if that year is in the series)."""
    by_year = {p.year: p for p in series.points}
    return [change(series.indicator, by_year.get(p.year - 1), p) for p in series.points]


@dataclass(frozen=True)
class Progress:
    target: Decimal
    latest: Point | None  # the latest non-baseline point with a number
    share: str  # "75.3%" or "—"


def progress(series: Series, target: Decimal | None) -> Progress | None:
    """Share of the end-of-period target reached by the latest reported value."""
    if target is None:
        return None
    latest = next((p for p in reversed(series.numbers) if not p.baseline), None)
    if latest is None or latest.number is None or target == 0:
        return Progress(target, latest, NOT_REPORTED)
    return Progress(target, latest, fmt_decimal(latest.number / target * 100, 1) + "%")
