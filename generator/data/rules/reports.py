"""Annual reports: the file's year, the submission date, every value, jumps between years, reports missing."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from decimal import Decimal
from typing import Any, Literal

from generator.data.construct import Read, ValidReport
from generator.data.kinds import KINDS
from generator.data.load import Document, ZoneFiles
from generator.data.messages import editor_text
from generator.data.models import (
    AnnualReport,
    Indicator,
    Zone,
)
from generator.data.partial import Partial, Unsure
from generator.data.rules.context import (
    JUMP_FACTOR,
    Approval,
    Context,
    Unread,
    expected_report_years,
    report_deadline,
)
from generator.data.rules.names import _valid_file_id
from generator.data.rules.registry import rule
from generator.data.rules.system import missing_field
from generator.data.rules.values import _check_range, _unknown_indicator, invalid_value, value_not_number
from generator.data.types import is_written_number, parse_number
from generator.data.vocabulary import NOT_APPLICABLE, NOT_AVAILABLE

_MARKERS = {"not_available": NOT_AVAILABLE, "not_applicable": NOT_APPLICABLE}  # the markers a hint names

# --- annual reports ----------------------------------------------------------------------------


def _check_reports(
    ctx: Context,
    files: ZoneFiles,
    models: dict[str, AnnualReport | Partial | None],
    known: dict[str, Indicator],
    maybe: Unsure,
    approved: Approval,
    revoked: dt.date | None,
) -> tuple[dict[int, ValidReport], dict[int, ValidReport], Unsure]:
    """The reports to publish, every report read (files that failed their model included, for the rules
    between years and cases), and the indicators whose values could not be read somewhere."""
    reports: dict[int, ValidReport] = {}
    checked: dict[int, ValidReport] = {}
    unread = Unsure()
    for stem, model in sorted(models.items()):
        doc: Document = files.annual[stem]
        if model is None:
            unread = Unsure(every=True)
            continue
        part = model if isinstance(model, Partial) else None
        report: AnnualReport = model.value if isinstance(model, Partial) else model
        if part is not None:
            unread = unread | part.dropped_keys(("values",))
        if not _valid_file_id(ctx, doc, stem, r"(19|20|21)[0-9][0-9]"):
            continue
        year = int(stem)
        if report.year is not None and report.year != year:
            id_mismatch(ctx, doc, ("year",), "report-year", report.year, stem)
        if not _check_report_year(ctx, doc, year, report, approved, revoked):
            continue
        on_time = _check_submission(ctx, doc, year, report)
        read = _read_values(ctx, doc, report, known, maybe)
        checked[year] = ValidReport(year, doc.path, report, read, on_time)
        if part is None:
            reports[year] = checked[year]
    return reports, checked, unread


def _check_report_year(
    ctx: Context, doc: Document, year: int, report: AnnualReport, approved: Approval, revoked: dt.date | None
) -> bool:
    as_of = ctx.as_of
    if approved is Unread.APPROVAL or ctx.absent_unsure(doc, ("baseline",)):
        return True  # the approval or whether this is the baseline could not be read: the year is not judged
    refusal = report_year_refusal(year, approved, as_of, revoked, bool(report.baseline))
    if refusal is None:
        return True
    if refusal == "baseline-year" and approved is not None:
        baseline_year(ctx, doc, year, approved)
    elif refusal != "baseline-year":
        year_out_of_range(ctx, doc, (), refusal, year=year, approved=approved.year if approved else None, as_of=as_of,
                          revoked=revoked)  # fmt: skip
    return False


YearRefusal = Literal["not-approved", "baseline-year", "baseline-unmarked", "before-approval", "not-ended", "revoked"]


def report_year_refusal(
    year: int, approved: dt.date | None, as_of: dt.date | None, revoked: dt.date | None, baseline: bool
) -> YearRefusal | None:
    """Why a zone approved on `approved` (None: not approved) may not have an annual report for `year` (its
    baseline when `baseline`), or None: a baseline is the year before the approval; another report is of a
    year from the approval's, ended by the as-of date, before the zone was revoked. The checker (annual
    files) and the editors' tools (generator/editors/common.check_year: new-year, export-template,
    import-xlsx) both ask this."""
    if approved is None:
        return "not-approved"
    if baseline:
        return None if year == approved.year - 1 else "baseline-year"
    if year == approved.year - 1:
        return "baseline-unmarked"
    if year < approved.year:
        return "before-approval"
    if as_of is not None and dt.date(year, 12, 31) > as_of:
        return "not-ended"
    if revoked is not None and dt.date(year, 12, 31) >= revoked:
        return "revoked"
    return None


@rule("baseline-year")
def baseline_year(ctx: Context, doc: Document, year: int, approved: dt.date) -> bool:
    """The baseline is the year before the approval. True when reported."""
    if year == approved.year - 1:
        return False
    zh, en = editor_text("baseline-year", baseline=approved.year - 1, year=year)
    ctx.report(doc, ("baseline",), "baseline-year", zh, en)
    return True


_YEAR_OUT_OF_RANGE = {  # a situation -> the keys of its text and of its hint (messages.RULES_TEXTS)
    "period-start": ("year-out-of-range-period-start", None),
    "not-approved": ("year-out-of-range-not-approved", "year-out-of-range-not-approved-hint"),
    "baseline-unmarked": ("year-out-of-range-baseline-unmarked", "year-out-of-range-baseline-unmarked-hint"),
    "before-approval": ("year-out-of-range-before-approval", None),
    "not-ended": ("year-out-of-range-not-ended", "year-out-of-range-not-ended-hint"),
    "revoked": ("year-out-of-range-revoked", None),
}


@rule("year-out-of-range")
def year_out_of_range(
    ctx: Context,
    doc: Document,
    key: tuple[Any, ...],
    what: Literal["period-start", "not-approved", "baseline-unmarked", "before-approval", "not-ended", "revoked"],
    **fields: object,
) -> None:
    """A year outside the zone's life: a construction period starting before the approval year; an annual
    report of a zone not approved, of a year before the approval (the year before it: a baseline not marked),
    not ended by the as-of date, or after the zone was revoked."""
    zh, en = year_out_of_range_text(what, **fields)
    hint = _YEAR_OUT_OF_RANGE[what][1]
    ctx.report(doc, key, "year-out-of-range", zh, en, editor_text(hint)[0] if hint else "")


def year_out_of_range_text(what: str, **fields: object) -> tuple[str, str]:
    """What year-out-of-range says (Chinese, English), for `what` (a key of its table) and its fields."""
    return editor_text(_YEAR_OUT_OF_RANGE[what][0], **fields)


_AFTER_AS_OF = {  # what is dated -> the key of its text (messages.RULES_TEXTS)
    "event": "date-after-as-of-event",
    "case": "date-after-as-of-case",
    "submitted": "date-after-as-of-submitted",
}


@rule("date-after-as-of")
def after_as_of(
    ctx: Context, doc: Document, key: tuple[Any, ...], what: Literal["event", "case", "submitted"], when: dt.date | int
) -> bool:
    """A date (a case: a year) after the data's as-of date, which no rule judges while it is unknown. True
    when reported."""
    as_of = ctx.as_of
    if as_of is None or not (when > as_of.year if isinstance(when, int) else when > as_of):
        return False
    zh, en = editor_text(_AFTER_AS_OF[what], when=when, as_of=as_of)
    ctx.report(doc, key, "date-after-as-of", zh, en)
    return True


_ID_MISMATCH = {  # a situation -> the keys of its text and of its hint (messages.RULES_TEXTS)
    "report-year": ("id-mismatch-report-year", "id-mismatch-report-year-hint"),
    "case-zone": ("id-mismatch-case-zone", "id-mismatch-case-zone-hint"),
}


@rule("id-mismatch")
def id_mismatch(
    ctx: Context, doc: Document, key: tuple[Any, ...], what: Literal["report-year", "case-zone"], value: object,
    where: str
) -> None:  # fmt: skip
    """What a file says of itself disagrees with where it is: a report's year with its file name, a case's
    zone with its folder."""
    text, hint = _ID_MISMATCH[what]
    zh, en = editor_text(text, value=value, where=where, quoted=repr(value), where_quoted=repr(where))
    ctx.report(doc, key, "id-mismatch", zh, en, editor_text(hint)[0])


def _submitted_after_as_of(ctx: Context, doc: Document, submitted: dt.date) -> bool:
    """A submission date after the data's as-of date is reported (and nothing else is judged of it)."""
    return after_as_of(ctx, doc, ("submitted",), "submitted", submitted)


