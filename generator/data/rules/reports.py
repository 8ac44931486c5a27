"""Annual reports: the file's year, the submission date, every value, jumps between years, reports missing."""

from __future__ import annotations

import datetime as dt
import itertools
import unicodedata
from decimal import Decimal
from typing import Any

from generator.data.catalog import (
    Reading,
    ReportRecord,
)
from generator.data.load import Document
from generator.data.messages import editor_text
from generator.data.models import (
    AnnualReport,
    Indicator,
    Zone,
)
from generator.data.partial import Partial, Unsure
from generator.data.rules.context import _UNSURE, JUMP_FACTOR, Context, expected_report_years, report_deadline
from generator.data.rules.names import _valid_file_id
from generator.data.rules.values import _check_range, _unknown_indicator
from generator.data.types import number_hint, parse_number

# --- annual reports ----------------------------------------------------------------------------


def _check_reports(
    ctx: Context,
    files: Any,
    models: dict[str, Any],
    known: dict[str, Indicator],
    maybe: Unsure,
    approved: dt.date | None,
    revoked: dt.date | None,
) -> tuple[dict[int, ReportRecord], dict[int, ReportRecord], Unsure]:
    """The reports to publish, every report read (files that failed their model included, for the rules
    between years and cases), and the indicators whose values could not be read somewhere."""
    reports: dict[int, ReportRecord] = {}
    checked: dict[int, ReportRecord] = {}
    unread = Unsure()
    for stem, model in sorted(models.items()):
        doc: Document = files.annual[stem]
        if model is None:
            unread = Unsure(every=True)
            continue
        part = model if isinstance(model, Partial) else None
        report: AnnualReport = part.value if part else model
        if part is not None:
            unread = unread | part.dropped_keys(("values",))
        if not _valid_file_id(ctx, doc, stem, r"(19|20|21)[0-9][0-9]"):
            continue
        year = int(stem)
        if report.year is not None and report.year != year:
            ctx.report(
                doc,
                ("year",),
                "id-mismatch",
                f"文件内年份 {report.year} 与文件名 {stem} 不一致",
                f"year {report.year} disagrees with the file name {stem}",
                "删除 year 字段，或改为与文件名一致。",
            )
        if not _check_report_year(ctx, doc, year, report, approved, revoked):
            continue
        on_time = _check_submission(ctx, doc, year, report)
        readings = _read_values(ctx, doc, report, known, maybe)
        checked[year] = ReportRecord(files.id, year, doc.path, report, readings, on_time)
        if part is None:
            reports[year] = checked[year]
    return reports, checked, unread


def _check_report_year(
    ctx: Context, doc: Document, year: int, report: AnnualReport, approved: dt.date | None, revoked: dt.date | None
) -> bool:
    as_of = ctx.as_of
    if approved is _UNSURE or ctx.absent_unsure(doc, ("baseline",)):
        return True  # the approval or whether this is the baseline could not be read: the year is not judged
    if approved is None:
        ctx.report(
            doc,
            (),
            "year-out-of-range",
            "示范区尚未批复建设，不能有年度数据",
            "the zone is not approved; it cannot have annual reports",
            "先在 zone.yaml 中记录批复建设（approved）事件。",
        )
        return False
    if report.baseline:
        if year != approved.year - 1:
            ctx.report(
                doc,
                ("baseline",),
                "baseline-year",
                f"基期应为批复前一年 {approved.year - 1}，不是 {year}",
                f"the baseline must be {approved.year - 1}, the year before approval, not {year}",
            )
            return False
        return True
    if year == approved.year - 1:
        ctx.report(
            doc,
            (),
            "year-out-of-range",
            f"{year} 年早于批复年份 {approved.year}",
            f"{year} is before the approval year {approved.year}",
            "批复前一年的数据是基期数据，请加上 baseline: true。",
        )
        return False
    if year < approved.year:
        ctx.report(
            doc,
            (),
            "year-out-of-range",
            f"{year} 年早于批复年份 {approved.year}",
            f"{year} is before the approval year {approved.year}",
        )
        return False
    if as_of is not None and dt.date(year, 12, 31) > as_of:
        ctx.report(
            doc,
            (),
            "year-out-of-range",
            f"{year} 年在数据截止日期 {as_of} 时尚未结束",
            f"year {year} has not ended by the as-of date {as_of}",
            "年度数据只能在该年度结束后填写。",
        )
        return False
    if revoked is not None and dt.date(year, 12, 31) >= revoked:
        ctx.report(
            doc,
            (),
            "year-out-of-range",
            f"示范区已于 {revoked} 撤销，不能有 {year} 年数据",
            f"the zone was revoked on {revoked}; no report for {year}",
        )
        return False
    return True


def _submitted_after_as_of(ctx: Context, doc: Document, submitted: dt.date) -> bool:
    """A submission date after the data's as-of date is reported (and nothing else is judged of it)."""
    as_of = ctx.as_of
    if as_of is None or submitted <= as_of:
        return False
    ctx.report(
        doc,
        ("submitted",),
        "date-after-as-of",
        f"报送日期 {submitted} 晚于数据截止日期 {as_of}",
        f"submitted {submitted}, after the as-of date {as_of}",
    )
    return True


