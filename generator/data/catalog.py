"""The validated catalog: what the site wing receives. Frozen values; derived facts computed once here."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from generator.data.models import (
    AnnualReport,
    Case,
    Category,
    Evaluated,
    Event,
    Indicator,
    RefItem,
    SiteConfig,
    Task,
    Zone,
    _Words,
)
from generator.i18n import NP_

ZoneStatus = Literal[
    "applied", "public_notice", "building", "due", "confirmed", "rectification", "revoked", "further_support"
]
"""A zone's status, derived from its dated events (`derive_status`): the evaluation results
(`models.EvaluationResult`) and the stages before them."""

_STATUS_WORDS: dict[str, tuple[str, str]] = {  # the status's name on the site (NP_: translated when read)
    "applied": NP_("zone status", "applied"),
    "public_notice": NP_("zone status", "in public notice"),
    "building": NP_("zone status", "under construction"),
    "due": NP_("zone status", "period ended, evaluation due"),
    "confirmed": NP_("zone status", "confirmed"),
    "rectification": NP_("zone status", "in rectification"),
    "revoked": NP_("zone status", "revoked"),
    "further_support": NP_("zone status", "further support"),
}
STATUS_LABELS: Mapping[str, tuple[str, str]] = _Words(_STATUS_WORDS, pair=True)
"""Every status, in order, by its code -> (its name in the locale's words, in English), translated when read."""


def derive_status(events: tuple[Event, ...], period_end: int, as_of: dt.date) -> ZoneStatus:
    """The zone's current status, from its dated events (never stored in the data)."""
    status: ZoneStatus = "applied"
    for event in events:
        if event.date > as_of:
            continue
        if event.kind == "public_notice" and status == "applied":
            status = "public_notice"
        elif event.kind == "approved":
            status = "building"
        elif isinstance(event, Evaluated):
            status = event.result
    if status == "building" and as_of > dt.date(period_end, 12, 31):
        status = "due"
    return status


@dataclass(frozen=True)
class Reading:
    """One indicator's value in one report, read by the indicator's kind."""

    indicator: str
    number: Decimal | None = None  # quantitative value, exact as written
    text: str | None = None  # qualitative value, or the number as written (for display)
    marker: str | None = None  # 暂无 / 不适用
    note: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class ReportRecord:
    zone_id: str
    year: int
    path: str
    report: AnnualReport
    readings: dict[str, Reading]
    on_time: bool | None  # None for a baseline without a submission date


@dataclass(frozen=True)
class CaseRecord:
    slug: str
    zone_id: str
    path: str
    case: Case


@dataclass(frozen=True)
class ZoneRecord:
    id: str
    path: str
    zone: Zone
    own_indicators: tuple[Indicator, ...]
    reports: dict[int, ReportRecord]
    status: ZoneStatus
    approved: dt.date | None
    images: dict[str, bytes]

    @property
    def is_sample(self) -> bool:
        return self.zone.sample

    def targets_at(self, when: dt.date) -> dict[str, Decimal]:
        """End-of-period targets in force at `when`: the plan's, overridden by revisions dated before it."""
        targets = dict(self.zone.targets)
        for event in self.zone.events:
            if event.kind == "plan_revised" and event.date <= when:
                targets.update(event.targets)
        return targets


@dataclass(frozen=True)
class Catalog:
    site: SiteConfig
    categories: tuple[Category, ...]
    indicators: tuple[Indicator, ...]
    indicator_source: str
    references: dict[str, tuple[RefItem, ...]]
    tasks: tuple[Task, ...]
    zones: dict[str, ZoneRecord]
    cases: tuple[CaseRecord, ...]
    data_dir: str = ""

    @property
    def as_of(self) -> dt.date:
        return self.site.as_of

    @property
    def has_sample(self) -> bool:
        return any(z.is_sample for z in self.zones.values())

    def ref_name(self, list_name: str, item_id: str) -> str:
        for item in self.references.get(list_name, ()):
            if item.id == item_id:
                return item.name
        return item_id

    def indicator(self, indicator_id: str, zone_id: str | None = None) -> Indicator | None:
        for ind in self.indicators:
            if ind.id == indicator_id:
                return ind
        if zone_id and zone_id in self.zones:
            for ind in self.zones[zone_id].own_indicators:
                if ind.id == indicator_id:
                    return ind
        return None