@rule("report-date", "report-late")
def _check_submission(ctx: Context, doc: Document, year: int, report: AnnualReport) -> bool | None:
    submitted = report.submitted
    if ctx.absent_unsure(doc, ("baseline",)):  # whether it is the baseline could not be read
        if submitted is not None:
            _submitted_after_as_of(ctx, doc, submitted)
        return None
    if submitted is None:
        if not report.baseline:
            missing_field(ctx, doc, ("submitted",), "submitted")
        return None
    if _submitted_after_as_of(ctx, doc, submitted):
        return None
    if not report.baseline and submitted <= dt.date(year, 12, 31):
        zh, en = editor_text("report-date", submitted=submitted, year=year)
        ctx.report(doc, ("submitted",), "report-date", zh, en, editor_text("report-date-hint")[0])
        return None
    deadline = report_deadline(year)
    if not report.baseline and submitted > deadline:
        zh, en = editor_text("report-late", year=year, submitted=submitted, deadline=deadline)
        ctx.report(doc, ("submitted",), "report-late", zh, en)
        return False
    return True if not report.baseline else None


@rule("missing-value")
def _read_values(
    ctx: Context, doc: Document, report: AnnualReport, known: dict[str, Indicator], maybe: Unsure
) -> dict[str, Read]:
    readings: dict[str, Read] = {}
    for ind_id, entry in report.values.items():
        key = ("values", ind_id)
        ind = known.get(ind_id)
        if ind is None:
            if ind_id not in maybe:
                _unknown_indicator(ctx, doc, key, ind_id, known)
            continue
        if entry.value is not None and entry.marker is not None:
            invalid_value(ctx, doc, key, "value-and-marker")
            continue
        if entry.value is None and entry.marker is None:
            if ctx.unsure(doc, key):  # its value or marker could not be read: already reported
                continue
            zh, en = editor_text("missing-value-empty", name=ind.name, id=ind_id)
            ctx.report(doc, key, "missing-value", zh, en, editor_text("missing-value-empty-hint", **_MARKERS)[0])
            continue
        reading = _read_one(ctx, doc, key, ind, entry.value, entry.marker)
        if reading is not None:
            readings[ind_id] = reading
    for ind_id, ind in known.items():
        if ind_id not in report.values and not ctx.absent_unsure(doc, ("values", ind_id)):
            zh, en = editor_text("missing-value", name=ind.name, id=ind_id)
            ctx.report(
                doc, ("values",), "missing-value", zh, en, editor_text("missing-value-hint", id=ind_id, **_MARKERS)[0]
            )
    return readings


