"""Rules between records: references, ids, the zone's life, the years, the values by indicator kind.

Runs after every file passed (or failed) its own model; works on what passed and on what can still be
read of the files that failed (a `Partial`: checked, never published, and no rule judges what was
dropped from it), and builds the catalog from the files that passed.
"""

from __future__ import annotations

import datetime as dt
import difflib
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
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
from generator.data.kinds import KINDS
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
)
from generator.data.partial import Partial, Unsure, lenient_empty
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
    partials: dict[str, Partial] = field(default_factory=dict)  # file path -> what was read of a failed file
    unsure_refs: dict[str, Unsure] = field(default_factory=dict)  # reference list -> ids that could not be read
    _coded: dict[int, tuple[Any, list[Coded]]] = field(default_factory=dict, repr=False)

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
        self.log.add(Problem(doc.path, doc.line_of(key), where, code, zh, en, hint))

    def ref(self, doc: Document, key: tuple[Any, ...], list_name: str, value: str | None) -> None:
        ids = [item.id for item in self.refs[list_name]]
        if value is not None and value not in ids and value not in self.unsure_refs.get(list_name, Unsure()):
            hint = code_hint(value, self.coded_of(self.refs[list_name]), f"reference/{list_name}.yaml")
            self.report(
                doc, key, "unknown-reference", f"{list_name} 中没有“{value}”", f"{value!r} is not in {list_name}", hint
            )


# Windows reserves these file names in any case and with any suffix (`con.png`, `Nul.tar.png`): a folder or file
# so named cannot be checked out there. (COM and LPT with a superscript digit too.)
RESERVED = frozenset(
    {
        "con",
        "prn",
        "aux",
        "nul",
        "conin$",
        "conout$",
        *(f"{port}{n}" for port in ("com", "lpt") for n in [*"0123456789", "¹", "²", "³"]),
    }
)
# Names the site itself uses in the folders where an id becomes a file name (cases/<slug>.md,
# indicators/<id>.md, zones/<id>/, data/zones/<id>.csv, images/<zone>/): an id so named would overwrite that
# page or be overwritten by it. Name -> the page's path and its catalogue name; tests/test_gate.py checks the
# list against every path the site generates.
SITE_NAMES: dict[str, dict[str, tuple[str, str]]] = {
    "cases": {"index": ("cases/index.md", "page-cases")},
    "indicators": {"index": ("indicators/index.md", "page-indicators")},
    "zones": {},  # zones/<id>/index.md beside zones/index.md: another page, no collision
    "data/zones": {},
    "images": {},
}


def reserved_name(what: str, name: str, folder: str = "") -> tuple[str, str, str] | None:
    """Why `name` (a zone folder, case file stem, indicator id or image file name) may not be used, or None:
    (Chinese, English, hint). `folder` is the site folder where it becomes a file name."""
    stem, dot, rest = name.partition(".")
    names = {"what": editor_text(what)[0], "what_en": editor_text(what)[1], "name": name}
    if stem.rstrip(" ").casefold() in RESERVED:
        zh, en = editor_text("name-windows", stem=stem.upper(), **names)
    elif name in SITE_NAMES.get(folder, {}):
        path, page = SITE_NAMES[folder][name]
        zh, en = editor_text(
            "name-generated", path=path, page=editor_text(page)[0], page_en=editor_text(page)[1], **names
        )
    else:
        return None
    return zh, en, editor_text("name-hint", example=f"{stem}-1{dot}{rest}")[0]


PLACEHOLDER = "【待填写】"  # what the scaffolds (generator/editors) leave for the editor to replace


