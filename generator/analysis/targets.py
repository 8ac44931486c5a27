"""Progress towards each zone's end-of-period targets: achieved, on course, behind, or not judgeable (and,
once the construction period is over, achieved or not achieved).

The rules, in the order they are applied to one target (`judge`):

1. **The value judged** is the latest year in the construction period (approval year … period end) whose
   report has a number for the indicator; a marker (暂无 / 不适用) or an absent value is never read as zero,
   and values for years after the period end are not used. No number in any such year → 无法判断.
2. **Higher is better.** Every quantitative indicator of the system (Attachment 2) is one where more is
   better — contract turnover, counts of agencies, enterprises, platforms, shares of high-tech revenue and of
   R&D spending — so "reaching the target" means `latest >= target`. A target *below* the baseline value
   contradicts that assumption (or is a typing error): 无法判断.
3. **已实现** when the latest value reaches the target.
4. **Period over** (the as-of date is after 31 December of the end year, or the zone was revoked): a target
   not reached is **未实现** if the end year itself has a number, 无法判断 otherwise (the final figure is
   missing, so the outcome is not known).
5. **The line.** Otherwise the zone is **进度正常** when the latest value is on or above the straight line
   from the baseline value (the `baseline: true` report, i.e. the year before approval) to the target in the
   end year, evaluated at the latest year, and **滞后** below it. No baseline number → 无法判断.
   The comparison is exact (fractions of Decimals, no rounding); the line's value is shown rounded.

**Revised targets.** The target used is the one in force on the assessment date, which is the as-of date,
or 31 December of the end year when the as-of date is later: `ZoneRecord.targets_at(assessed_on)`. So a
`plan_revised` event applies from its date to the judgement of *every* report year, including a year that
ended before the revision (a plan revised on 2024-02-01 measures the 2023 value against the revised target
from that day on: the question is whether the zone is on course to the target it now has, and the zone page's
"share of the target reached" uses the same target). Before its date the original target is used. A revision
dated after the end of the construction period is shown but not used: it cannot change the outcome of a period
already over. Pages show the original target next to every revision.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

from generator.analysis.numbers import fmt_decimal
from generator.data.catalog import Catalog, ZoneRecord
from generator.data.kinds import KINDS
from generator.data.models import Indicator, PlanRevised
from generator.data.rules import expected_report_years, revocation_date

ACHIEVED = "已实现"
ON_COURSE = "进度正常"
BEHIND = "滞后"
NOT_ACHIEVED = "未实现"
UNKNOWN = "无法判断"
STATUSES = (ACHIEVED, ON_COURSE, BEHIND, NOT_ACHIEVED, UNKNOWN)
NOT_REPORTED = "—"


@dataclass(frozen=True)
class Revision:
    date: dt.date
    target: Decimal
    applied: bool  # False for a revision after the end of the construction period


@dataclass(frozen=True)
class Judgement:
    status: str
    expected: Fraction | None  # the line's value at the latest year (exact), when it can be drawn
    reason: str  # why 无法判断, or a note for the reader; "" otherwise


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
    status: str
    expected: Fraction | None
    reason: str
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

    def count(self, status: str) -> int:
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
    no_value_reason: str = "建设期内尚无年度数值",
    no_baseline_reason: str = "没有基期数值",
) -> Judgement:
    """One target's status from its numbers (see the module's docstring for the rules, in this order)."""
    if latest is None or latest_year is None:
        return Judgement(UNKNOWN, None, no_value_reason)
    expected = None
    if baseline is not None and end_year > baseline_year:
        expected = line_value(baseline, baseline_year, target, end_year, latest_year)
    if baseline is not None and target < baseline:
        return Judgement(UNKNOWN, None, "目标值低于基期值，无法按“数值越大越好”判断")
    if latest >= target:
        return Judgement(ACHIEVED, expected, "")
    if final:
        if latest_year == end_year:
            return Judgement(NOT_ACHIEVED, expected, "")
        return Judgement(UNKNOWN, expected, f"建设期已结束，期末（{end_year} 年）没有数值")
    if baseline is None or expected is None:
        return Judgement(UNKNOWN, None, f"{no_baseline_reason}，无法画出进度线")
    return Judgement(ON_COURSE if Fraction(latest) >= expected else BEHIND, expected, "")


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
    gaps = [f"{y} 年{_gap(zone, y, ind.id)}" for y in owed if latest_year is None or y > latest_year]
    no_value = "建设期内尚无年度数值" + (f"（{'、'.join(gaps)}）" if gaps else "")
    if base_report is None or not base_report.report.baseline:
        no_baseline = f"没有基期（{baseline_year} 年）数据"
    else:
        no_baseline = f"基期（{baseline_year} 年）{_gap(zone, baseline_year, ind.id)}"
    judgement = judge(target=target, baseline=baseline, baseline_year=baseline_year, latest=latest,
                      latest_year=latest_year, end_year=end, final=final, no_value_reason=no_value,
                      no_baseline_reason=no_baseline)  # fmt: skip
    if latest_year is not None and gaps:  # a later year without a number: say which value was judged
        note = f"{'、'.join(gaps)}，按 {latest_year} 年数值判断"
        judgement = Judgement(judgement.status, judgement.expected, "；".join(filter(None, [judgement.reason, note])))
    return TargetProgress(
        zone_id=zone.id, indicator=ind, original=zone.zone.targets.get(ind.id),
        revisions=_revisions(zone, ind.id, assessed_on, as_of), target=target,
        baseline_year=baseline_year, baseline=baseline, baseline_shown=baseline_shown,
        latest_year=latest_year, latest=latest, latest_shown=latest_shown,
        status=judgement.status, expected=judgement.expected, reason=judgement.reason, final=final,
    )  # fmt: skip


def year_judgement(zone: ZoneRecord, ind_id: str, target: Decimal, year: int) -> Judgement:
    """One report year's value judged against the line to `target` (the year's 年度建设情况数据摘要): the
    same rules as `judge`, with that year's value as the latest and the outcome final in the end year."""
    if zone.approved is None:
        return Judgement(UNKNOWN, None, "示范区尚未批复建设")
    baseline_year = zone.approved.year - 1
    base_report = zone.reports.get(baseline_year)
    baseline = _shown(zone, baseline_year, ind_id)[0] if base_report and base_report.report.baseline else None
    value = _shown(zone, year, ind_id)[0]
    end = zone.zone.period.end
    if year > end:
        return Judgement(UNKNOWN, None, "该年度在建设期之后")
    return judge(target=target, baseline=baseline, baseline_year=baseline_year, latest=value,
                 latest_year=year if value is not None else None, end_year=end, final=year == end,
                 no_value_reason=f"{year} 年{_gap(zone, year, ind_id)}",
                 no_baseline_reason=f"没有基期（{baseline_year} 年）数值")  # fmt: skip


def _gap(zone: ZoneRecord, year: int, ind_id: str) -> str:
    report = zone.reports.get(year)
    reading = report.readings.get(ind_id) if report else None
    return reading.marker if reading is not None and reading.marker else "未报送"
