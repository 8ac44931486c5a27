"""What every rule is handed (the `Context`: the folder, what was read, the problem log), and the dates
the rules and the analysis share (a report's deadline, the years a zone owes a report)."""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field
from typing import Any, Final, Literal, TypedDict, get_args

from generator.data.load import REFERENCE_LISTS, DataFolder, Document
from generator.data.models import (
    EVENT_KINDS,
    AnnualReport,
    Case,
    Evaluated,
    EvaluationResult,
    IndicatorSystem,
    RefItem,
    SiteConfig,
    Task,
    Zone,
    ZoneIndicators,
)
from generator.data.partial import Partial, Unsure
from generator.data.problems import Problem, ProblemLog
from generator.data.rules.codes import Coded, coded
from generator.data.rules.registry import Running

REFERENCE_NAMES = REFERENCE_LISTS  # one list: load places the files, validate requires them
CODE_DEFINED = {
    "event_kinds": set(EVENT_KINDS),
    "evaluation_results": set(get_args(EvaluationResult)),
}
GUIDELINE_START = dt.date(2023, 1, 1)
REPORT_DEADLINE = (1, 31)  # the annual report for year Y is due by 31 January of Y + 1
JUMP_FACTOR = 10


class ZoneModels(TypedDict):
    """What each file of a zone's folder was read as (validate.py): its model, the `Partial` record of a file
    that failed it, None when the file is missing or nothing of it can be read."""

    zone: Zone | Partial | None
    indicators: ZoneIndicators | Partial | None
    annual: dict[str, AnnualReport | Partial | None]  # by file stem
    cases: dict[str, Case | Partial | None]  # by file stem


class Unread(enum.Enum):
    """What stands for a fact that could not be read (its file failed its model)."""

    APPROVAL = "approval"  # the approval date, when the event that may hold it could not be read


_UNSURE: Final = Unread.APPROVAL
Approval = dt.date | None | Literal[Unread.APPROVAL]  # the approval date; None: not approved
_EVENT_RANK = {"applied": 0, "public_notice": 1, "approved": 2, "plan_revised": 3, "evaluated": 3}


def report_deadline(year: int) -> dt.date:
    """The annual report for `year` is due by this date (31 January of the next year)."""
    return dt.date(year + 1, *REPORT_DEADLINE)


def revocation_date(zone: Zone) -> dt.date | None:
    return next((e.date for e in zone.events if isinstance(e, Evaluated) and e.result == "revoked"), None)


def expected_report_years(approved: dt.date, period_end: int, revoked: dt.date | None) -> list[int]:
    """The years a zone owes an annual report for: from its approval year to the end of its construction
    period, except years that had not ended when it was revoked. The checker's missing-report notices and
    the site's reporting-status page (generator/analysis/reporting.py) both use this."""
    return [y for y in range(approved.year, period_end + 1) if revoked is None or dt.date(y, 12, 31) < revoked]


@dataclass
class Context:
    folder: DataFolder
    site: SiteConfig
    system: IndicatorSystem
    refs: dict[str, tuple[RefItem, ...]]
    tasks: tuple[Task, ...]
    log: ProblemLog
    partials: dict[str, Partial] = field(default_factory=dict)  # file path -> what was read of a failed file
    unsure_refs: dict[str, Unsure] = field(default_factory=dict)  # reference list -> ids that could not be read
    _coded: dict[int, tuple[Any, list[Coded]]] = field(default_factory=dict, repr=False)
    running: Running = field(default_factory=Running, repr=False)  # the rules running now (registry.py)

    def coded_of(self, items: Any) -> list[Coded]:
        """`coded(items)` (a list, or a mapping's values), made once per collection: a file may hold
        thousands of unknown codes."""
        hit = self._coded.get(id(items))
        if hit is None or hit[0] is not items:
            hit = (items, coded(items.values() if isinstance(items, dict) else items))
            self._coded[id(items)] = hit
        return hit[1]

    @property
    def as_of(self) -> dt.date | None:
        """The as-of date; None when site.yaml's could not be read (no rule then judges dates by it)."""
        as_of: dt.date | None = self.site.as_of
        return as_of

    def part(self, doc: Document | None) -> Partial | None:
        return self.partials.get(doc.path) if doc is not None else None

    def unsure(self, doc: Document | None, key: tuple[Any, ...]) -> bool:
        """Whether something at, above or below `key` was dropped from the file (a structural problem)."""
        part = self.part(doc)
        return part is not None and part.unsure(key)

    def absent_unsure(self, doc: Document | None, key: tuple[Any, ...]) -> bool:
        """Whether the field at `key` may be absent only because of the file's structural problem."""
        part = self.part(doc)
        return part is not None and part.absent_unsure(key)

    def report(self, doc: Document, key: tuple[Any, ...], code: str, zh: str, en: str, hint: str = "") -> None:
        part = self.part(doc)
        if part is not None:  # positions as the editor wrote them, dropped items included
            key = part.original(key)
        where = ""
        for step in key:
            where += f"[{step}]" if isinstance(step, int) else (f".{step}" if where else str(step))
        self.add(Problem(doc.path, doc.line_of(key), where, code, zh, en, hint))

    def add(self, problem: Problem) -> None:
        """Log a problem; its code must be one of the rule that is running (a bug in the generator if not)."""
        if not self.running.allows(problem.code):
            running = self.running.stack[-1].name if self.running.stack else "no rule"
            raise RuntimeError(f"{problem.code!r} reported by {running}, not by its own rule")
        self.log.add(problem)
