"""How a computed figure is written: one definition for the analysis (the values its facts quote), the pages
and the `diff` report."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, localcontext


def fmt_decimal(value: Decimal, places: int = 2) -> str:
    """A computed figure: rounded half-up to `places`, thousands separated, no trailing zeros. Any magnitude:
    the rounding works with as many digits as the number has (the default context holds 28)."""
    with localcontext() as ctx:
        ctx.prec = max(ctx.prec, value.adjusted() + places + 2)
        q = value.quantize(Decimal(1).scaleb(-places) if places else Decimal(1), rounding=ROUND_HALF_UP)
    text = f"{q:,f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text
