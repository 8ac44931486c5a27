"""Annual-report submissions year by year, and the zones whose end-of-period evaluation is due.

Which reports a zone owes, and by when, is the checker's own rule (generator/data/rules.py:
`expected_report_years`, `report_deadline`, `revocation_date`): an approved zone owes a report for every
year from its approval year to the end of its construction period, except years that had not ended when it
was revoked; the report for year Y is due by 31 January of Y + 1. A report counts as missing when its deadline
is before the as-of date and the data has no file for it — exactly when the checker gives its `report-missing`
notice. Everything is relative to the data's as-of date, never the clock.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.data.catalog import Catalog, ZoneRecord
from generator.data.models import Evaluated
from generator.data.rules import expected_report_years, report_deadline, revocation_date

ON_TIME = "on_time"
LATE = "late"
MISSING = "missing"  # due, deadline passed, not in the data
PENDING = "pending"  # the year has ended, the deadline has not passed, not in the data yet
UNDATED = "undated"  # in the data without a submission date (the checker reports it)
STATES = (ON_TIME, LATE, MISSING, PENDING, UNDATED)


@dataclass(frozen=True)
class Submission:
    zone: ZoneRecord
    year: int
    deadline: dt.date
    submitted: dt.date | None
    state: str
    days: int  # days late (LATE), days overdue as of the as-of date (MISSING); 0 otherwise


@dataclass(frozen=True)
class ReportingYear:
    year: int
    rows: tuple[Submission, ...]  # in the given zone order

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)

    @property
    def submitted(self) -> int:
        return self.count(ON_TIME) + self.count(LATE) + self.count(UNDATED)


@dataclass(frozen=True)
class EvaluationDue:
    zone: ZoneRecord
    period_end: int
    ended: bool  # the period is over (False: it ends in the as-of year)


def submission(zone: ZoneRecord, year: int, as_of: dt.date) -> Submission:
    """The state of one owed report as of `as_of`."""
    deadline = report_deadline(year)
    report = zone.reports.get(year)
    if report is None:
        if deadline < as_of:
            return Submission(zone, year, deadline, None, MISSING, (as_of - deadline).days)
        return Submission(zone, year, deadline, None, PENDING, 0)
    submitted = report.report.submitted
    if submitted is None:
        return Submission(zone, year, deadline, None, UNDATED, 0)
    if submitted <= deadline:
        return Submission(zone, year, deadline, submitted, ON_TIME, 0)
    return Submission(zone, year, deadline, submitted, LATE, (submitted - deadline).days)


def owed_years(zone: ZoneRecord, as_of: dt.date) -> list[int]:
    """The report years a zone owes that have ended by the as-of date."""
    if zone.approved is None:
        return []
    years = expected_report_years(zone.approved, zone.zone.period.end, revocation_date(zone.zone))
    return [y for y in years if dt.date(y, 12, 31) < as_of]


def reporting_years(catalog: Catalog, zones: list[ZoneRecord]) -> list[ReportingYear]:
    """One entry per year any zone owed a report for, latest year first; zones in the given order."""
    by_year: dict[int, list[Submission]] = {}
    for zone in zones:
        for year in owed_years(zone, catalog.as_of):
            by_year.setdefault(year, []).append(submission(zone, year, catalog.as_of))
    return [ReportingYear(year, tuple(by_year[year])) for year in sorted(by_year, reverse=True)]


def evaluations_due(catalog: Catalog, zones: list[ZoneRecord]) -> list[EvaluationDue]:
    """Approved zones whose construction period has ended, or ends in the as-of year, with no evaluation
    (final evaluation) recorded by the as-of date."""
    out = []
    for zone in zones:
        end = zone.zone.period.end
        if zone.approved is None or end > catalog.as_of.year:
            continue
        if any(isinstance(e, Evaluated) and e.date <= catalog.as_of for e in zone.zone.events):
            continue
        out.append(EvaluationDue(zone, end, catalog.as_of > dt.date(end, 12, 31)))
    return out