def check_catalog(ctx: Context, zone_models: dict[str, dict[str, Any]]) -> Catalog:
    _check_placeholders(ctx)
    _check_characters(ctx)
    _check_references(ctx)
    indicators, maybe = _check_indicator_system(ctx)
    zones: dict[str, ZoneRecord] = {}
    cases: list[CaseRecord] = []
    seen_slugs: dict[str, str] = {}
    for zone_id, models in zone_models.items():
        files = ctx.folder.zones[zone_id]
        if reserved := reserved_name("what-zone", zone_id, "zones") or reserved_name(
            "what-zone", zone_id, "data/zones"
        ):
            ctx.log.add(Problem(files.folder, 0, "", "reserved-name", *reserved))
            continue
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", zone_id) or len(zone_id) > 64:
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
        if models["zone"] is None:  # zone.yaml missing or unreadable: its other files are still checked
            models = {**models, "zone": Partial(lenient_empty(Zone), frozenset({()}), frozenset())}
        record, checked = _check_zone(ctx, zone_id, files, models, indicators, maybe)
        # nothing from a file that failed its model: a zone is published only when it and its indicators are whole
        published = not isinstance(models["zone"], Partial) and not isinstance(models["indicators"], Partial)
        if published:
            zones[zone_id] = record
        for slug, case in sorted(models["cases"].items()):
            doc = files.cases[slug]
            if case is None or not _valid_file_id(ctx, doc, slug, folder="cases"):
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
            if isinstance(case, Partial):
                _check_case(ctx, doc, zone_id, case.value, record, checked)
            elif _check_case(ctx, doc, zone_id, case, record, checked) and published:
                cases.append(CaseRecord(slug, zone_id, doc.path, case))
        _notice_unused_images(ctx, files, models["cases"])
        for name in files.image_files:  # every file in images/: one so named breaks a checkout on Windows
            if reserved := reserved_name("what-image", name):
                ctx.log.add(Problem(f"{files.folder}/images/{name}", 0, "", "reserved-name", *reserved))
    return Catalog(
        site=ctx.site,
        categories=tuple(ctx.system.categories or ()),
        indicators=tuple(ctx.system.indicators or ()),
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


# Characters that are not text: Unicode's 66 noncharacters (U+FDD0–U+FDEF and the last two of every plane) and
# lone surrogates (YAML's \u escapes can carry both). XML (the feed, the Excel workbook) cannot hold them, the
# blog's post metadata refuses them, UTF-8 cannot encode a surrogate: refused wherever they are written.
_NOT_TEXT = re.compile(
    "[\ud800-\udfff\ufdd0-\ufdef"
    + "".join(f"{chr(p + 0xFFFE)}{chr(p + 0xFFFF)}" for p in range(0, 0x110000, 0x10000))
    + "]"
)


def _check_characters(ctx: Context) -> None:
    """Every text of every file, keys too, whatever its field: no noncharacter, no lone surrogate."""

    def walk(doc: Document, node: Any, key: tuple[Any, ...]) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                walk(doc, k, key)
                walk(doc, v, (*key, k))
        elif isinstance(node, list):
            for i, v in enumerate(node):
                walk(doc, v, (*key, i))
        elif isinstance(node, str) and (bad := _NOT_TEXT.search(node)):
            char = bad.group()
            code = f"U+{ord(char):04X}"
            zh, en = editor_text("char-surrogate" if 0xD800 <= ord(char) <= 0xDFFF else "char-noncharacter", code=code)
            hint = editor_text("char-hint", at=bad.start() + 1)[0]
            ctx.log.add(Problem(doc.path, doc.line_of(key), _where(key), "invalid-character", zh, en, hint))

    for doc in ctx.folder.documents():
        walk(doc, doc.data, ())


def _where(key: tuple[Any, ...]) -> str:
    where = ""
    for step in key:
        where += f"[{step}]" if isinstance(step, int) else (f".{step}" if where else str(step))
    return where


# --- reference lists and the indicator system ------------------------------------------------


def _check_references(ctx: Context) -> None:
    for name, items in ctx.refs.items():
        doc = ctx.folder.references.get(name)
        if doc is None:  # missing, or refused (a link): reported as missing-field by validate
            continue
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                ctx.report(doc, (i, "id"), "duplicate-id", f"编号“{item.id}”重复", f"duplicate id {item.id!r}")
            seen.add(item.id)
        if name in CODE_DEFINED and seen != CODE_DEFINED[name] and not ctx.unsure_refs.get(name):
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
    tasks = ctx.folder.references.get("tasks")
    if numbers != list(range(1, 8)) and not ctx.unsure_refs.get("tasks") and tasks is not None:
        ctx.report(
            tasks,
            (),
            "reference-mismatch",
            "主要任务必须正好是序号 1—7 的七项",
            "the main tasks must be exactly numbers 1–7",
        )


def _check_indicator_system(ctx: Context) -> tuple[dict[str, Indicator], Unsure]:
    """The common indicators by id, and the ids that may exist but could not be read."""
    doc = ctx.folder.indicator_system
    out: dict[str, Indicator] = {}
    numbers: set[int] = set()
    part = ctx.part(doc)
    maybe = part.dropped_ids(("indicators",)) if part else Unsure()
    if ctx.system.indicators is None or doc is None:
        return out, Unsure(every=True)
    categories = _categories(ctx)
    for i, ind in enumerate(ctx.system.indicators):
        _check_indicator(ctx, doc, ("indicators", i), ind, categories)
        if not _usable(ind):  # its id, name or kind could not be read: its values are not judged
            maybe = maybe | _unread(ind)
            continue
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
    return out, maybe


def _categories(ctx: Context) -> tuple[set[str], Unsure]:
    """The categories' ids, and those that may exist but could not be read."""
    part = ctx.part(ctx.folder.indicator_system)
    if ctx.system.categories is None:
        return set(), Unsure(every=True)
    return {c.id for c in ctx.system.categories}, part.dropped_ids(("categories",)) if part else Unsure()


def _usable(ind: Indicator) -> bool:
    """Whether an indicator read from a file that failed its model can judge values (its fields may be None)."""
    return ind.id is not None and ind.name is not None and ind.kind is not None


def _unread(ind: Indicator) -> Unsure:
    return Unsure(frozenset({ind.id})) if ind.id is not None else Unsure(every=True)


def _check_indicator(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, categories: tuple[set[str], Unsure]
) -> None:
    known, maybe = categories
    if ind.id is not None and (reserved := reserved_name("what-indicator", ind.id, "indicators")):
        ctx.report(doc, (*key, "id"), "reserved-name", *reserved)
    if ind.category is not None and ind.category not in known and ind.category not in maybe:
        ctx.report(
            doc,
            (*key, "category"),
            "unknown-reference",
            f"没有编号为“{ind.category}”的一级指标",
            f"no category {ind.category!r}",
            code_hint(ind.category, ctx.coded_of(ctx.system.categories or ()), "indicator_system.yaml"),
        )
    if ind.kind is None:  # could not be read: nothing below can be judged
        return
    if ind.summable and not KINDS[ind.kind].summable:
        ctx.report(
            doc,
            (*key, "summable"),
            "not-summable",
            f"{ind.kind} 类指标不能跨区加总",
            f"{ind.kind} indicators cannot be summed",
            "把 summable 改为 false。",
        )
    if KINDS[ind.kind].numeric and ind.unit is None and not ctx.absent_unsure(doc, (*key, "unit")):
        ctx.report(
            doc, (*key, "unit"), "missing-field", "数量型指标必须写计量单位", "a quantitative indicator needs a unit"
        )


# --- a zone ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneFacts:
    """What the rules know of a zone beyond its published record: every report read (those of files that
    failed their model included), and what could not be read."""

    reports: dict[int, ReportRecord]
    maybe_indicators: Unsure  # indicator ids that may exist (their definition could not be read)
    maybe_reported: Unsure  # indicator ids whose values could not be read in some annual file


def _check_zone(
    ctx: Context, zone_id: str, files: Any, models: dict[str, Any], system: dict[str, Indicator], maybe: Unsure
) -> tuple[ZoneRecord, ZoneFacts]:
    zone_model = models["zone"]
    zone: Zone = zone_model.value if isinstance(zone_model, Partial) else zone_model
    doc: Document = files.zone or Document(f"{files.folder}/zone.yaml")
    ctx.ref(doc, ("level",), "zone_levels", zone.level)
    ctx.ref(doc, ("city",), "cities", zone.city)
    for i, park in enumerate(zone.parks or ()):
        ctx.ref(doc, ("parks", i, "kind"), "park_kinds", park.kind)
        ctx.ref(doc, ("parks", i, "level"), "park_levels", park.level)
    own, maybe_own = _check_own_indicators(ctx, files, models["indicators"], system, maybe)
    maybe = maybe | maybe_own
    known = {**system, **{ind.id: ind for ind in own}}
    part = ctx.part(doc)
    events_unsure = zone.events is None or (part is not None and part.dropped_item(("events",)))
    approved = _check_events(ctx, doc, zone.events or [], events_unsure)
    approval_date = approved if isinstance(approved, dt.date) else None
    period = zone.period
    period_read = period is not None and period.start is not None and period.end is not None
    if period_read and period.end < period.start:
        ctx.report(
            doc, ("period", "end"), "invalid-value", "建设期结束年份早于起始年份", "period ends before it starts"
        )
    elif period_read and not 2 <= period.end - period.start + 1 <= 3:
        ctx.report(
            doc,
            ("period",),
            "period-length",
            f"建设期为 {period.end - period.start + 1} 年",
            f"construction period of {period.end - period.start + 1} years",
            "指引规定建设时间原则上为 2—3 年。",
        )
    if approval_date and period is not None and period.start is not None and period.start < approval_date.year:
        ctx.report(
            doc,
            ("period", "start"),
            "year-out-of-range",
            f"建设期起始年份早于批复年份 {approval_date.year}",
            f"period starts before the approval year {approval_date.year}",
        )
    _check_targets(ctx, doc, ("targets",), zone.targets, known, maybe)
    for i, event in enumerate(zone.events or ()):
        if event.kind == "plan_revised":
            _check_targets(ctx, doc, ("events", i, "targets"), event.targets, known, maybe)
    as_of = ctx.as_of
    events_read = not events_unsure and all(
        e.date is not None and (not isinstance(e, Evaluated) or e.result is not None) for e in zone.events
    )
    complete = period_read and events_read and as_of is not None
    # a record from a file that failed its model is never published: its status is never shown
    status = derive_status(tuple(zone.events), period.end, as_of) if complete and as_of else "applied"
    revoked = revocation_date(zone) if events_read else None
    approval = approved if approved is not None or not events_unsure else _UNSURE
    reports, checked, maybe_reported = _check_reports(ctx, files, models["annual"], known, maybe, approval, revoked)
    _check_jumps(ctx, files, checked, known)
    if complete:
        _notice_missing_reports(ctx, doc, files, zone, checked, approval_date, revoked, status)
    images = dict(sorted(files.images.items()))
    record = ZoneRecord(zone_id, doc.path, zone, own, reports, status, approval_date, images)
    return record, ZoneFacts(checked, maybe, maybe_reported)


_UNSURE: Any = object()  # the approval date when the event that may hold it could not be read


def _check_own_indicators(
    ctx: Context, files: Any, model: Any, system: dict[str, Indicator], maybe: Unsure
) -> tuple[tuple[Indicator, ...], Unsure]:
    """The zone's own indicators, and the ids of those that could not be read."""
    if model is None:
        return (), Unsure(every=files.indicators is not None)
    doc = files.indicators
    part = model if isinstance(model, Partial) else None
    indicators = part.value.indicators if part else model.indicators
    if indicators is None:
        return (), Unsure(every=True)
    categories = _categories(ctx)
    own: list[Indicator] = []
    unread = part.dropped_ids(("indicators",)) if part else Unsure()
    for i, ind in enumerate(indicators):
        _check_indicator(ctx, doc, ("indicators", i), ind, categories)
        if not _usable(ind):
            unread = unread | _unread(ind)
            continue
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
        if ind.id in maybe:  # may repeat a common indicator that could not be read: not used
            continue
        own.append(ind)
    return tuple(own), unread


def _check_events(ctx: Context, doc: Document, events: list[Any], unsure: bool) -> Any:
    """Order, dates and uniqueness of lifecycle events; returns the approval date, if any (`_UNSURE` when
    the approval's date could not be read). With `unsure` (an event could not be read), a missing approval
    is not judged: the unread event may be it. An event whose date could not be read is judged by its kind."""
    last_rank, last_date, approved = -1, None, None
    seen: set[str] = set()
    ended = False
    as_of = ctx.as_of
    for i, event in enumerate(events):
        key = ("events", i)
        if as_of is not None and event.date is not None and event.date > as_of:
            ctx.report(
                doc,
                (*key, "date"),
                "date-after-as-of",
                f"事件日期 {event.date} 晚于数据截止日期 {as_of}",
                f"event date {event.date} is after the as-of date {as_of}",
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
            problem = "" if unsure else f"“{event.kind}”必须在批复建设（approved）之后"
        elif last_date and event.date is not None and event.date < last_date:
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
        last_rank = max(rank, last_rank)
        if event.date is not None:
            last_date = max(event.date, last_date or event.date)
        if event.kind == "approved":
            approved = approved or (event.date if event.date is not None else _UNSURE)
            if event.date is not None and event.date < GUIDELINE_START:
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
    ctx: Context,
    doc: Document,
    key: tuple[Any, ...],
    targets: dict[str, Decimal],
    known: dict[str, Indicator],
    maybe: Unsure,
) -> None:
    for ind_id, value in targets.items():
        ind = known.get(ind_id)
        if ind is None:
            if ind_id not in maybe:
                _unknown_indicator(ctx, doc, (*key, ind_id), ind_id, known)
        elif not KINDS[ind.kind].numeric:
            ctx.report(
                doc,
                (*key, ind_id),
                "value-not-number",
                f"定性指标“{ind.name}”不能设数值目标",
                f"qualitative indicator {ind_id} cannot have a numeric target",
            )
        else:
            _check_range(ctx, doc, (*key, ind_id), ind, value)


def _unknown_indicator(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind_id: str, known: dict[str, Indicator]
) -> None:
    hint = code_hint(ind_id, ctx.coded_of(known), editor_text("code-where-indicators")[0])
    ctx.report(doc, key, "unknown-indicator", f"没有编号为“{ind_id}”的指标", f"no indicator {ind_id!r}", hint)


# Digits a value or target may have before the decimal point: Excel holds 15 significant digits exactly, and the
# charts and the composite index compute in floats (a 400-digit value is infinite there, its cube long before).
MAX_INTEGER_DIGITS = 15


def _check_range(ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, value: Decimal) -> None:
    digits = max(value.adjusted() + 1, 1)
    if digits > MAX_INTEGER_DIGITS:
        text = f"{value:f}"
        shown = text[:20] + "…" if len(text) > 20 else text
        zh, en = editor_text("number-too-large", name=ind.name, id=ind.id, digits=digits, shown=shown,
                             limit=MAX_INTEGER_DIGITS)  # fmt: skip
        ctx.report(doc, key, "number-too-large", zh, en, editor_text("number-too-large-hint", unit=ind.unit or "")[0])
        return
    if KINDS[ind.kind].whole and value != value.to_integral_value():
        ctx.report(
            doc,
            key,
            "value-not-number",
            f"“{ind.name}”是数量，应为整数（{value}）",
            f"{ind.id} is a count: a whole number expected, got {value}",
            "数量类指标只写整数。",
        )
    elif value < KINDS[ind.kind].lowest:
        ctx.report(doc, key, "negative-value", f"“{ind.name}”不能为负数（{value}）", f"{ind.id} cannot be negative")
    elif (highest := KINDS[ind.kind].highest) is not None and value > highest:
        ctx.report(
            doc,
            key,
            "percent-out-of-range",
            f"“{ind.name}”是百分比，{value} 超过 100",
            f"{ind.id} is a percentage; {value} exceeds 100",
            "35% 写成 35。",
        )


# --- annual reports ----------------------------------------------------------------------------


def _valid_file_id(
    ctx: Context, doc: Document, stem: str, pattern: str = r"[a-z0-9]+(-[a-z0-9]+)*", folder: str = ""
) -> bool:
    if folder and (reserved := reserved_name("what-case", stem, folder)):
        ctx.log.add(Problem(doc.path, 0, "", "reserved-name", *reserved))
        return False
    if re.fullmatch(pattern, stem) and len(stem) <= 64 and stem.casefold() not in RESERVED:
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
    if not KINDS[ind.kind].numeric:
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


# --- cases ----------------------------------------------------------------------------------


def _check_case_images(ctx: Context, doc: Document, case: Case, files: Any) -> bool:
    """Each image a case names is in the zone's images/ under exactly that name. A file that is there but
    refused (too large, a format the site does not take) already has its own problem: no second one here."""
    ok = True
    folded = {_fold(name): name for name in sorted(files.image_files, reverse=True)}
    for i, image in enumerate(case.images or ()):
        key = ("images", i, "file")
        if image is None or image.file is None:
            continue  # dropped as unreadable: its own problem is reported already
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
    read = [case.value if isinstance(case, Partial) else case for case in cases.values()]
    if any(case is None or case.images is None for case in read):
        return  # a case file (or its images) could not be read: which images it names is unknown
    named: set[str] = set()
    for case in read:
        for image in case.images if case is not None else ():
            if image is None or image.file is None:
                return
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


def _check_case(ctx: Context, doc: Document, zone_id: str, case: Case, zone: ZoneRecord, facts: ZoneFacts) -> bool:
    """The rules on one case (its fields may be None when its file failed its model); True when it may be
    published."""
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
    if case.year is not None and ctx.as_of is not None and case.year > ctx.as_of.year:
        ctx.report(
            doc,
            ("year",),
            "date-after-as-of",
            f"案例年份 {case.year} 晚于数据截止日期",
            f"case year {case.year} is after the as-of date",
        )
    reported = {ind for r in facts.reports.values() for ind, rd in r.readings.items() if rd.number is not None}
    known = {ind.id: ind for ind in (*(ctx.system.indicators or ()), *zone.own_indicators)}
    for i, ind_id in enumerate(case.results.indicators if case.results is not None else ()):
        if ind_id in facts.maybe_indicators:
            continue  # may be an indicator whose definition could not be read
        if ind_id not in known:
            _unknown_indicator(ctx, doc, ("results", "indicators", i), ind_id, known)
            ok = False
        elif ind_id not in reported and ind_id not in facts.maybe_reported:
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


# --- coded fields: what to write instead of a wrong code ----------------------------------------------

SHORT_LIST = 15  # up to this many codes, a wrong code's hint lists them all; beyond, the close ones first
CLOSE_SHOWN = 5


@dataclass(frozen=True)
class Coded:
    """One allowed code of a coded field, with its Chinese name and other names an editor may write."""

    code: str
    name: str = ""
    aliases: tuple[str, ...] = ()  # English name, short name


def coded(items: Iterable[Any]) -> list[Coded]:
    """Reference items, categories, indicators or tasks as `Coded` (their id, name, English and short name)."""
    out = []
    for item in items:
        aliases = tuple(a for a in (getattr(item, "name_en", None), getattr(item, "short", None)) if a)
        out.append(Coded(item.id, item.name, aliases))
    return out


@functools.lru_cache(maxsize=4096)
def _plain(text: str) -> str:
    return re.sub(r"[\s_\-–—]+", "", text).lower()


@functools.lru_cache(maxsize=4096)
def _trimmed(text: str) -> str:
    """A Chinese name without the suffixes editors leave out or add (南宁 / 南宁市, 自治区 / 自治区级)."""
    return re.sub(r"(市|级|区|类|指标)$", "", text.strip())


def suggest_codes(value: str, items: list[Coded]) -> list[Coded]:
    """The codes the editor most likely meant by `value`: its code in another spelling, its Chinese or
    English name (whole, without a suffix, or as part of it), else close spellings. Best first."""
    text = value.strip()
    if not text:
        return []
    plain, trimmed = _plain(text), _trimmed(text)
    exact = [
        c
        for c in items
        if plain == _plain(c.code)
        or (c.name and (text == c.name or (trimmed and trimmed == _trimmed(c.name))))
        or any(plain == _plain(a) for a in c.aliases)
    ]
    if exact:
        return exact
    if len(text) >= 2:
        inside = [c for c in items if c.name and (text in c.name or c.name in text)]
        if inside:
            return inside[:CLOSE_SHOWN]
    return _closest(text, items, 0.6)


def _closest(text: str, items: list[Coded], cutoff: float) -> list[Coded]:
    """Close spellings of a code or a name, the closest first; those clearly farther than the best left out."""
    scored: dict[Coded, float] = {}
    # a code is Latin, a name Chinese: the editor's text is compared with the one it can be a spelling of
    for mine, side in ((_plain(text), 0),) if text.isascii() else ((text.strip(), 1),):
        matcher = difflib.SequenceMatcher()
        matcher.set_seq2(mine)  # as difflib.get_close_matches: the cheap bounds first
        for c in items:
            other = _plain(c.code) if side == 0 else c.name
            if not other:
                continue
            matcher.set_seq1(other)
            if matcher.real_quick_ratio() >= cutoff and matcher.quick_ratio() >= cutoff:
                scored[c] = max(scored.get(c, 0.0), matcher.ratio())
    ranked = sorted((c for c in scored if scored[c] >= cutoff), key=lambda c: -scored[c])
    return [c for c in ranked if scored[c] >= scored[ranked[0]] - 0.1][:CLOSE_SHOWN] if ranked else []


def _listed(items: Iterable[Coded], joiner: str = "、") -> str:
    return joiner.join(editor_text("code-item", code=c.code, name=c.name)[0] if c.name else c.code for c in items)


def code_hint(value: Any, items: list[Coded], where: str = "") -> str:
    """The hint for a wrong code: the code to write when the editor's text names one (应写代码 nanning（南宁市）),
    else every allowed code with its Chinese name, or for a long list the close ones and where the rest are."""
    text = value if isinstance(value, str) else ""
    found = suggest_codes(text, items) if any(c.name for c in items) else []  # unnamed: the codes are the words
    if 0 < len(found) <= 2:
        return editor_text("code-write", codes=_listed(found, editor_text("code-or")[0]))[0]
    if len(items) <= SHORT_LIST:
        return editor_text("code-options", codes=_listed(found + [c for c in items if c not in found]))[0]
    if not found and text:
        found = _closest(text, items, 0.4)
    if found:
        return editor_text("code-close", codes=_listed(found), count=len(items), where=where)[0]
    return editor_text("code-all-in", count=len(items), where=where)[0]
