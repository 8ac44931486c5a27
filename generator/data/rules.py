"""Rules between records: references, ids, the zone's life, the years, the values by indicator kind.

Runs after every file passed (or failed) its own model; works on what passed, and builds the catalog.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.data.catalog import (
    CaseRecord,
    Catalog,
    Reading,
    ReportRecord,
    ZoneRecord,
    derive_status,
)
from generator.data.load import REFERENCE_LISTS, DataFolder, Document
from generator.data.messages import editor_text
from generator.data.models import (
    EVENT_KINDS,
    AnnualReport,
    Case,
    Evaluated,
    Indicator,
    IndicatorSystem,
    RefItem,
    SiteConfig,
    Task,
    Zone,
    ZoneIndicators,
)
from generator.data.problems import Problem, ProblemLog
from generator.data.types import number_hint, parse_number

REFERENCE_NAMES = REFERENCE_LISTS  # one list: load places the files, validate requires them
CODE_DEFINED = {
    "event_kinds": set(EVENT_KINDS),
    "evaluation_results": {"confirmed", "rectification", "revoked", "further_support"},
}
GUIDELINE_START = dt.date(2023, 1, 1)
REPORT_DEADLINE = (1, 31)  # the annual report for year Y is due by 31 January of Y + 1
JUMP_FACTOR = 10
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

    def report(self, doc: Document, key: tuple[Any, ...], code: str, zh: str, en: str, hint: str = "") -> None:
        field = ""
        for part in key:
            field += f"[{part}]" if isinstance(part, int) else (f".{part}" if field else str(part))
        self.log.add(Problem(doc.path, doc.line_of(key), field, code, zh, en, hint))

    def ref(self, doc: Document, key: tuple[Any, ...], list_name: str, value: str) -> None:
        ids = [item.id for item in self.refs[list_name]]
        if value not in ids:
            close = difflib.get_close_matches(value, ids, n=1, cutoff=0.6)
            hint = f"是否应为 {close[0]}？" if close else "可选：" + "、".join(ids[:20])
            self.report(
                doc, key, "unknown-reference", f"{list_name} 中没有“{value}”", f"{value!r} is not in {list_name}", hint
            )


# Windows reserves these file names in any case: a folder or file so named cannot be checked out there.
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
PLACEHOLDER = "【待填写】"  # what the scaffolds (generator/editors) leave for the editor to replace


def check_catalog(ctx: Context, zone_models: dict[str, dict[str, Any]]) -> Catalog:
    _check_placeholders(ctx)
    _check_references(ctx)
    indicators = _check_indicator_system(ctx)
    zones: dict[str, ZoneRecord] = {}
    cases: list[CaseRecord] = []
    seen_slugs: dict[str, str] = {}
    for zone_id, models in zone_models.items():
        files = ctx.folder.zones[zone_id]
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", zone_id) or len(zone_id) > 64 or zone_id in RESERVED:
            ctx.log.add(
                Problem(
                    files.folder,
                    0,
                    "",
                    "invalid-id",
                    f"示范区文件夹名“{zone_id}”不符合编号规则",
                    f"zone folder name {zone_id!r} is not a valid id",
                    "文件夹名只能用小写英文字母、数字和连字符，如 nanning-hitech。",
                )
            )
            continue
        if models["zone"] is None or files.zone is None:
            _check_orphan_files(ctx, files, models, indicators)
            continue
        record = _check_zone(ctx, zone_id, files, models, indicators)
        zones[zone_id] = record
        for slug, case in sorted(models["cases"].items()):
            doc = files.cases[slug]
            if case is None or not _valid_file_id(ctx, doc, slug):
                continue
            if slug in seen_slugs:
                ctx.report(
                    doc,
                    (),
                    "duplicate-id",
                    f"案例编号“{slug}”已在 {seen_slugs[slug]} 中使用",
                    f"case id {slug!r} already used in {seen_slugs[slug]}",
                    "案例文件名在全站必须唯一，请改名。",
                )
                continue
            seen_slugs[slug] = doc.path
            if _check_case(ctx, doc, zone_id, case, record):
                cases.append(CaseRecord(slug, zone_id, doc.path, case))
        _notice_unused_images(ctx, files, models["cases"])
    return Catalog(
        site=ctx.site,
        categories=tuple(ctx.system.categories),
        indicators=tuple(ctx.system.indicators),
        indicator_source=ctx.system.source,
        references=ctx.refs,
        tasks=ctx.tasks,
        zones=zones,
        cases=tuple(sorted(cases, key=lambda c: (-c.case.year, c.zone_id, c.slug))),
        data_dir=ctx.folder.display_root,
    )


def _check_placeholders(ctx: Context) -> None:
    """A scaffolded file still holding 【待填写】 must not be published as if it were filled in."""

    def walk(doc: Document, node: Any, key: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(doc, v, (*key, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(doc, v, (*key, i))
        elif isinstance(node, str) and PLACEHOLDER in node:
            ctx.report(doc, key, "placeholder-text", f"“{node.strip()[:40]}”中还有{PLACEHOLDER}",
                       f"{PLACEHOLDER} is still in {node.strip()[:40]!r}")  # fmt: skip

    for doc in ctx.folder.documents():
        walk(doc, doc.data, ())


# --- reference lists and the indicator system ------------------------------------------------


def _check_references(ctx: Context) -> None:
    for name, items in ctx.refs.items():
        doc = ctx.folder.references[name]
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                ctx.report(doc, (i, "id"), "duplicate-id", f"编号“{item.id}”重复", f"duplicate id {item.id!r}")
            seen.add(item.id)
        if name in CODE_DEFINED and seen != CODE_DEFINED[name]:
            expected = "、".join(sorted(CODE_DEFINED[name]))
            ctx.report(
                doc,
                (),
                "reference-mismatch",
                f"{name} 的编号必须正好是：{expected}",
                f"{name} must list exactly: {expected}",
                "只能修改名称，不能增删或改动编号。",
            )
    numbers = sorted(task.number for task in ctx.tasks)
    if numbers != list(range(1, 8)):
        ctx.report(
            ctx.folder.references["tasks"],
            (),
            "reference-mismatch",
            "主要任务必须正好是序号 1—7 的七项",
            "the main tasks must be exactly numbers 1–7",
        )


def _check_indicator_system(ctx: Context) -> dict[str, Indicator]:
    doc = ctx.folder.indicator_system
    assert doc is not None
    categories = {c.id for c in ctx.system.categories}
    out: dict[str, Indicator] = {}
    numbers: set[int] = set()
    for i, ind in enumerate(ctx.system.indicators):
        _check_indicator(ctx, doc, ("indicators", i), ind, categories)
        if ind.id in out:
            ctx.report(
                doc, ("indicators", i, "id"), "duplicate-id", f"指标编号“{ind.id}”重复", f"duplicate id {ind.id!r}"
            )
        if ind.number is not None and ind.number in numbers:
            ctx.report(
                doc,
                ("indicators", i, "number"),
                "duplicate-id",
                f"序号 {ind.number} 重复",
                f"duplicate number {ind.number}",
            )
        out.setdefault(ind.id, ind)
        if ind.number is not None:
            numbers.add(ind.number)
    return out


def _check_indicator(ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, categories: set[str]) -> None:
    if ind.category not in categories:
        ctx.report(
            doc,
            (*key, "category"),
            "unknown-reference",
            f"没有编号为“{ind.category}”的一级指标",
            f"no category {ind.category!r}",
            "可选：" + "、".join(sorted(categories)),
        )
    if ind.summable and ind.kind not in ("count", "amount"):
        ctx.report(
            doc,
            (*key, "summable"),
            "not-summable",
            f"{ind.kind} 类指标不能跨区加总",
            f"{ind.kind} indicators cannot be summed",
            "把 summable 改为 false。",
        )
    if ind.kind != "text" and ind.unit is None:
        ctx.report(
            doc, (*key, "unit"), "missing-field", "数量型指标必须写计量单位", "a quantitative indicator needs a unit"
        )


# --- a zone ----------------------------------------------------------------------------------


def _check_zone(
    ctx: Context, zone_id: str, files: Any, models: dict[str, Any], system: dict[str, Indicator]
) -> ZoneRecord:
    zone: Zone = models["zone"]
    doc: Document = files.zone
    ctx.ref(doc, ("level",), "zone_levels", zone.level)
    ctx.ref(doc, ("city",), "cities", zone.city)
    for i, park in enumerate(zone.parks):
        ctx.ref(doc, ("parks", i, "kind"), "park_kinds", park.kind)
        ctx.ref(doc, ("parks", i, "level"), "park_levels", park.level)
    own = _check_own_indicators(ctx, files, models["indicators"], system)
    known = {**system, **{ind.id: ind for ind in own}}
    approved = _check_events(ctx, doc, zone)
    period = zone.period
    if period.end < period.start:
        ctx.report(
            doc, ("period", "end"), "invalid-value", "建设期结束年份早于起始年份", "period ends before it starts"
        )
    elif not 2 <= period.end - period.start + 1 <= 3:
        ctx.report(
            doc,
            ("period",),
            "period-length",
            f"建设期为 {period.end - period.start + 1} 年",
            f"construction period of {period.end - period.start + 1} years",
            "指引规定建设时间原则上为 2—3 年。",
        )
    if approved and period.start < approved.year:
        ctx.report(
            doc,
            ("period", "start"),
            "year-out-of-range",
            f"建设期起始年份早于批复年份 {approved.year}",
            f"period starts before the approval year {approved.year}",
        )
    _check_targets(ctx, doc, ("targets",), zone.targets, known)
    for i, event in enumerate(zone.events):
        if event.kind == "plan_revised":
            _check_targets(ctx, doc, ("events", i, "targets"), event.targets, known)
    status = derive_status(tuple(zone.events), period.end, ctx.site.as_of)
    revoked = revocation_date(zone)
    reports = _check_reports(ctx, files, models["annual"], known, approved, revoked)
    _check_jumps(ctx, files, reports, known)
    _notice_missing_reports(ctx, doc, files, zone, reports, approved, revoked, status)
    return ZoneRecord(zone_id, doc.path, zone, own, reports, status, approved, dict(sorted(files.images.items())))


def _check_own_indicators(
    ctx: Context, files: Any, model: ZoneIndicators | None, system: dict[str, Indicator]
) -> tuple[Indicator, ...]:
    if model is None:
        return ()
    doc = files.indicators
    categories = {c.id for c in ctx.system.categories}
    own: list[Indicator] = []
    for i, ind in enumerate(model.indicators):
        _check_indicator(ctx, doc, ("indicators", i), ind, categories)
        if ind.id in system or ind.id in {o.id for o in own}:
            ctx.report(
                doc,
                ("indicators", i, "id"),
                "duplicate-id",
                f"指标编号“{ind.id}”已被使用",
                f"indicator id {ind.id!r} already used",
                "自设指标请用新的编号，不要与指标体系中的编号相同。",
            )
            continue
        own.append(ind)
    return tuple(own)


def _check_events(ctx: Context, doc: Document, zone: Zone) -> dt.date | None:
    """Order, dates and uniqueness of lifecycle events; returns the approval date, if any."""
    last_rank, last_date, approved = -1, None, None
    seen: set[str] = set()
    ended = False
    for i, event in enumerate(zone.events):
        key = ("events", i)
        if event.date > ctx.site.as_of:
            ctx.report(
                doc,
                (*key, "date"),
                "date-after-as-of",
                f"事件日期 {event.date} 晚于数据截止日期 {ctx.site.as_of}",
                f"event date {event.date} is after the as-of date {ctx.site.as_of}",
            )
        rank = _EVENT_RANK[event.kind]
        problem = ""
        if ended:
            problem = "示范区已撤销，之后不能再有事件"
        elif event.kind in seen and rank < 3:
            problem = f"“{event.kind}”事件只能有一个"
        elif rank < last_rank:
            problem = f"“{event.kind}”不能排在前一个事件之后"
        elif rank == 3 and approved is None:
            problem = f"“{event.kind}”必须在批复建设（approved）之后"
        elif last_date and event.date < last_date:
            problem = f"日期 {event.date} 早于前一个事件的 {last_date}"
        if problem:
            ctx.report(
                doc,
                key,
                "event-order",
                problem,
                "lifecycle events out of order",
                "按时间先后排列：申报 → 公示 → 批复建设 → 方案修订/评估。",
            )
        seen.add(event.kind)
        last_rank, last_date = max(rank, last_rank), max(event.date, last_date or event.date)
        if event.kind == "approved":
            approved = approved or event.date
            if event.date < GUIDELINE_START:
                ctx.report(
                    doc,
                    (*key, "date"),
                    "approved-before-guideline",
                    f"批复日期 {event.date} 早于 2023 年",
                    f"approved on {event.date}, before 2023",
                    "本指引 2023 年起施行。",
                )
        if isinstance(event, Evaluated) and event.result == "revoked":
            ended = True
    return approved


def _check_targets(
    ctx: Context, doc: Document, key: tuple[Any, ...], targets: dict[str, Decimal], known: dict[str, Indicator]
) -> None:
    for ind_id, value in targets.items():
        ind = known.get(ind_id)
        if ind is None:
            _unknown_indicator(ctx, doc, (*key, ind_id), ind_id, known)
        elif ind.kind == "text":
            ctx.report(
                doc,
                (*key, ind_id),
                "value-not-number",
                f"定性指标“{ind.name}”不能设数值目标",
                f"qualitative indicator {ind_id} cannot have a numeric target",
            )
        else:
            _check_range(ctx, doc, (*key, ind_id), ind, value)


def _unknown_indicator(ctx: Context, doc: Document, key: tuple[Any, ...], ind_id: str, known: Iterable[str]) -> None:
    close = difflib.get_close_matches(ind_id, list(known), n=1, cutoff=0.6)
    hint = f"是否应为 {close[0]}？" if close else "全部指标见 indicator_system.yaml 和本示范区的 indicators.yaml。"
    ctx.report(doc, key, "unknown-indicator", f"没有编号为“{ind_id}”的指标", f"no indicator {ind_id!r}", hint)


def _check_range(ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, value: Decimal) -> None:
    if ind.kind == "count" and value != value.to_integral_value():
        ctx.report(
            doc,
            key,
            "value-not-number",
            f"“{ind.name}”是数量，应为整数（{value}）",
            f"{ind.id} is a count: a whole number expected, got {value}",
            "数量类指标只写整数。",
        )
    elif value < 0:
        ctx.report(doc, key, "negative-value", f"“{ind.name}”不能为负数（{value}）", f"{ind.id} cannot be negative")
    elif ind.kind == "percent" and value > 100:
        ctx.report(
            doc,
            key,
            "percent-out-of-range",
            f"“{ind.name}”是百分比，{value} 超过 100",
            f"{ind.id} is a percentage; {value} exceeds 100",
            "35% 写成 35。",
        )


# --- annual reports ----------------------------------------------------------------------------


def _valid_file_id(ctx: Context, doc: Document, stem: str, pattern: str = r"[a-z0-9]+(-[a-z0-9]+)*") -> bool:
    if re.fullmatch(pattern, stem) and len(stem) <= 64 and stem not in RESERVED:
        return True
    ctx.log.add(
        Problem(
            doc.path,
            0,
            "",
            "invalid-id",
            f"文件名“{stem}”不符合规则",
            f"invalid file name {stem!r}",
            "年度数据文件名为四位年份（如 2024.yaml）；案例文件名只用小写英文字母、数字和连字符。",
        )
    )
    return False


def _check_reports(
    ctx: Context,
    files: Any,
    models: dict[str, AnnualReport | None],
    known: dict[str, Indicator],
    approved: dt.date | None,
    revoked: dt.date | None,
) -> dict[int, ReportRecord]:
    reports: dict[int, ReportRecord] = {}
    for stem, report in sorted(models.items()):
        doc: Document = files.annual[stem]
        if report is None or not _valid_file_id(ctx, doc, stem, r"(19|20|21)[0-9][0-9]"):
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
        readings = _read_values(ctx, doc, report, known)
        reports[year] = ReportRecord(files.id, year, doc.path, report, readings, on_time)
    return reports


def _check_report_year(
    ctx: Context, doc: Document, year: int, report: AnnualReport, approved: dt.date | None, revoked: dt.date | None
) -> bool:
    as_of = ctx.site.as_of
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
    if dt.date(year, 12, 31) > as_of:
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


def _check_submission(ctx: Context, doc: Document, year: int, report: AnnualReport) -> bool | None:
    submitted = report.submitted
    if submitted is None:
        if not report.baseline:
            ctx.report(
                doc,
                ("submitted",),
                "missing-field",
                "缺少报送日期 submitted",
                "submission date missing",
                "写上年度建设报告的报送日期，如 submitted: 2025-01-20。",
            )
        return None
    if submitted > ctx.site.as_of:
        ctx.report(
            doc,
            ("submitted",),
            "date-after-as-of",
            f"报送日期 {submitted} 晚于数据截止日期 {ctx.site.as_of}",
            f"submitted {submitted}, after the as-of date {ctx.site.as_of}",
        )
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


def _read_values(ctx: Context, doc: Document, report: AnnualReport, known: dict[str, Indicator]) -> dict[str, Reading]:
    readings: dict[str, Reading] = {}
    for ind_id, entry in report.values.items():
        key = ("values", ind_id)
        ind = known.get(ind_id)
        if ind is None:
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
        if ind_id not in report.values:
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


def _check_orphan_files(ctx: Context, files: Any, models: dict[str, Any], system: dict[str, Indicator]) -> None:
    """A zone whose zone.yaml failed: still check what can be checked in its other files."""
    own = _check_own_indicators(ctx, files, models["indicators"], system)
    known = {**system, **{ind.id: ind for ind in own}}
    for stem, report in sorted(models["annual"].items()):
        if report is not None:
            _read_values(ctx, files.annual[stem], report, known)
    for slug, case in sorted(models["cases"].items()):
        if case is not None:
            ctx.ref(files.cases[slug], ("task",), "tasks", case.task)
            for i, tag in enumerate(case.tags):
                ctx.ref(files.cases[slug], ("tags", i), "tags", tag)


# --- cases ----------------------------------------------------------------------------------


def _check_case_images(ctx: Context, doc: Document, case: Case, files: Any) -> bool:
    """Each image a case names is in the zone's images/ under exactly that name. A file that is there but
    refused (too large, a format the site does not take) already has its own problem: no second one here."""
    ok = True
    folded = {_fold(name): name for name in sorted(files.image_files, reverse=True)}
    for i, image in enumerate(case.images):
        key = ("images", i, "file")
        actual = folded.get(_fold(image.file)) if image.file not in files.image_files else None
        if actual is not None:
            case_only = image.file.casefold() == actual.casefold()
            width_only = unicodedata.normalize("NFKC", image.file) == unicodedata.normalize("NFKC", actual)
            how = editor_text("image-how-case" if case_only else "image-how-width" if width_only else "image-how-both")
            zh, en = editor_text("image-name-differs", name=image.file, actual=actual, how=how[0], how_en=how[1])
            hint = editor_text("image-name-differs-hint", actual=actual)[0]
            ctx.report(doc, key, "missing-image", zh, en, hint)
        elif not re.fullmatch(r"[\w.-]+", image.file) or image.file.startswith("."):
            zh, en = editor_text("image-invalid-name", name=image.file)
            base = re.split(r"[/\\]", image.file)[-1]  # images/demo.png, or a Windows path
            own = folded.get(_fold(base)) if base != image.file else None
            fix = editor_text("image-path-hint", name=own) if own else editor_text("image-invalid-name-hint")
            ctx.report(doc, key, "invalid-value", zh, en, fix[0])
        elif image.file in files.images:
            continue
        elif image.file not in files.image_files:
            stem = _fold(image.file).rpartition(".")[0] or _fold(image.file)
            near = [name for name in sorted(files.image_files) if _fold(name).rpartition(".")[0] == stem]
            found = editor_text("image-missing-same-stem", actual=near[0]) if len(near) == 1 else None
            zh, en = editor_text("image-missing", name=image.file)
            ctx.report(doc, key, "missing-image", zh, en, (found or editor_text("image-missing-hint"))[0])
        ok = False
    return ok


def _notice_unused_images(ctx: Context, files: Any, cases: dict[str, Case | None]) -> None:
    """An image no case names is not published: say so (a notice), so a photo uploaded for a case whose images
    block is still commented out is not lost unnoticed. A name a case gets wrong (case, full width, a path,
    another suffix) already has its problem there; unknown while a case file cannot be read."""
    if any(case is None for case in cases.values()):
        return
    named: set[str] = set()
    for case in cases.values():
        for image in case.images if case is not None else ():
            base = _fold(re.split(r"[/\\]", image.file)[-1])
            named |= {base, base.rpartition(".")[0] or base}
    for name in files.images:
        if not {_fold(name), _fold(name).rpartition(".")[0]} & named:
            zh, en = editor_text("image-unused", name=name)
            ctx.log.add(Problem(f"{files.folder}/images/{name}", 0, "", "image-unused", zh, en,
                                editor_text("image-unused-hint", name=name)[0]))  # fmt: skip


def _fold(name: str) -> str:
    """A file name as someone might mistype it: case and full-width/half-width forms ignored."""
    return unicodedata.normalize("NFKC", name).casefold()


def _check_case(ctx: Context, doc: Document, zone_id: str, case: Case, zone: ZoneRecord) -> bool:
    ok = True
    if case.zone is not None and case.zone != zone_id:
        ctx.report(
            doc,
            ("zone",),
            "id-mismatch",
            f"案例写的示范区“{case.zone}”与所在文件夹“{zone_id}”不一致",
            f"zone {case.zone!r} disagrees with the folder {zone_id!r}",
            "删除 zone 字段，或把文件移到正确的文件夹。",
        )
        ok = False
    ctx.ref(doc, ("task",), "tasks", case.task)
    for i, tag in enumerate(case.tags):
        ctx.ref(doc, ("tags", i), "tags", tag)
    if case.year > ctx.site.as_of.year:
        ctx.report(
            doc,
            ("year",),
            "date-after-as-of",
            f"案例年份 {case.year} 晚于数据截止日期",
            f"case year {case.year} is after the as-of date",
        )
    reported = {ind for r in zone.reports.values() for ind, rd in r.readings.items() if rd.number is not None}
    known = {ind.id for ind in ctx.system.indicators} | {ind.id for ind in zone.own_indicators}
    for i, ind_id in enumerate(case.results.indicators):
        if ind_id not in known:
            _unknown_indicator(ctx, doc, ("results", "indicators", i), ind_id, known)
            ok = False
        elif ind_id not in reported:
            ctx.report(
                doc,
                ("results", "indicators", i),
                "case-cites-unreported",
                f"示范区 {zone_id} 从未报送过指标“{ind_id}”的数值",
                f"zone {zone_id} never reported {ind_id}",
            )
            ok = False
    ok = _check_case_images(ctx, doc, case, ctx.folder.zones[zone_id]) and ok
    rules_ok: bool = ok and not ctx.log.files_with_errors() & {doc.path}
    return rules_ok
