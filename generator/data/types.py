"""Scalar types for the models: each turns the text an editor wrote into a value, or explains why not.

The loader hands over every scalar as the exact text written (see `load.py`), so the meaning of a
value is decided here, by the field that holds it, never by YAML's guessing. Every refusal is a
`PydanticCustomError` whose type is one of our problem codes and whose context carries the Chinese
and English text and a hint; `validate.py` turns it into a `Problem`.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Annotated, Any

from pydantic import PlainValidator, WithJsonSchema
from pydantic_core import PydanticCustomError

from generator.data.links import markdown_problem, shown_url, url_problem
from generator.data.messages import editor_text
from generator.data.vocabulary import (
    FULLWIDTH_IN_NUMBERS,
    NO_DATA_WRITTEN,
    NOT_APPLICABLE,
    NOT_AVAILABLE,
    PERCENT_SIGNS,
    POLICE_FILING,
    POLICE_FILING_EXAMPLE,
)
from generator.data.vocabulary import MARKERS as MARKERS  # read from here too; they are input vocabulary
from generator.i18n import NP_, _, pgettext

MARKER_WORDS = {"not_available": NOT_AVAILABLE, "not_applicable": NOT_APPLICABLE}  # the markers, in messages


def fail(code: str, zh: str, en: str, hint: str = "", *, empty: bool = False) -> PydanticCustomError:
    """One of our problems. `empty`: the value is missing; the hint (fill in or delete) is for an optional
    field, and validation puts the required field's hint in its place."""
    return PydanticCustomError(code, "{en}", {"zh": zh, "en": en, "hint": hint, "empty": empty})


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return pgettext("value shown", "a mapping")
    if isinstance(value, list):
        return pgettext("value shown", "a list")
    text = str(value)
    return f"“{text[:40]}{'…' if len(text) > 40 else ''}”"


def _need_text(value: Any, what: tuple[str, str]) -> str:
    """`value` if it is text; `what` (marked with `NP_`) names what the field expects."""
    if value is None:
        raise fail(
            "wrong-type",
            _("empty; expected %(what)s", what=pgettext(*what)),
            f"empty; expected {what[1]}",
            _("Write the value after the colon, or delete the field."),
            empty=True,
        )
    if not isinstance(value, str):
        raise fail(
            "wrong-type",
            _("expected %(what)s, got %(shown)s", what=pgettext(*what), shown=_shown(value)),
            f"expected {what[1]}",
            _("Check the indentation: the field's value is written after the colon, on the same line."),
        )
    return value


# --- length limits (issue 12, item 4) --------------------------------------------------------------
# What a reader never needs more of; they also keep the build's cost in proportion to the data (a name is
# printed on dozens of pages). In characters (字), as editors count them. The sample data's longest name is
# 111 characters (an indicator's English name), its longest Markdown text 121; the whole guideline the
# zones are built under (示范区建设指引) is about 4,800 characters, its longest part (主要任务, the seven
# tasks) 1,378 and its other numbered parts at most 587.
NAME_MAX = 200  # one line: nearly twice the longest name, more than any official title or document number
PARAGRAPH_MAX = 1000  # a note, a highlight, a case summary, a qualitative value: one paragraph
SECTION_MAX = 5000  # a plan or case section: longer than the whole guideline (about three A4 pages)
URL_MAX = 2000  # the length browsers and servers reliably take
NUMBER_MAX = 100  # a target or an amount: the largest figure of any budget has a few dozen digits


def _within(text: str, limit: int, kind: str) -> str:
    """`text` if it has at most `limit` characters; `kind` names the field kind (name, paragraph, section, url)."""
    if len(text) > limit:
        kind_zh, kind_en = editor_text(f"text-kind-{kind}")
        zh, en = editor_text("text-too-long", length=len(text), limit=limit, kind=kind_zh, kind_en=kind_en)
        raise fail("text-too-long", zh, en, editor_text(f"text-too-long-hint-{kind}", limit=limit)[0])
    return text


# --- hints for what people type ----------------------------------------------------------------

_FULLWIDTH = re.compile(FULLWIDTH_IN_NUMBERS)


def number_hint(text: str) -> str:
    """Why `text` is not a plain number, in the locale's words, naming the keyboard or Excel habit behind it."""
    if _FULLWIDTH.search(text):
        return _(
            "The value has full-width digits or signs: switch to half-width input (the English input method) and "
            "type it again."
        )
    if re.fullmatch(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text.strip()):
        return _("Do not use thousands separators: write 12,345 as 12345.")
    if re.fullmatch(r"[-+]?[0-9]+,[0-9]+", text.strip()):
        return _("Use a half-width full stop as the decimal point: write 3,5 as 3.5.")
    if text.strip().endswith(PERCENT_SIGNS):
        return _("Write only the number of a percentage: write 35%% as 35.")
    if re.match(r"^[-+]?[0-9]+(\.[0-9]+)?\s*\S+$", text.strip()):
        return _("Write only the number, without the unit (the indicator system sets the unit).")
    if re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+", text.strip()):
        return _("Write an ordinary decimal number, not scientific notation.")
    if text.strip() in NO_DATA_WRITTEN:
        return _(
            "Without data write “%(not_available)s”; where it does not apply write “%(not_applicable)s”.",
            **MARKER_WORDS,
        )
    return _(
        "Write only the number itself (half-width, without unit or thousands separators); without data write "
        "“%(not_available)s”, where it does not apply “%(not_applicable)s”.",
        **MARKER_WORDS,
    )