def _check_submission(ctx: Context, doc: Document, year: int, report: AnnualReport) -> bool | None:
    submitted = report.submitted
    if ctx.absent_unsure(doc, ("baseline",)):  # whether it is the baseline could not be read
        if submitted is not None:
            _submitted_after_as_of(ctx, doc, submitted)
        return None
    if submitted is None:
        if not report.baseline and not ctx.absent_unsure(doc, ("submitted",)):
            ctx.report(
                doc,
                ("submitted",),
                "missing-field",
                "缺少报送日期 submitted",
                "submission date missing",
                "写上年度建设报告的报送日期，如 submitted: 2025-01-20。",
            )
        return None
    if _submitted_after_as_of(ctx, doc, submitted):
        return None
    if not report.baseline and submitted <= dt.date(year, 12, 31):
        ctx.report(
            doc,
            ("submitted",),
            "report-date",
            f"报送日期 {submitted} 早于 {year} 年结束",
            f"submitted {submitted}, before the year {year} ended",
            "年度报告在次年报送，检查年份。",
        )
        return None
    deadline = report_deadline(year)
    if not report.baseline and submitted > deadline:
        ctx.report(
            doc,
            ("submitted",),
            "report-late",
            f"{year} 年度报告于 {submitted} 报送，晚于 {deadline}",
            f"the {year} report was submitted on {submitted}, after {deadline}",
        )
        return False
    return True if not report.baseline else None


def _read_values(
    ctx: Context, doc: Document, report: AnnualReport, known: dict[str, Indicator], maybe: Unsure
) -> dict[str, Reading]:
    readings: dict[str, Reading] = {}
    for ind_id, entry in report.values.items():
        key = ("values", ind_id)
        ind = known.get(ind_id)
        if ind is None:
            if ind_id not in maybe:
                _unknown_indicator(ctx, doc, key, ind_id, known)
            continue
        if entry.value is not None and entry.marker is not None:
            ctx.report(
                doc,
                key,
                "invalid-value",
                "不能同时填写数值和标注（暂无/不适用）",
                "both a value and a marker",
                "保留其中一个。",
            )
            continue
        if entry.value is None and entry.marker is None:
            if ctx.unsure(doc, key):  # its value or marker could not be read: already reported
                continue
            ctx.report(
                doc,
                key,
                "missing-value",
                f"“{ind.name}”既没有数值也没有标注",
                f"{ind_id} has neither value nor marker",
                "填写数值；没有数据写“暂无”，不适用写“不适用”。",
            )
            continue
        reading = _read_one(ctx, doc, key, ind, entry.value, entry.marker)
        if reading is not None:
            readings[ind_id] = Reading(ind_id, reading[0], reading[1], entry.marker, entry.note, entry.source)
    for ind_id, ind in known.items():
        if ind_id not in report.values and not ctx.absent_unsure(doc, ("values", ind_id)):
            ctx.report(
                doc,
                ("values",),
                "missing-value",
                f"缺少指标“{ind.name}”（{ind_id}）",
                f"indicator {ind_id} is missing",
                f"补上“{ind_id}: 数值”；没有数据写“暂无”，不适用写“不适用”。",
            )
    return readings


def _read_one(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, value: str | None, marker: str | None
) -> tuple[Decimal | None, str | None] | None:
    if marker is not None or value is None:
        return None, None
    number = parse_number(value.strip())
    if ind.kind == "text":
        control = next((i for i, c in enumerate(value) if unicodedata.category(c) == "Cc" and c not in "\n\t"), None)
        if control is not None:  # shown as text and written into the Excel workbook, which refuses them
            zh, en = editor_text("char-control", code=f"U+{ord(value[control]):04X}", at=control + 1)
            ctx.report(doc, key, "markup-in-text", zh, en, editor_text("char-control-hint")[0])
            return None
        if number is not None:
            ctx.report(
                doc,
                key,
                "value-not-text",
                f"“{ind.name}”是定性指标，应写文字说明，不是数字",
                f"{ind.id} is qualitative: text expected, got a number",
            )
            return None
        return None, value
    if number is None:
        ctx.report(
            doc,
            key,
            "value-not-number",
            f"“{ind.name}”应填写数字，实际为“{value[:40]}”",
            f"{ind.id} takes a number, got {value[:40]!r}",
            number_hint(value),
        )
        return None
    _check_range(ctx, doc, key, ind, number)
    return number, value.strip()


def _check_jumps(ctx: Context, files: Any, reports: dict[int, ReportRecord], known: dict[str, Indicator]) -> None:
    years = sorted(reports)
    for before, after in itertools.pairwise(years):
        if after != before + 1:
            continue
        for ind_id, reading in reports[after].readings.items():
            old = reports[before].readings.get(ind_id)
            if reading.number is None or old is None or old.number is None:
                continue
            a, b = old.number, reading.number
            if a > 0 and b > 0 and (b / a > JUMP_FACTOR or a / b > JUMP_FACTOR):
                doc = files.annual[str(after)]
                ctx.report(
                    doc,
                    ("values", ind_id),
                    "implausible-jump",
                    f"“{known[ind_id].name}”从 {before} 年的 {a} 变为 {b}，变化超过 {JUMP_FACTOR} 倍",
                    f"{ind_id} went from {a} in {before} to {b}: more than {JUMP_FACTOR}x",
                    "核对数值和单位（万元与亿元、百分数与小数）；如确实如此，在 note 中说明原因。",
                )


def _notice_missing_reports(
    ctx: Context,
    doc: Document,
    files: Any,
    zone: Zone,
    reports: dict[int, ReportRecord],
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
        ctx.report(
            doc,
            ("events",),
            "report-missing",
            f"尚无基期（{baseline_year} 年）数据",
            f"no baseline ({baseline_year}) data yet",
            f"新增 annual/{baseline_year}.yaml 并标注 baseline: true。",
        )
    for year in expected_report_years(approved, zone.period.end, revoked):
        deadline = report_deadline(year)
        if deadline >= as_of:
            continue
        if str(year) not in files.annual:
            ctx.report(
                doc,
                ("events",),
                "report-missing",
                f"{year} 年度报告应于 {deadline} 前报送，尚无数据",
                f"the {year} report was due by {deadline} and is not in the data",
                f"报送后新增 annual/{year}.yaml。",
            )