@rule("markup-in-text", "value-not-text")
def _read_one(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, value: str | None, marker: str | None
) -> tuple[Decimal | None, str | None] | None:
    if marker is not None or value is None:
        return None, None
    number = parse_number(value.strip())
    if not KINDS[ind.kind].numeric:
        control = next((i for i, c in enumerate(value) if unicodedata.category(c) == "Cc" and c not in "\n\t"), None)
        if control is not None:  # shown as text and written into the Excel workbook, which refuses them
            zh, en = editor_text("char-control", code=f"U+{ord(value[control]):04X}", at=control + 1)
            ctx.report(doc, key, "markup-in-text", zh, en, editor_text("char-control-hint")[0])
            return None
        if is_written_number(value):
            zh, en = editor_text("value-not-text", name=ind.name, id=ind.id)
            ctx.report(doc, key, "value-not-text", zh, en)
            return None
        return None, value
    if number is None:
        value_not_number(ctx, doc, key, "not-a-number", ind, value)
        return None
    _check_range(ctx, doc, key, ind, number)
    return number, value.strip()


def tenfold_jump(before: Decimal, after: Decimal) -> bool:
    """Whether a value moved more than JUMP_FACTOR-fold, up or down, between two readings. Only between
    positive values: a zero has no ratio, a negative value is its own error. The checker's implausible-jump
    (year to year) and `diff`'s ⚠ (generator/diff.py: a value changed, or a new year against the year before)
    both ask this."""
    return before > 0 and after > 0 and (after / before > JUMP_FACTOR or before / after > JUMP_FACTOR)


@rule("implausible-jump")
def _check_jumps(ctx: Context, files: ZoneFiles, reports: dict[int, ValidReport], known: dict[str, Indicator]) -> None:
    years = sorted(reports)
    for before, after in itertools.pairwise(years):
        if after != before + 1:
            continue
        for ind_id, (number, _text) in reports[after].read.items():
            old = reports[before].read.get(ind_id)
            if number is None or old is None or old[0] is None:
                continue
            a, b = old[0], number
            if tenfold_jump(a, b):
                doc = files.annual[str(after)]
                zh, en = editor_text("implausible-jump", name=known[ind_id].name, id=ind_id, before=before, old=a,
                                     new=b, factor=JUMP_FACTOR)  # fmt: skip
                ctx.report(doc, ("values", ind_id), "implausible-jump", zh, en, editor_text("implausible-jump-hint")[0])


@rule("report-missing")
def _notice_missing_reports(
    ctx: Context,
    doc: Document,
    files: ZoneFiles,
    zone: Zone,
    reports: dict[int, ValidReport],
    approved: dt.date | None,
    revoked: dt.date | None,
    status: str,
) -> None:
    """Reports whose deadline has passed by the as-of date and that are not in the data (a fact, not a defect)."""
    if approved is None:
        return
    as_of = ctx.site.as_of
    baseline_year = approved.year - 1
    if str(baseline_year) not in files.annual:
        zh, en = editor_text("report-missing-baseline", year=baseline_year)
        hint = editor_text("report-missing-baseline-hint", year=baseline_year)[0]
        ctx.report(doc, ("events",), "report-missing", zh, en, hint)
    for year in expected_report_years(approved, zone.period.end, revoked):
        deadline = report_deadline(year)
        if deadline >= as_of:
            continue
        if str(year) not in files.annual:
            zh, en = editor_text("report-missing", year=year, deadline=deadline)
            hint = editor_text("report-missing-hint", year=year)[0]
            ctx.report(doc, ("events",), "report-missing", zh, en, hint)
