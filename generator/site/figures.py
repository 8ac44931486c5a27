"""How the site writes numbers and dates: the functions every page, table, chart and sentence calls (issue 14).

The rule (README, "Numbers, dates and punctuation"): the integer part of a figure of 1,000 or more is separated
by commas in threes (14,319; 6,761; 1,234.5), in running text and in tables alike; the decimals are kept as the
report wrote them (24.0 stays 24.0: a written value is never rounded or padded), a computed figure has no
trailing zeros; no exponent, whatever the magnitude. Years, dates, codes and document numbers are not figures
and never pass through here. The analysis layer's `fmt_decimal` (generator/analysis/numbers.py) writes its
rounded figures by the same rule.

A date in running text (a sentence, a list, a heading, the footer) is written in the locale's words by
`date_text` (in Chinese: year, month and day words, spaced like every other figure beside words); a table cell
may keep 2026-03-31.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from generator.data.catalog import Reading
from generator.i18n import pgettext


def figure(value: str | Decimal) -> str:
    """`value` as the site shows it: a written value (its text, as the report wrote it) or an exact computed
    Decimal, thousands separated. A text that is not a plain decimal number is returned unchanged."""
    if isinstance(value, Decimal):
        text = f"{value:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
    else:
        text = value.strip()
    sign = ""
    if text[:1] in "+-" and text[1:2].isdigit():
        sign, text = ("-" if text[0] == "-" else ""), text[1:]
    whole, dot, frac = text.partition(".")
    if not whole.isdigit() or (dot and not frac.isdigit()):
        return value if isinstance(value, str) else text
    return f"{sign}{int(whole):,}{dot}{frac}"


def reading_text(reading: Reading) -> str:
    """A reported value as the site shows it: its marker (not available, not applicable), its number as written, thousands
    separated, or its qualitative text as written; "" when it holds none."""
    if reading.marker:
        return reading.marker
    if reading.number is not None and reading.text:
        return figure(reading.text)
    return reading.text or ""


def date_text(day: dt.date) -> str:
    """A date in running text, in the locale's words (the catalogue: year, month and day words in Chinese)."""
    return pgettext("a date in running text", "%(day)s.%(month)s.%(year)s", year=day.year, month=day.month, day=day.day)
