"""A value or a target, judged by its indicator's kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Literal

from generator.data.kinds import KINDS
from generator.data.load import Document
from generator.data.messages import editor_text
from generator.data.models import (
    Indicator,
)
from generator.data.rules.codes import code_hint
from generator.data.rules.context import Context
from generator.data.rules.registry import rule
from generator.data.types import number_hint

# Digits a value or target may have before the decimal point: Excel holds 15 significant digits exactly, and the
# charts and the composite index compute in floats (a 400-digit value is infinite there, its cube long before).
MAX_INTEGER_DIGITS = 15


def kind_problem(kind: str | None, value: Decimal) -> Literal["too-large", "not-whole", "negative", "over-100"] | None:
    """What is wrong with `value` for an indicator of `kind`, the first of: more digits than a number keeps
    (MAX_INTEGER_DIGITS before the point), a fraction for a count, a negative number, a percentage over 100.
    The checker (`_check_range`) and the Excel import (generator/editors/cell_values.py) both ask this."""
    if max(value.adjusted() + 1, 1) > MAX_INTEGER_DIGITS:
        return "too-large"
    facts = KINDS.get(kind) if kind is not None else None
    if facts is not None and facts.whole and value != value.to_integral_value():
        return "not-whole"
    if value < (facts.lowest if facts is not None else 0):
        return "negative"
    if facts is not None and facts.highest is not None and value > facts.highest:
        return "over-100"
    return None


def too_large_text(ind: Indicator, value: Decimal) -> tuple[str, str]:
    """What is said of a value with more digits than a number keeps (in Chinese and English)."""
    digits = max(value.adjusted() + 1, 1)
    text = f"{value:f}"
    shown = text[:20] + "…" if len(text) > 20 else text
    zh, en = editor_text("number-too-large", name=ind.name, id=ind.id, digits=digits, shown=shown,
                         limit=MAX_INTEGER_DIGITS)  # fmt: skip
    return zh, en


@rule("number-too-large", "negative-value", "percent-out-of-range")
def _check_range(ctx: Context, doc: Document, key: tuple[Any, ...], ind: Indicator, value: Decimal) -> None:
    """A value or target by its indicator's kind (`kind_problem`)."""
    problem = kind_problem(ind.kind, value)
    if problem == "too-large":
        zh, en = too_large_text(ind, value)
        ctx.report(doc, key, "number-too-large", zh, en, editor_text("number-too-large-hint", unit=ind.unit or "")[0])
    elif problem == "not-whole":
        value_not_number(ctx, doc, key, "not-whole", ind, value)
    elif problem == "negative":
        ctx.report(doc, key, "negative-value", f"“{ind.name}”不能为负数（{value}）", f"{ind.id} cannot be negative")
    elif problem == "over-100":
        ctx.report(
            doc,
            key,
            "percent-out-of-range",
            f"“{ind.name}”是百分比，{value} 超过 100",
            f"{ind.id} is a percentage; {value} exceeds 100",
            "35% 写成 35。",
        )


@rule("value-not-number")
def value_not_number(
    ctx: Context,
    doc: Document,
    key: tuple[Any, ...],
    what: Literal["not-whole", "text-target", "not-a-number"],
    ind: Indicator,
    value: Decimal | str,
) -> None:
    """A number that is not the number its indicator takes: a fraction for a count, a target for a qualitative
    indicator, a text where a number is expected."""
    if what == "not-whole":
        ctx.report(
            doc,
            key,
            "value-not-number",
            f"“{ind.name}”是数量，应为整数（{value}）",
            f"{ind.id} is a count: a whole number expected, got {value}",
            "数量类指标只写整数。",
        )
    elif what == "text-target":
        ctx.report(
            doc,
            key,
            "value-not-number",
            f"定性指标“{ind.name}”不能设数值目标",
            f"qualitative indicator {ind.id} cannot have a numeric target",
        )
    else:
        text = str(value)
        ctx.report(
            doc,
            key,
            "value-not-number",
            f"“{ind.name}”应填写数字，实际为“{text[:40]}”",
            f"{ind.id} takes a number, got {text[:40]!r}",
            number_hint(text),
        )


_INVALID_VALUE = {
    "period-end": ("建设期结束年份早于起始年份", "period ends before it starts", ""),
    "value-and-marker": ("不能同时填写数值和标注（暂无/不适用）", "both a value and a marker", "保留其中一个。"),
}


@rule("invalid-value")
def invalid_value(
    ctx: Context,
    doc: Document,
    key: tuple[Any, ...],
    what: Literal["period-end", "value-and-marker", "image-name"],
    name: str = "",
    own: str | None = None,
) -> None:
    """A value no field may hold in its place: a period that ends before it starts, both a value and a marker,
    an image file name that is not a plain file name (`own`: the zone's image it may mean)."""
    if what == "image-name":
        zh, en = editor_text("image-invalid-name", name=name)
        fix = editor_text("image-path-hint", name=own) if own else editor_text("image-invalid-name-hint")
        ctx.report(doc, key, "invalid-value", zh, en, fix[0])
        return
    ctx.report(doc, key, "invalid-value", *_INVALID_VALUE[what])


@rule("unknown-indicator")
def _unknown_indicator(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind_id: str, known: dict[str, Indicator]
) -> None:
    hint = code_hint(ind_id, ctx.coded_of(known), editor_text("code-where-indicators")[0])
    ctx.report(doc, key, "unknown-indicator", f"没有编号为“{ind_id}”的指标", f"no indicator {ind_id!r}", hint)
