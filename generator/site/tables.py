"""Stage 3, tables: the catalog as tidy pandas frames (one row per zone, year and indicator).

The frames are what pages, charts and downloads read; a marker (暂无 / 不适用) stays a marker,
with no number, and is never turned into zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from generator.data.catalog import Catalog

VALUE_COLUMNS = [
    "zone", "year", "baseline", "indicator", "own", "kind", "unit", "number", "shown", "marker", "note", "source",
    "sample",
]  # fmt: skip


@dataclass(frozen=True)
class Tables:
    values: pd.DataFrame  # VALUE_COLUMNS, sorted by zone, year, indicator order


def make_tables(catalog: Catalog) -> Tables:
    rows = []
    order = {ind.id: i for i, ind in enumerate(catalog.indicators)}
    for zone_id, zone in sorted(catalog.zones.items()):
        own = {ind.id: ind for ind in zone.own_indicators}
        for k, ind in enumerate(zone.own_indicators):
            order.setdefault(ind.id, 1000 + k)
        for year, report in sorted(zone.reports.items()):
            for ind_id, reading in report.readings.items():
                known = catalog.indicator(ind_id, zone_id)
                assert known is not None  # validate.py keeps only readings of known indicators
                ind = known
                rows.append({
                    "zone": zone_id,
                    "year": year,
                    "baseline": report.report.baseline,
                    "indicator": ind_id,
                    "own": ind_id in own,
                    "kind": ind.kind,
                    "unit": ind.unit or "",
                    "number": float(reading.number) if reading.number is not None else None,
                    "shown": reading.text if reading.marker is None else reading.marker,
                    "marker": reading.marker or "",
                    "note": reading.note or "",
                    "source": reading.source or "",
                    "sample": zone.is_sample,
                    "_order": order[ind_id],
                })
    frame = pd.DataFrame(rows, columns=[*VALUE_COLUMNS, "_order"])
    frame = frame.sort_values(["zone", "year", "_order"], kind="stable").drop(columns="_order").reset_index(drop=True)
    frame["number"] = frame["number"].astype("Float64")
    return Tables(values=frame)


@dataclass(frozen=True)
class Total:
    indicator: str
    year: int
    total: Decimal  # exact: the sum of the values as written, never of floats
    zones: int  # how many zones the total covers
    sample: bool


def latest_totals(catalog: Catalog, tables: Tables) -> list[Total]:
    """For each indicator that may be summed across zones: the sum over zones in the latest year any zone
    reported it (baselines excluded), with the number of zones it covers. Ratios are never summed."""
    summable = [ind.id for ind in catalog.indicators if ind.summable]
    frame = tables.values
    frame = frame[(~frame["baseline"]) & (~frame["own"]) & frame["indicator"].isin(summable) & frame["number"].notna()]
    out = []
    for ind_id in summable:
        rows = frame[frame["indicator"] == ind_id]
        if rows.empty:
            continue
        year = int(rows["year"].max())
        latest = rows[rows["year"] == year]
        total = sum((_exact(catalog, zone, year, ind_id) for zone in latest["zone"]), Decimal(0))
        out.append(Total(ind_id, year, total, int(latest["zone"].nunique()), bool(latest["sample"].any())))
    return out


def _exact(catalog: Catalog, zone: str, year: int, ind_id: str) -> Decimal:
    """The reading as written (the frame holds floats, which must not be summed into a printed figure)."""
    number = catalog.zones[zone].reports[year].readings[ind_id].number
    assert number is not None
    return number
