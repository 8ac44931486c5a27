"""The reference lists and the indicator system (common and a zone's own indicators)."""

from __future__ import annotations

from typing import Any

from generator.data.load import Document
from generator.data.models import (
    Indicator,
)
from generator.data.partial import Unsure
from generator.data.rules.codes import code_hint
from generator.data.rules.context import CODE_DEFINED, Context
from generator.data.rules.names import reserved_name

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
    if ind.summable and ind.kind not in ("count", "amount"):
        ctx.report(
            doc,
            (*key, "summable"),
            "not-summable",
            f"{ind.kind} 类指标不能跨区加总",
            f"{ind.kind} indicators cannot be summed",
            "把 summable 改为 false。",
        )
    if ind.kind != "text" and ind.unit is None and not ctx.absent_unsure(doc, (*key, "unit")):
        ctx.report(
            doc, (*key, "unit"), "missing-field", "数量型指标必须写计量单位", "a quantitative indicator needs a unit"
        )
