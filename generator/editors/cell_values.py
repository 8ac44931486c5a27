"""Read one filled-in cell the way a person typed it, exactly, or refuse it with the reason.

Accepted for a number: full-width digits and punctuation, thousands separators (1,234.5, also with a
full-width comma), a trailing unit equal to the indicator's (45.8 and the unit, 12 and the unit), a percent sign
on a percentage indicator (35% -> 35), a numeric cell formatted as percent (0.35 -> 35), the markers of "not
available" and "not applicable" (vocabulary.MARKERS) with spaces around them; an empty cell means "not reported".
Refused, never guessed: another unit, text, two values (12/15, "12 or 15"), a percent sign or percent format on a non-percentage indicator, a
negative number, a fraction for a count, a percentage over 100, more than 15 digits before the point
(these by the checker's own rule), a date (Excel turns 1/2 into a date),
scientific notation, an ambiguous comma (3,5), a number format that shows another number than the cell
holds (trailing commas `0.0,` `#,##0,` divide what is shown by 1000 each; `# ?/?` shows a fraction;
`0.0E+00` shows fewer digits).

Typed strings never go through float. A number Excel stored is read through its shortest repr: a typed
constant is kept as typed (its shortest decimal form, at most the 15 significant digits Excel keeps); a
formula's result is rounded, half away from zero as Excel shows it, to the decimals its number format shows
(General: 15 significant digits, trailing zeros dropped), so `=8720000/35796` in a "0.0" cell is 243.6 and
`0.35 * 100` is exactly 35. `Entry.raw` then holds the raw value, for the import to list.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from generator.data.kinds import KINDS
from generator.data.messages import editor_text
from generator.data.models import Indicator
from generator.data.rules.values import kind_problem, too_large_text
from generator.data.types import MARKERS, is_written_number
from generator.data.vocabulary import DATE_WRITTEN, NOT_APPLICABLE, NOT_AVAILABLE
from generator.i18n import N_, NP_, _, pgettext

EXCEL_DIGITS = 15


class CellRefusal(Exception):
    """What a cell holds cannot be read without guessing (Chinese and English)."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(f"{zh} / {en}")
        self.zh, self.en = zh, en

    @classmethod
    def say(cls, message: str | tuple[str, str], /, **params: object) -> CellRefusal:
        """The refusal of one catalogue message (an English message id marked `N_("…")`, or `NP_(context, "…")`
        where it is written): the locale's words, then the English."""
        if isinstance(message, tuple):
            return cls(pgettext(*message, **params), message[1] % params)
        return cls(_(message, **params), message % params)


@dataclass(frozen=True)
class Entry:
    """One indicator's reading from the sheet: a number (normalised decimal text), a text, or a marker."""

    value: str | None = None
    marker: str | None = None
    number: Decimal | None = None
    raw: str | None = None  # the raw value Excel stored, when the value kept differs from it


def plain(number: Decimal) -> str:
    """A decimal as plain text without exponent or trailing zeros: 35.00 -> 35, 1E+2 -> 100."""
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def _clean(text: str) -> str:
    return unicodedata.normalize("NFKC", text).strip()


def read_value(raw: Any, number_format: str, ind: Indicator, formula: bool = False) -> Entry | None:
    """The entry a value cell holds for `ind`, None when empty; raises CellRefusal. `formula`: the cell holds a
    formula and `raw` is its cached result."""
    if raw is None or (isinstance(raw, str) and not _clean(raw)):
        return None
    if isinstance(raw, bool):
        raise CellRefusal.say(N_("a logical value %(value)s is not a value"), value=raw)
    if isinstance(raw, dt.date | dt.datetime | dt.time):
        raise CellRefusal.say(
            N_("Excel turned the input into a date or time (e.g. 1/2, 3-5); set the cell to text and retype")
        )
    if isinstance(raw, int | float):
        if not KINDS[ind.kind].numeric:
            raise CellRefusal.say(
                NP_("import-xlsx: a number cell", "qualitative indicator: text expected, not a number")
            )
        number, exact = _from_excel(raw, number_format, ind, formula)
        entry = _checked(number, ind, as_typed=formula)
        return entry if entry.number == exact else Entry(entry.value, None, entry.number, plain(exact))
    text = str(raw)
    if _clean(text) in MARKERS:
        return Entry(marker=_clean(text))
    if not KINDS[ind.kind].numeric:
        if is_written_number(text):
            raise CellRefusal.say(NP_("import-xlsx: a text cell", "qualitative indicator: text expected, not a number"))
        return Entry(value=text.strip())
    return _checked(_from_text(_clean(text), ind), ind, as_typed=True)


