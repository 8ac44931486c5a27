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

MARKERS = ("暂无", "不适用")  # "not available", "not applicable": never read as zero


def fail(code: str, zh: str, en: str, hint: str = "", *, empty: bool = False) -> PydanticCustomError:
    """One of our problems. `empty`: the value is missing; the hint (fill in or delete) is for an optional
    field, and validation puts the required field's hint in its place."""
    return PydanticCustomError(code, "{en}", {"zh": zh, "en": en, "hint": hint, "empty": empty})


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        return "键值对"
    if isinstance(value, list):
        return "列表"
    text = str(value)
    return f"“{text[:40]}{'…' if len(text) > 40 else ''}”"


def _need_text(value: Any, what_zh: str, what_en: str) -> str:
    if value is None:
        raise fail(
            "wrong-type",
            f"值为空，应为{what_zh}",
            f"empty; expected {what_en}",
            "在冒号后填写内容，或删除该字段。",
            empty=True,
        )
    if not isinstance(value, str):
        raise fail(
            "wrong-type",
            f"应为{what_zh}，实际为{_shown(value)}",
            f"expected {what_en}",
            "检查缩进：该字段的值应写在同一行冒号之后。",
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

_FULLWIDTH = re.compile(r"[０-９．，－＋％]")


def number_hint(text: str) -> str:
    """Why `text` is not a plain number, in Chinese, naming the keyboard or Excel habit behind it."""
    if _FULLWIDTH.search(text):
        return "含有全角数字或符号，请切换到半角输入（英文输入法）后重新输入。"
    if re.fullmatch(r"[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?", text.strip()):
        return "不要使用千位分隔符：例如 12,345 写成 12345。"
    if re.fullmatch(r"[-+]?[0-9]+,[0-9]+", text.strip()):
        return "小数点请用半角句点：例如 3,5 写成 3.5。"
    if text.strip().endswith(("%", "％")):
        return "百分比只写数字：35% 写成 35。"
    if re.match(r"^[-+]?[0-9]+(\.[0-9]+)?\s*\S+$", text.strip()):
        return "只写数字，不带单位（单位由指标体系规定）。"
    if re.fullmatch(r"[-+]?[0-9]+(\.[0-9]+)?[eE][-+]?[0-9]+", text.strip()):
        return "请写成普通小数，不用科学计数法。"
    if text.strip() in ("-", "—", "/", "无", "N/A", "n/a", "NA", "空"):
        return "没有数据请写“暂无”，不适用请写“不适用”。"
    return "只写数字本身（半角、不带单位和千位分隔符）；没有数据写“暂无”，不适用写“不适用”。"


_NUMBER = re.compile(r"[-+]?[0-9]+(\.[0-9]+)?")


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
    return _one_line(_within(_need_text(value, "一行文字", "a line of text"), NAME_MAX, "name"))


def _one_line(text: str) -> str:
    if not text.strip():
        raise fail("wrong-type", "不能为空", "must not be empty", "填写内容，或删除该字段。", empty=True)
    if "\n" in text:
        raise fail("wrong-type", "应为一行文字，不能换行", "must be a single line", "删除换行。")
    _reject_markup(text)
    return text


def _markdown(value: Any) -> str:
    return _markdown_text(_within(_need_text(value, "文字", "text"), SECTION_MAX, "section"))


def _paragraph(value: Any) -> str:
    return _markdown_text(_within(_need_text(value, "文字", "text"), PARAGRAPH_MAX, "paragraph"))


def _markdown_text(text: str) -> str:
    if not text.strip():
        raise fail("wrong-type", "不能为空", "must not be empty", "填写内容，或删除该字段。", empty=True)
    bad = [c for c in text if unicodedata.category(c) == "Cc" and c not in "\n\t"]
    if bad:
        raise fail(
            "markup-in-text",
            f"含有控制字符 U+{ord(bad[0]):04X}",
            f"contains control character U+{ord(bad[0]):04X}",
            "删除该字符（通常是从其他软件复制时带入的）。",
        )
    check_links(text)
    return text


def _reject_markup(text: str) -> None:
    for char in text:
        if char in '<>"':
            raise fail(
                "markup-in-text",
                f"不能含有“{char}”",
                f"must not contain '{char}'",
                "名称和标题中不要使用尖括号和英文双引号；可改用全角“〈〉”、书名号或中文引号“”。",
            )
        if unicodedata.category(char) == "Cc":
            raise fail(
                "markup-in-text",
                f"含有控制字符 U+{ord(char):04X}",
                f"contains control character U+{ord(char):04X}",
                "删除该字符（通常是从其他软件复制时带入的）。",
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
    text = _one_line(_within(_need_text(value, "一行文字", "a line of text"), URL_MAX, "url"))
    if not re.fullmatch(r"https?://[^\s\"'<>`]+", text) or url_problem(text, web_only=True):
        raise fail(
            "wrong-type",
            f"应为以 http:// 或 https:// 开头的网址，实际为{_shown(text)}",
            "expected a URL starting with http:// or https://",
            "复制浏览器地址栏中的完整网址。",
        )
    return text


def _id(value: Any) -> str:
    text = _need_text(value, "编号", "an id")
    if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", text) or len(text) > 64:
        raise fail(
            "invalid-id",
            f"编号{_shown(text)}不符合规则",
            f"invalid id {text!r}",
            "编号只能用小写英文字母、数字和单个连字符，如 nanning-hitech（不超过 64 个字符）。",
        )
    return text


def _key(value: Any) -> str:
    """An indicator or reference id as used in data keys: lowercase words joined by `_` or `-`."""
    text = _need_text(value, "编号", "an id")
    if not re.fullmatch(r"[a-z0-9]+([_-][a-z0-9]+)*", text) or len(text) > 64:
        raise fail(
            "invalid-id",
            f"编号{_shown(text)}不符合规则",
            f"invalid id {text!r}",
            "编号只能用小写英文字母、数字、下划线和连字符，如 tech_contract_turnover。",
        )
    return text


def _year(value: Any) -> int:
    text = _need_text(value, "年份", "a year")
    if re.fullmatch(r"[0-9]{4}", text) and 1990 <= int(text) <= 2100:
        return int(text)
    hint = number_hint(text) if _FULLWIDTH.search(text) else "年份写四位半角数字，如 2024（不要写“2024年”）。"
    raise fail("wrong-type", f"应为四位年份，实际为{_shown(text)}", f"expected a four-digit year, got {text!r}", hint)


def _date(value: Any) -> dt.date:
    text = _need_text(value, "日期", "a date")
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            raise fail(
                "wrong-type", f"日期{_shown(text)}不存在", f"no such date {text!r}", "检查月份和日期。"
            ) from None
    hint = "日期写成 年-月-日，月和日用两位数字，如 2024-01-31（不要写 2024/1/31 或 2024年1月31日）。"
    if _FULLWIDTH.search(text):
        hint = number_hint(text)
    raise fail("wrong-type", f"应为日期，实际为{_shown(text)}", f"expected a date YYYY-MM-DD, got {text!r}", hint)


def _bool(value: Any) -> bool:
    text = _need_text(value, "true 或 false", "true or false")
    if text in ("true", "True", "TRUE"):
        return True
    if text in ("false", "False", "FALSE"):
        return False
    raise fail(
        "wrong-type",
        f"应为 true 或 false，实际为{_shown(text)}",
        f"expected true or false, got {text!r}",
        "只写 true（是）或 false（否），不要写 yes/no/是/否。",
    )


def _number(value: Any) -> Decimal:
    text = _within(_need_text(value, "数字", "a number"), NUMBER_MAX, "number")
    number = parse_number(text)
    if number is None:
        raise fail(
            "wrong-type", f"应为数字，实际为{_shown(text)}", f"expected a number, got {text!r}", number_hint(text)
        )
    return number


def _text_or_number(value: Any) -> str:
    """A raw indicator value: kept as written; `validate.py` reads it by the indicator's kind."""
    return _within(_need_text(value, "数字或文字", "a number or text"), PARAGRAPH_MAX, "paragraph")


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
Id = Annotated[str, PlainValidator(_id), WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"})]
Key = Annotated[str, PlainValidator(_key), WithJsonSchema({"type": "string", "pattern": "^[a-z0-9]+([_-][a-z0-9]+)*$"})]
Year = Annotated[int, PlainValidator(_year), WithJsonSchema({"type": "integer", "minimum": 1990, "maximum": 2100})]
Date = Annotated[dt.date, PlainValidator(_date), WithJsonSchema({"type": "string", "format": "date"})]
Bool = Annotated[bool, PlainValidator(_bool), WithJsonSchema({"type": "boolean"})]
Number = Annotated[Decimal, PlainValidator(_number), WithJsonSchema({"type": "number"})]
RawValue = Annotated[
    str, PlainValidator(_text_or_number), WithJsonSchema({"type": ["number", "string"], "maxLength": PARAGRAPH_MAX})
]