_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


# A number as editors write one in running text or a cell: a sign, digits with or without thousands separators,
# one decimal point. Read after NFKC, so the full-width digits of Chinese input methods count too.
_WRITTEN_NUMBER = re.compile(r"[-+]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?")


def is_written_number(text: str) -> bool:
    """Whether `text` is only a number (`12`, `-3.5`, `1,234`, the same in full-width digits): where words belong (a
    qualitative value), such a text is a number put in the wrong place. A date `2024.3.1`, or words with a number
    in them, are words."""
    return _WRITTEN_NUMBER.fullmatch(unicodedata.normalize("NFKC", text).strip()) is not None


def parse_number(text: str) -> Decimal | None:
    """A plain decimal number as editors write it (`35`, `-2.5`), or None. Exact: no float rounding."""
    if not _NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
        return None


# --- validators ----------------------------------------------------------------------------


def _name(value: Any) -> str:
    return _one_line(_within(_need_text(value, NP_("expected value", "a line of text")), NAME_MAX, "name"))


def _not_empty(text: str) -> None:
    """An empty (or blank) text is refused with the hint to write it or drop the field."""
    if not text.strip():
        raise fail(
            "wrong-type",
            pgettext("value check", "must not be empty"),
            "must not be empty",
            _("Write the value, or delete the field."),
            empty=True,
        )


def _one_line(text: str) -> str:
    _not_empty(text)
    if "\n" in text:
        raise fail(
            "wrong-type",
            pgettext("value check", "must be a single line"),
            "must be a single line",
            _("Delete the line break."),
        )
    _reject_markup(text)
    return text


def _markdown(value: Any) -> str:
    return _markdown_text(_within(_need_text(value, NP_("expected value", "text")), SECTION_MAX, "section"))


def _paragraph(value: Any) -> str:
    return _markdown_text(_within(_need_text(value, NP_("expected value", "text")), PARAGRAPH_MAX, "paragraph"))


def _markdown_text(text: str) -> str:
    _not_empty(text)
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    if bad:
        raise fail(
            "markup-in-text",
            _("contains control character U+%(code)s", code=f"{ord(bad[0]):04X}"),
            f"contains control character U+{ord(bad[0]):04X}",
            _("Delete the character (it usually comes with text copied from another program)."),
        )
    check_links(text)
    return text


def _reject_markup(text: str) -> None:
    for char in text:
        if char in '<>"':
            raise fail(
                "markup-in-text",
                _("must not contain '%(char)s'", char=char),
                f"must not contain '{char}'",
                _(
                    "Do not use angle brackets or straight double quotes in names and titles; use full-width angle "
                    "brackets, title marks or Chinese quotation marks instead."
                ),
            )
        if unicodedata.category(char) == "Cc":
            raise fail(
                "markup-in-text",
                _("contains control character U+%(code)s", code=f"{ord(char):04X}"),
                f"contains control character U+{ord(char):04X}",
                _("Delete the character (it usually comes with text copied from another program)."),
            )


def check_links(text: str) -> None:
    """Refuse a link the judge refuses and any image, as markdown-it reads the Markdown (`links.py`)."""
    found = markdown_problem(text)
    if found is None:
        return
    why, url = found
    key, hint = ("link-image", "link-image-hint") if why == "image" else (f"link-{why}", "link-hint")
    zh, en = editor_text(key, target=shown_url(url))
    raise fail("unsafe-link", zh, en, editor_text(hint)[0])


def _url(value: Any) -> str:
    text = _one_line(_within(_need_text(value, NP_("expected value", "a line of text")), URL_MAX, "url"))
    if not re.fullmatch(r"https?://[^\s\"'<>`]+", text) or url_problem(text, web_only=True):
        raise fail(
            "wrong-type",
            _("expected a URL starting with http:// or https://, got %(shown)s", shown=_shown(text)),
            "expected a URL starting with http:// or https://",
            _("Copy the whole address from the browser's address bar."),
        )
    return text


def _police_filing(value: Any) -> str:
    text = _name(value)
    if not re.fullmatch(POLICE_FILING, text):
        raise fail(
            "wrong-type",
            _(
                "expected a public-security filing number such as %(example)s (the province's one-character name, "
                "the filing words, 14 digits, and the closing word), got %(shown)s",
                example=f"“{POLICE_FILING_EXAMPLE}”",
                shown=_shown(text),
            ),
            f"expected a public-security filing number such as {POLICE_FILING_EXAMPLE}, got {text!r}",
            _("Copy the number exactly as the filing system issued it; the footer links it to its record."),
        )
    return text


