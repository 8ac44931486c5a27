"""A zone: its profile's codes, its own indicators, its construction period, its lifecycle events and targets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from generator.data.catalog import derive_status
from generator.data.construct import ValidReport, ValidZone
from generator.data.kinds import KINDS
from generator.data.load import Document, ZoneFiles
from generator.data.messages import editor_text
from generator.data.models import (
    Evaluated,
    Event,
    Indicator,
    Zone,
    ZoneIndicators,
)
from generator.data.partial import Partial, Unsure, lenient_empty
from generator.data.rules.context import (
    _EVENT_RANK,
    _UNSURE,
    GUIDELINE_START,
    Approval,
    Context,
    ZoneModels,
    revocation_date,
)
from generator.data.rules.registry import rule
from generator.data.rules.reports import (
    _check_jumps,
    _check_reports,
    _notice_missing_reports,
    after_as_of,
    year_out_of_range,
)
from generator.data.rules.system import (
    _categories,
    _check_indicator,
    _unread,
    _usable,
    duplicate_id,
    unknown_reference,
)
from generator.data.rules.values import _check_range, _unknown_indicator, invalid_value, value_not_number
from generator.data.vocabulary import STATUS_WORDS_IN_NAMES

# --- a zone ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ZoneFacts:
    """What the rules know of a zone beyond its published record: every report read (those of files that
    failed their model included), and what could not be read."""

    reports: dict[int, ValidReport]
    maybe_indicators: Unsure  # indicator ids that may exist (their definition could not be read)
    maybe_reported: Unsure  # indicator ids whose values could not be read in some annual file


def _check_zone(
    ctx: Context, zone_id: str, files: ZoneFiles, models: ZoneModels, system: dict[str, Indicator], maybe: Unsure
) -> tuple[ValidZone, ZoneFacts]:
    zone_model = models["zone"]
    if zone_model is None:  # (check_records gives a missing or unreadable zone.yaml as an empty Partial)
        zone_model = Partial(lenient_empty(Zone), frozenset({()}), frozenset())
    zone: Zone = zone_model.value if isinstance(zone_model, Partial) else zone_model
    doc: Document = files.zone or Document(f"{files.folder}/zone.yaml")
    unknown_reference(ctx, doc, Zone, ("level",), zone.level)
    unknown_reference(ctx, doc, Zone, ("city",), zone.city)
    for i, park in enumerate(zone.parks or ()):
        unknown_reference(ctx, doc, Zone, ("parks", i, "kind"), park.kind)
        unknown_reference(ctx, doc, Zone, ("parks", i, "level"), park.level)
    name_has_status(ctx, doc, zone)
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
        invalid_value(ctx, doc, ("period", "end"), "period-end")
    elif period_read:
        period_length(ctx, doc, period.start, period.end)
    if approval_date and period is not None and period.start is not None and period.start < approval_date.year:
        year_out_of_range(ctx, doc, ("period", "start"), "period-start", approved=approval_date.year)
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
    record = ValidZone(zone_id, doc.path, zone, own, reports, status, approval_date, images)
    return record, ZoneFacts(checked, maybe, maybe_reported)


def _check_own_indicators(
    ctx: Context, files: ZoneFiles, model: ZoneIndicators | Partial | None, system: dict[str, Indicator], maybe: Unsure
) -> tuple[tuple[Indicator, ...], Unsure]:
    """The zone's own indicators, and the ids of those that could not be read."""
    doc = files.indicators
    if model is None or doc is None:  # (a model is read only from a file)
        return (), Unsure(every=doc is not None)
    part = model if isinstance(model, Partial) else None
    indicators = model.value.indicators if isinstance(model, Partial) else model.indicators
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
            duplicate_id(ctx, doc, ("indicators", i, "id"), "own-indicator", ind.id)
            continue
        if ind.id in maybe:  # may repeat a common indicator that could not be read: not used
            continue
        own.append(ind)
    return tuple(own), unread


@rule("event-order", "approved-before-guideline")
def _check_events(ctx: Context, doc: Document, events: list[Event], unsure: bool) -> Approval:
    """Order, dates and uniqueness of lifecycle events; returns the approval date, if any (`_UNSURE` when
    the approval's date could not be read). With `unsure` (an event could not be read), a missing approval
    is not judged: the unread event may be it. An event whose date could not be read is judged by its kind."""
    last_rank, last_date, approved = -1, None, None
    seen: set[str] = set()
    ended = False
    for i, event in enumerate(events):
        key = ("events", i)
        if event.date is not None:
            after_as_of(ctx, doc, (*key, "date"), "event", event.date)
        rank = _EVENT_RANK[event.kind]
        problem: tuple[str, str] | None = None
        if ended:
            problem = editor_text("event-order-after-revoked")
        elif event.kind in seen and rank < 3:
            problem = editor_text("event-order-twice", kind=event.kind)
        elif rank < last_rank:
            problem = editor_text("event-order-after-later", kind=event.kind)
        elif rank == 3 and approved is None:
            problem = None if unsure else editor_text("event-order-before-approval", kind=event.kind)
        elif last_date and event.date is not None and event.date < last_date:
            problem = editor_text("event-order-date", date=event.date, last=last_date)
        if problem:
            ctx.report(doc, key, "event-order", *problem, editor_text("event-order-hint")[0])
        seen.add(event.kind)
        last_rank = max(rank, last_rank)
        if event.date is not None:
            last_date = max(event.date, last_date or event.date)
        if event.kind == "approved":
            approved = approved or (event.date if event.date is not None else _UNSURE)
            if event.date is not None and event.date < GUIDELINE_START:
                zh, en = editor_text("approved-before-guideline", date=event.date)
                hint = editor_text("approved-before-guideline-hint")[0]
                ctx.report(doc, (*key, "date"), "approved-before-guideline", zh, en, hint)
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
            value_not_number(ctx, doc, (*key, ind_id), "text-target", ind, value)
        else:
            _check_range(ctx, doc, (*key, ind_id), ind, value)


@rule("name-has-status")
def name_has_status(ctx: Context, doc: Document, zone: Zone) -> None:
    """A zone's name or short name holding a status word (e.g. applied, in brackets): the status changes with the events
    and the site shows it beside the name, so a name that holds it goes stale and says it twice."""
    for field in ("name", "short_name"):
        text = getattr(zone, field, None) or ""
        word = next((w for w in STATUS_WORDS_IN_NAMES if w in text), None)
        if word is not None:
            zh, en = editor_text("name-has-status", word=word, quoted=repr(word))
            ctx.report(doc, (field,), "name-has-status", zh, en, editor_text("name-has-status-hint", word=word)[0])


@rule("period-length")
def period_length(ctx: Context, doc: Document, start: int, end: int) -> None:
    """The guideline's construction period: 2 to 3 years, in principle."""
    if not 2 <= end - start + 1 <= 3:
        zh, en = editor_text("period-length", years=end - start + 1)
        ctx.report(doc, ("period",), "period-length", zh, en, editor_text("period-length-hint")[0])