def _from_excel(raw: int | float, number_format: str, ind: Indicator, formula: bool) -> tuple[Decimal, Decimal]:
    """The number kept and the exact raw value (both scaled by 100 for a percent format)."""
    if isinstance(raw, float):
        if raw != raw or raw in (float("inf"), float("-inf")):
            raise CellRefusal.say(N_("not a valid number"))
        exact = Decimal(repr(raw))
    else:
        exact = Decimal(raw)
    shape = number_shape(number_format)
    _refuse_hidden_scale(exact, number_format, shape, ind)
    if shape.percent:
        if not KINDS[ind.kind].percent:
            raise CellRefusal.say(
                N_("the cell is formatted as a percentage, but the indicator's unit is %(unit)r"), unit=ind.unit
            )
        exact = exact.scaleb(2)
    if formula and shape.decimals is not None:
        return exact.quantize(Decimal(1).scaleb(-shape.decimals), rounding=ROUND_HALF_UP), exact
    return significant(exact), exact


def significant(number: Decimal, digits: int = EXCEL_DIGITS) -> Decimal:
    """At most `digits` significant digits, half away from zero, trailing zeros dropped (Excel's General)."""
    if number and len(number.as_tuple().digits) > digits:  # 45.800000000000004: what Excel shows is 45.8
        number = number.quantize(Decimal(1).scaleb(number.adjusted() - digits + 1), rounding=ROUND_HALF_UP)
    return Decimal(plain(number))


def _refuse_hidden_scale(exact: Decimal, number_format: str, shape: Shape, ind: Indicator) -> None:
    """A format that shows another number than the cell holds, so that neither can be taken for the editor's:
    trailing commas (`0.0,` `#,##0,,`) show the value divided by 1000 per comma, a fraction format (`# ?/?`)
    shows a non-whole value as an approximate fraction. Refused, naming both numbers, whether typed or
    computed: the import never stores the shown figure scaled, nor the held one as if it were shown."""
    if shape.scale and exact:
        factor = 1000**shape.scale
        shown = exact / factor
        if shape.decimals is not None:
            shown = shown.quantize(Decimal(1).scaleb(-shape.decimals), rounding=ROUND_HALF_UP)
        raise CellRefusal(*editor_text("format-scaled", format=number_format, factor=factor, shown=plain(shown),
                                       raw=plain(significant(exact)), unit=ind.unit or ""))  # fmt: skip
    if shape.fraction and exact != exact.to_integral_value():
        raise CellRefusal(*editor_text("format-fraction", format=number_format, raw=plain(significant(exact))))
    shown_sci = _scientific_shown(exact, number_format)
    if shown_sci is not None and Decimal(shown_sci[1]) != significant(exact):
        raise CellRefusal(*editor_text("format-scientific", format=number_format, shown=shown_sci[0],
                                       raw=plain(significant(exact))))  # fmt: skip


def _scientific_shown(exact: Decimal, number_format: str) -> tuple[str, str] | None:
    """What a scientific format (`0.0E+00`, engineering `##0.0E+0`) shows for `exact`, as Excel writes it and
    as a plain number; None for other formats and zero."""
    section = _FORMAT_SECTION.match(number_format or "")
    code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", section.group(0) if section else "")
    match = re.fullmatch(r"[^0#?]*([0#?,]*)(?:\.([0#?]*))?[eE][+-]([0#?]+).*", code)
    if match is None or not exact:
        return None
    whole, decimals, digits = match[1].replace(",", ""), len(match[2] or ""), len(match[3])
    if "#" in whole or "?" in whole:  # engineering: the exponent is a multiple of the integer placeholders
        exponent = exact.adjusted() // len(whole) * len(whole)
    else:
        exponent = exact.adjusted() - max(len(whole), 1) + 1
    mantissa = exact.scaleb(-exponent).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if exponent < 0 else "+"
    return f"{mantissa}E{sign}{abs(exponent):0{digits}d}", plain(mantissa.scaleb(exponent))


@dataclass(frozen=True)
class Shape:
    """What a number format shows: decimals (None: General, 15 significant digits), percent, how many times it
    divides by 1000 (trailing commas) and whether it shows fractions."""

    decimals: int | None
    percent: bool
    scale: int = 0
    fraction: bool = False


