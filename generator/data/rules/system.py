"""The reference lists and the indicator system (common and a zone's own indicators)."""

from __future__ import annotations

from typing import Any, Literal

from generator.data.kinds import KINDS
from generator.data.layout import SITE_INDICATORS
from generator.data.load import Document
from generator.data.messages import editor_text
from generator.data.models import (
    Indicator,
    IndicatorSystem,
    code_lists,
)
from generator.data.partial import Unsure
from generator.data.rules.codes import code_hint
from generator.data.rules.context import CODE_DEFINED, Context
from generator.data.rules.names import reserved
from generator.data.rules.registry import rule

# --- the site configuration (s20: misc, issue 14) --------------------------------------------------


@rule("policy-url-unset")
def _notice_policy_url_unset(ctx: Context) -> None:
    """The guideline's official text has no address in site.yaml: the site names it without a link. A notice (a
    fact of the programme, like a report not yet due), never an error: no address may be invented."""
    doc = ctx.folder.site
    if doc is None or ctx.site.policy_url or ctx.absent_unsure(doc, ("policy_url",)):
        return
    zh, en = editor_text("policy-url-unset", title=ctx.site.policy_title)
    ctx.report(doc, ("policy_url",), "policy-url-unset", zh, en, editor_text("policy-url-unset-hint")[0])


# --- reference lists and the indicator system ------------------------------------------------


def _check_references(ctx: Context) -> None:
    for name, items in ctx.refs.items():
        doc = ctx.folder.references.get(name)
        if doc is None:  # missing, or refused (a link): reported as missing-field by validate
            continue
        seen: set[str] = set()
        for i, item in enumerate(items):
            if item.id in seen:
                duplicate_id(ctx, doc, (i, "id"), "id", item.id)
            seen.add(item.id)
    fixed_lists(ctx)


@rule("reference-mismatch")
def fixed_lists(ctx: Context) -> None:
    """The reference lists the code defines (event kinds, evaluation results) list exactly its codes; the
    main tasks are exactly numbers 1–7."""
    for name, items in ctx.refs.items():
        doc = ctx.folder.references.get(name)
        if doc is None:  # missing, or refused (a link): reported as missing-field by validate
            continue
        seen = {item.id for item in items}
        if name in CODE_DEFINED and seen != CODE_DEFINED[name] and not ctx.unsure_refs.get(name):
            expected = editor_text("list-joiner")[0].join(sorted(CODE_DEFINED[name]))
            zh, en = editor_text("reference-mismatch", name=name, expected=expected)
            ctx.report(doc, (), "reference-mismatch", zh, en, editor_text("reference-mismatch-hint")[0])
    numbers = sorted(task.number for task in ctx.tasks)
    tasks = ctx.folder.references.get("tasks")
    if numbers != list(range(1, 8)) and not ctx.unsure_refs.get("tasks") and tasks is not None:
        ctx.report(tasks, (), "reference-mismatch", *editor_text("reference-mismatch-tasks"))


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
            duplicate_id(ctx, doc, ("indicators", i, "id"), "indicator", ind.id)
        if ind.number is not None and ind.number in numbers:
            duplicate_id(ctx, doc, ("indicators", i, "number"), "number", ind.number)
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
    if ind.id is not None:
        reserved(ctx, "what-indicator", ind.id, (SITE_INDICATORS,), doc=doc, key=(*key, "id"))
    unknown_reference(ctx, doc, IndicatorSystem, (*key, "category"), ind.category, categories)  # as in a zone's list
    if ind.kind is None:  # could not be read: nothing below can be judged
        return
    summable(ctx, doc, key, ind)
    if KINDS[ind.kind].numeric and ind.unit is None:
        missing_field(ctx, doc, (*key, "unit"), "unit")


@rule("not-summable")
def summable(ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator) -> None:
    """Only counts and amounts may be summed across zones."""
    if ind.summable and not KINDS[ind.kind].summable:
        zh, en = editor_text("not-summable", kind=ind.kind)
        ctx.report(doc, (*key, "summable"), "not-summable", zh, en, editor_text("not-summable-hint")[0])


_MISSING_FIELD = {  # a field -> the keys of its text and of its hint (messages.RULES_TEXTS)
    "unit": ("missing-field-unit", None),
    "submitted": ("missing-field-submitted", "missing-field-submitted-hint"),
}


@rule("missing-field")
def missing_field(ctx: Context, doc: Document, key: tuple[Any, ...], field: Literal["unit", "submitted"]) -> None:
    """A field the rules require beyond the model (a quantitative indicator's unit, a report's submission date),
    unless it may be absent only because its file could not be read whole. (The models' required fields are
    reported by validate.py under the same code.)"""
    if not ctx.absent_unsure(doc, key):
        text, hint = _MISSING_FIELD[field]
        ctx.report(doc, key, "missing-field", *editor_text(text), editor_text(hint)[0] if hint else "")


_DUPLICATE = {  # what is repeated -> the keys of its text and of its hint (messages.RULES_TEXTS)
    "case": ("duplicate-id-case", "duplicate-id-case-hint"),
    "id": ("duplicate-id-id", None),
    "indicator": ("duplicate-id-indicator", None),
    "number": ("duplicate-id-number", None),
    "own-indicator": ("duplicate-id-own-indicator", "duplicate-id-own-indicator-hint"),
}


@rule("duplicate-id")
def duplicate_id(
    ctx: Context,
    doc: Document,
    key: tuple[Any, ...],
    what: Literal["case", "id", "indicator", "number", "own-indicator"],
    value: str | int,
    first: str = "",
) -> None:
    """An id used twice: a case file's name in the whole site (`first`: where it is used), a reference list's
    id, an indicator's id or number, a zone's own indicator repeating one of the system's."""
    text, hint = _DUPLICATE[what]
    zh, en = editor_text(text, value=value, quoted=repr(value), first=first)
    ctx.report(doc, key, "duplicate-id", zh, en, editor_text(hint)[0] if hint else "")


@rule("unknown-reference")
def unknown_reference(
    ctx: Context,
    doc: Document,
    model: Any,
    key: tuple[Any, ...],
    value: str | None,
    categories: tuple[set[str], Unsure] | None = None,
) -> None:
    """A code that is not in its reference list (the list the field at `key` in a file of `model` takes, as the
    models say); for an indicator's category (`categories`: the ids known and those that could not be read), not
    in the indicator system's categories."""
    list_name = code_lists(model)[tuple("#" if isinstance(p, int) else p for p in key)]
    if categories is not None:
        known, maybe = categories
        if value is not None and value not in known and value not in maybe:
            zh, en = editor_text("unknown-reference-category", value=value, quoted=repr(value))
            hint = code_hint(value, ctx.coded_of(ctx.system.categories or ()), "indicator_system.yaml")
            ctx.report(doc, key, "unknown-reference", zh, en, hint)
        return
    ids = [item.id for item in ctx.refs[list_name]]
    if value is not None and value not in ids and value not in ctx.unsure_refs.get(list_name, Unsure()):
        hint = code_hint(value, ctx.coded_of(ctx.refs[list_name]), f"reference/{list_name}.yaml")
        zh, en = editor_text("unknown-reference", list=list_name, value=value, quoted=repr(value))
        ctx.report(doc, key, "unknown-reference", zh, en, hint)
