"""Stage 3, analyse: every fact the pages present that is computed from the catalog, computed once, in
build.py, into one frozen `Analysis` that the pages receive (generator/site/common.py's `Context`). Pages word
and lay these facts out; they never compute or keep an analysis result themselves.

- the composite index by year (composite.py),
- each zone's progress towards its end-of-period targets, and each report year's value against the line to
  the target in force at that year's end (targets.py),
- the annual-report submissions and the evaluations due (reporting.py),
- the peer table that ranks a zone's value among the zones' values (the zone pages' sentences),
- the home page's totals of the summable indicators, exact (Decimal sums of the values as written),
- each case's before/after on the indicators it cites, and each zone's lessons from other zones' cases for its
  relative weaknesses (learn.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.analysis.composite import Composite, composite
from generator.analysis.learn import Learning, learning
from generator.analysis.memo import Memo
from generator.analysis.reporting import EvaluationDue, ReportingYear, evaluations_due, reporting_years
from generator.analysis.targets import STATUSES, Judgement, Status, ZoneProgress, all_progress, year_judgement
from generator.data.catalog import Catalog, ZoneRecord

# indicator id -> year -> every zone's annual (not baseline) number, sorted ascending
PeerTable = Mapping[str, Mapping[int, tuple[Decimal, ...]]]


@dataclass(frozen=True)
class Total:
    indicator: str
    year: int
    total: Decimal  # exact: the sum of the values as written
    zones: int  # how many zones the total covers
    sample: bool
    zone_ids: tuple[str, ...] = ()  # the zones whose values are added up, by id


@dataclass(frozen=True)
class Analysis:
    composite: Composite
    progress: tuple[ZoneProgress, ...]  # approved zones with targets to judge, in the zones' order
    year_targets: Mapping[tuple[str, int, str], Judgement]  # (zone, report year, indicator) -> that year's judgement
    reporting: tuple[ReportingYear, ...]  # latest year first, zones in the zones' order
    evaluations: tuple[EvaluationDue, ...]
    peers: PeerTable
    totals: tuple[Total, ...]  # in the indicator system's order
    learning: Learning  # cases' evidence and the zones' lessons from other zones (learn.py)

    def progress_for(self, zone_id: str) -> ZoneProgress | None:
        return next((p for p in self.progress if p.zone.id == zone_id), None)

    def target_counts(self) -> dict[Status, int]:
        """How many end-of-period targets of all zones have each status, every status in its order (0 too)."""
        return {s: sum(p.count(s) for p in self.progress) for s in STATUSES}


def zone_sort_key(zone: ZoneRecord) -> tuple[Any, ...]:
    approved = zone.approved.isoformat() if zone.approved else "9999"
    return (approved, zone.id)


def sorted_zones(catalog: Catalog) -> list[ZoneRecord]:
    """The zones' order everywhere: by approval date (not yet approved last), then id."""
    return sorted(catalog.zones.values(), key=zone_sort_key)


def analyse(catalog: Catalog, memo: Memo | None = None) -> Analysis:
    """The analysis of a valid catalog. `memo` (generator/analysis/memo.py) is the caller's store of results
    by the content of their inputs; the MkDocs hook hands one in so that `mkdocs serve` recomputes only the
    years an edit changed."""
    zones = sorted_zones(catalog)
    index = composite(catalog, memo)
    return Analysis(
        composite=index,
        progress=tuple(all_progress(catalog, zones)),
        year_targets=year_targets(catalog),
        reporting=tuple(reporting_years(catalog, zones)),
        evaluations=tuple(evaluations_due(catalog, zones)),
        peers=peer_table(catalog),
        totals=latest_totals(catalog),
        learning=learning(catalog, index),
    )


def year_targets(catalog: Catalog) -> dict[tuple[str, int, str], Judgement]:
    """Each report year's value of each target in force at that year's end, judged against the line
    (targets.py: `year_judgement`), for the year pages' table of the targets' progress."""
    out = {}
    for zone_id, zone in sorted(catalog.zones.items()):
        for year in sorted(zone.reports):
            for ind_id, target in sorted(zone.targets_at(dt.date(year, 12, 31)).items()):
                out[(zone_id, year, ind_id)] = year_judgement(zone, ind_id, target, year)
    return out


def peer_table(catalog: Catalog) -> dict[str, dict[int, tuple[Decimal, ...]]]:
    """For each common indicator and year, every zone's annual (not baseline) number, sorted ascending."""
    table: dict[str, dict[int, list[Decimal]]] = {ind.id: {} for ind in catalog.indicators}
    for zone_id in sorted(catalog.zones):
        for year, report in sorted(catalog.zones[zone_id].reports.items()):
            if report.report.baseline:
                continue
            for ind_id, reading in sorted(report.readings.items()):
                if ind_id in table and reading.number is not None:
                    table[ind_id].setdefault(year, []).append(reading.number)
    return {i: {y: tuple(sorted(v)) for y, v in sorted(years.items())} for i, years in table.items()}


def latest_totals(catalog: Catalog) -> tuple[Total, ...]:
    """For each indicator that may be summed across zones: the sum over zones in the latest year any zone
    reported a number for it (baselines and zones' own indicators excluded), with the number of zones it
    covers. Ratios are never summed. Exact: Decimals as written, never floats."""
    out = []
    for ind in catalog.indicators:
        if not ind.summable:
            continue
        by_year: dict[int, list[tuple[ZoneRecord, Decimal]]] = {}
        for _zone_id, zone in sorted(catalog.zones.items()):
            if any(own.id == ind.id for own in zone.own_indicators):
                continue
            for year, report in zone.reports.items():
                reading = report.readings.get(ind.id)
                if not report.report.baseline and reading is not None and reading.number is not None:
                    by_year.setdefault(year, []).append((zone, reading.number))
        if not by_year:
            continue
        year = max(by_year)
        rows = by_year[year]
        total = sum((number for _zone, number in rows), Decimal(0))
        ids = tuple(sorted({z.id for z, _ in rows}))
        out.append(Total(ind.id, year, total, len(ids), any(z.is_sample for z, _ in rows), ids))
    return tuple(out)
