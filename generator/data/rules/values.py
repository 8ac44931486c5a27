"""A value or a target, judged by its indicator's kind."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from generator.data.load import Document
from generator.data.messages import editor_text
from generator.data.models import (
    Indicator,
)
from generator.data.rules.codes import code_hint
from generator.data.rules.context import Context

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


def _unknown_indicator(
    ctx: Context, doc: Document, key: tuple[Any, ...], ind_id: str, known: dict[str, Indicator]
) -> None:
    hint = code_hint(ind_id, ctx.coded_of(known), editor_text("code-where-indicators")[0])
    ctx.report(doc, key, "unknown-indicator", f"没有编号为“{ind_id}”的指标", f"no indicator {ind_id!r}", hint)