def number_shape(number_format: str | None) -> Shape:
    """Read an Excel number format's first section: "0.0" -> 1 decimal, "#,##0.00" -> 2, "0.0%" -> 1 and
    percent, "General", "@" or a scientific format -> None (General's 15 significant digits)."""
    text = number_format or "General"
    section = _FORMAT_SECTION.match(text)
    code = section.group(0) if section else text
    code = re.sub(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.', "", code)  # literal text, escapes, colours, padding
    percent = "%" in code
    if code.strip().lower() in ("general", "@", "") or re.search(r"[eE][+-]", code) or not re.search(r"[0#?]", code):
        return Shape(None, percent)
    # a run of commas after a digit placeholder and not followed by one scales (1000 each); between
    # placeholders (#,##0) a comma only groups thousands
    scale = sum(len(m.group(1)) for m in re.finditer(r"(?<=[0#?.])(,+)(?![,0#?])", code))
    fraction = bool(re.search(r"[0#?]\s*/\s*[0-9#?]", code))
    _, dot, frac = code.partition(".")
    decimals = len(re.match(r"[0#?]*", frac).group(0)) if dot else 0  # type: ignore[union-attr]
    return Shape(decimals, percent, scale, fraction)


_FORMAT_SECTION = re.compile(r'(?:"[^"]*"|\\.|[^;])*')


_NUMBER = re.compile(
    r"(?P<sign>[-+]?)\s*(?P<num>[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?|[0-9]+(?:\.[0-9]+)?)\s*(?P<unit>.*)"
)


def _from_text(text: str, ind: Indicator) -> Decimal:
    typed = {"text": text, "short": text[:40]}  # the English names the text, the Chinese its start
    if re.fullmatch(r"[-+]?[0-9.]+[eE][-+]?[0-9]+", text):
        raise CellRefusal.say(N_("%(text)r is in scientific notation; write it out"), **typed)
    if len(re.findall(r"[0-9]+(?:[.,][0-9]+)*", text)) > 1:
        raise CellRefusal.say(N_("%(text)r holds two values; give one"), **typed)
    match = _NUMBER.fullmatch(text)
    if match is None:
        raise CellRefusal.say(
            N_("a number is expected, got %(text)r; write %(none)s (not available) or %(na)s (not applicable)"),
            none=NOT_AVAILABLE,
            na=NOT_APPLICABLE,
            **typed,
        )
    num, unit = match["num"], match["unit"].strip()
    if unit[:1] == "," or unit[:1].isdigit():
        raise CellRefusal.say(
            N_("the comma in %(text)r is ambiguous (thousands or decimal?); use '.' for decimals"), **typed
        )
    _check_unit(text, unit, ind)
    number = Decimal(num.replace(",", ""))
    return -number if match["sign"] == "-" else number


def _check_unit(text: str, unit: str, ind: Indicator) -> None:
    if not unit:
        return
    own = _clean(ind.unit or "")
    if unit == "%" and not KINDS[ind.kind].percent:
        raise CellRefusal.say(
            N_("%(text)r has a percent sign, but the indicator's unit is %(unit)r"),
            text=text,
            short=text[:40],
            unit=own,
        )
    if unit.replace(" ", "") != own.replace(" ", ""):
        raise CellRefusal.say(
            N_("unit %(unit)r does not match the indicator's unit %(own)r; convert and give the number only"),
            unit=unit,
            own=own,
        )


def _checked(number: Decimal, ind: Indicator, as_typed: bool = False) -> Entry:
    """A number that passed the checks of a value by its indicator's kind (the checker's own: `kind_problem`).
    Typed text keeps its digits as written (125.0 stays 125.0: nothing an editor wrote is changed beyond width
    and separators); a number Excel stored is written without float noise."""
    problem = kind_problem(ind.kind, number)  # the checker's rule (generator/data/rules/values.py)
    if problem == "too-large":
        raise CellRefusal(*too_large_text(ind, number))
    if problem == "not-whole":
        raise CellRefusal.say(N_("a count must be a whole number (%(number)s)"), name=ind.name, number=plain(number))
    if problem == "negative":
        raise CellRefusal.say(N_("cannot be negative (%(number)s)"), number=plain(number))
    if problem == "over-100":
        raise CellRefusal.say(N_("percentage %(number)s exceeds 100 (35 %% is 35)"), number=plain(number))
    return Entry(value=format(number, "f") if as_typed else plain(number), number=number)


def read_date(raw: Any) -> dt.date | None:
    """The submission date: a date cell, or text 2025-01-20 / 2025/1/20 / the Chinese way (vocabulary.DATE_WRITTEN)."""
    if raw is None or (isinstance(raw, str) and not _clean(raw)):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    text = _clean(str(raw))
    match = re.fullmatch(DATE_WRITTEN, text)
    if match:
        try:
            return dt.date(int(match[1]), int(match[2]), int(match[3]))
        except ValueError:
            pass
    raise CellRefusal.say(N_("a date like 2025-01-20 expected, got %(text)r"), text=text, short=text[:40])


def read_text(raw: Any) -> str | None:
    """A note or a highlight: text as typed (trimmed); a number or date as Excel shows it."""
    if raw is None:
        return None
    if isinstance(raw, dt.datetime):
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, float):
        try:
            return plain(Decimal(repr(raw)))
        except InvalidOperation:
            return str(raw)
    return str(raw).strip() or None
