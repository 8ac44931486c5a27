"""The data dictionary, made from the models: every field of every data file with its type, whether it is
required, and its Chinese and English descriptions (the models are the one definition of the data)."""

from __future__ import annotations

import types
import typing
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from generator.data import layout
from generator.data.models import (
    field_words,
)

# Every kind of data file (layout.py) as (its kind: path shown and what it holds, in the catalogue's words where
# shown; the model of one record): the files that
# hold one record first, then the lists (the reference lists), each in the layout's order.
FILES: list[tuple[layout.FileKind, type[BaseModel]]] = [
    (kind, kind.item_model)
    for kind in sorted((k for k in layout.FILE_KINDS if k.model is not None), key=lambda k: k.is_list)
]

_SCALARS = {
    "_name": "文字（一行）", "_markdown": "文字（可用 Markdown）", "_paragraph": "文字（可用 Markdown）", "_url": "网址", "_id": "编号", "_key": "编号",
    "_year": "年份", "_date": "日期（YYYY-MM-DD）", "_bool": "true 或 false", "_number": "数字",
    "_text_or_number": "数字或文字",
}  # fmt: skip


@dataclass(frozen=True)
class FieldDoc:
    path: str  # dotted, `[]` for list items
    type: str
    required: bool
    zh: str
    en: str


def model_fields(model: type[BaseModel], prefix: str = "") -> list[FieldDoc]:
    """Every field of `model` and of the models inside it, in declaration order."""
    out: list[FieldDoc] = []
    for name, info in model.model_fields.items():
        path = f"{prefix}{name}"
        label, nested, suffix = _describe(info.annotation, list(info.metadata))
        zh, en = _texts(info)
        out.append(FieldDoc(path, label, info.is_required(), zh, en))
        for inner in nested:
            inner_prefix = f"{path}{suffix}."
            if len(nested) > 1:  # a union of event kinds: name the kind
                kind = inner.model_fields["kind"].annotation
                inner_prefix = f"{path}{suffix}({typing.get_args(kind)[0]})."
            out.extend(model_fields(inner, inner_prefix))
    return out


def _texts(info: FieldInfo) -> tuple[str, str]:
    return field_words(info)  # tests/test_docs.py requires both on every field


def _describe(annotation: Any, metadata: list[Any]) -> tuple[str, list[type[BaseModel]], str]:
    """(type label, models inside, path suffix for their fields)."""
    for item in metadata:
        func = getattr(item, "func", None)
        if func is not None and func.__name__ in _SCALARS:
            return _SCALARS[func.__name__], [], ""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return _describe(args[0], list(annotation.__metadata__))
    if origin in (typing.Union, types.UnionType):
        parts = [_describe(a, []) for a in args if a is not type(None)]
        if len(parts) == 1:
            return parts[0]
        models = [m for p in parts for m in p[1]]
        return ("对象（按 kind 区分）" if models else "或".join(p[0] for p in parts)), models, ""
    if origin is typing.Literal:
        return "取值：" + " / ".join(str(a) for a in args), [], ""
    if origin is list:
        label, nested, _ = _describe(args[0], [])
        return f"{label}的列表", nested, "[]"
    if origin is dict:
        value_label, nested, _ = _describe(args[1], [])
        return f"键值对（{_describe(args[0], [])[0]}: {value_label}）", nested, ".<编号>"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return "对象", [annotation], ""
    return {int: "整数", str: "文字", bool: "true 或 false"}.get(annotation, str(annotation)), [], ""


def dictionary_view() -> list[dict[str, Any]]:
    """Per data file: its path, what it holds, and its fields."""
    return [
        {"file": kind.shown, "what": kind.title, "fields": [
            {"path": f.path, "type": f.type, "required": "必填" if f.required else "可选", "zh": f.zh, "en": f.en}
            for f in model_fields(model)
        ]}
        for kind, model in FILES
    ]  # fmt: skip
