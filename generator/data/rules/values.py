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
        zh, en = editor_text("negative-value", name=ind.name, id=ind.id, value=value)
        ctx.report(doc, key, "negative-value", zh, en)
    elif problem == "over-100":
        zh, en = editor_text("percent-out-of-range", name=ind.name, id=ind.id, value=value)
        ctx.report(doc, key, "percent-out-of-range", zh, en, editor_text("percent-out-of-range-hint")[0])


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
        zh, en = editor_text("value-not-number-not-whole", name=ind.name, id=ind.id, value=value)
        ctx.report(doc, key, "value-not-number", zh, en, editor_text("value-not-number-not-whole-hint")[0])
    elif what == "text-target":
        zh, en = editor_text("value-not-number-text-target", name=ind.name, id=ind.id)
        ctx.report(doc, key, "value-not-number", zh, en)
    else:
        text = str(value)
        zh, en = editor_text("value-not-number", name=ind.name, id=ind.id, text=text[:40], quoted=repr(text[:40]))
        ctx.report(doc, key, "value-not-number", zh, en, number_hint(text))


_INVALID_VALUE = {  # a situation -> the keys of its text and of its hint (messages.RULES_TEXTS)
    "period-end": ("invalid-value-period-end", None),
    "value-and-marker": ("invalid-value-value-and-marker", "invalid-value-value-and-marker-hint"),
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
    text, hint = _INVALID_VALUE[what]
    ctx.report(doc, key, "invalid-value", *editor_text(text), editor_text(hint)[0] if hint else "")


@rule("unknown-indicator")
def _unknown_indicator(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind_id: str, known: dict[str, Indicator]
) -> None:
    hint = code_hint(ind_id, ctx.coded_of(known), editor_text("code-where-indicators")[0])
    zh, en = editor_text("unknown-indicator", id=ind_id, quoted=repr(ind_id))
    ctx.report(doc, key, "unknown-indicator", zh, en, hint)