def police_filing_code(number: str) -> str:
    """The record's code (14 digits) of a checked public-security filing number."""
    found = re.fullmatch(POLICE_FILING, number)
    return found.group(1) if found else ""


def _id(value: Any) -> str:
    text = _need_text(value, NP_("expected value", "an id"))
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text) or len(text) > 64:
        raise fail(
            "invalid-id",
            _("invalid id %(shown)s", shown=_shown(text)),
            f"invalid id {text!r}",
            _(
                "An id has only lowercase letters, digits and single hyphens, such as nanning-hitech (at most 64 "
                "characters)."
            ),
        )
    return text


def _key(value: Any) -> str:
    """An indicator or reference id as used in data keys: lowercase words joined by `_` or `-`."""
    text = _need_text(value, NP_("expected value", "an id"))
    if not re.fullmatch(r"[a-z0-9]+([_-][a-z0-9]+)*", text) or len(text) > 64:
        raise fail(
            "invalid-id",
            _("invalid id %(shown)s", shown=_shown(text)),
            f"invalid id {text!r}",
            _("An id has only lowercase letters, digits, underscores and hyphens, such as tech_contract_turnover."),
        )
    return text


def _year(value: Any) -> int:
    text = _need_text(value, NP_("expected value", "a year"))
    if re.fullmatch(r"[0-9]{4}", text) and 1990 <= int(text) <= 2100:
        return int(text)
    if _FULLWIDTH.search(text):
        hint = number_hint(text)
    else:
        hint = _("Write the year as four half-width digits, such as 2024 (nothing after them).")
    zh = _("expected a four-digit year, got %(shown)s", shown=_shown(text))
    raise fail("wrong-type", zh, f"expected a four-digit year, got {text!r}", hint)


def _date(value: Any) -> dt.date:
    text = _need_text(value, NP_("expected value", "a date"))
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise fail(
                "wrong-type",
                _("no such date %(shown)s", shown=_shown(text)),
                f"no such date {text!r}",
                _("Check the month and the day."),
            ) from None
    hint = _(
        "Write a date as year-month-day, the month and the day with two digits, such as 2024-01-31 (not 2024/1/31 "
        "or with words between the numbers)."
    )
    if _FULLWIDTH.search(text):
        hint = number_hint(text)
    zh = _("expected a date, got %(shown)s", shown=_shown(text))
    raise fail("wrong-type", zh, f"expected a date YYYY-MM-DD, got {text!r}", hint)


def _bool(value: Any) -> bool:
    text = _need_text(value, NP_("expected value", "true or false"))
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    raise fail(
        "wrong-type",
        _("expected true or false, got %(shown)s", shown=_shown(text)),
        f"expected true or false, got {text!r}",
        _("Write only true (yes) or false (no), not yes/no or other words."),
    )


def _number(value: Any) -> Decimal:
    text = _within(_need_text(value, NP_("expected value", "a number")), NUMBER_MAX, "number")
    number = parse_number(text)
    if number is None:
        raise fail(
            "wrong-type",
            _("expected a number, got %(shown)s", shown=_shown(text)),
            f"expected a number, got {text!r}",
            number_hint(text),
        )
    return number


def _text_or_number(value: Any) -> str:
    """A raw indicator value: kept as written; `validate.py` reads it by the indicator's kind."""
    return _within(_need_text(value, NP_("expected value", "a number or text")), PARAGRAPH_MAX, "paragraph")


Name = Annotated[str, PlainValidator(_name), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": NAME_MAX})]
Markdown = Annotated[
    str, PlainValidator(_markdown), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": SECTION_MAX})
]
Paragraph = Annotated[
    str, PlainValidator(_paragraph), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": PARAGRAPH_MAX})
]
Url = Annotated[
    str, PlainValidator(_url), WithJsonSchema({"type": "string", "pattern": "^https?://", "maxLength": URL_MAX})
]
PoliceFiling = Annotated[
    str, PlainValidator(_police_filing), WithJsonSchema({"type": "string", "pattern": "^" + POLICE_FILING + "$"})
]
Id = Annotated[str, PlainValidator(_id), WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})]
Key = Annotated[str, PlainValidator(_key), WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+([_-][a-z0-9]+)*$"})]
Year = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "integer", "minimum": 1990, "maximum": 2100})]
Date = Annotated[dt.date, PlainValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Bool = Annotated[bool, PlainValidator(_bool), WithJsonSchema({"type": "boolean"})]
Number = Annotated[Decimal, PlainValidator(_number), WithJsonSchema({"type": "number"})]
RawValue = Annotated[
    str, PlainValidator(_text_or_number), WithJsonSchema({"type": ["number", "string"], "maxLength": PARAGRAPH_MAX})
]
