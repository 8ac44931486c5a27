"""Learning from other zones (issue 16, section 4): each case's evidence on the indicators it cites, and for
each zone the cases of other zones that fit its relative weaknesses.

A case (zones/<id>/cases/<slug>.yaml) holds one year, `year`, and the indicators its results cite
(`results.indicators`). Its evidence on one cited indicator is read from its own zone's reports:

- before: the zone's number for the indicator in the year before the case's year (`year − 1`), from that
  year's report (an annual report or the baseline); none when that report has no number for it;
- after: the zone's number in the latest report year from the case's year on (`≥ year`) that has a number
  for it; none when there is no such year;
- improved: both exist and after > before. The indicator system defines no direction per indicator and the
  kinds table (generator/data/kinds.py) none per kind: every quantitative indicator of the system is better
  when higher (as in the composite index's strengths and weaknesses).

A zone's weak indicators are exactly the relative weaknesses its page shows (composite.py's `weaknesses` of
`Composite.latest_for`: the lowest percentile ranks below 50 in its latest year with a shown index). For each,
the lessons are the cases of other zones that cite the indicator and whose evidence shows it improved; a case
without both numbers, or whose number stayed level or fell, is never offered.

Pure computation: no words. Same input, same output.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from generator.analysis.composite import Composite, Standing
from generator.data.catalog import CaseRecord, Catalog


@dataclass(frozen=True)
class Evidence:
    """One case's before/after on one indicator its results cite, from its own zone's reports."""

    case: str  # the case's slug
    zone: str  # the case's zone
    indicator: str
    before_year: int  # the year before the case's year
    before: Decimal | None  # the zone's number that year (None: no number)
    after_year: int | None  # the latest year from the case's year on with a number (None: none)
    after: Decimal | None

    @property
    def improved(self) -> bool:
        return self.before is not None and self.after is not None and self.after > self.before


@dataclass(frozen=True)
class Lesson:
    """One relative weakness of a zone, with the other zones' cases whose evidence shows that indicator improved."""

    standing: Standing  # the zone's weakness, as its page's overall-performance section shows it
    cases: tuple[Evidence, ...]  # in the library's order of the cases (catalog order); may be empty


@dataclass(frozen=True)
class Learning:
    evidence: tuple[Evidence, ...]  # every (case, cited indicator) with a report of its zone, catalog order
    lessons: Mapping[str, tuple[Lesson, ...]]  # zone id -> one per relative weakness, in their order

    def citing(self, indicator: str) -> tuple[Evidence, ...]:
        """The evidence of every case that cites the indicator."""
        return tuple(e for e in self.evidence if e.indicator == indicator)


def case_evidence(catalog: Catalog, case: CaseRecord) -> tuple[Evidence, ...]:
    """The case's evidence on each indicator its results cite (in the order cited, each once)."""
    zone = catalog.zones[case.zone_id]
    year = case.case.year
    out = []
    for ind_id in dict.fromkeys(case.case.results.indicators):
        prior = zone.reports.get(year - 1)
        reading = prior.readings.get(ind_id) if prior else None
        before = reading.number if reading else None
        later = [
            (y, r.readings[ind_id].number)
            for y, r in sorted(zone.reports.items())
            if y >= year and ind_id in r.readings and r.readings[ind_id].number is not None
        ]
        after_year, after = later[-1] if later else (None, None)
        out.append(Evidence(case.slug, case.zone_id, ind_id, year - 1, before, after_year, after))
    return tuple(out)


def learning(catalog: Catalog, composite: Composite) -> Learning:
    """Every case's evidence, and each zone's lessons for its relative weaknesses (zones without a shown
    index have none: no weakness is known)."""
    evidence = tuple(e for case in catalog.cases for e in case_evidence(catalog, case))
    lessons = {}
    for zone_id in sorted(catalog.zones):
        score = composite.latest_for(zone_id)
        if score is None:
            continue
        lessons[zone_id] = tuple(
            Lesson(s, tuple(e for e in evidence if e.zone != zone_id and e.indicator == s.indicator and e.improved))
            for s in score.weaknesses
        )
    return Learning(evidence, lessons)
