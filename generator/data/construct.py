"""The catalog built from what the rules accepted: plain construction, no judgement.

The rules (generator/data/rules/) decide what is valid and what may be published, and hand over typed
`Valid*` records: the models that passed, each value as read by its indicator's kind. This module turns
them into the catalog the site receives (generator/data/catalog.py); it reports nothing and drops nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal

from generator.data.catalog import CaseRecord, Catalog, Reading, ReportRecord, ZoneRecord, ZoneStatus
from generator.data.models import AnnualReport, Case, Indicator, IndicatorSystem, RefItem, SiteConfig, Task, Zone

Read = tuple[Decimal | None, str | None]  # a value as read by its indicator's kind: the number, the text shown


@dataclass(frozen=True)
class ValidReport:
    """An annual report the rules read: its values by indicator (those that could be read by their kind)."""

    year: int
    path: str
    report: AnnualReport
    read: dict[str, Read]
    on_time: bool | None  # None for a baseline without a submission date


@dataclass(frozen=True)
class ValidZone:
    """A zone the rules accept for publication, with the reports that may be published."""

    id: str
    path: str
    zone: Zone
    own_indicators: tuple[Indicator, ...]
    reports: dict[int, ValidReport]
    status: ZoneStatus
    approved: dt.date | None
    images: dict[str, bytes]


@dataclass(frozen=True)
class ValidCase:
    slug: str
    zone_id: str
    path: str
    case: Case


@dataclass
class Valid:
    """What the rules accept for publication."""

    zones: dict[str, ValidZone] = field(default_factory=dict)
    cases: list[ValidCase] = field(default_factory=list)


def reading(indicator: str, report: AnnualReport, read: Read) -> Reading:
    entry = report.values[indicator]
    return Reading(indicator, read[0], read[1], entry.marker, entry.note, entry.source)


def report_record(zone_id: str, report: ValidReport) -> ReportRecord:
    readings = {ind: reading(ind, report.report, read) for ind, read in report.read.items()}
    return ReportRecord(zone_id, report.year, report.path, report.report, readings, report.on_time)


def zone_record(zone: ValidZone) -> ZoneRecord:
    reports = {year: report_record(zone.id, report) for year, report in zone.reports.items()}
    return ZoneRecord(zone.id, zone.path, zone.zone, zone.own_indicators, reports, zone.status, zone.approved,
                      zone.images)  # fmt: skip


def build_catalog(
    site: SiteConfig,
    system: IndicatorSystem,
    references: dict[str, tuple[RefItem, ...]],
    tasks: tuple[Task, ...],
    valid: Valid,
    data_dir: str,
) -> Catalog:
    """The catalog: the settings, the indicator system and the reference lists as read, the accepted zones,
    and the accepted cases newest first."""
    cases = [CaseRecord(c.slug, c.zone_id, c.path, c.case) for c in valid.cases]
    return Catalog(
        site=site,
        categories=tuple(system.categories or ()),
        indicators=tuple(system.indicators or ()),
        indicator_source=system.source,
        references=references,
        tasks=tasks,
        zones={zone_id: zone_record(zone) for zone_id, zone in valid.zones.items()},
        cases=tuple(sorted(cases, key=lambda c: (-c.case.year, c.zone_id, c.slug))),
        data_dir=data_dir,
    )
