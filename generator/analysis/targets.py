"""Progress towards each zone's end-of-period targets: achieved, on course, behind, or not judgeable (and,
once the construction period is over, achieved or not achieved).

The rules, in the order they are applied to one target (`judge`):

1. **The value judged** is the latest year in the construction period (approval year … period end) whose
   report has a number for the indicator; a marker (not available / not applicable) or an absent value is never
   read as zero, and values for years after the period end are not used. No number in any such year → unknown.
2. **Higher is better.** Every quantitative indicator of the system (Attachment 2) is one where more is
   better — contract turnover, counts of agencies, enterprises, platforms, shares of high-tech revenue and of
   R&D spending — so "reaching the target" means `latest >= target`. A target *below* the baseline value
   contradicts that assumption (or is a typing error): unknown.
3. **Achieved** when the latest value reaches the target.
4. **Period over** (the as-of date is after 31 December of the end year, or the zone was revoked): a target
   not reached is **not achieved** if the end year itself has a number, unknown otherwise (the final figure is
   missing, so the outcome is not known).
5. **The line.** Otherwise the zone is **on course** when the latest value is on or above the straight line
   from the baseline value (the `baseline: true` report, i.e. the year before approval) to the target in the
   end year, evaluated at the latest year, and **behind** below it. No baseline number → unknown.
   The comparison is exact (fractions of Decimals, no rounding); the line's value is shown rounded.

**Revised targets.** The target used is the one in force on the assessment date, which is the as-of date,
or 31 December of the end year when the as-of date is later: `ZoneRecord.targets_at(assessed_on)`. So a
`plan_revised` event applies from its date to the judgement of *every* report year, including a year that
ended before the revision (a plan revised on 2024-02-01 measures the 2023 value against the revised target
from that day on: the question is whether the zone is on course to the target it now has, and the zone page's
"share of the target reached" uses the same target). Before its date the original target is used. A revision
dated after the end of the construction period is shown but not used: it cannot change the outcome of a period
already over. Pages show the original target next to every revision.

A status is a `Status`, a reason a tuple of `Reason`s (what is missing, with its years and markers): values, not
words. The site words them from the catalogue (generator/site/progress_words.py).
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from generator.analysis.numbers import fmt_decimal
from generator.data.catalog import Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import Indicator, PlanRevised
from generator.data.rules import expected_report_years, revocation_date


class Status(StrEnum):
    """A target's status (the site's words for each: progress_words.py)."""

    ACHIEVED = "achieved"
    ON_COURSE = "on-course"
    BEHIND = "behind"
    NOT_ACHIEVED = "not-achieved"  # the period is over and the target was not reached
    UNKNOWN = "unknown"  # cannot be judged (a `Reason` says why)


ACHIEVED = Status.ACHIEVED
ON_COURSE = Status.ON_COURSE
BEHIND = Status.BEHIND
NOT_ACHIEVED = Status.NOT_ACHIEVED
UNKNOWN = Status.UNKNOWN
STATUSES = tuple(Status)  # in the order the pages show them
NOT_REPORTED = "—"


class Why(StrEnum):
    """What a `Reason` says (its words, with its parameters, are the site's: progress_words.py)."""

    NO_VALUE = "no-value"  # no number in any year of the period so far; `gaps`: the years owed without one
    YEAR_GAP = "year-gap"  # the judged year has no number; `gaps`: that year
    TARGET_BELOW_BASELINE = "target-below-baseline"  # "higher is better" cannot be applied
    FINAL_YEAR_MISSING = "final-year-missing"  # the period is over and its end year (`year`) has no number
    NO_BASELINE = "no-baseline"  # no baseline number (`year`: the baseline year, when known), so no line
    NO_BASELINE_REPORT = "no-baseline-report"  # no baseline report for `year`, so no line
    BASELINE_GAP = "baseline-gap"  # the baseline report (`gaps`: its year) has no number, so no line
    JUDGED_EARLIER = "judged-earlier"  # later years (`gaps`) have no number: the value of `year` was judged
    NOT_APPROVED = "not-approved"  # the zone is not approved yet
    AFTER_PERIOD = "after-period"  # the year is after the construction period


@dataclass(frozen=True)
class Gap:
    """A year without a number: its marker as written (not available / not applicable), or None when the year
    was not reported at all."""

    year: int
    marker: str | None = None


@dataclass(frozen=True)
class Reason:
    why: Why
    year: int | None = None
    gaps: tuple[Gap, ...] = ()


@dataclass(frozen=True)
class Revision:
    date: dt.date
    target: Decimal
    applied: bool  # False for a revision after the end of the construction period


@dataclass(frozen=True)
class Judgement:
    status: Status
    expected: Fraction | None  # the line's value at the latest year (exact), when it can be drawn
    reason: tuple[Reason, ...]  # why unknown, or a note for the reader; () otherwise


@dataclass(frozen=True)
class TargetProgress:
    zone_id: str
    indicator: Indicator
    original: Decimal | None  # the plan's target; None when only a revision set one
    revisions: tuple[Revision, ...]
    target: Decimal  # the target used (in force on the assessment date)
    baseline_year: int
    baseline: Decimal | None
    baseline_shown: str  # as written, or the marker, or "—"
    latest_year: int | None
    latest: Decimal | None
    latest_shown: str
    status: Status
    expected: Fraction | None
    reason: tuple[Reason, ...]
    final: bool  # the period is over: the status is the final outcome

    @property
    def expected_shown(self) -> str:
        return NOT_REPORTED if self.expected is None else fmt_fraction(self.expected)

    @property
    def share(self) -> str:
        """Share of the target reached by the latest value, as the zone page's dashboard shows it."""
        if self.latest is None or self.target == 0:
            return NOT_REPORTED
        return fmt_fraction(Fraction(self.latest) / Fraction(self.target) * 100, 1) + "%"


@dataclass(frozen=True)
class ZoneProgress:
    zone: ZoneRecord
    assessed_on: dt.date
    final: bool
    targets: tuple[TargetProgress, ...]

    def count(self, status: Status) -> int:
        return sum(1 for t in self.targets if t.status == status)


def round_half_up(value: Fraction, places: int = 2) -> Decimal:
    """Exact rounding half away from zero to `places` decimals (no float, no intermediate rounding)."""
    scaled = abs(value) * 10**places
    whole = math.floor(scaled + Fraction(1, 2))
    return Decimal(whole if value >= 0 else -whole).scaleb(-places)


def fmt_fraction(value: Fraction, places: int = 2) -> str:
    return fmt_decimal(round_half_up(value, places), places)


def line_value(baseline: Decimal, baseline_year: int, target: Decimal, end_year: int, year: int) -> Fraction:
    """The straight line from (baseline_year, baseline) to (end_year, target), at `year`, exactly."""
    base = Fraction(baseline)
    return base + (Fraction(target) - base) * Fraction(year - baseline_year, end_year - baseline_year)


def judge(
    *,
    target: Decimal,
    baseline: Decimal | None,
    baseline_year: int,
    latest: Decimal | None,
    latest_year: int | None,
    end_year: int,
    final: bool,
    no_value_reason: Reason = Reason(Why.NO_VALUE),
    no_baseline_reason: Reason = Reason(Why.NO_BASELINE),
) -> Judgement:
    """One target's status from its numbers (see the module's docstring for the rules, in this order)."""
    if latest is None or latest_year is None:
        return Judgement(UNKNOWN, None, (no_value_reason,))
    expected = None
    if baseline is not None and end_year > baseline_year:
        expected = line_value(baseline, baseline_year, target, end_year, latest_year)
    if baseline is not None and target < baseline:
        return Judgement(UNKNOWN, None, (Reason(Why.TARGET_BELOW_BASELINE),))
    if latest >= target:
        return Judgement(ACHIEVED, expected, ())
    if final:
        if latest_year == end_year:
            return Judgement(NOT_ACHIEVED, expected, ())
        return Judgement(UNKNOWN, expected, (Reason(Why.FINAL_YEAR_MISSING, end_year),))
    if baseline is None or expected is None:
        return Judgement(UNKNOWN, None, (no_baseline_reason,))
    return Judgement(ON_COURSE if Fraction(latest) >= expected else BEHIND, expected, ())


def assessment_date(zone: ZoneRecord, as_of: dt.date) -> dt.date:
    return min(as_of, dt.date(zone.zone.period.end, 12, 31))


def is_final(zone: ZoneRecord, as_of: dt.date) -> bool:
    return as_of > dt.date(zone.zone.period.end, 12, 31) or zone.status == "revoked"


def zone_progress(catalog: Catalog, zone: ZoneRecord) -> ZoneProgress | None:
    """Every target of an approved zone with targets, in the indicator system's order; None otherwise.
    Qualitative indicators cannot have targets (the checker refuses them) and are skipped."""
    if zone.approved is None:
        return None
    assessed_on = assessment_date(zone, catalog.as_of)
    in_force = zone.targets_at(assessed_on)
    order = [ind.id for ind in (*catalog.indicators, *zone.own_indicators)]
    final = is_final(zone, catalog.as_of)
    rows = []
    for ind_id in sorted(in_force, key=lambda i: (order.index(i) if i in order else len(order), i)):
        ind = catalog.indicator(ind_id, zone.id)
        if ind is None or not KINDS[ind.kind].numeric:
            continue
        rows.append(_target_progress(zone, ind, in_force[ind_id], assessed_on, final, catalog.as_of))
    if not rows:
        return None
    return ZoneProgress(zone, assessed_on, final, tuple(rows))


def all_progress(catalog: Catalog, zones: Iterable[ZoneRecord]) -> list[ZoneProgress]:
    return [p for z in zones if (p := zone_progress(catalog, z)) is not None]


def _revisions(zone: ZoneRecord, ind_id: str, assessed_on: dt.date, as_of: dt.date) -> tuple[Revision, ...]:
    """The plan revisions of this target known on the as-of date; those after the period are not applied."""
    found = [
        Revision(e.date, e.targets[ind_id], e.date <= assessed_on)
        for e in zone.zone.events
        if isinstance(e, PlanRevised) and ind_id in e.targets and e.date <= as_of
    ]
    return tuple(sorted(found, key=lambda r: r.date))


def _shown(zone: ZoneRecord, year: int, ind_id: str) -> tuple[Decimal | None, str]:
    report = zone.reports.get(year)
    reading = report.readings.get(ind_id) if report else None
    if reading is None:
        return None, NOT_REPORTED
    return reading.number, reading.marker or reading.text or NOT_REPORTED


def _target_progress(
    zone: ZoneRecord, ind: Indicator, target: Decimal, assessed_on: dt.date, final: bool, as_of: dt.date
) -> TargetProgress:
    assert zone.approved is not None
    end = zone.zone.period.end
    baseline_year = zone.approved.year - 1
    baseline, baseline_shown = (None, NOT_REPORTED)
    base_report = zone.reports.get(baseline_year)
    if base_report is not None and base_report.report.baseline:
        baseline, baseline_shown = _shown(zone, baseline_year, ind.id)
    # the report years of the period that have ended (the checker's own list: none after a revocation)
    owed = [
        y for y in expected_report_years(zone.approved, end, revocation_date(zone.zone)) if dt.date(y, 12, 31) < as_of
    ]
    with_number = [y for y in owed if _shown(zone, y, ind.id)[0] is not None]
    latest_year = with_number[-1] if with_number else None
    latest, latest_shown = _shown(zone, latest_year, ind.id) if latest_year else (None, NOT_REPORTED)
    gaps = tuple(_gap(zone, y, ind.id) for y in owed if latest_year is None or y > latest_year)
    no_value = Reason(Why.NO_VALUE, gaps=gaps)
    if base_report is None or not base_report.report.baseline:
        no_baseline = Reason(Why.NO_BASELINE_REPORT, baseline_year)
    else:
        no_baseline = Reason(Why.BASELINE_GAP, gaps=(_gap(zone, baseline_year, ind.id),))
    judgement = judge(target=target, baseline=baseline, baseline_year=baseline_year, latest=latest,
                      latest_year=latest_year, end_year=end, final=final, no_value_reason=no_value,
                      no_baseline_reason=no_baseline)  # fmt: skip
    if latest_year is not None and gaps:  # a later year without a number: say which value was judged
        note = Reason(Why.JUDGED_EARLIER, latest_year, gaps)
        judgement = Judgement(judgement.status, judgement.expected, (*judgement.reason, note))
    return TargetProgress(
        zone_id=zone.id, indicator=ind, original=zone.zone.targets.get(ind.id),
        revisions=_revisions(zone, ind.id, assessed_on, as_of), target=target,
        baseline_year=baseline_year, baseline=baseline, baseline_shown=baseline_shown,
        latest_year=latest_year, latest=latest, latest_shown=latest_shown,
        status=judgement.status, expected=judgement.expected, reason=judgement.reason, final=final,
    )  # fmt: skip


def year_judgement(zone: ZoneRecord, ind_id: str, target: Decimal, year: int) -> Judgement:
    """One report year's value judged against the line to `target` (the year's summary of the data): the
    same rules as `judge`, with that year's value as the latest and the outcome final in the end year."""
    if zone.approved is None:
        return Judgement(UNKNOWN, None, (Reason(Why.NOT_APPROVED),))
    baseline_year = zone.approved.year - 1
    base_report = zone.reports.get(baseline_year)
    baseline = _shown(zone, baseline_year, ind_id)[0] if base_report and base_report.report.baseline else None
    value = _shown(zone, year, ind_id)[0]
    end = zone.zone.period.end
    if year > end:
        return Judgement(UNKNOWN, None, (Reason(Why.AFTER_PERIOD),))
    return judge(target=target, baseline=baseline, baseline_year=baseline_year, latest=value,
                 latest_year=year if value is not None else None, end_year=end, final=year == end,
                 no_value_reason=Reason(Why.YEAR_GAP, gaps=(_gap(zone, year, ind_id),)),
                 no_baseline_reason=Reason(Why.NO_BASELINE, baseline_year))  # fmt: skip


def _gap(zone: ZoneRecord, year: int, ind_id: str) -> Gap:
    report = zone.reports.get(year)
    reading = report.readings.get(ind_id) if report else None
    return Gap(year, reading.marker if reading is not None and reading.marker else None)
